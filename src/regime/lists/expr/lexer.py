"""Tokens of the criteria language, each with its position in the source text."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from regime.lists.expr.errors import ExprError


class Tok(enum.Enum):
    """Token kinds."""

    NUMBER = "number"
    STRING = "string"
    NAME = "name"
    OP = "operator"
    END = "end of expression"


KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false"})

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)
  | (?P<string>"[^"\\]*"|'[^'\\]*')
  | (?P<name>[A-Za-zµΩ°][A-Za-z0-9_µΩ°]*)
  | (?P<op><=|>=|==|!=|<|>|\+|-|\*|/|\^|\(|\)|\{|\}|,|%|×)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    """One token: kind, text and start position."""

    kind: Tok
    text: str
    position: int

    def is_op(self, *ops: str) -> bool:
        """True when this is one of the given operators."""
        return self.kind is Tok.OP and self.text in ops

    def is_keyword(self, *words: str) -> bool:
        """True when this is one of the given keywords."""
        return self.kind is Tok.NAME and self.text in words


def tokenize(text: str, *, where: str | None = None) -> list[Token]:
    """Split a criterion into tokens; an unexpected character is an error at its position."""
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ExprError(f"unexpected character {text[position]!r}", text=text, position=position, where=where)
        kind = match.lastgroup
        value = match.group()
        if kind == "number":
            tokens.append(Token(Tok.NUMBER, value.replace("_", ""), position))
        elif kind == "string":
            tokens.append(Token(Tok.STRING, value[1:-1], position))
        elif kind == "name":
            tokens.append(Token(Tok.NAME, value, position))
        elif kind == "op":
            tokens.append(Token(Tok.OP, "*" if value == "×" else value, position))
        position = match.end()
    tokens.append(Token(Tok.END, "", len(text)))
    return tokens

"""A recursive-descent parser from criterion text to a syntax tree.

Precedence, loosest first: ``or``, ``and``, ``not``, comparisons and ``in`` (comparisons chain into
ranges: ``2400 <= tpp < 4800``), ``+ -``, ``* /``, unary minus, then atoms. A unit is whatever unit
symbols follow a number directly: ``600 GB/s``, ``2 GB/s/mm^2``, ``193 nm``.
"""

from __future__ import annotations

from regime.lists.expr import ast
from regime.lists.expr.errors import ExprError
from regime.lists.expr.lexer import KEYWORDS, Tok, Token, tokenize
from regime.lists.units import is_unit_name

_COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")


class _Parser:
    def __init__(self, text: str, where: str | None) -> None:
        self.text = text
        self.where = where
        self.tokens = tokenize(text, where=where)
        self.index = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def peek(self, offset: int = 1) -> Token:
        return self.tokens[min(self.index + offset, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.current
        self.index += 1
        return token

    def error(self, message: str, token: Token | None = None) -> ExprError:
        token = token or self.current
        return ExprError(message, text=self.text, position=token.position, where=self.where)

    def expect_op(self, op: str) -> Token:
        if not self.current.is_op(op):
            found = self.current.text or self.current.kind.value
            raise self.error(f"expected {op!r} but found {found!r}")
        return self.advance()

    def parse(self) -> ast.Node:
        if self.current.kind is Tok.END:
            raise self.error("empty criterion")
        node = self.or_expr()
        if not self.at_end():
            raise self.error(f"unexpected {self.current.text!r} after a complete expression")
        return node

    def at_end(self) -> bool:
        return self.current.kind is Tok.END

    def or_expr(self) -> ast.Node:
        return self._logical("or", self.and_expr)

    def and_expr(self) -> ast.Node:
        return self._logical("and", self.not_expr)

    def _logical(self, word: str, operand: object) -> ast.Node:
        start = self.current.position
        parts = [operand()]  # type: ignore[operator]
        while self.current.is_keyword(word):
            self.advance()
            parts.append(operand())  # type: ignore[operator]
        return parts[0] if len(parts) == 1 else ast.Logical(start, word, tuple(parts))

    def not_expr(self) -> ast.Node:
        if self.current.is_keyword("not"):
            token = self.advance()
            return ast.Not(token.position, self.not_expr())
        return self.comparison()

    def comparison(self) -> ast.Node:
        left = self.additive()
        if self.current.is_keyword("in") or (self.current.is_keyword("not") and self.peek().is_keyword("in")):
            negated = self.current.text == "not"
            token = self.advance()
            if negated:
                self.advance()
            return ast.Member(token.position, left, self.additive(), negated)
        links: list[ast.Node] = []
        while self.current.kind is Tok.OP and self.current.text in _COMPARISONS:
            op = self.advance()
            right = self.additive()
            links.append(ast.Compare(op.position, op.text, left, right))
            left = right
        if not links:
            return left
        return links[0] if len(links) == 1 else ast.Logical(links[0].position, "and", tuple(links))

    def additive(self) -> ast.Node:
        left = self.term()
        while self.current.is_op("+", "-"):
            op = self.advance()
            left = ast.Arithmetic(op.position, op.text, left, self.term())
        return left

    def term(self) -> ast.Node:
        left = self.unary()
        while self.current.is_op("*", "/"):
            op = self.advance()
            left = ast.Arithmetic(op.position, op.text, left, self.unary())
        return left

    def unary(self) -> ast.Node:
        if self.current.is_op("-"):
            token = self.advance()
            return ast.Negate(token.position, self.unary())
        return self.primary()

    def primary(self) -> ast.Node:
        token = self.current
        if token.kind is Tok.NUMBER:
            self.advance()
            return ast.Number(token.position, float(token.text), self.unit())
        if token.kind is Tok.STRING:
            self.advance()
            return ast.String(token.position, token.text)
        if token.is_keyword("true", "false"):
            self.advance()
            return ast.Boolean(token.position, token.text == "true")
        if token.kind is Tok.NAME and token.text not in KEYWORDS:
            self.advance()
            if self.current.is_op("("):
                return ast.Call(token.position, token.text, self.arguments())
            return ast.Name(token.position, token.text)
        if token.is_op("("):
            self.advance()
            node = self.or_expr()
            self.expect_op(")")
            return node
        if token.is_op("{"):
            return self.set_literal()
        found = token.text or token.kind.value
        raise self.error(f"expected a number, a name, a quoted word or '(' but found {found!r}")

    def arguments(self) -> tuple[ast.Node, ...]:
        self.expect_op("(")
        args: list[ast.Node] = []
        if not self.current.is_op(")"):
            args.append(self.or_expr())
            while self.current.is_op(","):
                self.advance()
                args.append(self.or_expr())
        self.expect_op(")")
        return tuple(args)

    def set_literal(self) -> ast.Node:
        start = self.expect_op("{")
        items: list[ast.Node] = []
        if not self.current.is_op("}"):
            items.append(self.additive())
            while self.current.is_op(","):
                self.advance()
                items.append(self.additive())
        self.expect_op("}")
        return ast.SetLiteral(start.position, tuple(items))

    def unit(self) -> str:
        """Unit symbols written right after a number (``GB/s``, ``mm^2``, ``%``); empty if none."""
        if self.current.is_op("%"):
            self.advance()
            return "percent"
        if not self._unit_name_here():
            return ""
        parts = [self._unit_factor()]
        while self.current.is_op("/", "*") and self._unit_name_here(offset=1):
            parts.append(self.advance().text)
            parts.append(self._unit_factor())
        return " ".join(parts)

    def _unit_name_here(self, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token.kind is Tok.NAME and token.text not in KEYWORDS and is_unit_name(token.text)

    def _unit_factor(self) -> str:
        name = self.advance().text
        if self.current.is_op("^"):
            self.advance()
            sign = "-" if self.current.is_op("-") and self.advance() else ""
            if self.current.kind is not Tok.NUMBER:
                raise self.error("expected a whole number after '^'")
            return f"{name}**{sign}{self.advance().text}"
        return name


def parse(text: str, *, where: str | None = None) -> ast.Node:
    """Parse criterion text into a syntax tree; errors point at the position."""
    return _Parser(text, where).parse()

"""Errors in a criterion, pointing at the position in the expression."""

from __future__ import annotations

from regime.errors import InputError


class ExprError(InputError):
    """A syntax, name or unit error at a position of a criterion."""

    def __init__(self, message: str, *, text: str, position: int, where: str | None = None) -> None:
        self.text = text
        self.position = position
        self.reason = message
        caret = " " * position + "^"
        super().__init__(f"{message} at position {position + 1}\n    {text}\n    {caret}", where=where)

"""Errors that name where the bad input is and what was expected."""

from __future__ import annotations


class RegimeError(Exception):
    """Base class of every error regime reports to a user."""


class InputError(RegimeError):
    """Bad input: names the source (file, line, field) and what was expected."""

    def __init__(self, message: str, *, source: str | None = None, where: str | None = None) -> None:
        self.source = source
        self.where = where
        prefix = ": ".join(part for part in (source, where) if part)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class UnknownCountryError(InputError):
    """A country name or code that no table knows."""


class NotFoundError(RegimeError):
    """A named thing (entry, member, proposal ...) that does not exist."""

"""Restricted-party lists as one typed model, whatever format they came in.

A ``ListVersion`` is one version of one list source (the bundled Consolidated Screening List,
or a FollowTheMoney export a user brings): the lists it holds with what each means legally,
and its ``Party`` entries. The readers are ``csl.py`` and ``ftm.py``; ``loaders.py`` picks one.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict
from rigour.text.translit import ascii_text

from regime.errors import InputError

MAX_REPORTED = 8
PartyKind = Literal["person", "organisation", "vessel", "aircraft", "unknown"]


class Authority(BaseModel):
    """One list and what being on it means: the legal basis and its effect, in the source's words."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    citation: str = ""
    effect: str = ""


class Legal(BaseModel):
    """The entry-specific legal facts a list gives (Entity List columns, sanctions programmes)."""

    model_config = ConfigDict(frozen=True)

    licence_requirement: str | None = None
    licence_policy: str | None = None
    programmes: tuple[str, ...] = ()
    federal_register: str | None = None
    source_url: str | None = None


class Party(BaseModel):
    """One entry of a restricted-party list."""

    model_config = ConfigDict(frozen=True)

    list_code: str
    entry_id: str
    name: str
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    kind: PartyKind = "unknown"
    legal: Legal = Legal()


class ListVersion(BaseModel):
    """One version of a list source: its lists, their authorities and their parties."""

    model_config = ConfigDict(frozen=True)

    source: str
    version: str
    authorities: dict[str, Authority]
    parties: tuple[Party, ...]

    @property
    def label(self) -> str:
        """How a statement names what was searched: "CSL generated 2026-07-31"."""
        return f"{self.source} {self.version}"

    def codes(self) -> tuple[str, ...]:
        """The codes of the lists this version holds, in a stable order."""
        return tuple(sorted(self.authorities))


def slug(text: str, limit: int = 60) -> str:
    """A readable identifier part: lower-case ASCII letters and digits joined by dashes."""
    words = "".join(c if c.isalnum() else " " for c in ascii_text(text).lower()).split()
    return "-".join(words)[:limit].rstrip("-") or "entry"


class Problems:
    """Problems found while reading, each with where it is; raised together at the end."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.found: list[str] = []

    def add(self, where: str, message: str) -> None:
        """Note that ``where`` is not what was expected."""
        self.found.append(f"{where}: {message}")

    def raise_any(self) -> None:
        """Raise one ``InputError`` listing the first problems and their count, if there are any."""
        if self.found:
            shown = "; ".join(self.found[:MAX_REPORTED])
            more = f" (and {len(self.found) - MAX_REPORTED} more)" if len(self.found) > MAX_REPORTED else ""
            raise InputError(f"{len(self.found)} malformed record(s): {shown}{more}", source=self.source)

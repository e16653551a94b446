"""What changed between two versions of a list: entries added, removed and changed.

Entries are matched by their id (the list's own entry number, or list code and name); an
entry is changed when anything the screening reads of it differs (names, aliases,
countries, kind, legal facts), which its digest captures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from regime.screen.listdata import ListVersion, Party


def digest(party: Party) -> str:
    """A digest of everything the screening reads of an entry."""
    return hashlib.sha256(party.model_dump_json().encode()).hexdigest()[:20]


def digests(version: ListVersion) -> dict[str, str]:
    """Each entry's digest by entry id."""
    return {party.entry_id: digest(party) for party in version.parties}


@dataclass(frozen=True, slots=True)
class ListDiff:
    """The entry ids added, removed and changed from one version to the next."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int

    @property
    def size(self) -> int:
        """How many entries the change touches."""
        return len(self.added) + len(self.removed) + len(self.changed)

    def summary(self) -> str:
        """ "+12 added, -3 removed, ~40 changed, 25866 unchanged"."""
        return f"+{len(self.added)} added, -{len(self.removed)} removed, ~{len(self.changed)} changed, {self.unchanged} unchanged"


def diff(before: Mapping[str, str], after: Mapping[str, str]) -> ListDiff:
    """The difference between two versions given as {entry id: digest}."""
    added = tuple(sorted(set(after) - set(before)))
    removed = tuple(sorted(set(before) - set(after)))
    both = set(before) & set(after)
    changed = tuple(sorted(e for e in both if before[e] != after[e]))
    return ListDiff(added, removed, changed, len(both) - len(changed))

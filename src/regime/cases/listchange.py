"""What a list change touches, pure: the entries a screening list or a control list added, changed, removed.

A screening list change comes from two versions of a list source (``regime.screen``'s entry
digests decide what changed); a control list change from ``regime.lists.diff``'s entry diff.
``items_affected`` tells which classes of a case sit under a changed control-list entry.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from regime.lists.diff import ListDiff
from regime.screen import Authority, ListVersion, Party
from regime.screen.listdiff import diff, digests


class ScreeningListChange(BaseModel):
    """A new version of a screening list source: the entries added, changed (new content) and removed."""

    model_config = ConfigDict(frozen=True)

    source: str
    old_version: str
    new_version: str
    authorities: dict[str, Authority] = {}
    added: tuple[Party, ...] = ()
    changed: tuple[Party, ...] = ()
    removed: tuple[str, ...] = ()

    def touched(self) -> ListVersion:
        """The added and changed entries as a list version of their own (to screen parties against)."""
        return ListVersion(
            source=self.source,
            version=self.new_version,
            authorities=self.authorities,
            parties=(*self.added, *self.changed),
        )

    @property
    def added_ids(self) -> frozenset[str]:
        """The ids of the newly listed entries."""
        return frozenset(p.entry_id for p in self.added)


def screening_change(old: ListVersion, new: ListVersion) -> ScreeningListChange:
    """The change from ``old`` to ``new`` (same source), entry by entry."""
    found = diff(digests(old), digests(new))
    by_id = {p.entry_id: p for p in new.parties}
    return ScreeningListChange(
        source=new.source,
        old_version=old.version,
        new_version=new.version,
        authorities=new.authorities,
        added=tuple(by_id[e] for e in found.added),
        changed=tuple(by_id[e] for e in found.changed),
        removed=found.removed,
    )


class ControlListChange(BaseModel):
    """A new version of a control list: the entries added, changed and removed."""

    model_config = ConfigDict(frozen=True)

    list_id: str
    old_version: str
    new_version: str
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @classmethod
    def of(cls, list_id: str, found: ListDiff) -> ControlListChange:
        """The change a ``regime.lists.diff`` entry diff describes."""
        return cls(
            list_id=list_id,
            old_version=found.before,
            new_version=found.after,
            added=found.added,
            changed=tuple(c.entry for c in found.changed),
            removed=found.removed,
        )


def items_affected(classes: Iterable[str], change: ControlListChange) -> list[str]:
    """``"3A090.a (entry 3A090 changed)"`` for each class under an entry the change touched."""
    touched = {
        e.upper(): kind
        for kind, ids in (("added", change.added), ("changed", change.changed), ("removed", change.removed))
        for e in ids
    }
    found = []
    for cls in classes:
        entry = cls.split(".")[0].upper()
        if entry in touched:
            found.append(f"{cls} (entry {entry} {touched[entry]})")
    return found

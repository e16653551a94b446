"""Screen a customer base once and keep it; re-screen only what a new list version can change.

``screen_base`` screens every record, and writes the records, their hits, the list
version's entry digests and an index of the records' names to the base file
(``basestore``). ``rescreen`` diffs a new list version against the stored one
(``listdiff``): removed entries clear their hits; added and changed entries are screened
against the base from the entry's side (``basesearch``), which reads only the records they
may match. Hits on unchanged entries stay as they are: a score depends only on the record
and the entry. The report lists the new hits, the cleared hits and the changed scores.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from regime.errors import InputError
from regime.screen import basestore
from regime.screen.basesearch import party_candidates
from regime.screen.engine import answer, make_hit, scored_candidates
from regime.screen.index import ScreeningIndex
from regime.screen.listdiff import ListDiff, diff, digests
from regime.screen.normalise import NameForm
from regime.screen.query import Query, prepare
from regime.screen.scorer import THRESHOLD, score_party, similarity_floor

Row = tuple[int, str, float, str]  # record, entry id, score, hit JSON


class Change(BaseModel):
    """One hit that appeared, cleared or changed score in a re-screen."""

    model_config = ConfigDict(frozen=True)

    reference: str
    name: str
    entry_id: str
    list_code: str
    entry_name: str
    before: float | None
    after: float | None


class RescreenReport(BaseModel):
    """What a new list version changed for the screened base."""

    model_config = ConfigDict(frozen=True)

    before: str
    after: str
    added: int
    removed: int
    changed: int
    unchanged: int
    base_size: int
    records_scored: int
    new_hits: tuple[Change, ...]
    cleared: tuple[Change, ...]
    changed_scores: tuple[Change, ...]

    @property
    def statement(self) -> str:
        """One line: the list change and what it did to the base."""
        return (
            f"{self.before} -> {self.after}: +{self.added} -{self.removed} ~{self.changed} entries; "
            f"{self.records_scored} of {self.base_size} records re-scored; {len(self.new_hits)} new hits, "
            f"{len(self.cleared)} cleared, {len(self.changed_scores)} changed scores"
        )


def screen_base(
    queries: Iterable[Query],
    index: ScreeningIndex,
    path: Path,
    *,
    engine: str,
    threshold: float = THRESHOLD,
    progress: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Screen every query, keep the base and its hits at ``path``; (records, hits).

    ``engine`` is a digest of the screening code: a re-screen by other code would not be
    comparable, and is refused.
    """
    hits: list[Row] = []

    def records() -> Iterator[tuple[int, Query, Sequence[NameForm]]]:
        for rid, query in enumerate(queries):
            prepared = prepare(query)
            result = answer(prepared, scored_candidates(prepared, index, threshold), index, threshold)
            hits.extend((rid, hit.entry_id, hit.score, hit.model_dump_json()) for hit in result.hits)
            if progress is not None:
                progress(1)
            yield rid, query, prepared.forms + prepared.literal

    with basestore.new_base(path) as db:
        basestore.write_records(db, records())
        basestore.write_results(db, hits)
        basestore.write_parties(db, digests(index.version))
        basestore.write_meta(db, {"list": index.version.label, "threshold": repr(threshold), "engine": engine})
        size = basestore.count(db, "base")
    return size, len(hits)


def _rescored(
    lists: basestore.Lists, index: ScreeningIndex, entry_ids: Sequence[str], threshold: float
) -> tuple[list[Row], int]:
    """The hits of the base on ``entry_ids`` of the new version, and how many records were scored."""
    position = {party.party.entry_id: at for at, party in enumerate(index.parties)}
    floor = similarity_floor(threshold)
    rows: list[Row] = []
    scored = 0
    db = lists.db
    for entry_id in entry_ids:
        party = index.parties[position[entry_id]]
        found = basestore.records(db, party_candidates(db, party, floor, lists))
        scored += len(found)
        for rid, query in found.items():
            result = score_party(prepare(query), party)
            if result.score >= threshold:
                hit = make_hit(party, result, index)
                rows.append((rid, entry_id, hit.score, hit.model_dump_json()))
    return rows, scored


def _changes(db: sqlite3.Connection, old: list[Row], new: list[Row]) -> tuple[list[Change], list[Change], list[Change]]:
    before = {(rid, entry): (score, hit) for rid, entry, score, hit in old}
    after = {(rid, entry): (score, hit) for rid, entry, score, hit in new}
    names = basestore.records(db, {rid for rid, _ in before.keys() | after.keys()})

    def change(key: tuple[int, str]) -> Change:
        hit = (after.get(key) or before[key])[1]
        listed = json_hit(hit)
        query = names[key[0]]
        return Change(
            reference=query.reference or str(key[0]),
            name=query.name,
            entry_id=key[1],
            list_code=str(listed["list_code"]),
            entry_name=str(listed["name"]),
            before=before[key][0] if key in before else None,
            after=after[key][0] if key in after else None,
        )

    new_hits = [change(k) for k in sorted(after.keys() - before.keys())]
    cleared = [change(k) for k in sorted(before.keys() - after.keys())]
    moved = [change(k) for k in sorted(after.keys() & before.keys()) if abs(after[k][0] - before[k][0]) >= 1e-4]
    return new_hits, cleared, moved


def json_hit(text: str) -> dict[str, object]:
    """A stored hit read back."""
    value = json.loads(text)
    if not isinstance(value, dict):
        raise InputError("a stored hit is not a JSON object; the base file is damaged")
    return value


def rescreen(path: Path, index: ScreeningIndex, *, engine: str) -> RescreenReport:
    """Re-screen the base at ``path`` against the list version ``index`` holds; update the base."""
    with closing(basestore.connect(path)) as db:
        meta = basestore.read_meta(db)
        if meta.get("engine") != engine:
            raise InputError(
                "the base was screened by another version of the screening engine; screen it afresh", source=str(path)
            )
        threshold = float(meta["threshold"])
        change: ListDiff = diff(basestore.read_parties(db), digests(index.version))
        old = basestore.results_for(db, change.removed + change.changed)
        new, scored = _rescored(basestore.Lists(db, str(path)), index, change.added + change.changed, threshold)
        new_hits, cleared, moved = _changes(db, old, new)
        with db:  # one transaction: the base moves to the new version whole, or not at all
            basestore.delete_results(db, change.removed + change.changed)
            basestore.write_results(db, new)
            basestore.write_parties(db, digests(index.version))
            basestore.write_meta(db, {"list": index.version.label})
        return RescreenReport(
            before=meta["list"],
            after=index.version.label,
            added=len(change.added),
            removed=len(change.removed),
            changed=len(change.changed),
            unchanged=change.unchanged,
            base_size=basestore.count(db, "base"),
            records_scored=scored,
            new_hits=tuple(new_hits),
            cleared=tuple(cleared),
            changed_scores=tuple(moved),
        )

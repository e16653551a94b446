"""Re-screening a whole customer base when a list changes: only what the change can affect, on every worker.

A hit depends only on the record and the entry, so when a new list version arrives only its added
and changed entries can give new hits or new scores; removed entries only clear theirs. ``delta``
diffs the new version against the entry digests of the version the base was screened against (the
kept base's, ``screen.basestore``) and ``build`` indexes the added and changed entries alone: that
small index is what is shipped, and every partition of the base is screened against it. Without
the earlier digests the whole new version is indexed: a full re-screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import closing
from pathlib import Path

from regime.scale.screen_job import ScreenJob
from regime.screen import basestore
from regime.screen.index import build_index
from regime.screen.listdata import ListVersion
from regime.screen.listdiff import ListDiff, diff, digests
from regime.screen.loaders import default_list, load_list
from regime.screen.scorer import THRESHOLD


def kept_digests(base: Path) -> dict[str, str] | None:
    """The entry digests of the list version the kept base at ``base`` was screened against, if any."""
    if not base.is_file():
        return None
    with closing(basestore.connect(base)) as db:
        return basestore.read_parties(db) or None


def delta(new: ListVersion, before: Mapping[str, str]) -> tuple[ListDiff, ListVersion]:
    """The change from ``before`` to ``new``, and ``new`` holding only its added and changed entries."""
    change = diff(before, digests(new))
    touched = set(change.added) | set(change.changed)
    label = f"{new.version}, entries added or changed since the base was screened ({len(touched)})"
    parties = tuple(p for p in new.parties if p.entry_id in touched)
    return change, new.model_copy(update={"version": label, "parties": parties})


def build(
    new: ListVersion, before: Mapping[str, str] | None, threshold: float = THRESHOLD
) -> tuple[ScreenJob, ListDiff | None]:
    """The re-screening job (over the changed entries, or the whole version), and the change it covers."""
    if before is None:
        return ScreenJob(build_index(new), threshold, name="rescreen"), None
    change, changed = delta(new, before)
    return ScreenJob(build_index(changed), threshold, name="rescreen"), change


def from_files(
    list_file: Path | None, list_code: str | None, base: Path, threshold: float = THRESHOLD
) -> tuple[ScreenJob, ListDiff | None]:
    """The re-screening job for the new list at ``list_file`` (default: the bundled CSL) and the kept ``base``."""
    new = default_list() if list_file is None else load_list(list_file, code=list_code)
    return build(new, kept_digests(base), threshold)

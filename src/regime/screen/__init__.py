"""Restricted-party screening: names against restricted-party lists, and re-screening on list changes.

The engine is pure (``engine.screen_party``: a name and an index in, a ``ScreeningResult``
out); ``loaders`` reads lists (the bundled Consolidated Screening List, FollowTheMoney
entities) and builds the index; ``rescreen`` keeps a screened base and re-screens only what
a list change can affect. See ``docs/screening.md``.
"""

from regime.screen.engine import screen, screen_batch, screen_party
from regime.screen.index import ScreeningIndex, build_index
from regime.screen.listdata import Authority, Legal, ListVersion, Party
from regime.screen.loaders import default_index, default_list, load_list
from regime.screen.query import Query
from regime.screen.results import Hit, ScoreParts, ScreeningResult, to_csv, to_json
from regime.screen.scorer import THRESHOLD

__all__ = [
    "THRESHOLD",
    "Authority",
    "Hit",
    "Legal",
    "ListVersion",
    "Party",
    "Query",
    "ScoreParts",
    "ScreeningIndex",
    "ScreeningResult",
    "build_index",
    "default_index",
    "default_list",
    "load_list",
    "screen",
    "screen_batch",
    "screen_party",
    "to_csv",
    "to_json",
]

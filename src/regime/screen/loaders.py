"""Loading lists from files, and the bundled Consolidated Screening List (cached, explicitly).

The engine never reads files; these functions do, and hand it a ``ListVersion`` or a
``ScreeningIndex``. ``default_index()`` builds the index of the bundled CSL once per process
and keeps it in a pickle under ``regime.paths.state_dir()``, keyed by the list file's and the
screening code's digests, so the next process loads it instead of building it.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from regime.errors import InputError
from regime.paths import US_EAR_DIR, state_dir
from regime.screen.csl import read_csl
from regime.screen.ftm import read_ftm
from regime.screen.index import ScreeningIndex, build_index
from regime.screen.listdata import ListVersion

BUNDLED_CSL = US_EAR_DIR / "screening-list.json"


def load_list(path: Path, *, code: str | None = None) -> ListVersion:
    """Read a list file: the CSL's compact JSON, or FollowTheMoney entities (one JSON object a line).

    ``code`` names the list of a FollowTheMoney file (default: each entity's first dataset).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(
            "no such list file; expected the CSL JSON or FollowTheMoney entity lines", source=str(path)
        ) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}); expected JSON", source=str(path)) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        document = None  # several JSON objects, one a line: FollowTheMoney
    if isinstance(document, dict) and "fieldKey" in document:
        return read_csl(document, source=str(path))
    version = f"file of {path.stat().st_mtime_ns // 1_000_000_000}"
    return read_ftm(text.splitlines(), source=str(path), code=code, version=version)


@cache
def default_list() -> ListVersion:
    """The bundled Consolidated Screening List (read once per process)."""
    return load_list(BUNDLED_CSL)


def _digest(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def engine_digest() -> str:
    """A digest of the screening code: results of different code are not compared in a re-screen."""
    return _digest(*sorted(Path(__file__).parent.rglob("*.py")))


def cached_index(list_path: Path) -> ScreeningIndex:
    """The index of the list at ``list_path``, from the pickle cache when its digests match, else built.

    A cache that cannot be read or written is ignored: it only saves time.
    """
    cache_file = state_dir() / "cache" / f"screen-index-{_digest(list_path)}-{engine_digest()}.pickle"
    try:
        with cache_file.open("rb") as handle:
            index = pickle.load(handle)
        if isinstance(index, ScreeningIndex):
            return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    index = build_index(load_list(list_path))
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_file.parent, delete=False, suffix=".tmp") as out:
            pickle.dump(index, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, cache_file)
        for stale in cache_file.parent.glob(f"screen-index-{_digest(list_path)}-*.pickle"):
            if stale != cache_file:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return index


COLLECT_EVERY = (20_000, 20, 20)  # allocations before a young collection; collections of one generation before the next


@cache
def default_index() -> ScreeningIndex:
    """The index of the bundled Consolidated Screening List (once per process; cached on disk).

    The index lives as long as the process, so it is moved out of the garbage collector's way
    (``gc.freeze``): otherwise every full collection walks its million objects. A process that
    screens allocates many short-lived objects and few cycles, so from here on the young ones
    are collected less often (``COLLECT_EVERY``: a third of the time the collector took, on
    ``bench/screen_speed.py``).
    """
    index = cached_index(BUNDLED_CSL)
    gc.freeze()
    gc.set_threshold(*COLLECT_EVERY)
    return index

"""Loading lists from files, and the bundled Consolidated Screening List (cached, explicitly).

The engine never reads files; these functions do, and hand it a ``ListVersion`` or a
``ScreeningIndex``. ``default_index()`` builds the index of the bundled CSL once per process.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from regime.errors import InputError
from regime.paths import US_EAR_DIR
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


@cache
def default_index() -> ScreeningIndex:
    """The index of the bundled Consolidated Screening List (built once per process)."""
    return build_index(default_list())

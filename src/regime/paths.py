"""Where regime finds its bundled data and keeps its state."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("REGIME_DATA", PROJECT_DIR / "data"))
SOURCES_DIR = DATA_DIR / "sources"
US_EAR_DIR = SOURCES_DIR / "us-ear"
SUPPLY_CHAIN_DIR = SOURCES_DIR / "supply-chain"
LISTS_DIR = DATA_DIR / "lists"
CATALOGUE_DIR = DATA_DIR / "catalogue"


def state_dir() -> Path:
    """The folder for the embedded store and caches (``REGIME_HOME``, default ``./var``)."""
    path = Path(os.environ.get("REGIME_HOME", PROJECT_DIR / "var"))
    path.mkdir(parents=True, exist_ok=True)
    return path

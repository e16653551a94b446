"""Read members from ``data/jurisdictions/<id>/`` and the party index, once each (cached).

Errors name the file and the field. ``load_jurisdiction("nl")`` reads the Netherlands laid over
the EU (``extends: eu``); ``default_party_index()`` indexes the bundled Consolidated Screening List.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from regime.countries import us_destinations
from regime.determine.docs import JurisdictionHead
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.national.docs import ListedJurisdictionDoc
from regime.determine.national.rules import ListedRuleSet, build_listed_rules, merge_docs
from regime.determine.parties import ExactNameIndex, PartyIndex, build_exact_index
from regime.determine.screening import screening_index
from regime.determine.us.docs import (
    DeMinimisDoc,
    EarJurisdictionDoc,
    EarRules,
    EmbargoFile,
    EndUseFile,
    EndUserDoc,
    ExceptionsFile,
    PoliciesFile,
    ScopesFile,
)
from regime.determine.us.rules import EarRuleSet, build_ear_rules
from regime.errors import InputError, NotFoundError
from regime.lists.compiled import CompiledList
from regime.lists.dated import BEGINNING
from regime.lists.loader import list_folder, load_docs, read_yaml, validate
from regime.lists.registry import compiled_list
from regime.lists.snapshot import change_dates as entry_change_dates
from regime.once import built_once
from regime.paths import DATA_DIR, US_EAR_DIR

JURISDICTIONS_DIR = DATA_DIR / "jurisdictions"
SCREENING_FILE = US_EAR_DIR / "screening-list.json"


def member_ids(folder: Path = JURISDICTIONS_DIR) -> tuple[str, ...]:
    """Every member with a ``jurisdiction.yaml``, U.S. first, then by id."""
    found = sorted(p.parent.name for p in folder.glob("*/jurisdiction.yaml"))
    return tuple(sorted(found, key=lambda m: (m != "us", m)))


def _raw(folder: Path, member: str) -> dict[str, Any]:
    path = folder / member / "jurisdiction.yaml"
    if not path.is_file():
        raise NotFoundError(f"no jurisdiction {member!r}; members here: {', '.join(member_ids(folder))}")
    raw = read_yaml(path)
    if not isinstance(raw, Mapping):
        raise InputError("expected a mapping at the top", source=str(path))
    parent = raw.get("extends")
    if parent:
        return merge_docs(_raw(folder, str(parent)), raw) | {"extends": parent}
    return dict(raw)


@built_once
def load_jurisdiction(member: str, folder: Path = JURISDICTIONS_DIR) -> Jurisdiction:
    """The member's rules, read and resolved once."""
    raw = _raw(folder, member)
    path = folder / member / "jurisdiction.yaml"
    head: JurisdictionHead = validate(JurisdictionHead, {k: raw.get(k) for k in _HEAD if k in raw}, path)
    destinations = us_destinations()
    rules: Any
    if head.engine == "ear":
        doc: EarJurisdictionDoc = validate(EarJurisdictionDoc, raw, path)
        rules = build_ear_rules(doc, _ear_rules(folder / member), destinations, str(folder / member), ccl_flags())
        lists = doc.lists
    else:
        listed: ListedJurisdictionDoc = validate(ListedJurisdictionDoc, raw, path)
        rules = build_listed_rules(listed, destinations.resolver, str(path))
        lists = rules.list_ids
    return Jurisdiction(
        id=head.id,
        name=head.name,
        authority=head.authority,
        engine=head.engine,
        lists=lists,
        rules=rules,
        resolver=destinations.resolver,
        list_at=list_at,
        sources=head.sources,
        notes=head.notes,
        epochs=_epochs(lists, rules),
    )


def _epochs(lists: tuple[str, ...], rules: EarRuleSet | ListedRuleSet) -> tuple[dt.date, ...]:
    """Every date on which one of the member's lists or rules changes."""
    dates = {d for list_id in lists for d in change_dates(list_id)}
    for period in rules.periods():
        dates.update(d for d in (period.start, period.end) if d is not None)
    return tuple(sorted(dates))


_HEAD = ("id", "name", "authority", "engine", "extends", "sources", "notes")


def _ear_rules(folder: Path) -> EarRules:
    def read(name: str, model: Any) -> Any:
        return validate(model, read_yaml(folder / name), folder / name)

    exceptions: ExceptionsFile = read("exceptions.yaml", ExceptionsFile)
    return EarRules(
        exceptions=exceptions.exceptions,
        restrictions=exceptions.restrictions,
        end_uses=read("end_use.yaml", EndUseFile).end_uses,
        end_users=read("end_user.yaml", EndUserDoc),
        embargoes=read("embargoes.yaml", EmbargoFile).embargoes,
        de_minimis=read("de_minimis.yaml", DeMinimisDoc),
        references=read("scopes.yaml", ScopesFile).references,
        policies=read("policies.yaml", PoliciesFile).policies,
    )


def load_members(members: tuple[str, ...] | None = None) -> tuple[Jurisdiction, ...]:
    """Several members (every member when ``members`` is None)."""
    return tuple(load_jurisdiction(m) for m in (members or member_ids()))


@built_once
def change_dates(list_id: str) -> tuple[dt.date, ...]:
    """Every date on which something in the list changes (entries, formulas, general notes)."""
    docs = load_docs(list_folder(list_id))
    dates: set[dt.date] = set()
    for doc in docs.entries.values():
        dates |= entry_change_dates(doc)
    for spec in docs.info.derived.values():
        dates.update(spec.formula.change_dates())
    for note in docs.info.general_notes:
        dates.update(note.in_force.change_dates())
    return tuple(sorted(dates))


def list_at(list_id: str, date: dt.date) -> CompiledList:
    """The list in force on ``date``, compiled once per version (the dates between amendments share it)."""
    dates = change_dates(list_id)
    found = bisect.bisect_right(dates, date)
    return compiled_list(list_id, dates[found - 1] if found else BEGINNING)


@built_once
def ccl_flags(path: Path = US_EAR_DIR / "ccl.json") -> dict[str, dict[str, str]]:
    """Each ECCN's "List Based License Exceptions" texts from the eCFR compilation (for entries not in a list)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the CCL compilation: {exc}", source=str(path)) from exc
    return {e["eccn"]: dict(e.get("licenceExceptionFlags") or {}) for e in data["entries"]}


@built_once
def default_party_index(path: Path = SCREENING_FILE) -> PartyIndex:
    """The bundled Consolidated Screening List: through the screening engine when it is installed,
    else indexed by exact normalised name (``REGIME_PARTY_MATCH=exact`` chooses the latter)."""
    if os.environ.get("REGIME_PARTY_MATCH", "screen") != "exact" and path == SCREENING_FILE:
        found = screening_index()
        if found is not None:
            return found
    return exact_index(path)


def exact_index(path: Path) -> ExactNameIndex:
    """Index a screening-list file by exact normalised name (its generation date is the version)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the screening list: {exc}", source=str(path)) from exc
    when = str(data.get("sourceGeneratedAt", ""))[:10]
    version = (
        f"{data.get('citation', 'Consolidated Screening List')} (generated {when}, {len(data['entries'])} entries)"
    )
    return build_exact_index(data, version)

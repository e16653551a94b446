"""Loading regime definitions into the store: create the regime and its founding members, or update it.

A definition is configuration; the store holds the regime's life since. Reloading an edited
definition updates the rules, chairs, calendar and exchange rules, and adds members the file
lists but the store lacks. It never removes a member: admissions happen in the store, so a member
the file omits is reported, not dropped. An unchanged definition writes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from regime.governance.chairs import chair_warnings
from regime.governance.definition import RegimeDefinition
from regime.governance.loader import REGIMES_DIR, bundled_definitions
from regime.governance.states import state_name
from regime.store import Actor, Store
from regime.store.audit import canonical
from regime.store.migrate import upgrade
from regime.store.models import Member, Regime

STARTUP = Actor("operator:startup")


@dataclass(frozen=True)
class LoadReport:
    """What loading one definition did."""

    regime_id: str
    status: str
    added_members: list[str] = field(default_factory=list)
    kept_members: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load_definition(store: Store, actor: Actor, definition: RegimeDefinition) -> LoadReport:
    """Create or update one regime from its definition, in one transaction."""
    raw = definition.model_dump(mode="json")
    digest = hashlib.sha256(canonical(raw).encode()).hexdigest()
    warnings = chair_warnings(definition)
    with store.read() as session:
        existing = session.get(Regime, definition.id)
        if existing is not None and existing.definition_sha256 == digest:
            return LoadReport(definition.id, "unchanged", warnings=warnings)
    with store.change(actor) as change:
        regime = change.session.get(Regime, definition.id)
        status = "updated" if regime else "created"
        if regime is None:
            regime = Regime(id=definition.id)
            change.session.add(regime)
        regime.name, regime.founded, regime.dissolved = definition.name, definition.founded, definition.dissolved
        regime.definition, regime.definition_sha256, regime.loaded_at = raw, digest, change.at
        change.session.flush()
        stored = set(change.session.scalars(select(Member.country).where(Member.regime_id == definition.id)))
        added = []
        for member in definition.members:
            if member.country not in stored:
                since = member.since or definition.founded
                change.session.add(
                    Member(
                        regime_id=definition.id,
                        country=member.country,
                        name=state_name(member.country),
                        since=since,
                        founder=since == definition.founded,
                    )
                )
                added.append(member.country)
        kept = sorted(stored - {m.country for m in definition.members})
        change.audit(
            "regime.create" if status == "created" else "regime.update",
            f"regime:{definition.id}",
            {"definition_sha256": digest, "added_members": added, "kept_members": kept},
        )
    return LoadReport(definition.id, status, added, kept, warnings)


def open_regime_store(url: str, *, migrate: bool, load: bool, folder: Path = REGIMES_DIR) -> Store:
    """A store on ``url``: migrated to the newest schema and loaded with the definitions in ``folder``, as asked."""
    store = Store(url)
    if migrate:
        upgrade(store)
    if load:
        load_bundled(store, STARTUP, folder)
    return store


def load_bundled(store: Store, actor: Actor, folder: Path = REGIMES_DIR) -> list[LoadReport]:
    """Load every definition in ``folder`` (the bundled Wassenaar, MTCR, COCOM and chip alliance)."""
    return [load_definition(store, actor, definition) for definition in bundled_definitions(folder)]

"""A demonstration world for the pages (tests, screenshots, trying them out): a temporary store with the bundled regimes, officials, and some business.

In the chip alliance (U.S., Japan, the Netherlands): a U.S. white paper before the plenary with
its ballot open and a U.S. draft nobody else may see; private minimums recorded by the U.S. and
the Netherlands; a Dutch denial in force, and a U.S. licence case that consults the Netherlands
(due in ten working days). A small slice of the screening list stands in for the whole one.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from regime.determine.loader import SCREENING_FILE, exact_index
from regime.exchange import consultations, denials
from regime.exchange.denials import DenialInput
from regime.exchange.identical import Transaction
from regime.governance import positions, proposals
from regime.governance.positions import PositionInput
from regime.governance.proposals import ProposalInput
from regime.governance.registry import open_regime_store
from regime.governance.review import ReviewInput, review
from regime.governance.users import add_user, authenticate
from regime.screen.index import build_index
from regime.screen.loaders import load_list
from regime.store import Actor, Store
from regime.web.services import Services

CHIPS = "chip-alliance"
SCREENED = ("HUAWEI", "SEMICONDUCTOR MANUFACTURING INTERNATIONAL", "ROSOBORONEXPORT")
DENIED = {
    "list_id": "chip-alliance-sme",
    "entry_id": "3B001",
    "parameters": {"wavelength_nm": 193},
    "consignee": "Eastern Fab Equipment Co.",
    "end_user": "Advanced Logic Foundry, Ltd.",
    "destination": "CN",
}


@dataclass
class World:
    """The store, the officials' tokens, and the ids of what was done."""

    store: Store
    tokens: dict[str, str]
    proposal: int
    draft: int
    consultation: int


def small_screening_list(folder: Path) -> Path:
    """A slice of the bundled Consolidated Screening List: a few hundred parties, well-known names among them."""
    data = json.loads(SCREENING_FILE.read_text(encoding="utf-8"))
    picked = [e for e in data["entries"] if any(word in e["n"].upper() for word in SCREENED)]
    data["entries"] = picked + data["entries"][:300]
    data["entryCount"] = len(data["entries"])
    path = folder / "screening-list.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def small_services(folder: Path) -> Services:
    """The pages' services on the small screening list."""
    path = small_screening_list(folder)
    screen_index, party_index = build_index(load_list(path)), exact_index(path)
    return Services(screen_index=lambda: screen_index, party_index=lambda: party_index)


def build_world(folder: Path) -> World:
    """A migrated SQLite store with the bundled regimes, officials and the business described above."""
    store = open_regime_store(f"sqlite:///{folder / 'web.db'}", migrate=True, load=True)
    roles = {
        "us_expert": ("US", "list_expert"),
        "us_officer": ("US", "licensing_officer"),
        "nl_expert": ("NL", "list_expert"),
        "nl_officer": ("NL", "licensing_officer"),
        "jp_chair": ("JP", "chair"),
    }
    operator = Actor("operator:demo")
    tokens = {name: add_user(store, operator, name, [role], CHIPS, country) for name, (country, role) in roles.items()}
    who = {name: authenticate(store, token) for name, token in tokens.items()}
    paper = ProposalInput(
        list_id="chip-alliance-computing",
        title="Advanced computing chips at TPP 4800",
        rationale="Align the alliance's list with the performance thresholds of October 2023.",
        changes={"entries": [{"id": "3A090", "heading": "Advanced computing ICs", "tpp": 4800}]},
        effective=dt.date(2025, 1, 1),
    )
    proposal = proposals.draft(store, who["us_expert"], CHIPS, paper).id
    proposals.circulate(store, who["us_expert"], CHIPS, proposal)
    review(store, who["jp_chair"], CHIPS, proposal, ReviewInput())
    hidden = paper.model_copy(update={"title": "Lithography tools below 193 nm (US draft)"})
    draft = proposals.draft(store, who["us_expert"], CHIPS, hidden).id
    us_minimum = PositionInput(minimum="US keeps 3A090.a", required_entries=["3A090"])
    positions.record(store, who["us_expert"], CHIPS, proposal, us_minimum)
    nl_minimum = PositionInput(minimum="NL secret floor: no wider than 3A090", required_entries=["3B001"])
    positions.record(store, who["nl_expert"], CHIPS, proposal, nl_minimum)
    today = store.now().date()
    denials.notify(store, who["nl_officer"], CHIPS, DenialInput(**DENIED, reason="risk of diversion", denied_on=today))
    case = consultations.open_case(store, who["us_officer"], CHIPS, Transaction(**DENIED))
    return World(store, tokens, proposal, draft, case.consultations[0].id)

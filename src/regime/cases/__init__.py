"""Cases: a transaction under review, moved by a state machine with guards, with the memory of what was decided.

    from regime.cases import service, screening, rereview
    case = service.open_case(store, who, CaseInput(reference=..., transaction=...))
    service.transition(store, who, case.id, Action.SUBMIT, Reasoned(reason="new order"))
    screening.screen(store, who, case.id, IndexScreener.of(list_version))   # hits, decision memory, next state
    screening.clear(store, who, case.id, hit_id, HitDecision(reason="different person"))
    service.approve(store, who, case.id, Approval(reason="...", licence_id=...))
    rereview.on_screening_change(store, who, screening_change(old, new))    # back to screening, notices

``machine.py`` is the transition table with its guards (pure); ``memory.py`` the decision memory;
``listchange.py`` what a list change touches (pure); ``report.py`` the case's report.
"""

from regime.cases.listchange import ControlListChange, ScreeningListChange, screening_change
from regime.cases.machine import Action, State
from regime.cases.records import Approval, CaseInput, ClassificationInput, DeterminationInput, HitDecision, Reasoned
from regime.cases.screener import IndexScreener, PartyHit, Screener
from regime.cases.views import CaseView

__all__ = [
    "Action",
    "Approval",
    "CaseInput",
    "CaseView",
    "ClassificationInput",
    "ControlListChange",
    "DeterminationInput",
    "HitDecision",
    "IndexScreener",
    "PartyHit",
    "Reasoned",
    "Screener",
    "ScreeningListChange",
    "State",
    "screening_change",
]

"""Membership: a state applies, the members vote, the plenary admits under the regime's admission rule.

Only nation-states may apply (``ACME Corp`` is refused with the reason). The secretariat registers
the application, which opens a ballot under the admission rule (consensus for Wassenaar, the
founders' consent for the MTCR and the chip alliance). Admitted states become members that day.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.errors import InputError
from regime.governance.access import Principal, Role, require_member, require_role
from regime.governance.ballots import ballot_for, close_ballot, open_ballot, require_closer
from regime.governance.errors import StateConflictError
from regime.governance.records import definition_for, row
from regime.governance.states import NotAStateError, state_code, state_name
from regime.governance.views import ApplicationView, application_view
from regime.store import Store
from regime.store.models import Application, Member


class ApplicationInput(BaseModel):
    """A state's application: the state (ISO code or name) and its statement of adherence."""

    model_config = ConfigDict(extra="forbid")

    country: str
    statement: str = Field(min_length=1)


def _view(session: Session, application: Application) -> ApplicationView:
    return application_view(application, ballot_for(session, "admission", application.id))


def apply(store: Store, who: Principal, regime_id: str, data: ApplicationInput) -> ApplicationView:
    """The secretariat registers a state's application and opens the ballot on it."""
    require_role(who, regime_id, Role.SECRETARIAT)
    try:
        country = state_code(data.country)
    except NotAStateError as error:
        raise InputError(str(error), where="country") from None
    with store.change(who.actor) as change:
        definition = definition_for(change.session, regime_id)
        member = select(Member.id).where(Member.regime_id == regime_id, Member.country == country)
        if change.session.scalar(member) is not None:
            raise StateConflictError(f"{country} is already a member of {regime_id}")
        pending = select(Application.id).where(
            Application.regime_id == regime_id, Application.country == country, Application.status == "pending"
        )
        if (pending_id := change.session.scalar(pending)) is not None:
            raise StateConflictError(f"{country} already has a pending application ({pending_id})")
        application = Application(
            regime_id=regime_id,
            country=country,
            name=state_name(country),
            statement=data.statement,
            status="pending",
            submitted_at=change.at,
        )
        change.session.add(application)
        change.session.flush()
        open_ballot(change, regime_id, "admission", definition.decision_rules.for_kind("admission"), application.id)
        change.audit("application.submit", f"application:{application.id}", {"country": country})
        return _view(change.session, application)


def decide(store: Store, who: Principal, regime_id: str, application_id: int) -> ApplicationView:
    """Close the ballot: an admitted state becomes a member from today; otherwise the application is refused."""
    with store.change(who.actor) as change:
        require_closer(who, regime_id, definition_for(change.session, regime_id))
        application = row(change.session, Application, application_id, "application", regime_id)
        ballot = ballot_for(change.session, "admission", application.id)
        if application.status != "pending" or ballot is None:
            raise StateConflictError(f"application {application_id} is {application.status}")
        outcome = close_ballot(change, ballot)
        application.status, application.decided_at = ("admitted" if outcome.adopted else "refused"), change.at
        if outcome.adopted:
            change.session.add(
                Member(
                    regime_id=regime_id,
                    country=application.country,
                    name=application.name,
                    since=change.today,
                    founder=False,
                )
            )
        change.audit(
            f"application.{application.status}", f"application:{application.id}", {"country": application.country}
        )
        return _view(change.session, application)


def get(store: Store, who: Principal, regime_id: str, application_id: int) -> ApplicationView:
    """One application, for members."""
    require_member(who, regime_id)
    with store.read() as session:
        return _view(session, row(session, Application, application_id, "application", regime_id))


def listing(store: Store, who: Principal, regime_id: str) -> list[ApplicationView]:
    """All applications to the regime, for members."""
    require_member(who, regime_id)
    with store.read() as session:
        rows = session.scalars(select(Application).where(Application.regime_id == regime_id).order_by(Application.id))
        return [_view(session, a) for a in rows]

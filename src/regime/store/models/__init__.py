"""The regime's tables. Importing this package registers every table on ``Base.metadata``."""

from regime.store.models.audit import AuditEntry
from regime.store.models.ballots import Ballot, Vote
from regime.store.models.cases import CaseEvent, CaseHit, CaseNotice, ComplianceCase, ScreeningDecision
from regime.store.models.exchange import Consultation, Denial, LicenceCase
from regime.store.models.licences import Licence, LicenceUsage
from regime.store.models.lists import ListRelease
from regime.store.models.proposals import Amendment, Application, PrivatePosition, Proposal
from regime.store.models.regime import Member, Regime, Token, User

__all__ = [
    "Amendment",
    "Application",
    "AuditEntry",
    "Ballot",
    "CaseEvent",
    "CaseHit",
    "CaseNotice",
    "ComplianceCase",
    "Consultation",
    "Denial",
    "Licence",
    "LicenceCase",
    "LicenceUsage",
    "ListRelease",
    "Member",
    "PrivatePosition",
    "Proposal",
    "Regime",
    "ScreeningDecision",
    "Token",
    "User",
    "Vote",
]

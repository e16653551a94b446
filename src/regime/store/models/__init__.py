"""The regime's tables. Importing this package registers every table on ``Base.metadata``."""

from regime.store.models.audit import AuditEntry
from regime.store.models.ballots import Ballot, Vote
from regime.store.models.exchange import Consultation, Denial, LicenceCase
from regime.store.models.lists import ListRelease
from regime.store.models.proposals import Amendment, Application, PrivatePosition, Proposal
from regime.store.models.regime import Member, Regime, Token, User

__all__ = [
    "Amendment",
    "Application",
    "AuditEntry",
    "Ballot",
    "Consultation",
    "Denial",
    "LicenceCase",
    "ListRelease",
    "Member",
    "PrivatePosition",
    "Proposal",
    "Regime",
    "Token",
    "User",
    "Vote",
]

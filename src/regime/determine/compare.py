"""Where members disagree on the same transaction: one lets it go licence-free, another requires a licence.

That is the undercut risk the regime's no-undercut consultations exist for: an exporter turned
down (or licensed) in one member could ship the same item from another without asking anyone.
"""

from __future__ import annotations

from regime.determine.result import Determination, Outcome

FREE = frozenset({Outcome.NO_LICENCE_REQUIRED, Outcome.EXCEPTION_AVAILABLE})


def undercut_risks(determinations: list[Determination]) -> list[str]:
    """One line per pair of members where one is licence-free and the other requires a licence or forbids."""
    free = [d for d in determinations if d.outcome in FREE]
    strict = [d for d in determinations if d.outcome.rank >= Outcome.LICENCE_REQUIRED.rank]
    risks = []
    for loose in free:
        for tight in strict:
            how = f"with {', '.join(loose.exceptions)}" if loose.exceptions else "with no licence"
            risks.append(
                f"undercut risk: {loose.jurisdiction} lets it go {how} where {tight.jurisdiction} says "
                f"{tight.outcome.label} ({', '.join(r.id for r in tight.requirements[:3])})"
            )
    return risks


def disagree(determinations: list[Determination]) -> bool:
    """True when at least one member is licence-free and another is not."""
    return bool(undercut_risks(determinations))

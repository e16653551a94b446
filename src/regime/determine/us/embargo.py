"""General Prohibition 6: Part 746 embargoes and special controls for the destination.

The Country Chart sends Cuba, Iran, North Korea and Syria to Part 746; Russia and Belarus have
chart rows and 746.8 adds a requirement for every CCL item (and for EAR99 items listed by HTS
code, which the engine cannot read, so it asks). Licence exceptions do not overcome these.
"""

from __future__ import annotations

from regime.countries.chart import Embargoed
from regime.countries.iso import Country
from regime.determine.classes import ItemClasses
from regime.determine.result import Outcome, Requirement
from regime.determine.us.rules import EarRuleSet
from regime.determine.work import Work, outcome_for

GP6 = "GP6: embargoes (Part 746)"


def embargoes(work: Work, rules: EarRuleSet, cls: ItemClasses, country: Country) -> None:
    """Every Part 746 rule reaching the destination, applied to the item."""
    row = rules.destinations.chart.lookup(country)
    if isinstance(row, Embargoed):
        work.step(GP6, row.source.citation, f"the Country Chart grades no row for {country.name}: {row.pointer}")
    found = False
    for placed in rules.embargoes:
        doc = placed.doc
        if not doc.in_force.covers(work.date) or not placed.region.covers(country.alpha2):
            continue
        found = True
        if cls.unlisted and doc.ear99 != "reached":
            if doc.ear99 == "open":
                work.open(GP6, doc.citation, doc.ear99_note)
            else:
                work.step(GP6, doc.citation, f"{doc.id} does not reach EAR99 items", "clear")
            continue
        if not doc.items.reaches(cls.classes, cls.unlisted):
            work.step(GP6, doc.citation, f"{doc.id} does not reach {', '.join(cls.classes)}", "clear")
            continue
        policy = doc.policy.policy()
        outcome = doc.outcome if doc.outcome is not Outcome.LICENCE_REQUIRED else outcome_for(policy)
        tag = f" [{doc.status}]" if doc.status != "V" else ""
        requirement = Requirement(
            id=f"embargo {doc.id}",
            rule=GP6,
            citation=doc.citation + tag,
            basis="embargo",
            text=doc.text.strip(),
            outcome=outcome,
            policy=policy,
        )
        work.require(requirement, f"{country.name}: {doc.text.strip()}")
    if not found and isinstance(row, Embargoed):
        work.open(
            GP6,
            "15 C.F.R. Part 746",
            f"the Part 746 rule for {country.name} (the chart points there and no rule is written)",
        )

"""Is the transaction subject to the EAR at all (734.3)? Deemed exports (734.13) and de minimis (734.4).

Published information and software (734.7) and fundamental research (734.8) are not subject to
the EAR. A release of technology or source code to a foreign person in the United States is a
deemed export to the person's most recent country of citizenship or permanent residency. A
foreign-made item outside the United States is subject to the EAR only above the de minimis
level of U.S.-origin controlled content — unless a rule sets no de minimis level for it.
Foreign direct product rules (734.9) are not evaluated; the trace says so.
"""

from __future__ import annotations

from regime.determine.classes import ItemClasses
from regime.determine.transaction import Transaction
from regime.determine.us.rules import EarRuleSet
from regime.determine.work import Work

SCOPE = "Scope of the EAR (734.3)"
DEEMED = "Deemed export (734.13)"
DE_MINIMIS = "De minimis (734.4)"
PUBLISHED = "the information is published (available to the public without restriction): not subject to the EAR"
RESEARCH = "the technology arises from fundamental research intended for publication: not subject to the EAR"


def published(work: Work, tx: Transaction, cls: ItemClasses, facts: dict[str, object]) -> bool:
    """True (and the work cleared) when the technology or software is published or fundamental research."""
    if cls.kind not in ("technology", "software"):
        return False
    for stated, fact, basis, finding, citation in (
        (tx.published, "public_domain", "published", PUBLISHED, "15 C.F.R. § 734.7"),
        (tx.fundamental_research, "basic_scientific_research", "fundamental research", RESEARCH, "15 C.F.R. § 734.8"),
    ):
        if stated or facts.get(fact) is True:
            work.clear(basis, finding, SCOPE, citation)
            return True
    return False


def deemed_destination(work: Work, tx: Transaction, cls: ItemClasses) -> str | None:
    """The country a release is deemed an export to; None (work cleared or open) when there is none."""
    person = tx.foreign_person
    if cls.kind == "software" and not tx.source_code:
        work.clear("object code", "releasing object code is not a deemed export", DEEMED, "15 C.F.R. § 734.13(b)")
        return None
    if cls.kind == "commodity" and not cls.undecided:
        work.clear(
            "commodity",
            "a deemed export releases technology or source code; this is a commodity",
            DEEMED,
            "15 C.F.R. § 734.13(b)",
        )
        return None
    if person is not None and person.permanent_residence in ("US", "United States"):
        work.clear(
            "U.S. person",
            "the person is a lawful permanent resident of the United States, not a foreign person",
            DEEMED,
            "15 C.F.R. § 772.1 (U.S. person); § 734.13(b)",
        )
        return None
    if tx.destination:
        work.step(DEEMED, "15 C.F.R. § 734.13(b)", f"the release is deemed an export to {tx.destination} (as stated)")
        return tx.destination
    if person is None or not (person.citizenships or person.permanent_residence):
        work.open(
            DEEMED,
            "15 C.F.R. § 734.13(b)",
            "the foreign person's most recent country of citizenship or permanent residency",
        )
        return None
    country = person.citizenships[-1] if person.citizenships else person.permanent_residence
    note = (
        f" (permanent residency: {person.permanent_residence})"
        if person.permanent_residence and person.citizenships
        else ""
    )
    work.step(
        DEEMED,
        "15 C.F.R. § 734.13(b)",
        f"releasing it to {person.name or 'the foreign person'} is deemed an export to {country}, the most recent citizenship{note}",
    )
    return country


def de_minimis(work: Work, rules: EarRuleSet, tx: Transaction, cls: ItemClasses, origin: str | None, code: str) -> bool:
    """True when the foreign-made item is outside the EAR (work cleared); False when subject (or open)."""
    if tx.kind not in ("reexport", "transfer") or origin == "US":
        if origin == "US" and tx.kind in ("reexport", "transfer"):
            work.step(SCOPE, "15 C.F.R. § 734.3(a)(2)", "a U.S.-origin item is subject to the EAR wherever it is")
        return False
    content = tx.content
    if content is None:
        what = (
            "the item's U.S.-origin controlled content"
            if origin
            else "the item's origin, or its U.S.-origin controlled content"
        )
        work.open(DE_MINIMIS, "15 C.F.R. § 734.4", f"{what} (de minimis)", clears=True)
        return False
    if not content.foreign_made:
        work.step(SCOPE, "15 C.F.R. § 734.3(a)(2)", "a U.S.-origin item is subject to the EAR wherever it is")
        return False
    pending = None
    for placed in rules.no_de_minimis:
        doc = placed.doc
        if not (
            doc.in_force.covers(work.date)
            and placed.region.covers(code)
            and doc.items.reaches(cls.classes, cls.unlisted)
        ):
            continue
        if doc.needs_us_origin_ic and content.us_origin_ic is None:
            pending = doc
        elif not doc.needs_us_origin_ic or content.us_origin_ic:
            work.step(DE_MINIMIS, doc.citation, f"no de minimis level: {doc.text}", "requires")
            return False
    share, citation = next((s, c) for region, s, c in rules.thresholds if region.covers(code))
    if content.us_controlled_share is None:
        work.open(DE_MINIMIS, citation, "the share of U.S.-origin controlled content by value", clears=True)
        return False
    pct, level = f"{content.us_controlled_share:.0%}", f"{share:.0%}"
    if content.us_controlled_share <= share and pending is not None:
        question = f"whether the item incorporates U.S.-origin integrated circuits ({pending.text})"
        work.open(DE_MINIMIS, pending.citation, question, clears=True)
        return False
    if content.us_controlled_share <= share:
        work.clear(
            "de minimis",
            f"U.S.-origin controlled content {pct} is at or below the {level} de minimis level: not subject to the EAR (foreign direct product rules not evaluated)",
            DE_MINIMIS,
            citation,
        )
        return True
    work.step(
        DE_MINIMIS,
        citation,
        f"U.S.-origin controlled content {pct} exceeds the {level} de minimis level: subject to the EAR",
    )
    return False

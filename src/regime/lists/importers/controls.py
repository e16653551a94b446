"""An entry's licence-requirement lines as ``ControlDoc`` dicts, read by the countries package's parser.

``regime.countries`` owns the grammar of "NS applies to 3B001.a.4, c, d, f.1 ..." (and splits a
line holding two reasons); this module only maps its answer onto the list model. A line whose
paragraphs are all this entry's and read whole gets them as ``paragraphs`` (``except_paragraphs``
for "entire entry, except ..."); a line with conditions, another entry's paragraphs, or a subject
such as "software for commodities controlled by 4A090.a" keeps whatever of its own paragraphs were
found and is marked ``paragraphs_unparsed``: its ``applies_to`` text must be read by a person.
"""

from __future__ import annotations

from typing import Any

from regime.countries import Destinations, Parse
from regime.countries.ccl_lines import ControlLine, parse_entry
from regime.countries.sources import RawEntry
from regime.lists.importers.source import SourceEntry
from regime.lists.numbering import is_paragraph_id


def control_lines(entry: SourceEntry, destinations: Destinations) -> tuple[ControlLine, ...]:
    """The entry's lines parsed by ``regime.countries`` (a line with two reasons becomes two)."""
    raw = RawEntry.model_validate(
        {"eccn": entry.eccn, "reasonForControl": entry.reason_for_control, "countryChart": entry.country_chart}
    )
    return parse_entry(raw, destinations)


def control_document(line: ControlLine) -> dict[str, Any]:
    """One ``ControlDoc`` dict: reason, the source's words, this entry's paragraphs, scope text."""
    control = line.control
    own = [ref.split(".", 1)[1] for ref in control.paragraphs if ref.startswith(f"{line.eccn}.")]
    excepted = [ref.split(".", 1)[1] for ref in control.except_paragraphs if ref.startswith(f"{line.eccn}.")]
    whole = (
        control.status is Parse.FULL
        and control.subject is None
        and len(own) == len(control.paragraphs)
        and len(excepted) == len(control.except_paragraphs)
        and all(is_paragraph_id(pid) for pid in own + excepted)
        and (control.entire_entry or bool(own))
    )
    doc: dict[str, Any] = {"reason": control.reason or "unknown", "applies_to": control.raw}
    kept = [pid for pid in own if is_paragraph_id(pid)]
    left_out = [pid for pid in excepted if is_paragraph_id(pid)]
    if kept:
        doc["paragraphs"] = kept
    if left_out:
        doc["except_paragraphs"] = left_out
    if not whole:
        doc["paragraphs_unparsed"] = True
    doc["scope"] = line.scope.raw
    return doc

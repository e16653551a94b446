"""The EAR provisions a sentence cites: "§ 742.6(a)(6)(iii)(B)", "part 746", "Supplement No. 2 to part 745".

Used to keep the pointers of embargoed chart rows and of licence-requirement scopes as data.
"""

from __future__ import annotations

import re

_SECTION = r"\d{3}\.\d+(?:\([A-Za-z0-9]+\))*"
_SECTIONS = re.compile(
    rf"(?:§§?|[Ss]ections?)\s*(?P<first>{_SECTION})"
    rf"(?P<more>(?:\s*(?:,|and|or|,\s*and)\s*(?:{_SECTION}|(?:\([A-Za-z0-9]+\))+))*)"
)
_MORE = re.compile(rf"{_SECTION}|(?:\([A-Za-z0-9]+\))+")
_SUPPLEMENT = re.compile(r"[Ss]upplement [Nn]o\. ?(\d+) to [Pp]art (\d{3})")
_PART = re.compile(r"(?<![Ss]upplement )\b[Pp]art (\d{3})\b")


def references(text: str) -> tuple[str, ...]:
    """Every provision ``text`` cites, in order, without repeats.

    "§ 742.4(a)(5) and (b)(10)" gives both "§ 742.4(a)(5)" and "§ 742.4(b)(10)"; "§§ 742.6 and
    746.3" gives two sections. Parts are kept only when no section of that part is cited.
    """
    found: list[str] = []
    for match in _SECTIONS.finditer(text):
        first = match["first"]
        found.append(f"§ {first}")
        base = first.split("(", 1)[0]
        for extra in _MORE.findall(match["more"]):
            found.append(f"§ {base}{extra}" if extra.startswith("(") else f"§ {extra}")
    found.extend(f"Supplement No. {number} to part {part}" for number, part in _SUPPLEMENT.findall(text))
    for part in _PART.findall(text):
        if not any(ref.startswith(f"§ {part}.") or ref.endswith(f"part {part}") for ref in found):
            found.append(f"part {part}")
    return tuple(dict.fromkeys(found))

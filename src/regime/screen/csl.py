"""Read the Consolidated Screening List in its compact form (``screening-list.json``).

The file keys each entry with short names (its ``fieldKey``: n name, a aliases, s source,
t type, c countries, e entity number, lr/lp licence requirement/policy, pg programmes,
fr Federal Register notice, u source URL); indexes point into ``tables``; ``listAuthority``
says what each list means. Every malformed entry is reported with its index and what was
expected; nothing is silently skipped, since a skipped entry would read as a clearance.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from regime.errors import InputError, RegimeError
from regime.screen.countries import country_code
from regime.screen.listdata import Authority, Legal, ListVersion, Party, PartyKind, Problems, slug
from regime.screen.normalise import name_form

KINDS: dict[str, PartyKind] = {
    "Individual": "person",
    "Entity": "organisation",
    "Vessel": "vessel",
    "Aircraft": "aircraft",
}
COUNTRY_FIXES = {"UK": "GB", "CRIMEA (OCCUPIED)": "UA"}
TABLES = ("sources", "licenceRequirements", "licencePolicies", "programmes", "urls")


def _strings(value: Any, where: str, problems: Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(where, f"expected a list of non-empty strings, got {value!r}")
        return ()
    return tuple(v.strip() for v in value)


def _countries(value: Any, where: str, problems: Problems) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """ISO-2 codes, and the regions that name no country ("REGION: KASHMIR").

    The list mostly gives ISO-2 codes but also "UK", "PRC", "TURKIYE", "MACAU", "CRIMEA
    (OCCUPIED)" and "REGION: ..." values; each is read as the country it names when it names one.
    """
    codes: list[str] = []
    regions: list[str] = []
    for text in _strings(value, where, problems):
        place = text.removeprefix("REGION:").strip()
        code = COUNTRY_FIXES.get(place.upper()) or (place.upper() if len(place) == 2 and place.isalpha() else None)
        code = code or _country_or_none(place)
        if code and code not in codes:
            codes.append(code)
        elif not code:
            regions.append(text)
    return tuple(codes), tuple(regions)


def _country_or_none(place: str) -> str | None:
    try:
        return country_code(place)
    except RegimeError:
        return None


def _pick(
    tables: dict[str, list[str]], table: str, entry: dict[str, Any], key: str, where: str, problems: Problems
) -> str | None:
    index = entry.get(key)
    if index is None:
        return None
    rows = tables[table]
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(rows):
        problems.add(f"{where}.{key}", f"expected an index into tables.{table} (0-{len(rows) - 1}), got {index!r}")
        return None
    return rows[index]


def _kind(entry: dict[str, Any], name: str, where: str, problems: Problems) -> PartyKind:
    kind = entry.get("t")
    if kind is None:
        return "organisation" if name_form(name).organisation else "unknown"
    if kind not in KINDS:
        problems.add(f"{where}.t", f"expected one of {', '.join(KINDS)}, got {kind!r}")
        return "unknown"
    return KINDS[kind]


def _authorities(document: dict[str, Any], problems: Problems) -> dict[str, Authority]:
    found: dict[str, Authority] = {}
    for name in document["tables"]["sources"]:
        meaning = document.get("listAuthority", {}).get(name)
        if not isinstance(meaning, dict) or not isinstance(meaning.get("code"), str):
            problems.add(f"listAuthority[{name!r}]", "expected an object with a 'code', 'citation' and 'effect'")
            continue
        code = meaning["code"]
        found[name] = Authority(
            code=code, name=name, citation=meaning.get("citation", ""), effect=meaning.get("effect", "")
        )
    return found


def _check_shape(document: Any, source: str) -> None:
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise InputError("expected an object with 'fieldKey', 'tables', 'listAuthority' and 'entries'", source=source)
    tables = document.get("tables")
    if not isinstance(tables, dict) or any(not isinstance(tables.get(t), list) for t in TABLES):
        raise InputError(f"'tables' must hold the lists {', '.join(TABLES)}", source=source)


def read_csl(document: Any, *, source: str) -> ListVersion:
    """The list version held by a parsed ``screening-list.json`` document."""
    _check_shape(document, source)
    problems = Problems(source)
    tables: dict[str, list[str]] = document["tables"]
    authorities = _authorities(document, problems)
    seen: Counter[str] = Counter()
    parties: list[Party] = []
    for index, entry in enumerate(document["entries"]):
        where = f"entries[{index}]"
        if not isinstance(entry, dict):
            problems.add(where, f"expected an object, got {type(entry).__name__}")
            continue
        name = entry.get("n")
        if not isinstance(name, str) or not name.strip():
            problems.add(f"{where}.n", f"expected the party's name, got {name!r}")
            continue
        list_name = _pick(tables, "sources", entry, "s", where, problems)
        if list_name is None or list_name not in authorities:
            if "s" not in entry:
                problems.add(f"{where}.s", "expected the index of the entry's source list")
            continue
        code = authorities[list_name].code
        number = entry.get("e")
        key = f"{code}:{number}" if isinstance(number, str) and number else f"{code}:{slug(name)}"
        seen[key] += 1
        legal = Legal(
            licence_requirement=_pick(tables, "licenceRequirements", entry, "lr", where, problems),
            licence_policy=_pick(tables, "licencePolicies", entry, "lp", where, problems),
            programmes=tuple(p for p in [_pick(tables, "programmes", entry, "pg", where, problems)] if p),
            federal_register=entry.get("fr") if isinstance(entry.get("fr"), str) else None,
            source_url=_pick(tables, "urls", entry, "u", where, problems),
        )
        countries, regions = _countries(entry.get("c"), f"{where}.c", problems)
        parties.append(
            Party(
                list_code=code,
                entry_id=key if seen[key] == 1 else f"{key}~{seen[key]}",
                name=name.strip(),
                aliases=_strings(entry.get("a"), f"{where}.a", problems),
                countries=countries,
                regions=regions,
                kind=_kind(entry, name, where, problems),
                legal=legal,
            )
        )
    problems.raise_any()
    generated = str(document.get("sourceGeneratedAt") or "undated")
    return ListVersion(
        source="CSL",
        version=f"generated {generated[:10]}" if generated != "undated" else "undated",
        authorities={a.code: a for a in authorities.values()},
        parties=tuple(parties),
    )

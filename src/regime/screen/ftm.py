"""Read FollowTheMoney entities (the OpenSanctions export format), one JSON object a line.

Parties are the entities whose schema is a ``Thing`` with names (Person, Company,
Organization, LegalEntity, Vessel, Airplane ...); their ``name`` values give the primary
name and other names, ``alias``/``previousName`` the aliases, ``weakAlias`` the weak ones.
A ``Sanction`` entity pointing at a party (its ``entity`` property) gives the party its
programme, authority and reason. The list code is the entity's first dataset unless the
caller names one. Every malformed line is reported with its number and what was expected.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from followthemoney import model
from followthemoney.types import registry

from regime.screen.listdata import Authority, Legal, ListVersion, Party, PartyKind, Problems

COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction", "flag")
TOPIC_EFFECTS = {
    "sanction": "Sanctioned: dealings are prohibited or restricted under the listing authority's programme.",
    "export.control": "Export-controlled party: a licence may be required; read the listing.",
    "debarment": "Debarred from the listing authority's contracts or programmes.",
    "crime": "Listed in connection with crime; read the listing.",
}


def _kind(schema_name: str) -> PartyKind:
    schema = model.get(schema_name)
    if schema is None:
        return "unknown"
    if schema.is_a("Person"):
        return "person"
    if schema.is_a("Vessel"):
        return "vessel"
    if schema.is_a("Airplane"):
        return "aircraft"
    return "organisation" if schema.is_a("Organization") else "unknown"


def _values(props: dict[str, Any], key: str) -> list[str]:
    values = props.get(key) or []
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _countries(props: dict[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    for key in COUNTRY_PROPS:
        for value in _values(props, key):
            code = registry.country.clean(value)
            if code and len(code) == 2 and code.upper() not in found:
                found.append(code.upper())
    return tuple(found)


def _parse(lines: Iterable[str], problems: Problems) -> list[tuple[int, dict[str, Any]]]:
    """The entity objects with their line numbers; the lines that are not go to ``problems``."""
    entities: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.add(f"line {number}", f"not JSON ({exc.msg}); expected one FollowTheMoney entity a line")
            continue
        schema = data.get("schema") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not isinstance(schema, str):
            problems.add(f"line {number}", "expected an object with an 'id' and a 'schema'")
        elif model.get(schema) is None:
            problems.add(
                f"line {number}",
                f"unknown schema {schema!r}; expected a FollowTheMoney schema such as Person or Company",
            )
        elif not isinstance(data.get("properties", {}), dict):
            problems.add(f"line {number}", "'properties' must map property names to lists of values")
        else:
            entities.append((number, data))
    return entities


def _sanctions(entities: list[tuple[int, dict[str, Any]]]) -> dict[str, Legal]:
    by_party: dict[str, Legal] = {}
    for _, data in entities:
        if data["schema"] != "Sanction":
            continue
        props = data.get("properties", {})
        for target in _values(props, "entity"):
            by_party[target] = Legal(
                licence_requirement="; ".join(_values(props, "provisions")) or None,
                licence_policy="; ".join(_values(props, "reason")) or None,
                programmes=tuple(_values(props, "program") + _values(props, "programId")),
                source_url=next(iter(_values(props, "sourceUrl")), None),
            )
    return by_party


def read_ftm(lines: Iterable[str], *, source: str, code: str | None = None, version: str = "undated") -> ListVersion:
    """The list version held by FollowTheMoney entity lines; ``code`` names the list (default: dataset)."""
    problems = Problems(source)
    entities = _parse(lines, problems)
    legal = _sanctions(entities)
    parties: list[Party] = []
    authorities: dict[str, Authority] = {}
    for number, data in entities:
        schema = model.get(data["schema"])
        if schema is None or not schema.is_a("Thing") or schema.is_a("Address"):
            continue
        props = data.get("properties", {})
        names = _values(props, "name")
        if not names:
            problems.add(f"line {number}", f"{data['schema']} {data['id']!r} has no 'name'; expected at least one")
            continue
        datasets = [d for d in data.get("datasets") or [] if isinstance(d, str)]
        list_code = code or (datasets[0] if datasets else "FTM")
        topics = _values(props, "topics")
        effect = " ".join(TOPIC_EFFECTS[t] for t in topics if t in TOPIC_EFFECTS)
        authorities.setdefault(list_code, Authority(code=list_code, name=list_code, citation=source, effect=effect))
        parties.append(
            Party(
                list_code=list_code,
                entry_id=f"{list_code}:{data['id']}",
                name=names[0],
                aliases=tuple(dict.fromkeys(names[1:] + _values(props, "alias") + _values(props, "previousName"))),
                weak_aliases=tuple(_values(props, "weakAlias")),
                countries=_countries(props),
                kind=_kind(data["schema"]),
                legal=legal.get(data["id"], Legal()),
            )
        )
    problems.raise_any()
    return ListVersion(source=code or "FtM", version=version, authorities=authorities, parties=tuple(parties))

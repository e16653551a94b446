"""Named memberships (Wassenaar's 42, the chip alliance, the Quad, the TTC ...) and proposed ones.

Read from ``data/assessments/memberships.yaml``. A membership is a list of ISO alpha-2 codes, or an
EAR country group with corrections (Wassenaar is Country Group A:1 corrected to the 42
participating states), plus the memberships it includes. ``expect_size`` guards the result.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from regime.assess.codes import country_code, country_codes
from regime.assess.files import ASSESSMENTS_DIR, expect_mapping, read_yaml, validate
from regime.errors import InputError, NotFoundError, UnknownCountryError
from regime.paths import US_EAR_DIR

MEMBERSHIPS_FILE = ASSESSMENTS_DIR / "memberships.yaml"
GROUPS_FILE = US_EAR_DIR / "country-groups.json"


class MembershipSpec(BaseModel):
    """How a membership is written in the file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    members: list[str] = []
    group: str | None = None
    add: list[str] = []
    remove: list[str] = []
    include: list[str] = []
    expect_size: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Membership:
    """A named set of member states."""

    id: str
    name: str
    members: frozenset[str]
    note: str | None = None


def _group(group_id: str, groups_file: Path) -> list[str]:
    data = json.loads(groups_file.read_text(encoding="utf-8"))
    names = data.get("groups", {}).get(group_id)
    if names is None:
        raise InputError(f"no country group {group_id!r}", source=str(groups_file))
    return country_codes(names)


def _build(
    key: str, specs: dict[str, MembershipSpec], groups_file: Path, path: Path, trail: tuple[str, ...]
) -> set[str]:
    if key in trail:
        raise InputError(f"membership {key!r} includes itself", source=str(path), where=f"memberships.{key}")
    if key not in specs:
        raise InputError(f"unknown membership {key!r}", source=str(path), where=f"memberships.{trail[-1]}.include")
    spec = specs[key]
    try:
        members = set(country_codes(spec.members))
        if spec.group:
            members |= set(_group(spec.group, groups_file))
        members = (members - set(country_codes(spec.remove))) | set(country_codes(spec.add))
    except UnknownCountryError as exc:
        raise InputError(str(exc), source=str(path), where=f"memberships.{key}") from None
    for other in spec.include:
        members |= _build(other, specs, groups_file, path, (*trail, key))
    return members


def load_memberships(
    path: Path = MEMBERSHIPS_FILE, groups_file: Path = GROUPS_FILE
) -> tuple[dict[str, Membership], list[str]]:
    """Every named membership by id, and the ids to compare side by side."""
    data = expect_mapping(read_yaml(path), path, "memberships and compare")
    raw = expect_mapping(data.get("memberships"), path, "memberships")
    specs = {str(k): validate(MembershipSpec, v, path, ("memberships", str(k))) for k, v in raw.items()}
    memberships: dict[str, Membership] = {}
    for key, spec in specs.items():
        members = _build(key, specs, groups_file, path, ())
        if spec.expect_size is not None and len(members) != spec.expect_size:
            raise InputError(
                f"expected {spec.expect_size} members, built {len(members)}",
                source=str(path),
                where=f"memberships.{key}",
            )
        memberships[key] = Membership(key, spec.name, frozenset(members), spec.note)
    compare = [str(c) for c in data.get("compare") or []]
    for i, key in enumerate(compare):
        if key not in memberships:
            raise InputError(f"unknown membership {key!r}", source=str(path), where=f"compare[{i}]")
    return memberships, compare


def resolve_members(text: str, memberships: dict[str, Membership]) -> Membership:
    """A membership from ``US,JP,NL`` (codes or names) or a name like ``quad``; names may be mixed in."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise InputError("no members given", where="--members")
    if len(parts) == 1 and parts[0].lower() in memberships:
        return memberships[parts[0].lower()]
    members: set[str] = set()
    for part in parts:
        if part.lower() in memberships:
            members |= memberships[part.lower()].members
            continue
        try:
            members.add(country_code(part))
        except UnknownCountryError as exc:
            known = ", ".join(memberships)
            raise NotFoundError(f"{exc}; or name a membership ({known})") from None
    ordered = sorted(members)
    return Membership("proposed", ",".join(ordered), frozenset(members))

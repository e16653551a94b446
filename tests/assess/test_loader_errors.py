"""Bad criteria and effort files: every error names the file and the field (or line)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from regime.assess.loader import CRITERIA_FILE, EFFORTS_DIR, Checklist, load_checklist, load_effort, load_effort_by_id
from regime.assess.when import parse_partial_date
from regime.errors import InputError, NotFoundError


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def chip_alliance() -> dict:
    return yaml.safe_load((EFFORTS_DIR / "chip-alliance.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (lambda d: d["actions"][1].update(kind="handshake"), "actions[1]", "unknown kind 'handshake'"),
        (lambda d: d["actions"][0].update(date="2022-13-01"), "actions[0].date", "month 13"),
        (lambda d: d["actions"][2]["attributes"].update(framing=["rivalry"]), "actions[2]", "attributes.framing"),
        (lambda d: d["actions"][1]["attributes"].update(members=["Japan"]), "actions[1]", "'JP'"),
        (lambda d: d["actions"][0]["actors"][0].update(role="emperor"), "actions[0]", "actors[0].role"),
        (lambda d: d["actions"][3]["source"].update(ref="newspaper"), "actions[3].source.ref", "newspaper"),
        (lambda d: d["actions"][3]["source"].update(tag="X"), "actions[3].source.tag", "pattern"),
        (lambda d: d["actions"][4].update(id=d["actions"][3]["id"]), "actions[4].id", "duplicate"),
        (lambda d: d.update(partners=["Japan"]), "partners[0]", "'JP'"),
        (lambda d: d.pop("summary"), "summary", "required"),
    ],
)
def test_bad_effort_names_file_and_field(tmp_path: Path, checklist: Checklist, change, where: str, words: str) -> None:
    data = chip_alliance()
    change(data)
    path = write(tmp_path, "chip-alliance.yaml", data)
    with pytest.raises(InputError) as caught:
        load_effort(path, checklist.vocabulary)
    message = str(caught.value)
    assert str(path) in message
    assert where in message
    assert words in message


def test_effort_id_must_match_its_file_name(tmp_path: Path, checklist: Checklist) -> None:
    path = write(tmp_path, "other.yaml", chip_alliance())
    with pytest.raises(InputError, match=r"other\.yaml: id: id 'chip-alliance' differs"):
        load_effort(path, checklist.vocabulary)


def test_yaml_syntax_error_names_the_line(tmp_path: Path, checklist: Checklist) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\nname: [unclosed\nsummary: x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.yaml: line \d+, column \d+: not valid YAML"):
        load_effort(path, checklist.vocabulary)


def test_unknown_effort_lists_the_known_ones() -> None:
    with pytest.raises(NotFoundError, match="chip-alliance"):
        load_effort_by_id("g7")


def test_criteria_rules_are_checked_against_the_vocabulary(tmp_path: Path) -> None:
    data = yaml.safe_load(CRITERIA_FILE.read_text(encoding="utf-8"))
    data["criteria"][2]["met"]["all"][0]["roles"] = ["head-of-goverment"]
    path = write(tmp_path, "criteria.yaml", data)
    with pytest.raises(InputError) as caught:
        load_checklist(path)
    assert "criteria[2]" in str(caught.value)
    assert "head-of-goverment" in str(caught.value)


def test_criteria_field_errors_name_the_criterion(tmp_path: Path) -> None:
    data = yaml.safe_load(CRITERIA_FILE.read_text(encoding="utf-8"))
    del data["criteria"][4]["missing"]
    path = write(tmp_path, "criteria.yaml", data)
    with pytest.raises(InputError, match=r"criteria\[4\]\.missing: Field required"):
        load_checklist(path)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1996", "1996-01-01", "1996-12-31"),
        ("1996-02", "1996-02-01", "1996-02-29"),
        ("2024-09-07", "2024-09-07", "2024-09-07"),
    ],
)
def test_partial_dates_span_their_period(text: str, start: str, end: str) -> None:
    date = parse_partial_date(text)
    assert (date.start.isoformat(), date.known_by.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["96", "1996-7", "1996-02-30", "soon", True])
def test_bad_partial_dates_are_refused(text: object) -> None:
    with pytest.raises(ValueError):
        parse_partial_date(text)

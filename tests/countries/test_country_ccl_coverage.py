"""The parsers over every licence-requirement line of the CCL: how much they read, and what they did not."""

from __future__ import annotations

import pytest

from regime.countries import ControlLine, CoverageReport, Destinations, Parse, coverage, us_control_lines


@pytest.fixture(scope="module")
def lines() -> dict[str, tuple[ControlLine, ...]]:
    return us_control_lines()


@pytest.fixture(scope="module")
def report(lines: dict[str, tuple[ControlLine, ...]]) -> CoverageReport:
    return coverage(lines)


def test_every_entry_is_read(lines: dict[str, tuple[ControlLine, ...]]) -> None:
    assert len(lines) == 633


def test_coverage_figures(report: CoverageReport) -> None:
    print(f"\nCCL licence-requirement lines: {report.lines}")
    print(f"  lines    {report.lines_by_status}")
    print(f"  controls {report.controls_by_status}  (paragraphs in prose only: {report.prose_only_paragraphs})")
    print(f"  scopes   {report.scopes_by_status}  {report.scopes_by_kind}")
    for eccn, control, text in report.unparsed:
        print(f"  not read: {eccn}: {control!r} -> {text!r}")
    # 1,536 source lines; 1A231's "NP ... AT ..." line holds two reasons and is split in two.
    assert report.lines == 1537
    assert report.lines_by_status == {"full": 1391, "partial": 145, "none": 1}
    assert report.scopes_by_status == {"full": 1534, "partial": 2, "none": 1}
    assert report.controls_by_status == {"full": 1393, "partial": 144}


def test_the_line_not_read_is_the_one_whose_source_cell_is_empty(report: CoverageReport) -> None:
    assert [eccn for eccn, _, _ in report.unparsed] == ["1D018"]


def test_1d018_says_why(lines: dict[str, tuple[ControlLine, ...]]) -> None:
    (missing,) = [line for line in lines["1D018"] if line.status is Parse.NONE]
    assert any("empty in the source" in note for note in missing.scope.notes)


def test_a_line_holding_two_reasons_is_split(lines: dict[str, tuple[ControlLine, ...]]) -> None:
    assert [(line.control.reason, line.scope.column) for line in lines["1A231"]] == [
        ("NP", "NP 1"),
        ("AT", "AT 1"),
    ]


def test_3a090_scopes_cover_what_the_ear_says(lines: dict[str, tuple[ControlLine, ...]], dest: Destinations) -> None:
    by_paragraph = {line.control.paragraphs: line.scope for line in lines["3A090"] if line.control.reason == "RS"}
    a, b, c = by_paragraph[("3A090.a",)], by_paragraph[("3A090.b",)], by_paragraph[("3A090.c",)]
    assert a.kind == "worldwide" and a.covers(dest.country("Germany")) is True
    assert b.covers(dest.country("United Arab Emirates")) is True
    assert b.covers(dest.country("Japan")) is False
    assert b.covers(dest.country("China")) is True
    assert c.covers(dest.country("Macau")) is True and c.covers(dest.country("Japan")) is False


def test_each_scope_kind_is_typed_and_keeps_its_raw_text(lines: dict[str, tuple[ControlLine, ...]]) -> None:
    for entry in lines.values():
        for line in entry:
            assert line.scope.raw and line.control.raw
            if line.scope.kind == "column":
                assert line.scope.column and line.scope.column[:2] == line.control.reason

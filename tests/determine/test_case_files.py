"""Every determination case file passes: transactions from the regulations' examples and public cases."""

from __future__ import annotations

import pytest

from regime.determine.cases import load_cases, run_case

CASES = load_cases()


def test_there_are_enough_cases_each_with_a_source() -> None:
    assert len(CASES) >= 60
    assert all(len(case.source) > 10 for _, case in CASES)
    names = " ".join(case.name for _, case in CASES)
    for must in ("A100 to China", "H100 to China", "H20", "EUV scanner from the Netherlands to China",
                 "Mass-market encryption software to Brazil", "3E001 technology released to a Chinese national",
                 "fundamental research"):  # fmt: skip
        assert must in names


def test_every_case_file_names_its_sources_in_comments() -> None:
    for path in {path for path, _ in CASES}:
        assert "# Source:" in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize(("path", "case"), CASES, ids=[f"{p.stem}: {c.name}" for p, c in CASES])
def test_case(path, case, members, index, catalogue, memo) -> None:  # type: ignore[no-untyped-def]
    found, problems = run_case(case, members, index, catalogue, memo)
    assert problems == [], "\n".join([*problems, *(d.statement for d in found)])

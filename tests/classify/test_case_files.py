"""Every rule case file beside every entry of every bundled list passes."""

from collections.abc import Mapping

import pytest

from regime.classify.cases import case_files, load_case_file, run_case
from regime.model.item import Item
from regime.paths import LISTS_DIR

CASES = [(path, case) for path in case_files(LISTS_DIR) for case in load_case_file(path).cases]


def test_there_are_case_files_for_the_encoded_entries() -> None:
    entries = {path.name.split(".")[0] for path, _ in CASES}
    assert {"3A090", "4A090"} <= entries
    assert len(CASES) >= 15


@pytest.mark.parametrize(("path", "case"), CASES, ids=[f"{p.stem}: {c.name}" for p, c in CASES])
def test_case(path, case, catalogue: Mapping[str, Item]) -> None:  # type: ignore[no-untyped-def]
    result, problems = run_case(case, path.parent.parent.name, catalogue)
    assert problems == [], f"{case.name}: {problems}\n{result.statement}"

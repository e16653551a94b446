"""``regime list`` as a user runs it: show, history, diff, search, check and import."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from regime.cli.main import app
from regime.paths import LISTS_DIR, US_EAR_DIR

runner = CliRunner()
WIDE = {"COLUMNS": "200"}


def run(*args: str) -> str:
    result = runner.invoke(app, ["list", *args], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.output


def test_show_an_entry_in_either_numbering() -> None:
    eccn = run("show", "3A090", "--as-of", "2024-01-01")
    assert "Integrated circuits as follows" in eccn and "3A090.b" in eccn and "performance_density" in eccn
    assert "Note 2 to 3A090" in eccn and "High bandwidth memory" not in eccn
    wassenaar = run("show", "3.A.90.b.", "--as-of", "2024-01-01")
    assert "3A090.b.1" in wassenaar and "3A090.a.1" not in wassenaar


def test_show_as_json_and_before_the_entry_existed() -> None:
    payload = json.loads(run("show", "3A090", "--as-of", "2025-02-01", "--json"))
    assert payload["in_force"] and [p["id"] for p in payload["paragraphs"]][-1] == "c"
    assert "not in force on 2022-01-01" in run("show", "3A090", "--as-of", "2022-01-01")
    imported = json.loads(run("show", "3B002", "--json"))
    assert imported["encoding"] == "text-only" and imported["source"]["ecfr_issue_date"] == "2026-07-23"


def test_unknown_entries_and_paragraphs_are_clear_errors() -> None:
    result = runner.invoke(app, ["list", "show", "3A777"], env=WIDE)
    assert result.exit_code == 2 and "no entry 3A777 in list us-ccl" in result.output
    result = runner.invoke(app, ["list", "show", "3A090.q", "--as-of", "2025-02-01"], env=WIDE)
    assert result.exit_code == 2 and "no paragraph 'q'" in result.output


def test_history_lists_each_change_date() -> None:
    out = run("history", "3A090")
    for date in ("2022-10-07", "2023-11-17", "2024-12-02", "2025-01-13"):
        assert date in out
    assert "added paragraph c" in out
    steps = json.loads(run("history", "3.A.90.", "--json"))
    assert steps[0] == {"date": "2022-10-07", "in_force": True, "change": None}


def test_diff_between_dates() -> None:
    out = run("diff", "--from", "2022-10-07", "--to", "2025-01-01", "--entry", "3A090")
    assert "~ 3A090" in out and "added paragraph b" in out and "licence_exceptions NAC" in out
    payload = json.loads(run("diff", "--from", "2022-10-07", "--to", "2025-01-01", "-e", "4A090", "--json"))
    assert [c["entry"] for c in payload["changed"]] == ["4A090"]


def test_search_prints_ranked_snippets() -> None:
    out = run("search", "lithography", "--limit", "5")
    assert "3B001.f" in out
    hits = json.loads(run("search", "EUV pellicles", "--json"))
    assert hits[0]["ref"] == "3B001.l"


def test_check_passes_on_the_bundled_list_and_names_a_bad_file(tmp_path: Path) -> None:
    out = run("check")
    assert "text-only" in out and "checkable" in out and "ok" in out
    folder = tmp_path / "bad"
    (folder / "3").mkdir(parents=True)
    (folder / "list.yaml").write_text("id: bad\nname: Bad\njurisdiction: XX\n", encoding="utf-8")
    (folder / "3" / "3A001.yaml").write_text(
        "id: 3A001\nheading: Chips\nencoding: checkable\nparagraphs:\n  - id: a\n    criterion: tpp >= 48 nm\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["list", "check", str(folder), "--json"], env=WIDE)
    assert result.exit_code == 1
    (error,) = json.loads(result.output)["errors"]
    assert error["file"].endswith("3A001.yaml") and error["entry"] == "3A001" and error["position"]
    assert "paragraph a criterion" in error["message"]


def test_import_dry_run_prints_counts(tmp_path: Path) -> None:
    folder = tmp_path / "us-ccl"
    folder.mkdir()
    shutil.copy(LISTS_DIR / "us-ccl" / "list.yaml", folder / "list.yaml")
    source = json.loads((US_EAR_DIR / "ccl.json").read_text(encoding="utf-8"))
    source["entries"] = [e for e in source["entries"] if e["eccn"] in ("3B001", "1C240")]
    source["entryCount"] = 2
    (tmp_path / "ccl.json").write_text(json.dumps(source), encoding="utf-8")
    out = run("import", "--source", str(tmp_path / "ccl.json"), "--list", str(folder), "--dry-run")
    assert "dry run" in out and "files to write" in out and "unplaced 1C240" in out
    assert not list(folder.glob("*/*.yaml"))
    run("import", "--source", str(tmp_path / "ccl.json"), "--list", str(folder))
    assert sorted(p.name for p in folder.glob("*/*.yaml")) == ["1C240.yaml", "3B001.yaml"]

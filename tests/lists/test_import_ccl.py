"""The CCL importer on the real ``ccl.json``: every entry written or curated, valid, nothing dropped."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from regime.countries import us_destinations
from regime.lists.importers.ccl import import_entry
from regime.lists.importers.run import ImportReport, import_ccl
from regime.lists.importers.source import SourceEntry, SourceFile, read_source
from regime.lists.importers.tree import RESERVED
from regime.lists.importers.writer import is_generated
from regime.lists.loader import entry_files, load_docs
from regime.paths import LISTS_DIR, US_EAR_DIR

SOURCE = US_EAR_DIR / "ccl.json"
BUNDLED = LISTS_DIR / "us-ccl"
_RANGE = re.compile(r"^(?:to|through|and)\s+\S+\s*\[Reserved\]|^[a-z](?:\.\w+)*\.?\s*-\s*[a-z]")
_TEXT_ID = re.compile(r"^[a-z](?:\.(?:\d{1,2}|[a-z]))+\.?\s+")


def curated_copy(target: Path) -> Path:
    """A list folder holding the bundled list.yaml and curated files only (no generated files)."""
    target.mkdir(parents=True)
    shutil.copy(BUNDLED / "list.yaml", target / "list.yaml")
    for path in entry_files(BUNDLED):
        if not is_generated(path.read_text(encoding="utf-8")):
            (target / path.parent.name).mkdir(exist_ok=True)
            shutil.copy(path, target / path.parent.name / path.name)
    return target


@pytest.fixture(scope="module")
def source() -> SourceFile:
    return read_source(SOURCE)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportReport]:
    folder = curated_copy(tmp_path_factory.mktemp("import") / "us-ccl")
    return folder, import_ccl(SOURCE, folder)


def entry(source: SourceFile, eccn: str) -> SourceEntry:
    return next(e for e in source.entries if e.eccn == eccn)


def test_every_entry_is_written_or_curated_and_validates(imported: tuple[Path, ImportReport]) -> None:
    folder, report = imported
    assert report.entries == 633
    assert len(report.written) + len(report.curated) == 633 and not report.unchanged
    assert {"3A090", "4A090", "5A002"} <= set(report.curated)
    docs = load_docs(folder)
    assert len(docs.entries) == 633
    for eccn in report.curated:
        assert docs.files[eccn].read_bytes() == (BUNDLED / docs.files[eccn].relative_to(folder)).read_bytes()
    assert docs.entries["3B002"].encoding.value == "text-only" and docs.entries["3B002"].source["ecfr_issue_date"]


def test_the_bundled_generated_files_are_what_the_importer_writes(imported: tuple[Path, ImportReport]) -> None:
    folder, report = imported
    for eccn in report.written:
        written = next(folder.glob(f"*/{eccn}.yaml"))
        assert written.read_text(encoding="utf-8") == (BUNDLED / written.parent.name / written.name).read_text(
            encoding="utf-8"
        ), f"{eccn}: run `regime list import` to refresh the bundled file"


def test_3a090_note_items_are_not_paragraphs(source: SourceFile) -> None:
    doc = import_entry(entry(source, "3A090"), source, us_destinations()).document
    texts = {p["id"]: p["text"] for p in doc["paragraphs"]}
    assert list(texts) == ["a", "a.1", "a.2", "b", "b.1", "b.2", "c"]
    assert (
        texts["a"]
        == texts["b"]
        == "Integrated circuits having one or more digital processing units having either of the following:"
    )
    assert texts["c"].startswith("High bandwidth memory (HBM)")
    presumption = next(n for n in doc["notes"] if "front-end fabricator" in n["text"])
    assert "\na. If the designer" in presumption["text"] and "\nd. It is not sufficient" in presumption["text"]


def test_spot_checks(source: SourceFile, imported: tuple[Path, ImportReport]) -> None:
    tables = us_destinations()
    b001 = {p["id"]: p["text"] for p in import_entry(entry(source, "3B001"), source, tables).document["paragraphs"]}
    assert b001["f.1.b.2"] == "A maximum 'dedicated chuck overlay' value of less than or equal to 1.50 nm;"
    assert b001["c.3.a"] == "Two or more RF independent sources;"
    a002 = import_entry(entry(source, "5A002"), source, tables)
    assert a002.tree is not None and "z.1.b" in a002.tree.recovered
    z1b = next(p for p in a002.document["paragraphs"] if p["id"] == "z.1.b")
    assert z1b["text"].startswith("Commodities that are described in 5A002.a and that also meet or exceed")
    docs = load_docs(imported[0])
    reserved = [p.id for p in docs.entries["5A004"].paragraphs if p.text.at(source.ecfr_issue_date) == RESERVED]
    assert reserved == list("cdefghijklmnopqrstuvwxy")


def test_licence_lines_use_the_countries_parser(imported: tuple[Path, ImportReport]) -> None:
    docs = load_docs(imported[0])
    controls = docs.entries["0A606"].controls.values[0]
    assert controls[0].reason == "NS" and controls[0].except_paragraphs == ["b", "y"]
    software = docs.entries["4D090"].controls.values[0]
    assert any(c.paragraphs_unparsed for c in software)
    counts = imported[1].counts
    assert counts["controls"] == 1537 and 0 < counts["controls_unparsed"] < counts["controls"]


def test_no_fragment_is_dropped(source: SourceFile) -> None:
    tables = us_destinations()
    for raw in source.entries:
        if not raw.items:
            continue
        result = import_entry(raw, source, tables)
        doc = result.document
        blob = "\n".join(
            [p["text"] for p in doc["paragraphs"]]
            + [n for p in doc["paragraphs"] for n in p.get("notes", [])]
            + [n["text"] for n in doc.get("notes", [])]
        )
        assert result.tree is not None and sum(result.tree.fates.values()) == len(raw.items)
        for source_item in raw.items:
            body = " ".join(source_item.text.split())
            if _RANGE.match(body):
                continue
            assert body in blob or _TEXT_ID.sub("", body) in blob, f"{raw.eccn}: {body[:80]!r} was dropped"


def test_a_second_run_changes_nothing(imported: tuple[Path, ImportReport]) -> None:
    folder, _ = imported
    before = {path: path.read_bytes() for path in entry_files(folder)}
    again = import_ccl(SOURCE, folder)
    assert not again.written and not again.removed and len(again.unchanged) + len(again.curated) == 633
    assert {path: path.read_bytes() for path in entry_files(folder)} == before


def small_source(tmp_path: Path, *eccns: str) -> Path:
    raw = json.loads(SOURCE.read_text(encoding="utf-8"))
    raw["entries"] = [e for e in raw["entries"] if e["eccn"] in eccns]
    raw["entryCount"] = len(raw["entries"])
    path = tmp_path / "ccl.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def test_drift_is_reported_on_a_curated_file_and_the_file_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "us-ccl"
    (folder / "3").mkdir(parents=True)
    shutil.copy(BUNDLED / "list.yaml", folder / "list.yaml")
    curated = folder / "3" / "3A090.yaml"
    original = (BUNDLED / "3" / "3A090.yaml").read_text(encoding="utf-8")
    edited = original.replace("A 'total processing performance' of 4800 or more; or", "A TPP of 5000 or more; or")
    curated.write_text(edited, encoding="utf-8")
    report = import_ccl(small_source(tmp_path, "3A090", "3B002"), folder)
    assert report.curated == ["3A090"] and report.written == ["3B002"]
    changed = [d for d in report.drift if d.kind == "changed"]
    assert [(d.entry, d.paragraph) for d in changed] == [("3A090", "a.1")]
    assert changed[0].source_text == "A 'total processing performance' of 4800 or more; or"
    assert curated.read_text(encoding="utf-8") == edited


def test_dry_run_writes_nothing_and_stale_generated_files_go(tmp_path: Path) -> None:
    folder = tmp_path / "us-ccl"
    (folder / "9").mkdir(parents=True)
    shutil.copy(BUNDLED / "list.yaml", folder / "list.yaml")
    stale = folder / "9" / "9E999.yaml"
    shutil.copy(BUNDLED / "3" / "3B002.yaml", stale)
    stale.write_text(stale.read_text(encoding="utf-8").replace("id: 3B002", "id: 9E999"), encoding="utf-8")
    source = small_source(tmp_path, "3B002")
    dry = import_ccl(source, folder, dry_run=True)
    assert dry.written == ["3B002"] and dry.removed == ["9E999"]
    assert sorted(p.name for p in folder.glob("*/*.yaml")) == ["9E999.yaml"]
    real = import_ccl(source, folder)
    assert real.removed == ["9E999"] and sorted(p.name for p in folder.glob("*/*.yaml")) == ["3B002.yaml"]

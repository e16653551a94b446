"""The harmonisation report on the real lists and catalogue: leaks found where the lists say they should be."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

import pytest
from typer.testing import CliRunner

from regime.assess.diverge import Divergence, divergence, divergence_report
from regime.assess.diverge.transactions import DESTINATIONS
from regime.assess.diverge.variants import VARIANTS
from regime.classify.engine import classify_brief
from regime.cli.main import app
from regime.determine import determine, load_members
from regime.determine.loader import SCREENING_FILE, exact_index
from regime.determine.parties import PartyIndex
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue
from regime.model.item import Item

DATE = dt.date(2025, 3, 3)  # after the Dutch annex of September 2024 and the U.S. rules of December 2024


@pytest.fixture(scope="module")
def index() -> PartyIndex:
    return exact_index(SCREENING_FILE)


@pytest.fixture(scope="module")
def run(index: PartyIndex) -> Divergence:
    return divergence(load_members(("us", "nl", "jp")), DATE, index, load_catalogue())


def _pair(run: Divergence, a: str, b: str) -> Mapping[str, object]:
    view = divergence_report(run)
    return next(p for p in view["pairs"] if p["members"] == [a, b])


def test_the_standard_set_crosses_catalogue_and_variants_with_every_destination(run: Divergence) -> None:
    catalogue = load_catalogue()
    assert len(run.transactions) == (len(catalogue) + len(VARIANTS)) * len(DESTINATIONS)
    assert len(run.verdicts) == 3 * len(run.transactions)
    view = divergence_report(run)
    assert view["date"] == "2025-03-03" and "us-ccl as of 2025-03-03" in view["caption"]
    assert all(p["leaks"] == p["through"][p["members"][0]] + p["through"][p["members"][1]] for p in view["pairs"])


def test_a_chip_the_us_list_controls_and_the_union_list_does_not_leaks_through_the_netherlands(
    run: Divergence, index: PartyIndex
) -> None:
    us_list, eu_list = compiled_list("us-ccl", DATE), compiled_list("eu-annex-i", DATE)
    controlled_only_in_us = []
    for variant in VARIANTS:
        item: Item = run.items[variant.id]
        if item.parameters.get("item_type") != "integrated_circuit":
            continue  # the Dutch order adds scanners of its own
        us_classes = classify_brief(item, us_list, catalogue=run.items).classes
        eu_classes = classify_brief(item, eu_list, catalogue=run.items).classes
        if us_classes and not eu_classes and all(c.split(".")[0] not in eu_list.snapshot.entries for c in us_classes):
            controlled_only_in_us.append((variant.id, us_classes))
    assert controlled_only_in_us, "the data should hold a variant controlled by the U.S. list alone"
    pair = _pair(run, "us", "nl")
    leaks = {d["transaction"]: d for d in pair["details"]}  # type: ignore[attr-defined]
    refused = []
    for item_id, classes in controlled_only_in_us:
        line = next(t for t in run.transactions if t.id == f"{item_id}>CN")
        us_answer = determine(line.transaction(DATE), run.members[0], parties_index=index, catalogue=run.items)
        if us_answer.outcome.rank in (0, 1):  # e.g. NAC for a chip not designed for data centres
            assert line.id not in leaks
            continue
        found = leaks[line.id]
        assert (found["permissive"], found["strict"]) == ("nl", "us")
        assert any(entry.startswith(classes[0].split(".")[0]) for entry in found["entries"])
        refused.append(item_id)
    assert refused, "at least one of them should need a U.S. licence to China"


def test_leaks_citing_the_dutch_national_list_match_fresh_determinations(run: Divergence, index: PartyIndex) -> None:
    us, nl = run.members[0], run.members[1]
    expected = set()
    for line in run.transactions:
        if run.items[line.item].parameters.get("item_type") != "lithography_equipment":
            continue
        tx = line.transaction(DATE)
        by_nl = determine(tx, nl, parties_index=index, catalogue=run.items)
        by_us = determine(tx, us, parties_index=index, catalogue=run.items)
        national = [r.id for r in by_nl.requirements if r.id.startswith("nl-national")]
        if national and by_nl.outcome.rank >= 2 and by_us.outcome.rank in (0, 1):
            expected.add((line.id, national[0]))
    assert expected, "the data should hold an immersion scanner the Dutch order controls and the U.S. lets go"
    pair = _pair(run, "us", "nl")
    found = {
        (d["transaction"], e)
        for d in pair["details"]  # type: ignore[attr-defined]
        if d["permissive"] == "us"
        for e in d["entries"]
        if e.startswith("nl-national")
    }
    assert found == expected


def test_the_command_prints_the_pairs_as_json_and_refuses_an_unknown_member() -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["diverge", "--members", "US,NL", "--as-of", "2025-03-03", "--json"])
    assert done.exit_code == 0, done.output
    view = json.loads(done.output)
    assert [p["members"] for p in view["pairs"]] == [["us", "nl"]]
    assert view["pairs"][0]["leaks"] > 0 and "Source: regime's determination engine" in view["caption"]
    table = runner.invoke(app, ["diverge", "--members", "US,NL", "--as-of", "2025-03-03", "--show", "2"])
    assert table.exit_code == 0 and "entries behind the leaks" in table.output
    bad = runner.invoke(app, ["diverge", "--members", "US,XX"])
    assert bad.exit_code == 2 and "unknown member xx" in bad.output

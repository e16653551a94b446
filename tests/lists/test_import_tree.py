"""The importer's paragraph tree, note placement and writer on small hand-made item lists."""

from __future__ import annotations

import yaml

from regime.lists.importers.choose import build_tree, referenced_paragraphs
from regime.lists.importers.notes import place_notes
from regime.lists.importers.sequence import continuations, expand_range, follows
from regime.lists.importers.source import SourceItem
from regime.lists.importers.writer import dump_document, is_generated


def item(pid: str, text: str) -> SourceItem:
    return SourceItem(paragraph=pid, kind="item", depth=pid.count(".") + 1, text=text)


def text(body: str) -> SourceItem:
    return SourceItem(paragraph=None, kind="text", depth=0, text=body)


def note(number: str, body: str) -> SourceItem:
    return SourceItem(paragraph=number, kind="note", depth=1, text=body)


def ids(items: list[SourceItem], referenced: frozenset[str] = frozenset()) -> list[str]:
    return [p.id for p in build_tree(items, referenced).paragraphs]


def test_sequence_arithmetic() -> None:
    assert continuations("a.1.b") == ("a.1.b.1", "a.1.c", "a.2", "b")
    assert continuations("1", letters_first=False) == ("1.a", "2")
    assert follows("b", "a.2") and follows("c", "a.2") and not follows("a", "a.2")
    assert follows("z.1.a", "z") and not follows("z.1.a", "z", frozenset({"z.1"}))
    assert expand_range("j", "m") == ["j", "k", "l", "m"] and expand_range("a.1", "a.3") == ["a.1", "a.2", "a.3"]


def test_a_notes_own_list_does_not_become_paragraphs() -> None:
    items = [
        item("a", "Integrated circuits having either of the following:"),
        item("a.1", "A TPP of 4800 or more; or"),
        item("a.2", "A TPP of 1600 or more and a performance density of 5.92 or more."),
        text("A company can overcome this presumption in any of the following three ways:"),
        item("a", "If the designer is approved ..."),
        text("(1) Approved designers are listed in supplement no. 6;"),
        item("b", "If the die is packaged by the fabricator ..."),
        item("c", "If the circuit is packaged by an approved OSAT ..."),
        item("d", "It is not sufficient to rely on the end user."),
        item("b", "Integrated circuits having either of the following:"),
        item("b.1", "A TPP of 2400 or more and less than 4800; or"),
    ]
    tree = build_tree(items)
    assert [p.id for p in tree.paragraphs] == ["a", "a.1", "a.2", "b", "b.1"]
    assert tree.paragraphs[3].text.startswith("Integrated circuits")
    (block,) = tree.blocks
    assert block.anchor == "a.2"
    assert block.lines[1:] == [
        "a. If the designer is approved ...",
        "(1) Approved designers are listed in supplement no. 6;",
        "b. If the die is packaged by the fabricator ...",
        "c. If the circuit is packaged by an approved OSAT ...",
        "d. It is not sufficient to rely on the end user.",
    ]
    assert not tree.strays and sum(tree.fates.values()) == len(items)


def test_a_list_closed_by_or_gives_the_next_letter_back_to_the_paragraphs() -> None:
    items = [
        item("a", "Materials for absorbing frequencies ..."),
        item("b", "Materials for near-infrared ..."),
        text("1C001.b does not apply to materials for any of the following applications:"),
        item("a", "Laser marking of polymers; or"),
        item("b", "Laser welding of polymers."),
        item("c", "Intrinsically conductive polymeric materials ..."),
        item("c.1", "Polyaniline;"),
    ]
    assert ids(items) == ["a", "b", "c", "c.1"]


def test_a_referenced_paragraph_wins_a_tie_with_a_notes_list() -> None:
    items = [
        item("b", "Carbon fibrous materials ..."),
        text("1C010.b does not control:"),
        item("a", "Materials for the repair of civil aircraft structures;"),
        item("b", "Mechanically chopped carbon fibrous materials."),
        item("c", "Inorganic fibrous materials, having all of the following:"),
        item("c.1", "Having any of the following:"),
    ]
    assert ids(items) == ["b"]
    assert ids(items, referenced_paragraphs("1C010", ["Not specified in 1C010.c.1.a"])) == ["b", "c", "c.1"]


def test_ids_are_recovered_from_text_and_missing_levels_skipped() -> None:
    items = [
        item("z", "Other commodities, as follows:"),
        item("z.1.a", "Commodities described in 5A002.a that meet 3A090.a;"),
        text("z.1.b Commodities described in 5A002.a that meet 3A090.b;"),
        text("n number of processors"),
    ]
    tree = build_tree(items)
    assert [p.id for p in tree.paragraphs] == ["z", "z.1.a", "z.1.b"]
    assert tree.paragraphs[2].text == "Commodities described in 5A002.a that meet 3A090.b;"
    assert tree.recovered == ["z.1.b"] and tree.skipped_levels == ["z.1.a", "z.1.b"]
    assert tree.blocks[0].lines == ["n number of processors"]


def test_reserved_ranges_are_expanded() -> None:
    items = [
        item("a", "Items:"),
        item("a.1", "to a.3. [Reserved]"),
        item("b", "Other items;"),
        item("c", "through f. [Reserved]"),
        text("g.-h. [Reserved]"),
        item("x", "Parts and components."),
    ]
    tree = build_tree(items)
    assert [p.id for p in tree.paragraphs] == ["a", "a.1", "a.2", "a.3", "b", "c", "d", "e", "f", "g", "h", "x"]
    assert {p.text for p in tree.paragraphs if p.id in ["a.1", "a.2", "a.3", "c", "d", "e", "f", "g", "h"]} == {
        "[Reserved]"
    }


def test_a_line_that_fits_nowhere_is_kept_and_counted() -> None:
    items = [item("a", "First;"), item("b", "Second;"), item("c", "Third."), item("a.1", "Orphan detail.")]
    tree = build_tree(items)
    assert [p.id for p in tree.paragraphs] == ["a", "b", "c"]
    assert tree.strays == [("a.1", "Orphan detail.")]
    assert tree.blocks[0].lines == ["a.1. Orphan detail."] and tree.fates["stray"] == 1


def test_numbered_notes_take_their_sub_items_and_stand_alone() -> None:
    items = [
        item("a", "Equipment;"),
        note("1", "'TPP' is 2 x MacTOPS x bit length."),
        item("a", "MacTOPS is the peak rate."),
        item("b", "The 2 counts one multiply-accumulate as two operations."),
        note("2", "The rate is the theoretical maximum."),
        item("b", "Other equipment."),
    ]
    tree = build_tree(items)
    assert [p.id for p in tree.paragraphs] == ["a", "b"]
    assert [b.text() for b in tree.blocks] == [
        "1. 'TPP' is 2 x MacTOPS x bit length.\n1.a. MacTOPS is the peak rate.\n"
        "1.b. The 2 counts one multiply-accumulate as two operations.",
        "2. The rate is the theoretical maximum.",
    ]


def test_notes_are_classified_and_placed() -> None:
    items = [
        item("c", "Etch equipment."),
        item("c.1", "Dry etching equipment;"),
        text("For controls on body armor plates, see ECCN 1A613.d.2."),
        text("For the purposes of 3B001.c, 'selectivity' is measured at 30% Ge."),
        text("3B001.c and c.1 do not control wet benches."),
        text("N.B. to paragraph c.1: See also 3B993."),
    ]
    tree = build_tree(items)
    notes, counts = place_notes("3B001", tree.paragraphs, tree.blocks)
    assert tree.paragraphs[1].notes == ["For controls on body armor plates, see ECCN 1A613.d.2."]
    assert [(n["id"], n.get("kind", "note"), n.get("applies_to")) for n in notes] == [
        ("3B001.c.1 note 1", "technical_note", ["c"]),
        ("3B001.c.1 note 2", "decontrol", ["c", "c.1"]),
        ("3B001.c.1 note 3", "nb", ["c.1"]),
    ]
    assert counts == {"paragraph_notes": 1, "entry_notes": 3}


def test_the_writer_round_trips_and_marks_its_files() -> None:
    document = {
        "id": "3B001",
        "heading": "Equipment " * 20 + "therefor.",
        "notes": [{"id": "n", "text": "1. First line: “quoted”\n1.a. Second — line"}],
        "controls": [{"reason": "NS", "applies_to": "NS applies to 3B001.c", "paragraphs": ["c", "f.1.b"]}],
        "licence_exceptions": {"GBS": "Yes", "LVS": "N/A"},
    }
    written = dump_document(document)
    assert is_generated(written)
    assert yaml.safe_load(written) == document
    assert "paragraphs: [c, f.1.b]" in written and "heading: >-" in written and "text: |-" in written

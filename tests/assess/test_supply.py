"""Share tables: the bundled ETO/CSET folder and a user's CSV of the same shape; bad rows by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from regime.assess.context import SupplyData, load_supply_data
from regime.assess.provenance import load_supply_settings
from regime.assess.supply import load_share_table
from regime.errors import InputError

HEADER = "provider_name,provider_id,provided_name,provided_id,share_provided,year,source\n"


def write_csv(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "shares.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_bundled_table_loads_country_rows_only(supply: SupplyData) -> None:
    table = supply.table
    assert len(table.inputs()) > 100
    assert {r.provider for r in table.rows} >= {"US", "JP", "NL", "CN", "TW", "KR", "EUR", "Various countries"}
    year, rows = table.latest("N19")
    assert year == 2025
    assert {r.provider: r.share for r in rows}["NL"] == 81.5
    assert table.name("N19") == "Lithography tools"


def test_provider_names_come_from_providers_csv(supply: SupplyData) -> None:
    # provision.csv writes P5 as "Various" on one line; providers.csv calls it "Various countries".
    _, rows = supply.table.latest("N85")
    assert "Various countries" in {r.provider for r in rows}


def test_bundled_table_carries_its_attribution(supply: SupplyData) -> None:
    caption = supply.caption(["N19"])
    assert "CC BY-NC 4.0" in caption
    assert "2026-08-14" in caption
    assert "2025" in caption


def test_user_table_of_the_same_shape_works(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "United States,,Widgets,W1,60,2023,survey A\n"
        "JPN,,Widgets,W1,40,2023,survey A\n"
        "Korea South,,Widgets,W1,10,2021,old survey\n",
    )
    data = load_supply_data(path)
    assert not data.bundled
    assert [t.input for t in data.technologies] == ["W1"]
    shares = data.shares("W1")
    assert shares.year == 2023
    assert shares.countries == {"US": 0.6, "JP": 0.4}
    assert "user table" in data.caption(["W1"])


def test_bad_rows_are_reported_together_by_line(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "United States,,Widgets,W1,60,2023,\n"
        "Atlantis,,Widgets,W1,10,2023,\n"
        "Japan,,Widgets,W1,lots,2023,\n"
        "Japan,,Widgets,W1,120,2023,\n"
        "Japan,,Widgets,W1,10,last year,\n",
    )
    with pytest.raises(InputError) as caught:
        load_share_table(path, load_supply_settings().aggregates)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert "4 bad row(s)" in message
    for expected in ("line 3: provider_name", "line 4: share_provided", "line 5: share_provided", "line 6: year"):
        assert expected in message


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "shares.csv"
    path.write_text("country,share\nUS,50\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column\\(s\\) provider_name, share_provided, year"):
        load_share_table(path, {})


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothing\.csv: cannot read"):
        load_share_table(tmp_path / "nothing.csv", {})

"""The user's rate table: CSV and YAML, dated rates, inverses, and clear errors for what is missing or malformed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from regime.errors import InputError
from regime.licensing.money import from_minor, quantize, to_minor
from regime.licensing.rates import MissingRateError, load_rates


def test_a_csv_table_with_dated_rates_and_inverses(tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text("from,to,rate,date\nEUR,USD,1.10,2024-01-01\nEUR,USD,1.05,2024-06-01\nusd,jpy,150,\n")
    table = load_rates(path)
    assert table.rate("EUR", "USD", dt.date(2024, 5, 31)) == Decimal("1.10")
    assert table.rate("EUR", "USD", dt.date(2024, 6, 1)) == Decimal("1.05")
    assert table.rate("JPY", "USD", dt.date(2020, 1, 1)) == 1 / Decimal(150)
    assert table.rate("GBP", "GBP", dt.date(2024, 1, 1)) == 1
    with pytest.raises(MissingRateError, match=r"rates\.csv: no rate from EUR to USD on 2023-12-31"):
        table.rate("EUR", "USD", dt.date(2023, 12, 31))
    with pytest.raises(
        MissingRateError, match=r"no rate from GBP to USD on 2024-01-01 \(rates for: EUR->USD, USD->JPY\)"
    ):
        table.convert(Decimal(1), "GBP", "USD", dt.date(2024, 1, 1))


def test_a_yaml_table(tmp_path: Path) -> None:
    path = tmp_path / "rates.yaml"
    path.write_text("- {from: EUR, to: USD, rate: '1.08'}\n")
    assert load_rates(path).convert(Decimal(100), "EUR", "USD", dt.date(2024, 1, 1)) == (
        Decimal("108.00"),
        Decimal("1.08"),
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("r.csv", "from,to,rate\nEUR,USD,abc\n", "row 1: rate: 'abc' is not a number"),
        ("r.csv", "from,to,rate\nEURO,USD,1\n", "row 1: from: 'EURO' is not a currency code"),
        ("r.csv", "from,to,rate\nEUR,USD,0\n", "row 1: rate: Input should be greater than 0"),
        ("r.yaml", "{from: EUR}", "expected a list of rates"),
        ("r.yaml", "- [EUR, USD]", "row 1: expected a mapping"),
    ],
)
def test_malformed_tables_name_the_row_and_field(tmp_path: Path, name: str, text: str, message: str) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(InputError) as raised:
        load_rates(tmp_path / name)
    assert f"{tmp_path / name}: {message}" in str(raised.value)


def test_minor_units_follow_the_currency() -> None:
    assert (
        to_minor(Decimal("1.005"), "USD"),
        to_minor(Decimal("150.5"), "JPY"),
        to_minor(Decimal("1.0005"), "KWD"),
    ) == (101, 151, 1001)
    assert from_minor(12345, "USD") == Decimal("123.45") and from_minor(7, "JPY") == Decimal(7)
    assert quantize(Decimal("2.345"), "EUR") == Decimal("2.35")

"""``regime determine --batch`` and ``regime screen --batch``/``--rescreen`` with ``--engine``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from typer.testing import CliRunner

from regime.cli.main import app
from regime.determine.loader import SCREENING_FILE, exact_index
from regime.scale import determine_job, gather

RUNNER = CliRunner()
ORDERS = """id,date,item,eccn,destination,end_user,end_user_country,end_user_hq,value_usd
o1,2024-01-15,nvidia-a100-sxm,,China,Example Cloud Ltd,CN,CN,30000
o2,2024-13-01,apple-iphone-15,,Brazil,Loja,BR,BR,800
o3,2024-01-15,,5A002.a.1,Liechtenstein,Lico,LI,LI,400
o4,2024-01-15,,EAR99,Cuba,Bodega,CU,CU,10
"""
CUSTOMERS = """reference,name,country
c1,Northwind Avionics Co Ltd,CN
c2,Bluestone Precision Machinery,RU
c3,Meridian Shipping FZE,AE
c4,,CN
c5,Quiet Meadow Bakery,FR
"""


def entity(key: str, name: str, country: str) -> str:
    return json.dumps(
        {"id": key, "schema": "Company", "properties": {"name": [name], "country": [country]}, "datasets": ["t"]}
    )


@pytest.fixture
def exact_parties(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands' determination job with the exact-name party index: quicker to ship than the screening index."""
    monkeypatch.setattr(determine_job, "default_party_index", lambda: exact_index(SCREENING_FILE))


def test_determine_batch_on_the_local_engine_writes_partitions_and_names_bad_lines(
    tmp_path: Path, exact_parties: None
) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS, encoding="utf-8")
    out = tmp_path / "decided"
    args = ["determine", "--batch", str(orders), "--out", str(out), "--engine", "local", "--workers", "1"]
    result = RUNNER.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "partition 0, line 3: date: expected YYYY-MM-DD" in result.output
    assert (out / "decisions" / "part-00000.csv").is_file()
    decided = gather(out).sort("id")
    assert decided.get_column("id").to_list() == ["o1", "o3", "o4"]
    assert decided.get_column("outcome").to_list()[0] == "presumption_of_denial"


def test_determine_batch_on_a_dask_scheduler_given_by_address(tmp_path: Path, client: Any, exact_parties: None) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS, encoding="utf-8")
    out = tmp_path / "decided"
    address = client.scheduler.address
    result = RUNNER.invoke(
        app, ["determine", "--batch", str(orders), "--out", str(out), "--engine", "dask", "--scheduler", address]
    )
    assert result.exit_code == 0, result.output
    assert "on dask (2 workers)" in " ".join(result.output.split())
    assert gather(out).sort("id").get_column("id").to_list() == ["o1", "o3", "o4"]


def test_dask_without_a_scheduler_is_refused_plainly(tmp_path: Path) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS, encoding="utf-8")
    result = RUNNER.invoke(app, ["determine", "--batch", str(orders), "--out", str(tmp_path), "--engine", "dask"])
    assert result.exit_code != 0
    assert "--scheduler tcp://host:port" in result.output


def test_screen_batch_then_rescreen_on_the_local_engine_screen_only_the_changed_entries(tmp_path: Path) -> None:
    customers = tmp_path / "customers.csv"
    customers.write_text(CUSTOMERS, encoding="utf-8")
    old, new, kept = tmp_path / "old.ftm", tmp_path / "new.ftm", tmp_path / "kept.sqlite"
    old.write_text(
        "\n".join([entity("e1", "Northwind Avionics Co., Ltd.", "cn"), entity("e2", "Redwood Electronics", "hk")]),
        encoding="utf-8",
    )
    new.write_text(
        "\n".join(
            [
                entity("e1", "Northwind Avionics Co., Ltd.", "cn"),
                entity("e2", "Redwood Electronics", "hk"),
                entity("e3", "Meridian Shipping FZE", "ae"),
            ]
        ),
        encoding="utf-8",
    )
    lists = ["--list-code", "T", "--base", str(kept)]
    pl.read_csv(customers).filter(pl.col("name").is_not_null()).write_csv(customers.with_name("ok.csv"))
    keep = RUNNER.invoke(
        app, ["screen", "--batch", str(customers.with_name("ok.csv")), "--keep", "--list", str(old), *lists]
    )
    assert keep.exit_code == 0, keep.output

    engine = ["--engine", "local", "--workers", "1"]
    screened = RUNNER.invoke(
        app, ["screen", "--batch", str(customers), "--list", str(new), *lists, "--out", str(tmp_path / "s"), *engine]
    )
    assert screened.exit_code == 0, screened.output
    assert "partition 0, line 5: the name is empty" in screened.output
    rows = gather(tmp_path / "s").sort("reference")
    assert rows.get_column("outcome").to_list() == ["hit", "clear", "hit", "clear"]

    args = ["screen", "--rescreen", "--batch", str(customers), "--list", str(new), *lists, "--out", str(tmp_path / "r")]
    again = RUNNER.invoke(app, [*args, *engine])
    assert again.exit_code == 0, again.output
    assert "+1 added, -0 removed, ~0 changed, 2 unchanged" in again.output
    hits = gather(tmp_path / "r").filter(pl.col("outcome") == "hit")
    assert hits.get_column("reference").to_list() == ["c3"]
    assert hits.get_column("best_name").to_list() == ["Meridian Shipping FZE"]

"""Generated order books for the determination benchmark: a realistic mix of items, customers and dates.

Each customer has a country and a headquarters (a few are real Consolidated Screening List names, so
end-user controls fire); items are catalogue products or classifications; values, quantities and
dates vary line by line, as in a real order book.
"""

from __future__ import annotations

import datetime as dt
import random

import polars as pl

ITEMS = (
    "nvidia-a100-sxm", "nvidia-h100-sxm", "nvidia-rtx-4090", "nvidia-rtx-4090d", "apple-iphone-15",
    "cisco-catalyst-9300", "software-enterprise-vpn", "skhynix-hbm3e-12h", "amd-mi300x", "tech-accelerator-paper",
)  # fmt: skip
CLASSES = (
    "3A090.a", "3A090.b", "4A090.a", "5A002.a.1", "5D002.c.1", "5A992.c", "3A991", "3B001.b", "3B001.f.1",
    "3B001.c.1.a", "9A515.x", "3A001.a.2", "EAR99", "EAR99", "EAR99", "5A992.c", "4A994", "3E001",
)  # fmt: skip
COUNTRIES = (
    "DE", "FR", "GB", "JP", "KR", "TW", "SG", "IN", "BR", "MX", "CA", "AU", "NL", "IL", "AE", "SA", "TR", "VN",
    "TH", "MY", "ID", "PH", "CN", "CN", "CN", "HK", "MO", "RU", "BY", "IR", "CU", "KP", "PK", "EG", "ZA", "NG",
    "AR", "CL", "US", "IT", "ES", "PL", "SE", "CH", "LI", "NO", "FI", "CZ", "UA", "KZ",
)  # fmt: skip
LISTED = (
    "Huawei Technologies Co., Ltd.", "National University of Defense Technology (NUDT)", "KINTRACO",
    "AECC Aviation Power Co. Ltd.", "Piricas Trading Company",
)  # fmt: skip
END_USES = ("", "", "", "", "", "", "", "", "civil", "military", "supercomputer", "nuclear")


def customers(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(name, country, headquarters) for ``count`` customers; one in fifty is a listed party."""
    found = []
    for n in range(count):
        country = rng.choice(COUNTRIES)
        hq = country if rng.random() < 0.9 else rng.choice(COUNTRIES)
        name = rng.choice(LISTED) if n % 50 == 0 else f"Customer {n:05d} {country}"
        found.append((name, country, hq))
    return found


def order_book(rows: int, seed: int = 11, customer_count: int = 5000) -> pl.DataFrame:
    """``rows`` order lines as the order-book reader gives them (text columns and line numbers)."""
    rng = random.Random(seed)
    people = customers(customer_count, rng)
    start = dt.date(2022, 1, 1)
    data: dict[str, list[str | None]] = {
        k: []
        for k in (
            "id",
            "date",
            "item",
            "eccn",
            "destination",
            "end_user",
            "end_user_country",
            "end_user_hq",
            "value_usd",
            "quantity",
            "end_use",
        )
    }
    for n in range(rows):
        name, country, hq = people[int(rng.paretovariate(1.2)) % customer_count]
        use_item = rng.random() < 0.4
        data["id"].append(f"o{n}")
        data["date"].append((start + dt.timedelta(days=rng.randrange(1400))).isoformat())
        data["item"].append(rng.choice(ITEMS) if use_item else None)
        data["eccn"].append(None if use_item else rng.choice(CLASSES))
        data["destination"].append(country)
        data["end_user"].append(name)
        data["end_user_country"].append(country)
        data["end_user_hq"].append(hq)
        data["value_usd"].append(f"{rng.lognormvariate(7, 1.5):.2f}")
        data["quantity"].append(str(rng.randint(1, 20)))
        data["end_use"].append(rng.choice(END_USES) or None)
    frame = pl.DataFrame(data, schema=dict.fromkeys(data, pl.String))
    return frame.with_row_index("line", offset=2).with_columns(pl.col("line").cast(pl.Int64))

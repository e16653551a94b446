"""Generated items for benchmarks: a realistic mix of chips, computers, tools, telecoms, rockets and know-how."""

from __future__ import annotations

import random
from collections.abc import Iterator

from regime.model.item import Item


def _chip(rng: random.Random, n: int) -> Item:
    return Item(
        name=f"chip-{n}",
        parameters={
            "item_type": "integrated_circuit",
            "ic_function": "logic",
            "processing_units": [{"mac_tops": rng.uniform(10, 1200), "bit_length": rng.choice([4, 8, 16])}],
            "applicable_die_area": f"{rng.uniform(80, 900):.1f} mm^2",
            "interconnect_bandwidth": f"{rng.uniform(16, 1800):.0f} GB/s",
            "designed_for_datacenter": rng.random() < 0.5,
            "cryptography_for_data_confidentiality": False,
        },
    )


def _memory(rng: random.Random, n: int) -> Item:
    return Item(
        name=f"memory-{n}",
        parameters={
            "item_type": "integrated_circuit",
            "ic_function": "memory",
            "memory_bandwidth": rng.uniform(50, 1500),
            "package_area": rng.uniform(60, 400),
            "tpp": 0,
            "cryptography_for_data_confidentiality": False,
        },
    )


def _server(rng: random.Random, n: int) -> Item:
    parts = [{"item": _chip(rng, n * 10 + k), "quantity": rng.choice([1, 4, 8])} for k in range(rng.randint(1, 3))]
    return Item(
        name=f"server-{n}",
        parameters={
            "item_type": "computer",
            "adjusted_peak_performance": rng.uniform(1, 600),
            "tpp": 0,
            "cryptography_for_data_confidentiality": False,
        },
        contains=parts,  # type: ignore[arg-type]
    )


def _scanner(rng: random.Random, n: int) -> Item:
    return Item(
        name=f"scanner-{n}",
        parameters={
            "item_type": "lithography_equipment",
            "exposure_method": rng.choice(["step_and_scan", "step_and_repeat"]),
            "light_source_wavelength": rng.choice([13.5, 193.0, 248.0, 365.0]),
            "numerical_aperture": rng.uniform(0.3, 1.35),
            "dedicated_chuck_overlay": rng.uniform(0.8, 6.0),
            "cryptography_for_data_confidentiality": False,
        },
    )


def _crypto(rng: random.Random, n: int) -> Item:
    retail = rng.random() < 0.5
    return Item(
        name=f"crypto-{n}",
        parameters={
            "item_type": rng.choice(["network_equipment", "mobile_phone", "information_security_equipment"]),
            "primary_function": rng.choice(["networking", "communications", "information_security", "media"]),
            "cryptography_for_data_confidentiality": True,
            "symmetric_key_length": rng.choice([40, 56, 128, 256]),
            "crypto_supports_non_primary_function": rng.random() < 0.3,
            "generally_available_at_retail": retail,
            "cryptography_user_unchangeable": retail,
            "installable_without_supplier_support": retail,
            "crypto_details_available": True,
            "tpp": 0,
        },
    )


def _rocket(rng: random.Random, n: int) -> Item:
    return Item(
        name=f"rocket-{n}",
        parameters={
            "item_type": "rocket_system",
            "payload": rng.uniform(1, 3000),
            "range": rng.uniform(10, 3000),
            "cryptography_for_data_confidentiality": False,
        },
    )


def _technology(rng: random.Random, n: int) -> Item:
    return Item(
        name=f"tech-{n}",
        kind="technology",
        parameters={
            "item_type": "technology_package",
            "purpose": rng.choice(["development", "production", "use"]),
            "public_domain": rng.random() < 0.2,
            "basic_scientific_research": False,
            "minimum_necessary_information": False,
            "patent_application_minimum": False,
        },
        for_items=[_chip(rng, n)],
    )


MAKERS = (_chip, _chip, _chip, _memory, _server, _scanner, _crypto, _rocket, _technology)


def generate(count: int, seed: int = 7) -> Iterator[Item]:
    """``count`` items in a fixed mix, reproducible from ``seed``."""
    rng = random.Random(seed)
    for n in range(count):
        yield MAKERS[n % len(MAKERS)](rng, n)

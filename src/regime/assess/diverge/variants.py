"""Products on either side of a threshold, derived from real catalogue products by changing one parameter.

Each variant keeps its base product's facts and changes only the parameters the threshold reads
(TPP and die area for 3A090, numerical aperture and overlay for 3B001.f.1.b, key length for
5A002.a), so a pair of variants straddles one line of the list. Chips state that they use no
cryptography for data confidentiality, which keeps 5A002.a out of the question the pair asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from regime.errors import NotFoundError
from regime.model.item import Item

BIT_LENGTH = 8  # TPP = 2 x MacTOPS x bit length (3A090, Technical Note 1)


@dataclass(frozen=True)
class Variant:
    """A product derived from ``base`` with ``changes`` to its parameters, and what it is meant to test."""

    id: str
    base: str
    name: str
    tests: str
    changes: Mapping[str, Any]


def chip(id_: str, base: str, tpp: float, die_mm2: float, tests: str) -> Variant:
    """A logic chip of ``tpp`` on a die of ``die_mm2`` (performance density = TPP / die area)."""
    changes = {
        "processing_units": [{"mac_tops": tpp / (2 * BIT_LENGTH), "bit_length": BIT_LENGTH}],
        "applicable_die_area": f"{die_mm2:g} mm^2",
        "cryptography_for_data_confidentiality": False,
    }
    name = f"{base} class chip at TPP {tpp:g}, {die_mm2:g} mm^2 (density {tpp / die_mm2:.2f})"
    return Variant(id_, base, name, tests, changes)


def scanner(id_: str, aperture: float, overlay_nm: float, tests: str) -> Variant:
    """An ArF immersion scanner (193 nm) with ``aperture`` and a dedicated chuck overlay of ``overlay_nm``."""
    changes = {"numerical_aperture": aperture, "dedicated_chuck_overlay": f"{overlay_nm:g} nm"}
    name = f"ArF immersion scanner, NA {aperture:g}, overlay {overlay_nm:g} nm (MRF {0.35 * 193 / aperture:.1f} nm)"
    return Variant(id_, "asml-nxt-1980di", name, tests, changes)


def cipher(id_: str, bits: int, tests: str) -> Variant:
    """The enterprise VPN software with a symmetric key of ``bits``."""
    name = f"VPN software, {bits}-bit symmetric key"
    return Variant(id_, "software-enterprise-vpn", name, tests, {"symmetric_key_length": f"{bits} bit"})


H100 = "nvidia-h100-sxm"
VARIANTS: tuple[Variant, ...] = (
    chip("chip-tpp4900", H100, 4900, 814, "3A090.a.1: TPP 4800 or more"),
    chip("chip-tpp4700", H100, 4700, 814, "just below TPP 4800; density 5.77 is within 3A090.b.2"),
    chip("chip-tpp2000-pd6.06", H100, 2000, 330, "3A090.a.2: TPP 1600+ and density 5.92 or more"),
    chip("chip-tpp2000-pd5.80", H100, 2000, 345, "density just below 5.92: 3A090.b.2"),
    chip("chip-tpp1650-pd7.2", H100, 1650, 230, "just above TPP 1600 at a high density: 3A090.a.2"),
    chip("chip-tpp1550-pd6.7", H100, 1550, 230, "just below TPP 1600 at a high density"),
    chip("chip-tpp2450-pd3.0", H100, 2450, 814, "3A090.b.1: TPP 2400 to 4800, density 1.6 to 5.92"),
    chip("chip-tpp2350-pd2.9", H100, 2350, 814, "just below TPP 2400 at density 2.9"),
    chip("chip-tpp3000-pd1.67", H100, 3000, 1800, "density just above 1.6: 3A090.b.1"),
    chip("chip-tpp3000-pd1.5", H100, 3000, 2000, "density just below 1.6"),
    chip("gaming-chip-tpp4900", "nvidia-rtx-4090", 4900, 608.5, "3A090.a.1 on a chip not designed for data centres"),
    scanner("scanner-na1.52-ov1.4", 1.52, 1.4, "3B001.f.1.b: MRF 45 nm or less and overlay 1.50 nm or less"),
    scanner("scanner-na1.52-ov1.6", 1.52, 1.6, "MRF within 3B001.f.1.b.1, overlay just above 1.50 nm"),
    cipher("vpn-56bit", 56, "5A002.a: symmetric keys longer than 56 bits"),
    cipher("vpn-64bit", 64, "just above 56 bits"),
)


def derive(variant: Variant, catalogue: Mapping[str, Item]) -> Item:
    """The variant as an item: its base product's facts with the changes."""
    base = catalogue.get(variant.base)
    if base is None:
        raise NotFoundError(f"variant {variant.id}: no catalogue item {variant.base!r}")
    parameters = {**base.parameters, **variant.changes}
    description = f"Derived from {base.name}: {variant.tests}."
    return base.model_copy(
        update={"id": variant.id, "name": variant.name, "parameters": parameters, "description": description}
    )


def with_variants(catalogue: Mapping[str, Item], variants: tuple[Variant, ...] = VARIANTS) -> dict[str, Item]:
    """The catalogue and the derived variants together (variants never replace a catalogue id)."""
    clash = [v.id for v in variants if v.id in catalogue]
    if clash:
        raise ValueError(f"variant ids already in the catalogue: {', '.join(clash)}")
    return {**catalogue, **{v.id: derive(v, catalogue) for v in variants}}

"""Units: information has its own dimension, conversions are cached and exact."""

import pytest

from regime.errors import InputError
from regime.lists.units import convert, factor, parse_unit, same_dimension


def test_bandwidth_is_not_a_frequency() -> None:
    assert not same_dimension(parse_unit("GB/s"), parse_unit("GHz"))
    assert same_dimension(parse_unit("GB/s"), parse_unit("Gbit/s"))


def test_conversions() -> None:
    assert factor(parse_unit("GB/s"), parse_unit("Gbit/s")) == pytest.approx(8.0)
    assert convert(46.3, parse_unit("km/h"), parse_unit("m/s")) == pytest.approx(12.861, rel=1e-3)
    assert convert(685, parse_unit("degC"), parse_unit("K")) == pytest.approx(958.15)
    assert factor(parse_unit("WT"), parse_unit("WT")) == 1.0


def test_unknown_units_are_reported() -> None:
    with pytest.raises(InputError, match="not a unit regime knows"):
        parse_unit("bogons per flux")
    with pytest.raises(InputError, match="cannot convert"):
        factor(parse_unit("nm"), parse_unit("kg"))

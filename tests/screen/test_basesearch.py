"""The re-screen's cut: no record heavier than ``_heaviest`` can reach the floor."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from regime.screen.basesearch import _heaviest
from regime.screen.kernels import similarity_bound
from regime.screen.similarity import dice_floor

weight = st.floats(0.25, 8.0, allow_nan=False)


@given(weight, st.floats(0.0, 8.0), st.floats(0.0, 8.0), weight, st.floats(0.3, 0.95))
def test_no_record_heavier_than_the_cut_can_reach_the_floor(
    total: float, most_q: float, most_m: float, theirs: float, floor: float
) -> None:
    have_q, have_m = min(most_q, total), min(most_m, theirs)
    similarity = similarity_bound(have_q, have_m, total, theirs)
    dice = (have_q + have_m) / (total + theirs)
    if similarity >= floor and dice >= dice_floor(floor):
        assert theirs <= _heaviest((most_q, most_m), total, floor)

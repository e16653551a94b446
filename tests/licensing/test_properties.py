"""Properties of the ledger: any interleaving of draws and restores keeps the balance exact and in bounds.

After every step, 0 <= remaining <= limit and remaining = limit - drawn + restored, for quantity and
value; a refused step changes nothing. Run on both backends.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regime.errors import RegimeError
from regime.governance.testing import People
from regime.licensing import ledger, register
from regime.licensing.ledger import DrawInput, RestoreInput
from regime.store.testing import Backend, FixedClock

from .conftest import terms

Step = tuple[str, int, int]
steps = st.lists(
    st.one_of(
        st.tuples(st.just("draw"), st.integers(1, 6), st.integers(0, 400)),
        st.tuples(st.just("restore"), st.integers(0, 5), st.integers(0, 3)),
    ),
    max_size=12,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_any_interleaving_keeps_the_balance_exact(backend: Backend, plan: list[Step]) -> None:
    store = backend.fresh(FixedClock())
    try:
        who = People(store)(None, None, "exporter")
        licence = register.add(store, who, terms(quantity_limit=10, value_limit="1000"))
        drawn_q = drawn_v = restored_q = restored_v = 0
        draws: list[int] = []
        for n, (kind, a, b) in enumerate(plan):
            try:
                if kind == "draw":
                    value = {"amount": str(b), "currency": "USD"}
                    data = DrawInput.model_validate({"shipment": f"S{n}", "destination": "SG", "classes": ["3A090.a"], "quantity": a,
                                                     "consignee": "Pacific Trading Pte Ltd", "end_user": "Example Cloud Pte Ltd", "value": value})  # fmt: skip
                    usage = ledger.draw(store, who, licence.id, data)
                    draws.append(usage.id)
                    drawn_q, drawn_v = drawn_q + a, drawn_v + b
                elif draws:
                    usage = ledger.restore(
                        store, who, draws[a % len(draws)], RestoreInput(quantity=b, value=Decimal(b), reason="returned")
                    )
                    restored_q, restored_v = restored_q + usage.quantity, restored_v + int(usage.value)
            except RegimeError:
                pass
            now = register.get(store, who, licence.id)
            assert now.quantity_remaining is not None and now.value_remaining is not None
            assert 0 <= now.quantity_remaining <= 10 and 0 <= now.value_remaining <= 1000
            assert now.quantity_remaining == 10 - drawn_q + restored_q
            assert now.value_remaining == 1000 - drawn_v + restored_v
        history = ledger.history(store, who, licence.id)
        assert sum(u.quantity for u in history if u.kind == "draw") == drawn_q
        assert sum(u.quantity for u in history if u.kind == "restore") == restored_q
    finally:
        store.dispose()

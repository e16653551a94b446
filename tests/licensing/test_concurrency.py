"""No over-draw under concurrency: two processes drawing the last units of one licence at once.

Each round gives a licence with 3 units left; both processes wait at a barrier, then each asks for
all 3. Exactly one must succeed and the other be refused as an over-draw, on both backends
(PostgreSQL: the conditional UPDATE re-reads the row once the first commits; SQLite: one writer).
"""

from __future__ import annotations

import multiprocessing as mp
from multiprocessing.synchronize import Barrier

from regime.governance.testing import People
from regime.governance.users import authenticate
from regime.licensing import ledger, register
from regime.licensing.ledger import DrawInput, OverdrawError
from regime.store import Store
from regime.store.testing import FixedClock

from .conftest import terms

ROUNDS = 6


def _drawer(
    url: str, token: str, licences: list[int], barrier: Barrier, name: str, out: mp.Queue[tuple[int, str]]
) -> None:
    store = Store(url, clock=FixedClock())
    who = authenticate(store, token)
    for licence in licences:
        data = DrawInput(shipment=f"{name}-{licence}", destination="SG", classes=("3A090.a",), quantity=3,
                         consignee="Pacific Trading Pte Ltd", end_user="Example Cloud Pte Ltd",
                         value={"amount": "30", "currency": "USD"})  # type: ignore[arg-type]  # fmt: skip
        barrier.wait(timeout=60)
        try:
            ledger.draw(store, who, licence, data)
            out.put((licence, "drawn"))
        except OverdrawError:
            out.put((licence, "refused"))
    store.dispose()


def test_two_processes_drawing_the_last_units_at_once_never_both_succeed(loaded: Store, people: People) -> None:
    token = people.token(None, None, "exporter")
    who = authenticate(loaded, token)
    licences = []
    for n in range(ROUNDS):
        licence = register.add(loaded, who, terms(number=f"L{n}", quantity_limit=10))
        ledger.draw(loaded, who, licence.id, DrawInput.model_validate(
            {"shipment": "first", "destination": "SG", "classes": ["3A090.a"], "quantity": 7,
             "consignee": "Pacific Trading Pte Ltd", "end_user": "Example Cloud Pte Ltd",
             "value": {"amount": "70", "currency": "USD"}}))  # fmt: skip
        licences.append(licence.id)
    loaded.dispose()
    context = mp.get_context("fork")
    barrier, out = context.Barrier(2), context.Queue()
    workers = [
        context.Process(target=_drawer, args=(loaded.url, token, licences, barrier, name, out)) for name in ("a", "b")
    ]
    for worker in workers:
        worker.start()
    results = [out.get(timeout=120) for _ in range(2 * ROUNDS)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    for licence in licences:
        outcomes = sorted(outcome for lid, outcome in results if lid == licence)
        assert outcomes == ["drawn", "refused"], f"licence {licence}: {outcomes}"
        assert register.get(loaded, who, licence).quantity_remaining == 0
        assert [u.quantity for u in ledger.history(loaded, who, licence)] == [7, 3]

"""The explainer (which records evidence) always agrees with the fast evaluator."""

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from regime.lists.expr import Scope, compile_expression
from regime.lists.expr.context import Facts
from regime.lists.expr.explain import explain
from regime.lists.vocabulary import default_vocabulary

SCOPE = Scope(default_vocabulary().parameters, "property")
CRITERIA = [
    compile_expression(text, SCOPE)
    for text in (
        "tpp >= 4800 or (tpp >= 1600 and performance_density >= 5.92)",
        "(2400 <= tpp < 4800 and 1.6 <= performance_density < 5.92) or (tpp >= 1600 and 3.2 <= performance_density < 5.92)",
        "not designed_for_datacenter and tpp < 4800",
        "light_source_wavelength < 193 nm or (minimum_resolvable_feature <= 45 nm and dedicated_chuck_overlay <= 1.5 nm)",
        "payload >= 500 kg and range >= 300 km",
    )
]

maybe_number = st.one_of(st.none(), st.floats(0, 50_000, allow_nan=False))
facts_strategy = st.fixed_dictionaries(
    {
        "tpp": maybe_number,
        "performance_density": maybe_number,
        "designed_for_datacenter": st.one_of(st.none(), st.booleans()),
        "light_source_wavelength": maybe_number,
        "minimum_resolvable_feature": maybe_number,
        "dedicated_chuck_overlay": maybe_number,
        "payload": maybe_number,
        "range": maybe_number,
    }
)


@settings(max_examples=300)
@given(facts=facts_strategy)
def test_explain_and_fast_evaluation_agree(facts: dict[str, Any]) -> None:
    values = {k: v for k, v in facts.items() if v is not None}
    ctx = Facts(values)
    for criterion in CRITERIA:
        fast = criterion.evaluate(values, ctx)
        slow, steps = explain(criterion.tree, ctx)
        assert fast is slow
        assert steps, "every criterion records at least one decided test"

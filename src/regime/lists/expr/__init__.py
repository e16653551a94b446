"""The criteria language: a small, safe, unit-aware expression language (parsed, never eval'ed).

``tpp >= 4800 or (tpp >= 1600 and performance_density >= 5.92)``, ``wavelength < 193 nm``,
``2400 <= tpp < 4800``, ``item_type in {"integrated_circuit"}``, ``contains("3A090.a")``.
Unknown facts make a comparison *unknown*; ``and``/``or``/``not`` follow three-valued logic.
"""

from regime.lists.expr.compiler import Compiled, Scope, compile_expression
from regime.lists.expr.errors import ExprError
from regime.lists.expr.parser import parse

__all__ = ["Compiled", "ExprError", "Scope", "compile_expression", "parse"]

"""A prepared query as numbers, for the compiled alignment (``alignkernel``).

Each token of each form (the forms, then the literal forms) gets its vocabulary number (or -1),
its kind, its partners in the vocabulary with their similarity (``keys.TokenKeys.partners``),
and the ways it is two vocabulary tokens written together; each form gets, for every ordered
pair of its tokens, the number of the two written together.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regime.screen.normalise import NameForm
from regime.screen.tokenkeys import TokenKeys

Ids = npt.NDArray[np.intp]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class QueryTokens:
    """The arrays ``alignkernel.best_names`` reads for a query (its module docstring says what each holds)."""

    forms: tuple[NameForm, ...]
    q_tokens: Ids
    q_weight: Floats
    q_forms: Ids
    q_total: Floats
    glue: Ids
    partner_ids: Ids
    partner_scores: Floats
    split_ids: Ids

    @classmethod
    def build(cls, forms: tuple[NameForm, ...], keys: TokenKeys) -> QueryTokens:
        """Number ``forms`` by ``keys`` (the index's vocabulary)."""
        rows: list[int] = []  # flat: 8 numbers a token
        shapes: list[int] = []  # flat: 3 numbers a form
        weights: list[float] = []
        glue: list[int] = []
        partner_ids: list[Ids] = []
        partner_scores: list[Floats] = []
        splits: list[Ids] = []
        held = cut = count = 0
        for form in forms:
            size = len(form.tokens)
            shapes += (count, count + size, len(glue))
            for i in range(size):
                partners = keys.partners(form, i)
                partner_ids.append(partners.ids)
                partner_scores.append(partners.scores)
                splits.append(partners.split_ids)
                held_end, cut_end = held + len(partners.ids), cut + len(partners.split_ids)
                rows += partners.token
                rows += (held, held_end, cut, cut_end)
                held, cut = held_end, cut_end
            count += size
            weights += form.weights
            pairs = [-1] * (size * size)
            for i, j, number in keys.glued(form.tokens):
                pairs[i * size + j] = number
            glue += pairs
        return cls(
            forms=forms,
            q_tokens=np.array(rows, dtype=np.intp).reshape(-1, 8),
            q_weight=np.array(weights, dtype=np.float64),
            q_forms=np.array(shapes, dtype=np.intp).reshape(-1, 3),
            q_total=np.array([form.total for form in forms], dtype=np.float64),
            glue=np.array(glue, dtype=np.intp),
            partner_ids=np.concatenate(partner_ids),
            partner_scores=np.concatenate(partner_scores),
            split_ids=np.concatenate(splits),
        )

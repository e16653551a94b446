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
        rows: list[tuple[int, ...]] = []
        weights: list[float] = []
        shapes: list[tuple[int, int, int]] = []
        glue: list[int] = []
        partner_ids: list[Ids] = []
        partner_scores: list[Floats] = []
        splits: list[Ids] = []
        held = cut = 0
        for form in forms:
            tokens, start = form.tokens, len(rows)
            for i in range(len(tokens)):
                partners = keys.partners(form, i)
                partner_ids.append(partners.ids)
                partner_scores.append(partners.scores)
                splits.append(partners.split_ids)
                rows.append((*partners.token, held, held + len(partners.ids), cut, cut + len(partners.split_ids)))
                held, cut = held + len(partners.ids), cut + len(partners.split_ids)
            weights += form.weights
            shapes.append((start, len(rows), len(glue)))
            pairs = [-1] * (len(tokens) * len(tokens))
            for i, j, number in keys.glued(tokens):
                pairs[i * len(tokens) + j] = number
            glue += pairs
        return cls(
            forms=forms,
            q_tokens=np.asarray(rows, dtype=np.intp).reshape(-1, 8),
            q_weight=np.asarray(weights, dtype=np.float64),
            q_forms=np.asarray(shapes, dtype=np.intp).reshape(-1, 3),
            q_total=np.asarray([form.total for form in forms], dtype=np.float64),
            glue=np.asarray(glue, dtype=np.intp),
            partner_ids=np.concatenate(partner_ids),
            partner_scores=np.concatenate(partner_scores),
            split_ids=np.concatenate(splits),
        )

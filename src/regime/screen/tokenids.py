"""The index's names as numbers, for the compiled alignment (``alignkernel``).

Every name of every party becomes a run of vocabulary numbers (``keys.TokenKeys.ids``) with
the weight each token has there; names are numbered as the index numbers them, a party's
names side by side. A token's similarity to a query token is read from the query token's
partners, which were worked out against the vocabulary's entry for it; that is exact where
every occurrence of the token has the entry's skeleton, fold and symbols (all of them, on the
bundled list). A party with an occurrence that differs is marked, and scored by
``similarity.align`` instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regime.screen.normalise import NameForm
from regime.screen.tokenkeys import TokenKeys

Ids = npt.NDArray[np.intp]
LABELS = {"name": 0, "alias": 1, "weak alias": 2}


@dataclass(frozen=True, slots=True)
class NameTokens:
    """Flat arrays: name n holds ``token_id[name_start[n]:name_start[n + 1]]`` (weights alike);
    party p holds names ``party_first[p]`` to ``party_first[p + 1]``; ``vocabulary`` has one row
    per vocabulary number: [first letter's code point, 1 for a one-letter token, 1 for digits]."""

    name_start: Ids
    token_id: Ids
    token_weight: npt.NDArray[np.float64]
    name_total: npt.NDArray[np.float64]
    name_label: Ids
    party_first: Ids
    party_exact: npt.NDArray[np.bool_]
    vocabulary: Ids

    @classmethod
    def build(
        cls, keys: TokenKeys, forms: Sequence[NameForm], labels: Sequence[str], parties: Sequence[int], count: int
    ) -> NameTokens:
        """Number the tokens of ``forms`` (labelled ``labels``, of the parties ``parties``, in
        party order, of ``count`` parties) by ``keys``, which must hold every one of them."""
        numbers, entries = keys.ids, keys.vocabulary
        starts, tokens, weights = [0], [], []
        exact = np.ones(count, dtype=np.bool_)
        for form, party in zip(forms, parties, strict=True):
            for i, token in enumerate(form.tokens):
                tokens.append(numbers[token])
                weights.append(form.weights[i])
                entry = entries[token]
                same = (entry.skeleton, entry.folded, entry.symbols)
                if same != (form.skeletons[i], form.folded[i], form.symbols[i]):
                    exact[party] = False
            starts.append(len(tokens))
        first = np.searchsorted(np.asarray(parties, dtype=np.intp), np.arange(count + 1))
        vocabulary = np.array(
            [(ord(token[0]), len(token) == 1, token.isdigit()) for token in entries], dtype=np.intp
        ).reshape(-1, 3)
        return cls(
            name_start=np.asarray(starts, dtype=np.intp),
            token_id=np.asarray(tokens, dtype=np.intp),
            token_weight=np.asarray(weights, dtype=np.float64),
            name_total=np.asarray([form.total for form in forms], dtype=np.float64),
            name_label=np.asarray([LABELS[label] for label in labels], dtype=np.intp),
            party_first=first.astype(np.intp),
            party_exact=exact,
            vocabulary=vocabulary,
        )

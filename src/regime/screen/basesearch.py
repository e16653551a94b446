"""Which records of the screened base a list entry may match, read from the base file.

The reverse of the index's search: a new or changed list entry is the query, the base is the
list. For each word of each of the entry's names, the base's tokens sharing a lookup key
are fetched (``keys.token_keys``), their similarity computed, and the records holding them
read from the postings, rarest word first; a word only brings in records whose total weight
lets it (with the words after it) reach the similarity floor, as in ``search.py``. Only the
records found are read; the work grows with the entry's names, not with the base.
"""

from __future__ import annotations

import sqlite3

from regime.screen import basestore
from regime.screen.index import IndexedParty
from regime.screen.keys import token_keys
from regime.screen.normalise import NameForm
from regime.screen.similarity import INITIAL_SIMILARITY, similar
from regime.screen.words import PARTICLE_WEIGHT

Partner = tuple[str, float, float, int]  # base token, similarity, its weight, how many records hold it


def _partners(db: sqlite3.Connection, form: NameForm, i: int) -> list[Partner]:
    token, key, folded, symbols = form.tokens[i], form.skeletons[i], form.folded[i], form.symbols[i]
    found = basestore.vocab_for_keys(db, list(token_keys(token, key, folded, symbols)))
    partners: list[Partner] = []
    for other, ((weight, skeleton, other_folded, other_symbols), df) in found.items():
        score = similar(token, symbols, key, folded, other, other_symbols, skeleton, other_folded)
        if score > 0.0:
            partners.append((other, score, weight, df))
    return partners


def form_candidates(db: sqlite3.Connection, form: NameForm, floor: float) -> set[int]:
    """The records that may reach ``floor`` against one list name form."""
    tokens, weights = form.tokens, form.weights
    looked = [(_partners(db, form, i), i) for i, token in enumerate(tokens) if len(token) > 1]
    looked.sort(key=lambda item: (sum(p[3] for p in item[0]), item[1]))
    initials = sum(w + 1.0 for t, w in zip(tokens, weights, strict=True) if len(t) == 1)
    more = sum(weights[i] + 1.0 for _, i in looked) + INITIAL_SIMILARITY * initials
    found: set[int] = set()
    for glued in form.joins:  # two words of the entry a record writes as one
        found.update(basestore.rids_with(db, glued, float("inf")))
    for partners, i in looked:
        more -= weights[i] + 1.0
        if weights[i] <= PARTICLE_WEIGHT:
            continue
        found.update(basestore.rids_glued(db, tokens[i]))  # one word of the entry a record writes as two
        for other, score, their_weight, _ in partners:
            gain = score * (weights[i] + their_weight)
            heaviest = (gain + more) / floor - form.total if floor > 0 else float("inf")
            if heaviest > 0:
                found.update(basestore.rids_with(db, other, heaviest))
    return found


def party_candidates(db: sqlite3.Connection, party: IndexedParty, floor: float) -> set[int]:
    """The records that may reach ``floor`` against any name of ``party``."""
    found: set[int] = set()
    for name in party.names:
        found |= form_candidates(db, name.form, floor)
    return found

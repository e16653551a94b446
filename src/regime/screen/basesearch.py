"""Which records of the screened base a list entry may match, read from the base file.

The reverse of the index's search: a new or changed list entry is the query, the base is the
list. For each word of each of the entry's names, the base's tokens sharing a lookup key
are fetched (``keys.lookup_keys``: a word also finds the base's initials), their similarity
computed, and the records holding them read from the postings, rarest word first; an
initial of the entry reads the records with a word starting with its letter
(``keys.starting_with``). A word only brings in records whose total weight lets it (with
the words after it) reach the similarity floor, as in ``search.py``. Only the records found
are read; the work grows with the entry's names, not with the base.
"""

from __future__ import annotations

import sqlite3

from regime.screen import basestore
from regime.screen.index import IndexedParty
from regime.screen.keys import lookup_keys, starting_with
from regime.screen.normalise import NameForm
from regime.screen.search import word_gain
from regime.screen.similarity import INITIAL_SIMILARITY, JOINED_SIMILARITY, similar
from regime.screen.words import INITIAL_WEIGHT, PARTICLE_WEIGHT

Partner = tuple[str, float, float, int]  # base token, similarity, its weight, how many records hold it
EVERY_RECORD = 1 << 40  # how many records an initial's letter is taken to reach: it is read last


def _partners(db: sqlite3.Connection, form: NameForm, i: int) -> list[Partner]:
    token, key, folded, symbols = form.tokens[i], form.skeletons[i], form.folded[i], form.symbols[i]
    found = basestore.vocab_for_keys(db, list(lookup_keys(token, key, folded, symbols)))
    partners: list[Partner] = []
    for other, ((weight, skeleton, other_folded, other_symbols), df) in found.items():
        score = similar(token, symbols, key, folded, other, other_symbols, skeleton, other_folded)
        if score > 0.0:
            partners.append((other, score, weight, df))
    if len(token) == 1 and token.isalpha():  # an initial: any word with its letter, worth an initial
        partners.append((starting_with(token), INITIAL_SIMILARITY, INITIAL_WEIGHT, EVERY_RECORD))
    return partners


def form_candidates(db: sqlite3.Connection, form: NameForm, floor: float) -> set[int]:
    """The records that may reach ``floor`` against one list name form.

    First the records some word of the entry may lift to the floor (each word's postings cut
    by weight), then, from the tokens of just those records, each one's bound as in
    ``search.py``: every word's best partner in the record, over both total weights.
    """
    tokens, weights = form.tokens, form.weights
    looked = [(_partners(db, form, i), i) for i in range(len(tokens))]
    looked.sort(key=lambda item: (sum(p[3] for p in item[0]), item[1]))
    split = [basestore.rids_glued(db, token) for token in tokens]  # one word of the entry a record writes as two
    top = [  # the most each word can add: a partner of weight 1, or two the record glued together
        max(w + 1.0, JOINED_SIMILARITY * (w + 2.0)) if split[i] else w + 1.0 for i, w in enumerate(weights)
    ]
    more = sum(top)
    joined: set[int] = set()
    for glued in form.joins:  # two words of the entry a record writes as one
        joined.update(basestore.rids_with(db, glued, float("inf")))
    found: set[int] = set()
    gains: list[dict[str, float]] = [{} for _ in tokens]
    for partners, i in looked:
        more -= top[i]
        joined.update(split[i])
        for other, score, their_weight, _ in partners:
            gain = gains[i][other] = word_gain(score, weights[i], other, their_weight)
            heaviest = (gain + more) / floor - form.total if floor > 0 else float("inf")
            if heaviest > 0 and weights[i] > PARTICLE_WEIGHT:
                found.update(basestore.rids_with(db, other, heaviest))
    kept = set(joined)
    for rid, record_forms in basestore.forms_of(db, found - joined).items():
        for total, record in record_forms:
            letters = {starting_with(t[0]) for t in record if len(t) > 1}
            have = sum(max((g for o, g in word.items() if o in record or o in letters), default=0.0) for word in gains)
            if have >= floor * (form.total + total):
                kept.add(rid)
                break
    return kept


def party_candidates(db: sqlite3.Connection, party: IndexedParty, floor: float) -> set[int]:
    """The records that may reach ``floor`` against any name of ``party``."""
    found: set[int] = set()
    for name in party.names:
        found |= form_candidates(db, name.form, floor)
    return found

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

import itertools
import sqlite3

from regime.screen import basestore
from regime.screen.index import IndexedParty
from regime.screen.kernels import SLACK, similarity_bound
from regime.screen.keys import lookup_keys, starting_with
from regime.screen.normalise import NameForm
from regime.screen.search import can_anchor, word_sides
from regime.screen.similarity import INITIAL_SIMILARITY, JOINED_SIMILARITY, dice_floor, similar
from regime.screen.words import INITIAL_WEIGHT, PARTICLE_WEIGHT

Sides = tuple[float, float]  # what a word may match on the list's side and on the record's
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
    """The records whose similarity with one list name form may reach ``floor``.

    First the records some word of the entry may lift to the floor (each word's postings cut
    by weight, against the Dice floor), then, from the tokens of just those records, each one's
    bound as in ``search.py``: every word's best partner in the record on each side, and what
    glued words may add (two words of the entry a record writes as one, one word the record
    writes as two, in either order), each side capped at its total, as a Dice coefficient and
    as the most the alignment can give (``kernels.similarity_bound``).
    """
    dice = dice_floor(floor)
    tokens, weights = form.tokens, form.weights
    pairs = {tokens[i] + tokens[j]: weights[i] + weights[j] for i, j in itertools.permutations(range(len(tokens)), 2)}
    cuts = {token: [(token[:c], token[c:]) for c in range(1, len(token))] for token in tokens}
    held = basestore.token_weights(db, [*pairs, *(part for split in cuts.values() for cut in split for part in cut)])
    glued = {g: (JOINED_SIMILARITY * w, JOINED_SIMILARITY * held[g]) for g, w in pairs.items() if g in held}
    gains: list[dict[str, tuple[Sides, Sides, bool]]] = [{} for _ in tokens]  # not anchored, anchored, anchors
    split: list[list[tuple[str, str, Sides]]] = [[] for _ in tokens]
    items: list[tuple[int, int, str, str]] = []  # (records holding it, word, partner or head, tail of a split)
    for i, (token, weight) in enumerate(zip(tokens, weights, strict=True)):
        for other, score, their_weight, df in _partners(db, form, i):
            full = word_sides(score, weight, other, their_weight, anchored=True)
            plain = word_sides(score, weight, other, their_weight, anchored=False)
            gains[i][other] = plain, full, can_anchor(token, weight, other, score, their_weight)
            items.append((df, i, other, ""))
        for head, tail in cuts[token]:  # one word of the entry a record writes as two
            if head in held and tail in held:
                split[i].append(
                    (head, tail, (JOINED_SIMILARITY * weight, JOINED_SIMILARITY * (held[head] + held[tail])))
                )
                items.append((0, i, head, tail))
    anchoring = {other for word in gains for other, (_, _, anchors) in word.items() if anchors}
    best = sum(
        max([sum(full) for _, full, _ in gains[i].values()] + [sum(g) for *_, g in split[i]], default=0.0)
        for i in range(len(tokens))
    )
    heaviest = _heaviest(best + sum(map(sum, glued.values())), form.total, dice)
    found = {rid for other in anchoring for rid in basestore.rids_with(db, other, heaviest)}  # anchored: as may be
    left = [  # unanchored, what each word may still add to a record not yet brought in: its partners not yet read
        sorted([sum(plain) for plain, _, _ in gains[i].values()] + [sum(sides) for *_, sides in split[i]])
        for i in range(len(tokens))
    ]
    more = sum(word[-1] for word in left if word) + sum(map(sum, glued.values()))
    for token, sides in glued.items():  # two words of the entry a record writes as one
        more -= sum(sides)
        found.update(basestore.rids_with(db, token, _heaviest(sum(sides) + more, form.total, dice)))
    for _, i, other, tail in sorted(items):  # rarest first: the common ones come when little is left to add
        if weights[i] <= PARTICLE_WEIGHT:  # a particle brings no record in (what it may add stays counted)
            continue
        if tail:
            sides = next(g for h, t, g in split[i] if h == other and t == tail)
            more = _less(left, i, sum(sides), more)
            found.update(basestore.rids_with_both(db, other, tail, _heaviest(sum(sides) + more, form.total, dice)))
        else:
            plain = gains[i][other][0]
            more = _less(left, i, sum(plain), more)
            found.update(basestore.rids_with(db, other, _heaviest(sum(plain) + more, form.total, dice)))
    kept: set[int] = set()
    for rid, record_forms in basestore.forms_of(db, found).items():
        for total, record in record_forms:
            letters = {starting_with(t[0]) for t in record if len(t) > 1}
            met = [[g for other, g in word.items() if other in record or other in letters] for word in gains]
            anchored = any(anchors for word in met for _, _, anchors in word)
            have = [sides for token, sides in glued.items() if token in record]
            for word, halves in zip(met, split, strict=True):  # each word meets one partner: its best on each side
                options = [full if anchored else plain for plain, full, _ in word]
                options += [glue for h, t, glue in halves if h in record and t in record]
                if options:
                    have.append((max(q for q, _ in options), max(m for _, m in options)))
            if _may_reach(have, form.total, total, floor):
                kept.add(rid)
                break
    return kept


def _less(left: list[list[float]], i: int, gain: float, more: float) -> float:
    """``more`` once word ``i`` has read a partner of ``gain``: the word may now add only its best partner left."""
    word = left[i]
    before = word[-1]
    word.remove(gain)
    return more - before + (word[-1] if word else 0.0)


def _may_reach(gains: list[tuple[float, float]], total: float, theirs: float, floor: float) -> bool:
    """Whether names of weights ``total`` and ``theirs`` that matched at most the sum of ``gains``
    on each side (each capped at its total) may reach the similarity ``floor``: both bounds of
    ``search.NameSearch.reach`` must let them."""
    have_q = min(sum(q for q, _ in gains), total)
    have_m = min(sum(m for _, m in gains), theirs)
    dice = (have_q + have_m) / (total + theirs)
    return dice >= dice_floor(floor) - SLACK and similarity_bound(have_q, have_m, total, theirs) >= floor - SLACK


def _heaviest(gain: float, total: float, floor: float) -> float:
    """The heaviest record a word of ``gain`` (with what the words after it may add) can lift to ``floor``."""
    return gain / floor - total if floor > 0 else float("inf")


def party_candidates(db: sqlite3.Connection, party: IndexedParty, floor: float) -> set[int]:
    """The records whose similarity may reach ``floor`` against any name of ``party``."""
    found: set[int] = set()
    for name in party.names:
        found |= form_candidates(db, name.form, floor)
    return found

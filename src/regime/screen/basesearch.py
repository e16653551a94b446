"""Which records of the screened base a list entry may match, read from the base file.

The reverse of the index's search: a new or changed list entry is the query, the base is the
list. For each word of each of the entry's names, the base's tokens sharing a lookup key
are fetched (``keys.lookup_keys``: a word also finds the base's initials), their similarity
computed, and the records holding them read from the postings, rarest partner first; an
initial of the entry reads the records with a word starting with its letter
(``keys.starting_with``); words glued are looked for in either order on either side. A
partner only brings in records light enough for it, with the best partners not yet read,
to reach the similarity floor (``_heaviest``), and initials count fully only for records that
hold a word which may anchor the names, as in ``search.py``. Only the records found are read,
and each is bounded from its stored tokens before it is scored.
"""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass

from regime.screen import basestore
from regime.screen.index import IndexedParty
from regime.screen.kernels import SLACK, similarity_bound
from regime.screen.keys import lookup_keys, starting_with
from regime.screen.normalise import NameForm
from regime.screen.search import can_anchor, word_sides
from regime.screen.similarity import INITIAL_SIMILARITY, JOINED_SIMILARITY, ONE_SIDED, TWO_SIDED, dice_floor, similar
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


@dataclass
class EntryGains:
    """What each word of one list name form may add to a record, by the base's tokens.

    ``partners[i]``: word i's partners in the base with their sides not anchored, anchored, and
    whether they may anchor the names; ``split[i]``: the cuts of word i a record may hold as two
    words, with their sides; ``glued``: two words of the entry a record may write as one.
    """

    partners: list[dict[str, tuple[Sides, Sides, bool]]]
    split: list[list[tuple[str, str, Sides]]]
    glued: dict[str, Sides]
    counts: list[tuple[int, int, str, str]]  # (records holding it, word, partner or head, tail of a split)

    @classmethod
    def of(cls, db: sqlite3.Connection, form: NameForm) -> EntryGains:
        """Look the words of ``form`` up in the base."""
        tokens, weights = form.tokens, form.weights
        pairs = {
            tokens[i] + tokens[j]: weights[i] + weights[j] for i, j in itertools.permutations(range(len(tokens)), 2)
        }
        cuts = {token: [(token[:c], token[c:]) for c in range(1, len(token))] for token in tokens}
        held = basestore.token_weights(
            db, [*pairs, *(part for split in cuts.values() for cut in split for part in cut)]
        )
        found = cls([{} for _ in tokens], [[] for _ in tokens], {}, [])
        found.glued = {g: (JOINED_SIMILARITY * w, JOINED_SIMILARITY * held[g]) for g, w in pairs.items() if g in held}
        for i, (token, weight) in enumerate(zip(tokens, weights, strict=True)):
            for other, score, their_weight, df in _partners(db, form, i):
                full = word_sides(score, weight, other, their_weight, anchored=True)
                plain = word_sides(score, weight, other, their_weight, anchored=False)
                found.partners[i][other] = plain, full, can_anchor(token, weight, other, score, their_weight)
                found.counts.append((df, i, other, ""))
            for head, tail in cuts[token]:
                if head in held and tail in held:
                    glue = (JOINED_SIMILARITY * weight, JOINED_SIMILARITY * (held[head] + held[tail]))
                    found.split[i].append((head, tail, glue))
                    found.counts.append((0, i, head, tail))
        return found

    def sides(self, i: int, anchored: bool) -> list[Sides]:
        """Every way word ``i`` may meet a record, on both sides."""
        met = [full if anchored else plain for plain, full, _ in self.partners[i].values()]
        return met + [glue for *_, glue in self.split[i]]


class Left:
    """What each word may still add, on each side, to a record no partner read so far holds."""

    def __init__(self, words: list[list[Sides]], glued: list[Sides]) -> None:
        self.q = [sorted(q for q, _ in word) for word in words]
        self.m = [sorted(m for _, m in word) for word in words]
        self.glued = glued

    def most(self) -> Sides:
        """The most that is left on each side: every word's best partner not read, every glued pair."""
        return (
            sum(word[-1] for word in self.q if word) + sum(q for q, _ in self.glued),
            sum(word[-1] for word in self.m if word) + sum(m for _, m in self.glued),
        )

    def take(self, i: int, sides: Sides) -> None:
        """Word ``i`` has read a partner of these ``sides`` (``i`` -1: a glued pair)."""
        if i < 0:
            self.glued.remove(sides)
        else:
            self.q[i].remove(sides[0])
            self.m[i].remove(sides[1])


def form_candidates(db: sqlite3.Connection, form: NameForm, floor: float) -> set[int]:
    """The records whose similarity with one list name form may reach ``floor``.

    First the records the entry's words may lift to the floor, read rarest partner first,
    each partner's postings cut by the heaviest record it could lift with what the partners
    not yet read may add (MaxScore); initials count fully only for records holding a word that
    may anchor the names. Then, from the tokens of just those records, each one's bound as in
    ``search.py``: every word's best partner in the record on each side, and what glued words
    may add (two words of the entry a record writes as one, one word the record writes as two,
    in either order), each side capped at its total, as a Dice coefficient and as the most the
    alignment can give (``kernels.similarity_bound``).
    """
    entry = EntryGains.of(db, form)
    words, glued = range(len(form.tokens)), list(entry.glued.values())
    plain = Left([entry.sides(i, anchored=False) for i in words], list(glued))
    full = Left([entry.sides(i, anchored=True) for i in words], list(glued))
    anchoring = {other for word in entry.partners for other, (*_, anchors) in word.items() if anchors}
    anchorable = {rid for other in anchoring for rid in basestore.rids_with(db, other, float("inf"))}
    found: set[int] = set()

    def read(rows: list[tuple[int, float]], plain_heaviest: float) -> None:
        """Keep the rows a record not anchored may reach from here, and the anchorable ones."""
        found.update(rid for rid, total in rows if total <= plain_heaviest or rid in anchorable)

    def step(i: int, unanchored: Sides, anchoring: Sides) -> tuple[float, float]:
        """Word ``i`` (-1: a glued pair) reads a partner: the heaviest record it may lift unanchored,
        and the heaviest any record may be to be read at all."""
        plain.take(i, unanchored)
        full.take(i, anchoring)
        ours = _heaviest(_plus(unanchored, plain.most()), form.total, floor)
        return ours, max(ours, _heaviest(_plus(anchoring, full.most()), form.total, floor))

    for token, glue in entry.glued.items():  # two words of the entry a record writes as one
        ours, heaviest = step(-1, glue, glue)
        read(basestore.weighed_rids_with(db, token, heaviest), ours)
    for _, i, other, tail in sorted(entry.counts):  # rarest first: the common ones come when little is left
        if form.weights[i] <= PARTICLE_WEIGHT:  # a particle brings no record in (what it may add stays counted)
            continue
        if tail:  # one word of the entry a record writes as two
            glue = next(glue for h, t, glue in entry.split[i] if h == other and t == tail)
            ours, heaviest = step(i, glue, glue)
            read(basestore.rids_with_both(db, other, tail, heaviest), ours)
        else:
            unanchored, anchored_sides, _ = entry.partners[i][other]
            ours, heaviest = step(i, unanchored, anchored_sides)
            read(basestore.weighed_rids_with(db, other, heaviest), ours)
    return {rid for rid, forms in basestore.forms_of(db, found).items() if _any_may_reach(entry, form, forms, floor)}


def _any_may_reach(entry: EntryGains, form: NameForm, forms: list[tuple[float, frozenset[str]]], floor: float) -> bool:
    """Whether any of a record's ``forms`` (total weight, tokens) may reach ``floor`` against ``form``."""
    for total, record in forms:
        letters = {starting_with(t[0]) for t in record if len(t) > 1}
        met = [[g for other, g in word.items() if other in record or other in letters] for word in entry.partners]
        anchored = any(anchors for word in met for *_, anchors in word)
        have = [glue for token, glue in entry.glued.items() if token in record]
        for word, halves in zip(met, entry.split, strict=True):  # each word meets one partner: its best on each side
            options = [full if anchored else plain for plain, full, _ in word]
            options += [glue for h, t, glue in halves if h in record and t in record]
            if options:
                have.append((max(q for q, _ in options), max(m for _, m in options)))
        if _may_reach(have, form.total, total, floor):
            return True
    return False


def _plus(a: Sides, b: Sides) -> Sides:
    return a[0] + b[0], a[1] + b[1]


def _heaviest(most: Sides, total: float, floor: float) -> float:
    """The heaviest record that may reach the similarity ``floor`` against an entry of weight ``total``
    when at most ``most`` can match on the entry's side and on the record's (-1 when none may).

    The most ``similarity.align`` gives is ``M / (M + ONE_SIDED max(u_q, u_m) + TWO_SIDED min(u_q, u_m))``
    (``kernels.similarity_bound``), and no more than the Dice coefficient allows (``dice_floor``);
    a heavier record only leaves more of itself unmatched.
    """
    if floor <= 0:
        return float("inf")
    have_q, have_m = min(most[0], total), most[1]
    matched, left_q = have_q + have_m, total - have_q
    room = matched * (1.0 / floor - 1.0)  # what the unmatched weight may cost
    if ONE_SIDED * left_q > room + SLACK:
        return -1.0
    left_m = (room - TWO_SIDED * left_q) / ONE_SIDED  # the record misses more than the entry
    if left_m < left_q:
        left_m = (room - ONE_SIDED * left_q) / TWO_SIDED  # the record misses less
    return min(have_m + left_m, matched / dice_floor(floor) - total) + SLACK


def _may_reach(gains: list[tuple[float, float]], total: float, theirs: float, floor: float) -> bool:
    """Whether names of weights ``total`` and ``theirs`` that matched at most the sum of ``gains``
    on each side (each capped at its total) may reach the similarity ``floor``: both bounds of
    ``search.NameSearch.reach`` must let them."""
    have_q = min(sum(q for q, _ in gains), total)
    have_m = min(sum(m for _, m in gains), theirs)
    dice = (have_q + have_m) / (total + theirs)
    return dice >= dice_floor(floor) - SLACK and similarity_bound(have_q, have_m, total, theirs) >= floor - SLACK


def party_candidates(db: sqlite3.Connection, party: IndexedParty, floor: float) -> set[int]:
    """The records whose similarity may reach ``floor`` against any name of ``party``."""
    found: set[int] = set()
    for name in party.names:
        found |= form_candidates(db, name.form, floor)
    return found

"""How well two names agree: token similarity, a one-to-one alignment, and weighted coverage.

Token similarity is a small ladder, each rung documented by what it forgives:
equal tokens 1.0; a shared rigour symbol (abbreviation or synonym: "intl"/"international",
"zavod"/"plant") 0.9; an initial against a word starting with it 0.9 (initials weigh half a
word; the word they meet counts fully only when the names are anchored, a distinctive word
of each agreeing at 0.9 or more: "A. K. P. N. Nair" is "NAIR, Anil Kumar Panackal
Narayanan"; otherwise it counts only as much as the initial, which vouches for one letter,
so "N P C International" is not "Northwind Precision Components", nor the vessel "J M A"
"James Alexander McLintock"); the same folded romanisation ("pouya"/"puia", "vlasoff"/"vlasov") 0.8;
the same consonant skeleton ("tsunaeva"/"tsunayeva", "mohammed"/"muhammad") 0.75; a typo
within the allowed edit distance (optimal string alignment, so a swap of two letters is one
edit: none up to 4 letters, where one edit makes another name (Yan/Yang), one up to 7, two
from 8) 1 - edits/(2*length), so one slip in a six-letter word gives 0.92; anything else 0. Numbers agree only when equal. The fuzzy rungs
stay below the threshold on their own, so a one-word name needs more than a look-alike.

The alignment pairs tokens greedily from the most similar pair down, so each token is used
once; a token equal to two tokens of the other side glued together ("huawei" / "hua wei")
counts 0.95 for all three. Tokens arrive sorted and ties break on position, so the order
in which a name was written never changes the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from regime.screen.normalise import NameForm

SYMBOL_SIMILARITY = 0.9
INITIAL_SIMILARITY = 0.9
FOLDED_SIMILARITY = 0.8
SKELETON_SIMILARITY = 0.75
JOINED_SIMILARITY = 0.95
ONE_SIDED = 0.5  # what the unmatched weight of the side missing more costs ...
CONTAINED_WEIGHT = 1.5  # ... when the other side says at least two words' worth (else 1, as in Dice)
TWO_SIDED = 1.5  # what the unmatched weight that both sides miss costs, on the side missing less
ANCHOR = 0.9  # a pair of distinctive words this similar lets initials vouch for whole words


def allowed_edits(length: int) -> int:
    """Edits forgiven between two tokens whose longer one has ``length`` letters."""
    if length <= 4:
        return 0
    return 1 if length <= 7 else 2


def token_similarity(a: NameForm, i: int, b: NameForm, j: int) -> float:
    """Similarity of token ``i`` of ``a`` and token ``j`` of ``b`` on the ladder above."""
    x = (a.tokens[i], a.symbols[i], a.skeletons[i], a.folded[i])
    return similar(*x, b.tokens[j], b.symbols[j], b.skeletons[j], b.folded[j])


@lru_cache(maxsize=1 << 18)
def similar(
    x: str,
    x_symbols: frozenset[str],
    x_key: str,
    x_fold: str,
    y: str,
    y_symbols: frozenset[str],
    y_key: str,
    y_fold: str,
) -> float:
    """Similarity of two tokens given their symbols, skeletons and folded forms (cached: pairs recur)."""
    if x == y:
        return 1.0
    if x.isdigit() or y.isdigit():
        return 0.0
    if len(x) == 1 or len(y) == 1:
        return INITIAL_SIMILARITY if x[0] == y[0] else 0.0
    longest = max(len(x), len(y))
    limit = allowed_edits(longest)
    score = 0.0
    if limit:
        edits = OSA.distance(x, y, score_cutoff=limit)
        if edits <= limit:
            score = 1.0 - edits / (2 * longest)
    if score < SYMBOL_SIMILARITY and not x_symbols.isdisjoint(y_symbols):
        return SYMBOL_SIMILARITY
    if score < FOLDED_SIMILARITY and x_fold and x_fold == y_fold:
        return FOLDED_SIMILARITY
    if score < SKELETON_SIMILARITY and x_key and x_key == y_key:
        return SKELETON_SIMILARITY
    return score


@dataclass(frozen=True, slots=True)
class Agreement:
    """The outcome of aligning two names.

    ``query_cover`` and ``match_cover`` are the weighted shares of each side's tokens that
    found a partner (times their similarity). ``similarity`` is the matched weight M of both
    sides over M plus what is unmatched, ``M / (M + 0.5 max(u_q, u_m) + 1.5 min(u_q, u_m))``:
    a weighted Dice coefficient when both sides miss as much (a word replaced), but a name of
    two words or more found whole in the other costs half as much ("Elena Tsunaeva" in
    "TSUNAEVA, Elena Moiseevna", "Huawei Technologies Co Ltd Shenzhen Branch" around "Huawei
    Technologies"). A one-word name inside a longer one costs as in Dice ("Olivia Bergström"
    is not the vessel OLIVIA), unless it is distinctive and what it leaves of the other is
    only generic words ("Sovfracht" in "Sovfracht Management Company", but not "Asesores" in
    "Asesores Turisticos"). It never exceeds ``d / (0.5 d + 0.5)`` for the Dice coefficient
    d (``dice_floor``).
    """

    similarity: float
    query_cover: float
    match_cover: float

    @classmethod
    def none(cls) -> Agreement:
        """No agreement at all."""
        return cls(0.0, 0.0, 0.0)


def dice_floor(floor: float) -> float:
    """The Dice coefficient below which no alignment's ``similarity`` can reach ``floor``."""
    return ONE_SIDED * floor / (1.0 - (1.0 - ONE_SIDED) * floor)


def _joined(short: NameForm, free_short: list[int], long: NameForm, free_long: list[int]) -> list[tuple[int, int, int]]:
    """Triples (k, i, j): token k of ``long`` equals tokens i and j of ``short`` glued together."""
    found: list[tuple[int, int, int]] = []
    if len(free_short) < 2:
        return found
    free = list(free_short)
    tokens = short.tokens
    for k in free_long:
        word = long.tokens[k]
        for i in free:
            head = tokens[i]
            if len(word) > len(head) and word.startswith(head):
                tail = word[len(head) :]
                j = next((j for j in free if j != i and tokens[j] == tail), None)
                if j is not None:
                    found.append((k, i, j))
                    free.remove(i)
                    free.remove(j)
                    break
    return found


def _anchor(query: NameForm, i: int, match: NameForm, j: int, score: float) -> bool:
    """Whether words ``i`` and ``j`` anchor the names: two distinctive words (not initials) agreeing
    at ``ANCHOR`` or better. Anchored, initials vouch for the words they meet ("A. K. NAIR" is
    "NAIR, Anil Kumar"); else only for their letters."""
    return (
        score >= ANCHOR
        and query.weights[i] >= 1.0
        and match.weights[j] >= 1.0
        and len(query.tokens[i]) > 1
        and len(match.tokens[j]) > 1
    )


def _distinctive_left(got: list[float], weights: tuple[float, ...]) -> bool:
    """Whether a distinctive word (weight 1) of this side found no partner at all."""
    return any(not g and w >= 1.0 for g, w in zip(got, weights, strict=True))


def _free(got: list[float]) -> list[int]:
    return [i for i, g in enumerate(got) if not g]


def align(query: NameForm, match: NameForm) -> Agreement:
    """Align ``query`` against ``match`` one-to-one and measure how much of each side agrees."""
    q_tokens, m_tokens = query.tokens, match.tokens
    if not q_tokens or not m_tokens:
        return Agreement.none()
    got_q = [0.0] * len(q_tokens)
    got_m = [0.0] * len(m_tokens)
    worth_q, worth_m = list(query.weights), list(match.weights)
    unmatched: list[int] = []
    anchored = False
    for j, token in enumerate(m_tokens):  # equal tokens first: 1.0 is the top of the ladder
        for i, other in enumerate(q_tokens):
            if not got_q[i] and other == token:
                got_q[i] = got_m[j] = 1.0
                anchored = anchored or _anchor(query, i, match, j, 1.0)
                break
        else:
            unmatched.append(j)
    free_q = _free(got_q)
    if unmatched and free_q:
        q_symbols, q_keys, q_folds = query.symbols, query.skeletons, query.folded
        m_symbols, m_keys, m_folds = match.symbols, match.skeletons, match.folded
        pairs = sorted(
            (-score, i, j)
            for i in free_q
            for j in unmatched
            if (
                score := similar(
                    q_tokens[i], q_symbols[i], q_keys[i], q_folds[i], m_tokens[j], m_symbols[j], m_keys[j], m_folds[j]
                )
            )
            > 0.0
        )
        initials: list[tuple[int, int]] = []
        for negative, i, j in pairs:
            if not got_q[i] and not got_m[j]:
                got_q[i] = got_m[j] = -negative
                if (len(q_tokens[i]) == 1) != (len(m_tokens[j]) == 1):
                    initials.append((i, j))
                else:
                    anchored = anchored or _anchor(query, i, match, j, -negative)
        if initials and not anchored:  # an initial vouches for one letter
            for i, j in initials:
                if len(q_tokens[i]) == 1:
                    worth_m[j] = min(worth_m[j], query.weights[i])
                else:
                    worth_q[i] = min(worth_q[i], match.weights[j])
    if len(q_tokens) != len(m_tokens):
        for k, i, j in _joined(query, _free(got_q), match, _free(got_m)):
            got_m[k] = got_q[i] = got_q[j] = JOINED_SIMILARITY
        for k, i, j in _joined(match, _free(got_m), query, _free(got_q)):
            got_q[k] = got_m[i] = got_m[j] = JOINED_SIMILARITY
    have_q = sum(g * w for g, w in zip(got_q, worth_q, strict=True))
    have_m = sum(g * w for g, w in zip(got_m, worth_m, strict=True))
    total_q, total_m = query.total, match.total
    matched = have_q + have_m
    left_q, left_m = total_q - have_q, total_m - have_m
    if left_q <= left_m:  # the query found (most) whole in the match
        whole, generic_rest = total_q, max(query.weights) >= 1.0 and not _distinctive_left(got_m, match.weights)
    else:
        whole, generic_rest = total_m, max(match.weights) >= 1.0 and not _distinctive_left(got_q, query.weights)
    one_sided = ONE_SIDED if whole >= CONTAINED_WEIGHT or generic_rest else 1.0
    missed = one_sided * max(left_q, left_m) + TWO_SIDED * min(left_q, left_m)
    return Agreement(
        similarity=matched / (matched + missed) if matched else 0.0,
        query_cover=have_q / total_q,
        match_cover=have_m / total_m,
    )

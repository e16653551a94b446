"""Lookup keys that find a token's possible partners without comparing it to every token.

A ``TokenKeys`` table maps keys to the vocabulary tokens that carry them: the token itself
and its one-letter deletions, two-letter ones for long tokens (a symmetric deletion
neighbourhood: two tokens within the typos forgiven share a key), its folded romanisation and consonant
skeleton, and its rigour symbols. ``partners`` returns the vocabulary tokens a query token may agree with,
each with its exact similarity (``similarity.similar``), so the index never guesses.
The same table serves the list index and the screened base (``rescreen``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from regime.screen.normalise import NameForm
from regime.screen.similarity import INITIAL_SIMILARITY, similar
from regime.screen.words import INITIAL_WEIGHT

TWO_EDITS = 8  # tokens this long may be two edits apart (``similarity.allowed_edits``): two deletions too


def deletions(token: str) -> list[str]:
    """The token and each distinct form of it with one letter deleted (none for tokens under 3
    letters), and with two deleted for tokens of ``TWO_EDITS`` letters or more: two tokens within
    the edits ``similarity.similar`` forgives always share one of these keys."""
    if len(token) < 3 or token.isdigit():
        return [token]
    once = {token[:i] + token[i + 1 :] for i in range(len(token))}
    if len(token) < TWO_EDITS:
        return [token, *once]
    twice = {shorter[:i] + shorter[i + 1 :] for shorter in once for i in range(len(shorter))}
    return [token, *once, *twice]


def token_keys(token: str, skeleton: str, folded: str, symbols: frozenset[str]) -> Iterator[str]:
    """Every key of one token: deletions (plain), skeleton (``~``), folded form (``=``), symbols (``S:``)."""
    yield from deletions(token)
    if skeleton:
        yield "~" + skeleton
    if folded:
        yield "=" + folded
    yield from symbols


def lookup_keys(token: str, skeleton: str, folded: str, symbols: frozenset[str]) -> Iterator[str]:
    """The keys to look a query token up by: its own keys, and its first letter, which is the key
    of an initial ("j" agrees with "james": ``similarity.similar``)."""
    yield from token_keys(token, skeleton, folded, symbols)
    if len(token) > 1 and token[0].isalpha():
        yield token[0]


def starting_with(letter: str) -> str:
    """The posting that holds every name with a word (not an initial) starting with ``letter``.

    A query's initial may agree with any of those words; the marker is no token (tokens are
    letters and digits).
    """
    return "^" + letter


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """One entry per distinct token: its highest weight, its skeleton, and every symbol it was seen with."""

    weight: float
    skeleton: str
    folded: str
    symbols: frozenset[str]


@dataclass(frozen=True, slots=True)
class Partners:
    """The vocabulary tokens one query token may agree with, ready for the search to add up.

    ``by_score``: (partner, similarity, the partner's weight, its postings, their names' total
    weights), best first; ``size``: how many postings they hold together; ``ids`` and
    ``scores``: the vocabulary numbers of the partners (``TokenKeys.ids``), ascending, with
    their similarity; ``splits``: the ways the query token is two vocabulary tokens written
    together, as tokens and as numbers; ``number``: the query token's own number, or -1.
    """

    by_score: tuple[tuple[str, float, float, tuple[int, ...], tuple[float, ...]], ...]
    size: int
    ids: tuple[int, ...]
    scores: tuple[float, ...]
    splits: tuple[tuple[str, str], ...]
    split_ids: tuple[tuple[int, int], ...]
    number: int


class TokenKeys:
    """Keys to vocabulary tokens, what each vocabulary token is, its number, and where it occurs.

    ``ids`` numbers the vocabulary in its order (the same numbers after pickling); ``partners`` remembers its answers (up to ``MEMO_SIZE`` query tokens; the memo is not pickled).
    """

    MEMO_SIZE = 100_000

    def __init__(
        self,
        keys: dict[str, tuple[str, ...]],
        vocabulary: dict[str, Vocabulary],
        postings: Mapping[str, tuple[int, ...]],
        totals: tuple[float, ...],
    ) -> None:
        self.keys = keys
        self.vocabulary = vocabulary
        self.postings = postings
        self.totals = totals
        self.ids = {token: number for number, token in enumerate(vocabulary)}
        self._sizes = {token: tuple(totals[at] for at in found) for token, found in postings.items()}
        self._memo: dict[tuple[str, str, str, frozenset[str]], Partners] = {}

    def __getstate__(self) -> tuple[object, ...]:
        return self.keys, self.vocabulary, self.postings, self.totals

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    @classmethod
    def build(
        cls, forms: Iterable[NameForm], postings: Mapping[str, tuple[int, ...]], totals: tuple[float, ...]
    ) -> TokenKeys:
        """Index every token of ``forms`` under all of its keys.

        ``postings`` say in which names each token occurs, ``totals`` how heavy each name is.
        """
        vocabulary: dict[str, Vocabulary] = {}
        for form in forms:
            for i, token in enumerate(form.tokens):
                weight, symbols = form.weights[i], form.symbols[i]
                known = vocabulary.get(token)
                if known is None:
                    vocabulary[token] = Vocabulary(weight, form.skeletons[i], form.folded[i], symbols)
                elif not symbols <= known.symbols or weight > known.weight:
                    merged = known.symbols | symbols
                    vocabulary[token] = Vocabulary(max(weight, known.weight), known.skeleton, known.folded, merged)
        keys: defaultdict[str, list[str]] = defaultdict(list)
        for token, info in vocabulary.items():
            for key in dict.fromkeys(token_keys(token, info.skeleton, info.folded, info.symbols)):
                keys[key].append(token)
        return cls({k: tuple(v) for k, v in keys.items()}, vocabulary, postings, totals)

    def partners(self, form: NameForm, i: int) -> Partners:
        """Vocabulary tokens that agree with token ``i`` of ``form``, with their similarity."""
        memo_key = (form.tokens[i], form.skeletons[i], form.folded[i], form.symbols[i])
        known = self._memo.get(memo_key)
        if known is None:
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            known = self._memo[memo_key] = self._partners(*memo_key)
        return known

    def _partners(self, token: str, key: str, folded: str, symbols: frozenset[str]) -> Partners:
        found: dict[str, float] = {}
        vocabulary, keys = self.vocabulary, self.keys
        for lookup in lookup_keys(token, key, folded, symbols):
            for other in keys.get(lookup, ()):
                if other not in found:
                    info = vocabulary[other]
                    found[other] = similar(token, symbols, key, folded, other, info.symbols, info.skeleton, info.folded)
        ranked = sorted((-score, other) for other, score in found.items() if score > 0.0 and other in self.postings)
        by_score = [
            (other, -score, vocabulary[other].weight, self.postings[other], self._sizes[other])
            for score, other in ranked
        ]
        words = starting_with(token)
        if len(token) == 1 and words in self.postings:  # an initial: any word with its letter, worth an initial
            by_score.insert(0, (words, INITIAL_SIMILARITY, INITIAL_WEIGHT, self.postings[words], self._sizes[words]))
        numbers = self.ids
        numbered = sorted((numbers[other], -score) for score, other in ranked)
        cuts = [(token[:cut], token[cut:]) for cut in range(1, len(token))]
        splits = tuple((head, tail) for head, tail in cuts if head in numbers and tail in numbers)
        return Partners(
            by_score=tuple(by_score),
            size=sum(len(entry[3]) for entry in by_score),
            ids=tuple(number for number, _ in numbered),
            scores=tuple(score for _, score in numbered),
            splits=splits,
            split_ids=tuple((numbers[head], numbers[tail]) for head, tail in splits),
            number=numbers.get(token, -1),
        )

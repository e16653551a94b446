"""A search's vocabulary and where its tokens occur: the partners of a query token, found by
their keys (``keys.py``) and scored (``keykernel``), and what a query word adds to each name.

The same numbers serve the compiled scorer (``tokenids``, ``querytokens``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regime.screen.keykernel import find_partners, key_slots
from regime.screen.keys import Vocabulary, vocabulary_of
from regime.screen.keytables import KeyTables
from regime.screen.normalise import NameForm

Ids = npt.NDArray[np.intp]
Floats = npt.NDArray[np.float64]
NO_SPLITS = np.zeros((0, 2), dtype=np.intp)
NO_IDS = np.zeros(0, dtype=np.intp)


def _drawn_from(vocabulary: Mapping[str, Vocabulary], larger: Mapping[str, Vocabulary]) -> bool:
    """Whether every token of ``vocabulary`` is in ``larger`` with the same skeleton, fold and symbols."""
    for token, entry in vocabulary.items():
        there = larger.get(token)
        if there is None or (there.skeleton, there.folded, there.symbols) != (
            entry.skeleton,
            entry.folded,
            entry.symbols,
        ):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Partners:
    """The vocabulary tokens one query token may agree with.

    ``ids``: their numbers (``TokenKeys.ids``), ascending, and ``scores`` their similarity;
    ``split_ids``: the ways the query token is two vocabulary tokens written together, as
    [head, tail] rows of numbers; ``token``: the query token's own number
    (or -1), 1 if it is one character long, its first character's code point, 1 if all digits.
    """

    ids: Ids
    scores: npt.NDArray[np.float64]
    split_ids: Ids
    token: tuple[int, int, int, int]


class TokenKeys:
    """A vocabulary (``keys.Vocabulary`` per token, numbered in its order: ``ids``, ``tokens``) and
    its tables for the compiled search, which also say where each token occurs (``names_holding``).

    ``heads`` holds every proper prefix of a vocabulary token (a query word that is none cannot
    begin a token written as two). A vocabulary drawn from a larger one (``parent``: the
    literal names' within all names) takes a word's partners from the larger one's, when every
    token of it is there with the same skeleton, fold and symbols: a word's partners are the
    tokens the ladder scores above 0, whichever vocabulary holds them. ``partners`` and
    ``glued`` remember their answers (up to ``MEMO_SIZE`` each; the memos, the scratch and the
    table of key hashes are not pickled).
    """

    MEMO_SIZE = 100_000

    def __init__(
        self,
        vocabulary: dict[str, Vocabulary],
        tables: KeyTables,
        heads: frozenset[str] | None = None,
        parent: TokenKeys | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.tables = tables
        self.tokens = tuple(vocabulary)
        self.ids = {token: number for number, token in enumerate(self.tokens)}
        self.heads = frozenset(t[:cut] for t in self.tokens for cut in range(1, len(t))) if heads is None else heads
        self.parent = parent if parent is not None and _drawn_from(vocabulary, parent.vocabulary) else None
        self._from_parent = (
            np.array([self.ids.get(token, -1) for token in self.parent.tokens], dtype=np.intp)
            if self.parent is not None
            else NO_IDS
        )
        self._seen = np.zeros(len(vocabulary), dtype=np.bool_)
        self._slots = key_slots(tables.key_hashes)
        self._memo: dict[tuple[str, str, str, frozenset[str]], Partners] = {}
        self._glued: dict[tuple[str, ...], tuple[tuple[int, int, int], ...]] = {}

    def __getstate__(self) -> tuple[object, ...]:
        return self.vocabulary, self.tables, self.heads, self.parent

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    @classmethod
    def build(
        cls, forms: Iterable[NameForm], postings: Mapping[str, tuple[int, ...]], parent: TokenKeys | None = None
    ) -> TokenKeys:
        """The vocabulary of ``forms``; ``postings`` say in which names each token occurs; ``parent``
        a vocabulary holding this one, if any."""
        vocabulary = vocabulary_of(forms)
        return cls(vocabulary, KeyTables.build(vocabulary, postings), parent=parent)

    def names_holding(self, number: int) -> Ids:
        """The names holding vocabulary token ``number``, ascending."""
        tables = self.tables
        return tables.posting_ids[tables.posting_start[number] : tables.posting_start[number + 1]]

    def partners(self, form: NameForm, i: int) -> Partners:
        """Vocabulary tokens that agree with token ``i`` of ``form``, with their similarity."""
        return self.partners_of(form.tokens[i], form.skeletons[i], form.folded[i], form.symbols[i])

    def partners_of(self, token: str, skeleton: str, folded: str, symbols: frozenset[str]) -> Partners:
        """Vocabulary tokens that agree with a query token (and its skeleton, fold and symbols)."""
        memo_key = (token, skeleton, folded, symbols)
        known = self._memo.get(memo_key)
        if known is None:
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            known = self._memo[memo_key] = self._partners(*memo_key)
        return known

    def _partners(self, token: str, skeleton: str, folded: str, symbols: frozenset[str]) -> Partners:
        if self.parent is None:
            ids, scores = self._found(token, skeleton, folded, symbols)
        else:  # the parent's partners that are tokens of this vocabulary, by this vocabulary's numbers
            whole = self.parent.partners_of(token, skeleton, folded, symbols)
            ours = self._from_parent[whole.ids]
            kept = ours >= 0
            order = np.argsort(ours[kept])
            ids, scores = ours[kept][order], whole.scores[kept][order]
        numbers = self.ids
        heads = [cut for cut in range(1, len(token)) if token[:cut] in numbers]
        splits = [(numbers[token[:cut]], numbers[token[cut:]]) for cut in heads if token[cut:] in numbers]
        own = (numbers.get(token, -1), int(len(token) == 1), ord(token[0]), int(token.isdigit()))
        return Partners(ids, scores, np.array(splits, dtype=np.intp).reshape(-1, 2) if splits else NO_SPLITS, own)

    def _found(self, token: str, skeleton: str, folded: str, symbols: frozenset[str]) -> tuple[Ids, Floats]:
        """The partners by the compiled search of this vocabulary's keys (``keykernel.find_partners``)."""
        tables = self.tables
        groups = tables.groups
        ours = np.fromiter((groups[s] for s in symbols if s in groups), dtype=np.intp)
        return find_partners(
            np.frombuffer(token.encode("ascii"), dtype=np.uint8),
            groups.get("~" + skeleton, -1) if skeleton else -1,
            groups.get("=" + folded, -1) if folded else -1,
            ours,
            tables.letters,
            tables.token_start,
            tables.token_info,
            tables.symbol_start,
            tables.symbol_ids,
            *self._slots,
            tables.key_start,
            tables.key_ids,
            tables.group_start,
            tables.group_ids,
            self._seen,
        )

    def glued(self, tokens: tuple[str, ...]) -> tuple[tuple[int, int, int], ...]:
        """(i, j, number): tokens i and j written together are vocabulary token ``number``."""
        known = self._glued.get(tokens)
        if known is None:
            if len(self._glued) >= self.MEMO_SIZE:
                self._glued.clear()
            numbers, heads, found = self.ids, self.heads, []
            for i, head in enumerate(tokens):
                if head in heads:
                    for j, tail in enumerate(tokens):
                        number = numbers.get(head + tail) if j != i else None
                        if number is not None:
                            found.append((i, j, number))
            known = self._glued[tokens] = tuple(found)
        return known

"""The vocabulary of a search as arrays, for the compiled partner search (``keykernel``) and
word tables (``kernels.partner_table``).

Token t (a vocabulary number, ``keys.TokenKeys.ids``) is ``letters[token_start[t]:token_start[t + 1]]``;
its deletion keys are hashed (``keykernel.deletion_hashes``) into one sorted run of key
hashes, each with the tokens carrying it; its skeleton, folded form and symbols are groups,
numbered by their key (``~skeleton``, ``=folded``, the symbol), each with its tokens; and the
names holding it are ``posting_ids[posting_start[t]:posting_start[t + 1]]`` (ascending), the
names with a word starting with a letter after the vocabulary's, one run per letter a-z.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regime.screen.keykernel import deletion_hashes
from regime.screen.keys import Vocabulary, starting_with

Ids = npt.NDArray[np.intp]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _runs(groups: list[list[int]]) -> tuple[Ids, Ids]:
    """One run of numbers per group: (where each starts, with one end more; the numbers)."""
    starts = np.zeros(len(groups) + 1, dtype=np.intp)
    starts[1:] = np.cumsum([len(group) for group in groups])
    flat = np.fromiter((n for group in groups for n in group), dtype=np.intp, count=int(starts[-1]))
    return starts, flat


@dataclass(frozen=True, slots=True)
class KeyTables:
    """The arrays the compiled search reads (this module's docstring says what each holds)."""

    letters: npt.NDArray[np.uint8]
    token_start: Ids
    token_info: Ids  # per token: [skeleton group or -1, folded group or -1]
    token_weight: npt.NDArray[np.float64]
    token_length: Ids
    symbol_start: Ids
    symbol_ids: Ids
    key_hashes: npt.NDArray[np.uint64]
    key_start: Ids
    key_ids: Ids
    group_start: Ids
    group_ids: Ids
    groups: dict[str, int]
    posting_start: Ids
    posting_ids: Ids

    @classmethod
    def build(cls, vocabulary: Mapping[str, Vocabulary], postings: Mapping[str, tuple[int, ...]]) -> KeyTables:
        """The tables of ``vocabulary`` (in its order) and the names holding each token."""
        encoded = [token.encode("ascii") for token in vocabulary]
        lengths = np.fromiter((len(e) for e in encoded), dtype=np.intp, count=len(encoded))
        token_start = np.zeros(len(encoded) + 1, dtype=np.intp)
        token_start[1:] = np.cumsum(lengths)
        letters = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
        groups: dict[str, int] = {}
        members: list[list[int]] = []

        def group(key: str, token: int) -> int:
            number = groups.setdefault(key, len(groups))
            if number == len(members):
                members.append([])
            members[number].append(token)
            return number

        info = np.full((len(encoded), 2), -1, dtype=np.intp)
        symbols: list[list[int]] = []
        for t, entry in enumerate(vocabulary.values()):
            if entry.skeleton:
                info[t, 0] = group("~" + entry.skeleton, t)
            if entry.folded:
                info[t, 1] = group("=" + entry.folded, t)
            symbols.append([group(symbol, t) for symbol in sorted(entry.symbols)])
        hashes = [deletion_hashes(letters[token_start[t] : token_start[t + 1]]) for t in range(len(encoded))]
        owners = np.repeat(np.arange(len(encoded), dtype=np.intp), [len(h) for h in hashes])
        every = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
        order = np.lexsort((owners, every))
        every, owners = every[order], owners[order]
        fresh = np.ones(len(every), dtype=np.bool_)
        fresh[1:] = (every[1:] != every[:-1]) | (owners[1:] != owners[:-1])
        every, owners = every[fresh], owners[fresh]
        first = np.ones(len(every), dtype=np.bool_)
        first[1:] = every[1:] != every[:-1]
        key_start = np.append(np.flatnonzero(first), len(every)).astype(np.intp)
        symbol_start, symbol_ids = _runs(symbols)
        group_start, group_ids = _runs(members)
        held = [sorted(postings[token]) for token in vocabulary]
        held += [sorted(postings.get(starting_with(letter), ())) for letter in LETTERS]
        posting_start, posting_ids = _runs(held)
        return cls(
            letters=letters,
            token_start=token_start,
            token_info=info,
            token_weight=np.fromiter((e.weight for e in vocabulary.values()), dtype=np.float64, count=len(encoded)),
            token_length=lengths,
            symbol_start=symbol_start,
            symbol_ids=symbol_ids,
            key_hashes=every[first],
            key_start=key_start,
            key_ids=owners,
            group_start=group_start,
            group_ids=group_ids,
            groups=groups,
            posting_start=posting_start,
            posting_ids=posting_ids,
        )

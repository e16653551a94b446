"""Compiled partner search: the vocabulary tokens a query token may agree with, and how well.

The lookup keys of ``keys.py`` (a token and its deletions, ``keys.deletions``; a word's first
letter) are kept as 64-bit FNV-1a hashes of their letters, each with the vocabulary numbers
of the tokens that carry it, found through an open-addressing table; a key hashing like
another only brings a token more to compare, never loses one. Skeletons, folded forms and symbols are numbered and each number
lists its tokens. Every token found is scored on the ladder of ``similarity.similar``
(optimal string alignment counted here), exactly as it scores there
(``tests/screen/test_keykernel.py``).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from regime.screen.kernels import Ids, _compile
from regime.screen.similarity import FOLDED_SIMILARITY, INITIAL_SIMILARITY, SKELETON_SIMILARITY, SYMBOL_SIMILARITY

Letters = npt.NDArray[np.uint8]
Hashes = npt.NDArray[np.uint64]
Floats = npt.NDArray[np.float64]
TWO_EDITS = 8  # as ``keys.TWO_EDITS``: tokens this long are also keyed by two deletions
_OFFSET = np.uint64(14695981039346656037)
_PRIME = np.uint64(1099511628211)
_SPREAD = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: a key's slot from its hash's high bits


@_compile
def hash_without(letters: Letters, skip_a: int, skip_b: int) -> np.uint64:
    """FNV-1a of ``letters`` with positions ``skip_a`` and ``skip_b`` left out (-1: none)."""
    value = _OFFSET
    for at in range(letters.shape[0]):
        if at != skip_a and at != skip_b:
            value = (value ^ np.uint64(letters[at])) * _PRIME
    return value


@_compile
def _all_digits(letters: Letters) -> bool:
    """Whether every letter is a digit (``str.isdigit`` of a token)."""
    return bool(np.all((letters >= 48) & (letters <= 57)))


@_compile
def deletion_hashes(letters: Letters) -> Hashes:
    """The hashes of ``keys.deletions`` of a token: itself, and (from 3 letters, not all digits)
    each one-letter deletion, and from ``TWO_EDITS`` letters each two-letter one (repeats kept)."""
    size = letters.shape[0]
    if size < 3 or _all_digits(letters):
        out = np.empty(1, dtype=np.uint64)
        out[0] = hash_without(letters, -1, -1)
        return out
    count = 1 + size + (size * (size - 1) // 2 if size >= TWO_EDITS else 0)
    out = np.empty(count, dtype=np.uint64)
    out[0] = hash_without(letters, -1, -1)
    at = 1
    for a in range(size):
        out[at] = hash_without(letters, a, -1)
        at += 1
    if size >= TWO_EDITS:
        for a in range(size):
            for b in range(a + 1, size):
                out[at] = hash_without(letters, a, b)
                at += 1
    return out


@_compile
def osa_distance(a: Letters, b: Letters) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps."""
    n, m = a.shape[0], b.shape[0]
    d = np.empty((n + 1, m + 1), dtype=np.intp)
    for i in range(n + 1):
        d[i, 0] = i
    for j in range(m + 1):
        d[0, j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, d[i - 2, j - 2] + 1)
            d[i, j] = best
    return int(d[n, m])


@_compile
def _allowed_edits(length: int) -> int:
    if length <= 4:
        return 0
    return 1 if length <= 7 else 2


@_compile
def _shares(ours: Ids, token: int, symbol_start: Ids, symbol_ids: Ids) -> bool:
    for s in range(symbol_start[token], symbol_start[token + 1]):
        for o in range(ours.shape[0]):
            if symbol_ids[s] == ours[o]:
                return True
    return False


@_compile
def token_similarity(
    letters: Letters,
    skeleton: int,
    folded: int,
    symbols: Ids,
    token: int,
    vocabulary: Letters,
    token_start: Ids,
    token_info: Ids,
    symbol_start: Ids,
    symbol_ids: Ids,
) -> float:
    """``similarity.similar`` of a query token (its letters and skeleton, fold and symbol numbers,
    -1 where it has none the vocabulary knows) and vocabulary token ``token``."""
    other = vocabulary[token_start[token] : token_start[token + 1]]
    n, m = letters.shape[0], other.shape[0]
    if n == m and np.all(letters == other):
        return 1.0
    if _all_digits(letters) or _all_digits(other):
        return 0.0
    if n == 1 or m == 1:
        return INITIAL_SIMILARITY if letters[0] == other[0] else 0.0
    longest = max(n, m)
    limit = _allowed_edits(longest)
    score = 0.0
    if limit and abs(n - m) <= limit:
        edits = osa_distance(letters, other)
        if edits <= limit:
            score = 1.0 - edits / (2 * longest)
    if score < SYMBOL_SIMILARITY and _shares(symbols, token, symbol_start, symbol_ids):
        return SYMBOL_SIMILARITY
    if score < FOLDED_SIMILARITY and folded >= 0 and folded == token_info[token, 1]:
        return FOLDED_SIMILARITY
    if score < SKELETON_SIMILARITY and skeleton >= 0 and skeleton == token_info[token, 0]:
        return SKELETON_SIMILARITY
    return score


@_compile
def key_slots(key_hashes: Hashes) -> tuple[Hashes, Ids]:
    """An open-addressing table of ``key_hashes`` (at most half full): per slot the hash held
    there and its position in ``key_hashes`` (-1: empty). One or two reads find a key, where a
    binary search of a long sorted run misses the cache at every step."""
    bits = 1
    while (1 << bits) < 2 * key_hashes.shape[0]:
        bits += 1
    slot_hash = np.zeros(1 << bits, dtype=np.uint64)
    slot_key = np.full(1 << bits, -1, dtype=np.intp)
    mask = np.intp((1 << bits) - 1)
    shift = np.uint64(64 - bits)
    for at in range(key_hashes.shape[0]):
        slot = np.intp((key_hashes[at] * _SPREAD) >> shift)
        while slot_key[slot] >= 0:
            slot = (slot + np.intp(1)) & mask
        slot_hash[slot], slot_key[slot] = key_hashes[at], at
    return slot_hash, slot_key


@_compile
def _key_at(value: np.uint64, slot_hash: Hashes, slot_key: Ids) -> int:
    """The position of hash ``value`` among the keys (``key_slots``), or -1."""
    size = slot_hash.shape[0]
    bits = 0
    while (1 << bits) < size:
        bits += 1
    mask = np.intp(size - 1)
    slot = np.intp((value * _SPREAD) >> np.uint64(64 - bits))
    while slot_key[slot] >= 0:
        if slot_hash[slot] == value:
            return int(slot_key[slot])
        slot = (slot + np.intp(1)) & mask
    return -1


@_compile
def _gather(found: Ids, count: int, seen: npt.NDArray[np.bool_], start: int, end: int, ids: Ids) -> int:
    for at in range(start, end):
        token = ids[at]
        if not seen[token]:
            seen[token] = True
            found[count] = token
            count += 1
    return count


@_compile
def find_partners(
    letters: Letters,
    skeleton: int,
    folded: int,
    symbols: Ids,
    vocabulary: Letters,
    token_start: Ids,
    token_info: Ids,
    symbol_start: Ids,
    symbol_ids: Ids,
    slot_hash: Hashes,
    slot_key: Ids,
    key_start: Ids,
    key_ids: Ids,
    group_start: Ids,
    group_ids: Ids,
    seen: npt.NDArray[np.bool_],
) -> tuple[Ids, Floats]:
    """The vocabulary tokens sharing a lookup key with a query token and agreeing with it above 0,
    by number (ascending), with their similarity.

    Keys: the token's deletions and (for a word of letters) its first letter, by hash
    (``key_slots``: the table of the keys' hashes, ``key_ids[key_start[k]:key_start[k + 1]]``
    the tokens carrying key k); its
    skeleton, fold and symbols by number, ``group_ids[group_start[g]:group_start[g + 1]]`` being
    the tokens of group g (skeletons, then folds, then symbols, numbered in one run).
    ``seen`` is scratch the size of the vocabulary, all False between calls.
    """
    hashes = deletion_hashes(letters)
    if letters.shape[0] > 1 and letters[0] >= 97:  # a word's first letter: the list's initial of it
        more = np.empty(hashes.shape[0] + 1, dtype=np.uint64)
        more[:-1] = hashes
        more[-1] = hash_without(letters[:1], -1, -1)
        hashes = more
    keys = np.empty(hashes.shape[0], dtype=np.intp)
    size = 0
    for k in range(hashes.shape[0]):
        keys[k] = _key_at(hashes[k], slot_hash, slot_key)
        if keys[k] >= 0:
            size += key_start[keys[k] + 1] - key_start[keys[k]]
    groups = np.empty(2 + symbols.shape[0], dtype=np.intp)
    groups[0] = skeleton
    groups[1] = folded
    groups[2:] = symbols
    for g in groups:
        if g >= 0:
            size += group_start[g + 1] - group_start[g]
    found = np.empty(size, dtype=np.intp)
    count = 0
    for key in keys:
        if key >= 0:
            count = _gather(found, count, seen, key_start[key], key_start[key + 1], key_ids)
    for g in groups:
        if g >= 0:
            count = _gather(found, count, seen, group_start[g], group_start[g + 1], group_ids)
    scores = np.empty(count)
    kept = 0
    for at in range(count):
        token = found[at]
        seen[token] = False
        score = token_similarity(
            letters, skeleton, folded, symbols, token, vocabulary, token_start, token_info, symbol_start, symbol_ids
        )
        if score > 0.0:
            found[kept], scores[kept] = token, score
            kept += 1
    order = np.argsort(found[:kept])
    return found[:kept][order], scores[:kept][order]

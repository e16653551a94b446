"""Lookup keys that find a token's possible partners without comparing it to every token.

A token's keys are the token itself and its one-letter deletions, two-letter ones for long
tokens (a symmetric deletion neighbourhood: two tokens within the typos forgiven share a key),
its folded romanisation and consonant skeleton, and its rigour symbols; a query token is also
looked up by its first letter (the list's initials). ``tokenkeys.TokenKeys`` finds a query
token's partners in a list's vocabulary by them (compiled: ``keykernel``), the screened base
(``basesearch``) in its own store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from regime.screen.normalise import NameForm

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


def vocabulary_of(forms: Iterable[NameForm]) -> dict[str, Vocabulary]:
    """Every distinct token of ``forms`` in the order first met: its highest weight, the skeleton
    and fold it was first met with, and every symbol it was seen with."""
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
    return vocabulary

"""Full-text search over a list snapshot: headings, paragraph texts and notes, ranked simply.

``build_index(snapshot)`` reads every text once into an inverted index; ``search(index, query)``
ranks the texts holding every query word by BM25 (term frequency, rarer words weigh more, short
texts a little more), times a field weight (headings count triple, notes half), doubled when the
whole query appears as a phrase. A query in double quotes must appear as a phrase. Both functions
are pure; ``index_for`` caches one index per list folder and date.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from regime.lists.loader import ListDocs
from regime.lists.numbering import join_ref
from regime.lists.snapshot import ControlList
from regime.once import built_once

Field = Literal["heading", "paragraph", "note"]
WEIGHTS: dict[Field, float] = {"heading": 3.0, "paragraph": 1.0, "note": 0.5}
_K1, _B = 1.2, 0.75
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_WORD = re.compile(r"[0-9a-z]+")
_SNIPPET = 160


@dataclass(frozen=True)
class _Text:
    entry: str
    paragraph: str
    field: Field
    label: str
    text: str
    folded: str
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class SearchIndex:
    """The texts of one snapshot and, for each word, the texts holding it and how often."""

    list_id: str
    as_of: dt.date
    texts: tuple[_Text, ...]
    postings: dict[str, dict[int, int]]
    average_length: float


class Hit(BaseModel):
    """One text that matched: where it is, how well it matched, and a snippet with the matches marked."""

    model_config = ConfigDict(frozen=True)

    entry: str
    paragraph: str
    ref: str
    field: Field
    label: str
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...]


def fold(text: str) -> str:
    """Lower case with typographic quotes and dashes made plain (the same length as ``text``)."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD))


def words(text: str) -> list[str]:
    """The words of a text, folded; a plural "s" is dropped so "masks" finds "mask"."""
    return [_stem(w) for w in _WORD.findall(fold(text))]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _texts(snapshot: ControlList) -> Iterator[tuple[str, str, Field, str, str]]:
    for entry in snapshot.entries.values():
        yield entry.id, "", "heading", "heading", entry.heading
        for p in entry.paragraphs:
            if p.id and p.text:
                yield entry.id, p.id, "paragraph", "", p.text
            for number, plain in enumerate(p.notes, 1):
                yield entry.id, p.id, "note", f"note {number}", plain
        for note in entry.notes:
            if note.text:
                yield entry.id, "", "note", note.id, note.text


def build_index(snapshot: ControlList) -> SearchIndex:
    """Index every heading, paragraph text and note of ``snapshot``."""
    texts: list[_Text] = []
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    for entry, paragraph, field, label, text in _texts(snapshot):
        tokens = tuple(words(text))
        index = len(texts)
        texts.append(_Text(entry, paragraph, field, label, text, fold(text), tokens))
        for word, count in Counter(tokens).items():
            postings[word][index] = count
    average = sum(len(t.tokens) for t in texts) / len(texts) if texts else 1.0
    return SearchIndex(snapshot.id, snapshot.as_of, tuple(texts), dict(postings), average or 1.0)


@built_once
def index_for(docs: ListDocs, as_of: dt.date) -> SearchIndex:
    """The index of a list folder's snapshot on ``as_of``, built once."""
    return build_index(docs.at(as_of))


def search(index: SearchIndex, query: str, limit: int = 10) -> list[Hit]:
    """The best ``limit`` texts holding every word of ``query`` (a quoted query must match as a phrase)."""
    quoted = len(query) > 1 and query.strip().startswith('"') and query.strip().endswith('"')
    phrase = " ".join(words(query))
    terms = list(dict.fromkeys(phrase.split()))
    if not terms:
        return []
    candidates = set(index.postings.get(terms[0], {}))
    for term in terms[1:]:
        candidates &= set(index.postings.get(term, {}))
    scored: list[tuple[float, int]] = []
    for doc in candidates:
        text = index.texts[doc]
        in_phrase = len(terms) > 1 and f" {phrase} " in f" {' '.join(text.tokens)} "
        if quoted and len(terms) > 1 and not in_phrase:
            continue
        score = sum(_bm25(index, term, doc) for term in terms) * WEIGHTS[text.field] * (2.0 if in_phrase else 1.0)
        scored.append((score, doc))
    scored.sort(key=lambda pair: (-pair[0], index.texts[pair[1]].entry, index.texts[pair[1]].paragraph))
    return [_hit(index.texts[doc], score, terms) for score, doc in scored[:limit]]


def _bm25(index: SearchIndex, term: str, doc: int) -> float:
    posting = index.postings[term]
    idf = math.log(1 + (len(index.texts) - len(posting) + 0.5) / (len(posting) + 0.5))
    count, length = posting[doc], len(index.texts[doc].tokens)
    return idf * count * (_K1 + 1) / (count + _K1 * (1 - _B + _B * length / index.average_length))


def _hit(text: _Text, score: float, terms: list[str]) -> Hit:
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text.folded) if _stem(m.group()) in terms]
    start = max(0, (spans[0][0] if spans else 0) - _SNIPPET // 3)
    start = text.text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text.text), start + _SNIPPET)
    prefix, suffix = ("…" if start else ""), ("…" if end < len(text.text) else "")
    snippet = prefix + text.text[start:end] + suffix
    shift = len(prefix) - start
    marks = tuple((a + shift, b + shift) for a, b in spans if start <= a and b <= end)
    return Hit(
        entry=text.entry,
        paragraph=text.paragraph,
        ref=join_ref(text.entry, text.paragraph),
        field=text.field,
        label=text.label,
        score=round(score, 3),
        snippet=snippet,
        marks=marks,
    )

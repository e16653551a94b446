"""The screened base in a SQLite file: parties screened, their results, and an index of their names.

Until the project's store holds it, a compliance team's screened customer and order base
lives here (default ``state_dir()/screening/base.sqlite``): every record as screened, its
hits, the list version it was screened against (each entry's digest, to diff the next
version), its name tokens with their lookup keys, and per token the records holding it packed
as arrays (``Lists``; a base written before keeps them as rows of ``postings``, still read), so
that a changed list entry finds the records it may match without reading the others. A new base is written to a temporary file
and moved into place; a re-screen updates it in one transaction; a failure leaves it as it was.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

import numpy as np
import numpy.typing as npt

from regime.errors import InputError
from regime.paths import state_dir
from regime.screen.keys import starting_with, token_keys
from regime.screen.normalise import NameForm
from regime.screen.query import Query

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE base(rid INTEGER PRIMARY KEY, query TEXT NOT NULL);
CREATE TABLE forms(rid INTEGER NOT NULL, total REAL NOT NULL, tokens TEXT NOT NULL);
CREATE TABLE vocab(token TEXT PRIMARY KEY, weight REAL NOT NULL, skeleton TEXT NOT NULL, folded TEXT NOT NULL,
                   symbols TEXT NOT NULL, df INTEGER NOT NULL);
CREATE TABLE keys(key TEXT NOT NULL, token TEXT NOT NULL);
CREATE TABLE lists(token TEXT PRIMARY KEY, rids BLOB NOT NULL, totals BLOB NOT NULL);
CREATE TABLE parties(entry_id TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE TABLE results(rid INTEGER NOT NULL, entry_id TEXT NOT NULL, score REAL NOT NULL, hit TEXT NOT NULL,
                     PRIMARY KEY (rid, entry_id));
"""
INDEXES = """
CREATE INDEX forms_by_rid ON forms(rid);
CREATE INDEX keys_by_key ON keys(key);
CREATE INDEX results_by_entry ON results(entry_id);
"""
Vocab = tuple[float, str, str, frozenset[str]]  # weight, skeleton, folded, symbols
Ids = npt.NDArray[np.int64]
Values = npt.NDArray[np.float64]
RIDS, TOTALS = np.dtype("<i8"), np.dtype("<f8")  # how a token's list is packed in the file


def default_path() -> Path:
    """Where the screened base is kept unless the caller says otherwise."""
    return state_dir() / "screening" / "base.sqlite"


def connect(path: Path) -> sqlite3.Connection:
    """An open connection to an existing base file; ``InputError`` when there is none."""
    if not path.is_file():
        raise InputError(
            "no screened base here; screen one first with `regime screen --batch FILE --keep`", source=str(path)
        )
    return sqlite3.connect(path)


@contextmanager
def new_base(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to a fresh base file, moved to ``path`` only when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        with closing(sqlite3.connect(temporary)) as db:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
            yield db
            db.executescript(INDEXES)
            db.commit()
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_meta(db: sqlite3.Connection, values: dict[str, str]) -> None:
    """Set the base's facts (list version, threshold, engine digest ...)."""
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())


def read_meta(db: sqlite3.Connection) -> dict[str, str]:
    """The base's facts."""
    return dict(db.execute("SELECT key, value FROM meta"))


def write_records(
    db: sqlite3.Connection, records: Iterable[tuple[int, Query, Sequence[NameForm]]], batch: int = 20_000
) -> None:
    """Store each record with its name forms, and per token the records holding it (``Lists``) and its keys."""
    vocabulary: dict[str, Vocab] = {}
    df: dict[str, int] = {}
    base: list[tuple[int, str]] = []
    kept: list[tuple[int, float, str]] = []
    lists: dict[str, tuple[array[int], array[float]]] = {}
    for rid, query, forms in records:
        base.append((rid, query.model_dump_json(exclude_defaults=True)))
        for form in forms:
            letters = {starting_with(t[0]) for t in form.tokens if len(t) > 1 and t[0].isalpha()}
            for token in set(form.tokens) | letters:
                held = lists.setdefault(token, (array("q"), array("d")))
                held[0].append(rid)
                held[1].append(form.total)
            kept.append((rid, form.total, " ".join(form.tokens)))
            for i, token in enumerate(form.tokens):
                df[token] = df.get(token, 0) + 1
                known = vocabulary.get(token)
                if known is None or form.weights[i] > known[0] or not form.symbols[i] <= known[3]:
                    symbols = form.symbols[i] | (known[3] if known else frozenset())
                    weight = max(form.weights[i], known[0] if known else 0.0)
                    vocabulary[token] = (weight, form.skeletons[i], form.folded[i], symbols)
        if len(base) >= batch:
            _flush(db, base, kept)
    _flush(db, base, kept)
    db.executemany("INSERT INTO lists VALUES (?, ?, ?)", (_packed(t, *held) for t, held in lists.items()))
    db.executemany(
        "INSERT INTO vocab VALUES (?, ?, ?, ?, ?, ?)",
        ((t, w, k, f, "|".join(sorted(s)), df[t]) for t, (w, k, f, s) in vocabulary.items()),
    )
    db.executemany(
        "INSERT INTO keys VALUES (?, ?)",
        ((key, t) for t, (_, k, f, s) in vocabulary.items() for key in set(token_keys(t, k, f, s))),
    )


def _flush(
    db: sqlite3.Connection,
    base: list[tuple[int, str]],
    forms: list[tuple[int, float, str]],
) -> None:
    db.executemany("INSERT INTO base VALUES (?, ?)", base)
    db.executemany("INSERT INTO forms VALUES (?, ?, ?)", forms)
    for done in (base, forms):
        done.clear()


def _packed(token: str, rids: array[int], totals: array[float]) -> tuple[str, bytes, bytes]:
    """A token's list: each record holding it once, sorted, with the lightest name form holding it."""
    ids, weights = np.frombuffer(rids, dtype=np.int64), np.frombuffer(totals, dtype=np.float64)
    order = np.lexsort((weights, ids))
    ids, weights = ids[order], weights[order]
    first = np.ones(len(ids), dtype=np.bool_)
    first[1:] = ids[1:] != ids[:-1]
    return token, ids[first].astype(RIDS).tobytes(), weights[first].astype(TOTALS).tobytes()


class Lists:
    """Per token, the records holding it (sorted) and the lightest of their name forms holding it.

    Read from the base as arrays and remembered for one re-screen (up to ``MEMO_SIZE`` records in
    all). A base written before the lists were kept is read from its postings: slower, same lists.
    """

    MEMO_SIZE = 4_000_000

    def __init__(self, db: sqlite3.Connection, source: str | None = None) -> None:
        self.db = db
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"lists", "postings"} & tables:
            message = (
                "expected an index of the base's names (table lists, or postings in an older base); screen it afresh"
            )
            raise InputError(message, source=source)
        self.packed = "lists" in tables
        self._memo: dict[str, tuple[Ids, Values]] = {}
        self._held = 0

    def of(self, token: str) -> tuple[Ids, Values]:
        """(records, the lightest total weight of their name forms holding ``token``), by record."""
        known = self._memo.get(token)
        if known is None:
            known = self._read(token)
            if self._held + len(known[0]) > self.MEMO_SIZE:
                self._memo.clear()
                self._held = 0
            self._memo[token] = known
            self._held += len(known[0])
        return known

    def _read(self, token: str) -> tuple[Ids, Values]:
        if self.packed:
            row = self.db.execute("SELECT rids, totals FROM lists WHERE token = ?", (token,)).fetchone()
            rids, totals = (row[0], row[1]) if row else (b"", b"")
            return np.frombuffer(rids, dtype=RIDS).astype(np.int64), np.frombuffer(totals, dtype=TOTALS).astype(
                np.float64
            )
        query = "SELECT rid, MIN(total) FROM postings WHERE token = ? GROUP BY rid ORDER BY rid"
        rows = self.db.execute(query, (token,)).fetchall()
        return np.array([r for r, _ in rows], dtype=np.int64), np.array([t for _, t in rows], dtype=np.float64)


def vocab_for_keys(db: sqlite3.Connection, keys: Sequence[str]) -> dict[str, tuple[Vocab, int]]:
    """The base's tokens that carry any of ``keys``, with what they are and how many records hold them."""
    found: dict[str, tuple[Vocab, int]] = {}
    for chunk in _chunks(list(dict.fromkeys(keys))):
        marks = ",".join("?" * len(chunk))
        query = f"SELECT v.token, v.weight, v.skeleton, v.folded, v.symbols, v.df FROM keys k JOIN vocab v ON v.token = k.token WHERE k.key IN ({marks})"
        for token, weight, skeleton, folded, symbols, df in db.execute(query, chunk):
            found[token] = ((weight, skeleton, folded, frozenset(symbols.split("|")) - {""}), df)
    return found


def token_weights(db: sqlite3.Connection, tokens: Iterable[str]) -> dict[str, float]:
    """The weight of each of ``tokens`` the base holds (those it does not hold are left out)."""
    found: dict[str, float] = {}
    for chunk in _chunks(sorted(set(tokens))):
        marks = ",".join("?" * len(chunk))
        found.update(db.execute(f"SELECT token, weight FROM vocab WHERE token IN ({marks})", chunk))
    return found


def forms_of(db: sqlite3.Connection, rids: Iterable[int]) -> dict[int, list[tuple[float, frozenset[str]]]]:
    """The name forms of ``rids`` as the search needs them: total weight and tokens."""
    found: dict[int, list[tuple[float, frozenset[str]]]] = {}
    for chunk in _chunks(sorted(set(rids))):
        marks = ",".join("?" * len(chunk))
        for rid, total, tokens in db.execute(f"SELECT rid, total, tokens FROM forms WHERE rid IN ({marks})", chunk):
            found.setdefault(rid, []).append((total, frozenset(tokens.split())))
    return found


def records(db: sqlite3.Connection, rids: Iterable[int]) -> dict[int, Query]:
    """The stored queries of ``rids``."""
    found: dict[int, Query] = {}
    for chunk in _chunks(sorted(set(rids))):
        marks = ",".join("?" * len(chunk))
        for rid, text in db.execute(f"SELECT rid, query FROM base WHERE rid IN ({marks})", chunk):
            found[rid] = Query.model_validate_json(text)
    return found


def write_parties(db: sqlite3.Connection, digests: dict[str, str]) -> None:
    """Record the list version's entries (by id, with the digest of their content)."""
    db.execute("DELETE FROM parties")
    db.executemany("INSERT INTO parties VALUES (?, ?)", digests.items())


def read_parties(db: sqlite3.Connection) -> dict[str, str]:
    """The entries of the list version the base was last screened against, with their digests."""
    return dict(db.execute("SELECT entry_id, digest FROM parties"))


def write_results(db: sqlite3.Connection, rows: Iterable[tuple[int, str, float, str]]) -> None:
    """Store hits: (record, entry id, score, the hit as JSON)."""
    db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)


def results_for(db: sqlite3.Connection, entry_ids: Iterable[str]) -> list[tuple[int, str, float, str]]:
    """The stored hits on any of ``entry_ids``."""
    found: list[tuple[int, str, float, str]] = []
    for chunk in _chunks(sorted(set(entry_ids))):
        marks = ",".join("?" * len(chunk))
        found += db.execute(f"SELECT rid, entry_id, score, hit FROM results WHERE entry_id IN ({marks})", chunk)
    return found


def delete_results(db: sqlite3.Connection, entry_ids: Iterable[str]) -> None:
    """Forget the hits on ``entry_ids`` (before writing their re-screened ones)."""
    for chunk in _chunks(sorted(set(entry_ids))):
        db.execute(f"DELETE FROM results WHERE entry_id IN ({','.join('?' * len(chunk))})", chunk)


def count(db: sqlite3.Connection, table: str) -> int:
    """How many rows ``table`` (base or results) holds."""
    if table not in ("base", "results"):
        raise ValueError(table)
    return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _chunks(values: Sequence[object], size: int = 500) -> Iterator[list[object]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])

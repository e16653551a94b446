"""Build-once caches for the data the engines share (unit registry, compiled lists, indexes).

``functools.cache`` lets two threads that ask for the same missing key both build it, and each
keeps its own copy: harmless for a pure value, wrong for a pint registry (units of two registries
cannot be combined) and wasteful for a compiled list. ``built_once`` builds each key in exactly one
thread while the others wait for it; a hit takes no lock.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class BuiltOnce(Generic[P, R]):
    """A function whose results are kept per arguments, each computed by one thread only."""

    def __init__(self, function: Callable[P, R]) -> None:
        self._function = function
        self._results: dict[Hashable, R] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()
        functools.update_wrapper(self, function)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key: Hashable = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        try:
            return self._results[key]
        except KeyError:
            pass
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._results:
                self._results[key] = self._function(*args, **kwargs)
            return self._results[key]

    def cache_clear(self) -> None:
        """Forget every result (the next call of each key builds it again)."""
        with self._guard:
            self._results.clear()
            self._locks.clear()


def built_once(function: Callable[P, R]) -> BuiltOnce[P, R]:
    """Decorate a builder of shared data so each set of arguments is built once, by one thread."""
    return BuiltOnce(function)

"""Shared engine data is built once even when many threads ask for it at the same moment."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from regime.once import built_once


def test_threads_asking_at_once_share_one_build() -> None:
    calls: list[int] = []
    release = threading.Event()

    @built_once
    def build(key: str) -> object:
        calls.append(1)
        release.wait(timeout=10)
        return object()

    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(build, "us-ccl") for _ in range(8)]
        threading.Timer(0.2, release.set).start()
        results = {id(f.result()) for f in futures}
    assert len(calls) == 1
    assert len(results) == 1


def test_keys_are_kept_apart_and_clearing_builds_again() -> None:
    calls: list[tuple[str, int]] = []

    @built_once
    def build(name: str, *, size: int = 1) -> tuple[str, int]:
        calls.append((name, size))
        return name, size

    assert build("a") == ("a", 1)
    assert build("a", size=2) == ("a", 2)
    assert build("a") == ("a", 1)
    assert calls == [("a", 1), ("a", 2)]
    build.cache_clear()
    build("a")
    assert calls[-1] == ("a", 1) and len(calls) == 3


def test_a_failed_build_is_not_kept() -> None:
    attempts: list[int] = []

    @built_once
    def flaky() -> int:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("list file busy")
        return 42

    with pytest.raises(OSError, match="busy"):
        flaky()
    assert flaky() == 42 and len(attempts) == 2

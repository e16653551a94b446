"""Turn regime's input errors into a clear one-line message and exit code 2 (no traceback)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from regime.errors import RegimeError

F = TypeVar("F", bound=Callable[..., Any])


def exits_cleanly(function: F) -> F:
    """Wrap a command so a ``RegimeError`` (or a bad date) prints ``error: ...`` and exits with status 2."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except (RegimeError, ValueError) as exc:
            Console(stderr=True).print(Text("error: ", style="red") + Text(str(exc)), highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]

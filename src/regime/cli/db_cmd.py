"""``regime db``: schema migrations; and what every service command shares (its store, its caller, its output).

Service commands open the store named by ``--db`` or ``REGIME_DB_URL`` (default: the embedded
SQLite file in ``REGIME_HOME``); the embedded store is migrated and loaded with the bundled regimes
on the way, as ``regime serve`` does. They act as the user whose token is given by ``--token`` or
``REGIME_TOKEN``, under the same access rules as the HTTP API.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from regime.api.settings import default_db_url
from regime.cli.errors import exits_cleanly
from regime.errors import InputError
from regime.governance.access import Principal
from regime.governance.registry import open_regime_store
from regime.governance.users import authenticate
from regime.store import Store
from regime.store import migrate as migrations
from regime.store.engine import is_sqlite

app = typer.Typer(help="The store: schema migrations (Alembic).", no_args_is_help=True)

DbUrl = Annotated[
    str | None,
    typer.Option("--db", envvar="REGIME_DB_URL", help="database URL (default: SQLite in REGIME_HOME)"),
]
TokenOption = Annotated[
    str | None, typer.Option("--token", envvar="REGIME_TOKEN", help="your token (from `regime user add`)")
]
RegimeOption = Annotated[
    str | None, typer.Option("--regime", help="the regime (default: the one your token's member belongs to)")
]
ModelT = TypeVar("ModelT", bound=BaseModel)


def service_store(db: str | None) -> Store:
    """The store for a service command; the embedded SQLite store is migrated and loaded first."""
    url = db or default_db_url()
    embedded = is_sqlite(url)
    return open_regime_store(url, migrate=embedded, load=embedded)


@dataclass(frozen=True)
class ServiceOptions:
    """The options every service command group takes before its command: token, regime, database."""

    token: str | None
    regime: str | None
    db: str | None


def service_options(
    ctx: typer.Context, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None
) -> None:
    """Act as the user of --token (or REGIME_TOKEN), in --regime, on --db (or REGIME_DB_URL)."""
    ctx.obj = ServiceOptions(token, regime, db)


def acting(ctx: typer.Context) -> tuple[Store, Principal, str]:
    """The store, the user the token stands for, and the regime the command is about."""
    return acting_as(ctx.find_object(ServiceOptions) or ServiceOptions(None, None, None))


def acting_as(options: ServiceOptions) -> tuple[Store, Principal, str]:
    """Like ``acting``, from the options themselves."""
    store = service_store(options.db)
    who = authenticate(store, options.token)
    regime_id = options.regime or who.regime_id
    if regime_id is None:
        raise InputError("name the regime with --regime", where="--regime")
    return store, who, regime_id


def read_input(path: Path, model: type[ModelT]) -> ModelT:
    """A YAML or JSON file validated as ``model``; errors name the file and the field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(f"cannot read it: {error}", source=str(path)) from None
    return options(model, source=str(path), raw=raw)


def options(model: type[ModelT], *, source: str = "options", raw: Any = None, **fields: Any) -> ModelT:
    """``model`` built from command-line options (or ``raw`` data); errors name the field."""
    try:
        return model.model_validate(fields if raw is None else raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or None
        raise InputError(str(first["msg"]).removeprefix("Value error, "), source=source, where=where) from None


def emit(value: Any) -> None:
    """Print a result as indented JSON."""
    typer.echo(json.dumps(TypeAdapter(Any).dump_python(value, mode="json"), indent=2, ensure_ascii=False))


@app.command("upgrade")
@exits_cleanly
def upgrade(db: DbUrl = None, revision: str = typer.Option("head", help="the target revision")) -> None:
    """Bring the database schema to the newest revision (or ``--revision``)."""
    store = Store(db or default_db_url())
    migrations.upgrade(store, revision)
    typer.echo(f"{store.url}: at revision {migrations.current(store)}")


@app.command("current")
@exits_cleanly
def current(db: DbUrl = None) -> None:
    """Print the revision the database is at, and the newest one this version ships."""
    store = Store(db or default_db_url())
    typer.echo(f"{store.url}: at {migrations.current(store) or 'no revision (empty)'}; newest {migrations.head()}")


@app.command("revision")
@exits_cleanly
def revision(message: str = typer.Option(..., "-m", "--message"), db: DbUrl = None) -> None:
    """Generate a migration from the difference between the models and an up-to-date database (developers)."""
    migrations.revision(Store(db or default_db_url()), message)

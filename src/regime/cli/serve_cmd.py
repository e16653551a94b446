"""``regime serve``: the service on the embedded store (or ``REGIME_DB_URL``), loaded with the bundled regimes."""

from __future__ import annotations

import typer
import uvicorn

from regime.api.app import create_app
from regime.api.settings import Settings, default_db_url
from regime.cli.db_cmd import DbUrl
from regime.cli.errors import exits_cleanly
from regime.store.engine import normalise_url


@exits_cleanly
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    db: DbUrl = None,
    log_level: str = typer.Option("warning", "--log-level"),
) -> None:
    """Serve the regime's API (OpenAPI at /docs); migrates the embedded store and loads the bundled regimes."""
    settings = Settings(db_url=db or default_db_url())
    url = normalise_url(settings.db_url)
    typer.echo(f"regime serving on http://{host}:{port} (API docs: http://{host}:{port}/docs)")
    typer.echo(f"store: {url.split('@')[-1] if '@' in url else url}", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)

"""The app factory: ``create_app(settings)`` builds the service; routers are added one per file.

At start the app opens the store, runs the migrations (on SQLite by default) and loads the bundled
regime definitions. OpenAPI is served at ``/openapi.json`` with the interactive docs at ``/docs``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from regime import __version__
from regime.api import errors
from regime.api.routers import (
    assess,
    audit,
    cases,
    classify,
    consultations,
    denials,
    determine,
    licences,
    lists,
    membership,
    proposals,
    public,
    reports,
    screen,
)
from regime.api.settings import Settings
from regime.governance.registry import open_regime_store
from regime.store import Store
from regime.web import router as web_router

ROUTERS: list[APIRouter] = [
    public.router,
    lists.router,
    classify.router,
    screen.router,
    determine.router,
    proposals.router,
    membership.router,
    denials.router,
    consultations.router,
    reports.router,
    assess.router,
    licences.router,
    cases.router,
    audit.router,
    web_router,  # the pages (regime.web); kept out of the OpenAPI document
]


def open_store(settings: Settings) -> Store:
    """The store, migrated and loaded with the bundled regimes as the settings say."""
    return open_regime_store(
        settings.db_url, migrate=settings.migrate_on_start, load=settings.load_regimes, folder=settings.regimes_dir
    )


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The regime service; with ``store``, it serves that store as it is (tests hand theirs in)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = store or open_store(settings)
        yield
        if store is None:
            app.state.store.dispose()

    app = FastAPI(
        title="regime",
        version=__version__,
        description="A multilateral export-control regime, run as software: list releases, proposals, votes, "
        "denial notifications, consultations and reports. Member-state users authenticate with a bearer token.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)

    @app.get("/health", tags=["service"])
    def health() -> dict[str, str]:
        """Whether the service is up, and on which backend."""
        return {"status": "ok", "store": "sqlite" if app.state.store.is_sqlite else "postgresql"}

    return app

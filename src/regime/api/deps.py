"""Dependencies the routers share: the store and the caller (from the bearer token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from regime.api.settings import Settings
from regime.exchange.matching import NameMatcher
from regime.governance.access import Principal
from regime.governance.users import authenticate
from regime.store import Store

_bearer = HTTPBearer(auto_error=False, description="A token issued by `regime user add` or `regime user token`.")


def get_store(request: Request) -> Store:
    """The app's store."""
    store = request.app.state.store
    assert isinstance(store, Store)
    return store


def get_matcher(request: Request) -> NameMatcher:
    """The name matcher for the "essentially identical" test."""
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings.matcher


def get_principal(
    store: Annotated[Store, Depends(get_store)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller; a missing or unknown token is refused with 401."""
    return authenticate(store, credentials.credentials if credentials else None)


StoreDep = Annotated[Store, Depends(get_store)]
Caller = Annotated[Principal, Depends(get_principal)]
Matcher = Annotated[NameMatcher, Depends(get_matcher)]

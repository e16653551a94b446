"""Restricted-party screening for everyone: one party or many against the bundled screening list.

``POST /screen`` takes one party (``{"name": ..., "country": ...}``) or many
(``{"parties": [...]}``) and answers a list of results, one per party in order, each with its
hits (list, entry, matched name, score and its parts, legal meaning) and what was searched.
No token needed. The index is a dependency (``screening_index``) so a caller can serve another list.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from regime.screen import THRESHOLD, Query, ScreeningIndex, ScreeningResult, default_index, screen

router = APIRouter(tags=["screen"])
MAX_PARTIES = 1000


class ScreenRequest(BaseModel):
    """Several parties to screen, and the threshold to screen them at."""

    model_config = ConfigDict(extra="forbid")

    parties: list[Query] = Field(min_length=1, max_length=MAX_PARTIES)
    threshold: float = Field(THRESHOLD, gt=0.0, le=1.0)


def screening_index() -> ScreeningIndex:
    """The bundled Consolidated Screening List's index (built once per process)."""
    return default_index()


IndexDep = Annotated[ScreeningIndex, Depends(screening_index)]


@router.post("/screen")
def screen_parties(request: ScreenRequest | Query, index: IndexDep) -> list[ScreeningResult]:
    """Screen one party (a name with country, address, aliases, kind if known) or many, in order."""
    if isinstance(request, Query):
        return [screen(request, index)]
    return [screen(party, index, threshold=request.threshold) for party in request.parties]

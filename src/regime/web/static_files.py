"""The pages' static files (CSS, JavaScript, the vendored htmx), served from the package, cached a day."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from regime.errors import NotFoundError

STATIC_DIR = Path(__file__).resolve().parent / "static"
TYPES = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".png": "image/png"}

router = APIRouter()


@router.get("/static/{name}")
def static(name: str) -> FileResponse:
    """One static file by name (no folders, known types only)."""
    path = STATIC_DIR / name
    if "/" in name or path.suffix not in TYPES or not path.is_file():
        raise NotFoundError(f"no static file {name!r}")
    return FileResponse(path, media_type=TYPES[path.suffix], headers={"Cache-Control": "public, max-age=86400"})

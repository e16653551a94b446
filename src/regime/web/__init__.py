"""The web pages: Jinja2 templates and htmx, served by ``regime serve`` beside the API.

``regime.web.router`` holds every page route (one module per page group under ``pages/``) and the
static files; ``regime.api.app.create_app`` includes it. Pages read without JavaScript; htmx makes
the interactive parts (search as you type, votes, batch progress) update in place.
"""

from regime.web.router import router

__all__ = ["router"]

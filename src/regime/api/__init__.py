"""The HTTP face: a FastAPI app built by ``create_app(settings)``, one router file per face."""

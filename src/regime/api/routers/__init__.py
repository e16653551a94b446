"""One router per face of the service; ``regime.api.app.ROUTERS`` lists them."""

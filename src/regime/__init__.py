"""regime: a multilateral export-control regime, run as software."""

__version__ = "0.1.0"

"""The ``regime`` command line (Typer + Rich)."""

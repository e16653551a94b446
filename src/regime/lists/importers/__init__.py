"""Importers: real sources turned into control-list folders (the Commerce Control List from ``ccl.json``).

``run.import_ccl`` writes one text-only entry file per ECCN, leaves curated files alone and reports
where the source has drifted from them.
"""

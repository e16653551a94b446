"""Regime design and progress: the essay's checklist, and who makes the technologies of concern.

- ``checklist``: score a regime-creation effort against the essay's requirements, over time.
- ``coverage`` / ``cover``: how much of world supply a membership holds, and the smallest
  membership that reaches a target share of every technology of concern.
- ``charts``: the same as pictures, each with its data source and date.
"""

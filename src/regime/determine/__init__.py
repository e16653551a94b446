"""Licence determination: does a transaction need a licence under each member's rules, and why.

    from regime.determine import Transaction, determine, determine_all, load_jurisdiction, load_members

    det = determine(Transaction(date=..., item="nvidia-h100-sxm", destination="China", parties=[...]),
                    load_jurisdiction("us"))
    det.outcome, det.review_policy, det.trace          # typed steps {rule, citation, finding, effect}
    determine_all(tx, load_members()).undercut_risks   # members side by side

The engine is pure over loaded data (``engine.py``); members are data (``data/jurisdictions``);
the U.S. analysis lives in ``us/``, the EU-shaped one (EU, Netherlands, Japan) in ``national/``;
``batch.py`` decides order books with the same code path and caches around it.
"""

from regime.determine.engine import decide, determine, determine_all
from regime.determine.loader import default_party_index, load_jurisdiction, load_members, member_ids
from regime.determine.memo import Memo
from regime.determine.result import Comparison, Determination, ExceptionTrial, Outcome, Requirement, Step
from regime.determine.transaction import Transaction

__all__ = [
    "Comparison",
    "Determination",
    "ExceptionTrial",
    "Memo",
    "Outcome",
    "Requirement",
    "Step",
    "Transaction",
    "decide",
    "default_party_index",
    "determine",
    "determine_all",
    "load_jurisdiction",
    "load_members",
    "member_ids",
]

"""Where members diverge: a standard set of transactions decided under each member's rules, compared pair by pair.

    from regime.assess.diverge import divergence, divergence_report
    run = divergence(load_members(("us", "nl", "jp")), date, default_party_index(), load_catalogue())
    divergence_report(run)["pairs"]      # per pair: leaks each way, the list entries behind them

``transactions`` builds the standard set (``variants`` adds products either side of the thresholds),
``run`` decides it, ``compare`` is the pure comparison, ``report`` the JSON view with its sources.
"""

from regime.assess.diverge.compare import Leak, PairDivergence, Verdict, compare_members, compare_pair, leak
from regime.assess.diverge.report import divergence_report
from regime.assess.diverge.run import Divergence, cached_divergence, divergence, parse_members

__all__ = [
    "Divergence",
    "Leak",
    "PairDivergence",
    "Verdict",
    "cached_divergence",
    "compare_members",
    "compare_pair",
    "divergence",
    "divergence_report",
    "leak",
    "parse_members",
]

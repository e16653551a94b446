"""The features the scorer combines, one per file: names, aliases, countries, entity type."""

from regime.screen.features.aliases import alias_match, either_alias
from regime.screen.features.countries import country_agreement
from regime.screen.features.entity_type import type_agreement
from regime.screen.features.names import NO_MATCH, NameMatch, best_match, name_match
from regime.screen.index import WEAK_ALIAS_DISCOUNT

__all__ = [
    "NO_MATCH",
    "WEAK_ALIAS_DISCOUNT",
    "NameMatch",
    "alias_match",
    "best_match",
    "country_agreement",
    "either_alias",
    "name_match",
    "type_agreement",
]

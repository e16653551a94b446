"""Everything the coverage views need, loaded once: share table, settings, technologies, memberships.

The bundled ETO/CSET table is the default; a user's table of the same shape replaces it, and the
caption then names the user's file instead of crediting the bundled dataset.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from regime.assess.coverage import InputShares, input_shares
from regime.assess.memberships import Membership, load_memberships
from regime.assess.provenance import SupplySettings, caption, load_supply_settings
from regime.assess.supply import ShareTable, load_share_table
from regime.assess.technologies import Technology, load_technologies, technologies_in
from regime.errors import NotFoundError
from regime.paths import SUPPLY_CHAIN_DIR


@dataclass(frozen=True)
class SupplyData:
    """A loaded share table with the technologies of concern it covers and the named memberships."""

    settings: SupplySettings
    table: ShareTable
    technologies: tuple[Technology, ...]
    memberships: dict[str, Membership]
    compare: tuple[str, ...]
    bundled: bool

    def shares(self, input_id: str) -> InputShares:
        """One input's latest shares."""
        if input_id not in self.table.by_input:
            raise NotFoundError(f"no input {input_id!r} in {self.table.origin}")
        return input_shares(self.table, input_id, self.settings.aggregates)

    def selected(self, inputs: list[str] | None) -> list[Technology]:
        """The technologies of concern, or the named inputs (ids of the table) when given."""
        if not inputs:
            return list(self.technologies)
        by_id = {t.input: t for t in self.technologies}
        chosen = []
        for input_id in inputs:
            self.shares(input_id)
            chosen.append(
                by_id.get(input_id)
                or Technology(
                    input=input_id,
                    name=self.table.name(input_id),
                    controls=[],
                    approximate=True,
                    note="no control mapping known",
                )
            )
        return chosen

    def caption(self, input_ids: list[str]) -> str:
        """Source, date and licence of the figures for these inputs."""
        years = [y for i in input_ids if (y := self.table.latest(i)[0]) is not None]
        return caption(self.settings.dataset, self.table.origin, years, self.bundled)


def load_supply_data(table_path: Path | None = None) -> SupplyData:
    """Load the bundled table (or ``table_path``) with settings, technologies and memberships."""
    settings = load_supply_settings()
    path = table_path or SUPPLY_CHAIN_DIR
    table = load_share_table(path, settings.aggregates)
    technologies = tuple(technologies_in(table, load_technologies()))
    memberships, compare = load_memberships()
    bundled = table_path is None or path.resolve() == SUPPLY_CHAIN_DIR.resolve()
    return SupplyData(settings, table, technologies, memberships, tuple(compare), bundled)

"""Charts of who makes the technology: coverage per technology and membership, and supplier shares.

Figures are built on ``matplotlib.figure.Figure`` directly (no pyplot, no global state, no display),
so they can be saved by the CLI or served as bytes. Each carries its data source and date as a caption.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib import rc_context
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from regime.assess.codes import country_name
from regime.assess.coverage import InputShares
from regime.errors import InputError

FORMATS = ("png", "svg")
MEMBER, OUTSIDE, UNATTRIBUTED = "#2b6cb0", "#c05621", "#a0aec0"
_CMAP = LinearSegmentedColormap.from_list("coverage", ["#fff5eb", "#fdae6b", "#9ecae1", "#08519c"])


def _caption(fig: Figure, text: str, width: int) -> None:
    """Print the source line under the chart and keep it whole as the figure's label (file metadata)."""
    fig.text(0.01, 0.01, "\n".join(textwrap.wrap(text, width)), fontsize=7, color="#4a5568", va="bottom")
    fig.set_label(text)


def _layout(
    fig: Figure, left_in: float, right_in: float, top_in: float, bottom_in: float
) -> tuple[float, float, float, float]:
    """The axes rectangle (figure fractions) that leaves these margins, in inches."""
    width, height = fig.get_size_inches()
    return (
        left_in / width,
        bottom_in / height,
        1 - (left_in + right_in) / width,
        1 - (top_in + bottom_in) / height,
    )


def coverage_heatmap(
    rows: Sequence[tuple[str, Sequence[float | None]]],
    columns: Sequence[str],
    caption: str,
    target: float | None = None,
) -> Figure:
    """Technologies down, memberships across, each cell the members' share of world supply."""
    values = np.array([[np.nan if v is None else v for v in vals] for _, vals in rows], dtype=float)
    label_in = 0.2 + 0.058 * max((len(label) for label, _ in rows), default=10)
    top_in, bottom_in = 1.2, 0.7
    fig = Figure(figsize=(label_in + 1.25 * len(columns) + 0.3, top_in + bottom_in + 0.3 * len(rows)))
    ax = fig.add_axes(_layout(fig, label_in, 0.3, top_in, bottom_in))
    ax.imshow(np.ma.masked_invalid(values), cmap=_CMAP, vmin=0, vmax=1, aspect="auto")
    ax.set_facecolor("#e2e8f0")
    ax.set_xticks(range(len(columns)), labels=[textwrap.fill(c, 16) for c in columns], fontsize=7)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(rows)), labels=[label for label, _ in rows], fontsize=8)
    for (i, j), value in np.ndenumerate(values):
        text = "n/a" if np.isnan(value) else f"{value:.0%}"
        below = target is not None and not np.isnan(value) and value < target - 1e-9
        ax.text(
            j,
            i,
            text,
            ha="center",
            va="center",
            fontsize=7,
            color="white" if value > 0.75 else "black",
            fontweight="bold" if below else "normal",
        )
    title = "Members' share of world supply, per technology of concern"
    if target is not None:
        title += f" (bold: below {target:.0%})"
    fig.suptitle(title, fontsize=10, x=0.01, y=0.995, ha="left", va="top")
    _caption(fig, caption + " n/a: the source gives no shares.", int(fig.get_size_inches()[0] * 17))
    return fig


def compare_heatmap(view: dict[str, Any]) -> Figure:
    """The heatmap of a ``compare_report`` view (technologies x memberships)."""
    columns = [m["name"] if str(m["size"]) in m["name"] else f"{m['name']} ({m['size']})" for m in view["memberships"]]
    rows = [
        (f"{r['name']} ({', '.join(r['controls']) or 'unmapped'})", [r["shares"][m["id"]] for m in view["memberships"]])
        for r in view["technologies"]
    ]
    return coverage_heatmap(rows, columns, view["caption"], view["target"])


def supplier_bars(shares: InputShares, members: frozenset[str], caption: str, label: str) -> Figure:
    """Each supplier's share of one input, members and non-members in different colours."""
    ranked = sorted(shares.countries.items(), key=lambda kv: kv[1])
    names = [f"{country_name(c)} ({c})" for c, _ in ranked]
    values = [f for _, f in ranked]
    colours = [MEMBER if c in members else OUTSIDE for c, _ in ranked]
    for key, _, fraction in shares.aggregates:
        names.insert(0, key)
        values.insert(0, fraction)
        colours.insert(0, UNATTRIBUTED)
    fig = Figure(figsize=(7.5, 1.9 + 0.3 * len(names)))
    ax = fig.add_axes(_layout(fig, 2.2, 0.4, 0.9, 0.95))
    ax.barh(names, values, color=colours)
    for y, value in enumerate(values):
        ax.text(value + 0.01, y, f"{value:.1%}", va="center", fontsize=7)
    ax.set_xlim(0, 1.1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.tick_params(labelsize=8)
    ax.set_xlabel("share of world supply", fontsize=8)
    year = f", {shares.year}" if shares.year else ""
    title = f"{shares.name}{year}: who supplies it. Blue: {label}; orange: others; grey: unattributed"
    fig.suptitle(textwrap.fill(title, 95), fontsize=9, x=0.01, y=0.99, ha="left", va="top")
    _caption(fig, caption, 130)
    return fig


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """The figure as PNG or SVG bytes; the caption also goes into the file's description metadata."""
    if fmt not in FORMATS:
        raise InputError(f"unknown chart format {fmt!r} (expected {', '.join(FORMATS)})")
    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none"}):  # SVG text stays text: searchable, selectable
        fig.savefig(buffer, format=fmt, dpi=150, metadata={"Description": fig.get_label()})
    return buffer.getvalue()


def save_figure(fig: Figure, path: Path) -> Path:
    """Write the figure; the format comes from the suffix (``.png`` or ``.svg``)."""
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise InputError(f"a chart file must end in .png or .svg, got {path.name!r}", source=str(path))
    path.write_bytes(figure_bytes(fig, fmt))
    return path

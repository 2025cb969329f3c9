"""A measure's series across bulletins as a line chart (PNG or SVG), its Chinese labels drawn
with Noto Sans CJK as shipped by the mplfonts package, so that no system font is needed.

The points are the pivot's cells (pipeline.store.pivot): one fact each, the same figure from
several bulletins shown once, cells in conflict left out and named. Periods of different spans
are different lines: 1-6月 of each year is one line, 1-9月 another, so that a running total is
never drawn falling from September to the next June.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from sqlalchemy import Engine

from pipeline.core.files import replacing
from pipeline.store.display import plain_number
from pipeline.store.pivot import TOTAL, Column, build_pivot, period_heading

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


class ChartError(ValueError):
    """The chart cannot be drawn as asked; one line for the user."""


@dataclass
class Drawn:
    lines: list[str] = field(default_factory=list)
    points: int = 0
    notes: list[str] = field(default_factory=list)


def cjk_font() -> tuple[str, str]:
    """(family name, file) of the CJK font matplotlib draws with, registered with its font
    manager (idempotent): mplfonts' Noto Sans CJK SC."""
    from importlib.resources import files

    from matplotlib import font_manager

    path = str(files("mplfonts") / "fonts" / CJK_FONT_FILE)
    if not Path(path).is_file():
        raise ChartError(f"the CJK font {CJK_FONT_FILE} is missing from mplfonts: reinstall the project")
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name(), path


def draw_series(engine: Engine, measure: str, entities: tuple[str, ...], category: Optional[str],
                unit: Optional[str], out: str) -> Drawn:
    """Draw the measure's series of each entity to out (.png or .svg)."""
    suffix = Path(out).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ChartError(f"{out}: draw the chart to a .png or .svg file")
    full = build_pivot(engine, measure, "entity", entities=entities, unit=unit)
    chosen = category if category is not None else _default_category(full.rows)
    rows = [r for r in full.rows if r[1] == (chosen or TOTAL)]
    if not rows:
        raise ChartError(f"no facts of {measure} for {', '.join(entities)} in the category {chosen!r}; "
                         f"categories: {', '.join(sorted({r[1] for r in full.rows}))}")
    drawn = Drawn()
    for r in full.rows:
        if r not in rows:
            drawn.notes.append(f"{r[0]} / {r[1]} not drawn (another category: --category to choose)")
    series: dict[tuple[str, str], list[tuple[dt.date, float, Column]]] = {}
    for r in rows:
        for c in full.columns:
            if (r, c) not in full.cells:
                continue
            if c.start is None or c.end is None:
                drawn.notes.append(f"{r[0]} {c.heading}: the period's dates are unknown, not drawn")
                continue
            series.setdefault((r[0], _span(c)), []).append((c.end, full.cells[(r, c)].value, c))
    for conflict in full.conflicts:
        if conflict.row in rows:
            drawn.notes.append(f"{conflict.row[0]} {conflict.column.heading}: facts disagree ("
                               + " ≠ ".join(f"{plain_number(x.value)} {x.unit} in {x.document}"
                                            for x in conflict.claims) + "), not drawn")
    if not series:
        raise ChartError(f"nothing to draw of {measure} for {', '.join(entities)}: " + "; ".join(drawn.notes))
    spans = {span for _, span in series}
    title = f"{measure}（{full.unit}）" + (f" · {chosen}" if chosen else "")
    _plot(series, len(spans) > 1, title, full.unit, out, drawn)
    return drawn


def _default_category(rows: list[tuple[str, ...]]) -> str:
    """The total where the entities have one, else their only category."""
    categories = {r[1] for r in rows}
    if TOTAL in categories:
        return ""
    if len(categories) == 1:
        return categories.pop()
    raise ChartError(f"several categories and no total: choose one with --category ({', '.join(sorted(categories))})")


def _span(c: Column) -> str:
    """What a period covers within its year, as its heading shows it without the year (1-6月)."""
    return period_heading(c.start, c.end, None).split("年", 1)[-1] or "全年"


def _plot(series: dict, show_span: bool, title: str, unit: str, out: str, drawn: Drawn) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    family, _ = cjk_font()
    # a Figure of its own, not pyplot: no global state, safe in a thread or a long-lived process
    fig = Figure(figsize=(9, 5), dpi=120, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ticks: dict[dt.date, str] = {}
    for (entity, span), points in sorted(series.items()):
        points.sort()
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        label = f"{entity} · {span}" if show_span else entity
        ax.plot(xs, ys, marker="o", label=label)
        for x, y, c in points:
            ax.annotate(plain_number(round(y, 4)), (x, y), textcoords="offset points", xytext=(0, 7), ha="center",
                        fontsize=8, fontfamily=family)
            ticks[x] = c.heading
        drawn.lines.append(label)
        drawn.points += len(points)
    ax.set_xticks(list(ticks), list(ticks.values()), fontfamily=family, rotation=30 if len(ticks) > 5 else 0)
    ax.set_title(title, fontfamily=family, fontsize=13)
    ax.set_ylabel(unit, fontfamily=family)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: plain_number(round(v, 6))))
    ax.grid(True, alpha=0.3)
    ax.legend(prop={"family": family})
    ax.margins(x=0.08, y=0.15)
    with replacing(out, text=False) as tmp:
        fig.savefig(tmp, format=Path(out).suffix.lower()[1:], metadata={"Title": title})

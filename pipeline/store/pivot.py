"""The table a statistician builds by hand: one measure, entities (with their category) as rows,
periods as columns, every cell in the measure's base unit and sourced from exactly one fact.

A cell is claimed by every fact of its entity, category, measure and period, from however many
bulletins (the same figure in a bulletin's table and its prose, in a monthly and the next
month's revision, in the PDF and the Word copy of one bulletin). Claims that agree to the digits
printed are one figure: the cell shows the most precise, a table cell before a sentence. Claims
that disagree are a conflict: the cell is left empty and the conflict is named, with each claim's
document and quote and the warehouse's findings about it; a cell is never a sum or a guess.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from pipeline.store.display import plain_number
from pipeline.store.series import figures_agree, printed_tolerance
from schemas.models import Document, Entity, FactRow, FindingRow, Metric

# what a row's key is made of, by what it is grouped by first: a row is always one entity and category
ROW_NAMES = {"entity": ("entity", "category"), "category": ("category", "entity"),
             "jurisdiction": ("jurisdiction", "entity", "category")}
GROUPINGS = tuple(ROW_NAMES)
TOTAL = "合计 total"  # how a row of no category (the measure's total) is shown


class PivotError(ValueError):
    """The pivot cannot be built as asked (no such measure); one line for the user."""


@dataclass(frozen=True)
class Column:
    """A period column: its dates where the facts have them, and the heading shown."""

    start: Optional[dt.date]
    end: Optional[dt.date]
    heading: str

    @property
    def order(self) -> tuple:
        return (self.end is None, self.end or dt.date.max, self.start or dt.date.min, self.heading)


@dataclass
class Claim:
    """One fact's claim on a cell, with what a reader needs to find it in its document."""

    fact_id: int
    document: str
    issued_on: Optional[dt.date]
    value: float
    unit: str
    value_base: float
    raw: Optional[str]
    quote: str
    source_kind: str
    page: Optional[int]
    table_index: Optional[int]
    row: Optional[int]
    col: Optional[int]
    confidence: float

    @property
    def tolerance(self) -> float:
        return printed_tolerance(self.raw, self.value, self.value_base)

    @property
    def where(self) -> str:
        at = f"{self.document}"
        if self.page:
            at += f" p{self.page}"
        if self.table_index is not None:
            at += f" table {self.table_index} row {self.row} col {self.col}"
        return at


@dataclass
class Cell:
    value: float  # in the pivot's base unit
    source: Claim
    agreeing: int  # other facts that state the same figure


@dataclass
class Conflict:
    row: tuple[str, ...]
    column: Column
    claims: list[Claim]
    findings: list[str]  # the warehouse's findings about this figure: "check (document): message"


@dataclass
class Pivot:
    measure: str
    unit: str
    by: str
    row_names: tuple[str, ...]  # what each part of a row's key is: ("entity", "category")
    rows: list[tuple[str, ...]]
    columns: list[Column]
    cells: dict[tuple[tuple[str, ...], Column], Cell]
    conflicts: list[Conflict]
    left_out: dict[str, int] = field(default_factory=dict)  # facts not shown, by reason

    @property
    def title(self) -> str:
        return f"{self.measure}（{self.unit}）"


def period_heading(start: Optional[dt.date], end: Optional[dt.date], label: Optional[str]) -> str:
    """A period's column heading, the same however each bulletin wrote it (1-6月, 上半年,
    2020年1-6月 …): 2020年1-6月, 2020年6月, 2020年, 2020年4-6月; the label as written where the
    dates are unknown."""
    if not (start and end):
        return f"{label}（日期不明）" if label else "期间不明"
    month_end = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and month_end and start.year == end.year:
        if start.month == 1 and end.month == 12:
            return f"{end.year}年"
        if start.month == end.month:
            return f"{end.year}年{end.month}月"
        return f"{end.year}年{start.month}-{end.month}月"
    return f"{start.isoformat()}~{end.isoformat()}"


def build_pivot(engine: Engine, measure: str, by: str = "entity", periods: tuple[str, ...] = (),
                categories: Optional[tuple[str, ...]] = None, entities: tuple[str, ...] = (),
                unit: Optional[str] = None) -> Pivot:
    """The pivot of one canonical measure. periods keeps columns whose heading or label contains
    one of them (a year such as "2020" keeps that year's periods); categories keeps those category
    paths ("" the totals); entities keeps those names."""
    if by not in GROUPINGS:
        raise PivotError(f"--by {by}: one of {', '.join(GROUPINGS)}")
    with Session(engine) as s:
        metric_id = s.scalar(select(Metric.id).where(Metric.name == measure))
        if metric_id is None:
            raise PivotError(_no_measure(s, measure))
        q = (select(FactRow, Document.file_name, Document.issued_on, Document.jurisdiction, Entity.name, Entity.parent,
                    Entity.parent_code)
             .join(Document, Document.id == FactRow.document_id)
             .outerjoin(Entity, Entity.id == FactRow.entity_id)
             .where(FactRow.metric_id == metric_id, Document.status == "loaded"))
        rows = s.execute(q).all()
        findings = s.execute(
            select(FindingRow.check, FindingRow.severity, FindingRow.entity, FindingRow.category, FindingRow.period_label,
                   FindingRow.period_start, FindingRow.period_end, FindingRow.message, Document.file_name)
            .join(Document, Document.id == FindingRow.document_id).where(FindingRow.metric == measure)).all()
    left_out: Counter = Counter()
    units = Counter(f.unit_base for f, *_ in rows if f.unit_base)
    if not units:
        raise PivotError(f"no fact of {measure} has a unit: a pivot in base units cannot be made")
    chosen_unit = unit or units.most_common(1)[0][0]
    if chosen_unit not in units:
        raise PivotError(f"no fact of {measure} is in {unit}; its units are: {', '.join(units)}")
    labels = _entity_labels(rows)
    claims: dict[tuple[tuple[str, ...], Column], list[Claim]] = defaultdict(list)
    for f, doc, issued, jurisdiction, name, parent, parent_code in rows:
        category = f.category or ""
        if categories is not None and category not in categories:
            continue
        heading = period_heading(f.period_start, f.period_end, f.period_label)
        if periods and not any(p in heading or p in (f.period_label or "") for p in periods):
            continue  # matched on the period alone: never on the file name an undated column carries
        if f.period_start is None or f.period_end is None:
            heading = f"{heading}（{doc}）"  # 1-6月 of an unknown year is that document's own column
        column = Column(f.period_start, f.period_end, heading)
        shown = labels.get(_identity(f, parent_code))
        if entities and name not in entities and shown not in entities:
            continue
        if f.unit_base is None or f.value_base is None:
            left_out["no unit"] += 1
            continue
        if f.unit_base != chosen_unit:
            left_out[f"in {f.unit_base}"] += 1
            continue
        if not name:
            left_out["no entity"] += 1
            continue
        parts = {"entity": shown, "category": category or TOTAL, "jurisdiction": jurisdiction or "地区不明"}
        key = tuple(parts[n] for n in ROW_NAMES[by])
        claims[(key, column)].append(Claim(f.id, doc, issued, f.value, f.unit or "", f.value_base, f.raw, f.quote,
                                           f.source_kind, f.page, f.table_index, f.row, f.col, f.confidence))
    cells: dict = {}
    conflicts: list[Conflict] = []
    for (key, column), found in claims.items():
        groups = _agreeing(found)
        if len(groups) == 1:
            best = min(groups[0], key=_preference)
            cells[(key, column)] = Cell(best.value_base, best, len(groups[0]) - 1)
        else:
            conflicts.append(Conflict(key, column, [min(g, key=_preference) for g in groups],
                                      _findings_about(findings, key, by, column)))
    if not claims:
        asked = [f"{name} {', '.join(v) or 'totals'}" for name, v in
                 (("entity", entities), ("period", periods), ("category", categories or ())) if v]
        raise PivotError(f"no facts of {measure}"
                         + (f" for {'; '.join(asked)}" if asked else "")
                         + (f" ({', '.join(f'{n} {why}' for why, n in left_out.items())})" if left_out else ""))
    row_keys = sorted({k for k, _ in claims}, key=lambda k: tuple((x == TOTAL, x) for x in k))  # totals last
    columns = sorted({c for _, c in claims}, key=lambda c: c.order)
    position = {k: i for i, k in enumerate(row_keys)}
    conflicts.sort(key=lambda c: (position[c.row], c.column.order))
    return Pivot(measure, chosen_unit, by, ROW_NAMES[by], row_keys, columns, cells, conflicts, dict(left_out))


def _identity(f: FactRow, parent_code: Optional[str]) -> tuple:
    """What makes two facts' entities one row: the entity, and for an entity the gazetteer does
    not place (a town or village read as new, parent unknown) also the jurisdiction its name was
    read in: 城关镇 of 茶陵县 and 城关镇 of 攸县 are two rows, never one cell."""
    return (f.entity_id, "" if parent_code else (f.entity_context or ""))


def _entity_labels(rows) -> dict[tuple, str]:
    """Each row identity's label: the name, and where names repeat, the parent or the
    jurisdiction it was read in (鼓楼区（福州市）), and the entity's id if even that repeats."""
    places: dict[tuple, tuple[str, str]] = {}
    for f, _doc, _issued, _jur, name, parent, parent_code in rows:
        if name:
            places[_identity(f, parent_code)] = (name, parent or f.entity_context or "")
    by_name: dict[str, list[tuple]] = defaultdict(list)
    for identity, (name, _) in places.items():
        by_name[name].append(identity)
    labels = {}
    for name, identities in by_name.items():
        wheres = Counter(places[i][1] for i in identities)
        for identity in identities:
            where = places[identity][1]
            if len(identities) == 1:
                labels[identity] = name
            elif where and wheres[where] == 1:
                labels[identity] = f"{name}（{where}）"
            else:
                labels[identity] = f"{name}（{where or '?'} #{identity[0]}）"
    return labels


def _agreeing(claims: list[Claim]) -> list[list[Claim]]:
    """Claims grouped by the figure they state: every two in a group agree to the digits printed
    (28.1 亿元 and 281050 万元), a unit apart in the last digit never does (58400 and 58401)."""
    groups: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: c.value_base):
        if groups and all(figures_agree(c.value_base, c.tolerance, g.value_base, g.tolerance) for g in groups[-1]):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _preference(c: Claim) -> tuple:
    """The claim a cell shows: the most digits, a table cell before a sentence, the surer, the
    later bulletin, then the first loaded."""
    return (c.tolerance, c.source_kind != "table", -c.confidence, -(c.issued_on or dt.date.min).toordinal(),
            c.fact_id)


def _findings_about(findings, key: tuple[str, ...], by: str, column: Column) -> list[str]:
    names = ROW_NAMES[by]
    entity, category = key[names.index("entity")], key[names.index("category")]
    category = "" if category == TOTAL else category
    out = []
    for check, severity, f_entity, f_category, label, start, end, message, doc in findings:
        same_period = (start, end) == (column.start, column.end) if column.start else label == column.heading
        if (f_entity in (None, entity) or entity.startswith(f"{f_entity}（")) and (f_category or "") == category \
                and same_period:
            out.append(f"{check} [{severity}] ({doc}): {message}")
    return out


def _no_measure(s: Session, measure: str) -> str:
    """The error for a measure with no facts, naming the closest measures that have some."""
    from rapidfuzz import fuzz, process

    names = s.scalars(select(Metric.name).join(FactRow, FactRow.metric_id == Metric.id).group_by(Metric.name)
                      .order_by(func.count().desc())).all()
    close = [n for n, score, _ in process.extract(measure, names, scorer=fuzz.WRatio, limit=5) if score >= 50]
    if not names:
        return f"no facts of the measure {measure!r}: no measure has facts in this warehouse yet"
    hint = f"; did you mean {', '.join(close)}?" if close else f"; measures with facts: {', '.join(names[:12])}"
    return f"no facts of the measure {measure!r}{hint}"


def write_pivot(p: Pivot, out: str) -> None:
    """The pivot to a file by its suffix: .xlsx (the pivot, each cell's source fact, and the
    conflicts, on three sheets) or .csv (the pivot alone, in UTF-8 with a BOM for Excel). Written
    beside the target and renamed into place."""
    from pipeline.core.files import replacing

    suffix = out.rsplit(".", 1)[-1].lower() if "." in out else ""
    if suffix not in ("xlsx", "csv"):
        raise PivotError(f"{out}: write the pivot to a .xlsx or .csv file")
    with replacing(out, text=False) as tmp:
        if suffix == "csv":
            _write_csv(p, tmp)
        else:
            _write_xlsx(p, tmp)


def _write_csv(p: Pivot, out) -> None:
    """The pivot alone: figures as written, ≠ where facts disagree, text a spreadsheet would run
    as a formula defused."""
    import csv

    from pipeline.store.exports import defuse_formula

    conflicted = {(c.row, c.column) for c in p.conflicts}
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(list(p.row_names) + [f"{c.heading}（{p.unit}）" for c in p.columns])
        for r in p.rows:
            w.writerow([defuse_formula(x) for x in r] + [
                plain_number(p.cells[(r, c)].value) if (r, c) in p.cells else ("≠" if (r, c) in conflicted else "")
                for c in p.columns])


def _write_xlsx(p: Pivot, out) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from pipeline.store.display import width

    bold, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    conflict_fill = PatternFill("solid", fgColor="F8CBAD")
    wb = Workbook()
    ws = wb.active
    ws.title = "透视 pivot"
    ws.append([f"{p.title} · {p.measure}, base unit {p.unit}"])
    ws["A1"].font = Font(bold=True, size=13)
    labels = {"entity": "主体 entity", "category": "分类 category", "jurisdiction": "发文地区 jurisdiction"}
    header = [labels[n] for n in p.row_names] + [f"{c.heading}\n（{p.unit}）" for c in p.columns]
    ws.append(header)
    for cell in ws[2]:
        cell.font, cell.fill = bold, head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
    ws.row_dimensions[2].height = 32
    conflicted = {(c.row, c.column): c for c in p.conflicts}
    n_keys = len(p.row_names)
    for i, r in enumerate(p.rows, 3):
        _append(ws, list(r) + [p.cells[(r, c)].value if (r, c) in p.cells else None for c in p.columns])
        for j, c in enumerate(p.columns):
            cell = ws.cell(row=i, column=n_keys + j + 1)
            if isinstance(cell.value, float):  # no trailing point on a whole number
                cell.number_format = "#,##0" if cell.value.is_integer() else "#,##0.0#####"
            if (r, c) in p.cells:
                src = p.cells[(r, c)].source
                cell.comment = Comment(f"{src.where}\n{src.quote[:200]}", "bulletins")
            elif (r, c) in conflicted:
                cell.fill = conflict_fill
                cell.comment = Comment("冲突 conflict: " + " ≠ ".join(
                    f"{plain_number(x.value)} {x.unit} ({x.document})" for x in conflicted[(r, c)].claims), "bulletins")
    for j in range(n_keys):
        w = max([width(str(r[j])) for r in p.rows] + [width(header[j])]) + 2
        ws.column_dimensions[get_column_letter(j + 1)].width = min(w, 40)
    for j in range(len(p.columns)):
        ws.column_dimensions[get_column_letter(n_keys + j + 1)].width = 16
    ws.freeze_panes = ws.cell(row=3, column=n_keys + 1)
    ws.auto_filter.ref = f"A2:{get_column_letter(len(header))}{len(p.rows) + 2}"

    src = wb.create_sheet("来源 sources")
    src.append([labels[n] for n in p.row_names] + ["期间 period", f"数值 value（{p.unit}）", "原文数值 as written",
                                                   "同值事实数 agreeing facts", "事实编号 fact id", "文件 document",
                                                   "页 page", "表 table", "行 row", "列 col", "原文 quote"])
    position = {r: i for i, r in enumerate(p.rows)}
    for (r, c), cell in sorted(p.cells.items(), key=lambda kv: (position[kv[0][0]], kv[0][1].order)):
        x = cell.source
        _append(src, list(r) + [c.heading, cell.value, f"{plain_number(x.value)} {x.unit}", cell.agreeing, x.fact_id, x.document,
                              x.page, x.table_index, x.row, x.col, x.quote])
    con = wb.create_sheet("冲突 conflicts")
    con.append([labels[n] for n in p.row_names] + ["期间 period", f"数值 value（{p.unit}）", "原文数值 as written",
                                                   "事实编号 fact id", "文件 document", "原文 quote", "发现 findings"])
    for c in p.conflicts:
        for x in c.claims:
            _append(con, list(c.row) + [c.column.heading, x.value_base, f"{plain_number(x.value)} {x.unit}", x.fact_id, x.document,
                                      x.quote, "\n".join(c.findings) or "-"])
    for sheet in (src, con):
        for cell in sheet[1]:
            cell.font, cell.fill = bold, head_fill
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(sheet.max_column)}{sheet._current_row}"
        for j in range(1, sheet.max_column + 1):
            sheet.column_dimensions[get_column_letter(j)].width = 60 if sheet.cell(1, j).value.startswith("原文 ") else 16
    wb.save(out)


def _append(sheet, values: list) -> None:
    """A row whose text is stored as text: a name or quote starting with = + - @ never becomes a
    formula that runs when the workbook opens (as in the facts export)."""
    from pipeline.store.exports import FORMULA_STARTS

    sheet.append(values)
    for j, v in enumerate(values, 1):
        if isinstance(v, str) and v.startswith(FORMULA_STARTS):
            cell = sheet.cell(row=sheet._current_row, column=j)  # the row just appended (max_row scans every cell)
            cell.value, cell.data_type = v, "s"

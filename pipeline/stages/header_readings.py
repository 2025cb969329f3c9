"""A flattened two-row header read by the evidence its own table and document give.

A header of merged cells copied out of Word or a web page loses its empty cells: the labels of the
second row slide left, and a label repeated under every group (其中产业) may be written once. The
header is then open to several readings. Each is scored by what it claims and the figures say:

- a 小计 / 合计 column (or a group's own total) equals the sum of the parts beside it, row by row;
- a 其中… column is no larger than its group's total;
- the total row's figures are the ones the document's own sentences state for the same measure
  and category.

Two more kinds of evidence weigh the group a column belongs to: a heading of the text that names
a group ("（三）四大配套行动考核情况") and the column labels its lines open with, and a group label
that counts its columns (四大: four). The reading as written (extractors/headers.py) is kept
unless another is better by more than one, with more positive support (_decisive); a header that
another reading fits better without such support is kept as written and flagged for review.
Pure: no database, no kit beyond a function that names a path's measure.
"""
from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from extractors.headers import SEP, build_header_paths, clean_label
from extractors.tables import Table
from pipeline.core.cells import is_empty_marker, parse_cell
from pipeline.core.numbers import parse_chinese_numeral
from pipeline.core.units import kind_of
from pipeline.core.vocabulary import GRAND_TOTAL_ROW, TOTAL_PART
from pipeline.stages.table_facts import metric_from_path
from schemas.records import Fact, Finding

PART_LABEL = re.compile(r"^其中")
DUPLICATE = re.compile(r" \(\d+\)$")  # the ordinal the header rules give a repeated label
RATE_CELL = re.compile(r"%|％")  # a rate is no part of a sum
RATE_HEADER = re.compile(r"率|比重|占|%|％|百分|排名|得分")
MAX_READINGS = 5000  # widths tried per header; beyond, the header is left as written
MAX_SLIDE = 2  # columns a top label may have slid left in a flattening
MARGIN = 1  # a new reading must beat the written one by more than one stated figure


@dataclass
class Reading:
    """One way to read a header: a path per column and how it was arrived at."""

    paths: list[str]
    how: str  # "as written" or "groups of 2, 5, 2 columns"
    inferred: set = field(default_factory=set)  # columns whose label was borrowed from another group
    cost: int = 0  # cells the reading supposes lost: of readings equally borne out, the fewest wins
    flags: Optional[list] = None  # per column, when the reading was built by the header rules


@dataclass
class Evidence:
    sums_held: int = 0
    sums_broken: int = 0
    parts_held: int = 0
    parts_broken: int = 0
    part_columns: int = 0  # 其中 columns within their total on every row (two rows at least)
    prose_agree: int = 0
    sections_agree: int = 0  # column labels the text names in the section of their group
    sections_disagree: int = 0  # … in the section of another group
    counts_agree: int = 0  # groups whose label counts their columns' labels (四大配套行动: four)
    counts_disagree: int = 0
    orphans: int = 0  # 其中… columns under no group: a part of no whole

    @property
    def strong(self) -> int:
        return (2 * (self.sums_held - self.sums_broken) + self.prose_agree + self.part_columns - 2 * self.parts_broken
                + self.sections_agree - self.sections_disagree + self.counts_agree - self.counts_disagree
                - self.orphans)

    @property
    def support(self) -> int:
        """What bears the reading out positively: sums that hold, figures the text states, column
        labels its sections name (a reading that merely breaks less is not thereby right)."""
        return self.sums_held + self.prose_agree + self.sections_agree + self.part_columns

    def describe(self) -> str:
        said = [f"{self.sums_held} row sums hold, {self.sums_broken} broken",
                f"{self.parts_held} parts within their total, {self.parts_broken} above it",
                f"{self.prose_agree} total-row figures stated in the text"]
        if self.sections_agree or self.sections_disagree:
            said.append(f"{self.sections_agree} column labels named in their group's section of the text, "
                        f"{self.sections_disagree} in another's")
        if self.counts_agree or self.counts_disagree:
            said.append(f"{self.counts_agree} groups as many columns as their label counts, {self.counts_disagree} not")
        if self.orphans:
            said.append(f"{self.orphans} 其中 columns under no group or repeated")
        return "; ".join(said)


# measure_of(path without periods, unit) → (measure, category): the catalog's reading of a header path
MeasureOf = Callable[[str, Optional[str]], tuple[str, str]]


def candidate_readings(table: Table) -> list[Reading]:
    """The readings of a two-row header besides the one as written; [] when it admits no other.
    The top row's labels are groups in their written order; the second row's labels stay with the
    group they were written under, and only the groups' widths vary: a group may hold, beyond its
    written labels, its own total first and the part label the other groups end with."""
    if len(table.header_rows) != 2 or not table.rows:
        return []
    n, lead = table.n_cols, table.label_cols
    top_row, sub_row = ([clean_label(r[c]) if c < len(r) else "" for c in range(n)] for r in table.header_rows)
    tops = [c for c in range(lead, n) if top_row[c]]
    if len(tops) < 2 or any(sub_row[c] for c in range(lead, tops[0])):
        return []
    groups = []
    for i, start in enumerate(tops):
        end = tops[i + 1] if i + 1 < len(tops) else n
        groups.append((top_row[start], _joined_parts([sub_row[c] for c in range(start, end) if sub_row[c]])))
    tails = {subs[-1] for _, subs in groups if subs and PART_LABEL.match(subs[-1])}
    borrowed = tails.pop() if len(tails) == 1 else None
    width = n - lead
    ranges = [range(max(1, len(subs)), len(subs) + 3) for _, subs in groups]
    if math.prod(len(r) for r in ranges) > MAX_READINGS:
        return []
    readings = []
    for widths in itertools.product(*ranges):
        if sum(widths) != width:
            continue
        reading = _fill(groups, widths, borrowed, lead)
        if reading and reading.paths[lead:] != table.header_paths[lead:n]:
            reading.paths[:lead] = table.header_paths[:lead]
            readings.append(reading)
    return readings


def slid_readings(table: Table) -> list[Reading]:
    """Readings of a two-row header whose second row stands as written and whose top labels slid
    left: a flattening that loses an empty cell of a merged top cell moves every top label after
    it one column left. Each top label may stand up to MAX_SLIDE columns further right, never
    less than the label before it (a lost cell moves all that follow); paths are then rebuilt by
    the header rules. cost: the cells the reading supposes lost."""
    if len(table.header_rows) != 2 or not table.rows:
        return []
    n, lead = table.n_cols, table.label_cols
    top_row, sub_row = ([r[c] if c < len(r) else "" for c in range(n)] for r in table.header_rows)
    tops = [c for c in range(lead, n) if clean_label(top_row[c])]
    if len(tops) < 2 or len(tops) > 8:
        return []
    readings, seen = [], {tuple(table.header_paths)}
    for shifts in itertools.product(range(MAX_SLIDE + 1), repeat=len(tops)):
        if any(b < a for a, b in zip(shifts, shifts[1:])):
            continue
        moved = [c + d for c, d in zip(tops, shifts)]
        if moved[-1] >= n or any(b <= a for a, b in zip(moved, moved[1:])):
            continue
        grid = [[""] * n, list(sub_row)]
        for c, m in zip(tops, moved):
            grid[0][m] = top_row[c]
        for c in range(lead):
            grid[0][c] = top_row[c]
        how = "top labels moved right by " + ", ".join(map(str, shifts))
        # the header rules (a top label with nothing under its first column spans down only), and
        # every top label over all columns to the next, its first unlabelled column its own total
        variants = [(build_header_paths(grid, n, lead), False)] if any(shifts) else []
        spanning = _spans_to_next(grid, moved, lead, n)
        variants += [(spanning, True)] if spanning else []
        for (paths, flags), spanning in variants:
            paths[:lead] = table.header_paths[:lead]
            if tuple(paths) in seen:
                continue
            seen.add(tuple(paths))
            readings.append(Reading(paths, how + (", each over the columns to the next" if spanning else ""),
                                    cost=shifts[-1], flags=flags))
    return readings


def _spans_to_next(grid: list[list[str]], tops: list[int], lead: int, n: int) -> Optional[tuple[list[str], list[list[str]]]]:
    """Paths when every top label stands over all columns up to the next: a second-row label
    spans the empty cells after it (numbered), and the empty cells before the first are the
    group's own total."""
    paths, flags = [""] * n, [[] for _ in range(n)]
    for i, start in enumerate(tops):
        end = tops[i + 1] if i + 1 < len(tops) else n
        top, label, seen = clean_label(grid[0][start]), None, {}
        for c in range(start, end):
            written = clean_label(grid[1][c])
            if not written and label is not None and PART_LABEL.match(label):
                return None  # "其中…" names one column: it spans nothing
            label = written or label
            path = top if label is None else top + SEP + label
            seen[path] = seen.get(path, 0) + 1
            if seen[path] > 1:
                flags[c].append("header_duplicate")
                path = f"{path} ({seen[path]})"
            paths[c] = path
    return paths, flags


def _joined_parts(labels: list[str]) -> list[str]:
    """"其中" written in a cell of its own before the part it introduces ("其中 | 产业") is one label."""
    out: list[str] = []
    for label in labels:
        if out and out[-1] == "其中" and not PART_LABEL.match(label):
            out[-1] = "其中" + label
        else:
            out.append(label)
    return out


def _fill(groups, widths, borrowed: Optional[str], lead: int) -> Optional[Reading]:
    paths: list[str] = [""] * lead
    inferred: set = set()
    for (label, subs), w in zip(groups, widths):
        cols: list[Optional[str]] = list(subs)
        extra = w - len(subs)
        if extra and not (subs and TOTAL_PART.match(subs[0])):
            cols.insert(0, None)  # the group's own total, unlabeled under its merged cell
            extra -= 1
        if extra and borrowed and not any(PART_LABEL.match(s) for s in subs):
            cols.append(borrowed)
            inferred.add(len(paths) + len(cols) - 1)
            extra -= 1
        if extra:
            return None
        paths.extend(label if c is None else label + SEP + c for c in cols)
    if len(set(paths[lead:])) < len(paths) - lead:
        return None
    added = sum(w - len(subs) for (_, subs), w in zip(groups, widths))
    return Reading(paths, "groups of " + ", ".join(map(str, widths)) + " columns", inferred, cost=added)


# a group label that counts its members: 五大攻坚, 四大配套行动, 三项改革, 十二大工程 (not 一大批)
COUNTED_GROUP = re.compile(r"(?<![一两二三四五六七八九十百])([一两二三四五六七八九十]{1,3})(?:大|项|类)(?!批)")
HEADING_STYLES = (("paren", re.compile(r"^\s*[(（][一二三四五六七八九十]+[)）]")),
                  ("dun", re.compile(r"^\s*[一二三四五六七八九十]+[、.．]")),
                  ("number", re.compile(r"^\s*\d{1,2}[、.．](?!\d)")))
END_OF_TEXT = re.compile(r"^\s*(附件|附表)")


def text_sections(lines: list[str], labels: list[str]) -> dict[str, str]:
    """The text under each heading that names a top label of a table ("（三）四大配套行动考核情况"),
    up to the next heading of the same style: where a bulletin discusses that group's columns."""
    out: dict[str, list[str]] = {}
    wanted = [(label, re.sub(r"\s+", "", label)) for label in labels if len(re.sub(r"\s+", "", label)) >= 3]
    for i, line in enumerate(lines):
        style = next((name for name, pattern in HEADING_STYLES if pattern.match(line)), None)
        squeezed = re.sub(r"\s+", "", line)
        if style is None or len(squeezed) > 40:
            continue
        for label, bare in wanted:
            if bare not in squeezed:
                continue
            body = []
            for later in lines[i + 1:]:
                if END_OF_TEXT.match(later) or any(p.match(later) for name, p in HEADING_STYLES if name == style):
                    break
                body.append(re.sub(r"\s+", "", later))
            out.setdefault(label, []).extend(body)
    return {label: "\n".join(body) for label, body in out.items()}


def _opens_a_sentence(label: str, text: str) -> bool:
    """The text speaks of the label: a line or sentence opens with it ("征地拆迁工作考核得分…"), not a
    passing mention ("受征地拆迁影响")."""
    return re.search(r"(^|[\n。；;！])" + re.escape(label), text) is not None


def _bare_label(label: str) -> str:
    """A column label as a sentence would name it: no score or unit in brackets, no ordinal."""
    return re.sub(r"\s*[(（][^)）]*[)）]|\s+", "", label)


def _weigh_structure(reading: Reading, lead: int, sections: dict[str, str], ev: Evidence) -> None:
    members: dict[str, list[str]] = {}
    for path in reading.paths[lead:]:
        parts = path.split(SEP)
        # a part of no whole, or a "其中…" repeated over empty cells (it names one column)
        ev.orphans += bool(PART_LABEL.match(parts[0])) or bool(PART_LABEL.match(parts[-1]) and DUPLICATE.search(parts[-1]))
        members.setdefault(parts[0], [])
        if len(parts) > 1 and _bare_label(parts[1]) not in members[parts[0]]:
            members[parts[0]].append(_bare_label(parts[1]))
    for group, labels in members.items():
        counted = COUNTED_GROUP.search(group)
        counted_members = [x for x in labels if not TOTAL_PART.match(x)]
        if counted and counted_members and parse_chinese_numeral(counted.group(1)):
            if parse_chinese_numeral(counted.group(1)) == len(counted_members):
                ev.counts_agree += 1
            else:
                ev.counts_disagree += 1
        if not sections:
            continue
        for label in labels:
            if len(label) < 2:
                continue
            here = _opens_a_sentence(label, sections.get(group, ""))
            elsewhere = any(_opens_a_sentence(label, text) for other, text in sections.items() if other != group)
            if here:
                ev.sections_agree += 1
            elif elsewhere:
                ev.sections_disagree += 1


def table_values(table: Table) -> list[list[Optional[tuple[float, int]]]]:
    """(value, decimals written) of every body cell, None where it holds no figure."""
    return [[_value(row[c]) if c < len(row) else None for c in range(table.n_cols)] for row in table.rows]


def weigh(reading: Reading, table: Table, prose: list[Fact], measure_of: MeasureOf,
          sections: Optional[dict] = None, values: Optional[list] = None) -> Evidence:
    """What the table's figures, the document's sentences and its sections say of a reading.
    values: table_values(table), when many readings of one table are weighed."""
    ev = Evidence()
    _weigh_structure(reading, table.label_cols, sections or {}, ev)
    values = values if values is not None else table_values(table)
    for total, parts, sub_parts in _groups(reading.paths, table.label_cols):
        parts = [p for p in parts if not RATE_HEADER.search(reading.paths[p]) and not any(
            row[p] is not None and RATE_CELL.search(table.rows[i][p]) for i, row in enumerate(values))]
        held = broken = 0
        for row in values:
            t = row[total]
            if t is None:
                continue
            if len(parts) >= 2 and all(row[p] is not None for p in parts):
                tolerance = 0.5 * sum(10 ** -d for _, d in [t] + [row[p] for p in parts])
                if abs(t[0] - sum(row[p][0] for p in parts)) <= tolerance + 1e-9:
                    held += 1
                else:
                    broken += 1
            for q in sub_parts:
                if row[q] is not None:
                    if row[q][0] <= t[0] + 1e-9:
                        ev.parts_held += 1
                    else:
                        ev.parts_broken += 1
        if held > broken:  # parts that mostly do not sum to their 小计 are no partition of it (已开工 of 签约)
            ev.sums_held, ev.sums_broken = ev.sums_held + held, ev.sums_broken + broken
        for q in sub_parts:
            pairs = [(row[q][0], row[total][0]) for row in values if row[q] is not None and row[total] is not None]
            if q not in reading.inferred and not DUPLICATE.search(reading.paths[q]):
                # a label the reading invented or repeated proves nothing by fitting
                ev.part_columns += len(pairs) >= 2 and all(part <= whole + 1e-9 for part, whole in pairs)
    _weigh_prose(reading, table, values, prose, measure_of, ev)
    return ev


def _value(text: str) -> Optional[tuple[float, int]]:
    """(value, decimals written) of a figure cell, else None."""
    if is_empty_marker(text or ""):
        return None
    parsed = parse_cell(text)
    if parsed is None:
        return None
    digits = re.search(r"\.(\d+)", text)
    return parsed[0], len(digits.group(1)) if digits else 0


def _groups(paths: list[str], lead: int):
    """(total column, part columns, 其中 columns) of each run of columns under one top label."""
    runs: list[tuple[str, list[int]]] = []
    for c in range(lead, len(paths)):
        top = paths[c].split(SEP)[0] if paths[c] else ""
        if runs and runs[-1][0] == top:
            runs[-1][1].append(c)
        else:
            runs.append((top, [c]))
    for _, cols in runs:
        rest = {c: paths[c].split(SEP)[1:] for c in cols}
        totals = [c for c in cols if not rest[c] or (len(rest[c]) == 1 and TOTAL_PART.match(rest[c][0]))]
        if len(totals) != 1:
            continue
        parts = [c for c in cols if c not in totals and len(rest[c]) == 1 and not PART_LABEL.match(rest[c][0])]
        sub_parts = [c for c in cols if c not in totals and rest[c] and PART_LABEL.match(rest[c][-1])]
        yield totals[0], parts, sub_parts


def _weigh_prose(reading, table, values, prose, measure_of, ev) -> None:
    totals = [i for i, row in enumerate(table.rows) if row and GRAND_TOTAL_ROW.match(row[table.index_cols] or "")]
    if not totals or not prose:
        return
    row = values[totals[0]]
    for c in range(table.label_cols, len(reading.paths)):
        cell = row[c] if c < len(row) else None
        if cell is None:
            continue
        for f in prose:
            if f.value != cell[0] or not f.metric or kind_of(f.unit) not in ("count", "money", "area", None):
                continue
            measure, category = measure_of(metric_from_path(reading.paths[c]), f.unit)
            if measure == f.metric and _same_category(category, f.category, reading.paths[c].split(SEP)[0]):
                ev.prose_agree += 1
                break


def _same_category(table_category: str, prose_category: str, top: str = "") -> bool:
    """A table path's category ("实际开工 / 计划外开工", "其中产业") and a sentence's ("计划外开工",
    "产业项目") name the same part when, without the words only a header uses, they are equal, or
    the path's is the sentence's under the column's own top label."""
    t, p = _bare(table_category), _bare(prose_category)
    return t == p or (bool(p) and t == _bare(top) + p)


def _bare(category: str) -> str:
    return re.sub(r"其中|小计|合计|项目|\s|/|\(\d+\)", "", category or "")


def _decisive(best: Evidence, written: Evidence) -> bool:
    """Evidence enough to replace the written reading: more positive support than it has, and,
    where only the text's sections speak (no sum, no stated figure), a group label that counts its
    columns and contradicts the written reading, with no section against the new one."""
    if best.support <= written.support:
        return False
    if best.sums_held > written.sums_held or best.prose_agree > written.prose_agree:
        return True
    if written.orphans > best.orphans and best.part_columns > written.part_columns:
        return True  # parts the written reading left under no whole, each within the whole it is given
    return written.counts_disagree > best.counts_disagree and best.sections_disagree == 0


def read_header_by_evidence(table: Table, prose: list[Fact], measure_of: MeasureOf,
                            lines: Optional[list[str]] = None) -> Optional[Finding]:
    """Keep the written reading of the table's header or replace it by a better-supported one; the
    finding (or None when there was nothing to decide) records the evidence either way. lines: the
    document's text, whose sections may say which columns belong to which group."""
    others = candidate_readings(table) + slid_readings(table)
    if not others:
        return None  # one reading only: nothing to decide
    written = Reading(list(table.header_paths), "as written")
    tops = [clean_label(c) for c in table.header_rows[0][table.label_cols:]]
    sections = text_sections(lines or [], [t for t in tops if t])
    values = table_values(table)
    scored = sorted(((weigh(r, table, prose, measure_of, sections, values), r) for r in [written] + others),
                    key=lambda pair: (-pair[0].strong, pair[1].cost))
    best_ev, best = scored[0]
    written_ev = next(ev for ev, r in scored if r is written)
    where = f"table {table.index}" + (f" ({table.attachment or table.caption})" if table.attachment or table.caption else "")
    # equally borne out and supposing as few lost cells: no reading is preferred
    tied = any(ev.strong == best_ev.strong and r.cost == best.cost for ev, r in scored[1:])
    if best is not written and best_ev.strong > written_ev.strong + MARGIN and not tied and _decisive(best_ev, written_ev):
        for c in range(table.label_cols, len(best.paths)):
            if best.flags is not None:
                flags = list(best.flags[c])
            else:
                flags = [f for f in table.header_flags[c] if f not in ("header_duplicate", "header_realigned")] \
                    if c < len(table.header_flags) else []
            flags.append("header_by_evidence")
            if c in best.inferred:
                flags.append("header_inferred")
            table.header_flags[c] = flags
        table.header_paths = best.paths
        # the paths as written are kept in the finding: what the evidence replaced
        return Finding("header_reading", "info",
                       f"{where}: header read as {best.how}: {best_ev.describe()}; as written: {written_ev.describe()}",
                       table.index, quotes=written.paths[table.label_cols:])
    if best is not written and best_ev.strong > written_ev.strong:
        # another reading is better borne out than the written one, but not by enough to be taken
        for c in range(table.label_cols, len(table.header_paths)):
            table.header_flags[c] = list(table.header_flags[c]) + ["header_unverified"]
        return Finding("header_reading", "warning",
                       f"{where}: the header admits {len(others) + 1} readings; {best.how} fits its figures better "
                       f"({best_ev.describe()}) than as written ({written_ev.describe()}), but neither its sums nor "
                       f"the text decide; kept as written, its measures await review",
                       table.index)
    return None

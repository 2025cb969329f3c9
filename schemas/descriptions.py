"""What the warehouse's tables and columns mean, in Chinese and English: one source for the
readable exports' headers, the browser's metadata and the column notes a spreadsheet carries.

Each column has a short Chinese label (a spreadsheet header), and a description that says its
unit where it has one. The names themselves are the export contract's and never change here.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    zh: str  # a header a Chinese reader knows
    en: str  # the same in English (the contract's name is the key)
    about: str  # what it holds, its unit, in both languages


# the facts as exported and as facts_view shows them
FACT_COLUMNS: dict[str, Column] = {
    "document": Column("文件", "document", "来源文件名 · the bulletin's file name"),
    "title": Column("标题", "title", "简报标题 · the bulletin's title"),
    "issuer": Column("发文单位", "issuer", "发文单位 · who issued the bulletin"),
    "issued_on": Column("印发日期", "issued on", "印发日期 · the date the bulletin was issued"),
    "period_label": Column("期间", "period", "数据所属期间，如 1-6月 · the period a figure covers, as written"),
    "period_start": Column("期间起", "period start", "期间起始日 · first day of the period"),
    "period_end": Column("期间止", "period end", "期间截止日 · last day of the period"),
    "entity": Column("主体", "entity", "规范名称（地区、园区、部门、项目）· the canonical place, zone, "
                                       "department or project the figure is about"),
    "entity_raw": Column("原文主体", "entity as written", "原文中的名称 · the name as the bulletin writes it"),
    "entity_kind": Column("主体类型", "entity kind", "地区、县、园区、项目等 · district, county, zone, project …"),
    "metric": Column("指标", "measure", "规范指标名，如 完成投资 · the canonical measure"),
    "category": Column("分类", "category", "指标所属分类路径，如 省重点项目 / 产业项目；空为总量 · the category "
                                         "path of the figure; empty for a total"),
    "metric_raw": Column("原文指标", "measure as written", "表头路径或原句中的说法 · the header path or the phrase"),
    "value": Column("数值", "value", "原文数值 · the figure as written, in its own unit"),
    "unit": Column("单位", "unit", "原文单位，如 万元、亿元、% · the unit as written; empty when the bulletin "
                                  "does not say"),
    "value_base": Column("基准值", "base value", "换算到基准单位的数值 · the figure in its base unit"),
    "unit_base": Column("基准单位", "base unit", "万元（金额）、平方米（面积）、个（数量）、% · 万元 for money, "
                                               "平方米 for area, 个 for counts, % for ratios"),
    "source_kind": Column("来源类型", "source kind", "table 表格 / text 正文 · a table cell or a sentence"),
    "page": Column("页码", "page", "所在页（PDF、扫描件）或工作表序号 · page of a PDF, sheet of a workbook"),
    "table_index": Column("表序号", "table", "文件中的第几张表（从0起）· the table's index in its document"),
    "row": Column("行", "row", "表中行号 · row in its table"),
    "col": Column("列", "column", "表中列号 · column in its table"),
    "line": Column("行号", "line", "正文行号 · line of the text"),
    "quote": Column("原文", "quote", "单元格或句子原文 · the cell or sentence exactly as written"),
    "extractor": Column("抽取方式", "extractor", "pdfplumber、camelot、ocr、text … · what read it"),
    "confidence": Column("置信度", "confidence", "0–1，越低越需复核 · 0 to 1; lower needs a look"),
    "flags": Column("标记", "flags", "需复核的原因 · why a person should look at it"),
    "entity_method": Column("名称匹配方式", "entity method", "名称如何对应到主体 · how the name was matched"),
    "entity_score": Column("名称匹配分", "entity score", "名称匹配得分 · the name match's score"),
    "entity_code": Column("区划代码", "division code", "GB/T 2260 行政区划代码 · the official division code"),
    "entity_parent": Column("上级", "parent", "主体的上级地区 · the place it belongs to"),
    "jurisdiction": Column("发文地区", "jurisdiction", "简报所属地区；空为无法判断 · the area the bulletin "
                                                     "speaks for; empty when it cannot be told"),
    "jurisdiction_code": Column("发文地区代码", "jurisdiction code", "发文地区区划代码 · its division code"),
    "jurisdiction_confidence": Column("地区判断置信度", "jurisdiction confidence", "0–1"),
    "genre": Column("文种", "genre", "bulletin 简报 / communique 公报 / report / monthly 月报"),
    "bbox": Column("位置框", "box", "扫描件中的位置 x0,top,x1,bottom（磅）· where on the scanned page, in points"),
    "load_id": Column("导入批次", "load id", "导入运行编号 · the ingest run that loaded it"),
    "fact_id": Column("事实编号", "fact id", "事实编号 · the fact's id in the warehouse"),
    "document_path": Column("文件路径", "document path", "导入时的路径 · where the file was loaded from"),
    "sha256": Column("文件指纹", "sha256", "文件内容的 SHA-256 · the file's content hash"),
}

# how a reader scans a fact: where from, when, who, what, how much; provenance next; hashes last
READING_ORDER = ["document", "period_label", "entity", "metric", "category", "value", "unit", "value_base",
                 "unit_base", "period_start", "period_end", "entity_raw", "metric_raw", "quote", "source_kind",
                 "page", "table_index", "row", "col", "line", "bbox", "extractor", "confidence", "flags", "title",
                 "issuer", "issued_on", "jurisdiction", "jurisdiction_code", "genre", "entity_kind", "entity_code",
                 "entity_parent", "entity_method", "entity_score", "fact_id", "load_id", "document_path", "sha256"]

FINDING_COLUMNS: dict[str, Column] = {
    "document": FACT_COLUMNS["document"],
    "other_document": Column("另一文件", "other document", "跨文件发现所涉另一文件 · the other bulletin of a "
                                                         "finding across documents"),
    "check": Column("检查", "check", "检查项，如 rate、row_total、revised · which check found it"),
    "severity": Column("严重程度", "severity", "error 错误 / warning 警告 / info 提示"),
    "table": FACT_COLUMNS["table_index"],
    "row": FACT_COLUMNS["row"],
    "col": FACT_COLUMNS["col"],
    "entity": FACT_COLUMNS["entity"],
    "metric": FACT_COLUMNS["metric"],
    "category": FACT_COLUMNS["category"],
    "period_label": FACT_COLUMNS["period_label"],
    "period_start": FACT_COLUMNS["period_start"],
    "period_end": FACT_COLUMNS["period_end"],
    "figures": Column("相互矛盾的数值", "figures", "不一致的数值 · the figures at odds"),
    "quotes": Column("原文", "quotes", "各数值的原文 · where each is stated"),
    "message": Column("说明", "message", "发现了什么 · what was found"),
}

TABLES: dict[str, tuple[str, str]] = {
    "facts_view": ("事实（含文件与出处）", "Facts: every figure with its document, entity, measure, period, unit "
                                         "and the quote it was read from"),
    "facts": ("事实表", "Facts as stored (ids; facts_view joins the names)"),
    "documents": ("文件", "Bulletins loaded: title, issuer, date, period, jurisdiction and its evidence"),
    "findings": ("检查发现", "What the checks found: rates that do not follow, totals that do not add up, "
                            "revisions across bulletins"),
    "failures": ("失败记录", "Files that could not be loaded, and why"),
    "entities": ("主体", "Places, zones, departments and projects, with their official codes"),
    "entity_aliases": ("名称对照", "Names as written and the entity each was matched to; those left for review"),
    "name_decisions": ("名称决定", "An archivist's decisions on names, each one undoable"),
    "metrics": ("指标", "Canonical measures"),
    "extracted_tables": ("抽取的表格", "Every table read: its page, caption, unit line, method and quality"),
    "notes": ("注释", "Notes under tables (注：…)"),
    "ingest_runs": ("导入批次", "Ingest runs: when, how many files, facts and failures"),
    "replacements": ("替换记录", "Documents replaced by a newer file"),
    "inbox_files": ("收件箱文件", "Files the scheduled inbox run has seen"),
}


def bilingual_header(name: str, columns: dict[str, Column] = FACT_COLUMNS) -> str:
    """'数值 value': the Chinese label and the contract's name, for a spreadsheet header."""
    col = columns.get(name)
    return f"{col.zh}\n{name}" if col else name


def reading_order(names: list[str]) -> list[str]:
    """names in the order a reader scans a fact (document, period, entity, measure, value, unit
    first, hashes last); names the order does not know keep their place after the known ones."""
    known = [c for c in READING_ORDER if c in names]
    return known + [c for c in names if c not in READING_ORDER]

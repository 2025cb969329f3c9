"""Normalize decoded text into clean lines: NFKC, CJK spacing, broken-line joins, boilerplate.

Table rows (tab-separated lines) keep their cells as written; prose lines are rejoined where
a page break or a web capture split a sentence ("占\\n\\n全年任务").
"""
from __future__ import annotations

import functools
import re
from typing import Callable, Iterable, Optional
import unicodedata

from pipeline.core.columns import columns_apart
from pipeline.core.vocabulary import PROJECT_HEADING
from pipeline.core.word_rows import tabs_for_word_rows

HAN = r"\u3400-\u9fff"
_SQUARE_METRE = re.compile(r"㎡|m\s*²|m\s*\^\s*2|平米")
_PLACEHOLDER = "\ue000"

# Capture boilerplate: whole lines that are site chrome, not content.
BOILERPLATE = [
    re.compile(p)
    for p in (
        r"下载文档前|不提供额外的编辑|仅部分预览|侵犯您的权益|人工客服|联系客服",
        r"^查看次数", r"^信息来源\s*[:：]", r"^作者\s*[:：]", r"^【\s*字体", r"^分享到",
        r"^(上一篇|下一篇)\s*[:：]", r"^来源\s*[:：]\s*本站", r"^浏览次数", r"^阅读次数",
        r"^(阅读|浏览|点击|访问)(量|数)?\s*[:：]\s*\d+\s*次?$",  # a page's counter line: "阅读:123次"
        r"^字数\s*[:：]\s*\d+",
        # a page's fields in one line: "类别:张家界经济日期:2014-8-11 15:21:54 人气:来源:" (its 54 is no 人)
        r"\d{1,2}:\d{2}(:\d{2})?\s*(人气|点击|浏览|阅读)\s*[:：]",
    )
]
# page chrome words that are also words of a bulletin ("督促纠错整改问题12个"): chrome only on a short line
SHORT_LINE_CHROME = re.compile(r"扫一扫|我要纠错|^纠\s*错|加入收藏|打印本页|关闭窗口|字体\s*[:：]?\s*[大中小]")
_MD_MARKUP = re.compile(r"\*\*|__|^#{1,6}\s+|^>\s+")
# Lines that start a new block: headings, list items, attachments, notes.
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|"
    r"第[一二三四五六七八九十\d]+[章节条部分]|附件|附表|注[:：]|备注|报[:：]|抄报|送[:：]|发[:：]|——|单位[:：])"
)
TERMINAL = "。！？；：!?;:…"
BRACKET_SPACE = re.compile(r"(?<=[(（])\s+|\s+(?=[)）])")
TITLE_END = re.compile(r"(通报|简报|总结|通知|报告|情况|汇报|表|意见|方案|决定|函|纪要|[期号]\)?)$")


def normalize_chars(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII) while keeping m² intact."""
    text = _SQUARE_METRE.sub(_PLACEHOLDER, text)
    # a PDF font without a mapping for its ideographic space gives NUL (合\x00\x00计, an indent)
    text = text.replace("\x00", "\u3000")
    # an ideographic space separates cells in captured tables: kept as a gap NFKC would shrink to one space
    text = re.sub(r"(?<=\S)\u3000+(?=\S)", "  ", text)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace(_PLACEHOLDER, "m²")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b-\u200f\ufeff\u2028\u2029]", "", text)
    text = TONED_PINYIN_GLOSS.sub("", text)  # 地區(qū) in a table's cell as in prose
    # dashes inside ranges ("1—3月", "1 ~ 3月") become "-"; at most one space each side, so that a
    # "—" cell (no value) between two figures of a table row never merges them ("12\t—\t34")
    text = re.sub(r"(?<=\d) ?[—–−～~] ?(?=\d)", "-", text)
    return text


# a pinyin gloss a mirror site put after a character: 计(jì)划, 重點(diǎn)
PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,7} ?){1,4}\)")  # (not "(GDP)")


# one with a tone mark, safe to drop anywhere (not "(GDP)")
TONED_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[^)]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ ]{1,16}\)")


def tidy_prose_line(line: str) -> str:
    """Spacing inside a prose line: no spaces between Han characters, '1-3 月' → '1-3月'; pinyin
    glosses of mirror sites removed; a decimal point written as 、 before a leading zero ("53、04亿元",
    no list item starts with 0) read as the point, and one with a space after it ("16. 36亿元") closed."""
    line = _MD_MARKUP.sub("", line)
    line = re.sub(r"(?<=\d)、(?=0\d*\s*(?:[万亿]?元|%|亩|个百分点))", ".", line)
    # "总投资16. 36亿元": a space a capture put after the point, inside an amount a word runs into
    # (a list's "1. " opens a line or follows a space, never a Han character)
    line = re.sub(rf"(?<=[{HAN}])(\d{{1,6}})\.[ \t]+(?=\d{{1,4}}\s*(?:[万亿]?元|%|亩|个百分点|平方米))", r"\1.", line)
    line = PINYIN_GLOSS.sub("", line)
    line = BRACKET_SPACE.sub("", line)
    line = re.sub(rf"(?<=[{HAN}“”《》、。,:;()])[ \t]+(?=[{HAN}“”《》、。,:;()])", "", line)
    line = re.sub(r"(?<=\d)\s+(?=[年月日号期季])", "", line)
    line = re.sub(r"(?<=[年月第])\s+(?=\d)", "", line)
    return line.strip()


def is_boilerplate(line: str) -> bool:
    return any(p.search(line) for p in BOILERPLATE) or (len(line) <= 40 and bool(SHORT_LINE_CHROME.search(line)))


SPACE_ROW = re.compile(r"\S(?: {2,}|\u3000+)\S.*\S(?: {2,}|\u3000+)\S")


PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


# a section row of a table: an ordinal and the kind of the rows under it ("一、能源项目", "(二)社会事业类")
SECTION_LABEL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])\s*(?P<name>[^\d\t]{2,20})$")


def pipe_cells(line: str) -> Optional[list[str]]:
    """The cells of a pipe-separated row, with or without outer pipes ("吉首市 | 57 | 82.5 | 78.9% |",
    "| 县市 | 项目数 |"); None for any other line. A markdown rule row ("|---|---|") is [] (dropped)."""
    if line.count("|") < 2:
        return None
    if PIPE_RULE.match(line):
        return []
    cells = [c.strip() for c in line.strip().split("|")]
    if cells and not cells[0] and line.strip().startswith("|"):
        cells = cells[1:]  # an outer pipe; " | 57 | 82.5" keeps its empty first cell
    framed = line.strip().startswith("|") and line.strip().endswith("|") and len(cells) >= 4
    while cells and not cells[-1]:
        cells = cells[:-1]
    if framed and len(cells) == 1 and SECTION_LABEL.match(cells[0]):
        # "| 一、能源项目 | | | |": a row of a framed table holding one label is still its row
        return cells + [""]
    return cells if len(cells) >= 3 else None


def is_table_row(line: str) -> bool:
    """A row of a table: tab-separated cells, or three or more cells aligned by runs of spaces."""
    return "\t" in line or bool(SPACE_ROW.search(line.strip()))


GLUED_ROW = re.compile(r"[\u4e00-\u9fff()（）]{1,19}[区县市旗州盟镇乡局委办]\d{1,4}(?:\.\d{1,2})?")


# a site's menu ("首 页 区县招商 产业园区 新闻中心"): words a space apart and nothing else, read before
# the spaces between Chinese words are tidied away; it joins no line, and none joins it
SITE_MENU = re.compile(r"(?:[\u4e00-\u9fff]{1,6}\s+){3,}[\u4e00-\u9fff]{1,6}")


CAPTION = re.compile(r"^\s*[▲△▼]")  # a photo's caption
BULLET = re.compile(r"^\s*[■◆●◇□○]")  # a list item, which may wrap onto the next line


def _should_join(prev: str, nxt: str, blank_between: bool) -> bool:
    if not prev or not nxt or is_table_row(prev) or is_table_row(nxt):
        return False
    if HEADING.match(nxt) or re.match(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$", nxt):
        return False
    if CAPTION.match(prev) or CAPTION.match(nxt) or BULLET.match(nxt):
        # "▲天水市体育中心项目": a photo's caption is a line of its own, not a sentence cut; a bullet ("■…")
        # opens an item of its own (its own wrapped words may still join it)
        return False
    last = prev[-1]
    if last in TERMINAL or last in "」』】" or prev.endswith(("。”", "！”", "？”")):
        return False
    if last in "(（" and blank_between and len(prev) <= 12 and len(nxt) <= 12 and not re.search(r"[，,。；;]", nxt):
        return False  # "企业个数(" / "施工项目(": a web table's header cells, one a line, their units lost
    if last in ",，、" or last in "(（“《":
        return True
    if re.search(r"(来源|發布|发布|时间|作者|编辑)[:：]|\d{1,2}:\d{2}(:\d{2})?$", prev):
        return False  # a dateline ("来源:… 2021-07-29 13:52:29") ends where it ends
    if re.search(r"\d{1,2}:\d{2}(:\d{2})?$", nxt) or (len(nxt) <= 6 and nxt[-1:] not in TERMINAL
                                                       and not re.search(r"[，,。；;、\d]", nxt)):
        return False  # a dateline or a byline ("创始人") after a headline is a line of its own
    if GLUED_ROW.fullmatch(nxt) or GLUED_ROW.fullmatch(prev):
        return False  # "兖州区195.71": a table row whose delimiters the capture lost, one per line
    if last in "|>" or re.search(r"\s[|>]\s", prev):
        return False  # a site's banner or breadcrumb ("西部热线 | 助力…! |", "当前位置:首页 > 新闻"), not a sentence cut
    if TITLE_END.search(prev) or HEADING.match(prev) and len(prev) < 30 or PROJECT_HEADING.match(prev):
        return False
    if len(prev) >= 4 and nxt.startswith(prev) and re.match(r"\s*[:：(（]", nxt[len(prev):]):
        return False  # an item's name as its heading, then the item opening with it ("…项目" / "…项目:总投资3亿元")
    if len(prev) < 20 and not re.search(r"[，,。；;、:：]", prev) \
            and re.match(r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*[,，]|(今年以来|近年来|近日|日前|截至目前)\s*[,，]", nxt):
        return False  # "产业发展活力蓬勃" / "10月28日,中建材…项目…开工": a heading, then a paragraph of its own
    if len(prev) >= 20 and (not blank_between or "," in prev or "。" in prev):
        # across a blank line only a prose paragraph continues (a page break mid-sentence);
        # a list of names one cell per line does not
        return True
    # web captures put each sentence on its own line: a short unpunctuated line that is
    # not a heading is a sentence cut by the capture ("区重点办定期不定期地安排了")
    return not blank_between and len(prev) >= 8 and nxt[-1:] in TERMINAL + "，,"


ROW_NAME_LINE = re.compile(r"^[^|\t。；;，,:：]{1,24}$")
MIN_CELL_LINE_ROWS = 3  # rows of one width before cell lines are read as a table


def _cell_line_row(lines: list[str], i: int) -> Optional[tuple[list[str], int]]:
    """A row a capture wrote a cell a line, each cell after a pipe and the row closed by a lone
    pipe ("全 市" / "| 49" / "| 31" / "| 22" / "|"; an empty cell is a pipe alone before the closing
    one): (cells, index after the row) or None."""
    name = lines[i].strip()
    if not ROW_NAME_LINE.match(name):
        return None
    j = i + 1
    while j < len(lines) and lines[j].strip().startswith("|") and lines[j].count("|") == 1:
        j += 1
    group = [ln.strip()[1:].strip() for ln in lines[i + 1:j]]
    if len(group) < 3 or group[-1]:
        return None  # at least two cells, then the closing pipe
    return [name] + group[:-1], j


def rows_from_cell_lines(raw_lines: list[str]) -> list[str]:
    """The lines, with each run of at least three rows written a cell a line behind pipes turned
    into tab-separated rows on their first line (the lines they took left blank, so that every
    line keeps its index)."""
    out = list(raw_lines)
    i = 0
    while i < len(raw_lines):
        run: list[tuple[int, list[str], int]] = []
        j = i
        while j < len(raw_lines):
            row = _cell_line_row(raw_lines, j)
            if row is None or (run and len(row[0]) != len(run[0][1])):
                break
            run.append((j, row[0], row[1]))
            j = row[1]
        if len(run) < MIN_CELL_LINE_ROWS:
            i += 1
            continue
        for start, cells, end in run:
            out[start] = "\t".join(cells)
            out[start + 1:end] = [""] * (end - start - 1)
        i = j
    return out


def normalize_text(text: str) -> list[str]:
    """Return the document as a list of clean, non-empty lines."""
    return normalize_lines(text.split("\n"))[0]


def normalize_lines(raw_lines: list[str]) -> tuple[list[str], list[int]]:
    """Clean lines and, for each, the index of the raw line it starts at (for page provenance)."""
    ordered = columns_apart(normalize_chars("\n".join(raw_lines)).split("\n"))  # two prose columns: one, then the other
    origin_of = [i for i, _ in ordered]
    raw_lines = rows_from_cell_lines(tabs_for_word_rows([text for _, text in ordered]))
    out: list[str] = []
    origins: list[int] = []
    blank_since_last = False
    menu_last = False
    for index, raw in enumerate(raw_lines):
        cells = pipe_cells(raw) if "\t" not in raw else None
        if cells == []:
            continue  # a markdown table's rule row
        if cells:
            raw = "\t".join(cells)
        if "\t" in raw and raw.strip(" \t"):
            line = "\t".join(c.strip() for c in raw.rstrip("\n").split("\t"))
        elif is_table_row(raw):
            line = raw.strip()  # space-aligned cells keep their spacing
        else:
            line = tidy_prose_line(raw)
        if not line.strip("\t "):
            blank_since_last = True
            continue
        if is_boilerplate(line) and "\t" not in line:
            blank_since_last = True
            continue
        menu = bool(SITE_MENU.fullmatch(raw.strip()))
        if out and not menu and not menu_last and _should_join(out[-1], line, blank_since_last):
            out[-1] = out[-1] + line
        else:
            out.append(line)
            origins.append(origin_of[index])
        blank_since_last = False
        menu_last = menu
    return out, origins


TRADITIONAL_SHARE = 0.02  # of CJK characters t2s changes: below, a simplified text with a few 乾 / 著
# characters simplified text writes too (乾安县, 著名, 於 as a surname): t2s changes them, yet they are
# no sign of traditional script
SHARED_CHARS = frozenset("乾著於藉瞭麽夥囉")


@functools.lru_cache(maxsize=4)  # a converter reads its tables when made (3.5 ms); it holds no state after
def opencc_converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_simplified(lines: list[str], keep: Callable[[], Iterable[str]] = tuple) -> tuple[list[str], bool]:
    """A capture in traditional script (mirror sites, 繁體 pages) read as simplified, so that 開工率 is
    开工率 and 縣 is 县; a simplified text is left as written (t2s would turn 乾县 into 干县). The names
    `keep()` gives (places whose official name t2s would change: 乾安县) stay as written in a converted
    text; they are asked for only when a text is converted.
    Returns the lines and whether they were converted."""
    text = "\n".join(lines)
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not cjk:
        return lines, False
    converted = opencc_converter("t2s").convert(text)
    changed = sum(1 for a, b in zip(text, converted) if a != b and a not in SHARED_CHARS)
    if changed < 5 or changed / cjk < TRADITIONAL_SHARE:
        return lines, False
    if len(converted) == len(text):  # t2s maps character for character: a kept name is copied back
        for name in keep():
            for m in re.finditer(re.escape(name), text):
                converted = converted[:m.start()] + name + converted[m.end():]
    return converted.split("\n"), True

"""Document metadata: title, issuer, issue date, series and document numbers, period, jurisdiction."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Optional

from pipeline.core.normalize import HEADING, TITLE_END
from pipeline.core.periods import find_period, year_period
from pipeline.stages.reconcile import Gazetteer
from schemas.records import DocumentMeta

DATE_CN = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_ISO = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})")
PUBLISHED = re.compile(r"(?:发布日期|发布时间|成文日期|日期)\s*[:：]?\s*")
SERIES = re.compile(r"((?:19|20)\d\d)\s*年\s*第\s*(\d+)\s*期|第\s*(\d+)\s*期")
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[(（]\s*(?:19|20)\d\d\s*[〕\])）]\s*\d+\s*号|[\u4e00-\u9fff]{1,6}字\s*\d+\s*号")
ISSUER_END = re.compile(r"(领导小组办公室|领导小组|委员会|人民政府|政府办公室|办公室|指挥部|局|委|办|中心)$")
TITLE_WORDS = re.compile(r"(通报|简报|总结|通知|报告|汇报|情况|意见|方案|纪要)")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


def _date(m: re.Match) -> Optional[dt.date]:
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _header_lines(lines: list[str], limit: int = 14) -> list[str]:
    """Lines before the first body paragraph (a long line or one ending like a sentence)."""
    head = []
    for line in lines[:limit]:
        if "\t" in line or (len(line) > 60) or (line.endswith(("。", ":", "：")) and len(line) > 25):
            break
        head.append(line)
    return head


def _title(head: list[str]) -> Optional[str]:
    candidates = [i for i, ln in enumerate(head) if TITLE_WORDS.search(ln) and not HEADING.match(ln)
                  and not DATE_CN.search(ln) and not SERIES.search(ln)]
    if not candidates:
        return head[0] if head else None
    i = candidates[-1]
    title = head[i]
    if i > 0:
        prev = head[i - 1]
        # a title split over two lines: "关于一季度全市推进重大项目建设" / "攻坚行动的情况通报"
        if prev.startswith("关于") and not TITLE_END.search(prev):
            title = prev + title
        elif title.startswith("关于") and ISSUER_END.search(prev):
            title = prev + title
    return title


def _issuer(head: list[str], tail: list[str], title: Optional[str]) -> Optional[str]:
    for line in head + list(reversed(tail)):
        if line == title or TITLE_WORDS.search(line) and not ISSUER_END.search(line):
            continue
        if ISSUER_END.search(line) and len(line) <= 40 and not line.startswith(("报", "送", "抄", "发")) \
                and ":" not in line and "：" not in line:
            return line
    if title:
        m = re.match(r"^(.{2,30}?(?:委员会|人民政府|局|委|办公室))关于", title)
        if m:
            return m.group(1)
    return None


def extract_metadata(lines: list[str], gazetteer: Gazetteer) -> DocumentMeta:
    head = _header_lines(lines)
    tail = lines[-8:]
    meta = DocumentMeta()
    meta.title = _title(head)
    meta.issuer = _issuer(head, tail, meta.title)

    # issue date: a standalone date line (header or signature) is the document's own date;
    # a web page's 发布日期 is the fallback
    for line in head + list(reversed(lines[-12:])):
        m = DATE_CN.fullmatch(line.strip()) or (DATE_ISO.fullmatch(line.strip()) and DATE_ISO.fullmatch(line.strip()))
        if m and _date(m):
            meta.issued_on = _date(m)
            break
    if meta.issued_on is None:
        for line in lines[:20]:
            if PUBLISHED.match(line):
                m = DATE_ISO.search(line) or DATE_CN.search(line)
                if m and _date(m):
                    meta.issued_on = _date(m)
                    break

    for line in head + lines[:20]:
        m = SERIES.search(line)
        if m:
            meta.series_no = f"{m.group(1)}年第{m.group(2)}期" if m.group(1) else f"第{m.group(3)}期"
            break
    for line in lines[:25]:
        m = DOC_NO.search(line)
        if m and (line.strip() == m.group(0).strip() or len(line) < 30):
            meta.doc_no = re.sub(r"\s+", "", m.group(0))
            break

    meta.year = _year(meta, lines)
    meta.period = _period(meta, lines)
    meta.jurisdiction = _jurisdiction(meta, lines, gazetteer)
    return meta


def _year(meta: DocumentMeta, lines: list[str]) -> Optional[int]:
    if meta.title:
        m = YEAR.search(meta.title)
        if m:
            return int(m.group(1))
    if meta.series_no and meta.series_no[:4].isdigit():
        return int(meta.series_no[:4])
    if meta.issued_on:
        return meta.issued_on.year
    years = Counter(int(m.group(1)) for line in lines for m in YEAR.finditer(line))
    return years.most_common(1)[0][0] if years else None


def _period(meta: DocumentMeta, lines: list[str]):
    specific = {"range", "ytd", "first_quarters", "quarter", "half"}
    if meta.title:
        p = find_period(meta.title, meta.year, specific)
        if p:
            return p
    for line in lines[:30]:
        if "\t" in line:
            continue
        p = find_period(line, meta.year, specific)
        if p:
            return p
    return year_period(meta.year) if meta.year else None


def _official_in(text: str, gazetteer: Gazetteer) -> Optional[str]:
    """The most specific official division named in a short text (an issuer, a title): 湘潭市岳塘区… → 岳塘区."""
    compact = re.sub(r"\s+", "", text)
    hits = [(len(name), name) for name in gazetteer.divisions if len(name) >= 3 and name in compact]
    if not hits:
        return None
    best = [gazetteer.divisions[n][0] for _, n in sorted(hits, reverse=True)]
    county = [p for p in best if p.kind != "city"]
    return (county or best)[0].name


def _jurisdiction(meta: DocumentMeta, lines: list[str], gazetteer: Gazetteer) -> Optional[str]:
    """The area the issuer speaks for: named in the issuer or title, else the most-mentioned
    place of the level the text speaks of (全区 / 我区 → a district, 全市 / 我市 → a city)."""
    text = "\n".join(ln for ln in lines if "\t" not in ln)
    district_level = len(re.findall(r"全区|我区|本区|区委|区政府", text))
    city_level = len(re.findall(r"全市|我市|本市|市委|市政府", text))
    county_level = len(re.findall(r"全县|我县|本县|县委|县政府", text))
    levels = {"district": district_level, "county": county_level, "city": city_level}
    want = max(levels, key=levels.get)
    kinds = {"district": {"district", "zone"}, "county": {"county", "county_city"}, "city": {"city"}}[want]
    for source in (meta.issuer, meta.title, meta.doc_no):
        if source:
            for _, name in gazetteer.find_in(source):
                place = gazetteer.places.get(name)
                if place and place.kind in kinds | {"city", "district", "county", "county_city", "zone"}:
                    return name
            official = _official_in(source, gazetteer)
            if official:
                return official
    mentions = Counter(name for _, name in gazetteer.find_in(text))
    for name, _ in mentions.most_common():
        place = gazetteer.places.get(name)
        if place and place.kind in kinds:
            return name
    if want != "city":
        return None
    # a city bulletin that names only its districts: their common parent
    parents = Counter(gazetteer.places[n].parent for n in mentions if n in gazetteer.places)
    for parent, _ in parents.most_common():
        if parent in gazetteer.places and gazetteer.places[parent].kind == "city":
            return parent
    return None

"""Document metadata: title, issuer, issue date, series and document numbers, period (the
jurisdiction is its own stage: pipeline/stages/jurisdiction.py)."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Optional

from pipeline.core.normalize import HEADING, TITLE_END
from pipeline.core.periods import SPAN_KINDS, find_period, year_period
from pipeline.core.vocabulary import SITE_NAME
from schemas.records import DocumentMeta

DATE_CN = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_ISO = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})")
PUBLISHED = re.compile(r"(?:发布日期|发布时间|成文日期|日期)\s*[:：]?\s*")
SERIES = re.compile(r"((?:19|20)\d\d)\s*年\s*第\s*(\d+)\s*期|第\s*(\d+)\s*期")
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[(（]\s*(?:19|20)\d\d\s*[〕\])）]\s*\d+\s*号|[\u4e00-\u9fff]{1,6}字\s*\d+\s*号")
ISSUER_END = re.compile(r"(领导小组办公室|领导小组|委员会|人民政府|政府办公室|办公室|指挥部|局|委|办|中心)$")
MEDIA = re.compile(r"广电|日报|晚报|融媒|新闻|电视|广播|报社|传媒|网络|网站")  # "延边广电全媒体新闻采编中心": a newsroom
TITLE_WORDS = re.compile(r"(通报|简报|总结|通知|报告|汇报|情况|意见|方案|纪要)")
ISSUER_FIELD = re.compile(r"(?:发布机构|发文机关|发布单位|来源单位|来源)\s*[:：|]\s*([\u4e00-\u9fff（）()]{2,30}?)"
                          r"(?=关\s*键|主\s*题|文\s*号|成文|发布|发表|浏览|阅读|点击|作者|编辑|责任|时间|日期|$|\s|\|)")
# whose web site the page is: "您访问的链接即将离开“汉中市发展和改革委员会”网站", "主办单位：XX市人民政府办公室"
SITE_OWNER = re.compile(r"(?:即将离开\s*[“\"「『]\s*([\u4e00-\u9fff（）()]{2,30}?)\s*[”\"」』]\s*网站"
                        r"|(?<![动议式坛次])(?:网站主办|主办单位)\s*[:：]\s*([\u4e00-\u9fff（）()]{2,30}?"
                        r"(?:委员会|人民政府|办公室|局|委|办|中心))(?=\s*(?:\||承办|协办|地址|电话|备案|ICP|技术支持|网站标识码|"
                        r"联系|版权|$)))")
PROVIDED_BY = re.compile(r"^[(（]\s*([\u4e00-\u9fff]{2,30}?)\s*(?:提供|供稿|供图|报送)\s*[)）]$")
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
        if "\t" in line and (not head or not re.search(r"(?<![A-Za-z])\d", line) and len(head) < 4):
            continue  # "| 敬老版 | 登录 | 注册": a site's bar of links, cells without figures, above the title
        if "\t" in line or (len(line) > 60) or (line.endswith(("。", ":", "：")) and len(line) > 25):
            break
        head.append(line)
    return head


def _title(head: list[str]) -> Optional[str]:
    candidates = [i for i, ln in enumerate(head) if TITLE_WORDS.search(ln) and not HEADING.match(ln)
                  and not DATE_CN.search(ln) and not SERIES.search(ln)]
    if not candidates:
        # a title drawn as shapes leaves no line of its own: a section heading or a date is
        # never taken for it, nor a page's date in pieces ("01", "2022", "-", "08") or a field label
        # ("所属分类:"): the first line that says something in words
        worded = [ln for ln in head if len(re.findall(r"[\u4e00-\u9fff]", ln)) >= 4 and not HEADING.match(ln)
                  and not DATE_CN.fullmatch(ln.strip()) and not BREADCRUMB.search(ln) and not SITE_NAME.match(ln.strip())
                  and not (re.search(r"\s[|｜]\s", ln) and re.search(r"网|门户|[|｜].*[|｜]", ln))  # "中国政府网 | 重庆市人民政府网": a site's banner
                  and not ln.rstrip().endswith((":", "："))]
        # a page's title speaks of the genre ("1-5月福建三明重点项目建设完成投资近170亿元"); a line before it
        # that does not ("木托盘厂家", the mirror's site) is chrome
        genre = [ln for ln in worded if GENRE_WORDS.search(ln)]
        return (genre or worded)[0] if worded else None
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


def _issuer(head: list[str], tail: list[str], title: Optional[str], lines: list[str] = ()) -> Optional[str]:
    for line in reversed(tail):  # "(焦作市发展改革委提供)": the office that gave the text
        m = PROVIDED_BY.match(line.strip())
        if m:
            return m.group(1)
    for line in lines[:20]:  # a web page's metadata fields: "发布机构:二七区发改统计局关 键 词:…"
        m = ISSUER_FIELD.search(line)
        if m and (not m.group(0).startswith("来源") or (ISSUER_END.search(m.group(1)) and not MEDIA.search(m.group(1)))):
            return m.group(1)  # a 来源 that is a newspaper or a station's newsroom is not the issuer
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


def _site_owner(tail: list[str]) -> Optional[str]:
    """The office whose web site carries the page, from its footer: not the issuer (a city's site
    reposts its counties' bulletins), weak evidence of the area where the text's words agree."""
    m = SITE_OWNER.search("".join(line.strip() for line in tail))  # the notice may run over lines
    owner = m and (m.group(1) or m.group(2))
    return owner if owner and ISSUER_END.search(owner) else None


def extract_metadata(lines: list[str]) -> DocumentMeta:
    head = _header_lines(lines)
    tail = lines[-8:]
    meta = DocumentMeta()
    meta.title = _title(head)
    if meta.title:
        # a forum's "标题: …" field, and a page's stamp run into the title ("…集中开工2023-06-30 07:17:21 来源:…")
        title = re.sub(r"^\s*(标题|题目)\s*[:：]\s*", "", meta.title)
        meta.title = re.sub(r"\s*(19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(:\d{2})?.*$", "", title) or None
    meta.issuer = _issuer(head, tail, meta.title, lines)
    meta.site_owner = _site_owner(tail)

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

    meta.genre = genre_of(meta.title or "", lines[:8], lines)
    meta.year = _year(meta, lines)
    meta.period = _period(meta, lines)
    return meta


GENRES = [("communique", re.compile(r"统计公报|统计公告")),
          ("monthly", re.compile(r"月报|统计月刊")),
          ("report", re.compile(r"国民经济和社会发展.{0,12}(报告|计划)|政府工作报告|经济运行(情况|分析)"))]


def genre_of(title: str, head: list[str], lines: list[str] = ()) -> str:
    """What kind of document of the archive this is, from its title (else its first lines):
    a progress bulletin unless it calls itself a communiqué, a monthly or a report. A
    communiqué whose title is not in its text layer still says 本公报 in its notes."""
    for text in [title] + ([] if title else [ln for ln in head if not BREADCRUMB.search(ln)]):
        for genre, words in GENRES:
            if words.search(text or ""):
                return genre
    if not (title and TITLE_WORDS.search(title)) and any(SELF_NAMED_COMMUNIQUE.search(ln) for ln in lines):
        return "communique"
    return "bulletin"


SELF_NAMED_COMMUNIQUE = re.compile(r"本公报|本统计公报")
GENRE_WORDS = re.compile(r"项目|投资|建设|工程|经济|统计|公报|进展|进度|完成|开工")
BREADCRUMB = re.compile(r"[>›»]|首页|当前位置|您的位置")  # "首页 > 统计信息 > 统计公报": a site's menu, not the title


def _year(meta: DocumentMeta, lines: list[str]) -> Optional[int]:
    if meta.title:
        m = YEAR.search(meta.title)
        if m:
            return int(m.group(1))
    if meta.series_no and meta.series_no[:4].isdigit():
        return int(meta.series_no[:4])
    written = Counter(int(m.group(1)) for line in lines for m in YEAR.finditer(DATE_CN.sub("", line)))
    if meta.genre == "communique" and meta.issued_on:
        # a year's communiqué is issued in the first half of the next ("比2021年" in its text says
        # nothing of its own year); one issued later in a year is taken as that year's, for review
        return meta.issued_on.year - (meta.issued_on.month <= 6)
    if meta.genre == "communique" and written:
        return written.most_common(1)[0][0]
    if meta.issued_on:
        return meta.issued_on.year
    years = Counter(int(m.group(1)) for line in lines for m in YEAR.finditer(line))
    return years.most_common(1)[0][0] if years else None


def _period(meta: DocumentMeta, lines: list[str]):
    specific = SPAN_KINDS
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

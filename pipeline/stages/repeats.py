"""One figure, one fact: a bulletin states many figures twice (its headline, a lead paragraph and
the details). The copies are dropped here and the statement kept says so (flag `stated_twice`), so
that a sum over a document's prose never counts a figure twice. A table cell and the prose that
repeats it are two statements of two kinds and both stay."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from schemas.records import Fact, Period


def without_headline_repeats(facts: Iterable[Fact], lines: list[str]) -> list[Fact]:
    """A headline states a figure the body then reports in full ("全省重点工程首季开复工率46.5%" over
    "…开复工率为46.5%"): the headline's copy is dropped, so a figure is one fact, with the body's
    subject and measure. A headline figure the body never repeats stays."""
    facts = list(facts)
    header_end = next((i for i, ln in enumerate(lines) if len(ln) > 60 or re.search(r"[。；;]", ln)), len(lines))
    headline = {i + 1 for i, ln in enumerate(lines)
                if (i < header_end and len(ln) <= 60) or re.match(r"\s*(原标题|标题|题目)\s*[:：]", ln)}

    # "…完成投资1800亿开工率91%原标题:…": a capture that ran its headline into the text; where each
    # figure stands in its sentence (facts come in the order they are written)
    cursor: dict[tuple, int] = {}
    ahead = []
    for f in facts:
        quote = f.quote or ""
        at = quote.find(f.raw, cursor.get((f.line, quote), 0))
        cursor[(f.line, quote)] = at + len(f.raw) if at >= 0 else cursor.get((f.line, quote), 0)
        ahead.append(f.line in headline or -1 < at < quote.find("原标题"))
    body = [f for f, h in zip(facts, ahead) if not h]
    return [f for f, h in zip(facts, ahead) if not h or not any(_restates(f, b) for b in body)]


def _restates(headline: Fact, body: Fact) -> bool:
    """A headline's figure is the body's, as written or rounded ("完成投资1800亿" over 1800.5亿元,
    "超800亿元" over 828.7亿元: a round figure said to be passed)."""
    unit = headline.unit or _bare_scale(headline.raw)
    if unit != body.unit or not body.value:
        return False
    if headline.value == body.value:
        return True
    said = re.search(r"(超|逾|近|约|突破)\s*$", (headline.quote or "")[:max(0, (headline.quote or "").find(headline.raw))])
    decimals = len(headline.raw.split(".")[1].rstrip("亿万元%个项")) if "." in headline.raw else 0
    if round(body.value, decimals) == headline.value:
        return True
    return bool(said) and abs(body.value - headline.value) <= 0.1 * abs(body.value)


def _bare_scale(raw: str) -> Optional[str]:
    """"1800亿" in a headline: 亿元, as the genre writes money."""
    return {"亿": "亿元", "万": "万元"}.get((raw or "").strip()[-1:])


def without_restatements(facts: list[Fact]) -> list[Fact]:
    """A figure stated twice about the same entity and measure is one fact. Two statements are one
    figure when entity, measure, value and unit agree and
    - the prose names its subject and category and period agree (the old rule: "…等3个项目" under
      two headings, 服务业 and 农业, are two lists of the issuer's, so an unnamed subject needs more), or
    - the figure could hardly recur by chance (a decimal such as 1594.2亿元, or a count of 20 or
      more), the categories agree or one statement leaves it out (a lead says "全省重点工程完成投资
      1594.2亿元", the details "其中建设项目…"), the periods agree or one holds the other (months
      compared where no year dates them), and the two sentences are not parallel: "5000万元至亿元项目
      38个,已累计完成投资20.55亿元" under 续建 and "…38个,已完成投资15.72亿元" under 新开工 are two
      sections of one shape, told apart by their other figures. In one sentence the category must
      agree as well (a headline a capture ran into its first sentence; 12 said twice of two kinds
      is two figures).
    The first statement stays. A table and the prose that repeats it keep a fact each: a reader
    asks for either, and the checks compare the two."""
    sentences: dict[tuple, list[Fact]] = {}
    for f in facts:
        sentences.setdefault(_sentence(f), []).append(f)
    kept: list[Fact] = []
    alike: dict[tuple, list[Fact]] = {}  # kept facts by (measure, value, unit): only those can be twins
    for f in facts:
        key = (f.metric, f.value, f.unit)
        twin = next((g for g in alike.get(key, ()) if _same_figure(g, f) and not _parallel(g, f, sentences)), None)
        if twin is None:
            kept.append(f)
            alike.setdefault(key, []).append(f)
        elif "stated_twice" not in twin.flags:
            twin.flags.append("stated_twice")
    return kept


def _same_figure(a: Fact, b: Fact) -> bool:
    if a.source_kind != b.source_kind:
        return False  # a table and the prose about it: both kept, for the checks that compare them
    if (a.entity, a.metric, a.value, a.unit) != (b.entity, b.metric, b.value, b.unit) \
            or (a.entity and a.entity_kind != b.entity_kind):
        return False  # an unknown entity is one whether a text said 全省 or nothing
    if a.metric == "排名" and a.metric_raw != b.metric_raw:  # ranks by 完成投资 and by 进度 are two measures
        return False
    if b.source_kind == "text" and b.entity and b.entity_raw \
            and a.category == b.category and _label(a.period) == _label(b.period):
        return True
    if not _distinctive(b):
        return False
    if a.line == b.line and a.quote == b.quote:
        # one sentence saying a figure twice says two things, unless all else is the same (a headline a
        # capture ran into its first sentence: "…340个市重点项目完成投资703.2亿元近日,我市通报…340个市…")
        return a.category == b.category and _periods_agree(a.period, b.period)
    # prose may leave a category unsaid; in a table an empty category is the total row (100.0 of
    # 居民消费价格指数 and of its 生活用品 are two figures)
    left_out = a.source_kind == "text" and (not a.category or not b.category)
    return (left_out or a.category == b.category) and _periods_agree(a.period, b.period)


def _sentence(f: Fact) -> tuple:
    return (f.source_kind, f.line, f.quote)


def _parallel(a: Fact, b: Fact, sentences: dict) -> bool:
    """The two statements' sentences say other figures of one measure and category differently, and
    none alike (a restatement repeats what it repeats; a threshold both sections name is no figure)."""
    if a.source_kind != "text" or b.source_kind != "text":
        return False
    others = lambda f: {(o.metric, o.category): o.value for o in sentences[_sentence(f)]  # noqa: E731
                        if o is not f and "metric_unmatched" not in o.flags}
    mine, theirs = others(a), others(b)
    shared = [k for k in mine if k in theirs]
    return bool(shared) and all(mine[k] != theirs[k] for k in shared)


def _distinctive(f: Fact) -> bool:
    if "." in (f.raw or "").rstrip("。"):
        return f.unit != "%" or not float(f.value).is_integer()
    return f.unit != "%" and f.value >= 20


def _label(p: Optional[Period]) -> Optional[str]:
    return p.label if p else None


def _periods_agree(a: Optional[Period], b: Optional[Period]) -> bool:
    if a is None or b is None or a.label == b.label:
        return True
    if None in (a.start, a.end, b.start, b.end):
        # no year to date them: "1-8月", "截至8月底" and "前8个月" are one span of months
        months = _months(a.label), _months(b.label)
        return None not in months and months[0] == months[1]
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


QUARTERS = {"一": (1, 3), "二": (4, 6), "三": (7, 9), "四": (10, 12)}


def _months(label: str) -> Optional[tuple[int, int]]:
    """The months a period label without a year covers, as (first, last), or None."""
    m = re.search(r"(\d{1,2})\s*[-—~至到]\s*(\d{1,2})\s*月", label)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.search(r"(?:截至|截止|至|到)\s*(\d{1,2})\s*月|前\s*(\d{1,2})\s*个?月", label)
    if m:
        return 1, int(m.group(1) or m.group(2))
    if re.search(r"年度|全年|今年|^\d{4}年$", label):
        return 1, 12
    if "上半年" in label:
        return 1, 6
    if "前三季度" in label:
        return 1, 9
    m = re.search(r"第?([一二三四])季度", label)
    if m:
        return QUARTERS[m.group(1)]
    return None


NEAR_LINES = 8  # a headline and the paragraph that states its figures again stand this close
HEADLINE_LIKE = re.compile(r"[^。；;,，:：()（）【】]{1,30}")  # a headline's words: short, no clause nor sentence


def without_ambiguous_copies(facts: list[Fact]) -> list[Fact]:
    """A sub-headline's figure ("九龙坡区 / 45个重点项目集中开工 总投资693亿", a short line with no sentence ended)
    that the paragraph a few lines on states again ("…这次集中开工重点项目共45个,总投资约693亿元") is that
    statement's copy, whatever the measure each wording gave it: dropped where the paragraph's owner is the
    headline's, or the headline's owner was left unsaid (flag `subject_ambiguous`). A 10个 far off, in a
    sentence, or in another short line of a list (签约项目10个 / 开工项目10个), is another figure."""
    named = [f for f in facts if f.entity and "subject_ambiguous" not in f.flags]

    def copied(f: Fact) -> bool:
        if f.source_kind != "text" or not HEADLINE_LIKE.fullmatch(f.quote or ""):
            return False
        return any((g.source_kind, g.value, g.unit) == (f.source_kind, f.value, f.unit) and g.line != f.line
                   and 0 < (g.line or 0) - (f.line or 0) <= NEAR_LINES and not HEADLINE_LIKE.fullmatch(g.quote or "")
                   and ("subject_ambiguous" in f.flags or g.entity == f.entity) for g in named)
    return [f for f in facts if not copied(f)]

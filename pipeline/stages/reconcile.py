"""Raw entity names → canonical entities, each decision with its method and score.

Stages, first that decides wins:
  normalize (NFKC, spaces, brackets, variant characters) → no name: the document's jurisdiction
  (method `jurisdiction`, to review when the jurisdiction is uncertain; unknown when there is
  none) → an archivist's confirmed decision → aggregate words (合计 / 全市 / 全区 → the issuer's
  own area, only if the document names it) → the gazetteer (pipeline/stages/gazetteer.py): full
  official names anywhere, short forms, aliases and zone words only inside the document's city
  → compound names (高新区 天元区) → departments (区发改局, 市发改委: the level prefix resolved by
  the jurisdiction) → rapidfuzz against the places of the document's own city → review band →
  a new entity.

Fuzzy scorer: fuzz.ratio (normalized Levenshtein) on normalized names. WRatio and partial_ratio
score fragments as full matches (元区 ~ 天元区 90 and 100), which would auto-accept wrong places;
ratio gives 元区 80 and 陵县 80 against both 茶陵县 and 炎陵县, so they land in review.
tests/test_reconcile.py holds the near-misses that justify the thresholds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz, process

from pipeline.core.vocabulary import AGGREGATE_NAME, UNITS_GROUP_END
from pipeline.stages.gazetteer import GENERIC_NAMES, PROVINCE_LEVEL, zone_name_under, LOCAL_KINDS, MUNICIPALITIES, Gazetteer, Place, normalize_name, zone_parts  # noqa: F401  (re-exported)
from pipeline.stages.jurisdiction import CONFIDENT, Jurisdiction, speaks_as_a_zone_of_its_own

CROSS = re.compile(r"^(跨区|跨县|跨县市区|跨区域|其他|其它|市直|市直单位)$")
KIND_BY_SUFFIX = [
    (re.compile(r"(乡|镇)$"), "town"),
    (re.compile(r"(街道|街道办事处)$"), "street"),
    (re.compile(r"(小区|校区|片区|景区|社区|厂区|库区|营区|院区|展区|服务区|功能区|安置区|棚户区|老城区|都市区|城镇群|城市群|"
                r"经济区|经济带|板块)$"), "other"),
    (re.compile(r"(园|园区|集中区|示范区|开发区|经开区|高新区|新区|工业区|工区|度假区|旅游区|保税区|综保区|实验区|试验区)$"), "park"),
    (re.compile(r"(公司|集团|有限|银行|厂|中心\)|公司\))$|公司|集团"), "company"),
    (re.compile(r"(局|委|委员会|办|办公室|中心|厅|处|科|所|站|队|院|室|部|政府)$"), "department"),
    (re.compile(UNITS_GROUP_END + "$"), "other"),  # 苏南五市: a group of units, none of them
    (re.compile(r"(县|区|市|旗|州|盟)$"), "district"),
    (re.compile(r"(项目|工程)$"), "project"),
]
AUTO_ACCEPT = 90.0  # fuzz.ratio at or above: accepted when the runner-up is another place at least 5 lower
REVIEW = 75.0  # from here to AUTO_ACCEPT: kept as a provisional new entity and listed for review
PENDING_BELOW = 0.8  # a decision scored lower (a made zone, an uncertain jurisdiction) waits for review
NO_JURISDICTION = Jurisdiction(None, 0.0, ())


# an office named by its level and its work only ("县交通运输局", "市公路中心"): the level's own
LEVEL_OFFICE = re.compile(r"(县|市|区|旗)([\u4e00-\u9fff]{2,14}?(?:局|委员会|委|办公室|办|中心))")
OFFICE_END = re.compile(r"(局|委员会|委|办公室|办)$")  # (a 中心 is an office only beside one: 县体育中心 is a building)


@dataclass(frozen=True)
class Resolution:
    entity: str
    kind: str
    method: str  # jurisdiction | unknown | confirmed | aggregate | exact | former | alias | zone | group | compound | department | division | abbreviation | fuzzy | review | new
    score: float
    parent: Optional[str] = None
    candidates: tuple = ()  # (name, score) of the best matches, for review
    code: Optional[str] = None
    parent_code: str = ""
    provisional: bool = False  # a made entity (宜昌高新区) or a guess: listed for review

    @property
    def pending(self) -> bool:
        return self.provisional or self.method in ("review", "new", "unknown") or self.score < PENDING_BELOW


def _of_place(place: Place, method: str, score: float, provisional: bool = False) -> Resolution:
    return Resolution(place.name, place.kind, method, score, place.parent or None, code=place.code or None,
                      parent_code=place.parent_code, provisional=provisional)


def kind_by_suffix(name: str) -> str:
    for pattern, kind in KIND_BY_SUFFIX:
        if pattern.search(name):
            return kind
    return "other"


@dataclass
class Reconciler:
    """Resolves names for one batch; decisions are cached per (name, jurisdiction)."""

    gazetteer: Gazetteer
    confirmed: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (key, context) → (entity, kind)
    cache: dict[tuple, Resolution] = field(default_factory=dict)
    local_cache: dict[tuple, dict] = field(default_factory=dict)

    def resolve(self, raw: str, jurisdiction: Optional[Jurisdiction | Place | str] = None,
                table_row: bool = False, quote: str = "") -> Resolution:
        """table_row: the name heads a table's row, where a park's name may be a project's (a
        项目名称 column), kept as written rather than made the city's zone. quote: the words the name was
        read in, where its own city or province may be written before it (上海浦东新区)."""
        jur = self._jurisdiction(jurisdiction)
        g = self.gazetteer
        above = [p.key in jur.named for p in (g.city_of(jur.place), g.province_of(jur.place)) if p is not None]
        # (only a zone's name can be another province's division read as the document's own: no lookup for others)
        bare = bool(ZONE_NAME.search(normalize_name(raw))) and (
            table_row or (bool(quote) and not self._written_after_its_area(normalize_name(raw), quote)))
        # everything a decision depends on, and no more (the set of places a document names would
        # make the cache grow with every document)
        key = (normalize_name(raw), jur.place.key if jur.place else "", jur.scope.key if jur.scope else "",
               round(jur.confidence, 2), jur.city_named(g), tuple(above), table_row, bare)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._resolve(key[0], jur, table_row, bare)
        return hit

    def _written_after_its_area(self, name: str, quote: str) -> bool:
        """"上海浦东新区…", "天津滨海新区与沧州合作…", "赴上海…,浦东新区…": the division's own city or province
        written in the words it was read in."""
        place, _ = self.gazetteer.official_named(name, None) if name else (None, [])
        if place is None:
            return False
        heads = {n for p in self.gazetteer.chain(place)[1:] for n in (p.name, p.short) if n}
        # (or anywhere before it in the words: "赴上海考察学习,浦东新区去年完成…"; not after it: "滨海新区与天津港集团…")
        at = quote.find(name)
        return at >= 0 and any(h in quote[:at] for h in heads)

    def _jurisdiction(self, given) -> Jurisdiction:
        """A Jurisdiction as the stage found it; a place or a name (tests, tools) counts as certain."""
        if isinstance(given, Jurisdiction):
            return given
        if isinstance(given, str) and given:
            given, _ = self.gazetteer.official_named(normalize_name(given), None)
        if isinstance(given, Place):
            return Jurisdiction(given, 1.0, ("given",), given, frozenset(p.key for p in self.gazetteer.chain(given)))
        return NO_JURISDICTION

    def _resolve(self, name: str, jur: Jurisdiction, table_row: bool = False, bare: bool = False) -> Resolution:
        g = self.gazetteer
        place = jur.place
        if not name:
            if place is None:
                return Resolution("", "unknown", "unknown", 0.0)
            return _of_place(place, "jurisdiction", jur.confidence, provisional=jur.confidence < CONFIDENT)
        if place is not None and (place.kind in LOCAL_KINDS or not place.code) \
                and (name in (place.name, normalize_name(place.parent + place.name))
                     or (place.kind == "zone" and not place.code and len(name) >= 4 and place.name.endswith(name))):
            # "大田县建设镇" in 建设镇's own news: the town the document speaks for (in no official list)
            return _of_place(place, "jurisdiction", jur.confidence, provisional=jur.confidence < CONFIDENT)
        for context in (jur.name or "", ""):
            if (name, context) in self.confirmed:
                entity, kind, code, parent_code = (tuple(self.confirmed[(name, context)]) + (None, ""))[:4]
                return Resolution(entity, kind, "confirmed", 1.0, code=code, parent_code=parent_code or "")
        # a whole-area word that is also the short form of a division in the document's own area
        # (全州 in a 桂林 bulletin is 全州县) is that division, read below as a name
        if AGGREGATE_NAME.match(name) and g.scoped_named(name, jur.area) is None:
            target = self._aggregate_target(name, jur)
            if target is None:
                return Resolution("", "aggregate", "unknown", 0.0)
            return _of_place(target, "aggregate", min(1.0, jur.confidence + 0.05),
                             provisional=jur.confidence < CONFIDENT)
        if CROSS.match(name):
            return Resolution(name, "aggregate", "aggregate", 1.0)
        named = self._named(name, jur, bare)
        if named:
            return named
        group = self._group(name, jur)
        if group:
            return group
        compound = self._compound(name, jur)
        if compound:
            return compound
        department = self._department(name, jur)
        if department:
            return department
        if "、" in name and not table_row:
            # "市直、梅县区五华县": units reporting together, not each a place read for sure; which
            # place the figure is of is not said (never a new place named by the whole list)
            return Resolution("", "unknown", "unknown", 0.0)
        return self._fuzzy(name, jur, table_row)

    def _aggregate_target(self, name: str, jur: Jurisdiction) -> Optional[Place]:
        """全市 in a district's bulletin is the city above it, when the document names that city;
        全区 in a city's bulletin stays the city. None: the document does not say whose."""
        place = jur.place
        if place is None:
            return None
        if speaks_as_a_zone_of_its_own(jur) and not re.match(r"(全|我|本|该)(区|园|新区)$", name):
            # a zone of the document's own (in no list): 全县 / 全市 is the division above it when the text
            # names it and it is of that level, never the zone
            above = self.gazetteer.by_code.get(place.parent_code)
            level = {"县": ("county",), "市": ("city", "county_city"), "省": (PROVINCE_LEVEL,)}.get(name[1:2], ())
            chain = self.gazetteer.chain(above) if above is not None else []
            return next((p for p in chain if p.kind in level and p.key in jur.named), None)
        if place.kind in LOCAL_KINDS and not re.match(r"(全|我|本|该)(镇|乡|街道)", name):
            # "全县重点项目完成投资41.2亿元" in a town's news: the county it lies in when written, never the town
            county = self.gazetteer.by_code.get(place.parent_code)
            return county if county is not None and county.name.endswith(name[1:2]) and county.key in jur.named else None
        if name.startswith(("全市", "我市", "本市", "市本级")) and place.kind not in ("city", "county_city", "province"):
            city = self.gazetteer.city_of(place)
            return city if city is not None and city.key in jur.named else None
        if name.startswith(("全市", "我市", "本市", "市本级")) and place.kind == "province" and place.name not in MUNICIPALITIES:
            return None  # a provincial bulletin's 全市 (or a city's 市本级): which city is not said
        province = self.gazetteer.province_of(place)
        if name.startswith(("全省", "我省", "本省", "全自治区", "自治区层面")) and place.kind != "province":
            return province if province is not None and province.key in jur.named else None
        if name.startswith(("全区", "我区", "本区")) and place.kind == "city" and province is not None \
                and province.name.endswith("自治区") and province.key in jur.named:
            return province  # a 北海 bulletin's 全区 is 广西, the autonomous region it names
        if name.startswith(("全区", "我区", "本区")) and place.kind == "province" and place.name.endswith("自治区"):
            return place  # 广西's own 全区
        if name.startswith(("全区", "我区", "本区", "全县", "我县", "本县", "区本级", "县本级")) and place.kind in ("city", "province"):
            return None  # a city's bulletin speaking of 全区: which district is not said
        return place

    def _zone_named_as_elsewhere(self, name: str, place: Place, jur: Jurisdiction) -> Optional[Resolution]:
        """"滨海新区" written bare in a 茂名 bulletin (a table's row, a sentence): a zone of the document's own
        area whose name is the official name of a division of another province (天津's 滨海新区), never that one;
        made under the area, for review. (Not "上海浦东新区…", "天津滨海新区与沧州合作…": its own area written.)"""
        g = self.gazetteer
        home = jur.place
        if home is None or jur.confidence < CONFIDENT or not ZONE_NAME.search(name) or name != place.name:
            return None
        if home.kind not in ("city", "county", "county_city", "district"):
            home = g.city_of(home)
        province = g.province_of(home) if home is not None else None
        if province is None or province.name in MUNICIPALITIES or g.within(place, province):
            return None
        made = Place(zone_name_under(name, home), "zone", home.name, "", home.code)
        return _of_place(made, "zone", 0.75, provisional=True)

    def _named(self, name: str, jur: Jurisdiction, bare: bool = False) -> Optional[Resolution]:
        """The whole name is one place of the gazetteer, read inside the document's area."""
        g = self.gazetteer
        place, candidates = g.official_named(name, jur.area)
        elsewhere = self._zone_named_as_elsewhere(name, place, jur) if place is not None and bare else None
        if elsewhere is not None:
            return elsewhere
        if place is not None:
            # (an alias that opens with its city's name, 株洲经开, is trusted anywhere, and still an alias)
            return _of_place(place, "former" if name in g.former else "exact" if name == place.name else "alias", 1.0)
        local = g.scoped_named(name, jur.area) if candidates else None
        if local is not None:  # 白云区 in a 包头 bulletin: its own 白云鄂博矿区 (an alias), not 广州's or 贵阳's
            return _of_place(local, "alias", 1.0)
        if candidates:  # 鼓楼区 with no jurisdiction to choose by
            return Resolution(name, candidates[0].kind, "review", 0.5,
                              candidates=tuple((f"{p.name} ({p.parent})", 100.0) for p in candidates[:5]))
        mentions = g.find_in(name, jur.area, city_named=jur.city_named(g))
        if len(mentions) == 1 and mentions[0].surface == name:
            m = mentions[0]
            made = m.place.key not in g.by_key  # a zone made from its city's name (宜昌高新区) or kept bare
            return _of_place(m.place, "zone" if m.how == "zone" else "alias", 0.75 if made else 1.0, provisional=made)
        city = g.city_short(name)
        if city is not None and g.scoped_named(name, jur.area) is None:
            # a row "黔西南", "宜昌": a prefecture or province by its short form, where nothing in the
            # document's own area has that short form (兴安 in a 桂林 bulletin is 兴安县)
            within = jur.area is None or g.within(city, g.province_of(jur.area))
            return _of_place(city, "alias", 0.9 if within else 0.6, provisional=not within)
        zone = zone_parts(name)
        if name in GENERIC_NAMES and not zone and jur.place is not None and jur.confidence >= CONFIDENT:
            return None  # "东城区" in a 漯河 bulletin: an area of that city by a common name (a new one), not 北京's
        if name in g.scoped or (zone and not zone[0]):
            # a short form or zone word of a place elsewhere (高新区 in a bulletin with no city)
            others = g.scoped.get(name, [])
            return Resolution(name, kind_by_suffix(name), "review", 0.5,
                              candidates=tuple((f"{p.name} ({p.parent})", 100.0) for p in others[:5]))
        return None

    def _group(self, name: str, jur: Jurisdiction) -> Optional[Resolution]:
        """万州、开州、云阳: places that report one figure together. Each part must be a place read
        for sure; the group keeps their full names, and is no place itself (kind `group`)."""
        parts = [p for p in re.split(r"[、和及与]", name) if p]
        if len(parts) < 2 or "、" not in name:
            return None
        resolved = [self._named(p, jur) for p in parts]
        if not all(r and not r.pending for r in resolved):
            return None
        return Resolution("、".join(r.entity for r in resolved), "group", "group", 0.9)

    def _compound(self, name: str, jur: Jurisdiction) -> Optional[Resolution]:
        """高新区(天元区) / 高新区天元区: two places reported as one row."""
        parts = [p for p in re.split(r"[()/、]", name) if p]
        if len(parts) != 2:
            mentions = self.gazetteer.find_in(name, jur.area, city_named=jur.city_named(self.gazetteer))
            if len(mentions) == 2 and "".join(m.surface for m in mentions) == name:
                parts = [m.surface for m in mentions]
        if len(parts) != 2:
            return None
        resolved = [self._named(p, jur) for p in parts]
        if not all(r and not r.pending for r in resolved):
            return None
        combined = f"{resolved[0].entity}({resolved[1].entity})"
        known = self._named(normalize_name(combined), jur)
        if known and not known.pending:
            return Resolution(known.entity, known.kind, "compound", 0.95, known.parent, code=known.code,
                              parent_code=known.parent_code)
        return Resolution(combined, resolved[0].kind, "compound", 0.9, resolved[0].parent,
                          parent_code=resolved[0].parent_code)

    def _department(self, name: str, jur: Jurisdiction) -> Optional[Resolution]:
        g = self.gazetteer
        dept_form = next((d for d in g.dept_by_length if name.endswith(d)), None)
        if dept_form is None:
            return self._level_office(name, jur)
        head = name[: -len(dept_form)]
        full = g.departments[dept_form]
        place: Optional[Place]
        head = re.sub(r"(人民)?政府$", "", head) if len(head) > 2 else head  # 市政府经济金融办
        if not head:
            place = jur.place  # "城乡建设局" in a 石峰区 table is 石峰区's
        elif head in ("市",):
            place = g.city_of(jur.place) or (jur.place if jur.place and jur.place.kind == "county_city" else None)
        elif head in ("区", "县"):
            place = jur.place if jur.place and jur.place.kind in ("district", "county", "county_city", "zone") else None
        elif head in ("省",):
            place = g.province_of(jur.place)
        else:
            head = head[:-1] if head.endswith(("市", "区", "县")) and head not in g.official and head not in g.scoped \
                else head
            resolved = None
            for form in (head, head + "市", head + "区", head + "县"):
                resolved = self._named(form, jur)
                if resolved and not resolved.pending:
                    break
                resolved = None
            if resolved is None:
                # "市平台公司(发改局)" and the like are not departments; "县文化广播电视和旅游局" is the county's
                return self._level_office(name, jur)
            return Resolution(f"{resolved.entity}{full}", "department", "department", 0.95, resolved.entity,
                              parent_code=resolved.code or resolved.parent_code)
        if place is None:
            return Resolution(name, "department", "review", 0.5)
        return Resolution(f"{place.name}{full}", "department", "department", 0.95 if jur.confidence >= CONFIDENT else 0.6,
                          place.name, parent_code=place.code or place.parent_code,
                          provisional=jur.confidence < CONFIDENT)

    def _level_office(self, name: str, jur: Jurisdiction) -> Optional[Resolution]:
        """"县文化广播电视和旅游局", "县交通运输局、县公路中心": offices no list names, each opened by the
        level of the document's own area (县 in a county's bulletin), are that area's (its name for the
        level word); any other level, or a name not wholly such offices, is left to the other readings."""
        parts = name.split("、")
        offices = [LEVEL_OFFICE.fullmatch(p) for p in parts]
        place = jur.place
        if not all(offices) or place is None or jur.confidence < CONFIDENT or not any(OFFICE_END.search(p) for p in parts):
            return None
        levels = {o.group(1) for o in offices}
        own = {"county": "县旗", "county_city": "市", "district": "区", "city": "市", "zone": "区"}.get(place.kind, "")
        if len(levels) != 1 or next(iter(levels)) not in own:
            return None
        full = "、".join(place.name + o.group(2) for o in offices)
        return Resolution(full, "department", "department", 0.9, place.name, parent_code=place.code or place.parent_code)

    def _local_names(self, area: Place) -> dict[str, list[Place]]:
        """The names of one city's places, built once per city and batch."""
        found = self.local_cache.get(area.key)
        if found is None:
            g = self.gazetteer
            found = {}
            for p in g.places:
                if p.until == 0 and p.kind != "province" and g.within(p, area):
                    found.setdefault(normalize_name(p.name), []).append(p)
            for alias, places in g.scoped.items():
                for p in places:
                    if g.within(p, area):
                        found.setdefault(alias, []).append(p)
            self.local_cache[area.key] = found
        return found

    def _fuzzy(self, name: str, jur: Jurisdiction, table_row: bool = False) -> Resolution:
        """Near-misses of the names of the document's own city only: a typo of 天元区 in a 株洲
        bulletin, never a place of another province."""
        g = self.gazetteer
        area = g.scope_of(jur.area)
        kind = kind_by_suffix(name)
        if area is None:
            return Resolution(name, kind, "new", 0.5)
        home = jur.place if jur.confidence >= CONFIDENT else None  # a guessed area is no one's parent
        # the name a zone word takes under the document's own area (航空港区 → 郑州航空港区)
        made = zone_name_under(name, home) if home is not None and not table_row and ZONE_NAME.search(name) else ""
        if made:
            # "航空港区" in a 郑州 bulletin: the city's zone by the name its city prefix makes, when the reference
            # list knows that name (an alias of 郑州航空港经济综合实验区)
            known, _ = g.official_named(made, jur.area)
            if known is not None and known.kind in ("zone", "park") and g.within(known, area):
                return _of_place(known, "alias", 0.9)
        local = self._local_names(area)
        abbreviated = re.fullmatch(r"([\u4e00-\u9fff]{1,3})(县|旗|市)|([\u4e00-\u9fff]{2,3})(区)", name)  # (not 市区, 山区)
        if abbreviated:
            # "托县", "和林县": a county written by the first characters of its name and its level, as its own
            # city writes it; only where one division of the city opens so, and for review
            head, level = (abbreviated.group(1), abbreviated.group(2)) if abbreviated.group(1) else (abbreviated.group(3), abbreviated.group(4))
            heads = {p.key: p for places in local.values() for p in places
                     if p.name.startswith(head) and p.name.endswith(level)
                     and len(p.name) > len(name) and p.kind in ("county", "district", "county_city")}
            if len(heads) == 1:
                place = next(iter(heads.values()))
                return _of_place(place, "abbreviation", 0.75, provisional=True)
        best = process.extract(name, list(local), scorer=fuzz.ratio, limit=5, score_cutoff=REVIEW - 15)
        ranked: list[tuple[Place, float]] = []
        for alias, score, _ in best:
            for p in local[alias]:
                if p not in [c for c, _ in ranked]:
                    ranked.append((p, round(score, 1)))
        candidates = tuple((p.name, s) for p, s in ranked[:3])
        if ranked:
            top, top_score = ranked[0]
            runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
            if top_score >= AUTO_ACCEPT and top_score - runner_up >= 5:
                return Resolution(top.name, top.kind, "fuzzy", round(top_score / 100, 3), top.parent or None,
                                  candidates, code=top.code or None, parent_code=top.parent_code)
            if top_score >= REVIEW:
                return Resolution(name, kind, "review", round(top_score / 100, 3), candidates=candidates)
        # a new name belongs to the area whose bulletin reads it: 城关镇 of 茶陵县 and of 攸县 are two
        # entities (keyed by name and parent code), never one whose figures mix
        if made and not g.find_in(name, jur.area, city_shorts=True):
            name = made
        return Resolution(name, kind, "new", 0.5, home.name if home else None, candidates,
                          parent_code=(home.code or "") if home else "")


# the endings of a zone's or park's own name (a 公园 or 花园 is a work, kept as written)
ZONE_NAME = re.compile(r"(园区|集中区|示范区|开发区|高新区|经开区|新区|工业区|度假区|保税区|综保区|实验区|试验区|集聚区|"
                       r"合作区|港区|(产业|科技|工业|物流|创业|文创|农业|软件)园)$")


# zones of regions wider than one city, never one city's: 长三角生态绿色一体化发展示范区, 中关村科技园区
# zone words a document may use bare for a zone it names in full elsewhere (示范区 for its
# 城乡一体化示范区, 集聚区 for 衢州绿色产业集聚区); a city's 高新区 / 经开区 are read by the city instead
BARE_ZONE_WORDS = ("产业集聚区", "集聚区", "示范区", "工业集中区", "工业园区", "合作区", "试验区")
ZONE_WRITTEN = re.compile(r"([\u4e00-\u9fff]{2,14}?)(" + "|".join(BARE_ZONE_WORDS) + ")")
LEADING_WORDS = re.compile(r"^(在|于|和|与|及|的|由|对|将|是|为|从|向|经|各|全|本|我)+")


def zones_written_in(lines: list[str]) -> dict[str, str]:
    """Each bare zone word the document also writes as one longer name, and that name ("市城乡一体化
    示范区管委会" → 示范区: 城乡一体化示范区). A word written as two different zones maps to neither."""
    found: dict[str, set] = {}
    for line in lines:
        for m in ZONE_WRITTEN.finditer(line):
            prefix = re.sub(r"^[市县区州盟]", "", LEADING_WORDS.sub("", m.group(1)))
            if len(prefix) >= 2:
                for word in BARE_ZONE_WORDS:
                    if (prefix + m.group(2)).endswith(word):
                        found.setdefault(word, set()).add(prefix + m.group(2))
    return {word: next(iter(names)) for word, names in found.items() if len(names) == 1}

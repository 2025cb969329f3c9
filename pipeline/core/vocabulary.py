"""The words of the genre that several stages must agree on, in one place: what marks a total,
and what names the issuer's own whole area. Each stage's pattern is built here from these lists,
so that a word added (全旗, 全盟 for Inner Mongolia, say) reaches every stage at once.
"""
from __future__ import annotations

import re

TOTAL_WORDS = ("合计", "总计")           # a row or column that sums the others
SUBTOTAL_WORDS = ("小计",)               # a total of a part
WHOLE_AREA_WORDS = ("全市", "全区", "全县")  # the issuer's whole area, as a row or a subject
MORE_WHOLE_AREA_WORDS = ("全州",)         # seen as names, not yet as table rows
SELF_WORDS = ("我市", "我区", "我县")       # the issuer speaking of itself
OWN_AREA_WORDS = ("本市", "本区", "本县")
OWN_LEVEL_WORDS = ("市本级", "区本级", "县本级")  # the issuer's own budget level, not its subdivisions


def _spaced(word: str) -> str:
    r"""A word whose characters a capture may have spaced apart ("合 计" → 合\s*计)."""
    return r"\s*".join(map(re.escape, word))


def _alternation(words, spaced: bool = False) -> str:
    return "|".join(_spaced(w) if spaced else re.escape(w) for w in words)


# a table row that totals the rows around it (table → facts, validation)
TOTAL_ROW = re.compile(rf"^({_alternation(TOTAL_WORDS + WHOLE_AREA_WORDS + SUBTOTAL_WORDS, spaced=True)})$")
# a total row a PDF table candidate is scored on (a 小计 sums only a part)
GRAND_TOTAL_ROW = re.compile(rf"^({_alternation(TOTAL_WORDS + WHOLE_AREA_WORDS, spaced=True)})$")
# a header path component that only says "total" ("1-9月完成投资 / 产业项目 / 小计")
TOTAL_PART = re.compile(rf"^({_alternation(TOTAL_WORDS + SUBTOTAL_WORDS)}|计|{_spaced('合计')})$")
# a name that means the issuer's own area (names → entities)
AGGREGATE_NAME = re.compile(rf"^({_alternation(TOTAL_WORDS + ('总数',) + WHOLE_AREA_WORDS + MORE_WHOLE_AREA_WORDS + OWN_AREA_WORDS + SELF_WORDS + OWN_LEVEL_WORDS + ('全市合计', '全区合计'))})$")
# a subject in a sentence that means the issuer's own area (prose → facts)
AGGREGATE_SUBJECT = re.compile(rf"({_alternation(WHOLE_AREA_WORDS + SELF_WORDS + OWN_LEVEL_WORDS)})")

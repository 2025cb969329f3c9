"""Numbers as written in bulletins: Arabic (thousands separators, signs, %) and Chinese numerals.

Chinese numerals are converted span by span, never whole sentences (converting a sentence
turns 三一重工 into 31重工).
"""
from __future__ import annotations

import re
from typing import Optional

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "点"
CN_NUMERAL = re.compile(rf"[{CN_NUMERAL_CHARS}]+")

# An Arabic number: sign, thousands groups or plain digits, decimals.
ARABIC = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
ARABIC_RE = re.compile(rf"^\s*({ARABIC})\s*$")


def parse_arabic(text: str) -> Optional[float]:
    m = ARABIC_RE.match(text)
    if not m:
        return None
    return float(m.group(1).replace(",", ""))


def _cn_section(text: str) -> int:
    """Value of a numeral below 10,000 (一千二百三十四, 十二, 两百)."""
    total, digit = 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            total += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(ch)
    return total + (digit or 0)


def parse_chinese_numeral(text: str) -> Optional[float]:
    """十二 → 12, 两 → 2, 九十二点七亿 → 9270000000, 一点五 → 1.5; None when not a numeral."""
    text = text.strip()
    if not text:
        return None
    try:
        integer_part, _, decimal_part = text.partition("点")
        big = 1
        for unit_char, factor in (("亿", CN_BIG_UNITS["亿"]), ("万", CN_BIG_UNITS["万"])):
            if decimal_part.endswith(unit_char):
                decimal_part, big = decimal_part[:-1], factor
                break
        value = 0
        rest = integer_part
        for unit_char in ("亿", "万"):
            if unit_char in rest:
                head, rest = rest.split(unit_char, 1)
                value += _cn_section(head or "一") * CN_BIG_UNITS[unit_char]
        if rest:
            if all(ch in CN_DIGITS for ch in rest) and len(rest) > 1:
                if not any(ch in "〇零" for ch in rest):
                    return None  # "唯一一个", "三四个": words and ranges, no number (a count needs its 十 or 百)
                value += int("".join(str(CN_DIGITS[ch]) for ch in rest))  # 二〇一七 style
            else:
                value += _cn_section(rest)
        if decimal_part:
            if not all(ch in CN_DIGITS for ch in decimal_part):
                return None
            value = float(f"{value}." + "".join(str(CN_DIGITS[ch]) for ch in decimal_part))
        return float(value) * big
    except (ValueError, KeyError):
        return None


def parse_number(text: str) -> Optional[float]:
    """Arabic or Chinese numeral, whole text; None when the text is not a single number."""
    value = parse_arabic(text)
    if value is not None:
        return value
    if CN_NUMERAL.fullmatch(text.strip() or "x"):
        return parse_chinese_numeral(text)
    return None

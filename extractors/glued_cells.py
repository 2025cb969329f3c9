"""A ranking table whose cell delimiters a capture lost: each row is a name with its rank and its
score glued into one number ("兖州区195.71" is rank 1, score 95.71; "汶上县977.93" rank 9, tied).

Such a number is split only where the arithmetic of a ranking decides it: read top to bottom,
the ranks must be 1, 2, 3 … (a tie repeats a rank and the next rank skips, 9, 9, 11), each rank
the leading digits of its row's number, and the scores that remain must never rise. The words
of a ranking (名次 / 排名 and 分数 / 得分) must stand beside the rows. Anything else is left as it
is: a number that cannot be split for certain is no figure of this kind.
"""
from __future__ import annotations

import re
from typing import Optional

ROW = re.compile(r"^(?P<name>[\u4e00-\u9fff()（）]{2,20}?)(?P<number>\d{2,4}(?:\.\d{1,2})?)(?P<rest>[\u4e00-\u9fff].*)?$")
RANK_WORD = re.compile(r"名次|排名|位次")
SCORE_WORD = re.compile(r"得分|分数|总分|综合得分")
LABEL_WORD = re.compile(r"(县市区|县\(市、区\)|县区|单位|地区|区县|地\s*区)$")
MIN_ROWS = 4


def split_ranking(numbers: list[str]) -> Optional[list[tuple[int, str]]]:
    """(rank, score as written) for each glued number, or None when no reading is a ranking.

    >>> split_ranking(["195.71", "291.64", "388.14", "487.79"])
    [(1, '95.71'), (2, '91.64'), (3, '88.14'), (4, '87.79')]
    >>> split_ranking(["977.93", "977.93"]) is None  # a ranking starts at 1
    True
    """
    out: list[tuple[int, str]] = []
    for position, number in enumerate(numbers, start=1):
        # the rank this row may have: the next position, or the rank before it when tied
        choices = []
        for rank in {position, out[-1][0] if out else 1}:
            digits = str(rank)
            score = number[len(digits):]
            if number.startswith(digits) and re.fullmatch(r"\d{1,3}(\.\d{1,2})?", score) and not score.startswith("0"):
                choices.append((rank, score))
        if out:
            tied = [(r, s) for r, s in choices if r == out[-1][0] and float(s) == float(out[-1][1])]
            fresh = [(r, s) for r, s in choices if r == position and float(s) <= float(out[-1][1])]
            choices = tied + fresh if not (tied and fresh) else []
        elif choices != [(1, number[1:])]:
            return None
        if len(choices) != 1:
            return None  # no reading, or two: never a guess
        out.append(choices[0])
    return out


def glued_ranking(lines: list[str], i: int, reserved: frozenset[int] = frozenset()
                  ) -> Optional[tuple[list[tuple[int, list[str]]], int]]:
    """The ranking table starting at line i: (header row and rows as (line index, cells),
    index after it), or None."""
    run: list[tuple[int, re.Match]] = []
    j = i
    while j < len(lines) and j not in reserved:
        m = ROW.match(lines[j].strip())
        if not m or (m.group("rest") and run and j + 1 < len(lines) and ROW.match(lines[j + 1].strip())):
            break
        run.append((j, m))
        j += 1
        if m.group("rest"):
            break  # the last row runs into the words after the table ("…1369.07分数综合结果名次说明")
    if len(run) < MIN_ROWS:
        return None
    around = " ".join(lines[max(0, i - 2):i]) + " " + (run[-1][1].group("rest") or "") + " " + \
        " ".join(lines[j:j + 2])
    rank_word, score_word = RANK_WORD.search(around), SCORE_WORD.search(around)
    if not rank_word or not score_word:
        return None
    split = split_ranking([m.group("number") for _, m in run])
    if split is None:
        return None
    label = LABEL_WORD.search(lines[i - 1].strip()) if i > 0 else None
    header = (i - 1 if label else i, [label.group(1) if label else "单位", rank_word.group(0), score_word.group(0)])
    rows = [(idx, [m.group("name"), str(rank), score]) for (idx, m), (rank, score) in zip(run, split)]
    return [header] + rows, j

"""Ranking tables whose delimiters a capture lost ("兖州区195.71" = rank 1, score 95.71): split
only where the ranking's arithmetic decides it, never guessed (extractors/glued_cells.py)."""
from __future__ import annotations

from hypothesis import given, strategies as st

from conftest import SAMPLES, SHARED
from extractors.glued_cells import split_ranking

scores = st.lists(st.integers(min_value=1000, max_value=9999), min_size=4, max_size=30)


def _ranking(raw: list[int]) -> list[tuple[int, str]]:
    """Ranks as a ranking writes them (a tie repeats its rank, the next one skips)."""
    values = sorted(raw, reverse=True)
    out = []
    for position, v in enumerate(values, start=1):
        rank = out[-1][0] if out and float(out[-1][1]) == v / 100 else position
        out.append((rank, f"{v / 100:g}"))
    return out


@given(scores)
def test_a_split_is_the_ranking_or_nothing(raw):
    ranking = _ranking(raw)
    glued = [f"{rank}{score}" for rank, score in ranking]
    split = split_ranking(glued)
    assert split is None or [(r, float(s)) for r, s in split] == [(r, float(s)) for r, s in ranking]


@given(st.lists(st.integers(min_value=1000, max_value=9999), min_size=4, max_size=9, unique=True))
def test_a_ranking_of_distinct_two_digit_scores_is_always_split(raw):
    ranking = _ranking(raw)
    assert split_ranking([f"{rank}{score}" for rank, score in ranking]) is not None


def test_numbers_that_are_no_ranking_stay_whole():
    assert split_ranking(["195.71", "391.64", "288.14", "487.79"]) is None  # ranks out of order
    assert split_ranking(["185.71", "291.64", "388.14", "487.79"]) is None  # scores rise (85.71 → 91.64)
    assert split_ranking(["95.71", "91.64", "88.14", "87.79"]) is None  # plain scores


def test_a_glued_ranking_sample_gives_ranks_and_scores(extract):
    doc = extract(SAMPLES / "2019_hengyang_guanmo_q3.txt")
    facts = {(f.entity, f.metric, f.value) for f in doc.facts}
    assert {("耒阳市", "排名", 1.0), ("耒阳市", "考核得分", 96.82), ("衡阳县", "排名", 5.0), ("衡东县", "排名", 5.0),
            ("衡东县", "考核得分", 88.15), ("衡山县", "排名", 7.0), ("南岳区", "考核得分", 84.32)} <= facts
    assert all("cells_split_by_ranking" in f.flags and f.extractor == "text_glued_ranking" for f in doc.facts)
    assert len(doc.facts) == 16


def test_the_real_jining_capture(extract):
    path = SHARED / "real_text" / "21_jining-2015-yijidu-gongye-xiangmu-guanmo-pingbi.txt"
    if not path.is_file():
        import pytest
        pytest.skip(f"{path} is absent (a clone outside the workplace)")
    doc = extract(path)
    facts = {(f.entity, f.metric, f.value) for f in doc.facts}
    assert {("兖州区", "排名", 1.0), ("兖州区", "考核得分", 95.71), ("嘉祥县", "排名", 9.0), ("汶上县", "排名", 9.0),
            ("梁山县", "排名", 11.0), ("济宁经开区", "考核得分", 69.07)} <= facts

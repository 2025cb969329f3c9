"""Failure classes the later blind batches showed (the works named as a sentence's topic in 岳阳, 恩施
and 开州 news; then batches v and w), each pinned with a bulletin written for the project in the same
shape (not the captures themselves)."""
from __future__ import annotations

from tests.conftest import read_text

WORKS_AS_TOPICS = """衡阳市重点项目建设进展情况
(2021年10月12日)
衡阳日报讯 记者从市重点办获悉,1-9月,全市重点项目完成投资312.5亿元,占年度计划的80.2%。
南岳机场改扩建工程作为今年全市头号工程,在衡阳境内新建航站楼1.2万平方米。今年计划投资6.5亿元,目前已完成投资5.1亿元。
同样进展顺利的还有全长42公里的衡永高速,前三季度已完成投资18.6亿元,占年度计划的77%。
衡阳至常宁公路已完成征拆量的90%。
全市在建高速4条,高速公路完成投资35亿元。
民生工程及社会事业项目作为补短板重点,完成投资12.4亿元。
"""


def test_a_work_that_opens_a_sentence_owns_its_figures_and_the_next_sentences(kit):
    doc = read_text(kit, "hengyang_works.txt", WORKS_AS_TOPICS)
    by_value = {(f.value, f.unit): f.entity for f in doc.facts}
    assert by_value[(312.5, "亿元")] == "衡阳市"
    # the airport's figures, in its own sentence and the next one that names no subject
    assert by_value[(6.5, "亿元")] == "南岳机场改扩建工程"
    assert by_value[(5.1, "亿元")] == by_value[(6.5, "亿元")]
    # a work brought in as the topic ("还有…的衡永高速,") owns the clauses after it
    assert by_value[(18.6, "亿元")] == "衡永高速"
    assert by_value[(77, "%")] == "衡永高速"
    assert by_value[(90, "%")] == "衡阳至常宁公路"
    # a sector (高速公路 alone, 4条高速) is no work: the city's
    assert by_value[(35, "亿元")] == "衡阳市"
    # kinds of project opening a sentence are the issuer's, not one project
    assert by_value[(12.4, "亿元")] == "衡阳市"

"""Golden facts of the project's own samples (always run, with or without ../shared)."""
import pytest

from tests.conftest import SAMPLES

JS_2019 = ("2019-01-01", "2019-09-30")
Y2019 = ("2019-01-01", "2019-12-31")
H1_2021 = ("2021-01-01", "2021-06-30")
Y2021 = ("2021-01-01", "2021-12-31")
M5_2018 = ("2018-01-01", "2018-05-31")
Y2018 = ("2018-01-01", "2018-12-31")

# (file, entity_raw, metric_raw, value, unit, period)
TABLE_CELLS = {
    "2019_hetang_1-9.txt": [
        *[(e, m, v, u, p) for e, vals in (
            ("月塘街道", (120000, 108600, 90.5, 1)), ("宋家桥街道", (90000, 76050, 84.5, 2)),
            ("金山街道", (80000, 61200, 76.5, 3)), ("桂花街道", (75000, 52500, 70, 4)),
            ("茨菇塘街道", (60000, None, None, None)), ("合计", (425000, 298350, 70.2, None)))
          for (m, u, p), v in zip((("全年计划投资", "万元", Y2019), ("1-9月完成投资", "万元", JS_2019),
                                   ("完成比例(%)", "%", JS_2019), ("排名", "位次", JS_2019)), vals) if v is not None],
        *[("", f"{m} / {cat}", v, u, JS_2019) for cat, vals, area in (
            ("集体土地", (18, 1500, 15, 1260), "亩"), ("国有土地", (6, 42000, 4, 36000), "平方米"))
          for (m, u), v in zip((("任务数 / 项目数", "个"), ("任务数 / 面积", area), ("完成数 / 项目数", "个"),
                                ("完成数 / 面积", area)), vals)],
    ],
    "2021_liling_h1_gbk.txt": [
        (e, m, v, u, p) for e, vals in (("醴陵经开区", (40.0, 23.6, 59.0)), ("陶瓷产业园", (18.5, 9.9, 53.5)),
                                        ("东富工业园", (12.0, 5.8, 48.3)), ("合计", (70.5, 39.3, 55.7)))
        for (m, u, p), v in zip((("年度计划", "亿元", Y2021), ("上半年完成", "亿元", H1_2021), ("完成率", "%", H1_2021)), vals)
    ],
    "2018_yueyang_1-5.html": [
        (e, m, v, u, p) for e, vals in (("岳阳楼区", (68.2, 32.1, 47.1)), ("云溪区", (35.0, 14.6, 41.7)),
                                        ("君山区", (22.4, 9.8, 43.8)), ("临湘市", (60.5, 28.7, 47.4)),
                                        ("汨罗市", (55.0, 25.3, 46.0)))
        for (m, u, p), v in zip((("年度计划", "亿元", Y2018), ("1-5月完成", "亿元", M5_2018), ("完成率", "%", M5_2018)), vals)
    ],
}


@pytest.mark.parametrize("name", list(TABLE_CELLS))
def test_sample_tables(name, extract):
    doc = extract(SAMPLES / name)
    got = {(f.entity_raw, f.metric_raw, f.value, f.unit, str(f.period.start), str(f.period.end))
           for f in doc.facts if f.source_kind == "table"}
    expected = {(e, m, float(v), u, *p) for e, m, v, u, p in TABLE_CELLS[name]}
    assert got == expected, (sorted(expected - got, key=str), sorted(got - expected, key=str))


def test_sample_metadata(extract):
    hetang = extract(SAMPLES / "2019_hetang_1-9.txt")
    assert hetang.meta.title == "1-9月份全区重点项目建设情况通报"
    assert hetang.meta.issuer == "荷塘区重点项目建设指挥部办公室"
    assert str(hetang.meta.issued_on) == "2019-10-18" and hetang.meta.series_no == "2019年第9期"
    assert hetang.meta.jurisdiction == "荷塘区"
    liling = extract(SAMPLES / "2021_liling_h1_gbk.txt")
    assert liling.source.encoding == "gb18030" and liling.meta.jurisdiction == "醴陵市"
    assert (str(liling.meta.period.start), str(liling.meta.period.end)) == H1_2021
    yueyang = extract(SAMPLES / "2018_yueyang_1-5.html")
    assert yueyang.meta.title == "岳阳市2018年1-5月重大项目建设情况通报"
    assert str(yueyang.meta.issued_on) == "2018-06-08" and yueyang.meta.jurisdiction == "岳阳市"
    nankang = extract(SAMPLES / "2016_nankang_summary.md")
    assert nankang.meta.jurisdiction == "南康区" and nankang.meta.period.label.endswith("一季度")


@pytest.mark.parametrize("name,entity,metric,value,unit,period", [
    ("2019_hetang_1-9.txt", "荷塘区", "固定资产投资", 1286450, "万元", JS_2019),
    ("2019_hetang_1-9.txt", "荷塘区", "同比增长", 11.2, "%", JS_2019),
    ("2019_hetang_1-9.txt", "荷塘区", "年度计划", 96.5, "亿元", Y2019),
    ("2019_hetang_1-9.txt", "荷塘区", "占年度计划", 81.5, "%", JS_2019),
    ("2019_hetang_1-9.txt", "荷塘区", "全年计划新开工项目", 22, "个", Y2019),
    ("2019_hetang_1-9.txt", "荷塘区", "新引进项目", 12, "个", JS_2019),
    ("2021_liling_h1_gbk.txt", "醴陵市", "同比提高", 6.1, "个百分点", H1_2021),
    ("2021_liling_h1_gbk.txt", "醴陵市", "新增标准厂房", 12.8, "万平方米", ("2021-01-01", "2021-06-30")),
    ("2018_yueyang_1-5.html", "临湘市", "完成", 28.7, "亿元", M5_2018),
    ("2016_nankang_summary.md", "南康区", "完成征地", 860, "亩", ("2016-01-01", "2016-03-31")),
])
def test_sample_prose(name, entity, metric, value, unit, period, extract):
    doc = extract(SAMPLES / name)
    described = {(f.entity, f.metric_raw, f.value, f.unit, str(f.period.start), str(f.period.end))
                 for f in doc.facts if f.source_kind == "text"}
    assert (entity, metric, float(value), unit, *period) in described


def test_a_class_of_projects_is_no_figure(kit):
    from pipeline.stages.document import extract_from_lines
    from schemas.records import SourceText

    lines = ["石峰区工作简报", "2017年4月24日", "1-3月,30个投资在 5000 万以上的项目进入统计直报,完成投资 11 亿元。"]
    doc = extract_from_lines(SourceText("x.txt", "0" * 64, "utf-8", lines), kit)
    assert not [f for f in doc.facts if f.raw.startswith("5000")]  # 5000万以上的项目: a class, not a figure
    assert [(f.metric, f.value, f.unit) for f in doc.facts if f.value == 11] == [("完成投资", 11.0, "亿元")]


def test_unknown_scale_is_flagged_not_guessed(kit):
    from pipeline.stages.document import extract_from_lines
    from schemas.records import SourceText

    lines = ["石峰区工作简报", "2017年4月24日", "1-3月,30个项目进入统计直报,新增就业岗位 5000 万,占年度计划的 31%。"]
    doc = extract_from_lines(SourceText("x.txt", "0" * 64, "utf-8", lines), kit)
    bare = [f for f in doc.facts if f.raw.startswith("5000")]
    assert bare and bare[0].unit is None and bare[0].value_base is None and "unit_unknown" in bare[0].flags
    assert any(x.check == "unit" and x.severity == "warning" for x in doc.findings)
    # after an amount of money the 万 is 万元, read from the measure and said so in a finding
    lines[2] = "1-3月,30个项目进入统计直报,完成投资 5000 万,占年度计划的 31%。"
    doc = extract_from_lines(SourceText("x.txt", "0" * 64, "utf-8", lines), kit)
    money = [f for f in doc.facts if f.raw.startswith("5000")][0]
    assert (money.unit, money.value_base, money.unit_base, money.flags) == ("万元", 5000, "万元", ["unit_from_measure"])
    assert any(x.check == "unit" and x.severity == "info" for x in doc.findings)


def test_a_city_beyond_the_reference_files(extract):
    """湘潭市岳塘区: places from the official division tables, departments and aggregates resolved,
    streets unknown to the reference data left for review rather than guessed."""
    doc = extract(SAMPLES / "2022_yuetang_q1.txt")
    assert doc.meta.jurisdiction == "岳塘区" and doc.meta.issuer == "湘潭市岳塘区发展和改革局"
    Q1, Y = ("2022-01-01", "2022-03-31"), ("2022-01-01", "2022-12-31")
    cells = {(f.entity_raw, f.metric_raw, f.value, f.unit, str(f.period.start), str(f.period.end))
             for f in doc.facts if f.source_kind == "table"}
    expected = set()
    for street, plan, done, rate in (("宝塔街道", 42000, 11800, 28.1), ("书院路街道", 36000, 9650, 26.8),
                                     ("五里堆街道", 28000, 6900, 24.6), ("荷塘街道", 30000, 8320, 27.7),
                                     ("霞城街道", 18000, 4100, 22.8), ("合计", 154000, 40770, 26.5)):
        expected |= {(street, "年度计划投资", float(plan), "万元", *Y), (street, "一季度完成投资", float(done), "万元", *Q1),
                     (street, "完成率", float(rate), "%", *Q1)}
    assert cells == expected
    by = {(f.entity, f.metric, f.value) for f in doc.facts}
    assert ("岳塘区", "完成投资", 40770.0) in by and ("湘潭市", "完成投资", 121.5) in by
    assert ("岳塘区发展和改革局", "完成投资", 6.3) in by and ("岳塘区住房和城乡建设局", "完成投资", 9.8) in by
    streets = [f for f in doc.facts if f.entity_raw == "荷塘街道"]
    assert streets and all(f.entity_method == "new" and "entity_new" in f.flags for f in streets)


def test_a_county_project_table_and_new_phrasings(extract):
    """茶陵县: a project table whose units sit in its headers (no unit line), an owner column that is
    an attribute, not a category; prose with 截至11月底, 前三季度, 较去年同期提高, 十二个, 两家."""
    doc = extract(SAMPLES / "2023_chaling_1-11.txt")
    assert (doc.meta.jurisdiction, str(doc.meta.period.start), str(doc.meta.period.end)) == ("茶陵县", "2023-01-01", "2023-11-30")
    Y, P = ("2023-01-01", "2023-12-31"), ("2023-01-01", "2023-11-30")
    cells = {(f.entity_raw, f.metric, f.value, f.unit, str(f.period.start), str(f.period.end))
             for f in doc.facts if f.source_kind == "table"}
    expected = set()
    for project, plan, done, rate in (("茶陵工业集中区标准厂房", 6.5, 6.2, 95.4), ("茶陵至炎陵快速通道", 8.0, 7.1, 88.8),
                                      ("县人民医院门诊综合楼", 3.2, 3.3, 103.1), ("洣水风光带二期", 4.8, 4.0, 83.3),
                                      ("合计", 22.5, 20.6, 91.6)):
        expected |= {(project, "计划投资", plan, "亿元", *Y), (project, "完成投资", done, "亿元", *P),
                     (project, "完成率", rate, "%", *P)}
    assert cells == expected
    prose = {(f.metric, f.value, f.unit, str(f.period.start), str(f.period.end)) for f in doc.facts
             if f.source_kind == "text"}
    assert ("完成投资", 48.6, "亿元", *P) in prose and ("同比变化百分点", 3.5, "个百分点", *P) in prose
    assert ("同比增长", 8.1, "%", "2023-01-01", "2023-09-30") in prose  # 前三季度
    assert ("项目提前完成全年任务", 12.0, "个", *P) in prose and ("企业数", 2.0, "家", *P) in prose
    assert ("到位资金", 18.2, "亿元", *P) in prose

"""The words of the genre, in one place: what marks a total, what names the issuer's own whole
area, which header words say a column's kind of measure, and the words jieba must keep whole in
a sentence. Each stage's pattern is built here, so that a word added (全旗, 全盟 for Inner
Mongolia, say) reaches every stage at once. The canonical measures themselves, with the phrases
that name them, are data: schemas/reference/metrics.csv. The number grammar is
pipeline/core/numbers.py, the units pipeline/core/units.py.
"""
from __future__ import annotations

import re

TOTAL_WORDS = ("合计", "总计")           # a row or column that sums the others
SUBTOTAL_WORDS = ("小计",)               # a total of a part
WHOLE_AREA_WORDS = ("全市", "全区", "全县")  # the issuer's whole area, as a row or a subject
MORE_WHOLE_AREA_WORDS = ("全州", "全旗", "全盟", "全省", "全自治区", "自治区层面")  # seen as names, not yet as table rows
SELF_WORDS = ("我市", "我区", "我县", "我州", "我旗", "我省")       # the issuer speaking of itself
OWN_AREA_WORDS = ("本市", "本区", "本县")
OWN_LEVEL_WORDS = ("市本级", "区本级", "县本级")  # the issuer's own budget level, not its subdivisions


def _spaced(word: str) -> str:
    r"""A word whose characters a capture may have spaced apart ("合 计" → 合\s*计)."""
    return r"\s*".join(map(re.escape, word))


def _alternation(words, spaced: bool = False) -> str:
    return "|".join(_spaced(w) if spaced else re.escape(w) for w in words)


# measures that run from the start of a year and can only grow from one bulletin to the next
# (pipeline/store/series.py): what was done, started, finished, signed or paid in so far
CUMULATIVE_MEASURES = ("完成投资", "固定资产投资", "开工项目数", "竣工项目数", "投产项目数", "开复工项目数", "复工项目数",
                       "完成项目数", "签约项目数", "签约金额", "到位资金", "征地面积", "房屋征收面积", "交地面积", "融资")

# a table row that totals the rows around it (table → facts, validation)
# a place's own office written after its name (姚家街道办事处, 台江县人民政府): the place acting, or a party
PLACE_OFFICES = r"(?:人民政府|政府|管委会|党工委|党委|办事处)"
# "全州合计", "全县总计": the whole area's row, however its total is worded (a bare 全州 may be 全州县's short form)
WHOLE_AREA_TOTALS = tuple(w + t for w in WHOLE_AREA_WORDS + ("全州", "全旗", "全盟", "全省") for t in TOTAL_WORDS)
TOTAL_ROW = re.compile(rf"^({_alternation(TOTAL_WORDS + WHOLE_AREA_WORDS + SUBTOTAL_WORDS + WHOLE_AREA_TOTALS, spaced=True)})$")
# a total row a PDF table candidate is scored on (a 小计 sums only a part)
GRAND_TOTAL_ROW = re.compile(rf"^({_alternation(TOTAL_WORDS + WHOLE_AREA_WORDS, spaced=True)})$")
# a header path component that only says "total" ("1-9月完成投资 / 产业项目 / 小计")
TOTAL_PART = re.compile(rf"^({_alternation(TOTAL_WORDS + SUBTOTAL_WORDS)}|计|{_spaced('合计')})$")
# a name that means the issuer's own area (names → entities)
AGGREGATE_NAME = re.compile(rf"^({_alternation(TOTAL_WORDS + ('总数',) + WHOLE_AREA_WORDS + MORE_WHOLE_AREA_WORDS + OWN_AREA_WORDS + SELF_WORDS + OWN_LEVEL_WORDS + WHOLE_AREA_TOTALS)})$")
# a subject in a sentence that means the issuer's own area (prose → facts)
AGGREGATE_SUBJECT = re.compile(rf"({_alternation(WHOLE_AREA_WORDS + MORE_WHOLE_AREA_WORDS + SELF_WORDS + OWN_LEVEL_WORDS)})")


# header words that say what kind of measure a column holds (table → facts: the column's unit)
RATIO_WORDS = re.compile(r"(率|比重|比例|占.*比|百分比|增幅|增速|增长|%)$|完成率|比重|比例|占比|占年度|占全年"
                         r"|^完成(年度|全年|年)(投资)?(计划|任务|目标)$")  # "完成年度计划": the share of the plan done
PROGRESS_WORDS = re.compile(r"进度$")  # 完成进度, 形象进度: a share where the unit line gives %, else as the line says
RANK_WORDS = re.compile(r"(排名|排序|名次|位次|排位)")
SCORE_WORDS = re.compile(r"(得分|分值|加分|扣分|\d+\s*分\)|评分|考核分|分数|总分)")
COUNT_WORDS = [(re.compile(p), unit) for p, unit in (
    (r"宗数", "宗"), (r"户数", "户"), (r"家数|企业数", "家"), (r"人数", "人"),
    (r"(个数|项目数|任务数|数量|签约个数|项目个数)$|项目[^面积投资金额]*数$", "个"),
)]
MONEY_WORDS = re.compile(r"投资|金额|资金|产值|融资|收入|税收|完成额|计划额|总额|目标额|销售额|"
                         r"^(年度|全年|年)(计划|目标|任务)$")  # a 年度计划 column beside 完成投资 is money
LAND_WORDS = re.compile(r"用地|土地|征地|集体|亩")
BUILDING_WORDS = re.compile(r"厂房|房屋|建筑|国有(?!建设用地|用地)")  # 国有建设用地 is land (亩); 国有土地 (its houses) m²
SURFACE_WORDS = re.compile(r"面积|用地|土地|征地|厂房|房屋|亩")

# words jieba must keep whole when it cuts a sentence's measure phrase: department short forms
# (区发改局 is not 区发 / 改局) and measure phrases
PHRASE_WORDS = ("发改局", "发改委", "住建局", "经信局", "重点办", "项目办", "固定资产投资", "完成投资", "计划投资",
                "年度计划", "实际开工", "计划开工", "计划竣工", "实际竣工", "征地拆迁", "房屋征收", "标准厂房",
                "签约金额", "招商引资", "同比增长", "同比上升", "同比下降", "开工率", "竣工率", "完成率")


# a row or subject that names a kind of project, not an entity: 新建项目, 省重点项目, 基础设施类, 其中:产业项目
CATEGORY_QUALIFIERS = ("新建", "新开工", "续建", "收尾", "预备", "在建", "竣工", "投产", "前期", "储备", "谋划", "签约",
                       "建成", "建成投运", "建成投产", "投运", "加快建设", "加快推进", "开工", "民生工程", "生态建设",
                       "环境保护", "公共服务", "基础设施建设",
                       "省", "市", "县", "区", "州", "省级", "市级", "县级", "区级", "省定", "市定", "县定", "省列", "市列",
                       "重点", "重大", "产业", "工业", "基础设施", "民生", "社会事业", "服务业", "现代服务业", "农业", "农林水",
                       "城建", "城市建设", "交通", "水利", "能源", "生态环保", "生态", "环保", "文旅", "旅游", "科技",
                       "教育", "卫生", "一产", "二产", "三产", "第一产业", "第二产业", "第三产业", "亿元以上", "计划内",
                       "计划外", "政府投资", "社会投资", "招商引资", "先进制造业", "制造业", "战略性新兴产业", "新兴产业",
                       "传统产业", "技改", "技术改造", "城镇化", "乡村振兴", "保障性住房", "棚改", "其他", "其它",
                       "农林", "农林水利", "商贸", "商贸流通", "物流", "国土", "房地产", "文化", "体育", "医疗", "市政",
                       "城市基础设施", "社会民生", "信息", "新基建", "数字经济", "现代农业")
CATEGORY_NAME = re.compile(rf"^(其中[:：]?)?({_alternation(sorted(CATEGORY_QUALIFIERS, key=len, reverse=True))}|及|和|、)+"
                           r"(项目|工程|类项目|类|板块|领域)$")


# a line that is only a project's name ("松原至双辽(金宝屯)高速公路"): a list of projects heads each
# one's figures with it
# (a route, 图们至珲春…, or a work whose kind no category has: 高速公路, 大桥; not 招商引资项目, 棚户区改造工程)
PROJECT_HEADING = re.compile(r"^[\u4e00-\u9fff()（）\d]{2,30}(高速公路|公路|铁路|大桥|隧道|机场|码头|电站|水库|水厂)$"
                             r"|^[\u4e00-\u9fff()（）\d]{1,14}至[\u4e00-\u9fff()（）\d]{1,14}(项目|工程|线|段)$")


# the kinds of work one named project is ("渝西高铁", "宣咸高速", "跳蹬水库"): a name ending so, with
# words of its own before the kind, is one project, not a sector (高速公路 alone, 小型水库)
# (a section of one, "衢宁铁路丽水段", is one work too)
WORK_OF_ONE_PROJECT = r"(?:(?:高速公路|高速铁路|城际铁路|铁路|高铁|高速|快速路|公路|大桥|特大桥|隧道|机场|水库|水利枢纽|电站|电厂|码头|港区|航道)(?:[\u4e00-\u9fff]{2,6}段)?)"
GENERIC_WORK_CORE = re.compile(r"(^|[\d一二三四五六七八九十两]\s*条)$|^(各|全|所有|重点|重大|在建|新建|续建|新开工|已建|拟建|小型|中型|大型|病险|农村|城市|港口|水运|航运|"
                               r"国家|省|市|县|区|乡镇|交通|普通|干线|国省|其中|其他|另外|此外|"
                               # a deed opening the words ("全力包装策划项目", "加快建设高速"): no name
                               r"加快|推进|全力|积极|建设|开工|新建|完成|实施|抓好|做好|争取|策划|包装|谋划|启动|开展|力争|确保|"
                               r"计划|全面|大力|着力|主要|有序|稳步|持续|督促|协调|服务|保障|围绕|聚焦|"
                               # kinds of work, not one ("四好农村公路", "抽水蓄能电站", "多条高速")
                               r"四好|乡村|城乡|旅游|抽水蓄能|光伏|风电|水电|多条|多座|多个|各类|一批|该|这|老旧|高标准)")


# "安徽热线", "大河网", "中国XX在线": the name of the site that carries a page, neither its title nor its
# place (a portal reposts other provinces' news: its name says nothing of whose news it is)
SITE_NAME = re.compile(r"^\S{2,10}(?:网|热线|在线|门户|频道|网站|之窗|客户端)(?:手机版|移动版|电脑版|触屏版|客户端)?$")

# a group of an area's units by their number ("苏南五市", "东部三县"): none of them alone
UNITS_GROUP_END = r"(?:[两二三四五六七八九十]{1,2}|\d{1,2})个?(?:市|县|区|旗|县区|县市|市县|区县|县市区|地市|市州)"

# the words of a superlative ("全省最多", "徐州领先"): what is most, never a measure or a figure
SUPERLATIVE_WORDS = r"最[多大高快好优少低]|之最|首位|之首|前列|前茅|领先|居首"

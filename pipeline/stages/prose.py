"""Figures in sentences: every number with a unit or a percent becomes a fact with its metric
phrase (what it measures), its subject (全区 / 全市 / a named place), its period and the sentence.

Chinese numerals count only where they carry a figure (十二个, 两家): value 2 or more, not inside
quotes (“六个一”), not a list marker (一是) nor part of a name (五个100).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from extractors.headers import SEP
from pipeline.core import word_dictionary
from pipeline.core.normalize import HEADING
from pipeline.core.numbers import ARABIC, parse_arabic, parse_chinese_numeral
from pipeline.core.periods import PERIOD_PATTERNS, SPAN_KINDS, find_period, period_from_match
from pipeline.stages.metrics import NOT_A_WORKS_COST
from pipeline.stages.gazetteer import AREA_PART, ETHNIC_PEOPLES, GENERIC_NAMES, LOCAL_KINDS, MUNICIPALITIES, PROVINCE_LEVEL, ZONE_WORDS_BY_LENGTH, Gazetteer, a_town_name, zone_parts
from pipeline.stages.jurisdiction import TOWN_VOICE, Jurisdiction, towns_named
from pipeline.core.vocabulary import CATEGORY_NAME, GENERIC_WORK_CORE, PLACE_OFFICES, WORK_OF_ONE_PROJECT
from pipeline.stages.metrics import BASE_SET, category_of
from pipeline.core.units import PROSE_UNIT_ALTERNATION, UNIT_ALTERNATION, canonical_unit, kind_of, to_base
from pipeline.core.vocabulary import AGGREGATE_SUBJECT, PHRASE_WORDS, PROJECT_HEADING, SUPERLATIVE_WORDS, UNITS_GROUP_END
from schemas.records import DocumentMeta, Fact, Figure, Period

ARABIC_NUM = rf"(?<![\d.A-Za-z]){ARABIC}"  # the number grammar, not glued to a word or another number
CN_NUM = r"[零〇一二两三四五六七八九十百千万亿点]+"


def _figure_pattern(units: str) -> re.Pattern:
    # (?!次): 1.2亿人次 is visits, not 1.2亿 people; (?!级): 5000吨级 is a class of berth or ship
    return re.compile(rf"(?P<num>{ARABIC_NUM}|{CN_NUM})\s*(?:(?P<unit>{units})(?![次级])(?P<per>/(?:平方米|m²|[人户股吨亩年月天次个家套]))?"
                      rf"|(?P<bare>[万亿])(?![\u4e00-\u9fff]*?[元亩]))")


FIGURE = _figure_pattern(PROSE_UNIT_ALTERNATION)
# communiqués and reports state statistics in prose: 粮食总产量902.61万吨, 生猪出栏745.02万头
STATISTICS_FIGURE = _figure_pattern(UNIT_ALTERNATION)
STATISTICAL_GENRES = ("communique", "report")
SENTENCE_END = re.compile(r"(?<=[。；;！？!?])|(?<=……)|(?<=\.\.\.\.\.\.)")  # an ellipsis ends a thought too
CLAUSE_DELIM = "，,；;：:、（(）)。“”《》"
LEADING_NOISE = {"其中", "全区", "全市", "全县", "我区", "我市", "我县", "已", "共", "共有", "实现", "累计", "今年", "以来",
                 "目前", "同时", "并", "和", "及", "分别", "均", "总计", "合计", "还有", "有", "另",
                 "达", "达到", "为", "是", "约", "近", "超", "超过", "的", "了", "在", "完成了", "其", "中", "月", "份",
                 "已有", "截至", "截止", "目前已", "期间", "以上", "左右", "对", "将", "把", "从", "按", "按照", "就"}
TRAILING_NOISE = {"为", "各", "均", "达", "达到", "是", "约", "近", "超过", "超", "的", "了", "共", "共计", "总计", "计", "达到了",
                  "有", "已", "在", "合计", "约为", "分别为", "分别", "高达", "仅", "只有", "突破", "逾", "多", "余",
                  "已有", "共有", "还有", "中", "其中", "对", "将", "把", "从", "有"}
QUALIFIER_AFTER_PLACE = re.compile(r"(级|市级|县级|区级)?(的)?(重点|重大|新开工|续建|在建|项目|百大|千项|“|\"|『|「)")
# a list of names and figures after its opening words: "…分别为：长治124.9%、忻州86.3%、晋城", "为桥西区("
FIGURES_AFTER = re.compile(r"分别(为|是|达|达到)?\s*[:：]?\s*$")  # a list of figures only, the measure said before it
LIST_INTRODUCER = re.compile(r"[:：]|为|是|依次")
LIST_ITEMS = re.compile(r"(?:[^,，。;；:：、\d\s]{1,12}\s?[(（]?\s?\d[\d.]*\s?(?:%|[万亿]?元)?\s?[)）]?\s?(?:、\s?|(?<=[)）])(?=[和及])))*"
                        r"[^,，。;；:：、\d\s]{1,12}\s?[(（]?\s?")
# the words of a list's opening that are not its measure
RANKED_NAMES = re.compile(r"(排名|排序|排在|位列|位居|居前|居后)[^,，;；:：]*(是|为)[^,，;；:：]*$")
# "开复工率达到80%以上的旗县市有乌兰浩特市、科右前旗…": the measure comes before the mark the
# listed names pass and the names
PASSING_NAMES = re.compile(r"(达到|超过|超|高于|在)\s*[\d.]+\s*(%|％|个百分点)?(以上|以下)?的[^,，;；:：]{0,8}?(有|是|为)[^,，;；:：]*$")
ALL_OF_THEM = re.compile(r"(均|都|全部)(超过|超出|超|高于|低于|快于|慢于|达到|在)[^,，;；:：]*$")
LIST_WORDS = re.compile(r"([,，;；:：\s]|由高到低|从高到低|依次|分别|排名|排在|排序|(前|后)[一二三四五六七八九十\d]+(位|名)|的|为|是)+$")
# "我市新开工中集冷链…项目等47个重点项目": the event the examples (and the count after them) went through
EXAMPLES_EVENT = re.compile(r"^\s*(?:全市|我市|全县|我县|全区|我区|全省|我省|今年|共|累计|已|已经|集中)*"
                            r"(新开工|开工|开复工|复工|竣工|建成投产|建成|投产|新签约|签约)")
# "胡集镇、双河镇等乡镇重点项目…" after a work: places together, then their projects
GROUP_OF_PLACES = re.compile(r"[^,，;；。]{1,12}等[^,，;；。]{0,8}?(乡镇|镇|县|区|园区|项目)")
# "从签约项目总数来看,": what a list of places is viewed by
VIEWED_BY = re.compile(r"从([^,，;；:：。]{2,20}?)(?:上)?(?:来)?看\s*[,，:：]")


def _viewed_by(before: str) -> str:
    """"从签约项目总数来看,定远14个,…": the measure a list of places is viewed by (a measure's words only)."""
    found = list(VIEWED_BY.finditer(before))
    what = found[-1].group(1) if found else ""
    return re.sub(r"总数$|情况$", "", what) if re.search(r"项目|投资|开工|签约|竣工", what) else ""


def _group_of_places(sentence: str, clause_start: int, at: int) -> bool:
    """"胡集镇、双河镇等乡镇重点项目完成投资4.5亿元" after a work opening the sentence: a group's figure, not the work's."""
    return sentence[clause_start - 1:clause_start] == "、" and GROUP_OF_PLACES.match(sentence, clause_start, at) is not None


# a story of a paper's page of several, opening with its dateline
DATELINE = re.compile(r"^\s*(?:本报|本网|本台)\s*([\u4e00-\u9fff]{2,6}?)\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电")
# "集中签约、开工及竣工的项目": stages listed together
STAGES_LISTED_BEFORE = re.compile(r"(?:集中|新)?(?:(?:签约|开工|开复工|竣工|投产|建成)、新?)+")
STAGE_OPENS = re.compile(r"(签约|开工|开复工|竣工|投产|建成)")
# an amount of money named right before a bare 亿 / 万 ("完成投资343.19亿")
MONEY_MEASURE_BEFORE = re.compile(r"(投资|资金|金额|总额|产值|收入|税收|营收|融资|签约额)(额|计划|任务|目标)?\s*(分别)?\s*(是|达到?|为|约|近|超过?|逾|了)?\s*$")
# the members of a list of bare amounts before this one ("分别是16.6亿、11.1亿、"): the list's measure is before them
BARE_AMOUNTS_BEFORE = re.compile(r"(?:\d[\d.]*\s*[万亿]\s*[、,，和及]\s*)+$")
# what is said of the counted projects right after them ("87个项目已顺利开工")
COUNTED_EVENT = re.compile(r"\s*(已经|已全部|全部|均已|已|顺利|现已)*(开工|竣工|投产|建成|完工|开复工)")
LAST_EVENT = re.compile(r"(已经|已全部|均已|已|现已)(开工|竣工|投产|建成|完工|开复工)[^，,。]*$")
# where the noun a count counts ends: the next measure of the sentence begins
COUNTED_NOUN_END = re.compile(r"(?<=项目|工程|企业)(?=完成|累计|计划|总投资|年度|实现|共|已|当年|全年|开工|竣工|投产|开复工|复工)")
SUBJECT_WINDOW = 300  # characters before a figure where its subject word may stand
# words that open a part speaking of other subjects: no carried subject for it
OWN_SUBJECT_WORDS = re.compile(r"(其余|其他|其它|另有|另外|合计|总计|各|全市|全区|全县|全省|全州|全盟)")
DIRECT_UNITS = re.compile(r"(市直|县直|区直|省直|州直|盟直)")  # "市直1项": the issuer's own units, never the place before
# "截至8月,州级301项重点建设项目…" after a county's sentence: the level's own projects, not the county's;
# under a place that heads its paragraph (滨城区 。 …市级重点技改类项目3个) they are that place's
# "…高新技术开发区项目完成投资7.68亿元；城市基础设施项目完成投资5.8亿元": a clause that opens with a
# kind of project speaks of the issuer's projects of that kind, not of the place before it
KIND_OPENS = re.compile(r"^(?!其中|包括|含|其余|其他|目前|今年|全年|当前|已|累计|新|该)(?:(?!开工|复工|竣工|完成|投资|签约|实施|推进|计划|建设|列入|纳入|入选)"
                        r"[\u4e00-\u9fff“”、及和]){2,24}?(项目|工程)(?=\d|[,，]|\s|累计|完成|共|已|计划)")
# "按类别分,产业发展项目37个": a sentence opening another breakdown of the whole (by kind, by field)
# speaks of the issuer's whole again, not of the last place listed before it
BREAKDOWN_OPENS = re.compile(r"^(按|分|从|根据|按照)[^,，;；:：]{1,8}(分|看|来看|划分|统计)\s*[,，:：]")
LEVEL_PROJECTS = re.compile(r"(省级|市级|州级|盟级|县级|区级)")
# "…县(市)组,从第一名到第七名依次为:A、B、C", "…投资完成率排名由高到低依次是:A、B、C"
# "…县(市)组,从第一名到第七名依次为:A、B、C": ranks stated outright. An order alone ("排名由高到低依次是:
# A、B、C") states no rank figures, and none are made of it
# "…投资完成率排名由高到低依次是:社旗县、桐柏县…": a ranking said to be in order is stated outright too
RANK_LIST = re.compile(r"(?P<group>[^。;；]{0,20}?组)?[,，]?\s*(?P<what>[^。;；:：]{0,30}?(?:第一名到第[一二三四五六七八九十\d]+名"
                       r"|排名\s*(?:由高到低|从高到低)?\s*依次|(?:由高到低|从高到低)\s*排名\s*依次))"
                       r"\s*(?:依次)?(?:为|是)[:：]?\s*(?P<names>[^。;；:：]+)")
# "总分居前3位的县市区分别是A、B、C", "居第4位至第7位的县市区分别是D、E、F、G": the places of a
# stretch of the ranking, in order
RANK_STRETCH = re.compile(r"(?P<what>[^,，。;；:：]{0,12}?)(?:(?:居|位居|位列|排名|排在|排)|(?=前[\d一二三四五六七八九十]{1,3}(?:位|名)(?:依次|分别)))"
                          r"(?:前(?P<top>\d{1,2}|[一二三四五六七八九十]{1,3})(?:位|名)"
                          r"|第(?P<a>\d{1,2}|[一二三四五六七八九十]{1,3})(?:位|名)?(?:至|到|-|—)第?(?P<b>\d{1,2}|[一二三四五六七八九十]{1,3})(?:位|名))"
                          r"的?(?P<group>[^,，。;；:：、]{0,10}?)(?:分别|依次)?(?:是|为)[:：]?(?P<names>[^,，。;；:：]+)")
TIED = re.compile(r"\s*[(（]\s*并列(?:第\s*[\d一二三四五六七八九十]{1,3})?\s*[)）]\s*$")  # "(并列第三)"
# "13个县(市、区)投资完成率": the kind of unit ranked opens the words, after its count
RANKED_GROUP = re.compile(r"^[\d一二三四五六七八九十]+\s*个\s*(?P<group>[^\d投完开竣综考排]{1,12}?)(?=投资|完成|开工|竣工|综合|考核|排名)")
# "位居第二", "居全省第2位", "排名第三", "列全市第一": a rank as an ordinal
ORDINAL_RANK = re.compile(r"(?:位居|位列|排名|排在|排|居|(?<!并)列|荣获|获得|夺得|获|(?<=名)和|(?<=名)、)(?P<scope>全省|全市|全区|全州|全国|同类)?第(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})"
                          r"(?:名|位)?(?![\d一二三四五六七八九十批次期季届名位])(?!\s*[至到—-])(?!方阵|梯队|方队|档)")  # 第4位至第7位: a range;
# 第一方阵, 第一梯队: a tier, no rank
# what a project produces is part of its name, not a figure of the bulletin
CAPACITY_BEFORE = re.compile(r"(?<!全)(年产|年新增|年加工|年处理|年发电量?|年吞吐|年产能|日产|日处理|产能|装机|装机容量)(能力|规模)?\s*(近|约|达)?\s*$")
CAPACITY_UNIT_AFTER = re.compile(r"^\s*(吨|千瓦时?|瓦|片|台|套|辆|头|只|件|立方米|标箱|平方米|千伏安|伏安|盏|株|羽|千米|公里)")
GENERIC_PROJECTS = re.compile(r"(重点|重大|重点建设|重大建设|续建|新建|新开工|开工|开复工|复工|竣工|签约|投产|在建|产业|基础设施|民生|各类|全部|所有)$|层面")
GENERIC_AREA = re.compile(r"^(各|全|相关|重点|项目|建设|部分|有关|省级|市级|县级|国家级|自治区级)|项目建设(园区|新区)$|以上|各类|乡村振兴")
# where a clause opens inside a sentence, and a named work opening it with what it did or will do
CLAUSE_OPENING = re.compile(r"(?:其中\s*[,，:：]|[;；])\s*")
WORK_OPENS_CLAUSE = re.compile(r"((?:[A-Z]\d{1,4})?[\u4e00-\u9fff][^\W_的,，;；。]{3,30}?(?:项目|工程))"
                               r"(?=已|计划|预计|正在|目前|将|完成|亩均|建成|投产|总投资)")
# the words named areas and zones end with (a zone's own kinds beside them: 开发区, 高新区, 保税区 …)
AREA_WORDS = "新区|经济区|度假区|园区|片区|管理区|集聚区|示范区|试验区|合作区"
# a zone or area heading its line with a colon ("上饶高铁经济试验区：市重大项目63个")
HEADING_AREA = re.compile(r"\s*(?:[\d一二三四五六七八九十]{1,2}\s*[、.．]\s*|[(（][一二三四五六七八九十\d]{1,2}[)）]\s*)?([\u4e00-\u9fff]{2,12}?"
                          rf"(?:{AREA_WORDS}|{'|'.join(ZONE_WORDS_BY_LENGTH)}|实验区|新城))\s*[:：]")
# a heading that is a task or a visit, not a zone's name ("二是做强工业园区：", "走进赣江新区：")
NOT_A_ZONES_NAME = re.compile(r"^[一二三四五六七八九十]是|^(走进|做强|做大|提升|建强|加快|推进|打造|发展|建设|聚焦|深耕|扎实|全力|抓好|壮大)")
# a government or office after a place ("由…县人民政府与…"): the place as a party, not a subject
GOVERNMENT_AFTER = re.compile(PLACE_OFFICES)
# a project whose name a place opens: "楚雄市200MW共享储能建设项目完成投资…"
PROJECT_AFTER_PLACE = re.compile(r"((?:[^,，;；。、:：()（）]|[(（][A-Za-z\u4e00-\u9fff]{2,6}[)）]){3,40}?)(项目|工程|基地)"
                                 r"(?=[^,，;；。、]{0,12}?(完成|总投资|累计|已|开工|竣工|年度|计划|投资|用地|占地))")  # (…第四届(鄂州)园林博览会项目)
# what a place does, not a work it names: "隆德县扎实开展项目“五比”…活动", "某县全力推进项目建设"
NOT_A_WORKS_NAME = re.compile(r"^(扎实|全力|积极|大力|强力|持续|深入|认真|着力|加快|加速|推进|推动|开展|狠抓|紧抓|抓好|围绕|聚焦|"
                              r"坚持|统筹|谋划|组织|召开|举行|启动|落实|做好|通过|按照|多措并举|把|获得|荣获|取得|争创|荣膺|获评)"
                              r"|.*(举行|召开|举办)|.*全[省市国县区州]")  # (获得全省高质量项目建设…奖励: an award, no work)
LEADING_MEASURE = re.compile(r"^(的|共|有|已|累计|完成|新开工|开工|竣工|实施|推进|列入|纳入|重点|重大|省|市|县|区|级)")
# a forecast: every figure after it in its sentence, and one its phrase names so, is an estimate
FORECAST_WORD = re.compile(r"(预计|预测|预估|估计|有望|可望)")
# a class of projects by size, after examples: "…等100亿元以上项目", "…等50亿-100亿元项目"
SIZE_CLASS = re.compile(r"\s*[\d.]+\s*[万亿]元?(\s*[-—–~～至到]\s*[\d.]+\s*[万亿]元)?\s*(以上|以下|及以上)?(的)?[\u4e00-\u9fff]{0,6}?(项目|工程)")
# where a list of examples ends: "A、B项目等11个"
EXAMPLES_END = re.compile(r"[^,，;；。]*?等(\s*[\d一二三四五六七八九十百]+\s*[个项宗家条座所批])?")
SUBJECT_LEAD = re.compile(r"^(其中|另外|此外|同时|纳入|列入|位于|在|从|对|全年|今年|目前|截至目前|主要包括|包括|主要有)+")
# a unit a line reports on, named before a colon ("1.党建引领基层治理工作指挥部:项目7项")
ORGANIZATION_HEADING = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]\s*)?([\u4e00-\u9fff()（）]{2,24}?(?:指挥部|管委会|工作组|领导小组|工作专班|专班))\s*[:：]")
LISTS_NAMED_AFTER = re.compile(r"、[\u4e00-\u9fff]{1,6}?(省|市|县|区|州)(级)?(『|「|“|\"|百大|千项)")
COMPARISON_TAIL = re.compile(r"(较|比)(上年|去年|上年度)(同期)?(提高|降低|上升|下降|增加|减少|增长|加快|放缓|快|慢|高|低)了?$")
# the words a kind of zone is named with: what is left of a named one (宿马, 黄果树) is its own name
KIND_WORDS = re.compile(r"现代|产业|工业|农业|科技|物流|创业|创新|循环|经济|生态|文化|旅游|特色|乡村振兴|示范|新区|旅游区|风景区|"
                        r"度假区|管理区|园区|城市|发展|功能|核心|拓展|片区|组团|集聚区|试验区|合作区")
# aid between regions: the province or city named gives it, the document's area receives it
AID_WORDS = re.compile(r"援疆|援藏|援青|对口支援|对口援|对口帮扶|东西部协作|援建")
FACILITY = "中学|小学|学校|幼儿园|医院|卫生院"  # a school or hospital, named with its own figures
NAMED_AREA_OR_PROJECT = re.compile(
    r"^((?:(?:[\u4e00-\u9fffA-Za-z0-9]|[(（][\u4e00-\u9fff]{2,6}[)）]){4,36}?(?:项目|工程|基地)(?:[一二三四五六七八九十]期)?(?=(?:计划)?总投资|(?:已经?|累计|已经?累计)?完成投资|亩均))"  # "中广核葵阳风电场项目总投资12.39亿元"
    r"|(?:(?!各|全|新建|改扩建|部分|农村|城区|乡镇|城镇|义务|中小|初级|高级|公办|民办|薄弱|其中|县级|市级)"
    rf"[\u4e00-\u9fff]{{2,10}}?(?<!中小|初级|高级|薄弱|农村|乡镇|城区)(?:{FACILITY}))(?=建筑面积|总投资|投资\d|完成投资|占地)"  # "龙场中学建筑面积1120平方米"
    rf"|(?:[\u4e00-\u9fff]{{2,8}}(?:{AREA_WORDS}|都市区|城镇群|城市群|经济带|功能区|核心区|发展区|拓展区|组团|旅游区|风景区){AREA_PART})"
    r"(?=的|内|\d|完成|累计|年度|计划|共|投资|实施|[省市县区]级|重点|重大|(?:新)?开工建设|(?:新)?开工(?:项目)?\d|引进|入驻|签约"
    r"|地区生产总值|生产总值|规模以上|规上)"
    # "万宝新区项目3个", "黄果树旅游区项目7个", "太忻一体化经济区(太原区)项目共计602项": a zone named with its
    # projects (not 乡村振兴示范区项目, a kind)
    rf"|(?:[\u4e00-\u9fff]{{2,8}}(?:{AREA_WORDS}|旅游区|风景区){AREA_PART})(?=项目\s*(?:共计|共有|共|合计|总数)?\s*(?:$|[\d一二三四五六七八九十]))"
    rf"|(?:(?:[A-Z]\d{{1,4}})?[^\W\d_的]{{2,16}}?{WORK_OF_ONE_PROJECT})(?=(?:计划)?总投资|(?:已|已经|累计)?完成)"  # "渝西高铁已完成征拆量的92.7%"
    r")")
# a sentence opened by one named work ("蒙华铁路作为…", "宣咸高速全线…"): its figures with no subject of
# their own are the work's, and so are the next sentence's (as a place opening a sentence carries on)
PROJECT_TOPIC = re.compile(rf"^\s*[”\"]?\s*(?:\d{{1,2}}月\d{{1,2}}日\s*[,，]?\s*)?(?:目前|同时|此外|另外|而|其中|如今|眼下|当前|现在|[^,，。;；“”\d]{{2,10}}中|在[^,，。;；“”\d的]{{1,12}}?(?:开工|竣工|开竣工|签约|投产|奠基)的|(?:当天|当日|今天|此次|本次|同时|首批)(?:集中)?(?:开工|开复工|竣工|签约|投产)的|位于[^,，。;；“”的]{{2,30}}?的)?[,，]?\s*(?P<q>[“\"])?"
                           rf"(?P<name>(?:[A-Z]\d{{1,4}})?[^\W\d_的]{{2,24}}?(?:{WORK_OF_ONE_PROJECT}|项目|工程)"
                           rf"|(?<=[“\"])[^\W\d_的]{{2}}[^\W_的”\"]{{0,28}}?(?:{WORK_OF_ONE_PROJECT}|项目|工程)(?=[”\"]))[”\"]?"
                           r"(?=作为|是|属于|系|位于|地处|坐落|已|累计|完成|总投资|计划|今年|全长|全线|目前|收尾|顺利|进展|正在|进入|主体|(?:相关)?负责人|[,，]|于|自|在[^,，。;；]{2,30}?(?:开工|奠基|签约|落地|投产)|(?:项目|工程)?(?:建设|施工)(?!公司|单位|者|指挥部|方))")
# ("签约的项目中,“台江县年产20万吨再生资源综合循环利用项目”作为…": a quoted name may hold figures of its own)
# "同样策马加鞭的还有全长37.5公里的宣咸高速,前三季度已完成投资13.3亿元": a work brought in as the topic
PROJECT_INTRODUCED = re.compile(rf"^[^,，。;；]{{0,16}}?(?:还有|便是|就是|要数|当属|首推)[^,，。;；]{{0,20}}?的?"
                                rf"(?P<name>(?:[A-Z]\d{{1,4}})?[^\W\d_的]{{2,16}}?{WORK_OF_ONE_PROJECT})(?=[,，])")
# "在位于…的东北亚光电产业园项目建设现场,…": a news story opening at one work's site is about that work
PROJECT_SITE = re.compile(r"^\s*(?:在|走进|来到)(?:位于[^,，。]{2,30}?的)?(?P<name>[^\W\d_的,，]{2,30}?(?:项目|工程))"
                          r"(?:建设|施工)?(?:现场|工地)")
NAME_THEN_AND = re.compile(r"^[^,，]{0,12}?(项目|工程|中心|基地)(和|及|与|、)")  # the rest of a name, then the next
BY_KIND = re.compile(r"^\s*(按|分|从|根据|按照)(行业|领域|类别|类型|产业)")  # a breakdown by kind: its members are no places
# a line opened by a unit of a list and its count ("环翠区13个项目。", "高区4个项目,完成投资…")
LINE_OF_A_LIST = re.compile(r"^\s*([\u4e00-\u9fff]{1,6}?(?:新区|区|县|市|旗))\s*(?=\d+\s*个项目|[:：])")
CLAUSE_OF_A_LIST = re.compile(r"\s*((?!只有|仅有|其中|还有|另有|均|都)(?![\u4e00-\u9fff]*(?:小区|棚户区|片区|社区|景区|园区|城区|厂区|库区|矿区)\s*(?:已|共|完成|开|竣|\d))"
                              r"[\u4e00-\u9fff]{1,6}?(?:新区|区|县|市|旗)"
                              # (a named park among a list's units: "苏滁现代产业园3个", "市科教园区1个"; not 工业园区 14项, a kind)
                              r"|(?!(?:工业|产业|现代|特色|农业|文旅|文化|旅游|物流|电商|科技|创新|服务业|各|全)+(?:产业园|园区))"
                              r"[\u4e00-\u9fff]{1,8}?(?:产业园|科教园区|科技园区|产业园区)(?=\d+\s*个))"
                              r"\s*(?=已|共|完成|开复工|开工|竣工|\d)")
MASTHEAD_OPENING = re.compile(r"^\s*(?:[\u4e00-\u9fff]{0,8}(?:日报|晚报|报|网|台)?讯|本报讯|本网讯)\s*(?:[(（][^)）]{0,30}[)）])?\s*")
# "240个重点项目完成投资…": the issuer's projects counted, never one work's
COUNT_OF_THE_ISSUERS = re.compile(r"\d+\s*个[^，,。；;]{0,10}(项目|工程)")
PARKS_AS_A_KIND = re.compile(r"\s*(工业园区|产业园区|园区|工业集中区)(?=\s*\d+\s*[项个])")
THIS_PROJECT = re.compile(r"(该|此|这个|这一)(建设)?项目(?!所在|旁边|附近|周边|对面|隔壁)")  # the project spoken of, said again
# "…工程收尾在即。这是今年黑龙江省最大规模涝区工程项目,…": the work said again, by what kind of work it is (not
# "这是今年全市规模最大的一次集中签约", "这也是去年签约的项目,去年全县共签约…": an event, a whole)
THIS_IS = re.compile(r"(这|它)(也|还|就)?是(?![我全本该])(?P<what>[^,，。；;]{0,30}?(项目|工程))(?=[,，。；;]|$)")
NOT_THIS_WORK = re.compile(r"全[市县区州省旗盟]|活动|仪式|签约|集中|之一|一批|(?<!第)[\d两三四五六七八九十]+\s*个")
# (not 该项目所在的经济开发区…: the zone it lies in is spoken of then)
NEWS_ASIDE = re.compile(r"^(据悉|据了解|据介绍|记者了解到|记者获悉|目前|同时|另外|此外)\s*[,，]?\s*")  # "据悉,该项目…"
NEW_VISIT = re.compile(r"施工现场|建设现场|走进|来到|察看|视察|考察|调研|观摩")  # a line that visits a work of its own


def _opens_with_this_project(text: str) -> bool:
    """"该项目…", "据悉,该项目…", "“该项目是…": the text opens by saying the project again."""
    text = NEWS_ASIDE.sub("", text.lstrip().lstrip("“\""))
    return THIS_PROJECT.match(text) is not None or _this_is_the_work(text)


def _this_is_the_work(text: str) -> bool:
    """"这是今年最大规模涝区工程项目,…": the sentence says what the work spoken of is (no event, no whole)."""
    m = THIS_IS.match(text.lstrip())
    # (nor where the whole acts later in the sentence: "这是一个重点水利工程,今年全县共实施水利项目12个,完成投资…")
    return m is not None and not NOT_THIS_WORK.search(m.group("what")) \
        and not re.search(r"全[市县区州省旗盟][^,，;；。]{0,6}?(共|实施|完成|计划|累计|新开工|开工|签约|建设)", text)
# "高新区、经济开发区40个…项目": the rest of a list of bare names, then one count for all of them
BARE_LIST_THEN_COUNT = re.compile(r"(?:\s*[、和及]\s*[^、,，;；:：\d]{1,12}?)*\s*\d+\s*[个项]")
BARE_ZONE = re.compile(r"(?<![\u4e00-\u9fff])(高新区|经开区|经济技术开发区|开发区|新区|示范区|综保区)")
# a whole named as the list a subject's projects are on (列入全省重点) or the event or lead it joins, a period
# and a few words apart (参加第二季度全省…, 结合全省…活动): not the subject
LISTED_IN_OR_JOINED = re.compile(r"(列入|纳入|进入|入选|跻身|列为)$|(参加|参与|结合|配合|借助|依托|按照|根据)[^,，。;；]{0,8}$")
LISTED_IN = re.compile(r"(列入|纳入|进入|入选|属于|列为|、|和|及)$")  # "列入郑州市重点建设项目": a list, not a subject
INCLUDED_BEFORE = re.compile(r"(含|包括|包含|不含|除)$")
# "封丘县地处河南省东北部，为河南省新乡市辖县，南北长38.2公里": the place a subject lies in or
# belongs to, not the subject
PARENT_BEFORE = re.compile(r"(隶属于?|属于|地处|毗邻|紧邻|邻近)$")
# "为河南省新乡市辖县，": a county's own words of what it belongs to, ending its clause (never 辖区,
# "郑州市辖区内", which is the city's own area)
PARENT_SAID = re.compile(r"(为|是|系)[^，,。；;：:]{0,12}$")
PARENT_AFTER = re.compile(r"[^，,。；;、：:]{0,12}?(所|管|下)?辖(县|市|旗)(?=[，,。；;]|$)")
SHORT_SUBJECT_NEXT = re.compile(r"[\d\s,，、:：;；()（）]|完成|集中|开工|竣工|新|实施|共|有|已|累计|计划|重点|重大|在建|续建|"
                                r"投资|列入|入库|签约|分别|均|达|为|占|的|全|今年|排|位|得|以|在|获|实现|总|项目|年|" + SUPERLATIVE_WORDS)
OPEN_OR_RESUME = re.compile(r"开\s*[(（]\s*([复竣])\s*[)）]\s*工")  # "已开(复)工项目307个": 开复工; 开(竣)工: 开竣工
AHEAD_OF_SCHEDULE = re.compile(r"(超过?|高于|快于)(序时|时序|时间)进度")
# "开工项目1692个,占年度计划的83.5%": a share of the plan said right after a count is that count's rate
SHARE_OF_PLAN = re.compile(r"^(占|为|达到?)[^,，;；]{0,8}?(计划|目标|任务)")
# "市林业局、市群力办、市建委负责推进的…分别为": departments by their level and short name
LEVEL_DEPARTMENT = re.compile(r"[省市区县][\u4e00-\u9fff]{1,6}?(局|委|办|厅)")
DEPARTMENT_END = re.compile(r"(局|委|办|厅|中心|委员会|处|室|院|部|所|站|队|会)$")
# "市重点项目办、市南水北调办主任常忙利介绍,…": offices and a person's title before the verb of saying,
# in one clause: who gives the figures
SPEAKS_IN_CLAUSE = re.compile(r"[^,，。;；:：\d]{0,24}?(主任|局长|处长|科长|负责人|书记|部长|经理|同志)[^,，。;；:：\d]{0,4}?"
                              r"(介绍|表示|透露|称|说|通报|[:：]\s*[“\"])")  # (…副主任鲍爱华:“…": a quoted speaker)
UNITS_GROUPED = re.compile(r"(?:^|(?<=其中)|(?<=[,，:：]))\s*((?:(?!有|排名|排在|前|后|其中|共|这|该|各|全|等|的|和|及|与|占|达|为|个|第|批|覆盖|涉及|包括|惠及|辐射|带动|分布|遍及|位于|来自|、)[\u4e00-\u9fff]){1,4}"
                           + UNITS_GROUP_END + ")"
                           r"(?=项目|[\d,，]|完成|开工|新开工|竣工|签约|共|累计|实施|投资|计划|分别|均|合计)")
# (never an agent: "由中铁集团南宁市…项目部负责施工", "与…公司": the firm that builds or signs, not the work's name)
# the sectors a kind of project is named by ("文化旅游建设项目", "生态环境建设项目"): no one work
SECTOR_WORDS = (r"城市|城镇|城乡|基础设施|交通|水利|产业|工业|农业|文化|旅游|文旅|生态|环境|环保|能源|化工|教育|卫生|医疗|体育|"
                r"商贸|物流|农林|林业|市政|住房|棚改|乡村|新型城镇化|社会|公共服务|科技|信息|数字|新基建")
FIRM_BEFORE_PLACE = re.compile(r"(?:^|[,，;；:：。、“\s]|其中)"
                               r"((?!由|与|经|和|同|被|向|在|对|将|把)[\u4e00-\u9fffA-Za-z]{2,16}?(?:集团|公司|股份))$")
PARTNER_AFTER_PLACE = re.compile(r"(?:人民政府|政府)?(?:与|和|同|及|跟|、)")
FIRM_AFTER_PLACE = re.compile(r"(?:(?!与|同|跟|、)[\u4e00-\u9fffA-Za-z()（）]){2,20}?(?:有限责任公司|股份有限公司|有限公司|集团有限公司|股份公司)"
                              r"(?=\s*(?:计划|拟|将|已|正|投资|总投资|完成|在|与|于|[,，。;；]))")  # (the firm acting; not …公司X项目)
KIND_THEN_WORK = re.compile(r"\s*(?:截至[^,，]{1,8}[,，]\s*)?[^,，。;；:：]{0,16}?(?:重点|重大)[\u4e00-\u9fff]{0,6}?(?:项目|工程)"
                            r"(?P<name>(?!之一|中|有|共|[\d一二三四五六七八九十两])[\u4e00-\u9fff()（）A-Za-z0-9—-]{4,40}?(?:项目|工程))"
                            r"(?=已|正|累计|完成|总投资|计划|今年|年度|[,，])")
PLACE_ACTS_ON_ITEMS = re.compile(r"\s*(共有|有(?!关)|集中|新开工|开工|开复工|开竣工|竣工|投产|实施|推进|安排|签约|谋划|启动)")
# a sentence of the whole the sections are parts of ("据统计,…", "全省…"): no section's; one that may be either
# the section's or the whole's ("此次集中开工的项目…", "共计…") names no one: unknown, for review
SECTION_WHOLE = re.compile(r"据统计|全省|全市|全区|全州|全县|全国|各地|各市|总体来看|总的来看|整体来看|总体上|综上")
SECTION_OR_WHOLE = re.compile(r"本次|此次|这次|本批|共计|合计|总计|各县|各区")
CHROME_LINE = re.compile(r"来源|记者|作者|编辑|责编|通讯员|摄影?|时间|日期|发布|浏览|阅读|字号|^\s*(?:19|20)\d\d[-/.年]")  # a source or byline line
TOP_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十\d]+[章节部分])")
SUB_HEADING = re.compile(r"^\s*[(（]([一二三四五六七八九十]+)[)）]")
SECTION_WHOLE_HEADING = re.compile(r"全省|全市|全区|全州|全县|其他|其它|总体|整体|综合")
REGION_WORD = re.compile(r"(东|西|南|北|中|东北|西北|东南|西南)部|平原|山区|丘陵|沿海|沿江|城区|郊区")  # words that are also counties' short forms
REGION_BEFORE_SUPERLATIVE = re.compile(r"(?:^|[,，:：;；])\s*(?:其中|以)?\s*((?:" + REGION_WORD.pattern + r")(?:地区|片区)?)(?:" + SUPERLATIVE_WORDS + r")(?!的(?![为是有,，]))")  # (城区最大的城市综合体: an attribute)
JOINERS = ("、", "和", "及", "与")  # words that join places listed together
AMBIGUOUS_SUBJECT = "?"  # _subject's answer where the text names a part it does not say whose
SUPERLATIVE_AFTER = re.compile(rf"\s*({SUPERLATIVE_WORDS})")
COMPARED_WITH = re.compile(r"(高于|低于|超过|超出|快于|慢于|领先|落后于?|不及|比|较|占到|占了)$")
RANK_AFTER = re.compile(r"第\s*[一二三四五六七八九十\d]")
RANKED_IN = re.compile(r"(居|位居|位列|列|排名|排在|排)")
OWN_OFFICE = re.compile(r"(该|本|我)(局|委|办|厅|中心|公司)")
DEPARTMENT_SPEAKS = re.compile(r"(有关|相关|主要)?(负责人|负责同志|领导|介绍|表示|透露|获悉|称|消息|统计显示|数据显示|发布|公布|通报)")
VERBISH = ("v", "vd", "vn", "d", "p", "c", "u", "r", "m", "q", "f", "ad")


@dataclass
class _Match:
    figure: Figure
    start: int
    end: int


class ProseExtractor:
    """Holds a jieba tokenizer with the domain's words (one per batch, not global)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        named = [d for d in gazetteer.dept_by_length if len(d) >= 2 and DEPARTMENT_END.search(d)]
        bare = [d for d in gazetteer.dept_by_length if len(d) >= 2 and not DEPARTMENT_END.search(d)]
        # "区发改局牵头的…", "市住建局…": a department named before the figure is its subject; a
        # form that is also a word (财政 of 中央财政资金) only with its level (市财政)
        # (the 区 of 昌都地区交通运输局, 城区, 园区 is no district's level: never "区交通运输局")
        # (no department at all right after 园区/社区/景区/片区: 苏州工业园区住建局 is the zone's, never the page's city's
        # bureau; 地区交通运输局 is the prefecture's own bureau, never a district's 区交通运输局)
        # (城区, 矿区 are districts' names: their bureaus stay theirs)
        forms = "|".join([rf"(?<![园社景片]区)(?:(?<![地园社景片])[区市县])?(?:{'|'.join(map(re.escape, named))})"] * bool(named)
                         + [rf"(?<![地园社景片])[区市县省](?:{'|'.join(map(re.escape, bare))})"] * bool(bare))
        self.department_mention = re.compile(forms) if forms else re.compile(r"(?!x)x")
        self._mention_cache: tuple = (None, [])  # the last sentence's places
        self.tokenizer = word_dictionary.tokenizer()
        self.pos = word_dictionary.pos_tokenizer(self.tokenizer)
        for name in set(gazetteer.official) | set(gazetteer.scoped):
            self.tokenizer.add_word(name, freq=2000)
        for word in PHRASE_WORDS:
            self.tokenizer.add_word(word, freq=2000)

    def figures(self, sentence: str, pattern: re.Pattern = FIGURE) -> list[_Match]:
        out = []
        for m in pattern.finditer(sentence):
            fig = self._figure(sentence, m)
            if fig:
                out.extend(_members_sharing_the_unit(sentence, m.start(), fig))
                out.append(_Match(fig, m.start(), m.end()))
        return _with_unit_lost_in_list(sentence, out)

    def _figure(self, s: str, m: re.Match) -> Optional[Figure]:
        num = m.group("num")
        before = s[:m.start()]
        after = s[m.end():]
        unit_text = m.group("unit") or ""
        if before.endswith(("第", "每", "前", "后")) and not unit_text.startswith("%"):
            return None
        if not num[:1].isdigit() and re.match(r"[县市区镇乡村山路街寺河湖岭]", after):
            return None  # "三台县", "四平市", "五台山": a place's name, not a figure in words
        if not num[:1].isdigit() and any(s[m.start():m.start() + n] in self.gazetteer.scoped
                                         and PLACES_PAPER.match(s, m.start() + n) for n in (2, 3) if n >= m.end() - m.start()):
            return None  # "绵阳新闻三台新闻盐亭新闻": a place's short name (三台) heading a menu item, not 3台
        if unit_text == "倍" and not re.search(r"(增长|增加|提高|提升|扩大|上升|下降|减少)\s*(了|近|约|达)?\s*$", before):
            return None  # "是天府新区的10倍", "是会战前的2倍": one thing against another, not a growth of its own
        if re.match(r"[\d.]+\s*[万亿]元?级", s[m.start():m.end()] + after):
            return None  # "20亿级、50亿级、100亿级的市级重大项目": sizes of project named as classes
        if unit_text in ("个", "次") and re.match(r"^(月|工作日|小时|季度|年度)", after):
            return None  # a duration (1 个月), not a count
        if unit_text == "分" and re.search(r"\d\s*[时点]\s*$", before):
            return None  # "7月30日9时16分": a time of day, not a score
        if unit_text == "分" and re.match(r"[钟类析别配布批期局行队组]", after):
            return None  # "2分钟", "00337 分类:": a word that 分 begins, not a score
        if _a_range_of_a_class(num, unit_text or m.group("bare") or "", before, after):
            return None  # "50亿-100亿元项目6个": the bounds of a class of projects, not figures
        if kind_of(canonical_unit(unit_text)) == "money" and _is_threshold(before, after):
            return None  # "投资过10亿元的项目", "5000万元及以上项目", "1000万元至5000万元项目": a class, not a figure
        if unit_text in ("%", "％") and PERCENT_CLASS_AFTER.match(after):
            return None  # "完成年内目标任务100%的重点项目有1项", "低于60%的…等22个项目": a class's bound, not a figure
        if unit_text in ("个", "项") and re.search(r"(超过|超|达到|过|不足|少于|多于|高于|低于)\s*$", before) \
                and re.match(r"\s*(以上|以下)?的\s*" + PLACES_AS_A_KIND, after):
            return None  # "开工项目数超过10个的县(市)": a class of places, not a figure
        units = UNITS_COUNTED.match(after) if unit_text in ("个", "家") else None
        if units and units.group(1) in ("责任单位", "牵头单位", "成员单位"):
            return None  # "五个责任单位是…": how many units a list names, not a figure
        if units and (re.search(r"(对|在|向|赴|深入|覆盖)\s*$", before)
                      or re.match(r"\s*(市|县|区|州)(市级|县级|区级|州级|的)", after)):
            return None  # "分别对11个市重点工程…进行了督查", "11个市市级重点工程": how many units, not a figure
        if unit_text in COUNTERS and OTHER_THINGS.match(after) and (unit_text in ("位", "名", "人")
                                                                    or not COUNT_OF_PROJECTS.match(after)):
            return None  # "派出6个督查组", "33位市级领导牵头联系的77个…项目", "拟建设2条生产线": groups, people, facilities
        if re.search(r"每[\u4e00-\u9fff]{0,3}(就|就有|有)\s*$", before):
            return None  # "平均每两天就有1个项目开工": a pace, not a figure
        listed = re.search(r"((?:[\u4e00-\u9fff]{2,12}、)+[\u4e00-\u9fff]{2,12})\s*$", before)
        if listed and (units or (unit_text in COUNTERS and re.match(r"\s*(现场|主会场|分会场|会场|地方|片区|板块)", after))):
            n = int(num) if num.isdigit() else None if re.match(r"[-+\d]", num) else parse_chinese_numeral(num)
            if n == len(re.split(r"、|和|及", listed.group(1))):
                # "嵩山路街道、京广路街道、建中街街道、淮河路街道四个单位", "娄星区、…和娄底经开区、万宝新区6个现场":
                # the list's length
                return None
        if units and PLACES_COUNTED.fullmatch(units.group(1)):
            return None
        if unit_text == "个" and re.match(r"\s*[\u4e00-\u9fff]{0,4}(园区|开发区)\s*(共|合计|共计|累计)", after):
            return None  # "两个工业园区共开工建设…", "3个省级园区共完成投资": how many parks, not a count of projects  # "市级项目中有9个县(市、区)完成了年计划的65%以上": how many places, not a figure
        if units and (EXAMPLES_COUNT_BEFORE.search(before) or re.match(r"\s*(中|之中|的前|的后|当中|里|排)", after[units.end():])
                      or re.match(r"[^,，。;；]{0,12}?(由高到低|从高到低|依次)", after[units.end():])
                      or units.group(1) in ("设区市", "地级市", "县级市")):
            return None  # "武汉、襄阳…等11个地区", "12个行业中", "位列8个区的前三位": how many units, not a figure
        if re.search(r"\d\s*(至|到|~|～)\s*$", before):
            return None  # "1至2个": a range's bound, not a figure
        if re.search(r"(?<![\d.])\d{1,4}\s*、\s*$", before) and not re.search(r"分别|依次|各", s):
            return None  # "年度计划投资110、24亿元": a decimal point typed as 、, or two numbers without 分别: no guess
        if re.match(r"\s*(以上|以下|及以上|及以下|以内)的", after):
            return None  # "存栏500头以上的规模养猪场", "10个以上的": a class of the thing counted, not a figure
        if re.search(r"((大多|大都|均|都)(投资|产值|规模)?|(投资|产值|规模))在\s*$", before) \
                and re.match(r"\s*(以上|以下|以内)", after):
            # "6个项目大多投资在5亿元以上", "年产值在10亿元以上": a band the projects fall in (a target
            # "粮食产量稳定在280万吨以上" stays a figure)
            return None
        if unit_text.startswith("%") and BOUND_BEFORE.search(before) or \
                unit_text.startswith(("%", "个百分点", "倍")) and re.match(r"\s*(以上|以下)", after):
            return None  # "均超过50%", "已超90%", "是否达到40%", "20%以上": a bound or a target, not a value
        if CAPACITY_BEFORE.search(before) or (m.group("bare") and CAPACITY_UNIT_AFTER.match(after)):
            return None  # "年产20万片", "2台66万千瓦机组", "80万吨甲醇": what a project makes, part of its name
        is_cn = not re.match(r"[-+\d]", num)
        if is_cn and len(num) > 1 and num[-1] in "万亿" and unit_text == "元" and (parse_chinese_numeral(num[:-1]) or 0) >= 2:
            num, unit_text = num[:-1], num[-1] + unit_text  # "五百八十亿元": 580 亿元 as written, not 58000000000 元
        if is_cn:
            value = parse_chinese_numeral(num)
            if value is None or value < 2 or not re.search(r"[零〇一二两三四五六七八九十]", num):
                return None
            if _inside_quotes(s, m.start()) or re.match(r"^[\d一二三四五六七八九十“\"]", after) or before.endswith(("至", "到", "或")):
                return None
            if m.group("bare") or unit_text in ("分", "位", "名", "次", "处", "件", "条", "批", "场", "套", "头", "只", "艘"):
                return None  # 十分 (very), 一名, 两次: words, not figures
        else:
            value = parse_arabic(num)
            if value is None:
                return None
        flags = []
        if m.group("bare") and (MONEY_MEASURE_BEFORE.search(BARE_AMOUNTS_BEFORE.sub("", before))
                                or re.match(r"\s*[)）]\s*[万亿]?元", after)) and not _is_threshold(before, after) \
                and not re.match(r"\s*(以上|以下)?的(?!目标|任务|计划)", after):
            # ("19.8(含旧路补强3.8亿)亿元": a part in brackets, in the whole's money; "投资750亿的目标")
            # "完成投资343.19亿": a headline's amount of money, its 元 left out
            unit = canonical_unit(m.group("bare") + "元")
            flags.append("unit_from_measure")
        elif m.group("bare"):
            # "5000 万以上": the scale is written, the quantity (元? 人?) is not
            unit = None
            flags.append("unit_unknown")
        else:
            unit = canonical_unit(unit_text)
            if m.group("per") and unit:
                unit = unit + m.group("per")
        if re.search(r"\d、\s*$", before):
            # "分别为3、15亿元": a list, most likely (without 分别 such a number is no figure, above); flagged
            flags.append("decimal_or_list")
        if APPROXIMATE_BEFORE.search(before) or APPROXIMATE_AFTER.match(after):
            # "近2倍", "约30亿元", "2倍多", "1800万元左右": a figure said roughly, kept and flagged so
            flags.append("approximate")
        if re.match(r"\s*(以上|及以上)(?!的)", after) or re.search(r"(超过|突破|逾|不低于|不少于)\s*$", before):
            # "开工建设项目150项以上", "固定资产投资突破142亿元", "完成投资超过80亿元": a lower bound, not the value
            # itself; kept (what the page says) and flagged so
            flags.append("lower_bound")
        return Figure(raw=m.group(0).strip(), value=value, unit=unit, flags=flags)

    def metric_phrase(self, sentence: str, start: int, end: int, previous_end: int = 0, count: bool = False) -> str:
        """The phrase a figure measures: its clause up to the number, trimmed of subject,
        period and filler words; for a bare count ("30 个投资在…的项目") the noun after it; for a
        member of a list of names and figures ("完成率分别为：长治124.9%、忻州86.3%") the phrase
        before the list."""
        phrase = self._metric_phrase(sentence, start, end, previous_end, count)
        if phrase and not re.search(r"[\u4e00-\u9fffA-Za-z]", phrase):
            phrase = ""  # a leftover sign ("%" of "80%以上的…") names no measure
        if phrase and not self._only_a_name(phrase):
            return phrase
        if previous_end and not phrase:
            # "占年度计划400亿元的81.93%": the clause before the earlier figure names this one too
            again = self._metric_phrase(sentence, start, end, 0, count)
            again = COMPARISON_TAIL.sub("", again)  # "完成率较上年同期提高3个百分点，达55%": the level
            if again and not self._only_a_name(again):
                return again
        if not phrase and sentence[start:end].rstrip().endswith("%"):
            tail = MEASURE_AFTER_BRACKETED_LIST.match(sentence, end)
            if tail and re.search(r"率|比重|占比|比例|进度", tail.group(1)):
                return tail.group(1)  # "新干县(35.2%)、吉州区(34.8%)投资完成率排在前列": said after the list
        head = _list_head(sentence[:start])
        if head is None and not phrase and FIGURES_AFTER.search(sentence[:start]):
            head = sentence[:start]  # "…等7个行业完成年度投资计划比例均超过序时进度,分别是79%、78.2%"
        if head is not None:
            return self._phrase_of_head(head, count) or ""
        return "" if phrase and self._only_a_name(phrase) else phrase

    def _phrase_of_head(self, head: str, count: bool) -> str:
        """The measure a list's opening words name, clause by clause backwards ("从投资完成率情况看,
        排名前五位的为" → 投资完成率)."""
        head = LIST_WORDS.sub("", FIGURES_AFTER.sub("", head))
        # "各县(市、区)在建项目完成投资均超过序时进度,分别为:蕉城83.8%…": what each figure measures is
        # said before what all of them pass (均超过 / 均高于 …)
        head = ALL_OF_THEM.sub("", head) or head
        # "完成比例排名前三位的是沧州、廊坊、秦皇岛市": the measure comes before the ranking's names
        head = RANKED_NAMES.sub("", head) or head
        head = PASSING_NAMES.sub("", head) or head
        # "开工项目数超过10个的县(市)有2个,分别是": the measure, before the class of places listed
        head = re.sub(r"(超过|超|达到|过|不足|少于|多于|高于|低于)\s*[\d.]+\s*[个项]?(以上|以下)?的\s*" + PLACES_AS_A_KIND
                      + r"\s*((有|为|共)\s*[\d一二三四五六七八九十两]+\s*个)?", "", head) or head
        while head:
            phrase = self._metric_phrase(head, len(head), len(head), 0, count)
            if phrase and not self._only_a_name(phrase):
                return re.sub(r"(情况看|情况|来看|看)$", "", phrase)
            cut = max(head.rfind(ch) for ch in ",，;；")
            if cut < 0:
                return ""
            head = LIST_WORDS.sub("", head[:cut])
        return ""

    def _ordinal_ranks(self, sentence: str, seen: list, line_no: int, period: Optional[Period], page_of,
                       jurisdiction: Optional[Jurisdiction]) -> Iterator[Fact]:
        """"海口市完成投资63.74亿元,位居第二": a rank written as an ordinal, of the measure and subject
        of the figure before it (完成投资排名 of 海口市)."""
        for m in ORDINAL_RANK.finditer(sentence):
            rank = parse_arabic(m.group("n")) if m.group("n")[0].isdigit() else parse_chinese_numeral(m.group("n"))
            if not rank or rank < 1 or rank != int(rank):
                continue
            before = [x for x in seen if x[0] <= m.start()]
            own = self._rank_subject(sentence, m, jurisdiction, own_clause_only=True)
            if own:
                measure, subject = "", own  # "…,城乡一体化示范区获第二名": the unit its own clause names
            elif before:
                _, measure, subject = before[-1]  # "海口市完成投资63.74亿元,位居第二": the figure's before it
            else:
                measure, subject = "", self._rank_subject(sentence, m, jurisdiction)
            scope = m.group("scope") or ""
            yield Fact(value=float(rank), unit="位次", value_base=float(rank), unit_base="位次", entity_raw=subject,
                       metric_raw=(measure + "排名") if measure and "排名" not in measure else (measure or "排名"),
                       period=period, source_kind="text", quote=sentence.strip(), extractor="prose_rank",
                       raw=m.group(0), line=line_no, page=page_of(line_no) if page_of else 1, confidence=0.7,
                       flags=["rank_ordinal"], category=scope)

    def _reads_as_place_name(self, name: str, jurisdiction: Optional[Jurisdiction]) -> bool:
        found = self.gazetteer.find_in(name, jurisdiction.area if jurisdiction else None)
        return bool(found) and found[0].start == 0 and len(found[0].surface) == len(name)

    def _rank_subject(self, sentence: str, m: re.Match, jurisdiction: Optional[Jurisdiction],
                      own_clause_only: bool = False) -> str:
        """Whose rank an ordinal is: the unit its own clause opens with ("城乡一体化示范区获第二名", kept as
        written when the gazetteer lacks it), the k-th of "商水、郸城分别获得第二名和第三名", never a place
        of the clause before ("川汇区…荣获第一名,城乡一体化示范区获第二名")."""
        clause_start = max(sentence.rfind(ch, 0, m.start()) for ch in ",，;；。") + 1
        clause = sentence[clause_start:m.start()]
        both = re.search(r"([^、和,，]{2,12}(?:[、和][^、和,，]{2,12})+)\s*分别", clause)
        if both:
            names = re.split(r"[、和]", both.group(1))
            found = self.gazetteer.find_in(names[0], jurisdiction.area if jurisdiction else None)
            if found and found[-1].start + len(found[-1].surface) == len(names[0]):
                names[0] = found[-1].surface  # "…评比邓州市和西峡县分别": the list starts at its first place
            k = sum(1 for _ in ORDINAL_RANK.finditer(sentence, clause_start + both.end(), m.start()))
            ranks = len(ORDINAL_RANK.findall(sentence[clause_start:].split("。")[0]))
            return names[k] if k < len(names) and ranks == len(names) else ""  # (unpaired: whose is not said)
        subject, at = self._subject(sentence, m.start(), jurisdiction)
        if at >= 0 and AGGREGATE_SUBJECT.fullmatch(subject) and at + len(subject) >= m.start() - 1:
            subject, at = "", -1  # "完成率全省排名第一": the scope ranked in, not whose rank
        if at >= clause_start:
            return subject
        opener = RANKED_UNIT.fullmatch(clause)
        if opener and (self._reads_as_place_name(opener.group(1), jurisdiction)
                       or (re.search(r"(示范区|开发区|新区|高新区|经开区|园区)$", opener.group(1))
                           and not re.search(r"增幅|增速|投资|完成|排名|进度", opener.group(1)))):
            return opener.group(1)
        return "" if own_clause_only else subject  # ("…表现突出,分别在各自的单位类别上位列第一": the list before)

    def _rank_lists(self, sentence: str, line_no: int, period: Optional[Period], page_of) -> Iterator[Fact]:
        """"县(市)组,从第一名到第七名依次为:孟州市、示范区、温县…": a ranking written as an ordered list;
        each name's place in it is its rank (排名). Only where the words say it is a ranking in order."""
        for m in RANK_LIST.finditer(sentence):
            names = [n.strip() for n in re.split(r"[、,，]", m.group("names"))]
            names = [n for n in names if n]
            if len(names) < 2 or any(re.search(r"\d", n) or len(n) > 16 for n in names):
                continue  # a list with figures of its own ("桥西区(148%)") is read as figures
            group = re.sub(r"^.*[,，;；:：]", "", m.group("group") or "").strip()
            measure = re.sub(r"(从第.名到第.+名|由高到低|从高到低|依次|分别)", "", m.group("what") or "")
            ranked = RANKED_GROUP.match(measure.strip())
            if ranked and not group:
                group, measure = ranked.group("group"), measure.strip()[ranked.end():]
            metric_raw = ((measure.strip(",， ") + "排名") if "排名" not in measure else measure.strip(",， ")) or "排名"
            for rank, name in enumerate(names, start=1):
                yield Fact(value=float(rank), unit="位次", value_base=float(rank), unit_base="位次", entity_raw=name,
                           metric_raw=metric_raw, period=period, source_kind="text", quote=sentence.strip(),
                           extractor="prose_rank", raw=f"第{rank}名", line=line_no,
                           page=page_of(line_no) if page_of else 1, confidence=0.7, flags=["rank_from_order"],
                           category=group if len(group) <= 12 else "")

    def _rank_stretches(self, sentence: str, line_no: int, period: Optional[Period], page_of) -> Iterator[Fact]:
        """"总分居前3位的县市区分别是桂阳县、苏仙区、临武县,居第4位至第7位的…分别是资兴市、…": each name's
        rank is its place in the stretch, when the names are exactly as many as the stretch is long."""
        measure = ""
        for m in RANK_STRETCH.finditer(sentence):
            number = lambda x: int(parse_arabic(x)) if x[0].isdigit() else int(parse_chinese_numeral(x) or 0)  # noqa: E731
            first, last = (1, number(m.group("top"))) if m.group("top") else (number(m.group("a")), number(m.group("b")))
            names = [n.strip() for n in re.split(r"[、和及]", m.group("names")) if n.strip()]
            # "…吴兴区和长兴县(并列第三)": a name tied with the one before it shares its rank
            tied = [bool(TIED.search(n)) for n in names]
            names = [TIED.sub("", n) for n in names]
            if not first or last - first + 1 != len(names) - sum(tied) or any(re.search(r"\d", n) or len(n) > 16 for n in names):
                continue
            if re.match(r"\s*[,，]?\s*分别", sentence[m.end():]):
                continue  # "排名前三位的是沧州、廊坊、秦皇岛市,分别为89.8%…": the figures are the facts, as in any list
            what = re.sub(r"^(结果|情况)?[,，]?", "", (m.group("what") or "").strip())
            measure = what or measure  # "居第4位至第7位的…" goes on with the stretch before's measure
            metric_raw = (measure + "排名") if measure and "排名" not in measure else (measure or "排名")
            group = re.sub(r"^.*[,，;；:：]", "", m.group("group") or "").strip()
            rank = first - 1
            for name, tie in zip(names, tied):
                rank += 0 if tie else 1
                yield Fact(value=float(rank), unit="位次", value_base=float(rank), unit_base="位次", entity_raw=name,
                           metric_raw=metric_raw, period=period, source_kind="text", quote=sentence.strip(),
                           extractor="prose_rank", raw=f"第{rank}位", line=line_no,
                           page=page_of(line_no) if page_of else 1, confidence=0.7, flags=["rank_from_order"],
                           category=group if len(group) <= 12 else "")

    def _outside_the_area(self, place, jurisdiction: Optional[Jurisdiction]) -> bool:
        """A place of another province than the document's own (江西省 in a 克州 bulletin)."""
        area = jurisdiction.area if jurisdiction else None
        if area is None:
            return False
        own, theirs = self.gazetteer.province_of(area) or area, self.gazetteer.province_of(place) or place
        return own.key != theirs.key

    def _another_unit(self, other, place_mention, sentence: str, strict: bool = False) -> bool:
        """Whether a place named among a place's examples is another unit reporting (经开区 among 大竹县's),
        not the place again, the city above it (unless strict), or an end of a route ("衡阳至永州高速公路")."""
        if other.place == place_mention.place or (not strict and other.place in self.gazetteer.chain(place_mention.place)):
            return False
        if place_mention.place.kind in ("city", "county", "county_city", "district") \
                and PLACE_ACTS_ON_ITEMS.match(sentence, place_mention.start + len(place_mention.surface)) \
                and self.gazetteer.within(other.place, place_mention.place):
            # "玉林市集中开竣工…、容县…等62个项目": a part of the place acting on them, its works the place's too
            # (not "台州市黄岩区海塘安澜工程、临海市…等9项": a place opening a work's name)
            return False
        after = other.start + len(other.surface)
        return not (re.match(r"[至到—-]", sentence[after:after + 1]) or re.search(r"[至到—-]$", sentence[:other.start]))

    def _levels_of(self, name: str) -> str:
        """The level words a place uses of itself: 县 of 泸溪县 (县级, 县直), 区 of 沙市区, 市 of 监利市."""
        mentions = self.gazetteer.find_in(name)
        kind = mentions[0].place.kind if mentions else ""
        return {"county": "县旗", "district": "区", "county_city": "市", "city": "市州盟", "province": "省"}.get(kind, "")

    def _reads_as_subject(self, name: str, jurisdiction: Optional[Jurisdiction]) -> bool:
        """A listed name that is a place, a department, a named project or a place-like unit (镇, 园区),
        not a kind of project (港口码头, 农业) nor a generic zone word (开发区 in a province's list)."""
        area = jurisdiction.area if jurisdiction else None
        if name in GENERIC_NAMES:
            # 开发区 listed beside a city's districts is the city's zone; in a province's list, a kind;
            # 城区 of a city that has a district of that name (晋城, 阳泉) is that district
            own = [m for m in self.gazetteer.find_in(name, area) if m.surface == name and m.place.kind == "district"]
            return (bool(zone_parts(name)) and area is not None and area.kind != PROVINCE_LEVEL) or bool(own)
        if "".join(m.surface for m in self.gazetteer.find_in(name, area)) == name:
            return True
        return bool(re.search(r"(区|县|市|旗|州|盟|镇|乡|街道|局|委|办|厅|公司|集团|中心|园|管委会|办事处|指挥部)$", name)
                    or self.department_mention.fullmatch(name)
                    or (re.search(r"(项目|工程|基地)$", name) is not None and _names_one_project(name))
                    or _names_one_work(name))  # "金建铁路", "杭温铁路金华段": one work each

    def _members_sharing(self, sentence: str, start: int, jurisdiction: Optional[Jurisdiction]) -> list[str]:
        """"…,高新区2个,枝江、当阳0个": places listed right before one figure, with no verb between,
        each have that figure (unlike "万州、开州、云阳共同…47个", which they report together)."""
        clause = sentence[max(sentence.rfind(ch, 0, start) for ch in ",，;；:：。") + 1:start].strip()
        # (the last item of a list of places with their figures: "…、鄂尔多斯市39项、兴安盟和巴彦淖尔市各25项")
        clause = re.split(r"\d\s*(?:[个项家座条所]|[万亿]?元|%)?\s*、", clause)[-1]
        each = re.search(r"(各|均)(为|是|达到|达|有)?$", clause)
        # "玉环和天台各10个": 和 joins members only where 各 says each has the figure
        parts = re.split(r"、|(?<=[\u4e00-\u9fff]{2})[和及与](?=[\u4e00-\u9fff]{2})" if each else "、", clause[:each.start()] if each else clause)
        if each and parts and not self._reads_as_place_name(parts[-1], jurisdiction):
            # "南通、泰州项目个数均为140个": the last name, then the measure said of them all
            named = self.gazetteer.find_in(parts[-1], jurisdiction.area if jurisdiction else None, city_shorts=True)
            if named and named[0].start == 0 and re.fullmatch(r"(开工|新开工|竣工)?(项目|工程)?(个数|数|总投资|完成投资|投资)?",
                                                              parts[-1][len(named[0].surface):]):
                parts[-1] = named[0].surface
        if len(parts) < 2 or not all(re.fullmatch(r"[\u4e00-\u9fff]{2,10}", p) for p in parts):
            return []
        return parts if all(self._reads_as_place_name(p, jurisdiction) for p in parts) else []

    def _list_member(self, sentence: str, start: int, jurisdiction: Optional[Jurisdiction] = None,
                     unknown: frozenset = frozenset()) -> bool:
        """"…，宜都13个，夷陵5个": the figure's clause is a place's name (or a unit of the list the gazetteer
        lacks, 苏滁现代产业园3个) and nothing else."""
        clause = sentence[max(sentence.rfind(ch, 0, start) for ch in CLAUSE_DELIM) + 1:start].strip()
        if clause in unknown:
            return True
        if re.search(r"(各|均)$", clause):  # "枝江、当阳各9个", "玉环和天台各10个": the names, each with the figure
            if self._members_sharing(sentence, start, jurisdiction):
                return True
            start = start - len(clause) + len(clause.rstrip("各均"))
            clause = sentence[max(sentence.rfind(ch, 0, start) for ch in ",，;；:：。") + 1:start].strip()
            return self._only_a_name(clause)
        return bool(clause) and self._only_a_name(clause)

    def _only_a_name(self, phrase: str) -> bool:
        """"桥西区", "长治", "排名前五位的为桥西区": a list member's name, not a measure."""
        rest = re.sub(r"^.*?(为|是|有)", "", phrase) if re.search(r"(为|是|有)", phrase) else phrase
        mentions = self.gazetteer.find_in(rest, None) or []
        named = "".join(m.surface for m in mentions)
        return bool(rest) and (named == rest or (len(rest) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+(区|县|市|旗|园区|新区)", rest)
                                                 is not None) or self._is_place_word(rest))

    def _metric_phrase(self, sentence: str, start: int, end: int, previous_end: int = 0, count: bool = False) -> str:
        clause_start = max(sentence.rfind(ch, 0, start) for ch in CLAUSE_DELIM) + 1
        clause_start = max(clause_start, previous_end if previous_end <= start else 0)
        stages = STAGES_LISTED_BEFORE.search(sentence, 0, clause_start) if sentence[clause_start - 1:clause_start] == "、" else None
        if stages and stages.end() == clause_start and STAGE_OPENS.match(sentence, clause_start) \
                and not re.search(r"各\s*$", sentence[:start]):  # (not "集中签约、开工项目各12个": each)
            clause_start = stages.start()  # "集中签约、开工及竣工的项目共有33个": stages listed together, one count
        before = sentence[clause_start:start]
        if not re.sub(r"[\s的]", "", before) and clause_start > 0 and sentence[clause_start - 1] in "()（）":
            # "占全年任务(92.7亿元)的11.9%": both figures take the phrase before the bracket
            opening = sentence.rfind("(", 0, clause_start) if sentence[clause_start - 1] == ")" else clause_start - 1
            outer = max(sentence.rfind(ch, 0, opening) for ch in CLAUSE_DELIM if ch not in "()") + 1
            before = sentence[outer:opening] if opening > 0 else before
            if sentence[clause_start - 1] == "(":
                before = re.sub(r"^占", "", before)
        before = re.sub(r"\([^)]*\)", "", OPEN_OR_RESUME.sub("开复工", before))
        dated = _strip_periods(before)
        if BARE_INVESTMENT_SAID_DONE.search(before):
            return "完成投资"  # "今年已投资1.3亿元": money spent (not the work's whole investment, which a bare 投资 is)
        if dated != before and re.fullmatch(r"\s*投资额?\s*", dated):
            # "2022年投资3亿元", "下半年投资1.5亿元": a period's money, spent or planned (the words do not say which):
            # kept as written, never the work's whole investment
            return before.strip()
        before = dated
        words = [w for w in self.tokenizer.lcut(before) if w.strip()]
        list_above = re.search(r"其中\s*[,，:：]?\s*$", sentence[:clause_start]) is not None or re.match(r"\s*其中", before) is not None
        while words and (words[0] in LEADING_NOISE or AGGREGATE_SUBJECT.fullmatch(words[0]) or self._is_place_word(words[0])) \
                and not (list_above and self._is_place_word(words[0]) and LIST_OF_THE_LEVEL_ABOVE.match("".join(words[1:]))) \
                and not AHEAD_OF_SCHEDULE.match("".join(words)) \
                and not (words[0] in ("已", "已经", "累计") and len(words) > 1 and words[1].startswith("完成")
                         and "计划" in "".join(words)):
            # 超 of 超序时进度 is the measure; 已 of "已完成中央投资计划6.7亿元" says it is done, not planned
            # (a list of the level above after 其中, "其中株洲市重点项目开工21个", keeps its place: the part's category)
            words.pop(0)
        if words:  # "三区县共完成项目投资": the places spoken of, counted, are the subject, not the measure
            joined = re.sub(r"^[两二三四五六七八九十\d]+个?(县市区|县区|区县|县市|市县|区|县|市|地)(共|合计|共计)?", "", "".join(words))
            if joined != "".join(words):
                words = self.tokenizer.lcut(joined) if joined else []
        while words and (words[-1] in TRAILING_NOISE):
            words.pop()
        phrase = "".join(words)
        if count and re.search(r"(等|中(有|已有|已)?)\s*$", before):
            # "A、B项目等227个续建项目", "100个计划开工项目中有82个项目开工": the noun after says; an
            # event opening the examples ("新开工中集冷链…项目等47个重点项目") is what befell them
            lead = before
            if sentence[clause_start - 1:clause_start] == "、":
                # "其中新签约项目A、B、C等11个": what befell the list's items opens the list, before its first item
                list_start = max(sentence.rfind(ch, 0, clause_start) for ch in ",，;；:：。") + 1
                lead = re.sub(r"^\s*(其中|包括)\s*[,，:：]?", "", sentence[list_start:clause_start])
            event = EXAMPLES_EVENT.match(lead) if before.rstrip().endswith("等") else None
            phrase = event.group(1) if event else ""
        elif count and sentence[clause_start - 1:clause_start] == "、" and COUNTED_EVENT.match(sentence[end:]):
            phrase = ""  # "A工程、B中心建设2个已完工": the items named are counted by what befell them
        if count and re.search(r"(项目|工程)占$", phrase):
            phrase = phrase[:-1]  # "其中,100亿元以上项目占3个": the kind counted, not a share
        done = LAST_EVENT.search(phrase)
        if done and done.start() > 0:
            phrase = phrase[done.start():]  # "计划新开工项目已开工21个": the last thing said of them is measured
        subject = self.department_mention.match(phrase)
        if subject:  # the department is the subject, not part of the measure
            phrase = re.sub(r"^(牵头的|负责的|的)", "", phrase[subject.end():])
        relative = count and re.search(r"的\s*$", before) is not None  # "全面推进的8683个项目": says which, not what
        if len(phrase) >= 2 and (not count or not self._only_verbs(phrase)) and not relative:
            noun = KIND_COUNTED_AFTER.match(sentence, end) if count and "项目" not in phrase else None
            if noun and not re.search(r"\d", noun.group(1)) and noun.group(1) not in phrase:
                # "谋划储备2个百亿级项目": what is done, then the kind of project counted
                return phrase + noun.group(1)
            return phrase
        # what follows a count's unit names the thing counted ("确保120个重大项目" → 重大项目)
        rest = OPEN_OR_RESUME.sub("开复工", sentence[end:])
        stops = [i for i in (rest.find(ch) for ch in CLAUSE_DELIM) if i >= 0]
        digit = re.search(r"\d", rest)
        stop = min(stops + [len(rest)] + ([digit.start()] if digit else []))
        measure = COUNTED_NOUN_END.search(rest[:stop])
        if measure and measure.start() > 0:
            stop = measure.start()  # "150个重大项目完成投资231.4亿元": the count is of 重大项目
        elif digit and stop == digit.start() and not (re.match(r"\d+\s*(个月|个工作日|天|日|年|周|小时)", rest[stop:])
                                                      and re.search(r"(提前|连续|滞后|推迟|延期|超期)$", rest[:stop])):
            # "111个重大项目经调整后计划总投资771.12亿元": another figure follows in the clause, and
            # the words before it measure that figure, not the count
            noun_end = re.match(r"[^\d]{0,16}?(项目|工程)", rest[:stop])
            stop = noun_end.end() if noun_end else stop
        after = [w for w in self.tokenizer.lcut(rest[:stop]) if w.strip()]
        while after and after[-1] in TRAILING_NOISE:
            after.pop()
        noun = "".join(after)[:20]
        event = COUNTED_EVENT.match(rest, stop)
        if event and re.match(r"\s*[\d一二三四五六七八九十两]", rest[event.end():]):
            event = None  # "100个重点建设项目已开复工94个": the event has its own count; this one counts projects
        if event and noun:
            noun += event.group(0)  # "87个项目已顺利开工": what the count counts is projects started
        return (phrase + noun) if phrase and noun else (noun or phrase)

    def _is_place_word(self, word: str) -> bool:
        return word in self.gazetteer.official or word in self.gazetteer.scoped

    def _only_verbs(self, phrase: str) -> bool:
        return all(flag.startswith(VERBISH) for _, flag in self.pos.lcut(phrase))

    def subject(self, sentence: str, start: int, jurisdiction: Optional[Jurisdiction] = None) -> str:
        """The nearest named place or aggregate word before the figure in its sentence."""
        return self._subject(sentence, start, jurisdiction)[0]

    def _mentions(self, sentence: str, jurisdiction: Optional[Jurisdiction]) -> list:
        """The places a sentence names, read once per sentence (not once per figure)."""
        area = jurisdiction.area if jurisdiction else None
        key = (sentence, area.key if area else None,
               jurisdiction.city_named(self.gazetteer) if jurisdiction else True)
        if self._mention_cache[0] != key:
            found = self.gazetteer.find_in(sentence, area, city_named=key[2])
            self._mention_cache = (key, found)
        return self._mention_cache[1]

    def _unknown_list_members(self, lines: list[tuple[int, str]], jurisdiction: Optional[Jurisdiction]) -> set[str]:
        """Names ending as a division does (高区, 临港区, 南海新区) that open lines the way at least three
        known places open theirs ("环翠区13个项目。1-9月完成投资…"): the list's units the gazetteer lacks."""
        known, unknown = 0, set()
        openers = [LINE_OF_A_LIST.match(line) for _, line in lines]
        # (and the clauses of one sentence: "…经开区已开复工5项,土左旗已开复工2项,托县已开复工8项,…")
        openers += [CLAUSE_OF_A_LIST.match(clause) for _, line in lines for clause in re.split(r"[,，;；。]", line)]
        for m in openers:
            if not m or AGGREGATE_SUBJECT.fullmatch(m.group(1)) or m.group(1) in GENERIC_NAMES:
                continue
            if self._reads_as_place_name(m.group(1), jurisdiction):
                known += 1
            else:
                unknown.add(m.group(1))  # (长岛综试区: more than 长岛, a unit of its own)
        # (and places written by their short forms in a clause of their own: "定远14个,凤阳13个,天长12个")
        known += sum(1 for _, line in lines for clause in re.split(r"[,，;；。、]", line)
                     for short in [re.fullmatch(r"\s*([\u4e00-\u9fff]{2,4})\s*\d+\s*个\s*", clause)]
                     if short and self._reads_as_place_name(short.group(1), jurisdiction))
        return unknown if known >= 3 else set()

    def _subject(self, sentence: str, start: int, jurisdiction: Optional[Jurisdiction],
                 previous_part: str = "", work_owns: str = "", region_spoke_above: bool = False,
                 line: str = "") -> tuple[str, int]:
        """(subject, position): places of all China by their full names, short forms (宜都, 夷陵)
        and zones inside the document's area, aggregate words, departments. previous_part: the
        sentence before, when this one is a ；-part after it. work_owns: the work the sentence is about, if any."""
        in_series = previous_part.endswith(("；", ";"))
        before = sentence[:start]
        best = ("", -1)
        mentions_before: list = []
        aid = AID_WORDS.search(sentence) is not None  # aid between regions: the giver is no subject
        mentions = self._mentions(sentence, jurisdiction)
        named_parks = [(p.start(), p.end()) for p in PARKS_NAMED_BY_PLACES.finditer(sentence)]
        for m in mentions:
            end = m.start + len(m.surface)
            if end > start:
                break
            if any(a <= m.start < b for a, b in named_parks):
                continue  # "武威、黄羊两个工业园区": parks named by their places' short forms, not the places
            if before[m.start - 1:m.start] in ("(", "（") and sentence[end:end + 1] in (")", "）") \
                    and re.match(r"[\u4e00-\u9fff]", before[m.start - 2:m.start - 1] or "x") \
                    and re.match(r"[\u4e00-\u9fff]", sentence[end + 1:end + 2] or "x"):
                continue  # "湖北省第五届(黄石)园林博览会项目": a place in brackets inside a work's name
            if before[m.start - 1:m.start] == "、" and WORK_NAME_IN_A_LIST.match(sentence, end) \
                    and re.search(r"[\u4e00-\u9fff()（）]{4,}、$", before[:m.start]):
                continue  # "嘉鱼长江公路大桥、赤壁市维达力电子玻璃、通城黄龙山风电场为省重点项目": a place opening a
                # work's name in a list of works, not the subject of what the list is given
            firm = FIRM_AFTER_PLACE.match(sentence, end)
            if firm and re.search(r"[省市县区州旗]$", m.surface) and PARTNER_AFTER_PLACE.match(sentence, end):
                firm = None  # "眉山市与通威股份有限公司…", "仁寿县政府与…": the place and its partner (乐山和邦…公司 is one firm)
            if firm and firm.end() <= start:
                # "成都市新文瑞实业发展有限公司计划投资20亿元…", "遂宁市劲锐通新能源有限公司…": a firm the place's name
                # opens, not the place
                if m.start > best[1]:
                    best = (m.surface + firm.group(0), m.start)
                continue
            if re.search(r"(是|为|属于|系)$", before[:m.start]) and re.match(r"的[^,，。;；]{0,10}?(项目|工程)", sentence[end:]):
                continue  # "…用房项目,是三台县的县重点工程项目,总投资…": the list the work is on, not the subject
            if _work_a_place_acts_on(sentence, m.start):
                continue  # "祁东县把黄土铺工业园项目作为头号工程,项目总投资12亿元": the work's, not the place's
            if re.search(r"(?:(?:项目|工程|基地)|[,，])\s*位于\s*$", before[:m.start]) and re.search(r"(项目|工程|基地)", before[:m.start]) \
                    and not re.match(r"[\u4e00-\u9fff]{0,12}?的", sentence[m.start + len(m.surface):]):
                # "该项目…,位于眉山市仁寿县经济开发区,…预计完成投资5亿元", "X项目位于眉山市…,总投资100亿元": where the work
                # lies, not the subject (but "其中位于麒麟区的项目48个" is that district's part)
                continue
            area = jurisdiction.place if jurisdiction is not None else None
            if area is not None and m.place != area and self.gazetteer.within(area, m.place) \
                    and LIST_OF_THE_LEVEL_ABOVE.match(before, end) and PUT_ON_A_LIST.search(before[:m.start]):
                # "子长市…新开工延安市重点项目13个": the list of the city above, whose projects are the county's
                # (not "延安市重点项目完成投资500亿元" said in a county's page: the city's own figure)
                continue
            lead = re.sub(r"\s*(19|20)\d\d\s*年度?\s*$", "", before[:m.start])  # "列入2020年广东省重点…"
            if QUALIFIER_AFTER_PLACE.match(before, end) and LISTED_IN.search(lead[-3:]):
                continue  # "新郑市列入郑州市重点建设项目16个": 郑州市 names a list, not the subject
            clause_end = min([i for i in (sentence.find(ch, end) for ch in "，,；;。") if i >= 0] + [len(sentence)])
            if clause_end < start and ALL_OF_THEM.search(sentence[end:clause_end]):
                continue  # "宝丰县、湛河区…和新华区项目完成投资均超过85%,农业项目完成投资达到99.2%": places
                # said to pass a bound, not the subject of the clause after
            parks = PARKS_AS_A_KIND.match(sentence, m.start)
            if parks and parks.group(1) == m.surface:
                continue  # "其中,工业科技81项…;工业园区14项": industrial parks as a kind of project, no one zone
            if re.search(r"(引进|承接|对接|来自|吸引|招引)$", before[:m.start]) or (
                    re.search(r"向(?:[\u4e00-\u9fff]{2,8}、)*$", before[:m.start])
                    and not re.search(r"(下达|拨付|安排|分配|补助)", sentence[m.start:m.start + len(m.surface) + 10])):
                # (向扶绥县政府上报, 向安徽省争取, 向上海市、杭州市等地客商推介: the other party; 向淮滨县下达…资金: the county's)
                continue  # "引进苏南地区项目23个": where the projects come from, not the subject
            if before[m.start - 1:m.start] == "在" and mentions_before and VENUE_AFTER.match(sentence, end):
                continue  # "西双版纳州在勐海县华熙茶业…工地举行集中开工仪式,…7个": where the host holds it, not the subject
            if re.search(r"从$", before[:m.start]) and re.search(r"获悉|了解到|得知", before[end:]):
                continue  # "记者从四川省…集中开工巴中分会场获悉,本次巴中…": where the news was heard, not the subject
            if work_owns and (work_owns in sentence[max(0, m.start - 2):m.start + len(work_owns) + 2]
                              or re.search(r"作为$", before[:m.start])
                              or (re.search(r"(由|与|同)$", before[:m.start]) and GOVERNMENT_AFTER.match(before, end))):
                # in a sentence a work owns ("“台江县年产20万吨…项目”作为黔东南州代表项目…", "该项目…由台江县人民政府与…
                # 签约"): a place inside the work's name, what it stands for, a party to it are no subjects
                continue
            together = re.match(r"(?:[、和及与][\u4e00-\u9fff]{2,6}?)*(?:[、和及与][\u4e00-\u9fff]{2,6}?)?(?:等)?(?:两|二|三|四|五|六|七|八|九|十|\d+)(?:地|个?县市区?|个?县区|个?市县|个?区县|县|市)",
                                sentence[end:])
            joined_before, joined_after = before[m.start - 1:m.start] in JOINERS, sentence[end:end + 1] in JOINERS
            if together and (joined_before or joined_after):
                if joined_after and not joined_before \
                        and end + together.end() <= start and m.start > best[1]:
                    # (the places together: unknown, for review, their joining words read as a list's 、)
                    best = (re.sub(r"[和及与]", "、", sentence[m.start:end + together.end()]), m.start)
                continue  # "昆山、太仓、常熟三地…共开工重大项目120个": the places together, not one of them
            if re.search(r"各(?![\d一二三四五六七八九十两])[^,，。;；:：\d]{1,30}[、和及]$", before[:m.start]) or re.match(r"[、和及与]各", sentence[end:]):
                continue  # "组织各县(市)区、高新区…集中开工重大项目153个", "福州高新区和各县(市)区…": one of all the units
            if INCLUDED_BEFORE.search(before[max(0, m.start - 3):m.start]):
                continue  # "共225个(含邓州市),总投资…": a part named inside, not the subject
            if _compared_or_ranked_in(before, m.start, end, reach=16):
                continue  # "高于吴忠市1.4个百分点", "增速位居全区第9、吴忠市第2": what the subject is compared
                # with, or the scope it ranks in, never the subject
            if before[end:end + 1] == "级" or LISTS_NAMED_AFTER.match(before, end):
                # "牡丹江市级『百大项目』", "16个黑龙江省、牡丹江市『百大项目』": the owners of lists the
                # projects are on, not the subject
                continue
            if aid and self._outside_the_area(m.place, jurisdiction):
                continue  # "对口援疆重点建设项目34项,其中江西省11项": the province that gives aid, not the subject
            if PARENT_BEFORE.search(before[max(0, m.start - 3):m.start]) or (
                    PARENT_AFTER.match(before, m.start) and PARENT_SAID.search(before[:m.start])):
                continue  # "地处河南省", "为河南省新乡市辖县": where the subject lies (the subject itself,
                # "兰考县为开封市辖县", opens the clause)
            last_item = LAST_ITEM_THEN_COUNT.match(sentence, end) if before[m.start - 1:m.start] == "、" else None
            if last_item and re.search(r"开工|竣工|完成|实施|共|有|已|计划|新建|续建|投产", last_item.group("name")):
                last_item = None  # "、新华区新开工3个项目": the place's own count
            if _in_closed_aside(before, m.start):
                continue  # "1488个(全省梳理1.5万个),总投资14691亿元": an aside closed before the figure
            clause_at_m = max(before.rfind(ch, 0, m.start) for ch in "，,；;：:。") + 1
            in_list = before[m.start - 1:m.start] in ("、", "和", "及") or sentence[end:end + 1] in ("、", "和", "及")
            whole_list = BARE_LIST_THEN_COUNT.match(sentence, end) if in_list else None
            if whole_list and re.match(r"\s*[、和及]\s*[县区市乡镇旗]{1,2}(?:[、和及][县区市乡镇旗]{1,2})*[两二三四]级", sentence[end:]):
                whole_list = None  # "松原市、县两级共确定民生项目260个": the place's levels, no list of places
            if whole_list and not re.search(r"\d", before[clause_at_m:m.start]):
                # "翠屏区、叙州区和南溪区40个项目": the count is the whole list's, not its last member's (as "A区
                # 12个、B区8个" is B's): the places together, for review; "对各区县、高新区…40个" is the issuer's
                listing = re.sub(r"^(对|在|由|将|其中)", "", re.sub(r"\s*\d+\s*[个项]$", "", sentence[clause_at_m:whole_list.end()]).strip())
                if not re.match(r"(各|所有|全部)", listing) and clause_at_m > best[1]:
                    best = (listing, clause_at_m)
                continue
            # a place opening one of a series of ；-clauses, with no other place in the items or examples
            # after it, owns them: "；上林县大丰镇戒毒康复中心、精神病科康复业务楼等4个项目开工；马山县…"
            in_a_series = before[m.start - 1:m.start] in (";", "；") or (m.start == 0 and in_series)
            after_qizhong = re.search(r"其中\s*[,，:：]\s*$", before[:m.start]) is not None or before[m.start - 1:m.start] in (":", "：")
            opens_items = in_a_series or after_qizhong
            # "昆山开发区国显光电、东部热电联产…等5个项目开工建设": a place opening its sentence owns the examples after
            # it (not the items a count closes without 等: "杞县柿园…工程、…中心建设2个已完工" counts its items)
            at_start = not before[:m.start].strip() and sentence[end:end + 1] not in ("、", "和", "及")
            items = ITEMS_THEN_COUNT.match(sentence, end)
            if items and PLACE_ACTS_ON_ITEMS.match(sentence, end):
                items = None  # "南宁市有A、B、C等81个项目开竣工", "玉林市集中开竣工A、B等62个": the place's, it acts on them
            # (the place itself or a route's ends inside them are names': "衡阳至永州高速公路(祁东段)" of 祁东县's
            # examples; so is the city above, in a series of ；-clauses by county, but not in one clause alone:
            # "其中:横州市…、南宁国际空港…等3个项目" is the city's)
            if items and opens_items and not any(end <= o.start < items.end()
                                                 and self._another_unit(o, m, sentence, strict=not in_a_series)
                                                 for o in mentions):
                items = None
            glued = re.search(r"\d\.\d{1,2}$", before[:m.start])  # "汝南县71.6驿城区71.2分": a list whose 、 was lost
            if (re.search(r"[至到经A-Za-z0-9]$", before[:m.start]) and not glued) or items or last_item \
                    or re.match(r"(所辖|的)?[\d一二三四五六七八九十两]+\s*个" + UNITS_COUNTED.pattern, sentence[end:]):
                continue  # "向塘至新建区西山段公路…", "新华区华业商务广场三个项目": inside names of a list's items
            project = PROJECT_AFTER_PLACE.match(before, end)
            if project and (re.search(r"\d+\s*[个项宗批]", project.group(1)) or NOT_A_WORKS_NAME.match(project.group(1))
                            or (GENERIC_PROJECTS.search(project.group(1)) and project.group(2) != "基地")
                            or re.search(r"类(?=项目$|工程$)", project.group(1) + project.group(2))
                            or re.search(r"(局|委|办|政府)(组织|牵头|负责)|编制|印发|下达|制定", project.group(1))):
                # ("安吉县发展和改革局组织编制年度投资项目计划": an office drawing up a plan, no work)
                # ("产业集聚区全年机械电子制造类项目计划签约落地15个": the zone's projects of a kind in the year, none named)
                project = None  # "四川省500个重点项目", "南宁市自治区层面重大项目": the place's projects, not one
            if m.how == "short" and end < len(before) and not SHORT_SUBJECT_NEXT.match(before, end) and not project:
                continue  # "安义现代智慧针纺产业园": a short form opening a name, not the county (a project's, below)
            counted = re.match(r"\s*(\d+)\s*[个项]", sentence[start:])
            run = before[m.start:]
            if counted and not opens_items and "、" in run and not re.search(r"[,，;；。:：]|等\s*$", run) \
                    and int(counted.group(1)) == len(run.split("、")) \
                    and not all(self.gazetteer.find_in(item[:6], jurisdiction.area if jurisdiction else None)
                                for item in run.split("、")[1:]):
                continue  # "杞县柿园110千伏输变电工程、智慧城市展示体验中心建设2个已完工": the count of the items listed
            examples = EXAMPLES_END.match(before, end)
            size = SIZE_CLASS.match(sentence, m.start + len(m.surface) + len(examples.group(0))) if examples else None
            if size and not after_qizhong and not (in_a_series and not _another_size_before(size.group(0), previous_part)):
                # "铁西区华晨宝马第三工厂项目等100亿元以上项目3个;沈河区…等50亿-100亿元项目6个": the whole list
                # broken down by size, each class's examples opened by a place (not "其中,柳城县…等5000万元以上
                # 项目6个;鹿寨县…等5000万元以上项目4个": the counties', by place)
                continue
            if examples and "等" in before[end:] and ("、" in examples.group(0) or before[m.start - 1:m.start] == "、") \
                    and not ((opens_items or (at_start and (re.search(r"等\s*[\d一二三四五六七八九十两]+\s*[个项]$", examples.group(0))
                                                             or (examples.group(0).rstrip().endswith("等")
                                                                 and examples.end() >= len(before.rstrip())))))
                             and (in_a_series or at_start or examples.end() >= len(before.rstrip())) and not any(
                        end <= o.start < examples.end() and self._another_unit(o, m, sentence, strict=not in_a_series)
                        for o in mentions)):
                continue  # "…、金安区永翔钢材物流园项目等227个": a place inside the examples of a list (one
                # example its place opens, "同仁市…一体化等重点项目", is that place's, as are the examples of a
                # clause a place opens after a ； or 其中, their count right after 等 unless in a ；-series by place)
            if project and before[project.end():].lstrip().startswith("等"):
                continue  # the first of a list of example projects
            if project and not CATEGORY_NAME.match(project.group(1) + project.group(2)) \
                    and not BASE_SET.match(project.group(1) + project.group(2)) and not LEADING_MEASURE.match(project.group(1)):
                # "楚雄市200MW共享储能建设项目完成投资": the project the place's name opens, not the place
                if m.start > best[1]:
                    best = (m.surface + project.group(1) + project.group(2), m.start)
                    firm = FIRM_BEFORE_PLACE.search(before[:m.start])
                    if firm and firm.start(1) > best[1] - len(firm.group(1)) - 1:
                        # "新疆能源集团托克逊洁净…多联产项目": the firm's name opens the work's, the place inside it
                        best = (firm.group(1) + best[0], firm.start(1))
                continue
            town = TOWN_AFTER_PLACE.match(before, end) if m.place.kind in ("county", "county_city", "district") else None
            if town and m.start > best[1]:
                # "大田县建设镇小城镇建设在建重点项目22项": the county's town speaks of its own projects
                best = (m.surface + town.group(1), m.start)
                mentions_before.append(m)
                continue
            if m.start > best[1]:
                best = (m.surface, m.start)
                group = _group_ending_at(mentions_before, m, before)
                if group:
                    best = group
            mentions_before.append(m)
        clause_at = max(before.rfind(ch) for ch in CLAUSE_DELIM) + 1
        clause = before[clause_at:]
        named_match = NAMED_AREA_OR_PROJECT.match(SUBJECT_LEAD.sub("", clause))
        wide_at = max(before.rfind(ch) for ch in ",，;；:：。") + 1
        if wide_at < clause_at:
            # "湖北省第五届(黄石)园林博览会项目总投资…": a work's name holding a bracketed place, read whole
            whole = NAMED_AREA_OR_PROJECT.match(SUBJECT_LEAD.sub("", before[wide_at:]))
            if whole and re.search(r"[(（][\u4e00-\u9fff]{2,6}[)）]", whole.group(1)) and whole.group(1).endswith(("项目", "工程", "基地")):
                named_match, clause, clause_at = whole, before[wide_at:], wide_at
        named = named_match.group(1) if named_match else ""
        acted_on = _work_a_place_acts_on(before, clause_at) if named else ""
        if acted_on:
            named = acted_on  # "祁阳市把浯溪文化园项目作为重点": the work the place acts on, by its own name
        if not named:
            unbracketed = re.sub(r"[(（][^()（）]{1,12}[)）]", "", before[wide_at:])
            wide = NAMED_AREA_OR_PROJECT.match(SUBJECT_LEAD.sub("", unbracketed))
            if wide and not re.search(r"(项目|工程|基地)$", wide.group(1)) and wide.group(1) in before[wide_at:]:
                named, clause, clause_at = wide.group(1), before[wide_at:], wide_at
                # the zone's part in one city, in brackets after its name, is the name's: 太忻一体化经济区(太原区)
                # (only a part named by a place: 秦岭度假区(翠华山片区) is the resort's other name, its figure the resort's)
                with_part = re.search(re.escape(wide.group(1)) + AREA_PART, clause)
                part = with_part.group(0)[len(wide.group(1)) + 1:] if with_part else ""
                if part and (self.gazetteer.city_short(part[:2]) or self.gazetteer.unique_short(part[:2])
                             or any(m.start == 0 for m in self.gazetteer.find_in(part, None, city_shorts=True))):
                    named = with_part.group(0)
        if named and (GENERIC_AREA.search(named)
                      or named.endswith("园区") and len(KIND_WORDS.sub("", named)) < 2):
            named = ""  # "在项目建设园区投资", "现代农业产业园区项目": parks of a kind, not one named
        if named and (any(a <= clause_at + clause.find(named) < b for a, b in named_parks)
                      or (re.search(r"[\d一二两三四五六七八九十]+个", named) and named.endswith("区"))):
            named = ""  # "…巴吉滩两个工业园区", "凉州区两个工业园区": parks counted, not one named
        # (the part's city in brackets, 长株潭融城片区(株洲段), is no place inside the zone's name)
        inside = self.gazetteer.find_in(re.sub(r"[(（][^()（）]*[)）]$", "", named),
                                        jurisdiction.area if jurisdiction else None) if named else []
        if named and re.search(r"(项目|工程|基地)$", named) and not _names_one_project(named):
            named = ""  # "省重点项目完成投资", "亿元以上项目": a kind of project, not one
        if named and re.search(WORK_OF_ONE_PROJECT + "$", named) and not _names_one_work(named):
            named = ""  # "高速公路完成投资", "4条高速已完成": a sector, not one work
        named_at = clause_at + clause.find(named) if named else -1
        # (a place inside the name opening a work's name after it, "新疆能源集团托克逊洁净…项目": the whole name's)
        holds_best = bool(named) and best[1] > named_at and re.search(r"(项目|工程)$", best[0] or "") is not None \
            and named.endswith(best[0]) and re.search(r"(项目|工程)$", named) is not None
        if named and not CATEGORY_NAME.match(named) and not BASE_SET.match(named) \
                and (named_at > best[1] or holds_best) \
                and (not inside or (re.search(r"(项目|工程|基地)$", named) and (inside[0].start > 0 or named_at > 0))):
            # a project or a named area opening the figure's clause ("中广核葵阳风电场项目总投资12.39亿元",
            # "纳入天府新区的30个"; "其中渭南银发经济产业园…项目总投资", whose city's short form opens
            # it and is no subject there): its own entity, not the issuer's
            best = (named, named_at)
        for group in UNITS_GROUPED.finditer(clause):
            if group.start(1) == 0 and before[clause_at - 1:clause_at] in ("、", "和", "及", "与"):
                continue  # "南京、苏州两市…": the last of the places listed, not a group of its own
            if clause_at + group.start(1) > best[1] and not re.match(r"(各|全|所有|其余|其他|其它|这|该|我|本)", group.group(1)):
                # "苏南五市项目667个", "东部三县完成投资…": a group of the area's units, none of them alone (no
                # one place's figure, the whole's only with the group as its part: for review)
                best = (group.group(1), clause_at + group.start(1))
        for cut in re.finditer(r"(?:^|(?<=[,，;；:：]))", before):
            kind_then_work = KIND_THEN_WORK.match(before, cut.start())
            if kind_then_work and kind_then_work.start("name") > best[1] - len(kind_then_work.group("name")) \
                    and _one_work_named(kind_then_work.group("name"), r"、|等|和|及") \
                    and not re.search(r"[;；。]", before[kind_then_work.end():]) \
                    and not self.gazetteer.find_in(before[kind_then_work.end():], jurisdiction.area if jurisdiction else None):
                # "省重点项目天门锂离子电池…基地项目已完成投资23680万元", "省委、省政府督办的重大产业项目天龙纺织工业园项目,
                # 已完成投资…": the one work a kind of project names, not the city its name opens with
                best = (kind_then_work.group("name"), kind_then_work.start("name"))
        region = max(REGION_BEFORE_SUPERLATIVE.finditer(before), key=lambda r: r.start(), default=None)
        if region is not None and region.start(1) >= best[1]:
            # "分区域看,东部最多,开工项目80个", "城区最多", "南部最多" (not 南部县): a part of the area the text leaves
            # unnamed (unknown, for review; never the whole's)
            best = (AMBIGUOUS_SUBJECT, region.start(1))
        named_unit = NAME_THEN_PERIOD.match(sentence)
        if named_unit and named_unit.end(1) <= start and named_unit.start(1) > best[1] \
                and not NOT_A_UNITS_NAME.search(named_unit.group(1)) and not AGGREGATE_SUBJECT.search(named_unit.group(1)) \
                and not self.gazetteer.find_in(named_unit.group(1), jurisdiction.area if jurisdiction else None):
            # "飞鹤1-9月份入统数为1.9673亿元": an enterprise or unit the sentence opens with, then its period
            best = (named_unit.group(1), named_unit.start(1))
        heading_area = HEADING_AREA.match(sentence)
        if heading_area and heading_area.end() <= start and heading_area.start(1) > best[1] \
                and not GENERIC_AREA.search(heading_area.group(1)) and not NOT_A_ZONES_NAME.search(heading_area.group(1)) \
                and len(KIND_WORDS.sub("", heading_area.group(1))) >= 2 and not self.gazetteer.find_in(
                    heading_area.group(1), jurisdiction.area if jurisdiction else None)[1:]:
            # "上饶高铁经济试验区：市重大项目63个，…": a zone heading its line owns it (a new one, for review)
            best = (heading_area.group(1), heading_area.start(1))
        heading_town = re.match(r"\s*(?:\d{1,2}\s*[、.．]\s*)?([\u4e00-\u9fff]{2,6}?(?:镇|乡|街道))\s*[:：]", sentence)
        if heading_town and heading_town.end() <= start and a_town_name(heading_town.group(1)) and heading_town.start(1) > best[1]:
            best = (heading_town.group(1), heading_town.start(1))  # "涟江街道:推进项目12个,…": the town heading its line
        lead = SUBJECT_LEAD.match(clause)
        offset = lead.end() if lead else 0
        town = TOWN_SUBJECT.search(clause[offset:])
        if town and a_town_name(town.group(1)) and clause_at + offset + town.start(1) > best[1] \
                and before[clause_at - 1:clause_at] not in ("、", "和", "及"):  # (the last of a list of towns: the list's)
            # "其中,大桥镇完成投资1.38亿元": a town (in no list) opening its clause is the subject, for review
            best = (town.group(1), clause_at + offset + town.start(1))
        opening_town = TOWN_OPENING_ITS_WORKS.match(sentence)
        if opening_town and opening_town.end(1) <= start and best[1] < 0 and (
                a_town_name(opening_town.group(1)) if re.search(r"(镇|乡|街道)$", opening_town.group(1))
                else not GENERIC_AREA.search(opening_town.group(1)) and not re.match(r"(各|全|该|本|我|市|县|区|省)", opening_town.group(1))):
            # "张浦镇春秋电子、艾森曼机械…等5个项目开工建设,累计总投资17.5亿元": a town opening its sentence with
            # its works owns the sentence's figures (no place said before it in the sentence)
            best = (opening_town.group(1), opening_town.start(1))
        near = max(0, start - SUBJECT_WINDOW, best[1])  # a subject stands near its figure: scan only that far
        if jurisdiction is None or jurisdiction.area is None:
            for m in BARE_ZONE.finditer(before, near):  # "高新区完成投资" in a bulletin of no known city: kept for review
                if m.start() > best[1]:
                    best = (m.group(1), m.start())
        for m in TOWN_VOICE.finditer(before, near):
            # "岳池县青林镇坚持项目为王,该镇共实施重点项目12个": the town spoken of, not the county before it
            town = jurisdiction.place.name if jurisdiction is not None and jurisdiction.place is not None \
                and jurisdiction.place.kind in LOCAL_KINDS else next(
                    (name for name, _ in reversed(towns_named(sentence[:m.start()], self.gazetteer))), "")
            if town and m.start() > best[1]:
                best = (town, m.start())
        for m in AGGREGATE_SUBJECT.finditer(before, near):
            if best[0] and m.start() == best[1] + len(best[0]):
                continue  # "北海市自治区层面重大项目": the place's projects of the region's list, the place's
            if m.group(1) == "自治区层面" and (not _opens_a_clause(before, m.start())
                                               or re.search(r"其中\s*[,，:：]?\s*$", before[:m.start()])
                                               or (jurisdiction is not None and jurisdiction.place is not None
                                                   and jurisdiction.place.kind != PROVINCE_LEVEL
                                                   and not region_spoke_above and not REGION_SPEAKS.search(line or sentence))):
                continue  # "我市共有自治区层面统筹推进的重大项目44个", "195个自治区层面重大项目", "其中,自治区层面…":
                # projects of the region's list, whoever the clause is about; only a clause it opens is the region's
                # (in a city's bulletin, "自治区层面重大项目完成投资229.3亿元", the city's projects on the region's list;
                # never where the region is said to speak in the section, "据自治区发改委通报…全区…", or the city's
                # own figure follows, "…3200亿元,我市…")
            if _in_closed_aside(before, m.start()) or LISTED_IN_OR_JOINED.search(before[:m.start()]) \
                    or _compared_or_ranked_in(before, m.start(), m.end(), reach=4) \
                    or SUPERLATIVE_AFTER.match(before, m.end()):
                continue  # "总投资640亿元,占全市61%", "高于全省", "居全市第一", "列入全省重点的10个项目", "参加全省…集中开工",
                # "苏州开工项目个数全省最多" (the scope of a superlative; a place before 最多 is the subject):
                # the whole compared with, or whose list or event it is, not the subject
            if best[0] and best[0][-1:] == m.group(1)[0] and m.group(1).endswith("本级") \
                    and not re.search(r"[,，;；:：。]", before[best[1]:m.start()]):
                continue  # "马山县2022年中央、县本级…资金项目": the level of the county just named, not the issuer
            if m.start() > best[1]:
                best = (m.group(1), m.start())
        for cut in CLAUSE_OPENING.finditer(before, max(best[1], 0) + 1):
            # "…进展良好,其中,羊马河煤矿建设项目已进入联合试运转,…预计实现年总产值约9.6亿元": a clause a named work
            # opens, after the subject before it, makes the work the subject of what follows in the sentence
            work = WORK_OPENS_CLAUSE.match(before, cut.end())
            if work and _a_named_project(work.group(1)) and not CATEGORY_NAME.match(work.group(1)) \
                    and not GENERIC_WORK_CORE.search(work.group(1)) and not re.search(r"、|等|和|及|与", work.group(1)) \
                    and cut.end() > best[1]:
                best = (work.group(1), cut.end())
        item = _named_list_item(before, in_series)
        if item and (item[1] > best[1] or item[1] <= best[1] < item[1] + len(item[0])):
            # "分别为:中国电科桂林光电子…项目(一期),总投资28亿元;…": the project its list item names (a
            # place inside the name, 桂林, is the name's)
            best = item
        heading = ORGANIZATION_HEADING.match(sentence)
        if heading and heading.end() <= start and heading.start(1) > best[1]:
            best = (heading.group(1), heading.start(1))  # "2.城乡建设工作指挥部:项目23项,…": the unit reported on
        provincial = jurisdiction is not None and jurisdiction.area is not None and jurisdiction.area.kind == PROVINCE_LEVEL
        above = r"(国家|中央|国务院)$" if provincial else r"(国家|中央|国务院|自治区|省)$"
        for m in self.department_mention.finditer(before, near):
            speaks = SPEAKS_IN_CLAUSE.match(before, m.end())
            if speaks and OWN_OFFICE.search(before, speaks.end()):
                speaks = None  # "市住建局局长李四介绍，该局牵头的12个项目…": the office's own projects
            if DEPARTMENT_SPEAKS.match(before, m.end()) or speaks or re.search(r"(从|据|由|经)$", before[:m.start()]) \
                    or re.match(r"(牵头组织|组织|会同|联合|协调|指导|督促|召开|举办|主办)(?!实施)", before[m.end():]):
                # ("市发改委牵头组织各县(市)区…集中开工重大项目153个": the office that organizes, not the owner)
                continue  # "市发改委负责人介绍", "记者从市发改委获悉": the source of the news, not the subject
            if re.search(above, before[:m.start()]) or (
                    re.search(r"(通过|经过|报经|获)$", before[:m.start()]) and re.match(r"(审核|审批|批复|批准|核准)", before[m.end():])):
                continue  # "通过国家发展改革委审核项目10个": a commission above, or one that approves, not the subject
            if m.start() > best[1]:
                best = (m.group(0), m.start())
        return best

    def _in_a_list_of_places(self, lines: list, place_lines: list[str], k: int) -> bool:
        """Whether the place line k is an item of a list, no heading: numbered next to another numbered place
        line ("1.德阳 / 2.绵阳"), or next to a place line it does not lie in nor holds ("眉山市 / 资阳市": siblings;
        "德阳 / 旌阳区" is a heading and its sub-heading)."""
        numbered = re.compile(r"^\s*[\d一二三四五六七八九十]{1,2}\s*[、.．]")
        for j in (k - 1, k + 1):
            if not (0 <= j < len(lines)) or not place_lines[j]:
                continue
            if numbered.match(lines[k][1]) and numbered.match(lines[j][1]):
                return True
            a, b = (self.gazetteer.find_in(place_lines[x], None, city_shorts=True) for x in (k, j))
            if a and b and not (self.gazetteer.within(a[0].place, b[0].place) or self.gazetteer.within(b[0].place, a[0].place)):
                return True
        return False

    def _place_line(self, line: str, jurisdiction: Optional[Jurisdiction]) -> str:
        """The place a line holds and nothing else ("眉山", "二、资阳市"), or ""."""
        line = re.sub(r"^\s*(?:[一二三四五六七八九十\d]{1,2}\s*[、.．]|[(（][一二三四五六七八九十\d]{1,2}[)）])", "", line)
        if re.match(r"\s*[(（【\[]", line):
            return ""  # "(县工业园区)": a photo's caption, no heading
        bare = re.sub(r"[\s。.:：,，;；■●◆▲]", "", line)
        if not 2 <= len(bare) <= 12:
            return ""
        found = self.gazetteer.find_in(bare, jurisdiction.area if jurisdiction else None, city_shorts=True)
        home = jurisdiction.place if jurisdiction is not None else None
        if home is not None and found and found[0].place != home and self.gazetteer.within(home, found[0].place):
            return ""  # "巴中" over a 平昌县 page's lines: the city above the page's own county heads none of them
        return bare if len(found) == 1 and found[0].surface == bare \
            and found[0].place.kind in (PROVINCE_LEVEL, "city", "county", "county_city", "district") else ""

    def _stories_by_dateline(self, lines: list[tuple[int, str]]) -> dict:
        """A paper's page of several stories, each opening with its dateline (本报宁波11月17日电, 本报天台…电): the
        line each opens and the place it names; {} for a page of one place."""
        found = {}
        for line_no, line in lines:
            m = DATELINE.match(line)
            for written in ((m.group(1),) + tuple(m.group(1) + x for x in "县市区") if m else ()):
                # (a county's short form a dateline writes, 天台, is a common word alone: its full name is tried)
                named = self.gazetteer.find_in(written, None, city_shorts=True)
                if named and named[0].start == 0 and named[0].surface == written:
                    found[line_no] = named[0]
                    break
        return found if len({m.place.key for m in found.values()}) >= 2 else {}

    def extract(self, lines: list[tuple[int, str]], meta: DocumentMeta, jurisdiction: Optional[Jurisdiction] = None,
                page_of=None) -> Iterator[Fact]:
        """Facts from prose lines, given as (1-based line number, text)."""
        recent: dict[Optional[str], str] = {}  # the last measure phrase of each kind of unit, in a section
        region_spoke = False  # a line of the section spoke as the region (据自治区发改委通报, 全区…)
        last_line = ""
        unknown_members = self._unknown_list_members(lines, jurisdiction)
        project = ""  # a line that is only a project's name heads the lines under it
        work_above = ""  # the last work a line above named ("▲…,攸县松井汽车涂料建设项目开工"), for a line opening 该项目
        event_host = ""  # the place that held the event a line above told of, for a line opening 本次/此次
        story_of = self._stories_by_dateline(lines)
        story = None  # on a page of several stories (本报宁波…电, 本报天台…电): the place of the one being read
        story_subject = ""  # the place inside the story's own that its dateline's paragraph spoke of
        carried, previous_line_no, sentence_openers = "", None, set()
        section_place = ""  # a place written as a line of its own ("眉山", "资阳") heads the lines under it
        place_lines = [self._place_line(line, jurisdiction) for _, line in lines]
        if place_lines and place_lines[-1]:
            place_lines[-1] = ""  # a place closing the page: a signature, no heading
        alone = sum(1 for x in place_lines if x) < 2  # (one place line alone: a heading, a dateline, a caption)
        home = jurisdiction.place.name if jurisdiction is not None and jurisdiction.place is not None else ""
        for k, x in enumerate(place_lines):
            if alone and x and (x == home or (all(CHROME_LINE.search(ln) for _, ln in lines[1:k])
                                              and not re.match(r"\s*(?:[一二三四五六七八九十\d]{1,2}\s*[、.．]|[(（])", lines[k][1]))):
                # "宜宾" under the title and its source and byline lines only (a dateline), or the page's own place: no
                # heading (a place under a heading, a salutation or an intro "…通报如下:" is one)
                place_lines[k] = ""
        sub_opened = 0  # the ordinal of the sub-heading the section's place came under ("（二）分市情况 / 眉山 / …")
        for k, (line_no, line) in enumerate(lines):
            own_line = place_lines[k]
            if own_line and (alone or self._in_a_list_of_places(lines, place_lines, k)):
                # "1.德阳 / 2.绵阳 / 3.眉山", "眉山市 / 资阳市": a list of places, no heading; "仁寿县" alone on a line:
                # a heading, or a signature; the lines under either, up to the next heading, that name no place are
                # one of theirs or the whole's, which is not said (unknown, for review)
                section_place = AMBIGUOUS_SUBJECT
                continue
            sub = SUB_HEADING.match(line)
            ordinal = _ordinal(sub.group(1)) if sub else 0
            if own_line or TOP_HEADING.match(line) or (sub and ((sub_opened and ordinal > sub_opened)
                                                                or SECTION_WHOLE_HEADING.search(line))):
                # (a round-up by city: "眉山\n65个项目集中开工…\n资阳\n49个项目…"; a new top section ends it, and a
                # sub-heading of the whole, "（二）全省其他情况", or of the level that opened the round-up, but not
                # "（一）项目开工情况" inside a city's own section)
                section_place = own_line
                if own_line:
                    continue
                sub_opened = 0
            if sub and not section_place:
                sub_opened = ordinal  # the sub-heading the round-up opens under ((二)分市情况): a later one, (三), ends it
            if story is not None and carried and previous_line_no in story_of and not story_subject \
                    and len(sentence_openers) <= 1:
                named = self.gazetteer.find_in(carried, None)
                province = next((p for p in self.gazetteer.chain(story.place) if p.kind == PROVINCE_LEVEL), story.place)
                if named and named[0].surface == carried and named[0].place.kind != PROVINCE_LEVEL \
                        and self.gazetteer.within(named[0].place, province):
                    # (a capital's dateline over another city's story, "本报长沙…电 株洲市今年安排…": that city's)
                    story_subject = carried  # "本报象山…电 …象山县10个重大项目集中开工。" over "此次集中开工的…"
            story = story_of.get(line_no, story)
            previous_line_no = line_no
            if line_no in story_of:
                event_host, story_subject = "", ""  # (a new story: the last one's host is not this one's)
            event_parts = ""  # the batch event whose projects' kinds the line counts
            # "按项目领域分:" closing the line above: this line's kinds are a breakdown of what was counted before
            intro = re.split(r"[。；;]", last_line.rstrip())[-1]  # (the intro's own sentence)
            parts_intro_above = bool(BREAKDOWN_INTRO.search(intro)) and (BATCH_EVENT.search(intro) is not None
                                                                       or not WHOLE_OR_LIST_AGAIN.search(intro))
            last_line = line
            plan_share_series = ""  # the share of plan a series of parts said once
            if HEADING.match(line):
                recent, project, region_spoke = {}, "", False  # "二、招商引资": another section, other measures
            if NOTE_LINE.match(line):
                continue  # "注:1.…指每新开1个项目加5分": how a score is made, not what was done
            if _project_heading(line):
                project = line.strip()  # "图们至珲春高速公路" over "本年累计完成投资13.5亿元,…"
                continue
            project = _numbered_item_work(line) or project  # "4、王格尔塘至夏河高速公路建设项目。公路全线…": its item
            line_period: Optional[Period] = None
            previous = ""
            region_spoke_above = region_spoke  # a line above spoke as the region
            region_spoke = region_spoke or REGION_VOICE.search(line) is not None
            carried = project  # a place that opened a sentence carries over its ；-parts and into the next sentence
            line_work = ""  # the work the line's paragraph is about, for "该项目" and "项目总投资" further on
            if work_above and _opens_with_this_project(line):
                # "▲…株洲分会场,攸县松井汽车涂料建设项目开工" / "该项目总投资18.9亿元,…": the work named just above
                carried = line_work = work_above
            # (a line that speaks of 该项目 and names no other work keeps the one named above for the next)
            work_above = _last_work_named(line) or (work_above if THIS_PROJECT.search(line) and not NEW_VISIT.search(line) else "")
            heading_place = ""  # a place written as a sentence of its own ("滨城区 。") heads the rest of its line
            if event_host and THIS_EVENT.match(line):
                # "据了解,本次开复工项目涉及…。包含市政项目68个": the event the paragraph above told of, its host's
                carried = heading_place = event_host
            event_host = ""
            if story_subject and not carried:
                carried = heading_place = story_subject
            ended = 0  # sentences ended (。) since the carried subject was said
            part_subject: Optional[tuple[str, str]] = None  # (a part named after 其中, the subject carried before it)
            sentence_openers: set[str] = set()  # the places that opened clauses of the sentence (a series)
            said_of: dict[str, dict] = {}  # the largest figure of each kind of unit said of each subject
            for written in _sentences(line):
                if re.search(rf"({FACILITY})$", carried or "") \
                        and not re.match(r"\s*(总?投资|建筑面积|占地|完成投资|计划投资|总建筑面积)", written):
                    carried = heading_place  # a school named with its figures holds its own clauses, not the next ；-part
                sentence = OPEN_OR_RESUME.sub(r"开\1工", written)  # "开(复)工": one word, not 开 and a bracket
                # a place that opened a sentence goes on in its ；-parts and in the next sentence if that
                # names no subject ("达拉特旗实施…10项。截至目前,开复工10项"); no further, and another
                # subject or 全市 ends it
                # "其中省重点项目14个,…；市重大项目75个,…": the ；-part after a 其中 goes on naming the parts
                parts_go_on = previous.endswith(("；", ";")) and "其中" in previous
                if previous.endswith(("。", "！", "？", "!", "?", "……", "......")):
                    ended += 1
                    if len(sentence_openers) > 1 and carried in sentence_openers:
                        # "渝北区完成投资186亿元,璧山区完成投资132亿元。下半年,计划再开工…": after a series of
                        # places, the next sentence is the whole's, not the last one's
                        carried = heading_place
                    sentence_openers = set()
                    if part_subject is not None and carried == part_subject[0]:
                        # "…其中,芦溪镇完成投资1.38亿元。新开工项目12个": a part named after 其中 ends with its
                        # sentence; the next speaks of the whole again
                        carried = part_subject[1]
                    part_subject = None
                    if ended > 1:
                        carried = heading_place
                # a period opening a sentence carries on through its ；-parts and into a "其中…" sentence
                if previous.endswith(("。", "！", "？", "!", "?")) and not re.match(r"^(其中|其他|另外|此外|同时|分别)", sentence):
                    line_period = None
                sentence_before, previous = previous, sentence.rstrip()
                carried_into = carried  # what the sentence inherits (a breakdown opening it ends only that)
                item = _numbered_item_work(sentence.strip(), whole=True)
                if item:
                    # "…。4、王格尔塘至夏河高速公路建设项目。公路全线…累计完成投资8.5亿元。5、…": the item's work
                    # is what the sentences after it, up to the next item, speak of
                    carried, ended, line_work = item, 0, item
                    continue
                topic_work = _work_then_colon(sentence) or _project_topic(sentence) \
                    or (_line_opening_work(sentence) if not sentence_before else "")
                if topic_work and line_work and re.search(re.escape(topic_work) + r"(相关)?负责人", sentence):
                    topic_work = ""  # "…仙桃段工程已进入铺轨阶段。“…”中铁十一局集团有限公司项目负责人介绍": the builder's head
                if topic_work:
                    carried, ended, line_work = topic_work, 0, topic_work
                # the work the sentence is about: one it opens with, or the one before said again (该项目…)
                if NEW_VISIT.search(sentence) and not topic_work and not _last_work_named(sentence):
                    line_work = ""  # "随后,观摩团来到襄州区。": the story moves on; 该项目 after it is not the work before
                opens_this = _opens_with_this_project(sentence)
                if opens_this and not topic_work and not line_work:
                    # "…介绍了湖北长力轻型改装车生产项目情况。该项目位于…,总投资2.8亿元": the one work the sentence
                    # before named is what 该项目 is
                    named_before = _last_work_named(sentence_before)
                    if named_before:
                        carried, ended, line_work = named_before, 0, named_before
                sentence_work = line_work if line_work and (topic_work or opens_this) else ""
                figures = self.figures(sentence, STATISTICS_FIGURE if meta.genre in STATISTICAL_GENRES else FIGURE)
                matches = [m for m in figures if not _counts_the_ranked(sentence, m)]
                leading = _leading_period(sentence, meta.year)
                if leading and not _is_whole_year(leading):
                    line_period = leading  # "1-3月，…" carries on to the line's next sentences
                yield from self._rank_lists(sentence, line_no, leading or line_period or meta.period, page_of)
                yield from self._rank_stretches(sentence, line_no, leading or line_period or meta.period, page_of)
                seen: list[tuple[int, str, str]] = []  # (end, measure phrase, subject) of the sentence's figures
                if not matches:
                    yield from self._ordinal_ranks(sentence, seen, line_no, leading or line_period or meta.period,
                                                   page_of, jurisdiction)
                    mentions = self._mentions(sentence, jurisdiction)
                    if carried and any(carried not in (m.surface, m.place.name) for m in mentions):
                        carried = ""  # "；在唐山,…项目顺利推进": another place spoken of ends the carried one
                    bare = re.sub(r"[\s。.:：,，;；()（）【】]", "", sentence)
                    if bare and len(mentions) == 1 and mentions[0].surface == bare:
                        # "滨城区 。 重点投资项目35个,…": a place written as a sentence of its own heads the
                        # sentences after it on its line
                        carried, heading_place, ended = bare, bare, 0
                        continue
                    host = _host_of_its_own_event(sentence, mentions, jurisdiction, self.gazetteer, story)
                    if host:
                        # "22日,…第三师图木舒克市举行2022年春季重大项目集中开复工仪式。此次集中开复工项目292个": the
                        # place holding its own event is what the rest of its paragraph's figures are of
                        carried, heading_place, ended = host, host, 0
                        event_host = host
                        continue
                    opener = mentions[0] if mentions and not sentence_before and mentions[0].start == len(sentence) - len(sentence.lstrip()) else None
                    if opener is not None and opener.place.kind in ("county", "county_city", "district", "zone") \
                            and not re.match(r"\s*(的|在|和|与|、|等|作为|位于|地处)", sentence[opener.start + len(opener.surface):]) \
                            and not HOST_OR_GUEST.search(sentence) \
                            and not PART_NAMED_AFTER_PLACE.match(sentence, opener.start + len(opener.surface)):
                        # (not a county hosting or visiting, "通城县承办全市…活动", "通山县党政考察团一行来我县…", nor
                        # one whose town or work is named right after it: "华容县治河渡镇…", "嘉鱼县境内的…工程")
                        # "赤壁市多途径、多举措强力推进项目建设,…。集中开工7个项目": a county opening its
                        # paragraph is what the paragraph's next sentences speak of
                        carried, ended = opener.surface, 0
                        continue
                    topic = TOPIC_AREA.match(sentence.lstrip())
                    if topic:
                        # "渝东南武陵山区城镇群则聚焦文旅融合…。今年1-7月,…累计完成投资10.5亿元": the area a
                        # sentence is about is the next sentence's subject when that one names none (a
                        # place merely opening one, "在唐山,…", is not: the next may be the whole's)
                        carried, ended = topic.group(1), 0
                    continue
                sentence_start_period = leading if leading and not _is_whole_year(leading) else line_period
                year_plan = leading is not None and _is_whole_year(leading)
                enumeration = _enumerated_subjects(sentence, self.gazetteer, len(matches), [f.start for f in figures],
                                                   listed_before=sentence_before)
                previous_end, previous_metric, part_category, part_counts = 0, "", "", False
                whole_category, parts_in_a_row = "", False
                heading_kind = ""  # a breakdown's kind opening the sentence with its count ("城镇化建设10个,…")
                named_then_done: tuple[str, int] = ("", -1)  # "总投资X的Y项目完成投资Z": Y and where its name ends
                built_here: tuple[str, int, int] = ("", -1, -1)  # a work the sentence's investor builds: where it is named,
                # and the last figure given to it
                outer_end, outer_metric, outer_category = -1, "", ""
                previous_unit = None
                previous_member = False
                named_before_this = ""  # the project a figure's 的-phrase named, whose name may open the next phrase
                paired: list[str] = []  # the measures still to pair with an enumeration's figures
                parts_of = ""  # the measure the last figure was a part of
                plan_share_at = -1  # where the sentence said a share of the plan ("占年度计划的76.9%")
                if not sentence_before.rstrip().endswith((";", "；")):
                    plan_share_series = ""  # a series of ；-parts sharing it ends with its sentence
                for k, match in enumerate(matches):
                    fig = match.figure
                    inherited = False
                    sub_part = False
                    own = ""
                    flags_for_subject: list[str] = []
                    ambiguous = False
                    between = sentence[previous_end:match.start]
                    if k and re.fullmatch(r"\s*[、和及与]\s*", between):
                        # an enumeration ("分别完成66018万元、51693万元") shares its first member's phrase, unless
                        # its phrase named one measure for each member
                        metric_raw = paired.pop(0) if paired else previous_metric
                    else:
                        metric_raw = self.metric_phrase(sentence, match.start, match.end, previous_end,
                                                        count=kind_of(fig.unit) == "count")
                        if re.sub(r"^(其中|各平台中|只有)", "", metric_raw or "") in unknown_members:
                            metric_raw = ""  # "苏滁现代产业园3个": a list's unit the gazetteer lacks, no measure
                        paired = _paired_measures(sentence[:match.start], metric_raw, _run_length(sentence, matches, k))
                        if paired:
                            # "计划总投资和本年完成投资为419.6亿元和54.98亿元": each figure its own measure, in order
                            metric_raw, paired = paired[0], paired[1:]
                    clause_start = max(sentence.rfind(ch, 0, match.start) for ch in CLAUSE_DELIM) + 1
                    if k and previous_metric and metric_raw and sentence[clause_start:].lstrip().startswith("其中") \
                            and category_of(metric_raw) == metric_raw and kind_of(fig.unit) == kind_of(previous_unit) \
                            and not (kind_of(fig.unit) == "count" and BARE_STAGE_COUNT.search(metric_raw)
                                     and BARE_STAGE_COUNT.search(previous_metric)):
                        # (but "开复工项目50个,其中新开工项目30个": a part named by its own stage counts that stage)
                        # "竣工投产…项目44个，其中亿元以上项目21个": a part of the figure before, its category
                        own, metric_raw = metric_raw, previous_metric
                        sub_part = True
                    elif not k and metric_raw and re.match(r"\s*(其中|包括)", sentence[clause_start:]) \
                            and category_of(metric_raw) == metric_raw and recent.get(kind_of(fig.unit)):
                        # "…集中开工的新项目共1816个。其中产业项目1005个": a part of the sentence before's figure
                        own, metric_raw = re.sub(r"^(其中|包括)", "", metric_raw), recent[kind_of(fig.unit)]
                        sub_part = True
                    elif k and parts_of and metric_raw and category_of(metric_raw) == metric_raw \
                            and re.fullmatch(r"\s*、\s*", sentence[previous_end:clause_start]) \
                            and kind_of(fig.unit) == kind_of(previous_unit):
                        # "包括装备制造项目205个、冶金新材料项目154个": the parts go on
                        own, metric_raw = metric_raw, parts_of
                        sub_part = True
                    # (a kind goes on a batch's series unless its clause speaks of the whole or of the year's
                    # list again: "全县共有省重点项目6个")
                    said_alone = not WHOLE_OR_LIST_AGAIN.search(sentence[clause_start:match.start]) \
                        and not (k == 0 and STATS_OPENING.search(sentence[:match.start])) \
                        and not COUNTED_EVENT.match(sentence, match.end)  # ("56个市级重点项目已开复工38个": a base)
                    batch_event = ""
                    if not sub_part and kind_of(fig.unit) == "count" and metric_raw and category_of(metric_raw) == metric_raw \
                            and (PARTS_OPENING.match(sentence[clause_start:]) or PARTS_OPENED.search(sentence[:clause_start])
                                 or (event_parts and said_alone)
                                 or (parts_intro_above and not sentence_before and k == 0 and said_alone)) \
                            and BATCH_EVENT.search(event_parts or recent.get("count", "")) \
                            and not BARE_STAGE_COUNT.search(metric_raw) and not re.search(r"以上|以下|续建|在建|储备|谋划|前期", metric_raw):
                        # (a part named by its own stage, 新开工项目 of 开复工, is counted as that stage; a size class,
                        # 亿元以上项目, is a class of projects, counted as projects)
                        # "本次集中开工85个项目,…。其中产业发展项目20个,总投资132亿元;基础设施建设项目23个,…": the
                        # kinds of a batch's projects are counts of the batch's event (开工项目数), the kind their
                        # category (set below, once the kind has become the part the money after it is of)
                        batch_event = event_parts or recent["count"]
                    if kind_of(fig.unit) == "count":
                        event_parts = batch_event or (metric_raw if sub_part and BATCH_EVENT.search(metric_raw) else "")
                    kind_money = KIND_INVESTMENT.fullmatch(metric_raw or "") if kind_of(fig.unit) == "money" and not sub_part else None
                    if kind_money and DONE_MONEY.search(recent.get("money", "")):
                        # "重点项目完成投资71亿元…。从各行业投资情况看,全县旅游商贸类投资14.15亿元": a kind's share of
                        # the money done, that measure with the kind its category
                        own, metric_raw = kind_money.group("kind"), recent["money"]
                        sub_part = True
                    if "其中" in sentence[max(plan_share_at, 0):match.start]:
                        plan_share_series = ""  # (the whole's share of plan, then its parts after 其中; a part's part)
                    in_series = False
                    if fig.unit == "%" and metric_raw == "占" and plan_share_series \
                            and (plan_share_at < 0 or re.search(r"[;；]", sentence[plan_share_at:match.start])):
                        # "农林水利项目…占年度计划的76.9%;交通项目…占47.7%": the series' share of its plan, said once
                        # (not "…占年度计划的80%,其中产业项目…占50%": a part's share of the whole)
                        metric_raw, in_series = plan_share_series, True
                    if fig.unit == "%" and SHARE_OF_PLAN_SAID.match(metric_raw or "") and not in_series:
                        # (only a part's share of its plan goes on a series of parts: "农林水利项目完成投资…,占年度
                        # 计划的76.9%;交通项目…占47.7%"; after the whole's, "固定资产投资完成450亿元,占年度计划的52%;
                        # 民间投资…占62.2%" is a share of the whole)
                        plan_share_at = match.end
                        said = sentence[:match.start]
                        part_clause = (BREAKDOWN_SAID.search(said) or PART_MONEY.match(previous_metric or "")) \
                            and not WHOLE_MONEY.search(previous_metric or "")
                        plan_share_series = metric_raw if part_clause else ""
                    if not metric_raw and k and previous_metric:
                        # "…,后五位的为平山县(62.4%)": the list's measure goes on; after a change ("完成率较上年
                        # 同期提高3个百分点，达55%") the level of what changed
                        metric_raw = COMPARISON_TAIL.sub("", previous_metric) or previous_metric
                    elif k and fig.unit == "%" and SHARE_OF_PLAN.match(metric_raw) and previous_end >= match.start - 20 and (
                            (kind_of(previous_unit) == "count" and re.search(r"开工|竣工|开复工|投产", previous_metric))
                            or (kind_of(previous_unit) == "money" and "到位资金" in previous_metric)):
                        metric_raw = previous_metric + metric_raw  # 开工项目占年度计划: 开工率; 到位资金占…目标: its rate
                    listed_kind = ""
                    if kind_of(fig.unit) == "money" and "计划" in metric_raw and "完成" in metric_raw \
                            and re.match(r"\s*[)）]?\s*的\s*[\d.]+\s*%", sentence[match.end:]):
                        # "已完成年度投资计划600亿元的58.3%": the amount is the plan the share is of
                        metric_raw = metric_raw[metric_raw.index("完成") + 2:] or metric_raw
                    if kind_of(fig.unit) != "count" and metric_raw and category_of(metric_raw) == metric_raw:
                        head = _list_head(sentence[:match.start])
                        measure = self._phrase_of_head(head, False) if head is not None else ""
                        if measure and not category_of(measure):
                            # "完成年度投资计划比例从高到低依次为:社会事业类项目25.2%、能源类项目21.8%": kinds
                            # of project listed with figures; the list's opening names the measure
                            listed_kind, metric_raw = metric_raw, measure
                    unread = _unread_list_name(sentence, previous_end, match.start) if previous_member else ""
                    if unread:
                        # "…、太原2.4%、大同0.04%": a member the gazetteer cannot read (大同 is also a word)
                        # is still a name of the list, not a measure, and never the member before it
                        metric_raw = previous_metric
                    heading = _kind_heading_its_clause(sentence, clause_start, match, metric_raw, sentence_before) if not k else ""
                    if heading and not self.gazetteer.find_in(heading[:6], jurisdiction.area if jurisdiction else None):
                        # "城镇化建设10个,年度计划投资10.5亿元,开工7个,…": a breakdown's kind opens the line with
                        # its count of projects; all the line says is of that kind
                        metric_raw, heading_kind = "项目", heading
                    part_of = _parts_in_brackets(sentence, match.start, outer_end, outer_metric)
                    if part_of is not None:
                        # "开复工84项(新建33项,续建51项)": the parts share the figure's measure, their words
                        # are their category
                        clause = sentence[max(sentence.rfind(ch, 0, match.start) for ch in CLAUSE_DELIM) + 1:match.start]
                        own, metric_raw = re.sub(r"^(其中|含)[:：]?", "", clause).strip(), part_of
                        if outer_category and own:
                            # "其中产业项目…实际开工191个(按计划开工119个…)": parts of a part
                            own = outer_category + SEP + own
                    elif not sub_part:
                        own = ""
                        outer_end, outer_metric = match.end, metric_raw
                    kind = kind_of(fig.unit)
                    if not metric_raw and kind == "count" and self._list_member(sentence, match.start, jurisdiction) \
                            and LATER_COUNT_MEASURE.search(sentence, match.end):
                        # "阿左旗21个,年度计划投资58.3亿元,开工12个": the sentence says its 开工 itself;
                        # the bare count first is how many projects the place has
                        metric_raw = "项目"
                    elif not metric_raw and _viewed_by(sentence[:match.start]) and self._list_member(sentence, match.start, jurisdiction, unknown_members):
                        # "从签约项目总数来看,定远14个,凤阳13个": what the list is viewed by is its measure
                        metric_raw, inherited = _viewed_by(sentence[:match.start]), True
                    elif not metric_raw and recent.get(kind) and self._list_member(sentence, match.start, jurisdiction, unknown_members):
                        # "新开工产业项目186个…。分地区看，宜都13个，夷陵5个": the line's last measure of that kind
                        metric_raw, inherited = recent[kind], True
                    elif not metric_raw and recent.get(kind) and \
                            re.fullmatch(r"\s*(总计|合计|共计|总共|以上合计|两项合计)\s*", sentence[clause_start:match.start]):
                        # "…年度计划投资27.7亿元;总计120.7亿元": the sum of what was just said
                        metric_raw, inherited = recent[kind], True
                    carried_category = own if own and (part_of is not None or sub_part) else ""
                    if carried_category and sub_part and kind == "count" and (
                            LEVEL_LIST.search(carried_category) or (recent.get("money") and not batch_event)):
                        # (or a kind after the whole's money was said: "…总投资120亿元。其中工业项目20个,总投资60亿元"
                        # gives the kind its own)
                        # "…320个。其中省重点项目45个,完成投资86亿元": a level's list, a part, goes on to the money
                        # said of it (not 新开工项目, 产业项目: a kind whose money may be the whole's)
                        part_category, part_counts = carried_category, False
                    if not carried_category:
                        opens_part = re.match(r"\s*其中", sentence[clause_start:]) is not None \
                            or re.search(r"其中\s*[,，:：]\s*$", sentence[:clause_start]) is not None
                        if kind == "count" and category_of(metric_raw):
                            # "省重点项目218个，完成投资302.7亿元"; but after two parts counted in a row ("其中新建
                            # 项目56个,续建项目43个,完成投资23.71亿元") the money is the whole's again
                            # (not a part after 其中 of the count before it: "重大项目320个,其中,省重点项目45个,完成投资86亿元")
                            breakdown = bool(part_category) and previous_unit is not None and kind_of(previous_unit) == "count" \
                                and part_category != category_of(metric_raw) \
                                and not (opens_part and LEVEL_LIST.search(category_of(metric_raw) or ""))
                            if not breakdown:
                                whole_category = part_category  # the list the parts are of ("在库市重大项目18个,其中…")
                            parts_in_a_row = breakdown
                            part_category, part_counts = category_of(metric_raw), False
                        elif kind == "count" and opens_part and _kind_opening(metric_raw):
                            # "其中产业项目计划开工135个，实际开工191个": the part goes on through the counts
                            # after it that name no projects of their own
                            part_category, part_counts = _kind_opening(metric_raw), True
                        elif part_counts and (kind not in ("count", "ratio") or "项目" in metric_raw or _kind_opening(metric_raw)
                                              or AGGREGATE_SUBJECT.search(sentence[clause_start:match.start])):
                            # a sum of money, a count of its own kind, or 全市 again: the part has ended
                            part_category, part_counts = "", False
                        elif part_category and metric_raw and not category_of(metric_raw) \
                                and (kind != "count" or part_counts) \
                                and not (LEVEL_LIST.search(part_category) and WHOLE_AGAIN.search(sentence[previous_end:match.start])):
                            if parts_in_a_row and kind == "money":
                                # money after two parts counted in a row: the whole's, and so is what follows it
                                part_category, parts_in_a_row = whole_category, False
                            carried_category = part_category
                    if listed_kind:
                        carried_category = listed_kind
                    if batch_event:
                        carried_category, metric_raw = carried_category or category_of(metric_raw) or metric_raw, batch_event
                    said_here = sentence[clause_start:match.start]
                    if heading_kind and k and (category_of(metric_raw or "") or "其中" in said_here or AGGREGATE_SUBJECT.search(said_here)
                                               or self.gazetteer.find_in(said_here, jurisdiction.area if jurisdiction else None)):
                        heading_kind = ""  # a clause of its own kind or place ("工业技改项目8个", "都匀市…", "全州…") ends it
                    if heading_kind and (not k or kind != "count" or BARE_STAGE_COUNT.fullmatch(metric_raw or "")):
                        carried_category = heading_kind  # (a count of its own kind, "新开工项目5个", is not the line's)
                    if part_of is None and not sub_part:
                        outer_category = carried_category if part_counts else ""
                    if metric_raw and not inherited:
                        recent[kind] = metric_raw
                    parts_of = metric_raw if sub_part and kind_of(fig.unit) == "count" else ""
                    previous_end, previous_metric, previous_unit = match.end, metric_raw, fig.unit
                    sentence_period = _period_before(sentence, match.start, meta.year) or sentence_start_period
                    period = _figure_period(sentence, match.start, metric_raw, meta, sentence_period, fig.unit)
                    if year_plan and "计划" in metric_raw and fig.unit not in ("%", "个百分点"):
                        period = leading  # "全年计划开工61个,…计划竣工项目9个"
                    previous_member = bool(metric_raw) and (self._list_member(sentence, match.start, jurisdiction) or bool(unread))
                    if enumeration and enumeration[k] and self._reads_as_subject(enumeration[k], jurisdiction):
                        subject, at = enumeration[k], -1
                    elif enumeration and enumeration[k]:
                        # "开发区、港口码头、农业等项目…,分别完成年度计划投资的70.8%、58.8%和53.6%": kinds of
                        # project, the issuer's; the kind is the figure's category
                        subject, at = "", -1
                        carried_category = re.sub(r"(等)?(项目)?(进展|建设|推进).*$", "", enumeration[k]) or carried_category
                    elif unread:
                        subject, at = unread, -1
                    else:
                        subject, at = self._subject(sentence, match.start, jurisdiction,
                                                    previous_part=sentence_before, work_owns=sentence_work,
                                                    region_spoke_above=region_spoke_above, line=line)
                        ambiguous = subject == AMBIGUOUS_SUBJECT
                        if ambiguous:
                            subject, at = "", -1
                        if part_counts and subject and at >= clause_start:
                            # "…，雨湖区开工12个": a place of its own, no longer the part's count
                            carried_category = outer_category = part_category = ""
                            part_counts = False
                        member = _bracketed_member(sentence, match.start, match.end)
                        if member and (BY_KIND.match(sentence) or BY_KIND.match(line)) \
                                and not re.search(r"(区|县|市|镇|乡|旗|园区|新区)$", member[0]) and not self.gazetteer.find_in(member[0], jurisdiction.area if jurisdiction else None):
                            # "分行业来看,完成投资最多的依次是基础设施保障能力建设工程(441.12亿元)、…": kinds of work,
                            # the issuer's; each is the figure's category, the list's opening its measure
                            head = _list_head(sentence[:member[1]])
                            measure = self._phrase_of_head(head, False) if head is not None else ""
                            carried_category, metric_raw = member[0], measure or metric_raw
                            member = None
                        if member and at < member[1]:
                            # "…,后五位的分别为:循环化工园区(7亿元)、赞皇县(7.7亿元)": the name before the
                            # bracket is the figure's, even one the gazetteer does not know
                            subject, at = member
                        unaligned = _unaligned_list(sentence, at, match.start) \
                            if subject and not member and not AGGREGATE_SUBJECT.fullmatch(subject) else None  # 全市 is no member
                        if not subject and not member:
                            unaligned = _units_listed_before_respectively(sentence, match.start)
                        if unaligned:
                            # "A、B分别增长31.8%" with figures that do not pair with the names: the
                            # figure is the listed places', which one is not said; never B's alone
                            # (nor the issuer's: "市直、羊山新区…分别完成…" with three figures)
                            subject, at = unaligned, -1
                            flags_for_subject = ["subject_list_unaligned"]
                    opener = (LINE_OF_A_LIST.match(sentence) or CLAUSE_OF_A_LIST.match(sentence, clause_start)) \
                        if unknown_members else None
                    if opener and opener.group(1) in unknown_members and (
                            not subject or opener.start(1) > at or (at == opener.start(1) and len(subject) < len(opener.group(1)))):
                        # "高区4个项目。" among "环翠区13个项目。文登区18个项目。…": a unit of the list the
                        # gazetteer does not know (长岛综试区: more than 长岛), kept as written, for review
                        subject, at = opener.group(1), opener.start(1)
                    parks = PARKS_AS_A_KIND.match(sentence, clause_start)
                    if parks and not subject:
                        # "工业项目81项…;工业园区14项": industrial parks are this clause's kind, not the one before's
                        carried_category, part_category, part_counts = parks.group(1), parks.group(1), False
                    if subject and not flags_for_subject and re.search(r"、|[区县市旗]和", subject):
                        flags_for_subject = ["subject_list"]  # "翠屏区、叙州区和南溪区": the places together
                    opening = _after_its_period(sentence)
                    own_level = self._levels_of(carried) if carried else ""
                    its_own = bool(opening) and opening[0] in own_level and bool(
                        DIRECT_UNITS.match(opening) or LEVEL_PROJECTS.match(opening))  # 县级 / 县直 after a county
                    opened_by = self.gazetteer.find_in(opening[:12], jurisdiction.area if jurisdiction else None) if opening else []
                    # a ；-part another place of the carried one's kind opens ("；祁东县衡阳至永州高速公路…等7个项目"):
                    # whatever its figures are, they are not the carried place's
                    other_opens = bool(carried and not subject and opened_by and opened_by[0].start <= 1
                                       and opened_by[0].surface not in carried and self._levels_of(carried)
                                       and opened_by[0].place.name[-1:] in self._levels_of(carried))
                    again = THIS_PLACE_AGAIN.search(sentence, clause_start, match.start) if not subject else None
                    if again and not (carried and carried.endswith(again.group(1)) and not re.search(r"(项目|工程)$", carried)):
                        # "赤壁市…推进项目建设。…。近期,该市还将有16个项目陆续开工": the last place of that level
                        # the paragraph named before, not the issuer's city
                        said = line[:max(0, line.find(written))] + sentence[:again.start()]
                        named = [m for m in self.gazetteer.find_in(said, jurisdiction.area if jurisdiction else None)
                                 if not re.search(r"(地处|位于|赴|到|在)$", said[:m.start])]  # (where a place lies is not it)
                        prior = [m for m in named
                                 if (m.place.name.endswith(again.group(1)) or (again.group(1) == "区" and m.place.kind == "zone"))
                                 and m.place.kind in ("county", "county_city", "district", "city", "zone")]
                        # (one of places named together, "赤壁市、嘉鱼县作典型发言", "安化县与桃江县签订…": which one is not said)
                        paired = bool(prior) and any(o is not prior[-1] and (
                            0 <= prior[-1].start - (o.start + len(o.surface)) <= 2 or 0 <= o.start - (prior[-1].start + len(prior[-1].surface)) <= 2)
                            for o in named)
                        if prior and not paired and (jurisdiction is None or prior[-1].place != jurisdiction.place):
                            subject, at, flags_for_subject = prior[-1].surface, again.start(), ["subject_carried"]
                    if built_here[0] and match.start > built_here[1] and (not subject or at < built_here[1]) \
                            and (OUTCOME_OF_A_WORK.search(sentence[clause_start:match.start])
                                 or (built_here[2] == k - 1 and re.search(r"[、和及]\s*$", sentence[clause_start - 1:match.start]))):
                        # "肇东市引进…投资20亿元建设东风皮卡及越野车生产项目,…建成投产,年生产5万辆整车": what the
                        # work will make or earn, not the place's
                        subject, at, flags_for_subject = built_here[0], -1, ["subject_carried"]
                        built_here = (built_here[0], built_here[1], k)  # (a list after it goes on: "、15万台车身")
                    if named_then_done[0] and match.start > named_then_done[1] and (not subject or at < named_then_done[1]) \
                            and not re.search(r"[,，;；。:：、等\d]", sentence[named_then_done[1]:match.start]):
                        # "总投资1.2亿元的…2号楼项目(天沐温泉二期工程)完成投资6700万元": the work just named does it
                        subject, at, flags_for_subject = named_then_done[0], -1, ["subject_carried"]
                    # "7、…建设项目。该县今年已开工项目12个": the county speaks again, not the item's work
                    county_again = bool(carried and not subject and re.match(r"(该|全)(县|区|市|州|旗)", opening or "")
                                        and re.search(r"(项目|工程)$", carried))
                    # "在…华润电力二期项目建设现场,…。据统计,1-6月重点项目完成投资36.5亿元": the whole's figures again
                    work_left = bool(carried and re.search(r"(项目|工程)$", carried) and STATS_OPENING.match(opening or "")
                                     and re.search(r"重点项目|重大项目|全[市县区]|各类项目", sentence))
                    ends_carry = carried and not subject and not its_own and (other_opens or county_again or work_left or
                        DIRECT_UNITS.match(opening) or (BREAKDOWN_OPENS.match(opening) and carried != heading_place and carried == carried_into)
                        or (ended and LEVEL_PROJECTS.match(opening) and carried != heading_place)
                        or (carried != heading_place and carried not in sentence and KIND_OPENS.match(opening)
                            and not (parts_go_on and not _exceeds(matches, said_of.get(carried, {})))))
                    named_in_work = self.gazetteer.find_in(carried[:8], jurisdiction.area if jurisdiction else None) \
                        if county_again else []
                    if county_again and named_in_work and named_in_work[0].start == 0 \
                            and named_in_work[0].place.kind in ("county", "district", "county_city"):
                        # "7、临潭县冶力关…项目。该县今年已开工项目12个": 该县 is the county the item's work names
                        subject, flags_for_subject = named_in_work[0].surface, ["subject_carried"]
                    elif ends_carry:
                        # "市直…", "州级…", "城市基础设施项目…" after a county's sentence: the issuer's
                        # own; filed under it, and said to be so, for review
                        flags_for_subject = ["subject_not_carried"]
                    elif not subject and carried and not (ended and OWN_SUBJECT_WORDS.match(opening)) \
                            and not (re.search(r"(项目|工程)$", carried) and _group_of_places(sentence, clause_start, match.start)) \
                            and not (line_work and line_work != carried and _work_said_again(sentence, clause_start, match.start)) \
                            and not (ended and carried == line_work and (AGGREGATE_SUBJECT.search(sentence)
                                                                         or COUNT_OF_THE_ISSUERS.search(sentence))) \
                            and not (ended and opening.startswith("其中") and _exceeds(matches, said_of.get(carried, {}))):
                        # (a 其中 sentence with a part larger than the carried place's own figure is of the
                        # whole: "信丰县完成投资35亿元。其中，省重点项目48个，完成投资150亿元")
                        subject = carried
                        flags_for_subject = ["subject_carried"]
                    elif subject:
                        # only a subject that opens its sentence or clause ("分县市区看：郎溪县完成投资…；
                        # 开工20个") carries on
                        opens = at >= 0 and _opens_a_clause(sentence, at)
                        # 全市 in a provincial bulletin is no default: it goes on like a place
                        whole = carried
                        carried = subject if opens and (not AGGREGATE_SUBJECT.fullmatch(subject)
                                                        or _speaks_of_a_city_in_a_province(subject, jurisdiction)) else ""
                        if carried and re.search(r"其中\s*[,，:：]?\s*$", sentence[:at]):
                            part_subject = (carried, whole)
                        if carried:
                            sentence_openers.add(carried)
                        if carried and re.match(r"\s*[:：]", sentence[at + len(subject):]):
                            heading_place = carried  # "沙市区：新开工项目12个…；续建项目25个…": it heads the line
                        ended = 0
                    if line_work and subject and subject != line_work and _opens_with_this_project(sentence) \
                            and not (at >= 0 and _opens_a_clause(sentence, at) and not THIS_IS.match(sentence.lstrip())) \
                            and fig.unit not in ("个", "项") \
                            and not re.search(r"其他|其余|一起|一道|(带动|拉动)[\u4e00-\u9fff]{0,4}[市县区州省]", sentence[:match.start]) \
                            and not re.search(r"之一|全[市县区州省]|[\d一二三四五六七八九十]+\s*个", sentence[clause_start:match.start]):
                        # (not "…是全市今年开工的12个重点项目之一", "带动哈密市…完成投资150亿元": the place's or a group's)
                        # "该项目为…黔东南州重点招商引资项目,…项目用地110亩": the work said again owns the sentence
                        subject, flags_for_subject = line_work, ["subject_carried"]
                    if subject and subject != line_work and not (line_work and _opens_with_this_project(sentence)):
                        # a place or 全市 speaking ends the paragraph's work; another named project becomes it
                        # (not inside a sentence that opens with 该项目: it goes on being the work's)
                        # ("总投资8亿元的临港物流中心项目也已开工,该项目…")
                        line_work = subject if re.search(r"(项目|工程)$", subject) or _names_one_work(subject) else ""
                    said_again = THIS_PROJECT.search(sentence, 0, match.start) if not line_work else None
                    if said_again and _last_work_named(sentence[:said_again.start()]):
                        # "备受关注的…(眉山)高端肉制品加工项目也在此次开工名单中,该项目总投资13亿元": the work just named
                        line_work = _last_work_named(sentence[:said_again.start()])
                    if line_work and not subject and _work_said_again(sentence, clause_start, match.start):
                        # "敦化市…产业园项目建设现场,…。…该项目负责人告诉记者,项目总投资12亿元": the work the
                        # paragraph is about, said again
                        topic_work = carried = line_work
                        ended = 0
                    group_clause = _group_of_places(sentence, clause_start, match.start)
                    if topic_work and subject != topic_work and not group_clause and (
                            not subject or (AGGREGATE_SUBJECT.fullmatch(subject) and (at < 0 or not _opens_a_clause(sentence, at)))
                            or (subject and topic_work.startswith(subject) and topic_work == _work_then_colon(sentence))):
                        # ("鹿邑县城区道路工程建设项目(一期):总投资…": the whole name before the colon, not its cut)
                        # "南岳机场改扩建工程作为今年全市头号工程,…新建航站楼1.2万平方米": the work the sentence
                        # opens with is its subject; 全市 inside a clause, or no subject, is not
                        subject = carried = topic_work
                        flags_for_subject = ["subject_topic"]
                    if subject == topic_work:
                        # "衡阳至常宁公路已完成征拆量的90%": the measure begins after the work's name, not after 衡阳
                        overlap = next((k for k in range(len(subject), 0, -1) if metric_raw.startswith(subject[-k:])), 0)
                        metric_raw = metric_raw[overlap:] or metric_raw
                    cut = NAME_THEN_AND.match(metric_raw) if named_before_this else None
                    if cut:
                        # "总投资10.6亿元的龙凤堂物流基地项目和总投资13亿元的…": the measure follows the name
                        metric_raw = metric_raw[cut.end():]
                    named_before_this = ""
                    named_after = NAMED_AFTER_FIGURE.match(sentence, match.end)
                    acted_on = re.search(r"(?<=项目|工程)(被|由|列为|作为)", named_after.group(1)) if named_after else None
                    if acted_on:
                        # "总投资5亿元的…码头项目被我县列为今年一号工程": the name ends before what is done to it
                        named_after = NAMED_AFTER_FIGURE.match(sentence[:named_after.start(1) + acted_on.start()], match.end)
                    if named_after and not _names_one_project(named_after.group(1)):
                        named_after = None
                    if named_after and "于一体" in named_after.group(0) \
                            and not re.fullmatch(r"\s*(项目|计划|拟|约|共)?(总)?投资(额)?(约|达|近)?\s*", metric_raw or ""):
                        named_after = None  # "完成固定资产投资42亿元,集…于一体的…综合体": the county's, then another work
                    quoted_after = QUOTED_WORK_AFTER_FIGURE.match(sentence, match.end) if not named_after else None
                    if quoted_after and _names_one_project(quoted_after.group(1), shortest=4) \
                            and re.search(r"(^|[,，;；、和及与]|如|例如|比如|其中)\s*(总|拟|计划总)?投资\s*$", sentence[:match.start]) \
                            and not re.search(r"全[市县区省州旗]|\d+\s*[个项]", re.split(r"如|例如|比如|、|和|及|与", sentence[:match.start])[-1]) \
                            and not GENERIC_WORK_CORE.search(quoted_after.group(1)) \
                            and not (re.match(r"[十百千万][大项企村户镇县乡园]", quoted_after.group(1))
                                     and not quoted_after.group(1).endswith("项目")) \
                            and not CATEGORY_NAME.match(quoted_after.group(1)) and not re.search(r"、|等", quoted_after.group(1)):
                        # "投资10亿元的新能源新材料“龙源渔光互补发电项目”", "…的电子信息技术“欧度电子项目”": the quoted
                        # work after its kind (quotes make a name of four characters one work's)
                        named_after = quoted_after
                    item_after = NAMED_ITEM_AFTER_FIGURE.match(sentence, match.end) if not named_after else None
                    if item_after and not CATEGORY_NAME.match(item_after.group(1)) \
                            and not re.search(r"\d|本次|此次|重点|重大|以上|以下|新开工|续建|在建", item_after.group(1)) \
                            and not self._reads_as_place_name(item_after.group(1), jurisdiction) \
                            and not re.fullmatch(r"[\u4e00-\u9fff]{1,8}(县|市|旗|州)", item_after.group(1)):
                        # (never a place: "投资4.5亿元的积石山县、…等地灾后重建项目" are the places' projects)
                        named_after = item_after  # (a list item's name need not end as a project's does)
                    cut_name = NAME_CUT_AFTER_FIGURE.match(sentence, match.end) if not named_after else None
                    if cut_name and re.search(r"(项目|工程).*?(被|由|是|为|将|已|正)", cut_name.group(1)):
                        cut_name = None  # "…码头项目被我县列为今年一号工程": a whole clause, not a name the capture cut
                    if cut_name and not self._reads_as_place_name(cut_name.group(1), jurisdiction):
                        named_after = cut_name
                    built = BUILT_AFTER_FIGURE.match(sentence, match.end) if not named_after else None
                    if built and _names_one_project(built.group(1)) and not self._reads_as_place_name(built.group(1), jurisdiction):
                        # "肇东市引进…公司投资20亿元建设东风皮卡及越野车生产项目": the cost of the work built, not the
                        # place's investment; what the place "invests" in one work is that work's total
                        named_after = built
                        built_here = (built.group(1), built.end(1), -1) if len(BUILT_AFTER_FIGURE.findall(sentence)) == 1 else ("", -1, -1)
                        if WHOLE_COST_BEFORE_WORK.search(metric_raw or "") and not PART_OF_A_COST.search(metric_raw or ""):
                            metric_raw = "总投资"  # (not 争取…财政投资, 带动社会投资, 一期投资, 全年投资: a part of the cost)
                    place_after = re.match(r"的([\u4e00-\u9fff]{2,12}?)(?=、|等地|等县|等[\d一二三四五六七八九十两]+个县)",
                                           sentence[match.end:]) if not named_after and "投资" in (metric_raw or "") else None
                    if place_after and self._reads_as_place_name(place_after.group(1), jurisdiction):
                        # "投资4.5亿元的积石山县、投资1.5亿元的永靖县等地灾后重建项目": each place's, named after its figure
                        subject, at = place_after.group(1), -1
                    if named_after and ("投资" in metric_raw or kind_of(fig.unit) == "area"):
                        # "投资400亿元的华为云计算中心", "总投资120亿元的…新材料项目", "占地2700亩、总投资4.6亿元的
                        # 华润100兆瓦光伏发电项目": the figures are the project's that follows them, not the place before
                        subject, at = named_after.group(1), -1
                        named_before_this = line_work = subject  # and the one 该项目 says again
                        if named_after.re is NAMED_AFTER_FIGURE and not re.search(
                                r"(项目|工程|厂|中心|基地)\s*[和与及、][^,，;；。]{0,8}$", sentence[:match.start]) \
                                and not re.match(r"\s*[和与及、]", sentence[named_after.end(1):]):
                            # (not "总投资5亿元的A项目和总投资3亿元的B项目完成投资4.6亿元": the two together)
                            named_then_done = (subject, named_after.end(1))
                        if re.fullmatch(r"\s*(计划)?(总投资|投资)(约|达|近|超)?\s*", sentence[:match.start]) \
                                and re.match(r"\s*[,，]", sentence[named_after.end(1):]) \
                                and not WHOLE_OR_GROUP_AFTER.search(sentence, named_after.end(1)):
                            # "总投资3亿元的内蒙古广汇扶贫产业园项目,今年计划投资1.2亿元": the work the sentence
                            # opens with is what its next clauses speak of
                            carried, ended = subject, 0
                        if len(BUILT_AFTER_FIGURE.findall(sentence)) > 1:
                            line_work = ""  # two works built: "项目建成投产后…" after them is neither's alone
                        if (re.search(r"(^|[,，;；:：、]|有|拟|约|共|如|例如|比如)\s*投资\s*$", sentence[:match.start])
                                or re.search(r"(抓好|推进|实施|建设|加快|启动|引进|落地|签约)\s*投资\s*$", sentence[:match.start])) \
                                and not subject.endswith(("等项目", "等工程")):
                            # ("东庄镇将重点抓好投资2.2亿元的…项目": a deed, then what the one work costs)
                            # "主要有投资20亿元的…产业园": what the one project costs, all told (not 已投资, 亩均投资,
                            # 今年投资, nor a group's "…等项目")
                            metric_raw = "总投资"
                    if not subject and _speaks_of_a_city_in_a_province(sentence[:match.start], jurisdiction):
                        # "市发改委负责人介绍,…" in a provincial bulletin: a city speaks, which one is not
                        # said; its figures are not the province's
                        subject = carried = "全市"  # and goes on as a carried subject would
                        ended = 0
                    if ambiguous:
                        subject, flags_for_subject = "", ["subject_ambiguous"]
                    if not subject and section_place == AMBIGUOUS_SUBJECT and not ambiguous:
                        if not SECTION_WHOLE.search(sentence):
                            flags_for_subject = ["subject_ambiguous"]
                    elif not subject and section_place and not ambiguous:
                        core = re.sub(r"(市|县|区|旗|州|盟)$", "", section_place)
                        named = section_place in sentence or (len(core) >= 2 and core in sentence)
                        if SECTION_WHOLE.search(sentence) and not named:
                            pass  # "据统计,…", "全省…": the whole's
                        elif named or not SECTION_OR_WHOLE.search(sentence):
                            # "眉山\n…其他项目11个,总投资75.3亿元": no subject of its own, the place heading the section
                            subject, flags_for_subject = section_place, ["subject_section"]
                        else:
                            flags_for_subject = ["subject_ambiguous"]  # the section's, or the whole's: not said
                    if subject and len(metric_raw) > len(subject) and metric_raw.startswith(subject):
                        # "万宝新区项目3个,总投资11.6亿元": the zone's projects, no kind of them
                        metric_raw = metric_raw[len(subject):]
                        if part_category.startswith(subject):
                            part_category, part_counts = "", False
                        if carried_category.startswith(subject):
                            carried_category = ""
                    # "预计完成投资34.41亿元", "1月~12月,预计…,累计完成投资25.8亿元": an estimate of the measure,
                    # flagged so (a statistician may leave it out), its measure the same
                    estimate = bool(FORECAST_WORD.search(sentence[:match.start]) or FORECAST_WORD.search(metric_raw or ""))
                    if kind_of(fig.unit) == "money" and re.search(r"(任务|计划|目标)$", metric_raw or "") \
                            and re.match(r"\s*的\s*[\d.]+\s*%", sentence[match.end:]):
                        metric_raw = "年度计划投资"  # "完成市下达年度任务25亿元的94.48%": the task, not what was done
                    value, metric_raw, signed = _signed(fig.value, metric_raw, fig.unit, sentence[:match.start])
                    whose_money = (NOT_A_WORKS_COST.search(sentence[clause_start:match.start])
                                   or re.match(r"\s*(其中|内含|含)", sentence[clause_start:match.start])) \
                        if re.fullmatch(r"投资额?", metric_raw or "") else None  # (其中投资30亿元: a part of a cost)
                    if whose_money:
                        # "县本级投资1.1亿元": the words that say whose money it is stay with a bare 投资, whatever
                        # the subject took from the phrase (never a work's whole investment)
                        metric_raw = whose_money.group(0) + metric_raw
                    value_base, unit_base = to_base(value, fig.unit)
                    flags = list(fig.flags) + (["sign_from_words"] if signed else []) + (["estimate"] if estimate else [])
                    if not metric_raw:
                        flags.append("metric_unknown")
                    elif inherited:
                        flags.append("metric_inherited")
                    flags.extend(flags_for_subject)
                    seen.append((match.end, metric_raw, subject))
                    if subject:
                        said = said_of.setdefault(subject, {})
                        in_base = value_base if value_base is not None else value
                        said[kind_of(fig.unit)] = max(said.get(kind_of(fig.unit), in_base), in_base)
                    sharing = self._members_sharing(sentence, match.start, jurisdiction)
                    for member in sharing or [subject]:
                        yield Fact(
                            value=value, unit=fig.unit, value_base=value_base, unit_base=unit_base,
                            entity_raw=member, metric_raw=metric_raw, period=period, source_kind="text",
                            quote=written.strip(), extractor="prose", raw=fig.raw, line=line_no,
                            page=page_of(line_no) if page_of else 1,
                            confidence=0.4 if "decimal_or_list" in flags else 0.8 if metric_raw and fig.unit else 0.5,
                            flags=flags + (["value_shared_in_list"] if sharing else []), category=carried_category,
                        )
                yield from self._ordinal_ranks(sentence, seen, line_no, sentence_start_period or meta.period, page_of,
                                               jurisdiction)


DECREASE = re.compile(r"(下降|降低|回落|下滑|减少|负增长|减产|下跌)了?\s*$")  # "回落为5.1%", "减少为12个": a level, not a change


def _signed(value: float, metric_raw: str, unit: Optional[str], before: str = "") -> tuple[float, str, bool]:
    """"同比下降5.0%", "比去年同期减少108个": a decrease is a negative change, stored as one (−5.0 under
    the growth measure), so that a column of growth rates sorts and sums as a statistician reads it.
    A rate of decline (降幅28.2%) and its own change (降幅较上月减少2.1个百分点) keep their sign."""
    if unit == "个百分点" and value > 0 and re.search(r"拉低", metric_raw or ""):
        return -value, metric_raw.replace("拉低", "拉动"), True  # "拉低投资增速2.8百分点": a pull downward
    m = DECREASE.search(metric_raw or "")
    if re.search(r"(为|至|到)\s*$", before):
        return value, metric_raw, False  # "增速回落为5.1%", "减少到12个": the level reached, not the change
    if not m or value <= 0 or re.search(r"降幅|跌幅|减幅|降速|排名|位次|名次", metric_raw) or unit in ("位", "名"):
        return value, metric_raw, False  # a rank that falls is a larger number, not a negative one
    grown = "增加" if m.group(1) == "减少" else "上升" if unit == "个百分点" else "增长"
    return -value, metric_raw[:m.start()] + grown, True


# what a breakdown by kind, by level or by owner counts: projects, unless the words say another thing counted
OTHER_THINGS_COUNTED = re.compile(r"企业|岗位|问题|人|户|学校|医院|批次|合同|协议|事项|任务|指标|项目|工程|亿元|万元|主体|基站|车位|"
                                  r"充电|站|桩|点|实事|园|场|馆|网点|^(全|各|共|总|合计|其中|分别|建设|新增|新建|完成)|以上|以下|"
                                  r"(村|家|条|所|座|台|套|宗|地块|县|区|市|镇|乡|旗|街道)$")
# a count with no kind of its own: "开工12个", "竣工3个"
BARE_STAGE_COUNT = re.compile(r"(已|累计|实际|计划|新)?(开复工|开工|复工|竣工|投产|完工|建成|入库|签约)")
# a part of a breakdown by kind, its count and its money: "工业科技81项,总投资391.97亿元;"
KIND_COUNT_OPENS = re.compile(r"(^|[,，:：])[\u4e00-\u9fff]{2,10}\d+\s*[个项]\s*[,，]\s*(总投资|计划投资|完成投资|年度计划)[^;；]*[;；]$")
# measures a breakdown line goes on with after its count
LINE_GOES_ON = re.compile(r"(计划投资|完成投资|总投资|开复工|开工|竣工|投产)\s*[\d一二三四五六七八九十]")


def _kind_heading_its_clause(sentence: str, clause_start: int, match, metric_raw: str, before: str = "") -> str:
    """"社会事业和民生18个,年度计划投资7.4亿元,开工16个…", "盟直部门及打捆17个(打捆6个),…": the
    kind a breakdown line opens with, when its count names no measure and the line goes on with
    the measures of projects (计划投资, 开工, 完成投资); "" otherwise."""
    if kind_of(match.figure.unit) != "count" or match.figure.unit not in ("个", "项"):
        return ""
    head = re.sub(r"^\s*(?:[\d一二三四五六七八九十]{1,2}\s*[、.．]|[(（][\d一二三四五六七八九十]{1,2}[)）]|[—－-]+)?\s*", "",
                  sentence[clause_start:match.start])
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,10}", head) or head != (metric_raw or "").strip() \
            or OTHER_THINGS_COUNTED.search(head) or BARE_STAGE_COUNT.search(head) \
            or re.search(r"投资|计划|完成|在建|新建|续建|储备|前期|重点|重大", head):
        return ""
    # a breakdown's line says two or more measures of projects after its count (not "建设基站1200个,完成投资3.6亿元"),
    # or it is one of the parts after 其中, or of a series of ；-parts of that shape ("其中,工业科技81项,总投资…;工业园区14项,…")
    measures = {m.group(1) for m in LINE_GOES_ON.finditer(sentence, match.end)}
    in_parts = re.search(r"其中\s*[,，:：]?\s*$", sentence[:clause_start]) is not None or (
        before.endswith(("；", ";")) and KIND_COUNT_OPENS.search(before) is not None)
    return head if len(measures) >= 2 or (measures and in_parts) else ""


def _kind_opening(phrase: str) -> str:
    """The kind of project a measure phrase opens with ("产业项目计划开工" → 产业项目), else ""."""
    m = re.match(r"^(.{2,10}?(?:项目|工程))(?=计划|实际|新|开工|竣工|投产|完成)", phrase or "")
    kind = category_of(m.group(1)) if m else ""
    # a kind is a noun phrase: "组织项目" or "这样一些项目" is a clause, not a kind of project
    return "" if re.search(r"组织|参加|安排|实施|推进|签约|集中|谋划|列入|纳入|这|那|些|开工|竣工", kind) else kind


def _parts_in_brackets(sentence: str, start: int, outer_end: int, outer_metric: str) -> Optional[str]:
    """The outer figure's phrase when this figure stands in brackets right after it ("84项(新建33项,
    续建51项)"), else None."""
    if outer_end < 0 or not outer_metric:
        return None
    opening = sentence.rfind("(", 0, start)
    if opening < outer_end or sentence[outer_end:opening].strip() or ")" in sentence[opening:start]:
        return None
    return outer_metric


# a city speaking (市发改委, 市政府, 全市); 市级 / 市重点 projects are a category a province counts too
CITY_LEVEL_WORDS = re.compile(r"市(发改|委|政府|直)|全市|我市|本市")


def _speaks_of_a_city_in_a_province(before: str, jurisdiction: Optional[Jurisdiction]) -> bool:
    place = jurisdiction.place if jurisdiction else None
    return place is not None and place.kind == "province" and place.name not in MUNICIPALITIES \
        and CITY_LEVEL_WORDS.search(before) is not None


# "在六盘水市11个工业园区1至5月考核评价中排名第一位": the units a rank is among, counted
RANKED_AMONG = re.compile(r"在[^,，;；。\d]{0,10}?(?P<n>\d+)\s*个[^,，;；。\d]{0,6}?(?:工业园区|园区|开发区|县市区|县区|区县|市州|县|区|市|单位|部门|乡镇|街道)"
                          r"(?:\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月)?[^,，;；。\d]{0,10}?(中|里|当中)\s*"
                          r"(排名|排在|排|位列|位居|居|列)\s*(第|前|首|榜首)")


def _counts_the_ranked(sentence: str, match: "_Match") -> bool:
    """"13个县(市、区)投资完成率排名由高到低依次是:…": the count of the units ranked opens the
    ranking; it is the list's length, not a figure of the bulletin (nor the units a rank is among)."""
    if any(m.start("n") == match.start for m in RANKED_AMONG.finditer(sentence)):
        return True
    for m in RANK_LIST.finditer(sentence):
        what = m.group("what") or ""
        ranked = RANKED_GROUP.match(what.strip())
        if ranked and m.start("what") <= match.start < m.start("what") + len(what) - len(what.lstrip()) + ranked.end():
            return True
    return False


def _group_ending_at(mentions: list, last, before: str) -> Optional[tuple[str, int]]:
    """"万州、开州、云阳共同布局实施…47个": places listed together and then one verb speak as a group
    (the figure is theirs together, not the last one's), unless 分别 gives each its own figure."""
    run = [last]
    for m in reversed(mentions):
        if re.fullmatch(r"\s*[、和及与]\s*", before[m.start + len(m.surface):run[0].start]):
            run.insert(0, m)
        else:
            break
    after = before[last.start + len(last.surface):]
    if len(run) < 2 or re.search(r"分别|等|各", after) or not re.match(r"\s*(共同|共|合计|三地|两地|联合|一起|同)", after):
        return None
    return "、".join(m.surface for m in run), run[0].start


NOTE_LINE = re.compile(r"^\s*[(（]?\s*(注|说明|备注|附注)\s*\d?\s*[)）]?\s*[:：]")


EXAMPLES_COUNT_BEFORE = re.compile(r"等\s*$")
UNITS_COUNTED = re.compile(r"\s*(责任单位|牵头单位|成员单位|设区市|地级市|县级市|地区|地市|市州|市\(州\)|市（州）|县市区|县\(市、区\)|县区|区县|市|州|县|区|部门|单位|行业|类别|乡镇|街道|园区"
                           r"|工业园区|产业园区|开发区|经开区|高新区)"
                           r"(?![\u4e00-\u9fff]{0,4}?项目|级|直)")  # (31个市级重大项目: projects of a level, no cities)
# the kinds of place a count of places counts ("9个县(市、区)", "11个县市区")
PLACES_COUNTED = re.compile(r"设区市|地级市|县级市|市州|市\(州\)|市（州）|县市区|县\(市、区\)|县区|区县")
# the measure a list of "name(figure)" members states after its last member
MEASURE_AFTER_BRACKETED_LIST = re.compile(
    r"\s*[)）](?:\s*[、和及]\s*[^,，;；。()（）]{1,15}[(（][^()（）]{1,12}[)）])*\s*([^,，;；。()（）\d]{2,20}?)"
    r"(?:均|都)?(?:排在|排名|位居|位列|居于|居|较高|较快|最高|领先|靠前|靠后|较低|较慢|最低|最快|最慢)")
BOUND_BEFORE = re.compile(r"((均|都|全部|基本)(超过|超出|超|高于|达到|达|在)|已(超过|超出|超)|是否(达到|达|超过)|超过|超出)\s*$")


# a place opening one item of a 、 list whose count follows ("…、新华区华业商务广场三个项目未竣工")
# (a place followed by its own count, "中宁县8个项目、海原县9个项目", opens no item's name)
ITEMS_THEN_COUNT = re.compile(r"(?![\d一二三四五六七八九十两]+\s*[个项])[\u4e00-\u9fffA-Za-z0-9]{2,}(、[^,，;；。:：、]+)*、[^,，;；。:：、]+?[\d一二三四五六七八九十两]+\s*个"
                              r"[^,，;；。]{0,8}?(项目|工程)")
# the last item of such a list: its name, then the count ("、新华区华业商务广场三个项目")
LAST_ITEM_THEN_COUNT = re.compile(r"(?P<name>[^,，;；。:：、\d一二三四五六七八九十两]{2,}?)[\d一二三四五六七八九十两]+\s*个[^,，;；。]{0,8}?(项目|工程)")


NAMED_AFTER_FIGURE = re.compile(r"(?:\s*[、,，和及]\s*[\u4e00-\u9fff]{1,8}?(?:约|近|达|超)?\s*\d[\d.]*\s*(?:[万亿]?元|亩|平方米|公顷|万?吨|[万千兆]{0,2}瓦|万?[头只羽台套辆]))*"
                                r"(?:\s*[,，]?\s*集[^,，。;；]{2,30}?于一体)?"  # ("投资5亿元,集商贸、…于一体的…综合体")
                                r"的((?:[\u4e00-\u9fffA-Za-z0-9]|[(（][\u4e00-\u9fffA-Za-z]{1,6}[)）]){4,30}?(?:项目|工程|中心|基地|产业园|(?:综合体|厂)(?!建设|扩建|新建|改造|技改|项目|工程|[一二三四]期|[及和与、][^,，。;；]{0,20}?(?:工程|项目))"
                                r"|(?:项目)?[一二三四]期)"
                                r"(?:[(（][\u4e00-\u9fffA-Za-z0-9]{2,20}[)）])?)"  # "…2号楼项目(天沐温泉二期工程)": its other name
                                r"(?=[等,，;；。、和及与]|——|(?:也|均|都|还|亦)?(?:开工|建成|完成|累计|投产|加快|顺利|正|已|于|将|目前|现|建设|施工|进展"
                                r"|计划|预计|力争|年内|今年|当年|全面|主体|进入|投入|为|是|作为)|$)")
# parks named by the places they lie in, then counted: "武威、黄羊两个工业园区", "城东、城西2个园区"
PARKS_NAMED_BY_PLACES = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[、和及][\u4e00-\u9fff]{2,4})+\s*[两二三四五六七八九十\d]+个"
                                   r"(?:工业园区|园区|开发区|产业园|工业集中区|产业集聚区|经开区|高新区)")
# what a work will make or earn once built ("年生产5万辆整车", "年可实现销售收入18亿元", "税金6.8亿元")
OUTCOME_OF_A_WORK = re.compile(r"年产|年生产|产能|销售收入|营业收入|主营业务收入|产值|利税|税金|税收|利润|达产|就业岗位|安置就业")
# what a place or an investor puts into one work before its name: the work's whole cost
WHOLE_COST_BEFORE_WORK = re.compile(r"^(拟|约|共|总)?投资$|引进$|引资$|(公司|企业|集团|股份|客商|商会)[\u4e00-\u9fff]{0,4}?(拟|计划)?投资$")
PART_OF_A_COST = re.compile(r"争取|财政|预算内|社会|带动|[一二三四]期|全年|年内|将|新增|追加|当年|本年|完成|累计|已|到位")
# the work a sum is spent on, right after it: "投资20亿元建设远景低碳产业园,", "投资12.5亿元建设国际高端饮品产业园项目,"
BUILT_AFTER_FIGURE = re.compile(r"\s*(?:用于|用以)?(?:建设|新建|兴建|打造)([\u4e00-\u9fffA-Za-z0-9()（）]{4,30}?"
                                r"(?:项目|工程|中心|基地|产业园|园区|物流城|厂))(?=[,，;；。]|$)")
# one of a list of works each after its cost, whatever its name ends with: "投资2.3亿元的临康和二级路、投资1.4亿元的
# 前川新区廉租房等68个项目"
QUOTED_WORK_AFTER_FIGURE = re.compile(r"\s*的[\u4e00-\u9fff]{0,10}?[“\"]([^”\"，,。;；]{4,36}?(?:项目|工程))[”\"]")
NAMED_ITEM_AFTER_FIGURE = re.compile(r"的([\u4e00-\u9fffA-Za-z0-9]{3,20}?)(?=、(?:完成|计划|年度)?(?:投资|总投资)|等\s*[\d一二三四五六七八九十两]+\s*个|等项目"
                                     r"|等一?大?批)")  # "…总投资7亿元的万头奶牛养殖等一大批项目"
# after a work opening its sentence: a count, a group or a whole the next clauses speak of instead
# ("…项目,带动新开工项目42个", "…项目,与…等一批项目", "…项目,全市完成投资")
WHOLE_OR_GROUP_AFTER = re.compile(r"带动|拉动|一批|等|与|和|[\d一二三四五六七八九十]+\s*[个项]|项目中|全[市县区州省旗]")
# a name the capture cut at the line's end ("总投资约200亿元的赤峰启辉铝业"): what the figure is of, not the place
NAME_CUT_AFTER_FIGURE = re.compile(r"的(?!既定|年度|全年|目标)((?![\u4e00-\u9fffA-Za-z0-9]*(?:目标|任务|计划|要求)\s*$)"
                                   r"[\u4e00-\u9fffA-Za-z0-9]{4,30})\s*$")  # (not "…250亿元的年度目标": a target)
TOPIC_AREA = re.compile(r"^([\u4e00-\u9fff]{2,8}(?:新区|经济区|度假区|都市区|城镇群|城市群|经济带|片区))(?=则|要|将|以|坚持|聚焦|围绕|突出)")


def _project_heading(line: str) -> bool:
    """A line that is only the name of one project ("松原至双辽(金宝屯)高速公路"), as a list of projects
    heads each one's figures."""
    text = line.strip()
    return bool(PROJECT_HEADING.match(text)) and _names_one_project(re.sub(r"(项目|工程)$", "", text) + "项目")


# a town right after its county's name, its own projects or figures next ("大田县建设镇小城镇建设在建重点项目22项",
# "某县城关镇完成投资"), not a project in it ("上林县大丰镇戒毒康复中心")
# the rest of a work's name after the place opening it, in a list of works ("赤壁市维达力电子玻璃、")
WORK_NAME_IN_A_LIST = re.compile(r"[\u4e00-\u9fff()（）A-Za-z0-9]{3,20}?(?=、|为|等)")
NAMED_WORK = re.compile(r"((?:[^\W\d_,，、。;；:：的▲■●◆]|(?<=[\u4e00-\u9fff])[—–](?=[\u4e00-\u9fff])|[(（][\u4e00-\u9fff]{1,6}[)）]){4,36}?(?:项目|工程))(?=(?:也|还|已|正)?(?:在|列入|纳入)|开工|竣工|投产|建设|现场|签约|位于|地处|是|为|总投资|计划|的?(?:基本|有关|建设|进展)?情况|概况|$|[,，、。;；])")


def _last_work_named(line: str) -> str:
    """The last one work a line names ("…株洲分会场,攸县松井汽车涂料建设项目开工"), or ""."""
    names = {re.sub(r"^.*(这是|也是|继|同步|配套|以及|还有|走进|来到|深入|前往|介绍了?|汇报了?|察看了?|查看了?|考察了?|视察了?|"
                    r"听取了?|调研了?|参观了?|观摩了?)", "", m.group(1))
             for m in NAMED_WORK.finditer(line) if not re.search(r"\d$", line[:m.start()])}  # (年产10万吨…: no name)
    names = {n for n in names if not re.search(r"(项目|工程)[和及与]|、|是", n)}  # (A项目和B项目: two works, neither said)
    if names and re.search(r"(?:^|[,，、。;；])(?!该|此)[\u4e00-\u9fff]{2,20}?(?:项目|工程)(?=也|还|同样|正在)", line) \
            and not any(re.search(re.escape(n) + r"(?=也|还|同样|正在)", line) for n in names):
        return ""  # "来到A项目现场,B项目也在加紧建设": another work the grammar above did not take: which one is not said
    names = {n for n in names if _names_one_project(n)}
    return next(iter(names)) if len(names) == 1 else ""  # (two works named: which one 该项目 is, is not said)


# a sentence a county opens as host or guest, or speaking as the issuer: not what it goes on about
THIS_EVENT = re.compile(r"\s*(?:据了解|据介绍|据悉|记者了解到|记者注意到)?[,，]?\s*(?:本次|此次|这次|本批|此批|这批)")
OWN_EVENT = re.compile(r"(?:隆重|正式)?(?:举行|举办|召开|启动)(?P<event>[^,，。;；]{0,30}?)(?:仪式|活动|现场会|大会)")
EVENT_HELD = re.compile(r"(?P<kind>集中开工|集中签约|集中开复工|集中竣工|开工|签约)(?:仪式|活动|现场会|大会)"
                        r"\s*(?:在[^,，。;；]{0,30}?)?(?:隆重|正式)?(?:举行|举办|召开|启动)")
ABOVE_IN_EVENT = re.compile(r"全[市省州区县国盟]|省|自治区|[市州盟]级|分会场|视频连线")


def _work_a_place_acts_on(text: str, at: int) -> str:
    """The named work a place at `at` makes its aim ("祁阳市把浯溪文化园项目作为重点" → 浯溪文化园项目), else ""."""
    doing = PLACE_DOING.match(text, at)
    return doing.group("work") if doing and _names_one_project(doing.group("work")) else ""


def _work_said_again(sentence: str, clause_start: int, at: int) -> bool:
    """"该项目…", a clause opening with 项目, or "…的X项目,项目建成后可达…" before the figure: the work the
    paragraph is about, said again."""
    return THIS_PROJECT.search(sentence, 0, at) is not None or re.match(r"[\s“”\"]*项目", sentence[clause_start:]) is not None \
        or _this_is_the_work(sentence) \
        or re.search(r"(^|[,，;；“”\"])\s*项目(建成|投产|达产|运营|全部建成)", sentence[:at]) is not None


def _host_of_its_own_event(sentence: str, mentions: list, jurisdiction: Optional[Jurisdiction], gazetteer,
                           story=None) -> str:
    """The place that holds an event of its own ("图木舒克市举行…集中开复工仪式"), right before the verb,
    alone (not one of 临湘市、岳阳县联合举行), and inside the document's area (the area's own or one of its
    parts: never the city or province above whose event a county joins, 攸县参加株洲市举行的…); none where
    the event is a level's above it or another place's (醴陵市举行株洲市…, 全市…, 分会场)."""
    m = OWN_EVENT.search(sentence)
    held = EVENT_HELD.search(sentence) if not m else None
    if held:
        # "宁波市奉化区扩大有效投资重大项目集中开工活动在…现场举行": the place before its event (a few words of
        # what kind between), held
        m = held
    at = m.start("kind") if held else m.start() if m else 0
    if not m or ABOVE_IN_EVENT.search(m.group("event") if not held else sentence[max(0, at - 12):at]) \
            or any(x.start >= at for x in mentions):
        return ""
    before = [x for x in mentions if x.start + len(x.surface) <= at]
    if not before:
        return ""
    host = before[-1]
    between = sentence[host.start + len(host.surface):at]
    if re.search(r"[,，;；:：、]|[和与及在到赴]", between) or len(between) > (12 if held else 6) \
            or re.search(r"[、和与及]\s*$|参加|出席|参与|观摩", sentence[:host.start]):
        return ""
    area = story.place if story is not None else jurisdiction.area if jurisdiction is not None else None
    if area is not None and not gazetteer.within(host.place, area):  # (a page of no known area: its host's own)
        return ""
    return host.surface


# a site an event is held at, after the place it lies in ("在勐海县华熙茶业加工厂建设工地举行")
VENUE_AFTER = re.compile(r"[^,，;；。]{0,24}?(工地|现场|会场|主会场|分会场|厂区|园区)\s*(举行|举办|召开|进行)")
HOST_OR_GUEST = re.compile(r"我县|我市|我区|全市|全县|全区|承办|举行|召开|代表团|考察团|观摩团|一行|来我|到我|赴")
PART_NAMED_AFTER_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?(镇|乡|街道)|境内|[\u4e00-\u9fff]{2,12}?(项目|工程)(?=[,，。]|进展|现场|开工|竣工|顺利)")
APPROXIMATE_BEFORE = re.compile(r"(约|近|将近|接近|大约|大概|预估)\s*$")
APPROXIMATE_AFTER = re.compile(r"\s*(左右|上下|多(?![个项家])|有余)")
# a name opening its sentence right before the sentence's period: the unit the figures are of
NAME_THEN_PERIOD = re.compile(r"\s*([\u4e00-\u9fff]{2,6})(?=\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月份?|上半年|前三季度|一季度)")
NOT_A_UNITS_NAME = re.compile(r"[的了在是和将已共对为从以把被上下中其今全我本该各这此年月日项目工程]|截至|截止|同时|目前|累计|计划|"
                              r"预计|预测|预期|估计|力争|争取|确保|有望|可望")  # "预计一季度末": a forecast, no unit
# a level's list of projects (省重点项目, 自治区层面重大项目, 市级重大项目): a part that keeps its money
LEVEL_LIST = re.compile(r"(省|自治区|市|州|县|区)(级|层面|级层面)?(重点|重大)")
# the whole spoken of again between a part and a figure: 全市, a share, a total, the year's plan
WHOLE_AGAIN = re.compile(r"全[市县区省州]|我[市县区]|占|总投资|总金额|年度计划|全年")
# a sentence of the whole's statistics ("据统计,1-6月重点项目…"), not of the work a story opened at
STATS_OPENING = re.compile(r"(据统计|据了解|据悉|今年以来|截至|截止|\d{1,2}\s*[-—至~]\s*\d{1,2}月|上半年|前三季度|一季度)")
# a place spoken of again ("该市还将有16个项目…"; not 该区域, 该市场)
THIS_PLACE_AGAIN = re.compile(r"该(市|县|区|旗)(?!域|场|块|级|直|属|民|委|政府)")
# a town's name opening a clause, its figures right after ("水头镇已完成投资…", "其中,大桥镇完成投资…")
TOWN_SUBJECT = re.compile(rf"(?:^|(?<=[-—\s:：]))([\u4e00-\u9fff]{{2,3}}?(?:{ETHNIC_PEOPLES})?(?:镇|乡|街道))"
                          r"(?=已|共|累计|完成|新开工|开工|竣工|实施|负责|今年|年度|计划|重点项目|在建|新建|续建|的?项目\s*(\d|$)|[\d(（])")
# a town or zone, then its works' names (none of another place, no 至 of a route, no 境内), then 等N个项目 and
# what they did: "张浦镇春秋电子、艾森曼机械…等5个项目开工建设"
TOWN_OPENING_ITS_WORKS = re.compile(r"\s*([\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)|[\u4e00-\u9fff]{2,4}?(?:经济技术开发区|经济开发区|开发区|高新区|经开区))"
                                    r"(?![、和及与至的]|境内)(?=(?:(?!镇|乡|街道|板块|至)[^,，。;；:：]){2,80}?等\s*[\d一二三四五六七八九十两]+\s*个"
                                    r"(?:重点|重大)?项目(?:开工|动工|建设|开工建设|签约|竣工|投产))")
TOWN_AFTER_PLACE = re.compile(r"((?!各|全|所|乡镇)[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道))" + PLACE_OFFICES + "?"
                              r"(?=小城镇|重点项目|在建|新建|续建|完成|累计|共|实施|今年|[\d(（])")  # (姚家街道办事处今年…: the town)
# a clause that is a unit's name before its rank ("城乡一体化示范区获第二名", "川汇区以95.01的最高分荣获第一名")
RANKED_UNIT = re.compile(r"\s*([\u4e00-\u9fff]{2,12}?(?:示范区|开发区|新区|区|县|市|旗))\s*(?:以[^,，;；]{0,16})?")
# a numbered item that opens with one project's name as a sentence of its own ("4、…高速公路建设项目。")
NUMBERED_PROJECT_LEAD = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]\s*([^,，;；。:：]{4,40}?(?:项目|工程))\s*。")
# one item of a list of named projects, each with its cost: "…分别为:A项目(一期),总投资28亿元;B产业园一期,总投资11.24亿元"
LIST_ITEM_THEN_COST = re.compile(r"\s*([^,，:：;；。、]{4,48}?)\s*[,，]\s*(?:计划|项目)?(?:总投资|投资总额|估算总投资|概算总投资)(?:额)?\s*(?:约|达|为|近)?\s*$")
# "续建项目:国道214线类乌齐—昌都段,完成投资0.49亿元、…": works listed under their kind, each with its money
LIST_ITEM_THEN_MONEY = re.compile(r"\s*([^,，:：;；。、]{4,48}?)\s*[,，]?\s*(?:已|累计|今年|年度|全年)?(?:完成投资|计划投资|完成)(?:额)?\s*(?:约|达|为|近)?\s*$")
KIND_LIST_OPENS = re.compile(r"(续建|新建|新开工|在建|竣工|前期)项目\s*[:：]")


def _numbered_item_work(text: str, whole: bool = False) -> str:
    """The one project a numbered item opens with as a sentence of its own ("4、…高速公路建设项目。"),
    at the start of a line or (whole) as the whole sentence, else ""."""
    m = NUMBERED_PROJECT_LEAD.fullmatch(text) if whole else NUMBERED_PROJECT_LEAD.match(text)
    work = m.group(1) if m else ""
    return work if work and _names_one_project(re.sub(r"(项目|工程)$", "", work) + "项目") else ""


def _another_size_before(size: str, previous_part: str) -> bool:
    """Whether the ；-part before names a class of projects by size other than this one's."""
    before = SIZE_CLASS.search(previous_part or "")
    return before is not None and re.sub(r"\s", "", before.group(0)) != re.sub(r"\s", "", size)


def _named_list_item(before: str, in_series: bool = False) -> Optional[tuple[str, int]]:
    """(the project, where it stands) when the words before a figure are one item of a list of named
    projects and the figure its cost; None for a kind of project ("新开工项目,总投资…")."""
    start = max(before.rfind(ch) for ch in ";；。") + 1
    opening = re.search(r"(分别为|分别是|包括|主要有|具体为|依次为|其中)[:：,，]?", before[start:])
    kind_list = KIND_LIST_OPENS.search(before)
    m = None
    if kind_list or in_series:
        # (an item after its kind's colon, another item's 、 or ；: "续建项目:A段,完成投资…、B段,完成投资…;C段,…")
        item_start = max([kind_list.end() if kind_list else 0] + [before.rfind(ch) + 1 for ch in ";；、"])
        m = LIST_ITEM_THEN_MONEY.fullmatch(before, item_start) or LIST_ITEM_THEN_COST.fullmatch(before, item_start)
    if m is None:
        if opening:
            start += opening.end()
        elif start == 0 and not in_series:
            return None  # an item stands after the list's opening words or another item's ；
        m = LIST_ITEM_THEN_COST.fullmatch(before, start)
    if not m:
        return None
    name = m.group(1).strip()
    core = re.sub(r"[(（][^()（）]*[)）]$", "", name)
    if re.search(r"处于|进入|阶段|正在|已经|大部分|全部|多数", core):
        return None  # "续建项目:大部分处于攻坚阶段,完成投资12亿元": how the kind is doing, no work's name
    if opening and opening.group(1) == "其中" and not kind_list and not re.search(r"公司|集团|年产|\d", core):
        return None  # "其中,梨树经济开发区入驻项目,总投资40亿元": a kind; a firm's or a capacity's work is one
    if CATEGORY_NAME.match(core) or not re.search(r"(项目|工程|基地|园|中心|[一二三四]期|连接线|公路|铁路|电站|电厂|[^地阶]段|油路)$", core) \
            or not _names_one_project(core) or re.search(r"引进|签约|落户", core) \
            or re.search(r"\d+\s*[个项]|(项目|工程|基地|园)[、和及与]|等", core):
        return None  # (two projects together, "A项目和B项目,总投资1.5亿元", are no one project)
    return name, m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))


def _names_one_project(name: str, shortest: int = 4) -> bool:
    """"富士康成都光电显示产业基地项目" names one project; "省重点建设项目", "亿元以上项目" a kind of them."""
    core = re.sub(r"(项目|工程|基地)$", "", name)
    return len(core) >= shortest and not GENERIC_PROJECTS.search(core) \
        and not re.search(r"本次|此次|这次|本批|该批|上述|集中开工|集中签约|以上|以下|类(?!乌齐)|级|重点|重大|新开工|续建|在建|计划|亿元|万元|\d+\s*个|全部|所有|各|千亿|百亿|万亿|十大|百大|千项|百项"
                          r"|^已|^(开工|竣工|投产|建成)", core)  # "已开工建设项目": projects in a state, not one


def _compared_or_ranked_in(before: str, start: int, end: int, reach: int) -> bool:
    """Whether the name at start:end is what the subject is compared with or a share of ("高于吴忠市",
    "占全市61%") or the scope it ranks in ("位居全区第9"), looking back `reach` characters for the rank's verb."""
    if before[max(0, start - 2):start] == "拉动" and re.match(r"[^,，;；。\d]{0,8}增长\s*$", before[end:]):
        return True  # "拉动太原市投资增长5.9个百分点": the whole whose growth the subject pulls
    return COMPARED_WITH.search(before[max(0, start - 3):start]) is not None or before[start - 1:start] == "占" or (
        RANK_AFTER.match(before, end) is not None and RANKED_IN.search(before[max(0, start - reach):start]) is not None)


def _in_closed_aside(before: str, at: int) -> bool:
    """Whether the words at `at` sit inside brackets that close before the figure ("(全省梳理1.5万个)")."""
    opening = max(before.rfind("(", 0, at), before.rfind("（", 0, at))
    if opening < 0 or max(before.rfind(")", 0, at), before.rfind("）", 0, at)) > opening:
        return False
    closing = re.search(r"[)）]", before[at:])
    # "重点项目完成情况(南溪区):完成投资18亿元": a bracket before a colon labels what follows, no aside
    return closing is not None and not re.match(r"\s*[:：]", before[at + closing.end():])


def _exceeds(matches: list, said: dict) -> bool:
    """Whether a figure is larger than the subject's own figure of its kind ("南溪区完成投资18亿元,其中…；
    城市基础设施项目完成投资120亿元": 120 is no part of 18, it is the issuer's)."""
    return any((to_base(m.figure.value, m.figure.unit)[0] or m.figure.value) > said.get(kind_of(m.figure.unit), float("inf"))
               for m in matches)  # (in base units: 42680平方米 is no more than 86亩)


def _run_length(sentence: str, matches: list, k: int) -> int:
    """How many figures, from the k-th on, are written as one enumeration ("419.6亿元和54.98亿元")."""
    n = 1
    while k + n < len(matches) and re.fullmatch(r"\s*[、和及与]\s*", sentence[matches[k + n - 1].end:matches[k + n].start]):
        n += 1
    return n


def _paired_measures(before: str, phrase: str, n: int) -> list[str]:
    """The measures a phrase names one for each of n enumerated figures ("计划总投资和本年完成投资为"), else []."""
    if n < 2 or not re.search(r"(分别)?(为|是)\s*$", before):
        return []
    parts = [p for p in re.split(r"和|及|与|、", re.sub(r"(分别)?(为|是|达到?)$", "", phrase)) if p]
    if len(parts) != n or not all(re.search(r"投资|资金|面积|产值|收入|税|率|增长|增速|数$", p) for p in parts):
        return []
    return parts


def _opens_a_clause(sentence: str, at: int) -> bool:
    """Whether the words at `at` open the sentence or one of its clauses ("…；郎溪县完成投资")."""
    return at <= 2 or re.search(r"(^|[:：,，;；])\s*(今年|目前|全年|同时|此外|另外|其中|位于)?\s*$", sentence[:at]) is not None


def _names_one_work(name: str) -> bool:
    """"渝西高铁", "G240岳阳县城至湘阴县公路" name one work; "高速公路", "在建高速", "小型水库" a sector."""
    core = re.sub(WORK_OF_ONE_PROJECT + "$", "", name)
    return core != name and not GENERIC_WORK_CORE.search(core) and not re.search(r"项目|工程|等|和|及|、", core)


def _project_topic(sentence: str) -> str:
    """The one work a sentence opens with ("蒙华铁路作为我国西煤东运的重要通道,…"), else ""."""
    sentence = MASTHEAD_OPENING.sub("", sentence)  # "遂宁日报讯 成遂渝高速扩容工程作为…": the paper is no part of it
    m = PROJECT_TOPIC.match(sentence) or PROJECT_INTRODUCED.match(sentence) or PROJECT_SITE.match(sentence)
    acted_on = _work_a_place_acts_on(sentence, m.start("name")) if m else ""
    if acted_on:
        return acted_on  # "祁阳市把浯溪文化园项目作为重点": the work, by its own name
    ends_at_comma = m is not None and sentence[m.end("name"):m.end("name") + 1] in (",", "，")
    if ends_at_comma and re.match(r"[,，]\s*(?:项目)?(?:总)?(?:建筑面积|占地面积|占地|总投资|计划投资|完成投资|投资\d|主要建设|建设内容)",
                                  sentence[m.end("name"):]) \
            and len(m.group("name")) >= 8:
        ends_at_comma = False  # "新建凯里特殊教育学校工程,建筑面积4150平方米,完成投资503万元": the work, then its figures
    if ends_at_comma and re.match(r"[,，]\s*(?:是|属于|系)[^,，。;；]{0,16}?(?:项目|工程)", sentence[m.end("name"):]) \
            and len(m.group("name")) >= 6:
        ends_at_comma = False  # "…的县公安局业务技术用房项目,是三台县的县重点工程项目,总投资…": the work, then what it is
    if m and (_names_one_work(m.group("name")) or (not ends_at_comma and _one_work_named(
            m.group("name"), r"(?<=..)(及|和|与)|、|类|事业|保护|特别|尤其|^[\u4e00-\u9fff]{0,2}(?:" + SECTOR_WORDS + r"){1,3}建设项目$|民生|招商引资|引资|签约|落地"))):
        # (not "民生工程及社会事业项目", "特别是城市建设项目": kinds of project, the issuer's)
        return m.group("name")
    return ""


# a paragraph opened by one work's full name and a comma, its capacity in the name ("中食世纪集团400万羽蛋鸡产业
# 集群项目,多个作业队伍正多点同步施工。"): the paragraph's work
LINE_OPENING_WORK = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{2,12}(?:[\d.]+(?:万|千|亿)?(?:羽|头|只|吨|千瓦|兆瓦|MW|台|套|辆|平方米|亩)"
                               r"|[\u4e00-\u9fffA-Za-z])*?(?:项目|工程))(?:[,，]|(?=由[^,，。]{2,30}?(?:投资|建设)|位于|总投资|占地))")  # ("…项目由辽宁中惟钢结构有限公司投资1.8亿元建设")


# a list item that is one work's full name, a colon and its figures ("河南中联天盛…有限公司年产1500万平方米环保型防水
# 卷材和2500吨防水涂料项目:总投资3亿元,年度计划投资2.92亿元"): the name may hold figures and 和
WORK_THEN_COLON = re.compile(r"^\s*(?P<name>[^:：,，。;；、\s]{4,60}?(?:项目|工程)(?:[(（][一二三四五六七八九十]期[)）])?)\s*[:：]")


def _work_then_colon(sentence: str) -> str:
    m = WORK_THEN_COLON.match(sentence)
    if not m or re.search(r"项目\s*\d+\s*[个项]|\d+\s*[个项]\s*项目", sentence[m.end():]):
        return ""  # ("中央预算内投资项目:争取项目12个,…": a kind whose projects are counted, no one work)
    name = m.group("name")
    if re.match(r"(我|全[市县区省]|本[市县区]|该|各)", name) or re.search(r"(投资|落地|入园|入驻|辖区|招商引资|债券)项目$", name):
        return ""
    return name if _one_work_named(name, r"重点|重大|续建|新建项目$|新开工|在建|储备|前期|类|其中|[省市县区]级") else ""


def _line_opening_work(sentence: str) -> str:
    m = LINE_OPENING_WORK.match(sentence)
    if not m or not re.search(r"\d", m.group("name")):
        return ""  # (names without figures are _project_topic's)
    # (not "今年新建3万平方米标准化厂房项目,": a plan of the county's)
    plan = r"^(今年|本年|全年|明年|去年|年内|新建|建设|实施|计划|完成|开工|续建|启动|新增|累计)|(?<=..)(及|和|与)|、|类|重点|重大"
    return m.group("name") if _one_work_named(m.group("name"), plan) else ""


def _ordinal(numeral: str) -> int:
    """一 … 十九: the number a heading's Chinese numeral says."""
    digits = "一二三四五六七八九"
    if numeral.startswith("十"):
        return 10 + (digits.index(numeral[1]) + 1 if len(numeral) > 1 and numeral[1] in digits else 0)
    return digits.index(numeral[0]) + 1 if numeral and numeral[0] in digits else 0


def _one_work_named(name: str, kinds: str) -> bool:
    """A name that is one work's (a named project, no kind of them, no deed), with the reader's own kinds
    refused too: what the topic, the colon item and the paragraph's opening work readers share."""
    return _a_named_project(re.sub(r"[(（].*$", "", name)) and not CATEGORY_NAME.match(name) \
        and not GENERIC_WORK_CORE.search(name) and not NOT_A_WORKS_NAME.match(name) and not re.search(kinds, name)


def _a_named_project(name: str) -> bool:
    """"安宁中央商务广场项目": one project by its name (not 省重点项目, nor 城市更新项目 or 乡村振兴项目,
    kinds of them named in four characters)."""
    return (re.search(r"(项目|工程)$", name) is not None and _names_one_project(name, shortest=6)) \
        or _names_one_work(name)  # "金建铁路、杭温铁路金华段分别完成…": works by their names too


def _bracketed_member(sentence: str, start: int, end: int) -> Optional[tuple[str, int]]:
    """(name, position) of a list member written "name(figure)" ("循环化工园区(7亿元)、"), else None."""
    if sentence[start - 1:start] not in ("(", "（") or not re.match(r"\s*[)）]\s*([、,，。;；和及]|$)", sentence[end:]):
        return None
    opening = start - 1
    m = re.match(r"(?:.*(?:[、,，:：;；]|为|是|[)）]\s*[和及]))?\s*([\u4e00-\u9fff]{2,12})\s*$", sentence[:opening])  # after the last
    if not m or re.search(r"(完成|投资|任务|计划|占|率|总|共|达|累计|年度|目标|比|增)", m.group(1)):
        return None
    listed = sentence[m.start(1) - 1:m.start(1)] in ("、", "和", "及") or sentence[end:].lstrip(")） ").startswith(("、", "和", "及"))
    return (m.group(1), m.start(1)) if listed else None


def _unread_list_name(sentence: str, previous_end: int, start: int) -> str:
    """The words between a list member's figure and the next figure when they are only a name
    ("、大同" in "…太原2.4%、大同0.04%"), else ""."""
    between = sentence[previous_end:start]
    m = re.fullmatch(r"\s*[)）]?\s*、\s*([\u4e00-\u9fff]{2,8})\s*[(（]?\s*", between)
    if not m and sentence.rfind("(", 0, previous_end) <= sentence.rfind(")", 0, previous_end):
        # "…,葫芦岛83个,沈抚示范区25个": after a comma too, outside brackets ("(新建2项,续建8项)")
        m = re.fullmatch(r"\s*[,，]\s*([\u4e00-\u9fff]{2,10})\s*", between)
    if not m or re.search(r"(完成|投资|开工|竣工|项目|率|增长|计划|达|为|是|占|新建|续建|在建|其中|产业|基础设施|共|合计|总)",
                          m.group(1)):
        return ""
    return m.group(1)


def _list_head(before: str) -> Optional[str]:
    """The words before a list of names and figures that the figure is a member of, or None."""
    found = list(LIST_INTRODUCER.finditer(before))
    if not found:
        return None
    last = found[-1]
    tail = before[last.end():]
    if len(tail) <= 400 and LIST_ITEMS.fullmatch(re.sub(r"\s+", " ", tail)):
        return before[:last.end()]
    return None


THRESHOLD_AFTER = re.compile(r"^\s*(及|或)?(以上|以下|以内)(?:[(（][^)）]{0,20}[)）])?(的)?[\u4e00-\u9fff]{0,10}?(项目|工程|企业)"
                             r"|^\s*(至|到|-)\s*[\d.]*\s*[万亿]?元(以上|以下)?(的)?[\u4e00-\u9fff]{0,8}?(项目|工程|企业)"
                             r"|^\s*(及)?(以上|以下)\s*(的)?\s*(有|共)?\s*[\d一二三四五六七八九十两]+\s*[个项家宗]"  # "其中10亿元以上10个"
                             r"|^\s*(及)?以上\s*(的)?\s*(城镇)?(固定资产|项目)?投资(?!目标|任务|计划)")  # "500万元以上固定资产投资113.53亿元": its scope
# the kinds of place a class of places is made of ("超过10个的县(市)", "的县区有3个")
PLACES_AS_A_KIND = r"([县市区][县市区]{0,2}(?:[(（][县市区、]+[)）])?|乡镇|镇|街道|园区|单位|部门)"
# the kind of project a count counts, right after it and closing its clause ("2个百亿级项目、")
KIND_COUNTED_AFTER = re.compile(r"\s*([\u4e00-\u9fff]{0,8}?项目)(?=[,，;；。、]|$)")
# a size of project followed by how many there are: the size names the class ("50亿元项目6个")
CLASS_BY_SIZE_AFTER = re.compile(r"^\s*(及以上|以上)?(的)?(产业|工业|重大|重点|新开工|签约)?项目\s*(有|共)?\s*\d+\s*[个项]")
# a rate that bounds a class of projects or places, counted right after ("60%(含60%)至99%的重点项目有12项")
PERCENT_CLASS_AFTER = re.compile(r"^\s*[)）]?\s*(?:[(（][^)）]{0,10}[)）])?\s*(?:及)?(?:以上|以下)?\s*(?:[至到-]\s*[\d.]+\s*[%％]\s*)?"
                                 r"的\s*[^，,。；;\d]{0,16}?(?:项目|单位|企业|县|乡镇)?\s*(?:有|共|为|等)\s*[\d一二三四五六七八九十两]+\s*[个项家]")
THRESHOLD_BEFORE = re.compile(r"(过|超过|超|在|至|到|不足|低于|高于)\s*$")
THRESHOLD_NOUN_AFTER = re.compile(r"^\s*(以上|以下)?(的)?[\u4e00-\u9fff]{0,8}?(项目|工程|企业)")


# what a bulletin counts besides projects: groups, bodies, people, facilities
COUNTERS = ("个", "项", "家", "条", "台", "位", "座", "名", "人", "处")
OTHER_THINGS = re.compile(r"^[\u4e00-\u9fff“”]{0,8}?(督查组|工作组|检查组|调研组|督导组|小组|党委|领导|同志|代表|人员|干部|"
                          r"酒店|电厂|发电厂|转运站|生产线|信息网|评论)")
COUNT_OF_PROJECTS = re.compile(r"^[^,，。;；:：\d]{0,16}?(项目|工程)")  # "120个市级领导联系的重点项目": projects
LATER_COUNT_MEASURE = re.compile(r"(开复工|开工|复工|竣工|投产|签约|完工|建成)\s*[\d一二三四五六七八九十]+\s*[个项]")
BARE_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # 1,234 has a thousands separator, not two numbers
BARE_MEMBERS = re.compile(rf"(?<![\d.,，A-Za-z])((?:{BARE_NUMBER}\s*、\s*)+(?:{BARE_NUMBER}\s*(?:和|及|与)\s*)?"
                          rf"|{BARE_NUMBER}\s*(?:和|及|与)\s*)$")


PERIOD_OPENING = re.compile(r"^\s*(截至|截止|到|至)?\s*((19|20)\d\d\s*年)?\s*((\d{1,2}\s*[-—至~]\s*)?\d{1,2}\s*月(份)?(底|末)?|"
                            r"[一二三四]季度|上半年|前三季度|今年|年初以来|目前|当前|(19|20)\d\d\s*年)\s*(以来)?\s*[,，]?")


LISTED_FIGURE = re.compile(r"[,，]\s*(和|及)?\s*-?\d+(\.\d+)?\s*(%|个百分点|亿元|万元|元|个|项|分)?(?=[,，;；。]|$)")


# what a clause says of all the names of a list, after its last one ("…、荆州区民间投资负增长", "…塘厦完成投资较多")
SAID_OF_THE_LIST = re.compile(r"(位居|位列|排在|排名|居|进展|推进|分别|完成|增长|开工|竣工)[^、]*$")  # (not 投资: 市产业投资集团)


def _unaligned_list(sentence: str, at: int, figure_at: int) -> Optional[str]:
    """The 、-list a subject found at `at` belongs to, when 分别 stands between it and the figure (the
    list's figures, which the enumeration could not pair with its names), else None."""
    if at < 0 or "分别" not in sentence[at:figure_at]:
        return None
    for m in re.finditer(r"[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12})+", sentence[:figure_at]):
        if m.start() <= at < m.end():
            names = m.group(0).split("、")
            names[-1] = SAID_OF_THE_LIST.sub("", names[-1]) or names[-1]
            return "、".join(names)
    return None


# what a place's short name heads on a page: its news, its paper, its portal
PLACES_PAPER = re.compile(r"(新闻|融媒|发布|政务|在线|日报|晚报|网)")


def _units_listed_before_respectively(sentence: str, figure_at: int) -> Optional[str]:
    """"市直、羊山新区完成投资量较大,分别完成…": the 、-list of units (places, zones, offices, 市直) a
    分别 before the figure refers to, when the list could not be paired with its figures."""
    said = sentence[:figure_at].rfind("分别")
    if said < 0:
        return None
    lists = list(re.finditer(r"[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12})+", sentence[:said]))
    if not lists or re.search(r"[。;；]", sentence[lists[-1].end():said]):
        return None
    names = re.split(r"、", re.split(r"[是为有看]", lists[-1].group(0))[-1])
    names[-1] = SAID_OF_THE_LIST.sub("", names[-1]) or names[-1]
    if len(names) < 2 or not all(UNIT_NAME.search(n) or DIRECT_UNITS.fullmatch(n) for n in names):
        return None
    return "、".join(names)


def _after_its_period(sentence: str) -> str:
    """The words after a sentence's opening period ("截至8月,州级301项…" → "州级301项…")."""
    return PERIOD_OPENING.sub("", sentence).lstrip()


LOST_UNIT = re.compile(r"(?<![全各我本该][区县市镇乡旗州园局])(?<=[\u4e00-\u9fff][区县市镇乡旗州园局])(\d{1,3}(?:\.\d{1,2})?)"
                       r"(?![区县市镇乡旗个项家])(?=[\u4e00-\u9fff(（]|[、,，。;；]|$)")


def _with_unit_lost_in_list(sentence: str, figures: list[_Match]) -> list[_Match]:
    """"…平舆县77.5分、泌阳县74.2分、汝南县71.6驿城区71.2分": in a list of names with scores (or rates),
    a number right after a name whose unit the capture lost takes the list's unit (flag
    unit_from_list). Only where three or more of the sentence's figures share that unit."""
    units = [f.figure.unit for f in figures if f.figure.unit in ("分", "%")]
    if len(units) < 3 or len(set(units)) != 1:
        return figures
    taken = [(f.start, f.end) for f in figures]
    out = list(figures)
    for m in LOST_UNIT.finditer(sentence):
        written = FIGURE.match(sentence, m.start())
        if any(a <= m.start() < b for a, b in taken) or (written and written.group("unit")) \
                or re.match(r"\s*(年|月|日|号|时|期|批|届|次|位|名)", sentence[m.end():]):
            continue
        out.append(_Match(Figure(raw=m.group(1), value=float(m.group(1)), unit=units[0], flags=["unit_from_list"]),
                          m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


def _members_sharing_the_unit(sentence: str, start: int, last: Figure) -> list[_Match]:
    """"分别高于总体进度的9.8、6.2、5.8、2.0个百分点": the numbers of a list share the unit written
    after its last one."""
    if not last.unit or not re.match(r"[\d.]+", last.raw):
        return []
    m = BARE_MEMBERS.search(sentence[:start])
    if not m or sentence[:m.start()].endswith(("第", "前", "后")):
        return []  # "第1、2个": ordinals, not figures
    if m.group(0).count("、") + len(re.findall(r"和|及|与", m.group(0))) < 2 and \
            not re.search(r"分别|依次|各", sentence[:m.start()]):
        return []  # "年度计划投资110、24亿元": a decimal point typed as 、, or two items, not a list
    out = []
    for n in re.finditer(BARE_NUMBER, m.group(0)):
        at = m.start() + n.start()
        out.append(_Match(Figure(raw=n.group(0) + (last.unit or ""), value=float(n.group(0).replace(",", "")), unit=last.unit,
                                 flags=list(last.flags) + ["unit_shared_in_list"]), at, at + len(n.group(0))))
    return out


def _is_threshold(before: str, after: str) -> bool:
    """A money figure that defines a class of projects rather than measuring one."""
    if THRESHOLD_AFTER.match(after):
        return True
    if CLASS_BY_SIZE_AFTER.match(after):
        return True  # "50亿元项目6个、总投资361亿", "10亿元的项目17个": how many projects of that size
    if re.search(r"(?<![超通])过\s*$", before):
        return True  # "四县地区生产总值过100亿元": a mark passed, not a value
    if re.search(r"(过|超过|超)\s*$", before) and re.match(r"^\s*[\u4e00-\u9fff]{0,4}(项目|工程|企业)", after):
        return True  # "全市实施超10亿元工业项目127个": a class of projects
    return bool(THRESHOLD_BEFORE.search(before) and THRESHOLD_NOUN_AFTER.match(after)
                and re.match(r"^\s*(以上|以下)?的", after) or (before.rstrip().endswith(("至", "到"))
                                                            and THRESHOLD_NOUN_AFTER.match(after)))


# a money range naming a class of projects: "50亿-100亿元项目", "10亿～50亿元的项目"
RANGE_AFTER = re.compile(r"\s*[-—–~～至到]\s*[\d.]+\s*[万亿]?元\s*(以上|以下)?(的)?[\u4e00-\u9fff]{0,8}?(项目|工程|企业)")


def _a_range_of_a_class(num: str, unit: str, before: str, after: str) -> bool:
    """Either bound of a money range that names a class of projects ("…等50亿-100亿元项目6个")."""
    if unit in ("亿", "万", "亿元", "万元") and RANGE_AFTER.match(after):
        return True  # the lower bound: 50亿 of "50亿-100亿元项目"
    return num.startswith(("-", "—", "–")) and re.search(r"\d\s*[万亿]?元?\s*$", before) is not None \
        and THRESHOLD_NOUN_AFTER.match(after) is not None  # the upper bound: -100亿元 read with its dash


def _sentences(line: str) -> list[str]:
    return [s for s in SENTENCE_END.split(line) if s.strip()]


def _inside_quotes(s: str, pos: int) -> bool:
    return s.count("“", 0, pos) > s.count("”", 0, pos)


KIND_INVESTMENT = re.compile(r"(?:全县|全市|全区|全省|全州|其中)?(?P<kind>[\u4e00-\u9fff]{2,10}(?:类|领域))投资额?")
DONE_MONEY = re.compile(r"完成(?!.*计划)|固定资产投资")
WHOLE_OR_LIST_AGAIN = re.compile(r"全[市县区省州旗盟]|我[市县区州旗]|本[市县区]|共有|共计|纳入|列入|计划|年度|今年|全年")
REGION_VOICE = re.compile(r"据自治区|自治区[^,，。;；]{0,6}通报|全区")  # the region speaking of its figures
REGION_SPEAKS = re.compile(REGION_VOICE.pattern + r"|(?:我|全|本)(?:市|县|旗|州|盟|区)(?![县场区市旗])")  # …or the area's own figure beside it
BREAKDOWN_INTRO = re.compile(r"(分|看|如下|包括|主要有|分别是|分别为)\s*[:：]\s*$")
LIST_OF_THE_LEVEL_ABOVE = re.compile(r"(级|层面|级层面)?(重点|重大|百大|十大|千项)")
PUT_ON_A_LIST = re.compile(r"(新开工|开工|实施|列入|纳入|承担|共有|有|争取|推进|建设|其中\s*[,，:：]?)$")  # (…竣工,其中株洲市重点项目开工21个)
PART_MONEY = re.compile(r"^.{2,12}?(项目|类|领域|行业|产业)(完成投资|投资完成|完成|投资)$")  # "农林水利项目完成投资"
BREAKDOWN_SAID = re.compile(r"分(领域|行业|类别|类型|产业|板块)看|从(领域|行业|类别|类型|产业|板块|结构|投向)[^,，。;；]{0,4}看"
                            r"|按[^,，。;；]{1,8}分|其中")  # a breakdown begun
WHOLE_MONEY = re.compile(r"全[市县区省州旗盟]|全社会|固定资产投资|^[省市县区]*(级)?(重点|重大)(建设)?(项目|工程)")
# "祁阳市把浯溪文化园项目作为重点": a place making one named work its aim (never 将, also "will", nor a kind:
# 把重大项目建设作为…)
PLACE_DOING = re.compile(r"[\u4e00-\u9fff]{2,8}?[市县区旗镇乡]把(?=(?P<work>[\u4e00-\u9fff()（）]{2,30}?(?:项目|工程))"
                         r"(?:作为|打造|纳入|列为|列入|当作))")
SHARE_OF_PLAN_SAID = re.compile(r"占[^,，;；]{0,8}(计划|目标|任务)")
# a batch of projects an event befell ("本次集中开工", "第一批集中开复工", "此次签约"), whose kinds the next
# counts are; and the words opening such a breakdown
BATCH_EVENT = re.compile(r"(集中|本次|此次|这次|本批|首批|第[一二三四五六七八九十\d]+批)[^,，;；]{0,10}?(开复工|开竣工|开工|复工|竣工|投产|签约)")
PARTS_OPENING = re.compile(r"\s*(其中|包括|主要有|主要包括|涵盖|有)\s*[:：,，]?")
PARTS_OPENED = re.compile(r"(其中|包括|主要有|主要包括|涵盖|\d+\s*个[^,，;；。]{0,12}中)\s*[:：,，]\s*$")  # (…的99个项目中,)
BARE_INVESTMENT_SAID_DONE = re.compile(r"(已经?|累计已?)投资额?\s*$")


def _strip_periods(text: str) -> str:
    for kind, pattern in PERIOD_PATTERNS:
        if kind != "year":
            text = pattern.sub("", text)
    text = re.sub(r"(?:19|20)\d\d(?=年度)", "", text)  # "2022年度计划": 年度 stays, the plan's word
    return re.sub(r"(?:19|20)\d\d年", "", text)


def _leading_period(sentence: str, year: Optional[int]) -> Optional[Period]:
    """A period that opens the sentence ("1-3 月，全区…", "截止5月底,…", "上半年,…")."""
    head = sentence[:16]
    for kind, pattern in PERIOD_PATTERNS:
        m = pattern.search(head)
        if kind == "year" and m and "年内" in m.group(0):
            continue
        if m and m.start() <= 4 and not re.match(r"\s*\d+\s*日", sentence[m.end():]):
            return period_from_match(kind, m, year)
    return None


def _is_whole_year(p: Period) -> bool:
    return bool(p.start and p.end and p.start.month == 1 and p.start.day == 1 and p.end.month == 12 and p.end.day == 31)


def _period_before(sentence: str, start: int, year: Optional[int]) -> Optional[Period]:
    """The last period expression before a figure in its sentence ("…,截至3月下旬,100个…"), within
    the 300 characters before it."""
    before = sentence[max(0, start - SUBJECT_WINDOW):start]
    found = []
    for kind, pattern in PERIOD_PATTERNS:
        if kind == "year":
            continue
        for m in pattern.finditer(before):
            if re.match(r"\s*\d+\s*日", before[m.end():]) or before[m.end():m.end() + 1] in ("前", "上", "中", "下"):
                continue  # a date (3月17日) or a deadline (5月上旬, 6月底前) is not the reporting period
            if re.search(r"(较|比|同比|与|相比|高于|低于)$", before[:m.start()]):
                continue  # "增速较上半年提高": a comparison base, not the reporting period
            found.append((kind, m))
    # "3月" inside "1-3月" is part of the longer expression, not a period of its own
    whole = [(k, m) for k, m in found
             if not any(o.start() <= m.start() and m.end() <= o.end() and (o.end() - o.start()) > (m.end() - m.start())
                        for _, o in found)]
    if not whole:
        return None
    kind, m = max(whole, key=lambda km: (km[1].end(), km[1].end() - km[1].start()))
    return period_from_match(kind, m, year)


def _figure_period(sentence: str, start: int, metric: str, meta: DocumentMeta, sentence_period: Optional[Period],
                   unit: Optional[str] = None) -> Optional[Period]:
    """全年 / 年度 in the metric phrase ("全年计划融资", "年度计划总投资") mean the whole year; a ratio
    ("完成年度计划的33%") is progress as of the sentence's period."""
    own = find_period(metric, meta.year, SPAN_KINDS)
    if own:
        return own
    current = sentence_period or meta.period
    last_month = re.search(r"(?:-|—|至|到)\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:份|底|末)?$", current.label) if current else None
    if re.search(r"(当月|本月|月度)(完成|进度|投资)", metric) and not re.search(r"累计|截至|截止|底|至今", metric) and last_month:
        # "1-6月…占年度计划的55.2%。当月进度为10.6%": the month the report ends with, not the months so far
        return find_period(f"{last_month.group(1)}月", meta.year) or current
    clause = sentence[max(sentence.rfind(ch, 0, start) for ch in ",，;；。") + 1:start]
    named_year = re.search(r"((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月|\s*第)", clause)
    if named_year and "计划" in metric:
        return find_period("全年", int(named_year.group(1)))  # "2018年计划完成投资89.8亿元": the year's plan
    year_word = re.search(r"全年|年度|年内|年计划", metric)
    # a target for the year ("确保全年完成投资245亿元", "全年计划开工61个"); a count of what is done
    # ("十二个项目提前完成全年任务") is as of the report
    whole_year = year_word and (kind_of(unit) != "count" or re.match(r"^(全年|年度|年内)", metric) or "计划" in metric)
    if unit not in ("%", "个百分点") and whole_year and not re.search(r"占|比例|率", metric):
        return find_period("全年", meta.year)
    return sentence_period or meta.period


# a clause right after a 分别 list whose figures are a list of their own (the tail of the clause)
SECOND_LIST = re.compile(r"[,，]\s*[^,，;；。、\d]{0,20}?((?:-?\d[\d.]*\s*(?:%|个百分点|[万亿]?元|个|项|亩)?\s*[、和及]\s*)+"
                         r"-?\d[\d.]*\s*(?:%|个百分点|[万亿]?元|个|项|亩)?)(?=\s*[,，;；。]|\s*$)")


# the endings of the units a bulletin lists (places, offices, towns, zones' committees)
UNIT_NAME = re.compile(r"(管委会|局|委|办|办事处|镇|乡|街道|区|县|市|旗|州|中心|公司|集团|指挥部)$")


COUNTY_LEVEL = {"district": "county", "county_city": "county", "zone": "county"}  # one level, several kinds


def _unglued(names: list[str], gazetteer: Gazetteer) -> list[str]:
    """"市直、梅县区五华县…分别完成…亿元、…亿元、…亿元": a 、 the capture lost between two places
    of one level (not a chain, 梅州市梅县区: a place and its parent) is put back."""
    out = []
    for name in names:
        found = gazetteer.find_in(name)
        if len(found) >= 2 and "".join(x.surface for x in found) == name \
                and len({COUNTY_LEVEL.get(x.place.kind, x.place.kind) for x in found}) == 1 \
                and not any(x.place.parent == y.place.name for x in found for y in found):
            out.extend(x.surface for x in found)
        else:
            out.append(name)
    return out


def _enumerated_subjects(sentence: str, gazetteer: Gazetteer, n_figures: int,
                         figure_starts: list[int], listed_before: str = "") -> Optional[list[str]]:
    """"排名前三的部门是区发改局、区经信局、循环集团，分别完成66018万元、51693万元、47698万元":
    the figures after 分别 belong to the listed names, in order. figure_starts: where the sentence's
    figures stand (a piece read alone would lose what it shares with the rest, the 分别 before a list)."""
    m = re.search(r"([^,，。;；:：]*?)([,，]?)\s*分别", sentence)
    if not m:
        return None

    def figures_in(start: int, end: int) -> int:
        return sum(start <= at < end for at in figure_starts)
    listing = re.split(r"[是为有:：]", m.group(1))[-1]
    listing = re.sub(r"[(（][^()（）]*[)）]", "", listing)  # "送桥镇(含光电产业园)"
    listing = re.sub(r"等\s*[\d一二三四五六七八九十两]+\s*[个项类家].*$", "", listing)  # "…社会事业等7个行业完成…"
    listing = re.sub(r"等[\u4e00-\u9fff]{1,6}(、[\u4e00-\u9fff]{1,6})*$", "", listing)  # "…车逻镇等乡镇、园区"
    names = [n.strip() for n in re.split(r"[、和及]", listing) if n.strip()]
    places_only = not m.group(2)
    if len(names) < 2:
        # "绿建区、湟里镇、西太湖进展情况较好,投资完成率分别高于整体进度的11.8、6.3、4.9个百分点": the
        # list is the clause before the measure's (places, or kinds of project as 科技、农业…)
        before = re.search(r"([^,，。;；:：]*)[,，]\s*$", sentence[:m.start(1)])
        if before:
            places_only = False
            names = [n.strip() for n in re.split(r"[、和及]", re.split(r"[是为有]", before.group(1))[-1]) if n.strip()]
            if names:  # "雪堰镇进展情况较好", "服务业项目进展较好": the last name, without what is said of all
                names[-1] = re.sub(r"(等)?(项目)?(进展|推进|建设|完成|投资|情况).*$", "", names[-1]) or names[-1]
    if len(names) < 2 and not gazetteer.find_in(m.group(1)):
        # "…五个责任单位是翠山湖管委会、赤坎镇、交通运输局…;年度投资计划分别是16.6亿、11.1亿…": the names
        # end the ；-part before, after its 是 / 为, and the figures are as many
        named = re.search(r"(?:是|为|有|[:：])([^,，。;；:：是为]+)[;；]\s*$", listed_before) \
            if not re.search(r"各|[一二三四]季度|\d{1,2}月|上半年|下半年|和|与|及", m.group(1)) else None  # (not "二季度各月完成投资分别是…")
        units = [n.strip() for n in named.group(1).split("、") if n.strip()] if named else []  # (城市管理和综合执法局: one)
        if len(units) >= 2 and all(UNIT_NAME.search(n) and len(n) <= 14 for n in units):
            names, places_only = units, False  # places, offices, towns: units a bulletin reports by
    if names and not places_only:
        # "石首市、监利县位居前两位,分别增长…", "…、荆州区民间投资负增长,分别下降…", "松山湖、虎门、
        # 塘厦完成投资较多,分别完成…": the last name without what the clause says of them all
        opening = gazetteer.find_in(names[-1])
        run = ""  # the places opening it, one right after another (梅县区五华县: a 、 the capture lost)
        for place in opening:
            if place.start != len(run):
                break
            run += place.surface
        names[-1] = run if run else \
            SAID_OF_THE_LIST.sub("", names[-1]) or names[-1]
    listed = re.split(r"[,，;；。]", sentence[m.end():])[0]  # the figures of the list: up to the clause's end
    if figures_in(m.end(), len(sentence)) > len(names):
        names = _unglued(names, gazetteer)
    while figures_in(m.end(), m.end() + len(listed)) < len(names):
        # "石首市、监利县位居前两位,分别增长31.8%,30.3%": figures a comma parts are the list's too
        more = LISTED_FIGURE.match(sentence, m.end() + len(listed))
        if not more:
            break
        listed += more.group(0)
    tail_figures = figures_in(m.end(), m.end() + len(listed))
    if len(names) < 2 or tail_figures != len(names) or any(re.search(r"\d", n) for n in names):
        return None  # (figures listed before, "为419.6亿元和54.98亿元,同比分别增长…": no names but figures)
    after_list = figures_in(m.end() + len(listed), len(sentence))
    if places_only:
        # "绩溪县、旌德县分别完成…": without a comma only places make the list (not 农林、…投资进度分别为)
        # (or named projects: "中电投兰州新区热电联产项目、安宁中央商务广场项目分别完成投资…")
        department = LEVEL_DEPARTMENT.match(names[-1])
        if department:
            names[-1] = department.group(0)
        elif not _a_named_project(names[-1]):
            names[-1] = re.sub(r"^(.*?(?:区|县|市|旗|州|镇|乡|街道|新区|开发区|高新区|经开区)).*$", r"\1", names[-1])
        if not all("".join(x.surface for x in gazetteer.find_in(n)) == n or re.search(r"(区|县|市|旗|镇|乡|街道)$", n)
                   or gazetteer.city_short(n) or LEVEL_DEPARTMENT.fullmatch(n) for n in names) \
                and not all(_a_named_project(n) for n in names):
            return None
    before = n_figures - tail_figures - after_list
    if before < 0:
        return None  # the sentence's figures and the regex's do not line up: no guess
    # "…,分别完成49.7亿元、20.7亿元和15.5亿元,为年度目标任务的50%、37.1%和30.3%": the next clause lists
    # as many figures, joined as a list: the same names in the same order
    again = SECOND_LIST.match(sentence, m.end() + len(listed))
    lead = sentence[again.start():again.start(1)] if again else ""
    if again and figures_in(again.start(), again.end()) == len(names) == len(re.split(r"[、和及]", again.group(1))) \
            and not re.search(r"分别|全市|全县|全区|全省|全州|我市|我县|我区|其中|各|项目", lead) \
            and not gazetteer.find_in(lead):
        return [""] * before + names + names + [""] * (after_list - len(names))
    return [""] * before + names + [""] * after_list

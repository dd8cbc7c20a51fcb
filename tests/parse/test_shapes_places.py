"""The district and subdistrict as real pages name them: counties, zones, streets and
communities, another city's or province's, a place only someone's words name."""
from __future__ import annotations

import pytest

from converters.parse.pipeline import parse_file, parse_text
from converters.parse.places import default_places

from shapes import PAGES


@pytest.mark.parametrize(("title", "lead", "district"), [
    ("栽花种树修路建游园 宝丰县这个村好美", "12月16日一大早,记者来到了宝丰县张八桥镇袁店村。", "宝丰县"),
    ("黄石港区:城区不看海 河湖有管护", "近日,记者从黄石港区获悉,黄石港区将疏通管网。", "黄石港区"),
    ("高新区滹沱村:清运垃圾 完善设施", "洛阳高新区孙旗屯乡滹沱村清理了垃圾。", None),  # 洛阳's
    ("盐南高新区新河街道举办活动", "盐南高新区新河街道组织居民开展活动。", None),       # 盐城's
    ("高新区石佛办事处开展活动", "近日，高新区石佛办事处组织党员开展活动。", "高新区"),  # ours
    ("名单公布", "我市淮阳区安岭镇、项城市丁集镇、沈丘县冯营镇、太康县王集乡入选。", None),
    ("发挥基层党组织作用", "近日，新郑观音寺镇召开会议。", "新郑市"),
    ("社区志愿者在行动", "近日，红星街道万华凤凰城社区组织志愿者清理垃圾。", None),
    # no district named: its street or town says which (the national codes' 乡级 rows)
    ("国基路街道有“妙招”", "近日，国基路街道探索无主管楼院治理新模式。", "金水区"),
    ("冬至送温暖", "12月21日，侯寨乡为环卫工人送去饺子。", "二七区"),         # 侯寨街道 today
    ("违建拆除", "近期，枫杨办事处关庄村开展拆违行动。", "高新区"),              # a zone's street
    ("回迁分房", "白沙镇群众回迁安置工作启动。", "郑东新区"),                  # administered by it
    ("街道在行动", "东风路街道组织居民开展活动。", None),                  # 金水区's and 中牟县's
    # a county-level unit created or renamed since 2015 is known, and its street is not
    # taken for a Henan one of that name (1099: 大同's 平城区, not 濮阳 华龙区's 大庆路街道)
    ("清理环境卫生 共建美好家园", "近日，平城区大庆路街道庆丰社区开展清理活动。", "平城区"),
    ("村BA开赛", "近日，新津区普兴街道举办篮球赛。", "新津区"),                  # 成都's, 2020
    ("全天候巡查 “双禁”工作", "日前，海安市白甸镇召开秋季秸秆“双禁”工作动员会。", "海安市"),  # 2018 (1640)
    # an autonomous county by its short names: the full name is its district (1256)
    ("辣椒丰收", "时下，务川自治县镇南镇辣椒采摘正忙。", "务川仡佬族苗族自治县"),
    ("志愿服务", "近日，伊通县马鞍山镇组织志愿者清理垃圾。", "伊通满族自治县"),
    ("志愿服务", "近日，张家川县龙山镇组织志愿者清理垃圾。", "张家川回族自治县"),  # a place of three
    # 县域, 县级 after a province's name: no county (not Hunan's 南县)
    ("县域经济论坛举行", "近日，河南县域经济发展论坛在郑州举行。", None),
    ("融媒体中心来访", "近日，湖南县级融媒体中心负责人来访。", None),
])
def test_districts(title: str, lead: str, district: str | None) -> None:
    article = parse_text(f"{title}\n\n本报讯 {lead}").articles[0]
    assert article.district == district


def test_a_bare_zone_on_another_city_s_page_is_not_ours() -> None:
    page = ("第05版:县区新闻\n返回主页 | 洛阳日报 | 版面导航 | 洛阳晚报\n\n高新区开展活动\n\n"
            "本报讯 近日，高新区组织居民开展文明创建活动。")
    assert parse_text(page).articles[0].district is None
    # the only word of whose the page is: its city's news site (t11, 潍坊)
    page = ("第03版:综合新闻\n返回潍坊新闻网\n\n夸夸咱们的第一书记\n\n本报讯 年初一下午，"
            "高新区新城街道中官社区崭新的路灯准时亮起来。")
    assert parse_text(page).articles[0].district is None
    assert parse_text(page.replace("返回潍坊新闻网", "返回首页")).articles[0].district == "高新区"


def test_a_street_or_town_of_another_henan_city_names_its_county() -> None:
    story = "\n\n小区住着舒心了\n\n本报讯 提起湖北路办事处，联盟社区35号院的居民都竖起了大拇指。"
    luoyang = "第05版:社区新闻\n返回主页 | 洛阳晚报 | 版面导航 | 洛阳日报"
    assert parse_text(luoyang + story).articles[0].district == "涧西区"      # the paper's city's
    assert parse_text("第05版:社区新闻" + story).articles[0].district == "涧西区"  # paper unsaid
    zhengzhou = "第05版:区街新闻\n返回主页 | 郑州晚报 | 版面导航 | 郑州日报"
    assert parse_text(zhengzhou + story).articles[0].district is None       # not Zhengzhou's
    # read against the whole province, a street is only a street: 龙岗街道 of 鹤壁's
    # development zone is not 永城市's 龙岗镇 (229, a fresh page)
    story = "\n\n和美乡村新画卷\n\n本报讯 走进5月的鹤壁经济技术开发区龙岗街道侯庄村，屋舍整齐。"
    assert parse_text("第01版:要闻" + story).articles[0].district is None
    assert parse_text("第01版:要闻" + story.replace("龙岗街道", "龙岗镇")).articles[0].district \
        == "永城市"


def test_an_ambiguous_name_is_the_page_city_s() -> None:
    places = default_places()
    assert [p.district for p in places.find("老城区改造", "4103")] == ["老城区"]  # 洛阳's
    assert places.find("老城区改造", "4101") == []  # in Zhengzhou, just the old town


def test_subdistricts_are_names_not_fragments() -> None:
    lead = "这是记者在惠济区长兴路办事处采访,见到的街道“2011人居环境整改实事统计表”。"
    assert parse_text("标题\n\n本报讯 " + lead).articles[0].subdistrict is None
    article = parse_text("标题\n\n本报讯 近日，二七区大学路街道组织志愿者清理垃圾。").articles[0]
    assert (article.district, article.subdistrict) == ("二七区", "大学路街道")
    # what a street is made into is no street's name (a12); 建设路 is a road's
    lead = "创建市容整洁示范街道是一项复杂系统工程，牵涉方方面面。"
    assert parse_text("标题\n\n" + lead).articles[0].subdistrict is None
    article = parse_text("标题\n\n本报讯 近日，中原区建设路街道组织志愿者清理垃圾。").articles[0]
    assert article.subdistrict == "建设路街道"
    # 乡村 is a word (908): 铺设乡村道路 names no 铺设乡; the town later in the lead is it
    lead = "3个月时间，累计投入资金1000余万元，铺设乡村道路11公里。昨天上午，在管城区圃田乡举行通车仪式。"
    assert parse_text("乡间路翻新\n\n本报讯 " + lead).articles[0].subdistrict == "圃田乡"
    lead = "近日，荥阳有关乡镇负责人介绍，贫困村发展谷子种植。"                      # 乡镇 (113)
    assert parse_text("荥阳2.4万人脱贫\n\n本报讯 " + lead).articles[0].subdistrict is None
    # a land of something is no town (1111: 迷恋茶乡 was its 乡, and a section label)
    article = parse_file(PAGES / "1111.txt").articles[0]
    assert (article.title, article.subdistrict) == ("迷恋茶乡", None)


@pytest.mark.parametrize(("text", "district"), [
    ("福华街新圃东街社区开展活动。", "二七区"),       # 135: a community after its street's stem
    ("近日，城东路花园社区开展活动。", "管城回族区"),  # m05
    ("近日，城东路服务中心开展活动。", "管城回族区"),  # a street's service centre
    ("近日，东风路社区开展活动。", None),              # 东风路: a stem of two counties' streets
    ("近日，新华社区开展活动。", None),                # no street's stem
])
def test_a_community_named_after_its_street_says_the_district(text: str, district: str | None) -> None:
    article = parse_text(f"郑州日报\n\n标题\n\n本报讯 {text}居民积极参与。\n").articles[0]
    assert article.district == district


def test_a_place_named_only_in_someones_words_does_not_say_the_district() -> None:
    # 376 (fresh): the story is 淮河路街道's (二七区); a resident's words name 荥阳,
    # where the melons came from
    page = ("郑州日报\n\n爱心冬瓜送居民\n\n本报讯(记者 赵文静)昨日早晨9点多，陇海路兴华街热闹非凡。\n\n"
            "淮河路街道兴华社区联合爱心企业，免费为辖区居民发放冬瓜。\n\n"
            "“前一段时间自驾到荥阳五云山游玩，发现当地菜农的冬瓜卖不出去，便想采购一些。”负责人说。\n")
    assert parse_text(page).articles[0].district == "二七区"
    # named outside anyone's words, the place counts as ever
    named = page.replace("“前一段时间自驾到荥阳五云山游玩，发现", "荥阳市五云山的菜农也来了。“发现")
    assert parse_text(named).articles[0].district == "荥阳市"


def test_a_site_whose_address_is_outside_henan_takes_no_henan_street() -> None:
    # 924 (fresh): 合肥's 五里墩街道 (蜀山区) taken for 信阳's (浉河区): the page names no
    # paper this parser knows, but its footer's address is in 安徽
    page = ("推进垃圾分类 共建美好家园\n\n星报讯(记者 马冰璐) 近日，五里墩街道青阳路社区更新了垃圾分类投放站点。\n\n"
            "居民纷纷点赞。\n\n3上一篇  下一篇4\n\n地址:中国·安徽省合肥市黄山路599号 皖ICP备10000000号\n")
    article = parse_text(page).articles[0]
    assert article.district is None and article.subdistrict == "五里墩街道"
    # with no address, a page is taken for a Henan paper's, whose streets these are
    assert parse_text(page[:page.index("地址")]).articles[0].district == "浉河区"


def test_a_bare_zone_after_a_verb_is_the_papers_citys() -> None:
    # 938 (fresh): 家住经开区梁湖的孟海凤 was read as a zone with a name of its own (盐南高新区)
    places = default_places()
    assert places.district_of("", "家住经开区梁湖的孟海凤搬进了新居。", home_city="4101").district == "经开区"
    assert places.district_of("", "盐南高新区新河街道开展活动。", home_city="4101").district is None


def test_a_street_of_the_papers_city_in_the_title_counts_as_the_titles_place() -> None:
    # 1012 (fresh): 郑港办事处人员送他回家, a man found in 航空港区 and taken home to 舞钢市,
    # named twice: the headline's street says where the story is
    page = ("郑州晚报\n\n男子在外流浪近30年 郑港办事处人员送他回家\n\n本报讯 一名在外流浪近30年的男子，"
            "近日被航空港区郑港办事处精细化管理人员发现。工作人员找到了男子在舞钢市的家人。\n\n"
            "大队长立即联系舞钢市公安部门核实情况。\n")
    assert parse_text(page).articles[0].district == "航空港区"
    # with no street in the headline, the place named most stays
    assert parse_text(page.replace("郑港办事处人员", "好心人")).articles[0].district == "舞钢市"


@pytest.mark.parametrize(("page_line", "district"), [
    ("第X08版:新郑时报 城事 上一版3  4下一版", "新郑市"),      # 郑州晚报's pages of a district (1264)
    ("第M04版:中原时报 防汛救灾进行时 上一版3  4下一版", "中原区"),  # (1265)
    ("第A08版:郑州新闻 上一版3  4下一版", None),               # the city's pages: no district
])
def test_a_district_s_own_pages_file_an_article_that_names_no_place(page_line: str,
                                                                    district: str | None) -> None:
    page = (f"{page_line}\n\n社区志愿者冒雨清理积水\n\n"
            "本报讯 近日，社区志愿者冒雨清理路面积水，疏通下水道，保障居民出行安全。\n")
    document = parse_text(page)
    assert document.articles[0].district == district
    assert document.district == district


def test_an_article_naming_no_place_on_a_district_s_pages_is_that_district_s() -> None:
    # another article of the page names 金水区: the page's own district still files it
    document = parse_text("第X08版:新郑时报 城事 上一版3  4下一版\n\n社区志愿者冒雨清理积水\n\n"
                          "本报讯 近日，社区志愿者冒雨清理路面积水，疏通下水道。\n\n金水区开展活动\n\n"
                          "本报讯 近日，金水区组织居民开展文明创建活动。\n")
    assert [a.district for a in document.articles] == ["新郑市", "金水区"]



@pytest.mark.parametrize(("footer", "district"), [
    ("主办单位:罗山县人民政府 承办:罗山县人民政府办公室 电话:0376-2178559", "罗山县"),  # (1550)
    ("主办:中共重庆市綦江区委 重庆市綦江区人民政府 承办:重庆市綦江区融媒体中心", "綦江区"),  # (1506)
    ("主办单位:郑州市人民政府 承办:郑州市大数据管理局", None),     # a city's site: no county's
])
def test_a_county_governments_site_files_an_article_that_names_no_place(footer: str,
                                                                         district: str | None) -> None:
    page = ("灵山镇“暖心茶座”化解纠纷有妙招\n\n"
            "“三零”创建工作开展以来，镇综治中心设立“暖心茶座和事厅”，调解邻里纠纷160余起。\n\n"
            f"Copyright @ 2017 All Rights Reserved.\n{footer}\n")
    document = parse_text(page)
    assert document.articles[0].district == district
    # an article that names its county's neighbour stays the neighbour's
    named = parse_text(page.replace("镇综治中心", "光山县综治中心"))
    assert named.articles[0].district == "光山县"

"""Headlines as real pages print them: kicker, title and subtitle, a headline over two
lines or as a couplet, the index's copy, a place over the headline, a box's label."""
from __future__ import annotations

import pytest

from converters.parse.decks import couplet, headline_lines
from converters.parse.pipeline import document_from, parse_file, parse_text, read_roles
from converters.parse.units import Unit

from shapes import PAGES, as_labelled


def test_the_line_the_headline_index_lists_is_the_title() -> None:
    page = ("第A06版:郑州时政 上一版3  4下一版\n新铺盲道,先请盲人试走\n布厂街不堵了\n下月起10种疫苗可免费打\n"
            "返回主页 | 郑州晚报 | 标题导航 | 郑州日报\n上一期  下一期\n布厂街不堵了\n二道街和一厂中街正在整治\n\n"
            "□晚报记者 汪永森\n\n本报讯 布厂街的占道经营问题解决了，二道街和一厂中街正在整治。\n")
    article = parse_text(page).articles[0]
    assert (article.kicker, article.title, article.subtitle) == (None, "布厂街不堵了", "二道街和一厂中街正在整治")


@pytest.mark.parametrize(("lines", "title"), [
    (["襄城县湛北乡北姚社区", "樱桃红了 游客采摘正当时"], ["樱桃红了 游客采摘正当时"]),  # a place alone
    (["喜看家园新面貌", "洛龙区穆庄村：家家种花草"], ["洛龙区穆庄村：家家种花草"]),      # place-led
    (["事业有成回报家乡", "捐资修路众口称赞"], ["事业有成回报家乡", "捐资修路众口称赞"]),  # two halves
    (["西流湖生态公园南区", "昨天新增乔灌木2000余株"], ["西流湖生态公园南区", "昨天新增乔灌木2000余株"]),
])
def test_which_of_the_lines_read_as_title_make_the_headline(lines: list, title: list) -> None:
    units = [Unit(text, 3 + 2 * i, 3 + 2 * i, length=len(text), hint="title")
             for i, text in enumerate(lines)]
    chosen, others = headline_lines(units, "")
    assert [u.text for u in chosen] == title
    assert [u.text for u in others] == [t for t in lines if t not in title]


def test_a_line_of_two_phrases_is_no_half_of_a_headline() -> None:
    # y04: 扎根新土地 开启新生活 is a headline of its own; the surer line is the title
    kicker, title = (Unit(text, n, n, length=len(text), hint="title", confidence=c) for text, n, c in
                     (("扎根新土地 开启新生活", 7, 0.4), ("力洋镇钦寸水库移民乐当新宁海人", 8, 0.6)))
    assert headline_lines([kicker, title], "") == ([title], [kicker])


@pytest.mark.parametrize(("page", "title", "subtitle"), [
    (("第J03版:社区报 国基·关注 上一版3  4下一版\n国基路街道有“妙招”\n点线面全覆盖 织密防电信诈骗“安全网”\n"
      "巾帼志愿服务 助力文明城市创建\n\n返回主页 | 郑州晚报 | 标题导航 | 郑州日报\n上一期  下一期\n"
      "国基路街道有“妙招”\n\n无主管楼院治理 居民担纲“主角”\n\n"
      "本报讯 无主管楼院整治提升关系到居民的切实利益。国基路街道探索居民自治。\n\n"
      "让居民“动起来”。零距离开展无主管楼院民意调查。\n"),
     "国基路街道有“妙招”", "无主管楼院治理 居民担纲“主角”"),
    # 182: 20台水泵送到村头 alone in the headline index, then over 市委办公厅解农民燃眉之急
    # in the navigation's copy (listed more often: the title), was joined with it
    (("我市再施人工增雨\n20台水泵送到村头\n\n返回主页 | 郑州日报 | 版面导航 |\n"
      "3上一篇  下一篇4      【打印】\n20台水泵送到村头\n市委办公厅解农民燃眉之急\n\n"
      "20台水泵送到村头\n\n市委办公厅解农民燃眉之急\n\n"
      "本报讯(记者 王亚楼 通讯员 新瑞)2月15日上午，20台水泵送到了巩义米河镇。\n"),
     "20台水泵送到村头", "市委办公厅解农民燃眉之急"),
])
def test_of_two_title_lines_the_one_the_index_lists_is_the_title(page: str, title: str,
                                                                  subtitle: str) -> None:
    article = parse_text(page).articles[0]
    assert (article.title, article.subtitle) == (title, subtitle)


@pytest.mark.parametrize(("name", "kicker", "title"), [
    ("l01", "家园问题回头看", "洛龙区李屯村： 清理垃圾带 面貌有改观"),
    ("d01", "家园问题回头看", "高新区滹沱村：清运垃圾 完善设施"),
    ("t01", "走进家园看问题", "洛宁县冀庄村：表里不一 垃圾遍地"),
])
def test_a_column_s_name_over_a_place_led_headline_is_its_kicker(name: str, kicker: str,
                                                                   title: str) -> None:
    # the page's index lists the column's name, not the headline
    article = parse_file(PAGES / f"{name}.txt").articles[0]
    assert (article.kicker, article.title, article.subtitle) == (kicker, title, None)


def test_items_headlined_by_their_place_are_articles_of_their_own() -> None:
    # z09: a column's items, each headlined 区…社区：…, none with a dateline
    page = ("开栏的话：走寻常巷陌，著百姓文章。本栏目记录书记足迹，汇聚治理智慧。\n"
            "市南区金门路街道逍遥社区：搭建家校社协同育人平台\n"
            "为深入推进社区教育节，逍遥社区举办读书会活动，三十余名居民参加。\n"
            "市北区大港街道普吉社区：指尖传承唇间雅韵——古法口脂手作体验课\n"
            "11月27日，普吉社区开展古法口脂手作体验课，居民们兴致勃勃。\n")
    titles = [a.title for a in parse_text(page).articles]
    assert titles[-2:] == ["市南区金门路街道逍遥社区：搭建家校社协同育人平台",
                           "市北区大港街道普吉社区：指尖传承唇间雅韵——古法口脂手作体验课"]


def test_a_headline_s_decoration_is_no_part_of_it() -> None:
    article = parse_text("第05版：要闻\n\n• 顺义村规民约“润”乡风\n\n本报讯（记者 张三）近日，"
                         "顺义区赵全营镇修订村规民约。\n").articles[0]
    assert article.title == "顺义村规民约“润”乡风"


def test_an_untitled_article_takes_the_headline_the_model_took_for_chrome() -> None:
    # k01: the headline stands among the page's chrome, over a jump line (》》》上接01版)
    document = parse_file(PAGES / "k01.txt")
    assert document.articles[0].title == "脚步丈量文明成效 实地感知建设成果"
    assert "脚步丈量文明成效 实地感知建设成果" not in document.dropped
    assert "》》》上接01版" in document.dropped
    # with no headline-shaped line just above it (only a page line), none is made up
    for name in ("p10", "e07", "k11"):
        assert parse_file(PAGES / f"{name}.txt").articles[0].title is None, name


@pytest.mark.parametrize(("page", "title", "subtitle", "lead"), [
    ("为了能早日脱贫\n——叶县各界十一假期坚持扶贫掠影\n\n今年十一长假，尽管下着雨，但是叶县各界"
     "放弃假日，以不同的方式坚守在扶贫一线。\n\n常村镇在外务工人员多。\n",
     "为了能早日脱贫", "叶县各界十一假期坚持扶贫掠影", "今年十一长假"),   # l03's deck
    ("第03版：县区新闻\n\n村里来了新书记\n——记原阳县陡门乡回湾村第一书记\n今年以来，回湾村的变化"
     "大家有目共睹，村民们说这都是新书记带来的。\n\n村民王大爷说，路修好了，灯也亮了。\n",
     "村里来了新书记", "记原阳县陡门乡回湾村第一书记", "今年以来"),
])
def test_a_line_led_by_a_dash_under_the_headline_is_its_subtitle(
        page: str, title: str, subtitle: str, lead: str) -> None:
    article = parse_text(page).articles[0]
    assert (article.title, article.subtitle) == (title, subtitle)
    assert article.paragraphs[0].text.startswith(lead)


@pytest.mark.parametrize("between", ["", "2019-07-13 来源：新郑市农委\n\n"])
def test_a_short_first_line_that_ends_no_sentence_is_the_headline_over_the_text(between: str) -> None:
    # 906, 119: a government site's long headline, read as text, was joined to the lead
    headline = "郑州市农委党组书记、主任樊惠林一行到我市督导扶贫和乡村振兴工作"
    page = (f"{headline}\n\n{between}2019年7月12日，郑州市农委党组书记、主任樊惠林一行到我市督导"
            "扶贫和乡村振兴工作。\n\n樊惠林一行首先到辛店镇史庄村，听取了扶贫工作汇报。\n\n"
            "随后，一行人来到我市新村镇梨园村查看了乡村振兴工作。\n")
    article = parse_text(page).articles[0]
    assert article.title == headline and article.paragraphs[0].text.startswith("2019年7月12日")


def test_a_lone_subtitle_takes_the_headline_above_it_that_the_model_took_for_chrome() -> None:
    # 604: the headline over a news site's dash-led subtitle was read as chrome
    article = parse_file(PAGES / "604.txt").articles[0]
    assert (article.title, article.subtitle) == ("诗情画意田园梦", "南乐县宋耿落村走笔")
    # with no headline-shaped line above it, the subtitle is the headline
    article = parse_text("首页 > 新闻 > 县区油田 > 正文\n\n——南乐县宋耿落村走笔\n\n"
                         "9月16日，南乐县福堪镇，驱车穿越熙攘的集市向南，便到了宋耿落村。\n").articles[0]
    assert article.title == "南乐县宋耿落村走笔"


def test_a_line_led_by_a_dash_in_the_text_stays_text() -> None:
    article = parse_text("坚持三条主线\n\n本报讯 该区提出三项举措。\n\n——加强组织领导\n\n"
                         "——强化宣传引导，营造浓厚氛围。\n").articles[0]
    assert article.subtitle is None
    assert "——加强组织领导" in article.paragraphs[-1].text


def test_a_place_and_colon_in_the_page_s_index_is_no_kicker_of_the_article() -> None:
    # 114: 产业集聚区： / 新郑经济增长新极 is another article's deck, in the headline index
    article = parse_file(PAGES / "114.txt").articles[0]
    assert (article.kicker, article.title) == (None, "交通重点工程建设 协调沟通加速进度")


def test_a_place_named_over_the_headline_with_a_colon_is_its_kicker() -> None:
    article = parse_text("枚乘街道：\n\n扫雪除冰保畅通 齐心协力护平安\n\n"
                         "本报讯 连日来，枚乘街道组织志愿者开展扫雪除冰行动。\n").articles[0]
    assert (article.kicker, article.title) == ("枚乘街道：", "扫雪除冰保畅通 齐心协力护平安")
    # the two lines together at a page's top, and a lead without 本报讯 (o17)
    article = parse_text("第11版:郑州之治 PDF版阅读\n\n二七区建中街街道庆丰社区:\n"
                         "微网格治理办实事 “义修哥”温暖万户心\n\n"
                         "“常队长,我家燃气灶打不着火了,能不能来帮忙看看?”每天,社区网格微信群里,"
                         "总能看到这样的求助消息。\n\n他们,就是庆丰社区家喻户晓的“义修哥”志愿服务队。\n"
                         ).articles[0]
    assert (article.kicker, article.title) == ("二七区建中街街道庆丰社区：",
                                               "微网格治理办实事 “义修哥”温暖万户心")


@pytest.mark.parametrize("label", ["核心提示", "编者按"])
def test_the_label_of_a_box_is_never_the_headline(label: str) -> None:
    article = parse_text(f"心安之处是故乡\n\n{label}\n\n县域治，天下安。新郑市持续推进基层治理。\n\n"
                         "正值周末，龙湖镇迎来客流高峰。\n").articles[0]
    assert article.title == "心安之处是故乡"


def test_a_phrase_ending_in_a_town_word_is_no_section_label() -> None:
    document = parse_text("心安之处是故乡\n\n本报讯 县域治，天下安。新郑市持续推进基层治理。\n")
    assert document.sections == () and document.articles[0].title == "心安之处是故乡"


@pytest.mark.parametrize(("name", "title"), [
    ("n05", "事业有成回报家乡 捐资修路众口称赞"), ("122", "公厕接连关门 市民如厕犯难")])
def test_a_headline_set_as_a_couplet_is_one_title(name: str, title: str) -> None:
    # two deck lines of one length the model read as kicker and title, or title and
    # subtitle: one headline printed over two lines
    article = parse_file(PAGES / f"{name}.txt").articles[0]
    assert (article.kicker, article.title, article.subtitle) == (None, title, None)


@pytest.mark.parametrize(("first", "second", "halves"), [
    ("百叟家宴齐欢聚", "敬老风尚满乡间", True), ("添些粮油，献些爱心", "备好年货，过个好年", True),
    ("灵宝市苏村乡：", "食堂香气润文明", False),       # a place and a colon: a kicker
    ("襄城县湛北乡", "樱桃红了游客来", False),         # a place alone
    ("多策并举 确保效果", "荥阳2.4万人脱贫", False),   # two phrases
    ("“一村一策”", "通城推进乡村振兴", False),        # lengths differ
    ("•", "■", False), ("甲", "乙", False),           # marks alone, single characters
])
def test_which_two_lines_are_a_couplet(first: str, second: str, halves: bool) -> None:
    assert couplet(first, second) is halves


@pytest.mark.parametrize(("name", "kicker", "title"), [
    ("201", "花园口镇上下动员", "综合整治城郊村环境"),
    ("125", "关爱农村留守儿童学习生活", "新郑第15家“儿童之家”揭牌")])
def test_the_half_the_index_lists_alone_is_the_title(name: str, kicker: str, title: str) -> None:
    # the navigation's copy prints both deck lines together, the page's index the title
    # alone: a kicker over its title, not two halves of one headline
    article = parse_file(PAGES / f"{name}.txt").articles[0]
    assert (article.kicker, article.title) == (kicker, title)


@pytest.mark.parametrize("called", ["subtitle", "subhead", "kicker"])
def test_a_headlines_copy_is_no_subtitle_whatever_the_model_called_it(called: str) -> None:
    # v05, read by a model that had not seen it: the headline, the site's summary, the
    # headline again (called a subhead), the source line, the text
    page = ("三义寨乡刷新乡村“颜值” 打造美丽乡村\n\n三义寨乡刷新乡村“颜值” 打造美丽乡村\n\n"
            "全媒体记者鲁杰报道 近日，兰考县三义寨乡开展“人居环境大提升”活动。\n\n"
            "陈宣陶在致辞中表示，要让村民的居住环境更加干净卫生。\n")
    read_page = read_roles(page)
    units = read_page.units
    units[0].hint, units[0].role = "title", "heading"
    units[1].hint, units[1].role = called, "heading"
    article = document_from(read_page, "v05.txt").articles[0]
    assert (article.kicker, article.title, article.subtitle) == (
        None, "三义寨乡刷新乡村“颜值” 打造美丽乡村", None)


def test_a_box_label_under_the_headline_opens_the_text() -> None:
    # n03: ➡记者手记 under the headline; g12: 编者按 — the label of a box, no subtitle
    article = parse_file(PAGES / "n03.txt").articles[0]
    assert (article.title, article.subtitle) == ("“民心工程”也是“政绩工程”", None)
    assert (article.body[0].kind, article.body[0].text) == ("subhead", "➡记者手记")
    assert parse_file(PAGES / "g12.txt").articles[0].subtitle != "编者按"


def test_a_series_number_is_never_the_headline() -> None:
    # g12, read by a model that had not seen it: 之 一 (the first of a series) over an
    # untitled text taken for its title
    page = ("本报记者 朱 华 史治国\n\n之 一\n\n编者按\n\n省会也有贫困人口？不但有，而且郑州市将扶贫列为重点。\n\n"
            "盛夏的中午，一行人驱车来到大山深处。\n")
    article = document_from(as_labelled(page, ["byline", "title", "subhead", "body", "body"]),
                            "g12.txt").articles[0]
    assert (article.kicker, article.title) == ("之 一", None)
    # the series' line over the headline is its kicker, whatever the model called it
    page = "巩义经济社会发展系列报道之三\n\n巨笔如椽绘新城\n\n本报讯 今年以来，巩义市加快新城建设。\n"
    article = document_from(as_labelled(page, ["title", "title", "body"]), "192.txt").articles[0]
    assert (article.kicker, article.title) == ("巩义经济社会发展系列报道之三", "巨笔如椽绘新城")


def test_a_columns_label_led_by_a_mark_is_never_the_headline() -> None:
    # 325 (fresh): ■基层聚焦 over the deck, printed in the index too, taken for the title
    # and the headline under it dropped
    page = "■基层聚焦\n\n无烟日宣传活动\n\n本报讯 5月31日上午，新郑市龙湖镇开展宣传活动。\n"
    article = document_from(as_labelled(page, ["title", "title", "body"]), "325.txt").articles[0]
    assert (article.kicker, article.title) == ("基层聚焦", "无烟日宣传活动")  # (its mark undone)


def test_a_sites_label_is_not_taken_back_as_the_headline() -> None:
    # 367 (fresh): the headline read as chrome, and 郑州日报 原创 under it, dropped as the
    # site's label, taken back as the nearest headline-shaped line over the text
    page = ("郑州经开区前程办事处锦程社区：粽叶飘香迎端午 邻里同心庆佳节\n\n郑州日报 原创\n\n2025-05-30 12:28\n\n"
            "郑报全媒体记者  董茜\n\n为弘扬中华传统文化，营造浓厚节日氛围，社区开展包粽子活动。\n\n"
            "活动伊始，社区工作人员早早准备好糯米、粽叶。\n")
    article = document_from(as_labelled(page, ["chrome", "chrome", "chrome", "byline", "body", "body"]),
                            "367.txt").articles[0]
    assert article.title == "郑州经开区前程办事处锦程社区：粽叶飘香迎端午 邻里同心庆佳节"


def test_the_pages_archive_record_names_the_title() -> None:
    # u09, read by a model that had not seen its site: the title under its subtitle read as
    # kicker and title; the page's archive record (a comment of its publishing system)
    # names the title
    page = ("载歌载舞共迎“壮族三月三”\n\n万秀区组织丰富民俗文化活动营造节日氛围\n\n"
            "本报讯 连日来，万秀区各地开展丰富多彩的民俗文化活动。\n\n"
            "--> 2023-04-13 黎海平 陈宇平 万秀区组织丰富民俗文化活动营造节日氛围 1 1 梧州日报 "
            "content_50684.html 1 载歌载舞共迎“壮族三月三” /enpproperty-->\n")
    labels = ["kicker", "title", "body", "chrome"]
    article = document_from(as_labelled(page, labels), "u09.txt").articles[0]
    assert (article.kicker, article.title, article.subtitle) == (
        None, "载歌载舞共迎“壮族三月三”", "万秀区组织丰富民俗文化活动营造节日氛围")
    # without the record, the model's reading stands
    page = page[:page.index("-->")]
    article = document_from(as_labelled(page, labels[:3]), "u09.txt").articles[0]
    assert article.title == "万秀区组织丰富民俗文化活动营造节日氛围"


def test_a_place_with_its_colon_over_the_headline_stays_its_kicker() -> None:
    # 143: 金水区： over the headline, both printed together in the index and the
    # navigation's copy, was joined to the headline as its first half
    index = "金水区:\n在全市率先将学前教育纳入政府职责\n登封市:\n建设中原经济区休闲度假中心\n\n"
    page = (index + "返回主页 | 郑州晚报 | 版面导航 |\n下一篇4      【打印】\n" + index.split("登封")[0]
            + "\n金水区:\n\n在全市率先将学前教育纳入政府职责\n\n“今年明显感觉小学就学压力很大。”赵书贤说。\n")
    read_page = read_roles(page)
    article = document_from(read_page, "143.txt").articles[0]
    assert (article.kicker, article.title) == ("金水区：", "在全市率先将学前教育纳入政府职责")


def test_a_street_right_over_its_headline_is_its_kicker_not_a_section() -> None:
    # 210: each street printed right over its article's headline, read as section labels
    page = ("管城区二里岗街道\n拆除大型违法建筑\n本报讯 为提高城市综合管理水平，街道拆除违建。\n"
            "中原区林山寨街道\n拆除伊河路违建\n本报讯 22日，中原区林山寨街道组织拆除违建。\n")
    labels = ["section", "title", "body", "section", "title", "body"]
    document = document_from(as_labelled(page, labels), "210.txt")
    assert [(a.kicker, a.title, a.section) for a in document.articles] == [
        ("管城区二里岗街道", "拆除大型违法建筑", None), ("中原区林山寨街道", "拆除伊河路违建", None)]
    # set apart by blank lines, over its articles, a street is their section
    page = page.replace("街道\n", "街道\n\n").replace("建筑\n", "建筑\n\n").replace("违建\n本", "违建\n\n本")
    document = document_from(as_labelled(page, labels), "210.txt")
    assert [a.section for a in document.articles] == ["管城区二里岗街道", "中原区林山寨街道"]


def test_the_headline_printed_again_over_two_lines_is_a_copy() -> None:
    # 116: the headline, then again over two lines, the first half read as a subtitle
    page = ("郑州东站新增非机动车 停车位1600多个\n\n郑州东站新增非机动车\n\n停车位1600多个\n\n"
            "本报讯 共享单车为郑州东站周边上班、居住的人带来方便。\n")
    document = document_from(as_labelled(page, ["title", "subtitle", "title", "body"]), "116.txt")
    article = document.articles[0]
    assert (article.title, article.subtitle) == ("郑州东站新增非机动车 停车位1600多个", None)
    assert "郑州东站新增非机动车" in document.dropped


def test_a_lone_line_over_a_lead_with_no_headline_is_its_headline() -> None:
    # 375 (fresh): a news site's page with no blank line and no source line: the
    # headline, read as text, was dropped as a headline list's line
    page = ("九九重阳秋意浓,敬老爱老暖人心——郑州48中入团积极分子热心参与社区志愿服务活动\n"
            "中原网讯(赵文源)仲秋时节,金风送爽。学生志愿者来到二七区王胡砦社区颐养安居中心。\n"
            "来到社区颐养中心后,学生志愿者们分为供餐组和服务组,马上投入工作。\n")
    document = document_from(as_labelled(page, ["body", "body", "body"]), "375.txt")
    (article,) = document.articles
    assert article.title.startswith("九九重阳秋意浓，敬老爱老暖人心——郑州48中")
    assert article.dateline == "中原网讯" and len(article.body) == 2
    # a line that ends a sentence is no headline
    sentence = page.replace("志愿服务活动\n", "志愿服务活动。\n", 1)
    document = document_from(as_labelled(sentence, ["body", "body", "body"]), "375.txt")
    assert all(a.title is None or not a.title.startswith("九九") for a in document.articles)


def test_a_places_party_branch_over_the_headline_is_its_kicker() -> None:
    # 963 (fresh): 长葛市后河镇王买村党支部 / 壮大村集体经济 带动村民奔小康, read as title and subtitle
    page = ("长葛市后河镇王买村党支部\n\n壮大村集体经济 带动村民奔小康\n\n"
            "本报讯(记者 王金伟 通讯员 辛明磊)近年来，王买村党支部带领群众发展产业。\n")
    article = document_from(as_labelled(page, ["title", "subtitle", "body"]), "963.txt").articles[0]
    assert (article.kicker, article.title, article.subtitle) == (
        "长葛市后河镇王买村党支部", "壮大村集体经济 带动村民奔小康", None)


def test_a_kicker_named_in_a_sentence_of_the_chrome_is_not_listed_there() -> None:
    # 1098 (fresh, 茂名): the text printed twice, its first copy read as chrome; the kicker
    # 茂南区镇盛镇, found inside that copy's first sentence, was taken for the headline the
    # page names elsewhere, and the headline became its subtitle
    lead = "近日，茂南区镇盛镇白沙第二届“村BA”篮球赛在白沙村篮球场圆满闭幕。"
    page = (f"茂南区镇盛镇\n白沙第二届“村BA”篮球赛闭幕\n■通讯员 苏万里\n{lead}\n"
            f"■通讯员 苏万里\n本报讯{lead}\n来自该镇的140名青年村民参与赛事。\n")
    labels = ["kicker", "title", "byline", "chrome", "byline", "body", "body"]
    article = document_from(as_labelled(page, labels), "1098.txt").articles[0]
    assert (article.kicker, article.title) == ("茂南区镇盛镇", "白沙第二届“村BA”篮球赛闭幕")


def test_a_headline_line_the_model_calls_a_byline_is_no_text() -> None:
    # 1290: 月饼为媒 爱满中非 under its kicker names no one: no byline, and not the text's start
    page = ("“漫步中国·郑州行” 中非媒体联合采访活动走进惠济区\n月饼为媒 爱满中非\n"
            "9月5日上午,“漫步中国·郑州行”中非媒体联合采访活动走进惠济区,来自非洲多国的媒体记者在黄河岸边取景拍摄。\n"
            "在观景台上,来自非洲的媒体队伍在这里取景拍摄,并倾听黄河治理的故事。\n")
    article = parse_text(page).articles[0]
    assert article.paragraphs[0].text.startswith("9月5日上午")
    assert all("月饼为媒" not in p.text for p in article.paragraphs)

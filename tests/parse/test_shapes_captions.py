"""Photo captions as real pages print them: between the headline and the text, over a
photographer's credit, numbered, marked."""
from __future__ import annotations

import pytest

from converters.parse.pipeline import document_from, parse_file, parse_text, read_roles
from converters.parse.roles import assign

from shapes import PAGES, as_labelled


def test_photo_captions_are_not_body_text() -> None:
    article = parse_file(PAGES / "29.txt").articles[0]
    assert article.captions[:3] == ("上阵母子兵。", "我们脏了，路面净了。", "小记者忙不停。")
    assert article.paragraphs[0].text.startswith("创建全国文明城市")
    assert {str(c) for c in article.other_bylines} >= {"摄影 丁友明", "实习生 马真"}


@pytest.mark.parametrize("caption", [
    "郭韬（右）与温国栋查看红薯长势", "中岳庙会盛况再现（资料图片）", "图为村民在驾驶插秧机进行秧苗移栽作业。",
    "天兴班大院内观看戏曲表演崔敬摄", "1921年建造的老吴桥。李贵标 摄",               # its photographer's credit
    "社区义务巡逻队守护居民安全 郑报全媒体记者 周甬 摄",                      # ... and the role
    # a long one, with the credit glued (701)
    "新县陈店乡高湾村党支部书记、柴山保茶叶种植农民专业合作社董事长吴卫国（左一）向客人介绍合作社茶叶生产情况。"
    " 本报记者 赵雪峰 摄",
    "↓赵峰在自家的后院喜摘柿子。",                                   # an arrow to its picture (1127)
    "孩子们挑选读物认真阅读。通讯员供图",                                  # who gave the picture (1210)
    "新砦遗址出土3800年前彩绘陶鸟 新华社发",                              # the agency that sent it (1288)
    "近日，志愿者对卫生死角等进行集中清理。（大塘街道供图）",                # ... in brackets (1337)
    # ... however long
    "←赵民在自制的去皮机前削柿子皮。目前柿子皮没有什么销路，以往都是扔掉，赵民说如果能找到"
    "好的销路，柿子皮也能变成钱，他想明年试一试。",
])
def test_a_caption_s_marks_make_it_one_wherever_it_stands(caption: str) -> None:
    # between the headline and the lead, where a subtitle or the title would stand
    page = (f"第07版:县区新闻 PDF版阅读\n\n驻村书记手绘6张地图\n\n{caption}\n\n"
            "本报讯（记者 李晓光）金秋十月，红薯喜获丰收。郭韬时常望着田里的红薯。\n\n"
            "“咱村第一年种植红薯新品种，今年的收益直接影响村民的积极性。”郭韬说。\n")
    article = parse_text(page).articles[0]
    assert (article.title, article.subtitle, article.captions) == ("驻村书记手绘6张地图", None, (caption,))
    # and under the text, where it would be read as its last paragraph
    page = ("驻村书记手绘6张地图\n\n本报讯（记者 李晓光）金秋十月，红薯喜获丰收。郭韬时常望着田里的红薯。\n\n"
            f"“咱村第一年种植红薯新品种，今年的收益直接影响村民的积极性。”郭韬说。\n\n{caption}\n")
    article = parse_text(page).articles[0]
    assert article.paragraphs[-1].text.endswith("郭韬说。") and article.captions == (caption,)


def test_a_numbered_pictures_caption_is_never_the_headline() -> None:
    # i07, read by a model that had seen no page of its site: ⑤守护孩子出行安全 over the
    # text taken for its headline
    page = "⑤守护孩子出行安全\n\n1月19日，一场瑞雪如约而至。全市各部门迅速行动，保障群众出行安全。\n"
    read_page = read_roles(page)
    assign(read_page.units, ["title", "body"])
    article = document_from(read_page, "i07.txt").articles[0]
    assert article.title != "⑤守护孩子出行安全"
    assert "⑤守护孩子出行安全" in article.captions


def test_a_numbered_pictures_caption_is_no_headline_above_the_text_either() -> None:
    # i07, read by a model that had not seen its site: the pictures' numbers and
    # captions over an untitled text, ②监测电力设备 read as chrome, then taken back as
    # the nearest headline-shaped line above the text
    page = ("②\n①\n⑤ ①雪趣\n②监测电力设备\n③环卫人员除雪除冰\n\n本报记者 张玲 周梦 文/图\n\n"
            "1月19日，一场瑞雪如约而至，为南阳披上银装。\n\n清晨，城区主次干道很快被白雪覆盖。\n")
    read_page = read_roles(page)
    assign(read_page.units, ["chrome", "chrome", "chrome", "chrome", "caption", "byline",
                             "body", "body"])
    article = document_from(read_page, "i07.txt").articles[0]
    assert article.title is None
    assert article.paragraphs[0].text.startswith("1月19日")


def test_the_line_over_a_photographers_credit_is_the_pictures_caption() -> None:
    # p04, read by a model that had not seen its site: the caption between the headline
    # and the photographer's credit read as the title, the headline as its kicker
    page = ("“幸福路”修到家门口\n\n卫辉市李源屯镇后李庄村正在抓紧硬化入户路面\n新乡日报全媒体记者 赵云 摄\n\n"
            "为了保证工程质量，卫辉市聘请了专业监理。\n\n坚实的水泥路平坦畅通。\n")
    labels = ["kicker", "title", "byline", "body", "body"]
    article = document_from(as_labelled(page, labels), "p04.txt").articles[0]
    assert (article.kicker, article.title) == (None, "“幸福路”修到家门口")
    assert article.captions == ("卫辉市李源屯镇后李庄村正在抓紧硬化入户路面",)
    assert [str(c) for c in article.other_bylines] == ["摄影 赵云"]
    # a reporter's credit under the deck is the article's byline: the deck stays whole
    page = page.replace("新乡日报全媒体记者 赵云 摄", "新乡日报全媒体记者 赵云")
    article = document_from(as_labelled(page, labels), "p04.txt").articles[0]
    assert (article.kicker, article.title) == ("“幸福路”修到家门口", "卫辉市李源屯镇后李庄村正在抓紧硬化入户路面")


def test_a_couplets_second_half_is_no_caption() -> None:
    # 122 and 203: the second half of a headline set as a couplet, read by the model as the
    # caption of a picture under the headline
    page = "公厕接连关门\n\n市民如厕犯难\n\n“高铁沿线下面两个公厕都贴着停水停电通知。”网友反映。\n"
    article = document_from(as_labelled(page, ["title", "caption", "body"]), "122.txt").articles[0]
    assert (article.title, article.captions) == ("公厕接连关门 市民如厕犯难", ())
    # of one length in characters, the quotation marks left out (378, fresh)
    page2 = "简办“红白事”\n\n遍开文明花\n\n本报讯(记者 卢文军)“这几年，村里的红白事简单多了。”村民说。\n"
    article = document_from(as_labelled(page2, ["title", "caption", "body"]), "378.txt").articles[0]
    assert (article.title, article.captions) == ("简办“红白事” 遍开文明花", ())
    # a caption of another length stays one
    page = page.replace("市民如厕犯难", "市民在公厕门前")
    article = document_from(as_labelled(page, ["title", "caption", "body"]), "122.txt").articles[0]
    assert (article.title, article.captions) == ("公厕接连关门", ("市民在公厕门前",))


def test_a_line_led_by_a_dash_under_the_headline_is_its_subtitle_not_a_caption() -> None:
    # 1133 (fresh, 郑州日报): ——药材变“药财”的故事正在登封发生, read by the model as the
    # picture's caption, as the real caption under it is
    page = ("感受乡村新脉动\n嵩山中草药成致富“千金方”\n——药材变“药财”的故事正在登封发生\n"
            "登封中草药种植历史悠久(受访者供图)\n\n本报记者 李晓光\n\n春分时节，万物生发，嵩岳大地春意盎然。\n")
    labels = ["kicker", "title", "caption", "caption", "byline", "body"]
    article = document_from(as_labelled(page, labels), "1133.txt").articles[0]
    assert (article.title, article.subtitle) == ("嵩山中草药成致富“千金方”", "药材变“药财”的故事正在登封发生")
    assert article.captions == ("登封中草药种植历史悠久（受访者供图）",)


def test_a_longer_caption_between_the_headline_and_a_dateline_is_no_article() -> None:
    # 187: a caption of 32 characters over the lead with its dateline, read as an article
    page = ("商水县张庄乡助农抢收小麦保丰收\n\n6月1日,张庄乡刘村村民在村干部指导帮助下,趁晴好天气抢收小麦。\n\n"
            "中华龙都网讯(周口报业全媒体记者 刘琰 通讯员 刘耀辉)商水县张庄乡在三夏生产中及早安排。\n")
    document = parse_text(page)
    assert len(document.articles) == 1
    article = document.articles[0]
    assert article.title == "商水县张庄乡助农抢收小麦保丰收" and article.reporters == ("刘琰",)
    assert article.captions == ("6月1日，张庄乡刘村村民在村干部指导帮助下，趁晴好天气抢收小麦。",)


def test_peoples_words_opening_the_text_are_text_not_captions() -> None:
    # 1308: a feature opens with what people said at the feast, then an ellipsis
    page = ("同品“百家宴” 共话邻里情\n■ 本报记者 闫振\n本报通讯员 王鑫 邱琦\n“快来尝尝我烧的鲈鱼!”\n"
            "“这两只大公鸡我炖了一个多小时了,味道如何?”\n“这几个菜都是我自己做的!”\n……\n"
            "5月18日,开发区绿城百合新城小区广场上传出阵阵欢声笑语。\n"
            "这是开发区东城街道大胡社区举办的第二届“浓情邻里节”百家宴活动。\n")
    article = parse_text(page).articles[0]
    assert article.paragraphs[0].text.startswith("“快来尝尝")
    assert not article.captions

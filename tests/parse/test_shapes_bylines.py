"""Bylines and datelines as real pages print them: roles, names spaced or run together, a
byline glued to the text or split over lines, what the writers did (文/图, 整理)."""
from __future__ import annotations

import pytest

from converters.parse.bylines import parse_byline
from converters.parse.glued import split_glued
from converters.parse.pipeline import document_from, parse_file, parse_text

from shapes import PAGES, as_labelled


@pytest.mark.parametrize(("text", "reporters", "correspondents", "others"), [
    ("■本报记者 刘 招 通讯员 王 平", ["刘招"], ["王平"], []),                    # spaced names, mark
    ("记者张 燕 通讯员朱合兰", ["张燕"], ["朱合兰"], []),                  # glued, padded (1014)
    ("线索提供 李博 高翔", [], [], ["线索提供 李博", "线索提供 高翔"]),          # tipsters (1008)
    ("線索提供 李博 高翔", [], [], ["线索提供 李博", "线索提供 高翔"]),          # ... traditional
    ("登封融媒记者 崔帅 冯晓静", ["崔帅", "冯晓静"], [], []),          # a county newsroom's (1062)
    ("登封播报 刘俊苗", [], ["刘俊苗"], []),                # a page's column for the paper (1004)
    ("□晚报记者 周炜卿", ["周炜卿"], [], []),                                       # any outlet's 记者
    ("□东方今报·猛犸新闻记者 徐先友", ["徐先友"], [], []),
    ("晚报记者 汪永森 实习生 蔺洋 通讯员 苏伟东 文/图", ["汪永森"], ["苏伟东"],
     ["实习生 蔺洋"]),                                                                # three roles
    ("记者 裴其娟 安群英 梁晓 实习生 马真", ["裴其娟", "安群英", "梁晓"], [], ["实习生 马真"]),
    ("本栏图片由本报记者 丁友明 许大桥 李利强 摄", [], [],
     ["摄影 丁友明", "摄影 许大桥", "摄影 李利强"]),                                # photo credit
    ("特约记者胡江涛 通讯员严锋 摄", [], [], ["摄影 胡江涛", "摄影 严锋"]),
    ("摄影记者 张培坚", [], [], ["摄影 张培坚"]),
    ("(责任编辑:侯泳兰)", [], [], ["编辑 侯泳兰"]),                                  # an editor
    ("责编:王蕊莉", [], [], ["编辑 王蕊莉"]), ("审核人:余柯潘", [], [], ["编辑 余柯潘"]),  # (1440, 1441)
    ("庆元·本报通讯员 张建平 吴凌云", [], ["张建平", "吴凌云"], []),          # a place first (1455)
    ("□文/图 本报记者 杨 光", ["杨光"], [], []),                                     # credit first
    ("中牟时报 李淑娟", [], ["李淑娟"], []),                                         # paper for 通讯员
    ("□大河报 记者孟冉文图", ["孟冉"], [], []),
    ("郑报融媒记者 马燕 康迪/文 通讯员 陈利凯 周常剑/图", ["马燕", "康迪"], [],   # /图: they
     ["摄影 陈利凯", "摄影 周常剑"]),                                             # took the pictures
    ("郑州晚报记者 杨宜锦 通讯员 何朝阳/文图", ["杨宜锦"], ["何朝阳"], []),          # name/文图 (j05)
    ("郑报融媒 谢鹏飞 通讯员 刘雪梅", ["谢鹏飞"], ["刘雪梅"], []),              # the newsroom for 记者
    ("作者:本报记者 王学典", ["王学典"], [], []),                              # a site's label first
    ("作者:  张玲", ["张玲"], [], []),                                        # its writer alone
    ("（作者：深圳特区报记者 杜澎 通讯员 钟林 罗婷媚）", ["杜澎"], ["钟林", "罗婷媚"], []),
    ("全媒体记者 刘彦美 李珊 报道", ["刘彦美", "李珊"], [], []),               # ... 报道 closing it
    ("YMG全媒体记者 李松明", ["李松明"], [], []),                             # Latin in the outlet
    ("YMG全媒体记者 金海善 摄影报道", [], [], ["摄影 金海善"]),
    ("株洲晚报融媒体记者/周蒿", ["周蒿"], [], []),                            # a slash after the role
    ("□融媒体记者 陈明华 许奕梅 实习生 王炜煌 文/图", ["陈明华", "许奕梅"], [], ["实习生 王炜煌"]),
    ("周口日报•周道客户端记者张猛 张志新 通讯员王超平", ["张猛", "张志新"], ["王超平"], []),
    ("(记者 孙志刚 文 许大桥 图)", ["孙志刚"], [], ["摄影 许大桥"]),
    ("见习记者 荆丹丹 文 记者 杨力 图", ["荆丹丹"], [], ["摄影 杨力"]),       # a 记者 as photographer
    ("■本报记者 左丽慧 实习生 杜 泱 文 唐 强 图", ["左丽慧"], [],             # spaced names, then what
     ["实习生 杜泱", "摄影 唐强"]),                                            # each did (1318)
    ("记者 文 杰", ["文杰"], [], []),                                          # 文, a surname
    ("记者 欧阳 文 静", ["欧阳", "文静"], [], []),                             # ... after a name
    ("记者 杜泱 文 图", ["杜泱"], [], []),                                     # 文 图, spaced
    ("记者 张三 文 李四 摄", ["张三"], [], ["摄影 李四"]),                      # 摄 after a 文
    ("□晚报记者 石明顺 通讯员 贝宁 闫万平", ["石明顺"], ["贝宁", "闫万平"], []),  # 贝: a surname
    ("实习记者 张洁 薛天杰", [], [], ["实习生 张洁", "实习生 薛天杰"]),            # an intern who writes
    ("(张骞/文 张梦珠/图)", [], [], ["作者 张骞", "摄影 张梦珠"]),                  # names, what each did
    ("井娇摄影报道", [], [], ["摄影 井娇"]),                                          # a credit, no role
    ("陈占举 摄", [], [], ["摄影 陈占举"]),
    ("谢经岭 报道", [], [], ["作者 谢经岭"]),                        # names, then 报道 (1224)
    ("通讯员 李丹摄", [], [], ["摄影 李丹"]),                       # 摄 glued to the name (1162)
    ("(全媒体记者张慧琪摄影报道)", [], [], ["摄影 张慧琪"]),              # ... 摄影报道 (1187)
    ("□王 博", [], [], ["作者 王博"]),                                               # a byline's mark, a name
    ("□冷鹏 刘丹 文/图", [], [], ["作者 冷鹏", "作者 刘丹"]),                        # ... and what they did
    ("♣ 韩心泽", [], [], ["作者 韩心泽"]),                             # a card suit for the mark (1514)
    ("网络编辑:宋馨 审核:张建中 监制:刘杰", [], [], ["编辑 宋馨", "编辑 张建中", "编辑 刘杰"]),  # (1548)
    ("记者冯佳志通讯员闫春生张浩杰", ["冯佳志"], ["闫春生", "张浩杰"], []),        # two names, no space
    ("记者张鸿飞汝州市融媒体中心记者郭营战", ["张鸿飞", "郭营战"], [], []),       # a name, then an outlet
    ("融媒体中心通讯员李伟恒刘亚飞", [], ["李伟恒", "刘亚飞"], []),               # a county's newsroom
    ("[作者:记者 李萌 汪永森  编辑:赵静]", ["李萌", "汪永森"], [], ["编辑 赵静"]),   # a site's footer
    ("本报记者 卢文军 通讯员 刘家一郎 郝世杰 文/图", ["卢文军"], ["刘家一郎", "郝世杰"], []),  # four
    ("(于露刘梦琳通讯员刘荣荣)", [], ["刘荣荣"], ["作者 于露", "作者 刘梦琳"]),     # writers first
    ("(于露 刘梦琳 通讯员 刘荣荣)", [], ["刘荣荣"], ["作者 于露", "作者 刘梦琳"]),  # spaced writers
    ("赵玮 文/图 通讯员 马淇山", [], ["马淇山"], ["作者 赵玮"]),          # ... and what they did (1274)
    ("(记者 王亚楼 通讯员 伟良)", ["王亚楼"], ["伟良"], []),                          # a pen name last
    ("(通讯员晨光、肖兰兰)", [], ["晨光", "肖兰兰"], []),                        # ... or listed (u08)
    ("中原报业传媒集团全媒体新闻中心记者 张辉 卢文军", ["张辉", "卢文军"], [], []),  # a group's newsroom
    ("通讯员  赵春雅 文/", [], ["赵春雅"], []),                       # a credit cut off (119)
    ("□策划刘志松记者崔敬刘萌萌", ["崔敬", "刘萌萌"], [], ["策划 刘志松"]),           # a series' planner
    ("本报记者组", [], [], []),                                                       # the team
    ("本报记者 邵群峰 通讯员 路 畅    来源:商丘网—商丘日报", ["邵群峰"], ["路畅"], []),  # the site's source after it
])
def test_byline_shapes(text: str, reporters: list, correspondents: list, others: list) -> None:
    byline = parse_byline(text)
    assert byline is not None
    assert list(byline.reporters) == reporters
    assert list(byline.correspondents) == correspondents
    assert [str(c) for c in byline.others] == others


@pytest.mark.parametrize("text", ["记者核实:", "据记者了解", "他对记者说", "记者节活动", "新郑时报 报道",
                                  "本报讯（记者 张三）今天，天气好。", "(完)", "(图为村民)", "拍摄",
                                  "大家合影", "□温馨提示", "王 博", "(作者:云上黄石)", "金水区 | 二七区",
                                  "据记者报道", "新闻报道", "记者高度关注", "记者 高度关注",
                                  "记者 核实", "王强 记者", "通讯员 伟良 来了", "策划方案",
                                  "统筹 王强", "记者 调查、了解", "记者 核实、了解",
                                  "记者近日报道", "专题 报道", "谢经岭报道",   # a sentence, not 王敏报道
                                  "郑东融媒体中心 原创",                     # a site's label (308)
                                  "记者 张三·通讯员 李四"])       # an interpunct between credits: no place
def test_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


@pytest.mark.parametrize("paragraph", ["合影留念。大家纷纷拿出手机拍摄", "活动结束。志愿者们合影留念并拍摄",
                                       "活动现场气氛热烈。高空摄影",     # a kind of photography
                                       "村里很美。图为村民在拍摄", "活动结束。张华 李娜 现场拍摄",
                                       "活动结束。王芳 李娜 正在拍摄",
                                       "大家都说好。这里/图"])            # no surname: no name
def test_a_sentence_ending_in_摄_is_no_glued_credit(paragraph: str) -> None:
    assert split_glued(paragraph) == (paragraph, None)


@pytest.mark.parametrize("text", ["互联网通讯企业发展迅速。", "网讯科技公司成立。",
                                  # no place before 讯
                                  "特大喜讯传遍了全村，村民们纷纷赶来。",
                                  "故里简讯 近日，村里开展了志愿服务活动，村民们积极参与。",
                                  # a place, then a word with 讯 in it: a company, news
                                  "郑州讯飞公司负责人介绍，公司今年发展很快。",
                                  "洛阳讯息港正式开业，市民纷纷前往参观。",
                                  "报刊讯息纷纷传来，大家都很高兴。",
                                  # a site's name, then no place's channel
                                  "移动互联网通讯(5G)技术发展迅速。",
                                  # another site's news reported: no dateline of the page's
                                  "据人民网3月1日消息，今年全国新能源汽车销量持续增长。",
                                  "物联网3月1日消息称，行业规模继续扩大。"])
def test_not_datelines(text: str) -> None:
    assert parse_text("标题\n\n" + text).articles[0].dateline is None


def test_names_alone_closing_the_text_credit_its_writers() -> None:
    # n03: a 记者手记 signed with the name alone, under the last paragraph
    page = ("第12版：市县新闻\n\n民心工程也是政绩工程\n\n本报讯 新村镇把民心工程做到无缝对接的极致。\n\n"
            "道理很简单，老百姓首先关心的是身边的变化，具有一定的标本意义。\n\n党贺喜\n\n3上一篇  下一篇4\n")
    article = parse_text(page).articles[0]
    assert article.paragraphs[-1].text.endswith("具有一定的标本意义。")
    assert [str(c) for c in article.other_bylines] == ["作者 党贺喜"]
    assert not article.truncated
    # t06: the name glued after the last sentence
    article = parse_text(page.replace("标本意义。\n\n党贺喜", "标本意义。张焕存")).articles[0]
    assert article.paragraphs[-1].text.endswith("具有一定的标本意义。")
    assert [str(c) for c in article.other_bylines] == ["作者 张焕存"]
    # the page's last line: a page cut off inside 高村村民 credits no one
    document = parse_text("第12版：市县新闻\n\n环境卫生何时改变\n\n本报讯 紧挨石灰场是一条大沟，"
                          "已经侵占到排洪主道上。\n\n高村村\n")
    assert not document.articles[0].other_bylines
    assert "高村村" in document.articles[0].paragraphs[-1].text or "高村村" in document.dropped


@pytest.mark.parametrize(("paragraph", "kept", "names"), [
    ("社区一居民笑着说。晚报记者 董占卿", "社区一居民笑着说。", ["董占卿"]),       # glued at the end
    ("没有了积雪。     (记者 杨文静)", "没有了积雪。", ["杨文静"]),
    ("都很满意。（商 闻）", "都很满意。", ["作者 商闻"]),                        # initials in brackets
    ("解决子女暑期“看护难”问题。贺 海摄", "解决子女暑期“看护难”问题。", ["摄影 贺海"]),  # a photo's
    ("预计可增加收入80多万元。 赵春营 耿全昌 摄", "预计可增加收入80多万元。",        # two (1251)
     ["摄影 赵春营", "摄影 耿全昌"]),
    ("保障了粮食生产安全。张仁勇摄影报道", "保障了粮食生产安全。", ["摄影 张仁勇"]),    # (1328)
    ("预计月底可收割完成。■摄影 记者 冯树风", "预计月底可收割完成。", ["摄影 冯树风"]),  # (1367)
    ("逐步恢复水清岸绿景致。新郑时报李显文", "逐步恢复水清岸绿景致。", ["李显文"]),         # a paper's
    ("逐步恢复水清岸绿景致。 新郑时报 李显文 通讯员 张斌", "逐步恢复水清岸绿景致。", ["李显文", "张斌"]),
    ("资金困难。 (湛承兵 王 群)", "资金困难。", ["作者 湛承兵", "作者 王群"]),
    ("改善这里的环境。（本报记者）", "改善这里的环境。", []),                    # a byline naming no one
    ("到底是谁?(张骞/文 张梦珠/图)", "到底是谁?", ["作者 张骞", "摄影 张梦珠"]),
    ("地由内而外散发开来。文博/文 凌强/图", "地由内而外散发开来。", ["作者 文博", "摄影 凌强"]),  # (1479)
    ("亩产在700斤以上。(郭营战梁亚波)", "亩产在700斤以上。", ["作者 郭营战", "作者 梁亚波"]),  # unspaced (920)
    ("20日正式运行。(潘凡/文、摄)", "20日正式运行。", ["作者 潘凡"]),              # one did both (980)
    ("致富奔小康。(徐江垚郭伟摄)", "致富奔小康。", ["摄影 徐江垚", "摄影 郭伟"]),   # their pictures (1029)
    ("全部建成并投入使用。(理效明 刘巍 文/图)", "全部建成并投入使用。",             # what all did (1233)
     ["作者 理效明", "作者 刘巍"]),
    ("听取意见建议。本报记者_沈茜", "听取意见建议。", ["沈茜"]),                   # an underscore (1035)
    ("卫生变得干净整洁。记者昂莹莹文/图", "卫生变得干净整洁。", ["昂莹莹"]),      # a rare surname (1283)
])
def test_bylines_glued_to_the_end(paragraph: str, kept: str, names: list) -> None:
    text, byline = split_glued(paragraph)
    assert text == kept and byline is not None
    assert [*byline.reporters, *byline.correspondents, *(str(c) for c in byline.others)] == names


@pytest.mark.parametrize(("page", "dateline", "reporters", "correspondents", "starts"), [
    ("本报讯(记者 刘伟平 通讯员 邢哲 文/图)连日来,郑州持续高温。", "本报讯", ["刘伟平"], ["邢哲"], "连日来"),
    ("本报济宁8月24日讯(记者刘守善)24日,一场小雨下了大半天。", "本报济宁8月24日讯", ["刘守善"], [], "24日"),
    ("本报讯【新天水·天水日报记者张彬霞】为有效遏制电信网络诈骗案件高发态势，秦安县公安局开展宣传。",
     "本报讯", ["张彬霞"], [], "为有效遏制"),                          # square brackets (1579)
    ("苍南新闻网2月18日消息:日前,我县首部村简志《章均垟村志》正式出版。", "苍南新闻网2月18日消息",
     [], [], "日前"),                                                    # a site's 消息 (1595)
    ("映象网周口讯(记者金江涛通讯员邹同宝)“在家尽孝心,出门讲公德。”扶沟县评选文明卫生户。",
     "映象网周口讯", ["金江涛"], ["邹同宝"], "“在家尽孝心"),                # a city's channel (1617)
    ("高密融媒10月20日讯【记者 王择钧 谭美芹】近期阴雨连绵,为切实解决群众晒粮难题,井沟镇开辟晒粮场所。",
     "高密融媒10月20日讯", ["王择钧", "谭美芹"], [], "近期阴雨连绵"),    # a county's newsroom (1672)
    ("河南县域经济网讯 近日,在镇平县枣园镇各行政村,一场场全民阅读活动火热开展。", "河南县域经济网讯",
     [], [], "近日"),                                                    # a site's long name (1693)
    ("云上黄石报道(记者 徐苞俊)近日,记者从黄石港区获悉。", "云上黄石报道", ["徐苞俊"], [], "近日"),
    ("信阳消息(秦 灼)6月25日晚,罗山县莽张镇举行颁奖典礼。", "信阳消息", [], [], "6月25日"),  # (1017)
    ("武汉晚报讯(记者程艳 通讯员王成)随着城市更新的推进。", "武汉晚报讯", ["程艳"], ["王成"], "随着"),
    ("本报讯 通讯员周益民、薛继伟报道:小街小巷清洁卫生。", "本报讯", [], ["周益民", "薛继伟"], "小街"),
    ("本报讯(孙 航)12月22日,市委常委到开发区调研。", "本报讯", [], [], "12月22日"),
    ("•本报讯(株洲晚报融媒体记者/周蒿)铲雪、扫冰……12月", "本报讯", ["周蒿"], [], "铲雪"),  # a bullet first
    ("中原网讯(记者李媛媛通讯员石紫丽)“好香啊!”居民说。", "中原网讯", ["李媛媛"], ["石紫丽"], "“好香"),
    ("千岛湖新闻网讯 (通讯员 叶德喜)2月20日,屏门乡召集乡村干部。", "千岛湖新闻网讯", [], ["叶德喜"],  # (1456)
     "2月20日"),
    ("本报讯 (记者 代玺 通讯员 柳林子) “这两年,首山变化太大。”", "本报讯", ["代玺"], ["柳林子"], "“这两年"),
    ("【明報專訊】立法會財委會噚日審議撥款。", "【明報專訊】", [], [], "立法會"),     # Hong Kong's
    # the paper's and its site's, a name glued to 报道 (1094)
    ("滨州日报/滨州网讯(记者王敏报道)8月1日,村BA圆满落幕。", "滨州日报/滨州网讯", ["王敏"], [], "8月1日"),
    ("周口日报·周道客户端讯(记者 张猛)近日,项城市举行活动。", "周口日报·周道客户端讯", ["张猛"], [], "近日"),
    # a county paper's place (1252, 1258), an edition's (1255), 报道 after the dateline (1259)
    ("鄄城讯去年,阎什镇楚集村村民种植蔬菜。", "鄄城讯", [], [], "去年"),
    ("柴桑区讯(彭思远)眼下正值高粱收获的季节。", "柴桑区讯", [], [], "眼下"),
    ("晚刊讯 (记者 刘 维 见习记者 王雅茹 通讯员 方 雨 文/图) 11月9日是全国消防日。", "晚刊讯",
     ["刘维", "王雅茹"], ["方雨"], "11月9日"),
    ("本报讯 记者韩雅竹报道 近年来,老边区柳树镇东岗子村推进移风易俗。", "本报讯", ["韩雅竹"], [], "近年来"),
    # an outlet with 讯 in its name, then 报道 and a byline in brackets
    ("中国通讯社报道(记者 张三)近日,市里召开会议。", "中国通讯社报道", ["张三"], [], "近日"),
    # the bracket broken over two lines (v04)
    ("本报讯(记者黄华通讯员杨\n\n明华)“田间积水一排出,大豆后天就能收割了。”", "本报讯", ["黄华"], ["杨明华"],
     "“田间"),
])
def test_datelines(page: str, dateline: str, reporters: list, correspondents: list,
                   starts: str) -> None:
    article = parse_text("标题\n\n" + page).articles[0]
    assert article.dateline == dateline
    assert (list(article.reporters), list(article.correspondents)) == (reporters, correspondents)
    assert article.paragraphs[0].text.startswith(starts)


def test_a_dateline_under_an_article_s_text_opens_the_next_article() -> None:
    # w04: three items each opening 保定晚报讯, the second headline read as a subhead
    page = ("保定晚报讯 高新区以创建文明城市为抓手，扎实开展环境整治。\n"
            "今年以来，高新区立足共创文明城，提升居民的幸福感。\n"
            "清苑区：“乡风文明墙绘”引导新风尚\n"
            "保定晚报讯 今年以来，清苑区结合人居环境整治，以墙上绘画拓展文明宣传。\n"
            "易县：举行新时代文明实践志愿服务队授旗仪式\n"
            "保定晚报讯 7月1日，易县新时代文明实践志愿服务队授旗仪式举行。\n")
    document = parse_text(page)
    assert [a.dateline for a in document.articles] == ["保定晚报讯"] * 3
    assert document.articles[1].paragraphs[0].text.startswith("今年以来，清苑区")


def test_a_page_cut_off_inside_its_closing_byline_keeps_the_text_whole() -> None:
    # r01: the stored page stops at 记 of the byline under the last paragraph
    document = parse_file(PAGES / "r01.txt")
    assert document.articles[0].paragraphs[-1].text.endswith("全面推进新农村建设。")
    assert "记" in document.dropped
    assert any("stops inside a byline" in w for w in document.warnings)
    # 216 (a fresh page): …铝终端企业。 / 编, the editor line cut off
    cut = parse_text("标题\n\n本报讯 今天，社区开展活动。\n\n编\n")
    assert cut.articles[0].paragraphs[-1].text == "今天，社区开展活动。" and "编" in cut.dropped
    # a paragraph that is a word of its own is no byline's opening
    page = "标题\n\n本报讯 今天，社区开展活动。\n\n记住乡愁\n"
    assert parse_text(page).articles[0].paragraphs[-1].text == "记住乡愁"


def test_names_alone_under_the_headline_are_its_writers() -> None:
    # n08: 刘继红 under the two-line headline, no role: a writer's credit, no subtitle
    article = parse_file(PAGES / "n08.txt").articles[0]
    assert (article.title, article.subtitle) == ("顺应民意的 新型农村社区", None)
    assert "作者 刘继红" in [str(credit) for credit in article.other_bylines]
    # over the headline a place looks like a name (金水区, 宋营村): still the kicker
    assert parse_file(PAGES / "r03.txt").articles[0].kicker == "宋营村"


def test_a_role_alone_over_the_names_of_the_next_line_is_a_byline() -> None:
    # z04: 全媒体记者 / 崔圣驰 摄 under the text: the role is no paragraph
    article = parse_file(PAGES / "z04.txt").articles[0]
    assert article.paragraphs[-1].text.endswith("落叶清扫“攻坚战”。")
    assert [str(c) for c in article.other_bylines] == ["摄影 崔圣驰"]
    # and glued after the last sentence of a page cut off right after it
    page = "标题\n\n随着天气逐渐转冷，树木开始纷纷落叶。环卫工人打响了落叶清扫“攻坚战”。全媒体记者\n"
    assert parse_text(page).articles[0].paragraphs[-1].text.endswith("“攻坚战”。")
    # 记者 alone may open the sentence the page stops in (记者了解到…): it stays text
    assert split_glued("村民们都很满意。记者")[1] is None


def test_a_scraped_lines_byline_may_open_with_a_local_paper() -> None:
    # 123: one scraped line, …景致。 新郑时报 李显文 通讯员 张斌 | — all of it the byline
    article = parse_file(PAGES / "123.txt").articles[0]
    assert article.paragraphs[-1].text.endswith("逐步恢复水清岸绿景致。")
    assert list(article.correspondents) == ["李显文", "张斌"]


def test_names_spaced_out_after_the_last_sentence_are_its_writers() -> None:
    # y01's shape: …受到好评。 徐凤勇 夏慧 closing an article's text
    page = ("第一个标题\n\n近日，我市参赛小品《都是血压惹的祸》荣获二等奖。\n\n"
            "小品讲述了社区医生的故事，受到好评。 徐凤勇 夏慧\n\n第二个标题\n\n"
            "本报讯 近日，社区开展活动。居民积极参与。\n")
    article = parse_text(page).articles[0]
    assert article.paragraphs[-1].text == "小品讲述了社区医生的故事，受到好评。"
    assert [str(c) for c in article.other_bylines] == ["作者 徐凤勇", "作者 夏慧"]


def test_a_byline_closed_by_reported_opens_the_text() -> None:
    # v05, read by a model that had not seen its site: 全媒体记者鲁杰 通讯员李琨报道 before
    # the lead, with no dateline, was kept as text
    page = "三义寨乡刷新乡村颜值\n\n全媒体记者鲁杰 通讯员李琨报道 近日，兰考县三义寨乡开展活动。\n"
    article = parse_text(page).articles[0]
    assert (article.reporters, article.correspondents) == (("鲁杰",), ("李琨",))
    assert article.paragraphs[0].text == "近日，兰考县三义寨乡开展活动。"
    assert article.bylines == ("全媒体记者鲁杰 通讯员李琨报道",)
    # 报道 inside a sentence about reporters is text
    page = "标题\n\n记者近日跟踪报道了社区的变化，居民纷纷点赞。\n"
    assert parse_text(page).articles[0].paragraphs[0].text.startswith("记者近日跟踪报道了")


def test_a_byline_closed_by_what_its_writer_did_opens_the_text() -> None:
    # 1143 (fresh, 金华日报): 记者 吴潮宏 文/摄 before the first sentence, no dateline, no
    # brackets: kept as text, the reporter lost
    page = "民间文艺家送文化\n\n记者 吴潮宏 文/摄 国庆中秋假期，婺城区民间文艺家协会开展活动。\n"
    article = parse_text(page).articles[0]
    assert article.reporters == ("吴潮宏",) and article.bylines == ("记者 吴潮宏 文/摄",)
    assert article.paragraphs[0].text == "国庆中秋假期，婺城区民间文艺家协会开展活动。"


def test_an_author_field_does_not_make_a_reporter_of_a_correspondent() -> None:
    # 339 (fresh): the site's 作者: field names the writer the byline calls 通讯员
    page = ("西峡县桑坪镇张庄村：学真经谋发展\n\n作者:  章东丽\n\n"
            "南阳网讯 (通讯员章东丽)“通过今天参观学习，对我们触动很大！”村民说。\n")
    article = parse_text(page).articles[0]
    assert (article.reporters, article.correspondents) == ((), ("章东丽",))


@pytest.mark.parametrize("credit", ["整理", "编译", "综合", "采写"])
def test_what_the_writer_did_besides_writing_is_no_name(credit: str) -> None:
    # 396 (fresh): 正观新闻·郑州晚报记者 苏瑜 整理 read as the reporters 整理 and 苏瑜
    byline = parse_byline(f"正观新闻·郑州晚报记者 苏瑜 {credit}")
    assert byline is not None and byline.reporters == ("苏瑜",) and byline.credit == credit


def test_a_flattened_pages_dateline_keeps_its_bracketed_byline_whole() -> None:
    # 386 (fresh): a table flattened into one line, spaces only between its cells and its
    # paragraphs, split inside 本报讯(记者 卢文军 通讯员 …): 卢文军 was lost as a reporter
    text = ("57.3斤大西瓜 荣膺“瓜王” 本报讯(记者 卢文军 通讯员 张效强 段长焱 文/图)“俺每年都种西瓜，年年都得奖。”"
            "瓜农说。 一大早，来自中牟县姚家乡等地的瓜农抱着西瓜赶来参赛。 本届西瓜擂台赛分为三大类。"
            " 经过评比，一只57.3斤的西瓜获得瓜王称号。 瓜农们纷纷表示明年还要再来。" * 4)
    article = parse_text(f"|\n\n{text} |\n").articles[0]
    assert article.title == "57.3斤大西瓜 荣膺“瓜王”" and article.dateline == "本报讯"
    assert (article.reporters, article.correspondents) == (("卢文军",), ("张效强", "段长焱"))
    assert article.paragraphs[0].text.startswith("“俺每年都种西瓜")


def test_a_bylines_last_names_on_a_line_of_their_own_go_on_with_it() -> None:
    # 950 (fresh): 郑报全媒体记者 / 董艳竹 肖雅文 / 通讯员 黄冰清 / 马俊伟 文/图, the last
    # line read as a subhead: 马俊伟 was lost
    page = ("脱贫攻坚 生活新画卷徐徐展开\n\n决战决胜脱贫攻坚，务实笃行再谱新篇。\n\n郑报全媒体记者\n\n"
            "董艳竹 肖雅文\n\n通讯员 黄冰清\n\n马俊伟 文/图\n\n多措并举\n\n初夏时节，新郑市新村镇牌坊庄村里黄杏挂满枝头。\n")
    labels = ["title", "body", "byline", "byline", "byline", "subhead", "subhead", "body"]
    article = document_from(as_labelled(page, labels), "950.txt").articles[0]
    assert (article.reporters, article.correspondents) == (("董艳竹", "肖雅文"), ("黄冰清", "马俊伟"))
    assert [b.text for b in article.body if b.kind == "subhead"] == ["多措并举"]


def test_a_sites_writer_field_among_its_page_facts_credits_the_article() -> None:
    # 1067 (fresh), as 324 and 1018: 洛阳网's trail line carries 通讯员: 康红军 between the
    # trail and the date; the article prints no byline of its own, and lost its writer
    trail = "您当前位置: 洛阳网 >> 县区频道 >> 汝阳 >> 正文   通讯员: {}  2021年02月17日 19:09"
    text = "2021年2月15日，汝阳县十八盘乡十八盘村的村民在庭院里忙着装袋料香菇，春耕生产悄然拉开帷幕。"
    labels = ["chrome", "title", "chrome", "body"]
    page = f"洛阳网首页 新闻 县区\n\n汝阳县十八盘村：牛年致富路上好好干！\n\n{trail.format('康红军')}\n\n{text}\n"
    article = document_from(as_labelled(page, labels), "1067.txt").articles[0]
    assert article.correspondents == ("康红军",) and article.bylines == ("通讯员：康红军",)
    # an empty field (608) names no one; a byline of the article's own stands over it
    empty = page.replace("通讯员: 康红军 ", "通讯员: ")
    assert document_from(as_labelled(empty, labels), "608.txt").articles[0].correspondents == ()
    # a site's 作者 field among its page facts names its writer (1169)
    facts = "刊发日期:2016-01-06 阅读次数: 作者:苗志崇  语音阅读:"
    article = document_from(as_labelled(page.replace(trail.format("康红军"), facts), labels),
                            "1169.txt").articles[0]
    assert article.reporters == ("苗志崇",)
    # ... the next field's label is no name (1550), and a site may call it 文章作者 (1549)
    for facts in ("时间 : 2024年01月29日  来源 : 灵山镇  作者 : 方俊驰  浏览次数 : 782",
                  "文章来源:民权网 文章作者:方俊驰 责任编辑:薛皓 点击数:"):
        article = document_from(as_labelled(page.replace(trail.format("康红军"), facts), labels),
                                "1550.txt").articles[0]
        assert article.reporters == ("方俊驰",), facts
    own = page.replace(text, f"本报讯（记者 王平）{text}")
    article = document_from(as_labelled(own, labels), "own.txt").articles[0]
    assert (article.reporters, article.correspondents) == (("王平",), ())


def test_a_headline_naming_a_company_with_讯_in_it_stays_whole() -> None:
    document = parse_text("郑州讯达公司获表彰\n\n本报讯 近日，市里召开表彰大会，多家企业获得表彰。\n\n"
                          "郑州讯达科技有限公司总经理张三介绍，公司将继续加大研发投入。\n")
    assert [a.title for a in document.articles] == ["郑州讯达公司获表彰"]
    assert document.articles[0].paragraphs[-1].text.startswith("郑州讯达科技")


def test_names_under_the_headline_that_the_model_calls_a_byline_credit_their_writers() -> None:
    # 1337: 苏秀红 徐思华 under the headline, a caption, then 本报讯: one article, its text
    # from 本报讯 on, the names its writers (m20: 冷 鹏 the same)
    page = ("2023年06月07日\n\n巩固创建成果 共建美好家园\n\n苏秀红 徐思华\n\n"
            "近日,志愿者对卫生死角等进行集中清理。(大塘街道供图)\n\n"
            "本报讯 为进一步巩固、深化全国文明城市创建成果,提升辖区内环境卫生水平,大塘街道开展环境卫生整治活动。\n\n"
            "按照网格化管理原则,网格员和“双报到”单位对各自区域内环境卫生进行排查。\n\n(苏秀红 徐思华)\n")
    document = parse_text(page)
    assert len(document.articles) == 1
    article = document.articles[0]
    assert article.dateline == "本报讯" and article.paragraphs[0].text.startswith("为进一步巩固")
    assert "作者 苏秀红" in [str(c) for c in article.other_bylines]


@pytest.mark.parametrize("line", ["审核人:余柯潘", "责编:王蕊莉", "终审：张三"])
def test_a_county_site_s_editor_line_is_not_text(line: str) -> None:
    # 1441, 1440: a county news centre's editors under the text, not a sentence of it
    document = parse_text("安全生产风险隐患大排查\n\n"
                          "10月22日，市长带队深入辖区企业开展安全生产风险隐患大排查，"
                          "要求各单位压实责任，全面排查整治各类隐患。\n\n"
                          "市长强调，要以对人民群众生命财产高度负责的态度，筑牢安全生产的人民防线。"
                          f"\n\n{line}")
    article, = document.articles
    assert article.paragraphs[-1].text.endswith("筑牢安全生产的人民防线。")
    name = line.split(":")[-1].split("：")[-1]
    assert f"编辑 {name}" in {str(credit) for credit in article.other_bylines}


@pytest.mark.parametrize("phrases", ["唱红歌 听戏曲 看歌舞 观小品",
                                     # phrases side by side, each led by a surname's character
                                     "高质量 高标准 高效率", "向未来 向幸福 向远方"])
def test_phrases_under_the_headline_are_no_writers_names(phrases: str) -> None:
    # 1451 (fresh): four phrases of three characters under the headline, read by the model
    # as its title, were taken for four names by the grammar that reads names in brackets
    page = (f"中原区启动群众广场文化活动周\n\n{phrases}\n\n"
            "本报讯(记者 杨学栋 文/图)昨日，中原区在儿童公园启动群众广场文化活动周，"
            "辖区群众欢聚一堂，共享文化盛宴。\n\n"
            "中原区对文化事业发展和群众文化活动非常重视，每年都组织丰富多彩的文化活动。\n")
    labels = ["title", "title", "body", "body"]
    article, = document_from(as_labelled(page, labels), "1451.txt").articles
    assert not article.other_bylines
    assert phrases.split()[0] in f"{article.title} {article.subtitle}"


def _han(texts) -> "Counter[str]":  # type: ignore[no-untyped-def]
    from collections import Counter

    from converters.parse.chars import is_han

    return Counter(ch for text in texts for ch in text if is_han(ch))


@pytest.mark.parametrize(("page", "labels"), [
    # a paragraph with a byline cut from its end, read as a byline, after another byline
    ("活动现场气氛热烈\n\n记者 张三\n\n大家都笑着说这次活动办得好。晚报记者 董占卿\n\n活动持续了一个上午，群众纷纷点赞。",
     ["title", "byline", "byline", "body"]),
    # ... and before one
    ("活动现场气氛热烈\n\n大家都笑着说这次活动办得好。晚报记者 董占卿\n\n通讯员 李四\n\n活动持续了一个上午，群众纷纷点赞。",
     ["title", "byline", "byline", "body"]),
    # a line read as the headline, a jump mark and a byline cut from it
    ("（上接第一版）某地举行大型活动。记者 张三\n\n活动持续了一个上午，群众纷纷点赞。", ["title", "body"]),
])
def test_a_line_read_otherwise_than_the_rules_cut_it_keeps_every_character_once(page: str, labels: list) -> None:
    document = document_from(as_labelled(page, labels), "page.txt")
    kept = [*document.dropped]
    for article in document.articles:
        kept += [article.kicker or "", article.title or "", article.subtitle or "", *article.bylines,
                 article.dateline or "", *article.captions, *(block.text for block in article.body)]
    assert _han(kept) == _han([page])


def test_a_datelines_square_brackets_are_not_its_bylines_words() -> None:
    # 1579: the byline as printed, without the brackets that held it
    article = parse_text("秦安县公安局防范电信诈骗宣传取得新成效\n\n本报讯【新天水·天水日报记者张彬霞】"
                         "为有效遏制电信网络诈骗案件高发态势，秦安县公安局开展宣传。\n").articles[0]
    assert article.bylines == ("新天水·天水日报记者张彬霞",)

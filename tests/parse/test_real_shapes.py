"""What real pages print, shape by shape: bylines, datelines, chrome, places, the page's
own facts, traditional characters, a page cut off, and --explain."""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from converters.parse.decks import couplet, headline_lines
from converters.parse.bylines import parse_byline
from converters.parse.glued import split_glued
from converters.parse.chrome import kinds_of, page_facts
from converters.parse.assemble import record_rule_roles
from converters.parse.options import ParseOptions
from converters.parse.pipeline import (
    ReadPage,
    document_from,
    parse_file,
    parse_text,
    read_roles,
)
from converters.parse.normalise import normalise
from converters.parse.places import default_places
from converters.parse.roles import assign
from converters.parse.segment import read
from converters.parse.units import Unit

ROOT = Path(__file__).resolve().parents[2]
PAGES = Path(__file__).resolve().parents[1] / "corpus" / "real" / "pages"


# -- bylines ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "reporters", "correspondents", "others"), [
    ("■本报记者 刘 招 通讯员 王 平", ["刘招"], ["王平"], []),                    # spaced names, mark
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
    ("记者 张三 文 李四 摄", ["张三"], [], ["摄影 李四"]),                      # 摄 after a 文
    ("□晚报记者 石明顺 通讯员 贝宁 闫万平", ["石明顺"], ["贝宁", "闫万平"], []),  # 贝: a surname
    ("实习记者 张洁 薛天杰", [], [], ["实习生 张洁", "实习生 薛天杰"]),            # an intern who writes
    ("(张骞/文 张梦珠/图)", [], [], ["作者 张骞", "摄影 张梦珠"]),                  # names, what each did
    ("井娇摄影报道", [], [], ["摄影 井娇"]),                                          # a credit, no role
    ("陈占举 摄", [], [], ["摄影 陈占举"]),
    ("□王 博", [], [], ["作者 王博"]),                                               # a byline's mark, a name
    ("□冷鹏 刘丹 文/图", [], [], ["作者 冷鹏", "作者 刘丹"]),                        # ... and what they did
    ("记者冯佳志通讯员闫春生张浩杰", ["冯佳志"], ["闫春生", "张浩杰"], []),        # two names, no space
    ("记者张鸿飞汝州市融媒体中心记者郭营战", ["张鸿飞", "郭营战"], [], []),       # a name, then an outlet
    ("融媒体中心通讯员李伟恒刘亚飞", [], ["李伟恒", "刘亚飞"], []),               # a county's newsroom
    ("[作者:记者 李萌 汪永森  编辑:赵静]", ["李萌", "汪永森"], [], ["编辑 赵静"]),   # a site's footer
    ("本报记者 卢文军 通讯员 刘家一郎 郝世杰 文/图", ["卢文军"], ["刘家一郎", "郝世杰"], []),  # four
    ("(于露刘梦琳通讯员刘荣荣)", [], ["刘荣荣"], ["作者 于露", "作者 刘梦琳"]),     # writers first
    ("(于露 刘梦琳 通讯员 刘荣荣)", [], ["刘荣荣"], ["作者 于露", "作者 刘梦琳"]),  # spaced writers
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
                                  "郑东融媒体中心 原创"])                    # a site's label (308)
def test_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


@pytest.mark.parametrize("text", ["互联网通讯企业发展迅速。", "网讯科技公司成立。"])
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
    ("逐步恢复水清岸绿景致。新郑时报李显文", "逐步恢复水清岸绿景致。", ["李显文"]),         # a paper's
    ("逐步恢复水清岸绿景致。 新郑时报 李显文 通讯员 张斌", "逐步恢复水清岸绿景致。", ["李显文", "张斌"]),
    ("资金困难。 (湛承兵 王 群)", "资金困难。", ["作者 湛承兵", "作者 王群"]),
    ("改善这里的环境。（本报记者）", "改善这里的环境。", []),                    # a byline naming no one
    ("到底是谁?(张骞/文 张梦珠/图)", "到底是谁?", ["作者 张骞", "摄影 张梦珠"]),
    ("亩产在700斤以上。(郭营战梁亚波)", "亩产在700斤以上。", ["作者 郭营战", "作者 梁亚波"]),  # unspaced (920)
    ("20日正式运行。(潘凡/文、摄)", "20日正式运行。", ["作者 潘凡"]),              # one did both (980)
])
def test_bylines_glued_to_the_end(paragraph: str, kept: str, names: list) -> None:
    text, byline = split_glued(paragraph)
    assert text == kept and byline is not None
    assert [*byline.reporters, *byline.correspondents, *(str(c) for c in byline.others)] == names


@pytest.mark.parametrize(("page", "dateline", "reporters", "correspondents", "starts"), [
    ("本报讯(记者 刘伟平 通讯员 邢哲 文/图)连日来,郑州持续高温。", "本报讯", ["刘伟平"], ["邢哲"], "连日来"),
    ("本报济宁8月24日讯(记者刘守善)24日,一场小雨下了大半天。", "本报济宁8月24日讯", ["刘守善"], [], "24日"),
    ("云上黄石报道(记者 徐苞俊)近日,记者从黄石港区获悉。", "云上黄石报道", ["徐苞俊"], [], "近日"),
    ("武汉晚报讯(记者程艳 通讯员王成)随着城市更新的推进。", "武汉晚报讯", ["程艳"], ["王成"], "随着"),
    ("本报讯 通讯员周益民、薛继伟报道:小街小巷清洁卫生。", "本报讯", [], ["周益民", "薛继伟"], "小街"),
    ("本报讯(孙 航)12月22日,市委常委到开发区调研。", "本报讯", [], [], "12月22日"),
    ("•本报讯(株洲晚报融媒体记者/周蒿)铲雪、扫冰……12月", "本报讯", ["周蒿"], [], "铲雪"),  # a bullet first
    ("中原网讯(记者李媛媛通讯员石紫丽)“好香啊!”居民说。", "中原网讯", ["李媛媛"], ["石紫丽"], "“好香"),
    ("本报讯 (记者 代玺 通讯员 柳林子) “这两年,首山变化太大。”", "本报讯", ["代玺"], ["柳林子"], "“这两年"),
    ("【明報專訊】立法會財委會噚日審議撥款。", "【明報專訊】", [], [], "立法會"),     # Hong Kong's
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


# -- chrome -------------------------------------------------------------------
@pytest.mark.parametrize(("line", "kind"), [
    ("第A37版:县区新闻 上一版3  4下一版", "page-number"),
    ("返回主页 | 郑州晚报 | 标题导航 | 郑州日报", "navigation"),
    ("当前版：03版", "page-number"),                                  # a Founder e-paper's page
    ("A02版 2024年03月16日 要闻 扩展 收缩 默认", "page-number"),           # and its zoom buttons
    ("A02版 2024年03月16日 要闻 扩展 收缩 默认", "print"),
    ("用微信“扫一扫”，点击右上角分享按钮", "furniture"),
    ("国内统一刊号:CN52-0017 黔东南日报社出版", "licence"),                 # a masthead
    ("版权和免责申明", "copyright"),
    ("相关报道", "furniture"), ("您还可以在这里关注我", "furniture"),   # a news site's footer
    ("首页 > 县区 > 兰考县 > 正文", "navigation"),                        # a breadcrumb
    ("新乡日报社旗下媒体： 新乡网 | 新乡日报 | 平原晚报", "navigation"),   # a site's menu
    ("焦作日报 | 焦作晚报 | 焦作网 | 网上投稿 | 太极拳网", "navigation"),
    ("3上一篇  下一篇4      【打印】", "print"),
    ("版权声明 @ 中原网 网站版权所有", "copyright"),
    ("齐鲁晚报 版权所有(C)   鲁ICP备05004346号", "licence"),
    ("通信地址:中国 山东省 济南市泺源大街6号F15   邮编:250014", "contact"),
    ("www.izzwb.com", "web"),
    ("2020年12月18日 星期五", "date"),
    ("78910111213", "digits"),
    ("中原网  日期: 2008-03-17  来源: 郑州日报", "source"),
    ("PDF 版", "pdf"),
    ("换客新平台欢迎你", "furniture"),
    ("2025-09-13,11938| 2025-09-12,11930|", "archive"),
    ("您的IE浏览器版本太低,请升级至IE8及以上版本或安装webkit内核浏览器。", "browser"),
    ("(责任编辑:侯泳兰)", "editor"),
    ("  • 2010年08月25日 作者:", "bullet"),
    ("字号", "print"), ("【字号 大 中 小】", "print"),
    ("新闻线索在线提交", "furniture"), ("语音播报: 语音播报", "furniture"),
    ("字号    意见反馈 新闻爆料 进入论坛 打印 关闭", "print"),                 # a toolbar (331)
    ("朗读", "furniture"), ("朗读放大 缩小 默认", "furniture"),            # an e-paper's buttons (926)
])
def test_chrome_kinds(line: str, kind: str) -> None:
    assert kind in kinds_of(line.strip())


@pytest.mark.parametrize("line", [
    "移动用户:发送短信 jzsjb 到 10658300 即可订阅《河南手机报焦作版》,3元/月。不收GPRS流量费。",
    "返回概览 <<上一记录 下一记录>> 打印预览 下载记录",
    "您的IE浏览器版本太低,请升级至IE8及以上版本或安装webkit内核浏览器。",
    "版权声明: 凡本网注明 \" 稿件来源:中原网 \" 的所有文字、图片和音视频稿件,版权均属郑州日报社和中原网"
    "所有。任何媒体、网站或个人未经本网书面授权不得转载、摘编或利用其它方式使用上述作品。",
    "凡注有\"金华新闻网\"或电头为\"金华新闻网\"的稿件,均为金华新闻网独家版权所有,未经许可不得转载或镜像;"
    "授权转载必须注明来源为\"金华新闻网\",并保留\"金华新闻网\"的电头。",
    "首页 > 县区 > 兰考县 > 正文",
    "您当前的位置: 安吉新闻网>>乡镇风貌>>天子湖镇",           # where the page is
    "《洛阳晚报》评价网上调查>>>", "更多港聞", "风采 |",         # links and menu items
    "今日  首页 -在线投稿 -往期报纸 -常见问题 -帮助",
    "《四平日报》（2022年11月8日） 08版", "2022年11月8日",        # the issue's own facts
    "文章字数:111",
    "新闻评论0", "新闻热点", "即时新闻",                                 # a site's widgets
    "稿件来源:南阳日报-南阳网",                                      # a site's source field
    "2023-09-01 来源: 郑州晚报 郑州客户端官方网站 分享到:", "2014-09-01 02:21:43来源:郑州日报",
    "[2019.04.27] 發表", "洛阳网首页 新闻 县区 百姓呼声 电子报 网站投稿 洛阳社区",
    "摘要: “这是我们占地300亩的新型农村社区,620套新房已经建好。” 8月25日,记者来到山郭村采访。",
    "主办单位:郑州高新技术产业开发区管理委员会 地址:郑州高新区国槐街6号 邮编:450001",  # the host
    "404255_144.jpg", "IMG_2001.JPG",                                 # where a picture stood
    "• 1. 本网原创稿件版权均属于河南经济报社,未经河南经济报社授权,不得转载、摘编使用。",  # a notice's
    "• 2. 非本网原创作品均转载自其它媒体,转载目的在于传递更多信息,并不代表本网赞同其观点。",  # (346)
    "特别声明", "本文为正观号作者或机构在正观新闻上传并发布,仅代表该作者或机构观点,不代表正观新闻的观点和立场,"
    "正观新闻仅提供信息发布平台。",                                   # a platform's notice (367, 368)
    "本网站所刊发的各种新闻、信息和各种专题专栏资料,均为三",         # a site's, cut off (t06)
    # a notice's numbered items, and who defends it (912, fresh)
    "1.凡本网注明“来源:驻马店网”的所有作品,均为本网合法拥有版权或有权使用的作品,未经本网书面授权不得转载、"
    "摘编或利用其他方式使用上述作品。",
    "驻马店日报报业集团法律顾问单位:上海市汇业(武汉)律师事务所", "首席法律顾问:冯程斌律师",
    "3.如果您发现本网站上有侵犯您的知识产权",
    # a notice that names its newsroom, and its last words (930, 933, fresh)
    "凡呼和浩特融媒体中心记者署名文字、图片,版权均属呼和浩特融媒体中心所有。任何媒体、网站或个人,未经本报授权"
    "不得转载、链接、转帖或以其他方式复制发表;",
    "已经由本报授权的媒体、网站,在下载使用时必须注明“来源:呼和浩特融媒体中心”,违者本报将依法追究法律责任。",
    "还没有评论,快来抢沙发吧!",                                     # an empty comment box (943)
    "中原区人民政府网站logo",                                         # an image's alt text (109)
])
def test_boilerplate_after_the_article_is_dropped_however_long(line: str) -> None:
    document = parse_text(f"标题\n\n本报讯 近日，社区开展活动。居民积极参与。\n\n{line}")
    assert all(line not in a.text_content() for a in document.articles)
    # (as normalised: full-width punctuation, no runs of spaces, no table bars at the ends)
    bare = "".join(line.replace(":", "：").replace(",", "，").split()).strip("|")
    assert bare[:8] in "".join("".join(document.dropped).replace(",", "，").split())


@pytest.mark.parametrize("line", ["≡ 百姓呼声 ≡", "≡ 洛阳社区热帖 ≡"])
def test_a_site_menu_s_framed_links_are_dropped(line: str) -> None:
    document = parse_text(f"标题\n\n本报讯 近日，社区开展活动。居民积极参与。\n\n{line}\n\n≡ 亲子教育 ≡")
    assert all(line not in a.text_content() for a in document.articles)
    assert line in document.dropped


def test_article_text_shows_no_chrome() -> None:
    assert kinds_of("近日，福华北街社区16号楼居民陈国军和郑源斌带着一面锦旗，专程送到福华街办事处。") == ()


def test_a_digital_edition_page_keeps_only_its_article() -> None:
    document = parse_file(PAGES / "24.txt")
    assert len(document.articles) == 1
    article = document.articles[0]
    assert article.title == "社区主任是名“时尚大妈”"
    assert article.reporters == ("董占卿",)  # glued to the last paragraph
    assert article.paragraphs[-1].text.endswith("社区一居民笑着说。")
    for line in ("第A37版:县区新闻 上一版3 4下一版", "登封市全力争创省文明城市", "版权声明 @ 中原网 网站版权所有"):
        assert line.replace(":", "：") in document.dropped  # chrome and the index: dropped, kept
    assert (document.paper, document.page_number, document.page_name) == ("郑州晚报", "A37", "县区新闻")


def test_page_facts() -> None:
    facts = page_facts(["第M02版：中原时报 政务 上一版3 4下一版", "返回主页 | 郑州晚报 | 标题导航 | 郑州日报"])
    assert (facts.paper, facts.page_number, facts.page_name) == ("郑州晚报", "M02", "中原时报 政务")
    facts = page_facts(["中原网 日期: 2008-03-17 来源: 郑州日报"])
    assert (facts.paper, facts.published) == ("郑州日报", "2008-03-17")
    # the paper's name, not the words of the sentence it stands in
    assert page_facts(["所有内容为平顶山日报社版权所有.未经许可,不得转载"]).paper == "平顶山日报"


def test_a_page_cut_off_ends_in_a_truncated_article() -> None:
    document = parse_file(PAGES / "28.txt")
    article = document.articles[-1]
    assert article.truncated and article.paragraphs[-1].text.endswith("参与环境整治")
    assert any("cut off" in warning for warning in document.warnings)
    assert not parse_file(PAGES / "22.txt").articles[-1].truncated


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


# -- decks --------------------------------------------------------------------
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


@pytest.mark.parametrize("jump", ["上接01版", "》》》上接01版", "（上接第一版）"])
def test_a_jump_line_is_chrome(jump: str) -> None:
    # z06: the continuation of a front-page story opens with its jump line alone
    units = read(normalise(f"第03版：要闻\n\n{jump}\n\n春节的年味，从团年饭开始。\n").lines)
    jumped = next(u for u in units if u.first_line == 3)
    assert jumped.role == "drop" and "jump" in jumped.cuts


def test_a_breadcrumb_is_not_joined_to_the_lines_under_it() -> None:
    # v05: a hard-wrapped page, whose breadcrumb reaches the wrap width
    lines = normalise((PAGES / "v05.txt").read_text(encoding="utf-8")).lines
    assert lines[0].text == "首页 > 县区 > 兰考县 > 正文"


def test_lines_of_one_length_that_are_no_prose_are_not_unwrapped() -> None:
    # y04: a site's header lines of about one length; the kicker and title among them
    page = normalise((PAGES / "y04.txt").read_text(encoding="utf-8"))
    assert not any(line.wrapped for line in page.lines)
    assert "扎根新土地 开启新生活" in [line.text for line in page.lines]
    # n13: a headline index, fourteen characters a line
    assert not any(line.wrapped for line in normalise((PAGES / "n13.txt").read_text(
        encoding="utf-8")).lines)
    # a column of prose broken every twelve characters is still one paragraph
    prose = ("近日，兰考县三义寨乡开展“人居环境大提升 干干净净过新年”活动启动仪式。兰考县委副书记、"
             "三义寨乡党委书记陈宣陶参加启动仪式并致辞，号召全乡干部群众行动起来，清理房前屋后的垃圾。")
    column = "\n".join(prose[i:i + 12] for i in range(0, len(prose), 12))
    assert [line.text for line in normalise(f"三义寨乡刷新乡村颜值\n\n{column}\n").lines][-1] == prose


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


def test_each_line_is_shown_read_as_its_own_unit_was() -> None:
    # a paragraph broken by a page break is joined, but each piece keeps its own lines
    document = parse_text("标题\n\n本报讯 近日，社区开展\n\n活动。居民积极参与，大家纷纷点赞。\n")
    assert [(first, last) for first, last, _, _ in document.reading] == [(1, 1), (3, 3), (5, 5)]


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


# -- places -------------------------------------------------------------------
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


# -- traditional characters ---------------------------------------------------
def test_traditional_pages_parse_as_simplified_ones(tmp_path: Path) -> None:
    if importlib.util.find_spec("opencc") is None:
        pytest.skip("opencc is not installed")
    import opencc

    source = (PAGES / "25.txt").read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(source)
    assert traditional != source
    plain, trad = parse_text(source), parse_text(traditional)
    to_simple = opencc.OpenCC("t2s").convert
    for a, b in zip(plain.articles, trad.articles, strict=True):
        assert (a.title, a.reporters, a.correspondents, a.district) == \
            (to_simple(b.title), tuple(map(to_simple, b.reporters)),
             tuple(map(to_simple, b.correspondents)), b.district)
        assert b.dateline == "本報訊"
    simplified = parse_text(traditional, options=ParseOptions(simplified=True)).articles[0]
    assert simplified.title == plain.articles[0].title and simplified.dateline == "本报讯"


# -- explain ------------------------------------------------------------------
def test_explain_shows_every_line_with_its_role(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "converters.cli", "parse", "--explain",
                             str(PAGES / "29.txt")], capture_output=True, text=True, check=True,
                            cwd=ROOT)
    out = result.stdout
    source = (PAGES / "29.txt").read_text(encoding="utf-8").splitlines()
    shown = [line for line in out.splitlines() if line[:4].strip().isdigit()]
    assert len(shown) == sum(1 for line in source if line.strip())
    roles = {int(line[:4]): line.split()[1] for line in shown}
    assert roles[3] == "chrome" and roles[7] == "index" and roles[20] == "kicker"
    assert roles[21] == "title" and roles[24] == "caption" and roles[31] == "body"
    assert "article 1: 出动百余记者 上街洒扫庭除" in out and "reporters: 裴其娟、安群英、梁晓" in out
    # the reasons are words an editor reads, not the model's feature names
    page = read_roles((PAGES / "29.txt").read_text(encoding="utf-8"), explain=True)
    reasons = [unit.reason for unit in page.units]
    assert all(reasons) and all(reason in out for reason in reasons)
    assert not [r for r in reasons if re.search(r"[a-z]+[.=][a-z0-9]|^[+-]\d:", r)], reasons
    assert "a navigation line" in out and "print/zoom buttons" in out


def test_parse_json_is_schema_2_with_the_page_facts(tmp_path: Path) -> None:
    out = tmp_path / "parsed.json"
    subprocess.run([sys.executable, "-m", "converters.cli", "parse", "--json", str(PAGES / "22.txt"),
                    "-o", str(out)], check=True, cwd=ROOT)
    data = json.loads(out.read_text(encoding="utf-8"))
    document = data["documents"][0]
    assert data["schema"] == 2 and document["paper"] == "郑州日报" and document["page_number"] == "06"
    article = document["articles"][0]
    assert {"other_bylines", "captions", "truncated"} <= set(article)


def test_a_site_watermark_is_cut_off_every_line() -> None:
    mark = "u8L中原财经_中原网·财经频道"
    page = "\n\n".join(["标题行", f"居民在工作人员的引领下抽签分房{mark}",
                        f"本报讯 昨日，郑东新区白沙镇举行回迁仪式。{mark}",
                        f"在分房现场，群众井然有序。{mark}"])
    document = parse_text(page)
    assert all(mark not in b.text for a in document.articles for b in a.body)
    assert document.dropped.count(mark) == 3


def test_a_summary_printed_above_the_text_is_chrome() -> None:
    # x08: the site's description (the first paragraphs, cut off) printed over the text
    document = parse_file(PAGES / "x08.txt")
    article = document.articles[0]
    assert article.paragraphs[0].text.startswith("连日来，溱东镇组织河长办")
    assert sum(p.text.startswith("连日来，溱东镇") for p in article.paragraphs) == 1
    assert any(line.startswith("连日来，溱东镇") for line in document.dropped)
    # 509: 核心提示 and the byline printed before the summary; 本报讯 before the text
    page = ("村里修好了路\n\n核心提示：记者 杜世民 通讯员 李连军登封大冶镇垌头村，曾多次被中央电视台"
            "采访报道，受暴雨和洪水影响……\n\n本报讯 登封大冶镇垌头村，曾多次被中央电视台采访报道，"
            "受暴雨和洪水影响，受灾极其严重。\n\n村民已经搬回了家。\n")
    article = parse_text(page).articles[0]
    assert article.paragraphs[0].text.startswith("登封大冶镇垌头村")
    assert len(article.paragraphs) == 2
    # a lead paragraph that merely uses the next one's opening words stays text
    page = ("加装电梯超500部\n\n本报讯（记者 曹婷）昨日，记者从市既有住宅加装电梯工作专班获悉，"
            "全市已加装电梯超500部。既有住宅加装电梯主要解决老年人“上楼难”问题。\n\n"
            "既有住宅加装电梯主要解决老年人“上楼难”等问题，今年还将继续推进。\n")
    assert len(parse_text(page).articles[0].paragraphs) == 2


def test_a_site_menus_item_with_its_bar_is_never_a_heading() -> None:
    # y05: the menu's 风采 | printed again right over an untitled column's text
    document = parse_file(PAGES / "y05.txt")
    assert document.articles[0].title != "风采"
    assert "风采" in document.dropped
    # a table's cell (| 风采 |) is no menu item: its text is kept
    assert parse_text("| 风采 |\n\n本报讯 今天，天气很好。\n").articles[0].title == "风采"


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


def test_names_alone_under_the_headline_are_its_writers() -> None:
    # n08: 刘继红 under the two-line headline, no role: a writer's credit, no subtitle
    article = parse_file(PAGES / "n08.txt").articles[0]
    assert (article.title, article.subtitle) == ("顺应民意的 新型农村社区", None)
    assert "作者 刘继红" in [str(credit) for credit in article.other_bylines]
    # over the headline a place looks like a name (金水区, 宋营村): still the kicker
    assert parse_file(PAGES / "r03.txt").articles[0].kicker == "宋营村"


def test_an_image_file_name_glued_to_the_text_is_dropped() -> None:
    # 230 (a fresh page): the photo's credit and the picture's file name glued to the text
    page = ("高标准农田保丰收\n\n连日来，在宛城区高庙镇谢营村附近的高标准农田里小麦长势喜人。"
            "田成方、路相连、网、渠相通、林成行。记者 崔培林 摄5ce9d70c5c2b8fab0ac86d8c41f83f6.jpg\n")
    document = parse_text(page)
    article = document.articles[0]
    assert article.paragraphs[-1].text.endswith("林成行。")
    assert "5ce9d70c5c2b8fab0ac86d8c41f83f6.jpg" in document.dropped
    assert [str(c) for c in article.other_bylines] == ["摄影 崔培林"]


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


def test_a_numbered_pictures_caption_is_never_the_headline() -> None:
    # i07, read by a model that had seen no page of its site: ⑤守护孩子出行安全 over the
    # text taken for its headline
    page = "⑤守护孩子出行安全\n\n1月19日，一场瑞雪如约而至。全市各部门迅速行动，保障群众出行安全。\n"
    read_page = read_roles(page)
    assign(read_page.units, ["title", "body"])
    article = document_from(read_page, "i07.txt").articles[0]
    assert article.title != "⑤守护孩子出行安全"
    assert "⑤守护孩子出行安全" in article.captions


def test_an_outlets_name_under_the_text_is_where_it_came_from_not_text() -> None:
    # 163, read by a model that had not seen it: 郑州日报 under the last paragraph taken
    # for a byline, which no byline grammar reads; it was kept as text, and the article
    # taken for cut off
    page = ("记者 王思俊 通讯员 谷奕金 文/图\n\n4月28日，社区开展活动。居民积极参与。\n\n"
            "共同创建健康友好社区。\n\n郑州日报\n郑州日报官方正观号\n")
    read_page = read_roles(page)
    assign(read_page.units, ["byline", "body", "body", "byline", "chrome"])
    document = document_from(read_page, "163.txt")
    article = document.articles[0]
    assert article.paragraphs[-1].text == "共同创建健康友好社区。"
    assert "郑州日报" in document.dropped
    assert not any("stops inside" in w for w in document.warnings)
    # a line the grammar cannot read that is no outlet's name stays text
    page = page.replace("郑州日报\n", "大家都说好\n", 1)
    read_page = read_roles(page)
    assign(read_page.units, ["byline", "body", "body", "byline", "chrome"])
    assert document_from(read_page, "163.txt").articles[0].paragraphs[-1].text == "大家都说好"


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


def _as_labelled(page: str, labels: list[str]) -> ReadPage:
    """The page's units with ``labels`` for roles, as a model that read them so gives them
    (the shipped model, trained on the page, would not)."""
    units = read(normalise(page).lines)
    record_rule_roles(units)
    assign(units, labels)
    return ReadPage(tuple(units), (), (), ())


def test_the_line_over_a_photographers_credit_is_the_pictures_caption() -> None:
    # p04, read by a model that had not seen its site: the caption between the headline
    # and the photographer's credit read as the title, the headline as its kicker
    page = ("“幸福路”修到家门口\n\n卫辉市李源屯镇后李庄村正在抓紧硬化入户路面\n新乡日报全媒体记者 赵云 摄\n\n"
            "为了保证工程质量，卫辉市聘请了专业监理。\n\n坚实的水泥路平坦畅通。\n")
    labels = ["kicker", "title", "byline", "body", "body"]
    article = document_from(_as_labelled(page, labels), "p04.txt").articles[0]
    assert (article.kicker, article.title) == (None, "“幸福路”修到家门口")
    assert article.captions == ("卫辉市李源屯镇后李庄村正在抓紧硬化入户路面",)
    assert [str(c) for c in article.other_bylines] == ["摄影 赵云"]
    # a reporter's credit under the deck is the article's byline: the deck stays whole
    page = page.replace("新乡日报全媒体记者 赵云 摄", "新乡日报全媒体记者 赵云")
    article = document_from(_as_labelled(page, labels), "p04.txt").articles[0]
    assert (article.kicker, article.title) == ("“幸福路”修到家门口", "卫辉市李源屯镇后李庄村正在抓紧硬化入户路面")


def test_an_apps_notice_over_the_page_is_no_article() -> None:
    # 322 (fresh): a 2025 site's app notice over its page, read as an article of its own
    page = ("云报平台\n\n这已经是最后一期了哦!\n\n我知道了\n\n内容详情\n2025年05月06日\n\n"
            "衡苑社区：网格之家打通基层治理“最后一公里”\n\n"
            "4月30日，在中站区李封街道衡苑社区网格之家，居民前来办理业务。\n\n本报记者 王梦梦 摄影报道\n")
    document = parse_text(page)
    assert [a.title for a in document.articles] == ["衡苑社区：网格之家打通基层治理“最后一公里”"]
    assert "这已经是最后一期了哦！" in document.dropped  # (its ! made full-width)
    # a short article with a dateline is one, however short
    page = "简讯一\n\n本报讯 社区开展义诊。\n\n简讯二\n\n本报讯 今天，社区开展活动，居民积极参与，现场气氛热烈。\n"
    assert len(parse_text(page).articles) == 2


def test_an_outlets_label_under_the_headline_is_chrome() -> None:
    # 308 (fresh): 郑东融媒体中心 原创 under the headline, read as a byline naming 原创 (原 is
    # a surname), then, with 原创 known for no name, as the title
    page = ("河南郑州郑东新区：知宪法于心 守宪法于行\n\n郑东融媒体中心 原创\n\n2024-12-04 15:50\n\n"
            "正观新闻记者 王阳 通讯员 于营营\n\n2024年12月4日是第十一个国家宪法日。辖区开展宣传活动。\n")
    article = parse_text(page).articles[0]
    assert article.title == "河南郑州郑东新区：知宪法于心 守宪法于行"
    assert (article.reporters, article.correspondents) == (("王阳",), ("于营营",))


def test_a_series_number_is_never_the_headline() -> None:
    # g12, read by a model that had not seen it: 之 一 (the first of a series) over an
    # untitled text taken for its title
    page = ("本报记者 朱 华 史治国\n\n之 一\n\n编者按\n\n省会也有贫困人口？不但有，而且郑州市将扶贫列为重点。\n\n"
            "盛夏的中午，一行人驱车来到大山深处。\n")
    article = document_from(_as_labelled(page, ["byline", "title", "subhead", "body", "body"]),
                            "g12.txt").articles[0]
    assert (article.kicker, article.title) == ("之 一", None)
    # the series' line over the headline is its kicker, whatever the model called it
    page = "巩义经济社会发展系列报道之三\n\n巨笔如椽绘新城\n\n本报讯 今年以来，巩义市加快新城建设。\n"
    article = document_from(_as_labelled(page, ["title", "title", "body"]), "192.txt").articles[0]
    assert (article.kicker, article.title) == ("巩义经济社会发展系列报道之三", "巨笔如椽绘新城")


def test_an_author_field_does_not_make_a_reporter_of_a_correspondent() -> None:
    # 339 (fresh): the site's 作者: field names the writer the byline calls 通讯员
    page = ("西峡县桑坪镇张庄村：学真经谋发展\n\n作者:  章东丽\n\n"
            "南阳网讯 (通讯员章东丽)“通过今天参观学习，对我们触动很大！”村民说。\n")
    article = parse_text(page).articles[0]
    assert (article.reporters, article.correspondents) == ((), ("章东丽",))


def test_a_columns_label_led_by_a_mark_is_never_the_headline() -> None:
    # 325 (fresh): ■基层聚焦 over the deck, printed in the index too, taken for the title
    # and the headline under it dropped
    page = "■基层聚焦\n\n无烟日宣传活动\n\n本报讯 5月31日上午，新郑市龙湖镇开展宣传活动。\n"
    article = document_from(_as_labelled(page, ["title", "title", "body"]), "325.txt").articles[0]
    assert (article.kicker, article.title) == ("基层聚焦", "无烟日宣传活动")  # (its mark undone)


def test_a_couplets_second_half_is_no_caption() -> None:
    # 122 and 203: the second half of a headline set as a couplet, read by the model as the
    # caption of a picture under the headline
    page = "公厕接连关门\n\n市民如厕犯难\n\n“高铁沿线下面两个公厕都贴着停水停电通知。”网友反映。\n"
    article = document_from(_as_labelled(page, ["title", "caption", "body"]), "122.txt").articles[0]
    assert (article.title, article.captions) == ("公厕接连关门 市民如厕犯难", ())
    # of one length in characters, the quotation marks left out (378, fresh)
    page2 = "简办“红白事”\n\n遍开文明花\n\n本报讯(记者 卢文军)“这几年，村里的红白事简单多了。”村民说。\n"
    article = document_from(_as_labelled(page2, ["title", "caption", "body"]), "378.txt").articles[0]
    assert (article.title, article.captions) == ("简办“红白事” 遍开文明花", ())
    # a caption of another length stays one
    page = page.replace("市民如厕犯难", "市民在公厕门前")
    article = document_from(_as_labelled(page, ["title", "caption", "body"]), "122.txt").articles[0]
    assert (article.title, article.captions) == ("公厕接连关门", ("市民在公厕门前",))


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


def test_a_longer_caption_between_the_headline_and_a_dateline_is_no_article() -> None:
    # 187: a caption of 32 characters over the lead with its dateline, read as an article
    page = ("商水县张庄乡助农抢收小麦保丰收\n\n6月1日,张庄乡刘村村民在村干部指导帮助下,趁晴好天气抢收小麦。\n\n"
            "中华龙都网讯(周口报业全媒体记者 刘琰 通讯员 刘耀辉)商水县张庄乡在三夏生产中及早安排。\n")
    document = parse_text(page)
    assert len(document.articles) == 1
    article = document.articles[0]
    assert article.title == "商水县张庄乡助农抢收小麦保丰收" and article.reporters == ("刘琰",)
    assert article.captions == ("6月1日，张庄乡刘村村民在村干部指导帮助下，趁晴好天气抢收小麦。",)


def test_a_sites_label_is_not_taken_back_as_the_headline() -> None:
    # 367 (fresh): the headline read as chrome, and 郑州日报 原创 under it, dropped as the
    # site's label, taken back as the nearest headline-shaped line over the text
    page = ("郑州经开区前程办事处锦程社区：粽叶飘香迎端午 邻里同心庆佳节\n\n郑州日报 原创\n\n2025-05-30 12:28\n\n"
            "郑报全媒体记者  董茜\n\n为弘扬中华传统文化，营造浓厚节日氛围，社区开展包粽子活动。\n\n"
            "活动伊始，社区工作人员早早准备好糯米、粽叶。\n")
    article = document_from(_as_labelled(page, ["chrome", "chrome", "chrome", "byline", "body", "body"]),
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
    article = document_from(_as_labelled(page, labels), "u09.txt").articles[0]
    assert (article.kicker, article.title, article.subtitle) == (
        None, "载歌载舞共迎“壮族三月三”", "万秀区组织丰富民俗文化活动营造节日氛围")
    # without the record, the model's reading stands
    page = page[:page.index("-->")]
    article = document_from(_as_labelled(page, labels[:3]), "u09.txt").articles[0]
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
    document = document_from(_as_labelled(page, labels), "210.txt")
    assert [(a.kicker, a.title, a.section) for a in document.articles] == [
        ("管城区二里岗街道", "拆除大型违法建筑", None), ("中原区林山寨街道", "拆除伊河路违建", None)]
    # set apart by blank lines, over its articles, a street is their section
    page = page.replace("街道\n", "街道\n\n").replace("建筑\n", "建筑\n\n").replace("违建\n本", "违建\n\n本")
    document = document_from(_as_labelled(page, labels), "210.txt")
    assert [a.section for a in document.articles] == ["管城区二里岗街道", "中原区林山寨街道"]


def test_the_headline_printed_again_over_two_lines_is_a_copy() -> None:
    # 116: the headline, then again over two lines, the first half read as a subtitle
    page = ("郑州东站新增非机动车 停车位1600多个\n\n郑州东站新增非机动车\n\n停车位1600多个\n\n"
            "本报讯 共享单车为郑州东站周边上班、居住的人带来方便。\n")
    document = document_from(_as_labelled(page, ["title", "subtitle", "title", "body"]), "116.txt")
    article = document.articles[0]
    assert (article.title, article.subtitle) == ("郑州东站新增非机动车 停车位1600多个", None)
    assert "郑州东站新增非机动车" in document.dropped


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


@pytest.mark.parametrize("credit", ["整理", "编译", "综合", "采写"])
def test_what_the_writer_did_besides_writing_is_no_name(credit: str) -> None:
    # 396 (fresh): 正观新闻·郑州晚报记者 苏瑜 整理 read as the reporters 整理 and 苏瑜
    byline = parse_byline(f"正观新闻·郑州晚报记者 苏瑜 {credit}")
    assert byline is not None and byline.reporters == ("苏瑜",) and byline.credit == credit


def test_a_lone_line_over_a_lead_with_no_headline_is_its_headline() -> None:
    # 375 (fresh): a news site's page with no blank line and no source line: the
    # headline, read as text, was dropped as a headline list's line
    page = ("九九重阳秋意浓,敬老爱老暖人心——郑州48中入团积极分子热心参与社区志愿服务活动\n"
            "中原网讯(赵文源)仲秋时节,金风送爽。学生志愿者来到二七区王胡砦社区颐养安居中心。\n"
            "来到社区颐养中心后,学生志愿者们分为供餐组和服务组,马上投入工作。\n")
    document = document_from(_as_labelled(page, ["body", "body", "body"]), "375.txt")
    (article,) = document.articles
    assert article.title.startswith("九九重阳秋意浓，敬老爱老暖人心——郑州48中")
    assert article.dateline == "中原网讯" and len(article.body) == 2
    # a line that ends a sentence is no headline
    sentence = page.replace("志愿服务活动\n", "志愿服务活动。\n", 1)
    document = document_from(_as_labelled(sentence, ["body", "body", "body"]), "375.txt")
    assert all(a.title is None or not a.title.startswith("九九") for a in document.articles)


def test_lines_after_the_closing_credit_that_end_no_sentence_are_other_stories() -> None:
    # 375 (fresh): two headlines of other stories under the article, read as its text and
    # taken for a page cut off in its last paragraph
    page = ("敬老爱老暖人心\n\n中原网讯 仲秋时节，学生志愿者来到社区颐养中心。\n\n"
            "此次活动为老人们送去爱心和温暖。(通讯员:任新慧)\n\n"
            "习近平主席的“一带一路”时间丨“这是我们这一代政治家对当代人和后代人的责任”\n\n"
            "昂扬奋进,奔向下一个金色十年——习近平主席出席第三届“一带一路”国际合作高峰论坛系列活动纪实\n")
    document = parse_text(page)
    (article,) = document.articles
    assert article.body[-1].text == "此次活动为老人们送去爱心和温暖。"
    assert article.correspondents == ("任新慧",) and not article.truncated
    assert any("昂扬奋进" in line for line in document.dropped)
    # with no closing credit the lines stay: the page may be cut off in them
    page = page.replace("(通讯员:任新慧)", "")
    assert "昂扬奋进" in parse_text(page).articles[0].body[-1].text


def test_a_site_whose_address_is_outside_henan_takes_no_henan_street() -> None:
    # 924 (fresh): 合肥's 五里墩街道 (蜀山区) taken for 信阳's (浉河区): the page names no
    # paper this parser knows, but its footer's address is in 安徽
    page = ("推进垃圾分类 共建美好家园\n\n星报讯(记者 马冰璐) 近日，五里墩街道青阳路社区更新了垃圾分类投放站点。\n\n"
            "居民纷纷点赞。\n\n3上一篇  下一篇4\n\n地址:中国·安徽省合肥市黄山路599号 皖ICP备10000000号\n")
    article = parse_text(page).articles[0]
    assert article.district is None and article.subdistrict == "五里墩街道"
    # with no address, a page is taken for a Henan paper's, whose streets these are
    assert parse_text(page[:page.index("地址")]).articles[0].district == "浉河区"


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
    article = document_from(_as_labelled(page, labels), "950.txt").articles[0]
    assert (article.reporters, article.correspondents) == (("董艳竹", "肖雅文"), ("黄冰清", "马俊伟"))
    assert [b.text for b in article.body if b.kind == "subhead"] == ["多措并举"]


def test_a_page_cut_off_after_an_outlets_name_under_the_text_keeps_the_text_whole() -> None:
    # 948 (fresh): the page stops at 郑报全媒体 (记者 and the names cut off): no text
    page = ("乡村振兴，而今迈步从头越\n\n本报讯 乔松伟说，要把脱贫的承诺兑现。\n\n"
            "如今，他把这份承诺完美兑现。\n\n郑报全媒体\n")
    document = document_from(_as_labelled(page, ["title", "body", "body", "body"]), "948.txt")
    article = document.articles[0]
    assert article.body[-1].text == "如今，他把这份承诺完美兑现。" and "郑报全媒体" in document.dropped


def test_a_bare_zone_after_a_verb_is_the_papers_citys() -> None:
    # 938 (fresh): 家住经开区梁湖的孟海凤 was read as a zone with a name of its own (盐南高新区)
    places = default_places()
    assert places.district_of("", "家住经开区梁湖的孟海凤搬进了新居。", home_city="4101").district == "经开区"
    assert places.district_of("", "盐南高新区新河街道开展活动。", home_city="4101").district is None


def test_a_places_party_branch_over_the_headline_is_its_kicker() -> None:
    # 963 (fresh): 长葛市后河镇王买村党支部 / 壮大村集体经济 带动村民奔小康, read as title and subtitle
    page = ("长葛市后河镇王买村党支部\n\n壮大村集体经济 带动村民奔小康\n\n"
            "本报讯(记者 王金伟 通讯员 辛明磊)近年来，王买村党支部带领群众发展产业。\n")
    article = document_from(_as_labelled(page, ["title", "subtitle", "body"]), "963.txt").articles[0]
    assert (article.kicker, article.title, article.subtitle) == (
        "长葛市后河镇王买村党支部", "壮大村集体经济 带动村民奔小康", None)

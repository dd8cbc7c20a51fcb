"""A digital edition's chrome as real pages print it: page lines, navigation, the
site's notices and widgets, an outlet's name or label, other stories' headlines."""
from __future__ import annotations

import pytest

from converters.parse.chrome import kinds_of
from converters.parse.normalise import normalise
from converters.parse.pipeline import document_from, parse_file, parse_text
from converters.parse.segment import read

from shapes import PAGES, as_labelled


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
    ("责编：王蕊莉", "editor"), ("审核人：余柯潘", "editor"), ("终审：张三", "editor"),  # (1440, 1441)
    ("网络编辑:宋馨 审核:", "editor"),                           # a site's editor, split (1548)
    ("  • 2010年08月25日 作者:", "bullet"),
    ("字号", "print"), ("【字号 大 中 小】", "print"),
    ("新闻线索在线提交", "furniture"), ("语音播报: 语音播报", "furniture"),
    ("字号    意见反馈 新闻爆料 进入论坛 打印 关闭", "print"),                 # a toolbar (331)
    ("朗读", "furniture"), ("朗读放大 缩小 默认", "furniture"),            # an e-paper's buttons (926)
    ("电脑版", "furniture"), ("手机版", "furniture"),                     # a site's switch (1106)
    ("一键分享", "furniture"), ("QQ空间", "furniture"),                    # a share widget (1374)
    ("郑州人大县市区人大正文", "navigation"),                  # a breadcrumb's end, no separators (1315)
    ("首页 视频 视频新闻", "navigation"),                        # ... spaces for separators (1354)
    ("A3:天下大足总第362期 >2023-11-29编印", "page-number"),          # a county e-paper's (1360)
    ("第二版:新闻", "page-number"), ("第三版：乡村振兴总第3509期 >2019-12-26编印", "page-number"),
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
    "查看心情排行你看到此篇文章的感受是:",                          # a mood poll (1551)
    "(原标题:  )", "(原标题:驻马店网)",                       # the first headline's note (1372, 912)
    "友情链接:", "选择其他日期的报纸",                       # a links box, a date picker (1568, 1579)
    "3上一",                                                     # page buttons, cut off (164)
    "二七区基层政务公开", "二七区建中街街道办事处 乡级",          # a 基层政务公开 site's header (1580)
    "加入时间:2021-07-23 09:31",                                 # when it was posted (1603)
    "经济技术开发区应急管理局 县级",
    "金水区北林路 乡级",                                          # ... a street's office (1614)
    "图片14",                                                     # a picture's stand-in (1620)
    "文章关键词:汝南县,老君庙,治理 责编:黄向阳",                 # a site's keywords (1618)
    "(映象网驻马店新闻热线:0396—3599908,投稿邮箱yxwzmdpd@163.com。)",  # its hotline (1618)
    # a government site's disclaimers (1585, 1422)
    "② 凡本网注明“来源:XXX”的作品,均转载自其它媒体,转载目的在于传递更多信息,并不代表本网赞同其观点和对其真实性负责。",
    "③ 如因作品内容、版权和其它问题需要同本网联系的,请在30日内进行。",
    "2019-04-05 19:25:05 三峡传媒网 [撤稿纠错] 条评论",          # a posting's buttons (1524)
    "新闻作者:文旭 周英洁 杨泽东  发布时间:  查看次数:  放大 缩小 默认",  # article tools (1454)
    # a headline list run together, the long ones cut off (1160)
    "农村群众小病不出村周末旅游大派送林业富民持续突破区第二届职工职业技能竞赛开始......我区召开"
    "食品安全会议志愿清洁家园 共建美丽衢江我区召开依法行政工作会议警银协作帮助客户寻回两万现金我区农民"
    "饮用水工程长效管理全......七校长联袂上演示范课一般企业安全生产管理培训班开......责任伴我成长",
    "上 海 报 业 集 团      版 权 所 有",                          # letter-spaced (1253)
    "中原区人民政府网站logo",                                         # an image's alt text (109)
    "FZ100214191194_A2457020",                                        # an image's identifier (1015)
    # a site's list of more stories, each summary glued to its date (1021)
    "推荐阅读今年以来,示范区启动中心城区空闲地修复利用工作,让曾经被遗忘的城市角落焕发新生。",
    "2025-12-1612月15日,示范区国土空间规划委员会召开2025年第九次会议。",
    "版次:A01  2024年01月16日",                                         # an e-paper's page (1114)
    "淮南日报社严正声明", "现声明如下:",                                  # a paper's notice (1114)
    "长期以来,淮南市部分自媒体未经淮南日报社授权同意,肆意、擅自、无偿转载淮南日报社记者采写的"
    "新闻稿件,严重侵害淮南日报社版权,严重损害淮南日报社新闻记者权益。",
    "无标题",                                                   # an empty headline slot (1100)
    "我要评报 隐藏留言须知", "2.大理时讯拥有管理笔名和留言的一切权力。",      # a comment board (1141)
    "4.如您对管理有意见请向 留言板管理员 或 大理时讯网络中心 反映。",
    "金华日报 数字报纸", "文章内容",                                    # an e-paper's labels (1143, 1142)
    "a0004版:城事",                                           # its page line, the code's case (1162)
    "添加人:熊金华",                                          # who put the story on the site (1170)
    "阅读量:342 本文字数:437",                                     # its reading count (1184)
    "信阳新闻网 信阳晚报",                                    # a group's outlets side by side (1207)
    "湄洲日报 2023年03月07日",                                       # a masthead's name and day (1213)
    "扫描二维码 看视频报道",                                                        # a QR code's (392)
    # a paper's notice on its e-paper's content, its 侵权 named (1208)
    "《荆州日报》（电子版）的一切内容仅供荆州日报读者阅读、学习研究使用,未经荆州日报及/或相关权利人书面授权,"
    "任何单位及个人不得将《荆州日报》（电子版）所登载、发布的内容用于商业性目的,包括但不限于转载、复制、发行,"
    "或将之在非本站所属的服务器上作镜像。否则,荆州日报将采取一切合法手段,追究侵权者的法律责任。",
    # whose the content of a site and the sites it links to is (1195)
    "德州新闻网是由德州日报社所创建的综合性网站,所刊登的第三方发表的各类新闻﹑信息和各种专题资料的版权,"
    "均为第三方作者或页面内声明的版权人所有。",
    "所有与德州新闻网链接的网站及其内容和版权,由相应的提供者与拥有者负责,德州新闻网对链接网站的内容不",
    "您当前使用的浏览器版本过低,可能导致部分功能不能正常使用。",                 # a browser notice (1164)
    "640 (2).jpg",                                          # a picture's file name, a copy's (1313)
    "千岛湖新闻网 编辑:程就 姜智荣",                                  # a site's editor after its name (1456)
    # a county site's footer: who hosts it, runs it, and its notice on copying (1506)
    "主办:中共重庆市綦江区委 重庆市綦江区人民政府 承办:重庆市綦区融媒体中心 技术支持:新华网重庆频道 华龙网",
    "綦江区融媒体中心旗下綦江日报、重庆綦江网、綦江日报数字报、重庆綦江手机报等媒体刊发的所有文字、图片、表格,"
    "如需转载或使用,须经本中心书面许可或授权,并须按许可要求标明出处。已获授权者如改动本中心刊发的文章或标题,敬请标明。",
    # a site's headline index on one line, its headlines side by side (1483)
    "重庆政协报新春走基层 生态美、产业兴、百姓富 青花椒变“新”记 田园水乡展新颜 “出行更方便了!” 乡村通了客运车 绿色新体验",
    "责编:王蕊莉", "审核人:余柯潘", "终审:张三",                             # a county site's editors
    "二版:综合新闻总第880期 >2011-12-23编印",                                 # a page line in words (1027)
    # an e-paper's record of the article under it, the day twice (1303)
    "温岭日报 新闻播报 a0008 2012-10-24 温岭日报2012-10-2400007;7325 2 2012年10月24日 星期三",
])
def test_boilerplate_after_the_article_is_dropped_however_long(line: str) -> None:
    document = parse_text(f"标题\n\n本报讯 近日，社区开展活动。居民积极参与。\n\n{line}")
    assert all(line not in a.text_content() for a in document.articles)
    # (as normalised: full-width punctuation or not, no spaces, no table bars at the ends)
    marks = str.maketrans("：，（）", ":,()")
    bare = "".join(line.translate(marks).split()).strip("|")
    assert bare[:8] in "".join("".join(document.dropped).translate(marks).split())


@pytest.mark.parametrize("line", ["≡ 百姓呼声 ≡", "≡ 洛阳社区热帖 ≡"])
def test_a_site_menu_s_framed_links_are_dropped(line: str) -> None:
    document = parse_text(f"标题\n\n本报讯 近日，社区开展活动。居民积极参与。\n\n{line}\n\n≡ 亲子教育 ≡")
    assert all(line not in a.text_content() for a in document.articles)
    assert line in document.dropped


def test_article_text_shows_no_chrome() -> None:
    assert kinds_of("近日，福华北街社区16号楼居民陈国军和郑源斌带着一面锦旗，专程送到福华街办事处。") == ()
    assert kinds_of("第一版刊发的报道引起了读者的关注。") == ()  # 第一版 in a sentence
    assert kinds_of("他认真阅读了条例正文。") == ()                    # 正文 in a sentence
    assert kinds_of("首页工程正式启动") == ()                            # 首页 in a headline
    assert kinds_of("重温红色记忆 中原网党总支在垌头村开展主题党日活动") == ()  # the site's own (1563)
    assert "source" in kinds_of("2022-07-13 22:50:02 来源:中原网")
    for line in ("附件1：合同正文", "关于印发《实施方案》的通知正文", "宣读决议正文", "微信"):
        assert kinds_of(line) == (), line                   # a document's 正文; a headline's word
    assert kinds_of("第一版：1998年出版，收字一万个。") == ()          # ... or a list's item


def test_a_breadcrumb_ending_with_its_title_names_no_section() -> None:
    # 1109: the last level is the article's own headline, printed again under it
    document = parse_text("首页 > 新闻社会 戏曲进乡村\n戏曲进乡村\n\n"
                          "本报讯 近日，县剧团走进乡村，为村民送上一台精彩的戏曲演出。\n\n"
                          "演出吸引了周边村民前来观看。")
    assert document.articles[0].title == "戏曲进乡村"


@pytest.mark.parametrize(("line", "number", "name"), [
    ("第二版:新闻", "二", "新闻"),                                   # in words (1161)
    ("第二版:综合总第2384期 >2021-11-09编印", "二", "综合"),           # the number after it
    ("第A12版：热线新闻 上一版3 4下一版", "A12", "热线新闻"),
])
def test_the_page_number_and_name_as_printed(line: str, number: str, name: str) -> None:
    document = parse_text(f"{line}\n\n村道修好了\n\n本报讯 近日，蔡家岗镇太平村党员自发维修村道。")
    assert (document.page_number, document.page_name) == (number, name)


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


def test_a_breadcrumb_is_not_joined_to_the_lines_under_it() -> None:
    # v05: a hard-wrapped page, whose breadcrumb reaches the wrap width
    lines = normalise((PAGES / "v05.txt").read_text(encoding="utf-8")).lines
    assert lines[0].text == "首页 > 县区 > 兰考县 > 正文"


@pytest.mark.parametrize("jump", ["上接01版", "》》》上接01版", "（上接第一版）"])
def test_a_jump_line_is_chrome(jump: str) -> None:
    # z06: the continuation of a front-page story opens with its jump line alone
    units = read(normalise(f"第03版：要闻\n\n{jump}\n\n春节的年味，从团年饭开始。\n").lines)
    jumped = next(u for u in units if u.first_line == 3)
    assert jumped.role == "drop" and "jump" in jumped.cuts


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
    # 1106 (fresh, 中原网): the summary runs the lead's first clause into the next
    # paragraph's words, so neither is the other's opening; it was read as an article
    lead = ("6月9日晚，市城市管理局、市城市管理执法支队等执法人员对金水区升龙广场特色街区美食广场、"
            "健康路夜市和部分街道夜间市容管控情况进行督查时发现")
    page = (f"文博西路夜市占道严重\n\n{lead}当晚10点，文博西路五六家小吃摊在路边支起了饭桌。\n\n"
            f"中原网讯(郑报全媒体记者 谷长乐 文/图) {lead}，文博西路占道经营现象严重。\n\n"
            "当晚10点，文博西路与白庙路交叉口南侧，五六家小吃摊在路边支起了饭桌。\n")
    document = parse_text(page)
    (article,) = document.articles
    assert article.reporters == ("谷长乐",) and article.paragraphs[0].text.startswith("6月9日晚")
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


def test_an_image_file_name_glued_to_the_text_is_dropped() -> None:
    # 230 (a fresh page): the photo's credit and the picture's file name glued to the text
    page = ("高标准农田保丰收\n\n连日来，在宛城区高庙镇谢营村附近的高标准农田里小麦长势喜人。"
            "田成方、路相连、网、渠相通、林成行。记者 崔培林 摄5ce9d70c5c2b8fab0ac86d8c41f83f6.jpg\n")
    document = parse_text(page)
    article = document.articles[0]
    assert article.paragraphs[-1].text.endswith("林成行。")
    assert "5ce9d70c5c2b8fab0ac86d8c41f83f6.jpg" in document.dropped
    assert [str(c) for c in article.other_bylines] == ["摄影 崔培林"]


def test_an_outlets_name_under_the_text_is_where_it_came_from_not_text() -> None:
    # 163, read by a model that had not seen it: 郑州日报 under the last paragraph taken
    # for a byline, which no byline grammar reads; it was kept as text, and the article
    # taken for cut off
    page = ("记者 王思俊 通讯员 谷奕金 文/图\n\n4月28日，社区开展活动。居民积极参与。\n\n"
            "共同创建健康友好社区。\n\n郑州日报\n郑州日报官方正观号\n")
    labels = ["byline", "body", "body", "byline", "chrome"]
    document = document_from(as_labelled(page, labels), "163.txt")
    article = document.articles[0]
    assert article.paragraphs[-1].text == "共同创建健康友好社区。"
    assert "郑州日报" in document.dropped
    assert not any("stops inside" in w for w in document.warnings)
    # a line the grammar cannot read that is no outlet's name stays text
    page = page.replace("郑州日报\n", "大家都说好\n", 1)
    assert document_from(as_labelled(page, labels), "163.txt").articles[0].paragraphs[-1].text \
        == "大家都说好"


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


def test_a_page_cut_off_after_an_outlets_name_under_the_text_keeps_the_text_whole() -> None:
    # 948 (fresh): the page stops at 郑报全媒体 (记者 and the names cut off): no text
    page = ("乡村振兴，而今迈步从头越\n\n本报讯 乔松伟说，要把脱贫的承诺兑现。\n\n"
            "如今，他把这份承诺完美兑现。\n\n郑报全媒体\n")
    document = document_from(as_labelled(page, ["title", "body", "body", "body"]), "948.txt")
    article = document.articles[0]
    assert article.body[-1].text == "如今，他把这份承诺完美兑现。" and "郑报全媒体" in document.dropped


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



def test_headlines_after_the_chrome_under_the_text_are_other_stories() -> None:
    # 1097 (fresh, 大同日报): under the text, the e-paper's list of its pages, then two
    # headlines of other stories at the page's end, read as the article's last paragraphs
    pages = "\n".join(f"第0{n}版:{name}" for n, name in enumerate(("要闻", "综合", "要闻", "要闻",
                                                                   "走近平城", "理论"), start=1))
    labels = ["title", "body", "body", *["chrome"] * 8, "body", "body"]
    page = ("清洁环境面貌新 整洁舒适润民心\n\n本报讯 (记者 何嫱) 为打造文明城市，水泊寺街道开展清理活动。\n\n"
            "经过清理，小区外围环境面貌焕然一新，得到了辖区居民的一致好评。\n\n标题导航\n"
            f"{pages}\n规范占道经营 助力文明创建\n\n“牵头聚力”为基层治理提质增效\n\n平城区开展“首善平城·绿色文明周”\n")
    document = document_from(as_labelled(page, labels), "1097.txt")
    (article,) = document.articles
    assert article.paragraphs[-1].text.endswith("一致好评。") and not article.truncated
    assert any(line.endswith("平城区开展“首善平城·绿色文明周”") for line in document.dropped)
    # lines that are no headlines stay: a page cut off goes on after its photo numbers (342)
    numbers = "\n\n".join(str(n) for n in range(1, 7))
    page = ("玉山镇物资交流会客商云集\n\n驻马店网讯(记者 王永良)4月2日，一年一度的物资交流会开幕。\n\n"
            f"{numbers}\n\n据悉，玉山镇是豫南有名的科技大集、文化名镇，早在民国时期就是远近闻名的集镇，特别是在民国时\n")
    labels = ["title", "body", *["chrome"] * 6, "body"]
    article = document_from(as_labelled(page, labels), "342.txt").articles[0]
    assert article.paragraphs[-1].text.endswith("特别是在民国时") and article.truncated

def test_a_long_trail_of_where_the_page_is_is_chrome_and_no_start_of_the_text() -> None:
    # 1068 (fresh): 焦作网's trail (您现在的位置: 焦作网 > 2019年新闻专题频道 > …, 83
    # characters, mostly Han) was taken for the article's first prose, so the lines under
    # it were not looked at for chrome: the source line over the text hid the headline
    menu = ("二维码\n\n扫一扫加入微信公众号\n\nTop\n网站首页 新闻 国内 国际 河南 焦作\n"
            "时政要闻 专题 直播 网视 网谈 网评\n今日头条 汽车 旅游 经济 美食\n焦作关注 房产 娱乐 体育 市场\n"
            " 焦作日报 手机报 经典微视频\n 焦作晚报 官方微博 官方微信\n 经典山阳 小记者 焦作论坛\n"
            " 网上投稿 记 协 订报服务\n")
    trail = ("您现在的位置: 焦作网 > 2019年新闻专题频道 > 习近平新时代中国特色社会主义思想 > "
             "习近平新时代中国特色社会主义思想在河南的实践——乡村振兴 > 乡村振兴看河南·焦作行 > 正文")
    page = (f"{menu}  {trail}\n\n2019年新闻专题频道\n\n赵庄村里稀罕事\n"
            "更新时间:2021-1-5 9:37:06    来源:焦作日报\n\n"
            "  “叔，我想回去创业！”2020年12月30日，中站区龙翔街道赵庄村在外打拼的青年毋鹏给该村"
            "党支部书记刘理军打的一个电话在朋友圈刷屏了。这是该村新近发生的一件稀罕事。\n\n"
            "  类似的稀罕事在赵庄村还有很多，其中羊倌当村干部的事成了村民的美谈。\n")
    units = {u.text[:4]: u for u in read(normalise(page).lines)}
    assert units["您现在的"].role == "drop" and "source" in units["更新时间"].kinds
    assert parse_text(page).articles[0].title == "赵庄村里稀罕事"


def test_the_headline_over_a_papers_notice_is_the_articles() -> None:
    # 1114 (fresh, 淮南): the paper's notice against copying its work (a heading, two
    # paragraphs, an item) printed between the headline and the byline, read as the text
    notice = ("淮南日报社严正声明\n\n\n长期以来，淮南市部分自媒体、政务新媒体未经淮南日报社授权同意，肆意、"
              "擅自、无偿转载淮南日报社记者采写的新闻稿件，严重侵害淮南日报社版权，严重损害淮南日报社"
              "新闻记者权益。\n\n现声明如下：\n\n凡淮南日报社记者署名的文字、图片以及短视频，版权均属淮南日报社。")
    page = (f"和谐社区人心齐 幸福生活大家庭\n\n版次：A01  2024年01月16日\n\n{notice}\n\n本报记者 郑洁\n\n"
            "走进田家庵区公园街道东苑社区，一排排居民楼掩映在绿树中。社区居民说起创文，个个竖起大拇指。\n\n"
            "“心齐了，创城工作也越发顺利。”社区书记说。\n")
    document = parse_text(page)
    (article,) = document.articles
    assert article.title == "和谐社区人心齐 幸福生活大家庭" and article.reporters == ("郑洁",)
    assert article.paragraphs[0].text.startswith("走进田家庵区")
    assert not any("淮南日报社" in p.text for p in article.paragraphs)


def test_an_outlets_name_over_the_headline_is_no_part_of_it() -> None:
    # 1278: 齐鲁晚报网 on its own line over the headline
    document = parse_text("齐鲁晚报网\n\n年货送暖\n\n     过了腊八就是年。春节将近，社区工作人员备好年货，"
                          "杏林送暖。1月21日，毓璜顶街道杏林社区为困难家庭送去米面油。\n"
                          "  本报记者 孙淑玉 通讯员 于朝霞 摄影报道\n")
    assert document.articles[0].title == "年货送暖"
    assert "齐鲁晚报网" in document.dropped


@pytest.mark.parametrize("outlet", ["今日范县", "今日开鲁"])
def test_a_county_news_sites_name_over_the_headline_is_no_part_of_it(outlet: str) -> None:
    # 1692 (今日范县), 1569 (今日开鲁): the site's name, read as a kicker by the model
    document = parse_text(f"{outlet}\n\n濮城镇开展垃圾清理专项活动\n\n本报讯 近日，濮城镇组织干部群众"
                          "开展垃圾清理专项活动，清理积存垃圾50余吨。\n")
    article = document.articles[0]
    assert article.title == "濮城镇开展垃圾清理专项活动" and article.kicker is None
    assert outlet in document.dropped
    # ... where 今日 and a word that is no place's name is the headline's
    article = parse_text("今日立冬\n\n濮城镇开展垃圾清理专项活动\n\n本报讯 近日，濮城镇组织干部群众"
                         "开展垃圾清理专项活动。\n").articles[0]
    assert "今日立冬" in (article.kicker, article.title)


@pytest.mark.parametrize("deck", ["致敬郑州日报\n\n七十年风雨兼程", "热烈祝贺郑州日报\n\n创刊七十周年"])
def test_a_headline_naming_a_paper_is_no_outlets_name(deck: str) -> None:
    document = parse_text(f"{deck}\n\n本报讯 近日，郑州日报迎来创刊七十周年，各界人士纷纷送上祝福。\n")
    article = document.articles[0]
    assert "郑州日报" in " ".join(t for t in (article.kicker, article.title, article.subtitle) if t)


def test_a_list_of_editions_in_the_text_is_text() -> None:
    document = parse_text("一本字典的三次修订\n\n本报讯 近日，记者走访市图书馆，了解一本字典的修订历程。\n\n"
                          "第一版：1998年出版，收字一万个。\n\n第二版：2005年出版，增加了插图。\n\n"
                          "第三版：2015年出版，收字两万个。\n\n馆长说，这本字典见证了城市的发展。\n")
    assert len(document.articles[0].paragraphs) == 5
    assert document.page_number is None


def test_a_paragraph_naming_a_day_both_ways_is_no_e_papers_record() -> None:
    page = ("市民热议新规\n\n本报讯 近日，我市召开会议，部署下一阶段工作。\n\n"
            "据悉，本次活动报名通道于2023-10-20 09:00开启，截止到2023年10月24日 星期二\n")
    article = parse_text(page).articles[0]
    assert article.paragraphs[-1].text.startswith("据悉")



@pytest.mark.parametrize("name", ["浆洞瑶族乡:入户宣传防溺水,筑牢安全防线.jpg",    # 1438
                                  "翁城镇:防患未然,赶早筑牢汛前防线.png", "640 (2).jpg", "404255_144.JPG"])
def test_a_picture_s_file_name_is_chrome(name: str) -> None:
    # a county site prints the picture's file name where the picture stood, named after
    # the article: no second article's headline
    document = parse_text("浆洞瑶族乡:入户宣传防溺水,筑牢安全防线\n\n"
                          "为切实增强村民防溺水意识，织密织牢防溺水安全网，近日，浆洞瑶族乡组织"
                          "乡村干部、志愿者深入各村开展防溺水入户宣传活动。\n\n"
                          f"{name}\n\n"
                          "志愿者手持《防溺水安全手册》，逐户讲解防溺水知识，提醒家长切实履行"
                          "监护责任，教育孩子不私自下水游泳，不在无安全设施的水域玩耍。\n\n"
                          "本次专项行动累计入户宣传300余户，发放宣传资料500余份，排查危险水域"
                          "12处，全力守护村民生命安全。")
    article, = document.articles
    assert len(article.paragraphs) == 3
    assert name.replace(":", "：").replace(",", "，") in document.dropped


@pytest.mark.parametrize(("line", "kept"), [
    ("图为志愿者入户宣传 崔培林 摄 5ce9e5b2a1b3.jpg", "图为志愿者入户宣传"),        # a caption, its file
    ("志愿者入户宣传（崔培林 摄）5ce9e5b2a1b3.jpg", "志愿者入户宣传"),
])
def test_a_caption_with_its_picture_s_file_name_keeps_its_words(line: str, kept: str) -> None:
    # the file's name is cut off (IMAGE_TAIL); the caption and its credit are no file name
    document = parse_text("浆洞瑶族乡:入户宣传防溺水,筑牢安全防线\n\n"
                          "为切实增强村民防溺水意识，织密织牢防溺水安全网，近日，浆洞瑶族乡组织"
                          "乡村干部、志愿者深入各村开展防溺水入户宣传活动。\n\n"
                          f"{line}\n\n"
                          "志愿者手持《防溺水安全手册》，逐户讲解防溺水知识，提醒家长切实履行"
                          "监护责任，教育孩子不私自下水游泳，不在无安全设施的水域玩耍。")
    assert line not in document.dropped
    article, = document.articles
    assert kept in f"{article.text_content()} {' '.join(article.captions)}"


def test_a_line_of_many_writers_is_no_list_of_the_site_s() -> None:
    from converters.parse.patterns import is_boilerplate

    # six names and more side by side, but with their roles: a byline (u11)
    assert not is_boilerplate("□融媒体记者 陈明华 许奕梅 庄丽祥 高云 陈茗香 实习生 王炜煌 吴林羲 文/图")
    # an event's hosts named in its text, the law on copying: sentences, no site's footer
    assert not is_boilerplate("主办：市文明办。活动当天，志愿者走进社区。")
    assert not is_boilerplate("主办：市文明办，承办：中原区文化馆。活动当天，志愿者走进社区，为居民送上文艺演出。")
    assert not is_boilerplate("根据新修订的著作权法，其他媒体如需转载，须经原作者许可，并按规定支付报酬。")
    # a list of the honoured under 名单如下：, names side by side: the text's
    assert not is_boilerplate("王建国 李红梅 张志强 刘晓燕 陈国华 杨丽娟 赵文博 黄海涛 周建军 吴晓东 郑丽华 孙海燕")
    # ... and short phrases with a full stop or a question: a paragraph, however many spaces
    assert not is_boilerplate("学党史 悟思想 办实事 开新局 强担当 作表率，全区上下形成了浓厚的学习氛围，干劲十足。")
    assert not is_boilerplate("路在哪里？ 钱从哪来？ 人往哪去？ 事怎么办？ 地怎么种？ 家怎么建？ 村里的人都在问")
    # (a site's own, wherever they stand: 1620, 1618)
    for line in ("图片14", "文章关键词:汝南县,老君庙,治理", "(映象网驻马店新闻热线:0396—3599908)",
                 "(映象网驻马店新闻热线:0396—3599908,投稿邮箱yxwzmdpd@163.com。"
                 "映象网“大象陪办”电话18003719699)"):                      # however long (1664)
        assert is_boilerplate(line), line
    # a sentence naming the hotline, a part of a review headed by its key word: the text's
    assert not is_boilerplate("市民可拨打新闻热线0371-12345反映问题。")
    assert not is_boilerplate("关键词：创新")
    # a level after words that name no office is no site's header
    assert not is_boilerplate("村里召开会议 县级")
    # a paragraph that trails off, or quotes a list cut short: a sentence
    assert not is_boilerplate("他说：“先修路......再建房......最后才是产业。”村民们纷纷点头表示赞同。")


def test_a_site_s_editors_after_its_name_are_credited() -> None:
    # 1456: 千岛湖新闻网 编辑:程就 姜智荣 under the text
    document = parse_text("屏门乡清洁乡村掀高潮\n\n千岛湖新闻网讯 (通讯员 叶德喜)2月20日，屏门乡召集乡村干部"
                          "召开清洁乡村推进会，部署全年工作。\n\n会后还组织干部群众上街打扫卫生。\n\n"
                          "千岛湖新闻网 编辑:程就 姜智荣")
    article, = document.articles
    assert {"编辑 程就", "编辑 姜智荣"} <= {str(credit) for credit in article.other_bylines}


def test_a_footer_s_letter_spaced_copyright_is_the_site_s() -> None:
    from converters.parse.patterns import is_boilerplate

    # (1253: 上海报业集团's footer, its characters spaced out, under the article's text)
    assert is_boilerplate("上 海 报 业 集 团      版 权 所 有")
    assert not is_boilerplate("记者了解到，该公司的版 权 所有人已经变更。")  # a sentence's own spacing


def test_when_a_site_posted_the_story_is_its_chrome() -> None:
    from converters.parse.patterns import is_boilerplate

    # (1603: under the headline, read as its subtitle by a model that never saw the page)
    assert is_boilerplate("加入时间:2021-07-23 09:31")
    assert is_boilerplate("发布时间：2023年5月8日 来源：县政府办")
    assert not is_boilerplate("据了解，发布时间为2023年5月8日的通知已经失效。")  # a sentence


@pytest.mark.parametrize("line", [
    "3上一",                                                  # page buttons, cut off (164)
    "2019-04-05 19:25:05 三峡传媒网 [撤稿纠错] 条评论",       # a posting's buttons (1524)
    "新闻作者:文旭 发布时间:  查看次数:  放大 缩小 默认",      # article tools (1454)
    "查看心情排行", "你看到此篇文章的感受是:",                # a mood poll, either half (1551)
    "二七区基层政务公开", "加入时间:2021-07-23 09:31",
    "关注南阳网",                                              # a "follow us" button (1716)
])
def test_a_site_s_widgets_are_boilerplate_wherever_they_stand(line: str) -> None:
    from converters.parse.patterns import is_boilerplate

    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "二七区扎实推进基层政务公开",                    # a headline about it (a second read)
    "关注消防安全 构建平安校园",                     # a kicker that asks for attention
    "二七区马寨镇 市级",                             # an honour's level in a list
    "发布日期：2023年3月1日，郑州市政府发布了新规",  # a sentence opening with a date's label
    # a paragraph trailing off with dots twice
    "唱歌、跳舞、下棋、打太极......老人们在这里各得其乐，孩子们在这里快乐成长......",
])
def test_lines_shaped_like_a_site_s_widgets_that_are_text(line: str) -> None:
    from converters.parse.patterns import is_boilerplate

    assert not is_boilerplate(line)

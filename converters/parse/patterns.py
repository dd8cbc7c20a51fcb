"""Line patterns that more than one stage recognises."""
from __future__ import annotations

import re

from .names import looks_like_person

#: words that end in 乡 or 镇 and name no town: home, going home, a land of something
#: (迷恋茶乡, 江南水乡), a kind of town (特色小镇, 千年古镇)
NOT_TOWN_WORDS = ("故乡", "家乡", "城乡", "下乡", "老乡", "返乡", "回乡", "还乡", "思乡", "他乡",
                  "异乡", "梦乡", "同乡", "茶乡", "水乡", "侨乡", "小镇", "古镇", "重镇", "城镇",
                  "乡镇", "集镇", "村镇")
#: a 办事处/街道/乡/镇 named on a line of its own over its articles; not a phrase that ends
#: in 乡 or 镇 (心安之处是故乡, 走进特色小镇): no function words, no word ending
_NO_PHRASE = (r"(?![\u4e00-\u9fff]*[的了是在和与及把被这那们着过就都也还又很])"
              rf"(?![\u4e00-\u9fff]*(?:{'|'.join(NOT_TOWN_WORDS)})$)")
SECTION_LABEL = re.compile(r"^" + _NO_PHRASE
                           + r"[\u4e00-\u9fff]{2,10}?(?:街道办事处|办事处|街道|管委会|镇|乡)$")
#: a site's author field that is no byline (作者：, 作者:云上黄石, 作者: 来源:…): one that
#: names a role (作者：本报记者 王学典) or its writer alone (作者：张玲) is one
AUTHOR_FIELD = r"作者\s*[:：](?!\s*(?:\S{0,12}(?:记者|通讯员)|[\u4e00-\u9fff]{2,4}\s*$))"
#: a site's name before its editor's role (千岛湖新闻网 编辑:程就 姜智荣)
_SITE_BEFORE_EDITOR = r"[\u4e00-\u9fff]{2,8}(?:网|报)\s+(?=编辑|责编)"
SITE_BEFORE_EDITOR = re.compile(_SITE_BEFORE_EDITOR)
BOILERPLATE = re.compile(
    r"^(?:\d*\s*(?:上一篇|下一篇|上一页|下一页)|版权声明|版权所有|责任编辑|本文编辑|"
    # (a site's editor after its name: 千岛湖新闻网 编辑:程就)
    r"(?:" + _SITE_BEFORE_EDITOR + r")?"
    r"(?:编辑|责编|审核人?|终审|校对|(?:稿件|文章|新闻)?来源|浏览次数|发布时间|文章字数|字数|添加人|录入|阅读量|"
    r"阅读数|本文字数)\s*[:：]|"
    # an e-paper's page line with its page's code (a0004版:城事, A02版：要闻), or its number
    # in words, not a sentence (二版:综合新闻总第880期 >2011-12-23编印)
    r"[A-Za-z]{0,2}\d{1,4}版\s*[:：]|[一二三四五六七八九十]{1,3}版\s*[:：][^。，！？]*$|"
    # a site's date and source line (2023-09-01 来源: 郑州晚报 …)
    r"\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*来源\s*[:：]|"
    # its list of more stories, each summary glued to its date (推荐阅读今年以来,…,
    # 2025-12-1612月15日,示范区…)
    r"推荐阅读(?!\s*$)|\d{4}-\d{2}-\d{2}(?=\d{1,2}月|[\u4e00-\u9fff])|"
    # a site's summary of the article (摘要：…), its lead again
    r"摘要\s*[:：]|" + AUTHOR_FIELD + "|"
    # a site footer's host (主办单位：郑州高新技术产业开发区管理委员会 地址：…; 主办:中共重庆市
    # 綦江区委 … 承办:…融媒体中心 技术支持:…)
    r"主办单位\s*[:：]|主办\s*[:：](?=[^。]{0,80}?(?:承办|技术支持)\s*[:：][^。]*$)|"
    r"返回(?:顶部|首页|列表)|打印本页|更多资讯请关注|"
    # a site's news hotline and mailbox, in brackets under the text, however long
    # ((映象网驻马店新闻热线:0396—…,投稿邮箱…。映象网“大象陪办”电话…)): a sentence that
    # names the hotline opens with no bracket
    r"[（(][^（）()]{0,20}(?:新闻热线|投稿邮箱)|"
    # the numbered rules of a site's comment board (2.大理时讯拥有管理笔名和留言的一切权力。)
    r"\d{1,2}\s*[.、．]\s*\S{0,40}?(?:留言板|留言的|笔名)|"
    # an e-paper's page line (版次:A01  2024年01月16日)
    r"版次\s*[:：]|"
    # a paper's notice over its page (淮南日报社严正声明 / 长期以来，…未经淮南日报社授权
    # 同意，肆意转载… / 现声明如下:)
    r"[\u4e00-\u9fff]{0,12}(?:严正|版权)声明\s*$|现声明如下\s*[:：]?\s*$|"
    # where the page is, however long the trail (您现在的位置: 焦作网 > 2019年新闻专题频道 > …)
    r"您(?:当前|现在)的?(?:所在)?位置|"
    # a breadcrumb (首页 > 县区 > 兰考县 > 正文); a site's copyright notice (凡注有“金华新闻网”…)
    r"首页\s*[>›].*[>›]\s*正文\s*$|"
    # its items, numbered or not (1.凡本网注明“来源:驻马店网”的…, 凡呼和浩特融媒体中心记者
    # 署名文字、图片,版权均属…), and who defends it (…集团法律顾问单位:…, 首席法律顾问:…)
    r"(?:\d{1,2}\s*[.、．]\s*)?凡\S{0,12}?(?:注[明有]|署名)|"
    r"[\u4e00-\u9fff（）()]{0,20}?法律顾问(?:单位)?\s*[:：]|"
    # its numbered items (• 1. 本网原创稿件版权均属于…, 2. 非本网原创作品均转载自…)
    r"[•·]?\s*(?:\d{1,2}\s*[.、．]\s*)?非?本(?:网|站)原创|本(?:网站|网|站)所(?:刊发|刊登|登载|发布)|"
    # a platform's notice under its writers' posts (特别声明 / 本文为正观号作者或机构在正观新闻
    # 上传并发布,仅代表该作者或机构观点…)
    r"特别声明\s*[:：]?\s*$|本文为\S{0,12}(?:作者|用户)\S{0,8}(?:上传|发布)|"
    r"关闭窗口|分享到|扫一扫|扫描二维码|当前位置|【字体|字号\s*[:：]|语音播报|"
    # a paper's SMS subscription notice: 移动用户:发送短信 jzsjb 到 10658300 即可订阅…
    r"(?:移动|联通|电信)用户\s*[:：]?\s*发送短信|"
    # a browser notice: 您的IE浏览器版本太低,请升级…, 您当前使用的浏览器版本过低,…
    r"您的\s*IE\s*浏览器|您(?:当前)?(?:使用)?的\s*浏览器版本(?:过|太)低|"
    # a site menu's link framed by one mark on both sides: ≡ 百姓呼声 ≡
    r"(?P<frame>[≡◆◇★☆※●○◎▲△▼▽♦])[^≡◆◇★☆※●○◎▲△▼▽♦]{1,16}(?P=frame)$)")
#: what ends an image's file name, in either case (case-blind only here: a case-blind
#: pattern compiles each Han range character by character, some ten times slower)
_IMAGE_FILE_END = r"\.(?i:jpe?g|png|gif|bmp|webp)\s*$"
#: short lines of a site's: a link to more (更多港闻 >>), a menu item and its bar (风采 |), a
#: menu of links led by dashes (首页 -在线投稿 -往期报纸 -帮助), a paper's issue line
#: (《四平日报》（2022年11月8日）), a widget's heading (新闻热点, 新闻评论0), a date alone, an
#: outlet's label (郑东融媒体中心 原创), an image's identifier: in the labelled pages, only
#: ever chrome (kept apart: only short lines are tried)
SHORT_BOILERPLATE = re.compile(
    r"^(?:更多[\u4e00-\u9fff]{0,4}\s*(?:>+|»)?$|[^|｜。，]{1,8}\s*[|｜]\s*$|"
    r".{0,12}?(?:\s-\s?[\u4e00-\u9fff]{2,6}){3,}\s*$|"
    r"《[\u4e00-\u9fff]{2,8}》\s*[（(]\d{4}年\d{1,2}月\d{1,2}日[）)]|"
    r"新闻评论\s*\d*$|(?:新闻热点|热点新闻|即时新闻|最新新闻|热门新闻)\s*$|"
    # an e-paper's headline slot left empty (无标题, over the headline typed as text: 1100)
    r"无标题\s*$|"
    # an e-paper's own labels: its name (金华日报 数字报纸), its text's (文章内容)
    r"[\u4e00-\u9fff]{2,8}\s*(?:数字报纸?|电子报)\s*$|文章内容\s*$|"
    # a paper's masthead line: its name and the day (湄洲日报 2023年03月07日)
    r"[\u4e00-\u9fff]{2,8}(?:日报|晚报|时报)\s*\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期.)?\s*$|"
    # a group's outlets named side by side in a site's header (信阳新闻网 信阳晚报)
    r"(?:[\u4e00-\u9fff]{2,8}(?:新闻网|日报|晚报|时报|客户端)\s+){1,3}"
    r"[\u4e00-\u9fff]{2,8}(?:新闻网|日报|晚报|时报|客户端)\s*$|"
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期.)?\s*$|"
    # when a post was made ([2019.04.27] 發表), a site's menu (洛阳网首页 新闻 县区 …)
    r"\[?\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\]?\s*(?:发表|发布)$|[\u4e00-\u9fff]{1,6}网首页\s|"
    # a site's label after its outlet's name (郑东融媒体中心 原创)
    r"[\u4e00-\u9fff·]{2,16}\s+(?:原创|首发|独家)$|"
    # an image's identifier (FZ100214191194_A2457020)
    r"[A-Za-z]{0,4}\d{6,}_[A-Za-z0-9_\-]{4,30}\s*$|"
    # when a site posted the story (加入时间:2021-07-23 09:31, 发布时间:…), first on its line
    # (not a sentence that opens so: 发布日期：2023年3月1日，郑州市政府发布了新规)
    r"[•·]?\s*(?:加入|发布|更新|录入|上传|添加)(?:时间|日期)\s*[:：]\s*\d{4}\s*[-年/]\s*\d{1,2}[^。，！？]*$|"
    # a site's "follow us" button (关注南阳网; not 关注消防安全, a kicker's words)
    r"关注[\u4e00-\u9fff]{2,6}网\s*$|"
    # a picture's stand-in (图片14), a site's keywords under the text (文章关键词:汝南县,…)
    # (not 关键词：创新 alone: a year's review may head its parts so)
    r"图片\d{1,3}\s*$|文章关键词\s*[:：]|"
    # a 基层政务公开 site's header: its name, and the office that posted with its level
    # (二七区基层政务公开 / 二七区建中街街道办事处 乡级; a street's office by its street's
    # name alone: 金水区北林路 乡级)
    # (a place's name only: 二七区扎实推进基层政务公开 is a headline; and the site's two
    # levels only: 二七区马寨镇 市级 may be an honour in a list)
    r"[\u4e00-\u9fff]{1,8}[区县市]基层政务公开\s*$|"
    r"[\u4e00-\u9fff（）()]{2,28}(?:办事处|人民政府|政府|局|委员会|中心|办公室|街道|路|街|镇|乡)"
    r"\s+[乡县]级\s*$|"
    # a site's links box (友情链接:), an e-paper's date picker (选择其他日期的报纸), its
    # page buttons cut off (3上一)
    r"友情链接\s*[:：]?\s*$|选择其他日期的?报纸\s*$|\d\s*上一\s*$|"
    # a site's note of the story's first headline, often left empty ((原标题:  ), 912, 1372)
    r"[（(]\s*原标题\s*[:：][^）)]{0,40}[）)]\s*$)")
#: an image's file name where the picture stood (404255_144.jpg, a copy's 640 (2).jpg, one
#: named after the article: 浆洞瑶族乡:入户宣传防溺水,筑牢安全防线.jpg): no space, no
#: sentence's end, no photographer's credit (a caption or credit with the file's name
#: after it, 图为志愿者入户宣传 崔培林 摄 5ce9e5b2.jpg, keeps its words: IMAGE_TAIL)
_IMAGE_FILE = re.compile(r"(?![^摄]*摄)[^\s。！？!?]{1,45}?(?: \(\d{1,3}\))?" + _IMAGE_FILE_END)
#: the last characters of .jpg .png .gif .bmp .webp and of trailing spaces: most lines end in none
_IMAGE_FILE_LAST = frozenset("gGfFpP \t\u3000")
#: an image's file name glued to the end of a paragraph (…林成行。记者 崔培林 摄5ce9….jpg)
IMAGE_TAIL = re.compile(r"[0-9A-Za-z_\-.]{6,60}" + _IMAGE_FILE_END)
#: the longest line SHORT_BOILERPLATE is tried on
SHORT_LINE = 50
#: the same, anywhere in a line (kept apart: a pattern with unanchored branches is tried
#: at every position of every line, the anchored one only at the start). Every branch
#: starts with one literal character (no class, group or anchor first): re then skips
#: to the positions holding one of those characters instead of trying each branch at
#: each position, which made this the costliest pattern a page's lines meet
BOILERPLATE_ANYWHERE = re.compile(r"网站版权所有|All [Rr]ights [Rr]eserved|all [Rr]ights [Rr]eserved|"
                                  # letter-spaced in a footer (上 海 报 业 集 团  版 权 所 有, 1253)
                                  r"版\s+权\s+所\s+有|"
                                  r"ALL RIGHTS RESERVED|上一记录\s*下一记录|官方微博参与互动|即可订阅《|"
                                  # a site footer's 未经授权，请勿转载或建立镜像 (no article
                                  # says it builds a mirror)
                                  r"建立镜像|转载或镜像|版权和免责|"
                                  # …未经本报授权不得转载; 违者本报将依法追究法律责任;
                                  # 如果您发现本网站上有侵犯您的知识产权…
                                  r"未经本(?:报|网|站)(?:书面)?(?:许可|授权)|本(?:报|网|站)将依法追究|"
                                  r"本网站上有侵犯|"
                                  # a comment box with nothing in it (还没有评论,快来抢沙发吧!)
                                  r"还没有评论|暂无评论|抢沙发|留言须知|我要评报|留言板管理员|"
                                  # a news site's buttons under a posting's time (… 三峡传媒网 [撤稿纠错]
                                  # 条评论) or its article tools (… 放大 缩小 默认)
                                  r"撤稿纠错|放大\s*缩小\s*默认|"
                                  # a government site's disclaimers (② 凡本网注明“来源：XXX”的作品，
                                  # 均转载自其它媒体，转载目的在于传递更多信息…; ③ 如因作品内容、
                                  # 版权和其它问题需要同本网联系的…)
                                  r"转载目的在于传递更多信息|需要同本网联系|"
                                  # a mood poll under the text (查看心情排行你看到此篇文章的感受是:)
                                  r"心情排行|看到此篇文章的感受|"
                                  # an image's alt text (中原区人民政府网站logo)
                                  r"logo\s*$|Logo\s*$|LOGO\s*$|"
                                  # where the page is (您当前的位置：安吉新闻网>>乡镇风貌>>…),
                                  # a link (…网上调查>>>)
                                  r"您(?:当前|现在)的?(?:所在)?位置|>>\s*$|》》\s*$|>>[^>]+>>")


#: the longest line read as a site's notice by what it says (a paragraph of one)
NOTICE_LONGEST = 400
#: a paper's notice against copying its work, of a paragraph's length: what it forbids
#: (…未经淮南日报社授权同意，肆意、擅自、无偿转载…), on a line that names 版权
_COPYING_FORBIDDEN = re.compile(r"未经\S{0,16}?(?:授权|许可|同意)\S{0,80}?转载")
#: …and one that says so without 版权, the site speaking of its own work (…刊发的所有文字、
#: 图片、表格,如需转载或使用,须经本中心书面许可或授权…; not the law's 须经原作者许可)
_COPYING_ASKED = re.compile(r"如需转载\S{0,20}?须经\s*本(?:中心|网|站|报|社)\S{0,12}?(?:授权|许可|同意)")


#: an e-paper's record of the article, printed under it: its paper, page and title, the day
#: twice (温岭日报 新闻播报 a0008 2012-10-24 温岭日报2012-10-2400007;7325 2 2012年10月24日 星期三)
_EPAPER_RECORD = re.compile(r"\d{4}-\d{2}-\d{2}\S*\s.*\d{4}年\d{2}月\d{2}日\s*星期[一二三四五六日天]\s*$")


#: the fewest items side by side that make a line a list (a menu, a headline index)
LIST_ITEMS = 6
#: the longest item of such a list, and the shortest line that is one
LIST_ITEM_LONGEST, LIST_SHORTEST = 20, 40
#: what a line of writers' names holds (记者 张三 李四 …), which is no list of the site's
_CREDIT_WORDS = re.compile(r"记者|通讯员|实习生|编辑|摄|文/图|图/文")


#: where a site's headline list cuts a headline off (…职业技能竞赛开始......)
_CUT_HEADLINE = re.compile(r"\.{3,}")


def cut_headlines_run_together(text: str) -> bool:
    """A site's list of headlines run together on one line, those too long for it cut off
    with dots (农村群众小病不出村周末旅游大派送…竞赛开始......我区召开食品安全会议…): three
    cuts or more, and no sentence's end (a paragraph may trail off with dots twice:
    唱歌、跳舞、下棋、打太极......老人们在这里各得其乐，孩子们在这里快乐成长......)."""
    return "..." in text and len(text) >= LIST_SHORTEST and "。" not in text \
        and "！" not in text and "？" not in text and len(_CUT_HEADLINE.findall(text)) >= 3


def items_on_a_line(text: str) -> bool:
    """Six or more short items side by side, no full stop and no writer's credit among
    them: the site's menu or headline index on one line (重庆政协报新春走基层 生态美、
    产业兴、百姓富 青花椒变“新”记 “出行更方便了!” …; its headlines may end with !).
    In the labelled pages all 181 such lines are chrome."""
    if len(text) < LIST_SHORTEST or text.count(" ") < LIST_ITEMS - 1:
        return False
    items = text.split()
    if len(items) < LIST_ITEMS or any(len(item) > LIST_ITEM_LONGEST for item in items) \
            or "。" in text or "？" in text or _CREDIT_WORDS.search(text) is not None:
        return False
    # a list of people (the honoured, the winners) is the text's: most items names
    return sum(looks_like_person(item) for item in items) * 2 < len(items)


def is_boilerplate(text: str) -> bool:
    """A line of site boilerplate. A long line is looked at from its start only (a
    copyright notice of a paragraph's length starts 版权声明; a paragraph of the
    article that mentions one does not); but a line of any length that names 版权 and
    forbids copying the paper's work, or says whose the site's content is (德州新闻网…的
    版权，均为第三方作者…所有; 与德州新闻网链接的网站…由相应的提供者与拥有者负责), is the site's
    notice (a paragraph's length at most: a page saved as one line holds its notice too)."""
    if ("版权" in text or "侵权" in text) and len(text) <= NOTICE_LONGEST and (
            _COPYING_FORBIDDEN.search(text) is not None
            or "网站" in text and ("所有" in text or "负责" in text)):
        return True
    if "如需转载" in text and len(text) <= NOTICE_LONGEST and _COPYING_ASKED.search(text) is not None:
        return True
    if "星期" in text and "。" not in text and "，" not in text and len(text) <= 120 \
            and _EPAPER_RECORD.search(text) is not None:
        return True  # (a record is one line of fields: no sentence, no paragraph's length)
    if items_on_a_line(text) or cut_headlines_run_together(text):
        return True
    if len(text) > 80:
        return BOILERPLATE.match(text) is not None
    return BOILERPLATE.match(text) is not None or BOILERPLATE_ANYWHERE.search(text) is not None \
        or (len(text) <= SHORT_LINE and (SHORT_BOILERPLATE.match(text) is not None or (
            text[-1:] in _IMAGE_FILE_LAST and _IMAGE_FILE.match(text) is not None)))


#: a jump between pages at a paragraph's start or end: (上接一版), （下转二版）
JUMP_MARK = re.compile(r"^\s*[（(](?:上接|下转|转|接)第?[\d一二三四五六七八九十A-Z]{1,3}版[①-⑳\d]*[）)]"
                       r"|^\s*[》>]*\s*(?:上接|下转|转|接)第?[\d一二三四五六七八九十A-Z]{1,3}版\s*$"
                       r"|[（(](?:上接|下转|转|接)第?[\d一二三四五六七八九十A-Z]{1,3}版[①-⑳\d]*[）)]\s*$")
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
#: table-cell debris of scraped pages: leading and trailing pipes
PIPES = re.compile(r"^(?:\|\s*)+|(?:\s*\|)+$")

#: a line naming a place and nothing else (襄城县湛北乡北姚社区, 棉纺路街道, 马寨镇; a district
#: only when short: 金水区, not 西流湖生态公园南区): over a headline, its kicker
PLACE_NAME = re.compile(r"^" + _NO_PHRASE + r"(?:[\u4e00-\u9fff]{1,14}(?:街道办事处|办事处|街道|社区|村|乡|镇)"
                        r"|[\u4e00-\u9fff]{1,4}(?:区|县|市))$")
#: a place's party branch, committee or office named alone (长葛市后河镇王买村党支部): over
#: a headline, its kicker as a place is
PLACE_BODY = re.compile(r"^[\u4e00-\u9fff]{2,16}(?:市|县|区|镇|乡|村|街道|社区)"
                        r"(?:党支部|党总支|党委|党工委|村委会|居委会|委员会|管委会|政府|办事处)$")
#: a headline led by the place it is about (市北区大港街道普吉社区：指尖传承唇间雅韵): never a
#: paragraph (no sentence in it), whatever the model said; in the corpus' labels every such
#: line is a title, or one of the page's headline index
PLACE_LED = re.compile(r"^[\u4e00-\u9fff]{2,16}(?:区|县|市|街道|办事处|社区|村|乡|镇)\s*[:：]\s*"
                       r"[^。！？!?:：]{2,40}$")

#: a photo's caption by its marks, whatever its words: a person's place in the picture
#: (郭韬（右）与…, 朱素月阿姨（左一）), an archive photo (（资料图片）, （记者翻拍资料图片）), 图为 /
#: 上图： opening it, or its photographer's credit closing it. In the corpus' labels no
#: headline and no paragraph carries one (a numbered line, ②监测电力设备, is often a
#: caption but may be a list's subhead: no mark)
CAPTION_MARK = re.compile(
    r"[（(](?:前排|后排|中排)?(?:[左右]起?|中|中间|居中)[一二三四五六七八九十\d]{0,2}[）)]"
    r"|[（(][^（）()]{0,8}资料(?:图片|图|照片)(?:[）)]|$)")
#: ... and at its start (kept apart: an anchored branch in an unanchored pattern is tried
#: at every position of the line)
CAPTION_OPENING = re.compile(r"\s*(?:图为|[上下左右]图\s*[：:为]|图\s*[①-⑩\d]\s*[：:]?(?=[\u4e00-\u9fff]))")
#: a short line of what a picture shows, then who took it (…观看戏曲表演崔敬摄, …老吴桥。李贵标
#: 摄); a line of the credit alone is a byline, and a photo story's one paragraph with its
#: credit is longer
CAPTION_CREDIT = re.compile(r"[\u4e00-\u9fff。，]\s*[\u4e00-\u9fff]{2,3}\s*(?<![拍航])摄$")

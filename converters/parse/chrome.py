"""Page chrome: what a digital-edition page prints around its articles.

Each kind is a pattern with a name (``page-number``, ``navigation``,
``copyright`` …). The line-role model takes the kinds a line shows as
features, ``--explain`` names them as reasons, and the page's own facts
(paper, page number and name, publication date) are read from the lines the
model calls chrome.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .names import EDITOR_ROLES
from .patterns import AUTHOR_FIELD

#: (kind, pattern) — searched in a line folded to simplified characters
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("page-number", r"^\s*(?:第|当前版\s*[:：]?)\s*[A-Za-z]?\d{1,3}[A-Za-z]?\s*版|^[A-Z]{0,2}\d{1,3}$|"
                    # (in words, with its name: 第二版:新闻; not a sentence's 第一版, nor a
                    # list's 第一版：1998年出版，…)
                    r"^[A-Z]{1,2}\d{1,3}版|^\s*第[一二三四五六七八九十]{1,3}版\s*[:：][^。，！？]*$"
                    # (a county e-paper's page line: A3:天下大足总第362期 >2023-11-29编印)
                    r"|^\S{1,16}总第\d{1,5}期\s*>\s*\d{4}-\d{1,2}-\d{1,2}编印"),
    # (a pattern mixing anchored and unanchored branches is tried at every position:
    # anchored ones go in a group of their own, matched once at the start; and each
    # unanchored branch starts with one literal character, so that re skips to where
    # one stands instead of trying every branch at every position)
    ("navigation", r"上一版|下一版|上一期|下一期|上一篇|下一篇|返回主页|返回首页|返回目录|标题导航|"
                   r"版面导航|今报网首页|首页\s*[>›]|往期回顾|>\s*正文\s*$|›\s*正文\s*$"),
    # (and a breadcrumb's end, its separators lost: 郑州人大县市区人大正文; or spaces for its
    # separators: 首页 视频 视频新闻)
    ("navigation", r"^(?:\s*\d\s+\d\s*$|[34上下]+\s*$|返回[\u4e00-\u9fff]{1,8}网$"
                   # (not a document's: 附件1：合同正文, 《实施方案》的通知正文, 宣读决议正文)
                   r"|[^。，！？]{0,30}(?:[>›]|首页)[^。，！？]{0,30}正文\s*$|[^。，！？：:《》的\d\s]{8,30}正文\s*$"
                   r"|首页(?:\s+[\u4e00-\u9fff]{1,8}){1,5}\s*$)"),
    # a site's menu: three or more short links between bars (新乡网 | 新乡日报 | 平原晚报)
    ("navigation", r"^[^|。，！？]{1,16}(?:\|[^|。，！？]{1,16}){2,}\|?\s*$"),
    ("print", r"【打印】|打印本页|打印本文|放大\s*缩小|扩展\s*收缩|关闭窗口|关闭本页|分享到|字号[:：]|"
              r"【字体|默认字体|背景色|打印\s+关闭"),
    ("print", r"^(?:默认$|【?字号(?:\s*[大中小】]|\s|$))"),
    ("copyright", r"版权所有|版权声明|©|\(C\)|All rights reserved|网站版权|未经授权|转载|免责[声申]明"),
    ("licence", r"ICP|备案号|公网安备|新出网证|互联网新闻信息服务许可|举报|统一刊号|CN\d{2}-\d{4}"),
    ("contact", r"电话|热线|邮编|传真|E-?mail|邮箱|通信地址|地址[:：]|联系我们|报刊发行|广告部"),
    ("web", r"www\.|https?://|\.com|\.cn|\.html?\b|\.shtml|!\[|\]\(|content_\d+|enpproperty|"
            r"KeywordPh|<!--|-->"),
    ("date", r"^\s*[•·]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2})"
             r"(?:\s*(?:星期|周)[一二三四五六日天])?"),
    ("digits", r"^[\d\s,.|:;/-]+$"),
    # (中原网 as the site names itself, not as an outlet names its newsroom in a
    # headline or its dateline: 中原网党总支在垌头村…, 中原网讯)
    ("source", r"来源\s*[:：]|日期\s*[:：]|发布时间|" + AUTHOR_FIELD + r"|中原网(?![\u4e00-\u9fff])|浏览次数|点击数"),
    ("pdf", r"PDF|pdf"),
    ("furniture", r"^(?:阴影|广告$|图片$|视频$|更多|相关新闻|推荐阅读|热点|扫码|搜索|登录|注册|温馨提示|"
                  r"新闻搜索|电子报|本版新闻列表|本版列表新闻|本版导航|相关(?:报道|搜索|阅读)$|图片频道$|新闻推荐|"
                  # an e-paper's reading buttons (朗读, 朗读放大 缩小 默认)
                  r"朗读(?:$|放大)|(?:电脑|手机|触屏|PC)版$|"
                  # a share widget's buttons, one a line (分享到: / QQ空间 / 一键分享); not 微信 or
                  # 微博 alone, which may be a headline's word
                  r"(?:QQ空间|QQ好友|人人网|微信好友|微信朋友圈|一键分享)$)"),
    ("furniture", r"欢迎你$|站内搜索|当前位置|二维码|客户端|订阅|手机报|官方微博|阅读机|"
                  r"新闻线索|在线提交|语音播报|我要爆料|我要纠错|收藏本页|扫一扫|分享按钮|点击右上角|"
                  r"意见反馈|新闻爆料|进入论坛|"
                  # a news site's footer widgets
                  r"关注我|新浪微博|腾讯微博|吐槽"),
    ("archive", r"^\s*\d{4}-\d{2}-\d{2},\d+\|"),
    ("browser", r"浏览器|IE\d|webkit|JavaScript"),
    ("editor", r"^[（(\[【]?\s*(?:" + EDITOR_ROLES + r"|值班编辑)\s*[:：\s]"),
    # (a list of links under an article: ·将舌尖上的安全管到底)
    ("bullet", r"^\s*[•·](?:\s|(?=[\u4e00-\u9fff“]))"),
))

#: a page's number and name: 第05版:县区新闻, 第二版:综合总第2384期 (its number as printed)
_PAGE = re.compile(r"第\s*([A-Za-z]?\d{1,3}[A-Za-z]?|[一二三四五六七八九十]{1,3}(?=版\s*[:：][^。，！？]*$))\s*版\s*[:：]?"
                   r"\s*([^\s上下\d|][^|]*?)?\s*(?:上一版|下一版|PDF|\d\s*下一版|总第|$|\s\d)")
#: a paper's name: no word of the sentence it stands in (所有内容为平顶山日报社版权所有)
_PAPER = re.compile(r"((?:(?![为的是在由属归有])[\u4e00-\u9fff]){2,6}?"
                    r"(?:日报|晚报|时报|商报|都市报|今报|早报|法制报|青年报))")
#: a city's news site: 潍坊新闻网 (not 中原网, 大河网: no city's name)
_NEWS_SITE = re.compile(r"((?:(?![为的是在由属归有返回])[\u4e00-\u9fff]){2,4}?新闻网)")
_HOME = re.compile(r"返回主页\s*\|\s*([\u4e00-\u9fff]{2,8})")
_DATE = re.compile(r"(\d{4})\s*(?:年|-)\s*(\d{1,2})\s*(?:月|-)\s*(\d{1,2})")
_ADDRESS = re.compile(r"地址\s*[:：]\s*(\S{4,40})")
_OWNER = re.compile(r"主办(?:单位)?\s*[:：]\s*(?:中共)?([\u4e00-\u9fff]{2,16}?[县区市旗])(?:委|人民政府|政府)")
#: a site's writer field among its page facts (您当前位置: 洛阳网 >> 县区频道 >> 汝阳 >> 正文
#: 通讯员: 康红军 2021年02月17日 19:09; 刊发日期:2016-01-06 阅读次数: 作者:苗志崇  语音阅读:),
#: its names closed by a space or the line's end; an empty one (通讯员: 2020年10月12日)
#: names no one, and the next field's label is no name (作者 : 方俊驰 浏览次数 : 782, its
#: spaces made one); a site may call it 文章作者 or 新闻作者
_FIELD_NAME = r"[\u4e00-\u9fff·]{2,4}(?!\s*[:：])"
_CREDIT_FIELD = re.compile(r"(?:^|\s)(?:文章|新闻)?((?:记者|通讯员|作者)\s*[:：]\s*" + _FIELD_NAME
                           + r"(?:[ 、]" + _FIELD_NAME + r"){0,3})(?=\s|$)")


#: a long line is chrome only if it opens like chrome: with Latin letters, digits, marks
_LONG_CHROME_START = re.compile(r"[\x21-\x7e©•·|【\[]")


#: the kinds a line of prose (a sentence with 。) can still be: a notice, an address, a
#: copyright paragraph; page numbers, navigation and dates do not come in sentences
_IN_PROSE = tuple((kind, pattern) for kind, pattern in KINDS
                  if kind in ("copyright", "licence", "contact", "web", "browser", "furniture"))


def kinds_of(folded: str) -> tuple[str, ...]:
    """The chrome kinds a line shows (folded to simplified characters). A long line is
    looked at only when it opens like chrome (an archive widget, a link list), and
    then only its start; a sentence only for the kinds that come in sentences:
    article paragraphs are most of a page and show none."""
    if len(folded) > 100:
        if _LONG_CHROME_START.search(folded, 0, 12) is None:
            return ()
        folded = folded[:40]
    kinds = _IN_PROSE if len(folded) > 30 and "。" in folded else KINDS
    found: list[str] = []
    for kind, pattern in kinds:
        if (not found or found[-1] != kind) and pattern.search(folded):
            found.append(kind)  # a kind's patterns stand together: found once
    return tuple(found)


#: a breadcrumb that ends with the article itself (首页 巩义资讯 工作动态 正文, 首页 > 新闻
#: > 县区 > 正文): every level it names is a section of the site
_TO_TEXT = re.compile(r"(?:^|[\s>›»])正文\s*$")
_LEVELS = re.compile(r"[\s>›»|｜/]+")
#: a section's name: a word or two (a title is longer)
SECTION_LONGEST = 8


def sections_named(folded: str) -> tuple[str, ...]:
    """The site's sections a breadcrumb ending with 正文 names (巩义资讯, 工作动态): a
    line that repeats one under it is the section's heading, not the article's. (A
    breadcrumb ending with a title, 首页 > 新闻社会 戏曲进乡村, names none: its last
    level is the article's own headline.)"""
    if _TO_TEXT.search(folded) is None:
        return ()
    return tuple(level for level in _LEVELS.split(folded)
                 if 2 <= len(level) <= SECTION_LONGEST and level not in ("首页", "正文"))


@dataclass(frozen=True)
class PageFacts:
    paper: str | None = None
    page_number: str | None = None
    page_name: str | None = None
    published: str | None = None
    #: every paper the chrome names (a nav bar names the group's papers: 洛阳日报 | 洛阳晚报),
    #: and a city's news site (返回潍坊新闻网): whose city the page is
    papers: tuple[str, ...] = ()
    #: the site's postal address (地址:中国·安徽省合肥市黄山路599号), where it gives one
    address: str | None = None
    #: the writers a site's field names (通讯员: 康红军), as printed
    credit: str | None = None
    #: who runs the site, when a government or party committee does (主办单位:罗山县人民政府
    #: → 罗山县; 主办:中共重庆市綦江区委 → 重庆市綦江区)
    owner: str | None = None


def page_facts(chrome_lines: list[str]) -> PageFacts:
    """What the page says of itself, read from its chrome lines (folded), in order.

    The paper is the one named right after 返回主页 (the page's own; the others
    in that bar are links), else in a source or copyright line; the date is the
    first full date printed in the chrome.
    """
    paper = number = name = published = address = credit = owner = None
    papers: list[str] = []
    for line in chrome_lines:
        if address is None and (found_address := _ADDRESS.search(line)):
            address = found_address.group(1)
        if owner is None and "主办" in line and (found_owner := _OWNER.search(line)):
            owner = found_owner.group(1)
        if credit is None and ("记者" in line or "通讯员" in line or "作者" in line) \
                and (field := _CREDIT_FIELD.search(line)):
            credit = re.sub(r"\s*([:：])\s*", "：", field.group(1))
        papers.extend(_PAPER.findall(line))
        papers.extend(_NEWS_SITE.findall(line))
        if number is None and (page := _PAGE.search(line)):
            number = page.group(1).upper() if page.group(1)[0].isalpha() else page.group(1)
            label = (page.group(2) or "").strip(" :：")
            name = re.sub(r"\s*PDF.*$|\s*阅读$", "", label).strip() or None
        if paper is None:
            home = _HOME.search(line)
            if home and _PAPER.fullmatch(home.group(1)):
                paper = home.group(1)
            elif not line.startswith("返回主页") and ("来源" in line or "版权" in line
                                                    or "©" in line or "(C)" in line
                                                    or "content_" in line):
                found = _PAPER.search(line.split("来源")[-1])
                if found:
                    paper = found.group(1)
        if published is None and (date := _DATE.search(line)):
            year, month, day = (int(x) for x in date.groups())
            if 1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31 \
                    and "," not in line[date.end():date.end() + 1] and "|" not in line:
                published = f"{year:04d}-{month:02d}-{day:02d}"
    return PageFacts(paper, number, name, published, tuple(dict.fromkeys(papers)), address,
                     credit, owner)

"""Datelines: the words that open a news story's text and say where it came from
(本报讯, 本报济宁8月24日讯, 鄄城讯, 新华社北京5月1日电, 云上黄石报道(记者 …)), with the
byline its brackets hold; and a dateline whose bracket a line break cut in two."""
from __future__ import annotations

import re

from . import bylines
from .places import default_places

_BULLET = r"^\s*[•·□■●◆▲★]?\s*"  # (after a bullet, if any: •本报讯)
#: what may follow a county paper's or an edition's 讯 (鄄城讯去年…, 柴桑区讯(彭思远)): a
#: bracket, a space, a date, the words a lead opens with; not the rest of a word (郑州讯飞
#: 公司, 洛阳讯息港, 报刊讯息)
_LEAD_OPENS = (r"(?=[\s（(【：:\d]|[〇一二三四五六七八九十]{1,3}月|近|日前|昨|今|去年|前不久|连日|为|在|据|"
               r"记者|本报|随着|当前|目前|截至|由|从|自|每)")
#: the byline in brackets after a dateline's name, or inline, closed by 报道：
#: (or in square brackets: 本报讯【新天水·天水日报记者张彬霞】)
_DATELINE_BYLINE = (r"\s*(?:[（(]\s*(?P<inner>[^（）()]{2,60}?)\s*[）)]|【\s*(?P<square>[^【】]{2,60}?)\s*】"
                    # 本报讯 通讯员周益民、薛继伟报道：the byline inline, closed by 报道：
                    r"|(?P<inline>(?:[\u4e00-\u9fff·]{0,12}记者|通讯员)[^：:（）()。，]{2,40}?)报道\s*[：:])?")
#: a dateline opening a lead, with the byline in its brackets: 本报讯, 本报讯(记者 …),
#: 本报济宁8月24日讯, 晨报讯, 武汉晚报讯, 晚刊讯, 新华社北京5月1日电; or an outlet's
#: 云上黄石报道(记者 …) / 信阳消息(记者 …), which count only with a byline in brackets
DATELINE = re.compile(
    _BULLET +
    # (and the paper's with its site's or app's, 滨州日报/滨州网讯, 周口日报·周道客户端讯)
    r"(?:(?P<name>(?:本报|[\u4e00-\u9fff]{1,6}报)(?:[/／·•][\u4e00-\u9fff]{2,8}?)?"
    r"[\u4e00-\u9fff\d]{0,10}?讯"
    # a news site's: 中原网讯, 人民网郑州3月1日讯, 千岛湖新闻网讯, 河南县域经济网讯 (not
    # 互联网通讯: a place and date or nothing)
    # (or, with its date, 消息: 苍南新闻网2月18日消息; or its city's channel: 映象网周口讯,
    # whose place read_dateline asks the gazetteer about)
    r"|(?:[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff]{2,4}新闻)网(?:[\u4e00-\u9fff]{0,4}\d{1,2}月\d{1,2}日)?讯"
    # (a sentence reporting another site's news, 据人民网3月1日消息, is none: a dateline's
    # 消息 is followed by its colon or a space)
    r"|(?![据从经在由])[\u4e00-\u9fff]{2,4}网(?P<channel>[\u4e00-\u9fff]{2,3})讯"
    r"|(?![据从经在由])(?:[\u4e00-\u9fff]{1,4}|[\u4e00-\u9fff]{2,4}新闻)网[\u4e00-\u9fff]{0,4}"
    r"\d{1,2}月\d{1,2}日消息(?=\s*[:：]|\s)"
    # a county's newsroom: 高密融媒10月20日讯【记者 …】, …融媒体中心讯
    r"|[\u4e00-\u9fff]{2,4}(?:融媒体中心|融媒|新闻中心)(?:\d{1,2}月\d{1,2}日)?讯"
    r"|本报记(?=\s*[（(])"  # a misprint seen on a real page: 本报记(郑报全媒体记者 …)
    # Hong Kong and Macau papers print 【本報消息】, 【明報專訊】
    r"|【(?:本报|[\u4e00-\u9fff]{1,4}报)(?:专讯|消息|讯)】"
    r"|(?:新华社|中新社|中新网)[\u4e00-\u9fff\d]{0,10}?电"
    r"|[\u4e00-\u9fff]{1,4}刊讯" + _LEAD_OPENS + ")"  # an edition's: 晚刊讯
    + _DATELINE_BYLINE +
    r"|(?P<name2>[\u4e00-\u9fff]{2,8}?(?:报道|消息))\s*[（(]\s*(?P<inner2>[^（）()]{2,60}?)\s*[）)])"
    r"\s*[:：]?\s*")
#: a county paper's dateline: its place and 讯 (鄄城讯, 柴桑区讯(彭思远)); whether the words
#: before 讯 name a place, the gazetteer says (read_dateline)
PLACE_DATELINE = re.compile(_BULLET + r"(?P<name>(?P<place>[\u4e00-\u9fff]{2,8}?)讯" + _LEAD_OPENS + ")"
                            + _DATELINE_BYLINE + r"\s*[:：]?\s*")


#: a dateline whose bracket the line leaves open (本报讯(记者黄华通讯员杨), and the next
#: line's start that closes it (明华)“田间积水…): the byline was broken over two lines
_OPEN_DATELINE = re.compile(r"^\s*\S{1,14}[讯电]\s*[（(][^（）()]{1,40}$")
_CLOSES_BRACKET = re.compile(r"^[^（）()]{0,20}[）)]")


def left_open(text: str) -> bool:
    """Does ``text`` end inside a dateline's bracket (本报讯(记者黄华通讯员杨)?"""
    # (the characters first: the pattern is tried on every line of a page)
    return ("讯" in text or "电" in text) and ("(" in text or "（" in text) \
        and _OPEN_DATELINE.match(text) is not None


def closes_bracket(text: str) -> bool:
    """Does ``text`` open with the rest of a bracket left open (明华)“田间积水…)?"""
    return _CLOSES_BRACKET.match(text) is not None


def read_dateline(text: str, folded: str) -> tuple[str, str | None, int] | None:
    """(dateline as printed, the byline words inside its brackets or None, where the text
    starts) when ``text`` opens with one: 本报讯, 本报济宁8月24日讯(记者…), 云上黄石报道(…)."""
    match = DATELINE.match(folded)
    if match is None and "讯" in folded[:16]:
        place = PLACE_DATELINE.match(folded)
        if place is None or not default_places().names_place(place.group("place")):
            return None  # (记者梁雪玲通讯员: no place before 讯)
        match = place
    if match is None:
        return None
    found = match.groupdict()
    if found.get("channel") and not default_places().names_place(found["channel"]):
        return None  # (互联网通讯: no place's channel)
    name = found["name"] or found.get("name2")
    # the byline in its brackets: round, square (【…】) or after an outlet's 报道
    group = next((g for g in ("inner", "square", "inner2") if found.get(g)), None)
    inner = found[group] if group else None
    if match.group("inline"):
        inline = text[match.start("inline"):match.end("inline")]
        return text[match.start("name"):match.end("name")], inline, match.end()  # 报道：cut
    start = match.start("name") if found["name"] else match.start("name2")
    dateline = text[start:start + len(name)]
    if found.get("name2") and (inner is None or bylines.parse_byline(inner) is None) and not (
            name.endswith("消息") and inner and bylines.names_only(inner) is not None):
        # 某某报道 without a byline in brackets is just words; 信阳消息(秦 灼), with its
        # writer's name, a dateline
        return None
    inner_text = text[match.start(group):match.end(group)] if group else None
    return dateline, inner_text, match.end()

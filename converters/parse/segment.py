"""Segment stage: clean lines → units, each with what the rules can say of it.

Units are what a person sees as separate things on the page: a paragraph,
however many hard-wrapped or page-broken lines it was printed on; a heading;
a byline; a section label; a line of page chrome. This stage reads each
unit (datelines, bylines, section labels, headline shape, chrome kinds);
the role stage (``roles``) then decides what each unit is, and only then
are page-broken paragraphs joined and bylines split over lines merged —
so a line of chrome is never glued onto an article.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import bylines, chrome
from .glued import split_glued
from .names import SLASHED_CREDITS, looks_like_person
from .datelines import closes_bracket, left_open, read_dateline
from .chars import (CANNOT_START, PAUSES, ends_sentence, is_han,
                    join_fragments, visible_length)
from .hanzi import fold, has_traditional
from .normalise import Line
from .patterns import (CAPTION_CREDIT, CAPTION_MARK, CAPTION_OPENING, IMAGE_TAIL, JUMP_MARK,
                       MARKDOWN_HEADING, SECTION_LABEL, SITE_BEFORE_EDITOR, is_boilerplate)
from .scraped import heading_shape, is_scraped_line, split_scraped
from .units import Unit

#: an editor's code closing a paragraph (①6, ②22): the page's, not the article's
_EDITOR_CODE = re.compile(r"(?<=[。！？!?”」』）)])\s*(?:[①-⑳]\s?\d{0,3}|[◇◆□■]|[（(]完[）)])$")
_LEADING_BYLINE = re.compile(r"^[（(]\s*([^（）()]{3,60}?)\s*[）)]\s*(?=\S)")
#: a byline opening the text without a dateline: its role and names, then 报道 (全媒体记者鲁杰
#: 通讯员李琨报道 近日…) or what its writer did (记者 吴潮宏 文/摄 国庆中秋假期，…)
_LEAD_BYLINE = r"^((?:[\u4e00-\u9fff·]{0,12}记者|通讯员)[^：:（）()。，,]{2,40}?"
_REPORTED_BY = re.compile(_LEAD_BYLINE + r")报道(?:\s*[：:]\s*|\s+)(?=\S)")
_CREDITED_LEAD = re.compile(_LEAD_BYLINE + f"(?:{SLASHED_CREDITS}))" + r"\s+(?=\S)")
_TAIL_ENDS = frozenset("）)◇◆□■0123456789")
#: a news agency's credit after a picture's caption, set apart (… 新华社发)
_AGENCY_CREDIT = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]{1,4}社发$")
_IMAGE_ENDS = ("g", "G", "f", "F", "p", "P")  # of .jpg .png .gif .bmp .webp: most lines end in none
SHORT_FRAGMENT = 16


_HARD_WRAP = ("hard-wrap",)
def _read_units(lines: tuple[Line, ...]) -> list[Unit]:
    units: list[Unit] = []
    for line in lines:
        joins = _HARD_WRAP if line.wrapped else ()
        heading = MARKDOWN_HEADING.match(line.text)
        if is_scraped_line(line.text):
            units.extend(split_scraped(line.text, line.first_line, line.gap_before))
        elif heading:
            if heading.group(2):
                units.append(Unit(heading.group(2), line.first_line, line.last_line,
                                  line.gap_before, "heading", len(heading.group(1)), joins=joins))
        elif units and left_open(units[-1].text) and closes_bracket(line.text):
            opened = units[-1]
            opened.text += line.text.strip()
            opened.last_line = line.last_line
            opened.joins += ("page-break" if line.gap_before else "line-break", *joins)
        else:
            units.append(Unit(line.text, line.first_line, line.last_line, line.gap_before,
                              joins=joins))
    return units


def _analyse(unit: Unit, traditional: bool) -> None:
    """What the rules see in a unit; nothing is decided or dropped here. ``traditional``:
    the page has traditional characters (when it has none, no line needs folding)."""
    unit.raw = unit.text
    unit.folded = folded = fold(unit.text) if traditional else unit.text
    unit.traditional = folded is not unit.text
    text = unit.text
    if unit.role == "heading" and not SECTION_LABEL.match(folded):
        return
    if is_boilerplate(folded):
        unit.role = "drop"
        unit.byline = bylines.parse_byline(text)
        if unit.byline is None and (site := SITE_BEFORE_EDITOR.match(text)) is not None:
            unit.byline = bylines.parse_byline(text[site.end():])  # 千岛湖新闻网 编辑:程就
    elif SECTION_LABEL.match(folded):
        unit.role = "section"
    elif (byline := bylines.parse_byline(text)) is not None:
        unit.role, unit.byline = "byline", byline
        if len(byline.text) < len(text.strip()) and text.strip().startswith(byline.text):
            unit.removed += (text.strip()[len(byline.text):].strip(),)  # 来源:… after it
    else:
        unit.role = "body"
        dateline = read_dateline(text, folded)
        if dateline is not None:
            name, inner, end = dateline
            inner_byline = bylines.parse_byline(inner) if inner else None
            if inner and inner_byline is None:
                inner_byline = bylines.names_only(inner)  # 本报讯(孙 航): names, no role
            if inner and inner_byline is None:
                # 本报讯（通讯员报道） and the like: keep the words in the text
                end = len(name) + (len(text[len(name):]) - len(text[len(name):].lstrip()))
            unit.dateline = name
            if inner_byline is not None:
                # as printed between the dateline and the text: (记者 …), 通讯员吴雷报道：
                printed = text[text.index(name) + len(name):end].strip(" （）()【】：:")
                inner_byline = replace(inner_byline, text=printed or inner_byline.text)
            unit.byline = inner_byline
            unit.text = text[end:].lstrip()
            unit.cuts += ("dateline",)
        if unit.byline is None and (lead := _LEADING_BYLINE.match(unit.text)
                                    or _REPORTED_BY.match(unit.text)
                                    or _CREDITED_LEAD.match(unit.text)) and \
                (byline := bylines.parse_byline(lead.group(1))) is not None:
            # (记者 孙志刚 文 许大桥 图)锣鼓喧天…: a byline in brackets opening the text; or
            # closed by 报道 or by what its writer did, kept as printed; after a dateline
            # too (本报讯 记者韩雅竹报道 近年来…)
            unit.byline = byline if lead.re is _LEADING_BYLINE else \
                replace(byline, text=unit.text[:lead.end()].strip(" ：:"))
            unit.text = unit.text[lead.end():].lstrip()
            unit.cuts += ("byline",)
        jump = JUMP_MARK.match(unit.text)
        if jump:
            unit.removed += (jump.group().strip(),)
            unit.text = unit.text[jump.end():].lstrip()
            unit.cuts += ("jump",)
        if unit.text.endswith(_IMAGE_ENDS) and (image := IMAGE_TAIL.search(unit.text)):
            unit.removed += (image.group().strip(),)
            unit.text, unit.cuts = unit.text[:image.start()].rstrip(), (*unit.cuts, "image")
        text, glued = split_glued(unit.text)
        if glued is not None:
            unit.text = text
            unit.byline = glued if unit.byline is None else unit.byline.merged(glued)
            unit.cuts += ("byline",)
        end = unit.text[-14:]  # a jump mark or an editor's code closes the text
        tail = (JUMP_MARK.search(end) or _EDITOR_CODE.search(end)) if end[-1:] in _TAIL_ENDS \
            or "\u2460" <= end[-1:] <= "\u2473" else None
        if tail:
            tail = (JUMP_MARK.search(unit.text, len(unit.text) - 14)
                    or _EDITOR_CODE.search(unit.text, len(unit.text) - 14))
        if tail and tail.end() == len(unit.text) and tail.start() > 0:
            unit.removed += (tail.group().strip(),)
            unit.text = unit.text[:tail.start()].rstrip()
            unit.cuts += ("jump" if "转" in tail.group() else "editor-code",)
        if not unit.text and unit.removed and not unit.byline and not unit.dateline:
            # a line that was nothing but a jump mark: (上接第一版)
            unit.role, unit.text, unit.removed = "drop", " ".join(unit.removed), ()
    unit.folded = fold(unit.text) if unit.traditional else unit.text


def is_open(unit: Unit) -> bool:
    """A body paragraph whose last sentence is unfinished."""
    return unit.role == "body" and bool(unit.text) and unit.byline is None \
        and not ends_sentence(unit.text)


def _bigram_elsewhere(left: str, right: str, corpus: str) -> bool:
    """Does the pair of characters around a break also occur as a word in the page?"""
    if not (left and right and is_han(left[-1]) and is_han(right[0])):
        return False
    return corpus.count(left[-1] + right[0]) > 0


def resolve_plain_headings(units: list[Unit]) -> None:
    """Decide whether short unpunctuated plain lines are headings or broken text."""
    markdown = sum(1 for u in units if u.level > 0) >= 2
    corpus = "\n".join(u.text for u in units)
    for index, unit in enumerate(units):
        if unit.role != "body" or unit.dateline or unit.byline is not None or not unit.shaped:
            continue
        if markdown and not unit.scraped:
            continue
        before = units[index - 1] if index else None
        after = units[index + 1] if index + 1 < len(units) else None
        leads_deck = after is not None and (after.dateline or after.role == "heading"
                                             or after.shaped)
        if before is not None and is_open(before) and not leads_deck:
            continue
        if not unit.scraped and after is not None and after.role == "body" and not leads_deck \
                and (before is None or before.role != "heading") \
                and _bigram_elsewhere(unit.text, after.text, corpus):
            continue
        unit.role = "heading"


#: the longest line read as a subtitle for the dash that leads it
DASH_SUBTITLE_MAX = 40


def dash_subtitle(unit: Unit) -> bool:
    """Is it shaped as a subtitle (副题) led by a dash: ——叶县各界十一假期坚持扶贫掠影?"""
    return unit.text.startswith("—") and not unit.dateline and unit.byline is None \
        and unit.length <= DASH_SUBTITLE_MAX and not ends_sentence(unit.text)


def _under_headline(units: list[Unit], index: int) -> bool:
    """Is ``units[index]`` a subtitle led by a dash, a line of its own under a headline?"""
    return index >= 1 and units[index - 1].role == "heading" and not units[index].joins \
        and dash_subtitle(units[index])


#: the longest first line of a page's text kept apart from the text under a blank line
#: or a line of chrome: a site's headline the model read as text (开展消防演练,上好开学安全
#: 第一课——… over 2023-09-01 来源：…), not a paragraph broken by a page's furniture (and
#: tidy.title_above makes it the untitled article's headline)
HEADLINE_OVER_CHROME = 60


def _chrome_between(first: Unit, second: Unit) -> bool:
    """Were lines other than blank ones (dropped as chrome) between the two units?"""
    return second.first_line - first.last_line - 1 > second.gap_before


def join_broken_paragraphs(units: list[Unit], warnings: list[str]) -> list[Unit]:
    out: list[Unit] = []
    cut_off: set[int] = set()
    for unit in units:
        last = out[-1] if out else None
        if last is not None and _under_headline(out, len(out) - 1):
            pass  # a subtitle led by a dash right under the headline: a line of its own
        elif last is not None and unit.role == "body" and not unit.dateline and is_open(last) \
                and not (len(out) == 1 and last.length <= HEADLINE_OVER_CHROME
                         and (unit.gap_before or _chrome_between(last, unit))):
            truncated = "page-break" in last.joins and last.tail_length < SHORT_FRAGMENT
            forced = unit.text[:1] in CANNOT_START or last.text[-1] in PAUSES
            if not truncated or forced:
                last.text = join_fragments(last.text, unit.text)
                last.last_line = unit.last_line
                last.byline = unit.byline
                last.cuts += unit.cuts
                kind = "page-break" if unit.gap_before else "line-break"
                last.joins += (kind, *unit.joins)
                last.tail_length = visible_length(unit.text)
                continue
            cut_off.add(id(last))
            warnings.append(
                f"line {last.last_line}: paragraph ends mid-sentence "
                f"(“…{last.text[-8:]}”) and looks cut off in the source; "
                f"line {unit.first_line} starts a new paragraph")
        out.append(unit)
    for index, unit in enumerate(out):
        if is_open(unit) and not unit.scraped and id(unit) not in cut_off \
                and index + 1 < len(out) and not _under_headline(out, index):
            warnings.append(f"line {unit.last_line}: paragraph ends without closing "
                            f"punctuation (“…{unit.text[-8:]}”)")
    return out


#: the longest line read as a caption by its marks (a paragraph may mention 资料图片)
CAPTION_LONGEST = 90
#: ... and by a photographer's credit closing it
CREDITED_CAPTION_LONGEST = 60


#: the arrows a caption opens with, pointing to its picture (←赵民在自制的去皮机前削柿子皮。…):
#: a mark no paragraph of text opens with, however long the caption
CAPTION_ARROWS = "←→↑↓"


def _marked_caption(unit: Unit) -> bool:
    """Does the unit carry a photo caption's marks (and no byline but a photo credit
    glued to it: a line of the credit alone is a byline)?"""
    text = unit.raw or unit.text
    if text[:1] in CAPTION_ARROWS and is_han(text.lstrip(CAPTION_ARROWS + " ")[:1]) \
            and unit.byline is None:
        return True
    if unit.length > CAPTION_LONGEST or not (
            unit.byline is None or (not unit.byline.counts and "byline" in unit.cuts)):
        return False
    if "图" in text and CAPTION_OPENING.match(text) is not None:
        return True
    if ("(" in text or "（" in text) and CAPTION_MARK.search(text) is not None:
        return True
    if text.rstrip("）) ").endswith("供图"):
        # 孩子们挑选读物认真阅读。通讯员供图, …集中清理。(大塘街道供图): who gave the picture
        return True
    if text.endswith("社发") and _AGENCY_CREDIT.search(text) is not None:
        return True  # …彩绘陶鸟 新华社发: the agency that sent the picture
    return text.endswith("摄") and len(text) <= CREDITED_CAPTION_LONGEST \
        and CAPTION_CREDIT.search(text) is not None


def read(lines: tuple[Line, ...]) -> list[Unit]:
    """Lines → analysed units (nothing dropped yet), with the blank lines around each."""
    units = _read_units(lines)
    traditional = has_traditional("\n".join(line.text for line in lines))
    for unit in units:
        _analyse(unit, traditional)
    units = [u for u in units if u.text or u.byline or u.dateline or u.role == "drop"]
    for unit in units:
        unit.length = visible_length(unit.text)
        unit.shaped = heading_shape(unit.text, scraped=unit.scraped)
        unit.captioned = _marked_caption(unit)
        if unit.length >= 40:
            # prose is mostly Han: Latin letters and digits make a third of it at most
            head = unit.text[:200]
            unit.prose = len(head.encode("ascii", "ignore")) <= 0.3 * len(head)
    if not marked_up(units):
        _read_chrome(units)  # a page prepared by hand shows no chrome worth a look
    resolve_plain_headings([u for u in units if u.role != "drop"])
    _names_after_bylines(units)
    for unit, after in zip(units, units[1:]):
        unit.gap_after = after.gap_before
    return units


def marked_up(units: list[Unit]) -> bool:
    """A page that marks its headings with # was prepared by a person: its structure is
    explicit, and the rules (written for such pages) read it. The role model is for the
    pages the rules were not written for: digital editions with their chrome."""
    return sum(1 for unit in units if unit.level) >= 2


#: a line between two paragraphs of prose is chrome only if it is short (a caption, a
#: credit, an ad's slogan); a longer one is looked at only outside the text
SHORT_INSIDE = 24


#: how far under its breadcrumb a site prints a section's name again (lines)
SECTION_UNDER_CRUMB = 3


def _read_chrome(units: list[Unit]) -> None:
    """The chrome kinds of the lines that may be chrome: every line above the page's
    first paragraph of prose and below its last, and the short lines between. (Prose,
    most of a page, shows none; looking costs sixteen patterns a line.)"""
    # (a site's boilerplate may be long and mostly Han, 您现在的位置: 焦作网 > 专题频道 > …:
    # not the article's prose, whose start this looks for)
    prose = [i for i, unit in enumerate(units) if unit.prose and unit.role != "drop"]
    first, last = (prose[0], prose[-1]) if prose else (len(units), -1)
    sections: tuple[str, ...] = ()
    crumb = -SECTION_UNDER_CRUMB - 1  # (no breadcrumb yet: no line is under one)
    for i, unit in enumerate(units):
        if i < first or i > last or unit.length <= SHORT_INSIDE:
            unit.kinds = chrome.kinds_of(unit.folded)
            if "navigation" in unit.kinds:
                sections, crumb = chrome.sections_named(unit.folded), i
            elif i - crumb <= SECTION_UNDER_CRUMB and unit.length <= chrome.SECTION_LONGEST \
                    and "".join(unit.folded.split()) in sections:
                # 工作动态 under 首页 巩义资讯 工作动态 正文
                unit.kinds = (*unit.kinds, "navigation")
            if unit.kinds:
                unit.prose = False


def _names_after_bylines(units: list[Unit]) -> None:
    """A line of bare names right under a byline continues it (本报记者 杨 光 / 王麓棣)."""
    for before, unit in zip(units, units[1:]):
        if before.role != "byline" or unit.role not in ("body", "heading") or unit.level:
            continue
        names = bylines.tokenize(unit.text)
        if 1 <= len(names) <= 4 and all(looks_like_person(n) for n in names):
            unit.role = "byline"


def _continues_byline(last: Unit, unit: Unit) -> bool:
    """Is ``unit`` a short line of names closed by what they did (马俊伟 文/图) that,
    read with the byline above, names more people in it? (Without the credit, a
    headline of short phrases, 学亮点 找差距 补短板, would pass for names.)"""
    if unit.byline is not None or unit.dateline or len(unit.text) > 16 \
            or not unit.text.endswith(bylines.CREDITS):
        return False
    assert last.byline is not None
    merged = bylines.parse_byline(f"{last.text} {unit.text}")
    return merged is not None and _names(merged) > _names(last.byline)


def _names(byline: bylines.Byline) -> int:
    return len(byline.reporters) + len(byline.correspondents) + len(byline.others)


def merge_byline_units(units: list[Unit]) -> list[Unit]:
    """A byline split over two lines (记者 王军方 / 通讯员 李艳帅 刘琳) is one byline."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last is not None and last.role == "byline" and last.byline is not None \
                and unit.role != "byline" and _continues_byline(last, unit):
            # its last names on a line of their own, with what they did (马俊伟 文/图):
            # whatever the model called the line, the byline goes on
            unit.role, unit.hint, unit.reason = "byline", "byline", "names going on with the byline above"
        if last is not None and unit.role == "byline" and last.role == "byline":
            text = f"{last.text} {unit.text}"
            # read again as one: a role on one line and its names on the next
            merged = bylines.parse_byline(text)
            if merged is None and last.byline is not None and unit.byline is not None:
                merged = last.byline.merged(unit.byline)
            if merged is not None:
                last.text, last.byline, last.last_line = text, merged, unit.last_line
                continue
        out.append(unit)
    return out

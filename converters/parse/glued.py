"""Bylines printed at the end of a paragraph rather than on a line of their own:
…笑着说。晚报记者 董占卿, …问题。贺 海摄, …没有了积雪。（记者 杨文静）, …都很满意。（商 闻）,
(本报记者). Cut off, they credit their writers; the paragraph keeps the rest. And names
alone closing the text, on a line of their own or after the last sentence."""
from __future__ import annotations

import re
from dataclasses import replace

from .bylines import MARKERS, ROLE_ONLY, ROLE_WORD, STEM_ANY, Byline, names_only, parse_byline
from .chars import ends_sentence
from .patterns import is_boilerplate
from .names import bracketed_names, looks_like_person
from .hanzi import fold
from .units import Unit

#: a local paper's name, standing for 通讯员 in a byline (新郑时报 李显文)
_PAPER_NAME = r"[\u4e00-\u9fff]{2,6}(?:时报|日报|晚报)"
#: where a byline glued after the last sentence starts: at a role word, or at a local
#: paper's name (…景致。 新郑时报 李显文 通讯员 张斌)
_GLUE_START = re.compile(r"(?<=[。！？!?”」』）)])\s*[（(]?\s*[" + MARKERS + r"]?\s*(?="
                         + ROLE_WORD + "|" + _PAPER_NAME + r"\s)")
#: a name, or two, and 摄 glued after a paragraph's last sentence (…问题。贺 海摄, …万元。
#: 赵春营 耿全昌 摄, …安全。张仁勇摄影报道)
#: (not 摄影 alone: …气氛热烈。高空摄影 is a kind of photography, not 高空's picture)
_GLUED_PHOTO = re.compile(r"(?<=[。！？!?”」』])\s*([\u4e00-\u9fff][\u4e00-\u9fff ]{1,9}?\s*摄(?:影报道)?)$")
_PHOTO_ENDS = ("摄", "摄影报道")


#: names glued after the last sentence, each with what it did (…散发开来。文博/文 凌强/图)
_GLUED_SLASHED = re.compile(r"(?<=[。！？!?”」』])\s*((?:[\u4e00-\u9fff]{2,4}\s*[/／]\s*[文图摄]{1,2}\s*){1,4})$")
_SLASHED_ENDS = ("/图", "/文", "／图", "／文", "/摄", "／摄")


#: a local paper's name and a name glued after the last sentence (…景致。新郑时报李显文)
_GLUED_PAPER = re.compile(r"(?<=[。！？!?”」』])\s*(" + _PAPER_NAME + r")\s*([\u4e00-\u9fff·]{2,4})$")


def split_glued(text: str) -> tuple[str, Byline | None]:
    """Cut a byline glued to the end of a paragraph: (paragraph text, byline)."""
    tail = max(0, len(text) - 100)  # a glued byline is at the end, and short
    if STEM_ANY.search(text, tail):
        folded = fold(text)  # positions are the text's: one character for one
        # the longest tail that is a byline (…景致。 新郑时报 李显文 通讯员 张斌: all of it,
        # not only its last role); one with words of the paragraph in it is none
        for match in _GLUE_START.finditer(folded, max(0, tail - 1)):
            # (…攻坚战”。全媒体记者, the page stopping after an outlet's role, is a byline
            # naming no one; 记者 alone may open the sentence it stops in: 记者了解到…)
            byline = parse_byline(text[match.end():])
            if byline is not None:
                printed = text[match.start():].strip()
                return text[:match.start()].rstrip(), Byline(
                    printed, byline.reporters, byline.correspondents, byline.credit, byline.others)
    if "报" in text[-20:] and (paper := _GLUED_PAPER.search(text, max(0, len(text) - 20))) is not None:
        # …水清岸绿景致。新郑时报李显文: a local paper's name stands for 通讯员
        byline = parse_byline(f"{paper.group(1)} {paper.group(2)}")
        if byline is not None and byline.counts:
            return text[:paper.start(1)].rstrip(), replace(byline, text=text[paper.start(1):])
    if text.endswith(_PHOTO_ENDS) and (photo := _GLUED_PHOTO.search(text, max(0, len(text) - 17))):
        # …问题。贺 海摄: the photo's credit after the last sentence
        byline = parse_byline(photo.group(1))
        # (…活动结束。张华 李娜 现场拍摄: 现场拍 is no one; a name after a sentence has a surname)
        if byline is not None and not byline.counts \
                and all(looks_like_person(credit.name) for credit in byline.others):
            return text[:photo.start(1)].rstrip(), byline
    if text.endswith(_SLASHED_ENDS) and (slashed := _GLUED_SLASHED.search(text, max(0, len(text) - 40))):
        # …散发开来。文博/文 凌强/图: each name and what it did, as in brackets
        # (with a surname each: a name after a sentence, not in brackets)
        found = bracketed_names(f"{text[:slashed.start(1)]}（{slashed.group(1).strip()}）")
        if found is not None and found[1] and all(looks_like_person(c.name) for c in found[1]):
            return found[0], Byline(slashed.group(1).strip(), (), (), None, found[1])
    if not text.endswith(("）", ")")):
        return text, None
    role_only = ROLE_ONLY.search(text, max(0, len(text) - 12))
    if role_only and role_only.start() > 0:
        # (本报记者): a byline that names no one; kept as printed
        return text[:role_only.start()].rstrip(), Byline(role_only.group().strip(), (), (), None)
    bracketed = bracketed_names(text)
    if bracketed is not None and bracketed[0]:
        before, credits = bracketed
        return before, Byline(text[len(before):].strip(), (), (), None, credits)
    return text, None


def credit_closing_names(units: list[Unit], page_end: int) -> None:
    """Names alone closing an article's text credit its writers, printed without a role:
    a line of them (党贺喜 under a 记者手记) is no paragraph, and one glued after the
    last sentence (…心贴得更近了。张焕存) is no part of it. Not on the page's last line
    (``page_end``): a page cut off may stop after 高村村 of 高村村民."""
    for index, unit in enumerate(units):
        before = units[index - 1] if index else None
        after = units[index + 1] if index + 1 < len(units) else None
        if unit.hint == "chrome" and not unit.kinds and unit.length <= NAMES_LONGEST \
                and before is not None and before.role == "body" and ends_sentence(before.text) \
                and unit.last_line < page_end and not is_boilerplate(unit.folded) \
                and (byline := names_only(unit.text)):
            _credit(unit, byline)  # the model took it for chrome: it has no kind of chrome
            continue
        # (a line the model called a byline that no byline grammar reads is text to it)
        if unit.role not in ("body", "byline") or unit.dateline or unit.byline is not None \
                or unit.last_line >= page_end \
                or (after is not None and after.role in ("body", "byline")):
            continue
        glued = _GLUED_NAME.search(unit.text)
        if glued is not None:
            byline = names_only(glued.group(1))
            if byline is not None:
                unit.text, unit.byline = unit.text[:glued.start(1)].rstrip(), byline
            continue
        if unit.joins or before is None or before.role != "body" or not ends_sentence(before.text):
            continue
        byline = names_only(unit.text)
        if byline is not None:
            _credit(unit, byline)


def _credit(unit: Unit, byline: Byline) -> None:
    unit.role, unit.byline = "byline", byline
    unit.hint, unit.reason = "byline", "names alone, closing the text: its writers"


#: the longest line of names alone (湛承兵 王 群 李淑娟 …)
NAMES_LONGEST = 24
#: a name after the last sentence of a paragraph
_GLUED_NAME = re.compile(r"(?<=[。！？!?”」』])\s*([\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{1,3}){0,3})$")

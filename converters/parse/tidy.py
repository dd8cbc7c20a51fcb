"""Drafts that are not articles of their own, after assembling: a navigation copy
of the next headline, a headline list read as text, a byline or caption printed
above the deck (joined to the draft it belongs to); and an untitled first article's
headline, when the role model took it for chrome."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Block
from .assemble import Draft
from .chars import PAUSES, ends_sentence, is_han, numbered_picture, visible_length
from .decks import DECORATION
from .patterns import is_boilerplate
from .scraped import HEADLINE_MAX, heading_shape
from .segment import HEADLINE_OVER_CHROME
from .units import Unit


def tidy(drafts: list[Draft], dropped: list[str], warnings: list[str]) -> list[Draft]:
    """Drafts that are not articles of their own:

    - a navigation copy of the next article's headline (a headline with nothing
      under it, printed again right after): dropped;
    - lines of a headline list read as untitled text (short, no sentence, no
      dateline, no byline): dropped;
    - a byline or caption above the deck, or a headline whose text follows under
      a second heading line with no dateline of its own (a caption or a
      subtitle printed after the byline): joined to the next draft.
    """
    from .chars import ends_sentence

    kept: list[Draft] = []
    for index, draft in enumerate(drafts):
        following = drafts[index + 1] if index + 1 < len(drafts) else None
        _drop_after_text_end(draft, dropped, warnings)
        empty = not draft.has_text and not draft.bylines and not draft.captions
        if empty and following is not None and draft.title and draft.title == following.title:
            reason = "a copy of the next article's headline"
        elif _headline_over_lead(draft, following):
            # 九九重阳秋意浓，敬老爱老暖人心——…活动 / 中原网讯(赵文源)…: the page's one
            # unpunctuated line right above a lead with no headline of its own is its headline
            assert following is not None
            unit = draft.units[0]
            unit.hint, unit.reason = "title", "alone above a lead with no headline: its headline"
            following.title = draft.blocks[0].text
            following.units.insert(0, unit)
            continue
        elif (len(drafts) > 1 and draft.title is None and not draft.dateline and not draft.bylines
              and draft.has_text and all(b.kind == "paragraph" and len(b.text) <= 40
                                          and not ends_sentence(b.text) for b in draft.blocks)):
            reason = "short lines with no sentence, title, dateline or byline: a headline list"
        elif (following is not None and not draft.dateline and not draft.bylines
              and not draft.captions and draft.has_text
              and _too_little_text(draft)):
            # 云报平台 / 这已经是最后一期了哦! / 我知道了: an app's notice over the page, too
            # little text for an article, no dateline or byline to say it is one
            reason = "too little text for an article, with no dateline or byline: the site's"
        elif not draft.has_text and following is not None and (
                not following.dateline and (draft.title is None or not following.kicker)
                or draft.title is None and not draft.dateline):
            # (a headline with no text over an article with a dateline of its own is a
            # headline list's line; captions or a byline with no headline are the next's)
            _join(draft, following)
            continue
        elif draft.title and not draft.dateline and draft.blocks and following is not None \
                and following.title is None and following.dateline and all(
                    b.kind == "paragraph" and len(b.text) <= SHORT_CAPTION and ends_sentence(b.text)
                    for b in draft.blocks):
            # 出动百余记者… / 上阵母子兵。/ 我们脏了，路面净了。/ 本报讯…: short sentences between
            # a headline and a lead with no headline of its own are the photos' captions
            draft.captions.extend(b.text for b in draft.blocks)
            draft.blocks.clear()
            _join(draft, following)
            continue
        elif not draft.has_text and draft.title and draft.captions and following is not None \
                and following.title and not following.kicker and not following.subtitle:
            # a deck, a photo's caption, then a lone "headline" over the text: the next
            # caption (街心游园 / 文化长廊夜景), not a second article's
            following.captions.insert(0, following.title)
            following.title = None
            _join(draft, following)
            continue
        else:
            _drop_headline_copies(draft, dropped, warnings)
            kept.append(draft)
            continue
        texts = [t for t in (draft.kicker, draft.title, draft.subtitle) if t]
        texts += [b.text for b in draft.blocks]
        dropped.extend(texts)
        warnings.append(f"dropped “{texts[0][:16]}…”: {reason}" if texts else f"dropped: {reason}")
    return kept


def _headline_over_lead(draft: Draft, following: Draft | None) -> bool:
    """Is ``draft`` one unpunctuated line of headline length, with nothing else, over a
    lead with a dateline and no headline (a page that prints no blank line and no
    source line between them)?"""
    return (following is not None and following.title is None and bool(following.dateline)
            and draft.title is None and not draft.dateline and not draft.bylines
            and not draft.captions and len(draft.blocks) == 1 and len(draft.units) == 1
            and draft.blocks[0].kind == "paragraph"
            and len(draft.blocks[0].text) <= HEADLINE_MAX
            and not ends_sentence(draft.blocks[0].text))


#: more lines than this between two paragraphs (the page's chrome, blank lines) put the
#: second past the end of the text the first closes
CHROME_GAP = 8


def _text_end(blocks: list[Block]) -> tuple[int, bool] | None:
    """The paragraph the text ends with, before lines that follow it, and whether a
    closing credit ends it (…社会温暖。(通讯员:任新慧)); else the page's chrome follows it."""
    for i in range(len(blocks) - 2, -1, -1):
        block, after = blocks[i].source, blocks[i + 1].source
        if block is None or blocks[i].kind != "paragraph" or not ends_sentence(blocks[i].text):
            continue
        if "byline" in block.cuts:
            return i, True
        if after is not None and after.first_line - block.last_line > CHROME_GAP:
            return i, False
    return None


def _drop_after_text_end(draft: Draft, dropped: list[str], warnings: list[str]) -> None:
    """Lines after the text's end that end no sentence: the headlines of other stories
    a site lists under the article, not more of its text. After a closing credit, any
    such line; after the page's chrome, only lines shaped as headlines (the text of a
    page cut off may go on after a run of photo numbers, and stop mid-sentence)."""
    blocks = draft.blocks
    end = _text_end(blocks)
    if end is None:
        return
    closing, credited = end
    after = blocks[closing + 1:]
    if not all(b.kind == "paragraph" and not ends_sentence(b.text)
               and (len(b.text) <= 2 * HEADLINE_MAX if credited else heading_shape(b.text))
               for b in after):
        return
    del blocks[closing + 1:]
    lines = {line for b in after if b.source is not None
             for line in range(b.source.first_line, b.source.last_line + 1)}
    where = "the closing credit" if credited else "the page's chrome under the text"
    for unit in draft.units:
        if unit.role == "body" and unit.first_line in lines:
            unit.hint, unit.reason = "index", f"after {where}, ends no sentence"
    for block in after:
        dropped.append(block.text)
        warnings.append(f"dropped “{block.text[:16]}…”: after {where}, "
                        "a line that ends no sentence: another story's headline")


#: the fewest characters of a headline's line printed again that is told from a caption
COPIED_LINE_SHORTEST = 4


def _drop_headline_copies(draft: Draft, dropped: list[str], warnings: list[str]) -> None:
    """Captions that are the headline printed again, whole or one of its lines (冠朝镇
    召开第十七届人民代表大会 / 第六次会议 over the text, under 冠朝镇召开第十七届人民代表大会
    第六次会议): a site's copy of the headline, no picture's caption."""
    if not draft.title or not draft.captions:
        return
    lines = {"".join(draft.title.split()), *draft.title.split()}
    copies = [caption for caption in draft.captions
              if len(compact := "".join(caption.split())) >= COPIED_LINE_SHORTEST and compact in lines]
    if not copies:
        return
    draft.captions = [caption for caption in draft.captions if caption not in copies]
    for unit in draft.units:
        if unit.hint == "caption" and (unit.raw or unit.text) in copies:
            unit.hint, unit.reason = "chrome", "the headline printed again"
    for copy in copies:
        dropped.append(copy)
        warnings.append(f"dropped “{copy[:16]}…”: the headline printed again, no picture's caption")


#: the longest caption read from short sentences between a headline and its lead
SHORT_CAPTION = 45
#: the fewest Han characters of an article's text (with no dateline or byline) over another
TOO_LITTLE_TEXT = 20


def _too_little_text(draft: Draft) -> bool:
    """Fewer than TOO_LITTLE_TEXT Han characters in the draft's text (counted only as far
    as that: most drafts are articles of thousands)."""
    count = 0
    for block in draft.blocks:
        for ch in block.text:
            count += is_han(ch)
            if count >= TOO_LITTLE_TEXT:
                return False
    return True


#: how far above an untitled article its headline may stand among the chrome (lines)
TITLE_ABOVE_LINES = 8
#: the fewest Han characters of a headline found among the chrome; shorter lines
#: (广告, 阴影, 上接01版) are passed over
TITLE_ABOVE_HAN = 6


def title_above(drafts: list[Draft], units: Sequence[Unit], dropped: list[str],
                warnings: list[str]) -> None:
    """The page's first article, when nothing above it was read as its headline, takes
    the nearest line above it that is shaped as one and is no certain chrome (脚步丈量文明成效
    实地感知建设成果 over a jump line, a title over its site's source line and
    menu bullets): a page that prints a headline prints it just above its text. The
    line comes back out of what was dropped."""
    if not drafts or drafts[0].title is not None or drafts[0].kicker or not drafts[0].units:
        return
    first = drafts[0]
    if _take_title_above(first, units, dropped, warnings):
        return
    if first.subtitle:
        # no headline above a lone subtitle (——宋耿落村走笔): it is the headline
        first.title, first.subtitle = first.subtitle, None
        return
    paragraphs = [b for b in first.blocks if b.kind == "paragraph"]
    if len(paragraphs) >= 2 and first.blocks[0] is paragraphs[0] and not first.dateline \
            and visible_length(paragraphs[0].text) <= HEADLINE_OVER_CHROME \
            and not ends_sentence(paragraphs[0].text) and paragraphs[0].text[-1] not in PAUSES:
        # a first "paragraph" that is short and ends no sentence, with the text under it:
        # a site's long headline (开展消防演练,上好开学安全第一课——…) the model read as
        # text. No labelled page opens its text with such a line
        first.title = paragraphs[0].text
        first.blocks.remove(paragraphs[0])
        warnings.append(f"“{first.title}” read as the headline: a short line that ends no "
                        "sentence, over the text")


def _take_title_above(draft: Draft, units: Sequence[Unit], dropped: list[str],
                      warnings: list[str]) -> bool:
    start = min(unit.first_line for unit in draft.units)
    below = start  # the line under the one looked at, but for the site's notices passed over
    for nearest, unit in enumerate(reversed([u for u in units if u.last_line < start])):
        if below - unit.last_line > TITLE_ABOVE_LINES or unit.role != "drop":
            return False
        if is_boilerplate(unit.folded):
            # a site's label (郑州日报 原创), its page line, a notice of any length (淮南日报社
            # 严正声明 and its paragraphs, 1114) between the headline and the text
            below = unit.first_line
            continue
        text = unit.text
        han = sum(map(is_han, text))
        # a headline set with a bullet (• 顺义村规民约“润”乡风) right above the text is one
        bulleted = unit.kinds == ("bullet",) and not nearest
        if (unit.kinds and not bulleted) or han < TITLE_ABOVE_HAN or numbered_picture(text):
            continue  # a source line, a menu's bullet, a jump line, a caption: look above it
        text = text.lstrip(DECORATION) if bulleted else text
        # (a headline's commas and colons allowed: 郑州枫杨办锦华苑社区：九九重阳节，浓浓敬老情)
        if han < 0.75 * len("".join(text.split())) or ends_sentence(text) \
                or text[-1] in PAUSES or visible_length(text) > HEADLINE_MAX \
                or text[0] in "（(【[" or (unit.raw or unit.text) not in dropped:
            return False  # the nearest line is not a headline: the article has none
        dropped.remove(unit.raw or unit.text)
        draft.title = text
        unit.hint, unit.reason = "title", "headline-shaped, the nearest line above an " \
            "article with no other headline"
        warnings.append(f"line {unit.first_line}: “{text}” read as the headline of the text "
                        "under it, which has no other")
        return True
    return False


def _join(first: Draft, second: Draft) -> None:
    """``first`` (a deck or bylines with no text) goes on top of ``second``."""
    if first.title is not None:
        lines = [t for t in (second.kicker, second.title, second.subtitle) if t]
        second.kicker, second.title = first.kicker, first.title
        if first.subtitle is None and lines:
            second.subtitle = lines.pop(0)
        else:
            second.subtitle = first.subtitle
        second.captions[:0] = lines
    second.bylines[:0] = first.bylines
    second.captions[:0] = first.captions
    second.others[:0] = first.others
    second.blocks[:0] = first.blocks
    second.dateline = second.dateline or first.dateline
    second.section = second.section or first.section

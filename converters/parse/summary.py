"""A site's summary of an article: its opening words printed above it (the page's
description, 摘要, 核心提示…), then printed again as the text's first paragraph.
The copy above is chrome, or the article would say its opening twice."""
from __future__ import annotations

from collections.abc import Sequence

from .units import Unit

#: how many characters of a paragraph's opening must be found again: enough that two
#: paragraphs of one article never share them by chance
PROBE = 16
#: how far into the summary the opening may stand (after a label, a byline: 核心提示：
#: 河南商报记者 杜世民 通讯员 李连军登封大冶镇…)
LABEL_LONGEST = 40
#: how far below a summary its text is printed again (in paragraphs)
WITHIN = 3
#: how long an opening a summary that goes on in words of its own shares with the text
#: (…进行督查时发现当晚10点… above …进行督查时发现，文博西路…: the site's summary runs
#: the lead's first clause into the next paragraph's)
SAME_OPENING = 48


def drop_summaries(units: Sequence[Unit]) -> None:
    """Mark a paragraph that is one of the next paragraphs' opening (whole, or cut off),
    after a label or a byline at most. Only a first paragraph (after a heading, a byline
    or chrome) is looked at: a summary stands above the text, never inside it."""
    text_units = [u for u in units if u.role == "body" and u.length >= PROBE]
    index = 0
    for before, unit in zip((None, *units), units):
        if unit.role != "body" or unit.length < PROBE:
            continue
        index += 1
        if before is not None and before.role == "body":
            continue
        if any(_summarises(unit.text, later.text) for later in text_units[index:index + WITHIN]):
            unit.role, unit.hint = "drop", "chrome"
            unit.reason = "the opening of the text below, printed above it: a summary"


def _summarises(summary: str, text: str) -> bool:
    """``summary`` and ``text`` say the same from where one's opening stands in the
    other (past a label or byline printed with it), until the shorter one stops."""
    start = summary.find(text[:PROBE], 0, PROBE + LABEL_LONGEST)
    if start >= 0:
        summary = summary[start:]
    else:
        start = text.find(summary[:PROBE], 0, PROBE + LABEL_LONGEST)
        if start < 0:
            return False
        text = text[start:]
    summary = summary.rstrip(_CUT_OFF)
    return len(summary) >= PROBE and (text.startswith(summary) or summary.startswith(text)
                                      or summary[:SAME_OPENING] == text[:SAME_OPENING]
                                      and len(text) >= SAME_OPENING)


#: what a summary cut off short ends with
_CUT_OFF = " …….。"

"""How an article prints, decided once for every format and for the font subsetter.

Every exporter renders an article from :func:`shown`: the headline deck (a title
that is missing gets a placeholder, a subtitle its dash), the bylines as printed
and on one line, and the body with the dateline leading its first paragraph.
What the exporters add of their own (styles, markup, page breaks) is rendering.
The characters these choices print beyond the article's own text are
``LITERALS``: every font prepared for an edition covers them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Article

#: the heading of an article printed without a title
PLACEHOLDER_TITLE = "（原文无标题）"
#: printed before a subtitle (GB/T 15834: a 破折号 introduces an explanation)
SUBTITLE_DASH = "——"
#: between the bylines when they share one line
BYLINE_GAP = "　"
#: after the dateline, before the first paragraph's text
DATELINE_GAP = " "
#: what the choices above print besides the article's text
LITERALS = PLACEHOLDER_TITLE + SUBTITLE_DASH + BYLINE_GAP + DATELINE_GAP


@dataclass(frozen=True)
class ShownBlock:
    kind: str                 # "paragraph" or "subhead"
    text: str
    #: printed before the text in the dateline's style (the first paragraph's 本报讯)
    lead: str | None = None


@dataclass(frozen=True)
class Shown:
    kicker: str | None
    heading: str              # the headline above the article
    listed: str               # the article's name in contents, bookmarks, navigation
    subtitle: str | None      # with its dash
    bylines: tuple[str, ...]  # each as printed
    byline_line: str | None   # all of them on one line
    blocks: tuple[ShownBlock, ...]


#: a role word glued to the name before it (记者 王军方通讯员 李艳帅): the second role
#: is set off by a space, as the first is
_GLUED_ROLE = re.compile(r"((?:记者|通讯员|实习生|编辑)\s*[\u4e00-\u9fff·]{2,4}?)"
                         r"(?=(?:本报|特约|见习|摄影)?(?:记者|通讯员|实习生))")


def byline_as_printed(byline: str) -> str:
    """A byline with each role set off from the name before it."""
    return _GLUED_ROLE.sub(r"\1 ", byline)


def listed(article: Article) -> str:
    """The article's name in contents, bookmarks and navigation: the heading it is
    printed under, so an untitled article is one title everywhere."""
    return article.title or PLACEHOLDER_TITLE


def shown(article: Article) -> Shown:
    """``article`` as every format prints it."""
    blocks, lead = [], article.dateline
    for block in article.body:
        if block.kind == "paragraph" and lead is not None:
            blocks.append(ShownBlock(block.kind, block.text, lead + DATELINE_GAP))
            lead = None
        else:
            blocks.append(ShownBlock(block.kind, block.text))
    bylines = tuple(map(byline_as_printed, article.bylines))
    return Shown(kicker=article.kicker or None,
                 heading=article.title or PLACEHOLDER_TITLE,
                 listed=listed(article),
                 subtitle=SUBTITLE_DASH + article.subtitle if article.subtitle else None,
                 bylines=bylines,
                 byline_line=BYLINE_GAP.join(bylines) if bylines else None,
                 blocks=tuple(blocks))

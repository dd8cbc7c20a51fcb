"""How an article prints, decided once for every format and for the font subsetter.

Every exporter renders an article from :func:`shown`: the headline deck (a title
that is missing gets a placeholder, a subtitle its dash), the bylines as printed
and on one line, and the body with the dateline leading its first paragraph.
What the exporters add of their own (styles, markup, page breaks) is rendering.
The characters these choices print beyond the article's own text are
``LITERALS``: every font prepared for an edition covers them.
"""
from __future__ import annotations

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


def shown(article: Article) -> Shown:
    """``article`` as every format prints it."""
    blocks, lead = [], article.dateline
    for block in article.body:
        if block.kind == "paragraph" and lead is not None:
            blocks.append(ShownBlock(block.kind, block.text, lead + DATELINE_GAP))
            lead = None
        else:
            blocks.append(ShownBlock(block.kind, block.text))
    return Shown(kicker=article.kicker or None,
                 heading=article.title or PLACEHOLDER_TITLE,
                 listed=article.display_title,
                 subtitle=SUBTITLE_DASH + article.subtitle if article.subtitle else None,
                 bylines=article.bylines,
                 byline_line=BYLINE_GAP.join(article.bylines) if article.bylines else None,
                 blocks=tuple(blocks))

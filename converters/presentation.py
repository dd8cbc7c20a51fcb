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
    from .config import Settings
    from .model import Article

#: the heading of an article printed without a title
PLACEHOLDER_TITLE = "（原文无标题）"
#: printed before a subtitle (GB/T 15834: a 破折号 introduces an explanation)
SUBTITLE_DASH = "——"
#: between the bylines when they share one line
BYLINE_GAP = "　"
#: after the dateline, before the first paragraph's text
DATELINE_GAP = " "
#: what an internal publication's cover says it is (《内部资料性出版物管理办法》 Art. 14)
INTERNAL_LABEL = "内部资料，免费交流"
#: an internal publication's credits, in place of 本报讯 and 记者 bylines
SOURCE_CREDIT, WRITERS = "（{place}供稿）", "撰稿　{names}"
#: the imprint's labels, in order
IMPRINT = ("准印证号", "编印单位", "发送对象", "印刷单位", "印刷日期", "印数")
#: what the choices above print besides the article's text
LITERALS = (PLACEHOLDER_TITLE + SUBTITLE_DASH + BYLINE_GAP + DATELINE_GAP + INTERNAL_LABEL
            + SOURCE_CREDIT + WRITERS + "".join(IMPRINT) + "：份")


@dataclass(frozen=True)
class ShownBlock:
    kind: str                 # "paragraph" or "subhead"
    text: str
    #: printed before the text in the dateline's style (the first paragraph's 本报讯)
    lead: str | None = None


@dataclass(frozen=True)
class Shown:
    kicker: str | None
    heading: str              # the headline above the article (listed: its name elsewhere)
    subtitle: str | None      # with its dash
    bylines: tuple[str, ...]  # each as printed
    byline_line: str | None   # all of them on one line
    blocks: tuple[ShownBlock, ...]


#: a role word glued to the name before it (记者 王军方通讯员 李艳帅, 策划刘志松记者崔敬):
#: the second role is set off by a space, as the first is
_GLUED_ROLE = re.compile(r"((?:记者|通讯员|实习生|编辑|策划|统筹)\s*[\u4e00-\u9fff·]{2,4}?)"
                         r"(?=(?:本报|特约|见习|摄影)?(?:记者|通讯员|实习生))")


def byline_as_printed(byline: str) -> str:
    """A byline with each role set off from the name before it."""
    return _GLUED_ROLE.sub(r"\1 ", byline)


#: a space after a full-width mark in a headline: the mark is a character wide with its
#: own space (GB/T 15834); a headline printed on two lines and joined on one kept the
#: break as a space (登封： 千人植树拉开今年造林序幕)
_SPACE_AFTER_MARK = re.compile(r"(?<=[！？。，；：、])[ 　]+")


def _headline(text: str) -> str:
    return _SPACE_AFTER_MARK.sub("", text)


def listed(article: Article) -> str:
    """The article's name in contents, bookmarks and navigation: the heading it is
    printed under, so an untitled article is one title everywhere."""
    return _headline(article.title) if article.title else PLACEHOLDER_TITLE


def imprint(settings: Settings) -> list[str]:
    """An internal publication's cover lines: its label, then what the imprint must
    show (each that the settings give); nothing for a publication that is not one."""
    if not settings.internal:
        return []
    values = (settings.permit, settings.unit, settings.recipients, settings.printer,
              settings.date_text, f"{settings.copies}份" if settings.copies else None)
    return [INTERNAL_LABEL, *(f"{label}：{value}" for label, value in zip(IMPRINT, values) if value)]


def _credits(article: Article) -> tuple[str, ...]:
    """An internal publication's credits: who sent the piece in, and its writers, by
    name alone (no 记者, no 本报)."""
    names = " ".join((*article.reporters, *article.correspondents))
    place = article.subdistrict or article.district
    return tuple(line for line in (WRITERS.format(names=names) if names else None,
                                   SOURCE_CREDIT.format(place=place) if place else None) if line)


def shown(article: Article, internal: bool = False) -> Shown:
    """``article`` as every format prints it (``internal``: in an internal
    publication, which may not print 本报讯 or 记者 bylines)."""
    blocks, lead = [], None if internal else article.dateline
    for block in article.body:
        if block.kind == "paragraph" and lead is not None:
            blocks.append(ShownBlock(block.kind, block.text, lead + DATELINE_GAP))
            lead = None
        else:
            blocks.append(ShownBlock(block.kind, block.text))
    bylines = _credits(article) if internal else tuple(map(byline_as_printed, article.bylines))
    return Shown(kicker=_headline(article.kicker) if article.kicker else None,
                 heading=listed(article),
                 subtitle=SUBTITLE_DASH + _headline(article.subtitle) if article.subtitle else None,
                 bylines=bylines,
                 byline_line=BYLINE_GAP.join(bylines) if bylines else None,
                 blocks=tuple(blocks))

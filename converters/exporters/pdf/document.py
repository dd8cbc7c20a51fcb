"""The bulletin's flowables: contents lines, district openers, articles.

They record where they land (:class:`BuildState`) rather than bookmark or link
through ReportLab, because the front matter and each district are typeset as
documents of their own and joined afterwards (:mod:`.parts`); the contents'
page numbers are form XObjects referenced in the contents and defined at the
end of the front matter, when every page is known.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field, replace
from functools import cache

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, FrameBreak, NextPageTemplate

from ...edition import DISTRICT_LEVEL, DistrictGroup, Edition, Entry
from ...model import Article
from ...presentation import listed, shown
from .styles import PdfLayout
from .typeset import CJKParagraph, Line, MissingGlyphs, ParaStyle, Run


@dataclass
class BuildState:
    """What the layout learns while it runs: where things landed, what could not print."""

    pages: dict[str, int] = field(default_factory=dict)       # anchor → page number
    tops: dict[str, float] = field(default_factory=dict)      # anchor → top of its view
    #: contents lines: (page, rectangle, anchor), linked when the parts are joined
    links: list[tuple[int, tuple[float, float, float, float], str]] = field(default_factory=list)
    #: contents page numbers, written once the districts are typeset: (page, right, baseline, anchor)
    numbers: list[tuple[int, float, float, str]] = field(default_factory=list)
    current_district: str = ""
    missing: dict[str, MissingGlyphs] = field(default_factory=dict)  # entry key → characters
    #: an internal publication's (no 本报讯, no 记者 bylines: presentation.shown)
    internal: bool = False


class NeedSpace(Flowable):
    """Move to the next column unless ``following`` and ``extra`` points fit here.

    Headlines keep with the start of their text: a deck is never stranded
    at a column or page foot.
    """

    def __init__(self, following: list[Flowable], extra: float, frame_height: float) -> None:
        super().__init__()
        self.following = following
        self.extra = extra
        self.frame_height = frame_height

    def _needed(self, width: float, available: float) -> float:
        used = 0.0
        for flowable in self.following:
            # a snap to the grid pads by where it lands, not by the frame's height
            _, height = flowable.wrap(width, available - used if isinstance(flowable, GridSnap)
                                      else self.frame_height)
            used += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return used + self.extra

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        needed = self._needed(availWidth, availHeight)
        if availHeight < needed - 0.01 and needed < self.frame_height * 0.9:
            return availWidth, availHeight + 1  # does not fit: the frame ends here
        return availWidth, 0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        pass


class GridSnap(Flowable):
    """Space down to the next line of the body's grid: after a headline's deck, a
    subhead or a rule, so that the text after it sits on the same lines as the
    other column's (the columns are whole lines tall: templates.BulletinPages)."""

    def __init__(self, grid: float) -> None:
        super().__init__()
        self.grid = grid

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        pad = availHeight % self.grid
        return availWidth, 0.0 if pad < 0.01 or self.grid - pad < 0.01 else pad

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        pass


class GridSlot(Flowable):
    """A subhead set in whole lines of the body's grid, in their middle: two lines
    (more for a long one), with room above and below, the same wherever it lands
    — at a column's top as within its text."""

    def __init__(self, paragraph: CJKParagraph, grid: float) -> None:
        super().__init__()
        self.paragraph, self.grid = paragraph, grid
        self.inner = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, self.inner = self.paragraph.wrap(availWidth, availHeight)
        self.width = availWidth
        # at least half a line of room around the subhead's own lines
        self.height = max(2, math.ceil((self.inner + self.grid / 2) / self.grid - 0.01)) * self.grid
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, (self.height - self.inner) / 2)


class Marker(Flowable):
    """Records where it lands (an article, a district start): the outline and the
    contents' links point there once the parts are joined."""

    def __init__(self, state: BuildState, key: str, district: str | None = None) -> None:
        super().__init__()
        self.state, self.key, self.district = state, key, district

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        self.state.pages[self.key] = page
        if self.district is not None:
            self.state.current_district = self.district
        self.state.tops[self.key] = self.canv.absolutePosition(0, 0)[1] + 40


class Rule(Flowable):
    def __init__(self, color, thickness: float = 0.6, space: float = 2 * mm,  # type: ignore[no-untyped-def]
                 fraction: float = 1.0, double: bool = False) -> None:
        super().__init__()
        self.color, self.thickness, self.fraction, self.double = color, thickness, fraction, double
        self.spaceBefore = self.spaceAfter = space

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.thickness * (4 if self.double else 1)

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(self.thickness)
        inset = self.width * (1 - self.fraction) / 2
        top = self.thickness * (4 if self.double else 1)
        canvas.line(inset, top, self.width - inset, top)
        if self.double:
            canvas.setLineWidth(self.thickness / 3)
            canvas.line(inset, 0, self.width - inset, 0)


class TocEntry(CJKParagraph):
    """A contents line: linked text, dot leaders, and room for the page number,
    which is written when the pages are joined."""

    NUMBER_WIDTH = 12 * mm

    def __init__(self, text: str, style: ParaStyle, key: str, indent: float,
                 state: BuildState) -> None:
        super().__init__([Run(text)], style)
        self.key, self.indent, self.state = key, indent, state

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width = availWidth - self.NUMBER_WIDTH - self.indent
        self.height = len(self._layout(width)) * self.style.leading
        self.width = availWidth
        return availWidth, self.height

    def _line_start(self, line: Line) -> float:
        return self.indent

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        style = self.style
        lines = self._lines or []
        end_x = self.indent + lines[-1].natural_width()
        y = self.baseline(len(lines) - 1)
        canvas.saveState()
        canvas.setStrokeColor(style.color)
        canvas.setLineWidth(0.6)
        canvas.setDash(0.6, 2.4)
        canvas.line(end_x + 2, y + 1, self.width - self.NUMBER_WIDTH + 2, y + 1)
        canvas.restoreState()
        right, baseline = canvas.absolutePosition(self.width, y)
        self.state.numbers.append((canvas.getPageNumber(), right, baseline, self.key))
        x0, y0 = canvas.absolutePosition(0, 0)
        x1, y1 = canvas.absolutePosition(self.width, self.height)
        self.state.links.append((canvas.getPageNumber(), (x0, y0, x1, y1), self.key))


def district_key(district: DistrictGroup) -> str:
    return f"d-{district.slug}"


@cache  # asked for each article's deck
def centred(style: ParaStyle) -> ParaStyle:
    return replace(style, align="center", first_indent=0.0)


def _article_flowables(entry: Entry, layout: PdfLayout, state: BuildState,
                       frame_height: float) -> list[Flowable]:
    article: Article = entry.article
    styles = layout.styles
    missing = state.missing.setdefault(entry.key, MissingGlyphs())
    deck: list[Flowable] = [Marker(state, entry.key)]
    printed = shown(article, state.internal)
    if printed.kicker:
        deck.append(CJKParagraph([Run(printed.kicker)], centred(styles["kicker"]), missing=missing))
    title_style = centred(styles["title"])
    if printed.kicker:
        title_style = replace(title_style, space_before=0.0)
    deck.append(CJKParagraph([Run(printed.heading)], title_style, missing=missing))
    if printed.subtitle:
        deck.append(CJKParagraph([Run(printed.subtitle)], centred(styles["subtitle"]),
                                 missing=missing))
    if printed.byline_line:
        deck.append(CJKParagraph([Run(printed.byline_line)], centred(styles["byline"]),
                                 missing=missing))
    grid = styles["body"].leading
    deck.append(GridSnap(grid))
    body: list[Flowable] = []
    for block in printed.blocks:
        if block.kind == "subhead":
            # nor is a subhead: it goes with two lines of its text
            subhead = GridSlot(CJKParagraph([Run(block.text)], replace(styles["subhead"], space_before=0.0),
                                            missing=missing), grid)
            body += [NeedSpace([subhead], 2 * grid, frame_height), subhead, GridSnap(grid)]
            continue
        runs = [Run(block.text)]
        if block.lead:
            runs.insert(0, Run(block.lead, styles["dateline"].face))
        body.append(CJKParagraph(runs, styles["body"], missing=missing))
    keep = NeedSpace(deck[1:], 2 * grid, frame_height)
    return [keep, *deck, *body]


def district_banner(district: DistrictGroup, layout: PdfLayout, state: BuildState) -> list[Flowable]:
    styles = layout.styles
    return [Marker(state, district_key(district), district=district.name),
            CJKParagraph([Run(district.name)], styles["district"]),
            Rule(layout.rule_color, 1.2, 1.5 * mm, double=True),
            CJKParagraph([Run(district_meta(district))], styles["district-meta"])]


def district_meta(district: DistrictGroup) -> str:
    sections = [s.name for s in district.sections if s.name != DISTRICT_LEVEL]
    meta = f"本期 {len(district.entries)} 篇"
    if sections:
        meta += "：" + "、".join(sections)
    return meta


def banner_height(district: DistrictGroup, layout: PdfLayout) -> float:
    total = 2 * mm
    for flowable in district_banner(district, layout, BuildState()):
        _, height = flowable.wrap(layout.geometry.text_width, layout.geometry.text_height)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


@dataclass
class DistrictFlow:
    """A district's flowables, and where each article's begin among them, with a
    signature of all its pages can show of it (see :mod:`.splice`)."""

    flowables: list[Flowable]
    #: (signature, index of its first flowable): the opener first, then each article
    entries: list[tuple[str, int]]


def _signature(*shown: object) -> str:
    return hashlib.sha1(json.dumps(shown, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _article_signature(article: Article, heading: str | None) -> str:
    return _signature(heading, article.fingerprint)


def district_flowables(district: DistrictGroup, layout: PdfLayout, state: BuildState,
                        frame_height: float) -> DistrictFlow:
    styles = layout.styles
    flowables: list[Flowable] = [
        NextPageTemplate("body"), *district_banner(district, layout, state), FrameBreak(),
    ]
    entries = [(_signature("opener", district.name, district_meta(district)), 0)]
    for section in district.sections:
        heading: list[Flowable] = []
        if district.sectioned:
            heading = [CJKParagraph([Run(f"■ {section.name}")], styles["section"]),
                       Rule(layout.rule_color, 0.5, 1 * mm), GridSnap(styles["body"].leading)]
        for number, entry in enumerate(section.entries):
            if entries[1:]:  # a rule between articles (none after the district's last)
                flowables += [Rule(layout.rule_color, 0.4, 3 * mm, 0.3),
                              GridSnap(styles["body"].leading)]
            article = _article_flowables(entry, layout, state, frame_height)
            if number == 0 and heading:
                keep: NeedSpace = article[0]  # type: ignore[assignment]
                keep.following = heading + keep.following
                article = [keep, *heading, *article[1:]]
            entries.append((_article_signature(entry.article, section.name if number == 0 and heading
                                               else None), len(flowables)))
            flowables.extend(article)
    return DistrictFlow(flowables, entries)


def contents_flowables(edition: Edition, layout: PdfLayout, state: BuildState) -> list[Flowable]:
    styles = layout.styles
    flowables: list[Flowable] = [
        Marker(state, "toc"),
        CJKParagraph([Run("目　录")], centred(styles["toc-title"])),
        Rule(layout.rule_color, 1.0, 3 * mm, double=True),
    ]
    for district in edition.districts:
        flowables.append(TocEntry(district.name, styles["toc-district"], district_key(district), 0, state))
        for entry in district.entries:
            flowables.append(TocEntry(listed(entry.article), styles["toc-entry"],
                                      entry.key, 2 * styles["toc-entry"].size, state))
    return flowables



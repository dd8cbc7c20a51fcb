"""The bulletin as a ReportLab document: cover, contents, district openers, articles.

One pass: the contents list is laid out before the articles, so its page
numbers are PDF form XObjects referenced there and defined at the end,
when every article's page is known (ReportLab resolves forms and named
destinations when it writes the file).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.lib.colors import CMYKColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, FrameBreak, NextPageTemplate,
                                PageBreak, PageTemplate)

from ... import __version__
from ...edition import DISTRICT_LEVEL, DistrictPart, Edition, Entry
from ...model import Article
from .styles import PdfLayout
from .typeset import (CJKParagraph, Line, MissingGlyphs, ParaStyle, Run, compose, draw_line,
                      make_atoms)

REGISTRATION = CMYKColor(1, 1, 1, 1)


@dataclass
class BuildState:
    """What the layout learns while it runs."""

    pages: dict[str, int] = field(default_factory=dict)       # anchor → page number
    current_district: str = ""
    missing: dict[str, MissingGlyphs] = field(default_factory=dict)  # entry key → characters
    page_count: int = 0


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

    def _needed(self, width: float) -> float:
        total = self.extra
        for flowable in self.following:
            _, height = flowable.wrap(width, self.frame_height)
            total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        needed = self._needed(availWidth)
        if availHeight < needed < self.frame_height * 0.9:
            return availWidth, availHeight + 1  # does not fit: the frame ends here
        return availWidth, 0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        pass


class Marker(Flowable):
    """Records the page where it lands (an anchor, a district start)."""

    def __init__(self, state: BuildState, key: str, district: str | None = None,
                 outline: tuple[str, int] | None = None) -> None:
        super().__init__()
        self.state, self.key, self.district, self.outline = state, key, district, outline

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        self.state.pages[self.key] = page
        if self.district is not None:
            self.state.current_district = self.district
        self.canv.bookmarkPage(self.key, fit="XYZ", top=self.canv.absolutePosition(0, 0)[1] + 40)
        if self.outline:
            self.canv.addOutlineEntry(self.outline[0], self.key, level=self.outline[1])


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
    """A contents line: linked text, dot leaders, page number filled in at the end."""

    NUMBER_WIDTH = 12 * mm

    def __init__(self, text: str, style: ParaStyle, key: str, indent: float) -> None:
        super().__init__([Run(text)], style)
        self.key, self.indent = key, indent

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
        canvas.saveState()
        canvas.translate(self.width - self.NUMBER_WIDTH, y)
        canvas.doForm(page_form_name(self.key))
        canvas.restoreState()
        canvas.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def page_form_name(key: str) -> str:
    return f"pn{key}"


def _centred(style: ParaStyle) -> ParaStyle:
    return replace(style, align="center", first_indent=0.0)


def _article_flowables(entry: Entry, layout: PdfLayout, state: BuildState,
                       frame_height: float) -> list[Flowable]:
    article: Article = entry.article
    styles = layout.styles
    missing = state.missing.setdefault(entry.key, MissingGlyphs())
    deck: list[Flowable] = [Marker(state, entry.key, outline=(article.display_title, 1))]
    if article.kicker:
        deck.append(CJKParagraph([Run(article.kicker)], _centred(styles["kicker"]), missing=missing))
    title_style = _centred(styles["title"])
    if article.kicker:
        title_style = replace(title_style, space_before=0.0)
    deck.append(CJKParagraph([Run(article.title or "（原文无标题）")], title_style, missing=missing))
    if article.subtitle:
        deck.append(CJKParagraph([Run("——" + article.subtitle)], _centred(styles["subtitle"]),
                                 missing=missing))
    if article.bylines:
        deck.append(CJKParagraph([Run("　".join(article.bylines))], _centred(styles["byline"]),
                                 missing=missing))
    body: list[Flowable] = []
    first_paragraph = True
    for block in article.body:
        if block.kind == "subhead":
            body.append(CJKParagraph([Run(block.text)], styles["subhead"], missing=missing))
            continue
        runs = [Run(block.text)]
        if first_paragraph and article.dateline:
            runs.insert(0, Run("本报讯 ", styles["dateline"].face))
        first_paragraph = False
        body.append(CJKParagraph(runs, styles["body"], missing=missing))
    keep = NeedSpace(deck[1:], 2 * styles["body"].leading + 2, frame_height)
    return [keep, *deck, *body, Rule(layout.rule_color, 0.4, 3 * mm, 0.3)]


def district_banner(part: DistrictPart, layout: PdfLayout, state: BuildState) -> list[Flowable]:
    styles = layout.styles
    sections = [s.name for s in part.sections if s.name != DISTRICT_LEVEL]
    meta = f"本期 {len(part.entries)} 篇"
    if sections:
        meta += "：" + "、".join(sections)
    return [Marker(state, f"d-{part.slug}", district=part.name, outline=(part.name, 0)),
            CJKParagraph([Run(part.name)], styles["district"]),
            Rule(layout.rule_color, 1.2, 1.5 * mm, double=True),
            CJKParagraph([Run(meta)], styles["district-meta"])]


def banner_height(part: DistrictPart, layout: PdfLayout) -> float:
    total = 2 * mm
    for flowable in district_banner(part, layout, BuildState()):
        _, height = flowable.wrap(layout.geometry.text_width, layout.geometry.text_height)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _district_flowables(part: DistrictPart, layout: PdfLayout, state: BuildState,
                        frame_height: float) -> list[Flowable]:
    styles = layout.styles
    flowables: list[Flowable] = [
        NextPageTemplate(f"opener-{part.slug}"), PageBreak(), NextPageTemplate("body"),
        *district_banner(part, layout, state), FrameBreak(),
    ]
    for section in part.sections:
        heading: list[Flowable] = []
        if section.name != DISTRICT_LEVEL or len(part.sections) > 1:
            heading = [CJKParagraph([Run(f"■ {section.name}")], styles["section"]),
                       Rule(layout.rule_color, 0.5, 1 * mm)]
        for number, entry in enumerate(section.entries):
            article = _article_flowables(entry, layout, state, frame_height)
            if number == 0 and heading:
                keep: NeedSpace = article[0]  # type: ignore[assignment]
                keep.following = heading + keep.following
                article = [keep, *heading, *article[1:]]
            flowables.extend(article)
    return flowables


def _contents_flowables(edition: Edition, layout: PdfLayout, state: BuildState) -> list[Flowable]:
    styles = layout.styles
    flowables: list[Flowable] = [
        Marker(state, "toc", outline=("目录", 0)),
        CJKParagraph([Run("目　录")], _centred(styles["toc-title"])),
        Rule(layout.rule_color, 1.0, 3 * mm, double=True),
    ]
    for part in edition.districts:
        flowables.append(TocEntry(part.name, styles["toc-district"], f"d-{part.slug}", 0))
        for entry in part.entries:
            flowables.append(TocEntry(entry.article.display_title, styles["toc-entry"],
                                      entry.key, 2 * styles["toc-entry"].size))
    return flowables


def draw_single_line(canvas: Canvas, text: str, style: ParaStyle, x: float, y: float,
                     align: str = "left") -> None:
    """One line of running text (header, folio) with per-character font fallback."""
    atoms = make_atoms([Run(text)], style.face, style.size)
    lines = compose(atoms, 10_000, 0, style.size)
    if not lines:
        return
    width = lines[0].width()
    start = {"left": x, "center": x - width / 2, "right": x - width}[align]
    draw_line(canvas, lines[0], start, y, style)


class MirroredTemplate(PageTemplate):
    """Frames move to the binding side of each page before it is drawn."""

    def beforeDrawPage(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        doc._place_frames(canv, doc)


class BulletinTemplate(BaseDocTemplate):
    def __init__(self, target: Path, edition: Edition, layout: PdfLayout, state: BuildState) -> None:
        self.edition, self.layout, self.state = edition, layout, state
        geometry = layout.geometry
        super().__init__(
            str(target), pagesize=geometry.media, invariant=1, lang="zh-CN",
            title=f"{edition.title}（{edition.label}）", author=edition.settings.unit,
            subject=f"{edition.title} {edition.label}：" + "、".join(d.name for d in edition.districts),
            keywords=[d.name for d in edition.districts], creator=f"Pressroom {__version__}",
            initialFontName=layout.styles["body"].face.names[0],
            leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0)
        self.addPageTemplates(self._templates())

    # -- page templates -----------------------------------------------------
    def _frames(self, top_band: float = 0.0) -> list[Frame]:
        g = self.layout.geometry
        height = g.text_height - top_band
        return [Frame(0, g.offset + g.bottom, g.column_width, height, 0, 0, 0, 0,
                      id=f"col{i}") for i in range(g.columns)]

    def _templates(self) -> list[PageTemplate]:
        g = self.layout.geometry
        full = lambda ident, height, y: Frame(0, y, g.text_width, height, 0, 0, 0, 0, id=ident)  # noqa: E731
        openers = []
        for part in self.edition.districts:
            band = banner_height(part, self.layout)
            openers.append(MirroredTemplate(
                f"opener-{part.slug}",
                [full("banner", band, g.offset + g.bottom + g.text_height - band),
                 *self._frames(band + 5 * mm)],
                onPage=self._print_marks, onPageEnd=self._running))
        return [
            MirroredTemplate("cover", [full("cover", g.text_height, g.offset + g.bottom)],
                             onPage=self._cover_page),
            MirroredTemplate("front", [full("front", g.text_height, g.offset + g.bottom)],
                             onPage=self._print_marks, onPageEnd=self._running),
            *openers,
            MirroredTemplate("body", self._frames(), onPage=self._print_marks,
                         onPageEnd=self._running),
        ]

    def _place_frames(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Mirror margins: the inner margin is on the binding side of each page."""
        g = self.layout.geometry
        left = g.offset + g.left_margin(self.page)
        for frame in self.pageTemplate.frames:
            index = int(frame.id[3:]) if frame.id.startswith("col") else 0
            frame._x1 = left + index * (g.column_width + g.gutter)
            frame._geom()

    # -- page decoration ----------------------------------------------------
    def _print_marks(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        g = self.layout.geometry
        canvas.setDateFormatter(self._edition_date)
        if not g.print_marks:
            return
        o, b = g.offset, g.bleed
        width, height = g.trim
        canvas.setTrimBox((o, o, o + width, o + height))
        canvas.setBleedBox((o - b, o - b, o + width + b, o + height + b))
        canvas.saveState()
        canvas.setStrokeColor(REGISTRATION)
        canvas.setLineWidth(0.25)
        length = 6 * mm
        for x in (o, o + width):
            for y, direction in ((o, -1), (o + height, 1)):
                start = y + direction * b
                canvas.line(x, start, x, start + direction * length)
        for y in (o, o + height):
            for x, direction in ((o, -1), (o + width, 1)):
                start = x + direction * b
                canvas.line(start, y, start + direction * length, y)
        canvas.restoreState()

    def _edition_date(self, *_: int) -> str:
        d = self.edition.date
        return f"D:{d.year:04d}{d.month:02d}{d.day:02d}000000+08'00'"

    def _running(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        g = self.layout.geometry
        page = self.page
        values = {"bulletin": self.edition.title, "edition": self.edition.label,
                  "district": self.state.current_district or "目录", "page": str(page)}
        running = self.layout.running
        left = g.offset + g.left_margin(page)
        right = left + g.text_width
        header_y = g.offset + g.trim[1] - g.top + 4 * mm
        header = self.layout.styles["header"]
        outer_left = page % 2 == 0
        left_text = running.get("header-left", "{bulletin}").format(**values)
        right_text = running.get("header-right", "{district}").format(**values)
        if outer_left:  # even pages: the district sits on the outer (left) side
            left_text, right_text = right_text, left_text
        draw_single_line(canvas, left_text, header, left, header_y)
        draw_single_line(canvas, right_text, header, right, header_y, "right")
        canvas.saveState()
        canvas.setStrokeColor(self.layout.rule_color)
        canvas.setLineWidth(0.5)
        canvas.line(left, header_y - 1.8 * mm, right, header_y - 1.8 * mm)
        canvas.restoreState()
        footer = self.layout.styles["footer"]
        draw_single_line(canvas, running.get("footer", "— {page} —").format(**values), footer,
                         (left + right) / 2, g.offset + g.bottom - 9 * mm, "center")

    def _cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._print_marks(canvas, doc)
        g = self.layout.geometry
        styles = self.layout.styles
        edition = self.edition
        left = g.offset + g.left_margin(1)
        width = g.text_width
        top = g.offset + g.trim[1] - g.top

        def place(flowable: Flowable, y_top: float) -> float:
            _, height = flowable.wrap(width, g.text_height)
            flowable.drawOn(canvas, left, y_top - height)
            return y_top - height

        y = top - 30 * mm
        y = place(CJKParagraph([Run(edition.title)], _centred(styles["cover-title"])), y)
        y = place(CJKParagraph([Run(edition.label)], _centred(styles["cover-edition"])), y - 6 * mm)
        y = place(Rule(self.layout.rule_color, 2.4, 0, double=True), y - 8 * mm)
        districts = "　·　".join(d.name for d in edition.districts)
        y = place(CJKParagraph([Run("本期收录　" + districts)], _centred(styles["cover-text"])), y - 18 * mm)
        place(CJKParagraph([Run(f"共 {len(edition.entries)} 篇")], _centred(styles["cover-text"])), y - 2 * mm)
        bottom = g.offset + g.bottom + 30 * mm
        y = place(CJKParagraph([Run(edition.settings.unit)], _centred(styles["cover-text"])), bottom)
        place(CJKParagraph([Run(edition.settings.date_text)], _centred(styles["cover-text"])), y)
        canvas.bookmarkPage("cover")
        canvas.addOutlineEntry("封面", "cover", level=0)

    # -- the end: page numbers of the contents ------------------------------
    def _endBuild(self) -> None:
        canvas = self.canv
        style = self.layout.styles["toc-entry"]
        for key, page in self.state.pages.items():
            canvas.beginForm(page_form_name(key), 0, -style.size, TocEntry.NUMBER_WIDTH, style.size * 2)
            draw_single_line(canvas, str(page), style, TocEntry.NUMBER_WIDTH, 0, "right")
            canvas.endForm()
        super()._endBuild()


def render_pdf(edition: Edition, layout: PdfLayout, target: Path) -> BuildState:
    """Lay out the edition into ``target``; returns what the layout learnt (pages, gaps)."""
    state = BuildState()
    doc = BulletinTemplate(target, edition, layout, state)
    frame_height = layout.geometry.text_height
    story: list[Flowable] = [NextPageTemplate("front"), PageBreak(),
                             *_contents_flowables(edition, layout, state)]
    for part in edition.districts:
        story.extend(_district_flowables(part, layout, state, frame_height))
    doc.build(story)
    state.page_count = doc.page
    return state

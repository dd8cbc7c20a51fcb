"""Page templates: the front matter and a district as ReportLab documents.

Each district opens on a right-hand (odd) page and ends on an even one,
padded with a blank verso if need be, so a district typesets the same
wherever it falls in the bulletin: mirrored margins and running heads
depend on the page's side, which is then known without knowing the pages
before it. Only the folio depends on those; it is drawn over the district's
pages when the parts are joined (see :mod:`.parts`).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

from reportlab.lib.colors import CMYKColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable, PageBegin

from ... import __version__
from ...edition import DistrictGroup, Edition
from ...presentation import imprint
from ...layout import fill
from .document import BuildState, Rule, banner_height, centred
from .styles import PdfLayout
from .typeset import CJKParagraph, ParaStyle, Run, compose, draw_line, make_atoms

REGISTRATION = CMYKColor(1, 1, 1, 1)


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


def running_values(edition: Edition, page: int, district: str) -> dict[str, str]:
    """What a running head or folio may show."""
    return {"bulletin": edition.title, "edition": edition.label, "district": district,
            "page": str(page)}


def draw_folio(canvas: Canvas, layout: PdfLayout, edition: Edition, page: int, district: str) -> None:
    g = layout.geometry
    left = g.offset + g.left_margin(page)
    text = fill(layout.running.get("footer", "— {page} —"), running_values(edition, page, district))
    draw_single_line(canvas, text, layout.styles["footer"], left + g.text_width / 2,
                     g.offset + g.bottom - 9 * mm, "center")


class MirroredTemplate(PageTemplate):
    """Frames move to the binding side of each page before it is drawn."""

    def beforeDrawPage(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        doc._place_frames(canv, doc)


class BulletinPages(BaseDocTemplate):
    """What every page of the bulletin shares: margins, marks, running head, even length."""

    def __init__(self, target: BinaryIO, edition: Edition, layout: PdfLayout, state: BuildState) -> None:
        self.edition, self.layout, self.state = edition, layout, state
        geometry = layout.geometry
        super().__init__(
            target, pagesize=geometry.media, invariant=1, lang="zh-CN",
            title=f"{edition.title}（{edition.label}）", author=edition.settings.unit,
            subject=f"{edition.title} {edition.label}：" + "、".join(d.name for d in edition.districts),
            keywords=[d.name for d in edition.districts], creator=f"Pressroom {__version__}",
            initialFontName=layout.initial_font,
            leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0)
        self.addPageTemplates(self._templates())
        #: per page: font name → the characters it shows there
        self.page_shown: list[dict[str, str]] = []
        #: the page being set is the blank verso _endBuild adds (nothing is drawn on it)
        self.padding = False

    def afterPage(self) -> None:  # noqa: N802 - ReportLab's hook, after the running head
        shown = self.canv._doc.__dict__.pop("pressroom_shown", {})
        self.page_shown.append({name: "".join(sorted(chars)) for name, chars in sorted(shown.items())})

    def _templates(self) -> list[PageTemplate]:
        raise NotImplementedError

    def _full_width(self, ident: str, height: float, y: float) -> Frame:
        return Frame(0, y, self.layout.geometry.text_width, height, 0, 0, 0, 0, id=ident)

    def _columns(self, top_band: float = 0.0) -> list[Frame]:
        """The columns, whole lines of body text tall and standing on the text area's
        foot: their lines are one grid, across the gutter and from page to page."""
        g = self.layout.geometry
        line = self.layout.styles["body"].leading
        height = (g.text_height - top_band) // line * line
        return [Frame(0, g.offset + g.bottom, g.column_width, height, 0, 0, 0, 0,
                      id=f"col{i}") for i in range(g.columns)]

    def _place_frames(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Mirror margins: the inner margin is on the binding side of each page."""
        g = self.layout.geometry
        left = g.offset + g.left_margin(self.page)
        for frame in self.pageTemplate.frames:
            index = int(frame.id[3:]) if frame.id.startswith("col") else 0
            frame._x1 = left + index * (g.column_width + g.gutter)
            frame._geom()

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

    def _header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.padding:
            return
        g = self.layout.geometry
        page = self.page
        values = running_values(self.edition, page, self.state.current_district or "目录")
        running = self.layout.running
        left = g.offset + g.left_margin(page)
        right = left + g.text_width
        header_y = g.offset + g.trim[1] - g.top + 4 * mm
        header = self.layout.styles["header"]
        left_text = fill(running.get("header-left", "{bulletin}"), values)
        right_text = fill(running.get("header-right", "{district}"), values)
        if page % 2 == 0:  # even pages: the district sits on the outer (left) side
            left_text, right_text = right_text, left_text
        draw_single_line(canvas, left_text, header, left, header_y)
        draw_single_line(canvas, right_text, header, right, header_y, "right")
        canvas.saveState()
        canvas.setStrokeColor(self.layout.rule_color)
        canvas.setLineWidth(0.5)
        canvas.line(left, header_y - 1.8 * mm, right, header_y - 1.8 * mm)
        canvas.restoreState()

    def _endBuild(self) -> None:
        if self.page % 2:  # end on a verso, so whatever follows opens on a recto
            if not (self._hanging and self._hanging[-1] is PageBegin):
                self.handle_pageBreak()
            self.padding = True
            self.clean_hanging()  # begins the blank page; ReportLab ends it below
        super()._endBuild()


Position = tuple[int, int]  # a flowable of the district's, and lines of it already set


class _Stop(ActionFlowable):
    def apply(self, doc: BaseDocTemplate) -> None:
        pass


class DistrictPages(BulletinPages):
    """One district: its opener page, then its articles in columns; no folios.

    It records where the district's flowables stood as each page began, so a
    later build can typeset again from any page (``start``: that page, the
    flowables passed being those left then). ``resumes(page, position)`` may
    end the typesetting as a page is about to begin: the pages from there on
    are those of an earlier typesetting, which the caller takes instead.
    """

    def __init__(self, target: BinaryIO, edition: Edition, district: DistrictGroup, layout: PdfLayout,
                 state: BuildState, *, start: int = 1,
                 resumes: Callable[[int, Position], bool] | None = None,
                 balance: float | None = None) -> None:
        self.district = district
        self.start, self.resumes = start, resumes
        #: the columns' height on the first page set (the district's last, balanced)
        self.balance = balance
        #: per page: the position of the first flowable set on it
        self.starts: list[Position | None] = []
        #: per page: how much of each column was filled
        self.fills: list[list[float]] = []
        self.resumed = False
        state.current_district = district.name
        super().__init__(target, edition, layout, state)

    def _templates(self) -> list[PageTemplate]:
        g = self.layout.geometry
        band = banner_height(self.district, self.layout)
        return [
            MirroredTemplate("opener", [
                self._full_width("banner", band, g.offset + g.bottom + g.text_height - band),
                *self._columns(band + 5 * mm)], onPage=self._print_marks, onPageEnd=self._header),
            MirroredTemplate("body", self._columns(), onPage=self._print_marks,
                             onPageEnd=self._header),
        ]

    def build(self, flowables: list[Flowable], *args: Any, **kwargs: Any) -> None:
        self._pending = flowables  # ReportLab takes flowables off the front as it sets them
        super().build(flowables, *args, **kwargs)

    def handle_documentBegin(self) -> None:  # noqa: N802
        super().handle_documentBegin()
        if self.start > 1:
            self.page = self.start - 1
            self.canv._pageNumber = self.start
            self.pageTemplate = self.pageTemplates[1]

    def handle_pageBegin(self) -> None:  # noqa: N802
        position = getattr(self._pending[0], "position", None) if self._pending else None
        if (position is not None and self.resumes is not None
                and self.resumes(self.page + 1, position)):
            self.resumed = True
            self._pending[:] = [_Stop()]
            return
        self.starts.append(position)
        super().handle_pageBegin()

    def _place_frames(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """…and on a balanced page, columns cut short from the foot (their tops, and
        so their lines, stay where every page has them)."""
        for frame in self.pageTemplate.frames:
            if frame.id.startswith("col"):
                full = frame.__dict__.setdefault("full_extent", (frame._y1, frame._height))
                frame._y1, frame._height = full
                if self.balance is not None and self.page == self.start:
                    frame._y1, frame._height = full[0] + full[1] - self.balance, self.balance
        super()._place_frames(canvas, doc)

    def handle_pageEnd(self) -> None:  # noqa: N802
        self.fills.append([frame._y2 - frame._y for frame in self.pageTemplate.frames
                           if frame.id.startswith("col")])
        super().handle_pageEnd()

    def _endBuild(self) -> None:
        if self.resumed:  # the page that was to begin is an earlier typesetting's
            self.canv.save()
            return
        super()._endBuild()


class FrontPages(BulletinPages):
    """Cover and contents; the contents' page numbers are written at the join."""

    def _templates(self) -> list[PageTemplate]:
        g = self.layout.geometry
        return [
            MirroredTemplate("cover", [self._full_width("cover", g.text_height, g.offset + g.bottom)],
                             onPage=self._cover_page),
            MirroredTemplate("front", [self._full_width("front", g.text_height, g.offset + g.bottom)],
                             onPage=self._print_marks, onPageEnd=self._header_and_folio),
        ]

    def _header_and_folio(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.padding:  # a contents of an even page count leaves a blank verso: blank
            return
        self._header(canvas, doc)
        draw_folio(canvas, self.layout, self.edition, self.page, "目录")

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
        label, *lines = imprint(edition.settings) or [None]
        if label:  # an internal publication says so above its name
            place(CJKParagraph([Run(label)], centred(styles["cover-text"])), top)
        y = place(CJKParagraph([Run(edition.title)], centred(styles["cover-title"])), y)
        y = place(CJKParagraph([Run(edition.label)], centred(styles["cover-edition"])), y - 6 * mm)
        y = place(Rule(self.layout.rule_color, 2.4, 0, double=True), y - 8 * mm)
        districts = "　·　".join(d.name for d in edition.districts)
        y = place(CJKParagraph([Run("本期收录　" + districts)], centred(styles["cover-text"])), y - 18 * mm)
        place(CJKParagraph([Run(f"共 {len(edition.entries)} 篇")], centred(styles["cover-text"])), y - 2 * mm)
        if lines:  # its imprint (which names the unit and date) at the foot
            y = g.offset + g.bottom + (len(lines) + 1) * styles["cover-text"].leading
            for line in lines:
                y = place(CJKParagraph([Run(line)], centred(styles["cover-text"])), y)
        else:
            bottom = g.offset + g.bottom + 30 * mm
            y = place(CJKParagraph([Run(edition.settings.unit)], centred(styles["cover-text"])), bottom)
            place(CJKParagraph([Run(edition.settings.date_text)], centred(styles["cover-text"])), y)
        self.state.pages["cover"] = 1

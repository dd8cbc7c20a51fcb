"""The bulletin in parts: each district typeset on its own, then the front matter, then joined.

A district's part depends only on its own articles (and the layout, fonts and
settings), so the parts are typeset in parallel, and a build after one page
changed typesets only that page's district again. The front matter is a part
too, made only from titles: a correction inside an article leaves it. Once
every part's length is known, the folio of every district page and the
contents' page numbers are drawn, and the join lays them over the pages.
"""
from __future__ import annotations

import io
import json
import marshal
from collections.abc import Callable
from functools import partial
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import NextPageTemplate, PageBreak

from ...edition import Edition
from ...presentation import listed
from ...store import kept
from .cidfont import embed, merge_shown, shown_characters
from .district import TypesetDistrict
from .document import BuildState, contents_flowables, district_key
from .join import Link, OutlineItem, Overlay, Source, join
from .splice import pages_of, write_part
from .styles import PdfLayout
from .templates import FrontPages, draw_folio, draw_single_line


class Overlays:
    """What is drawn over pages once every page is known — folios, contents page
    numbers — as content for the join to lay over them.

    Drawn on a canvas that is never saved: its operators are taken per page.
    Faces code characters by glyph id, the same in every part, so the content
    is good on any page of the joined file.
    """

    def __init__(self, layout: PdfLayout) -> None:
        self.canvas = Canvas(io.BytesIO(), pagesize=layout.geometry.media,
                             initialFontName=layout.initial_font)
        self.content: dict[int, list[str]] = {}

    def draw(self, page: int, drawing: Callable[[Canvas], None]) -> None:
        code = self.canvas._code
        start = len(code)
        drawing(self.canvas)
        self.content.setdefault(page, []).extend(code[start:])
        del code[start:]

    def streams(self) -> dict[int, bytes]:
        """Page (1-based) → its overlay's content."""
        return {page: "\n".join(code).encode("ascii") for page, code in self.content.items()}

    def fonts(self) -> dict[str, str]:
        """Resource name in the content (F1, …) → font name."""
        return {internal.lstrip("/"): name for name, internal in self.canvas._doc.fontMapping.items()}

    def shown(self) -> dict[str, str]:
        return shown_characters(self.canvas._doc)


@dataclass
class TypesetFront:
    """What the join needs to know of the typeset front matter."""

    pages: int
    toc: tuple[int, float]            # where the contents open: (page, top)
    #: contents lines: (page, rectangle, anchor)
    links: list[tuple[int, tuple[float, float, float, float], str]]
    #: room for contents page numbers: (page, right, baseline, anchor)
    numbers: list[tuple[int, float, float, str]]
    shown: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TypesetFront:
        return cls(data["pages"], tuple(data["toc"]),  # type: ignore[arg-type]
                   [(page, tuple(rect), key) for page, rect, key in data["links"]],  # type: ignore[misc]
                   [tuple(n) for n in data["numbers"]], data["shown"])  # type: ignore[misc]


def typeset_front(edition: Edition, layout: PdfLayout, target: Path) -> TypesetFront:
    """Cover and contents; their page numbers are drawn over them at the join."""
    state = BuildState()
    buffer = io.BytesIO()
    document = FrontPages(buffer, edition, layout, state)
    document.build([NextPageTemplate("front"), PageBreak(), *contents_flowables(edition, layout, state)])
    shown = merge_shown(document.page_shown)
    fonts = {layout.initial_font, *shown}
    target.write_bytes(write_part(pages_of(Source.read(buffer.getvalue())), fonts))
    return TypesetFront(document.page, (state.pages["toc"], state.tops["toc"]), state.links, state.numbers,
                        shown)


def typeset_bulletin(edition: Edition, layout: PdfLayout, front: tuple[bytes, TypesetFront],
                     districts: list[tuple[bytes, TypesetDistrict]], target: Path,
                     kept_overlays: tuple[Path, str] | None = None,
                     ends_blank: bool = True) -> tuple[int, dict[str, int]]:
    """The typeset front matter and districts (in edition order), joined into ``target``,
    with each page's folio and the contents' page numbers. Returns the page count.

    ``kept_overlays``: where the last folios and page numbers drawn are kept, and
    a stamp of the layout and settings they were drawn with (the front matter
    part's); a correction seldom moves a page, and drawing them is most of assembling.
    ``ends_blank``: keep the blank verso the last district may end on (a bulletin
    printed as a booklet has an even count); without it, a file ends on its text.
    Also returns the page each article (and district opener) begins on, by key."""
    front_data, typeset_front_matter = front
    toc_page, toc_top = typeset_front_matter.toc
    state = BuildState(pages={"toc": toc_page}, tops={"toc": toc_top})
    page = typeset_front_matter.pages
    starts = []
    for district, (_, typeset) in zip(edition.districts, districts):
        keys = [district_key(district), *(entry.key for entry in district.entries)]
        for key, (local, top) in zip(keys, typeset.anchors):
            state.pages[key], state.tops[key] = page + local, top
        blank = [local + 1 for local, start in enumerate(typeset.starts) if start is None]
        starts.append((district.name, page, typeset.pages, blank))
        page += typeset.pages
    numbers = [(number, right, baseline, state.pages[key])
               for number, right, baseline, key in typeset_front_matter.numbers]
    if kept_overlays is None:
        overlay = _draw_overlay(edition, layout, starts, numbers)
    else:
        path, drawn_with = kept_overlays
        overlay = marshal.loads(kept(path, lambda: marshal.dumps(
            _draw_overlay(edition, layout, starts, numbers)),
            key=json.dumps([drawn_with, starts, numbers], ensure_ascii=False)))
    streams, overlay_fonts, overlay_shown = overlay
    shown = merge_shown([typeset_front_matter.shown, overlay_shown,
                         *(typeset.shown for _, typeset in districts)])
    fonts = {name: partial(embed, pdfmetrics.getFont(name), shown.get(name, ""))
             for face in layout.faces.values() for name in face.names}
    links = [Link(page, rect, state.pages[key], state.tops[key])
             for page, rect, key in typeset_front_matter.links]
    outline = [OutlineItem("封面", 1, None), OutlineItem("目录", state.pages["toc"], state.tops["toc"])]
    for district in edition.districts:
        key = district_key(district)
        sections = []
        for section in district.sections:
            articles = [OutlineItem(listed(entry.article), state.pages[entry.key],
                                    state.tops[entry.key]) for entry in section.entries]
            if not district.sectioned:
                sections += articles  # no 办事处 to group them under
            else:  # district → 办事处/街道 → article, as the contents read
                sections.append(OutlineItem(section.name, articles[0].page, articles[0].top,
                                            articles))
        outline.append(OutlineItem(district.name, state.pages[key], state.tops[key], sections))
    drop = not ends_blank and bool(starts) and starts[-1][3][-1:] == [starts[-1][2]]
    target.write_bytes(join(front_data, [data for data, _ in districts],
                            Overlay(streams, overlay_fonts, layout.geometry.media), links, outline,
                            fonts, without_last_page=drop,
                            for_print=layout.geometry.print_marks))
    return page - drop, dict(state.pages)


#: the overlay: page → its content, resource name → font name, font name → characters shown
OverlayContent = tuple[dict[int, bytes], dict[str, str], dict[str, str]]


def _draw_overlay(edition: Edition, layout: PdfLayout,
                  starts: list[tuple[str, int, int, list[int]]],
                  numbers: list[tuple[int, float, float, int]]) -> OverlayContent:
    overlays = Overlays(layout)
    for name, before, count, blank in starts:
        for number in range(before + 1, before + count + 1):
            if number - before in blank:  # a blank page is blank: no folio
                continue
            overlays.draw(number, partial(draw_folio, layout=layout, edition=edition, page=number,
                                          district=name))
    style = layout.styles["toc-entry"]
    for number, right, baseline, target_page in numbers:
        overlays.draw(number, partial(draw_single_line, text=str(target_page), style=style,
                                      x=right, y=baseline, align="right"))
    return overlays.streams(), overlays.fonts(), overlays.shown()

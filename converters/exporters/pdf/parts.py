"""The bulletin in parts: each district typeset on its own, then the front matter, then joined.

A district's part depends only on its own articles (and the layout, fonts and
settings), so the parts are typeset in parallel, and a build after one page
changed typesets only that page's district again. The front matter is typeset
last, when every part's length is known: its contents give real page numbers,
and it draws the folio of every page.
"""
from __future__ import annotations

import tempfile
from functools import partial
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import NextPageTemplate, PageBreak

from ...edition import Edition
from .cidfont import embed, merge_shown, shown_characters
from .document import BuildState, contents_flowables, district_flowables, district_key
from .join import Link, OutlineItem, join
from .styles import PdfLayout
from .templates import DistrictPages, FrontPages, folio_form_name


@dataclass
class TypesetDistrict:
    """What the front matter and the join need to know of a typeset district."""

    pages: int                                   # always even: it ends on a verso
    #: where the district opens, then each of its articles in order: (page, top)
    anchors: list[tuple[int, float]]
    #: article number in the district → characters no face has
    missing: dict[int, list[str]] = field(default_factory=dict)
    #: font name → the characters shown in it (the join embeds their glyphs)
    shown: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TypesetDistrict:
        return cls(data["pages"], [tuple(a) for a in data["anchors"]],  # type: ignore[misc]
                   {int(k): v for k, v in data["missing"].items()}, data["shown"])


def typeset_district(edition: Edition, layout: PdfLayout, target: Path) -> TypesetDistrict:
    """``edition`` holds one district (Edition.only)."""
    (part,) = edition.districts
    state = BuildState()
    document = DistrictPages(target, edition, part, layout, state)
    document.build(district_flowables(part, layout, state, layout.geometry.text_height))
    keys = [district_key(part), *(entry.key for entry in part.entries)]
    missing = {number: sorted(state.missing[entry.key].characters)
               for number, entry in enumerate(part.entries)
               if entry.key in state.missing and state.missing[entry.key].characters}
    return TypesetDistrict(document.page, [(state.pages[k], state.tops[k]) for k in keys], missing,
                           shown_characters(document.canv._doc))


def typeset_bulletin(edition: Edition, layout: PdfLayout, districts: list[tuple[bytes, TypesetDistrict]],
                     target: Path) -> int:
    """The front matter, joined with the typeset districts (in edition order) into ``target``.
    Returns the page count."""
    state = BuildState()
    starts: list[int] = []

    def number_pages(front_pages: int) -> list[tuple[int, str]]:
        folios = []
        page = front_pages
        for district, (_, typeset) in zip(edition.districts, districts):
            starts.append(page)
            keys = [district_key(district), *(entry.key for entry in district.entries)]
            for key, (local, top) in zip(keys, typeset.anchors):
                state.pages[key], state.tops[key] = page + local, top
            folios += [(page + n, district.name) for n in range(1, typeset.pages + 1)]
            page += typeset.pages
        return folios

    with tempfile.TemporaryDirectory(prefix="pressroom-front-") as scratch:
        front_path = Path(scratch) / "front.pdf"
        document = FrontPages(front_path, edition, layout, state, number_pages)
        document.build([NextPageTemplate("front"), PageBreak(),
                        *contents_flowables(edition, layout, state)])
        front = front_path.read_bytes()
    shown = merge_shown([shown_characters(document.canv._doc),
                         *(typeset.shown for _, typeset in districts)])
    fonts = {name: partial(embed, pdfmetrics.getFont(name), shown.get(name, ""))
             for face in layout.faces.values() for name in face.names}
    front_pages = starts[0] if starts else document.page
    forms = [document.form_number(folio_form_name(page)) for page, _ in document.folios]
    links = [Link(page, rect, state.pages[key], state.tops[key]) for page, rect, key in state.links]
    outline = [OutlineItem("封面", 1, None), OutlineItem("目录", state.pages["toc"], state.tops["toc"])]
    for district in edition.districts:
        key = district_key(district)
        outline.append(OutlineItem(district.name, state.pages[key], state.tops[key], [
            OutlineItem(entry.article.display_title, state.pages[entry.key], state.tops[entry.key])
            for entry in district.entries]))
    target.write_bytes(join(front, front_pages, [data for data, _ in districts], forms, links, outline,
                            fonts))
    return front_pages + sum(typeset.pages for _, typeset in districts)

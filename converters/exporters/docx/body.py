"""A Word report's text, written with python-docx's document API into the layout's
template (:mod:`.template`); its oxml layer only for what the API lacks: the
contents field, bookmarks and links to them."""
from __future__ import annotations

import io
from copy import deepcopy
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ...edition import Edition, Entry
from ...presentation import imprint, listed, shown
from ...store import Store
from ..archive import member, read_zip, write_package
from ..text import xml_safe
from . import ooxml
from .pagination import (
    PLACEHOLDER,
    PaginationError,
    layout_engine,
    page_numbers,
    page_texts,
)
from .template import prepared_template


class ReportWriter:
    """The report's paragraphs, in order, made with python-docx's ``Paragraph`` and
    ``Run``; ``finish`` puts them into ``document`` before its section properties."""

    def __init__(self, document: Any, style_ids: dict[str, str], internal: bool = False) -> None:
        self.document = document
        self.internal = internal
        self.style_ids = style_ids
        self.paragraphs: list[Any] = []
        self.prototypes: dict[str | None, Any] = {}
        self.bookmarks = 0
        self.warnings: list[str] = []

    def new(self, role: str | None) -> Paragraph:
        """An empty paragraph of ``role``'s style (None: the template's default).

        Each role's first paragraph is made with its style set by id through the
        oxml layer, and the rest are copies of it: python-docx's
        ``Paragraph.style`` looks for the default style through every style of
        the template on every call, and ``Document.add_paragraph`` looks for the
        section properties through every paragraph before it: both make a report
        quadratic in its length. The paragraphs go into the document at
        the end (``finish``)."""
        prototype = self.prototypes.get(role)
        if prototype is None:
            prototype = OxmlElement("w:p")
            if role is not None:
                prototype.style = self.style_ids[role]
            self.prototypes[role] = prototype
        element = deepcopy(prototype)
        self.paragraphs.append(element)
        return Paragraph(element, self.document._body)

    def paragraph(self, role: str, text: str, where: str) -> Paragraph:
        paragraph = self.new(role)
        _text_run(paragraph, xml_safe(text, where, self.warnings))
        return paragraph

    def heading(self, role: str, text: str, anchor: str, where: str) -> Paragraph:
        """A heading the contents links to (a bookmark around its text)."""
        paragraph = self.paragraph(role, text, where)
        self.bookmarks += 1
        ooxml.bookmark(paragraph, anchor, self.bookmarks)
        return paragraph

    def contents(self, entries: list[tuple[int, str, str]], numbered: bool = False
                 ) -> list[tuple[Any, list[Any]]]:
        """A TOC field whose cached entries Word, WPS and LibreOffice show without an
        update; ``numbered``: each with a page number after a dotted tab, as Word's
        own, set to the placeholder (returns each number's text element and what makes
        the tab and the number, in order)."""
        self.paragraph("toc-heading", "目　录", "contents")
        numbers = []
        section = self.document.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        for number, (level, text, anchor) in enumerate(entries):
            paragraph = self.new(f"toc{level}")
            if number == 0:
                ooxml.field_begin(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
            ooxml.link_to_bookmark(paragraph, anchor, xml_safe(text, "contents", self.warnings))
            if numbered:
                paragraph.paragraph_format.tab_stops.add_tab_stop(
                    width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
                before = len(paragraph._p)
                paragraph.add_run().add_tab()
                result = ooxml.field(paragraph, f"PAGEREF {anchor} \\h", PLACEHOLDER)
                numbers.append((result, [paragraph._p.pPr.tabs, *paragraph._p[before:]]))
            if number == len(entries) - 1:
                ooxml.field_end(paragraph)
        self.new(None).add_run().add_break(WD_BREAK.PAGE)
        return numbers

    def finish(self) -> None:
        body = self.document.element.body
        at = body.index(body.sectPr) if body.sectPr is not None else len(body)
        body[at:at] = self.paragraphs
        self.paragraphs = []

    def article(self, entry: Entry) -> None:
        article = entry.article
        where = f"{entry.source}: “{article.display_title}”"
        deck = shown(article, self.internal)
        if deck.kicker:
            self.paragraph("kicker", deck.kicker, where)
        self.heading("heading3", deck.heading, f"_Toc_{entry.key}", where)
        if deck.subtitle:
            self.paragraph("subtitle", deck.subtitle, where)
        if deck.byline_line:
            self.paragraph("byline", deck.byline_line, where)
        for block in deck.blocks:
            if block.kind == "subhead":
                self.paragraph("subhead", block.text, where)
                continue
            paragraph = self.new("body")
            if block.lead:
                _text_run(paragraph, block.lead)._r.style = self.style_ids["dateline"]
            _text_run(paragraph, xml_safe(block.text, where, self.warnings))

    def closing(self, unit: str, date_text: str) -> None:
        self.new("body")
        self.paragraph("closing", unit, "closing")
        self.paragraph("closing", date_text, "closing")


def _text_run(paragraph: Paragraph, text: str) -> Run:
    """A run of ``text``. (``Run.text`` reads the text a character at a time for
    tabs and line breaks, half of writing a report; a normalised line holds none,
    so its ``w:t`` goes in whole.)"""
    run = paragraph.add_run()
    run._r.add_t(text)
    return run


def build_report(edition: Edition, layout: dict[str, Any], target: Path, *, title: str,
                 reference: Path | None, store: Store) -> list[str]:
    """Write the report; returns its warnings."""
    template = prepared_template(layout, reference, store)
    document = Document(io.BytesIO(template.package))
    writer = ReportWriter(document, template.style_ids, edition.settings.internal)
    options = layout.get("document", {})
    writer.paragraph("title", title, "title")
    # under a district's name, the bulletin's; under the bulletin's own (a combined
    # report), only the month and issue: the name once on the page
    writer.paragraph("edition", edition.label if title == edition.title
                     else f"{edition.title}（{edition.label}）", "title")
    for line in imprint(edition.settings):  # an internal publication's label and imprint
        writer.paragraph("edition", line, "title")
    toc: list[tuple[int, str, str]] = []
    for district in edition.districts:
        toc.append((1, district.name, f"_Toc_d_{district.slug}"))
        for section in district.sections:
            if district.sectioned:
                toc.append((2, section.name, f"_Toc_s_{district.slug}_{len(toc)}"))
            toc.extend((3, listed(e.article), f"_Toc_{e.key}") for e in section.entries)
    engine, numbers = None, []
    if options.get("toc", True):
        if edition.settings.report_page_numbers == "libreoffice":
            engine = layout_engine()
            if engine is None:
                writer.warnings.append("contents page numbers: LibreOffice (soffice) is not "
                                       "installed; the report asks Word to fill them in when "
                                       "it is opened")
        numbers = writer.contents(toc, numbered=engine is not None)
    anchors = iter(anchor for level, _, anchor in toc if level < 3)
    for number, district in enumerate(edition.districts):
        heading = writer.heading("heading1", district.name, next(anchors), district.name)
        if number:  # a combined report: each district from a new page
            heading.paragraph_format.page_break_before = True
        for section in district.sections:
            if district.sectioned:
                writer.heading("heading2", section.name, next(anchors), district.name)
            for entry in section.entries:
                writer.article(entry)
    if options.get("closing", True):
        writer.closing(edition.settings.unit, edition.settings.date_text)
    writer.finish()
    # the document's own properties are the edition's, dated by its date, never the
    # build's clock
    when = datetime(edition.date.year, edition.date.month, edition.date.day)
    properties = document.core_properties
    properties.title, properties.subject = title, f"{edition.title} {edition.label}"
    properties.author = properties.last_modified_by = edition.settings.unit
    properties.keywords = "，".join(d.name for d in edition.districts)
    properties.created = properties.modified = properties.last_printed = when
    buffer = io.BytesIO()
    document.save(buffer)
    if engine is not None:
        buffer = _numbered(document, buffer, engine, toc, numbers, writer.warnings)
    # python-docx stamps each zip entry with the clock: the entries go again, in its
    # order, dated by the edition, so that a rebuild gives the same bytes
    write_package(target, [member(name, data) for name, data in read_zip(buffer.getvalue())],
                  edition.date)
    return writer.warnings


def _numbered(document: Any, saved: io.BytesIO, engine: str, toc: list[tuple[int, str, str]],
              numbers: list[tuple[Any, list[Any]]], warnings: list[str]) -> io.BytesIO:
    """The report with its contents' page numbers, as LibreOffice sets its pages; when
    it cannot, or some heading is not found, the numbers it has not go (Word fills
    them in on opening, as it is asked to)."""
    try:
        found = page_numbers(page_texts(saved.getvalue(), engine),
                             [(level, text) for level, text, _ in toc])
    except PaginationError as exc:
        warnings.append(f"contents page numbers: {exc}; the report asks Word to fill them "
                        "in when it is opened")
        found = [None] * len(toc)
    missing = [text for (_, text, _), folio in zip(toc, found) if folio is None]
    if missing and len(missing) < len(toc):
        warnings.append(f"contents page numbers: “{missing[0]}” was not found on any page "
                        f"({len(missing)} entries without a number); Word fills them in on opening")
    for (text, pieces), number in zip(numbers, found):
        if number is None:  # the tab and the field go with the placeholder
            for made in pieces:
                made.getparent().remove(made)
        else:
            text.text = number
    if not missing:  # all filled: nothing for Word to ask about
        ooxml.set_setting(document.settings, "updateFields", val="false")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer

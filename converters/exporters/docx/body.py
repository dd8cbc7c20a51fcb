"""A Word report's text: its paragraphs written as WordprocessingML, into a kept
template (:mod:`.template`) — no python-docx, no XML tree, once the template
is made."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ...edition import DISTRICT_LEVEL, Edition, Entry
from ..archive import write_package
from ...presentation import shown
from ..text import xml_safe
from .template import prepared_template

#: a TOC field (Word, WPS and LibreOffice show its cached entries without an update)
_TOC_FIELD_BEGIN = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
                    ' TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
_FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
_PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
_QUOTE = {'"': "&quot;"}


class BodyWriter:
    """The report's paragraphs, in order, as XML."""

    def __init__(self, style_ids: dict[str, str]) -> None:
        self.style_ids = style_ids
        self.paragraphs: list[str] = []
        self.bookmarks = 0
        self.warnings: list[str] = []

    def xml(self) -> str:
        return "".join(self.paragraphs)

    def append(self, role: str, runs: list[tuple[str, str | None]],
               bookmark: tuple[str, int] | None = None) -> None:
        """A paragraph of ``role`` with runs (text, character role or None), wrapped in
        ``bookmark`` (name, id) if given."""
        ids = self.style_ids
        content = []
        for text, run_role in runs:
            style = (f'<w:rPr><w:rStyle w:val="{escape(ids[run_role], _QUOTE)}"/></w:rPr>'
                     if run_role else "")
            content.append(f'<w:r>{style}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
        self.append_xml(role, "".join(content), bookmark)

    def append_xml(self, role: str, content: str, bookmark: tuple[str, int] | None = None) -> None:
        """A paragraph of ``role`` whose content (runs, links, fields) is given as XML."""
        xml = [f'<w:p><w:pPr><w:pStyle w:val="{escape(self.style_ids[role], _QUOTE)}"/></w:pPr>']
        if bookmark:
            xml.append(f'<w:bookmarkStart w:id="{bookmark[1]}" w:name="{escape(bookmark[0], _QUOTE)}"/>')
        xml.append(content)
        if bookmark:
            xml.append(f'<w:bookmarkEnd w:id="{bookmark[1]}"/>')
        xml.append("</w:p>")
        self.paragraphs.append("".join(xml))

    def paragraph(self, role: str, text: str, where: str) -> None:
        self.append(role, [(xml_safe(text, where, self.warnings), None)])

    def heading(self, role: str, text: str, anchor: str, where: str) -> None:
        self.bookmarks += 1
        self.append(role, [(xml_safe(text, where, self.warnings), None)], (anchor, self.bookmarks))

    def contents(self, entries: list[tuple[int, str, str]]) -> None:
        """A TOC field whose cached entries Word, WPS and LibreOffice show without an update."""
        self.paragraph("toc-heading", "目　录", "contents")
        for number, (level, text, anchor) in enumerate(entries):
            content = [_TOC_FIELD_BEGIN if number == 0 else "",
                       f'<w:hyperlink w:anchor="{escape(anchor, _QUOTE)}" w:history="1"><w:r>'
                       f'<w:t xml:space="preserve">{escape(xml_safe(text, "contents", self.warnings))}'
                       f'</w:t></w:r></w:hyperlink>',
                       _FIELD_END if number == len(entries) - 1 else ""]
            self.append_xml(f"toc{level}", "".join(content))
        self.paragraphs.append(_PAGE_BREAK)

    def article(self, entry: Entry) -> None:
        article = entry.article
        where = f"{entry.source}: “{article.display_title}”"
        deck = shown(article)
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
            runs: list[tuple[str, str | None]] = []
            if block.lead:
                runs.append((block.lead, "dateline"))
            runs.append((xml_safe(block.text, where, self.warnings), None))
            self.append("body", runs)

    def closing(self, unit: str, date_text: str) -> None:
        self.append("body", [])
        self.paragraph("closing", unit, "closing")
        self.paragraph("closing", date_text, "closing")


def build_report(edition: Edition, layout: dict[str, Any], target: Path, *, title: str,
                 reference: Path | None = None) -> list[str]:
    """Write the report; returns its warnings."""
    template = prepared_template(layout, reference)
    writer = BodyWriter(template.style_ids)
    options = layout.get("document", {})
    writer.paragraph("title", title, "title")
    writer.paragraph("edition", f"{edition.title}（{edition.label}）", "title")
    toc: list[tuple[int, str, str]] = []
    for part in edition.districts:
        toc.append((1, part.name, f"_Toc_d_{part.slug}"))
        for section in part.sections:
            if section.name != DISTRICT_LEVEL or len(part.sections) > 1:
                toc.append((2, section.name, f"_Toc_s_{part.slug}_{len(toc)}"))
            toc.extend((3, e.article.display_title, f"_Toc_{e.key}") for e in section.entries)
    if options.get("toc", True):
        writer.contents(toc)
    anchors = iter(anchor for level, _, anchor in toc if level < 3)
    for part in edition.districts:
        writer.heading("heading1", part.name, next(anchors), part.name)
        for section in part.sections:
            if section.name != DISTRICT_LEVEL or len(part.sections) > 1:
                writer.heading("heading2", section.name, next(anchors), part.name)
            for entry in section.entries:
                writer.article(entry)
    if options.get("closing", True):
        writer.closing(edition.settings.unit, edition.settings.date_text)
    when = datetime(edition.date.year, edition.date.month, edition.date.day)
    write_package(target, template.package(
        writer.xml(), title=title, subject=f"{edition.title} {edition.label}",
        author=edition.settings.unit, keywords="，".join(d.name for d in edition.districts),
        when=when), edition.date)
    return writer.warnings

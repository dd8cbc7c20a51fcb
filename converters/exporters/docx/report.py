"""A Word report of an edition (or one district of it), laid out by a docx layout."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree
from docx.shared import Mm, Pt, RGBColor

from ...edition import DISTRICT_LEVEL, Edition, Entry
from ...layout import LayoutError, points
from ..text import xml_safe
from . import ooxml

#: a TOC field (Word, WPS and LibreOffice show its cached entries without an update)
_TOC_FIELD_BEGIN = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
                    ' TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
_FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
_W_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_QUOTE = {'"': "&quot;"}
_SECTION = qn("w:sectPr")
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


@dataclass(frozen=True)
class StyleSpec:
    """How a role's style is found in a template (by name) or created."""

    names: tuple[str, ...]                 # looked up case-insensitively, first is created
    kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH
    outline: int | None = None             # outline level: Word's navigation pane
    keep_with_next: bool = False


STYLES: dict[str, StyleSpec] = {
    "title": StyleSpec(("Title", "标题")),
    "edition": StyleSpec(("Subtitle", "副标题")),
    "toc-heading": StyleSpec(("TOC Heading", "目录标题")),
    "heading1": StyleSpec(("Heading 1", "标题 1"), outline=0, keep_with_next=True),
    "heading2": StyleSpec(("Heading 2", "标题 2"), outline=1, keep_with_next=True),
    "heading3": StyleSpec(("Heading 3", "标题 3"), outline=2, keep_with_next=True),
    "kicker": StyleSpec(("引题", "Kicker"), keep_with_next=True),
    "subtitle": StyleSpec(("副题", "Deck Subtitle"), keep_with_next=True),
    "byline": StyleSpec(("署名", "Byline"), keep_with_next=True),
    "subhead": StyleSpec(("小标题", "Subhead"), keep_with_next=True),
    "body": StyleSpec(("Body Text", "正文文本")),
    "dateline": StyleSpec(("本报讯", "Dateline"), kind=WD_STYLE_TYPE.CHARACTER),
    "closing": StyleSpec(("落款", "Closing")),
    "page-number": StyleSpec(("Footer", "页脚")),
    "toc1": StyleSpec(("TOC 1", "toc 1", "目录 1")),
    "toc2": StyleSpec(("TOC 2", "toc 2", "目录 2")),
    "toc3": StyleSpec(("TOC 3", "toc 3", "目录 3")),
}


class ReportBuilder:
    def __init__(self, layout: dict[str, Any], reference: Path | None = None) -> None:
        self.layout = layout
        self.reference = reference
        self.document = Document(str(reference)) if reference else Document()
        self.own_template = reference is None
        self.roles: dict[str, dict[str, Any]] = {}
        normal = layout.get("roles", {}).get("normal", {})
        for role in list(STYLES) + ["normal"]:
            spec = layout.get("roles", {}).get(role, {})
            self.roles[role] = {**normal, **spec} if role != "normal" else normal
        self.styles: dict[str, Any] = {}
        self.style_ids: dict[str, str] = {}
        self.body = self.document.element.body
        self.bookmarks = 0
        self.warnings: list[str] = []
        #: paragraphs appended, as XML, not yet in the body
        self.pending: list[str] = []

    # -- styles ---------------------------------------------------------------
    def _find_style(self, spec: StyleSpec, index: dict):  # type: ignore[no-untyped-def, type-arg]
        """The template's first style of the spec's kind with one of its names."""
        found = [index[key] for key in ((spec.kind, n.lower()) for n in spec.names) if key in index]
        return min(found, key=lambda item: item[0])[1] if found else None

    def _format(self, style, role: str, spec: StyleSpec) -> None:  # type: ignore[no-untyped-def]
        values = self.roles[role]
        east_asia = values.get("font", "宋体")
        latin = values.get("latin", "Times New Roman")
        rpr = style.element.get_or_add_rPr()
        ooxml.set_run_fonts(rpr, east_asia, latin)
        ooxml.set_language(rpr)
        if "size" in values:
            style.font.size = Pt(points(values["size"]))
        style.font.bold = bool(values.get("bold", False))
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.all_caps = False
        if spec.kind != WD_STYLE_TYPE.PARAGRAPH:
            return
        fmt = style.paragraph_format
        fmt.alignment = ALIGN.get(values.get("align", "justify"), WD_ALIGN_PARAGRAPH.JUSTIFY)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        line_spacing = values.get("line-spacing")
        fmt.line_spacing = float(line_spacing) if line_spacing else 1.0
        fmt.keep_with_next = spec.keep_with_next
        size = points(values.get("size", "三号"))
        ppr = style.element.get_or_add_pPr()
        for tag in ("w:pBdr", "w:contextualSpacing"):  # the stock Title's rule and spacing
            for old in ppr.findall(qn(tag)):
                ppr.remove(old)
        indent = ppr.find(qn("w:ind"))
        if indent is not None:
            ppr.remove(indent)
        indent = ooxml.element("w:ind")
        chars = float(values.get("indent", 0))
        right = float(values.get("right-indent", 0))
        left = float(values.get("left-indent", 0))
        if left:
            indent.set(qn("w:leftChars"), str(int(left * 100)))
            indent.set(qn("w:left"), str(int(left * size * 20)))
        # firstLineChars is what Word and WPS honour; firstLine (twips) for the rest
        indent.set(qn("w:firstLineChars"), str(int(chars * 100)))
        indent.set(qn("w:firstLine"), str(int(chars * size * 20)))
        if right:
            indent.set(qn("w:rightChars"), str(int(right * 100)))
            indent.set(qn("w:right"), str(int(right * size * 20)))
        ppr.append(indent)
        if values.get("space-after"):
            spacing = ppr.find(qn("w:spacing"))
            spacing.set(qn("w:afterLines"), str(int(float(values["space-after"]) * 100)))
        for old in ppr.findall(qn("w:outlineLvl")):
            ppr.remove(old)
        if spec.outline is not None:
            ppr.append(ooxml.element("w:outlineLvl", val=str(spec.outline)))

    def prepare_styles(self) -> None:
        document = self.document
        styles_root = document.styles.element
        ooxml.strip_theme_fonts(styles_root)
        defaults = styles_root.find(qn("w:docDefaults"))
        if defaults is not None and self.own_template:
            rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
            normal = self.roles["normal"]
            ooxml.set_run_fonts(rpr, normal.get("font", "宋体"), normal.get("latin", "Times New Roman"))
            ooxml.set_language(rpr)
            # The document grid's character pitch is measured from this size in
            # LibreOffice (Word takes Normal's); keep them one.
            half_points = str(round(points(normal.get("size", "三号")) * 2))
            for tag in ("w:sz", "w:szCs"):
                node = rpr.find(qn(tag))
                if node is not None:
                    node.set(qn("w:val"), half_points)
            ppr_default = defaults.find(qn("w:pPrDefault"))
            if ppr_default is not None:
                defaults.remove(ppr_default)
        normal_style = document.styles["Normal"]
        if self.own_template:
            self._format(normal_style, "normal", StyleSpec(("Normal",)))
        # by type and name, first of each: python-docx makes a new object for
        # every style it is asked about, and a template has a hundred
        index: dict = {}  # type: ignore[type-arg]
        for position, style in enumerate(document.styles):
            index.setdefault((style.type, (style.name or "").lower()), (position, style))
        for role, spec in STYLES.items():
            style = self._find_style(spec, index)
            created = style is None
            if created:
                style = document.styles.add_style(spec.names[0], spec.kind)
                if spec.kind == WD_STYLE_TYPE.PARAGRAPH:
                    style.base_style = normal_style
                style.quick_style = True
            if created or self.own_template:
                self._format(style, role, spec)
            self.styles[role] = style
            self.style_ids[role] = style.style_id
        self._declare_fonts()
        ooxml.chinese_line_breaking(document.settings)

    def _declare_fonts(self) -> None:
        part = self.document.part
        font_table = None
        for rel in part.rels.values():
            if rel.reltype.endswith("/fontTable"):
                font_table = rel.target_part
        if font_table is None:
            return
        root = parse_xml(font_table.blob)
        for name, fallback in self.layout.get("fonts", {}).items():
            ooxml.declare_font(root, name, fallback)
        font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)

    # -- page -------------------------------------------------------------------
    def prepare_page(self) -> None:
        if not self.own_template:
            return  # the reference document's page setup, headers and footers stand
        page = self.layout.get("page", {})
        section = self.document.sections[0]
        if str(page.get("size", "A4")).upper() != "A4":
            raise LayoutError("docx layouts support A4 pages")
        section.page_width, section.page_height = Mm(210), Mm(297)
        top, bottom = points(page.get("margin-top", "37mm")), points(page.get("margin-bottom", "35mm"))
        left, right = points(page.get("margin-left", "28mm")), points(page.get("margin-right", "26mm"))
        section.top_margin, section.bottom_margin = Pt(top), Pt(bottom)
        section.left_margin, section.right_margin = Pt(left), Pt(right)
        section.header_distance = Mm(15)
        section.footer_distance = Pt(max(bottom - 7 * 72 / 25.4 - 18, 20))
        sect = section._sectPr
        for old in sect.findall(qn("w:docGrid")):
            sect.remove(old)
        lines, chars = int(page.get("grid-lines", 0)), int(page.get("grid-chars", 0))
        if lines:
            line_pitch = (297 * 72 / 25.4 - top - bottom) / lines
            sect.append(ooxml.element("w:docGrid", type="lines", linePitch=str(int(line_pitch * 20))))
        if chars:
            # 28 × 三号 is 448 pt on a 442 pt measure: GB/T 9704 condenses the type a
            # little. A character grid does that in Word only (LibreOffice gives a
            # character that overflows its cell two cells), so condense by spacing,
            # which every reader honours; rounding down leaves justification a point.
            normal_size = points(self.roles["normal"].get("size", "三号"))
            pitch = (210 * 72 / 25.4 - left - right) / chars
            twips = int((pitch - normal_size) * 20 // 1)
            rpr = self.document.styles["Normal"].element.get_or_add_rPr()
            for old in rpr.findall(qn("w:spacing")):
                rpr.remove(old)
            rpr.append(ooxml.element("w:spacing", val=str(twips)))
        self._page_numbers()

    def _page_numbers(self) -> None:
        role = self.roles["page-number"]
        pattern = role.get("format", "— {page} —")
        before, _, after = pattern.partition("{page}")
        edge = float(role.get("edge-indent", 1))
        self.document.settings.odd_and_even_pages_header_footer = True
        section = self.document.sections[0]
        for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
                                    (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.style = self.styles["page-number"]
            paragraph.alignment = align
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(ooxml.element("w:ind", **{f"{side}Chars": str(int(edge * 100))}))
            paragraph.add_run(before)
            ooxml.field(paragraph, "PAGE", "1")
            paragraph.add_run(after)

    # -- content ----------------------------------------------------------------
    def append(self, role: str, runs: list[tuple[str, str | None]],
               bookmark: tuple[str, int] | None = None) -> None:
        """A paragraph of ``role`` with runs (text, character role or None), at the body's
        end, wrapped in ``bookmark`` (name, id) if given.

        Written as XML and parsed with the others in one go (see :meth:`flush`):
        a report has thousands of paragraphs, and python-docx builds each
        element, looks up each style by scanning them all and searches the body
        for its section properties on every paragraph.
        """
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
        self.pending.append("".join(xml))

    def flush(self) -> None:
        """Parse the paragraphs appended since the last flush into the body, before its
        section properties (which stay last)."""
        if not self.pending:
            return
        parsed = parse_xml(f"<w:body {_W_NAMESPACE}>{''.join(self.pending)}</w:body>")
        self.pending.clear()
        try:
            end = self.body[-1]  # not len(body): lxml counts the children one by one
        except IndexError:
            end = None
        for p in list(parsed):
            if end is not None and end.tag == _SECTION:
                end.addprevious(p)
            else:
                self.body.append(p)

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
        self.flush()
        self.document.add_page_break()

    def article(self, entry: Entry) -> None:
        article = entry.article
        where = f"{entry.source}: “{article.display_title}”"
        if article.kicker:
            self.paragraph("kicker", article.kicker, where)
        self.heading("heading3", article.title or "（原文无标题）", f"_Toc_{entry.key}", where)
        if article.subtitle:
            self.paragraph("subtitle", "——" + article.subtitle, where)
        if article.bylines:
            self.paragraph("byline", "　".join(article.bylines), where)
        first = True
        for block in article.body:
            if block.kind == "subhead":
                self.paragraph("subhead", block.text, where)
                continue
            runs: list[tuple[str, str | None]] = []
            if first and article.dateline:
                runs.append(("本报讯　", "dateline"))
            runs.append((xml_safe(block.text, where, self.warnings), None))
            self.append("body", runs)
            first = False

    def closing(self, unit: str, date_text: str) -> None:
        self.append("body", [])
        self.paragraph("closing", unit, "closing")
        self.paragraph("closing", date_text, "closing")

    def clear_reference_body(self) -> None:
        """Like pandoc's reference doc: the template's text goes, its section stays."""
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)


def build_report(edition: Edition, layout: dict[str, Any], target: Path, *, title: str,
                 reference: Path | None = None) -> list[str]:
    """Write the report; returns its warnings."""
    builder = ReportBuilder(layout, reference)
    if reference:
        builder.clear_reference_body()
    builder.prepare_styles()
    builder.prepare_page()
    options = layout.get("document", {})
    builder.paragraph("title", title, "title")
    builder.paragraph("edition", f"{edition.title}（{edition.label}）", "title")
    toc: list[tuple[int, str, str]] = []
    for part in edition.districts:
        toc.append((1, part.name, f"_Toc_d_{part.slug}"))
        for section in part.sections:
            if section.name != DISTRICT_LEVEL or len(part.sections) > 1:
                toc.append((2, section.name, f"_Toc_s_{part.slug}_{len(toc)}"))
            toc.extend((3, e.article.display_title, f"_Toc_{e.key}") for e in section.entries)
    if options.get("toc", True):
        builder.contents(toc)
    anchors = iter(anchor for level, _, anchor in toc if level < 3)
    for part in edition.districts:
        builder.heading("heading1", part.name, next(anchors), part.name)
        for section in part.sections:
            if section.name != DISTRICT_LEVEL or len(part.sections) > 1:
                builder.heading("heading2", section.name, next(anchors), part.name)
            for entry in section.entries:
                builder.article(entry)
    if options.get("closing", True):
        builder.closing(edition.settings.unit, edition.settings.date_text)
    properties = builder.document.core_properties
    when = datetime(edition.date.year, edition.date.month, edition.date.day)
    properties.title = title
    properties.subject = f"{edition.title} {edition.label}"
    properties.author = properties.last_modified_by = edition.settings.unit
    properties.keywords = "，".join(d.name for d in edition.districts)
    properties.language = "zh-CN"
    properties.created = properties.modified = when
    properties.last_printed = when
    properties.revision = 1
    properties.comments = "Pressroom"
    builder.flush()
    builder.document.save(str(target))
    return builder.warnings

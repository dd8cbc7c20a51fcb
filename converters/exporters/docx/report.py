"""A report's template: python-docx makes the page, the styles and the footers a
docx layout asks for (see :mod:`.template`, which keeps it, and :mod:`.body`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from ...layout import LayoutError, check_room, points
from . import ooxml

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
    # body level: the stock TOC Heading is based on Heading 1, and a contents update
    # would list 目录 as its own first entry
    "toc-heading": StyleSpec(("TOC Heading", "目录标题"), outline=9),
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
        # the stock Title's rule and spacing, and the stock Subtitle's list numbering
        for tag in ("w:pBdr", "w:contextualSpacing", "w:numPr"):
            for old in ppr.findall(qn(tag)):
                ppr.remove(old)
        indent = ppr.find(qn("w:ind"))
        if indent is not None:
            ppr.remove(indent)
        right = float(values.get("right-indent", 0))
        left = float(values.get("left-indent", 0))
        ppr.append(ooxml.element("w:ind", **{
            **(ooxml.indent("left", left, size) if left else {}),
            **ooxml.indent("firstLine", float(values.get("indent", 0)), size),
            **(ooxml.indent("right", right, size) if right else {})}))
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
        if self.layout.get("document", {}).get("toc", True):
            # the contents' page numbers are known only to a layout engine: Word and
            # WPS fill them in when the report is opened (asking first)
            ooxml.set_setting(document.settings, "updateFields", val="true")

    def _declare_fonts(self) -> None:
        part = self.document.part
        font_table = None
        for rel in part.rels.values():
            if rel.reltype.endswith("/fontTable"):
                font_table = rel.target_part
        if font_table is None:
            return
        root = parse_xml(font_table.blob)
        # python-docx's default template declares Japanese faces (ＭＳ 明朝, ＭＳ ゴシック)
        # no report uses: a font table lists only what a Chinese report may ask for
        for font in root.findall(qn("w:font")):
            if any(ord(ch) > 0xFF00 for ch in font.get(qn("w:name"), "")):
                root.remove(font)
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
        normal = self.roles.get("normal", {})
        size = points(normal.get("size", "三号"))
        check_room(self.layout, 210 * 72 / 25.4 - left - right, 297 * 72 / 25.4 - top - bottom,
                   size, size * float(normal.get("line-spacing", 1.5)))
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
        size = points(role.get("size", self.roles["normal"].get("size", "三号")))
        for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
                                    (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.style = self.styles["page-number"]
            paragraph.alignment = align
            paragraph._p.get_or_add_pPr().append(ooxml.element("w:ind",
                                                               **ooxml.indent(side, edge, size)))
            paragraph.add_run(before)
            ooxml.field(paragraph, "PAGE", "1")
            paragraph.add_run(after)

    def clear_reference_body(self) -> None:
        """Like pandoc's reference doc: the template's text goes, its section stays."""
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)

"""A PDF layout (TOML data) made concrete: page geometry, faces and paragraph styles."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib import pagesizes
from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from ...fonts import FontError, FontSource, PreparedFont, prepare, prepare_uncached
from ...store import Store
from ...layout import LayoutError, check_room, points
from .cidfont import CIDFace
from .typeset import Face, ParaStyle, pure_black

ROLES = ("body", "dateline", "kicker", "title", "subtitle", "byline", "subhead", "section",
         "district", "district-meta", "cover-title", "cover-edition", "cover-text",
         "toc-title", "toc-district", "toc-entry", "header", "footer")
PAGE_SIZES = {"A3": pagesizes.A3, "A4": pagesizes.A4, "A5": pagesizes.A5,
              "B5": (182 * mm, 257 * mm), "B4": (257 * mm, 364 * mm)}
#: marks and their offset from the bleed, outside it (print mode)
SLUG = 10 * mm


def parse_color(value: str, cmyk: bool = False) -> Color:
    """A layout's colour; with ``cmyk`` (the print shop's file) an RGB one as the
    four process inks: a grey as a tint of black alone, a colour by the usual
    under-colour removal (#b22222 → cmyk(0,81,81,30)). Give cmyk(…) in the layout
    for an exact ink mix."""
    text = value.strip().lower()
    match = re.fullmatch(r"cmyk\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)", text)
    if match:
        return CMYKColor(*(float(v) / 100 for v in match.groups()))
    if re.fullmatch(r"#[0-9a-f]{6}", text):
        return _process_inks(HexColor(text)) if cmyk else HexColor(text)
    raise LayoutError(f"not a colour: “{value}” (use #rrggbb or cmyk(c,m,y,k))")


def _process_inks(color: Color) -> CMYKColor:
    red, green, blue = color.red, color.green, color.blue
    black = 1 - max(red, green, blue)
    if red == green == blue or black >= 1:  # grey: black ink alone, never four
        return CMYKColor(0, 0, 0, round(black, 2))
    return CMYKColor(*(round((1 - value - black) / (1 - black), 2) for value in (red, green, blue)),
                     round(black, 2))


@dataclass(frozen=True)
class Geometry:
    trim: tuple[float, float]       # finished page size
    top: float
    bottom: float
    inner: float
    outer: float
    columns: int
    gutter: float
    bleed: float
    print_marks: bool

    @property
    def offset(self) -> float:
        """Where the trimmed page starts on the sheet."""
        return self.bleed + SLUG if self.print_marks else 0.0

    @property
    def media(self) -> tuple[float, float]:
        return (self.trim[0] + 2 * self.offset, self.trim[1] + 2 * self.offset)

    @property
    def text_width(self) -> float:
        return self.trim[0] - self.inner - self.outer

    @property
    def text_height(self) -> float:
        return self.trim[1] - self.top - self.bottom

    @property
    def column_width(self) -> float:
        return (self.text_width - (self.columns - 1) * self.gutter) / self.columns

    def left_margin(self, page: int) -> float:
        """Odd pages are right-hand pages: their inner margin is on the left."""
        return self.inner if page % 2 else self.outer


@dataclass(frozen=True)
class PdfLayout:
    name: str
    geometry: Geometry
    styles: dict[str, ParaStyle]
    faces: dict[str, Face]
    running: dict[str, str]
    rule_color: Color

    @property
    def initial_font(self) -> str:
        """The font a canvas starts with: every page's preamble sets it (Tf), so every
        part names it among its fonts."""
        return self.styles["body"].face.names[0]


def _page_size(value: str) -> tuple[float, float]:
    if value.upper() in PAGE_SIZES:
        return PAGE_SIZES[value.upper()]
    match = re.fullmatch(r"\s*(\S+)\s*[x×]\s*(\S+)\s*", value)
    if not match:
        raise LayoutError(f"unknown page size “{value}” (A3, A4, A5, B5 or '210mm x 297mm')")
    return points(match.group(1)), points(match.group(2))


def _register(prepared: PreparedFont) -> str:
    name = "PR-" + prepared.path.stem[:16]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(CIDFace(name, prepared.path))
    return name


def build_layout(data: dict[str, Any], characters: str, *, store: Store,
                 print_marks: bool = False) -> PdfLayout:
    """Prepare the layout's fonts for ``characters`` and make its styles."""
    page = data.get("page", {})
    columns = int(page.get("columns", 1))
    if not 1 <= columns <= 3:
        raise LayoutError(f"page.columns must be 1, 2 or 3, not {columns}")
    geometry = Geometry(
        trim=_page_size(str(page.get("size", "A4"))),
        top=points(page.get("margin-top", "20mm")), bottom=points(page.get("margin-bottom", "20mm")),
        inner=points(page.get("margin-inner", "20mm")), outer=points(page.get("margin-outer", "20mm")),
        columns=columns, gutter=points(page.get("gutter", "6mm")),
        bleed=points(page.get("bleed", "3mm")), print_marks=print_marks)
    sources: dict[str, FontSource] = {}
    for font_name, spec in data.get("fonts", {}).items():
        if "file" not in spec:
            raise LayoutError(f"fonts.{font_name} needs a file")
        sources[font_name] = FontSource(spec["file"], spec.get("index"), spec.get("face"),
                                        spec.get("weight"), float(spec.get("embolden", 0.0)))
    prepare_uncached(list(sources.values()), characters, store)
    prepared: dict[str, tuple[str, PreparedFont]] = {}
    for font_name, source in sources.items():
        try:
            font = prepare(source, characters, store=store)
        except FontError as exc:
            raise LayoutError(f"fonts.{font_name}: {exc}") from None
        prepared[font_name] = (_register(font), font)
    roles = data.get("roles", {})
    body = roles.get("body", {})
    faces: dict[str, Face] = {}
    styles: dict[str, ParaStyle] = {}
    for role in ROLES:
        spec = {**body, **roles.get(role, {})} if role != "body" else body
        names = spec.get("font", ["serif"])
        names = [names] if isinstance(names, str) else list(names)
        unknown = [n for n in names if n not in prepared]
        if unknown:
            raise LayoutError(f"roles.{role}.font names {', '.join(unknown)}, "
                              f"not in the font catalog ({', '.join(prepared)})")
        face = Face(tuple(prepared[n][0] for n in names),
                    tuple(prepared[n][1].covered for n in names),
                    tuple(prepared[n][1].embolden for n in names))
        size = points(spec.get("size", "五号"))
        leading_value = spec.get("leading", 1.6)
        leading = leading_value * size if isinstance(leading_value, (int, float)) \
            else points(leading_value, em=size)
        indent = float(spec.get("indent", 0)) * size if role == "body" else 0.0
        faces[role] = face
        color = parse_color(spec.get("color", "cmyk(0,0,0,100)"), cmyk=print_marks)
        styles[role] = ParaStyle(
            face=face, size=size, leading=leading, color=color,
            align="justify" if role in ("body",) else "left",
            first_indent=indent,
            space_before=points(spec.get("space-before", 0), em=size),
            space_after=points(spec.get("space-after", 0), em=size),
            overprint=print_marks and pure_black(color))
    body_style = styles["body"]
    check_room(data, geometry.column_width, geometry.text_height, body_style.size,
               body_style.leading)
    return PdfLayout(str(data.get("name", "layout")), geometry, styles, faces,
                     dict(data.get("running", {})),
                     parse_color(page.get("rule-color", "#b22222"), cmyk=print_marks))

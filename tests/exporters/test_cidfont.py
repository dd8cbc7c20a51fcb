"""The bulletin's faces as Type 0 fonts: one embedded subset per face, glyph ids kept,
read back by fontTools and pypdf."""
from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import GlyphComponent
import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfdoc

from converters.build.run import run_build
from converters.exporters import BuildOptions
from converters.exporters.pdf.cidfont import CIDFace, embed, subset_program
from converters.store import Store
from converters.fonts import FontError, FontSource, prepare, prepare_uncached

from conftest import INPUT
from test_pdf import SETTINGS


def _square(size: int):  # type: ignore[no-untyped-def]
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, size))
    pen.lineTo((size, size))
    pen.lineTo((size, 0))
    pen.closePath()
    return pen.glyph()


def _font_with_a_composite() -> bytes:
    """.notdef, A, B, C and D, where D is drawn as A and B; E is drawn by C's glyph."""
    order = [".notdef", "A", "B", "C", "D"]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({**{ord(name): name for name in order[1:]}, ord("E"): "C"})
    glyphs = {name: _square(100 * (number + 1)) for number, name in enumerate(order[:4])}
    composite = _square(1)
    composite.numberOfContours = -1
    composite.components = []
    for name, offset in (("A", 0), ("B", 300)):
        component = GlyphComponent()
        component.glyphName, component.x, component.y, component.flags = name, offset, 0, 0x4
        composite.components.append(component)
    glyphs["D"] = composite
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (600, 0) for name in order})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120)
    builder.setupNameTable({"familyName": "Test", "styleName": "Regular"})
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def test_a_subset_keeps_glyph_ids_and_draws_only_the_glyphs_asked_for_and_their_parts() -> None:
    original = _font_with_a_composite()
    subset = TTFont(io.BytesIO(subset_program(original, [0, 4])), checkChecksums=2)
    glyf = subset["glyf"]
    assert subset.getGlyphOrder() == TTFont(io.BytesIO(original)).getGlyphOrder()
    drawn = {name for name in subset.getGlyphOrder() if glyf[name].numberOfContours != 0}
    assert drawn == {".notdef", "A", "B", "D"}  # C is not asked for; A and B draw D
    assert [c.glyphName for c in glyf["D"].components] == ["A", "B"]
    assert subset["hmtx"]["C"] == (600, 0)  # metrics stay for every glyph id


def test_characters_sharing_a_glyph_keep_codes_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "test.ttf"
    path.write_bytes(_font_with_a_composite())
    face = CIDFace("test-face", path)
    assert (face.cid_of[ord("C")], face.cid_of[ord("E")]) == (3, 5)  # 5 glyphs: E's code is past them
    assert face.show(pdfdoc.PDFDocument(), "CE") == "<00030005> Tj"
    objects: list[bytes] = []
    embed(face, "CE", lambda body: objects.append(body) or len(objects))

    def stream(body: bytes) -> bytes:
        return zlib.decompress(body.split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0])

    descendant = next(o for o in objects if b"/CIDFontType2" in o)
    number = int(re.search(rb"/CIDToGIDMap (\d+) 0 R", descendant).group(1))  # type: ignore[union-attr]
    assert struct.unpack(">6H", stream(objects[number - 1])) == (0, 0, 0, 3, 0, 3)
    streams = [stream(o) for o in objects if b"stream\n" in o and b"/Length1" not in o]
    cmap = next(s for s in streams if b"beginbfchar" in s)
    assert b"<0003> <0043>" in cmap and b"<0005> <0045>" in cmap


def test_each_face_is_embedded_once_for_the_whole_bulletin(tmp_path: Path) -> None:
    result = run_build([INPUT], tmp_path, ["pdf"], SETTINGS, BuildOptions())
    reader = PdfReader(result.outputs[0].path, strict=True)
    fonts: dict[int, str] = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            fonts[ref.idnum] = str(ref.get_object()["/BaseFont"])
        for form in page["/Resources"].get("/XObject", {}).values():  # folios, page numbers
            for ref in form.get_object()["/Resources"]["/Font"].values():
                fonts[ref.idnum] = str(ref.get_object()["/BaseFont"])
    # serif body, sans headlines, sans running heads: three faces, one object each
    assert len(fonts) == len(set(fonts.values())) == 3, fonts
    for number in fonts:
        font = reader.get_object(number)
        assert font["/Subtype"] == "/Type0" and font["/Encoding"] == "/Identity-H"
        descendant = font["/DescendantFonts"][0].get_object()
        program = descendant["/FontDescriptor"]["/FontFile2"].get_data()
        TTFont(io.BytesIO(program), checkChecksums=2)  # a well-formed TrueType file
        assert b"beginbfchar" in font["/ToUnicode"].get_data()


def test_faces_not_in_the_cache_are_prepared_together_and_a_bad_one_left_to_say_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSROOM_CACHE", str(tmp_path / "cache"))
    sources = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.ttf"
        path.write_bytes(_font_with_a_composite())
        sources.append(FontSource(str(path)))
    absent = FontSource(str(tmp_path / "absent.ttf"))
    store = Store(tmp_path / "cache")
    prepare_uncached([*sources, absent], "ABCD", store)  # the absent face is not its business
    cached = set(store.folder("fonts").glob("*.ttf"))
    assert len(cached) == 2
    assert {prepare(source, "ABCD", store=store).path for source in sources} == cached
    with pytest.raises(FontError, match="not found"):
        prepare(absent, "ABCD", store=store)

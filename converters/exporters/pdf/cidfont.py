"""A face as one Type 0 font, its characters coded by glyph id.

ReportLab embeds a TrueType face as simple fonts of 256 glyphs each, coded in
the order characters first appear. Chinese text then switches font every
character or two — writing those switches was a third of the time a page
took — and the same line is coded differently in every document. Here a face
is one Type 0 font (Identity-H encoding): a character's code is its glyph id
in the prepared font file (past the last glyph id, for a character drawn by
another's glyph), the same in every part of a bulletin. A part therefore
embeds no font: it stands one in, and records which characters it showed;
the join embeds each face once for the whole document, a subset of the
glyphs all the parts showed (glyph ids kept).
"""
from __future__ import annotations

import hashlib
import marshal
import struct
import zlib
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass
from pathlib import Path

from reportlab.pdfbase import pdfdoc

from ...store import kept

#: a part's stand-in font object is named so; the join replaces it
STAND_IN_PREFIX = "Pressroom.Face."
_METRICS_VERSION = 2
_ESSENTIAL = ("head", "hhea", "maxp", "hmtx")
_OPTIONAL = ("cvt ", "fpgm", "prep", "OS/2", "name", "post", "cmap")


@dataclass(frozen=True)
class FaceMetrics:
    """What setting and embedding need of a prepared TrueType file."""

    postscript_name: str
    units_per_em: int
    glyph_of: dict[int, int]            # code point → glyph id
    advances: tuple[int, ...]           # glyph id → advance, font units
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float

    def scaled(self, value: float) -> float:
        """Font units → PDF glyph space (1000 to the em)."""
        return value * 1000 / self.units_per_em


def load_metrics(path: Path) -> FaceMetrics:
    """The face's metrics, read once per prepared file and kept beside it
    (fontTools reads the whole face for them; the kept copy is a few numbers)."""
    fields = marshal.loads(kept(path.with_name(path.name + ".metrics"),
                                lambda: marshal.dumps(astuple(_read_metrics(path))),
                                key=f"metrics {_METRICS_VERSION}"))
    return FaceMetrics(*fields)


def _read_metrics(path: Path) -> FaceMetrics:
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    ids = font.getReverseGlyphMap()
    metrics = font["hmtx"].metrics
    head = font["head"]
    os2 = font["OS/2"] if "OS/2" in font else None
    # the typographic em box, as ReportLab describes a TrueType face (readers size
    # selections and text boxes by it)
    ascent, descent = ((os2.sTypoAscender, os2.sTypoDescender) if os2 else
                       (head.yMax, head.yMin))
    return FaceMetrics(
        postscript_name=(font["name"].getDebugName(6) or path.stem).replace(" ", ""),
        units_per_em=head.unitsPerEm,
        glyph_of={code: ids[name] for code, name in (font.getBestCmap() or {}).items()},
        advances=tuple(metrics[name][0] for name in font.getGlyphOrder()),
        ascent=ascent, descent=descent,
        cap_height=getattr(os2, "sCapHeight", 0) or round(ascent * 0.8),
        bbox=(head.xMin, head.yMin, head.xMax, head.yMax),
        italic_angle=float(font["post"].italicAngle) if "post" in font else 0.0)


def _face_tables(path: Path, metrics: FaceMetrics
                 ) -> tuple[dict[str, float], dict[int, int], list[int], dict[int, str]]:
    """What setting text in the face looks up, kept beside it as its metrics are
    (made once per face, not on every build's way to its first page)."""
    return marshal.loads(kept(path.with_name(path.name + ".tables"),  # type: ignore[no-any-return]
                              lambda: marshal.dumps(_make_face_tables(metrics)),
                              key=f"tables {_METRICS_VERSION}"))


def _make_face_tables(metrics: FaceMetrics
                      ) -> tuple[dict[str, float], dict[int, int], list[int], dict[int, str]]:
    advances = metrics.advances
    widths = {chr(code): metrics.scaled(advances[glyph]) for code, glyph in metrics.glyph_of.items()}
    # A character's code (CID) is its glyph id; characters drawn by a glyph
    # another one has already (a radical and its ideograph) get codes past the
    # last glyph, so that copied text gives each its own character back.
    cid_of: dict[int, int] = {}
    shared_glyphs: list[int] = []
    seen: set[int] = set()
    for code in sorted(metrics.glyph_of):
        glyph = metrics.glyph_of[code]
        if glyph in seen:
            cid_of[code] = len(advances) + len(shared_glyphs)
            shared_glyphs.append(glyph)
        else:
            seen.add(glyph)
            cid_of[code] = glyph
    return widths, cid_of, shared_glyphs, {code: f"{cid:04X}" for code, cid in cid_of.items()}


class _Codes(dict):  # type: ignore[type-arg]
    """Code point → the glyph id in hex, for str.translate; no glyph: .notdef."""

    def __missing__(self, code: int) -> str:
        return "0000"


class _TypeFace:
    """What ReportLab's canvas asks of a font's face."""

    builtIn = 0

    def __init__(self, name: str) -> None:
        self.name = name


class CIDFace:
    """A prepared face as ReportLab sees a font: metrics, and a stand-in object in each document.

    Text is shown only through :meth:`show` (every line is drawn by
    ``typeset.draw_line``), which records the characters each document showed.
    """

    _dynamicFont = 0
    _multiByte = 1
    shapable = False
    substitutionFonts: list[object] = []

    def __init__(self, name: str, path: Path) -> None:
        self.fontName = self.name = name
        self.face = _TypeFace(name)
        self.path = path
        self.metrics = metrics = load_metrics(path)
        self.default_width = metrics.scaled(metrics.advances[0])
        #: character → advance (1000 to the em); code point → code (CID); glyph id of
        #: each code past the last glyph; code point → its code in hex
        self.widths, self.cid_of, self.shared_glyphs, codes = _face_tables(path, metrics)
        self._codes = _Codes(codes)

    def glyph(self, cid: int) -> int:
        count = len(self.metrics.advances)
        return cid if cid < count else self.shared_glyphs[cid - count]

    def stringWidth(self, text: str, size: float, encoding: str | None = None) -> float:  # noqa: N802
        widths, default = self.widths, self.default_width
        return sum(widths.get(ch, default) for ch in text) * size / 1000

    def show(self, doc: pdfdoc.PDFDocument, text: str) -> str:
        """The operator that shows ``text`` in this font (set before)."""
        shown = doc.__dict__.setdefault("pressroom_shown", {})
        shown.setdefault(self.fontName, set()).update(text)
        return f"<{text.translate(self._codes)}> Tj"

    def formatForPdf(self, text: str) -> str:  # noqa: N802
        raise NotImplementedError(f"{self.fontName}: text is shown through CIDFace.show only")

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802
        """Called at the font's first use in a document: a stand-in the join replaces.

        Named in the page content by its font name, not by the order of first
        use, so a page's content is the same whichever document typeset it."""
        internal = self.fontName
        stand_in = pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Font"),
                                         "Subtype": pdfdoc.PDFName("Type0"),
                                         "BaseFont": pdfdoc.PDFName(STAND_IN_PREFIX + self.fontName)})
        doc.idToObject["BasicFonts"].dict[internal] = doc.Reference(stand_in, internal)
        doc.fontMapping[self.fontName] = "/" + internal


def shown_characters(doc: pdfdoc.PDFDocument) -> dict[str, str]:
    """Font name → every character the document showed in it."""
    return {name: "".join(sorted(chars))
            for name, chars in sorted(doc.__dict__.get("pressroom_shown", {}).items())}


def merge_shown(all_shown: Iterable[dict[str, str]]) -> dict[str, str]:
    merged: dict[str, set[str]] = {}
    for shown in all_shown:
        for name, chars in shown.items():
            merged.setdefault(name, set()).update(chars)
    return {name: "".join(sorted(chars)) for name, chars in sorted(merged.items())}


Add = Callable[[bytes], int]


def embed(face: CIDFace, characters: str, add: Add) -> int:
    """Write the face's objects for ``characters`` with ``add`` (body → object number);
    returns the number of its Type 0 font object."""
    metrics = face.metrics
    char_of: dict[int, str] = {}  # code (CID) → character
    for ch in sorted(characters):
        cid = face.cid_of.get(ord(ch))
        if cid:  # not .notdef
            char_of[cid] = ch
    cids = sorted({0, *char_of})
    glyphs = sorted({face.glyph(cid) for cid in cids})
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(
        repr((metrics.postscript_name, cids)).encode()).digest()[:6])
    name = f"/{tag}+{metrics.postscript_name}".encode()
    file = add(_font_file(face, glyphs))
    bbox = b" ".join(_number(metrics.scaled(v)) for v in metrics.bbox)
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName %s /Flags 4 /FontBBox [ %s ] /ItalicAngle %s "
        b"/Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %d 0 R >>"
        % (name, bbox, _number(metrics.italic_angle), _number(metrics.scaled(metrics.ascent)),
           _number(metrics.scaled(metrics.descent)), _number(metrics.scaled(metrics.cap_height)),
           file))
    if cids[-1] < len(metrics.advances):
        cid_to_glyph = b"/Identity"
    else:  # codes past the last glyph: a map from every code to its glyph
        table = zlib.compress(b"".join(struct.pack(">H", face.glyph(cid) if cid in char_of else 0)
                                       for cid in range(cids[-1] + 1)))
        cid_to_glyph = b"%d 0 R" % add(b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                                        % (len(table), table))
    descendant = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [ %s ] "
        b"/CIDToGIDMap %s >>"
        % (name, descriptor, _widths(cids, face), cid_to_glyph))
    to_unicode = zlib.compress(_to_unicode(char_of))
    cmap = add(b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
               % (len(to_unicode), to_unicode))
    return add(b"<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H "
               b"/DescendantFonts [ %d 0 R ] /ToUnicode %d 0 R >>" % (name, descendant, cmap))


def _font_file(face: CIDFace, glyphs: list[int]) -> bytes:
    """The FontFile2 stream of ``glyphs``. The last one made for each face is kept
    beside the prepared font: a correction rarely changes the glyphs a bulletin
    shows, and subsetting and compressing a face takes a twentieth of a second."""
    def make() -> bytes:
        program = subset_program(face.path.read_bytes(), glyphs)
        packed = zlib.compress(program)
        return (b"<< /Filter /FlateDecode /Length %d /Length1 %d >>\nstream\n%s\nendstream"
                % (len(packed), len(program), packed))

    return kept(face.path.with_name(face.path.name + ".embedded"), make, key=repr(glyphs))


def _number(value: float) -> bytes:
    return (b"%.3f" % value).rstrip(b"0").rstrip(b".")


def _widths(cids: list[int], face: CIDFace) -> bytes:
    """/W: runs of consecutive codes, each with its advances (1000 to the em)."""
    runs: list[list[int]] = []
    for cid in cids:
        if runs and runs[-1][-1] + 1 == cid:
            runs[-1].append(cid)
        else:
            runs.append([cid])
    metrics = face.metrics
    return b" ".join(b"%d [ %s ]" % (run[0], b" ".join(
        _number(metrics.scaled(metrics.advances[face.glyph(c)])) for c in run)) for run in runs)


def _to_unicode(char_of: dict[int, str]) -> bytes:
    """The CMap that gives each code its character back (copying, searching, pdftotext)."""
    lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def",
             b"1 begincodespacerange", b"<0000> <FFFF>", b"endcodespacerange"]
    pairs = sorted(char_of.items())
    for start in range(0, len(pairs), 100):  # at most 100 to a block
        block = pairs[start:start + 100]
        lines.append(b"%d beginbfchar" % len(block))
        lines += [b"<%04X> <%s>" % (cid, ch.encode("utf-16-be").hex().upper().encode())
                  for cid, ch in block]
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines)


def subset_program(font: bytes, glyphs: list[int]) -> bytes:
    """The TrueType program with only ``glyphs`` (and their components) drawn; every
    other glyph is left empty, so glyph ids are those of the full file."""
    tables = _tables(font)
    head = bytearray(tables["head"])
    count = struct.unpack(">H", tables["maxp"][4:6])[0]
    if struct.unpack(">h", head[50:52])[0]:
        loca = struct.unpack(f">{count + 1}L", tables["loca"][:4 * (count + 1)])
    else:
        loca = tuple(2 * v for v in struct.unpack(f">{count + 1}H", tables["loca"][:2 * (count + 1)]))
    glyf = tables["glyf"]
    keep = {g for g in glyphs if g < count}
    waiting = list(keep)
    while waiting:  # composite glyphs need their components
        glyph = waiting.pop()
        start, end = loca[glyph], loca[glyph + 1]
        if end - start > 10 and struct.unpack(">h", glyf[start:start + 2])[0] < 0:
            for component in _components(glyf, start + 10):
                if component < count and component not in keep:
                    keep.add(component)
                    waiting.append(component)
    pieces, offsets, position = [], [], 0
    for glyph in range(count):
        offsets.append(position)
        if glyph in keep:
            data = glyf[loca[glyph]:loca[glyph + 1]]
            data += b"\0" * (-len(data) % 4)
            pieces.append(data)
            position += len(data)
    offsets.append(position)
    head[50:52] = struct.pack(">h", 1)  # long offsets
    head[8:12] = bytes(4)               # checkSumAdjustment, set below
    out = {tag: tables[tag] for tag in (*_ESSENTIAL, *_OPTIONAL) if tag in tables}
    out.update({"head": bytes(head), "loca": struct.pack(f">{count + 1}L", *offsets),
                "glyf": b"".join(pieces)})
    program, offsets = _sfnt(out)
    adjustment = (0xB1B0AFBA - _checksum(program)) & 0xFFFFFFFF
    program[offsets["head"] + 8:offsets["head"] + 12] = struct.pack(">L", adjustment)
    return bytes(program)


def _tables(font: bytes) -> dict[str, bytes]:
    count = struct.unpack(">H", font[4:6])[0]
    tables = {}
    for record in range(count):
        tag, _, offset, length = struct.unpack(">4sLLL", font[12 + 16 * record:28 + 16 * record])
        tables[tag.decode("latin-1")] = font[offset:offset + length]
    missing = [t for t in (*_ESSENTIAL, "loca", "glyf") if t not in tables]
    if missing:
        raise ValueError(f"not a TrueType font with outlines (no {', '.join(missing)} table)")
    return tables


def _components(glyf: bytes, position: int) -> Iterable[int]:
    while True:
        flags, glyph = struct.unpack(">HH", glyf[position:position + 4])
        yield glyph
        position += 4 + (4 if flags & 0x0001 else 2)   # arguments are words or bytes
        if flags & 0x0008:                              # a scale
            position += 2
        elif flags & 0x0040:                            # an x and a y scale
            position += 4
        elif flags & 0x0080:                            # a 2×2 matrix
            position += 8
        if not flags & 0x0020:                          # no more components
            return


def _checksum(data: bytes | bytearray) -> int:
    padded = bytes(data) + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}L", padded)) & 0xFFFFFFFF


def _sfnt(tables: dict[str, bytes]) -> tuple[bytearray, dict[str, int]]:
    """The font file, and where each table starts in it."""
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">LHHHH", 0x00010000, count, power * 16, power.bit_length() - 1,
                         count * 16 - power * 16)
    offset = 12 + 16 * count
    records, bodies, offsets = [], [], {}
    for tag in tags:
        data = tables[tag]
        offsets[tag] = offset
        records.append(struct.pack(">4sLLL", tag.encode("latin-1"), _checksum(data), offset, len(data)))
        padded = data + b"\0" * (-len(data) % 4)
        bodies.append(padded)
        offset += len(padded)
    return bytearray(header + b"".join(records) + b"".join(bodies)), offsets

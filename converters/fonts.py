"""Fonts for exporters that embed them: find, subset, instance, convert, cache.

The Simplified Chinese faces on PyPI are CFF-outline OpenType (and a
variable CFF2 collection); ReportLab embeds only TrueType outlines. So a
face named by a layout is subset to the characters the build uses, drawn
at the wanted weight if it is variable, converted to quadratic TrueType
outlines, and cached under a key made of the source file, face, weight and
character set — a rebuild with the same text does not pay again.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from pathlib import Path

from typing import TYPE_CHECKING

from .errors import PressroomError
from .files import exclusive, package_file, replace_file, write_atomically
from .presentation import LITERALS
from .store import Store, touch

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

#: bump when the preparation changes, so old cache entries are not reused
PREPARE_VERSION = "4"
#: characters every build may set outside article text: what presentation prints
#: around an article, and the folios, running heads and cover's words
ALWAYS = ("".join(chr(c) for c in range(0x20, 0x7F)) + LITERALS
          + "—…·、，。：；！？“”‘’（）《》〔〕【】　■●◆第期年月日页目录共篇本报讯区级要闻")
_WEIGHT_NAMES = {100: "Thin", 200: "ExtraLight", 300: "Light", 400: "Regular", 500: "Medium",
                 600: "SemiBold", 700: "Bold", 800: "ExtraBold", 900: "Black"}
_DROP_TABLES = ("CFF ", "CFF2", "VORG", "fvar", "gvar", "avar", "HVAR", "MVAR", "VVAR", "STAT",
                "cvar", "GDEF", "GSUB", "GPOS", "BASE", "JSTF", "DSIG", "vhea", "vmtx", "hdmx",
                "LTSH", "VDMX", "kern", "meta")


class FontError(PressroomError):
    """A layout names a font that cannot be found or used."""


@dataclass(frozen=True)
class FontSource:
    """A face as a layout names it."""

    file: str                    # a path, or pkg:<python package>/<file inside it>
    index: int | None = None     # face number in a collection (.ttc/.otc)
    face: str | None = None      # or a substring of the face's full name in a collection
    weight: float | None = None  # for variable fonts: the wght axis value
    embolden: float = 0.0        # stroke width in em for faux bold (0 = none)

    def resolve(self) -> Path:
        if self.file.startswith("pkg:"):
            found = package_file(self.file)
            if found is None:
                package = self.file[4:].partition("/")[0]
                raise FontError(f"font package “{package}” is not installed "
                                f"(pip install {package.replace('_', '-')})")
            path = found
        else:
            path = Path(os.path.expanduser(self.file))
        if not path.is_file():
            raise FontError(f"font file not found: {path}")
        return path


@dataclass(frozen=True)
class PreparedFont:
    path: Path        # a static TrueType file, subset
    family: str
    covered: frozenset[str]
    embolden: float




def _face_number(path: Path, source: FontSource) -> int:
    if source.index is not None:
        return source.index
    if source.face is None:
        return 0
    from fontTools.ttLib import TTCollection  # fontTools loads slowly; only a cold cache needs it

    collection = TTCollection(str(path), lazy=True)
    for number, font in enumerate(collection.fonts):
        if source.face in (font["name"].getDebugName(4) or ""):
            return number
    names = [f["name"].getDebugName(4) for f in collection.fonts]
    raise FontError(f"no face matching “{source.face}” in {path.name} (faces: {', '.join(map(str, names))})")


def _open(path: Path, number: int) -> TTFont:
    from fontTools.ttLib import TTFont

    with path.open("rb") as file:  # a collection says so in its first four bytes
        collection = file.read(4) == b"ttcf"
    if collection:
        return TTFont(str(path), fontNumber=number, lazy=False)
    return TTFont(str(path), lazy=False)


def _to_static_truetype(font: TTFont, location: dict[str, float] | None) -> None:
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    """Replace CFF/CFF2 or variable outlines by static quadratic TrueType outlines."""
    glyph_set = font.getGlyphSet(location=location) if location else font.getGlyphSet()
    order = font.getGlyphOrder()
    glyphs = {}
    widths = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction="glyf" not in font))
        glyphs[name] = pen.glyph()
        widths[name] = round(glyph_set[name].width)
    for tag in _DROP_TABLES:
        if tag in font:
            del font[tag]
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name in order:
        glyph = glyf[name]
        hmtx[name] = (widths[name], getattr(glyph, "xMin", 0) or 0)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename_instance(font: TTFont, weight: float) -> None:
    """A variable font drawn at a weight is named for that weight, not its default."""
    style = _WEIGHT_NAMES[min(_WEIGHT_NAMES, key=lambda w: abs(w - weight))]
    names = font["name"]
    family = names.getDebugName(16) or names.getDebugName(1) or "Font"
    postscript = (names.getDebugName(6) or family).split("-")[0]
    for name_id, value in ((1, family), (2, style), (4, f"{family} {style}"),
                           (6, f"{postscript}-{style}")):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)


def _tag_postscript_name(font: TTFont, tag: str) -> None:
    """Each subset gets its own PostScript name: ReportLab registers fonts by that
    name, and a second subset of one face would otherwise alias to the first."""
    names = font["name"]
    postscript = f"{names.getDebugName(6) or 'Font'}-{tag}"
    names.setName(postscript, 6, 3, 1, 0x409)
    names.setName(postscript, 6, 1, 0, 0)


@cache
def common_han() -> str:
    """The 3755 characters of GB 2312 level 1 (rows 16–55): the common Hanzi."""
    found = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                found.append(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:  # row 55 ends early
                continue
    return "".join(found)


@lru_cache(maxsize=4)  # every format and part of a build asks with the edition's characters
def subset_key(characters: str) -> str:
    """What decides a (not exact) subset for ``characters``: those beyond the ones
    every subset covers. A correction that brings in a common character leaves it."""
    return "".join(sorted(set(characters) - _always_covered()))


@cache
def _always_covered() -> frozenset[str]:
    return frozenset(ALWAYS + common_han())


def prepare(source: FontSource, characters: str, *, store: Store, exact: bool = False) -> PreparedFont:
    """A cached static TrueType subset of ``source`` covering ``characters`` where it can.

    Unless ``exact``, the subset also covers ASCII, common marks (folios,
    running heads) and the common Hanzi, so that a corrected page rarely needs
    a new subset (preparing one takes seconds; the PDF embeds only the glyphs
    it uses either way). An embedded EPUB font wants exactly the text's characters.
    """
    path, wanted, target = _cache_entry(source, characters, exact, store)
    covered_file = target.with_suffix(".covered")
    try:
        covered = covered_file.read_text(encoding="utf-8")
        family = covered_file.with_suffix(".family").read_text(encoding="utf-8")
        found = target.is_file()
    except OSError:
        found = False
    if found:
        touch(target)  # the store prunes the least recently used first
    else:
        # Parallel builds want the same faces at once (the PDF's and the EPUB
        # cover's): one prepares, the others wait for it instead of repeating it.
        # (The font is written last: where it is, its notes are.)
        with exclusive(target.with_suffix(".lock")):
            if not target.is_file() or not covered_file.is_file():
                _make_subset(source, path, wanted, target)
        covered = covered_file.read_text(encoding="utf-8")
        family = covered_file.with_suffix(".family").read_text(encoding="utf-8")
    return PreparedFont(target, family, frozenset(covered), source.embolden)


def _cache_entry(source: FontSource, characters: str, exact: bool, store: Store
                 ) -> tuple[Path, str, Path]:
    """The face's file, the characters its subset covers, and where the subset is kept."""
    path = source.resolve()
    wanted = _wanted(characters, exact)
    stat = path.stat()
    key = hashlib.sha256("\x00".join([
        PREPARE_VERSION, str(path.resolve()), str(stat.st_size), str(stat.st_mtime_ns),
        str(source.index), str(source.face), str(source.weight), wanted]).encode()).hexdigest()[:32]
    return path, wanted, store.folder("fonts") / f"{key}.ttf"


@lru_cache(maxsize=4)
def _wanted(characters: str, exact: bool) -> str:
    return "".join(sorted(set(characters if exact else characters + ALWAYS + common_han())))


def prepare_uncached(sources: list[FontSource], characters: str, store: Store) -> None:
    """Prepare (see :func:`prepare`) the sources not in the cache yet at once, a process
    each, as many at a time as there are cores: a CJK face takes seconds."""
    from .build.processes import default_workers, in_processes

    missing: dict[Path, FontSource] = {}  # one source per subset (faux bold shares one)
    for source in sources:
        try:
            target = _cache_entry(source, characters, False, store)[2]
        except FontError:
            continue  # prepare() says what is wrong where it is called
        if not target.is_file():
            missing.setdefault(target, source)
    if len(missing) > 1:
        for _ in in_processes(partial(_prepare_quietly, characters=characters, store=store),
                              list(missing.values()), default_workers()):
            pass


def _prepare_quietly(source: FontSource, characters: str, store: Store) -> str | None:
    """In a worker: what goes wrong is said again by prepare() where it is called."""
    try:
        prepare(source, characters, store=store)
    except Exception as exc:  # noqa: BLE001 - prepare() raises it again where it is reported
        return str(exc)
    return None


def _make_subset(source: FontSource, path: Path, wanted: str, target: Path) -> None:
    covered_file = target.with_suffix(".covered")
    try:
        font = _open(path, _face_number(path, source))
    except Exception as exc:  # fontTools raises many types for a broken file
        if isinstance(exc, FontError):  # already says what is wrong
            raise
        raise FontError(f"cannot read font {path.name}: {exc}") from exc
    cmap = font.getBestCmap() or {}
    covered = "".join(ch for ch in wanted if ord(ch) in cmap)
    from fontTools import subset

    options = subset.Options()
    options.layout_features = []
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.hinting = False
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(ch) for ch in covered])
    subsetter.subset(font)
    variable = "fvar" in font
    if variable or "glyf" not in font:
        location = None
        if variable:
            axes = {axis.axisTag: axis for axis in font["fvar"].axes}
            location = {tag: axis.defaultValue for tag, axis in axes.items()}
            if source.weight is not None and "wght" in axes:
                axis = axes["wght"]
                location["wght"] = min(max(source.weight, axis.minValue), axis.maxValue)
        _to_static_truetype(font, location)
        if location and "wght" in location:
            _rename_instance(font, location["wght"])
    _tag_postscript_name(font, hashlib.sha256(f"{source.weight}{wanted}".encode()).hexdigest()[:6])
    family = font["name"].getDebugName(1) or path.stem
    # Parallel builds may prepare one font at once: every file appears whole
    # (renamed into place), the font last, since a reader checks for it first.
    replace_file(covered_file, covered.encode("utf-8"))
    replace_file(covered_file.with_suffix(".family"), family.encode("utf-8"))
    write_atomically(target, lambda temporary: font.save(str(temporary)))



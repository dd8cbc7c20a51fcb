"""Text as atoms for line composition: one Han character or mark each, a Latin
word or digit group whole, ——/…… whole (never split). Atoms are immutable and
shared per face and size (what a composition squeezes lives in its own arrays);
each character is set in the first face of its role that has it; adjacent
full-width marks (。” ）， 》《) take 1.5 em instead of 2. A ``Line`` is a
stretch of a paragraph's atoms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from reportlab.pdfbase import pdfmetrics

OPENING = frozenset("“‘（《「『【〔〖［｛〈")
CLOSING = frozenset("”’）》」』】〕〗］｝〉")
PAUSE = frozenset("，。、；：？！")
COMPRESSIBLE = OPENING | CLOSING | PAUSE
EPSILON = 0.01
_TOKEN = re.compile(r"——|……|[A-Za-z0-9](?:[A-Za-z0-9.,:'’%/@&+#_\-]*[A-Za-z0-9%])?| +|.", re.S)


@dataclass(frozen=True, eq=False)
class Face:
    """One role's faces in fallback order (registered ReportLab names).

    Compared by identity: atoms are cached per face object, and comparing the
    coverage sets of two faces on every lookup would cost more than the cache saves.
    """

    names: tuple[str, ...]
    covered: tuple[frozenset[str], ...]
    embolden: tuple[float, ...]

    def index_for(self, ch: str) -> int | None:
        for index, covered in enumerate(self.covered):
            if ch in covered:
                return index
        return None


@dataclass(frozen=True)
class Run:
    text: str
    face: Face | None = None        # None: the paragraph's face


@dataclass
class MissingGlyphs:
    """What typesetting an article met that its report must tell."""

    #: characters no face of the role has (they print as empty boxes)
    characters: set[str] = field(default_factory=set)
    #: runs of Latin letters or digits (a URL, a code) too long for a line, broken to fit
    broken: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Atom:
    text: str
    pieces: tuple[tuple[int, str], ...]   # (face index, characters) in order
    face: Face
    width: float
    space: bool
    latin: bool
    mark: bool                             # a full-width mark that can give up half
    missing: tuple[str, ...]               # characters no face of the role has
    #: one character, in the role's first face: what a text run of plain characters is
    plain: bool


@dataclass
class Atoms:
    """A paragraph's atoms and the adjacent-mark compression that always applies."""

    items: list[Atom]
    pair_left: dict[int, float]
    pair_right: dict[int, float]
    text: str = ""                         # all atoms' text, for slicing runs out of it
    offsets: list[int] = field(default_factory=list)   # where atom i starts in ``text``
    #: atoms that cannot simply continue a run of plain characters: several
    #: characters or faces, a fallback face, or a face change from the atom before
    special: list[int] = field(default_factory=list)


@dataclass
class Line:
    """Atoms ``items[start:stop]`` of one composition, with that composition's squeezing."""

    items: list[Atom]
    start: int
    stop: int
    advance: list[float]                   # per atom, after squeezing
    left: dict[int, float]                 # squeezed off the left of opening marks
    right: dict[int, float]                # squeezed off the right of closing/pause marks
    source: Atoms                          # the paragraph: its text runs are cut from it
    indent: float = 0.0
    justified: bool = True
    extra: float = 0.0                     # added at every gap between atoms

    @property
    def atoms(self) -> list[Atom]:
        return self.items[self.start:self.stop]

    @property
    def text(self) -> str:
        return "".join(a.text for a in self.atoms)

    def width(self) -> float:
        return sum(self.advance[self.start:self.stop])

    def natural_width(self) -> float:
        return self.width() + self.extra * max(self.stop - self.start - 1, 0)


_width_cache: dict[tuple[str, str], float] = {}
#: atoms are shared per (face object, size); face changes are told by identity
_prototypes: dict[tuple[Face, float], dict[str, Atom]] = {}
#: the tokens among those with a glyph no face has
_lacking: dict[tuple[Face, float], set[str]] = {}


def char_width(font_name: str, ch: str) -> float:
    """Advance of ``ch`` at 1 pt."""
    key = (font_name, ch)
    width = _width_cache.get(key)
    if width is None:
        width = _width_cache[key] = pdfmetrics.stringWidth(ch, font_name, 1000) / 1000
    return width


def _build(token: str, face: Face, size: float) -> Atom:
    pieces: list[tuple[int, str]] = []
    missing: list[str] = []
    width = 0.0
    for ch in token:
        index = face.index_for(ch)
        if index is None:
            if not ch.isspace():
                missing.append(ch)
            index = 0
        width += char_width(face.names[index], ch) * size
        if pieces and pieces[-1][0] == index:
            pieces[-1] = (index, pieces[-1][1] + ch)
        else:
            pieces.append((index, ch))
    first = token[0]
    if token == "——":  # a 破折号 takes two ems (drawn as one rule: typeset.draw_rules),
        width = 2 * size  # whatever the face's em dash advances (Noto Serif SC: 0.89 em)
    return Atom(token, tuple(pieces), face, width, space=first == " ",
                latin=len(token) > 1 and first.isascii() and first.isalnum(),
                mark=len(token) == 1 and token in COMPRESSIBLE and width >= 0.9 * size,
                missing=tuple(missing), plain=len(token) == 1 and pieces[0][0] == 0)


def make_atoms(runs: list[Run], default_face: Face, size: float,
               missing: MissingGlyphs | None = None) -> Atoms:
    items: list[Atom] = []
    tokens: list[str] = []
    face_changes: list[int] = []  # where a run in another face than the one before starts
    before: Face | None = None
    for run in runs:
        face = run.face or default_face
        cache = _prototypes.setdefault((face, size), {})
        lacking = _lacking.setdefault((face, size), set())
        run_tokens = _TOKEN.findall(run.text)
        # (a paragraph's atoms looked up in one go: all but a few are made already)
        atoms = list(map(cache.get, run_tokens))
        if not all(atoms):
            for k, atom in enumerate(atoms):
                if atom is None:
                    token = run_tokens[k]
                    atom = atoms[k] = cache.get(token) or _build(token, face, size)
                    cache[token] = atom
                    if atom.missing:
                        lacking.add(token)
        if atoms:
            if before is not None and face is not before:
                face_changes.append(len(items))
            before = face
        items += atoms
        tokens += run_tokens
        if missing is not None and lacking:
            for token in lacking.intersection(run_tokens):
                missing.characters.update(cache[token].missing)
    return _assembled(items, tokens, face_changes, size)


def _assembled(items: list[Atom], tokens: list[str], face_changes: list[int],
               size: float) -> Atoms:
    """The atoms with their compression; ``tokens``: each atom's text, ``face_changes``:
    the atoms set in another face than the atom before them."""
    pair_left: dict[int, float] = {}
    pair_right: dict[int, float] = {}
    marks = [i for i, atom in enumerate(items) if atom.mark]
    for i, j in zip(marks, marks[1:]):
        if j != i + 1:
            continue
        left, right = items[i].text, items[j].text
        if left in CLOSING or left in PAUSE:
            pair_right[i] = size / 2
        elif left in OPENING and right in OPENING:
            pair_left[j] = size / 2
    offsets = [0, *accumulate(map(len, tokens))]
    special = [i for i, atom in enumerate(items) if not atom.plain]
    if face_changes:
        special = sorted({*special, *face_changes})
    return Atoms(items, pair_left, pair_right, "".join(tokens), offsets, special)


#: where a run too long for a line breaks first: after a URL's separators
_RUN_BREAK = re.compile(r"(?<=[/?&=#_.\-])")


def fitted(atoms: Atoms, measure: float, size: float, notes: MissingGlyphs | None) -> Atoms:
    """``atoms``, with any run wider than ``measure`` (a URL, a long number) broken into
    pieces that fit: after its separators (/ . - _ ? & = #) where it has them, else
    between characters. Without it the run would run off the page."""
    if all(atom.width <= measure for atom in atoms.items):
        return atoms
    items: list[Atom] = []
    for atom in atoms.items:
        if atom.width <= measure:
            items.append(atom)
            continue
        if notes is not None:
            notes.broken.add(atom.text)
        segments = [s for s in _RUN_BREAK.split(atom.text) if s]
        pieces: list[str] = []
        for segment in segments:
            for part in _character_pieces(segment, atom.face, size, measure):
                joined = pieces[-1] + part if pieces else part
                if pieces and _build(joined, atom.face, size).width <= measure:
                    pieces[-1] = joined
                else:
                    pieces.append(part)
        items.extend(_build(piece, atom.face, size) for piece in pieces)
    return _assembled(items, [atom.text for atom in items],
                      [i for i in range(1, len(items)) if items[i].face is not items[i - 1].face],
                      size)


def _character_pieces(text: str, face: Face, size: float, measure: float) -> list[str]:
    """``text`` cut between characters into pieces no wider than ``measure``."""
    pieces = [""]
    for ch in text:
        if pieces[-1] and _build(pieces[-1] + ch, face, size).width > measure:
            pieces.append("")
        pieces[-1] += ch
    return pieces

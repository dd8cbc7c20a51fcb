"""Chinese line composition, after W3C clreq (no ReportLab flowables here).

* Text becomes atoms: one Han character or mark each, a Latin word or digit
  group whole, ——/…… whole (never split). Atoms are immutable and shared
  per face and size; what a composition squeezes lives in its own arrays.
* A line may not start with a closing or pause mark, a dash or an ellipsis,
  nor end with an opening one (clreq basic level, with its "strict" rule for
  —— and ……). When the mark that may not start the next line
  overflows, the line is first squeezed — full-width marks give up their blank
  half, the line's end first — and only if that is not enough is a character
  pushed down (先挤进，后推出).
* Adjacent full-width marks (。” ）， 》《) take 1.5 em instead of 2.
* Every line but a paragraph's last is justified to the full measure by
  spacing between atoms, never inside a Latin word.
* A last line of a single character is avoided by pulling one down.
* Each character is set in the first face of its role that has it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from reportlab.pdfbase import pdfmetrics

from ...parse.chars import CANNOT_END, CANNOT_START

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
                missing=tuple(missing))


def make_atoms(runs: list[Run], default_face: Face, size: float,
               missing: MissingGlyphs | None = None) -> Atoms:
    items: list[Atom] = []
    for run in runs:
        face = run.face or default_face
        cache = _prototypes.setdefault((face, size), {})
        lacking = _lacking.setdefault((face, size), set())
        tokens = _TOKEN.findall(run.text)
        for token in tokens:
            atom = cache.get(token)
            if atom is None:
                atom = cache[token] = _build(token, face, size)
                if atom.missing:
                    lacking.add(token)
            items.append(atom)
        if missing is not None and lacking:
            for token in lacking.intersection(tokens):
                missing.characters.update(cache[token].missing)
    return _assembled(items, size)


def _assembled(items: list[Atom], size: float) -> Atoms:
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
    text = "".join([atom.text for atom in items])
    offsets = [0, *accumulate([len(atom.text) for atom in items])]
    special = [i for i, atom in enumerate(items)
               if len(atom.text) != 1 or atom.pieces[0][0] != 0
               or (i and atom.face is not items[i - 1].face)]
    return Atoms(items, pair_left, pair_right, text, offsets, special)


def break_allowed(items: list[Atom], index: int) -> bool:
    """May a line end after items[index - 1] and the next start with items[index]?"""
    before, after = items[index - 1], items[index]
    if after.space or before.space:
        return True
    # ——/…… may not start a line either (clreq "strict", as the house rule says);
    # a paragraph may still open with —— (a subtitle), which is no break at all.
    return after.text[0] not in CANNOT_START and before.text[-1] not in CANNOT_END


class _Composition:
    def __init__(self, atoms: Atoms, size: float) -> None:
        self.atoms = atoms
        self.items = atoms.items
        self.size = size
        self.left = dict(atoms.pair_left)
        self.right = dict(atoms.pair_right)
        advance = [a.width for a in self.items]
        for index, amount in (*self.left.items(), *self.right.items()):
            advance[index] -= amount
        self.advance = advance
        #: the marks this composition squeezed to fit a line (not the adjacent pairs'
        #: compression, which always applies), in the order squeezed
        self.squeezed: list[int] = []

    def squeezable(self, start: int, stop: int) -> float:
        items, left, right = self.items, self.left, self.right
        return sum(self.size / 2 for i in range(start, stop)
                   if items[i].mark and i not in left and i not in right)

    def squeeze(self, start: int, stop: int, amount: float) -> None:
        """Take ``amount`` out of the marks in items[start:stop], the end first (clreq order)."""
        items, half = self.items, self.size / 2
        for i in range(stop - 1, start - 1, -1):
            if amount <= EPSILON:
                return
            atom = items[i]
            if not atom.mark or i in self.left or i in self.right:
                continue
            take = min(half, amount)
            (self.left if atom.text in OPENING else self.right)[i] = take
            self.advance[i] -= take
            self.squeezed.append(i)
            amount -= take

    def give_back(self, start: int, stop: int, amount: float) -> None:
        """Undo up to ``amount`` of the squeezing in items[start:stop]. (A line whose
        break moved after its marks were squeezed to fit — to give a last line
        company — has room again: its marks are whole first.)"""
        for i in [i for i in self.squeezed if start <= i < stop]:
            if amount <= EPSILON:
                break
            side = self.left if i in self.left else self.right
            give = min(side[i], amount)
            side[i] -= give
            self.advance[i] += give
            amount -= give
            if side[i] <= EPSILON:
                del side[i]
                self.squeezed.remove(i)

    def squeeze_or_push(self, start: int, end: int, available: float) -> int:
        items = self.items
        count = len(items)
        # 先挤进: take in the marks that may not start the next line, if squeezing makes room.
        take = end
        while take < count and take - end < 3 and not break_allowed(items, take):
            take += 1
        if take == count or break_allowed(items, take):
            overflow = sum(self.advance[start:take]) - available
            if overflow <= EPSILON:  # a loosened line: they fit as they are
                return take
            if overflow <= self.squeezable(start, take) + EPSILON:
                self.squeeze(start, take, overflow)
                return take
        # 后推出: end the line earlier, at the last place a break is allowed.
        for candidate in range(end - 1, start, -1):
            if break_allowed(items, candidate):
                return candidate
        return end

    def squeeze_in(self, start: int, end: int, available: float) -> int:
        """The furthest break past ``end`` whose line fits once its marks are squeezed
        (压缩, to save the paragraph a line), squeezed so; else ``end``."""
        items, count = self.items, len(self.items)
        best = end
        for candidate in range(end + 1, count + 1):
            if candidate < count and not break_allowed(items, candidate):
                continue
            if sum(self.advance[start:candidate]) - available > \
                    self.squeezable(start, candidate) + EPSILON:
                break
            best = candidate
        overflow = sum(self.advance[start:best]) - available
        if best > end and overflow > EPSILON:
            self.squeeze(start, best, overflow)
        return best

    def line(self, start: int, stop: int, indent: float, justified: bool) -> Line:
        return Line(self.items, start, stop, self.advance, self.left, self.right, self.atoms,
                    indent, justified)


#: where a run too long for a line breaks first: after a URL's separators
_RUN_BREAK = re.compile(r"(?<=[/?&=#_.\-])")


def _fitted(atoms: Atoms, measure: float, size: float, notes: MissingGlyphs | None) -> Atoms:
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
    return _assembled(items, size)


def _character_pieces(text: str, face: Face, size: float, measure: float) -> list[str]:
    """``text`` cut between characters into pieces no wider than ``measure``."""
    pieces = [""]
    for ch in text:
        if pieces[-1] and _build(pieces[-1] + ch, face, size).width > measure:
            pieces.append("")
        pieces[-1] += ch
    return pieces


def compose(atoms: Atoms, measure: float, first_indent: float, size: float,
            notes: MissingGlyphs | None = None, loosen: float = 0.0,
            tighten_from: int | None = None) -> list[Line]:
    """Break a paragraph's atoms into lines: greedy fill, squeeze before push, justify.
    To set a paragraph a line longer or shorter (to balance a page's columns):
    ``loosen`` fills each line that much short of the measure (it is justified to
    the measure all the same); from line ``tighten_from`` on, each line takes as
    much as squeezing its marks makes room for."""
    atoms = _fitted(atoms, measure - first_indent, size, notes)
    job = _Composition(atoms, size)
    items, advance = job.items, job.advance
    prefix = [0.0, *accumulate(advance)]
    count = len(items)
    lines: list[Line] = []
    start = 0
    while start < count:
        while start < count and items[start].space:
            start += 1
        if start >= count:
            break
        indent = first_indent if not lines else 0.0
        available = measure - indent
        # Squeezing only ever touches atoms before ``start``, so the prefix
        # differences used here stay exact.
        end = bisect_right(prefix, prefix[start] + available - loosen + EPSILON, start, count + 1) - 1
        if tighten_from is not None and len(lines) >= tighten_from and end < count:
            end = job.squeeze_in(start, end, available)
        if end >= count:
            lines.append(job.line(start, count, indent, justified=False))
            break
        if end == start:  # a single atom wider than the measure
            end = start + 1
        elif not break_allowed(items, end):
            # squeezed only as far as the measure needs: a loosened line is stretched after
            end = job.squeeze_or_push(start, end, available)
        stop = end
        while stop > start and items[stop - 1].space:
            stop -= 1
        lines.append(job.line(start, stop, indent, justified=True))
        start = end
    _avoid_single_character_last_line(job, lines, measure)
    for line in lines:
        _justify(job, line, measure)
    return lines


def _avoid_single_character_last_line(job: _Composition, lines: list[Line], measure: float) -> None:
    if len(lines) < 2:
        return
    last, previous = lines[-1], lines[-2]
    letters = [a for a in last.atoms if not (len(a.text) == 1 and a.text in CANNOT_START)]
    if len(letters) != 1 or previous.stop - previous.start < 3:
        return
    items = last.items
    for cut in range(previous.stop - 1, max(previous.stop - 3, previous.start), -1):
        if break_allowed(items, cut) and \
                sum(last.advance[cut:last.stop]) <= measure - last.indent + EPSILON:
            previous.stop = cut
            last.start = cut
            # the line before had its marks squeezed to hold what it now gives away:
            # with room again, they are whole first (the only line that can have both)
            job.give_back(previous.start, previous.stop,
                          measure - previous.indent - previous.width())
            return


def _justify(job: _Composition, line: Line, measure: float) -> None:
    gaps = line.stop - line.start - 1
    if not line.justified or gaps < 1:
        return
    free = measure - line.indent - line.width()
    if free < -EPSILON:
        job.squeeze(line.start, line.stop, -free)
        free = measure - line.indent - line.width()
    line.extra = free / gaps

"""Chinese line composition for ReportLab, after W3C clreq.

ReportLab's own CJK wrapping cuts between any two characters, lets ，：；！？”》
start a line and only justifies by widening spaces, which Chinese lines do
not have. This module composes lines itself:

* text becomes atoms: one Han character or mark each, a Latin word or digit
  group whole, ——/…… whole (never split);
* a line may not start with a closing or pause mark nor end with an opening
  one (clreq basic level); when the mark that must not start the next line
  overflows, the line is first squeezed — full-width marks give up their blank
  half — and only if that is not enough is a character pushed down;
* adjacent full-width marks (。” ）， 》《) are set 1.5 em instead of 2;
* every line but a paragraph's last is justified to the full measure by
  spacing between atoms, never inside a Latin word;
* a last line of a single character is avoided by pulling one down;
* each character is set in the first face of its role that has it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from ...chars import is_cjk, is_han

CANNOT_START = frozenset("，。、；：？！）》」』】〕〗］｝〉”’…—～·,.;:?!)]}%‰℃")
CANNOT_END = frozenset("“‘（《「『【〔〖［｛〈([{")
OPENING = frozenset("“‘（《「『【〔〖［｛〈")
CLOSING = frozenset("”’）》」』】〕〗］｝〉")
PAUSE = frozenset("，。、；：？！")
COMPRESSIBLE = OPENING | CLOSING | PAUSE
_ATOM = re.compile(r"——|……|[A-Za-z0-9](?:[A-Za-z0-9.,:'’%/@&+#_\-]*[A-Za-z0-9%])?| +|.", re.S)
EPSILON = 0.01


@dataclass(frozen=True)
class Face:
    """One role's faces in fallback order (registered ReportLab names)."""

    names: tuple[str, ...]
    covered: tuple[frozenset[str], ...]
    embolden: tuple[float, ...]

    def index_for(self, ch: str) -> int | None:
        for index, covered in enumerate(self.covered):
            if ch in covered:
                return index
        return None


@dataclass(frozen=True)
class ParaStyle:
    face: Face
    size: float
    leading: float
    color: Color
    align: str = "justify"          # justify | center | left | right
    first_indent: float = 0.0       # in points
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False


@dataclass(frozen=True)
class Run:
    text: str
    face: Face | None = None        # None: the paragraph's face


@dataclass
class Atom:
    text: str
    pieces: list[tuple[int, str, Face]]  # (face index, text, face)
    width: float
    space: bool = False
    latin: bool = False
    squeeze_right: float = 0.0      # advance given up on the right (closing/pause marks)
    squeeze_left: float = 0.0       # advance given up on the left (opening marks)
    pair_right: float = 0.0         # what adjacent-mark compression always takes
    pair_left: float = 0.0

    @property
    def first(self) -> str:
        return self.text[0]

    @property
    def last(self) -> str:
        return self.text[-1]

    @property
    def advance(self) -> float:
        return self.width - self.squeeze_left - self.squeeze_right


@dataclass
class Line:
    atoms: list[Atom]
    indent: float = 0.0
    justified: bool = True
    extra: float = 0.0              # space added at every gap between atoms


@dataclass
class MissingGlyphs:
    characters: set[str] = field(default_factory=set)


_width_cache: dict[tuple[str, str], float] = {}


def _char_width(font_name: str, ch: str) -> float:
    key = (font_name, ch)
    width = _width_cache.get(key)
    if width is None:
        width = _width_cache[key] = pdfmetrics.stringWidth(ch, font_name, 1000) / 1000
    return width


def make_atoms(runs: list[Run], default_face: Face, size: float,
               missing: MissingGlyphs | None = None) -> list[Atom]:
    atoms: list[Atom] = []
    for run in runs:
        face = run.face or default_face
        for match in _ATOM.finditer(run.text):
            text = match.group()
            pieces: list[tuple[int, str, Face]] = []
            width = 0.0
            for ch in text:
                index = face.index_for(ch)
                if index is None:
                    if missing is not None and not ch.isspace():
                        missing.characters.add(ch)
                    index = 0
                width += _char_width(face.names[index], ch) * size
                if pieces and pieces[-1][0] == index and pieces[-1][2] is face:
                    pieces[-1] = (index, pieces[-1][1] + ch, face)
                else:
                    pieces.append((index, ch, face))
            atoms.append(Atom(text, pieces, width, space=text.isspace(),
                              latin=len(text) > 1 and not is_cjk(text[0])))
    _compress_adjacent_marks(atoms, size)
    return atoms


def _full_width_mark(atom: Atom, size: float) -> bool:
    return len(atom.text) == 1 and atom.text in COMPRESSIBLE and atom.width >= 0.9 * size


def _compress_adjacent_marks(atoms: list[Atom], size: float) -> None:
    """Two full-width marks side by side take 1.5 em, not 2 (clreq)."""
    for left, right in zip(atoms, atoms[1:]):
        if not (_full_width_mark(left, size) and _full_width_mark(right, size)):
            continue
        if left.text in CLOSING | PAUSE:
            left.pair_right = size / 2
        elif left.text in OPENING and right.text in OPENING:
            right.pair_left = size / 2


def _break_allowed(atoms: list[Atom], index: int) -> bool:
    """May a line end after atoms[index - 1] and the next start with atoms[index]?"""
    before, after = atoms[index - 1], atoms[index]
    if after.space or before.space:
        return True
    # —— and …… whole may start a line at clreq's basic level; only "strict" forbids it.
    starts_ok = after.text in ("——", "……") or after.first not in CANNOT_START
    return starts_ok and before.last not in CANNOT_END


def _squeezable(atoms: list[Atom], size: float) -> float:
    return sum(size / 2 - a.squeeze_left - a.squeeze_right
               for a in atoms if _full_width_mark(a, size) and a.squeeze_left + a.squeeze_right == 0)


def _squeeze(atoms: list[Atom], amount: float, size: float) -> None:
    """Take ``amount`` points out of the line's marks, the line's end first (clreq order)."""
    for atom in reversed(atoms):
        if amount <= EPSILON:
            return
        if not _full_width_mark(atom, size) or atom.squeeze_left + atom.squeeze_right:
            continue
        take = min(size / 2, amount)
        if atom.text in OPENING:
            atom.squeeze_left = take
        else:
            atom.squeeze_right = take
        amount -= take


def _width(atoms: list[Atom]) -> float:
    return sum(a.advance for a in atoms)


def compose(atoms: list[Atom], measure: float, first_indent: float, size: float) -> list[Line]:
    """Break atoms into lines: greedy fill, squeeze before push."""
    for atom in atoms:  # undo the squeezing of any earlier composition
        atom.squeeze_left, atom.squeeze_right = atom.pair_left, atom.pair_right
    lines: list[Line] = []
    start = 0
    count = len(atoms)
    while start < count:
        while start < count and atoms[start].space:
            start += 1
        if start >= count:
            break
        indent = first_indent if not lines else 0.0
        available = measure - indent
        end, used = start, 0.0
        while end < count and used + atoms[end].advance <= available + EPSILON:
            used += atoms[end].advance
            end += 1
        if end >= count:
            lines.append(Line(atoms[start:], indent, justified=False))
            break
        if end == start:  # a single atom wider than the measure
            end = start + 1
        elif not _break_allowed(atoms, end):
            end = _squeeze_or_push(atoms, start, end, available, size)
        line_atoms = atoms[start:end]
        while line_atoms and line_atoms[-1].space:
            line_atoms.pop()
        lines.append(Line(line_atoms, indent))
        start = end
    _avoid_single_character_last_line(lines, atoms, measure, size)
    for line in lines:
        _justify(line, measure, size)
    return lines


def _squeeze_or_push(atoms: list[Atom], start: int, end: int, available: float,
                     size: float) -> int:
    # 先挤进: take in the marks that may not start the next line, if squeezing makes room.
    take = end
    while take < len(atoms) and take - end < 3 and not _break_allowed(atoms, take):
        take += 1
    if take < len(atoms) or take == len(atoms):
        candidate = atoms[start:take]
        overflow = _width(candidate) - available
        if overflow <= _squeezable(candidate, size) + EPSILON and \
                (take == len(atoms) or _break_allowed(atoms, take)):
            _squeeze(candidate, overflow, size)
            return take
    # 后推出: end the line earlier, at the last place a break is allowed.
    for candidate_end in range(end - 1, start, -1):
        if _break_allowed(atoms, candidate_end):
            return candidate_end
    return end


def _avoid_single_character_last_line(lines: list[Line], atoms: list[Atom], measure: float,
                                      size: float) -> None:
    if len(lines) < 2:
        return
    last, previous = lines[-1], lines[-2]
    letters = [a for a in last.atoms if not (len(a.text) == 1 and a.text in CANNOT_START)]
    if len(letters) != 1 or len(previous.atoms) < 3:
        return
    for cut in range(len(previous.atoms) - 1, max(len(previous.atoms) - 3, 0), -1):
        moved, kept = previous.atoms[cut:], previous.atoms[:cut]
        joined = kept + moved + last.atoms
        if _break_allowed(joined, len(kept)) and \
                _width(moved + last.atoms) <= measure - last.indent + EPSILON:
            previous.atoms, last.atoms = kept, moved + last.atoms
            return


def _justify(line: Line, measure: float, size: float) -> None:
    if not line.justified or len(line.atoms) < 2:
        return
    free = measure - line.indent - _width(line.atoms)
    if free < -EPSILON:
        _squeeze(line.atoms, -free, size)
        free = measure - line.indent - _width(line.atoms)
    line.extra = free / (len(line.atoms) - 1)


def _balanced(atoms: list[Atom], width: float, style: ParaStyle, count: int) -> list[Line]:
    """Centred headlines: the narrowest measure that needs no more lines, so the
    lines come out even instead of a long one and a stub."""
    low, high = width * 0.4, width
    for _ in range(12):
        middle = (low + high) / 2
        if len(compose(atoms, middle, 0.0, style.size)) > count:
            low = middle
        else:
            high = middle
    lines = compose(atoms, high + EPSILON, 0.0, style.size)
    for line in lines:  # centred lines are not stretched
        line.extra = 0.0
    return lines


class CJKParagraph(Flowable):
    """A paragraph composed by :func:`compose`, splittable across frames by lines."""

    def __init__(self, runs: list[Run], style: ParaStyle, *, missing: MissingGlyphs | None = None,
                 bookmark: str | None = None, outline: tuple[str, int] | None = None,
                 _lines: list[Line] | None = None, _width: float | None = None) -> None:
        super().__init__()
        self.runs = runs
        self.style = style
        self.missing = missing
        self.bookmark = bookmark
        self.outline = outline
        self._lines = _lines
        self._laid_out_width = _width
        self._continued = _lines is not None
        self._is_tail = False  # the continuation of a paragraph split across frames
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def _layout(self, width: float) -> list[Line]:
        # A split part keeps the lines it was given; frames of one width may report it
        # differing in the last bit (x1 + w - x1), which must not trigger a relayout.
        if self._lines is None or (not self._continued and self._laid_out_width is not None
                                   and abs(self._laid_out_width - width) > 0.01):
            style = self.style
            atoms = make_atoms(self.runs, style.face, style.size, self.missing)
            lines = compose(atoms, width, style.first_indent, style.size)
            if style.align == "center" and len(lines) > 1:
                lines = _balanced(atoms, width, style, len(lines))
            self._lines = lines
            self._laid_out_width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self._layout(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._layout(availWidth)
        fit = min(int((availHeight + EPSILON) // self.style.leading), len(lines) - 2)
        starts_paragraph = self._lines is not None and not self._is_tail
        if fit <= 0 or (starts_paragraph and fit < 2):
            # no widow: a last line never goes alone to the next column; no orphan:
            # a paragraph's first line is never left alone at a column foot
            return []
        first = CJKParagraph(self.runs, self._style_without(space_after=True), missing=None,
                             bookmark=self.bookmark, outline=self.outline,
                             _lines=lines[:fit], _width=availWidth)
        rest = CJKParagraph(self.runs, self._style_without(space_before=True), missing=None,
                            _lines=lines[fit:], _width=availWidth)
        first._is_tail = self._is_tail
        rest._is_tail = True
        return [first, rest]

    def _style_without(self, *, space_before: bool = False, space_after: bool = False) -> ParaStyle:
        style = self.style
        return ParaStyle(style.face, style.size, style.leading, style.color, style.align,
                         style.first_indent, 0.0 if space_before else style.space_before,
                         0.0 if space_after else style.space_after, style.keep_with_next)

    def draw(self) -> None:
        canvas = self.canv
        style = self.style
        lines = self._lines or []
        if self.bookmark:
            canvas.bookmarkPage(self.bookmark, fit="XYZ", top=canvas.absolutePosition(0, self.height)[1])
            if self.outline:
                canvas.addOutlineEntry(self.outline[0], self.bookmark, level=self.outline[1])
        # The em box is centred in the line: Noto CJK's ascent is 0.88 em.
        baseline_drop = (style.leading - style.size) / 2 + 0.88 * style.size
        for number, line in enumerate(lines):
            y = self.height - number * style.leading - baseline_drop
            draw_line(canvas, line, self._line_start(line), y, style)

    def _line_start(self, line: Line) -> float:
        natural = _width(line.atoms) + line.extra * max(len(line.atoms) - 1, 0)
        if self.style.align == "center":
            return (self.width - natural) / 2
        if self.style.align == "right":
            return self.width - natural
        return line.indent


def draw_line(canvas, line: Line, x: float, y: float, style: ParaStyle) -> None:  # type: ignore[no-untyped-def]
    """Set one composed line; runs of plain characters share one text-show operator."""
    text = canvas.beginText()
    text.setFillColor(style.color)
    state: dict[str, object] = {}

    def set_state(font: str, embolden: float, char_space: float) -> None:
        if state.get("font") != font:
            text.setFont(font, style.size)
            state["font"] = font
        if state.get("embolden") != embolden:
            text.setTextRenderMode(2 if embolden else 0)
            if embolden:  # stroke emboldening: outline drawn around the fill
                text.setStrokeColor(style.color)
                text._code.append(f"{embolden * style.size:.3f} w")
            state["embolden"] = embolden
        if state.get("space") != char_space:
            text.setCharSpace(char_space)
            state["space"] = char_space

    run: list[str] = []
    run_x = 0.0
    run_key: tuple[str, float] | None = None

    def flush() -> None:
        if run:
            text.setTextOrigin(run_x, y)
            text.textOut("".join(run))
            run.clear()

    last = len(line.atoms) - 1
    for position, atom in enumerate(line.atoms):
        draw_x = x - atom.squeeze_left
        if len(atom.pieces) == 1 and len(atom.text) == 1 and not atom.squeeze_right \
                and not atom.squeeze_left:
            index, piece, face = atom.pieces[0]
            key = (face.names[index], face.embolden[index])
            if key != run_key or not run:
                flush()
                set_state(key[0], key[1], line.extra)
                run_key, run_x = key, draw_x
            run.append(piece)
        else:
            flush()
            run_key = None
            piece_x = draw_x
            for index, piece, face in atom.pieces:
                set_state(face.names[index], face.embolden[index], 0.0)
                text.setTextOrigin(piece_x, y)
                text.textOut(piece)
                piece_x += sum(_char_width(face.names[index], ch) for ch in piece) * style.size
        x += atom.advance + (line.extra if position < last else 0.0)
    flush()
    canvas.drawText(text)


def is_han_text(text: str) -> bool:
    return any(is_han(ch) for ch in text)

"""ReportLab flowables that set Chinese text composed by :mod:`.compose`.

ReportLab's own CJK wrapping cuts between any two characters, lets ，：；！？”》
start a line and only justifies by widening spaces, which Chinese lines do
not have; so lines are composed in :mod:`.compose` and only drawn here.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Any

from reportlab.lib.colors import CMYKColor, Color
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from ...parse.chars import CANNOT_END, CANNOT_START
from .atoms import (
    CLOSING,
    EPSILON,
    OPENING,
    PAUSE,
    Atoms,
    Face,
    Line,
    MissingGlyphs,
    Run,
    char_width,
    make_atoms,
)
from .compose import break_allowed, compose

__all__ = ["CANNOT_END", "CANNOT_START", "CLOSING", "OPENING", "PAUSE", "CJKParagraph", "Face",
           "Line", "MissingGlyphs", "ParaStyle", "Run", "compose", "draw_line", "make_atoms"]


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
    #: black text in the print shop's file: it overprints (see overprinting)
    overprint: bool = False


#: words a headline is not broken inside (明港办 / 事处 reads as two words)
KEEP_WHOLE = ("办事处", "街道办", "党支部", "党工委", "委员会", "管委会", "社区", "党史",
              "党员", "干部", "群众")
#: what a headline line may end after (a pause, a closing mark) and start before
_AFTER = set("，、；：。！？”’》）」』") | {"……"}
_BEFORE = set("“‘《（「『")


def _break_costs(items: list) -> list[float]:  # type: ignore[type-arg]
    """What breaking a headline before each of its atoms costs, in characters of
    imbalance it is worth: a space or a mark nothing (its own break); between two
    words a little; an odd number of characters after a space or a mark more (a
    headline's words are mostly two characters: 观摩学 / 习 is inside one); inside
    办事处 and its like, or inside a quoted phrase (“…”, 《…》, read as one), much."""
    text = "".join(atom.text for atom in items)
    inside = set()  # offsets inside a word kept whole
    for word in KEEP_WHOLE:
        at = text.find(word)
        while at != -1:
            inside.update(range(at + 1, at + len(word)))
            at = text.find(word, at + 1)
    costs = [0.0]
    offset = boundary = depth = 0
    for index in range(1, len(items)):
        before, after = items[index - 1], items[index]
        offset += len(before.text)
        depth += sum(before.text.count(c) for c in "“《‘「") - \
            sum(before.text.count(c) for c in "”》’」")
        if before.space or before.text in _AFTER or before.text in _BEFORE:
            boundary = offset
        if before.space or after.space:
            cost = 0.0
        elif before.text in _AFTER or after.text in _BEFORE:
            cost = 0.5
        else:
            cost = 3.0 + (2.0 if (offset - boundary) % 2 else 0.0) + \
                (8.0 if offset in inside else 0.0)
        costs.append(cost + (12.0 if depth > 0 else 0.0))
    return costs


def _balanced(atoms: Atoms, width: float, style: ParaStyle, count: int) -> list[Line]:
    """Centred headlines: two lines break where a reader would — at a space or a
    mark, else between words, never inside a quoted phrase if it can be helped —
    with the lines as even as that allows; more lines take the narrowest measure
    that needs no more of them, so they come out even instead of a long one and a
    stub."""
    items = atoms.items
    if count == 2:
        single = compose(atoms, 1e9, 0.0, style.size)[0]
        advance = single.advance
        prefix = [0.0, *accumulate(advance[:len(items)])]
        costs = _break_costs(items)
        best: tuple[float, int] | None = None
        for index in range(1, len(items)):
            stop = index - 1 if items[index - 1].space else index
            start = index + 1 if items[index].space else index
            first, second = prefix[stop], prefix[len(items)] - prefix[start]
            if first > width + EPSILON or second > width + EPSILON or stop <= 0 \
                    or start >= len(items) or not break_allowed(items, index):
                continue
            cost = costs[index] + abs(first - second) / style.size
            if best is None or cost < best[0]:
                best = (cost, index)
        if best is not None:
            index = best[1]
            stop = index - 1 if items[index - 1].space else index
            start = index + 1 if items[index].space else index
            return [Line(items, 0, stop, advance, single.left, single.right, atoms,
                         justified=False),
                    Line(items, start, len(items), advance, single.left, single.right, atoms,
                         justified=False)]
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
                 _lines: list[Line] | None = None, _is_tail: bool = False) -> None:
        super().__init__()
        self.runs = runs
        self.style = style
        self.missing = missing
        self._lines = _lines
        self._laid_out_width: float | None = None
        self._split_part = _lines is not None  # keeps the lines it was given
        self._is_tail = _is_tail  # the continuation of a paragraph split across frames
        #: to balance a district's last page (district._balanced), set a line longer or
        #: shorter: ems each line is filled short of the measure (and justified to it),
        #: or the line from which lines are filled as far as squeezing their marks allows
        self.loosen = 0.0
        self.tighten_from: int | None = None
        self._laid_out_as: tuple[float, int | None] = (0.0, None)
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after

    def _layout(self, width: float) -> list[Line]:
        # Frames of one width may report it differing in the last bit (x1 + w - x1),
        # which must not trigger a relayout.
        if not self._split_part and (self._laid_out_width is None
                                     or abs(self._laid_out_width - width) > 0.01
                                     or self._laid_out_as != (self.loosen, self.tighten_from)):
            style = self.style
            atoms = make_atoms(self.runs, style.face, style.size, self.missing)
            lines = compose(atoms, width, style.first_indent, style.size, self.missing,
                            loosen=self.loosen * style.size, tighten_from=self.tighten_from)
            if style.align == "center" and len(lines) > 1:
                lines = _balanced(atoms, width, style, len(lines))
            self._lines = lines
            self._laid_out_width, self._laid_out_as = width, (self.loosen, self.tighten_from)
        return self._lines

    def lines(self, width: float) -> list[Line]:
        """The paragraph's lines in a measure ``width`` wide."""
        return self._layout(width)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self._layout(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._layout(availWidth)
        fit = min(int((availHeight + EPSILON) // self.style.leading), len(lines) - 2)
        if fit <= 0 or (not self._is_tail and fit < 2):
            # no widow: a last line never goes alone to the next column; no orphan:
            # a paragraph's first line is never left alone at a column foot
            return []
        first = CJKParagraph(self.runs, replace(self.style, space_after=0.0),
                             _lines=lines[:fit], _is_tail=self._is_tail)
        rest = self.tail(fit, availWidth)
        at = getattr(self, "position", None)
        if at is not None:  # where in the district's flowables (see DistrictPages)
            first.position, rest.position = at, (at[0], at[1] + fit)
        return [first, rest]

    def tail(self, lines_set: int, width: float) -> CJKParagraph:
        """What is left to set after its first ``lines_set`` lines, in columns ``width`` wide."""
        return CJKParagraph(self.runs, replace(self.style, space_before=0.0),
                            _lines=self._layout(width)[lines_set:], _is_tail=True)

    def baseline(self, number: int) -> float:
        """The baseline of line ``number``: the em box centred in the line (Noto CJK's
        ascent is 0.88 em)."""
        style = self.style
        return self.height - number * style.leading - (style.leading - style.size) / 2 \
            - 0.88 * style.size

    def draw(self) -> None:
        canvas = self.canv
        text = _text_object(canvas, self.style)
        for number, line in enumerate(self._lines or []):
            draw_line(canvas, line, self._line_start(line), self.baseline(number), self.style, text)
        draw_text(canvas, text, self.style)

    def _line_start(self, line: Line) -> float:
        natural = line.natural_width()
        if self.style.align == "center":
            return (self.width - natural) / 2
        if self.style.align == "right":
            return self.width - natural
        return line.indent


def _text_object(canvas, style: ParaStyle):  # type: ignore[no-untyped-def]
    text = canvas.beginText()
    text.setFillColor(style.color)
    text._pressroom_state = {}  # what draw_line has set, so it is not written again
    return text


def draw_line(canvas, line: Line, x: float, y: float, style: ParaStyle,  # type: ignore[no-untyped-def]
              text=None) -> None:
    """Set one composed line; runs of plain characters share one text-show operator.

    Pass ``text`` (a text object) to set several lines in one; it keeps its font
    and spacing state between them, so unchanged state is not written again.
    """
    own = text is None
    if own:
        text = _text_object(canvas, style)
    state: dict[str, Any] = text._pressroom_state
    code = text._code
    size = style.size
    document = canvas._doc

    def set_state(font: str, embolden: float, char_space: float) -> None:
        if state.get("font") != font:
            text.setFont(font, size)
            state["font"] = font
            state["face"] = pdfmetrics.getFont(font)
        if state.get("embolden") != embolden:
            text.setTextRenderMode(2 if embolden else 0)
            if embolden:  # stroke emboldening: outline drawn around the fill
                text.setStrokeColor(style.color)
                code.append(f"{embolden * size:.3f} w")
            state["embolden"] = embolden
        if state.get("space") != char_space:
            text.setCharSpace(char_space)
            state["space"] = char_space

    # A text run is cut straight out of the paragraph's text; a new run starts only
    # at a special atom (several characters or faces, a face change), after one, at
    # a mark squeezed on its left and after a mark squeezed on its right.
    extra, items, advance, left = line.extra, line.items, line.advance, line.left
    source = line.source
    start, stop = line.start, line.stop
    special = source.special[bisect_left(source.special, start):bisect_left(source.special, stop)]
    starts = sorted({start, *special, *(k + 1 for k in special),
                     *(k for k in left if start <= k < stop),
                     *(k + 1 for k in line.right if start <= k < stop)})
    if starts[-1] >= stop:
        starts = [k for k in starts if k < stop]
    special_set = set(special)
    for number, first in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else stop
        if first in special_set:
            atom = items[first]
            spacing = extra if len(atom.text) == 1 else 0.0  # no letter-spacing inside words
            piece_x = x - left.get(first, 0.0)
            face = atom.face
            # 破折号: Noto's em dash does not reach the edges of its advance, so two print
            # as two dashes with a gap; drawn as one rule after the text (draw_rules)
            dash = atom.text == "——"
            if dash:  # the glyphs stay as text, invisible
                state.setdefault("rules", []).append((piece_x, y, atom.width, size))
            for index, piece in atom.pieces:
                # the dashes spread over the rule (copied text keeps them; find
                # highlights span it)
                set_state(face.names[index], face.embolden[index],
                          (atom.width - sum(char_width(face.names[index], ch) for ch in piece)
                           * size) / len(piece) if dash else spacing)
                if dash:
                    text.setTextRenderMode(3)  # invisible: found and copied, not seen
                    state["embolden"] = None  # the next run sets its mode again
                text.setTextOrigin(piece_x, y)
                code.append(state["face"].show(document, piece))
                piece_x += (atom.width if len(atom.pieces) == 1 else
                            sum(char_width(face.names[index], ch) for ch in piece) * size)
        else:
            face = items[first].face
            set_state(face.names[0], face.embolden[0], extra)
            text.setTextOrigin(x - left.get(first, 0.0), y)
            # placed explicitly: ReportLab's textOut would measure it again to move a cursor
            run = source.text[source.offsets[first]:source.offsets[end]]
            code.append(state["face"].show(document, run))
        x += sum(advance[first:end]) + extra * (end - first)
    if own:
        draw_text(canvas, text, style)


def pure_black(color: Color) -> bool:
    """A colour of the black plate alone (K, no C, M or Y)."""
    return isinstance(color, CMYKColor) and color.cyan == color.magenta == color.yellow == 0 \
        and color.black > 0


def draw_text(canvas, text, style: ParaStyle) -> None:  # type: ignore[no-untyped-def]
    """The lines set into ``text``, and their dashes' rules, overprinting if black."""
    with overprinting(canvas, style):
        canvas.drawText(text)
        draw_rules(canvas, text, style)


@contextmanager
def overprinting(canvas, style: ParaStyle) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """In the print file, black text overprints (a print shop's rule: no white hairline
    where the black plate and the others meet out of register); other colours knock
    out. A screen file has no plates: nothing is said."""
    if not style.overprint:
        yield
        return
    canvas.saveState()
    canvas.setFillOverprint(True)
    canvas.setStrokeOverprint(True)
    canvas.setOverprintMask(True)
    try:
        yield
    finally:
        canvas.restoreState()


#: the rule's middle above the baseline (the em box's middle: Noto CJK's ascent is
#: 0.88 em) and its thickness, in ems
DASH_MIDDLE, DASH_STROKE = 0.38, 0.055


def draw_rules(canvas, text, style: ParaStyle) -> None:  # type: ignore[no-untyped-def]
    """The dashes the lines set into ``text`` recorded, each drawn as one rule."""
    rules = text._pressroom_state.pop("rules", None)
    if not rules:
        return
    canvas.saveState()
    canvas.setFillColor(style.color)
    for x, y, width, size in rules:
        canvas.rect(x, y + (DASH_MIDDLE - DASH_STROKE / 2) * size, width, DASH_STROKE * size,
                    stroke=0, fill=1)
    canvas.restoreState()



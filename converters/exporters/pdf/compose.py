"""Chinese line composition, after W3C clreq (no ReportLab flowables here).

* Text is composed as atoms (:mod:`.atoms`); what a composition squeezes
  lives in its own arrays.
* A line may not start with a closing or pause mark, a dash or an ellipsis,
  nor end with an opening one (clreq basic level, with its "strict" rule for
  —— and ……). When the mark that may not start the next line
  overflows, the line is first squeezed — full-width marks give up their blank
  half, the line's end first — and only if that is not enough is a character
  pushed down (先挤进，后推出).
* Every line but a paragraph's last is justified to the full measure by
  spacing between atoms, never inside a Latin word.
* A last line of a single character is avoided by pulling one down.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from ...parse.chars import CANNOT_END, CANNOT_START
from .atoms import (
    EPSILON,
    OPENING,
    Atom,
    Atoms,
    Line,
    MissingGlyphs,
    fitted,
)


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
        best, width, room = end, sum(self.advance[start:end]), self.squeezable(start, end)
        for candidate in range(end + 1, count + 1):
            width += self.advance[candidate - 1]
            room += self.squeezable(candidate - 1, candidate)
            if candidate < count and not break_allowed(items, candidate):
                continue
            if width - available > room + EPSILON:
                break
            best = candidate
        overflow = sum(self.advance[start:best]) - available
        if best > end and overflow > EPSILON:
            self.squeeze(start, best, overflow)
        return best

    def line(self, start: int, stop: int, indent: float, justified: bool) -> Line:
        return Line(self.items, start, stop, self.advance, self.left, self.right, self.atoms,
                    indent, justified)


def compose(atoms: Atoms, measure: float, first_indent: float, size: float,
            notes: MissingGlyphs | None = None, loosen: float = 0.0,
            tighten_from: int | None = None) -> list[Line]:
    """Break a paragraph's atoms into lines: greedy fill, squeeze before push, justify.
    To set a paragraph a line longer or shorter (to balance a page's columns):
    ``loosen`` fills each line that much short of the measure (it is justified to
    the measure all the same); from line ``tighten_from`` on, each line takes as
    much as squeezing its marks makes room for."""
    atoms = fitted(atoms, measure - first_indent, size, notes)
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

"""Normalise stage: decoded text → clean numbered lines.

Line ends, the many kinds of space, control characters and full-width
Latin are settled here, and (unless switched off) ASCII punctuation between
Han characters becomes full-width per GB/T 15834. Spaces are never removed
between words, because a scraped page's only separators may be spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from collections import Counter
from collections.abc import Callable

from .chars import display_width, is_cjk, join_fragments
from .patterns import MARKDOWN_HEADING, PIPES, is_boilerplate

_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_RARE_BREAKS = re.compile("[\u2028\u2029\x0b\x0c\x85]")
#: spaces that need making one plain space: a tab, a run, any space but the plain one
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|  ")
_SPACES = re.compile(r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
#: invisible formatting: zero-width space/joiners, word joiner, stray BOM, soft hyphen,
#: bidi marks and embeddings (a copied Arabic or Hebrew site's), variation selectors
#: (❤️'s U+FE0F): none has a glyph in a print face, each would print as a box
_INVISIBLES = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u061c\u202a-\u202e\u2066-\u2069"
                         "\ufe00-\ufe0f]")
#: C0/C1 controls except the tab, which is a space here
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: what is printed as another character: a full-width letter or digit, a rare square a
#: byline's mark is drawn with (▢ 全媒体记者 李爽爽: the □ every byline rule knows)
_RETYPED_CHARS = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a▢◻▫⬜▪◼⬛]")
#: any character one of the four classes above holds (a line break but \n, a control, an
#: invisible, a character to retype)
_RARE = re.compile("[" + "".join(pattern.pattern[1:-1] for pattern in (
    _RARE_BREAKS, _INVISIBLES, _CONTROLS, _RETYPED_CHARS)) + "]")
_RETYPED = {code: code - 0xFEE0 for code in
            [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]} \
    | str.maketrans("▢◻▫⬜▪◼⬛", "□□□□■■■")
_ASCII_MARKS = re.compile(r"[,;:?!(]")
_TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
#: each mark with a Han character before or after it, and its full-width form: one
#: pattern a mark, so that each is replaced by a string in one scan of the page, not by a
#: function called for every match (a page of ASCII commas has hundreds)
_TOUCHING_HAN = tuple(
    (mark, re.compile(f"{re.escape(mark)}(?:(?<=[\u4e00-\u9fff]{re.escape(mark)})|(?=[\u4e00-\u9fff]))"),
     _TO_FULLWIDTH[mark]) for mark in ",;:?!")
#: an ASCII tilde for a range between numbers or dates (3月~5月, 60~80年代): GB/T 15834
#: writes the range with the wave dash ～
_RANGE_TILDE = re.compile(r"~(?<=[0-9\u4e00-\u9fff]~)(?=[0-9\u4e00-\u9fff])")


class PhysicalLine(NamedTuple):  # a tuple: a page has thousands, made in one go
    number: int  # 1-based, in the decoded file
    text: str
    #: the raw line ended (began) with a space: a hard wrap there separated two words
    space_after: bool = False
    space_before: bool = False


#: every blank line (a blank line's number is never asked: it only separates)
_BLANK = PhysicalLine(0, "")


@dataclass(slots=True)
class Line:
    """A logical line: one physical line, or several a hard wrap had split."""

    text: str
    first_line: int
    last_line: int
    gap_before: int = 0  # blank lines above it
    wrapped: bool = False


@dataclass(frozen=True)
class NormalisedPage:
    lines: tuple[Line, ...]
    dropped: tuple[str, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Wrap:
    width: int
    measure: Callable[[str], int]

    def reached_by(self, text: str) -> bool:
        # A two-column character that does not fit leaves a column short.
        slack = 2 if self.measure is display_width else 1
        return self.width - slack <= self.measure(text) <= self.width + 1


def _wrap_width(lines: list[PhysicalLine]) -> _Wrap | None:
    """The width a hard-wrapped file was wrapped at (in characters or columns), or None.

    Only lines directly followed by another text line can be wrapped ones; if
    most of them share a length, that length is the wrap width (a narrow one, or
    one only a few lines share, only if the lines of that length are prose: a
    headline printed twice and its source line may be of one length by chance).
    """
    followed = [a.text for a, b in zip(lines, lines[1:]) if a.text and b.text]
    if len(followed) < 3:
        return None
    best: tuple[int, _Wrap] | None = None
    for measure in (len, display_width):
        lengths = [measure(text) for text in followed]
        width, _ = Counter(lengths).most_common(1)[0]
        near = sum(1 for n in lengths if abs(n - width) <= 1)
        wide = _WIDE_WRAP * (2 if measure is display_width else 1)
        if width >= 10 and near >= max(3, 0.5 * len(lengths)) and (best is None or near > best[0]) \
                and (width >= wide and near >= _FEW_LINES or _prose_share(
                    [t for t, n in zip(followed, lengths) if abs(n - width) <= 1]) >= 0.5):
            best = (near, _Wrap(width, measure))
    return best[1] if best else None


#: a wrap narrower than this (in characters; twice that in columns) must break prose:
#: a site's headline lists and menus are as many lines of about one length
_WIDE_WRAP = 20
#: ... and so must a wrap that fewer lines than this share
_FEW_LINES = 5
#: a sentence's punctuation (ASCII commas too, as some sites print them, after a Han)
_PROSE_MARK = re.compile(r"[，。、；：！？]|[\u4e00-\u9fff][,;]")


def _prose_share(texts: list[str]) -> float:
    """The share of lines with a sentence's punctuation in them (a column of prose
    broken every dozen characters has one in most lines; a headline list, few)."""
    return sum(1 for t in texts if _PROSE_MARK.search(t)) / max(1, len(texts))


def _unwrap(lines: list[PhysicalLine], dropped: list[str]) -> list[Line]:
    """Physical lines → logical lines: table pipes and blank lines settled, hard wraps undone."""
    wrap = _wrap_width(lines)
    logical: list[Line] = []
    gap = 0
    previous: PhysicalLine | None = None
    for line in lines:
        content = PIPES.sub("", line.text).strip() if "|" in line.text else line.text
        menu = content is not line.text and is_boilerplate(line.text)
        if not content or menu:
            if menu:
                dropped.append(content)  # a site menu's item and its bar (风采 |): no heading
            elif line.text:
                dropped.append(line.text)
            gap += 1
            previous = None
            continue
        if (wrap and previous is not None and wrap.reached_by(previous.text)
                and not previous.text.endswith("|") and not is_boilerplate(content)
                and not is_boilerplate(previous.text)
                and not MARKDOWN_HEADING.match(content)):
            last = logical[-1]
            spaced = previous.space_after or line.space_before
            last.text = f"{last.text} {content}" if spaced else join_fragments(last.text, content)
            last.last_line = line.number
            last.wrapped = True
        else:
            logical.append(Line(content, line.number, line.number, gap))
        gap = 0
        previous = line
    return logical


def _previous_visible(text: str, index: int) -> str:
    i = index - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return text[i] if i >= 0 else ""


def _next_visible(text: str, index: int) -> str:
    i = index + 1
    while i < len(text) and text[i] == " ":
        i += 1
    return text[i] if i < len(text) else ""


def _matching_close(text: str, index: int) -> int | None:
    depth = 0
    for i in range(index, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _touching_han_to_fullwidth(text: str) -> str:
    for mark, touching, fullwidth in _TOUCHING_HAN:
        if mark in text:
            text = touching.sub(fullwidth, text)
    return _RANGE_TILDE.sub("～", text) if "~" in text else text


def normalise_punctuation(text: str) -> str:
    """ASCII ``,;:?!()`` in Chinese context → full-width, a range's ``~`` → ``～``;
    ``1,000`` and ``10:30`` stay."""
    if _ASCII_MARKS.search(text) is None and ")" not in text and "~" not in text:
        return text
    # Marks touching a Han character are the common case and need no context.
    text = _touching_han_to_fullwidth(text)
    if _ASCII_MARKS.search(text) is None and ")" not in text:
        return text
    # the marks to change, by position (a paragraph's line may be thousands of
    # characters long, with a few marks in it)
    changed: dict[int, str] = {}
    for match in _ASCII_MARKS.finditer(text):
        i, ch = match.start(), match.group()
        before, after = _previous_visible(text, i), _next_visible(text, i)
        if ch == "(":
            close = _matching_close(text, i)
            inner = text[i + 1:close] if close is not None else ""
            if is_cjk(before) or is_cjk(after) or any(is_cjk(c) for c in inner):
                changed[i] = "（"
                if close is not None:
                    changed[close] = "）"
            continue
        if before.isdigit() and after.isdigit() and ch in ",:":
            continue
        if is_cjk(before) or is_cjk(after):
            changed[i] = _TO_FULLWIDTH[ch]
    # A lone ")" after Chinese text whose "(" was already full-width or missing.
    close = text.find(")")
    while close >= 0:
        if close not in changed and is_cjk(_previous_visible(text, close)) and "(" not in text[:close]:
            changed[close] = "）"
        close = text.find(")", close + 1)
    if not changed:
        return text
    pieces, start = [], 0
    for i in sorted(changed):
        pieces += (text[start:i], changed[i])
        start = i + 1
    pieces.append(text[start:])
    return "".join(pieces)


def _clean_physical(text: str, warnings: list[str], first_line: int = 1) -> list[PhysicalLine]:
    controls: dict[int, int] = {}
    invisibles = 0
    dirty = False
    if _RARE.search(text):  # most pages have none of these: one scan, not four
        if "\r" in text or _RARE_BREAKS.search(text):
            text = _LINE_BREAKS.sub("\n", text)
        dirty = _CONTROLS.search(text) is not None or _INVISIBLES.search(text) is not None
        if _RETYPED_CHARS.search(text):
            text = text.translate(_RETYPED)
    if dirty:
        parts = []
        for number, raw in enumerate(text.split("\n"), start=first_line):
            raw, removed = _INVISIBLES.subn("", raw)
            invisibles += removed
            raw, removed = _CONTROLS.subn("", raw)
            if removed:
                controls[number] = removed
            parts.append(raw)
        text = "\n".join(parts)
    # every kind of space becomes one space, for the whole text at once
    if _ODD_SPACES.search(text):
        text = _SPACES.sub(" ", text)
    # (a page is half blank lines, which are all one: only their count matters)
    lines = [PhysicalLine(number, cleaned, spaced.endswith(" "), spaced.startswith(" "))
             if (cleaned := spaced.strip()) else _BLANK
             for number, spaced in enumerate(text.split("\n"), start=first_line)]
    if controls:
        where = ", ".join(f"line {n}" + (f" ×{c}" if c > 1 else "")
                          for n, c in list(controls.items())[:8])
        more = " …" if len(controls) > 8 else ""
        warnings.append(f"removed {sum(controls.values())} control character(s): {where}{more}")
    if invisibles:
        warnings.append(f"removed {invisibles} invisible formatting character(s) "
                        "(zero-width space/joiner, soft hyphen, stray byte-order mark, "
                        "bidi mark, variation selector)")
    return lines


#: a site's anti-copy watermark glued to the end of many lines (u8L中原财经_中原网·财经频道)
_WATERMARK = re.compile(r"[0-9A-Za-z]*[A-Za-z][0-9A-Za-z]*[\u4e00-\u9fff][\u4e00-\u9fff_·A-Za-z0-9]{3,30}$")


_LATIN_LETTER = re.compile("[A-Za-z]")


def _strip_watermark(lines: list[Line], dropped: list[str], warnings: list[str]) -> None:
    """A tail of Latin letters and a site's name that ends three lines or more is the site's
    watermark, not the article's: cut it off every line, say so once."""
    tails: Counter[str] = Counter()
    for text in {line.text for line in lines}:  # distinct lines: a title printed thrice is not one
        if _LATIN_LETTER.search(text, max(0, len(text) - 40)) is None:
            continue  # most lines: no Latin letter near the end, no watermark
        match = _WATERMARK.search(text, max(0, len(text) - 40))
        if match:
            for start in range(match.start(), len(text) - 5):
                tails[text[start:]] += 1
    marks = [tail for tail, count in tails.items()
             if count >= 3 and re.match(r"[0-9A-Za-z]*[A-Za-z]", tail)]
    if not marks:
        return
    mark = max(marks, key=len)
    cut = 0
    for line in lines:
        if line.text.endswith(mark):
            line.text = line.text[:-len(mark)].rstrip()
            dropped.append(mark)
            cut += 1
    warnings.append(f"a watermark “{mark}” ended {cut} lines and was cut off them")


def normalise(text: str, *, punctuation: bool = True, first_line: int = 1) -> NormalisedPage:
    """``text`` as clean numbered lines (numbered from ``first_line``: a piece of a huge
    page keeps the page's line numbers)."""
    warnings: list[str] = []
    dropped: list[str] = []
    lines = _unwrap(_clean_physical(text, warnings, first_line), dropped)
    _strip_watermark(lines, dropped, warnings)
    lines = [line for line in lines if line.text]
    if punctuation and lines:
        # marks touching a Han character, the common case, for the whole page at once;
        # what is left needs each line's context
        joined = "\n".join(line.text for line in lines)
        if _ASCII_MARKS.search(joined) is not None or ")" in joined or "~" in joined:
            joined = _touching_han_to_fullwidth(joined)
            for line, text in zip(lines, joined.split("\n"), strict=True):
                line.text = normalise_punctuation(text)
    return NormalisedPage(tuple(lines), tuple(dropped), tuple(warnings))

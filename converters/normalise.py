"""Normalise stage: decoded text → clean numbered lines.

Line ends, the many kinds of space, control characters and full-width
Latin are settled here, and (unless switched off) ASCII punctuation between
Han characters becomes full-width per GB/T 15834. Spaces are never removed
between words, because a scraped page's only separators may be spaces.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .chars import is_cjk

_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_SPACES = re.compile(r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_FULLWIDTH_ALNUM = {code: code - 0xFEE0 for code in
                    [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, in the decoded file
    text: str


@dataclass(frozen=True)
class NormalisedPage:
    lines: tuple[Line, ...]
    warnings: tuple[str, ...]


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


def normalise_punctuation(text: str) -> str:
    """ASCII ``,;:?!()`` in Chinese context → full-width; ``1,000`` and ``10:30`` stay."""
    if not any(ch in _TO_FULLWIDTH for ch in text):
        return text
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in ",;:?!(":
            continue
        before, after = _previous_visible(text, i), _next_visible(text, i)
        if ch == "(":
            close = _matching_close(text, i)
            inner = text[i + 1:close] if close is not None else ""
            if is_cjk(before) or is_cjk(after) or any(is_cjk(c) for c in inner):
                chars[i] = "（"
                if close is not None:
                    chars[close] = "）"
            continue
        if before.isdigit() and after.isdigit() and ch in ",:":
            continue
        if is_cjk(before) or is_cjk(after):
            chars[i] = _TO_FULLWIDTH[ch]
    # A lone ")" after Chinese text whose "(" was already full-width or missing.
    for i, ch in enumerate(chars):
        if ch == ")" and is_cjk(_previous_visible(text, i)) and "(" not in text[:i]:
            chars[i] = "）"
    return "".join(chars)


def normalise(text: str, *, punctuation: bool = True) -> NormalisedPage:
    warnings: list[str] = []
    raw_lines = _LINE_BREAKS.sub("\n", text).split("\n")
    lines: list[Line] = []
    controls: dict[int, int] = {}
    invisibles = 0
    for number, raw in enumerate(raw_lines, start=1):
        cleaned_chars = []
        for ch in raw:
            if ch in _INVISIBLE:
                invisibles += 1
                continue
            category = unicodedata.category(ch)
            if category == "Cc" and ch != "\t":
                controls[number] = controls.get(number, 0) + 1
                continue
            cleaned_chars.append(ch)
        cleaned = "".join(cleaned_chars).translate(_FULLWIDTH_ALNUM)
        cleaned = _SPACES.sub(" ", cleaned).strip()
        if punctuation:
            cleaned = normalise_punctuation(cleaned)
        lines.append(Line(number, cleaned))
    if controls:
        where = ", ".join(f"line {n}" + (f" ×{c}" if c > 1 else "")
                          for n, c in list(controls.items())[:8])
        more = " …" if len(controls) > 8 else ""
        warnings.append(f"removed {sum(controls.values())} control character(s): {where}{more}")
    if invisibles:
        warnings.append(f"removed {invisibles} invisible formatting character(s) "
                        "(zero-width space/joiner, soft hyphen, stray byte-order mark)")
    return NormalisedPage(tuple(lines), tuple(warnings))

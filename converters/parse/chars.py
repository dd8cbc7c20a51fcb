"""Character classes shared by the parser stages (GB/T 15834 marks and Han)."""
from __future__ import annotations

import re

#: marks that end a sentence; ASCII forms count too because punctuation
#: normalisation can be switched off.
SENTENCE_END = frozenset("。！？!?…")
#: closing marks that may follow a sentence end (”。 ）。 are both endings)
CLOSERS = frozenset("”’」』）》】〕)\"'")
OPENERS = frozenset("“‘「『（《【〔(")
PAUSES = frozenset("，、；：,;:")
#: marks that cannot start a line (clreq basic level; —— and …… too, as the house
#: rule says) and that cannot end one
CANNOT_START = frozenset("，。、；：？！）》」』】〕〗］｝〉”’…—～·,.;:?!)]}%‰℃")
CANNOT_END = frozenset("“‘（《「『【〔〖［｛〈([{")
BRACKET_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "《": "》",
                 "【": "】", "〔": "〕", "(": ")"}


def is_han(ch: str) -> bool:
    if len(ch) != 1:
        return False
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF
            or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F)


def is_cjk_punct(ch: str) -> bool:
    if len(ch) != 1:
        return False
    code = ord(ch)
    return (0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFF0F or 0xFF1A <= code <= 0xFF20
            or 0xFF3B <= code <= 0xFF40 or 0xFF5B <= code <= 0xFF65
            or ch in "“”‘’…—·")


def is_cjk(ch: str) -> bool:
    return is_han(ch) or is_cjk_punct(ch)


def han_only(text: str) -> str:
    return "".join(ch for ch in text if is_han(ch))


def numbered_picture(text: str) -> bool:
    """⑤守护孩子出行安全: the caption of a numbered picture (circled ① to ⑳), never a headline."""
    return "\u2460" <= text[:1] <= "\u2473"


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence, allowing closing quotes after the mark."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        if len(stripped) >= 2 and stripped[-2] in SENTENCE_END:
            return True
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in SENTENCE_END


def brackets_balanced(text: str) -> bool:
    closers = {v: k for k, v in BRACKET_PAIRS.items()}
    stack: list[str] = []
    for ch in text:
        if ch in BRACKET_PAIRS:
            stack.append(ch)
        elif ch in closers:
            if not stack or stack[-1] != closers[ch]:
                return False
            stack.pop()
    return not stack


def join_fragments(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space between CJK, one between Latin."""
    if not left or not right:
        return left + right
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right
    return left + " " + right


def visible_length(text: str) -> int:
    return len(text.replace(" ", ""))


#: runs of East Asian Wide and Fullwidth characters (UAX #11 ranges that occur in Chinese
#: text): removed a run at a time (a line of Han is one run), not one match a character
_WIDE_RUNS = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                        "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
                        "\uffe0-\uffe6\U00020000-\U0003fffd]+")


def display_width(text: str) -> int:
    """Columns on a terminal: Han and full-width marks take two."""
    return 2 * len(text) - len(_WIDE_RUNS.sub("", text))  # one more column for each wide one

"""Bylines: ``记者 王军方 通讯员 贺振广 高雅静 文/图`` and its scraped variants.

A byline is a run of role words, affiliations, names and a credit. It may
stand on its own line, be split over two lines, be glued to the end of a
paragraph, sit in parentheses after 本报讯, or appear as space-separated
tokens in a scraped one-line page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .chars import is_han

REPORTER_ROLES = ("本报记者", "特约记者", "见习记者", "实习记者", "首席记者", "摄影记者",
                  "融媒记者", "记者")
CORRESPONDENT_ROLES = ("本报通讯员", "特约通讯员", "通讯员", "实习生")
ROLES = REPORTER_ROLES + CORRESPONDENT_ROLES
CREDITS = ("文/图", "图/文", "文／图", "图／文", "文图", "图文", "摄影", "摄")
AFFILIATION = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:时报|日报|晚报|报社|电视台|融媒体中心|新闻中心|报)$")
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容",
                     "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "闻人")
_ROLE_SPLIT = re.compile("(" + "|".join(map(re.escape, ROLES + CREDITS[:4])) + ")")
_GLUE_START = re.compile(r"(?<=[。！？!?”」』）)])\s*[（(]?\s*(?=(?:"
                         + "|".join(ROLES) + r"))")


#: every role word contains one of these, so their absence rules a byline out cheaply
_ROLE_STEMS = ("记者", "通讯员", "实习生")
NOT_NAMES = frozenset({"本报讯", "新华社", "本报"})


@cache
def surnames() -> frozenset[str]:
    text = resources.files("converters.data").joinpath("surnames.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


def looks_like_person(token: str) -> bool:
    """A name that also starts with a known surname (for scraped token runs)."""
    return is_name(token) and (token[0] in surnames() or token.startswith(COMPOUND_SURNAMES))


@dataclass(frozen=True)
class Byline:
    text: str
    reporters: tuple[str, ...]
    correspondents: tuple[str, ...]
    credit: str | None


def is_name(token: str) -> bool:
    if token in NOT_NAMES:
        return False
    plain = token.replace("·", "")
    if not plain or not all(is_han(ch) for ch in plain):
        return False
    if "·" in token:
        return 3 <= len(plain) <= 10
    if len(plain) in (2, 3):
        return True
    return len(plain) == 4 and plain.startswith(COMPOUND_SURNAMES)


def token_kind(token: str) -> str | None:
    """'reporter' | 'correspondent' | 'credit' | 'affiliation' | 'name' | None."""
    if token in REPORTER_ROLES:
        return "reporter"
    if token in CORRESPONDENT_ROLES:
        return "correspondent"
    if token in CREDITS:
        return "credit"
    if AFFILIATION.match(token):
        return "affiliation"
    if is_name(token):
        return "name"
    return None


def tokenize(text: str) -> list[str]:
    """Split a byline into tokens; role words glued to names are split too."""
    spaced = _ROLE_SPLIT.sub(r" \1 ", text)
    return [t for t in re.split(r"[\s、，,；;]+", spaced) if t]


def from_tokens(tokens: list[str], text: str) -> Byline | None:
    reporters: list[str] = []
    correspondents: list[str] = []
    credit: str | None = None
    role: str | None = None
    for token in tokens:
        kind = token_kind(token)
        if kind in ("reporter", "correspondent"):
            role = kind
        elif kind == "affiliation":
            # A paper's name stands where 通讯员 usually stands (新郑时报 李显文).
            role = "correspondent"
        elif kind == "credit":
            if credit is not None:
                return None
            credit = token.replace("／", "/")
        elif kind == "name" and role is not None:
            (reporters if role == "reporter" else correspondents).append(token)
        else:
            return None
    if not reporters and not correspondents:
        return None
    return Byline(text, tuple(reporters), tuple(correspondents), credit)


_ROLE_WORDS = "|".join(map(re.escape, ROLES + CREDITS))
_ROLE_THEN_HAN = re.compile(f"(?:{_ROLE_WORDS})([\u4e00-\u9fff]+?)(?=[\\s、，,；;]|$|{_ROLE_WORDS})")


def parse_byline(text: str) -> Byline | None:
    """The byline when the whole of ``text`` is one, else None."""
    stripped = text.strip()
    if stripped[:1] in "（(" and stripped[-1:] in "）)":
        stripped = stripped[1:-1].strip()
    if not stripped.startswith(ROLES):
        return None
    tokens = tokenize(stripped)
    if not tokens or token_kind(tokens[0]) not in ("reporter", "correspondent"):
        return None
    # 记者王军方 is a byline, 记者节活动 is not: glued names need a known surname.
    for glued in _ROLE_THEN_HAN.finditer(stripped):
        if not looks_like_person(glued.group(1)):
            return None
    return from_tokens(tokens, text.strip())


def split_glued(text: str) -> tuple[str, Byline | None]:
    """Cut a byline glued to the end of a paragraph: (paragraph text, byline)."""
    if not any(word in text for word in _ROLE_STEMS):
        return text, None
    for match in reversed(list(_GLUE_START.finditer(text))):
        byline = parse_byline(text[match.end():])
        if byline is not None:
            return text[:match.start()].rstrip(), byline
    return text, None


def consume_tokens(tokens: list[str], start: int, stop: frozenset[int] = frozenset()) -> int:
    """How many tokens from ``start`` form a byline in a scraped line (0 if none).

    The run ends at the first token that is not a role, affiliation, name or
    credit, right after a credit, or at an index in ``stop``.
    """
    if start >= len(tokens) or token_kind(tokens[start]) not in ("reporter", "correspondent"):
        return 0
    end = start
    while end < len(tokens) and end not in stop:
        kind = token_kind(tokens[end])
        if kind is None or (kind == "name" and (end == start or not looks_like_person(tokens[end]))):
            break
        end += 1
        if kind == "credit":
            break
    while end > start and token_kind(tokens[end - 1]) in ("reporter", "correspondent", "affiliation"):
        end -= 1
    candidate = tokens[start:end]
    return end - start if from_tokens(candidate, " ".join(candidate)) else 0

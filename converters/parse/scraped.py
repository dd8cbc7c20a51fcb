"""A headline's shape, and pages flattened into one line by the site they were
saved from (every paragraph, headline and byline on a single line, separated by
spaces only), split back into units."""
from __future__ import annotations

import re

from . import bylines
from .names import looks_like_person
from .chars import CANNOT_START, PAUSES, brackets_balanced, ends_sentence, visible_length
from .patterns import SECTION_LABEL, is_boilerplate
from .units import Unit

#: a headline does not end on a function word; a page-broken sentence often does
NO_HEADLINE_END = frozenset("的了着把被将和及或而并且就都又还让给跟之该这那每各")
#: scraped one-line pages: a role word glued to a sentence end starts a byline
_GLUED_ROLE = re.compile(r"(?<=[。！？!?”」』）)])(?=(?:记者|通讯员|实习生)\s)")
SCRAPED_MIN_LENGTH = 300
HEADLINE_MAX = 60
SCRAPED_HEADING_TOKEN_MAX = 18
_SCRAPED = ("scraped-line",)

#: a markdown heading's marks, a token of their own in a scraped line
_HASHES = re.compile("#{1,6}")
_SPACED_SENTENCE_END = re.compile(r"[。！？!?”]\s+\S")


def is_scraped_line(text: str) -> bool:
    """A page scraped onto one line: its paragraphs run on, spaces between them."""
    return len(text) >= SCRAPED_MIN_LENGTH and len(_SPACED_SENTENCE_END.findall(text)) >= 3


_RUN_IN_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]$")
_SENTENCE_INSIDE = re.compile("[。；、;]")
_COLON = re.compile("[：:]")
_PLACE_COLON = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]")
_COMMA = re.compile("[，,]")
_BRACKET = re.compile("[“”‘’「」『』（）《》【】〔〕()]")


def heading_shape(text: str, *, scraped: bool = False) -> bool:
    """Could this text be a headline on its own line? (A run-in label alone on its line,
    市民反映：, counts: it heads what follows.)"""
    if len(text) > 2 * HEADLINE_MAX:
        return False  # most lines: a paragraph
    if _RUN_IN_LABEL.match(text):
        return True
    length = visible_length(text)
    if not 2 <= length <= (SCRAPED_HEADING_TOKEN_MAX if scraped else HEADLINE_MAX):
        return False
    last = text.rstrip()[-1]
    if ends_sentence(text) or last in PAUSES or text[0] in CANNOT_START:
        return False
    if text.startswith("本报讯") or _SENTENCE_INSIDE.search(text):
        return False
    colon = _COLON.search(text)
    if colon and not _PLACE_COLON.match(text):
        return False  # 黄石港区:城区不看海 is a headline; 地址:… is not
    if scraped:
        return True
    if last in NO_HEADLINE_END or (_BRACKET.search(text) and not brackets_balanced(text)):
        return False
    comma = _COMMA.search(text)
    if comma and _COMMA.search(text, comma.end()):
        return False
    if comma:  # only parallel phrases: 深入镇区，美化村容村貌
        left, right = text[:comma.start()], text[comma.end():]
        if not (2 <= visible_length(left) <= 10 and 4 <= visible_length(right) <= 10):
            return False
    return True


def split_scraped(text: str, number: int, gap: int) -> list[Unit]:
    """One web-scraped line → units, using spaces as the only separators."""
    tokens = _GLUED_ROLE.sub(" ", text).split()
    units: list[Unit] = []

    def add(parts: list[str], role: str, level: int = 0) -> None:
        joined = parts[0]
        for part in parts[1:]:
            joined = joined + " " + part
        units.append(Unit(joined, number, number, gap if not units else 0, role,
                          level, scraped=True, joins=_SCRAPED if len(parts) > 1 else ()))

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if _HASHES.fullmatch(token):
            level, i = len(token), i + 1
            start = i
            while i < len(tokens) and not _HASHES.fullmatch(tokens[i]) \
                    and heading_shape(tokens[i], scraped=True) \
                    and not SECTION_LABEL.match(tokens[i]) and not tokens[i].startswith("本报讯"):
                i += 1
            if i > start:
                add(tokens[start:i], "heading", level)
            continue
        taken = consume_tokens(tokens, i)
        if taken:
            add(tokens[i:i + taken], "body")
            i += taken
            continue
        if SECTION_LABEL.match(token) or is_boilerplate(token):
            add([token], "body")
            i += 1
            continue
        if heading_shape(token, scraped=True) and not token.startswith("本报讯"):
            start = i
            while i < len(tokens) and heading_shape(tokens[i], scraped=True) \
                    and not SECTION_LABEL.match(tokens[i]) and not consume_tokens(tokens, i):
                i += 1
            if i < len(tokens) and i - start >= 1 and not _continues_heading(tokens, i):
                _add_heading_groups(tokens[start:i], add)
                continue
            i = start
        if units and units[-1].role == "heading" and heading_shape(token) \
                and i + 1 < len(tokens) and not tokens[i + 1].startswith("本报讯"):
            add([token], "heading")  # the subtitle under a headline
            i += 1
            continue
        start = i
        i += 1
        depth = _opened(tokens[start])
        while i < len(tokens) and ((depth > 0 and i - start <= _BRACKETED_TOKENS) or (
                not ends_sentence(tokens[i - 1]) and not tokens[i].startswith("本报讯")
                and not _HASHES.fullmatch(tokens[i])
                and not consume_tokens(tokens, i) and not SECTION_LABEL.match(tokens[i]))):
            # (a bracket left open within a byline's length: its spaces separate names)
            depth += _opened(tokens[i])
            i += 1
        run = tokens[start:i]
        if i < len(tokens) and tokens[i].startswith("本报讯") and not ends_sentence(run[-1]) \
                and heading_shape(" ".join(run)):
            _add_heading_groups(run, add)  # a headline too long to look like one on its own
        else:
            add(run, "body")
    return units


def _continues_heading(tokens: list[str], index: int) -> bool:
    """A run of short tokens followed by a token that cannot start a paragraph."""
    return tokens[index][0] in CANNOT_START


def _add_heading_groups(tokens: list[str], add) -> None:  # type: ignore[no-untyped-def]
    """Short phrase pairs stay one headline; a long token is a deck line of its own."""
    group: list[str] = []
    for token in tokens:
        if visible_length(token) >= SCRAPED_HEADING_TOKEN_MAX:
            if group:
                add(group, "heading")
                group = []
            add([token], "heading")
        else:
            group.append(token)
    if group:
        add(group, "heading")


#: the most tokens a bracket opened in a scraped line holds (a dateline's byline: 本报讯(记者
#: 卢文军 通讯员 张效强 段长焱 文/图)); past them an unclosed one is a stray mark
_BRACKETED_TOKENS = 12


def _opened(token: str) -> int:
    """How many brackets ``token`` leaves open (closes, if negative)."""
    if "（" not in token and "(" not in token and "）" not in token and ")" not in token:
        return 0
    return token.count("（") + token.count("(") - token.count("）") - token.count(")")


def consume_tokens(tokens: list[str], start: int, stop: frozenset[int] = frozenset()) -> int:
    """How many tokens from ``start`` form a byline in a scraped line (0 if none).

    The run ends at the first token that is not a role, affiliation, name or
    credit, right after a credit, or at an index in ``stop``.
    """
    kind_of = bylines.token_kind
    if start >= len(tokens):
        return 0
    first = kind_of(tokens[start])
    # a local paper's name stands for 通讯员 (新郑时报 李显文 通讯员 张斌)
    if first not in ("reporter", "correspondent", "intern") and not (
            first == "affiliation" and start + 1 < len(tokens)
            and looks_like_person(tokens[start + 1])):
        return 0
    end = start
    while end < len(tokens) and end not in stop:
        kind = kind_of(tokens[end])
        if kind is None or kind == "editor" or (
                kind == "name" and (end == start or not looks_like_person(tokens[end]))):
            break
        end += 1
        if kind == "credit":
            break
    while end > start and kind_of(tokens[end - 1]) in ("reporter", "correspondent", "intern",
                                                       "affiliation"):
        end -= 1
    candidate = tokens[start:end]
    return end - start if bylines.from_tokens(candidate, " ".join(candidate)) else 0

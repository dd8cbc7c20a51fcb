"""Segment stage: clean lines → typed units (heading, body, byline, section, drop).

Units are what a person sees as separate things on the page: a paragraph,
however many hard-wrapped or page-broken lines it was printed on; a heading;
a byline; a section label. Each unit remembers the lines it came from and
why they were joined, so ``explain`` can show the reasoning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import bylines
from .bylines import Byline
from .chars import (CANNOT_START, PAUSES, brackets_balanced, ends_sentence, is_han,
                    join_fragments, visible_length)
from .normalise import Line
from .patterns import BOILERPLATE, DATELINE, MARKDOWN_HEADING, SECTION_LABEL

#: a headline does not end on a function word; a page-broken sentence often does
NO_HEADLINE_END = frozenset("的了着把被将和及或而并且就都又还让给跟之该这那每各")
#: scraped one-line pages: a role word glued to a sentence end starts a byline
_GLUED_ROLE = re.compile(r"(?<=[。！？!?”」』）)])(?=(?:" + "|".join(bylines.ROLES) + r")\s)")
SCRAPED_MIN_LENGTH = 300
HEADLINE_MAX = 60
SCRAPED_HEADING_TOKEN_MAX = 18
SHORT_FRAGMENT = 16


@dataclass
class Unit:
    text: str
    first_line: int
    last_line: int
    gap_before: int = 0
    role: str = "body"  # body | heading | byline | section | drop
    level: int = 0      # markdown heading level; 0 = plain
    scraped: bool = False
    dateline: bool = False
    byline: Byline | None = None          # the byline unit's own, or one cut off a paragraph
    joins: list[str] = field(default_factory=list)
    cuts: list[str] = field(default_factory=list)
    #: visible length of the last piece a page-break join added (truncation check)
    tail_length: int = 0


@dataclass
class Segmented:
    units: list[Unit]
    dropped: list[str]
    warnings: list[str]


def _is_scraped_line(text: str) -> bool:
    return (len(text) >= SCRAPED_MIN_LENGTH
            and len(re.findall(r"[。！？!?”]\s+\S", text)) >= 3)


def _heading_shape(text: str, *, scraped: bool = False) -> bool:
    """Could this text be a headline on its own line?"""
    length = visible_length(text)
    if not 2 <= length <= (SCRAPED_HEADING_TOKEN_MAX if scraped else HEADLINE_MAX):
        return False
    last = text.rstrip()[-1]
    if ends_sentence(text) or last in PAUSES or text[0] in CANNOT_START:
        return False
    if text.startswith("本报讯") or any(ch in text for ch in "。；：、;:"):
        return False
    if scraped:
        return True
    if last in NO_HEADLINE_END or not brackets_balanced(text):
        return False
    commas = [i for i, ch in enumerate(text) if ch in "，,"]
    if len(commas) > 1:
        return False
    if commas:  # only parallel phrases: 深入镇区，美化村容村貌
        left, right = text[:commas[0]], text[commas[0] + 1:]
        if not (2 <= visible_length(left) <= 10 and 4 <= visible_length(right) <= 10):
            return False
    return True


def _split_scraped(text: str, number: int, gap: int) -> list[Unit]:
    """One web-scraped line → units, using spaces as the only separators."""
    tokens = _GLUED_ROLE.sub(" ", text).split()
    units: list[Unit] = []

    def add(parts: list[str], role: str, level: int = 0) -> None:
        joined = parts[0]
        for part in parts[1:]:
            joined = joined + " " + part
        units.append(Unit(joined, number, number, gap if not units else 0, role,
                          level, scraped=True, joins=["scraped-line"] if len(parts) > 1 else []))

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if re.fullmatch(r"#{1,6}", token):
            level, i = len(token), i + 1
            start = i
            while i < len(tokens) and not re.fullmatch(r"#{1,6}", tokens[i]) \
                    and _heading_shape(tokens[i], scraped=True) \
                    and not SECTION_LABEL.match(tokens[i]) and not tokens[i].startswith("本报讯"):
                i += 1
            if i > start:
                add(tokens[start:i], "heading", level)
            continue
        taken = bylines.consume_tokens(tokens, i)
        if taken:
            add(tokens[i:i + taken], "body")
            i += taken
            continue
        if SECTION_LABEL.match(token) or BOILERPLATE.search(token):
            add([token], "body")
            i += 1
            continue
        if _heading_shape(token, scraped=True) and not token.startswith("本报讯"):
            start = i
            while i < len(tokens) and _heading_shape(tokens[i], scraped=True) \
                    and not SECTION_LABEL.match(tokens[i]) and not bylines.consume_tokens(tokens, i):
                i += 1
            if i < len(tokens) and i - start >= 1 and not _continues_heading(tokens, i):
                _add_heading_groups(tokens[start:i], add)
                continue
            i = start
        if units and units[-1].role == "heading" and _heading_shape(token) \
                and i + 1 < len(tokens) and not tokens[i + 1].startswith("本报讯"):
            add([token], "heading")  # the subtitle under a headline
            i += 1
            continue
        start = i
        i += 1
        while not ends_sentence(tokens[i - 1]) and i < len(tokens) \
                and not tokens[i].startswith("本报讯") and not re.fullmatch(r"#{1,6}", tokens[i]) \
                and not bylines.consume_tokens(tokens, i) and not SECTION_LABEL.match(tokens[i]):
            i += 1
        run = tokens[start:i]
        if i < len(tokens) and tokens[i].startswith("本报讯") and not ends_sentence(run[-1]) \
                and _heading_shape(" ".join(run)):
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


def _read_units(lines: tuple[Line, ...]) -> list[Unit]:
    units: list[Unit] = []
    for line in lines:
        joins = ["hard-wrap"] if line.wrapped else []
        heading = MARKDOWN_HEADING.match(line.text)
        if _is_scraped_line(line.text):
            units.extend(_split_scraped(line.text, line.first_line, line.gap_before))
        elif heading:
            if heading.group(2):
                units.append(Unit(heading.group(2), line.first_line, line.last_line,
                                  line.gap_before, "heading", len(heading.group(1)), joins=joins))
        else:
            units.append(Unit(line.text, line.first_line, line.last_line, line.gap_before,
                              joins=joins))
    return units


def _classify(unit: Unit, dropped: list[str]) -> None:
    text = unit.text
    if unit.role == "heading" and not SECTION_LABEL.match(text):
        return
    if len(text) <= 80 and BOILERPLATE.search(text):
        unit.role = "drop"
        dropped.append(text)
    elif SECTION_LABEL.match(text):
        unit.role = "section"
    elif (byline := bylines.parse_byline(text)) is not None:
        unit.role, unit.byline = "byline", byline
    else:
        unit.role = "body"
        dateline = DATELINE.match(text)
        if dateline:
            inner = dateline.group(1)
            inner_byline = bylines.parse_byline(inner) if inner else None
            if inner and inner_byline is None:
                # 本报讯（通讯员报道） and the like: keep the words in the text
                dateline = re.match(r"^本报讯\s*", text)
            unit.dateline = True
            unit.byline = inner_byline
            unit.text = text[dateline.end():]  # type: ignore[union-attr]
            unit.cuts.append("dateline")
        text, glued = bylines.split_glued(unit.text)
        if glued is not None:
            unit.text = text
            unit.byline = _merge_bylines(unit.byline, glued)
            unit.cuts.append("byline")


def _merge_bylines(first: Byline | None, second: Byline | None) -> Byline | None:
    if first is None or second is None:
        return first or second
    return Byline(f"{first.text} {second.text}", first.reporters + second.reporters,
                  first.correspondents + second.correspondents, first.credit or second.credit)


def _is_open(unit: Unit) -> bool:
    """A body paragraph whose last sentence is unfinished."""
    return unit.role == "body" and bool(unit.text) and unit.byline is None \
        and not ends_sentence(unit.text)


def _bigram_elsewhere(left: str, right: str, corpus: str) -> bool:
    """Does the pair of characters around a break also occur as a word in the page?"""
    if not (left and right and is_han(left[-1]) and is_han(right[0])):
        return False
    return corpus.count(left[-1] + right[0]) > 0


def _resolve_plain_headings(units: list[Unit]) -> None:
    """Decide whether short unpunctuated plain lines are headings or broken text."""
    markdown = sum(1 for u in units if u.level > 0) >= 2
    corpus = "\n".join(u.text for u in units)
    for index, unit in enumerate(units):
        if unit.role != "body" or unit.dateline or unit.byline is not None \
                or not _heading_shape(unit.text, scraped=unit.scraped):
            continue
        if markdown and not unit.scraped:
            continue
        before = units[index - 1] if index else None
        after = units[index + 1] if index + 1 < len(units) else None
        leads_deck = after is not None and (after.dateline or after.role == "heading"
                                             or _heading_shape(after.text, scraped=after.scraped))
        if before is not None and _is_open(before) and not leads_deck:
            continue
        if not unit.scraped and after is not None and after.role == "body" and not leads_deck \
                and (before is None or before.role != "heading") \
                and _bigram_elsewhere(unit.text, after.text, corpus):
            continue
        unit.role = "heading"


def _join_broken_paragraphs(units: list[Unit], warnings: list[str]) -> list[Unit]:
    out: list[Unit] = []
    cut_off: set[int] = set()
    for unit in units:
        last = out[-1] if out else None
        if last is not None and unit.role == "body" and not unit.dateline and _is_open(last):
            truncated = "page-break" in last.joins and last.tail_length < SHORT_FRAGMENT
            forced = unit.text[:1] in CANNOT_START or last.text[-1] in PAUSES
            if not truncated or forced:
                last.text = join_fragments(last.text, unit.text)
                last.last_line = unit.last_line
                last.byline = unit.byline
                last.cuts.extend(unit.cuts)
                kind = "page-break" if unit.gap_before else "line-break"
                last.joins.extend([kind, *unit.joins])
                last.tail_length = visible_length(unit.text)
                continue
            cut_off.add(id(last))
            warnings.append(
                f"line {last.last_line}: paragraph ends mid-sentence "
                f"(“…{last.text[-8:]}”) and looks cut off in the source; "
                f"line {unit.first_line} starts a new paragraph")
        out.append(unit)
    for unit in out:
        if _is_open(unit) and not unit.scraped and id(unit) not in cut_off:
            warnings.append(f"line {unit.last_line}: paragraph ends without closing "
                            f"punctuation (“…{unit.text[-8:]}”)")
    return out


def segment(lines: tuple[Line, ...], dropped: tuple[str, ...] = ()) -> Segmented:
    """``dropped`` carries what the normalise stage already discarded (pipe-only lines)."""
    dropped_lines = list(dropped)
    warnings: list[str] = []
    units = _read_units(lines)
    for unit in units:
        _classify(unit, dropped_lines)
    units = [u for u in units if u.role != "drop" and (u.text or u.byline or u.dateline)]
    _resolve_plain_headings(units)
    units = _join_broken_paragraphs(units, warnings)
    return Segmented(_merge_byline_units(units), dropped_lines, warnings)


def _merge_byline_units(units: list[Unit]) -> list[Unit]:
    """A byline split over two lines (记者 王军方 / 通讯员 李艳帅 刘琳) is one byline."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last is not None and unit.role == "byline" and last.role == "byline":
            last.byline = _merge_bylines(last.byline, unit.byline)
            last.text = f"{last.text} {unit.text}"
            last.last_line = unit.last_line
            continue
        out.append(unit)
    return out

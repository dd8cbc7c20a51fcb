"""Text checks every markup-writing exporter shares."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..parse.chars import han_only
from ..model import Article
from ..presentation import shown

#: XML 1.0 cannot hold these (C0 controls but tab/newline/return, U+FFFE/FFFF, surrogates)
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str, where: str, warnings: list[str]) -> str:
    """``text`` without characters XML cannot hold; a warning names what went."""
    found = sorted(set(ILLEGAL_XML.findall(text)))
    if not found:
        return text
    codes = "、".join(f"U+{ord(ch):04X}" for ch in found)
    warnings.append(f"{where}: removed character(s) the file format cannot hold: {codes}")
    return ILLEGAL_XML.sub("", text)


def expected_pieces(article: Article, internal: bool = False) -> list[str]:
    """The Han text of each piece an output prints for an article (headline deck,
    bylines, each paragraph and subhead, as presentation.shown has every format print
    them; ``internal``: in an internal publication), the unit a completeness check
    looks for."""
    printed = shown(article, internal)
    pieces = [printed.kicker, printed.heading, printed.subtitle, *printed.bylines,
              *((block.lead or "") + block.text for block in printed.blocks)]
    return [text for text in (han_only(p) for p in pieces if p) if text]


def missing_pieces(articles: Iterable[tuple[str, Article]], printed: str,
                   internal: bool = False) -> list[str]:
    """Where an output's Han text lacks a piece: ``source: “title”: piece…``."""
    stream = han_only(printed)
    problems = []
    # outputs print the pieces in order: each is looked for after the one before (a
    # search of the whole text for each piece makes a long page's check quadratic),
    # and only one that is not there is looked for everywhere (a contents page)
    position = 0
    for where, article in articles:
        for piece in expected_pieces(article, internal):
            found = stream.find(piece, position)
            if found == -1 and len(problems) < MISSING_LOOKED_FOR:
                found = stream.find(piece)
            if found == -1:
                problems.append(f"{where}: “{article.display_title}”: missing “{piece[:24]}"
                                f"{'…' if len(piece) > 24 else ''}”")
            elif found >= position:
                position = found + len(piece)
    return problems


#: after this many pieces missing, the rest are looked for only ahead of the last found
MISSING_LOOKED_FOR = 20


def missing_characters(articles: Iterable[tuple[str, Article]], printed: str,
                       unprintable: frozenset[str] = frozenset(),
                       internal: bool = False) -> list[str]:
    """For page layouts, where furniture (running heads) interrupts paragraphs at page
    breaks: each Han character must appear at least as often as the articles use it."""
    wanted: Counter[str] = Counter()
    owners: dict[str, str] = {}
    for where, article in articles:
        owner = f"{where}: “{article.display_title}”"
        for piece in expected_pieces(article, internal):
            wanted.update(piece)
            for ch in set(piece).difference(owners):
                owners[ch] = owner
    found = Counter(han_only(printed))
    short = sorted(ch for ch, count in wanted.items() if found[ch] < count and ch not in unprintable)
    return [f"{owners[ch]}: {ch} printed {found[ch]} of {wanted[ch]} times" for ch in short]

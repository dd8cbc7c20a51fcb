"""Huge pages read a piece at a time.

A page file of tens of megabytes (a whole archive saved as one file, a
scraped site collapsed into one line) would have the parser keep a reading
of every one of its hundreds of thousands of lines at once. Such a page is
read in pieces of about a million characters, cut where a paragraph ends
(a blank line, else a line end, else a space after a sentence's end), and
the pieces' documents are joined into the page's: an article that a cut
split goes on where it was cut, with the page's line numbers throughout.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from ..model import Article, Document

#: the size of a piece, in characters
PIECE_CHARS = 1_000_000
_SENTENCE_THEN_SPACE = re.compile(r"[。！？!?”」』]\s")


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, str, bool]]:
    """(number of its first line, text, whether it is the last) for each piece of
    ``text``, about ``size`` long."""
    start, line = 0, 1
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            end = _cut(text, start, end, size)
        piece = text[start:end]
        yield line, piece, end == len(text)
        line += piece.count("\n")
        start = end


def _cut(text: str, start: int, end: int, size: int) -> int:
    """Where to end the piece ``text[start:end]``: after a paragraph, if one ends near."""
    low = max(start + 1, end - size // 5)
    for mark in ("\n\n", "\n"):
        at = text.rfind(mark, low, end)
        if at != -1:
            return at + len(mark)
    last = None
    for last in _SENTENCE_THEN_SPACE.finditer(text, low, end):
        pass
    if last is not None:
        return last.end()
    at = text.rfind(" ", low, end)
    return at + 1 if at != -1 else end


def joined(documents: list[Document]) -> Document:
    """The pieces' documents as the page's: an article a cut split (the next piece opens
    with text that has no headline and no dateline of its own) goes on."""
    first = documents[0]
    articles: list[Article] = []
    warnings: list[str] = []
    dropped: list[str] = []
    for number, document in enumerate(documents):
        pieces_articles = list(document.articles)
        if number and articles and pieces_articles and _continues(pieces_articles[0]):
            head = pieces_articles.pop(0)
            articles[-1] = replace(articles[-1], body=articles[-1].body + head.body,
                                   truncated=head.truncated,
                                   bylines=articles[-1].bylines + head.bylines,
                                   reporters=tuple(dict.fromkeys(articles[-1].reporters + head.reporters)),
                                   correspondents=tuple(dict.fromkeys(
                                       articles[-1].correspondents + head.correspondents)),
                                   other_bylines=tuple(dict.fromkeys(
                                       articles[-1].other_bylines + head.other_bylines)))
        elif articles and articles[-1].truncated:
            articles[-1] = replace(articles[-1], truncated=False)  # a cut, not the page's end
        articles.extend(pieces_articles)
        last = number == len(documents) - 1
        warnings.extend(w for w in document.warnings
                        if not (number and "has no headline in the source" in w)
                        and not (not last and "the page's text stops inside" in w))
        dropped.extend(document.dropped)
    districts = Counter(d.district for d in documents if d.district)
    return replace(first, articles=tuple(articles), warnings=tuple(warnings),
                   dropped=tuple(dropped),
                   district=districts.most_common(1)[0][0] if districts else None,
                   sections=tuple(dict.fromkeys(s for d in documents for s in d.sections)),
                   reading=tuple(r for d in documents for r in d.reading))


def _continues(article: Article) -> bool:
    return not (article.title or article.kicker or article.subtitle or article.dateline)


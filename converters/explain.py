"""``pressroom parse --explain FILE``: every source line with the role it was given and why.

An editor checking a misread page sees, line by line, what the parser took
for chrome, the headline index, the deck, bylines, captions and text, the
main reason for each, and then the articles it made.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .model import Document
from .parse.chars import display_width
from .parse.options import ParseOptions
from .parse.reading import read_page

_WIDTH = 44


def _clip(text: str, width: int) -> str:
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            return out + "…"
        out += ch
    return out + " " * (width - display_width(out))


def line_roles(reading: Iterable[tuple[int, int, str, str]]) -> dict[int, tuple[str, str]]:
    """Physical line → (role, reason), from a document's ``reading`` (the units that
    cover each line)."""
    roles: dict[int, tuple[str, str]] = {}
    for first, last, role, why in reading:
        for number in range(first, last + 1):
            roles.setdefault(number, (role, why))
    return roles


def source_lines(text: str) -> Iterator[tuple[int, str]]:
    """The page's non-blank lines, numbered as in the file, stripped."""
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        if line.strip():
            yield number, line.strip()


def explain_text(text: str, name: str, options: ParseOptions = ParseOptions()) -> str:
    # imported here: the review's page views, written by a build's own process, use the
    # helpers above, and that process leaves parsing (and the parser) to a worker
    from .parse.pipeline import document_from, read_roles

    document = document_from(read_roles(text, options=options, explain=True), name)
    roles = line_roles(document.reading)
    out = [f"{name}: {len(document.articles)} article(s), district {document.district or '—'}"]
    for number, line in source_lines(text):
        role, why = roles.get(number, ("chrome", "table pipes or blank markup only"))
        out.append(f"{number:4d}  {role:<10} {_clip(line, _WIDTH)}  {why}")
    out.append("")
    out.extend(describe(document))
    return "\n".join(out) + "\n"


def describe(document: Document) -> list[str]:
    facts = [f"{label} {value}" for label, value in (
        ("paper", document.paper), ("page", " ".join(filter(None, (document.page_number,
                                                                  document.page_name)))),
        ("published", document.published)) if value]
    out = ["page: " + ("; ".join(facts) if facts else "the chrome names no paper, page or date")]
    for number, article in enumerate(document.articles, 1):
        out.append(f"article {number}: {article.display_title}")
        for label, value in (("kicker", article.kicker), ("subtitle", article.subtitle),
                             ("dateline", article.dateline),
                             ("reporters", "、".join(article.reporters)),
                             ("correspondents", "、".join(article.correspondents)),
                             ("others", "、".join(map(str, article.other_bylines))),
                             ("captions", " / ".join(article.captions)),
                             ("district", article.district), ("subdistrict", article.subdistrict),
                             ("date", article.date)):
            if value:
                out.append(f"    {label}: {value}")
        out.append(f"    {len(article.paragraphs)} paragraph(s), {len(article.subheads)} subhead(s)"
                   + (", cut off: the page's text stops inside it" if article.truncated else ""))
    for warning in document.warnings:
        out.append(f"warning: {warning}")
    return out


def explain_file(path, options: ParseOptions = ParseOptions()) -> str:  # type: ignore[no-untyped-def]
    raw = read_page(path)
    return explain_text(raw.text, raw.name, options)

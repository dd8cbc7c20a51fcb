"""``pressroom parse --explain FILE``: every source line with the role it was given and why.

An editor checking a misread page sees, line by line, what the parser took
for chrome, the headline index, the deck, bylines, captions and text, the
main reason for each, and then the articles it made.
"""
from __future__ import annotations

import re

from .model import Document
from .parse.normalise import display_width
from .parse.pipeline import ParseOptions, ReadPage, document_from, read_roles
from .parse.reading import decode_page, page_bytes

ROLE_NAMES = {
    "chrome": "页面杂项", "index": "版面导航", "page-title": "版面标题", "section": "栏目/街道",
    "kicker": "引题", "title": "标题", "subtitle": "副题", "subhead": "小标题", "byline": "署名",
    "caption": "图片说明", "body": "正文", "editor": "编辑",
}
_WIDTH = 44


def _clip(text: str, width: int) -> str:
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            return out + "…"
        out += ch
    return out + " " * (width - display_width(out))


def _line_roles(page: ReadPage, count: int) -> dict[int, tuple[str, str]]:
    """Physical line → (role, reason), from the units that cover it."""
    roles: dict[int, tuple[str, str]] = {}
    for unit in page.units:
        for number in range(unit.first_line, unit.last_line + 1):
            if number not in roles:
                roles[number] = (unit.hint or unit.role, unit.reason)
    return roles


def explain_text(text: str, name: str, options: ParseOptions = ParseOptions()) -> str:
    page = read_roles(text, options=options, explain=True)
    document = document_from(page, name)
    raw_lines = re.split(r"\r\n|\r|\n", text)
    roles = _line_roles(page, len(raw_lines))
    out = [f"{name}: {len(document.articles)} article(s), district {document.district or '—'}"]
    for number, raw in enumerate(raw_lines, 1):
        if not raw.strip():
            continue
        role, why = roles.get(number, ("chrome", "table pipes or blank markup only"))
        out.append(f"{number:4d}  {role:<10} {_clip(raw.strip(), _WIDTH)}  {why}")
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
    raw = decode_page(path.name, page_bytes(path))
    return explain_text(raw.text, raw.name, options)

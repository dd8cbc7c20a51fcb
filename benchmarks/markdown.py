"""The edition as pandoc markdown and as typst markup: what the other side of a
benchmark converts."""
from __future__ import annotations

from collections.abc import Iterator

from converters.edition import Edition


def _walk(edition: Edition) -> Iterator[tuple[str, str]]:
    """The edition in reading order as (kind, text): district, section, title,
    byline, subhead, paragraph."""
    for part in edition.districts:
        yield "district", part.name
        for section in part.sections:
            yield "section", section.name
            for entry in section.entries:
                article = entry.article
                yield "title", article.display_title
                if article.bylines:
                    yield "byline", "　".join(article.bylines)
                for block in article.body:
                    yield block.kind, block.text


MARKDOWN_HEADINGS = {"district": "# ", "section": "## ", "title": "### ", "subhead": "#### "}


def edition_markdown(edition: Edition) -> str:
    lines = [f"% {edition.title}", ""]
    for kind, text in _walk(edition):
        if kind in ("subhead", "paragraph"):
            text = text.replace("*", "\\*").replace("#", "\\#")
        lines += [MARKDOWN_HEADINGS.get(kind, "") + text, ""]
    return "\n".join(lines)


TYPST_SPECIAL = str.maketrans({ch: f"\\{ch}" for ch in "\\#*_`$<>@[]=-+/~"})
TYPST_HEADINGS = {"district": "= ", "section": "== ", "title": "=== ", "subhead": "==== "}


def _typst(text: str) -> str:
    return text.translate(TYPST_SPECIAL)


def edition_typst(edition: Edition, serif: str, sans: str) -> str:
    """The edition as typst markup in the bulletin's shape: A4, two columns, 五号 serif
    body justified with a 2 em indent, sans headings — what typst is given to match."""
    lines = [
        '#set document(title: "{}")'.format(_typst(edition.title).replace('"', '\\"')),
        '#set page(paper: "a4", margin: (top: 22mm, bottom: 20mm, inside: 20mm, outside: 18mm),'
        ' columns: 2, numbering: "1")',
        f'#set text(font: "{serif}", size: 10.5pt, lang: "zh", region: "cn")',
        "#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 0.75em)",
        f'#show heading: set text(font: "{sans}")',
        "#outline()", "",
    ]
    for kind, text in _walk(edition):
        if kind == "district":
            lines.append("#pagebreak(weak: true)")
        lines += [TYPST_HEADINGS.get(kind, "") + _typst(text), ""]
    return "\n".join(lines)

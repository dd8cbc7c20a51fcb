"""The edition as pandoc markdown: what the pandoc side of a benchmark converts."""
from __future__ import annotations

from converters.edition import Edition


def edition_markdown(edition: Edition) -> str:
    lines = [f"% {edition.title}", ""]
    for part in edition.districts:
        lines += [f"# {part.name}", ""]
        for section in part.sections:
            lines += [f"## {section.name}", ""]
            for entry in section.entries:
                article = entry.article
                lines += [f"### {article.display_title}", ""]
                if article.bylines:
                    lines += ["　".join(article.bylines), ""]
                for block in article.body:
                    text = block.text.replace("*", "\\*").replace("#", "\\#")
                    lines += [f"#### {text}" if block.kind == "subhead" else text, ""]
    return "\n".join(lines)


TYPST_SPECIAL = str.maketrans({ch: f"\\{ch}" for ch in "\\#*_`$<>@[]=-+/~"})


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
    for part in edition.districts:
        lines += ["#pagebreak(weak: true)", f"= {_typst(part.name)}", ""]
        for section in part.sections:
            lines += [f"== {_typst(section.name)}", ""]
            for entry in section.entries:
                article = entry.article
                lines += [f"=== {_typst(article.display_title)}", ""]
                if article.bylines:
                    lines += [_typst("　".join(article.bylines)), ""]
                for block in article.body:
                    text = _typst(block.text)
                    lines += [f"==== {text}" if block.kind == "subhead" else text, ""]
    return "\n".join(lines)

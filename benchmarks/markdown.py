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

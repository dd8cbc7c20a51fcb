"""The readable outline ``pressroom parse`` prints for a person to check before printing."""
from __future__ import annotations

from .parse.gazetteer import Gazetteer, default_gazetteer
from .model import Article, Collection

NO_DISTRICT = "（区县未识别）"
DISTRICT_LEVEL = "（区级）"


def byline_summary(article: Article) -> str:
    """The bylines as printed: role words and affiliations (新郑时报) matter to editors."""
    return " / ".join(article.bylines) or "无署名"


def render_outline(collection: Collection, gazetteer: Gazetteer | None = None) -> str:
    gazetteer = gazetteer or default_gazetteer()
    lines: list[str] = []
    by_district: dict[str, list[tuple[str, Article]]] = {}
    for document in collection.documents:
        for article in document.articles:
            by_district.setdefault(article.district or NO_DISTRICT, []).append(
                (document.source, article))
    for district in sorted(by_district, key=gazetteer.order):
        entries = by_district[district]
        lines.append(f"{district}  ({len(entries)} 篇)")
        by_sub: dict[str, list[tuple[str, Article]]] = {}
        for source, article in entries:
            by_sub.setdefault(article.subdistrict or DISTRICT_LEVEL, []).append((source, article))
        for subdistrict, items in by_sub.items():
            lines.append(f"  {subdistrict}")
            for source, article in items:
                flags = f"{article.dateline} " if article.dateline else ""
                date = f" {article.date}" if article.date else ""
                lines.append(f"    · {article.display_title}")
                lines.append(f"        {flags}{byline_summary(article)}{date} · "
                             f"{len(article.paragraphs)} 段"
                             + (f" · {len(article.subheads)} 小标题" if article.subheads else "")
                             + f" · {source}")
    lines.append("")
    for document in collection.documents:
        header = f"{document.source}: {len(document.articles)} articles, district " \
                 f"{document.district or '?'}"
        if document.page_title:
            header += f", page title “{document.page_title}”"
        lines.append(header)
        for item in document.dropped:
            lines.append(f"    dropped: {item}")
        for warning in document.warnings:
            lines.append(f"    warning: {warning}")
    for problem in collection.problems:
        lines.append(f"error: {problem}")
    return "\n".join(lines) + "\n"

"""EPUB compilations grouped by district, for phones, tablets and e-readers."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...layout import load_layout
from .. import BuildOptions, Context, Exporter, Job, Report, Verdict, layout_name, whole_and_split

if TYPE_CHECKING:  # a build with nothing to do loads the exporter, not the model
    from ...edition import Edition
    from ...model import Article


def article_file(key: str) -> str:
    """An article's page in the book (also where the review says it is)."""
    return f"text/{key}.xhtml"


class EpubExporter(Exporter):
    name = "epub"
    description = "EPUB 3 book, a part per district (epubcheck-clean; --embed-fonts)"
    default_layout = "default"
    extension = "epub"
    media_type = "application/epub+zip"
    #: a corrected book takes the unchanged pages of the book it replaces as they are
    reuses_output = True

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]:
        return whole_and_split(edition, options, "epub")

    def character_set_key(self, characters: str, options: BuildOptions) -> str | None:
        # only an embedded font is subset to the edition
        return characters if options.embed_fonts else None

    def load_libraries(self) -> None:
        # Jinja2, ebooklib and Pillow, in the main process while the pages are parsed:
        # the worker that writes the book inherits them (and the review page, written
        # here, needs Jinja2 anyway)
        from . import book  # noqa: F401

    def write(self, job: Job, target: Path, options: BuildOptions,
              context: Context | None = None) -> Report:
        from .book import build_book  # Jinja2 and Pillow load slowly; a no-op build needs none

        layout = load_layout(layout_name(self, options), "epub")
        report = Report(places={entry.key: article_file(entry.key)
                                for entry in job.edition.entries})
        build_book(job.edition, layout, target, embed_fonts=options.embed_fonts,
                   warnings=report.warnings, context=Context.of(context))
        return report

    def verify(self, path: Path, articles: list[tuple[str, Article]],
               unprintable: frozenset[str] = frozenset(), internal: bool = False) -> Verdict:
        from .verify import verify_epub

        return verify_epub(path, articles, internal)

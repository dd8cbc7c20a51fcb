"""EPUB compilations grouped by district, for phones, tablets and e-readers."""
from __future__ import annotations

from pathlib import Path

from ...edition import Edition
from ...layout import load_layout
from .. import BuildOptions, Job, Report, whole_and_split
from .book import build_book

DEFAULT_LAYOUT = "default"


class EpubExporter:
    name = "epub"
    description = "EPUB 3 book, a part per district (epubcheck-clean; --embed-fonts)"

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]:
        return whole_and_split(edition, options, "epub")

    def write(self, job: Job, target: Path, options: BuildOptions) -> Report:
        layout = load_layout(options.layout_for("epub") or DEFAULT_LAYOUT, "epub")
        report = Report()
        build_book(job.edition, layout, target, embed_fonts=options.embed_fonts,
                   warnings=report.warnings)
        return report

"""Word reports: one .docx per district (and with --combined one of all), no fonts embedded."""
from __future__ import annotations

from pathlib import Path

from ...edition import Edition
from ...layout import load_layout
from .. import BuildOptions, Job, Report
from ..archive import make_reproducible
from .report import build_report

DEFAULT_LAYOUT = "official"


class DocxExporter:
    name = "docx"
    description = "Word reports, one per district (GB/T 9704 layout; --combined for all)"

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]:
        jobs = [Job(f"{part.slug}.docx", edition.only(part)) for part in edition.districts]
        if options.combined:
            jobs.append(Job(f"{edition.settings.slug}.docx", edition))
        return jobs

    def write(self, job: Job, target: Path, options: BuildOptions) -> Report:
        edition = job.edition
        layout = load_layout(options.layout_for("docx") or DEFAULT_LAYOUT, "docx")
        reference = layout.get("reference")
        single = len(edition.districts) == 1
        title = edition.districts[0].name if single else edition.title
        warnings = build_report(edition, layout, target, title=title,
                                   reference=Path(reference) if reference else None)
        make_reproducible(target, edition.date)
        return Report(warnings=warnings)

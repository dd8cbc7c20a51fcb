"""The PDF bulletin exporter (ReportLab, with Chinese line composition of our own)."""
from __future__ import annotations

from pathlib import Path

from ...edition import Edition
from ...layout import load_layout
from .. import BuildOptions, Job, Report, whole_and_split
from .document import render_pdf
from .styles import build_layout

DEFAULT_LAYOUT = "bulletin"


class PdfExporter:
    name = "pdf"
    description = "print-ready PDF bulletin (ReportLab; cover, contents, bookmarks)"

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]:
        return whole_and_split(edition, options, "pdf")

    def write(self, job: Job, target: Path, options: BuildOptions) -> Report:
        edition = job.edition
        data = load_layout(options.layout_for("pdf") or DEFAULT_LAYOUT, "pdf")
        layout = build_layout(data, edition.characters(), print_marks=options.print_marks)
        state = render_pdf(edition, layout, target)
        report = Report(pages=state.page_count)
        by_key = {entry.key: entry for entry in edition.entries}
        for key, missing in sorted(state.missing.items()):
            if not missing.characters:
                continue
            entry = by_key.get(key)
            where = f"{entry.source}: “{entry.article.display_title}”" if entry else "page furniture"
            listed = "、".join(f"{ch} (U+{ord(ch):04X})" for ch in sorted(missing.characters))
            report.warnings.append(f"{where}: no configured font has {listed}; "
                                   f"it prints as an empty box in {job.name}")
        return report

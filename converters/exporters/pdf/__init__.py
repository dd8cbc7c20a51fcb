"""The PDF bulletin exporter (ReportLab, with Chinese line composition of our own)."""
from __future__ import annotations

from pathlib import Path

from ...edition import Edition
from ...model import Article
from ...layout import load_layout
from .. import BuildOptions, Job, Report, Verdict, layout_name, whole_and_split


class PdfExporter:
    name = "pdf"
    description = "print-ready PDF bulletin (ReportLab; cover, contents, bookmarks)"
    default_layout = "bulletin"
    cost = 4.0  # typesetting every line costs more than writing markup
    # depends_on_character_set: the default, True — a district's PDF embeds font
    # subsets of the whole edition's characters

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]:
        return whole_and_split(edition, options, "pdf")

    def write(self, job: Job, target: Path, options: BuildOptions) -> Report:
        from .document import render_pdf  # ReportLab loads slowly; a no-op build needs none
        from .styles import build_layout

        edition = job.edition
        data = load_layout(layout_name(self, options), "pdf")
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

    def verify(self, path: Path, articles: list[tuple[str, Article]]) -> Verdict:
        from .verify import verify_pdf

        return verify_pdf(path, articles)

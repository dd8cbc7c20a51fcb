"""Word reports: one .docx per district (and with --combined one of all), no fonts embedded."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...layout import load_layout
from .. import BuildOptions, Context, Exporter, Job, Report, Verdict, layout_name

if TYPE_CHECKING:  # a build with nothing to do loads the exporter, not the model
    from ...edition import Edition
    from ...model import Article


class DocxExporter(Exporter):
    name = "docx"
    description = "Word reports, one per district (GB/T 9704 layout; --combined for all)"
    default_layout = "official"
    extension = "docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]:
        jobs = [Job(f"{district.slug}.docx", edition.only(district)) for district in edition.districts]
        if options.combined:
            jobs.append(Job(f"{edition.slug}.docx", edition))
        return jobs

    def character_set_key(self, characters: str, options: BuildOptions) -> str | None:
        return None  # no fonts embedded: a report holds its own district's text only

    def load_libraries(self) -> None:
        # python-docx and lxml, in the main process while the pages are parsed (it
        # waits for the parsing workers there): every worker that writes a report
        # inherits them instead of importing them itself
        from . import body  # noqa: F401

    def write(self, job: Job, target: Path, options: BuildOptions,
              context: Context | None = None) -> Report:
        from .body import build_report

        edition = job.edition
        layout = load_layout(layout_name(self, options), "docx")
        reference = layout.get("reference")
        single = len(edition.districts) == 1
        title = edition.districts[0].name if single else edition.title
        warnings = build_report(edition, layout, target, title=title,
                                reference=Path(reference) if reference else None,
                                store=Context.of(context).store)
        return Report(warnings=warnings)

    def verify(self, path: Path, articles: list[tuple[str, Article]],
               unprintable: frozenset[str] = frozenset(), internal: bool = False) -> Verdict:
        from .verify import verify_docx

        return verify_docx(path, articles, internal)

"""Exporters, found by name through the ``pressroom.exporters`` entry-point group.

Like Sphinx builders: a separate package adds a format by declaring

    [project.entry-points."pressroom.exporters"]
    myformat = "mypackage.module:MyExporter"

An exporter plans its outputs for an edition (``plan``) and writes one
(``write``); the build command does the rest (paths, temporary files,
reporting).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..entrypoints import EntryPoint, entry_points_of
from ..errors import PressroomError
from ..layout import search_dirs

if TYPE_CHECKING:  # the grouping is not needed to find or stamp an exporter
    from ..edition import Edition

GROUP = "pressroom.exporters"


@dataclass(frozen=True)
class BuildOptions:
    #: a layout name or path; a name applies to every format that has a layout of
    #: that name, so `--layout report` means the report look wherever there is one
    layout: str | None = None
    split: str | None = None          # "district": one output per district as well
    print_marks: bool = False         # PDF: bleed, trim box and crop marks
    combined: bool = False            # DOCX: one report of all districts as well
    embed_fonts: bool = False         # EPUB: embed the serif face, subset
    reference_doc: str | None = None  # DOCX: a user's reference.docx (styles, page, headers)

    def layout_for(self, fmt: str) -> str | None:
        """The layout for ``fmt``: a path as given, a name only where ``fmt`` has one."""
        if self.layout is None or self.layout.endswith(".toml"):
            return self.layout
        return self.layout if any((d / f"{self.layout}.toml").is_file()
                                  for d in search_dirs(fmt)) else None


@dataclass(frozen=True)
class Job:
    """One output file: where it goes (relative to the format's folder) and what it holds."""

    name: str
    edition: Edition


@dataclass(frozen=True)
class Part:
    """A piece of one output made on its own (a district of the bulletin PDF): in
    parallel with the others, and kept for the next build while it is unchanged."""

    key: str          # unique within its job and safe in a file name
    edition: Edition  # what it holds
    #: when set, all the part is made from besides the format's settings and the
    #: character set, in place of its articles: front matter that shows only
    #: titles is kept when a body is corrected
    fingerprint: str | None = None
    #: its share of the work its edition's text would suggest (for scheduling)
    weight: float = 1.0


@dataclass
class Report:
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    #: characters no font of the output has (they print as empty boxes): a warning the
    #: build gives, and the check knows of (the two agree on what is a problem)
    unprintable: set[str] = field(default_factory=set)


@dataclass
class Verdict:
    """What ``pressroom check`` found in one output: problems fail the check, notes do not."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def whole_and_split(edition: Edition, options: BuildOptions, extension: str) -> list[Job]:
    """The edition as one file, and with ``--split district`` one file per district."""
    jobs = [Job(f"{edition.slug}.{extension}", edition)]
    if options.split == "district":
        jobs += [Job(f"{part.slug}.{extension}", edition.only(part)) for part in edition.districts]
    return jobs


class Exporter(Protocol):
    name: str
    description: str
    #: the layout used when ``--layout`` names none this format has
    default_layout: str

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]: ...

    def write(self, job: Job, target: Path, options: BuildOptions) -> Report: ...

    # Optional, for the build's scheduler and its incremental check:
    #   cost: float — work per character relative to the others (default 1),
    #     so the longest outputs start first;
    #   depends_on_character_set(options) -> bool — True (the default) when an
    #     output's bytes depend on every character of the edition (a font subset
    #     shared by a district's output and the whole edition's);
    #   character_set_key(characters) -> str — the part of the character set
    #     that matters, when not all of it does;
    #   verify(path, articles) -> Verdict — for `pressroom check`: does the file
    #     open with an independent reader, and does it hold every article's text?
    #     ``articles`` are (page file name, Article) pairs.
    #   parts(job, options) -> list[Part], write_part(job, part, target, options)
    #     -> dict (JSON: what assembling needs to know), and assemble(job, target,
    #     options, [(part file, that dict)]) -> Report — an output made in parts.
    #     The build writes the parts in its worker processes, keeps them in the
    #     build folder and assembles the output as soon as its parts are there;
    #     ``write`` must still make the whole output on its own. With parts,
    #     prepare(job, options) is called in the main process before the workers
    #     start: what it loads (fonts), the assembling and the workers share.
    #   reuses_parts = True — write_part also takes ``previous=(part file, its
    #     dict)``: the part of the same key it replaces (an earlier build's, made
    #     with the same settings, layout and fonts), so it may reuse pieces of it.
    #   reuses_output = True — write also takes ``replacing=path``: where the output
    #     goes once written. A file there is an earlier build's (made however), and
    #     the exporter may reuse pieces of it that it can prove unchanged.
    #   load_libraries() — import what the main process needs anyway (ReportLab,
    #     to assemble the bulletin); called while workers parse the pages, and
    #     the workers forked to write inherit it. (Libraries only workers need
    #     are better imported by each worker, in parallel: measured.)
    #   load_writing_libraries() — import everything writing needs: a process
    #     that stays (build --watch) calls it once, so that the workers it forks
    #     for every later build have them.


def load_libraries(exporter: Exporter) -> None:
    load = getattr(exporter, "load_libraries", None)
    if load is not None:
        load()


def load_writing_libraries(exporter: Exporter) -> None:
    load_libraries(exporter)
    load = getattr(exporter, "load_writing_libraries", None)
    if load is not None:
        load()


def has_parts(exporter: Exporter) -> bool:
    return all(hasattr(exporter, name) for name in ("parts", "write_part", "assemble"))


def layout_name(exporter: Exporter, options: BuildOptions) -> str:
    return options.layout_for(exporter.name) or exporter.default_layout


def cost_of(exporter: Exporter) -> float:
    return float(getattr(exporter, "cost", 1.0))


def depends_on_character_set(exporter: Exporter, options: BuildOptions) -> bool:
    check = getattr(exporter, "depends_on_character_set", None)
    return True if check is None else bool(check(options))


def character_set_key(exporter: Exporter, characters: str) -> str:
    """What of the edition's characters its outputs depend on (all, unless the
    exporter says less: its fonts' subsets always cover the common ones)."""
    key = getattr(exporter, "character_set_key", None)
    return characters if key is None else str(key(characters))


class UnknownFormat(PressroomError):
    pass


def available() -> dict[str, EntryPoint]:
    """Registered exporters by name."""
    return dict(_registered())


@cache
def _registered() -> tuple[tuple[str, EntryPoint], ...]:
    # One command asks several times (the format list, each format's
    # exporter); what is installed does not change while it runs.
    return tuple((point.name, point) for point in entry_points_of(GROUP))


def load(name: str) -> Exporter:
    points = available()
    if name not in points:
        raise UnknownFormat(f"no exporter named “{name}” (registered: {', '.join(points) or 'none'})")
    return points[name].load()()

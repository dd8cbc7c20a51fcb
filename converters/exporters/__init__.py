"""Exporters, found by name through the ``pressroom.exporters`` entry-point group.

Like Sphinx builders: a separate package adds a format by declaring

    [project.entry-points."pressroom.exporters"]
    myformat = "mypackage.module:MyExporter"

An exporter is a subclass of :class:`Exporter`: it plans its outputs for an
edition (``plan``) and writes one (``write``); the build does the rest (what is
out of date, paths, temporary files, workers, reporting).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import PressroomError
from ..layout import search_dirs

if TYPE_CHECKING:  # the grouping is not needed to find or stamp an exporter
    from importlib.metadata import EntryPoint

    from ..edition import Edition
    from ..model import Article
    from ..store import Store

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


@dataclass(frozen=True)
class Context:
    """What the build lends an exporter for one output (or part): the store, for the
    pieces it keeps between builds (prepared fonts, templates, covers), and what an
    earlier build made that this one replaces, where the exporter declared it can
    reuse pieces of it."""

    store: Store
    #: the file this output replaces (``reuses_output``): an earlier build's, made however
    earlier_output: Path | None = None
    #: the part this one replaces (``reuses_parts``) with what assembling knew of it,
    #: made with the same settings, layout and fonts
    earlier_part: tuple[Path, dict[str, Any]] | None = None

    @classmethod
    def of(cls, context: Context | None) -> Context:
        """``context``, or for an exporter called on its own (no build): the user's
        store, nothing earlier."""
        if context is not None:
            return context
        from ..store import user_store

        return cls(user_store())


@dataclass
class Report:
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    #: characters no font of the output has (they print as empty boxes): a warning the
    #: build gives, and the check knows of (the two agree on what is a problem)
    unprintable: set[str] = field(default_factory=set)
    #: where each article is in the file (its key in the job's edition → a place a
    #: reader opens: ``#page=12``, ``text/a0001.xhtml``), for the editor's review page
    places: dict[str, str] = field(default_factory=dict)


@dataclass
class Verdict:
    """What ``pressroom check`` found in one output: problems fail the check, notes do not."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def whole_name(edition: Edition, extension: str) -> str:
    """The file name of the whole edition's output (bulletin-2021-06.pdf)."""
    return f"{edition.slug}.{extension}"


def whole_and_split(edition: Edition, options: BuildOptions, extension: str) -> list[Job]:
    """The edition as one file, and with ``--split district`` one file per district."""
    jobs = [Job(whole_name(edition, extension), edition)]
    if options.split == "district":
        jobs += [Job(f"{district.slug}.{extension}", edition.only(district))
                 for district in edition.districts]
    return jobs


class Exporter:
    """What every format is: subclass it, set the attributes, write ``plan`` and
    ``write``; everything else has a default that is right for a new format.

    An exporter only renders. Whether an output is rebuilt, where its file goes and
    what is kept for the next build are the build's business: it asks the exporter
    what an output depends on (``character_set_key``), and lends it a
    :class:`Context`: the store for what it keeps, and what an earlier build made
    when the exporter says it can use it (``reuses_parts``, ``reuses_output``).
    Called on its own (no context), an exporter gets the user's store and nothing
    earlier.
    """

    #: the format's name: ``--format NAME`` and the output folder ``build/NAME/``
    name: ClassVar[str] = ""
    #: one line for ``pressroom formats``
    description: ClassVar[str] = ""
    #: the layout used when ``--layout`` names none this format has; None for a
    #: format that has no layouts (its look is its code's)
    default_layout: ClassVar[str | None] = None
    #: the kind of file it writes: its extension and media type
    extension: ClassVar[str] = ""
    media_type: ClassVar[str] = "application/octet-stream"
    #: work per character relative to the other formats (the longest outputs start first)
    cost: ClassVar[float] = 1.0
    #: an output is typeset in parts (``parts``, ``write_part``, ``assemble``) that the
    #: build makes in parallel and keeps while they are unchanged
    in_parts: ClassVar[bool] = False
    #: ``write_part`` can use the part it replaces (``context.earlier_part``) to reuse
    #: pieces of it
    reuses_parts: ClassVar[bool] = False
    #: ``write`` can use the file it replaces (``context.earlier_output``) to reuse
    #: pieces it can prove unchanged
    reuses_output: ClassVar[bool] = False

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]:
        raise NotImplementedError(f"the {self.name} exporter plans no outputs")

    def write(self, job: Job, target: Path, options: BuildOptions,
              context: Context | None = None) -> Report:
        raise NotImplementedError(f"the {self.name} exporter writes nothing")

    def character_set_key(self, characters: str, options: BuildOptions) -> str | None:
        """What of the edition's characters an output's bytes depend on besides its
        own articles' (a font subset shared by every district's output), or None.
        The default, all of them, is safe: a format that needs less says so."""
        return characters

    def verify(self, path: Path, articles: list[tuple[str, Article]],
               unprintable: frozenset[str] = frozenset(), internal: bool = False) -> Verdict:
        """For ``pressroom check``: does the file open with a reader that is not our
        writer, and does it hold every article's text? ``articles`` are (page file
        name, Article) pairs; ``unprintable`` the characters the build warned no
        font has; ``internal``: an internal publication's, printed as one
        (presentation.shown)."""
        return Verdict(notes=[f"the {self.name} exporter cannot verify its outputs: only "
                              "the file's presence and checksum were checked"])

    # --- an output made in parts (in_parts = True) ---
    def parts(self, job: Job, options: BuildOptions) -> list[Part]:
        raise NotImplementedError(f"the {self.name} exporter is not made in parts")

    def write_part(self, job: Job, part: Part, target: Path, options: BuildOptions,
                   context: Context | None = None) -> dict[str, Any]:
        """Write one part; return what assembling needs to know of it (JSON)."""
        raise NotImplementedError(f"the {self.name} exporter is not made in parts")

    def assemble(self, job: Job, target: Path, options: BuildOptions,
                 parts: list[tuple[Path, dict[str, Any]]], context: Context | None = None) -> Report:
        raise NotImplementedError(f"the {self.name} exporter is not made in parts")

    def prepare(self, job: Job, options: BuildOptions, context: Context | None = None) -> None:
        """Called in the build's main process before the workers that write the parts
        start: what it loads (fonts), the assembling and the workers share."""

    # --- libraries loaded ahead of need ---
    def load_libraries(self) -> None:
        """Import, while a worker parses the pages, the libraries writing needs
        (ReportLab, python-docx, Jinja2): the build's main process waits for the
        parsing worker anyway, and the workers forked to write inherit them instead
        of each importing them again."""

    def load_writing_libraries(self) -> None:
        """Import everything writing needs: a process that stays (``build --watch``)
        calls it once, so the workers it forks for every later build have them."""
        self.load_libraries()


def layout_name(exporter: Exporter, options: BuildOptions) -> str | None:
    """The layout an output of ``exporter`` is made with (None: the format has none)."""
    return options.layout_for(exporter.name) or exporter.default_layout


class UnknownFormat(PressroomError):
    pass


def available() -> dict[str, EntryPoint]:
    """Registered exporters by name."""
    return dict(_registered())


@cache
def _registered() -> tuple[tuple[str, EntryPoint], ...]:
    # One command asks several times (the format list, each format's
    # exporter); what is installed does not change while it runs.
    from importlib.metadata import entry_points

    found: dict[str, EntryPoint] = {}
    for point in entry_points(group=GROUP):  # the first of a name wins, as importlib's
        found.setdefault(point.name, point)
    return tuple(sorted(found.items()))


def load(name: str) -> Exporter:
    points = available()
    if name not in points:
        raise UnknownFormat(f"no exporter named “{name}” (registered: {', '.join(points) or 'none'})")
    point = points[name]
    try:
        found = point.load()
    except Exception as exc:  # noqa: BLE001 - a third party's package: any error is theirs
        raise UnknownFormat(f"the exporter registered as “{name}” ({point.value}) cannot be "
                            f"loaded: {type(exc).__name__}: {exc}") from None
    exporter = found() if isinstance(found, type) and issubclass(found, Exporter) else None
    if not isinstance(exporter, Exporter):
        raise UnknownFormat(f"the exporter registered as “{name}” ({points[name].value}) is not "
                            "a converters.exporters.Exporter: subclass it")
    return exporter

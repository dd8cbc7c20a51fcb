"""The ``pressroom`` commands (click), run by cli.main when a repeat cannot be answered."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NoReturn

import click

from . import __version__
from .build.processes import stop_on_sigterm
from .build.repeat import remember as remember_repeat
from .build.results import BuildResult
from .config import CONFIG_NAME, load_settings
from .errors import PressroomError
from .exporters import BuildOptions, UnknownFormat, available, load
from .files import file_state, system_said

if TYPE_CHECKING:
    from .build.run import Session
    from .editions import EditionSource

# The parser, the exporters and their libraries are imported where they are
# used, so that a build with nothing to do answers in a blink.


class Commands(click.Group):
    """The commands here, and those defined beside what they drive, imported only
    when named (click's lazy subcommands): a build does not load the mail, the
    catalog and the web server."""

    ELSEWHERE: ClassVar[dict[str, str]] = {"cache": "converters.cache",
                                           "mail": "converters.delivery.commands",
                                           "serve": "converters.delivery.serve"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.ELSEWHERE])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.ELSEWHERE:
            import importlib

            return getattr(importlib.import_module(self.ELSEWHERE[name]), name)  # type: ignore[no-any-return]
        return super().get_command(ctx, name)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pressroom")
def commands() -> None:
    """Pressroom: newspaper-page text files → PDF bulletins, Word reports, EPUB books."""


@commands.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the article model as JSON (schema 2).")
@click.option("--explain", is_flag=True,
              help="Print every source line with the role it was given and why, then the articles.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.option("--keep-punctuation", is_flag=True,
              help="Keep ASCII ,;:?!() between Han characters as they are.")
@click.option("--simplified", is_flag=True,
              help="Convert traditional characters to simplified ones (OpenCC t2s).")
def parse(paths: tuple[Path, ...], as_json: bool, explain: bool, output: Path | None,
          keep_punctuation: bool, simplified: bool) -> None:
    """Parse page files (or directories of them) into articles.

    Without --json, prints an outline to check before printing: district →
    办事处/街道 → article, with byline, paragraph count and warnings. With
    --explain, shows how each page was read, line by line.
    """
    from .outline import render_outline
    from .parse.batch import parse_paths
    from .parse.options import ParseOptions

    options = ParseOptions(punctuation=not keep_punctuation, simplified=simplified)
    if explain:
        _explain(list(paths), options, output)
        return
    collection = parse_paths(list(paths), options=options)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
    with (output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout)) as stream:
        if as_json:
            from .jsonstream import write_json

            write_json(collection.to_json(lazy=True), stream.write)
        else:
            stream.write(render_outline(collection))
    for problem in collection.problems:
        click.echo(f"pressroom: {problem}", err=True)
    if collection.problems:
        sys.exit(1)


def _explain(paths: list[Path], options: object, output: Path | None) -> None:
    from .explain import explain_file
    from .parse.reading import InputError, expand_paths

    texts, failed = [], False
    for path in expand_paths(paths):
        try:
            texts.append(explain_file(path, options))
        except InputError as exc:
            click.echo(f"pressroom: {path}: {exc}", err=True)
            failed = True
    text = "\n".join(texts)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if failed:
        sys.exit(1)


@commands.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True, help="Folder for the outputs.")
@click.option("-f", "--format", "formats", default=None,
              help="Comma-separated formats (default: every registered one; see `pressroom formats`).")
@click.option("--layout", help="Layout name or path to a layout .toml file.")
@click.option("--split", type=click.Choice(["district"]),
              help="Also write one output per district.")
@click.option("--print", "print_marks", is_flag=True,
              help="PDF for the print shop: 3 mm bleed, trim and bleed boxes, crop marks.")
@click.option("--combined", is_flag=True, help="Word: also one report of all districts.")
@click.option("--embed-fonts", is_flag=True, help="EPUB: embed the serif face, subset to the text.")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file (default: ./pressroom.toml when present).")
@click.option("--edition", help="Build only this month's edition, YYYY-MM (pages outside month "
                                "folders are taken to be it).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Outputs written at once (default: the machine's cores).")
@click.option("--force", is_flag=True, help="Rebuild every output, even those up to date.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no table; problems only.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON, for scripts.")
@click.option("--watch", is_flag=True,
              help="Stay, and build again whenever a page, the settings or a layout changes "
                   "(Ctrl-C stops). With --json, a summary per line.")
def build(inputs: tuple[Path, ...], out_dir: Path, formats: str | None, layout: str | None,
          split: str | None, print_marks: bool, combined: bool, embed_fonts: bool,
          config: Path | None, edition: str | None, jobs: int | None, force: bool, quiet: bool,
          as_json: bool, watch: bool) -> None:
    """Build publication outputs from page files (default: input/).

    Pages in month folders (input/2021-07/) make an edition each, built into
    its own folder (build/2021-07/); pages outside them make one edition,
    built into the output folder itself. Only outputs whose pages, settings,
    layout or Pressroom changed since the last build into the same folder
    are written again (see --force).
    """
    import time

    from .build.run import Session, run_build
    from .build.summary import progress_for, report
    from .editions import find_editions

    stop_on_sigterm()
    settings_file = str(config or CONFIG_NAME)
    argv = click.get_current_context().obj
    sources = list(inputs) or [Path("input")]
    session = Session() if watch else None
    try:
        editions = find_editions(sources, out_dir, only=edition)
    except (PressroomError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    if watch and len(editions) > 1:
        raise click.UsageError("--watch follows one edition: choose it with --edition "
                               f"({', '.join(e.month or 'the flat one' for e in editions)})")

    def build_once(force: bool, source: EditionSource, alone: bool) -> BuildResult:
        started_ns = time.time_ns()
        settings_state = file_state(settings_file)  # before reading it: see repeat.remember
        edition_inputs, edition_out = list(source.inputs), source.out_dir

        def finish(result: BuildResult) -> None:
            """A lone edition's build, its folder still held: the catalog, then the note
            that answers a repeat (it watches the folder the catalog goes into)."""
            if not alone or watch:
                return
            _write_catalog(out_dir, changed=bool(result.built or result.removed))
            if isinstance(argv, list) and not force:
                remember_repeat(argv, result, inputs=edition_inputs, build_folder=edition_out,
                                started_ns=started_ns, settings_file=(settings_file, settings_state),
                                quiet=quiet, as_json=as_json)

        settings = load_settings(config)
        settings = (settings.for_month(source.month) if source.month else settings).validate()
        names = [f.strip() for f in formats.split(",") if f.strip()] if formats else list(available())
        unknown = [n for n in names if n not in available()]
        if unknown:
            raise UnknownFormat(f"unknown format(s): {', '.join(unknown)} "
                                f"(registered: {', '.join(available())})")
        _check_layout_name(layout, names)
        result = run_build(edition_inputs, edition_out, names, settings,
                           BuildOptions(layout=layout, split=split, print_marks=print_marks,
                                        combined=combined, embed_fonts=embed_fonts),
                           workers=jobs, force=force, progress=progress_for(sys.stderr, quiet),
                           then=finish, session=session)
        report(result, quiet=quiet, as_json=as_json, one_line=watch)
        return result

    if watch:
        def build_and_catalog(force: bool) -> BuildResult:
            result = build_once(force, editions[0], True)
            _write_catalog(out_dir, changed=bool(result.built or result.removed))
            return result

        _watch(build_and_catalog, force,
               list(editions[0].inputs), settings_file, editions[0].out_dir, session, argv,
               quiet=quiet, as_json=as_json)
        return
    failed = changed = False
    for source in editions:
        if len(editions) > 1 and not (quiet or as_json):
            click.echo(f"── {source.month or 'pages outside month folders'} → {source.out_dir}")
        try:
            result = build_once(force, source, len(editions) == 1)
            failed, changed = failed or not result.ok, changed or bool(result.built or result.removed)
        except PressroomError as exc:  # this edition's settings: the others still build
            if len(editions) == 1:
                raise click.ClickException(str(exc)) from None
            click.echo(f"Error: {source.month or source.out_dir}: {exc}", err=True)
            failed = True
        except OSError as exc:  # the build folder read-only, the disk full: said, not traced
            raise click.ClickException(system_said(exc)) from None
        except KeyboardInterrupt:
            _interrupted()
    if len(editions) > 1:  # one edition's build wrote it (see build_once)
        _write_catalog(out_dir, changed)
    if failed:
        sys.exit(1)


@commands.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True, help="The build folder.")
@click.option("--edition", help="Only this month's edition, YYYY-MM.")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file (default: ./pressroom.toml when present).")
@click.pass_context
def review(ctx: click.Context, inputs: tuple[Path, ...], out_dir: Path, edition: str | None,
           config: Path | None) -> None:
    """The editor's review page of each edition: how every page was read.

    Builds what is out of date (the review is written with the outputs it links
    to), then prints where each edition's review page is:
    build/<edition>/review/index.html, to open in a browser (or through
    pressroom serve).
    """
    from .editions import find_editions
    from .review import index_page

    ctx.invoke(build, inputs=inputs, out_dir=out_dir, edition=edition, config=config, quiet=True)
    for source in find_editions(list(inputs) or [Path("input")], out_dir, only=edition):
        page = index_page(source.out_dir)
        if page.is_file():
            click.echo(f"{source.month or '—'}: {page}")


def _write_catalog(root: Path, changed: bool) -> None:
    """The e-reader catalog of every edition built under ``root`` (opds/catalog.xml),
    when a build ``changed`` an output or there is none yet: what it leaves out is
    said, and does not fail the build."""
    from .delivery.library import CATALOG_FOLDER, CATALOG_NAME

    if not changed and (root / CATALOG_FOLDER / CATALOG_NAME).is_file():
        return
    from .delivery.opds import CatalogIncomplete, NoEditions, write_catalog

    try:
        write_catalog(root)
    except NoEditions:  # nothing built (every edition failed): no catalog to write
        pass
    except CatalogIncomplete as exc:
        click.echo(f"warning: {exc}", err=True)
    except OSError as exc:
        click.echo(f"warning: the e-reader catalog was not written: {system_said(exc)}", err=True)


def _check_layout_name(layout: str | None, formats: list[str]) -> None:
    """A layout named for a build applies to the formats that have a layout of that
    name; one that none of them has is a mistake (--layout newsletter --format pdf),
    not a wish for the default layouts."""
    from .layout import LayoutError, search_dirs

    if layout is None or layout.endswith(".toml"):
        return
    having = {fmt: sorted({p.stem for d in search_dirs(fmt) if d.is_dir() for p in d.glob("*.toml")})
              for fmt in formats}
    if not any(layout in names for names in having.values()):
        listed = "; ".join(f"{fmt}: {', '.join(names) or 'none'}" for fmt, names in having.items())
        raise LayoutError(f"no layout named “{layout}” for {', '.join(formats)} ({listed})")


def _interrupted() -> NoReturn:
    click.echo("pressroom: interrupted; outputs not finished were left as they were", err=True)
    sys.exit(130)


def _watch(build_once: Callable[[bool], BuildResult], force: bool, inputs: list[Path],
           settings_file: str, out_dir: Path, session: Session | None, argv: object,
           *, quiet: bool, as_json: bool) -> None:
    """``pressroom build --watch``: see watch. A round's problems are reported and
    the watching goes on; Ctrl-C while waiting ends it (status 0), while building
    interrupts the build as usual (130)."""
    import time

    from .build.watch import keep_watching, sources_of

    building = False
    rounds = 0

    def build() -> None:
        nonlocal building, rounds
        building = True
        try:
            build_once(force and not rounds)  # --force: the first build only
        except PressroomError as exc:
            click.echo(f"pressroom: {exc}", err=True)
        except OSError as exc:
            click.echo(f"pressroom: {system_said(exc)}", err=True)
        finally:
            building, rounds = False, rounds + 1
        if session is not None:
            session.save()  # the parsed pages, for a later process, while nobody waits
        if not (quiet or as_json) and rounds == 1:
            click.echo(f"pressroom: watching {', '.join(map(str, inputs))}, {settings_file} and "
                       "the layouts for changes (Ctrl-C stops)", err=True)

    def sources() -> list[str]:
        # made first: a build folder made by the build inside a page folder would change it
        out_dir.mkdir(parents=True, exist_ok=True)
        pages, others = sources_of(inputs, settings_file, out_dir)
        return pages + others

    def announce(changes: list[str]) -> None:
        if not (quiet or as_json):
            changes = [p for p in changes if not os.path.isdir(p)] or changes  # pages, not folders
            names = ", ".join(Path(p).name for p in changes[:3]) + ("…" if len(changes) > 3 else "")
            click.echo(f"{time.strftime('%H:%M:%S')} changed: {names}", err=True)

    def restart() -> None:
        if not quiet:
            click.echo("pressroom: the watcher has grown; starting afresh", err=True)
        sys.stdout.flush()
        # as started, but --force was for the first build only
        args = argv if isinstance(argv, list) else sys.argv[1:]
        os.execv(sys.executable, [sys.executable, "-m", "converters.cli",
                                  *(arg for arg in args if arg != "--force")])

    try:
        keep_watching(build, sources, announce, restart)
    except KeyboardInterrupt:
        if building:
            _interrupted()
        click.echo("pressroom: stopped watching", err=True)


@commands.command()
@click.argument("folder", required=False, default=Path("build"),
                type=click.Path(file_okay=False, path_type=Path))
def check(folder: Path) -> None:
    """Validate a build folder (default: build/): every output reopens with an
    independent reader, fonts are embedded, epubcheck passes where it is
    installed, and every article's text is in every output."""
    from .check import check_build

    result = check_build(folder)
    for output in result.outputs:
        click.echo(f"{'ok  ' if not output.problems else 'FAIL'}  {output.path}")
        for problem in output.problems:
            click.echo(f"      {problem}")
        for note in output.notes:
            click.echo(f"      note: {note}")
    for note in result.notes:
        click.echo(f"note: {note}")
    for problem in result.problems:
        click.echo(f"pressroom: {problem}", err=True)
    failed = sum(bool(o.problems) for o in result.outputs)
    if result.outputs:
        click.echo(f"{len(result.outputs) - failed} of {len(result.outputs)} outputs pass")
    if not result.ok:
        sys.exit(1)


@commands.command()
def formats() -> None:
    """List the registered exporters."""
    for name in available():
        try:
            click.echo(f"{name:8} {load(name).description}")
        except UnknownFormat as exc:
            click.echo(f"{name:8} (unusable) {exc}")

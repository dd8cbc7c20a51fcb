"""The ``pressroom`` commands (click), run by cli.main when a repeat cannot be answered."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .config import CONFIG_NAME, load_settings
from .errors import PressroomError
from .exporters import BuildOptions, UnknownFormat, available
from .processes import stop_on_sigterm
from .files import file_state
from .repeat import remember as remember_repeat
from .results import BuildResult

# The parser, the exporters and their libraries are imported where they are
# used, so that a build with nothing to do answers in a blink.


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pressroom")
def commands() -> None:
    """Pressroom: newspaper-page text files → PDF bulletins, Word reports, EPUB books."""


@commands.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the article model as JSON (schema 1).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.option("--keep-punctuation", is_flag=True,
              help="Keep ASCII ,;:?!() between Han characters as they are.")
def parse(paths: tuple[Path, ...], as_json: bool, output: Path | None,
          keep_punctuation: bool) -> None:
    """Parse page files (or directories of them) into articles.

    Without --json, prints an outline to check before printing: district →
    办事处/街道 → article, with byline, paragraph count and warnings.
    """
    from .outline import render_outline
    from .parse import ParseOptions, parse_paths

    collection = parse_paths(list(paths), options=ParseOptions(punctuation=not keep_punctuation))
    if as_json:
        text = json.dumps(collection.to_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_outline(collection)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    for problem in collection.problems:
        click.echo(f"pressroom: {problem}", err=True)
    if collection.problems:
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
@click.option("--edition", help="The month the edition covers, YYYY-MM.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Outputs written at once (default: the machine's cores).")
@click.option("--force", is_flag=True, help="Rebuild every output, even those up to date.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no table; problems only.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON, for scripts.")
def build(inputs: tuple[Path, ...], out_dir: Path, formats: str | None, layout: str | None,
          split: str | None, print_marks: bool, combined: bool, embed_fonts: bool,
          config: Path | None, edition: str | None, jobs: int | None, force: bool, quiet: bool,
          as_json: bool) -> None:
    """Build publication outputs from page files (default: input/).

    Only outputs whose pages, settings, layout or Pressroom changed since the
    last build into the same folder are written again (see --force).
    """
    import time

    from .build import run_build
    from .summary import progress_for, report

    stop_on_sigterm()
    started_ns = time.time_ns()
    settings_file = str(config or CONFIG_NAME)
    settings_state = file_state(settings_file)  # before reading it: see repeat.remember
    argv = click.get_current_context().obj

    def remember(result: BuildResult) -> None:
        if isinstance(argv, list) and not force:
            remember_repeat(argv, result, inputs=sources, build_folder=out_dir, started_ns=started_ns,
                     settings_file=(settings_file, settings_state), quiet=quiet, as_json=as_json)

    sources = list(inputs) or [Path("input")]
    try:
        settings = load_settings(config).with_options(edition=edition).validate()
        names = [f.strip() for f in formats.split(",") if f.strip()] if formats else list(available())
        unknown = [n for n in names if n not in available()]
        if unknown:
            raise UnknownFormat(f"unknown format(s): {', '.join(unknown)} "
                                f"(registered: {', '.join(available())})")
        result = run_build(sources, out_dir, names, settings,
                           BuildOptions(layout=layout, split=split, print_marks=print_marks,
                                        combined=combined, embed_fonts=embed_fonts),
                           workers=jobs, force=force, progress=progress_for(sys.stderr, quiet),
                           then=remember)
    except PressroomError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo("pressroom: interrupted; outputs not finished were left as they were", err=True)
        sys.exit(130)
    report(result, quiet=quiet, as_json=as_json)
    if not result.ok:
        sys.exit(1)


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
    for name, point in available().items():
        exporter = point.load()
        click.echo(f"{name:8} {exporter.description}")

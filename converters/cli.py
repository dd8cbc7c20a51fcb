"""The ``pressroom`` command."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .outline import render_outline
from .parse import ParseOptions, parse_paths


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pressroom")
def main() -> None:
    """Pressroom: newspaper-page text files → PDF bulletins, Word reports, EPUB books."""


@main.command()
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


if __name__ == "__main__":
    main()

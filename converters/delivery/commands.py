"""``pressroom mail``: the district offices' Word reports (and the e-readers' EPUB),
as drafts to open in a mail program or sent over SMTP."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..config import CONFIG_NAME, load_settings
from ..editions import edition_folders, read_record
from ..errors import PressroomError


def choose_edition(root: Path, month: str | None) -> Path:
    """The folder of the edition ``month`` built under ``root``; without one, the
    latest month built."""
    folders = edition_folders(root)
    if not folders:
        raise click.ClickException(f"{root}: no edition built here yet (run pressroom build)")
    records = {folder: read_record(folder)["edition"] for folder in folders}
    if month is None:
        return max(folders, key=lambda folder: records[folder])
    chosen = [folder for folder, edition in records.items() if edition == month]
    if not chosen:
        raise click.ClickException(f"{root}: no edition {month} built here "
                                   f"(built: {', '.join(sorted(set(records.values())))})")
    return chosen[0]


@click.command()
@click.option("-o", "--output", "root", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True, help="The build folder.")
@click.option("--edition", help="The month to mail, YYYY-MM (default: the latest built).")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file (default: ./pressroom.toml).")
@click.option("--send", "sending", is_flag=True,
              help="Send over SMTP ([mail.smtp]) what was not sent before as it is.")
@click.option("--resend", is_flag=True, help="With --send: send everything again.")
@click.option("--ereaders", is_flag=True, help="Also the edition's EPUB to [mail] ereaders.")
def mail(root: Path, edition: str | None, config: Path | None, sending: bool, resend: bool,
         ereaders: bool) -> None:
    """Mail each district office its Word report.

    Without --send, writes one .eml draft per district into
    build/<edition>/mail/, which a mail program opens as a message ready to
    send; with --send, sends them (a second run sends only what changed or
    failed).
    """
    from .mail import letters, mail_settings, write_drafts

    try:
        load_settings(config)  # the whole file checked against the schema first
        settings = mail_settings(config or Path(CONFIG_NAME))
        folder = choose_edition(root, edition)
        record = read_record(folder)
        made, notes = letters(folder, record, settings, ereaders=ereaders)
        for note in notes:
            click.echo(f"note: {note}", err=True)
        if not made:
            raise click.ClickException("nothing to mail: no district has recipients "
                                       "([mail.districts.<name>] to)")
        if not sending:
            drafts = write_drafts(folder, record, made, settings)
            rows = [(letter.key, _names(letter.to), _names(letter.cc), letter.attachment_name,
                     str(path)) for letter, path in zip(made, drafts, strict=True)]
            _table(("recipient", "to", "cc", "attachment", "draft"), rows)
            return
        from .send import send_letters

        outcomes = send_letters(folder, record, made, settings, resend=resend)
    except PressroomError as exc:
        raise click.ClickException(str(exc)) from None
    _table(("recipient", "to", "cc", "attachment", "result"),
           [(o.letter.key, _names(o.letter.to), _names(o.letter.cc), o.letter.attachment_name,
             o.status + (f": {o.detail}" if o.detail else "")) for o in outcomes])
    if any(o.status == "failed" for o in outcomes):
        click.echo("pressroom: some messages were not sent; run again to send only those",
                   err=True)
        sys.exit(1)


def _names(addresses: Any) -> str:
    return ", ".join(a.addr_spec for a in addresses) or "—"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    from ..parse.chars import display_width  # Chinese names take two columns each

    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(cell + " " * (width - display_width(cell))
                         for cell, width in zip(cells, widths, strict=True)).rstrip()

    click.echo("\n".join([line(header), "  ".join("─" * w for w in widths), *map(line, rows)]))

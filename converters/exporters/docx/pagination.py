"""The contents' page numbers, filled in at build time by a layout engine.

A Word report's page numbers exist only once a layout engine has set its
pages. With ``[reports] page_numbers = "libreoffice"`` in pressroom.toml and
LibreOffice installed, the report is set once by LibreOffice (headless, in a
profile of its own, so that a LibreOffice the editor has open is not
disturbed), every article's heading is found on its page of the result (a
district's or a 街道's takes its first article's page), and that page's number
goes into the contents. The report stays the one python-docx wrote: only the
numbers come from LibreOffice.

The contents are set with a placeholder as wide as any report's page number
(``PLACEHOLDER``), so that LibreOffice breaks their lines as they will be
broken with the real numbers, and the body's pages do not move when they go in.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from html import escape
from pathlib import Path

#: what a contents entry's page number is set with before it is known
PLACEHOLDER = "000"
#: the longest LibreOffice may take to set one report (its first start makes a profile)
TIMEOUT = 180
_SPACE = re.compile(r"\s+")


class PaginationError(Exception):
    """LibreOffice could not set the report (what it said)."""


def layout_engine() -> str | None:
    """LibreOffice's command, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def page_texts(docx: bytes, engine: str) -> list[str]:
    """The text of each page of the report as LibreOffice sets it."""
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="pressroom-pages-") as folder:
        work = Path(folder)
        source = work / "report.docx"
        source.write_bytes(docx)
        try:
            done = subprocess.run(to_pdf(engine, work, work, [source]), capture_output=True,
                                  text=True, timeout=TIMEOUT, check=False,
                                  env=libreoffice_environment(work))
        except subprocess.TimeoutExpired:
            raise PaginationError(f"LibreOffice did not finish within {TIMEOUT} s") from None
        except OSError as exc:
            raise PaginationError(f"LibreOffice could not be started: {exc}") from None
        pdf = work / "report.pdf"
        if not pdf.is_file():
            said = (done.stderr or done.stdout).strip().splitlines()
            raise PaginationError("LibreOffice made no pages" + (f": {said[-1]}" if said else ""))
        return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def to_pdf(engine: str, work: Path, out: Path, sources: list[Path]) -> list[str]:
    """The command that has LibreOffice set ``sources`` as PDFs into ``out``, with a
    profile of its own in ``work``."""
    return [engine, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
            "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(out),
            *map(str, sources)]


def libreoffice_environment(work: Path) -> dict[str, str]:
    """The environment for LibreOffice, with the Chinese faces Pressroom installs from
    PyPI visible to fontconfig: on a machine with no Chinese face of its own, the
    report is still set with full-width characters, as Word sets it."""
    from importlib.util import find_spec

    spec = find_spec("pylopdf_fonts_zh_cn")
    folders = list(spec.submodule_search_locations or []) if spec else []
    if not folders:
        return dict(os.environ)
    config = work / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        + "".join(f"<dir>{escape(folder, quote=False)}</dir>" for folder in folders)
        + f"<cachedir>{escape(str(work / 'fontcache'), quote=False)}</cachedir></fontconfig>",
        encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def page_numbers(pages: Sequence[str], entries: Sequence[tuple[int, str]]) -> list[str | None]:
    """The number of the page each contents entry (level, text) is on, in order; None
    for an entry not found. (A report's folios count its pages from the first.)

    The contents come first and list every heading, so the body is searched from
    the page after the one that lists the last entry, each heading from the page
    of the one before (the body holds them in the contents' order). A district's
    or a 街道's heading is kept with the article under it, so it takes its first
    article's page: its name alone is also found in earlier articles' text.
    """
    folded = [_SPACE.sub("", page) for page in pages]
    start = next((i for i, page in enumerate(folded) if "目录" in page), None)
    if start is None or not entries:
        return [None] * len(entries)
    last = _SPACE.sub("", entries[-1][1])
    end = next((i for i in range(start, len(folded)) if last in folded[i]), None)
    if end is None:
        return [None] * len(entries)
    found: list[int | None] = [None] * len(entries)
    page = end + 1
    for index, (level, text) in enumerate(entries):
        if level < 3:
            continue
        wanted = _SPACE.sub("", text)
        at = next((i for i in range(page, len(folded)) if wanted in folded[i]), None)
        if at is None:
            continue
        found[index] = page = at
    # a heading: the page of the first article after it
    for index, (level, _) in enumerate(entries):
        if level < 3:
            found[index] = next((found[k] for k in range(index + 1, len(entries))
                                 if entries[k][0] == 3), None)
    return [None if at is None else str(at + 1) for at in found]

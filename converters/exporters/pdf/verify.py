"""``pressroom check`` for a PDF: read by pypdf (and poppler where installed), fonts
embedded, every article's text present."""
from __future__ import annotations

import html
import logging
import re
import shutil
import subprocess
from pathlib import Path

from ...model import Article
from .. import Verdict
from ..text import missing_characters


def _fonts_not_embedded(reader) -> list[str]:  # type: ignore[no-untyped-def]
    missing = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font", {}) if resources else {}
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont", "?")))
    return sorted(missing)


def _text(path: Path, reader, verdict: Verdict) -> str:  # type: ignore[no-untyped-def]
    """pdftotext reads a month in a second where pypdf takes half a minute."""
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"],
                             capture_output=True)
        if run.returncode != 0:
            verdict.problems.append(f"poppler (pdftotext) cannot read it (exit {run.returncode})")
        return run.stdout.decode("utf-8", "replace")
    verdict.notes.append("pdftotext (poppler-utils) not installed: text read with pypdf (slow)")
    return "".join(page.extract_text() or "" for page in reader.pages)


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">'
                   r'([^<]*)</word>')
#: how far (points) a glyph's box may pass the page's edge: rounding, not overflow
_EDGE = 0.5


def _off_the_page(path: Path, verdict: Verdict) -> None:
    """Text set beyond the page's edge (a line too long for its column runs off it): a
    problem, as nothing must be lost silently. Read from poppler's word boxes."""
    if not shutil.which("pdftotext"):
        verdict.notes.append("pdftotext (poppler-utils) not installed: text beyond the page "
                             "edge not looked for")
        return
    run = subprocess.run(["pdftotext", "-q", "-bbox", str(path), "-"], capture_output=True)
    found: list[str] = []
    pages = _PAGE.split(run.stdout.decode("utf-8", "replace"))
    # split gives: head, then per page its width, its height and its words
    for number, start in enumerate(range(1, len(pages) - 2, 3), start=1):
        width, height, words = float(pages[start]), float(pages[start + 1]), pages[start + 2]
        for match in _WORD.finditer(words):
            x0, y0, x1, y1 = map(float, match.groups()[:4])
            if x0 < -_EDGE or y0 < -_EDGE or x1 > width + _EDGE or y1 > height + _EDGE:
                found.append(f"page {number}: “{html.unescape(match.group(5))[:30]}”")
    if found:
        verdict.problems.append(f"text beyond the page's edge ({len(found)} word(s)): "
                                + "; ".join(found[:5]) + (" …" if len(found) > 5 else ""))


def verify_pdf(path: Path, articles: list[tuple[str, Article]],
               unprintable: frozenset[str] = frozenset(), internal: bool = False) -> Verdict:
    """``unprintable``: the characters the build warned no configured font has; they are
    not in the text (they print as boxes), and are a note here as they were a warning
    there, not a problem."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # what it logs, we report as problems
    verdict = Verdict()
    with path.open("rb") as file:
        file.seek(max(0, path.stat().st_size - 1024))
        if b"%%EOF" not in file.read():
            verdict.problems.append("truncated: no %%EOF marker at the end of the file")
    try:
        reader = PdfReader(path)
        count = len(reader.pages)
        unembedded = _fonts_not_embedded(reader)
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        verdict.problems.append(f"pypdf cannot read it: {type(exc).__name__}: {exc}")
        return verdict
    if count == 0:
        verdict.problems.append("no pages")
    verdict.problems += [f"font not embedded: {name}" for name in unembedded]
    verdict.problems += missing_characters(articles, _text(path, reader, verdict), unprintable,
                                          internal)
    if unprintable:
        verdict.notes.append("no configured font has " + "、".join(
            f"{ch} (U+{ord(ch):04X})" for ch in sorted(unprintable)) + ": they print as empty "
            "boxes (the build said so)")
    _off_the_page(path, verdict)
    return verdict

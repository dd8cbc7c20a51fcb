"""The Word reports' contents page numbers, filled in at build time by LibreOffice
([reports] page_numbers = "libreoffice"), checked against the pages LibreOffice
sets the finished report on; and without LibreOffice, left for Word to fill in."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from conftest import INPUT, ROOT, libreoffice_pdfs
from lxml import etree

from converters.build.run import run_build
from converters.config import Settings
from converters.exporters import BuildOptions
from converters.exporters.docx.pagination import layout_engine

SETTINGS = Settings(bulletin="区县新闻汇编", unit="区县新闻编辑部", edition="2021-06", issue=6,
                    slug="bulletin", report_page_numbers="libreoffice")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def contents(path: Path) -> list[tuple[str, str]]:
    """Each contents entry's (style, text) as python-docx reads the report."""
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs
            if re.fullmatch(r"TOC \d", p.style.name)]


def update_fields(path: Path) -> str | None:
    with zipfile.ZipFile(path) as package:
        found = etree.fromstring(package.read("word/settings.xml")).find(f"{W}updateFields")
    return None if found is None else found.get(f"{W}val")


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], list[str]]:
    if layout_engine() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    out = tmp_path_factory.mktemp("numbered")
    result = run_build([INPUT], out, ["docx"], SETTINGS, BuildOptions(combined=True))
    assert result.ok, result.problems
    return ({o.path.stem: o.path for o in result.outputs},
            [w for o in result.outputs for w in o.warnings])


def test_every_contents_entry_has_its_page_number(filled) -> None:  # type: ignore[no-untyped-def]
    reports, warnings = filled
    assert not [w for w in warnings if "page numbers" in w]
    for name, path in reports.items():
        entries = contents(path)
        assert len(entries) >= 2, name  # a district and its articles
        for style, text in entries:
            assert re.fullmatch(r".+\t\d+", text), (name, style, text)
        numbers = [int(text.rsplit("\t", 1)[1]) for _, text in entries]
        assert numbers == sorted(numbers), name  # the contents follow the report
        assert update_fields(path) == "false", name  # nothing left for Word to ask about


def test_each_number_is_the_page_the_article_is_printed_on(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The finished report, set again by LibreOffice: each article's title is on the
    page whose folio the contents give (the numbers did not move the pages)."""
    reports, _ = filled
    combined = reports["bulletin"]
    with pdfplumber.open(libreoffice_pdfs([combined], tmp_path)["bulletin"]) as pdf:
        pages = [re.sub(r"\s+", "", page.extract_text() or "") for page in pdf.pages]
    by_folio = {}
    for page in pages:
        printed = re.findall(r"—(\d+)—", page)
        if printed:
            by_folio[printed[-1]] = page
    articles = [text for style, text in contents(combined) if style == "TOC 3"]
    assert len(articles) >= 15
    for text in articles:
        title, folio = text.rsplit("\t", 1)
        assert re.sub(r"\s+", "", title) in by_folio[folio], (title, folio)
    # a district starts on the page of its first article
    for style, text in contents(combined):
        if style == "TOC 1":
            name, folio = text.rsplit("\t", 1)
            assert name in by_folio[folio]


def test_without_libreoffice_word_is_asked_to_fill_them_in(tmp_path: Path) -> None:
    """The same setting on a machine without LibreOffice: the build says so, and the
    report is as it is by default (entries without numbers, Word asked to update)."""
    settings = (ROOT / "pressroom.toml").read_text(encoding="utf-8")
    assert 'page_numbers = "on open"' in settings
    (tmp_path / "pressroom.toml").write_text(
        settings.replace('page_numbers = "on open"', 'page_numbers = "libreoffice"'),
        encoding="utf-8")
    empty = tmp_path / "bin"
    empty.mkdir()
    done = subprocess.run([sys.executable, "-m", "converters.cli", "build", "-q", "-f", "docx",
                           str(INPUT), "-o", "build"], cwd=tmp_path, capture_output=True,
                          text=True, env={"PATH": str(empty), "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "LibreOffice (soffice) is not installed" in done.stderr
    report = tmp_path / "build" / "docx" / "zhongyuan.docx"
    entries = contents(report)
    assert entries and all("\t" not in text for _, text in entries)
    assert update_fields(report) == "true"


def test_an_unknown_choice_is_refused_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "pressroom.toml").write_text('[reports]\npage_numbers = "word"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "converters.cli", "build", "-q", "-f", "docx",
                           str(INPUT), "-o", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode != 0
    assert "pressroom.toml" in done.stderr and "page_numbers" in done.stderr


def test_where_libreoffice_fails_the_report_is_as_by_default(tmp_path: Path) -> None:
    """A LibreOffice that sets no pages (here a command of that name that fails): the
    build says so, and the report is the one Word is asked to number, byte for byte."""
    settings = (ROOT / "pressroom.toml").read_text(encoding="utf-8")
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    reports = {}
    for choice in ("on open", "libreoffice"):
        folder = tmp_path / choice.replace(" ", "-")
        folder.mkdir()
        (folder / "pressroom.toml").write_text(
            settings.replace('page_numbers = "on open"', f'page_numbers = "{choice}"'),
            encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "converters.cli", "build", "-q", "-f",
                               "docx", str(INPUT), "-o", "build"], cwd=folder,
                              capture_output=True, text=True,
                              env={"PATH": str(fake.parent), "HOME": str(tmp_path)})
        assert done.returncode == 0, done.stderr
        reports[choice] = (folder / "build" / "docx" / "zhongyuan.docx").read_bytes()
    assert "LibreOffice made no pages: Error: source file could not be loaded" in done.stderr
    assert reports["libreoffice"] == reports["on open"]

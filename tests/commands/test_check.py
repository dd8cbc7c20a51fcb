"""`pressroom check` passes a sound build and fails a damaged one, naming the file."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from converters.build.run import run_build
from converters.config import Settings
from converters.exporters import BuildOptions, load
from converters.parse.batch import parse_paths

from conftest import INPUT, ROOT


def check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "converters.cli", "check", str(folder)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("check") / "build"
    subprocess.run([sys.executable, "-m", "converters.cli", "build", "-q", "-o", str(out),
                    str(INPUT)], check=True, cwd=ROOT)
    return out


@pytest.fixture()
def copy(built: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(built, tmp_path / "build"))


@pytest.fixture(scope="module")
def articles() -> list:
    return [(d.source, a) for d in parse_paths([INPUT]).documents for a in d.articles]


def test_a_sound_build_passes(built: Path) -> None:
    result = check(built)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "6 of 6 outputs pass"


def test_nothing_built_is_a_failure(tmp_path: Path) -> None:
    result = check(tmp_path)
    assert result.returncode == 1 and "no build manifest" in result.stderr


def test_a_truncated_pdf_fails(copy: Path) -> None:
    pdf = copy / "pdf/bulletin-2021-06.pdf"
    pdf.write_bytes(pdf.read_bytes()[: pdf.stat().st_size // 2])
    result = check(copy)
    assert result.returncode == 1
    assert f"FAIL  {pdf}" in result.stdout and "truncated" in result.stdout
    assert result.stdout.count("FAIL") == 1


def test_a_missing_output_fails(copy: Path) -> None:
    (copy / "docx/zhongyuan.docx").unlink()
    result = check(copy)
    assert result.returncode == 1 and "zhongyuan.docx" in result.stdout and "missing" in result.stdout


def _rewrite_zip(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as old:
        items = [(info, old.read(info)) for info in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in items:
            data = change(info.filename, data)
            if data is not None:
                new.writestr(info, data)


def test_a_docx_missing_a_paragraph_fails(copy: Path, articles: list) -> None:
    report = copy / "docx/xinzheng.docx"
    paragraph = next(a for s, a in articles if a.district == "新郑市").paragraphs[1].text

    def drop_paragraph(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        xml = data.decode()
        found = [m for m in re.finditer(r"<w:p[ >].*?</w:p>", xml) if paragraph[:6] in m.group()]
        assert len(found) == 1
        return (xml[:found[0].start()] + xml[found[0].end():]).encode()

    _rewrite_zip(report, drop_paragraph)
    verdict = load("docx").verify(report, [(s, a) for s, a in articles if a.district == "新郑市"])
    assert any("missing" in p for p in verdict.problems), verdict.problems
    result = check(copy)
    assert result.returncode == 1 and "xinzheng.docx" in result.stdout


def test_a_damaged_docx_does_not_reopen(copy: Path) -> None:
    report = copy / "docx/guancheng.docx"
    report.write_bytes(report.read_bytes().replace(b"word/document.xml", b"word/documenx.xml"))
    verdict = load("docx").verify(report, [])
    assert verdict.problems and "reopen" in verdict.problems[0] or "damaged" in verdict.problems[0]


def test_an_epub_without_an_article_page_fails(copy: Path, articles: list) -> None:
    book = copy / "epub/bulletin-2021-06.epub"
    _rewrite_zip(book, lambda name, data: None if name.endswith("/a0003.xhtml") else data)
    verdict = load("epub").verify(book, articles)
    assert any("missing" in p for p in verdict.problems), verdict.problems
    assert check(copy).returncode == 1


def test_a_pdf_without_some_articles_fails_the_text_check(tmp_path: Path, articles: list) -> None:
    run_build([INPUT], tmp_path, ["pdf"], Settings(edition="2021-06"), BuildOptions(split="district"))
    district_only = tmp_path / "pdf/xinzheng.pdf"
    assert not load("pdf").verify(district_only, [(s, a) for s, a in articles
                                                  if a.district == "新郑市"]).problems
    verdict = load("pdf").verify(district_only, articles)
    assert any("printed" in p for p in verdict.problems), verdict.problems

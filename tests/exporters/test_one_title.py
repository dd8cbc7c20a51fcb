"""An article the page printed without a headline has one title in every output:
the heading above it, the PDF's contents and bookmarks, the EPUB's navigation
and the Word report's contents all say （原文无标题）."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree
from pypdf import PdfReader

from converters.config import Settings
from converters.edition import build_edition
from converters.exporters import BuildOptions, Job, load
from converters.model import Article, Block, Collection, Document
from converters.presentation import PLACEHOLDER_TITLE

SETTINGS = Settings(edition="2021-06", issue=6, slug="bulletin")
FIRST = "中原区今天召开会议，研究部署下一阶段的重点工作，会议由区委书记主持。"


def edition():  # type: ignore[no-untyped-def]
    untitled = Article(title=None, body=(Block("paragraph", FIRST),
                                         Block("paragraph", "会议要求各单位认真落实。")),
                       district="中原区", dateline="本报讯")
    titled = Article(title="中原区召开民生工作推进会", body=(Block("paragraph", "正文一段。"),),
                     district="中原区")
    return build_edition(Collection((Document("t.txt", (untitled, titled), district="中原区"),)),
                         SETTINGS)


def write(fmt: str, tmp_path: Path) -> Path:
    target = tmp_path / f"t.{fmt}"
    load(fmt).write(Job(target.name, edition()), target, BuildOptions())
    return target


def test_the_pdf_contents_and_bookmarks(tmp_path: Path) -> None:
    reader = PdfReader(write("pdf", tmp_path))
    contents = reader.pages[1].extract_text()
    assert PLACEHOLDER_TITLE in contents and FIRST[:10] not in contents

    def titles(items: list) -> list[str]:  # type: ignore[type-arg]
        return [t for item in items
                for t in (titles(item) if isinstance(item, list) else [item.title])]

    assert PLACEHOLDER_TITLE in titles(reader.outline)
    body = "".join(page.extract_text() for page in reader.pages[2:])
    assert PLACEHOLDER_TITLE in body


def test_the_epub_navigation(tmp_path: Path) -> None:
    with zipfile.ZipFile(write("epub", tmp_path)) as book:
        nav = etree.fromstring(book.read("EPUB/nav.xhtml"))
        ncx = book.read("EPUB/toc.ncx").decode("utf-8")
        pages = [etree.fromstring(book.read(n)) for n in book.namelist()
                 if n.startswith("EPUB/text/a")]
        part = etree.fromstring(book.read("EPUB/text/d-zhongyuan.xhtml"))
    labels = [a.text for a in nav.iter("{http://www.w3.org/1999/xhtml}a")]
    assert PLACEHOLDER_TITLE in labels and PLACEHOLDER_TITLE in ncx
    assert not any(label and label.startswith(FIRST[:10]) for label in labels)
    headings = ["".join(h.itertext()) for page in pages
                for h in page.iter("{http://www.w3.org/1999/xhtml}h1",
                                   "{http://www.w3.org/1999/xhtml}h2",
                                   "{http://www.w3.org/1999/xhtml}h3")]
    assert PLACEHOLDER_TITLE in headings
    listed = [a.text for a in part.iter("{http://www.w3.org/1999/xhtml}a")]  # the district's page
    assert PLACEHOLDER_TITLE in listed and not any(FIRST[:10] in (a or "") for a in listed)


def test_the_word_contents(tmp_path: Path) -> None:
    report = docx.Document(str(write("docx", tmp_path)))
    contents = [p.text for p in report.paragraphs if p.style.name.lower().startswith("toc ")]
    headings = [p.text for p in report.paragraphs if p.style.name == "Heading 3"]
    assert PLACEHOLDER_TITLE in contents and PLACEHOLDER_TITLE in headings
    assert not any(FIRST[:10] in entry for entry in contents)


def test_a_headline_joined_from_two_lines_keeps_no_space_after_a_mark(tmp_path: Path) -> None:
    # 登封： 千人植树…: the page's line break, kept as a space after a full-width mark
    article = Article(title="登封： 千人植树拉开今年造林序幕", kicker="环境美了， 小区住着舒心了",
                      body=(Block("paragraph", "正文一段。"),), district="登封市")
    joined = build_edition(Collection((Document("t.txt", (article,), district="登封市"),)), SETTINGS)
    for fmt in ("pdf", "docx", "epub"):
        target = tmp_path / f"t.{fmt}"
        load(fmt).write(Job(target.name, joined), target, BuildOptions())
    pdf = "".join(page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages)
    report = "\n".join(p.text for p in docx.Document(str(tmp_path / "t.docx")).paragraphs)
    with zipfile.ZipFile(tmp_path / "t.epub") as book:
        nav = book.read("EPUB/nav.xhtml").decode("utf-8")
    for text in (pdf, report, nav):
        assert "登封：千人植树拉开今年造林序幕" in text and "登封： " not in text
    assert "环境美了，小区住着舒心了" in pdf + report

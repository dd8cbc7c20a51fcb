"""A book written over an earlier one reuses the earlier book's unchanged article
pages — and comes out byte for byte as a book written from nothing."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import INPUT

from converters.config import Settings
from converters.edition import Edition, build_edition
from converters.exporters import BuildOptions, Job
from converters.exporters.epub import EpubExporter, book
from converters.model import Collection
from converters.parse.pipeline import parse_paths

SETTINGS = Settings(bulletin="区县新闻汇编", unit="区县新闻编辑部", edition="2021-06", issue=6,
                    slug="bulletin")


@pytest.fixture(scope="module")
def collection() -> Collection:
    return parse_paths([INPUT])


def corrected(collection: Collection, document: int, article: int, text: str) -> Edition:
    """The edition with one paragraph of one article replaced (or, with ``text`` None, as is)."""
    documents = list(collection.documents)
    articles = list(documents[document].articles)
    body = list(articles[article].body)
    body[-1] = replace(body[-1], text=text)
    articles[article] = replace(articles[article], body=tuple(body))
    documents[document] = replace(documents[document], articles=tuple(articles))
    return build_edition(replace(collection, documents=tuple(documents)), SETTINGS)


#: the templates asked for by the last write()
asked: list[str] = []


def write(edition: Edition, target: Path, replacing: Path | None) -> tuple[list[str], int]:
    """The warnings, and how many article pages were rendered (``asked``: which
    templates were)."""
    rendered = 0
    original, environment = book._safe_article, book.template_environment
    asked.clear()

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal rendered
        rendered += 1
        return original(*args, **kwargs)

    def watched_environment(layout):  # type: ignore[no-untyped-def]
        made = environment(layout)
        get_template = made.get_template
        made.get_template = (  # type: ignore[method-assign]
            lambda name, *rest: asked.append(name) or get_template(name, *rest))
        return made

    book._safe_article, book.template_environment = counting, watched_environment
    try:
        report = EpubExporter().write(Job(target.name, edition), target, BuildOptions(),
                                      replacing=replacing)
    finally:
        book._safe_article, book.template_environment = original, environment
    return report.warnings, rendered


def test_a_correction_renders_one_page_and_gives_the_fresh_bytes(
        collection: Collection, tmp_path: Path) -> None:
    output = tmp_path / "build" / "bulletin.epub"
    output.parent.mkdir()
    first = build_edition(collection, SETTINGS)
    _, rendered = write(first, output, output)
    assert rendered == len(first.entries)
    again = corrected(collection, 2, 1, "更正后的段落，内容不同。")
    temporary = output.with_name(".bulletin.epub.part")
    _, rendered = write(again, temporary, output)
    assert rendered == 1
    # the contents shows the articles: made again; the NCX and OPF only their titles
    assert "nav.xhtml.j2" in asked
    assert "toc.ncx.j2" not in asked and "content.opf.j2" not in asked
    fresh = tmp_path / "fresh.epub"
    write(again, fresh, None)
    assert temporary.read_bytes() == fresh.read_bytes()


def test_a_book_that_is_not_the_noted_one_is_not_mixed_in(
        collection: Collection, tmp_path: Path) -> None:
    output = tmp_path / "bulletin.epub"
    write(build_edition(collection, SETTINGS), output, output)
    other = corrected(collection, 0, 0, "另一本书的段落。")
    write(other, tmp_path / "other.epub", None)
    shutil.copy(tmp_path / "other.epub", output)  # copied over: the note is of another book
    edition = build_edition(collection, SETTINGS)
    _, rendered = write(edition, tmp_path / "next.epub", output)
    assert rendered == len(edition.entries)
    write(edition, tmp_path / "fresh.epub", None)
    assert (tmp_path / "next.epub").read_bytes() == (tmp_path / "fresh.epub").read_bytes()


def test_a_reused_page_still_gives_its_warnings(
        collection: Collection, tmp_path: Path) -> None:
    output = tmp_path / "bulletin.epub"
    with_control = corrected(collection, 1, 0, "一段含控制字符\x0b的文字。")
    warned, _ = write(with_control, output, output)
    assert any("U+000B" in w for w in warned)
    later = corrected(collection, 1, 0, "一段含控制字符\x0b的文字。")
    warned_again, rendered = write(later, tmp_path / "again.epub", output)
    assert rendered == 0 and warned_again == warned
    assert not {"nav.xhtml.j2", "toc.ncx.j2", "content.opf.j2"} & set(asked)


def test_a_new_title_makes_the_contents_again(collection: Collection, tmp_path: Path) -> None:
    output = tmp_path / "bulletin.epub"
    write(build_edition(collection, SETTINGS), output, output)
    documents = list(collection.documents)
    articles = list(documents[2].articles)
    articles[1] = replace(articles[1], title="更正后的标题")
    documents[2] = replace(documents[2], articles=tuple(articles))
    retitled = build_edition(replace(collection, documents=tuple(documents)), SETTINGS)
    write(retitled, tmp_path / "next.epub", output)
    assert {"nav.xhtml.j2", "toc.ncx.j2"} <= set(asked)
    write(retitled, tmp_path / "fresh.epub", None)
    assert (tmp_path / "next.epub").read_bytes() == (tmp_path / "fresh.epub").read_bytes()

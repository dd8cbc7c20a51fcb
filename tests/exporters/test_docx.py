"""Word reports, reopened with python-docx, read as XML, and converted by LibreOffice."""
from __future__ import annotations

import re
import shutil
import zipfile
from collections import defaultdict
from pathlib import Path

import docx
import pdfplumber
import pytest
from conftest import INPUT, libreoffice_pdfs
from lxml import etree

from converters.build.run import run_build
from converters.config import Settings
from converters.edition import build_edition
from converters.exporters import BuildOptions, Job
from converters.exporters.docx import DocxExporter
from converters.model import Article, Block, Collection, Document
from converters.parse.chars import han_only
from converters.parse.batch import parse_paths
from converters.presentation import listed

SETTINGS = Settings(bulletin="区县新闻汇编", unit="区县新闻编辑部", edition="2021-06", issue=6,
                    slug="bulletin")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM = 72 / 25.4


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("docx")
    result = run_build([INPUT], out, ["docx"], SETTINGS, BuildOptions(combined=True))
    assert result.ok, result.problems
    return {o.path.stem: o.path for o in result.outputs}


@pytest.fixture(scope="module")
def edition():  # type: ignore[no-untyped-def]
    return build_edition(parse_paths([INPUT]), SETTINGS)


def xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(part))


def test_one_report_per_district_and_a_combined_one(reports, edition) -> None:  # type: ignore[no-untyped-def]
    assert sorted(reports) == sorted([d.slug for d in edition.districts] + ["bulletin"])


def test_each_article_in_order_in_its_district_only(reports, edition) -> None:  # type: ignore[no-untyped-def]
    for part in edition.districts:
        text = han_only("".join(p.text for p in docx.Document(str(reports[part.slug])).paragraphs))
        position = text.find(han_only("目录")) + 2
        for entry in edition.entries:
            body = han_only("".join(b.text for b in entry.article.body))
            found = text.find(body, position)
            if entry in part.entries:
                assert found >= 0, f"{part.name}: {entry.article.display_title} missing or out of order"
                position = found + len(body)
            else:
                assert found < 0, f"{entry.article.display_title} leaked into {part.name}"


def test_styles_are_real_and_found_by_name(reports) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(str(reports["hangkonggang"]))
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "Body Text", "署名"} <= used
    for name, level in (("Heading 1", "0"), ("Heading 2", "1"), ("Heading 3", "2")):
        outline = document.styles[name].element.find(f"{W}pPr/{W}outlineLvl")
        assert outline is not None and outline.get(f"{W}val") == level
    runs = [r for p in document.paragraphs for r in p.runs if r.text.startswith("本报讯")]
    assert runs and all(r.style.name == "本报讯" for r in runs)


def test_east_asian_fonts_and_language_where_word_reads_them(reports) -> None:  # type: ignore[no-untyped-def]
    styles = xml(reports["hangkonggang"], "word/styles.xml")
    assert not [a for node in styles.iter(f"{W}rFonts", f"{W}color") for a in node.attrib
                if "theme" in a.lower()], "theme attributes would override the faces"
    def fonts(style_name: str) -> dict[str, str]:
        style = next(s for s in styles.iter(f"{W}style")
                     if s.find(f"{W}name").get(f"{W}val").lower() == style_name.lower())
        node = style.find(f"{W}rPr/{W}rFonts")
        return {k.replace(W, ""): v for k, v in node.attrib.items()}
    assert fonts("Normal")["eastAsia"] == "仿宋_GB2312" and fonts("Normal")["ascii"] == "Times New Roman"
    assert fonts("Title")["eastAsia"] == "方正小标宋简体"
    assert fonts("Heading 1")["eastAsia"] == "黑体"
    assert fonts("Heading 2")["eastAsia"] == "楷体_GB2312"
    langs = [lang.get(f"{W}eastAsia") for lang in styles.iter(f"{W}lang")]
    assert langs and set(langs) == {"zh-CN"}
    sizes = {s.find(f"{W}name").get(f"{W}val"): s.find(f"{W}rPr/{W}sz") for s in styles.iter(f"{W}style")}
    assert sizes["Title"].get(f"{W}val") == "44" and sizes["Body Text"].get(f"{W}val") == "32"
    body = next(s for s in styles.iter(f"{W}style") if s.find(f"{W}name").get(f"{W}val") == "Body Text")
    assert body.find(f"{W}pPr/{W}ind").get(f"{W}firstLineChars") == "200"
    table = xml(reports["hangkonggang"], "word/fontTable.xml")
    alt = {f.get(f"{W}name"): f.find(f"{W}altName") for f in table.iter(f"{W}font")}
    assert alt["仿宋_GB2312"].get(f"{W}val") == "仿宋" and alt["方正小标宋简体"] is not None


def test_chinese_line_breaking_rules_in_settings_in_schema_order(reports) -> None:  # type: ignore[no-untyped-def]
    settings = xml(reports["hangkonggang"], "word/settings.xml")
    names = [child.tag.replace(W, "") for child in settings]
    before, after = settings.find(f"{W}noLineBreaksBefore"), settings.find(f"{W}noLineBreaksAfter")
    assert before.get(f"{W}lang") == "zh-CN" and "，" in before.get(f"{W}val") and "”" in before.get(f"{W}val")
    assert "“" in after.get(f"{W}val") and "《" in after.get(f"{W}val")
    assert names.index("evenAndOddHeaders") < names.index("noLineBreaksAfter") \
        < names.index("noLineBreaksBefore") < names.index("compat")
    assert "embedTrueTypeFonts" not in names


def test_page_setup_after_gb_t_9704(reports) -> None:  # type: ignore[no-untyped-def]
    section = docx.Document(str(reports["zhongyuan"])).sections[0]
    assert (round(section.top_margin.mm), round(section.bottom_margin.mm),
            round(section.left_margin.mm), round(section.right_margin.mm)) == (37, 35, 28, 26)
    grid = section._sectPr.find(f"{W}docGrid")
    assert int(grid.get(f"{W}linePitch")) == 579  # 225 mm / 22 lines
    footers = [section.footer, section.even_page_footer]
    instructions = ["".join(t.text for t in f._element.iter(f"{W}instrText")) for f in footers]
    assert all("PAGE" in i for i in instructions)
    assert [f.paragraphs[0].alignment for f in footers] == [2, 0]  # odd right, even left
    assert footers[0].paragraphs[0].text.startswith("— ") and footers[0].paragraphs[0].text.endswith(" —")


def test_contents_are_prefilled_and_still_a_field(reports, edition) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(str(reports["bulletin"]))
    body = document.element.body
    instructions = "".join(t.text for t in body.iter(f"{W}instrText"))
    assert 'TOC \\o "1-3" \\h' in instructions
    toc = [p for p in document.paragraphs if p.style.name.lower().startswith("toc ")]
    titles = [listed(e.article) for e in edition.entries]
    shown = "".join(etree.tostring(p._p, method="text", encoding="unicode") for p in toc)
    assert all(title in shown for title in titles)
    anchors = {h.get(f"{W}anchor") for p in toc for h in p._p.iter(f"{W}hyperlink")}
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert anchors and anchors <= bookmarks and all(len(b) <= 40 for b in bookmarks)


def test_core_properties_and_closing(reports, edition) -> None:  # type: ignore[no-untyped-def]
    document = docx.Document(str(reports["xinzheng"]))
    props = document.core_properties
    assert props.title == "新郑市" and props.author == "区县新闻编辑部"
    assert props.created.date().isoformat() == "2021-06-30"
    assert "新郑市" in props.keywords
    assert [p.text for p in document.paragraphs[-2:]] == ["区县新闻编辑部", "2021年6月30日"]


def test_small_and_without_embedded_fonts(reports) -> None:  # type: ignore[no-untyped-def]
    for name, path in reports.items():
        with zipfile.ZipFile(path) as package:
            assert not [n for n in package.namelist() if n.startswith("word/fonts/")]
        if name != "bulletin":
            assert path.stat().st_size < 100_000, (name, path.stat().st_size)


def test_contents_title_districts_and_the_combined_report_read_as_a_report(reports, edition) -> None:  # type: ignore[no-untyped-def]
    """目录 is not a contents entry of its own after an update (body outline level);
    a district's heading is not dressed as an in-article subhead; the combined
    report names itself once on page 1 and starts each district on a new page."""
    combined = docx.Document(str(reports["bulletin"]))
    styles = xml(reports["bulletin"], "word/styles.xml")
    ns = {"w": W[1:-1]}

    def style(name: str) -> etree._Element:  # Word keeps built-in names in lower case
        return next(e for e in styles.iterfind(f"{W}style")
                    if e.find(f"{W}name").get(f"{W}val").lower() == name.lower())

    assert style("TOC Heading").xpath("string(w:pPr/w:outlineLvl/@w:val)", namespaces=ns) == "9"
    heading, subhead = style("Heading 1"), style("小标题")
    assert heading.xpath("string(w:pPr/w:jc/@w:val)", namespaces=ns) == "center"
    assert heading.xpath("string(w:rPr/w:sz/@w:val)", namespaces=ns) != \
        subhead.xpath("string(w:rPr/w:sz/@w:val)", namespaces=ns)
    assert not style("Subtitle").xpath("w:pPr/w:numPr", namespaces=ns)
    texts = [p.text for p in combined.paragraphs]
    assert texts[:2] == ["区县新闻汇编", "2021年6月 · 第6期"]
    district_headings = [p for p in combined.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in district_headings] == [d.name for d in edition.districts]
    assert [p.paragraph_format.page_break_before for p in district_headings] == \
        [None, True, True, True]
    single = docx.Document(str(reports["zhongyuan"]))
    assert [p.text for p in single.paragraphs][:2] == ["中原区", "区县新闻汇编（2021年6月 · 第6期）"]


def test_a_byline_glued_on_the_page_prints_its_roles_apart(tmp_path: Path) -> None:
    """A real page's byline reads 记者黄华通讯员杨明华 (v04): the report sets each role
    off from the name before it."""
    page = Path(__file__).resolve().parents[1] / "corpus" / "real" / "pages" / "v04.txt"
    edition = build_edition(parse_paths([page]), SETTINGS)
    assert any("黄华通讯员" in b for e in edition.entries for b in e.article.bylines)
    target = tmp_path / "t.docx"
    DocxExporter().write(Job("t.docx", edition), target, BuildOptions())
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs if p.style.name == "署名")
    assert "记者黄华 通讯员杨明华" in text and "黄华通讯员" not in text


def test_word_fills_in_the_contents_page_numbers_on_opening(reports) -> None:  # type: ignore[no-untyped-def]
    settings = xml(reports["zhongyuan"], "word/settings.xml")
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"


def test_nothing_left_from_python_docx_default_document(reports) -> None:  # type: ignore[no-untyped-def]
    """No blank thumbnail, no claim that Microsoft Macintosh Word wrote it, no
    Japanese faces in the font table; the folio's indent in twips for LibreOffice."""
    with zipfile.ZipFile(reports["zhongyuan"]) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode("utf-8")
        fonts = package.read("word/fontTable.xml").decode("utf-8")
        footers = [package.read(n).decode("utf-8") for n in names if n.startswith("word/footer")]
        rels = package.read("_rels/.rels").decode("utf-8")
    assert not any("thumbnail" in n for n in names) and "thumbnail" not in rels
    assert "Macintosh" not in app and "<Application>Pressroom</Application>" in app
    assert "ＭＳ" not in fonts
    assert footers and all(re.search(r'w:(left|right)="[1-9][0-9]*"', f) for f in footers)


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    first = run_build([INPUT], tmp_path / "a", ["docx"], SETTINGS, BuildOptions())
    second = run_build([INPUT], tmp_path / "b", ["docx"], SETTINGS, BuildOptions())
    assert [o.path.read_bytes() for o in first.outputs] == [o.path.read_bytes() for o in second.outputs]


def test_a_kept_template_gives_the_report_a_fresh_one_gives(tmp_path: Path) -> None:
    """The styled template is made once per layout and kept (in the store); a report
    made from it is byte for byte the report a template made afresh gives."""
    from converters.store import user_store

    kept = run_build([INPUT], tmp_path / "kept", ["docx"], SETTINGS, BuildOptions())
    shutil.rmtree(user_store().folder("docx"), ignore_errors=True)
    fresh = run_build([INPUT], tmp_path / "fresh", ["docx"], SETTINGS, BuildOptions())
    assert [o.path.read_bytes() for o in kept.outputs] == [o.path.read_bytes() for o in fresh.outputs]
    assert list(user_store().folder("docx").iterdir()), "no template kept"


def test_a_changed_layout_makes_a_new_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "layouts" / "docx"
    folder.mkdir(parents=True)
    styles = []
    for size in ("四号", "小四"):
        (folder / "mine.toml").write_text(f'extends = "official"\n[roles.body]\nsize = "{size}"\n',
                                          encoding="utf-8")
        result = run_build([INPUT], tmp_path / size, ["docx"], SETTINGS, BuildOptions(layout="mine"))
        assert result.ok, result.problems
        with zipfile.ZipFile(result.outputs[0].path) as package:
            styles.append(package.read("word/styles.xml"))
    assert styles[0] != styles[1]


def _edition_with(text: str):  # type: ignore[no-untyped-def]
    article = Article(title="测试<标题>&", body=(Block("paragraph", text),), district="中原区",
                      dateline="本报讯", bylines=("记者 张三",))
    return build_edition(Collection((Document("t.txt", (article,), district="中原区"),)), SETTINGS)


def test_illegal_characters_removed_with_a_warning_markup_kept(tmp_path: Path) -> None:
    edition = _edition_with("正文\x0b含控制符\ufffe，A<B & C>D。")
    target = tmp_path / "t.docx"
    report = DocxExporter().write(Job("t.docx", edition), target, BuildOptions())
    assert any("U+000B" in w and "U+FFFE" in w and "测试<标题>&" in w for w in report.warnings)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "正文含控制符，A<B & C>D。" in text and "测试<标题>&" in text


def _reference(tmp_path: Path, *, drop_heading_1: bool) -> Path:
    """A template as a Chinese Word saves it: style ids like 1/a0, its own page setup."""
    template = docx.Document()
    section = template.sections[0]
    section.left_margin = section.right_margin = docx.shared.Mm(40)
    template.styles["Heading 3"].font.color.rgb = docx.shared.RGBColor(0x12, 0x34, 0x56)
    template.add_paragraph("模板里的示例文字")
    styles = template.styles.element
    for style in styles.iter(f"{W}style"):
        name = style.find(f"{W}name").get(f"{W}val")
        if name == "heading 1" and drop_heading_1:
            styles.remove(style)
        elif name == "heading 2":
            style.set(f"{W}styleId", "2")
        elif name == "Normal":
            style.set(f"{W}styleId", "a0")
    path = tmp_path / "reference.docx"
    template.save(str(path))
    return path


def test_a_reference_docx_supplies_styles_and_page(tmp_path: Path) -> None:
    reference = _reference(tmp_path, drop_heading_1=True)
    layout = tmp_path / "mine.toml"
    layout.write_text(f'extends = "official"\nreference = "{reference}"\n', encoding="utf-8")
    result = run_build([INPUT / "002_3dce0f6fb7e53ae1.txt"], tmp_path / "out", ["docx"], SETTINGS,
                       BuildOptions(layout=str(layout)))
    assert result.ok, result.problems
    document = docx.Document(str(result.outputs[0].path))
    assert round(document.sections[0].left_margin.mm) == 40
    assert document.styles["Heading 3"].font.color.rgb == docx.shared.RGBColor(0x12, 0x34, 0x56)
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)  # created when missing
    assert "模板里的示例文字" not in "".join(p.text for p in document.paragraphs)


@pytest.fixture(scope="module")
def converted(reports, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    return libreoffice_pdfs(list(reports.values()), tmp_path_factory.mktemp("lo"))


def test_libreoffice_converts_every_report(converted, reports) -> None:  # type: ignore[no-untyped-def]
    for name, pdf in converted.items():
        assert pdf.is_file() and pdf.stat().st_size > 10_000, name
        with pdfplumber.open(pdf) as document:
            text = han_only("".join(p.extract_text() or "" for p in document.pages))
        paragraphs = docx.Document(str(reports[name])).paragraphs
        last_body = next(p.text for p in reversed(paragraphs) if p.style.name == "Body Text" and p.text)
        assert han_only(last_body)[-12:] in text, name


def test_official_page_is_22_lines_of_28_characters(converted) -> None:  # type: ignore[no-untyped-def]
    with pdfplumber.open(converted["hangkonggang"]) as document:
        pages = []
        for page in document.pages[1:]:
            rows: dict[float, list] = defaultdict(list)
            for char in page.chars:
                if 37 * MM - 2 < char["top"] < page.height - 35 * MM + 2:
                    rows[round(char["bottom"])].append(char)
            pages.append(rows)
    assert max(len(rows) for rows in pages) == 22
    right_edge = (210 - 26) * MM
    full = 0
    for rows in pages:
        for row in rows.values():
            row.sort(key=lambda c: c["x0"])
            if abs(row[-1]["x1"] - right_edge) > 3 or row[0]["x0"] > 28 * MM + 20:
                continue  # not a full line, or an indented first line
            cells = sum(0.5 if c["text"].isascii() else 1 for c in row if c["text"].strip())
            assert cells <= 28.5, "".join(c["text"] for c in row)
            if cells >= 27.5:
                full += 1
    assert full > 50


def test_a_series_planner_glued_to_the_reporters_prints_apart(tmp_path: Path) -> None:
    """801 prints □策划刘志松记者崔敬刘萌萌: the planner's credit, then the reporters."""
    page = Path(__file__).resolve().parents[1] / "corpus" / "real" / "pages" / "801.txt"
    edition = build_edition(parse_paths([page]), SETTINGS)
    target = tmp_path / "t.docx"
    DocxExporter().write(Job("t.docx", edition), target, BuildOptions())
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs if p.style.name == "署名")
    assert "策划刘志松 记者崔敬刘萌萌" in text

"""The PDF bulletin, read back with independent readers (pdfplumber, pypdf, pdffonts)."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from converters.build.run import run_build
from converters.parse.chars import han_only
from converters.config import Settings
from converters.edition import DISTRICT_LEVEL, build_edition
from converters.exporters import BuildOptions
from converters.exporters.pdf.typeset import CANNOT_END, CANNOT_START, CLOSING, PAUSE
from converters.parse.batch import parse_paths
from converters.presentation import listed

from conftest import INPUT, printed_han

SETTINGS = Settings(bulletin="区县新闻汇编", unit="区县新闻编辑部", edition="2021-06", issue=6,
                    slug="bulletin")
BODY_SIZE = 10.5
TOLERANCE = 0.5


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("pdf")
    result = run_build([INPUT], out, ["pdf"], SETTINGS, BuildOptions(split="district"))
    assert result.ok, result.problems
    return result


@pytest.fixture(scope="module")
def bulletin(sample_build) -> Path:  # type: ignore[no-untyped-def]
    return next(o.path for o in sample_build.outputs if o.path.name == "bulletin.pdf")


@pytest.fixture(scope="module")
def edition():  # type: ignore[no-untyped-def]
    return build_edition(parse_paths([INPUT]), SETTINGS)


def body_chars(path: Path) -> list[list[dict]]:
    """Per page, the characters inside the type area (running header and folio left out)."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            top, bottom = 22 * 72 / 25.4 - 1, page.height - 20 * 72 / 25.4 + 1
            pages.append([c for c in page.chars if top <= c["top"] <= bottom])
    return pages


def text_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into printed lines: same baseline, no column-sized gap."""
    rows: dict[float, list[dict]] = defaultdict(list)
    for char in chars:
        rows[round(char["bottom"], 1)].append(char)
    lines = []
    for _, row in sorted(rows.items()):
        row.sort(key=lambda c: c["x0"])
        current = [row[0]]
        for char in row[1:]:
            if char["x0"] - current[-1]["x1"] > 12:  # a gutter, not a justified gap
                lines.append(current)
                current = []
            current.append(char)
        lines.append(current)
    return lines


def line_text(line: list[dict]) -> str:
    return "".join(c["text"] for c in line)


def test_outputs_named_in_ascii(sample_build) -> None:  # type: ignore[no-untyped-def]
    names = sorted(o.path.name for o in sample_build.outputs)
    assert names == ["bulletin.pdf", "guancheng.pdf", "hangkonggang.pdf", "xinzheng.pdf",
                     "zhongyuan.pdf"]


def test_every_article_is_in_the_pdf_in_order(bulletin: Path, edition) -> None:  # type: ignore[no-untyped-def]
    stream = han_only("".join(c["text"] for page in body_chars(bulletin) for c in page))
    position = stream.index("目录") if "目录" in stream else 0
    for entry in edition.entries:
        article = entry.article
        printed = printed_han(article)
        found = stream.find(printed, position)
        assert found >= 0, f"{article.display_title} is missing or out of order"
        position = found + len(printed)


def test_each_district_pdf_holds_only_its_articles(sample_build, edition) -> None:  # type: ignore[no-untyped-def]
    for part in edition.districts:
        path = next(o.path for o in sample_build.outputs if o.path.name == f"{part.slug}.pdf")
        stream = han_only("".join(c["text"] for page in body_chars(path) for c in page))
        for entry in edition.entries:
            body = han_only(entry.article.body[-1].text)
            assert (body in stream) == (entry in part.entries), entry.article.display_title


def test_no_line_breaks_a_clreq_rule(bulletin: Path) -> None:
    checked = 0
    for number, chars in enumerate(body_chars(bulletin), start=1):
        lines = text_lines(chars)
        for line, following in zip(lines, lines[1:] + [None]):
            text = line_text(line).strip()
            if not text:
                continue
            checked += 1
            # A subtitle (set in the sans face) opens its own paragraph with ——.
            opens_subtitle = text.startswith("——") and "Sans" in line[0]["fontname"]
            assert opens_subtitle or text[0] not in CANNOT_START, \
                f"page {number}: line starts with {text[0]}: {text}"
            assert text[-1] not in CANNOT_END, f"page {number}: line ends with {text[-1]}: {text}"
            if following is not None and text.endswith(("—", "…")):
                nxt = line_text(following).strip()
                assert not (text[-1] == nxt[:1] and not text.endswith(text[-1] * 2)), \
                    f"page {number}: {text[-1] * 2} split across lines: {text}"
    assert checked > 300


def poppler_lines(path: Path) -> dict[int, list[tuple[float, float, float, float, str]]]:
    """Per page, printed line segments (x0, x1, baseline, height, text) as poppler places them.

    pdfminer (under pdfplumber) drops the character spacing after the last glyph
    of each text string, so at every font-subset switch its positions run short;
    poppler follows the PDF specification, so it measures justification.
    """
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages: dict[int, list] = {}
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        words = [(float(a), float(c), float(d), float(d) - float(b), t) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
        rows: dict[float, list] = defaultdict(list)
        for word in words:
            rows[round(word[2], 1)].append(word)
        segments = []
        for _, row in sorted(rows.items()):
            row.sort()
            current = list(row[0])
            for word in row[1:]:
                if word[0] - current[1] > 12:
                    segments.append(tuple(current))
                    current = list(word)
                else:
                    current[1], current[4] = word[1], current[4] + " " + word[4]
            segments.append(tuple(current))
        pages[number] = segments
    return pages


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_body_lines_are_justified_to_the_measure(bulletin: Path) -> None:
    """Every body line followed by a line of the same paragraph reaches the column edge
    (±0.5 pt); no line passes it, but for the blank half of a squeezed final mark."""
    mm = 72 / 25.4
    column = (210 * mm - (20 + 18 + 7) * mm) / 2
    checked = 0
    for number, segments in poppler_lines(bulletin).items():
        if number < 3:
            continue  # cover and contents
        left = (20 if number % 2 else 18) * mm
        starts = [left, left + column + 7 * mm]
        edges = [start + column for start in starts]
        body = [s for s in segments if abs(s[3] - BODY_SIZE) < 0.2 and 22 * mm < s[2] < 277 * mm
                and s[1] - s[0] < column + 6]  # the opener's banner spans both columns
        for _, x1, _, _, text in body:
            slack = BODY_SIZE / 2 if text[-1] in CLOSING | PAUSE else 0.0
            assert x1 <= max(edges) + slack + TOLERANCE, f"page {number}: overflows: {text}"
        for index in range(2):
            lines = sorted((s for s in body if abs(s[0] - starts[index]) < 1
                            or starts[index] < s[0] < edges[index]), key=lambda s: s[2])
            for line, following in zip(lines, lines[1:]):
                continues = abs(following[0] - starts[index]) < 0.5 and \
                    following[2] - line[2] < BODY_SIZE * 2
                if not continues:
                    continue
                checked += 1
                slack = BODY_SIZE / 2 if line[4][-1] in CLOSING | PAUSE else 0.0
                assert edges[index] - TOLERANCE <= line[1] <= edges[index] + slack + TOLERANCE, \
                    f"page {number}: line ends {edges[index] - line[1]:.2f} pt from the edge: {line[4]}"
    assert checked > 200


def test_every_font_is_embedded_and_subset(sample_build) -> None:  # type: ignore[no-untyped-def]
    for output in sample_build.outputs:
        reader = PdfReader(output.path)
        seen = 0
        for page in reader.pages:
            fonts = page["/Resources"].get_object().get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                descriptor = font.get("/FontDescriptor") or \
                    font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                descriptor = descriptor.get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
                assert re.match(r"^/[A-Z]{6}\+", str(font["/BaseFont"])), font["/BaseFont"]
                seen += 1
        assert seen


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) not installed")
def test_pdffonts_reports_every_font_embedded(bulletin: Path) -> None:
    rows = subprocess.run(["pdffonts", str(bulletin)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        emb, sub = row.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), row


def test_outline_is_district_then_office_then_article(bulletin: Path, edition) -> None:  # type: ignore[no-untyped-def]
    """As the contents read: district → 办事处/街道 → article; the file opens with the
    bookmarks shown."""
    reader = PdfReader(bulletin)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    outline = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["封面", "目录", *(d.name for d in edition.districts)]
    children = [item for item in outline if isinstance(item, list)]

    def tree(items: list) -> list:  # type: ignore[type-arg]
        out: list = []  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                out[-1] = (out[-1], tree(item))
            else:
                out.append(item.title)
        return out

    expected = []
    for district in edition.districts:
        if len(district.sections) == 1 and district.sections[0].name == DISTRICT_LEVEL:
            expected.append([listed(e.article) for e in district.entries])
        else:
            expected.append([(s.name, [listed(e.article) for e in s.entries])
                             for s in district.sections])
    assert [tree(group) for group in children] == expected
    assert any(isinstance(node, tuple) for group in expected for node in group), \
        "the sample has 办事处 to group under"


def test_contents_page_numbers_and_links(bulletin: Path, edition) -> None:  # type: ignore[no-untyped-def]
    reader = PdfReader(bulletin)
    pages_text = [han_only(p.extract_text() or "") for p in reader.pages]
    contents = reader.pages[1]
    links = [a.get_object() for a in contents.get("/Annots", [])]
    assert len(links) == len(edition.entries) + len(edition.districts)
    toc = pdfplumber.open(bulletin).pages[1]
    numbers = [int(w["text"]) for w in toc.extract_words() if w["text"].isdigit()
               and w["x0"] > toc.width * 0.8]
    assert len(numbers) == len(edition.entries) + len(edition.districts)
    expected = []
    for part in edition.districts:
        expected.append(next(i for i, t in enumerate(pages_text, 1) if i > 2 and han_only(part.name) in t))
        for entry in part.entries:
            title = han_only(entry.article.display_title)
            expected.append(next(i for i, t in enumerate(pages_text, 1) if i > 2 and title in t))
    assert numbers == expected


def test_running_header_and_folio_on_every_page_but_the_cover(bulletin: Path) -> None:
    """…and but the blank versos (see the test of those)."""
    with pdfplumber.open(bulletin) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            header = page.crop((0, 0, page.width, 22 * 72 / 25.4)).extract_text() or ""
            footer = page.crop((0, page.height - 20 * 72 / 25.4, page.width, page.height)).extract_text() or ""
            if number > 2 and not page.chars:
                continue
            if number == 1:
                assert "区县新闻汇编" not in header and f"— {number} —" not in footer
            else:
                assert "区县新闻汇编" in header and f"— {number} —" in footer


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    first = run_build([INPUT], tmp_path / "a", ["pdf"], SETTINGS, BuildOptions())
    second = run_build([INPUT], tmp_path / "b", ["pdf"], SETTINGS, BuildOptions())
    assert first.outputs[0].path.read_bytes() == second.outputs[0].path.read_bytes()


def test_document_information(bulletin: Path) -> None:
    info = PdfReader(bulletin).metadata
    assert info.title == "区县新闻汇编（2021年6月 · 第6期）"
    assert info.author == "区县新闻编辑部"
    assert "航空港区" in info["/Keywords"]
    assert info["/CreationDate"].startswith("D:20210630")
    assert PdfReader(bulletin).trailer["/Root"]["/Lang"] == "zh-CN"


def test_print_mode_has_bleed_trim_and_marks_without_scaling(tmp_path: Path) -> None:
    result = run_build([INPUT / "004_71a2d933984926d5.txt"], tmp_path, ["pdf"], SETTINGS,
                       BuildOptions(print_marks=True))
    page = PdfReader(result.outputs[0].path).pages[1]
    trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
    mm = 72 / 25.4
    assert abs(float(trim.width) - 210 * mm) < 0.1 and abs(float(trim.height) - 297 * mm) < 0.1
    assert abs(float(bleed.width) - 216 * mm) < 0.1
    assert float(media.width) > float(bleed.width) + 10 * mm
    content = page.get_contents().get_data()
    assert b" cm" not in content.split(b"BT")[0] or b"1 0 0 1" in content  # only translations


def test_the_print_file_is_four_colour_with_its_output_intent(tmp_path: Path) -> None:
    """--print: every colour the four process inks (the red rules and names a CMYK
    red, the greys tints of black), black text overprinting, and the file saying it
    is PDF/X-1a:2003 for FOGRA39 with a trim and bleed box on every page."""
    result = run_build([INPUT], tmp_path, ["pdf"], SETTINGS, BuildOptions(print_marks=True))
    reader = PdfReader(result.outputs[0].path)
    [intent] = [i.get_object() for i in reader.trailer["/Root"]["/OutputIntents"]]
    assert (intent["/S"], intent["/OutputConditionIdentifier"]) == ("/GTS_PDFX", "FOGRA39")
    assert reader.metadata["/GTS_PDFXVersion"] == "PDF/X-1a:2003"
    assert reader.metadata["/Trapped"] == "/False" and reader.metadata.title
    colours: set[bytes] = set()
    overprints = 0
    for page in reader.pages:
        assert "/TrimBox" in page and "/BleedBox" in page
        contents = page["/Contents"]  # the streams as written, not pypdf's reassembly
        streams = [c.get_object().get_data() for c in
                   (contents if isinstance(contents, list) else [contents])]
        resources = page["/Resources"]
        streams += [x.get_object().get_data() for x in resources.get("/XObject", {}).values()]
        states = resources.get("/ExtGState", {})
        overprints += sum(bool(s.get_object().get("/op")) for s in states.values())
        for stream in streams:
            assert not re.search(rb"/(DeviceRGB|CalRGB|ICCBased|Lab)\b", stream)
            for operands, operator in re.findall(
                    rb"((?:-?[\d.]+\s+)+)(rg|RG|g|G|k|K|sc|SC|scn|SCN)\b", stream):
                assert operator in (b"k", b"K"), (page.page_number, operands, operator)
                colours.add(b" ".join(operands.split()[-4:]))
    assert b"0 0 0 1" in colours  # black text
    assert any(c.startswith(b"0 .81 .81") for c in colours)  # the red, as inks
    assert overprints, "black text overprints"


def test_markup_looking_text_prints_literally(tmp_path: Path) -> None:
    page = tmp_path / "markup.txt"
    page.write_text("测试<b>标记</b>文字\n\n本报讯 近日，中原区举行活动，A<B & C>D，"
                    "<font color=red>红</font>。\n\n记者 张三\n", encoding="utf-8")
    result = run_build([page], tmp_path / "out", ["pdf"], SETTINGS, BuildOptions())
    assert result.ok, result.problems
    text = "".join(p.extract_text() for p in PdfReader(result.outputs[0].path).pages)
    assert "<b>标记</b>" in text.replace("\n", "")
    assert "A<B & C>D" in text.replace("\n", "")
    assert "<font color=red>红</font>" in text.replace("\n", "")


def test_missing_glyph_is_reported_with_file_article_and_character(tmp_path: Path) -> None:
    page = tmp_path / "emoji.txt"
    page.write_text("点赞活动\n\n本报讯 近日，中原区举行点赞😀活动。\n\n记者 张三\n", encoding="utf-8")
    result = run_build([page], tmp_path / "out", ["pdf"], SETTINGS, BuildOptions())
    warnings = result.outputs[0].warnings
    assert any("emoji.txt" in w and "点赞活动" in w and "😀" in w and "U+1F600" in w
               for w in warnings), warnings


def test_a_users_layout_file_extends_a_shipped_one(tmp_path: Path, bulletin: Path) -> None:
    """A3, three columns and a plain TrueType file named by path, in a copied layout."""
    from converters.fonts import FontSource, prepare
    from converters.store import user_store
    ttf = tmp_path / "MySerif.ttf"
    shutil.copy(prepare(FontSource("pkg:pylopdf_fonts_zh_cn/NotoSerifSC-Regular.otf"),
                        "".join(chr(c) for c in range(0x4E00, 0x4E00 + 400)),
                        store=user_store()).path, ttf)
    layout = tmp_path / "mine.toml"
    layout.write_text(f'''extends = "bulletin"
[page]
size = "A3"
columns = 3
[fonts.plain]
file = "{ttf}"
[roles.toc-entry]
font = ["plain", "serif"]
''', encoding="utf-8")
    result = run_build([INPUT], tmp_path / "out", ["pdf"], SETTINGS, BuildOptions(layout=str(layout)))
    assert result.ok, result.problems
    reader = PdfReader(result.outputs[0].path)
    assert abs(float(reader.pages[0].mediabox.width) - 842) < 1  # A3 portrait
    assert len(reader.pages) < len(PdfReader(bulletin).pages)
    with pdfplumber.open(result.outputs[0].path) as pdf:
        starts = {round(c["x0"]) for c in pdf.pages[3].chars if abs(c["size"] - BODY_SIZE) < 0.1}
    assert len({x // 100 for x in starts}) >= 3  # text in three columns


def test_bad_layout_is_a_clear_error(tmp_path: Path) -> None:
    layout = tmp_path / "broken.toml"
    layout.write_text('extends = "bulletin"\n[roles.body]\nfont = ["nosuchface"]\n', encoding="utf-8")
    result = subprocess.run(["pressroom", "build", "--format", "pdf", "--layout", str(layout),
                             "-o", str(tmp_path / "out"), str(INPUT)], capture_output=True, text=True)
    assert result.returncode != 0
    assert "nosuchface" in result.stderr and "font catalog" in result.stderr


def test_headlines_are_never_stranded_at_a_column_foot(bulletin: Path) -> None:
    with pdfplumber.open(bulletin) as pdf:
        for number, page in enumerate(pdf.pages[2:], start=3):
            chars = [c for c in page.chars if 22 * 72 / 25.4 < c["top"] < page.height - 20 * 72 / 25.4]
            titles = [c for c in chars if abs(c["size"] - 16) < 0.1]
            for title in titles:
                below = [c for c in chars if abs(c["x0"] - title["x0"]) < 250 and c["top"] > title["top"] + 30
                         and abs(c["size"] - BODY_SIZE) < 0.1
                         and (c["x0"] < page.width / 2) == (title["x0"] < page.width / 2)]
                assert len(below) >= 20, f"page {number}: “{title['text']}…” has no text under it"


def test_body_text_is_pure_k_black(bulletin: Path) -> None:
    content = PdfReader(bulletin).pages[3].get_contents().get_data().decode("latin-1")
    body_runs = re.findall(r"BT .*?ET", content, re.S)
    assert body_runs and all(" 0 0 0 1 k" in run or " k" not in run for run in body_runs)
    assert sum(" 0 0 0 1 k" in run for run in body_runs) > 5


def test_a_dash_pair_is_one_unbroken_rule(bulletin: Path) -> None:
    """破折号: the two em dashes of Noto Serif SC leave a gap between them; each pair
    is drawn as one 2-em rule at the em box's middle, and stays —— in the text."""
    with pdfplumber.open(bulletin) as pdf:
        found = 0
        for page in pdf.pages:
            chars = page.chars
            pairs = [(c, chars[i + 1]) for i, c in enumerate(chars[:-1])
                     if c["text"] == chars[i + 1]["text"] == "—"]  # not a folio's — 2 —
            for first, second in pairs:
                size = first["size"]
                rules = [r for r in page.rects
                         if abs(r["x0"] - first["x0"]) < 0.5 and r["height"] < 0.1 * size
                         and abs(r["width"] - 2 * size) < 0.05 and r["x1"] >= second["x1"]
                         and first["top"] < r["top"] < first["bottom"]]
                assert len(rules) == 1, (page.page_number, first["x0"])
                found += 1
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert found >= 4 and text.count("——") >= 4


def test_a_blank_page_is_blank_and_a_district_file_ends_on_its_text(sample_build, bulletin: Path
                                                                     ) -> None:
    """The versos that let each district open on a recto carry no running head and no
    folio; a district's own file (--split) does not end on one."""
    with pdfplumber.open(bulletin) as pdf:
        blank = [page for page in pdf.pages[2:] if not page.chars
                 or not (page.crop((0, 30 * 72 / 25.4, page.width, page.height - 30 * 72 / 25.4))
                         .extract_text() or "").strip()]
        assert blank, "the sample's districts leave versos to fill"
        for page in blank:
            assert not page.chars and not page.lines and not page.rects, page.page_number
    for output in sample_build.outputs:
        if output.path.name != "bulletin.pdf":
            with pdfplumber.open(output.path) as pdf:
                assert (pdf.pages[-1].extract_text() or "").strip(), output.path.name
                assert len(pdf.pages) == output.pages


def test_a_contents_of_even_length_leaves_a_blank_verso_blank(tmp_path: Path) -> None:
    """Cover and a two-page contents: the verso after them, so that the first district
    opens on a recto, is blank too (no folio)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(1, 51):
        (pages / f"p{n:02d}.txt").write_text(
            f"# 中原区第{n}项民生工程顺利完工\n\n本报讯（记者 王小明）近日，中原区第{n}项"
            "民生工程顺利完工，周边居民出行更加方便。\n", encoding="utf-8")
    result = run_build([pages], tmp_path / "out", ["pdf"], SETTINGS, BuildOptions())
    assert result.ok, result.problems
    with pdfplumber.open(result.outputs[0].path) as pdf:
        front = [page for page in pdf.pages[1:5] if "目" in (page.extract_text() or "")[:40]]
        verso = pdf.pages[len(front) + 1]
        assert len(front) == 2, "the contents fill two pages"
        assert not verso.chars and not verso.lines and not verso.rects, verso.extract_text()
        assert "中原区" in pdf.pages[len(front) + 2].extract_text()


def test_body_lines_of_both_columns_sit_on_one_grid(bulletin: Path) -> None:
    """Every body line of every page, in either column, on one baseline grid of
    the body's leading: headings take whole lines (the text after them snaps back)."""
    leading = 10.5 * 1.75  # the bulletin layout's body: 五号, leading 1.75
    with pdfplumber.open(bulletin) as pdf:
        lines = 0
        for page in pdf.pages[2:]:
            body = {round(c["bottom"], 2) for c in page.chars
                    if abs(c["size"] - 10.5) < 0.01 and "Serif" in c["fontname"]}
            if not body:
                continue
            base = min(body)
            for bottom in body:
                offset = (bottom - base) % leading
                assert min(offset, leading - offset) < 0.05, (page.page_number, bottom)
            mid = page.width / 2
            left = {round(c["bottom"], 2) for c in page.chars if c["x1"] < mid}
            right = {round(c["bottom"], 2) for c in page.chars if c["x0"] > mid}
            lines += len(body)
            assert left and right
        assert lines > 300


def test_a_districts_last_page_is_balanced(sample_build) -> None:  # type: ignore[no-untyped-def]
    """Its text is shared between the columns, which end within a line of each other
    (where a widow or a deck's keep stands in the way, a paragraph of the page is
    set a line longer or shorter), not a full column against a few lines."""
    leading = 10.5 * 1.75
    differences = []
    for output in sample_build.outputs:
        if output.path.name == "bulletin.pdf":
            continue
        with pdfplumber.open(output.path) as pdf:
            page = pdf.pages[-1]  # a district's own file ends on its text
            mid = page.width / 2
            body = [c for c in page.chars if abs(c["size"] - 10.5) < 0.01
                    and "Serif" in c["fontname"]]
            left = {round(c["bottom"]) for c in body if c["x1"] < mid}
            right = {round(c["bottom"]) for c in body if c["x0"] > mid}
            assert left and right, output.path.name
            differences.append(abs(max(left) - max(right)) / leading)
    assert max(differences) <= 1.05, differences


def test_no_subhead_or_headline_ends_a_column(bulletin: Path, edition) -> None:  # type: ignore[no-untyped-def]
    """A subhead or a deck goes with at least two lines of its text: it never stands
    last in a column with its text in the next."""
    headings = {re.sub(r"\s+", "", block.text) for entry in edition.entries
                for block in entry.article.body if block.kind == "subhead"}
    headings |= {re.sub(r"\s+", "", entry.article.title or "") for entry in edition.entries}
    assert len(headings) > 20
    ends = 0
    with pdfplumber.open(bulletin) as pdf:
        for page in pdf.pages[2:]:
            mid = page.width / 2
            for column in ([c for c in page.chars if c["x1"] < mid], [c for c in page.chars if c["x0"] > mid]):
                lines = [line_text(line) for line in text_lines(column)
                         if line[0]["top"] < page.height - 20 * 72 / 25.4]  # not the folio
                if not lines:
                    continue
                ends += 1
                last = re.sub(r"\s+", "", lines[-1])
                assert not any(last and last in heading for heading in headings), (page.page_number, lines[-3:])
    assert ends > 20

"""`pressroom build` as a whole, and every registered exporter against one model."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from converters.build.plan import safe_target
from converters.parse.chars import han_only
from converters.config import Settings
from converters.edition import build_edition, slugify
from converters.exporters import BuildOptions, available, load
from converters.model import Article, Block, Collection, Document

from conftest import INPUT, ROOT

SETTINGS = Settings(slug="bulletin", edition="2021-06")


def every_element() -> Collection:
    """A model with each kind of element an exporter must handle."""
    full = Article(
        title="完整的新闻标题", kicker="引题文字在此", subtitle="副题说明文字", section="郑港办事处",
        subdistrict="郑港办事处", district="航空港区", dateline="本报讯", date="6月9日",
        reporters=("王军方",), correspondents=("贺振广",), credit="文/图",
        bylines=("记者 王军方 通讯员 贺振广 文/图",),
        body=(Block("paragraph", "第一段正文，含数字1,000与English单词。"),
              Block("subhead", "一个小标题"), Block("paragraph", "第二段正文——破折号……省略号。")))
    untitled = Article(title=None, district="中原区", body=(Block("paragraph", "没有标题的文章正文。"),))
    unknown = Article(title="区县不明的文章", district=None, body=(Block("paragraph", "地点不明。"),))
    return Collection((Document("page.txt", (full, untitled, unknown), district="航空港区"),))


def output_han(path: Path) -> str:
    if path.suffix == ".pdf":
        return han_only("".join(p.extract_text() or "" for p in PdfReader(path).pages))
    if path.suffix == ".docx":
        return han_only("".join(p.text for p in docx.Document(str(path)).paragraphs))
    with zipfile.ZipFile(path) as package:
        return han_only("".join(package.read(n).decode() for n in package.namelist()
                                if n.endswith(".xhtml")))


@pytest.mark.parametrize("name", sorted(available()))
def test_every_exporter_handles_every_element(name: str, tmp_path: Path) -> None:
    edition = build_edition(every_element(), SETTINGS)
    exporter = load(name)
    jobs = exporter.plan(edition, BuildOptions(split="district", combined=True))
    assert jobs
    for job in jobs:
        target = tmp_path / job.name
        exporter.write(job, target, BuildOptions())
        text = output_han(target)
        for entry in job.edition.entries:
            article = entry.article
            for piece in (article.kicker, article.title, article.subtitle, *article.bylines,
                          *(b.text for b in article.body)):
                if piece:
                    assert han_only(piece) in text, (name, job.name, piece)


def test_bad_input_still_builds_the_rest_and_fails(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(INPUT / "002_3dce0f6fb7e53ae1.txt", pages)
    (pages / "broken.txt").write_bytes(b"\x00\x01\x02" * 40)
    result = subprocess.run([sys.executable, "-m", "converters.cli", "build", "-f", "pdf,docx,epub",
                             "-o", str(tmp_path / "out"), str(pages)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    assert (tmp_path / "out/pdf/bulletin-2021-06.pdf").is_file()
    assert (tmp_path / "out/docx/hangkonggang.docx").is_file()
    assert (tmp_path / "out/epub/bulletin-2021-06.epub").is_file()


@pytest.mark.parametrize("name", ["../x", "a/b", "..", ".hidden", "区县", "C:\\evil", ""])
def test_no_name_leaves_the_output_folder(name: str, tmp_path: Path) -> None:
    slug = slugify(name, "district-1")
    target = safe_target(tmp_path, f"{slug}.pdf")
    assert target.parent == tmp_path and "/" not in slug and ".." not in slug
    with pytest.raises(ValueError):
        safe_target(tmp_path, "../escape.pdf")


def test_district_file_names_stay_the_same_from_month_to_month() -> None:
    # ours by the gazetteer's slug, a county elsewhere by its division code, the articles
    # no district claims as other; a name two counties share (市中区) by its place in the list
    def page(source: str, district: str | None) -> Document:
        return Document(source, (Article(title=f"{district}的新闻", district=district,
                                          body=(Block("paragraph", "正文。"),)),), district=district)

    edition = build_edition(Collection((page("a.txt", "中原区"), page("b.txt", "温县"),
                                        page("c.txt", None), page("d.txt", "市中区"))), SETTINGS)
    slugs = {district.name: district.slug for district in edition.districts}
    assert slugs["中原区"] == "zhongyuan" and slugs["温县"] == "410825" and slugs["其他"] == "other"
    assert slugs["市中区"].startswith("district-")


def test_unknown_format_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "converters.cli", "build", "-f", "pdf,rtf",
                             "-o", str(tmp_path), str(INPUT)], capture_output=True, text=True)
    assert result.returncode != 0 and "rtf" in result.stderr and "registered" in result.stderr


def test_formats_lists_the_registered_exporters() -> None:
    result = subprocess.run([sys.executable, "-m", "converters.cli", "formats"],
                            capture_output=True, text=True, check=True)
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["docx", "epub", "pdf"]

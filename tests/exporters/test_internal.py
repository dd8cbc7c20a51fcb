"""An internal publication (内部资料, ``[edition] internal = true``): its cover says so
and carries the 准印证 number and the imprint, and no format prints 本报讯 or a
记者 byline (《内部资料性出版物管理办法》 Art. 14; ../shared/typography.md §5.1)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from conftest import INPUT
from pypdf import PdfReader

from converters.build.run import run_build
from converters.config import Settings
from converters.exporters import BuildOptions

PERMIT = "（豫）内资准字A-2021-001号"
SETTINGS = Settings(edition="2021-06", issue=6, slug="bulletin", internal=True, permit=PERMIT,
                    recipients="各区县新闻办", printer="郑州市印刷厂", copies=500)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("internal")
    result = run_build([INPUT], out, ["pdf", "docx", "epub"], SETTINGS, BuildOptions())
    assert result.ok, result.problems
    return {o.path.name: o.path for o in result.outputs}


def test_the_cover_says_what_it_is_with_its_permit_and_imprint(outputs) -> None:  # type: ignore[no-untyped-def]
    cover = PdfReader(outputs["bulletin.pdf"]).pages[0].extract_text()
    for line in ("内部资料，免费交流", PERMIT, "编印单位：", "发送对象：各区县新闻办",
                 "印刷单位：郑州市印刷厂", "印刷日期：2021年6月30日", "印数：500份"):
        assert line in cover.replace("\n", ""), line
    report = [p.text for p in docx.Document(str(outputs["zhongyuan.docx"])).paragraphs[:10]]
    assert "内部资料，免费交流" in report and f"准印证号：{PERMIT}" in report


def test_no_dateline_or_reporter_byline_in_any_format(outputs) -> None:  # type: ignore[no-untyped-def]
    pdf = "".join(p.extract_text() for p in PdfReader(outputs["bulletin.pdf"]).pages)
    with zipfile.ZipFile(outputs["bulletin.epub"]) as book:
        epub = "".join(book.read(n).decode("utf-8") for n in book.namelist()
                       if n.startswith("EPUB/text/a"))
    word = "\n".join(p.text for name in outputs if name.endswith(".docx")
                     for p in docx.Document(str(outputs[name])).paragraphs)
    for text in (pdf, epub, word):
        assert "本报讯" not in text and "记者" not in text
        assert "撰稿" in text and "供稿）" in text


def test_pressroom_check_reads_an_internal_edition_as_printed(outputs) -> None:  # type: ignore[no-untyped-def]
    """The check looks for the credits printed in place of 本报讯 and 记者 bylines,
    and finds every output whole."""
    from converters.check import check_build

    result = check_build(next(iter(outputs.values())).parent.parent)
    assert len(result.outputs) == 6
    assert all(not check.problems for check in result.outputs), \
        [(check.path.name, check.problems[:2]) for check in result.outputs if check.problems]

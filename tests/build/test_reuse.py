"""A district typeset again after a correction reuses the pages before and after the
change, and gives the very file a full typesetting gives."""
from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from converters.build.run import run_build
from converters.config import Settings
from converters.edition import Edition, build_edition
from converters.exporters import BuildOptions
from converters.exporters.pdf.styles import build_layout
from converters.layout import load_layout
from converters.store import user_store
from converters.exporters.pdf.district import TypesetDistrict, typeset_district
from converters.build.manifest import PARTS_FOLDER, state_folder
from converters.model import Article
from converters.parse.batch import parse_paths

from conftest import ROOT

SETTINGS = Settings(edition="2021-06", slug="bulletin-2021-06", district_order=("航空港区", "中原区", "管城回族区", "新郑市"))
LONG = "这是一段很长的更正说明，补充了原文遗漏的情况。" * 30


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A week of the sample pages: districts of a few dozen pages each."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate_month

    folder = tmp_path_factory.mktemp("week") / "pages"
    generate_month(folder, days=7)
    return folder


@pytest.fixture(scope="module")
def district(week: Path) -> Edition:
    edition = build_edition(parse_paths([week]), SETTINGS)
    return edition.only(edition.districts[0])


@pytest.fixture(scope="module")
def typeset(district: Edition, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    layout = build_layout(load_layout("bulletin", "pdf"), district.characters(), store=user_store())
    folder = tmp_path_factory.mktemp("parts")
    old = typeset_district(district, layout, folder / "old.pdf")
    assert old.pages >= 20, "the district should span many pages"
    return layout, folder / "old.pdf", old


def edited(edition: Edition, number: int, change) -> Edition:  # type: ignore[no-untyped-def]
    """``edition`` (one district) with article ``number`` changed by ``change``
    (Article → Article, or None to drop it)."""
    (part,) = edition.districts
    sections, seen = [], 0
    for section in part.sections:
        entries = []
        for entry in section.entries:
            if seen == number:
                article = change(entry.article)
                if article is not None:
                    entries.append(dataclasses.replace(entry, article=article))
            else:
                entries.append(entry)
            seen += 1
        sections.append(dataclasses.replace(section, entries=tuple(entries)))
    return dataclasses.replace(edition, districts=(dataclasses.replace(part, sections=tuple(sections)),))


def append_to_first_paragraph(text: str):  # type: ignore[no-untyped-def]
    def change(article: Article) -> Article:
        body = list(article.body)
        first = next(i for i, block in enumerate(body) if block.kind == "paragraph")
        body[first] = dataclasses.replace(body[first], text=body[first].text + text)
        return dataclasses.replace(article, body=tuple(body))
    return change


def doubled(article: Article) -> Article:
    return dataclasses.replace(article, body=article.body + article.body)


CHANGES = {
    "a word in a middle article": ("middle", append_to_first_paragraph("（更正）")),
    "a word in the first article": (0, append_to_first_paragraph("（更正）")),
    "a word in the last article": ("last", append_to_first_paragraph("（更正）")),
    "a long addition": ("middle", append_to_first_paragraph(LONG)),
    "an article twice as long": ("middle", doubled),
    "an article dropped": ("middle", lambda article: None),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_typesetting_again_gives_the_file_a_full_typesetting_gives(
        name: str, district: Edition, typeset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    layout, old_path, old = typeset
    where, change = CHANGES[name]
    count = len(district.entries)
    number = {"middle": count // 2, "last": count - 1}.get(where, where)  # type: ignore[arg-type]
    corrected = edited(district, number, change)
    full = typeset_district(corrected, layout, tmp_path / "full.pdf")
    again = typeset_district(corrected, layout, tmp_path / "again.pdf", (old_path, old))
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "full.pdf").read_bytes()
    assert dataclasses.replace(again, reused=(0, 0)) == full
    head, tail = again.reused
    assert head + tail < again.pages  # something was typeset again
    # a small correction: typeset from the page its article begins on, until the
    # layout falls back into step with the old pages (none after the last article)
    expected = {"a word in a middle article": head > 0 and tail > 0 and head + tail >= again.pages - 4,
                "a word in the first article": tail >= again.pages - 4,
                "a word in the last article": head >= again.pages - 6}
    assert expected.get(name, True), again.reused


def test_a_corrected_page_reuses_its_districts_pages_in_a_build(week: Path, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(week, pages)
    out, clean = tmp_path / "build", tmp_path / "clean"
    first = run_build([pages], out, ["pdf"], SETTINGS, BuildOptions())
    assert first.ok, first.problems
    page = sorted(pages.iterdir())[7 * 5 // 2]
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("。", "（本报更正）。", 1), encoding="utf-8")
    again = run_build([pages], out, ["pdf"], SETTINGS, BuildOptions())
    assert again.ok and again.built, again.problems
    fresh = run_build([pages], clean, ["pdf"], SETTINGS, BuildOptions())
    assert fresh.ok, fresh.problems
    bulletin = out / "pdf" / "bulletin-2021-06.pdf"
    assert bulletin.read_bytes() == (clean / "pdf" / "bulletin-2021-06.pdf").read_bytes()
    # one district part was typeset again, most of its pages reused
    folder = state_folder(out) / PARTS_FOLDER / "pdf"
    reused = [json.loads(p.read_text())["reused"] for p in folder.glob("*.pdf.json")
              if not p.name.startswith("_front")]
    assert sum(head + tail > 0 for head, tail in reused) == 1, reused
    assert "（本报更正）" in "".join(p.extract_text() for p in PdfReader(bulletin).pages)


def test_a_part_is_not_reused_across_layouts(week: Path, tmp_path: Path) -> None:
    """A part made with other settings (here: print marks) is never taken apart."""
    pages = tmp_path / "pages"
    shutil.copytree(week, pages)
    out = tmp_path / "build"
    assert run_build([pages], out, ["pdf"], SETTINGS, BuildOptions()).ok
    page = sorted(pages.iterdir())[3]
    page.write_text(page.read_text(encoding="utf-8").replace("。", "（更正）。", 1), encoding="utf-8")
    marked = run_build([pages], out, ["pdf"], SETTINGS, BuildOptions(print_marks=True))
    assert marked.ok, marked.problems
    folder = state_folder(out) / PARTS_FOLDER / "pdf"
    assert all(json.loads(p.read_text())["reused"] == [0, 0] for p in folder.glob("*.pdf.json")
               if not p.name.startswith("_front"))


def test_kept_data_round_trips_through_json(typeset) -> None:  # type: ignore[no-untyped-def]
    _, _, old = typeset
    assert TypesetDistrict.from_json(json.loads(json.dumps(old.to_json()))) == old


def test_kept_folios_and_font_programs_give_the_same_bulletin(tmp_path: Path) -> None:
    """What assembling keeps between builds (the folios and page numbers drawn, each
    face's embedded program) changes nothing: a build without them is identical."""

    warm, cold = tmp_path / "warm", tmp_path / "cold"
    assert run_build([ROOT / "input"], warm, ["pdf"], SETTINGS, BuildOptions()).ok
    assert run_build([ROOT / "input"], warm, ["pdf"], SETTINGS, BuildOptions(), force=True).ok
    shutil.rmtree(user_store().folder("overlays"), ignore_errors=True)
    for kept in user_store().folder("fonts").glob("*.embedded"):
        kept.unlink()
    assert run_build([ROOT / "input"], cold, ["pdf"], SETTINGS, BuildOptions()).ok
    assert list(user_store().folder("fonts").glob("*.embedded")), "nothing kept"
    assert (warm / "pdf" / "bulletin-2021-06.pdf").read_bytes() == \
        (cold / "pdf" / "bulletin-2021-06.pdf").read_bytes()


def test_a_damaged_old_part_is_not_reused(district: Edition, typeset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    layout, old_path, old = typeset
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(old_path.read_bytes()[: len(old_path.read_bytes()) // 2])
    corrected = edited(district, len(district.entries) // 2, append_to_first_paragraph("（更正）"))
    again = typeset_district(corrected, layout, tmp_path / "again.pdf", (damaged, old))
    full = typeset_district(corrected, layout, tmp_path / "full.pdf")
    assert again.reused == (0, 0) and again == full
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "full.pdf").read_bytes()

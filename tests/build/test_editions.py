"""Editions: a folder of pages per month, each built into its own folder; the month
from the folder's name, else from the pages' dates; the flat input/ of earlier
versions still builds as it did."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from converters.commands import commands

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "corpus" / "real" / "pages"


def page(number: str) -> Path:
    return next((ROOT / "input").glob(f"{number}_*.txt"))


def build(folder: Path, *args: str) -> object:
    result = CliRunner().invoke(commands, ["build", *args, "-f", "docx,epub", "-q"],
                                catch_exceptions=False)
    return result


@pytest.fixture()
def months(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for month, numbers in (("2021-06", ["000", "002"]), ("2021-07", ["003", "004"])):
        (tmp_path / "input" / month).mkdir(parents=True)
        for number in numbers:
            shutil.copy(page(number), tmp_path / "input" / month)
    (tmp_path / "pressroom.toml").write_text(
        '[edition]\nbulletin = "区县新闻汇编"\nslug = "bulletin"\nfirst_month = "2021-01"\n'
        "first_issue = 1\n", encoding="utf-8")
    return tmp_path


def record(folder: Path) -> dict:
    return json.loads((folder / "edition.json").read_text(encoding="utf-8"))


def test_two_months_build_side_by_side_into_their_own_folders(months: Path) -> None:
    result = build(months)
    assert result.exit_code == 0, result.output
    june, july = months / "build" / "2021-06", months / "build" / "2021-07"
    assert (june / "epub" / "bulletin-2021-06.epub").is_file()
    assert (july / "epub" / "bulletin-2021-07.epub").is_file()
    assert not (months / "build" / "epub").exists(), "nothing of a month outside its folder"
    assert (record(june)["edition"], record(june)["issue"]) == ("2021-06", 6)
    assert (record(july)["edition"], record(july)["issue"]) == ("2021-07", 7)
    # each month holds its own pages' districts, and its reports say which month
    june_reports = {o["district"] for o in record(june)["outputs"] if o["format"] == "docx"}
    july_reports = {o["district"] for o in record(july)["outputs"] if o["format"] == "docx"}
    assert june_reports and july_reports and not june_reports & july_reports
    report = next((july / "docx").glob("*.docx"))
    text = "\n".join(p.text for p in Document(str(report)).paragraphs)
    assert "2021年7月" in text and "第7期" in text
    for output in record(july)["outputs"]:
        assert (july / output["path"]).stat().st_size == output["size"]

    # a month's page corrected: only that month is built again
    before = (june / "epub" / "bulletin-2021-06.epub").stat().st_mtime_ns
    corrected = next((months / "input" / "2021-07").glob("003_*.txt"))
    corrected.write_text(corrected.read_text(encoding="utf-8").replace("。", "（更正）。", 1),
                         encoding="utf-8")
    again = CliRunner().invoke(commands, ["build", "-f", "docx,epub", "--json"])
    assert again.exit_code == 0
    assert (june / "epub" / "bulletin-2021-06.epub").stat().st_mtime_ns == before


def test_one_edition_is_chosen_with_edition(months: Path) -> None:
    result = build(months, "--edition", "2021-07")
    assert result.exit_code == 0, result.output
    assert (months / "build" / "2021-07" / "edition.json").is_file()
    assert not (months / "build" / "2021-06").exists()
    missing = build(months, "--edition", "2021-09")
    assert missing.exit_code != 0
    assert "2021-09" in missing.output and "2021-06, 2021-07" in missing.output


def test_the_month_comes_from_the_pages_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    """No month in the settings or the folder: the pages' own dates (a digital
    edition's chrome: 2020-12-18) say it; undated pages beside them follow."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    shutil.copy(REAL / "32.txt", tmp_path / "pages")
    shutil.copy(page("000"), tmp_path / "pages")
    result = build(tmp_path, "pages", "-o", "out")
    assert result.exit_code == 0, result.output
    assert record(tmp_path / "out")["edition"] == "2020-12"
    assert (tmp_path / "out" / "epub" / "bulletin-2020-12.epub").is_file()


def test_undated_pages_without_a_month_say_how_to_name_it(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    shutil.copy(page("000"), tmp_path / "pages")
    result = build(tmp_path, "pages")
    assert result.exit_code == 1
    assert "no month for the edition" in result.output and "YYYY-MM" in result.output
    assert build(tmp_path, "pages", "--edition", "2021-06").exit_code == 0
    assert record(tmp_path / "build")["edition"] == "2021-06"


def test_the_flat_input_with_its_settings_builds_as_before(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "input", tmp_path / "input")
    shutil.copy(ROOT / "pressroom.toml", tmp_path / "pressroom.toml")
    result = build(tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build" / "epub" / "bulletin-2021-06.epub").is_file()
    assert (record(tmp_path / "build")["edition"], record(tmp_path / "build")["issue"]) == \
        ("2021-06", 6)


def test_an_article_of_another_month_is_said_and_kept_or_left_out(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    """The June sample holds three March articles and one of July: each is named in
    a warning; ``outside_month = "leave out"`` leaves them out of every output."""
    monkeypatch.chdir(tmp_path)
    settings = tmp_path / "pressroom.toml"
    settings.write_text('[edition]\nedition = "2021-06"\n', encoding="utf-8")
    kept = CliRunner().invoke(commands, ["build", str(ROOT / "input"), "-o", "kept", "-f", "docx",
                                         "--json"], catch_exceptions=False)
    summary = json.loads(kept.stdout)
    outside = [w for w in summary["warnings"] if "outside the edition's month" in w]
    assert len(outside) == 4 and any("3月15日" in w and "中原区春季干部培训班开班" in w for w in outside)
    assert all(": kept" in w for w in outside)
    report = "\n".join(p.text for p in Document(str(tmp_path / "kept" / "docx" / "zhongyuan.docx")).paragraphs)
    assert "中原区春季干部培训班开班" in report

    settings.write_text('[edition]\nedition = "2021-06"\noutside_month = "leave out"\n',
                        encoding="utf-8")
    left = CliRunner().invoke(commands, ["build", str(ROOT / "input"), "-o", "left", "-f", "docx",
                                         "--json"], catch_exceptions=False)
    assert all(": left out" in w for w in json.loads(left.stdout)["warnings"])
    report = "\n".join(p.text for p in Document(str(tmp_path / "left" / "docx" / "zhongyuan.docx")).paragraphs)
    assert "中原区春季干部培训班开班" not in report
    assert "中原区真学笃行" in report  # its undated article stays

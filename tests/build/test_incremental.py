"""`pressroom build` as a job: incremental, parallel, interruptible, quiet off a terminal."""
from __future__ import annotations

import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from converters.build.run import run_build
from converters.config import Settings
from converters.exporters import BuildOptions
from converters.build.manifest import load_manifest

from conftest import INPUT, ROOT

SETTINGS = Settings(edition="2021-06", slug="bulletin-2021-06", district_order=("航空港区", "中原区", "管城回族区", "新郑市"))
FORMATS = ["docx", "epub", "pdf"]
GUANCHENG_PAGE = "003_e3e9c234e3938044.txt"  # the only page of 管城回族区


def cli(*args: str, cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "converters.cli", *args], capture_output=True,
                          text=True, cwd=cwd, **kwargs)


def mtimes(folder: Path) -> dict[str, int]:
    """The outputs' time stamps (not the build's state, not the review page, which a
    changed page's view and the index are written again in)."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()
            and ".pressroom" not in p.parts and "review" not in p.parts}


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(INPUT, folder)
    return folder


def build(pages: Path, out: Path, **kwargs):  # type: ignore[no-untyped-def]
    result = run_build([pages], out, FORMATS, SETTINGS, BuildOptions(), **kwargs)
    assert result.ok, result.problems
    return result


def test_a_changed_page_rebuilds_only_the_outputs_holding_it(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    first = build(pages, out)
    assert {o.status for o in first.outputs} == {"built"} and len(first.outputs) == 6
    before = mtimes(out)
    time.sleep(0.01)  # a rewritten file would get a later time stamp

    again = build(pages, out)
    assert {o.status for o in again.outputs} == {"up to date"}
    assert mtimes(out) == before

    page = pages / GUANCHENG_PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\n补记一句。\n",
                    encoding="utf-8")
    changed = build(pages, out)
    after = mtimes(out)
    rebuilt = {name for name in after if after[name] != before[name]}
    assert rebuilt == {"docx/guancheng.docx", "epub/bulletin-2021-06.epub",
                       "pdf/bulletin-2021-06.pdf", "edition.json"}  # the record: new sizes
    assert sorted(o.path.name for o in changed.built) == \
        sorted(Path(n).name for n in rebuilt - {"edition.json"})
    text = "".join(p.text for p in docx.Document(str(out / "docx/guancheng.docx")).paragraphs)
    assert "补记一句" in text

    forced = build(pages, out, force=True)
    assert {o.status for o in forced.outputs} == {"built"}


def _parts(out: Path) -> dict[str, int]:
    folder = out / ".pressroom" / "parts" / "pdf"
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pdf")}


def test_a_changed_page_re_typesets_only_its_district_of_the_bulletin(pages: Path,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(pages, out)
    before = _parts(out)
    assert len(before) == 5  # the front matter, and a part per district
    time.sleep(0.01)
    page = pages / GUANCHENG_PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\n补记一句。\n", encoding="utf-8")
    build(pages, out)
    after = _parts(out)
    kept = {name for name in after if before.get(name) == after[name]}
    # the old 管城 part is gone and a new one made; the front matter (titles only) is kept
    assert len(kept) == 4 and len(after) == 5
    bulletin = out / "pdf/bulletin-2021-06.pdf"
    assert "补记一句" in "".join(p.extract_text() for p in PdfReader(bulletin).pages)
    fresh = run_build([pages], tmp_path / "fresh", ["pdf"], SETTINGS, BuildOptions())
    assert fresh.outputs[0].path.read_bytes() == bulletin.read_bytes()


def test_a_changed_title_re_typesets_the_front_matter_and_its_district(pages: Path,
                                                                       tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(pages, out)
    before = _parts(out)
    time.sleep(0.01)
    page = pages / GUANCHENG_PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("表彰大会\n", "表彰会议\n", 1), encoding="utf-8")
    build(pages, out)
    after = _parts(out)
    assert len({name for name in after if before.get(name) == after[name]}) == 3
    contents = PdfReader(out / "pdf/bulletin-2021-06.pdf").pages[1].extract_text()
    assert "创优项目表彰会议" in contents and "创优项目表彰大会" not in contents


def test_a_damaged_kept_part_is_typeset_again(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    first = build(pages, out, force=True)
    original = first.outputs[-1].path.read_bytes()
    damaged = sorted((out / ".pressroom" / "parts" / "pdf").glob("*.pdf"))[0]
    damaged.write_bytes(damaged.read_bytes()[:1000])
    (out / "pdf/bulletin-2021-06.pdf").unlink()
    build(pages, out)
    assert (out / "pdf/bulletin-2021-06.pdf").read_bytes() == original


def test_parallel_and_serial_builds_are_byte_identical(pages: Path, tmp_path: Path) -> None:
    serial = build(pages, tmp_path / "one", workers=1)
    parallel = build(pages, tmp_path / "two", workers=2)
    assert parallel.workers == 2
    for a, b in zip(serial.outputs, parallel.outputs, strict=True):
        assert a.path.name == b.path.name and a.path.read_bytes() == b.path.read_bytes(), a.path


def test_an_output_edited_or_deleted_by_hand_is_rebuilt(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(pages, out)
    (out / "docx/xinzheng.docx").write_bytes(b"scribbled over")
    (out / "epub/bulletin-2021-06.epub").unlink()
    again = build(pages, out)
    assert sorted(o.path.name for o in again.built) == ["bulletin-2021-06.epub", "xinzheng.docx"]
    assert zipfile.is_zipfile(out / "docx/xinzheng.docx")


def test_outputs_no_longer_made_are_removed(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    run_build([pages], out, ["pdf"], SETTINGS, BuildOptions(split="district"))
    assert (out / "pdf/xinzheng.pdf").is_file()
    (pages / "004_71a2d933984926d5.txt").unlink()  # 新郑市's only page
    result = run_build([pages], out, ["pdf"], SETTINGS, BuildOptions(split="district"))
    assert result.ok and out / "pdf/xinzheng.pdf" in result.removed
    assert not (out / "pdf/xinzheng.pdf").exists() and (out / "pdf/zhongyuan.pdf").is_file()
    assert "pdf/xinzheng.pdf" not in load_manifest(out).outputs


def test_manifest_records_inputs_layout_and_version(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(pages, out)
    record = load_manifest(out).outputs["docx/guancheng.docx"]
    assert list(record.inputs) == [GUANCHENG_PAGE] and len(record.inputs[GUANCHENG_PAGE]) == 64
    assert record.version and record.layout and record.stamp
    assert len(record.articles) == 4 and record.size == (out / record.path).stat().st_size


def test_summary_table_and_json(tmp_path: Path) -> None:
    out = tmp_path / "build"
    table = cli("build", "-o", str(out), str(INPUT))
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["output", "pages", "size", "time", "warnings"]
    assert any("bulletin-2021-06.pdf" in line and " 18 " in line for line in lines)
    assert lines[-1].startswith("6 built, 0 up to date")
    summary = json.loads(cli("build", "--json", "-o", str(out), str(INPUT)).stdout)
    assert summary["ok"] and len(summary["outputs"]) == 6
    assert {o["status"] for o in summary["outputs"]} == {"up to date"}
    pdf = next(o for o in summary["outputs"] if o["format"] == "pdf")
    assert pdf["pages"] == 18 and pdf["bytes"] == Path(pdf["path"]).stat().st_size
    assert cli("build", "-q", "-o", str(out), str(INPUT)).stdout == ""


def test_no_progress_off_a_terminal(tmp_path: Path) -> None:
    result = cli("build", "--force", "-o", str(tmp_path / "build"), str(INPUT))
    assert result.returncode == 0
    # only the sample's articles of other months are said (see test_editions)
    assert all(line.startswith("warning: ") for line in result.stderr.splitlines())
    assert "\r" not in result.stderr + result.stdout and "━" not in result.stderr + result.stdout


def _on_terminal(args: list[str]) -> str:
    """Run the command with standard error on a pseudo-terminal; what it drew there."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "converters.cli", *args], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        drawn += chunk
    process.wait()
    os.close(leader)
    return drawn.decode("utf-8", "replace")


def test_progress_bars_on_a_terminal_unless_quiet(tmp_path: Path) -> None:
    drawn = _on_terminal(["build", "-o", str(tmp_path / "a"), str(INPUT)])
    assert "parse" in drawn and "write" in drawn and "━" in drawn and "6/6" in drawn
    quiet = _on_terminal(["build", "--quiet", "--force", "-o", str(tmp_path / "a"), str(INPUT)])
    assert "━" not in quiet and "\r" not in quiet.replace("\r\n", "\n")
    assert all(line.startswith("warning: ") for line in quiet.splitlines())


def test_district_names_and_slugs_cannot_leave_the_build_folder(tmp_path: Path) -> None:
    (tmp_path / "pressroom.toml").write_text(
        '[edition]\nslug = "../../evil"\n'
        '[districts]\nslugs = { "中原区" = "../x", "航空港区" = "a/b", "新郑市" = ".." }\n',
        encoding="utf-8")
    out = tmp_path / "deep" / "build"
    result = cli("build", "--split", "district", "-o", str(out), str(INPUT), cwd=tmp_path)
    # refused before anything is written, each slug named (the edition still makes a file
    # name of a district's own name path-safe: a page can name any district)
    assert result.returncode == 1
    for key in ('[edition] slug = "../../evil"', '[districts.slugs] 中原区 = "../x"',
                '[districts.slugs] 航空港区 = "a/b"', '[districts.slugs] 新郑市 = ".."'):
        assert key in result.stderr
    outside = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert outside == {tmp_path / "pressroom.toml"}


def _outputs(folder: Path) -> dict[str, bytes]:
    """Every output by name (hidden temporary files are not outputs, nor is the review
    page, whose views are written while the outputs are)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and ".pressroom" not in p.parts and "review" not in p.parts
            and not p.name.startswith(".")}


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_an_interrupted_build_leaves_the_old_outputs(how: signal.Signals, tmp_path: Path) -> None:
    # two weeks of pages: the five samples (and since corrections got faster, a
    # week) are written so fast that a build can end between two looks for its
    # temporary files
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate_month

    pages = tmp_path / "pages"
    generate_month(pages, days=14)
    out = tmp_path / "build"
    assert cli("build", "-q", "-o", str(out), str(pages)).returncode == 0
    old = _outputs(out)
    for page in pages.glob("*.txt"):  # every output must be rewritten
        page.write_text(page.read_text(encoding="utf-8") + "\n又及。\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "converters.cli", "build", "-q", "-j", "2",
                                "-o", str(out), str(pages)], cwd=ROOT, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(out.rglob("*.part")):  # mid-way: an output is being written
        assert process.poll() is None and time.monotonic() < deadline, "build ended too soon"
        time.sleep(0.005)
    os.killpg(process.pid, how)  # the whole group, as a terminal's Ctrl-C or a kill would
    process.communicate(timeout=60)
    if how == signal.SIGINT:
        assert process.returncode == 130
        assert not any(out.rglob("*.part")), "a clean stop removes its temporary files"
    now = _outputs(out)
    assert set(now) == set(old)  # nothing lost, no half file under an output's name
    for name, data in now.items():
        if data != old[name]:  # finished before the kill: whole and new
            assert zipfile.is_zipfile(out / name) or data.rstrip().endswith(b"%%EOF"), name
    assert any(data == old[name] for name, data in now.items()), "nothing was interrupted"

    finish = cli("build", "--json", "-o", str(out), str(pages))
    assert finish.returncode == 0, finish.stderr
    assert not any(out.rglob("*.part"))
    if how == signal.SIGKILL:  # the harsher case; check reads everything back (slow: epubcheck)
        assert cli("check", str(out)).returncode == 0


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    from converters.build.manifest import state_folder
    from converters.build.manifest import BuildLock

    out = tmp_path / "build"
    with BuildLock(state_folder(out)):
        result = cli("build", "-o", str(out), str(INPUT))
    assert result.returncode == 1 and "another pressroom build is writing to" in result.stderr
    assert not (out / "pdf").exists()


def test_an_article_added_to_one_district_leaves_the_others_reports(pages: Path,
                                                                    tmp_path: Path) -> None:
    from converters.parse.pipeline import parse_file

    out = tmp_path / "build"
    build(pages, out)
    page = pages / "000_ff23bc1d83eded92.txt"  # 航空港区, the first page: later keys would shift
    before = len(parse_file(page).articles)
    page.write_text(page.read_text(encoding="utf-8") + "\n\n## 郑港办事处举办读书会\n\n本报讯 6月20日，"
                    "航空港区郑港办事处举办读书会，50多名党员参加。\n", encoding="utf-8")
    assert len(parse_file(page).articles) == before + 1
    again = build(pages, out)
    assert sorted(o.path.name for o in again.built) == [
        "bulletin-2021-06.epub", "bulletin-2021-06.pdf", "hangkonggang.docx"]


def test_fonts_installed_elsewhere_are_not_mixed_with_the_first_ones(pages: Path,
                                                                     tmp_path: Path) -> None:
    """Another install of the layout's font package (a new virtual environment, a
    reinstall) names its font subsets otherwise: a bulletin corrected with it is
    typeset with it alone, never joined from parts that name the first install's."""
    import pylopdf_fonts_zh_cn

    out = tmp_path / "build"
    first = cli("build", "-q", str(pages), "-o", str(out))
    assert first.returncode == 0, first.stderr
    elsewhere = tmp_path / "site"
    shutil.copytree(Path(pylopdf_fonts_zh_cn.__file__).parent, elsewhere / "pylopdf_fonts_zh_cn")
    page = pages / GUANCHENG_PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("社区", "小区", 1), encoding="utf-8")
    again = cli("build", "-q", str(pages), "-o", str(out),
                env={**os.environ, "PYTHONPATH": str(elsewhere)})
    assert again.returncode == 0, again.stderr
    pdf = next((out / "pdf").glob("*.pdf"))
    assert "小区" in "".join(p.extract_text() for p in PdfReader(pdf).pages)

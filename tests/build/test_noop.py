"""A build with nothing to do: what it may skip (reading pages, parsing layouts,
scanning installed packages) and that skipping never hides a change."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from converters.build.run import run_build
from converters.config import Settings
from converters.exporters import BuildOptions

from conftest import INPUT, ROOT

SETTINGS = Settings(edition="2021-06", slug="bulletin-2021-06")
HOUR_NS = 3600 * 10**9


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(INPUT, folder)
    return folder


def epub_build(pages: Path, out: Path, **options: str):  # type: ignore[no-untyped-def]
    result = run_build([pages], out, ["epub"], SETTINGS, BuildOptions(**options))
    assert result.ok, result.problems
    return result


def age(folder: Path, nanoseconds: int) -> None:
    for page in folder.iterdir():
        stat = page.stat()
        os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns - nanoseconds))


# --- pages: a stat where a stat is enough -------------------------------------------

def _swap_unseen(page: Path) -> None:
    """Other bytes in ``page``, same size and time stamp: only a build that reads the
    page can tell."""
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    assert "管城" in text
    page.write_text(text.replace("管城", "城管", 1) if "管城" in text else text, encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert page.stat().st_size == before.st_size


def _swap_back(page: Path) -> None:
    before = page.stat()
    page.write_text(page.read_text(encoding="utf-8").replace("城管", "管城", 1), encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_old_unchanged_pages_are_not_read_again(pages: Path, tmp_path: Path) -> None:
    """A page old enough, of the size and time stamp recorded, is taken as read: a
    change hidden behind both goes unseen by a build with nothing else to do (which is
    what not reading means); a change of size is built."""
    age(pages, HOUR_NS)
    out = tmp_path / "build"
    epub_build(pages, out)
    page = pages / "003_e3e9c234e3938044.txt"
    _swap_unseen(page)
    assert not epub_build(pages, out).built
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert epub_build(pages, out).built


def test_pages_young_at_the_last_build_are_trusted_once_a_no_op_saw_them_unchanged(
        pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    epub_build(pages, out)
    # as if the build had recorded the pages a second after they were saved: too
    # young to trust (the pages keep the time stamps the build recorded)
    quick = out / ".pressroom" / "quick.json"
    youngest = max(page.stat().st_mtime_ns for page in pages.iterdir())
    os.utime(quick, ns=(quick.stat().st_atime_ns, youngest + 10**9))
    page = pages / "003_e3e9c234e3938044.txt"
    assert not epub_build(pages, out).built  # read again, and found unchanged…
    _swap_unseen(page)
    assert not epub_build(pages, out).built  # …so the next one trusts them unread
    _swap_back(page)
    youngest = max(p.stat().st_mtime_ns for p in pages.iterdir())
    os.utime(quick, ns=(quick.stat().st_atime_ns, youngest + 10**9))
    _swap_unseen(page)
    assert epub_build(pages, out).built  # young again: read, and the change is seen


def test_a_page_changed_within_its_time_stamp_is_still_noticed(pages: Path, tmp_path: Path) -> None:
    """Same size, same time stamp, other bytes: a page that was young when last read is
    read again (git's racily clean entries), so the change is built."""
    out = tmp_path / "build"
    page = pages / "003_e3e9c234e3938044.txt"
    os.utime(page)  # edited just now, as a page is before a build
    epub_build(pages, out)
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    assert "管城" in text
    page.write_text(text.replace("管城", "城管", 1), encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert page.stat().st_size == before.st_size
    rebuilt = epub_build(pages, out)
    assert rebuilt.built, "a change hidden behind an unchanged time stamp was missed"


def test_a_no_op_build_reads_the_quick_summary_and_touching_keeps_the_manifest_whole(
        pages: Path, tmp_path: Path) -> None:
    from converters.build import manifest

    out = tmp_path / "build"
    epub_build(pages, out)
    whole = manifest.load_manifest(out)
    assert all(record.articles for record in whole.outputs.values())
    age(pages, HOUR_NS)  # touched, not changed: the no-op records the new time stamps
    assert not epub_build(pages, out).built
    after = manifest.load_manifest(out)
    assert after.outputs == whole.outputs  # what each output holds survived the no-op's save
    assert after.page_stats != whole.page_stats

    # the whole manifest made unreadable: a build that read it would rebuild everything
    whole_file = out / ".pressroom" / "manifest.json"
    whole_file.write_bytes(b"{ not json")
    assert not epub_build(pages, out).built


# --- layouts: parsed only when a file they come from changed ------------------------

def test_layout_files_are_not_parsed_while_unchanged_and_an_edit_rebuilds(
        pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    mine = tmp_path / "layouts" / "epub" / "mine.toml"
    mine.parent.mkdir(parents=True)
    mine.write_text('extends = "default"\n[text]\nline-height = 1.8\n', encoding="utf-8")
    out = tmp_path / "build"
    epub_build(pages, out, layout="mine")

    # the layout made unreadable behind its size and time stamp: a build that parsed
    # it would fail; one that trusts the unchanged file does not look
    before = mine.stat()
    text = mine.read_text(encoding="utf-8")
    mine.write_text("[" * len(text.encode("utf-8")), encoding="utf-8")
    os.utime(mine, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert not epub_build(pages, out, layout="mine").built
    mine.write_text('extends = "default"\n[text]\nline-height = 1.9\n', encoding="utf-8")
    rebuilt = epub_build(pages, out, layout="mine")
    assert rebuilt.built
    css = (tmp_path / "unzipped")
    shutil.unpack_archive(rebuilt.built[0].path, css, "zip")
    assert "1.9" in "".join(p.read_text(encoding="utf-8") for p in css.rglob("*.css"))


# --- what the command loads ---------------------------------------------------------

def _modules_of_builds(tmp_path: Path) -> Callable[[str], list[str]]:
    """A build of the sample pages in ``tmp_path`` as a command: the modules its own
    process imported."""
    if not (tmp_path / "pages").exists():
        shutil.copytree(INPUT, tmp_path / "pages")
        # the sample pages are undated: the month is the settings' (as a user's pressroom.toml says)
        shutil.copy(ROOT / "pressroom.toml", tmp_path / "pressroom.toml")
    probe = ("import runpy, sys\n"
             "sys.argv = ['pressroom', 'build', '-q', 'pages', '-o', 'build']\n"
             "try:\n    runpy.run_module('converters.cli', run_name='__main__')\n"
             "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
             "print(' '.join(sorted(sys.modules)))\n")

    def build(run: str) -> list[str]:
        # each run another command (PRESSROOM_* differ), so none is answered from the
        # note the one before left (see test_repeat): this is the whole way's no-op
        return subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, check=True,
                              capture_output=True, text=True,
                              env={**os.environ, "PRESSROOM_CACHE": str(tmp_path / "cache"),
                                   "PYTHONPATH": str(ROOT), "PRESSROOM_RUN": run}).stdout.split()
    return build


def test_a_no_op_build_loads_neither_the_parser_nor_the_libraries(tmp_path: Path) -> None:
    build = _modules_of_builds(tmp_path)
    first, again = build("first"), build("again")
    assert {"converters.parse.batch", "converters.edition"} <= set(first)  # the probe sees imports
    # (the exporters are found through importlib.metadata: a cache of them saved a
    # hundredth of a build and is gone)
    heavy = {"converters.model", "converters.parse.batch", "converters.edition",
             "pickle", "reportlab", "docx", "jinja2", "PIL", "multiprocessing",
             "concurrent.futures"}
    assert "converters.build.run" in again and heavy.isdisjoint(again), sorted(heavy & set(again))


def test_a_correction_is_parsed_in_a_worker_while_the_build_loads_the_libraries(
        tmp_path: Path) -> None:
    # the build's own process imports ReportLab and python-docx, which its writing
    # workers inherit, while a worker imports the parser and reads the page
    build = _modules_of_builds(tmp_path)
    build("first")
    page = sorted((tmp_path / "pages").glob("*.txt"))[0]
    page.write_text(page.read_text(encoding="utf-8").replace("。", "（更正）。", 1), encoding="utf-8")
    corrected = set(build("corrected"))
    assert {"reportlab", "docx", "converters.parse.batch"} <= corrected
    assert "converters.parse.pipeline" not in corrected

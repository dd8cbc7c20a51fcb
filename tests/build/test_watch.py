"""`pressroom build --watch`: a build after each change, in one process that stays."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from queue import Empty, Queue
from typing import Any

import pytest

from converters.build.watch import sources_of, states_of, wait_for_change

from conftest import INPUT, ROOT

GUANCHENG_PAGE = "003_e3e9c234e3938044.txt"  # the only page of 管城回族区


class Watcher:
    """``pressroom build --watch --json`` in a subprocess, its summaries read as they come."""

    def __init__(self, cwd: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "converters.cli", "build", "--watch", "--json", "-j", "2", *args],
            cwd=cwd, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True, env={**os.environ, **(env or {})})
        self.lines: Queue[str] = Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def summary(self, timeout: float = 60) -> dict[str, Any]:
        return json.loads(self.lines.get(timeout=timeout))

    def quiet_for(self, seconds: float) -> bool:
        try:
            self.lines.get(timeout=seconds)
        except Empty:
            return True
        return False

    def stop(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGINT)  # as Ctrl-C
        _, err = self.process.communicate(timeout=60)
        return self.process.returncode, err


def built(summary: dict[str, Any]) -> set[str]:
    return {Path(o["path"]).name for o in summary["outputs"] if o["status"] == "built"}


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(INPUT, folder)
    shutil.copy(ROOT / "pressroom.toml", tmp_path / "pressroom.toml")
    return folder


def test_a_correction_is_built_as_a_fresh_build_would(pages: Path, tmp_path: Path) -> None:
    watcher = Watcher(tmp_path, "-o", "build", "pages")
    try:
        first = watcher.summary()
        assert first["ok"] and len(built(first)) == 6
        page = pages / GUANCHENG_PAGE
        page.write_text(page.read_text(encoding="utf-8").replace("。", "（更正）。", 1),
                        encoding="utf-8")
        second = watcher.summary()
        assert built(second) == {"guancheng.docx", "bulletin-2021-06.epub",
                                 "bulletin-2021-06.pdf"}
        (tmp_path / "pressroom.toml").write_text(
            (tmp_path / "pressroom.toml").read_text(encoding="utf-8").replace(
                "区县新闻汇编", "区县新闻月报"), encoding="utf-8")
        third = watcher.summary()
        assert len(built(third)) == 6  # the settings are every output's
        # a layout of the user's own, beside the pages: the bulletin in one column
        layout = tmp_path / "layouts" / "pdf" / "bulletin.toml"
        layout.parent.mkdir(parents=True)
        layout.write_text((ROOT / "layouts" / "pdf" / "bulletin.toml").read_text(encoding="utf-8")
                          + "\n[page]\ncolumns = 1\n", encoding="utf-8")
        fourth = watcher.summary()
        while not built(fourth):  # the folder appearing, then the file in it
            fourth = watcher.summary()
        assert built(fourth) == {"bulletin-2021-06.pdf"}
        assert watcher.quiet_for(1.0), "built again with nothing changed"
    finally:
        status, err = watcher.stop()
    assert status == 0 and "stopped watching" in err
    fresh = subprocess.run([sys.executable, "-m", "converters.cli", "build", "-q", "-o", "fresh",
                            "pages"], cwd=tmp_path, capture_output=True, text=True)
    assert fresh.returncode == 0, fresh.stderr
    for made in (tmp_path / "fresh").rglob("*.*"):
        # (the e-reader catalog and edition.json say when the outputs were written:
        # the fresh build's are later; the rest is the same, byte for byte)
        if ".pressroom" in made.parts or "opds" in made.parts:
            continue
        watched = tmp_path / "build" / made.relative_to(tmp_path / "fresh")
        if made.name == "edition.json":
            mine, theirs = (json.loads(p.read_text(encoding="utf-8")) for p in (watched, made))
            assert mine.pop("updated") <= theirs.pop("updated") and mine == theirs
        else:
            assert watched.read_bytes() == made.read_bytes(), made.name


def test_a_bad_page_is_reported_and_the_watching_goes_on(pages: Path, tmp_path: Path) -> None:
    watcher = Watcher(tmp_path, "-o", "build", "pages")
    try:
        assert watcher.summary()["ok"]
        (pages / "zz_broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 40)
        broken = watcher.summary()
        assert not broken["ok"] and any("zz_broken.txt" in p for p in broken["problems"])
        (pages / "zz_broken.txt").unlink()
        assert watcher.summary()["ok"]
    finally:
        status, _ = watcher.stop()
    assert status == 0


def test_a_watcher_that_has_grown_starts_afresh_and_goes_on(pages: Path, tmp_path: Path) -> None:
    # a limit below nothing: restarted after every build but its first
    watcher = Watcher(tmp_path, "--force", "-o", "build", "pages",
                      env={"PRESSROOM_WATCH_GROWTH_MB": "-1"})
    page = pages / GUANCHENG_PAGE
    try:
        assert len(built(watcher.summary())) == 6
        for number in range(2):
            page.write_text(page.read_text(encoding="utf-8").replace("。", f"（更正{number}）。", 1),
                            encoding="utf-8")
            assert "guancheng.docx" in built(watcher.summary())
            restarted = watcher.summary()  # the fresh process's first build, without --force
            assert restarted["ok"] and not built(restarted)
    finally:
        status, err = watcher.stop()
    assert status == 0 and "starting afresh" in err


def test_a_build_folder_among_the_pages_does_not_set_it_off(pages: Path, tmp_path: Path) -> None:
    shutil.copy(ROOT / "pressroom.toml", pages / "pressroom.toml")  # run from there: the month
    watcher = Watcher(pages, "-o", "build", ".")  # the outputs go inside the watched folder
    try:
        assert watcher.summary()["ok"]
        assert watcher.quiet_for(1.5), "its own outputs were taken for a change"
    finally:
        watcher.stop()


def test_the_sources_are_the_pages_their_folders_the_settings_and_the_layouts(
        pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    assert subprocess.run([sys.executable, "-m", "converters.cli", "build", "-q", "-f", "epub",
                           "-o", str(out), str(pages)], cwd=tmp_path).returncode == 0
    found, others = sources_of([pages], "pressroom.toml", out)
    assert sorted(Path(p).name for p in found) == sorted(p.name for p in INPUT.glob("*.txt"))
    assert str(pages) in others and "pressroom.toml" in others
    assert any(p.endswith("article.xhtml.j2") for p in others)  # the EPUB layout's templates


def test_a_change_is_taken_once_the_file_is_still(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("一", encoding="utf-8")
    paths = [str(page), str(tmp_path)]
    before = states_of(paths)
    writes = iter(["一二", "一二三", None, None, None])  # an editor saving in three writes
    looks = 0

    def sleep(_: float) -> None:
        nonlocal looks
        looks += 1
        text = next(writes)
        if text is not None:
            page.write_text(text, encoding="utf-8")

    assert wait_for_change(paths, before, sleep=sleep) == [str(page)]
    assert page.read_text(encoding="utf-8") == "一二三" and looks == 3

    new = tmp_path / "new.txt"
    before = states_of(paths)
    made = iter([lambda: new.write_text("新", encoding="utf-8"), lambda: None])
    assert wait_for_change(paths, before, sleep=lambda _: next(made)()) == [str(tmp_path)]

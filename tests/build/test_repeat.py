"""A build repeated with nothing changed is answered from a note, without loading the
command line's machinery, and says what the whole way would have said; any
change to what the answer was drawn from goes the whole way again."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import INPUT, ROOT

from converters.store import Store

HOUR_NS = 3600 * 10**9
PROBE = """import runpy, sys
sys.argv = ['pressroom', *sys.argv[1:]]
status = 0
try:
    runpy.run_module('converters.cli', run_name='__main__')
except SystemExit as exit:
    status = exit.code or 0
sys.stderr.write(f"\\nprobe: {'click' in sys.modules} {status}\\n")
"""


def aged_copy_of_pressroom(folder: Path) -> Path:
    """Pressroom's files as installed a while ago (a note trusts only files older than
    the time-stamp step, and a checkout or an edit may be seconds old)."""
    for name in ("converters", "layouts"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    old = time.time_ns() - HOUR_NS
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, ns=(old, old))
    return folder


@pytest.fixture(scope="module")
def pressroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return aged_copy_of_pressroom(tmp_path_factory.mktemp("pressroom"))


class Folder:
    """A working folder with pages, where ``pressroom`` runs as a user runs it."""

    def __init__(self, root: Path, code: Path) -> None:
        self.root, self.code = root, code
        self.pages = root / "pages"
        shutil.copytree(INPUT, self.pages)
        # the sample pages are undated: the month is the settings' (as a user's are)
        (root / "pressroom.toml").write_text(SETTINGS, encoding="utf-8")
        self.cache = root / "cache"
        self.env = {**os.environ, "PRESSROOM_CACHE": str(self.cache), "PYTHONPATH": str(code)}
        self.age()

    def age(self) -> None:
        """Every page and its folder an hour old: old enough to be trusted unread."""
        for path in [*self.pages.iterdir(), self.pages, self.root / "pressroom.toml", self.root]:
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - HOUR_NS))

    def run(self, *args: str, env: dict[str, str] | None = None) -> tuple[str, str, bool]:
        """stdout, stderr without the probe's line, and whether the command line was loaded."""
        done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=self.root,
                              capture_output=True, text=True, check=False,
                              env={**self.env, **(env or {})})
        stderr, probe = done.stderr.rsplit("\nprobe: ", 1)
        loaded, status = probe.split()
        assert status == "0", done.stderr
        return done.stdout, stderr, loaded == "True"

    def notes(self) -> list[Path]:
        return sorted(Store(self.cache).folder("repeats").glob("*.json"))


SETTINGS = '[edition]\nedition = "2021-06"\n'
BUILD = ("build", "-f", "docx", "pages", "-o", "out")


@pytest.fixture()
def folder(tmp_path: Path, pressroom: Path) -> Folder:
    return Folder(tmp_path, pressroom)


def _without_time(table: str) -> str:
    return re.sub(r" in \d+\.\d s", " in … s", table)


def test_a_repeat_is_answered_from_the_note_as_the_whole_way_answers(folder: Folder) -> None:
    built, _, loaded = folder.run(*BUILD)
    assert loaded and "4 built" in built
    assert len(folder.notes()) == 1  # the build left everything up to date
    answered, warnings, loaded = folder.run(*BUILD)
    assert not loaded, "the repeat loaded click"
    whole_way = folder.run(*BUILD, env={"PRESSROOM_REPEAT": "whole-way"})  # another identity
    assert whole_way[2]
    assert _without_time(answered) == _without_time(whole_way[0])
    assert "0 built, 4 up to date" in answered and answered.count(".docx") == 4
    assert warnings == whole_way[1]


def test_json_and_quiet_repeats_print_what_they_printed(folder: Folder) -> None:
    folder.run(*BUILD, "--json")
    first, _, _ = folder.run(*BUILD, "--json")
    again, _, loaded = folder.run(*BUILD, "--json")
    assert not loaded
    strip = lambda text: {**json.loads(text), "seconds": 0}
    assert strip(again) == strip(first) and json.loads(again)["outputs"][0]["status"] == "up to date"
    folder.run(*BUILD, "-q")
    quiet, _, loaded = folder.run(*BUILD, "-q")
    assert quiet == "" and not loaded


@pytest.mark.parametrize("change", ["edit a page", "add a page", "remove a page",
                                    "write a settings file", "delete an output",
                                    "rewrite an output", "other arguments"])
def test_any_change_goes_the_whole_way(folder: Folder, change: str) -> None:
    folder.run(*BUILD)
    assert not folder.run(*BUILD)[2], "not answered from the note before the change"
    args = BUILD
    page = min(folder.pages.iterdir())
    output = next((folder.root / "out" / "docx").iterdir())
    if change == "edit a page":
        page.write_text(page.read_text(encoding="utf-8").replace("。", "（更正）。", 1),
                        encoding="utf-8")
    elif change == "add a page":
        shutil.copy(page, folder.pages / "z-extra.txt")
    elif change == "remove a page":
        page.unlink()
    elif change == "write a settings file":
        (folder.root / "pressroom.toml").write_text(SETTINGS + 'bulletin = "城区动态"\n',
                                                    encoding="utf-8")
    elif change == "delete an output":
        output.unlink()
    elif change == "rewrite an output":
        output.write_bytes(output.read_bytes() + b"\0")
    else:
        args = (*BUILD, "-j", "1")
    table, _, loaded = folder.run(*args)
    assert loaded, f"{change}: answered from the note"
    assert ("built" in table and "0 built" not in table) or change == "other arguments"


def test_young_files_leave_no_note(folder: Folder) -> None:
    folder.run(*BUILD)
    assert folder.notes()
    page = min(folder.pages.iterdir())
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    folder.run(*BUILD)  # rebuilt from a page changed a moment ago
    assert not folder.notes(), "a note trusts a page changed within the time-stamp step"
    _, _, loaded = folder.run(*BUILD)
    assert loaded


def test_no_note_for_a_forced_build_or_one_with_problems(folder: Folder) -> None:
    folder.run(*BUILD, "--force")
    assert not folder.notes()
    (folder.pages / "empty.txt").write_text("", encoding="utf-8")
    folder.age()
    done = subprocess.run([sys.executable, "-c", PROBE, *BUILD], cwd=folder.root, check=False,
                          capture_output=True, text=True, env=folder.env)
    assert "empty" in done.stderr and done.stderr.rstrip().endswith("True 1")
    assert not folder.notes()


def test_no_answer_while_another_build_holds_the_folder(folder: Folder) -> None:
    from converters.files import exclusive

    folder.run(*BUILD)
    with exclusive(folder.root / "out" / ".pressroom" / "lock"):
        done = subprocess.run([sys.executable, "-c", PROBE, *BUILD], cwd=folder.root, check=False,
                              capture_output=True, text=True, env=folder.env)
    assert "another pressroom build is writing" in done.stderr


def test_a_code_change_goes_the_whole_way(tmp_path: Path) -> None:
    """Pressroom's own files are noted: an edited working copy is not answered for."""
    folder = Folder(tmp_path, aged_copy_of_pressroom(tmp_path / "code"))
    folder.run(*BUILD)
    _, _, loaded = folder.run(*BUILD)
    assert not loaded
    module = folder.code / "converters" / "build" / "summary.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _, _, loaded = folder.run(*BUILD)
    assert loaded

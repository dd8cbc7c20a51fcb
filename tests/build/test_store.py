"""The store: one folder of everything kept between builds, one version, bounded,
and ``pressroom cache`` to see, prune and clear it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from converters.store import VERSION, Store

ROOT = Path(__file__).resolve().parents[2]


def _entry(folder: Path, name: str, size: int, used: int) -> list[Path]:
    """A kept entry: a file and its note, last used ``used`` seconds after the epoch."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.ttf", folder / f"{name}.covered"]
    for path in paths:
        path.write_bytes(b"x" * (size // 2))
        os.utime(path, (used, used))
    return paths


def test_prune_removes_older_versions_then_the_least_recently_used(tmp_path: Path) -> None:
    store = Store(tmp_path)
    oldest = _entry(store.folder("fonts"), "a", 4000, 1_000)
    middle = _entry(store.folder("covers"), "b", 4000, 2_000)
    newest = _entry(store.folder("fonts"), "c", 4000, 3_000)
    (tmp_path / "v0" / "fonts").mkdir(parents=True)
    (tmp_path / "v0" / "fonts" / "old.ttf").write_bytes(b"y" * 100)
    (tmp_path / "fonts").mkdir()  # kept before the store had a version
    (tmp_path / "fonts" / "older.ttf").write_bytes(b"z" * 100)
    assert store.usage()["older"].files == 2

    removed = store.prune(limit=8000)
    assert not (tmp_path / "v0").exists() and not (tmp_path / "fonts").exists()
    # the oldest entry went whole (a font with its note), the other two stayed
    assert not any(p.exists() for p in oldest)
    assert all(p.exists() for p in middle + newest)
    assert removed.files == 4 and removed.size == 4200

    store.prune(limit=0)
    assert not any(p.exists() for p in middle + newest)
    assert store.usage() == {}


def test_a_use_counts_for_pruning(tmp_path: Path) -> None:
    store = Store(tmp_path)
    made = []
    first = store.kept("covers", "one.png", lambda: made.append(1) or b"1" * 3000)
    store.kept("covers", "two.png", lambda: made.append(2) or b"2" * 3000)
    for path in store.folder("covers").iterdir():
        os.utime(path, (1_000, 1_000))
    assert store.kept("covers", "one.png", lambda: b"never") == first  # used again: newest
    store.prune(limit=4000)
    assert [p.name for p in store.folder("covers").iterdir()] == ["one.png"]
    assert made == [1, 2]


def _folder_times(store: Store, ns: int) -> None:
    for folder in [store.current, *(p for p in store.current.iterdir() if p.is_dir())]:
        os.utime(folder, ns=(ns, ns))


def test_a_prune_looks_again_at_a_folder_changed_since_the_last(tmp_path: Path) -> None:
    # the last prune's record spares the next one looking at every file only while no
    # folder has changed: an entry added since, or a lower limit, is pruned
    store = Store(tmp_path)
    older = _entry(store.folder("fonts"), "a", 4000, 1_000)
    _folder_times(store, 1_000_000_000_000)  # long ago: the record can be trusted
    assert store.prune(limit=6000).files == 0
    newer = _entry(store.folder("fonts"), "b", 4000, 2_000)
    # (the folder's time as a file system would move it, but to long ago as well, so
    # that only its having moved tells)
    _folder_times(store, 2_000_000_000_000)
    assert store.prune(limit=6000).files == 2
    assert not any(p.exists() for p in older) and all(p.exists() for p in newer)
    assert store.prune(limit=6000).files == 0
    assert store.prune(limit=1000).files == 2 and store.usage() == {}


def test_a_prune_looks_again_at_a_folder_changed_as_the_last_was_recorded(tmp_path: Path) -> None:
    # a file system's clock ticks coarsely: a file added in the tick the last prune's
    # record was written leaves its folder's time as it was, so a folder whose time is
    # not before the record's is looked at again (here a clock set ahead stands for it)
    store = Store(tmp_path)
    older = _entry(store.folder("fonts"), "a", 4000, 1_000)
    ahead = time.time_ns() + 86_400 * 10**9
    _folder_times(store, ahead)
    assert store.prune(limit=6000).files == 0
    _entry(store.folder("fonts"), "b", 4000, 2_000)
    _folder_times(store, ahead)  # the time did not move
    assert store.prune(limit=6000).files == 2 and not any(p.exists() for p in older)


def _pressroom(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "converters.cli", *args], env=env,
                          capture_output=True, text=True, timeout=600, cwd=ROOT)


def test_cache_command_reports_prunes_and_clears(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = dict(os.environ, PRESSROOM_CACHE=str(cache))
    out = tmp_path / "build"
    built = _pressroom(env, "build", "input", "-o", str(out), "-q", "--format", "pdf,epub")
    assert built.returncode == 0, built.stderr
    info = _pressroom(env, "cache", "info", "-o", str(out))
    assert info.returncode == 0, info.stderr
    assert f"{cache / f'v{VERSION}'}" in info.stdout
    for kind in ("fonts", "covers", "overlays"):
        assert f"  {kind} " in info.stdout
    assert f"build state: {out / '.pressroom'}" in info.stdout

    pruned = _pressroom(env, "cache", "prune", "--max-size", "0")
    assert pruned.returncode == 0 and "removed" in pruned.stdout
    assert not [p for p in (cache / f"v{VERSION}").rglob("*") if p.is_file()
                and not p.name.endswith(".lock")]

    cleared = _pressroom(env, "cache", "clear", "-o", str(out))
    assert cleared.returncode == 0, cleared.stderr
    assert not (out / ".pressroom" / "manifest.json").exists()
    # nothing kept was needed: the next build checks its outputs anew and writes them
    again = _pressroom(env, "build", "input", "-o", str(out), "--json", "--format", "pdf,epub")
    assert again.returncode == 0, again.stderr
    statuses = {o["status"] for o in json.loads(again.stdout)["outputs"]}
    assert statuses == {"built"}
    checked = _pressroom(env, "check", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_build_keeps_the_store_within_its_limit(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    stale = cache / f"v{VERSION}" / "covers"
    stale.mkdir(parents=True)
    (stale / "stale.png").write_bytes(b"s" * 2_000_000)
    os.utime(stale / "stale.png", (1_000, 1_000))
    env = dict(os.environ, PRESSROOM_CACHE=str(cache), PRESSROOM_CACHE_LIMIT="1")
    built = _pressroom(env, "build", "input", "-o", str(tmp_path / "b"), "-q", "--format", "docx")
    assert built.returncode == 0, built.stderr
    kept = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    assert kept <= 1024 * 1024 and not (stale / "stale.png").exists()

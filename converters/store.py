"""Everything Pressroom keeps between builds outside a build folder, in one place.

The store is the user's cache folder (``$PRESSROOM_CACHE``, else
``$XDG_CACHE_HOME/pressroom``, else ``~/.cache/pressroom``), holding one folder
per kind of thing kept (see ``KINDS``) under one version: when what is kept
changes shape, ``VERSION`` goes up and everything is made again, and the older
version's folder is pruned. Nothing kept is needed: a missing or damaged entry
only costs the time to make it again. What is read back as Python objects is
sealed (``files.seal``) so that a planted file is never unpickled.

A build's own state (its manifest, parsed pages and PDF parts) stays in the
build folder (``build/.pressroom``), since it describes that folder's outputs;
it carries the same version, and ``pressroom cache`` reports and clears both.

The store is bounded: after a build that wrote something, the least recently
used entries go until it is under its limit (``PRESSROOM_CACHE_LIMIT`` in MB,
1024 by default).
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .files import replace_file, seal, unseal

#: the shape of everything kept (here and in build folders): raised when it changes
VERSION = 1

#: what the store keeps, by folder, in words for ``pressroom cache info``
KINDS = {
    "fonts": "fonts prepared for embedding (subset, instanced, TrueType) and their metrics",
    "covers": "EPUB cover images, and the e-reader catalog's thumbnails of them",
    "templates": "compiled EPUB page templates",
    "docx": "Word report templates (styles, page, footers)",
    "overlays": "the PDF bulletin's folios and page numbers",
    "repeats": "answers to a build repeated with nothing changed",
    "verdicts": "settings and layouts found valid (a file each, named by what was checked)",
}

#: folders of Pressroom's before the store had a version
_UNVERSIONED = ("fonts", "covers", "templates", "books", "docx", "overlays", "repeats",
                "entry-points.json")
DEFAULT_LIMIT_MB = 1024
#: what the last prune left: the bytes kept and when each folder of this version last
#: changed. Beside the version folders, so that writing it changes none of them.
_PRUNED = "pruned.json"

_usable: dict[str, Path] = {}


def cache_root() -> Path:
    """The user's cache folder for Pressroom. One that cannot be used (a file,
    read-only, no home) gives way to a temporary folder for this process: a cache
    costs time when it is missing, never the build."""
    wanted = os.environ.get("PRESSROOM_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "pressroom")
    root = _usable.get(wanted)
    if root is None:
        root = Path(wanted)
        try:
            root.mkdir(parents=True, exist_ok=True)
            usable = os.access(root, os.W_OK | os.X_OK)
        except OSError:
            usable = False
        if not usable:
            import atexit
            import tempfile

            root = Path(tempfile.mkdtemp(prefix="pressroom-cache-"))
            parent = os.getpid()
            # removed when this process ends (not when a forked worker does)
            atexit.register(lambda: os.getpid() == parent and shutil.rmtree(root, True))
        _usable[wanted] = root
    return root


@dataclass(frozen=True)
class Usage:
    files: int
    size: int


class Store:
    """The store at ``root`` (``cache_root()`` for the user's)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.current = root / f"v{VERSION}"

    def folder(self, kind: str) -> Path:
        """The folder where ``kind`` is kept (made if missing)."""
        if kind not in KINDS:
            raise ValueError(f"the store keeps no “{kind}”")
        folder = self.current / kind
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def kept(self, kind: str, name: str, make: Callable[[], bytes], key: str = "") -> bytes:
        """What ``make`` returns, kept (sealed) as ``name`` of ``kind`` under ``key``."""
        return kept(self.folder(kind) / name, make, key)

    def usage(self) -> dict[str, Usage]:
        """Files and bytes kept, by kind; ``older`` for what an earlier version kept."""
        found = {kind: _usage(self.current / kind) for kind in KINDS}
        older = [_usage(path) for path in self._older()]
        found["older"] = Usage(sum(u.files for u in older), sum(u.size for u in older))
        return {kind: usage for kind, usage in found.items() if usage.files}

    def prune(self, limit: int) -> Usage:
        """Remove what earlier versions kept, then the least recently used entries
        until at most ``limit`` bytes are kept; what was removed."""
        removed_files = removed = 0
        for path in self._older():
            usage = _usage(path)
            _remove(path)
            removed_files, removed = removed_files + usage.files, removed + usage.size
        if self._unchanged_since_pruned(limit):
            return Usage(removed_files, removed)
        entries = _entries(self.current)
        total = sum(size for _, size, _ in entries)
        # oldest use first; an entry is all the files of one name (a font and its
        # metrics go together: one without the other is made again whole)
        for _, size, paths in sorted(entries, key=lambda e: e[0]):
            if total <= limit:
                break
            for path in paths:
                try:
                    os.unlink(path)
                except OSError:
                    continue
                removed_files += 1
            total, removed = total - size, removed + size
        self._record_pruned(total)
        return Usage(removed_files, removed)

    def _unchanged_since_pruned(self, limit: int) -> bool:
        """Whether the last prune left the store within ``limit`` and no folder of it
        has changed since (a file added or removed changes its folder's time; a use
        only renews a file's, which orders entries, needed only when over the limit).
        A correction's build adds nothing, and need not look at thousands of fonts.

        As git does with its index, a folder whose time is not before the record's
        own is not trusted: a file system's clock ticks coarsely (FAT's every 2 s),
        and a file added in the tick the record was written leaves the time as it was.
        """
        record_path = self.root / _PRUNED
        try:
            written = os.stat(record_path).st_mtime_ns
            record = json.loads(record_path.read_text(encoding="utf-8"))
            times = self._folder_times()
            return (record["version"] == VERSION and record["bytes"] <= limit
                    and record["folders"] == times and all(t < written for t in times.values()))
        except (OSError, ValueError, KeyError, TypeError):
            return False

    def _record_pruned(self, total: int) -> None:
        try:
            record = {"version": VERSION, "bytes": total, "folders": self._folder_times()}
            replace_file(self.root / _PRUNED, json.dumps(record).encode("utf-8"))
        except OSError:
            pass

    def _folder_times(self) -> dict[str, int]:
        """When this version's folder and each folder in it last changed (ns)."""
        times = {"": os.stat(self.current).st_mtime_ns}
        with os.scandir(self.current) as listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=False):
                    times[entry.name] = entry.stat(follow_symlinks=False).st_mtime_ns
        return times

    def clear(self) -> Usage:
        """Remove everything kept, of every version."""
        usage = self.usage()
        for path in [self.current, *self._older()]:
            _remove(path)
        return Usage(sum(u.files for u in usage.values()), sum(u.size for u in usage.values()))

    def _older(self) -> list[Path]:
        """What earlier versions kept: other version folders, the folders of before
        versions, and kinds this version no longer keeps."""
        try:
            names = os.listdir(self.root)
        except OSError:
            return []
        try:
            kinds = os.listdir(self.current)
        except OSError:
            kinds = []
        return [self.root / name for name in sorted(names)
                if name in _UNVERSIONED or (name.startswith("v") and name[1:].isdigit()
                                            and name != self.current.name)] + [
            self.current / kind for kind in sorted(kinds) if kind not in KINDS]


def user_store() -> Store:
    return Store(cache_root())


def limit_from_environment() -> int:
    """The store's limit in bytes: ``PRESSROOM_CACHE_LIMIT`` (MB) or the default."""
    try:
        megabytes = float(os.environ.get("PRESSROOM_CACHE_LIMIT", DEFAULT_LIMIT_MB))
    except ValueError:
        megabytes = DEFAULT_LIMIT_MB
    return int(max(megabytes, 0) * 1024 * 1024)


def kept(path: Path, make: Callable[[], bytes], key: str = "") -> bytes:
    """What ``make`` returns, kept (sealed) at ``path`` for next time under ``key``: a
    missing, other-keyed, unsealed or unwritable file only costs making it again. A
    use counts as one for pruning (its time stamp is renewed)."""
    import hashlib  # lazily: a repeated build's answer (see build.repeat) needs none

    tag = hashlib.sha256(key.encode("utf-8")).hexdigest().encode() + b"\n"
    try:
        data = unseal(path.read_bytes())
        if data is not None and data.startswith(tag):
            touch(path)
            return data[len(tag):]
    except OSError:
        pass
    data = make()
    try:
        replace_file(path, seal(tag + data))
    except OSError:
        pass
    return data


def touch(path: Path) -> None:
    """Mark ``path`` as just used (the store prunes the least recently used first)."""
    try:
        os.utime(path)
    except OSError:
        pass


def _usage(path: Path) -> Usage:
    if path.is_file():
        return Usage(1, path.stat().st_size)
    files = size = 0
    for folder, _, names in os.walk(path):
        for name in names:
            try:
                size += os.stat(os.path.join(folder, name)).st_size
                files += 1
            except OSError:
                pass
    return Usage(files, size)


def _entries(root: Path) -> list[tuple[int, int, list[str]]]:
    """Each entry (the files sharing a name up to its first dot, in one folder): when
    last used, its size, its files. Lock files are no entries. (Every build that
    wrote something looks: directory entries and plain strings, not a Path per file.)"""
    grouped: dict[tuple[str, str], tuple[int, int, list[str]]] = {}
    folders = [str(root)]
    while folders:
        folder = folders.pop()
        try:
            scan = os.scandir(folder)
        except OSError:
            continue
        with scan:
            for entry in scan:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                        continue
                    if entry.name.endswith(".lock"):
                        continue
                    state = entry.stat()
                except OSError:
                    continue
                key = (folder, entry.name.split(".", 1)[0])
                used, size, paths = grouped.get(key, (0, 0, []))
                paths.append(entry.path)
                grouped[key] = (max(used, state.st_mtime_ns), size + state.st_size, paths)
    return list(grouped.values())


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink()
        except OSError:
            pass

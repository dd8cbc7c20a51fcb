"""A build repeated with nothing changed, answered before the command line is parsed.

A build with nothing to do costs a stat per page (see stamps.stamp_pages),
but before it can look, a process imports click, the exporters, the settings
and the stamps, which costs more than the looking. So a build that leaves
everything up to date writes a note in the cache, keyed by its command line
(arguments, working folder, interpreter, ``PRESSROOM_*`` variables): the size
and time stamp of every file and folder its answer was drawn from — the
pages and their folders, the settings file, the layouts, Pressroom's own
files, the installed distributions' entry points, the outputs and the build
folder's summary. Run again while every one of them is as noted, the same
command gives the same answer, and it is printed from the note; anything
else goes the whole way. As with the pages, only files older than the build
by more than the file system's time-stamp step are noted (stamps.TRUST_AFTER_NS):
a file changed in the step it was noted in would go unseen.

This module is imported by every ``pressroom`` command, so it imports little.
"""
from __future__ import annotations

import json
import os
import sys
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import MISSING, exclusive, file_state, json_bytes, replace_file
from ..store import user_store

if TYPE_CHECKING:
    from .results import BuildResult

NOTE_SCHEMA = 1
NOTES_FOLDER = "repeats"


def _identity(argv: list[str]) -> list[Any]:
    """What, besides files, decides what a command does."""
    return [argv, os.getcwd(), sys.executable, sys.version, sys.path,  # as JSON gives them back
            sorted([k, v] for k, v in os.environ.items() if k.startswith("PRESSROOM"))]


def _note_path(identity: list[Any]) -> Path:
    key = zlib.crc32(json.dumps(identity, ensure_ascii=False).encode("utf-8", "surrogateescape"))
    return user_store().folder(NOTES_FOLDER) / f"{key:08x}.json"


def _checksum(path: str) -> int | None:
    try:
        with open(path, "rb") as file:
            return zlib.crc32(file.read())
    except OSError:
        return None


def answer(argv: list[str]) -> int | None:
    """The exit status of ``pressroom`` with ``argv`` when a note says how it ends
    (its answer printed), else None: the command is to be run."""
    if not argv or argv[0] != "build":
        return None
    started = time.perf_counter()
    identity = _identity(argv)
    try:
        note = json.loads(_note_path(identity).read_bytes())
        if note["schema"] != NOTE_SCHEMA or note["identity"] != identity:
            return None
        if any(file_state(path) != state for path, state in note["paths"]):
            return None
        if installed_listing() != note["installed"]:
            return None
        if _checksum(note["summary"]) != note["summary_checksum"]:
            return None
        with exclusive(Path(note["lock"]), wait=False):
            pass  # not while another build writes there
    except (OSError, ValueError, KeyError, TypeError):
        return None
    from .results import UP_TO_DATE, BuildResult, Output
    from .summary import report

    result = BuildResult(outputs=[Output(f, Path(p), UP_TO_DATE, size, seconds, pages, warnings)
                                  for f, p, size, pages, seconds, warnings in note["outputs"]])
    result.seconds = time.perf_counter() - started
    report(result, quiet=note["quiet"], as_json=note["json"])
    return 0


def remember(argv: list[str], result: BuildResult, *, inputs: list[Path], build_folder: Path,
             settings_file: tuple[str, list[int]], started_ns: int, quiet: bool,
             as_json: bool) -> bool:
    """Write the note for ``argv`` after a build that left everything up to date
    (called with the build folder still locked); or, where something the answer
    was drawn from is too young to trust or moved during the build, remove any
    note. Whether a note was written."""
    identity = _identity(argv)
    path = _note_path(identity)
    note = _note(identity, result, inputs, build_folder, settings_file, started_ns, quiet, as_json)
    try:
        if note is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(path, json_bytes(note))
    except OSError:  # a read-only cache: every build goes the whole way
        return False
    return note is not None


def _note(identity: list[Any], result: BuildResult, inputs: list[Path], build_folder: Path,
          settings_file: tuple[str, list[int]], started_ns: int, quiet: bool,
          as_json: bool) -> dict[str, Any] | None:
    from .manifest import LOCK_NAME, QUICK_NAME, load_manifest, state_folder
    from .stamps import PACKAGE, TRUST_AFTER_NS, layouts_unchanged
    from .watch import sources_of

    if not result.ok:  # problems, a failed output among them
        return None
    summary = str((state_folder(build_folder) / QUICK_NAME).absolute())
    summary_checksum = _checksum(summary)
    manifest = load_manifest(build_folder, quick=True)
    if summary_checksum is None or manifest.complete:  # no summary to answer from
        return None
    if not layouts_unchanged(manifest.layouts):
        return None
    name, recorded = settings_file
    pages, others = sources_of(inputs, name, build_folder, manifest.layouts)
    watched: dict[str, list[int]] = {}
    for page in pages:
        watched[page] = file_state(page)
        if watched[page] != manifest.page_stats.get(page, [None, None])[:2]:
            return None  # changed since the build looked
    watched.update((path, file_state(path)) for path in others)
    if watched[name] != recorded:
        return None
    for folder, subfolders, files in os.walk(PACKAGE):
        subfolders[:] = [s for s in subfolders if s != "__pycache__"]
        watched[folder] = file_state(folder)
        watched.update((p, file_state(p)) for p in (os.path.join(folder, f) for f in files))
    trusted_before = started_ns - TRUST_AFTER_NS
    if any(mtime >= trusted_before for _, mtime in watched.values()):
        return None  # young: a change in the same time-stamp step would go unseen
    # the build folder's own files: written by this build, compared as the build does
    for record in manifest.outputs.values():
        watched[str(build_folder / record.path)] = [record.size, record.mtime_ns]
    for folder in [build_folder, *{(build_folder / r.path).parent for r in manifest.outputs.values()}]:
        watched[str(folder)] = file_state(str(folder))
    outputs = []
    for output in result.outputs:
        record = manifest.outputs.get(output.path.relative_to(build_folder).as_posix())
        if record is None:
            return None
        outputs.append([output.format, str(output.path), record.size, record.pages,
                        record.seconds, list(record.warnings)])
    return {"schema": NOTE_SCHEMA, "identity": identity, "paths": sorted(watched.items()),
            "installed": installed_listing(), "summary": summary,
            "summary_checksum": summary_checksum,
            "lock": str((state_folder(build_folder) / LOCK_NAME).absolute()),
            "outputs": outputs, "quiet": quiet, "json": as_json}


#: what an install leaves on sys.path
_METADATA_SUFFIXES = (".dist-info", ".egg-info")


def installed_listing() -> list[str]:
    """Each ``sys.path`` entry with its distributions' names and the size and time
    stamp of their ``entry_points.txt``: an install, an upgrade, an uninstall or an
    editable package's rewritten entry points all change it (a listing and a stat
    each, about a millisecond)."""
    seen: list[str] = [sys.version]
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as listing:
                names = sorted(e.name for e in listing if e.name.endswith(_METADATA_SUFFIXES))
        except OSError:  # a zip file or a path that does not exist
            seen.append(f"{entry}\x00{_stat_key(entry)}")
            continue
        seen.append(entry)
        for name in names:
            seen.append(f"{name}\x00{_stat_key(os.path.join(entry or '.', name, 'entry_points.txt'))}")
    return seen


def _stat_key(path: str) -> str:
    state = file_state(path)
    return "-" if state == MISSING else f"{state[0]}:{state[1]}"

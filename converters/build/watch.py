"""``pressroom build --watch``: build, then build again whenever a page, the
settings or a layout changes, in the same process.

A correction built by a new process first pays for starting Python and
loading ReportLab before it typesets a line, and
reads back the parsed pages; a process that stays has them all. The watcher
looks for changes by the size and time stamp of every file and folder a
build reads from (as repeat's notes do) forty times a second — a stat each,
half a millisecond for a month of pages — which works on every file system,
network shares included, and needs no library. A change is built once the
files have been still for one more look: an editor's save may take more than
one write.
"""
from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..files import file_state

#: seconds between looks
INTERVAL = 0.025
#: a watcher whose memory has grown by this many MB since its first build starts
#: afresh (each new set of font subsets — a correction bringing in a rare
#: character — leaves a few MB in ReportLab's font registry, which cannot let go)
GROWTH_MB = float(os.environ.get("PRESSROOM_WATCH_GROWTH_MB", "150"))

States = dict[str, list[int]]


def sources_of(inputs: list[Path], settings_file: str, build_folder: Path,
               layouts: dict[str, Any] | None = None) -> tuple[list[str], list[str]]:
    """What a build into ``build_folder`` reads: the pages, and the rest — the folders
    listed to find them, the settings file, and every file and folder the layouts
    of its last build were made from (``layouts``: its manifest's, if at hand)."""
    from .manifest import load_manifest
    from ..parse.reading import expand_paths
    from .stamps import layouts_listed

    listed: list[str] = []
    pages = [str(page) for page in expand_paths(inputs, listed)]
    # a build folder inside an input folder changes with every build: not a source
    outputs = build_folder.resolve()
    folders = [f for f in listed if not Path(f).resolve().is_relative_to(outputs)]
    if layouts is None:
        layouts = load_manifest(build_folder, quick=True).layouts
    return pages, [*folders, settings_file, *map(str, layouts_listed(layouts))]


def states_of(paths: list[str]) -> States:
    return {path: file_state(path) for path in paths}


def changed(before: States, after: States) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def wait_for_change(paths: list[str], before: States, interval: float = INTERVAL,
                    sleep: Callable[[float], None] = time.sleep) -> list[str]:
    """Look every ``interval`` until a path differs from ``before``; then until the
    files are still for one look. Returns what changed."""
    while True:
        sleep(interval)
        now = states_of(paths)
        if now != before:
            break
    while True:
        sleep(interval)
        settled = states_of(paths)
        if settled == now:
            return changed(before, now)
        now = settled


def peak_memory_mb() -> float | None:
    """This process's peak resident memory, where the system says (not on Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def keep_watching(build: Callable[[], object], sources: Callable[[], list[str]],
                  announce: Callable[[list[str]], None], restart: Callable[[], object],
                  interval: float = INTERVAL) -> None:
    """``build``, then again after each change to what ``sources`` lists, until
    interrupted (KeyboardInterrupt goes to the caller). Once the process has grown
    by GROWTH_MB, ``restart`` (which replaces it; its first build finds anything
    changed meanwhile, from the build folder's manifest)."""
    baseline: float | None = None
    while True:
        paths = sources()
        before = states_of(paths)  # before the build: a change made during it is built next
        build()
        peak = peak_memory_mb()
        if baseline is None:
            baseline = peak
        elif peak is not None and peak > baseline + GROWTH_MB:
            restart()
        # while nobody waits: collect this build's garbage, and leave what lives on
        # out of the next build's collections
        gc.collect()
        gc.freeze()
        announce(wait_for_change(paths, before, interval))

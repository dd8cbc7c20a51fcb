"""An entry-point group, read from a cache while the installed distributions are unchanged.

``importlib.metadata`` imports ``email``, ``zipfile``, ``csv`` and more, then
reads every distribution's metadata: 20–40 ms before a command can start,
which is most of what a build with nothing to do costs. stevedore caches its
entry points for the same reason; as there, the cache is keyed by what an
install changes. Here that is every ``*.dist-info`` and ``*.egg-info`` on
``sys.path`` and the size and time stamp of its ``entry_points.txt`` — a
listing and a stat each, about a millisecond — so an install, an upgrade, an
uninstall or an editable package's rewritten entry points all miss it.
"""
from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any, NamedTuple

from .files import MISSING, file_state, replace_file

_METADATA_SUFFIXES = (".dist-info", ".egg-info")
_CACHE_NAME = "entry-points.json"
_STATES_KEPT = 8


class EntryPoint(NamedTuple):
    """A name and ``module:attribute``, as ``importlib.metadata.EntryPoint`` has them."""

    name: str
    value: str

    def load(self) -> Any:
        module, _, attribute = self.value.partition(":")
        found: Any = importlib.import_module(module.strip())
        for step in attribute.strip().split(".") if attribute.strip() else ():
            found = getattr(found, step)
        return found


def installed_state() -> str:
    """A hash of what decides the entry points on ``sys.path``."""
    import hashlib  # lazily: a repeated build's answer compares the listing itself

    return hashlib.sha256("\x01".join(installed_listing()).encode("utf-8", "surrogateescape")
                          ).hexdigest()


def installed_listing() -> list[str]:
    """Each ``sys.path`` entry with its distributions' names and the size and time
    stamp of their ``entry_points.txt``."""
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


def entry_points_of(group: str, cache: Path | None = None) -> tuple[EntryPoint, ...]:
    """The group's entry points, sorted by name, the first found of each name winning
    as with ``importlib.metadata``."""
    from .store import user_store

    path = cache or user_store().folder("registry") / _CACHE_NAME
    state = installed_state()
    try:
        states = json.loads(path.read_text(encoding="utf-8"))
        return tuple(EntryPoint(name, value) for name, value in states[state][group])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    points = _scan(group)
    try:
        states = json.loads(path.read_text(encoding="utf-8"))
        states = states if isinstance(states, dict) else {}
    except (OSError, ValueError):
        states = {}
    # one entry per interpreter and path (`python -m` puts the working folder
    # first, the `pressroom` script does not); the newest few are kept
    states.setdefault(state, {})[group] = [[p.name, p.value] for p in points]
    states = dict(list(states.items())[-_STATES_KEPT:])
    try:
        replace_file(path, json.dumps(states).encode("utf-8"))
    except OSError:  # a read-only cache only costs the scan next time
        pass
    return points


def _scan(group: str) -> tuple[EntryPoint, ...]:
    from importlib.metadata import entry_points

    found: dict[str, EntryPoint] = {}
    for point in entry_points(group=group):
        found.setdefault(point.name, EntryPoint(point.name, point.value))
    return tuple(sorted(found.values(), key=lambda p: p.name))

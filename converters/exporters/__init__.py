"""Exporters, found by name through the ``pressroom.exporters`` entry-point group.

Like Sphinx builders: a separate package adds a format by declaring

    [project.entry-points."pressroom.exporters"]
    myformat = "mypackage.module:MyExporter"

An exporter plans its outputs for an edition (``plan``) and writes one
(``write``); the build command does the rest (paths, temporary files,
reporting).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

from ..edition import Edition

GROUP = "pressroom.exporters"


@dataclass(frozen=True)
class BuildOptions:
    layout: str | None = None
    split: str | None = None          # "district": one output per district as well
    print_marks: bool = False         # PDF: bleed, trim box and crop marks
    combined: bool = False            # DOCX: one report of all districts as well
    embed_fonts: bool = False         # EPUB: embed the serif face, subset


@dataclass(frozen=True)
class Job:
    """One output file: where it goes (relative to the format's folder) and what it holds."""

    name: str
    edition: Edition


@dataclass
class Report:
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None


class Exporter(Protocol):
    name: str
    description: str

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]: ...

    def write(self, job: Job, target: Path, options: BuildOptions) -> Report: ...


class UnknownFormat(Exception):
    pass


def available() -> dict[str, type]:
    """Registered exporters by name."""
    found = {}
    for point in entry_points(group=GROUP):
        found[point.name] = point
    return dict(sorted(found.items()))


def load(name: str) -> Exporter:
    points = available()
    if name not in points:
        raise UnknownFormat(f"no exporter named “{name}” (registered: {', '.join(points) or 'none'})")
    return points[name].load()()

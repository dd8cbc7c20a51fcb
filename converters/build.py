"""``pressroom build``: parse once, then let each exporter write its outputs."""
from __future__ import annotations

import os
import time
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .edition import build_edition
from .exporters import BuildOptions, load
from .model import Collection
from .parse import parse_paths


@dataclass
class Output:
    format: str
    path: Path
    size: int
    seconds: float
    pages: int | None
    warnings: list[str]


@dataclass
class BuildResult:
    collection: Collection
    outputs: list[Output] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def safe_target(folder: Path, name: str) -> Path:
    """A file directly inside ``folder``: no separators, no dot names, whatever a name says."""
    if not name or Path(name).name != name or name.startswith(".") or "/" in name or "\\" in name:
        raise ValueError(f"refusing output name {name!r}: it must be a plain file name")
    return folder / name


def write_atomically(target: Path, write) -> object:  # type: ignore[no-untyped-def]
    """Write through a temporary file in the same folder, renamed into place at the end.

    An interrupted build leaves the previous output intact, never half a file.
    """
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        result = write(temporary)
        os.replace(temporary, target)
        return result
    finally:
        if temporary.exists():
            temporary.unlink()


def run_build(inputs: list[Path], out_dir: Path, formats: list[str], settings: Settings,
              options: BuildOptions) -> BuildResult:
    collection = parse_paths(inputs)
    result = BuildResult(collection, problems=[str(p) for p in collection.problems])
    edition = build_edition(collection, settings)
    if not edition.entries:
        result.problems.append("no articles to build from " + ", ".join(map(str, inputs)))
        return result
    for name in formats:
        exporter = load(name)
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        for job in exporter.plan(edition, options):
            target = safe_target(folder, job.name)
            started = time.perf_counter()
            try:
                report = write_atomically(target, partial(exporter.write, job, options=options))
            except Exception as exc:  # one output failing must not stop the others
                result.problems.append(f"{target}: {type(exc).__name__}: {exc}")
                continue
            result.outputs.append(Output(name, target, target.stat().st_size,
                                         time.perf_counter() - started, report.pages,
                                         report.warnings))
    return result

"""Writing outputs: each through a temporary file, several at once in worker processes.

Outputs are independent (a format, a district), so they are written by
worker processes, the costliest first. Each is written to ``.NAME.PID.part``
beside its target and renamed over it only when complete, so an interrupted
build (Ctrl-C, kill, power cut) leaves every output either as it was or
wholly new, never half written; the next build sweeps up the ``.part`` files.
"""
from __future__ import annotations

import hashlib
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from .exporters import BuildOptions, Exporter, Job
from .files import PART_SUFFIX, exclusive, write_atomically
from .processes import ChildDied, in_processes, stop

LOCK_NAME = "lock"


@dataclass
class Task:
    """One output to write, with what the manifest will record about it."""

    exporter: Exporter
    job: Job
    options: BuildOptions
    target: Path
    relative: str
    stamp: str
    layout: str
    cost: float = 1.0
    order: int = 0
    inputs: dict[str, str] = field(default_factory=dict)
    articles: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass
class Outcome:
    size: int = 0
    mtime_ns: int = 0
    sha256: str = ""
    pages: int | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


class BuildError(Exception):
    pass


def write_output(task: Task) -> Outcome:
    started = time.perf_counter()
    try:
        report = write_atomically(
            task.target, lambda path: task.exporter.write(task.job, path, task.options))
        data = task.target.read_bytes()
        stat = task.target.stat()
    except Exception as exc:  # one output failing must not stop the others
        return Outcome(seconds=time.perf_counter() - started,
                       error=f"{type(exc).__name__}: {exc}")
    return Outcome(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest(), report.pages,
                   time.perf_counter() - started, list(report.warnings))


def run_tasks(tasks: list[Task], workers: int) -> Iterator[tuple[Task, Outcome]]:
    """Write every task, yielding each as it finishes; the costliest start first."""
    for task, outcome in in_processes(write_output, tasks, workers, cost=lambda t: t.cost):
        if isinstance(outcome, ChildDied):
            outcome = Outcome(error=f"not written: {outcome}")
        yield task, outcome


def stop_on_sigterm() -> None:
    """Let ``kill`` unwind the main process like Ctrl-C, so it stops its workers."""
    signal.signal(signal.SIGTERM, stop)


def remove_leftovers(out_dir: Path) -> list[Path]:
    """Temporary files a killed build left behind (no build can be writing them:
    the caller holds the build folder's lock)."""
    found = [p for folder in (out_dir, *(d for d in out_dir.iterdir() if d.is_dir()))
             for p in folder.glob(f".*{PART_SUFFIX}")]
    for path in found:
        path.unlink(missing_ok=True)
    return found


class BuildLock:
    """One build at a time per build folder."""

    def __init__(self, state: Path) -> None:
        self.build_folder = state.parent
        self.lock = exclusive(state / LOCK_NAME, wait=False)

    def __enter__(self) -> BuildLock:
        try:
            self.lock.__enter__()
        except BlockingIOError:
            raise BuildError(f"another pressroom build is writing to {self.build_folder}; "
                             "wait for it to finish") from None
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.lock.__exit__(kind, error, trace)

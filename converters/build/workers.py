"""Writing outputs: each through a temporary file, several at once in worker processes.

Outputs are independent (a format, a district), so they are written by
worker processes: the parts of outputs made in parts first, then the
costliest outputs. Each is written to ``.NAME.PID.part``
beside its target and renamed over it only when complete, so an interrupted
build (Ctrl-C, kill, power cut) leaves every output either as it was or
wholly new, never half written; the next build sweeps up the ``.part`` files.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..exporters import BuildOptions, Context, Exporter, Job, Part, Report
from ..errors import PressroomError
from ..files import replace_file, system_said, write_atomically
from ..store import user_store


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
    #: what every output of its format is made with (stamps.format_stamp)
    basis: str = ""
    #: the file it replaces, when the manifest vouches that it is the one an earlier
    #: build wrote (and the exporter can reuse pieces of it)
    earlier: Path | None = None
    cost: float = 1.0
    order: int = 0
    inputs: dict[str, str] = field(default_factory=dict)
    articles: list[tuple[str, str, int]] = field(default_factory=list)
    #: an output made in parts, in order
    parts: list[PartTask] | None = None


@dataclass
class PartTask:
    """One part of an output (a district of the bulletin), kept under its stamp."""

    owner: Task
    part: Part
    path: Path
    cost: float = 1.0
    #: the part's data: kept from an earlier build, or once written
    kept: dict[str, Any] | None = None
    #: what it is made with besides its articles (stamps.part_basis)
    basis: str = ""
    #: the part it replaces, with its data, when the exporter can reuse pieces of it
    previous: tuple[Path, dict[str, Any]] | None = None
    #: why it was not written
    failure: str | None = None
    #: the only part of its output to write: the worker assembles the output next
    last: bool = False


PART_DATA_SUFFIX = ".json"  # beside each part: what assembling needs to know of it


def part_data_path(path: Path) -> Path:
    return path.with_name(path.name + PART_DATA_SUFFIX)


def read_part(path: Path) -> dict[str, Any] | None:
    """A kept part's data, or None when the part (or its data) is missing or damaged."""
    try:
        data = json.loads(part_data_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if path.is_file() and path.stat().st_size == data.get("size") else None


def write_part(task: PartTask) -> dict[str, Any] | str:
    """The part's data, or what went wrong."""
    try:
        owner = task.owner
        context = Context(user_store(), earlier_part=task.previous)
        data = write_atomically(task.path, lambda path: owner.exporter.write_part(
            owner.job, task.part, path, owner.options, context))
        data = {**data, "size": task.path.stat().st_size, "basis": task.basis}
        replace_file(part_data_path(task.path), json.dumps(data, ensure_ascii=False).encode())
    except Exception as exc:  # noqa: BLE001 - reported against the output it belongs to
        return _failure(exc)
    return data


def _failure(exc: Exception) -> str:
    """What went wrong, in a line: a Pressroom error says it in words already; anything
    else is named by its kind (an OSError by what the system said)."""
    if isinstance(exc, PressroomError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return system_said(exc)
    return f"{type(exc).__name__}: {exc}"


@dataclass
class Outcome:
    size: int = 0
    mtime_ns: int = 0
    sha256: str = ""
    pages: int | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    unprintable: list[str] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)


def write_output(task: Task) -> Outcome:
    context = Context(user_store(), earlier_output=task.earlier)
    return _write_target(task, lambda path: task.exporter.write(task.job, path, task.options,
                                                                context))


def _assemble(task: Task, parts: list[tuple[Path, dict[str, Any]]], waited: float) -> Outcome:
    outcome = _write_target(task, lambda path: task.exporter.assemble(
        task.job, path, task.options, parts, Context(user_store())))
    outcome.seconds += waited  # for its parts
    return outcome


def _write_target(task: Task, write: Callable[[Path], Report]) -> Outcome:
    started = time.perf_counter()
    try:
        report = write_atomically(task.target, write)
        data = task.target.read_bytes()
        stat = task.target.stat()
    except Exception as exc:  # one output failing must not stop the others
        return Outcome(seconds=time.perf_counter() - started,
                       error=_failure(exc))
    return Outcome(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest(), report.pages,
                   time.perf_counter() - started, list(report.warnings),
                   unprintable=sorted(report.unprintable), places=dict(report.places))


def _finished(task: Task, started: float) -> Outcome:
    """The output assembled from its parts, or why not (a part not written)."""
    failures = [p for p in task.parts or [] if p.failure]
    if failures:
        return Outcome(error=f"its part “{failures[0].part.key}” was not written: "
                             f"{failures[0].failure}")
    parts = [(part.path, part.kept or {}) for part in task.parts or []]
    return _assemble(task, parts, time.perf_counter() - started)


def _run(item: Task | PartTask) -> Outcome | dict[str, Any] | str | tuple[dict[str, Any], Outcome]:
    if isinstance(item, Task):
        return write_output(item)
    started = time.perf_counter()
    data = write_part(item)
    if not item.last or not isinstance(data, dict):
        return data
    item.kept = data
    return data, _finished(item.owner, started)


def run_tasks(tasks: list[Task], workers: int, meanwhile: Callable[[], object] | None = None,
              ) -> Iterator[tuple[Task, Outcome]]:
    """Write every task, yielding each as it finishes.

    An output made in parts has its missing parts written by the workers with
    everything else, before everything else: it is assembled here, in the
    main process, once its last part is in, in a thread, so that the workers
    are meanwhile handed their next items — unless a single part is missing
    (a correction): the worker that writes it assembles the output next.
    ``meanwhile`` is called here while the workers write (see in_processes).
    Each output made in parts is prepared here first (its fonts loaded, for
    the workers to inherit).
    """
    work: list[Task | PartTask] = []
    for task in tasks:
        missing = [task] if task.parts is None else [p for p in task.parts if p.kept is None]
        if task.parts is not None and len(missing) == 1:
            # a correction: the worker that writes the one part assembles the
            # output too, while the other writes the rest (here, three at once
            # on two cores would each go slower)
            missing[0].last = True  # type: ignore[union-attr]
        work += missing
    started = time.perf_counter()

    def finished(task: Task) -> Outcome:
        return _finished(task, started)

    from concurrent.futures import Future, ThreadPoolExecutor

    from .processes import in_processes

    for task in tasks:
        if task.parts is not None:
            task.exporter.prepare(task.job, task.options, Context(user_store()))
    for task in tasks:  # everything kept: nothing to wait for
        if task.parts is not None and all(p.kept is not None for p in task.parts):
            yield task, finished(task)
    assembling: list[tuple[Task, Future[Outcome]]] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="assemble") as assembler:
        for item, result in in_processes(_run, work, workers, priority=_critical_first,
                                         meanwhile=meanwhile):
            if isinstance(item, Task):
                yield item, result if isinstance(result, Outcome) else Outcome(
                    error=f"not written: {result}")
            elif isinstance(result, tuple):  # written and assembled by the worker
                item.kept = result[0]
                yield item.owner, result[1]
            else:
                if isinstance(result, dict):
                    item.kept = result
                else:
                    item.failure = str(result)
                owner = item.owner
                if all(p.kept is not None or p.failure for p in owner.parts or []):
                    assembling.append((owner, assembler.submit(finished, owner)))
            for entry in [entry for entry in assembling if entry[1].done()]:
                assembling.remove(entry)
                yield entry[0], entry[1].result()
        for owner, future in assembling:
            yield owner, future.result()


def _critical_first(item: Task | PartTask) -> tuple[bool, float]:
    """Parts before whole outputs (the assembling waits for the last of them),
    the costliest first within each."""
    return isinstance(item, PartTask), item.cost

"""What a build writes: each output planned (its stamp against the manifest's), the
parts it is made of, what an earlier build left that it may reuse, and what the
build no longer makes."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..exporters import BuildOptions, Exporter, Job
from .manifest import PARTS_FOLDER, BuildError, Manifest, OutputRecord, state_folder

if TYPE_CHECKING:
    from ..edition import Edition
    from ..model import Collection
    from .workers import Task

#: each output: its path in the build folder, the file, its job, and its task (None: up to date)
Planned = list[tuple[str, Path, Job, "Task | None"]]


def make_folder(folder: Path) -> None:
    """Make ``folder`` (and its parents), or say why not: a file of that name in the
    way (build/pdf a file), a read-only or full disk."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocking = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()),
                        None)
        why = f"{blocking} is a file, not a folder: move it away" if blocking is not None \
            else exc.strerror or str(exc)
        raise BuildError(f"cannot make the folder {folder}: {why}") from None


def safe_target(folder: Path, name: str) -> Path:
    """A file directly inside ``folder``: no separators, no dot names, whatever a name says."""
    if not name or Path(name).name != name or name.startswith(".") or "/" in name or "\\" in name:
        raise ValueError(f"refusing output name {name!r}: it must be a plain file name")
    return folder / name


def untouched(folder: Path, record: OutputRecord) -> bool:
    """The file is still the one the manifest says was written (size and time stamp)."""
    try:
        stat = (folder / record.path).stat()
    except OSError:
        return False
    return stat.st_size == record.size and stat.st_mtime_ns == record.mtime_ns


def plan(edition: Edition, collection: Collection, exporters: dict[str, Exporter],
         format_stamps: dict[str, str], layouts: dict[str, str], out_dir: Path,
         options: BuildOptions, manifest: Manifest, force: bool,
         problems: list[str]) -> tuple[list[Task], Planned]:
    """Every output the formats plan, in order; a task for each that is out of date."""
    from .stamps import article_identities, job_stamp, part_basis, part_stamp
    from .workers import PartTask, Task, read_part  # what writing needs; a no-op build does not

    identities = article_identities(collection)
    lengths: dict[int, int] = {}  # article → its text's length, once: editions share articles

    def cost(exporter: Exporter, edition: Edition) -> float:
        total = 0
        for entry in edition.entries:
            key = id(entry.article)
            if key not in lengths:
                lengths[key] = len(entry.article.text_content())
            total += lengths[key]
        return exporter.cost * total

    def parts_of(task: Task, record: OutputRecord | None) -> list[PartTask]:
        exporter, job = task.exporter, task.job
        folder = state_folder(out_dir) / PARTS_FOLDER / exporter.name
        make_folder(folder)
        earlier = record.parts if record is not None and not force else []
        parts = []
        for part in exporter.parts(job, options):
            base = format_stamps[exporter.name]
            key = part_stamp(base, exporter, job, part, options, identities)
            # named by the part's key too, so the next build finds the part it replaces
            path = folder / f"{part.key}.{key}{Path(job.name).suffix}"
            basis = part_basis(base, exporter, part, options)
            task_part = PartTask(task, part, path, cost(exporter, part.edition) * part.weight,
                                 None if force else read_part(path), basis)
            if task_part.kept is None and exporter.reuses_parts:
                task_part.previous = _replaced_part(folder, earlier, part.key, basis)
            parts.append(task_part)
        return parts

    tasks: list[Task] = []
    planned: Planned = []
    for name, exporter in exporters.items():
        folder = out_dir / name
        make_folder(folder)
        for order, job in enumerate(exporter.plan(edition, options)):
            try:
                target = safe_target(folder, job.name)
            except ValueError as exc:  # an exporter's plan, not the user's input, is at fault
                problems.append(f"{name} exporter: {exc}")
                continue
            relative = target.relative_to(out_dir).as_posix()
            job_key = job_stamp(format_stamps[name], exporter, job, options, identities)
            record = manifest.outputs.get(relative)
            if (not force and record is not None and record.stamp == job_key
                    and untouched(out_dir, record)):
                record.order = order
                planned.append((relative, target, job, None))
                continue
            entries = job.edition.entries
            articles = [identities[id(e.article)] for e in entries]
            task = Task(exporter, job, options, target, relative, job_key, layouts[name],
                        basis=format_stamps[name], cost=cost(exporter, job.edition),
                        order=order, inputs={source: digest for source, digest, _ in articles},
                        articles=articles)
            if exporter.in_parts:
                task.parts = parts_of(task, record)
            if (exporter.reuses_output and record is not None and untouched(out_dir, record)
                    and record.basis == task.basis):
                # the build's own file, as the manifest says, made the same way
                task.earlier = target
            tasks.append(task)
            planned.append((relative, target, job, task))
    return tasks, planned


def _replaced_part(folder: Path, earlier: list[str], key: str, basis: str
                   ) -> tuple[Path, dict[str, Any]] | None:
    """The part with ``key`` the output had until now, if it was made with the same
    layout, settings, Pressroom and fonts (``basis``): the exporter may reuse pieces of it."""
    from .workers import read_part

    for name in earlier:
        if name.startswith(f"{key}."):
            data = read_part(folder / name)
            if data is not None and data.get("basis") == basis:
                return folder / name, data
    return None


def remove_unplanned(out_dir: Path, manifest: Manifest, exporters: dict[str, Exporter],
                      planned: set[str]) -> list[Path]:
    """Delete what an earlier build of these formats wrote and this one no longer makes
    (a district that is gone, a split no longer asked for). Only files in the manifest."""
    removed = []
    for relative, record in list(manifest.outputs.items()):
        if record.format in exporters and relative not in planned:
            path = out_dir / relative
            if path.is_file():
                path.unlink()
                removed.append(path)
            del manifest.outputs[relative]
    return removed


def remove_unused_parts(out_dir: Path, manifest: Manifest, exporters: dict[str, Exporter]) -> None:
    """Parts no output in the manifest is made of (a district as it was before a
    correction): the next build cannot use them."""
    from .workers import PART_DATA_SUFFIX

    in_use = {name for record in manifest.outputs.values() for name in record.parts}
    for name in exporters:
        folder = state_folder(out_dir) / PARTS_FOLDER / name
        if folder.is_dir():
            for path in folder.iterdir():
                if path.name.removesuffix(PART_DATA_SUFFIX) not in in_use:
                    path.unlink(missing_ok=True)

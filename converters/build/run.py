"""``pressroom build``: parse once, then write every output that is out of date.

The flow: stamp the inputs → (nothing changed? report the manifest and stop)
→ parse, reusing the pages parsed last time → group into the edition → plan
every format's outputs → write the ones whose stamp changed, in a pool of
worker processes → record each in the manifest as it lands.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .. import __version__
from ..config import Settings
from ..exporters import BuildOptions, load
from .manifest import (
    BuildLock,
    Manifest,
    OutputRecord,
    load_manifest,
    remove_leftovers,
    save_manifest,
    save_quick,
    state_folder,
)
from .plan import make_folder, plan, remove_unplanned, remove_unused_parts, untouched
from .processes import default_workers
from .results import BUILT, FAILED, UP_TO_DATE, BuildResult, Output
from .stamps import build_stamp, code_stamp, format_stamp, layout_stamp, stamp_pages

if TYPE_CHECKING:
    from ..model import Collection, Document
    from .workers import Outcome, Task

class Progress(Protocol):
    """Where a build reports how far it is (a terminal bar, or nothing)."""

    def start(self, stage: str, total: int) -> None: ...

    def advance(self, done: int) -> None: ...

    def finish(self) -> None: ...


class Silent:
    def start(self, stage: str, total: int) -> None:
        pass

    def advance(self, done: int) -> None:
        pass

    def finish(self) -> None:
        pass


def _from_record(folder: Path, record: OutputRecord) -> Output:
    return Output(record.format, folder / record.path, UP_TO_DATE, record.size, record.seconds,
                  record.pages, list(record.warnings))


class Session:
    """What a build leaves in memory for the next one in the same process (build
    --watch): the parsed pages, and how to keep them in the build folder, which
    is left for when nobody is waiting for a build (save)."""

    def __init__(self) -> None:
        self.parsed: dict[str, Document] | None = None
        self.unsaved: Callable[[], None] | None = None
        #: the formats whose libraries this process has loaded
        self.loaded: set[str] = set()

    def save(self) -> None:
        if self.unsaved is not None:
            self.unsaved()
            self.unsaved = None


def run_build(inputs: list[Path], out_dir: Path, formats: list[str], settings: Settings,
              options: BuildOptions, *, workers: int | None = None, force: bool = False,
              progress: Progress | None = None,
              then: Callable[[BuildResult], object] | None = None,
              session: Session | None = None) -> BuildResult:
    """Build; ``then`` is called with the result before the build folder is unlocked;
    ``session``: what the last build in this process left (see Session)."""
    started = time.perf_counter()
    progress = progress or Silent()
    make_folder(out_dir)
    with BuildLock(state_folder(out_dir)) as lock:
        remove_leftovers(out_dir)
        try:
            result = _build(inputs, out_dir, formats, settings, options,
                            workers or default_workers(), force, progress, session)
        finally:
            gc.unfreeze()  # see _build: a caller building again collects it all as usual
        if lock.taken_over:
            result.notes.append(lock.taken_over)
        result.seconds = time.perf_counter() - started
        if then is not None:
            then(result)
    return result


def _build(inputs: list[Path], out_dir: Path, formats: list[str], settings: Settings,
           options: BuildOptions, workers: int, force: bool, progress: Progress,
           session: Session | None) -> BuildResult:
    from ..review import index_page  # (light: a no-op build checks the review is there)

    exporters = {name: load(name) for name in formats}
    manifest = load_manifest(out_dir, quick=True)
    remembered_layouts = dict(manifest.layouts)
    layouts = {name: layout_stamp(e, options, manifest.layouts) for name, e in exporters.items()}
    format_stamps = {name: format_stamp(e, settings, options, layouts[name])
                     for name, e in exporters.items()}
    stamped, sources, page_stats, read = stamp_pages(inputs, manifest)
    stamp = build_stamp(format_stamps, stamped)
    mine = sorted((r for r in manifest.outputs.values() if r.format in exporters),
                  key=lambda r: (formats.index(r.format), r.order))
    if (not force and mine and manifest.build_stamp == stamp
            and all(untouched(out_dir, r) for r in mine)
            and index_page(out_dir).is_file()):
        if page_stats != manifest.page_stats or manifest.layouts != remembered_layouts:
            # files touched, not changed: spare the next build reading them again
            save_manifest(out_dir, replace(load_manifest(out_dir), page_stats=page_stats,
                                           layouts=manifest.layouts))
        elif read:  # pages too young to trust when recorded, unchanged: trust them next time
            save_quick(out_dir, manifest)
        return BuildResult(outputs=[_from_record(out_dir, r) for r in mine],
                           problems=list(manifest.problems))
    if not manifest.complete:  # something to do: what each output holds is needed now
        manifest = replace(load_manifest(out_dir), layouts=manifest.layouts)

    # while a worker process parses the pages (a single corrected one too), this one
    # loads the libraries writing needs (ReportLab, python-docx, Jinja2: see
    # Exporter.load_libraries), which the writing workers inherit; it never imports
    # the parser itself (see parse.batch)
    loading = {name: e for name, e in exporters.items()
               if not session or name not in session.loaded}

    def load_them() -> None:
        for name, exporter in loading.items():
            if session is None:
                exporter.load_libraries()
            else:  # once, for the workers of every build to come
                exporter.load_writing_libraries()
                session.loaded.add(name)

    collection, keep_parsed = _parse(inputs, out_dir, stamped, progress, workers,
                                     meanwhile=load_them if loading else None, session=session)
    # the parsed pages, the manifest and the libraries live as long as the build:
    # kept out of the collector's full passes, which otherwise walk them all again
    # (one or two per correction), here and in the forked workers
    gc.freeze()
    result = BuildResult(collection, problems=[str(p) for p in collection.problems])
    from ..edition import build_edition  # the grouping needs the gazetteer; a no-op build does not

    edition = build_edition(collection, settings)
    label = f"{edition.date.year}年{edition.date.month}月"
    for article in edition.outside:
        kept = "kept" if settings.outside_month == "keep" else "left out"
        result.warnings.append(f"{article.source}: “{article.title}” is dated {article.date}, "
                            f"outside the edition's month ({label}): {kept} "
                            "([edition] outside_month = \"keep\" or \"leave out\")")
    if not edition.entries:
        result.problems.append("no articles to build from " + ", ".join(map(str, inputs)))
        return result

    tasks, planned = plan(edition, collection, exporters, format_stamps, layouts, out_dir,
                           options, manifest, force, result.problems)
    result.removed = remove_unplanned(out_dir, manifest, exporters, {p for p, _, _, _ in planned})
    manifest.version, manifest.sources = __version__, {**manifest.sources, **sources}
    manifest.page_stats = page_stats
    # while the workers write, this process writes the review's page views (they
    # show the pages, not where the outputs put them: the index follows)
    page_warnings = list(result.warnings)

    def meanwhile() -> None:
        from ..review import write_page_views

        if keep_parsed is not None:
            keep_parsed()
        write_page_views(out_dir, collection, {digest: path for path, digest in stamped},
                         page_warnings)

    outcomes = _write(tasks, out_dir, manifest, workers, progress, meanwhile=meanwhile)
    manifest.sources = {digest: manifest.sources[digest] for record in manifest.outputs.values()
                        for digest in record.inputs.values() if digest in manifest.sources}
    result.workers = min(workers, max(len(tasks), 1))
    for relative, target, _, task in planned:
        if task is None:
            result.outputs.append(_from_record(out_dir, manifest.outputs[relative]))
            continue
        outcome = outcomes[relative]
        status = FAILED if outcome.error else BUILT
        result.outputs.append(Output(task.exporter.name, target, status, outcome.size,
                                     outcome.seconds, outcome.pages, outcome.warnings,
                                     outcome.error))
        if outcome.error:
            result.problems.append(f"{target}: {outcome.error}")
    remove_unused_parts(out_dir, manifest, exporters)
    if not any(o.status == FAILED for o in result.outputs):
        # a failed output is retried next time; otherwise an unchanged rebuild is a no-op
        manifest.build_stamp, manifest.problems = stamp, list(result.problems)
    save_manifest(out_dir, manifest)
    from ..editions import write_record

    write_record(out_dir, edition, [(exporters[manifest.outputs[relative].format], job, relative)
                                    for relative, _, job, _ in planned
                                    if relative in manifest.outputs], manifest)
    from ..review import write_review

    write_review(out_dir, edition, collection, manifest,
                 [*result.warnings, *(w for o in result.outputs for w in o.warnings)],
                 page_warnings)
    if tasks:  # something was made: the store may have grown past its bound
        from ..store import limit_from_environment, user_store

        user_store().prune(limit_from_environment())
    return result


def _parse(inputs: list[Path], out_dir: Path, stamped: list[tuple[str, str]],
           progress: Progress, workers: int, meanwhile: Callable[[], object] | None,
           session: Session | None = None) -> tuple[Collection, Callable[[], None] | None]:
    """The parsed pages, and what keeps them for the next build if they changed (to be
    called while the outputs are written, only the pages not kept yet; with
    a ``session``, kept there and left for it to save)."""
    from .manifest import load_parsed, save_parsed
    from ..parse.batch import parse_paths  # the parser is only needed when something changed

    if session is not None and session.parsed is not None:
        cache = dict(session.parsed)
    else:
        cache = load_parsed(out_dir, code_stamp())
    before = set(cache)
    progress.start("parse", len(stamped))
    try:
        collection = parse_paths(inputs, cache=cache, progress=progress.advance, workers=workers,
                                 digests=dict(stamped), meanwhile=meanwhile)
    finally:
        progress.finish()
    in_use = {id(d) for d in collection.documents}
    kept = {key: document for key, document in cache.items() if id(document) in in_use}
    if session is not None:
        session.parsed = kept
    if set(kept) == before:  # pages of earlier builds are not kept forever
        return collection, None
    save = partial(save_parsed, out_dir, code_stamp(), kept)
    if session is not None:
        session.unsaved = save
        return collection, None
    return collection, save


#: how often a build records the outputs it has finished (it always does at its end):
#: an interrupted build's next run rewrites at most this much work (an output the
#: manifest does not describe as it is on disk is written again), and a correction,
#: done in a fifth of that, records once instead of after each of its outputs
RECORD_EVERY = 1.0


def _write(tasks: list[Task], out_dir: Path, manifest: Manifest, workers: int,
           progress: Progress, meanwhile: Callable[[], object] | None) -> dict[str, Outcome]:
    from .workers import run_tasks

    outcomes: dict[str, Outcome] = {}
    progress.start("write", len(tasks))
    saved = time.perf_counter()
    try:
        for done, (task, outcome) in enumerate(run_tasks(tasks, workers, meanwhile), start=1):
            outcomes[task.relative] = outcome
            if not outcome.error:
                manifest.outputs[task.relative] = OutputRecord(
                    task.exporter.name, task.relative, task.stamp, task.layout, __version__,
                    task.inputs, task.articles, outcome.size, outcome.mtime_ns, outcome.sha256,
                    outcome.pages, round(outcome.seconds, 3), outcome.warnings, task.order,
                    [part.path.name for part in task.parts or []], outcome.unprintable,
                    task.basis, outcome.places)
                if time.perf_counter() - saved >= RECORD_EVERY:
                    save_manifest(out_dir, manifest)
                    saved = time.perf_counter()
            progress.advance(done)
    finally:
        progress.finish()
    return outcomes

"""Many page files parsed: those a build parsed before taken from its cache, the rest
in worker processes when there is enough text to pay for them.

This module does not import the parser (``pipeline``): the worker that parses
does, so that a build's own process, while a corrected page is parsed, loads
the libraries writing needs instead (see ``build.run``).
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from pathlib import Path

from ..files import shown
from ..model import Collection, Document, Problem
from .options import ParseOptions
from .reading import InputError, digest_of, expand_paths, page_bytes


#: a page to parse: its file's name, bytes, the options, and the bytes' digest
Page = tuple[str, bytes, ParseOptions, str]


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Parsing makes many small objects and no reference cycles, so Python's cycle
    collector only spends time (a fifth of a month's parse) looking for garbage that
    reference counting frees anyway; it is paused while pages are parsed, and what it
    would have found is collected after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse_batch(batch: list[Page]) -> list[Document | str]:
    """Pages parsed in one worker: each a document, or the reason it cannot be read."""
    parsed: list[Document | str] = []
    # in a worker process what a build asks of each page is made here, in parallel, and
    # sent with it; in this process the build's first question makes it (``pressroom
    # parse`` never asks)
    from ..build.processes import in_worker
    from .pipeline import parse_page

    worker = in_worker()
    with _without_cycle_collection():
        for name, data, options, digest in batch:
            try:
                document = parse_page(name, data, options=options, digest=digest)
                if worker:
                    document.characters  # noqa: B018
                    for article in document.articles:
                        article.fingerprint  # noqa: B018
                parsed.append(document)
            except InputError as exc:
                parsed.append(str(exc))
    return parsed


def _batches(pages: list[Page], count: int) -> list[list[Page]]:
    """``count`` runs of consecutive pages of about equal size (parsing time follows size)."""
    total = sum(len(page[1]) for page in pages) or 1
    batches: list[list[Page]] = [[] for _ in range(count)]
    done = 0
    for page in pages:
        batches[min(count - 1, done * count // total)].append(page)
        done += len(page[1])
    return [b for b in batches if b]


#: below this much text, starting worker processes costs more than it saves
PARALLEL_BYTES = 256 * 1024


def parse_paths(paths: list[Path], *, options: ParseOptions = ParseOptions(),
                cache: MutableMapping[str, Document] | None = None,
                progress: Callable[[int], None] | None = None, workers: int = 1,
                digests: Mapping[str, str] | None = None,
                meanwhile: Callable[[], object] | None = None) -> Collection:
    """Parse every page file under ``paths``; bad files become problems, not failures.

    ``cache`` maps a page's name, bytes and options to its document: a build
    keeps one so that a page parsed before is not parsed again. ``progress``
    is called with the number of files done. With ``workers`` > 1 a large
    batch is parsed in that many processes. ``digests`` (path → SHA-256, as a
    build has already read them) spares reading the pages the cache has.
    ``meanwhile`` is called while worker processes parse, if they do.
    """
    from ..build.processes import ChildDied, in_processes

    files = expand_paths(paths)
    found: dict[int, Document | Problem] = {}
    unparsed: list[tuple[int, str, Page]] = []
    for number, path in enumerate(files):
        known = (digests or {}).get(str(path))
        if cache is not None and known is not None:
            document = cache.get(f"{path.name}\x00{known}\x00{options}")
            if document is not None:
                found[number] = document
                continue
        try:
            data = page_bytes(path)
        except InputError as exc:
            found[number] = Problem(shown(path), str(exc))
            continue
        digest = digest_of(data)
        key = f"{path.name}\x00{digest}\x00{options}"
        document = cache.get(key) if cache is not None else None
        if document is not None:
            found[number] = document
        else:
            unparsed.append((number, key, (path.name, data, options, digest)))
    if progress:
        progress(len(found))
    size = sum(len(page[1]) for _, _, page in unparsed)
    # a few pages: one batch, parsed in a worker anyway when there is something to
    # do ``meanwhile`` (a build imports ReportLab while a corrected page is parsed)
    count = workers if size >= PARALLEL_BYTES else 1
    batches = _batches([page for _, _, page in unparsed], count) if unparsed else []
    where = iter(unparsed)
    slots = {id(batch): [next(where) for _ in batch] for batch in batches}
    for batch, parsed in in_processes(_parse_batch, batches, max(count, min(workers, 2)),
                                      meanwhile=meanwhile):
        if isinstance(parsed, ChildDied):
            parsed = [str(parsed)] * len(batch)
        for (number, key, _), outcome in zip(slots[id(batch)], parsed, strict=True):
            if isinstance(outcome, str):
                found[number] = Problem(shown(files[number]), outcome)
                continue
            found[number] = outcome
            if cache is not None:
                cache[key] = outcome
        if progress:
            progress(len(found))
    documents = [d for _, d in sorted(found.items()) if isinstance(d, Document)]
    problems = [p for _, p in sorted(found.items()) if isinstance(p, Problem)]
    for path in paths:
        if path.is_dir() and not any(f.is_relative_to(path) for f in files):
            problems.append(Problem(shown(path), "no page files (*.txt, *.md) in this directory"))
    return Collection(tuple(documents), tuple(problems))

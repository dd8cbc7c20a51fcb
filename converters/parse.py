"""The parser pipeline: read → normalise → segment → model, per file and per batch."""
from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from .assemble import build_document
from .gazetteer import Gazetteer, default_gazetteer
from .model import Collection, Document, Problem
from .normalise import normalise
from .reading import InputError, decode_page, digest_of, expand_paths, page_bytes, read_page
from .segment import segment


@dataclass(frozen=True)
class ParseOptions:
    #: ASCII ,;:?!() between Han characters → full-width (GB/T 15834)
    punctuation: bool = True


def parse_text(text: str, source: str = "<text>", *, options: ParseOptions = ParseOptions(),
               gazetteer: Gazetteer | None = None, encoding: str = "utf-8",
               digest: str = "") -> Document:
    page = normalise(text, punctuation=options.punctuation)
    warnings = list(page.warnings)
    segmented = segment(page.lines, page.dropped)
    warnings.extend(segmented.warnings)
    return build_document(source, segmented, gazetteer or default_gazetteer(),
                          encoding=encoding, digest=digest, warnings=warnings)


def parse_file(path: Path, *, options: ParseOptions = ParseOptions()) -> Document:
    """Parse one page file; raises InputError with a reason naming the problem."""
    raw = read_page(path)
    return parse_text(raw.text, raw.name, options=options, encoding=raw.encoding,
                      digest=raw.digest)


def parse_paths(paths: list[Path], *, options: ParseOptions = ParseOptions(),
                cache: MutableMapping[str, Document] | None = None,
                progress: Callable[[int], None] | None = None) -> Collection:
    """Parse every page file under ``paths``; bad files become problems, not failures.

    ``cache`` maps a page's name, bytes and options to its document: a build
    keeps one so that a page parsed before is not parsed again. ``progress``
    is called after each file with the number done.
    """
    documents: list[Document] = []
    problems: list[Problem] = []
    files = expand_paths(paths)
    for done, path in enumerate(files, start=1):
        try:
            data = page_bytes(path)
            key = f"{path.name}\x00{digest_of(data)}\x00{options}"
            document = cache.get(key) if cache is not None else None
            if document is None:
                raw = decode_page(path.name, data)
                document = parse_text(raw.text, raw.name, options=options,
                                      encoding=raw.encoding, digest=raw.digest)
                if cache is not None:
                    cache[key] = document
            documents.append(document)
        except InputError as exc:
            problems.append(Problem(str(path), str(exc)))
        if progress:
            progress(done)
    for path in paths:
        if path.is_dir() and not any(f.is_relative_to(path) for f in files):
            problems.append(Problem(str(path), "no page files (*.txt, *.md) in this directory"))
    return Collection(tuple(documents), tuple(problems))

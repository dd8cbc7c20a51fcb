"""``pressroom check``: validate what a build wrote, with readers other than our writers.

For each output in the build folder's manifest: the file is there and is the
one the build wrote (SHA-256); its exporter's ``verify`` reopens it with an
independent reader (pypdf and poppler, python-docx, epubcheck) and looks for
every article's text. The articles come from parsing the pages again (the
manifest names them and their SHA-256), not from anything the build cached.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .exporters import UnknownFormat, load
from .build.manifest import MANIFEST_NAME, load_manifest, state_folder
from .model import Article, Document
from .parse.reading import InputError, digest_of, page_bytes
from .files import PART_SUFFIX


@dataclass
class OutputCheck:
    path: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class CheckResult:
    outputs: list[OutputCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the build folder as a whole
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not any(o.problems for o in self.outputs)


class _Pages:
    """The pages a build read, parsed again on demand, each once."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.sources = sources
        self.parsed: dict[tuple[str, str], Document | str] = {}

    def document(self, source: str, digest: str) -> Document | str:
        """The page as parsed, or why it cannot be (a reason string)."""
        key = (source, digest)
        if key not in self.parsed:
            self.parsed[key] = self._parse(source, digest)
        return self.parsed[key]

    def _parse(self, source: str, digest: str) -> Document | str:
        from .parse.pipeline import parse_page

        path = self.sources.get(digest)
        if path is None:
            return f"the manifest does not say where page {source} was read from"
        try:
            data = page_bytes(Path(path))
        except InputError as exc:
            return f"page {path}: {exc}"
        if digest_of(data) != digest:
            return f"page {path} changed since the build (run pressroom build first)"
        return parse_page(source, data)


def _internal(out_dir: Path) -> bool:
    """Whether the edition built here is an internal publication (its record says)."""
    from .editions import EditionError, read_record

    try:
        return bool(read_record(out_dir).get("internal", False))
    except EditionError:  # a build of an earlier Pressroom: printed as a newspaper
        return False


def check_build(out_dir: Path) -> CheckResult:
    result = CheckResult()
    manifest = load_manifest(out_dir)
    if not manifest.outputs:
        result.problems.append(f"nothing to check in {out_dir}: no build manifest "
                               f"({state_folder(out_dir) / MANIFEST_NAME}); run pressroom build")
        return result
    leftovers = sorted(out_dir.rglob(f".*{PART_SUFFIX}"))
    if leftovers:
        result.notes.append(f"{len(leftovers)} temporary file(s) of an interrupted build "
                            f"(the next build removes them): {leftovers[0]}")
    pages = _Pages(manifest.sources)
    internal = _internal(out_dir)
    for relative, record in sorted(manifest.outputs.items()):
        check = OutputCheck(out_dir / relative)
        result.outputs.append(check)
        try:
            data = check.path.read_bytes()
        except OSError as exc:
            check.problems.append(f"missing: {exc.strerror or exc}")
            continue
        if hashlib.sha256(data).hexdigest() != record.sha256:
            check.problems.append("changed since pressroom built it (its SHA-256 differs "
                                  "from the manifest's)")
        articles: list[tuple[str, Article]] = []
        for source, digest, number in record.articles:
            document = pages.document(source, digest)
            if isinstance(document, str):
                check.problems.append(f"cannot check the text: {document}")
                break
            articles.append((source, document.articles[number]))
        try:
            exporter = load(record.format)
        except UnknownFormat:
            check.notes.append(f"no exporter “{record.format}” installed: only the file's "
                               "presence and checksum were checked")
            continue
        # what the build warned no font has, the check knows of: both warn, neither fails
        verdict = exporter.verify(check.path, articles, frozenset(record.unprintable), internal)
        check.problems += verdict.problems
        check.notes += verdict.notes
    return result

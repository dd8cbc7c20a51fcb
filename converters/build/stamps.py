"""What an output depends on, as hashes the incremental build compares with its manifest.

An output is rebuilt when anything it is made from changes: the pages whose
articles it holds (by content, not by date), the settings and options, its
layout with everything the layout names (templates, fonts, a reference
document), and Pressroom itself (its version, and for a working copy its
source files). A stamp errs on the side of rebuilding: a layout file touched
but unchanged costs a rebuild, never a stale output.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..config import Settings
from ..exporters import (
    BuildOptions,
    Exporter,
    Job,
    Part,
    layout_name,
)
from ..files import file_state, package_file
from ..layout import load_layout, search_dirs
from ..parse.reading import InputError, digest_of, expand_paths, page_bytes

if TYPE_CHECKING:
    from ..edition import Edition
    from .manifest import Manifest
    from ..model import Collection

PACKAGE = Path(__file__).resolve().parents[1]  # the converters package


def _hash(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        # (a file name that is not UTF-8 hashes by its bytes)
        digest.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogateescape"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _file_stats(paths: Iterable[Path]) -> list[tuple[str, int, int]]:
    return [(str(path), size, mtime) for path in sorted(set(paths))
            for size, mtime in [file_state(str(path))]]


@cache
def code_stamp() -> str:
    """The Pressroom version, and the state of its source files (an editable install
    changes without a new version number)."""
    return _hash(__version__, _file_stats(_source_files(PACKAGE)))


def _source_files(folder: Path) -> Iterator[Path]:
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    yield from _source_files(folder / entry.name)
            elif entry.name.endswith((".py", ".toml", ".txt")):
                yield folder / entry.name


def layout_stamp(exporter: Exporter, options: BuildOptions,
                 remembered: dict[str, Any] | None = None) -> str:
    """The resolved layout (after ``extends``) and every file it can draw on.

    ``remembered`` (kept in the manifest) spares reading and merging the
    layout files while none of the files a stamp was made from, nor the
    listing of their folders, has changed.
    """
    name, folders = layout_name(exporter, options), search_dirs(exporter.name)
    if name is None:  # a format without layouts
        return _hash(exporter.name, "no layout")
    key = json.dumps([exporter.name, name, [str(f) for f in folders]], ensure_ascii=False)
    known = (remembered or {}).get(key)
    if known is not None and _still_stands(known):
        return str(known["stamp"])
    data = load_layout(name, exporter.name)
    folders = [Path(data.get("_folder", "."))] + folders
    names = list(_named_files(data))
    # a package's files where this Python finds them installed (a font subset is named
    # after its face's file: another install's subsets are others, and what was made
    # with these is not to be reused with those)
    packages = {spec: str(package_file(spec)) for spec in names if spec.startswith("pkg:")}
    listed = _listed(folders)
    named = [Path(packages.get(v, v)) for v in names]
    stamp = _hash(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str),
                  _file_stats(listed + named))
    if remembered is not None:
        files = named + [Path(f) for f in data["_sources"]]
        remembered[key] = {"folders": [str(f) for f in folders], "files": [str(f) for f in files],
                           "packages": packages,
                           "files_stamp": _hash(_file_stats(listed + files)), "stamp": stamp}
    return stamp


def _looked_at(known: dict[str, Any]) -> list[Path]:
    """The files (and folders' files) a remembered layout stamp was made from."""
    return _listed([Path(f) for f in known["folders"]]) + [Path(f) for f in known["files"]]


def _still_stands(known: dict[str, Any]) -> bool:
    """None of the files a remembered layout stamp was made from has changed."""
    try:
        return _hash(_file_stats(_looked_at(known))) == known["files_stamp"] and all(
            str(package_file(spec)) == path for spec, path in known["packages"].items())
    except (KeyError, TypeError, AttributeError):
        return False


def layouts_unchanged(remembered: dict[str, Any]) -> bool:
    return all(_still_stands(known) for known in remembered.values())


def layouts_listed(remembered: dict[str, Any]) -> list[Path]:
    """Every file and folder the remembered layout stamps stand on (a folder: for
    the files that may appear in it)."""
    return [path for known in remembered.values()
            for path in [*map(Path, known["folders"]), *_looked_at(known)]]


def _listed(folders: list[Path]) -> list[Path]:
    return [p for folder in folders if folder.is_dir() for p in folder.iterdir() if p.is_file()]


def _named_files(value: Any) -> Iterable[str]:
    """Files a layout names (``file = …``, ``reference = …``): paths, and pkg:…"""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("file", "reference") and isinstance(item, str):
                yield item
            else:
                yield from _named_files(item)
    elif isinstance(value, list):
        for item in value:
            yield from _named_files(item)


def format_stamp(exporter: Exporter, settings: Settings, options: BuildOptions,
                 layout: str) -> str:
    """Everything every output of one format shares (``layout``: its layout_stamp)."""
    return _hash(code_stamp(), exporter.name, layout,
                 json.dumps(asdict(settings), sort_keys=True, ensure_ascii=False),
                 json.dumps(asdict(options), sort_keys=True))


ArticleIdentity = tuple[str, str, int]  # page file name, page SHA-256, place on the page


def article_identities(collection: Collection) -> dict[int, ArticleIdentity]:
    """Each parsed article (by object id) → its page and its place on the page.

    Parsing is a function of a page's bytes, so the page's digest and the place
    stand for the article's whole content without hashing it again.
    """
    return {id(article): (document.source, document.digest, number)
            for document in collection.documents
            for number, article in enumerate(document.articles)}


def job_stamp(base: str, exporter: Exporter, job: Job, options: BuildOptions,
              identities: dict[int, ArticleIdentity]) -> str:
    """One output's stamp: its format's, its name, and the articles it holds, where."""
    parts: list[object] = [base, job.name]
    for district in job.edition.districts:
        parts += ["district", district.name, district.slug]
        for section in district.sections:
            parts += ["section", section.name]
            parts += [(entry.key, *identities[id(entry.article)]) for entry in section.entries]
    return _hash(*parts, *_characters(exporter, options, job.edition))


def _characters(exporter: Exporter, options: BuildOptions, edition: Edition) -> list[object]:
    """What of the edition's characters an output's bytes depend on (font subsets)."""
    key = exporter.character_set_key(edition.characters(), options)
    return [] if key is None else ["characters", key]


def part_stamp(base: str, exporter: Exporter, job: Job, part: Part, options: BuildOptions,
               identities: dict[int, ArticleIdentity]) -> str:
    """A part's stamp: as an output's (its articles), or its fingerprint's."""
    named = Job(f"{job.name}#{part.key}", part.edition)
    if part.fingerprint is None:
        return job_stamp(base, exporter, named, options, identities)
    return _hash(base, named.name, "fingerprint", part.fingerprint,
                 *_characters(exporter, options, part.edition))


def part_basis(base: str, exporter: Exporter, part: Part, options: BuildOptions) -> str:
    """What a part is made with besides what it holds: its format's stamp and, where
    they matter, the fonts' characters. A part replacing another of the same basis
    may reuse pieces of it (a font subset of other characters numbers glyphs otherwise)."""
    return _hash(base, *_characters(exporter, options, part.edition))


#: how much older than the manifest a page must be for its recorded digest to be
#: trusted without reading it: more than any file system's time-stamp step
#: (FAT's is 2 s), so a page changed in the same step it was last read in is
#: read again (git's "racily clean" entries, the same problem)
TRUST_AFTER_NS = 3_000_000_000


def stamp_pages(paths: list[Path], manifest: Manifest
                ) -> tuple[list[tuple[str, str]], dict[str, str], dict[str, list[Any]], int]:
    """Each page file with the hash of its bytes (or why it cannot be read), hash →
    where the page is (for `pressroom check` to find it again), and each page's
    size, time stamp and hash for the next build; and how many pages it read.

    A page whose size and time stamp are those recorded, and which was old
    enough when recorded, keeps its recorded hash unread: a build with nothing
    to do then costs a stat per page, as make's and git's do.
    """
    stamped, sources, stats = [], {}, {}
    read = 0
    folders: dict[str, str] = {}  # resolved once per folder: a month has 150 pages in one
    for path in expand_paths(paths):
        name = str(path)
        try:
            stat = os.stat(name)
        except OSError:
            stat = None
        known = manifest.page_stats.get(name)
        if (stat is not None and known is not None and known[:2] == [stat.st_size, stat.st_mtime_ns]
                and stat.st_mtime_ns < manifest.saved_ns - TRUST_AFTER_NS):
            digest = known[2]
        else:
            read += 1
            try:
                digest = digest_of(page_bytes(path))
            except InputError as exc:
                stamped.append((name, f"unreadable: {exc}"))
                continue
        stamped.append((name, digest))
        if stat is not None:
            stats[name] = [stat.st_size, stat.st_mtime_ns, digest]
        folder, base = os.path.split(name)
        if folder not in folders:
            folders[folder] = os.path.realpath(folder or ".")
        sources[digest] = os.path.join(folders[folder], base)
    return stamped, sources, stats, read


def build_stamp(format_stamps: dict[str, str], inputs: list[tuple[str, str]]) -> str:
    """The whole build: if this matches the last one and its outputs are untouched,
    there is nothing to do (and nothing needs parsing)."""
    return _hash(sorted(format_stamps.items()), inputs)

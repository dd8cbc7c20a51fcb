"""The build folder's memory (what each output was made from, the parsed pages) and
its lock.

``build/.pressroom/manifest.json`` records per output the stamp of what it
was made from, the pages it holds (name → SHA-256), the layout, the Pressroom
version, and what was written (size, time stamp, SHA-256, pages, warnings).
``quick.json`` beside it holds only what a build with nothing to do reads.
``build/.pressroom/parsed/`` keeps the parsed pages, a sealed pickle each, so
an unchanged page is not parsed again. Every file is written whole and renamed
into place; a missing or unreadable one only means more parsing. ``build/.pressroom/lock``
lets one build at a time write to the folder.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..errors import PressroomError
from ..store import VERSION as STORE_VERSION
from ..files import PART_SUFFIX, exclusive, json_bytes, replace_file, seal, unseal

if TYPE_CHECKING:
    from ..model import Document

STATE_FOLDER = ".pressroom"
MANIFEST_NAME = "manifest.json"
QUICK_NAME = "quick.json"
PARSED_FOLDER = "parsed"
LEGACY_PARSED_NAME = "parsed.pickle"  # before a file a page
PARTS_FOLDER = "parts"
LOCK_NAME = "lock"
#: the build folder's state has the shape of the store's (one version for both)
MANIFEST_SCHEMA = STORE_VERSION


@dataclass
class OutputRecord:
    format: str
    path: str                 # relative to the build folder, with /
    stamp: str
    layout: str
    version: str
    #: page file name → SHA-256 of its bytes, for the pages whose articles it holds
    inputs: dict[str, str]
    #: each article as (page file name, page SHA-256, place on the page)
    articles: list[tuple[str, str, int]]
    size: int
    mtime_ns: int
    sha256: str
    pages: int | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    order: int = 0            # place in its format's plan, for listing
    #: files in ``.pressroom/parts/`` it was assembled from, kept for the next build
    parts: list[str] = field(default_factory=list)
    #: characters no font of it has (the build warned; the check knows)
    unprintable: list[str] = field(default_factory=list)
    #: what every output of its format was made with (stamps.format_stamp): an output
    #: made with the same may reuse pieces of this one
    basis: str = ""
    #: where each of its articles is in it (exporters.Report.places)
    places: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OutputRecord:
        data = dict(data)
        data["articles"] = [tuple(a) for a in data.get("articles", [])]
        return cls(**data)


@dataclass
class Manifest:
    version: str = ""
    #: the stamp of the last complete build, and the problems it reported
    build_stamp: str = ""
    problems: list[str] = field(default_factory=list)
    #: page SHA-256 → the path it was read from, so `check` can find it again
    sources: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, OutputRecord] = field(default_factory=dict)
    #: page file → [size, time stamp, SHA-256] when last read, so an unchanged
    #: page need not be read and hashed again (see stamps.stamp_pages)
    page_stats: dict[str, list[Any]] = field(default_factory=dict)
    #: what each format's layout stamp was made from (see stamps.layout_stamp)
    layouts: dict[str, Any] = field(default_factory=dict)
    #: when the manifest was last written (its file's time stamp); not stored
    saved_ns: int = 0
    #: False when read from the quick summary: records without inputs or articles
    complete: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"schema": MANIFEST_SCHEMA, "version": self.version,
                "build_stamp": self.build_stamp, "problems": self.problems,
                "sources": self.sources,
                # vars(), not asdict(): the records hold only plain values, and
                # asdict deep-copies every record on every save
                "outputs": [dict(vars(r)) for _, r in sorted(self.outputs.items())],
                "page_stats": self.page_stats, "layouts": self.layouts}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        if data.get("schema") != MANIFEST_SCHEMA:
            return cls()
        records = [OutputRecord.from_json(r) for r in data.get("outputs", [])]
        return cls(data.get("version", ""), data.get("build_stamp", ""),
                   list(data.get("problems", [])), dict(data.get("sources", {})),
                   {r.path: r for r in records}, dict(data.get("page_stats", {})),
                   dict(data.get("layouts", {})))


def state_folder(build_folder: Path) -> Path:
    return build_folder / STATE_FOLDER


#: what a build with nothing to do needs of each output: no inputs, no articles
_QUICK_FIELDS = ("format", "path", "size", "mtime_ns", "pages", "seconds", "warnings", "order")


def load_manifest(build_folder: Path, *, quick: bool = False) -> Manifest:
    """The manifest; with ``quick``, only what tells whether anything is to be done
    (``quick.json``: the stamps, the pages' and layouts' memory, each output's
    size and time stamp — a twentieth of the manifest of a month's build)."""
    if quick:
        try:
            with (state_folder(build_folder) / QUICK_NAME).open("rb") as file:
                data = json.loads(file.read())
                saved_ns = os.fstat(file.fileno()).st_mtime_ns
            if data.get("schema") == MANIFEST_SCHEMA:
                records = {r["path"]: OutputRecord(**{"stamp": "", "layout": "", "version": "",
                                                      "inputs": {}, "articles": [], "sha256": "",
                                                      **r}) for r in data["outputs"]}
                return Manifest("", data["build_stamp"], list(data["problems"]), {}, records,
                                dict(data["page_stats"]), dict(data["layouts"]), saved_ns,
                                complete=False)
        except (OSError, ValueError, TypeError, KeyError):
            pass
    path = state_folder(build_folder) / MANIFEST_NAME
    try:
        with path.open("rb") as file:
            manifest = Manifest.from_json(json.loads(file.read()))
            manifest.saved_ns = os.fstat(file.fileno()).st_mtime_ns
    except (OSError, ValueError, TypeError, KeyError):
        return Manifest()
    return manifest


def save_manifest(build_folder: Path, manifest: Manifest) -> None:
    """The manifest, then its quick summary (written last: a summary older than its
    manifest names outputs rewritten since, whose time stamps then differ)."""
    data = manifest.to_json()
    replace_file(state_folder(build_folder) / MANIFEST_NAME,
                 json_bytes(data, separators=(",", ":")) + b"\n")
    save_quick(build_folder, manifest)


def save_quick(build_folder: Path, manifest: Manifest) -> None:
    """The quick summary alone: a build with nothing to do that read pages (young
    when last recorded) writes it again, so that the next one trusts them."""
    quick = {"schema": MANIFEST_SCHEMA, "build_stamp": manifest.build_stamp,
             "problems": manifest.problems, "page_stats": manifest.page_stats,
             "layouts": manifest.layouts,
             "outputs": [{name: getattr(record, name) for name in _QUICK_FIELDS}
                         for _, record in sorted(manifest.outputs.items())]}
    replace_file(state_folder(build_folder) / QUICK_NAME,
                 json_bytes(quick, separators=(",", ":")) + b"\n")


def _parsed_name(code: str, key: str) -> str:
    import hashlib

    return hashlib.sha256(f"{code}\x00{key}".encode("utf-8", "surrogateescape")).hexdigest()[:32]


def load_parsed(build_folder: Path, code: str) -> dict[str, Document]:
    """The parsed pages of the last build, if the same Pressroom parsed them: a
    file a page (``parsed/``), so a correction writes one page again, not all."""
    import pickle  # only a build with something to do reads them

    folder = state_folder(build_folder) / PARSED_FOLDER
    try:
        names = os.listdir(folder)
    except OSError:
        return {}
    documents = {}
    for name in names:
        try:
            data = unseal((folder / name).read_bytes())
            # only what this user's Pressroom sealed is unpickled: a build folder may
            # be shared, and a planted pickle would run code as whoever builds next
            if data is None:
                continue
            stored_code, key, document = pickle.loads(data)
        except Exception:  # absent, truncated or from another Python: parse again
            continue
        if stored_code == code and name == f"{_parsed_name(code, key)}.pickle":
            documents[key] = document
    return documents


def save_parsed(build_folder: Path, code: str, documents: dict[str, Document]) -> None:
    """Keep ``documents`` (and no other page) for the next build: only the pages not
    kept yet are written."""
    import pickle

    folder = state_folder(build_folder) / PARSED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"{_parsed_name(code, key)}.pickle": key for key in documents}
    present = set(os.listdir(folder))
    for name, key in wanted.items():
        if name not in present:
            data = pickle.dumps((code, key, documents[key]), protocol=pickle.HIGHEST_PROTOCOL)
            replace_file(folder / name, seal(data))
    for name in present - set(wanted):
        try:
            (folder / name).unlink()  # a page gone or changed, or another Pressroom's
        except OSError:
            pass
    try:
        (state_folder(build_folder) / LEGACY_PARSED_NAME).unlink()
    except OSError:
        pass


class BuildError(PressroomError):
    pass


class BuildLock:
    """One build at a time per build folder."""

    def __init__(self, state: Path) -> None:
        self.build_folder = state.parent
        self.lock = exclusive(state / LOCK_NAME, wait=False)
        #: what the lock said when it was taken: the build that held it last and did
        #: not end (killed, or its machine stopped), if one did not
        self.taken_over: str | None = None
        self.handle = -1

    def __enter__(self) -> BuildLock:
        try:
            self.handle = self.lock.__enter__()
        except BlockingIOError:
            raise BuildError(f"another pressroom build is writing to {self.build_folder}; "
                             "wait for it to finish") from None
        except IsADirectoryError as exc:
            raise BuildError(str(exc)) from None
        # the OS freed the lock of a build that died; its note is still in the file
        earlier = os.pread(self.handle, 200, 0).decode("utf-8", "replace").strip()
        if earlier:
            self.taken_over = (f"the build folder's lock was taken over from a build that "
                               f"did not finish ({earlier}); its outputs are checked anew")
        note = f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}".encode()
        os.ftruncate(self.handle, 0)
        os.pwrite(self.handle, note, 0)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            os.ftruncate(self.handle, 0)  # ended: nothing to take over
        except OSError:
            pass
        self.lock.__exit__(kind, error, trace)


def remove_leftovers(out_dir: Path) -> list[Path]:
    """Temporary files a killed build left behind (no build can be writing them:
    the caller holds the build folder's lock)."""
    found = [p for folder in (out_dir, *(d for d in out_dir.iterdir() if d.is_dir()))
             for p in folder.glob(f".*{PART_SUFFIX}")]
    for path in found:
        path.unlink(missing_ok=True)
    return found

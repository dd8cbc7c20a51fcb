"""The pages of the book a build replaces, reused where nothing they show changed.

Rendering and compressing a month's 630 article pages and a contents of 630
entries is most of writing its book, and a correction changes one page. So
the files of each book written are noted in Pressroom's cache, one note per
output path, each with a signature of what it was made from (an article page:
its article and section; the contents: every page's signature, in order), and
as the note's basis every template, the layout, Pressroom's code and zlib's
version. The next book for that path takes an earlier file's compressed bytes
as they are where its signature is unchanged — and only while the file at the
path is still the book noted (its SHA-256), so a book copied over, or made by
another build, is never mixed in.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import zlib
from pathlib import Path
from typing import Any

from ...files import replace_file
from ...store import user_store
from ..archive import Member, read_members

NOTES_FOLDER = "books"


def signature(*made_from: object) -> str:
    """A digest of ``made_from``'s pickle: equal pickles are equal values (an equal
    value pickled otherwise, its strings shared differently, only costs a render),
    and pickling is ten times as fast as the dataclasses' repr."""
    return hashlib.sha256(pickle.dumps(made_from, protocol=5)).hexdigest()[:32]


def book_basis(templates: list[tuple[str, str]], layout: dict[str, Any]) -> str:
    """What every file is made with: every template (name, source), the layout,
    the code, zlib."""
    from ...build.stamps import code_stamp

    return signature(code_stamp(), zlib.ZLIB_RUNTIME_VERSION, templates,
                     json.dumps(layout, sort_keys=True, ensure_ascii=False, default=str))


class EarlierBook:
    """The book at ``path`` as noted when it was written, if it still is that book
    (with ``path`` None: none, and the book being written is not noted)."""

    def __init__(self, path: Path | None, basis: str) -> None:
        self.basis = basis
        self.members: dict[str, Member] = {}
        self.pages: dict[str, list[Any]] = {}
        self.note: Path | None = None
        if path is None:
            return
        self.note = user_store().folder(NOTES_FOLDER) / f"{signature(str(path.resolve()))}.json"
        try:
            noted = json.loads(self.note.read_bytes())
            package = path.read_bytes()
            if (noted["basis"] == basis
                    and noted["book"] == hashlib.sha256(package).hexdigest()):
                self.members, self.pages = read_members(package), noted["pages"]
        except (OSError, ValueError, KeyError, TypeError):
            self.members, self.pages = {}, {}

    def page(self, name: str, made_from: str) -> tuple[Member, list[str]] | None:
        """The earlier file ``name`` and its warnings, if made from the same."""
        noted, member = self.pages.get(name), self.members.get(name)
        if noted is None or member is None or noted[0] != made_from:
            return None
        return member, list(noted[1])

    def remember(self, package: bytes, pages: dict[str, list[Any]]) -> None:
        """Note the book just written (``pages``: file name → [signature, warnings])."""
        if self.note is None:
            return
        noted = {"basis": self.basis, "book": hashlib.sha256(package).hexdigest(), "pages": pages}
        try:
            self.note.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.note, json.dumps(noted, ensure_ascii=False).encode("utf-8"))
        except OSError:  # a read-only cache: the next book renders every page
            pass

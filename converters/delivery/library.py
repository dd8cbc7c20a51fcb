"""The built editions as the e-reader library offers them: read from the records
(``edition.json``, written by the build: see converters.editions) under an
output root, checked, and grouped into publications (the combined edition and
each district's), each with the files an e-reader can open.

A record is the build's word, but the catalog turns its paths into links that
anyone on the network follows: a path that would leave the edition's folder, a
hidden file or a file that is not there is left out and said, never linked.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from ..editions import MONTH, RECORD_NAME, read_record
from ..errors import PressroomError
from ..files import shown

#: the formats an e-reader can open, in the order a publication offers them
READABLE = {"epub": "application/epub+zip", "pdf": "application/pdf"}
#: the catalog's own folder in the output root (see opds), never an edition's
CATALOG_FOLDER = "opds"
#: the catalog's root feed, in CATALOG_FOLDER
CATALOG_NAME = "catalog.xml"


class RecordError(PressroomError):
    """An edition record, or a file it lists, that cannot be offered."""


@dataclass(frozen=True)
class Output:
    format: str
    path: str  # as the record has it: relative to the edition's folder, POSIX
    media_type: str


@dataclass(frozen=True)
class Publication:
    """One book of an edition: the combined one (``district`` None) or a district's."""

    district: str | None
    title: str
    articles: int
    outputs: tuple[Output, ...]  # in READABLE's order: the EPUB first

    def output(self, file_format: str) -> Output | None:
        return next((o for o in self.outputs if o.format == file_format), None)


@dataclass(frozen=True)
class Edition:
    edition: str  # YYYY-MM
    title: str
    unit: str
    issue: int | None
    date: str  # ISO date of issue
    updated: str  # RFC 3339 in UTC (…Z): when the newest output was written
    folder: str  # relative to the output root, POSIX; "" for the root itself
    publications: tuple[Publication, ...]  # the combined one first

    @property
    def label(self) -> str:
        """区县新闻汇编 2021年6月（第6期）"""
        year, month = self.edition.split("-")
        issue = f"（第{self.issue}期）" if self.issue else ""
        return f"{self.title} {year}年{int(month)}月{issue}"

    def under_root(self, output: Output) -> str:
        """Where ``output`` is, relative to the output root (POSIX)."""
        return f"{self.folder}/{output.path}" if self.folder else output.path


def read_editions(root: Path) -> tuple[list[Edition], list[PressroomError]]:
    """The editions under ``root`` (the root itself, the flat layout, and its
    folders, one a month), newest month first, and what was left out: a month
    folder without a record, a record that is unreadable or incomplete, a file
    it lists that is not there, a second record of the same month."""
    folders = [root] if (root / RECORD_NAME).is_file() else []
    if root.is_dir():
        folders += sorted(
            p for p in root.iterdir()
            # a linked folder is not served (see serve), so its books are not offered
            if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")
            and p.name != CATALOG_FOLDER
            and (MONTH.match(p.name) or (p / RECORD_NAME).is_file()))
    found: dict[str, Edition] = {}
    problems: list[PressroomError] = []
    for folder in folders:
        try:
            edition = _edition(root, folder, read_record(folder), problems)
        except PressroomError as exc:
            problems.append(exc)
            continue
        other = found.get(edition.edition)
        if other is not None:  # the flat build left beside the month folders, say
            keep, drop = (edition, other) if folder.name == edition.edition else (other, edition)
            problems.append(RecordError(
                f"{shown(root / drop.folder / RECORD_NAME)}: the edition {edition.edition} again "
                f"(offered from {shown(root / keep.folder / RECORD_NAME)})"))
            edition = keep
        found[edition.edition] = edition
    return sorted(found.values(), key=lambda e: e.edition, reverse=True), problems


def _edition(root: Path, folder: Path, data: dict[str, Any],
             problems: list[PressroomError]) -> Edition:
    """A record as the library offers it; RecordError for one it cannot use."""
    where = shown(folder / RECORD_NAME)
    try:
        month, title, unit = str(data["edition"]), str(data["title"]), str(data["unit"])
        issue = data.get("issue")
        issued = date.fromisoformat(data["date"]).isoformat()
        updated = datetime.fromisoformat(data["updated"])
        items = list(data["outputs"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordError(f"{where}: not a complete edition record ({exc}); build again") from None
    if not MONTH.match(month):  # it names the edition's feed: nothing else may reach a path
        raise RecordError(f"{where}: the edition “{shown(month)}” is not a month (YYYY-MM)")
    if issue is not None and (not isinstance(issue, int) or isinstance(issue, bool)):
        raise RecordError(f"{where}: the issue “{shown(issue)}” is not a number")
    if updated.tzinfo is None:  # the build writes UTC; a stamp without a zone is taken as such
        updated = updated.replace(tzinfo=UTC)
    books: dict[str | None, list[tuple[Output, dict[str, Any]]]] = {}
    for item in items:
        output = _offered(root, folder, item, where, problems)
        if output is not None:
            district = item.get("district")
            books.setdefault(str(district) if district is not None else None, []).append(
                (output, item))
    order = ([None] if None in books else []) + [d for d in books if d is not None]
    return Edition(month, title, unit, issue, issued,
                   updated.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                   "" if folder == root else folder.relative_to(root).as_posix(),
                   tuple(_publication(d, books[d], title) for d in order))


def _publication(district: str | None, files: list[tuple[Output, dict[str, Any]]],
                 fallback_title: str) -> Publication:
    files = sorted(files, key=lambda pair: list(READABLE).index(pair[0].format))
    first = files[0][1]  # the EPUB where there is one: its title is the book's
    try:
        articles = int(first.get("articles") or 0)
    except (TypeError, ValueError):
        articles = 0
    return Publication(district, str(first.get("title") or fallback_title), articles,
                       tuple(output for output, _ in files))


def _offered(root: Path, folder: Path, item: Any, where: str,
             problems: list[PressroomError]) -> Output | None:
    """A record's output an e-reader can open and that is there, or None: a Word
    report (not offered); a path that leaves the folder, a hidden file, a missing
    one (each a problem)."""
    if not isinstance(item, dict) or item.get("format") not in READABLE:
        return None
    relative = item.get("path")
    parts = PurePosixPath(relative).parts if isinstance(relative, str) else ()
    if (not parts or "\\" in relative or relative.startswith("/") or ".." in parts
            or any(part.startswith(".") for part in parts)):
        problems.append(RecordError(f"{where}: “{shown(relative)}” is not a file in the "
                                    "edition's folder; left out"))
        return None
    path = folder / relative
    if not path.is_file() or not path.resolve().is_relative_to(root.resolve()):
        problems.append(RecordError(f"{shown(path)}: listed in {where} but not there; "
                                    "left out (build again)"))
        return None
    return Output(item["format"], relative, READABLE[item["format"]])

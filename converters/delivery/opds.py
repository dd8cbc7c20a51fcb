"""The e-reader catalog: OPDS 1.2 feeds of the built editions.

KOReader, Moon+ Reader and calibre browse an OPDS catalog as a library. Under the
output root, ``opds/catalog.xml`` is a navigation feed with an entry per edition,
newest month first; ``opds/<edition>.xml`` is that edition's acquisition feed, an
entry per book (the combined one first, then each district's) linking its EPUB,
and its PDF where there is one, with the EPUB's cover and a thumbnail
(``opds/covers/``).

Everything is made from the editions' records (see library), never from the
clock, so an unchanged build folder gives the same catalog byte for byte, and a
file whose bytes did not change is not written again (a reader's cached copy
stays good). Every href is relative to its feed, so the catalog works at any
address the folder is served from.
"""
from __future__ import annotations

import hashlib
import uuid
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from ..errors import PressroomError
from ..files import replace_file, shown
from ..store import user_store
from .covers import EXTENSIONS, THUMBNAIL_WIDTH, CoverError, epub_cover, thumbnail
from .library import (
    CATALOG_FOLDER,
    CATALOG_NAME,
    Edition,
    Output,
    Publication,
    RecordError,
    read_editions,
)

COVERS_FOLDER = "covers"
NAVIGATION_TYPE = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION_TYPE = "application/atom+xml;profile=opds-catalog;kind=acquisition"
#: what the EPUB exporter writes as dc:language
LANGUAGE = "zh-Hans"

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
ACQUISITION_REL = "http://opds-spec.org/acquisition"
IMAGE_REL = "http://opds-spec.org/image"
THUMBNAIL_REL = "http://opds-spec.org/image/thumbnail"

#: every urn: in the catalog is a name-based UUID under this namespace, made from
#: what it names (unit, edition, file): the same across rebuilds, never random
_URN_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://pressroom.invalid/opds")


class NoEditions(PressroomError):
    """No folder under the output root holds an edition record."""


class CatalogIncomplete(PressroomError):
    """The catalog was written without what ``problems`` names.

    Raised after writing, so a caller that can go on (``pressroom serve``, a
    build) prints the problems and goes on with ``catalog``.
    """

    def __init__(self, catalog: Path, problems: list[PressroomError]) -> None:
        self.catalog = catalog
        self.problems = problems
        super().__init__("the e-reader catalog leaves out:\n"
                         + "\n".join(f"  {problem}" for problem in problems))


#: a book's cover and thumbnail: (href, media type) each, from its feed
Images = tuple[tuple[str, str], tuple[str, str]]


def write_catalog(root: Path) -> Path:
    """Write the OPDS catalog of the editions under ``root``; return its root feed,
    ``root/opds/catalog.xml``.

    The feeds, covers and thumbnails are made anew each time, and what
    ``root/opds/`` holds besides (the feed of an edition since removed) is
    deleted. Problems do not stop the catalog: a record that is missing (a month
    folder without one), unreadable or incomplete, a file it lists that is not
    there, an EPUB whose cover cannot be read, are left out, the rest is
    written, and then CatalogIncomplete lists them (PressroomErrors whose
    messages name the file) for the caller to print. NoEditions: no record at
    all, and nothing written.
    """
    editions, problems = read_editions(root)
    if not editions and not problems:
        raise NoEditions(f"{shown(root)}: no edition.json here or in its folders "
                         "(run pressroom build first)")
    files: dict[str, bytes] = {CATALOG_NAME: _navigation_feed(editions)}
    for edition in editions:
        images = {}
        for publication in edition.publications:
            epub = publication.output("epub")
            if epub is None:  # a PDF alone: no cover to show
                continue
            try:
                images[publication] = _cover_files(root, edition, epub, files)
            except CoverError as exc:
                problems.append(RecordError(f"{shown(root / edition.under_root(epub))}: its "
                                            f"cover could not be read ({exc})"))
        files[f"{edition.edition}.xml"] = _acquisition_feed(edition, images)
    folder = root / CATALOG_FOLDER
    _hold_exactly(folder, files)
    if problems:
        raise CatalogIncomplete(folder / CATALOG_NAME, problems)
    return folder / CATALOG_NAME


def _urn(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_URN_NAMESPACE, chr(10).join(parts))}"


def _feed(title: str, feed_id: str, updated: str, author: str | None,
          links: list[tuple[str, str, str]]) -> ET.Element:
    # prefixes are written into the tags and declared on the root, so the feeds say
    # dc: and opds: whatever ElementTree's process-wide prefix table holds
    feed = ET.Element("feed", {"xmlns": ATOM, "xmlns:dc": DC, "xmlns:opds": OPDS,
                               "xml:lang": LANGUAGE})
    ET.SubElement(feed, "id").text = feed_id
    for rel, href, kind in links:
        ET.SubElement(feed, "link", {"rel": rel, "href": href, "type": kind})
    ET.SubElement(feed, "title").text = title
    ET.SubElement(feed, "updated").text = updated
    if author:
        ET.SubElement(ET.SubElement(feed, "author"), "name").text = author
    return feed


def _navigation_feed(editions: list[Edition]) -> bytes:
    newest = editions[0] if editions else None
    # no edition (every record was unreadable): an empty feed, valid Atom all the same
    feed = _feed(newest.title if newest else "Pressroom",
                 _urn(newest.unit if newest else "", CATALOG_NAME),
                 max((e.updated for e in editions), default="1970-01-01T00:00:00Z"),
                 newest.unit if newest else None,
                 [("self", CATALOG_NAME, NAVIGATION_TYPE), ("start", CATALOG_NAME, NAVIGATION_TYPE)])
    for edition in editions:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "title").text = edition.label
        ET.SubElement(entry, "id").text = _urn(edition.unit, edition.edition)
        ET.SubElement(entry, "updated").text = edition.updated
        ET.SubElement(entry, "link", {"rel": "subsection", "href": f"{edition.edition}.xml",
                                      "type": ACQUISITION_TYPE})
        ET.SubElement(entry, "content", {"type": "text"}).text = _contents(edition)
    return _serialise(feed)


def _acquisition_feed(edition: Edition, images: dict[Publication, Images | None]) -> bytes:
    feed = _feed(edition.label, _urn(edition.unit, edition.edition, "feed"), edition.updated,
                 edition.unit,
                 [("self", f"{edition.edition}.xml", ACQUISITION_TYPE),
                  ("start", CATALOG_NAME, NAVIGATION_TYPE), ("up", CATALOG_NAME, NAVIGATION_TYPE)])
    for publication in edition.publications:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "title").text = publication.title
        # the path is the record's, relative to the edition: the id stays when the
        # edition moves from the flat layout into a month folder
        ET.SubElement(entry, "id").text = _urn(edition.unit, edition.edition,
                                               publication.outputs[0].path)
        ET.SubElement(entry, "updated").text = edition.updated
        ET.SubElement(ET.SubElement(entry, "author"), "name").text = edition.unit
        ET.SubElement(entry, "dc:language").text = LANGUAGE
        ET.SubElement(entry, "dc:issued").text = edition.date
        ET.SubElement(entry, "dc:publisher").text = edition.unit
        part = f"{publication.district}分册" if publication.district else "合订本"
        ET.SubElement(entry, "summary", {"type": "text"}).text = \
            f"{edition.label}{part}，共{publication.articles}篇。"
        image = images.get(publication)
        if image is not None:
            for rel, (href, kind) in zip((IMAGE_REL, THUMBNAIL_REL), image, strict=True):
                ET.SubElement(entry, "link", {"rel": rel, "href": href, "type": kind})
        for output in publication.outputs:
            ET.SubElement(entry, "link", {
                "rel": ACQUISITION_REL, "href": quote(f"../{edition.under_root(output)}"),
                "type": output.media_type, "title": output.format.upper()})
    return _serialise(feed)


def _contents(edition: Edition) -> str:
    """区县新闻编辑部编，2021年6月30日出版：合订本及中原区、新郑市分册。"""
    day = date.fromisoformat(edition.date)
    books = ["合订本"] if any(p.district is None for p in edition.publications) else []
    districts = [p.district for p in edition.publications if p.district]
    if districts:
        books.append(f"{'、'.join(districts)}分册")
    return f"{edition.unit}编，{day.year}年{day.month}月{day.day}日出版：{'及'.join(books)}。"


def _serialise(feed: ET.Element) -> bytes:
    ET.indent(feed)
    return ET.tostring(feed, encoding="UTF-8", xml_declaration=True) + b"\n"


def _cover_files(root: Path, edition: Edition, epub: Output,
                 files: dict[str, bytes]) -> Images | None:
    """Add the EPUB's cover and its thumbnail to ``files``; return their hrefs and
    types, or None for a book without a cover."""
    found = epub_cover(root / edition.under_root(epub))
    if found is None:
        return None
    image, media_type = found
    stem = f"{COVERS_FOLDER}/{edition.edition}-{PurePosixPath(epub.path).stem}"
    cover = f"{stem}.{EXTENSIONS[media_type]}"
    # the width in the name: thumbnails made to another width are not taken as these
    small = f"{stem}-{THUMBNAIL_WIDTH}w.{EXTENSIONS[media_type]}"
    files[cover] = image
    # decoding the cover takes longer than all the rest of the catalog together: the
    # thumbnail of these bytes is kept in the store (b"": the cover is its own)
    digest = hashlib.sha256(image).hexdigest()
    made = user_store().kept("covers", f"thumbnail-{digest[:32]}-{THUMBNAIL_WIDTH}w",
                             lambda: thumbnail(image, media_type) or b"", key=digest)
    if not made:  # narrow enough already
        return (quote(cover), media_type), (quote(cover), media_type)
    files[small] = made
    return (quote(cover), media_type), (quote(small), media_type)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _hold_exactly(folder: Path, files: dict[str, bytes]) -> None:
    """Make ``folder`` hold ``files`` (relative POSIX paths) and nothing else: each
    written whole (temporary file, then rename) only when its bytes differ, the
    rest deleted. Hidden files (another writer's temporary files) are left."""
    for relative, data in files.items():
        if _read(folder / relative) != data:
            replace_file(folder / relative, data)
    for path in sorted(folder.rglob("*"), reverse=True):  # a folder's files before it
        relative = path.relative_to(folder).as_posix()
        if relative in files or any(part.startswith(".") for part in relative.split("/")):
            continue
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        else:
            path.unlink()

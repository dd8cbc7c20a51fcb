"""A book's cover for the e-reader catalog: taken out of the EPUB as the exporter
drew it, and made small for the readers' shelves."""
from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

#: the cover formats an OPDS client shows, and their file extensions
EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg"}
THUMBNAIL_WIDTH = 200
#: larger than any cover the EPUB exporter draws: such an entry is not unpacked
MAX_COVER_BYTES = 20 * 1024 * 1024

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"


class CoverError(Exception):
    """An EPUB whose cover cannot be read (a damaged zip, a broken package)."""


def epub_cover(path: Path) -> tuple[bytes, str] | None:
    """The cover image of an EPUB and its media type, as its package document names
    it: the item with ``properties="cover-image"`` (EPUB 3), else the one a
    ``<meta name="cover">`` points to (EPUB 2). None: no cover, or not PNG/JPEG."""
    try:
        with zipfile.ZipFile(path) as book:
            container = ET.fromstring(book.read("META-INF/container.xml"))
            rootfile = container.find(f".//{_CONTAINER}rootfile")
            if rootfile is None:
                return None
            package_path = rootfile.get("full-path", "")
            package = ET.fromstring(book.read(package_path))
            item = _cover_item(package)
            if item is None or item.get("media-type") not in EXTENSIONS:
                return None
            name = posixpath.normpath(posixpath.join(posixpath.dirname(package_path),
                                                     unquote(item.get("href", ""))))
            if book.getinfo(name).file_size > MAX_COVER_BYTES:
                return None
            return book.read(name), str(item.get("media-type"))
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError) as exc:
        raise CoverError(str(exc)) from None


def _cover_item(package: ET.Element) -> ET.Element | None:
    items = package.findall(f"{_OPF}manifest/{_OPF}item")
    for item in items:
        if "cover-image" in (item.get("properties") or "").split():
            return item
    meta = next((m for m in package.iter(f"{_OPF}meta") if m.get("name") == "cover"), None)
    wanted = meta.get("content") if meta is not None else None
    return next((item for item in items if wanted and item.get("id") == wanted), None)


def thumbnail(image: bytes, media_type: str) -> bytes | None:
    """The cover at most THUMBNAIL_WIDTH pixels wide, in its own format; None when
    it is that narrow already (the cover is its own thumbnail). The same image
    gives the same bytes, so an unchanged catalog is not written again."""
    from PIL import Image

    with Image.open(io.BytesIO(image)) as picture:
        if picture.width <= THUMBNAIL_WIDTH:
            return None
        height = max(1, round(picture.height * THUMBNAIL_WIDTH / picture.width))
        # a palette image cannot be resampled smoothly: widen it to RGB(A) first
        keep_alpha = media_type == "image/png" and (picture.mode == "P"
                                                    or "A" in picture.getbands())
        small = picture.convert("RGBA" if keep_alpha else "RGB").resize(
            (THUMBNAIL_WIDTH, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    if media_type == "image/jpeg":
        small.save(out, "JPEG", quality=85, optimize=True)
    else:
        small.save(out, "PNG", optimize=True)
    return out.getvalue()

"""A corrected book takes the unchanged pages of the book it replaces — only a book
the build vouches for — and is the book a fresh build gives, byte for byte."""
from __future__ import annotations

import itertools
import os
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

from conftest import INPUT

from converters.build.run import run_build
from converters.config import Settings
from converters.exporters import BuildOptions

SETTINGS = Settings(slug="bulletin", edition="2021-06")
PAGE = "002_3dce0f6fb7e53ae1.txt"


def _pages(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    shutil.copytree(INPUT, pages)
    return pages


def _build(pages: Path, out: Path) -> Path:
    result = run_build([pages], out, ["epub"], SETTINGS, BuildOptions())
    assert result.ok, result.problems
    return out / "epub" / "bulletin.epub"


def _correct(pages: Path) -> None:
    page = pages / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("。", "（更正）。", 1), encoding="utf-8")


def _plant(book: Path, name: str) -> str:
    """Change one character of page ``name`` inside ``book``, keeping the file's size
    and time stamp (so the manifest still vouches for it) and the page's signature;
    returns the planted page's text."""
    stat = book.stat()
    data = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as package:
        info = package.getinfo(name)
        text = package.read(name).decode("utf-8")
    start = info.header_offset + 30 + len(name.encode())
    for old, new in itertools.product("的了在是和", "地啦再事合"):
        planted = text.replace(old, new, 1)
        packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        packed = packer.compress(planted.encode("utf-8")) + packer.flush()
        if planted != text and len(packed) == info.compress_size:
            break
    else:
        raise AssertionError(f"no one-character change of {name} compresses to its size")
    data[start:start + len(packed)] = packed
    crc = struct.pack("<L", zlib.crc32(planted.encode("utf-8")))
    data[info.header_offset + 14:info.header_offset + 18] = crc
    central = bytes(data).find(b"PK\x01\x02", 0)
    while True:  # the directory entry of this file
        length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46:central + 46 + length]) == name.encode():
            break
        extra, comment = struct.unpack_from("<HH", data, central + 30)
        central = central + 46 + length + extra + comment
    data[central + 16:central + 20] = crc
    book.write_bytes(bytes(data))
    os.utime(book, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return planted


def test_a_corrected_book_is_the_fresh_book(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    book = _build(pages, tmp_path / "out")
    with zipfile.ZipFile(book) as package:
        signed = [i for i in package.infolist() if i.comment]
    assert len(signed) == 21, "every article page carries what it was made from"
    _correct(pages)
    corrected = _build(pages, tmp_path / "out")
    fresh = _build(pages, tmp_path / "fresh")
    assert corrected.read_bytes() == fresh.read_bytes()


def test_pages_are_taken_from_the_book_it_replaces(tmp_path: Path) -> None:
    """A page whose signature is unchanged is taken as it is from the earlier book:
    planted there (same size and time stamp, so the build vouches for the file), it
    shows in the corrected book; in a book touched since, it is not used."""
    pages = _pages(tmp_path)
    out = tmp_path / "out"
    book = _build(pages, out)
    name = "EPUB/text/a0005.xhtml"  # an article of another page than the corrected one
    with zipfile.ZipFile(book) as package:
        original = package.read(name).decode("utf-8")
    planted = _plant(book, name)
    _correct(pages)
    corrected = _build(pages, out)
    with zipfile.ZipFile(corrected) as package:
        assert package.testzip() is None
        assert package.read(name).decode("utf-8") == planted
    _plant(corrected, name)
    os.utime(corrected, ns=(0, 0))  # touched since the build: not its own any more
    _correct(pages)
    again = _build(pages, out)
    with zipfile.ZipFile(again) as package:
        assert package.read(name).decode("utf-8") == original


def test_a_book_made_another_way_is_not_reused(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A stylesheet template of the user's (the article pages' markup does not
    change) makes the book another way: nothing of the old one is taken."""
    monkeypatch.chdir(tmp_path)
    pages = _pages(tmp_path)
    out = tmp_path / "out"
    book = _build(pages, out)
    name = "EPUB/text/a0005.xhtml"
    with zipfile.ZipFile(book) as package:
        original = package.read(name).decode("utf-8")
    _plant(book, name)
    (tmp_path / "layouts" / "epub").mkdir(parents=True)
    shipped = Path(__file__).resolve().parents[2] / "layouts" / "epub" / "book.css.j2"
    (tmp_path / "layouts" / "epub" / "book.css.j2").write_text(
        shipped.read_text(encoding="utf-8") + "\nh1 { letter-spacing: 0.05em; }\n",
        encoding="utf-8")
    _correct(pages)
    again = _build(pages, out)
    with zipfile.ZipFile(again) as package:
        assert package.read(name).decode("utf-8") == original

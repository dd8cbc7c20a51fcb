"""Read stage: page files as bytes → decoded text, or a clear reason why not.

Scraped archives mix UTF-8 (with and without BOM), UTF-16 and GB18030/GBK.
Nothing is decoded with replacement characters: a file is either decoded
strictly by one codec whose result looks like text, or it is refused.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..files import shown

TEXT_SUFFIXES = (".txt", ".md", ".text")


class InputError(Exception):
    """A page file that cannot be read; the message names the problem."""


@dataclass(frozen=True)
class RawPage:
    name: str
    text: str
    encoding: str
    digest: str


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _is_plausible_text(text: str) -> bool:
    """True when decoded text is overwhelmingly characters a news page uses.

    GB18030 and UTF-16 decode many byte strings without error, so success
    alone does not prove the guess; rare planes and controls betray binaries.
    """
    if not text:
        return True
    usual = 0
    for ch in text:
        code = ord(ch)
        if (0x20 <= code < 0x7F or ch in "\n\r\t" or 0xA0 <= code <= 0xFF
                or 0x2000 <= code <= 0x27BF or 0x3000 <= code <= 0x30FF
                or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF
                or 0xFF00 <= code <= 0xFFEF):
            usual += 1
    return usual / len(text) >= 0.97


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                name = "utf-8-sig" if encoding == "utf-8" else encoding
                return data[len(bom):].decode(encoding), name
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable: starts with a {encoding} byte-order mark "
                                 f"but byte {exc.start + len(bom)} is not {encoding}") from None
    nuls = data.count(0)
    if nuls:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _is_plausible_text(text):
                return text, encoding
        binary = InputError("binary file (contains NUL bytes and is not UTF-16 text)")
        if nuls * 100 > len(data):
            raise binary
        # a stray NUL or two in a text file: decoded with the rest, and removed (with a
        # warning naming the line) as every control character is
        try:
            text, encoding = _decode_8bit(data)
        except InputError:
            raise binary from None
        if not _is_plausible_text(text):
            raise binary
        return text, encoding
    return _decode_8bit(data)


def _decode_8bit(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(f"undecodable: neither UTF-8 (byte {utf8_error.start}) "
                             f"nor GB18030") from None
        if not _is_plausible_text(text):
            raise InputError(f"undecodable: not UTF-8 (byte {utf8_error.start}) and "
                             f"not plausible GB18030 text (binary?)") from None
        return text, "gb18030"


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def page_bytes(path: Path) -> bytes:
    """The bytes of a regular file. Opened without blocking and checked before reading:
    a FIFO would wait for a writer forever, /dev/zero would fill the memory."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError("missing: a symbolic link to nothing") from None
        raise InputError("missing: no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a page file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("unreadable: a loop of symbolic links") from None
        raise InputError(f"unreadable: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            try:
                os.listdir(path)
            except OSError as exc:
                raise InputError(f"unreadable folder: {exc.strerror or exc}") from None
            raise InputError("is a directory, not a page file")
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "a special file")
            raise InputError(f"not a regular file ({kind}): only page files are read")
        with os.fdopen(descriptor, "rb") as file:
            descriptor = -1
            return file.read()
    except OSError as exc:
        raise InputError(f"unreadable: {exc.strerror or exc}") from None
    finally:
        if descriptor >= 0:
            os.close(descriptor)


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_page(name: str, data: bytes, digest: str | None = None) -> RawPage:
    """The page's text; ``digest``: its bytes' digest, when the caller has it already."""
    text, encoding = decode(data)
    if not text.strip():
        raise InputError("empty: the file has no text")
    return RawPage(shown(name), text, encoding, digest or digest_of(data))


def read_page(path: Path) -> RawPage:
    return decode_page(path.name, page_bytes(path))


def expand_paths(paths: list[Path], folders: list[str] | None = None) -> list[Path]:
    """Directories become their text files (sorted, recursive, hidden ones skipped);
    files stay as given. ``folders``, if given, gets every folder listed.

    A named file that does not exist is kept so that reading it reports it.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            # os.scandir, not Path.rglob, and paths made once sorted: a build with
            # nothing to do lists the folder every time, and scandir knows what is
            # a file without a stat
            out.extend(path.joinpath(*parts) for parts in sorted(_text_files(str(path), (), folders)))
        else:
            out.append(path)
    return list(dict.fromkeys(out))  # a folder given twice, or a file and its folder: once


def _text_files(folder: str, parts: tuple[str, ...], folders: list[str] | None
                ) -> Iterator[tuple[str, ...]]:
    if folders is not None:
        folders.append(folder)
    try:
        listing = os.scandir(folder)
    except OSError:
        yield parts  # listed as it is, reading it says why it cannot be read
        return
    with listing:
        for entry in listing:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):  # as rglob: no loops through links
                yield from _text_files(entry.path, (*parts, entry.name), folders)
            elif os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES:
                # a FIFO, a link to nothing or a loop named as a page is listed too:
                # reading it says what it is, rather than passing over it in silence
                yield (*parts, entry.name)

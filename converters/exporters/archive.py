"""Zip packages (DOCX, EPUB) written so two builds give the same bytes."""
from __future__ import annotations

import struct
from collections.abc import Iterator
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Member:
    """One file of a zip package, compressed, with what it was made from (its zip
    comment: a reader never shows it; a later package may reuse the file as it is)."""

    name: str
    crc: int
    size: int
    data: bytes           # raw deflate, or the bytes themselves when stored
    stored: bool = False
    comment: bytes = b""


def member(name: str, data: bytes, *, stored: bool = False,
           level: int = zlib.Z_DEFAULT_COMPRESSION, comment: bytes = b"") -> Member:
    if stored:
        return Member(name, zlib.crc32(data), len(data), data, True, comment)
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Member(name, zlib.crc32(data), len(data), packer.compress(data) + packer.flush(),
                  comment=comment)


def write_package(target: Path, members: list[Member], when: date) -> bytes:
    """A zip of ``members`` in order, every time stamp ``when``, no extra fields, Unix
    permissions 644: what zipfile writes for the same files, without compressing
    any again."""
    dos_date = ((when.year - 1980) << 9) | (when.month << 5) | when.day
    chunks, directory, offset = [], [], 0
    for item in members:
        name = item.name.encode("utf-8")
        flags = 0 if item.name.isascii() else 0x800
        method = 0 if item.stored else 8
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, 0, dos_date,
                             item.crc, len(item.data), item.size, len(name), 0)
        directory.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", (3 << 8) | 20, 20, flags, method,
                                     0, dos_date, item.crc, len(item.data), item.size, len(name),
                                     0, len(item.comment), 0, 0, 0o644 << 16, offset)
                         + name + item.comment)
        chunks += [header, name, item.data]
        offset += len(header) + len(name) + len(item.data)
    central = b"".join(directory)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central),
                      offset, 0)
    package = b"".join(chunks) + central + end
    target.write_bytes(package)
    return package


def read_zip(package: bytes) -> Iterator[tuple[str, bytes]]:
    """Every file of any zip, in its order, uncompressed (one at a time: a year's
    book is tens of megabytes)."""
    import io

    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        for info in archive.infolist():
            yield info.filename, archive.read(info)


def read_members(package: bytes) -> dict[str, Member]:
    """The files of a zip as write_package wrote it, still compressed, by name, with
    their comments. Raises ValueError when ``package`` is not such a zip."""
    end = len(package) - 22
    signature, _, _, _, count, size, offset, _ = struct.unpack_from("<4s4H2LH", package, end)
    if signature != b"PK\x05\x06" or offset + size != end:
        raise ValueError("not a package Pressroom wrote")
    members, at = {}, offset
    for _ in range(count):
        (signature, _, _, _, method, _, _, crc, packed, unpacked, name_length, extra_length,
         comment_length, _, _, _, local) = struct.unpack_from("<4s6H3L5H2L", package, at)
        if signature != b"PK\x01\x02" or method not in (0, 8) or extra_length:
            raise ValueError("not a package Pressroom wrote")
        name = package[at + 46:at + 46 + name_length].decode("utf-8")
        comment = package[at + 46 + name_length:at + 46 + name_length + comment_length]
        at += 46 + name_length + comment_length
        start = local + 30 + name_length
        if package[local:local + 4] != b"PK\x03\x04" or start + packed > offset:
            raise ValueError("not a package Pressroom wrote")
        members[name] = Member(name, crc, unpacked, package[start:start + packed], method == 0,
                               comment)
    return members


def checksum_problem(package: zipfile.ZipFile) -> str | None:
    """For `pressroom check`: the first entry whose data fails its CRC, as a problem."""
    broken = package.testzip()
    return f"damaged: {broken} fails its checksum" if broken else None

"""Zip packages (DOCX, EPUB) rewritten so two builds give the same bytes."""
from __future__ import annotations

import os
import zipfile
from datetime import date
from pathlib import Path


def make_reproducible(path: Path, when: date, *, stored: tuple[str, ...] = ()) -> None:
    """Rewrite the zip at ``path``: same entries in the same order, every timestamp
    ``when``, fixed permissions and compression. ``stored`` entries stay uncompressed
    (EPUB's mimetype must be)."""
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    temporary = path.with_name(path.name + ".zip-tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            fresh = zipfile.ZipInfo(info.filename, date_time=stamp)
            fresh.compress_type = zipfile.ZIP_STORED if info.filename in stored else zipfile.ZIP_DEFLATED
            fresh.external_attr = 0o644 << 16
            fresh.create_system = 3
            target.writestr(fresh, data, compresslevel=9 if fresh.compress_type else None)
    os.replace(temporary, path)


def checksum_problem(package: zipfile.ZipFile) -> str | None:
    """For `pressroom check`: the first entry whose data fails its CRC, as a problem."""
    broken = package.testzip()
    return f"damaged: {broken} fails its checksum" if broken else None

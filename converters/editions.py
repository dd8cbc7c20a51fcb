"""Editions: which months a build makes, from which pages, into which folder; and
the record of each built edition (``edition.json``) that delivery reads (the
e-reader catalog, the mail to the district offices).

Pages live in a folder per month (``input/2021-06/``, ``input/2021-07/``): each
is an edition of its own, built into ``build/2021-06/``, so months never
overwrite each other. Pages outside month folders (the flat ``input/`` of
earlier versions) are one edition, built into ``build/`` as before, its month
the settings' or else the pages' dates.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PressroomError
from .files import replace_file

if TYPE_CHECKING:
    from .build.manifest import Manifest
    from .edition import Edition
    from .exporters import Exporter, Job

MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
RECORD_NAME = "edition.json"
RECORD_SCHEMA = 1


class EditionError(PressroomError):
    pass


@dataclass(frozen=True)
class EditionSource:
    """One edition to build: its month (None: the settings' or the pages'), its
    pages (files and folders) and its output folder."""

    month: str | None
    inputs: tuple[Path, ...]
    out_dir: Path


def find_editions(inputs: list[Path], out_root: Path, only: str | None = None) -> list[EditionSource]:
    """The editions in ``inputs``: a month folder (YYYY-MM) directly inside an
    input folder, or given itself, is one; everything else is the flat edition.
    ``only``: that month's edition (a flat one is taken to be it)."""
    months: dict[str, list[Path]] = {}
    flat: list[Path] = []
    for path in inputs:
        if path.is_dir() and MONTH.match(path.name):
            months.setdefault(path.name, []).append(path)
            continue
        inside = sorted(c for c in path.iterdir() if c.is_dir() and MONTH.match(c.name)) \
            if path.is_dir() else []
        if not inside:
            flat.append(path)
            continue
        for folder in inside:
            months.setdefault(folder.name, []).append(folder)
        # what lies beside the month folders belongs to no month: the flat edition
        flat += sorted(c for c in path.iterdir()
                       if not c.name.startswith(".") and c not in inside)
    found = [EditionSource(month, tuple(paths), out_root / month)
             for month, paths in sorted(months.items())]
    if flat:
        found.insert(0, EditionSource(None, tuple(flat), out_root))
    if only is None:
        return found
    chosen = [e for e in found if e.month == only]
    if not chosen and flat:  # the flat edition, of the month asked for
        chosen = [EditionSource(only, tuple(flat), out_root)]
    if not chosen:
        have = ", ".join(e.month for e in found if e.month) or "none"
        raise EditionError(f"no pages for the edition {only} (month folders found: {have})")
    return chosen


def write_record(out_dir: Path, edition: Edition,
                 outputs: list[tuple[Exporter, Job, str]], manifest: Manifest) -> None:
    """``edition.json``: the edition and every output the build folder holds for it
    (``outputs``: the format, the job and its path in the folder, as planned)."""
    files = []
    for exporter, job, relative in outputs:
        record = manifest.outputs.get(relative)
        if record is None:  # not written (it failed): not offered
            continue
        district = job.edition.districts[0].name if job.edition is not edition else None
        title = f"{edition.title} {edition.label}"
        files.append({"format": exporter.name, "path": relative, "district": district,
                      "title": f"{district} · {title}" if district else title,
                      "media_type": exporter.media_type, "size": record.size,
                      "sha256": record.sha256, "articles": len(job.edition.entries)})
    settings = edition.settings
    data = {"schema": RECORD_SCHEMA, "edition": settings.edition, "title": edition.title,
            "unit": settings.unit, "issue": settings.issue, "date": edition.date.isoformat(),
            "updated": _updated(out_dir, manifest, outputs),
            # an internal publication prints no 本报讯 or 记者 (pressroom check reads it so)
            "internal": settings.internal, "outputs": files}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    path = out_dir / RECORD_NAME
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        replace_file(path, text.encode("utf-8"))


def _updated(out_dir: Path, manifest: Manifest, outputs: list[tuple[Exporter, Job, str]]) -> str:
    """When the newest of the outputs was written: a catalog made again from an
    unchanged edition says the same."""
    newest = max((manifest.outputs[relative].mtime_ns for _, _, relative in outputs
                  if relative in manifest.outputs), default=0)
    return datetime.fromtimestamp(newest / 1e9, UTC).replace(microsecond=0).isoformat()


def read_record(folder: Path) -> dict[str, Any]:
    """An edition folder's record, or EditionError saying why there is none."""
    path = folder / RECORD_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EditionError(f"{path}: no edition was built here (run pressroom build)") from None
    except (OSError, ValueError) as exc:
        raise EditionError(f"{path}: unreadable ({exc})") from None
    if not isinstance(data, dict) or data.get("schema") != RECORD_SCHEMA:
        raise EditionError(f"{path}: not an edition record of this Pressroom (build again)")
    return data


def edition_folders(root: Path) -> list[Path]:
    """The folders under ``root`` (and ``root`` itself) that hold a built edition."""
    return [folder for folder in [root, *sorted(p for p in root.iterdir() if p.is_dir())]
            if (folder / RECORD_NAME).is_file()] if root.is_dir() else []

"""The month corpus the benchmarks run on: the sample pages, one copy per day.

The copies are not byte-identical — each day's pages carry the day in their
file name and a dated lead — so caches keyed by content cannot cheat.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "input").glob("*.txt"))
DAYS = 30


def generate_month(dest: Path, days: int = DAYS) -> list[Path]:
    """Write ``days`` × the sample pages into ``dest`` (emptied first)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    paths = []
    for day in range(1, days + 1):
        for sample in SAMPLES:
            text = sample.read_text(encoding="utf-8")
            # Vary the dates so every day's pages differ from the others'.
            text = re.sub(r"(\d{1,2})月(\d{1,2})日", rf"\g<1>月{day}日", text)
            path = dest / f"2021-06-{day:02d}_{sample.name}"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths

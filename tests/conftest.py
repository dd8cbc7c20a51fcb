from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
INPUT = ROOT / "input"
GOLD = Path(__file__).resolve().parent / "seeds.json"


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_parse", Path(__file__).parent / "score_parse.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_parse"] = module
    spec.loader.exec_module(module)
    return module


scorer = _load_scorer()


def libreoffice_pdfs(sources: list[Path], out: Path) -> dict[str, Path]:
    """The Word reports set as PDFs by LibreOffice (skips without it): name → PDF."""
    import subprocess

    from converters.exporters.docx.pagination import (
        layout_engine,
        libreoffice_environment,
        to_pdf,
    )

    engine = layout_engine()
    if engine is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    subprocess.run(to_pdf(engine, out, out, sources), check=True, capture_output=True,
                   env={**libreoffice_environment(out), "HOME": str(out)}, timeout=300)
    return {source.stem: out / f"{source.stem}.pdf" for source in sources}


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(INPUT.glob("*.txt"))
    assert len(paths) == 5, "input/ must ship the five sample pages"
    return paths


def gold_file(gold: dict, name: str) -> dict:
    stem = name.rsplit(".", 1)[0]
    return next(f for f in gold["files"] if stem.startswith(f["file"].rsplit(".", 1)[0]))


def printed_han(article) -> str:  # type: ignore[no-untyped-def]
    """The Han characters an output prints for an article, in reading order."""
    from converters.parse.chars import han_only
    return han_only("".join([article.kicker or "", article.title or "原文无标题",
                             article.subtitle or "", *article.bylines,
                             article.dateline or "", *(b.text for b in article.body)]))

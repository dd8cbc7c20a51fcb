from __future__ import annotations

import importlib.util
import json
import os
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


def libreoffice_environment(tmp: Path) -> dict[str, str]:
    """soffice with its own profile and the PyPI Chinese faces visible to fontconfig."""
    import pylopdf_fonts_zh_cn
    conf = tmp / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>{Path(pylopdf_fonts_zh_cn.__file__).parent}</dir><cachedir>{tmp}/fc</cachedir></fontconfig>""",
                    encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp)}


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

"""Layouts are data: TOML files per output format, each may ``extends`` another.

A layout is found by path, or by name in ``./layouts/<format>/`` (so a user
copies one next to their pages and edits it), then among the layouts that
ship with Pressroom. Keys of the extending file override those it extends;
tables merge key by key.
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .errors import PressroomError

#: 字号 → points (the Chinese type-size names)
CHINESE_SIZES = {
    "初号": 42.0, "小初": 36.0, "一号": 26.0, "小一": 24.0, "二号": 22.0, "小二": 18.0,
    "三号": 16.0, "小三": 15.0, "四号": 14.0, "小四": 12.0, "五号": 10.5, "小五": 9.0,
    "六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5.0,
}


class LayoutError(PressroomError):
    pass


@cache
def packaged_layouts() -> Path:
    # the package's folder from its spec: importlib.resources would first import
    # zipfile, tempfile and more, for every command (the layouts are plain files)
    spec = find_spec("pressroom_layouts")
    if spec is None or not spec.submodule_search_locations:
        raise LayoutError("the packaged layouts (pressroom_layouts) are not installed")
    return Path(list(spec.submodule_search_locations)[0])


def search_dirs(fmt: str) -> list[Path]:
    return [Path.cwd() / "layouts" / fmt, packaged_layouts() / fmt]


def _find(name: str, fmt: str, relative_to: Path | None) -> Path:
    candidate = Path(name)
    if candidate.suffix == ".toml":
        for base in ([relative_to] if relative_to else []) + [Path.cwd()]:
            path = (base / candidate) if not candidate.is_absolute() else candidate
            if path.is_file():
                return path
        raise LayoutError(f"layout file not found: {name}")
    dirs = ([relative_to] if relative_to else []) + search_dirs(fmt)
    for directory in dirs:
        path = directory / f"{name}.toml"
        if path.is_file():
            return path
    available = sorted({p.stem for d in search_dirs(fmt) if d.is_dir() for p in d.glob("*.toml")})
    raise LayoutError(f"no {fmt} layout named “{name}” (available: {', '.join(available)})")


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def load_layout(name: str, fmt: str, *, relative_to: Path | None = None,
                _seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    path = _find(name, fmt, relative_to).resolve()
    if path in _seen:
        raise LayoutError(f"layout {path.name} extends itself (through {', '.join(p.name for p in _seen)})")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(f"{path}: {exc}") from None
    parent = data.pop("extends", None)
    sources = [str(path)]
    if parent:
        base = load_layout(parent, fmt, relative_to=path.parent, _seen=(*_seen, path))
        sources += base["_sources"]
        data = merge(base, data)
    data.setdefault("name", path.stem)
    data["_folder"] = str(path.parent)  # templates beside a layout come first
    data["_sources"] = sources          # the files merged, the layout's own first
    return data


def points(value: Any, *, em: float | None = None) -> float:
    """A size from a layout: 字号 name, points (number or '12pt'), 'mm', or 'em' of ``em``."""
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if text in CHINESE_SIZES:
        return CHINESE_SIZES[text]
    for unit, factor in (("pt", 1.0), ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72.0)):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * factor
    if text.endswith("em") and em is not None:
        return float(text[:-2]) * em
    try:
        return float(text)
    except ValueError:
        raise LayoutError(f"not a size: “{value}” (use a 字号 like 五号, or pt/mm)") from None

"""Layouts are data: TOML files per output format, each may ``extends`` another.

A layout is found by path, or by name in ``./layouts/<format>/`` (so a user
copies one next to their pages and edits it), then among the layouts that
ship with Pressroom. Keys of the extending file override those it extends;
tables merge key by key.
"""
from __future__ import annotations

import re
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
    from .validation import has_schema, problems, toml_text

    try:
        data = tomllib.loads(toml_text(path))
    except (OSError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise LayoutError(f"{path}: {getattr(exc, 'strerror', None) or exc}") from None
    # each file on its own, so that a message names the file that holds the key
    if has_schema(f"layout-{fmt}"):
        found = problems(data, f"layout-{fmt}")
        if found:
            raise LayoutError(f"{path}: " + f"\n{path}: ".join(found))
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


_FIELD = re.compile(r"\{\{|\}\}|\{([a-z]+)\}")


def fill(template: str, values: dict[str, str]) -> str:
    """``template`` with its ``{name}`` fields filled from ``values`` (a running head, a
    folio). Not str.format: a layout's text is data, and ``{bulletin.__class__}`` must
    not reach into Python; the schema lets no other field in, and this fills no other."""
    return _FIELD.sub(lambda m: "{" if m.group() == "{{" else "}" if m.group() == "}}"
                      else values.get(m.group(1), m.group()), template)


#: the fewest characters of body text a column must hold, and lines a page
MIN_LINE_CHARACTERS = 10
MIN_PAGE_LINES = 12


def check_room(layout: dict[str, Any], width: float, height: float, size: float,
               leading: float) -> None:
    """Raise LayoutError naming the layout's file when its page leaves a column (``width``
    points) or a page of text (``height``) too small for body text of ``size`` on
    ``leading``: text would run off the page, or the typesetter fail obscurely."""
    where = (layout.get("_sources") or [layout.get("name", "layout")])[0]
    need_width, need_height = MIN_LINE_CHARACTERS * size, MIN_PAGE_LINES * leading
    if width < need_width or height < need_height:
        mm = 25.4 / 72
        raise LayoutError(
            f"{where}: the page leaves text {max(width, 0) * mm:.0f} mm wide and "
            f"{max(height, 0) * mm:.0f} mm high, and body text needs at least {need_width * mm:.0f} × {need_height * mm:.0f} mm "
            f"({MIN_LINE_CHARACTERS} characters a line, {MIN_PAGE_LINES} lines a page): "
            "make the page larger or the margins, gutter or columns fewer")


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

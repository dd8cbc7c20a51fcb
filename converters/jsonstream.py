"""JSON written as it is made: ``pressroom parse --json`` of a month, or of one huge
page, without holding every block's dict and the whole text at once.

The output is what ``json.dumps(value, ensure_ascii=False, indent=2)`` gives;
a list may be any iterable (a generator is consumed as it is written).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_END = object()
#: how much is gathered before it is written
_BUFFER = 1 << 16


def chunks(value: Any, depth: int = 0) -> Iterator[str]:
    inner = "\n" + "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            yield "{}"
            return
        for number, (key, item) in enumerate(value.items()):
            yield ("{" if number == 0 else ",") + inner + json.dumps(key, ensure_ascii=False) + ": "
            yield from chunks(item, depth + 1)
        yield "\n" + "  " * depth + "}"
    elif isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        items = iter(value)
        first = next(items, _END)
        if first is _END:
            yield "[]"
            return
        yield "[" + inner
        yield from chunks(first, depth + 1)
        for item in items:
            yield "," + inner
            yield from chunks(item, depth + 1)
        yield "\n" + "  " * depth + "]"
    else:
        yield json.dumps(value, ensure_ascii=False)


def write_json(value: Any, write: Callable[[str], object]) -> None:
    """``value`` as indented JSON and a final line end, through ``write``, in pieces."""
    pending: list[str] = []
    size = 0
    for chunk in chunks(value):
        pending.append(chunk)
        size += len(chunk)
        if size >= _BUFFER:
            write("".join(pending))
            pending, size = [], 0
    pending.append("\n")
    write("".join(pending))

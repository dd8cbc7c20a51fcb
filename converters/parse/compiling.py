"""The parser's patterns compiled with each character class worked out once.

The parser's modules compile some 150 patterns when they load, and between them
they spell the Han range (``[\\u4e00-\\u9fff]``) a few hundred times. Python's
``re`` works a character class out in Python, one character at a time, and a
Han range has twenty thousand, each time it is spelt: compiling was most of
loading the parser, paid by every process that parses (each of a
build's parse workers, the one that reads a corrected page, ``pressroom
parse``). ``benchmarks/bench_month.py`` shows what this saves.

While the parser's modules load, a class the compiler has worked out already is
given back as it was worked out (the same class always comes out the same);
afterwards the compiler is as it was. Where ``re`` has no such step to ask (a
Python that compiles differently), the patterns compile as they always do.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def classes_worked_out_once() -> Iterator[None]:
    compiler = getattr(re, "_compiler", None)
    work_out: Callable[..., Any] | None = getattr(compiler, "_optimize_charset", None)
    if work_out is None:
        yield
        return
    done: dict[tuple[Any, ...], tuple[list[Any], Any]] = {}

    def once(charset: Any, *rest: Any, **named: Any) -> Any:
        if named or any(r is not None for r in rest):  # a case-blind class: as always
            return work_out(charset, *rest, **named)
        try:
            key = tuple(charset)
            known = done.get(key)
        except TypeError:  # a class of unhashable parts: as always
            return work_out(charset, *rest)
        if known is None:
            known = work_out(charset, *rest)
            if not (isinstance(known, tuple) and len(known) == 2 and isinstance(known[0], list)):
                return known  # (a re that answers otherwise: not kept)
            done[key] = known
        worked, cased = known
        return list(worked), cased  # a list of its own to each pattern

    compiler._optimize_charset = once  # type: ignore[union-attr]
    try:
        yield
    finally:
        compiler._optimize_charset = work_out  # type: ignore[union-attr]

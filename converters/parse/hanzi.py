"""Traditional characters: a page printed in 繁體 is read as a simplified one is.

Matching (datelines, bylines, role words, place names, page chrome) runs on a
*fold* of the text: every traditional character replaced by its simplified
form, one character for one, so a match's positions are the original's and
the original characters are what the model keeps (``潢川縣``, ``記者 張三``).
``--simplified`` converts the parsed text itself with OpenCC's phrase-aware
``t2s`` instead.

The fold table is OpenCC's t2s applied to each character alone, shipped as
``data/t2s.txt`` (regenerate with ``python3 -m converters.parse.hanzi --regenerate``)
so that parsing needs no OpenCC and no start-up conversion.
"""
from __future__ import annotations

import re
import sys
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def _table() -> tuple[dict[int, str], re.Pattern[str]]:
    text = resources.files("converters.parse.data").joinpath("t2s.txt").read_text(encoding="utf-8")
    pairs = [pair for line in text.splitlines() if not line.startswith("#")
             for pair in line.split()]
    table = {ord(pair[0]): pair[1] for pair in pairs}
    return table, re.compile("[" + "".join(pair[0] for pair in pairs) + "]")


def has_traditional(text: str) -> bool:
    return _table()[1].search(text) is not None


def fold(text: str) -> str:
    """``text`` with traditional characters as simplified ones, same length (the very
    same object when there are none, so callers can tell)."""
    table, pattern = _table()
    return text.translate(table) if pattern.search(text) else text


@cache
def _converter():  # type: ignore[no-untyped-def]
    import opencc  # only --simplified needs the library

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text converted to simplified Chinese, phrase by phrase (OpenCC t2s)."""
    return _converter().convert(text) if has_traditional(text) else text


def regenerate(path: Path) -> int:
    """Write the fold table from OpenCC: each CJK character converted on its own."""
    chars = [chr(code) for code in [*range(0x3400, 0xA000), *range(0xF900, 0xFB00)]]
    converted = _converter().convert("\n".join(chars)).split("\n")
    pairs = [a + b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1]
    lines = ["# Traditional character → simplified character, one pair a line: made by",
             "# `python3 -m converters.parse.hanzi --regenerate` from OpenCC's t2s conversion (each",
             "# character alone), so that matching can fold a page character by character."]
    lines += [" ".join(pairs[i:i + 40]) for i in range(0, len(pairs), 40)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(pairs)


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit("usage: python3 -m converters.parse.hanzi --regenerate")
    target = Path(__file__).parent / "data" / "t2s.txt"
    print(f"{regenerate(target)} pairs written to {target}")

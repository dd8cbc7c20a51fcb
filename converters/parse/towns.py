"""Zhengzhou's streets and towns (街道, 镇, 乡) and the district each is in.

District pages often name no district at all: 国基路街道开展…, 枫杨办事处联合…
The street is enough for an editor who knows the city; ``data/towns.tsv``
(the national division codes' 乡级 rows for Zhengzhou) lets the parser know
it too. A page names a street in the form of its day: 汝河路办事处 and
汝河路街道办事处 for today's 汝河路街道, 侯寨乡 for 侯寨街道, so a name is
looked up by its stem (the name without 街道/办事处/镇/乡). A stem that two
districts share (东风路: 金水区's street and 中牟县's) names neither.

Names are found from their endings, as places.py finds county names: only
where 街道, 办事处, 镇 or 乡 ends a word is the text looked at.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache
from importlib import resources

_SUFFIXES = ("街道办事处", "街道", "办事处", "回族乡", "镇", "乡")
_ENDING = re.compile("街道办事处|街道|办事处|回族乡|镇|乡")
#: stems that are words as well as towns (城关镇: every county town is one)
_NOT_STEMS = frozenset({"城关", "新城", "矿区", "城郊"})


class Towns:
    def __init__(self, rows: list[tuple[str, str]]) -> None:
        districts: dict[str, set[str]] = {}
        for name, district in rows:
            stem = _stem(name)
            if stem and stem not in _NOT_STEMS:
                districts.setdefault(stem, set()).add(district)
        #: stem → its district, for stems of one district only
        self.district_of = {stem: next(iter(ds)) for stem, ds in districts.items()
                             if len(ds) == 1}
        self.lengths = sorted({len(stem) for stem in self.district_of}, reverse=True)

    def named(self, text: str) -> list[tuple[str, str]]:
        """(the name as printed, its district) for every Zhengzhou street or town
        ``text`` names, in order."""
        found = []
        for match in _ENDING.finditer(text):
            start = match.start()
            for length in self.lengths:
                stem = text[max(0, start - length):start]
                if len(stem) == length and stem in self.district_of:
                    found.append((stem + match.group(), self.district_of[stem]))
                    break
        return found

    def district(self, text: str) -> tuple[str | None, str]:
        """The district of the streets and towns ``text`` names, when they agree
        (or one has most mentions), and why."""
        found = self.named(text)
        if not found:
            return None, ""
        counts = Counter(district for _, district in found)
        ranked = counts.most_common()
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None, ""
        name = next(name for name, district in found if district == ranked[0][0])
        return ranked[0][0], f"{name} is in {ranked[0][0]}"


def _stem(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[:-len(suffix)]
    return ""


@cache
def default_towns() -> Towns:
    text = resources.files("converters.parse.data").joinpath("towns.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            _, name, district = line.split("\t")
            rows.append((name, district))
    return Towns(rows)

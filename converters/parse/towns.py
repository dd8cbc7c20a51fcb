"""Henan's streets and towns (街道, 镇, 乡) and the county-level division each is in.

District pages often name no district at all: 国基路街道开展…, 枫杨办事处联合…
The street is enough for an editor who knows the city; ``data/towns.tsv``
(the national division codes' 乡级 rows for Henan) lets the parser know it
too. A page names a street in the form of its day: 汝河路办事处 and
汝河路街道办事处 for today's 汝河路街道, 侯寨乡 for 侯寨街道, so a name is
looked up by its stem (the name without 街道/办事处/镇/乡). A stem that two
districts share (东风路: 金水区's street and 中牟县's) names neither.

A page is read against its paper's city first (a 湖北路办事处 in a 洛阳 paper
is 涧西区's); a page whose paper is unsaid, against Zhengzhou's and then all
Henan's, where a stem must be one county's in the whole province.

Names are found from their endings, as places.py finds county names: only
where 街道, 办事处, 镇 or 乡 ends a word is the text looked at; and, where none
is, where 社区 or 服务中心 does, for a community named after its street
(城东路花园社区). Read against the whole province (the weakest reading), a street
is only a street and a town only a town: 龙岗街道 of 鹤壁's development zone is not
永城市's 龙岗镇.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache
from importlib import resources

from .chars import is_han

_SUFFIXES = ("街道办事处", "街道", "办事处", "回族乡", "镇", "乡")
_ENDING = re.compile("街道办事处|街道|办事处|回族乡|镇|乡")
#: stems that are words as well as towns (城关镇: every county town is one)
_NOT_STEMS = frozenset({"城关", "新城", "矿区", "城郊"})
#: the province's code: the table of every city's streets and towns
_HENAN = "41"


class Towns:
    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        """``rows``: (code, name, county) of each street and town."""
        #: city code (4101; 41 for the whole province) → stem → its county ("" for a stem
        #: of two counties: it names neither)
        self.by_city: dict[str, dict[str, str]] = {_HENAN: {}}
        province = self.by_city[_HENAN]
        #: the province's by the kind of place as well: (stem, street or town) → county
        self.by_kind: dict[tuple[str, str], str] = {}
        for code, name, district in rows:
            stem = _stem(name)
            if stem and stem not in _NOT_STEMS:
                city = self.by_city.get(code[:4])
                if city is None:
                    city = self.by_city[code[:4]] = {}
                for table, key in ((city, stem), (province, stem),
                                   (self.by_kind, (stem, _kind(name[len(stem):])))):
                    known = table.setdefault(key, district)  # type: ignore[attr-defined]
                    if known != district:
                        table[key] = ""  # type: ignore[index]
        self.lengths = sorted({len(stem) for stem in province}, reverse=True)

    def named(self, text: str, city: str = _HENAN) -> list[tuple[str, str]]:
        """(the name as printed, its county) for every street or town of ``city`` (a
        city's code; the province's by default) that ``text`` names, in order."""
        district_of = self.by_city.get(city, {})
        found = []
        for match in _ENDING.finditer(text):
            start = match.start()
            kind = _kind(match.group())
            for length in self.lengths:
                stem = text[max(0, start - length):start]
                if len(stem) == length and district_of.get(stem) and (
                        city != _HENAN or self.by_kind.get((stem, kind))):
                    found.append((stem + match.group(), district_of[stem]))
                    break
        return found

    def district(self, text: str, city: str, *, city_known: bool = True) -> tuple[str | None, str]:
        """The county of the streets and towns ``text`` names, when they agree (or one
        has most mentions), and why: the city's (its code) streets and towns, and,
        when the page did not say its city, any in Henan."""
        found = self.named(text, city)
        if not found and not city_known:
            found = self.named(text)
        if not found:
            found = self._communities_named(text, city)
        if not found:
            return None, ""
        counts = Counter(district for _, district in found)
        ranked = counts.most_common()
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None, ""
        name = next(name for name, district in found if district == ranked[0][0])
        return ranked[0][0], f"{name} is in {ranked[0][0]}"

    def _communities_named(self, text: str, city: str) -> list[tuple[str, str]]:
        """(the street's name as printed, its county) for every community or service
        centre of the city's streets named after its street's stem (福华街新圃东街社区,
        城东路花园社区, 城东路服务中心: 福华街's and 城东路's); only stems of three
        characters or more, and of the paper's own city."""
        district_of = self.by_city.get(city, {})
        found = []
        for match in _COMMUNITY.finditer(text):
            window = text[max(0, match.start() - _COMMUNITY_NAME - self.lengths[0]):match.start()]
            for start in range(len(window)):
                rest = window[start:]
                stem = next((rest[:length] for length in self.lengths if length >= 3
                             and district_of.get(rest[:length])
                             and len(rest) - length <= _COMMUNITY_NAME
                             and all(map(is_han, rest[length:]))), None)
                if stem is not None:
                    found.append((stem, district_of[stem]))
                    break
        return found


#: where a community or a street's service centre is named (…花园社区, …服务中心)
_COMMUNITY = re.compile("社区|服务中心")
#: the longest name of a community after its street's stem (新圃东街 of 福华街新圃东街社区)
_COMMUNITY_NAME = 6


def _kind(suffix: str) -> str:
    return "town" if suffix.endswith(("镇", "乡")) else "street"


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
            code, name, district = line.split("\t")
            rows.append((code, name, district))
    return Towns(rows)

"""District names of Zhengzhou and their aliases, loaded from package data."""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class District:
    name: str
    slug: str
    aliases: tuple[str, ...]
    short: tuple[str, ...] = ()


class Gazetteer:
    def __init__(self, districts: list[District]) -> None:
        self.districts = tuple(districts)
        self._by_spelling: dict[str, District] = {}
        for district in districts:
            for spelling in (district.name, *district.aliases):
                self._by_spelling[spelling] = district
        # Longest spelling first so 郑州航空港经济综合实验区 wins over 航空港区.
        spellings = sorted(self._by_spelling, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, spellings)))

    def canonical(self, spelling: str) -> str | None:
        district = self._by_spelling.get(spelling)
        return district.name if district else None

    def slug(self, name: str) -> str | None:
        district = self._by_spelling.get(name)
        return district.slug if district else None

    def order(self, name: str | None) -> int:
        district = self._by_spelling.get(name or "")
        return self.districts.index(district) if district else len(self.districts)

    def mentions(self, text: str) -> Counter[str]:
        """Canonical district → number of mentions in text."""
        return Counter(self._by_spelling[m.group()].name for m in self._pattern.finditer(text))

    def match_prefix(self, text: str) -> tuple[str, int] | None:
        """(canonical name, length) when text starts with a district spelling."""
        match = self._pattern.match(text)
        if not match:
            return None
        return self._by_spelling[match.group()].name, match.end()


@cache
def default_gazetteer() -> Gazetteer:
    data = tomllib.loads(resources.files("converters.parse.data").joinpath("gazetteer.toml")
                         .read_text(encoding="utf-8"))
    return Gazetteer([District(d["name"], d["slug"], tuple(d.get("aliases", ())),
                               tuple(d.get("short", ()))) for d in data["district"]])

"""Where a text is: the county-level places it names and which city each belongs to.

Zhengzhou's districts come from the gazetteer (canonical names, aliases, the
functional zones the city's papers treat as districts); every other province,
prefecture-level city, county-level division and Henan functional zone from
the national division codes (``data/divisions.tsv``). So 宝丰县 is known to be
Pingdingshan's, 黄石港区 Huangshi's, and a 高新区 on a Luoyang page is
Luoyang's, never Zhengzhou's.

Names are found from their last character: every name ends in 区, 县, 市, 旗,
州 or 盟, so only those positions are looked at (a dictionary lookup per
length), not every position of the page.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from .gazetteer import Gazetteer, default_gazetteer
from .hanzi import fold

ZHENGZHOU = "4101"
#: a functional zone named without its city belongs to the city of the page
GENERIC_ZONES = ("高新技术产业开发区", "高新技术开发区", "经济技术开发区", "经济开发区",
                 "高新区", "经开区", "开发区", "示范区", "综合实验区", "实验区")
_ENDINGS = re.compile("[区县市旗州盟]")
#: official names that are also ordinary words (a town's 城区, 老城区, 矿区): they
#: count only right after their city's name (洛阳老城区, 阳泉市城区)
ORDINARY_WORDS = frozenset({"城区", "矿区", "郊区", "东区", "西区", "南区", "北区", "新区",
                            "老城区", "新城区", "城中区", "市中区", "城东区", "城西区", "城北区",
                            "河东区", "河西区", "开发区", "高新区", "经开区"})
_MAX_NAME = 16
#: how much of an article's lead ``district_of`` reads: the city it names, its actor
_LEAD_READ = 80
#: China's peoples, as an autonomous county's or banner's name lists them
_PEOPLES = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
            "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
            "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()  # 各: 隆林各族自治县
#: an autonomous county's or banner's name: its place, its peoples (伊通满族自治县, 张家川回族
#: 自治县)
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:(?:" + "|".join(sorted(_PEOPLES, key=len, reverse=True))
                         + r")族)+自治([县旗])$")


@dataclass(frozen=True)
class Division:
    code: str      # six digits: province 41 0000, city 4101 00, county 410102
    name: str
    level: str     # province | city | county | zone

    @property
    def city(self) -> str:
        return self.code[:4]


class Reading(NamedTuple):  # a tuple: built in one go, not field by field
    """An article's district, and why."""

    district: str | None
    why: str
    named: bool = True      # the article names a county-level place at all
    citywide: bool = False  # it names so many that it is the city's story


class Place(NamedTuple):  # a tuple: one for every place a text names, built in one go
    """One mention: what it names (``district`` is the name an article is filed
    under: a Zhengzhou canonical name, another county's official name, or
    None for a city, a province or a zone outside Zhengzhou)."""

    start: int
    end: int
    text: str
    level: str     # province | city | county | zone
    city: str      # the four-digit code of its city ("" for a province)
    district: str | None

    @property
    def in_zhengzhou(self) -> bool:
        return self.city == ZHENGZHOU


#: the words a place follows (和, 的, 在, 家住, 赴, 落户于…): a zone after one is bare
_BEFORE_A_PLACE = frozenset("和与及、的在到是区市县住于赴至往来去从向对为由自进入给")


class Places:
    def __init__(self, divisions: list[Division], gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        #: every division of a name (市中区 is Jinan's and Leshan's: the page's city decides)
        self.by_name: dict[str, list[Division]] = {}
        self.city_names: dict[str, str] = {}  # 洛阳 / 洛阳市 → 4103
        for division in divisions:
            self.by_name.setdefault(division.name, []).append(division)
            if division.level == "city":
                self.city_names[division.name] = division.city
                short = _short_city(division.name)
                if short:
                    self.city_names.setdefault(short, division.city)
        # 务川仡佬族苗族自治县 is printed 务川自治县 or 务川县 as often as in full (once every
        # real name is in: a short name never takes a division's own)
        for division in divisions:
            autonomous = _AUTONOMOUS.match(division.name) if division.level == "county" else None
            if autonomous is None or f"{autonomous.group(1)}省" in self.by_name:
                continue  # (河南蒙古族自治县 is no 河南县: 河南县域经济 is the province's)
            place, kind = autonomous.groups()
            for alias in (f"{place}自治{kind}", f"{place}{kind}"):
                self.by_name.setdefault(alias, [division])
        #: provinces' and cities' short names (河南, 湖南, 洛阳): 南县 in 河南县域 is none
        self.regions = frozenset(self.city_names) | frozenset(
            re.sub("(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$", "", d.name)
            for d in divisions if d.level == "province")
        for district in gazetteer.districts:
            for spelling in (district.name, *district.aliases):
                self.by_name[spelling] = [Division(ZHENGZHOU + "99", spelling, "county")]
        shorts = {s: d.name for d in gazetteer.districts for s in d.short}
        # 新郑观音寺镇 names 新郑市; 新郑路, 新郑市 (found by its ending) and 中牟县 do not
        self.short_names = shorts
        self._short = re.compile("(" + "|".join(map(re.escape, shorts)) + ")"
                                 r"(?![市县区路街道桥河站回族新机场大国])") if shorts else None
        self.names = frozenset(self.by_name) | frozenset(GENERIC_ZONES)
        # the lengths of the names with each two-character ending, longest first: most
        # 区/市 in a text (社区, 小区, 城市) end no name and are passed over with one
        # lookup; the rest have a length or two to try
        ends: dict[str, set[int]] = {}
        for name in self.names:
            ends.setdefault(name[-2:], set()).add(len(name))
        self.lengths = {end: sorted(sizes, reverse=True) for end, sizes in ends.items()}

    def names_place(self, name: str) -> bool:
        """A division's name, or a county's or city's without its ending (鄄城, 洛阳)."""
        return name in self.by_name or name in self.city_names or name in self.short_names \
            or any(name + ending in self.by_name for ending in "县市区旗")

    # -- finding ----------------------------------------------------------
    def find(self, text: str, home_city: str = "") -> list[Place]:
        """Every place named in ``text``, longest names first, none overlapping; a name
        several divisions share is the one in ``home_city`` if there is one."""
        found: list[Place] = []
        taken_until = -1
        names, lengths = self.names, self.lengths
        for match in _ENDINGS.finditer(text):
            end = match.end()
            sizes = lengths.get(text[end - 2:end])
            if sizes is None:
                continue
            for length in sizes:
                start = end - length
                if start < 0 or start < taken_until:
                    continue
                name = text[start:end]
                if name not in names or (length == 2 and text[start - 1:start + 1] in self.regions):
                    continue  # (河南县域经济: the province's, not Hunan's 南县)
                place = self._place(text, start, end, name, home_city)
                if place is not None:
                    # a longer name ending here may have been found at an earlier
                    # ending (航空港区 inside 郑州航空港经济综合实验区 cannot be,
                    # as the longest is tried first)
                    found.append(place)
                    taken_until = end
                    break
        return found

    def _place(self, text: str, start: int, end: int, name: str, home_city: str) -> Place | None:
        if name in GENERIC_ZONES:
            return self._zone(text, start, end, name)
        divisions = self.by_name.get(name)
        if not divisions:
            return None
        if len(divisions) == 1 and name not in ORDINARY_WORDS:
            division = divisions[0]
        else:
            qualifier = self.city_of(text[max(0, start - 4):start], end=True)
            division = next((d for d in divisions if d.city == qualifier), None) \
                or next((d for d in divisions if d.city == home_city), None) or divisions[0]
            if name in ORDINARY_WORDS and division.city not in (qualifier, home_city or "-"):
                return None  # 老城区 is a place only where it is its city's
        if division.city == ZHENGZHOU and division.code.endswith("99"):
            return Place(start, end, name, "county", ZHENGZHOU, self.gazetteer.canonical(name))
        if division.level == "county":
            district = self.gazetteer.canonical(name) if division.city == ZHENGZHOU else division.name
            return Place(start, end, name, "county", division.city, district)
        if division.level == "zone":
            district = self.gazetteer.canonical(name) if division.city == ZHENGZHOU else None
            return Place(start, end, name, "zone", division.city,
                         district or (self._zhengzhou_zone(name) if division.city == ZHENGZHOU
                                      else None))
        return Place(start, end, name, division.level,
                     division.city if division.level == "city" else "", None)

    def _zone(self, text: str, start: int, end: int, name: str) -> Place:
        """A zone named bare (高新区) or after its city (洛阳高新区, 郑州经开区)."""
        before = text[max(0, start - 6):start]
        city = ""
        for size in range(len(before), 1, -1):
            owner = self.city_names.get(before[-size:])
            if owner:
                city = owner
                start -= size
                break
        if not city and before and "\u4e00" <= before[-1] <= "\u9fff" \
                and before[-1] not in _BEFORE_A_PLACE:
            # 盐南高新区: a zone with a name of its own, not a bare one (家住经开区: bare)
            return Place(start, end, name, "zone", "?", None)
        district = self._zhengzhou_zone(name) if city in ("", ZHENGZHOU) else None
        return Place(start, end, text[start:end], "zone", city, district)

    def _zhengzhou_zone(self, name: str) -> str | None:
        for zone in ("高新", "经开", "经济技术开发", "经济开发", "航空港"):
            if zone in name:
                return {"高新": "高新区", "航空港": "航空港区"}.get(zone, "经开区")
        return None

    def city_of_district(self, district: str, home_city: str = "") -> str | None:
        divisions = self.by_name.get(district) or []
        division = next((d for d in divisions if d.city == home_city), None) or \
            (divisions[0] if divisions else None)
        return division.city if division else None

    def city_of(self, text: str, *, end: bool = False) -> str | None:
        """The city code of a city name that starts (or, with ``end``, ends) ``text``:
        郑州晚报 → 4101, 济宁 → 3708."""
        for size in (5, 4, 3, 2):
            if size <= len(text):
                code = self.city_names.get(text[-size:] if end else text[:size])
                if code:
                    return code
        return None

    def cities_named(self, text: str) -> Counter[str]:
        """City codes named in a short text, with or without 市 (济宁, 洛阳市)."""
        found: Counter[str] = Counter()
        i = 0
        while i < len(text) - 1:
            for size in (5, 4, 3, 2):
                code = self.city_names.get(text[i:i + size])
                if code:
                    found[code] += 1
                    i += size - 1
                    break
            i += 1
        return found

    def match_prefix(self, text: str, home_city: str | None = ZHENGZHOU
                     ) -> tuple[str | None, int] | None:
        """(district or None, length) when ``text`` starts with a county-level place or a
        zone (None: a place that is not one of ours to file under, 洛阳高新区)."""
        head = text[:_MAX_NAME + 6]
        if _ENDINGS.search(head) is None:
            return None  # most clauses: no place name can end in them
        for place in self.find(head, home_city or ""):
            if place.start != 0:
                return None
            if place.level in ("city", "province"):
                return None
            district = place.district
            if place.level == "zone" and place.city == "":
                district = district if home_city == ZHENGZHOU else None
            return district, place.end
        return None

    # -- deciding ---------------------------------------------------------
    def _districts_in(self, text: str, home_city: str) -> Iterator[str]:
        """The districts of the places ``text`` names, bare zones as the home city's,
        Zhengzhou's short forms (新郑, 荥阳) on a Zhengzhou page."""
        for place in self.find(text, home_city):
            district = place.district
            if place.level == "zone" and place.city == "" and home_city != ZHENGZHOU:
                district = None
            if district is not None:
                yield district
        if self._short is not None and home_city == ZHENGZHOU:
            for match in self._short.finditer(text):
                yield self.short_names[match.group(1)]

    def _other_city_zone(self, text: str) -> bool:
        """Does the text name a zone of a city other than Zhengzhou (洛阳高新区)?"""
        if not any(zone in text for zone in ("高新", "开发区", "经开", "新区", "示范区")):
            return False
        return any(place.level == "zone" and place.city not in ("", ZHENGZHOU)
                   for place in self.find(text))

    def district_of(self, title: str, body: str, *, lead: str | None = None,
                    home_city: str | None = ZHENGZHOU, title_streets: Iterable[str] = ()) -> Reading:
        """The county-level place an article is about, and why.

        ``home_city`` is the city of the paper (Zhengzhou unless the page says
        otherwise; None for a paper of no one city: then the city the article
        names); bare zones (高新区) are taken to be that city's. ``title_streets``
        are the districts of the streets and towns the title names: they count as
        the title's places. A story that names four or more county-level places,
        or none, is the city's: None.
        """
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        # (of the lead, only its first words are read)
        title, body, lead = fold(title), fold(body), fold(lead[:_LEAD_READ]) if lead else lead
        if home_city is None:
            named = self.cities_named(title + (lead or body)[:_LEAD_READ])
            home_city = named.most_common(1)[0][0] if named else ""
        if home_city == ZHENGZHOU and self._other_city_zone(title + body):
            home_city = ""  # 洛阳高新区 named: the article's bare 高新区 is that one too
        # (the streets and towns the title names count as its places)
        for weight, districts in ((2, (*self._districts_in(title, home_city), *title_streets)),
                                  (1, self._districts_in(body, home_city))):
            for district in districts:
                counts[district] += weight
                first.setdefault(district, len(first))
        if lead and lead[:12] in body:  # the lead's first words: its actor, counted again
            for district in self._districts_in(lead[:12], home_city):
                counts[district] += 2
        if not counts:
            return Reading(None, "no county-level place is named in the article", named=False)
        if len(counts) >= 4:
            return Reading(None, f"{len(counts)} county-level places named: a city-wide story",
                           citywide=True)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))
        best, score = ranked[0]
        if len(ranked) > 1 and ranked[1][1] * 2 > score and len(ranked) >= 3:
            return Reading(None, "no place stands out ("
                           + ", ".join(f"{d} {c}" for d, c in ranked) + ")")
        why = f"{best} named {score} (title counts twice)"
        if len(ranked) > 1:
            why += f" over {ranked[1][0]} {ranked[1][1]}"
        return Reading(best, why)


def _short_city(name: str) -> str | None:
    """洛阳市 → 洛阳, 黔东南苗族侗族自治州 → 黔东南; two characters at least."""
    for suffix in ("市", "地区", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[:-len(suffix)]
    match = re.match(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,8}族)*自治州$", name)
    return match.group(1) if match else None


@cache
def default_places() -> Places:
    text = resources.files("converters.parse.data").joinpath("divisions.tsv").read_text(encoding="utf-8")
    divisions = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, name, level, *_ = line.split("\t")
            divisions.append(Division(code, name, level))
    return Places(divisions, default_gazetteer())

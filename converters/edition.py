"""The edition: a parsed collection grouped for publication.

Every exporter lays out the same structure — districts in the configured
order, within each the 办事处/街道 in order of first appearance (district-level
articles first), articles in page order — so the grouping lives here once.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import count
from dataclasses import dataclass, replace
from functools import cached_property
from datetime import date

from .config import ConfigError, Settings
from .presentation import imprint
from .parse.gazetteer import Gazetteer, default_gazetteer
from .model import Article, Collection

DISTRICT_LEVEL = "区级要闻"
UNKNOWN_DISTRICT = "其他"


@dataclass(frozen=True)
class Entry:
    """One article in its place: where it came from and its anchor name."""

    article: Article
    source: str
    key: str  # ASCII, unique in the edition: used for anchors and file names


@dataclass(frozen=True)
class Section:
    name: str          # a 办事处/街道, or DISTRICT_LEVEL
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class DistrictGroup:
    """A district's articles in an edition, grouped by 办事处/街道."""

    name: str
    slug: str
    sections: tuple[Section, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for s in self.sections for e in s.entries)

    @property
    def sectioned(self) -> bool:
        """Whether every format prints its articles under 办事处/街道 headings: not when
        they are all the district's own (then DISTRICT_LEVEL is no heading)."""
        return not (len(self.sections) == 1 and self.sections[0].name == DISTRICT_LEVEL)


@dataclass(frozen=True)
class Outside:
    """An article dated in another month than the edition's."""

    source: str
    title: str
    date: str


@dataclass(frozen=True)
class Edition:
    settings: Settings
    districts: tuple[DistrictGroup, ...]
    sources: tuple[str, ...]
    #: a district's edition (only) keeps the whole edition's characters, so every
    #: output of a build shares one prepared (cached) font subset
    whole_characters: str | None = None
    #: the articles dated in another month: in the edition, or left out of it
    #: (settings.outside_month)
    outside: tuple[Outside, ...] = ()

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for d in self.districts for e in d.entries)

    @property
    def title(self) -> str:
        return self.settings.bulletin

    @property
    def slug(self) -> str:
        """The whole edition's file-name part: the configured slug, made path-safe."""
        return slugify(self.settings.slug, "bulletin")

    @property
    def label(self) -> str:
        """2021年6月 · 第6期"""
        issue = f" · 第{self.settings.issue}期" if self.settings.issue else ""
        return f"{self.settings.edition_date.year}年{self.settings.edition_date.month}月{issue}"

    @property
    def date(self) -> date:
        return self.settings.edition_date

    def characters(self) -> str:
        """Every character an output of this edition may set (for font subsetting)."""
        if self.whole_characters is not None:
            return self.whole_characters
        return self._all_characters

    @cached_property
    def _all_characters(self) -> str:
        # an edition not made by build_edition (a test's, a district's picked by hand)
        return _characters_of(self, [entry.article.text_content() for entry in self.entries]
                              + [byline for entry in self.entries for byline in entry.article.bylines])

    def only(self, district: DistrictGroup) -> Edition:
        """One district as an edition of its own. Its articles are numbered afresh
        (a0001…), so a district's outputs do not change when another district
        gains or loses an article — an incremental build leaves them alone."""
        if district.name not in self._districts_alone:  # every format asks for each district
            numbers = count(1)
            sections = tuple(Section(section.name, tuple(Entry(entry.article, entry.source,
                                                               f"a{next(numbers):04d}")
                                                         for entry in section.entries))
                             for section in district.sections)
            self._districts_alone[district.name] = Edition(
                self.settings, (replace(district, sections=sections),), self.sources,
                self.characters())
        return self._districts_alone[district.name]

    @cached_property
    def _districts_alone(self) -> dict[str, Edition]:
        return {}


def _characters_of(edition: Edition, texts: list[str]) -> str:
    """``texts`` with every word the edition's outputs print around them."""
    words = [edition.title, edition.label, edition.settings.unit, edition.settings.date_text,
             *imprint(edition.settings)]
    for district in edition.districts:
        words.append(district.name)
        words.extend(section.name for section in district.sections)
    return "".join(sorted(set("".join(words + texts))))


def _stable_slug(name: str) -> str | None:
    """A file name that stays the same from month to month for a district the gazetteer
    gives none: the articles no district claims are ``other``; a county elsewhere goes
    by its national division code (温县 → 410825), where one county has the name."""
    if name == UNKNOWN_DISTRICT:
        return "other"
    from .parse.places import default_places  # (the divisions table: read when needed)

    # (Zhengzhou's districts have the gazetteer's slug: they are not asked about)
    divisions = default_places().by_name.get(name, [])
    return divisions[0].code if len(divisions) == 1 and divisions[0].level == "county" else None


def slugify(text: str, fallback: str) -> str:
    """ASCII file-name part; never a path separator, never empty, never ``..``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60] or fallback


def pages_month(collection: Collection) -> str:
    """The month most of the articles are dated in (YYYY-MM; a tie: the later): the
    edition's, when neither the settings nor the pages' folder say it."""
    # a page's own date (its digital edition's chrome) counts for each of its
    # articles; an article's dateline only with its year (6月9日 says no month of which year)
    months = Counter(date[:7] for document in collection.documents
                     for article in document.articles
                     for date in [document.published or article.date or ""]
                     if re.match(r"[0-9]{4}-(0[1-9]|1[0-2])", date))
    if not months:
        raise ConfigError("no month for the edition: the pages carry no dated chrome; put them in a "
                          "folder named for the month (input/2021-07/), or set [edition] "
                          "edition = \"YYYY-MM\" in pressroom.toml")
    return max(months, key=lambda month: (months[month], month))


def _month_of(date: str | None, settings: Settings) -> str | None:
    """The month (YYYY-MM) an article's date names: 2021-06-09, or 6月9日 (a dateline
    names no year: the edition's, or for a December article in a January edition
    the year before). None: no date."""
    if not date:
        return None
    found = re.match(r"([0-9]{4})-([0-9]{2})", date)
    if found:
        return f"{found[1]}-{found[2]}"
    found = re.match(r"([0-9]{1,2})月", date)
    if not found or not 1 <= int(found[1]) <= 12 or settings.edition is None:
        return None
    year, month = int(settings.edition[:4]), int(settings.edition[5:7])
    number = int(found[1])
    return f"{year - 1 if number == 12 and month == 1 else year}-{number:02d}"


def build_edition(collection: Collection, settings: Settings,
                  gazetteer: Gazetteer | None = None) -> Edition:
    gazetteer = gazetteer or default_gazetteer()
    if settings.edition is None:
        settings = settings.for_month(pages_month(collection))
    grouped: dict[str, dict[str, list[Entry]]] = {}
    counter = 0
    outside = []
    for document in collection.documents:
        for article in document.articles:
            month = _month_of(article.date, settings)
            if month is not None and month != settings.edition:
                outside.append(Outside(document.source, article.display_title, article.date or ""))
                if settings.outside_month == "leave out":
                    continue
            counter += 1
            district = article.district or document.district or UNKNOWN_DISTRICT
            section = article.subdistrict or DISTRICT_LEVEL
            grouped.setdefault(district, {}).setdefault(section, []).append(
                Entry(article, document.source, f"a{counter:04d}"))

    def district_rank(name: str) -> tuple[int, int]:
        if name in settings.district_order:
            return (0, settings.district_order.index(name))
        return (1, gazetteer.order(name))

    districts = []
    for number, name in enumerate(sorted(grouped, key=district_rank), start=1):
        sections = grouped[name]
        ordered = sorted(sections, key=lambda s: (s != DISTRICT_LEVEL,))
        slug = settings.slugs.get(name) or gazetteer.slug(name) or _stable_slug(name) \
            or slugify(name, f"district-{number}")
        districts.append(DistrictGroup(name, slugify(slug, f"district-{number}"),
                                       tuple(Section(s, tuple(sections[s])) for s in ordered)))
    edition = Edition(settings, tuple(districts), tuple(d.source for d in collection.documents),
                      outside=tuple(outside))
    # every article of every page is in the edition: the pages' characters are its own
    return replace(edition, whole_characters=_characters_of(
        edition, [document.characters for document in collection.documents]))

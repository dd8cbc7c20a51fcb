"""Drafts → the model: bylines counted, district and subdistrict decided, the page's
own facts read, a page cut off mid-article said so.
"""
from __future__ import annotations

import re
from functools import partial

from ..model import Article, Credit, Document
from . import chrome
from .assemble import Draft
from .bylines import parse_byline
from .chars import ends_sentence
from .decks import DECORATION
from .hanzi import fold
from .lead import Lead, named_subdistrict, opening_sentence, read_lead
from .places import ZHENGZHOU, Places
from .towns import default_towns

HENAN = "41"
BODY_FOR_PLACES = 600
#: a quotation with a pause or a sentence's end in it: someone's words, not a name
_SPEECH = re.compile(r"“[^“”]*[，。！？,!?][^“”]*”")


def _unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _first_paragraph(draft: Draft) -> str | None:
    return next((b.text for b in draft.blocks if b.kind == "paragraph"), None)


class _HomeMatcher:
    """Places at the start of a clause, bare zones taken as the paper's city's."""

    def __init__(self, places: Places, home_city: str | None) -> None:
        self.match_prefix = partial(places.match_prefix, home_city=home_city)


def home_city(places: Places, facts: chrome.PageFacts) -> tuple[str | None, bool]:
    """The city of the page's paper (郑州日报 → Zhengzhou), and whether the page says
    so: the paper named, or every paper its chrome names of one city (洛阳日报 |
    洛阳晚报), or the site's address, when it is outside Henan. None for a paper of
    no one city (齐鲁晚报): a bare 高新区 is then nobody's. Zhengzhou, unsaid, when
    the chrome names no paper."""
    if facts.paper is not None:
        return places.city_of(facts.paper), True
    cities = {places.city_of(paper) for paper in facts.papers}
    if len(cities) == 1 and None not in cities:
        return cities.pop(), True
    if facts.address and (named := places.cities_named(facts.address)):
        # a site whose address is in another province (安徽省合肥市…) is no Henan paper's:
        # Henan's streets are not its streets (合肥's 五里墩街道 is not 信阳's)
        city = named.most_common(1)[0][0]
        if city[:2] != HENAN:
            return city, True
    return ZHENGZHOU, False


#: the opening sentence's actor is the city's own (市红十字会, 我市, 市领导)
_CITY_ACTOR = re.compile(r"(?:^|[，,])\s*(?:我市|全市|市[\u4e00-\u9fff]{0,8}?(?:委|局|院|会|部|办|厅|政府|"
                         r"领导|书记|市长|主任))")


def _near_home(place_city: str | None, home: str, known: bool) -> bool:
    """Is a place the paper's own? Its city, when the page names its paper; else
    anywhere in Henan (the papers this tool is for)."""
    if place_city is None:
        return False
    return place_city == home if known else place_city[:2] == HENAN


#: a district's own pages of 郑州晚报 (第X08版:新郑时报 城事, 第M04版:中原时报)
_DISTRICT_PAGES = re.compile(r"^([\u4e00-\u9fff]{2,3})时报")


def section_district(places: Places, page_name: str | None) -> str | None:
    """The Zhengzhou district whose own pages the page is (新郑时报 → 新郑市), if any."""
    found = _DISTRICT_PAGES.match(page_name or "")
    if found is None:
        return None
    short = found.group(1)
    gazetteer = places.gazetteer
    return places.short_names.get(short) or next(
        (name for ending in ("区", "县", "市", "新区") if (name := gazetteer.canonical(short + ending))),
        None)


def owner_district(places: Places, owner: str | None) -> str | None:
    """The county-level place whose government or party committee runs the site
    (主办单位:罗山县人民政府 → 罗山县), if a county's does: its site's news is its own."""
    counties = [place.district for place in places.find(owner or "")
                if place.level == "county" and place.district]
    return counties[-1] if counties else None


def decide_districts(drafts: list[Draft], leads: list[Lead | None], places: Places,
                     city: str | None, warnings: list[str], *, city_known: bool = True,
                     section: str | None = None) -> tuple[list[str | None], str | None]:
    """Each article's district (its lead's actor, else the place its own text is
    about), and the page's: the one most of its articles have, else the district
    whose own pages or site these are (``section``: 新郑时报, a county government's site)."""
    decided: list[str | None] = []
    named: list[bool] = []
    towns = default_towns()
    for draft, lead in zip(drafts, leads):
        title = " ".join(t for t in (draft.kicker, draft.title, draft.subtitle) if t)
        first = _first_paragraph(draft) or ""
        if lead is not None and lead.district is not None:
            # the actor of the opening sentence decides, unless the lead lists places enough
            # to be the city's story: the lead is all that needs reading
            reading = places.district_of(title, first[:BODY_FOR_PLACES], lead=first,
                                         home_city=city)
            decided.append(None if reading.citywide else lead.district)
            named.append(True)
            continue
        # else the places it names: early, where the story is set (a long feature's later
        # pages wander, and cost a scan)
        whole = "\n".join(b.text for b in draft.blocks)[:BODY_FOR_PLACES]
        # what people are quoted saying (“前一段时间自驾到荥阳五云山游玩，…”) names places
        # by the way: the places and streets of the rest come first
        body = _SPEECH.sub("", whole)
        # (郑港办事处人员送他回家: a street of the paper's city in the title says where)
        streets = [district for _, district in towns.named(title, city)] if city else []
        reading = places.district_of(title, body, lead=first, home_city=city, title_streets=streets)
        district = reading.district
        if district is not None and city and district not in title \
                and _CITY_ACTOR.search((_first_paragraph(draft) or "")[:30]) \
                and not _near_home(places.city_of_district(district, city or ""), city,
                                   city_known):
            district = None  # the city's own body acting elsewhere (市红十字会 → 舟曲县)
        if district is None and not reading.citywide and city:
            # no district named: the streets and towns it names say which (国基路街道)
            district, _ = towns.district(title + "\n" + body, city, city_known=city_known)
        if district is None and not reading.citywide and whole != body:
            reading = places.district_of(title, whole, lead=first, home_city=city)
            district = reading.district
        decided.append(district)
        named.append(reading.named or district is not None)
    counts: dict[str, int] = {}
    for district in decided:
        if district:
            counts[district] = counts.get(district, 0) + 1
    page = max(counts, key=lambda d: (counts[d], -decided.index(d))) if counts else None
    if len(counts) > 1:
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked[1][1] * 1.5 > ranked[0][1]:
            warnings.append(f"district uncertain: {ranked[0][0]} ({ranked[0][1]}) "
                            f"over {ranked[1][0]} ({ranked[1][1]})")
    if page is None and section is not None:
        page = section  # no place named: the district whose pages these are (新郑时报)
    elif page is None and drafts:
        warnings.append("no county-level place is named in the page's articles; district unknown")
    # an article that names no place at all is filed where its page's pages are (新郑时报),
    # else with its page's other articles
    return [d if d or was_named else section or page for d, was_named in zip(decided, named)], page


def _reporters(draft: Draft) -> tuple[str, ...]:
    """The reporters of the draft's bylines; but a site's author field naming a writer
    alone (作者: 章东丽) does not make a reporter of one the byline calls a correspondent
    (南阳网讯 (通讯员章东丽))."""
    correspondents = {n for b in draft.bylines for n in b.correspondents}
    return _unique([n for b in draft.bylines for n in b.reporters
                    if not (n in correspondents and b.text.lstrip().startswith("作者"))])


def _undecorated(text: str | None) -> str | None:
    return text.lstrip(DECORATION) or text if text else text


def build_document(source: str, drafts: list[Draft], *, page_title: str | None,
                   sections: list[str], dropped: list[str], chrome_lines: list[str],
                   editors: list[Credit], ended_open: bool, places: Places, encoding: str,
                   digest: str, warnings: list[str],
                   reading: tuple[tuple[int, int, str, str], ...] = ()) -> Document:
    facts = chrome.page_facts(chrome_lines)
    if facts.credit and len(drafts) == 1 and not any(b.counts for b in drafts[0].bylines) \
            and (fielded := parse_byline(facts.credit)) is not None:
        drafts[0].bylines.append(fielded)  # a site's writer field, for its one article
    city, city_known = home_city(places, facts)
    matcher = _HomeMatcher(places, city)
    # (a lead is read from its opening sentence: only that is folded, not a long paragraph)
    leads = [read_lead(fold(opening_sentence(first)), matcher)
             if (first := _first_paragraph(draft)) else None for draft in drafts]
    section = (section_district(places, facts.page_name) if city == ZHENGZHOU else None) \
        or owner_district(places, facts.owner)
    districts, page_district = decide_districts(drafts, leads, places, city, warnings,
                                                city_known=city_known, section=section)
    articles = []
    for number, (draft, lead, district) in enumerate(zip(drafts, leads, districts)):
        paragraphs = [b.text for b in draft.blocks if b.kind == "paragraph"]
        if not paragraphs:
            warnings.append(f"article “{draft.title or '(untitled)'}” has no body text")
        if draft.title is None and paragraphs:
            warnings.append(f"article starting “{paragraphs[0][:12]}…” has no headline in the source")
        if len({b.credit for b in draft.bylines if b.credit}) > 1:
            warnings.append(f"article “{draft.title}”: bylines disagree on the credit")
        last = number == len(drafts) - 1
        truncated = last and ended_open and bool(paragraphs)
        if truncated:
            warnings.append(f"the page's text stops inside “{draft.title or paragraphs[0][:12]}”"
                            f" (“…{paragraphs[-1][-8:]}”): the article is cut off")
        others = [credit for b in draft.bylines for credit in b.others] + draft.others
        # an editor line cut off the text (…要学习。责任编辑：张三) credits its editors, and
        # its words go where the page's other editor lines do
        dropped.extend(b.text for b in draft.bylines if b.editors_only)
        if last:
            others += editors
        articles.append(Article(
            title=_undecorated(draft.title), kicker=_undecorated(draft.kicker),
            subtitle=_undecorated(draft.subtitle),
            section=draft.section, subdistrict=(lead.subdistrict if lead else None)
            or named_subdistrict(fold(" ".join(t for t in (draft.title, *paragraphs[:1]) if t)),
                                 matcher),
            district=district, dateline=draft.dateline,
            date=lead.date if lead else None,
            reporters=_reporters(draft),
            correspondents=_unique([n for b in draft.bylines for n in b.correspondents]),
            credit=next((b.credit for b in draft.bylines if b.credit), None),
            bylines=tuple(b.text for b in draft.bylines if not b.editors_only),
            other_bylines=tuple(dict.fromkeys(others)), captions=tuple(draft.captions),
            truncated=truncated, body=tuple(draft.blocks)))
    if not articles:
        warnings.append("no article text found on this page")
    return Document(source=source, articles=tuple(articles), district=page_district,
                    page_title=page_title, sections=tuple(sections),
                    dropped=tuple(dropped), warnings=tuple(warnings),
                    encoding=encoding, digest=digest, paper=facts.paper,
                    page_number=facts.page_number, page_name=facts.page_name,
                    published=facts.published, reading=reading)


def ends_open(last_text: str | None) -> bool:
    """The page's last article text stops mid-sentence (the stored page was cut)."""
    return bool(last_text) and not ends_sentence(last_text)  # type: ignore[arg-type]

"""Model stage: typed units → articles and a document.

Rules (see tests/seeds.json notes): a page title is the heading deck above the
first section label; a deck of headings starts a new article when nothing is
open, when it has two or more lines, when its text opens with 本报讯, or when
the open article is a news item; otherwise a single heading inside a feature
is one of the feature's subheads.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .bylines import Byline
from .gazetteer import Gazetteer
from .lead import Lead, read_lead
from .model import Article, Block, Document, SourceSpan
from .segment import Segmented, Unit


@dataclass
class _Draft:
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    section: str | None = None
    dateline: bool = False
    blocks: list[Block] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return any(b.kind == "paragraph" for b in self.blocks)


def _span(unit: Unit) -> SourceSpan:
    return SourceSpan(unit.first_line, unit.last_line, tuple(unit.joins), tuple(unit.cuts))


class _Builder:
    def __init__(self, warnings: list[str], dropped: list[str]) -> None:
        self.warnings = warnings
        self.dropped = dropped
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.section: str | None = None
        self.sections: list[str] = []
        self.section_used = True
        self.page_title: str | None = None
        self.deck: list[Unit] = []

    # -- events -------------------------------------------------------------
    def on_section(self, unit: Unit) -> None:
        if self.deck and not self.drafts and self.current is None and self.page_title is None \
                and not self.sections:
            self.page_title = " ".join(u.text for u in self.deck)
            if len(self.deck) > 1:
                self.warnings.append(f"line {self.deck[0].first_line}: {len(self.deck)} heading "
                                     "lines above the first section label were joined as the page title")
            self.deck = []
        self.flush_deck_as_dropped("heading(s) directly above a section label")
        self.close_section_if_unused()
        self.current = None
        self.section = unit.text
        self.sections.append(unit.text)
        self.section_used = False

    def on_heading(self, unit: Unit) -> None:
        self.deck.append(unit)

    def on_byline(self, unit: Unit) -> None:
        if self.deck:
            self.open_deck(next_unit=unit)
        if self.current is None:
            self.start(_Draft(section=self.section))
        assert self.current is not None and unit.byline is not None
        self.current.bylines.append(unit.byline)

    def on_body(self, unit: Unit) -> None:
        if self.deck:
            self.open_deck(next_unit=unit)
        elif self.current is None or (unit.dateline and (self.current.has_text
                                                         or self.current.dateline)):
            self.start(_Draft(section=self.section))
        assert self.current is not None
        if unit.dateline and not self.current.has_text:
            self.current.dateline = True
        if unit.text:
            self.current.blocks.append(Block("paragraph", unit.text, _span(unit)))
        if unit.byline is not None:
            self.current.bylines.append(unit.byline)

    def finish(self) -> None:
        self.flush_deck_as_dropped("heading(s) at the end of the page with no text after them")
        self.close_section_if_unused()

    # -- helpers ------------------------------------------------------------
    def start(self, draft: _Draft) -> None:
        self.drafts.append(draft)
        self.current = draft
        self.section_used = True

    def close_section_if_unused(self) -> None:
        if not self.section_used and self.sections:
            label = self.sections.pop()
            self.dropped.append(label)
            self.warnings.append(f"section label “{label}” has no article after it; dropped")
            self.section_used = True

    def flush_deck_as_dropped(self, why: str) -> None:
        for unit in self.deck:
            self.dropped.append(unit.text)
            self.warnings.append(f"line {unit.first_line}: “{unit.text}” dropped: {why}")
        self.deck = []

    def open_deck(self, next_unit: Unit) -> None:
        deck, self.deck = self.deck, []
        current = self.current
        starts_article = (current is None or len(deck) >= 2 or next_unit.dateline
                          or next_unit.role == "byline" or current.dateline)
        if not starts_article:
            assert current is not None
            current.blocks.append(Block("subhead", deck[0].text, _span(deck[0])))
            return
        if (self.page_title is None and not self.drafts and not self.sections
                and len(deck) >= 2 and deck[0].level == 1
                and all(u.level >= 2 for u in deck[1:])):
            self.page_title = deck[0].text
            deck = deck[1:]
        draft = _Draft(section=self.section)
        texts = [u.text for u in deck]
        if len(texts) == 1:
            draft.title = texts[0]
        elif len(texts) == 2:
            if texts[1].startswith("—") or not next_unit.dateline:
                draft.title, draft.subtitle = texts[0], texts[1].lstrip("—").strip() or texts[1]
            else:
                draft.kicker, draft.title = texts
            self.warnings.append(
                f"line {deck[0].first_line}: two-line headline read as "
                + ("kicker + title (news item)" if draft.kicker else "title + subtitle (feature)"))
        else:
            draft.kicker, draft.title = texts[0], texts[1]
            draft.subtitle = " ".join(texts[2:]).lstrip("—").strip()
            if len(texts) > 3:
                self.warnings.append(f"line {deck[0].first_line}: {len(texts)}-line headline; "
                                     "lines after the third were joined to the subtitle")
        self.start(draft)


def _page_district(leads: list[Lead | None], units: list[Unit], gazetteer: Gazetteer,
                   warnings: list[str]) -> str | None:
    """The page's district: the most named one, an article's actor counting extra."""
    counts = gazetteer.mentions("\n".join(unit.text for unit in units))
    for lead in leads:
        if lead and lead.district:
            counts[lead.district] += 3
    if not counts:
        warnings.append("no Zhengzhou district is named on this page; district unknown")
        return None
    ranked = counts.most_common(2)
    if len(ranked) == 2 and ranked[1][1] * 1.5 > ranked[0][1]:
        warnings.append(f"district uncertain: {ranked[0][0]} ({ranked[0][1]}) "
                        f"over {ranked[1][0]} ({ranked[1][1]})")
    return ranked[0][0]


def _first_paragraph(draft: _Draft) -> str | None:
    return next((b.text for b in draft.blocks if b.kind == "paragraph"), None)


def _unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def build_document(source: str, segmented: Segmented, gazetteer: Gazetteer, *,
                   encoding: str, digest: str, warnings: list[str]) -> Document:
    dropped = list(segmented.dropped)
    builder = _Builder(warnings, dropped)
    handlers = {"section": builder.on_section, "heading": builder.on_heading,
                "byline": builder.on_byline, "body": builder.on_body}
    for unit in segmented.units:
        handlers[unit.role](unit)
    builder.finish()
    leads = [read_lead(first, gazetteer) if (first := _first_paragraph(draft)) else None
             for draft in builder.drafts]
    district = _page_district(leads, segmented.units, gazetteer, warnings)
    articles = []
    for draft, lead in zip(builder.drafts, leads):
        paragraphs = [b.text for b in draft.blocks if b.kind == "paragraph"]
        if not paragraphs:
            warnings.append(f"article “{draft.title or '(untitled)'}” has no body text")
        if draft.title is None and paragraphs:
            warnings.append(f"article starting “{paragraphs[0][:12]}…” has no headline in the source")
        if len({b.credit for b in draft.bylines if b.credit}) > 1:
            warnings.append(f"article “{draft.title}”: bylines disagree on the credit")
        articles.append(Article(
            title=draft.title, kicker=draft.kicker, subtitle=draft.subtitle,
            section=draft.section, subdistrict=lead.subdistrict if lead else None,
            district=(lead.district if lead else None) or district, dateline=draft.dateline,
            date=lead.date if lead else None,
            reporters=_unique([n for b in draft.bylines for n in b.reporters]),
            correspondents=_unique([n for b in draft.bylines for n in b.correspondents]),
            credit=next((b.credit for b in draft.bylines if b.credit), None),
            bylines=tuple(b.text for b in draft.bylines), body=tuple(draft.blocks)))
    if not articles:
        warnings.append("no article text found on this page")
    return Document(source=source, articles=tuple(articles), district=district,
                    page_title=builder.page_title, sections=tuple(builder.sections),
                    dropped=tuple(dropped), warnings=tuple(warnings),
                    encoding=encoding, digest=digest)

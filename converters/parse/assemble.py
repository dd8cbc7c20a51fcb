"""Model stage: units with roles → articles and a document.

Rules (see tests/seeds.json notes): a page title is the heading deck above the
first section label; a deck of headings starts a new article when nothing is
open, when it has two or more lines, when its text opens with 本报讯, or when
the open article is a news item; otherwise a single heading inside a feature
is one of the feature's subheads.

The same builder runs twice. First on the rules' reading of every unit, to
*record* what the rules would make of each (a feature for the role model);
then on the roles the model gave, where a deck's lines already say which is
kicker, title and subtitle.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .bylines import Byline
from .features import BOX_LABEL
from .patterns import PLACE_BODY
from .decks import SERIES_NUMBER, headline_lines, title_as_archived, title_as_listed
from ..model import Block, Credit, SourceSpan
from .segment import dash_subtitle
from .units import Unit


@dataclass
class Draft:
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    section: str | None = None
    dateline: str | None = None
    blocks: list[Block] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    others: list[Credit] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return any(b.kind == "paragraph" for b in self.blocks)


_TEXT = Block("paragraph", "")


def _span(unit: Unit) -> SourceSpan:
    return SourceSpan(unit.first_line, unit.last_line, unit.joins, unit.cuts)


class Builder:
    """Units in page order → drafts of articles, the page title and section labels.

    With ``record`` it notes for every unit the role the rules gave it
    (``rule_role``) — the units' ``hint`` is then ignored.
    """

    def __init__(self, warnings: list[str], dropped: list[str], *, record: bool = False,
                 indexed: str = "", elsewhere: str = "", archived: str | None = None) -> None:
        self.warnings = warnings
        self.dropped = dropped
        self.record = record
        #: the page's lines outside its articles (the headline index, the navigation's copy
        #: of the deck, an archive line naming the article), spaces removed, one a line
        self.elsewhere = elsewhere
        #: the lines of those that the page's headline index and navigation print
        self.indexed = indexed
        #: the article's title as the page's archive record names it, spaces removed
        self.archived = archived
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.section: str | None = None
        self.sections: list[str] = []
        self.section_used = True
        self.page_title: str | None = None
        self.deck: list[Unit] = []

    def note(self, unit: Unit, role: str) -> None:
        if self.record:
            unit.rule_role = role

    def add(self, unit: Unit) -> None:
        # the functions, not bound methods kept on the builder: those would make it a
        # reference cycle, freed only by the cycle collector that parsing pauses
        _HANDLERS[unit.role](self, unit)

    # -- events -------------------------------------------------------------
    def on_drop(self, unit: Unit) -> None:
        self.note(unit, "chrome")

    def on_section(self, unit: Unit) -> None:
        if self.deck and not self.drafts and self.current is None and self.page_title is None \
                and not self.sections:
            self.page_title = " ".join(u.text for u in self.deck)
            for u in self.deck:
                self.note(u, "page-title")
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
        self.note(unit, "section")

    def on_heading(self, unit: Unit) -> None:
        if not self.record and unit.hint == "page-title":
            if self.page_title is None and not self.drafts:
                self.page_title = unit.text
            else:
                self.page_title = f"{self.page_title} {unit.text}" if self.page_title else unit.text
            return
        self.deck.append(unit)

    def _joined_by(self, unit: Unit) -> Draft:
        """The draft a byline or caption belongs to: the deck above it opened as an
        article, else the current one, else a new one."""
        if self.deck:
            self.open_deck(next_unit=unit)
        if self.current is None:
            self.start(Draft(section=self.section))
        assert self.current is not None
        return self.current

    def on_byline(self, unit: Unit) -> None:
        caption = self._caption_credited_by(unit)
        draft = self._joined_by(unit)
        if caption is not None:
            draft.captions.append(caption.raw or caption.text)
            draft.units.append(caption)
        if unit.byline is not None:
            draft.bylines.append(unit.byline)
        draft.units.append(unit)
        self.note(unit, "byline")

    def _caption_credited_by(self, unit: Unit) -> Unit | None:
        """The deck's last line, when a photographer's credit alone is under it and a
        headline above it (“幸福路”修到家门口 / 卫辉市…正在抓紧硬化入户路面 / 赵云 摄): the
        picture's caption, which the credit closes."""
        byline = unit.byline
        if self.record or len(self.deck) < 2 or byline is None or byline.counts \
                or not byline.others or any(c.role != "photographer" for c in byline.others) \
                or not any(u.hint in ("kicker", "title") for u in self.deck[:-1]):
            return None
        caption = self.deck.pop()
        caption.hint, caption.reason = "caption", "over a photographer's credit: the picture's"
        return caption

    def on_caption(self, unit: Unit) -> None:
        draft = self._joined_by(unit)
        draft.captions.append(unit.raw or unit.text)
        if unit.byline is not None:
            draft.others.extend(unit.byline.others)
            draft.others.extend(Credit("photographer", n) for n in
                                (*unit.byline.reporters, *unit.byline.correspondents))
        draft.units.append(unit)

    def on_body(self, unit: Unit) -> None:
        if self.deck:
            self.open_deck(next_unit=unit)
        if self.current is None or (unit.dateline and (self.current.has_text
                                                       or self.current.dateline)):
            self.start(Draft(section=self.section))
        assert self.current is not None
        if self._dash_subtitle(unit):
            return
        if unit.dateline and not self.current.has_text:
            self.current.dateline = unit.dateline
        if unit.text:
            # recording, only that there is text counts: one shared block stands for it
            self.current.blocks.append(_TEXT if self.record else
                                       Block("paragraph", unit.text, _span(unit)))
        if unit.byline is not None:
            self.current.bylines.append(unit.byline)
        self.current.units.append(unit)
        self.note(unit, "body")

    def _dash_subtitle(self, unit: Unit) -> bool:
        """A short line led by a dash right under the title is its subtitle (副题:
        ——叶县各界十一假期坚持扶贫掠影), whatever the model called it."""
        draft = self.current
        if self.record or draft is None or draft.blocks or not draft.title or draft.subtitle \
                or not dash_subtitle(unit):
            return False
        draft.subtitle = unit.text.lstrip("—").strip()
        draft.units.append(unit)
        unit.hint, unit.reason = "subtitle", "led by a dash, right under the title"
        return True

    def finish(self) -> None:
        self.flush_deck_as_dropped("heading(s) at the end of the page with no text after them")
        self.close_section_if_unused()

    # -- helpers ------------------------------------------------------------
    def start(self, draft: Draft) -> None:
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
            self.note(unit, "chrome")
        self.deck = []

    def open_deck(self, next_unit: Unit) -> None:
        deck, self.deck = self.deck, []
        if not self.record and any(u.hint for u in deck):
            self.open_hinted_deck(deck, next_unit)
            return
        current = self.current
        starts_article = (current is None or len(deck) >= 2 or bool(next_unit.dateline)
                          or next_unit.role == "byline" or bool(current.dateline))
        if not starts_article:
            assert current is not None
            current.blocks.append(Block("subhead", deck[0].text, _span(deck[0])))
            self.note(deck[0], "subhead")
            return
        if (self.page_title is None and not self.drafts and not self.sections
                and len(deck) >= 2 and deck[0].level == 1
                and all(u.level >= 2 for u in deck[1:])):
            self.page_title = deck[0].text
            self.note(deck[0], "page-title")
            deck = deck[1:]
        draft = Draft(section=self.section)
        texts = [u.text for u in deck]
        if len(texts) == 1:
            draft.title = texts[0]
            self.note(deck[0], "title")
        elif len(texts) == 2:
            if texts[1].startswith("—") or not next_unit.dateline:
                draft.title, draft.subtitle = texts[0], texts[1].lstrip("—").strip() or texts[1]
                self.note(deck[0], "title")
                self.note(deck[1], "subtitle")
            else:
                draft.kicker, draft.title = texts
                self.note(deck[0], "kicker")
                self.note(deck[1], "title")
            self.warnings.append(
                f"line {deck[0].first_line}: two-line headline read as "
                + ("kicker + title (news item)" if draft.kicker else "title + subtitle (feature)"))
        else:
            draft.kicker, draft.title = texts[0], texts[1]
            draft.subtitle = " ".join(texts[2:]).lstrip("—").strip()
            for unit, role in zip(deck, ["kicker", "title"] + ["subtitle"] * (len(deck) - 2)):
                self.note(unit, role)
            if len(texts) > 3:
                self.warnings.append(f"line {deck[0].first_line}: {len(texts)}-line headline; "
                                     "lines after the third were joined to the subtitle")
        self.start(draft)

    def open_hinted_deck(self, deck: list[Unit], next_unit: Unit) -> None:
        """A deck whose lines the role model named: subheads stay in the open article,
        the rest make a new article's kicker, title and subtitle. Over a dateline
        (保定晚报讯 …) under an article's text, it is a new article's headline, whatever
        the model called it: a dateline opens an article."""
        opens = bool(next_unit.dateline) and self.current is not None \
            and (self.current.has_text or bool(self.current.dateline))
        while deck and deck[0].hint == "subhead" and self.current is not None and not opens:
            unit = deck.pop(0)
            self.current.blocks.append(Block("subhead", unit.text, _span(unit)))
        if not deck:
            return
        if all(BOX_LABEL.match(unit.text) for unit in deck):
            # 核心提示, 编者按 opening the text: its box's label, never its headline
            draft = Draft(section=self.section)
            self.start(draft)
            draft.blocks.extend(Block("subhead", unit.text, _span(unit)) for unit in deck)
            draft.units.extend(deck)
            return
        parts: dict[str, list[str]] = {"kicker": [], "title": [], "subtitle": []}
        series = [u for u in deck if SERIES_NUMBER.search(u.text)]
        titles, demoted = headline_lines([u for u in deck if u.hint == "title" and u not in series],
                                         self.indexed)
        # a box's label under the headline (编者按, ➡记者手记) opens the text: no subtitle
        boxes = [unit for unit in deck if BOX_LABEL.match(unit.text)]
        for unit in deck:
            if unit in boxes:
                continue
            # a line the model called something else inside a deck (a subhead, a page
            # title) is a kicker above the title, a subtitle below it; a line led by a
            # dash is a subtitle whatever it was called
            role = unit.hint if unit.hint in parts else ("subtitle" if parts["title"] else "kicker")
            if unit.text.startswith("—"):
                role = "subtitle"
                if unit.hint != role:
                    unit.hint, unit.reason = role, "led by a dash: a subtitle"
            elif unit in demoted or unit in series:
                role = "subtitle" if parts["title"] else "kicker"
            elif role == "title" and unit not in titles:
                self.dropped.append(unit.text)  # a second "title" that is no half of it
                self.warnings.append(f"line {unit.first_line}: “{unit.text}” dropped: the "
                                     "deck has another title more likely")
                continue
            text = unit.text.lstrip("—").strip() if role == "subtitle" else unit.text
            if any(text in texts for texts in parts.values()):
                # a headline printed twice in a row (whatever the model called the copy,
                # a subhead, a subtitle): one copy is chrome
                self.dropped.append(unit.text)
            elif text:
                parts[role].append(text)
        lone_dash = not parts["title"] and not parts["kicker"] and not self.drafts \
            and all(unit.text.startswith("—") for unit in deck)
        role = "kicker" if parts["kicker"] else "subtitle"
        if not parts["title"] and not lone_dash and not SERIES_NUMBER.search(parts[role][0]):
            # a deck of one kind only: its first line is the title (but a lone line led
            # by a dash over the page's first text is a subtitle, its headline above it
            # taken for chrome: tidy.title_above looks for it; a series' number alone
            # over the text names no headline)
            parts["title"] = [parts[role].pop(0)]
        if len(parts["title"]) == 1 and " " in parts["title"][0]:
            # the headline printed again over two lines, its halves read as kicker or
            # subtitle (郑州东站新增非机动车 停车位1600多个 / 郑州东站新增非机动车): a copy
            halves = parts["title"][0].split()
            for role in ("kicker", "subtitle"):
                self.dropped.extend(line for line in parts[role] if line in halves)
                parts[role] = [line for line in parts[role] if line not in halves]
        if not title_as_archived(parts, self.archived):
            title_as_listed(parts, self.indexed, self.elsewhere)
        if len(parts["title"]) == 1 and parts["subtitle"] and not parts["kicker"] and (
                parts["title"][0].endswith(("：", ":")) or PLACE_BODY.match(parts["title"][0])):
            # 枚乘街道： (or 长葛市后河镇王买村党支部) over the headline: who or where the
            # story is, a kicker
            parts["kicker"], parts["title"] = parts["title"], [parts["subtitle"].pop(0)]
        draft = Draft(section=self.section,
                      kicker=" ".join(parts["kicker"]) or None,
                      title=" ".join(parts["title"]) or None,
                      subtitle=" ".join(parts["subtitle"]) or None)
        if len(parts["title"]) > 1:
            self.warnings.append(f"line {deck[0].first_line}: {len(parts['title'])}-line headline "
                                 "joined into one title")
        self.start(draft)
        draft.units.extend(deck)
        draft.blocks.extend(Block("subhead", unit.text, _span(unit)) for unit in boxes)


_HANDLERS = {"section": Builder.on_section, "heading": Builder.on_heading,
             "byline": Builder.on_byline, "body": Builder.on_body,
             "caption": Builder.on_caption, "drop": Builder.on_drop}


def record_rule_roles(units: list[Unit]) -> list[str]:
    """What the rule-based assembler makes of each unit: title, subhead, body, …"""
    builder = Builder([], [], record=True)
    for unit in units:
        unit.rule_role = "chrome"  # what the assembler passes over is chrome to it
        builder.add(unit)
    builder.finish()
    return [unit.rule_role for unit in units]

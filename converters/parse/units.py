"""A unit of a page: what a person sees as one thing on it (a paragraph, a heading,
a byline, a line of chrome), with everything the stages learn of it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .bylines import Byline


@dataclass(slots=True)
class Unit:
    text: str
    first_line: int
    last_line: int
    gap_before: int = 0
    role: str = "body"  # body | heading | byline | section | drop (what the rules say)
    level: int = 0      # markdown heading level; 0 = plain
    scraped: bool = False
    dateline: str | None = None
    byline: Byline | None = None          # the byline unit's own, or one cut off a paragraph
    #: how the unit's lines were joined and what was cut off its text (tuples: most
    #: units have none, and a page may have tens of thousands of units)
    joins: tuple[str, ...] = ()
    cuts: tuple[str, ...] = ()
    #: visible length of the last piece a page-break join added (truncation check)
    tail_length: int = 0
    #: the line folded to simplified characters, for every match
    folded: str = ""
    #: chrome kinds the line shows (chrome.KINDS)
    kinds: tuple[str, ...] = ()
    #: the text as it was before a dateline or byline was cut off
    raw: str = ""
    #: what was cut off and is not article text (jump marks, editor codes): to dropped
    removed: tuple[str, ...] = ()
    gap_after: int = 0
    #: the text has the shape of a headline (heading_shape), and its visible length:
    #: computed once when the units are read, used by every feature
    shaped: bool = False
    length: int = 0
    #: the line has traditional characters (its fold differs from it)
    traditional: bool = False
    #: long, mostly Han, no chrome: a paragraph of prose for sure
    prose: bool = False
    #: it carries a photo caption's marks (segment: （右）, （资料图片）, 图为…, …崔敬摄)
    captioned: bool = False
    #: what the role model decided (roles.ROLES), how sure it is (the marginal
    #: probability of that role) and its main reason
    hint: str | None = None
    confidence: float = 1.0
    reason: str = ""
    #: what the rule-based assembler made of it (a feature of the role model's)
    rule_role: str = "chrome"

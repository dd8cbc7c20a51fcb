"""A district typeset as a part of the bulletin, again only where it changed.

A correction inside one article changes the district's pages from the page
where that article begins, and usually only until the layout falls back into
step with the pages it had: the same flowable, as far set, at the top of a
page on the same side. Given the part it replaces, this typesets from the
last page that begins before the first changed article, stops where the
layout falls back into step, and splices the new pages between the old ones
(:mod:`.splice`). The result is the file a full typesetting would give; the
tests hold it to that.
"""
from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from ...edition import DistrictGroup, Edition
from .cidfont import merge_shown
from .document import BuildState, DistrictFlow, district_flowables, district_key
from .join import JoinError, Source
from .splice import PageRef, pages_of, write_part
from .styles import PdfLayout
from .templates import DistrictPages, Position
from .typeset import EPSILON, CJKParagraph


@dataclass
class TypesetDistrict:
    """What the front matter, the join and the next build need to know of a district."""

    pages: int                                   # always even: it ends on a verso
    #: where the district opens, then each of its articles in order: (page, top)
    anchors: list[tuple[int, float]]
    #: article number in the district → characters no face has
    missing: dict[int, list[str]] = field(default_factory=dict)
    #: article number in the district → runs of Latin letters or digits (a URL) too long
    #: for a line, broken to fit
    broken: dict[int, list[str]] = field(default_factory=dict)
    #: per page: font name → the characters shown in it there (the join embeds their glyphs)
    page_shown: list[dict[str, str]] = field(default_factory=list)
    #: per page: (flowable, lines of it set) at its top; None on a blank verso
    starts: list[Position | None] = field(default_factory=list)
    #: the opener, then each article: (signature, its first flowable)
    entries: list[tuple[str, int]] = field(default_factory=list)
    #: pages taken from the part this one replaced: at the front, at the back
    reused: tuple[int, int] = (0, 0)

    @cached_property
    def shown(self) -> dict[str, str]:
        return merge_shown(self.page_shown)

    def to_json(self) -> dict[str, Any]:
        # not asdict(): it deep-copies every page's characters
        return {"pages": self.pages, "anchors": self.anchors, "missing": self.missing,
                "broken": self.broken,
                "page_shown": self.page_shown, "starts": self.starts, "entries": self.entries,
                "reused": self.reused}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TypesetDistrict:
        return cls(data["pages"], [tuple(a) for a in data["anchors"]],  # type: ignore[misc]
                   {int(k): v for k, v in data["missing"].items()},
                   {int(k): v for k, v in data.get("broken", {}).items()}, data["page_shown"],
                   [tuple(s) if s else None for s in data["starts"]],  # type: ignore[misc]
                   [tuple(e) for e in data["entries"]], tuple(data["reused"]))  # type: ignore[arg-type, misc]


@dataclass
class _Reuse:
    """How a new typesetting of a district relates to the one it replaces."""

    old: TypesetDistrict
    start: int          # the first page typeset again
    prefix: int         # entries (the opener first) unchanged at the front…
    suffix: int         # …and at the back
    shift: int          # a flowable's index in the back's unchanged entries: new − old
    resume_from: int    # the first flowable of those (new index)
    #: old page → new page, where the layout fell back into step
    resumed: tuple[int, int] | None = None

    @classmethod
    def plan(cls, old: TypesetDistrict, flow: DistrictFlow) -> _Reuse:
        new_signatures = [signature for signature, _ in flow.entries]
        old_signatures = [signature for signature, _ in old.entries]
        prefix = 0
        while (prefix < min(len(new_signatures), len(old_signatures))
               and new_signatures[prefix] == old_signatures[prefix]):
            prefix += 1
        suffix = 0
        while (suffix < min(len(new_signatures), len(old_signatures)) - prefix
               and new_signatures[-1 - suffix] == old_signatures[-1 - suffix]):
            suffix += 1
        changed = flow.entries[prefix][1] if prefix < len(flow.entries) else len(flow.flowables)
        start = 1
        for page, position in enumerate(old.starts, start=1):
            if position is not None and (position[0] < changed or position == (changed, 0)):
                start = page
        if suffix:
            resume_from = flow.entries[-suffix][1]
            shift = resume_from - old.entries[-suffix][1]
        else:
            resume_from, shift = len(flow.flowables), 0
        return cls(old, start, prefix, suffix, shift, resume_from)

    def resumes(self, page: int, position: Position) -> bool:
        """Does the page about to begin, ``position`` at its top, begin as an old one did?"""
        index, lines = position
        if index < self.resume_from:
            return False
        old_page = self._old_page_at.get((index - self.shift, lines))
        if old_page is not None and old_page >= self.start and old_page % 2 == page % 2:
            self.resumed = (old_page, page)
            return True
        return False

    @cached_property
    def _old_page_at(self) -> dict[Position, int]:
        # a position stands at the top of one page at most: it only moves on
        return {position: page for page, position in enumerate(self.old.starts, start=1)
                if position is not None}


def typeset_district(edition: Edition, layout: PdfLayout, target: Path,
                     previous: tuple[Path, TypesetDistrict] | None = None) -> TypesetDistrict:
    """``edition`` holds one district (Edition.only); ``previous``, the part it replaces
    (typeset with the same layout and fonts), whose unchanged pages it reuses."""
    (district,) = edition.districts
    state = BuildState(internal=edition.settings.internal)
    flow = district_flowables(district, layout, state, layout.geometry.text_height)
    for index, flowable in enumerate(flow.flowables):
        flowable.position = (index, 0)
    old_pages = _readable(previous) if previous else None
    reuse = _Reuse.plan(previous[1], flow) if previous and old_pages else None
    start = reuse.start if reuse else 1
    buffer = io.BytesIO()
    document = DistrictPages(buffer, edition, district, layout, state, start=start,
                             resumes=reuse.resumes if reuse else None)
    document.build(_from_page(flow.flowables, reuse.old.starts[start - 1] if reuse else (0, 0),
                              layout.geometry.column_width))
    fresh = pages_of(Source.read(buffer.getvalue()))
    if reuse is None:
        laid: Laid = (fresh, document.page_shown, document.starts,
                      _anchors(district, state, lambda j: None))
        return _write(target, layout, flow,
                      *_balanced(edition, district, layout, state, flow, document, laid),
                      _noted(district, state, lambda n, k: None))
    old = reuse.old
    assert old_pages is not None
    back_from, back_page = reuse.resumed or (len(old_pages) + 1, 0)
    moved = back_page - back_from  # how far the old back pages move
    changed_end = len(flow.entries) - reuse.suffix
    added = len(flow.entries) - len(old.entries)

    def old_anchor(j: int) -> tuple[int, float] | None:
        if j < reuse.prefix:
            return old.anchors[j]
        if j >= changed_end and reuse.resumed:
            page, top = old.anchors[j - added]
            return page + moved, top
        return None

    def old_noted(number: int, kind: str) -> list[str] | None:  # article ``number``: entry + 1
        if number + 1 < reuse.prefix:
            return getattr(old, kind).get(number, [])
        if number + 1 >= changed_end:
            return getattr(old, kind).get(number - added, [])
        return None

    head = slice(0, start - 1)
    back = slice(back_from - 1, None)
    starts = [*old.starts[head], *document.starts,
              *[(s[0] + reuse.shift, s[1]) if s else None for s in old.starts[back]]]
    laid = ([*old_pages[head], *fresh, *old_pages[back]],
            [*old.page_shown[head], *document.page_shown, *old.page_shown[back]], starts,
            _anchors(district, state, old_anchor))
    if not reuse.resumed:  # the last page is this typesetting's: balanced as a full one's is
        laid = _balanced(edition, district, layout, state, flow, document, laid)
    typeset = _write(target, layout, flow, *laid, _noted(district, state, old_noted))
    typeset.reused = (start - 1, len(old_pages[back]))
    return typeset


Laid = tuple[list[PageRef], list[dict[str, str]], list[Position | None], list[tuple[int, float]]]


def _balanced(edition: Edition, district: DistrictGroup, layout: PdfLayout, state: BuildState,
              flow: DistrictFlow, document: DistrictPages, laid: Laid) -> Laid:
    """The district's pages with its last page's columns balanced: its text set again
    in columns cut to half its lines (a line more, or two, where keeping a deck with
    its text needs it: the first height that holds it all), not one full column
    against a few lines. Where no height ends them within a line of each other (a
    paragraph's last line may not stand alone atop the right column), a paragraph of
    the page is set a line longer (its lines filled a little short and justified as
    ever) or shorter (its marks squeezed). ``document`` typeset the last page."""
    pages, page_shown, starts, anchors = laid
    last = max((page for page, start in enumerate(starts, start=1) if start is not None),
               default=0)
    run = last - (len(pages) - len(document.fills))  # the last page in ``document``'s pages
    if not 0 <= run - 1 < len(document.fills):
        return laid
    fills = document.fills[run - 1]
    line = layout.styles["body"].leading
    if len(fills) < 2 or max(fills) - min(fills) <= line + EPSILON:
        return laid
    setting = _LastPage(edition, district, layout, state, flow, starts[last - 1], last,
                        full=max(fills))
    found = setting.evened(sum(fills))
    if found is None or _spread(found[0]) > line + EPSILON:
        width = layout.geometry.column_width
        for paragraph, change in ((p, c) for p in setting.adjustable() for c in (1, -1)):
            if not _set_lines(paragraph, width, change):
                continue
            attempt = setting.evened(sum(fills) + change * line)
            if attempt is not None and _spread(attempt[0]) <= line + EPSILON:
                found = attempt
                break
            paragraph.loosen, paragraph.tighten_from = 0.0, None
    if found is None:
        return laid
    again, data = found
    return ([*pages[:last - 1], *pages_of(Source.read(data))],
            [*page_shown[:last - 1], *again.page_shown],
            [*starts[:last - 1], *again.starts],
            _anchors(district, state, lambda j: anchors[j]))


#: how much shorter than the measure a loosened paragraph's lines may be filled, in
#: ems (a column is some 21 ems: a fourteenth of an em more between characters at most)
LOOSEN_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5)


@dataclass
class _LastPage:
    """A district's last page, to be set again from ``position`` in shorter columns."""

    edition: Edition
    district: DistrictGroup
    layout: PdfLayout
    state: BuildState
    flow: DistrictFlow
    position: Position
    page: int
    full: float  # the columns' full height: a balanced page is shorter

    def evened(self, total: float) -> tuple[DistrictPages, bytes] | None:
        """The page set in the shortest columns, from half of ``total`` up, that hold
        all of it (keeping every deck with its text)."""
        line = self.layout.styles["body"].leading
        wanted = math.ceil(total / 2 / line - 0.01) * line  # whole lines: the grid stays
        for height in (wanted + n * line for n in range(3)):
            if height >= self.full - EPSILON:
                break
            attempt = _set_last_page(self.edition, self.district, self.layout, self.state,
                                     self.flow, self.position, self.page, height)
            if attempt is not None and sum(start is not None for start in attempt[0].starts) == 1:
                return attempt
        return None

    def adjustable(self) -> list[CJKParagraph]:
        """The page's whole body paragraphs, the longest first (a change is the less
        seen the more lines share it), a few at most."""
        index, lines = self.position
        body = self.layout.styles["body"]
        width = self.layout.geometry.column_width
        found = [f for f in self.flow.flowables[index + (1 if lines else 0):]
                 if isinstance(f, CJKParagraph) and f.style == body and len(f.lines(width)) >= 3]
        return sorted(found, key=lambda p: -len(p.lines(width)))[:6]


def _spread(document: DistrictPages) -> float:
    """How far apart the columns of the page set end."""
    fills = document.fills[0]
    return max(fills) - min(fills)


def _set_lines(paragraph: CJKParagraph, width: float, change: int) -> bool:
    """Set ``paragraph`` a line longer (``change`` 1: loosened as little as does it) or
    shorter (-1: the fewest last lines squeezed that do it), if that can be done."""
    count = len(paragraph.lines(width))
    # no line may come out spaced wider than the loosest step spreads a full line (a
    # line left with a few characters and a broken web address would gape)
    size = paragraph.style.size
    widest = max([LOOSEN_STEPS[-1] * size / (width / size),
                  *(line.extra for line in paragraph.lines(width))])
    if change > 0:
        for step in LOOSEN_STEPS:
            paragraph.loosen = step
            if len(paragraph.lines(width)) == count + 1:
                if _spaced_within(paragraph, width, widest):
                    return True
                break
        paragraph.loosen = 0.0
        return False
    for first in range(count - 2, -1, -1):
        paragraph.tighten_from = first
        if len(paragraph.lines(width)) == count - 1 and _spaced_within(paragraph, width, widest):
            return True
    paragraph.tighten_from = None
    return False



def _spaced_within(paragraph: CJKParagraph, width: float, widest: float) -> bool:
    return all(line.extra <= widest + EPSILON for line in paragraph.lines(width))


def _set_last_page(edition: Edition, district: DistrictGroup, layout: PdfLayout,
                   state: BuildState, flow: DistrictFlow, position: Position, page: int,
                   height: float) -> tuple[DistrictPages, bytes] | None:
    """The district's last page (from ``position``) set in columns ``height`` tall, or
    None when a paragraph that may not split is taller than they are."""
    for flowable in flow.flowables:  # ReportLab marks one it moved on: set again, it starts afresh
        flowable.__dict__.pop("_postponed", None)
    buffer = io.BytesIO()
    document = DistrictPages(buffer, edition, district, layout, state, start=page, balance=height)
    try:
        document.build(_from_page(flow.flowables, position, layout.geometry.column_width))
    except LayoutError:
        return None
    return document, buffer.getvalue()


def _readable(previous: tuple[Path, TypesetDistrict]) -> list[PageRef] | None:
    """The old part's pages, if its file and data agree (else it is not reused)."""
    path, old = previous
    try:
        pages = pages_of(Source.read(path.read_bytes()))
    except (OSError, ValueError, KeyError, IndexError, JoinError):
        return None
    if not (len(pages) == old.pages == len(old.starts) == len(old.page_shown)
            and len(old.anchors) == len(old.entries)):
        return None
    return pages


def _from_page(flowables: list[Flowable], position: Position, width: float) -> list[Flowable]:
    """The flowables left to set when a page began with ``position`` at its top."""
    index, lines = position
    rest = flowables[index:]
    if lines:
        head: CJKParagraph = rest[0]  # type: ignore[assignment]
        tail = head.tail(lines, width)
        tail.position = position
        rest[0] = tail
    return rest


def _anchors(district: DistrictGroup, state: BuildState,
             earlier: Callable[[int], tuple[int, float] | None]) -> list[tuple[int, float]]:
    keys = [district_key(district), *(entry.key for entry in district.entries)]
    anchors = []
    for j, key in enumerate(keys):
        anchor = (state.pages[key], state.tops[key]) if key in state.pages else earlier(j)
        if anchor is None:
            raise RuntimeError(f"{district.name}: no page for “{key}” after typesetting again")
        anchors.append(anchor)
    return anchors


def _noted(district: DistrictGroup, state: BuildState, earlier: Callable[[int, str], list[str] | None]
           ) -> dict[str, dict[int, list[str]]]:
    """What typesetting met in each article (``missing`` characters, ``broken`` runs), from
    this typesetting, or from the part reused where ``earlier`` knows it."""
    noted: dict[str, dict[int, list[str]]] = {"missing": {}, "broken": {}}
    for number, entry in enumerate(district.entries):
        met = state.missing.get(entry.key)
        for kind, found in (("missing", met.characters if met else ()), ("broken", met.broken if met else ())):
            kept = earlier(number, kind)
            listed = sorted(found) if kept is None else kept
            if listed:
                noted[kind][number] = list(listed)
    return noted


def _write(target: Path, layout: PdfLayout, flow: DistrictFlow, pages: list[PageRef],
           page_shown: list[dict[str, str]], starts: list[Position | None],
           anchors: list[tuple[int, float]], noted: dict[str, dict[int, list[str]]]
           ) -> TypesetDistrict:
    if not len(pages) == len(page_shown) == len(starts):
        raise RuntimeError(f"{len(pages)} pages but {len(page_shown)} recorded, {len(starts)} begun")
    typeset = TypesetDistrict(len(pages), anchors, noted["missing"], noted["broken"], page_shown,
                              starts, flow.entries)
    target.write_bytes(write_part(pages, {layout.initial_font, *typeset.shown}))
    return typeset

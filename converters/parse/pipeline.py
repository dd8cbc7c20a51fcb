"""The parser pipeline for one page: read → normalise → segment → roles → model.

Many pages (a build's, ``pressroom parse``'s) go through ``batch``."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .compiling import classes_worked_out_once

with classes_worked_out_once():  # the stages compile their patterns as they load
    from . import roles
    from .articles import build_document, ends_open
    from .assemble import Builder, record_rule_roles
    from .decks import archived_title
    from .tidy import tidy, title_above
    from .hanzi import simplified
    from ..model import Credit, Document
    from .bylines import AFFILIATION
    from .chars import ends_sentence
    from .names import OUTLET
    from .options import ParseOptions
    from .normalise import normalise
    from .pieces import PIECE_CHARS, joined, pieces
    from .places import Places, default_places
    from .reading import decode_page, page_bytes
    from .summary import drop_summaries
    from .glued import credit_closing_names
    from .segment import join_broken_paragraphs, merge_byline_units, read
    from .features import HEADINGS
    from .units import Unit


@dataclass(frozen=True)
class ReadPage:
    """A page's units with the role each was given, for ``--explain`` and the assembler."""

    units: tuple[Unit, ...]
    rule_roles: tuple[str, ...]
    dropped: tuple[str, ...]
    warnings: tuple[str, ...]


def read_roles(text: str, *, options: ParseOptions = ParseOptions(), explain: bool = False,
               first_line: int = 1, first_piece: bool = True, last_piece: bool = True) -> ReadPage:
    """Normalise and segment a page and give each unit its role. A piece of a huge page
    starts at ``first_line``; but for the ``first_piece`` (the ``last_piece``) it has
    more of the page before (after) it. (A page on one line numbers every piece 1.)"""
    if options.simplified:
        text = simplified(text)
    page = normalise(text, punctuation=options.punctuation, first_line=first_line)
    units = read(page.lines)
    rule_roles = record_rule_roles(units)
    labels, reasons = roles.read_page(units, rule_roles, explain=explain,
                                      opens_page=first_piece, closes_page=last_piece)
    roles.assign(units, labels, reasons)
    drop_summaries(units)
    return ReadPage(tuple(units), tuple(rule_roles), page.dropped, page.warnings)


def parse_text(text: str, source: str = "<text>", *, options: ParseOptions = ParseOptions(),
               places: Places | None = None, encoding: str = "utf-8",
               digest: str = "", piece_size: int = PIECE_CHARS) -> Document:
    """A page's document; a page of more than two pieces' size (``piece_size``
    characters each) is read a piece at a time."""
    # the reasons cost a twentieth of reading a page: kept for the review page
    if len(text) <= 2 * piece_size:
        return document_from(read_roles(text, options=options, explain=True), source,
                             places=places, encoding=encoding, digest=digest)
    # a huge page (a whole archive saved as one file, a line of 50 MB): read a piece at a
    # time, so that what is kept per line while reading stays bounded
    return joined([document_from(read_roles(piece, options=options, first_line=first, explain=True,
                                            first_piece=number == 0, last_piece=last),
                                 source, places=places, encoding=encoding, digest=digest)
                   for number, (first, piece, last) in enumerate(pieces(text, piece_size))])


def document_from(read_page: ReadPage, source: str, *, places: Places | None = None,
                  encoding: str = "utf-8", digest: str = "") -> Document:
    """The articles of a page whose units have their roles."""
    warnings = list(read_page.warnings)
    dropped = list(read_page.dropped)
    chrome_lines: list[str] = []
    editors: list[Credit] = []
    kept: list[Unit] = []
    # each unit's own lines, before joining page-broken paragraphs stretches a unit over
    # the next one's (what --explain and the review page show of each line)
    spans = [(unit.first_line, unit.last_line) for unit in read_page.units]
    credit_closing_names(read_page.units, read_page.units[-1].last_line if read_page.units else 0)
    for unit in read_page.units:
        if unit.role == "drop":
            dropped.append(unit.raw or unit.text)
            chrome_lines.append(unit.folded)
            if unit.hint == "editor" and unit.byline is not None:
                editors.extend(c for c in unit.byline.others if c.role == "editor")
        else:
            # (a line with a dateline is text whatever the model says: roles.assign)
            if unit.role == "byline" and unit.text and "byline" in unit.cuts:
                # a paragraph with a byline cut from it (…笑着说。晚报记者 董占卿) that the
                # model calls a byline: its text is kept, and the byline with it (before
                # bylines on lines next to each other are merged: its text is no byline's)
                unit.role = "body"
            elif unit.hint in HEADINGS and "byline" in unit.cuts:
                # a line the model calls a heading keeps what the rules for paragraphs cut
                # from it (a byline at its end, a jump mark): a headline carries neither
                unit.text, unit.byline, unit.removed = unit.raw, None, ()
            dropped.extend(unit.removed)
            kept.append(unit)
    if kept and kept[-1] is read_page.units[-1] and _cut_off_credit(kept):
        # the page's text stops inside the byline or editor line closing it: no text
        cut = kept.pop()
        dropped.append(cut.text)
        warnings.append(f"line {cut.first_line}: the page's text stops inside a byline or "
                        f"an editor line (“{cut.text}”): dropped")
    units = []
    for unit in merge_byline_units(join_broken_paragraphs(kept, warnings)):
        if unit.role == "byline" and unit.byline is None:
            if OUTLET.match(unit.text):  # 郑州日报 under the text: where it came from, no byline
                unit.hint, unit.reason = "chrome", "an outlet's name alone: the source, no text"
                dropped.append(unit.text)
                continue
            unit.role = "body"  # the model's byline that no byline grammar reads: keep its text
        units.append(unit)
    outside = [unit for unit in read_page.units if unit.role == "drop"]
    # where the page names its headlines: not in a sentence of its chrome (a summary, the
    # text printed twice), which names a headline's places and people without listing it
    listing = [unit for unit in outside if "。" not in unit.text]
    builder = Builder(warnings, dropped, indexed=_lines(u for u in outside if u.hint == "index"),
                      elsewhere=_lines(listing), archived=archived_title(outside))
    for unit in units:
        builder.add(unit)
    builder.finish()
    drafts = tidy(builder.drafts, dropped, warnings)
    title_above(drafts, read_page.units, dropped, warnings)
    for unit in units:  # lines tidy let go of: the lines a paragraph joined to them too
        if unit.role == "body" and unit.hint == "index" and unit.last_line > unit.first_line:
            for joined in read_page.units:
                if unit.first_line < joined.first_line <= unit.last_line:
                    joined.hint, joined.reason = unit.hint, unit.reason
    last_text = next((u for u in reversed(units) if u.role == "body"), None)
    ended_open = last_text is not None and last_text is units[-1] and last_text.byline is None \
        and last_text.hint != "index" \
        and (ends_open(last_text.text) or "jump" in last_text.cuts[-1:])
    # how each line was read (the review page and --explain show it)
    reading = tuple((first, last, unit.hint or ("chrome" if unit.role == "drop" else unit.role),
                     unit.reason) for (first, last), unit in zip(spans, read_page.units, strict=True))
    return build_document(source, drafts, page_title=builder.page_title,
                          sections=builder.sections, dropped=dropped,
                          chrome_lines=chrome_lines, editors=editors, ended_open=ended_open,
                          places=places or default_places(), encoding=encoding,
                          digest=digest, warnings=warnings, reading=reading)


#: how a byline or editor line the page's text stops inside may end: the opening of a
#: role word (…新农村建设。 / 记, …铝终端企业。 / 编)
_ROLE_OPENINGS = frozenset(word[:end] for word in ("记者", "本报记者", "通讯员", "实习生", "编辑",
                                                   "责任编辑")
                           for end in range(1, len(word)))


def _cut_off_credit(kept: list[Unit]) -> bool:
    """Is the last line the opening of a byline or editor line the page's text stops
    in: a role word's first characters (记, 编), or an outlet's name under a finished
    paragraph (郑报全媒体, before 记者 and the names)?"""
    last = kept[-1]
    if last.role not in ("body", "byline") or last.byline is not None:
        return False
    if last.role == "body" and last.text in _ROLE_OPENINGS:
        return True
    return AFFILIATION.match(last.text) is not None and len(kept) > 1 \
        and ends_sentence(kept[-2].text)


def _lines(units: Iterable[Unit]) -> str:
    """The units' texts, spaces removed, one a line (and a line end before the first)."""
    return "".join(f"\n{''.join(unit.folded.split())}" for unit in units) + "\n"


def parse_page(name: str, data: bytes, *, options: ParseOptions = ParseOptions(),
               digest: str | None = None) -> Document:
    """Parse a page file's bytes (``digest``: theirs, if known); raises InputError with a
    reason naming the problem."""
    raw = decode_page(name, data, digest)
    return parse_text(raw.text, raw.name, options=options, encoding=raw.encoding,
                      digest=raw.digest)


def parse_file(path: Path, *, options: ParseOptions = ParseOptions()) -> Document:
    """Parse one page file; raises InputError with a reason naming the problem."""
    return parse_page(path.name, page_bytes(path), options=options)

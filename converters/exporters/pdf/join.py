"""Join separately typeset PDFs (the front matter and one per district) into one.

The districts of a bulletin are typeset in parallel, each into a PDF of its
own, and an unchanged district's PDF is reused by the next build. This joins
them: every object of every part is copied once under a new number, the pages
are gathered into one page tree, and what spans the parts is written here:
the outline, the contents' links, each face's font (the parts hold stand-ins,
see :mod:`.cidfont`), and what is drawn over pages once every page is known
(folios, the contents' page numbers) as a form XObject per page.

It reads only what ReportLab writes (classic xref table, one object after the
other, dictionaries before streams), so it needs no general PDF parser and
copies stream data without decoding it. pypdf would parse and rewrite every
object of every part, which is most of a correction's time (bench_pdf.py).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .cidfont import STAND_IN_PREFIX

#: writes a face's objects with the function it is given (body → number); returns its font's number
FontWriter = Callable[[Callable[[bytes], int]], int]

_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER_REF = re.compile(rb"/(Root|Info) (\d+) 0 R")
#: a reference, or a string (skipped whole: its bytes are text, not references)
_REF_OR_STRING = re.compile(rb"\((?:\\.|[^\\)])*\)|(\d+) 0 R", re.S)
_KIDS = re.compile(rb"/Kids \[([^\]]*)\]")
CONTENTS = re.compile(rb"/Contents (\d+) 0 R")
PARENT = re.compile(rb"/Parent (\d+) 0 R")
PAGES = re.compile(rb"/Pages (\d+) 0 R")
_STAND_IN = re.compile(rb"/BaseFont /" + re.escape(STAND_IN_PREFIX.encode()) + rb"([^\s/>]+)")


class JoinError(Exception):
    pass


@dataclass
class Source:
    """One part as ReportLab wrote it: its objects by number, the catalog, the pages."""

    objects: dict[int, bytes]          # number → body between "obj" and "endobj"
    root: int
    info: int | None
    pages: list[int]

    @classmethod
    def read(cls, data: bytes) -> Source:
        found = _XREF.search(data[-64:])
        if not found:
            raise JoinError("no startxref: not a complete PDF")
        xref = int(found.group(1))
        header, _, rest = data[xref:].partition(b"trailer")
        lines = header.split(b"\n")
        first, count = (int(v) for v in lines[1].split())
        offsets = sorted((int(line[:10]), first + n) for n, line in enumerate(lines[2:2 + count])
                         if line[17:18] == b"n")
        objects: dict[int, bytes] = {}
        for (start, number), (end, _) in zip(offsets, [*offsets[1:], (xref, 0)]):
            body = data[start:end]
            opening = body.index(b" obj") + len(b" obj")
            objects[number] = body[opening:body.rindex(b"endobj")].strip(b"\r\n")
        refs = dict((name, int(value)) for name, value in _TRAILER_REF.findall(rest))
        root = refs[b"Root"]
        pages = _KIDS.search(objects[int(PAGES.search(objects[root]).group(1))])  # type: ignore[union-attr]
        if pages is None:
            raise JoinError("nested page tree: not written by this exporter")
        numbers = [int(n) for n in re.findall(rb"(\d+) 0 R", pages.group(1))]
        return cls(objects, root, refs.get(b"Info"), numbers)


@dataclass
class Link:
    """A contents line on a front page, pointing at a page of the joined document."""

    front_page: int
    rect: tuple[float, float, float, float]
    page: int                          # 1-based page of the joined document
    top: float


@dataclass
class Overlay:
    """Content drawn over pages of the joined document (folios, contents page numbers)."""

    streams: dict[int, bytes]          # 1-based page → its content
    fonts: dict[str, str]              # resource name in the content → font name
    media: tuple[float, float]


@dataclass
class OutlineItem:
    title: str
    page: int                          # 1-based page of the joined document
    top: float | None                  # None: fit the whole page
    children: list[OutlineItem] = field(default_factory=list)


@dataclass
class Joined:
    """Everything but the parts' objects: the joined document's own objects."""

    chunks: list[bytes] = field(default_factory=list)
    numbers: int = 0

    def add(self, body: bytes) -> int:
        self.numbers += 1
        self.chunks.append(b"%d 0 obj\n" % self.numbers + body + b"\nendobj\n")
        return self.numbers


def _renumber(body: bytes, base: int, replaced: dict[int, int]) -> bytes:
    """Shift every reference in an object's dictionary (to ``replaced`` objects: to
    their replacement); stream data is left alone."""
    split = body.find(b"\nstream")
    head, tail = (body, b"") if split < 0 else (body[:split], body[split:])

    def shift(match: re.Match[bytes]) -> bytes:
        if match.group(1) is None:
            return match.group(0)
        number = int(match.group(1))
        return b"%d 0 R" % replaced.get(number, number + base)
    return _REF_OR_STRING.sub(shift, head) + tail


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def _pdf_text(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _number(value: float) -> bytes:
    return (b"%.4f" % value).rstrip(b"0").rstrip(b".")


def _dest(page_ref: int, top: float | None) -> bytes:
    if top is None:
        return b"[ %d 0 R /Fit ]" % page_ref
    return b"[ %d 0 R /XYZ null %s null ]" % (page_ref, _number(top))


#: the printing condition the print file is made for (ICC registry name): offset on
#: coated paper, ISO 12647-2; registered, so PDF/X-1a needs no embedded profile
OUTPUT_CONDITION = b"FOGRA39"
_OUTPUT_INTENT = (b"<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (%s) "
                  b"/RegistryName (http://www.color.org) "
                  b"/Info (Coated FOGRA39 \\(ISO 12647-2:2004\\)) >>" % OUTPUT_CONDITION)
PDFX_VERSION = b"PDF/X-1a:2003"


def join(front: bytes, parts: list[bytes], overlay: Overlay, links: list[Link],
         outline: list[OutlineItem], fonts: Mapping[str, FontWriter],
         without_last_page: bool = False, for_print: bool = False) -> bytes:
    """One PDF: every page of ``front``, then every page of each part, with the
    overlay drawn over its pages (``without_last_page``: but the last, a blank verso
    a file that is not printed as a booklet does not end on). ``for_print``: the
    file says what it is made for (PDF/X-1a:2003: its output intent, version and
    trapping state), as a print shop's preflight asks.

    ``fonts``: per font name, what writes the font the parts' stand-ins are
    replaced by (each once). The document information and the catalog's other
    entries (language, page mode) are the front matter's.
    """
    sources = [Source.read(front), *(Source.read(p) for p in parts)]
    out = Joined()
    bases: list[int] = []
    skip: list[set[int]] = []
    for source in sources:
        bases.append(out.numbers)
        # the parts' own catalog and page tree root are replaced (they have no
        # outline: the markers record where articles land instead)
        skip.append({source.root, int(PAGES.search(source.objects[source.root]).group(1))})  # type: ignore[union-attr]
        out.numbers += max(source.objects)
    page_refs = [base + n for base, source in zip(bases, sources) for n in source.pages]
    if without_last_page:
        skip[-1].add(page_refs.pop() - bases[-1])
    if max(overlay.streams, default=0) > len(page_refs):
        raise JoinError(f"an overlay for page {max(overlay.streams)} of {len(page_refs)}")

    tree = out.numbers + 1
    out.numbers += 1  # the page tree root, written once the kids are known
    written: dict[str, int] = {}

    def font(name: str) -> int:
        if name not in fonts:
            raise JoinError(f"font {name} is used but not given")
        if name not in written:
            written[name] = fonts[name](out.add)
        return written[name]

    replaced: list[dict[int, int]] = []
    for source, dropped in zip(sources, skip):
        replaced.append({})
        for number, obj in source.objects.items():
            stand_in = _STAND_IN.search(obj) if obj.startswith(b"<<") else None
            if stand_in:
                replaced[-1][number] = font(stand_in.group(1).decode())
                dropped.add(number)
    forms = _overlay_forms(out, overlay, font)
    # the page is drawn inside q … Q, so the overlay is drawn in the page's
    # untransformed space whatever state the page's own content leaves behind
    open_state = out.add(_stream(b"q\n")) if forms else 0
    close_and_draw = out.add(_stream(b"Q q /PRo Do Q\n")) if forms else 0
    annots = _annotations(out, links, page_refs)
    outline_root = _outline(out, outline, page_refs)

    body: list[bytes] = []
    page_index = {ref: i for i, ref in enumerate(page_refs)}
    for part, (base, source, dropped) in enumerate(zip(bases, sources, skip)):
        for number, obj in source.objects.items():
            if number in dropped or number == source.info and part:
                continue
            new = base + number
            obj = _renumber(obj, base, replaced[part])
            if for_print and number == source.info:
                obj = re.sub(rb"\s*/Trapped /[A-Za-z]+", b"", obj)
                obj = obj.replace(b"<<", b"<<\n/GTS_PDFXVersion (%s) /Trapped /False"
                                  % PDFX_VERSION, 1)
            index = page_index.get(new)
            if index is not None:
                obj = PARENT.sub(b"/Parent %d 0 R" % tree, obj, count=1)
                if index in annots:
                    obj = obj.replace(b"<<", b"<<\n/Annots [ %s ]" % annots[index], 1)
                if index + 1 in forms:
                    if b"/XObject" in obj:
                        raise JoinError(f"page {index + 1} already has XObjects")
                    obj = CONTENTS.sub(lambda m: b"/Contents [ %d 0 R %s 0 R %d 0 R ]"
                                        % (open_state, m.group(1), close_and_draw), obj, count=1)
                    obj = obj.replace(b"/Resources <<", b"/Resources <<\n/XObject << /PRo %d 0 R >>"
                                      % forms[index + 1], 1)
            body.append(b"%d 0 obj\n" % new + obj + b"\nendobj\n")
    kids = b" ".join(b"%d 0 R" % ref for ref in page_refs)
    body.append(b"%d 0 obj\n<< /Count %d /Kids [ %s ] /Type /Pages >>\nendobj\n"
                % (tree, len(page_refs), kids))
    front_source = sources[0]
    catalog = _renumber(front_source.objects[front_source.root], bases[0], replaced[0])
    catalog = PAGES.sub(b"/Pages %d 0 R" % tree, catalog)
    if for_print:
        catalog = catalog.replace(b"<<", b"<<\n/OutputIntents [ %s ]" % _OUTPUT_INTENT, 1)
    if outline_root:  # and the file opens with the bookmarks shown (ReportLab's says none)
        catalog = re.sub(rb"\s*/PageMode /[A-Za-z]+", b"", catalog)
        catalog = catalog.replace(b"<<", b"<<\n/Outlines %d 0 R /PageMode /UseOutlines"
                                  % outline_root, 1)
    root = out.add(catalog)
    info = bases[0] + front_source.info if front_source.info else None
    return write_file([*body, *out.chunks], out.numbers, root, info)


def _overlay_forms(out: Joined, overlay: Overlay, font: Callable[[str], int]) -> dict[int, int]:
    """Page → the form XObject that draws its overlay."""
    if not overlay.streams:
        return {}
    resources = b"<< /Font << %s >> >>" % b" ".join(
        b"/%s %d 0 R" % (internal.encode(), font(name)) for internal, name in sorted(overlay.fonts.items()))
    box = b"[ 0 0 %s %s ]" % (_number(overlay.media[0]), _number(overlay.media[1]))
    return {page: out.add(b"<< /Type /XObject /Subtype /Form /BBox %s /Resources %s /Length %d >>\n"
                          b"stream\n%s\nendstream" % (box, resources, len(content), content))
            for page, content in sorted(overlay.streams.items())}


def _annotations(out: Joined, links: list[Link], page_refs: list[int]) -> dict[int, bytes]:
    by_page: dict[int, list[int]] = {}
    for link in links:
        rect = b" ".join(_number(v) for v in link.rect)
        number = out.add(b"<< /Border [ 0 0 0 ] /Dest %s /Rect [ %s ] /Subtype /Link /Type /Annot >>"
                         % (_dest(page_refs[link.page - 1], link.top), rect))
        by_page.setdefault(link.front_page - 1, []).append(number)
    return {page: b" ".join(b"%d 0 R" % n for n in numbers) for page, numbers in by_page.items()}


def _outline(out: Joined, items: list[OutlineItem], page_refs: list[int]) -> int | None:
    """The outline tree; districts closed, as a reader expects a long document's to be."""
    if not items:
        return None
    root = out.numbers + 1
    out.numbers += 1
    numbers = _outline_level(out, items, root, page_refs)
    out.chunks.append(b"%d 0 obj\n<< /Count %d /First %d 0 R /Last %d 0 R /Type /Outlines >>\nendobj\n"
                      % (root, len(items), numbers[0], numbers[-1]))
    return root


def _outline_level(out: Joined, items: list[OutlineItem], parent: int,
                   page_refs: list[int]) -> list[int]:
    first = out.numbers + 1
    numbers = list(range(first, first + len(items)))
    out.numbers += len(items)
    for i, (number, item) in enumerate(zip(numbers, items)):
        entries = [b"/Title " + _pdf_text(item.title), b"/Parent %d 0 R" % parent,
                   b"/Dest " + _dest(page_refs[item.page - 1], item.top)]
        if i:
            entries.append(b"/Prev %d 0 R" % numbers[i - 1])
        if i + 1 < len(items):
            entries.append(b"/Next %d 0 R" % numbers[i + 1])
        if item.children:
            children = _outline_level(out, item.children, number, page_refs)
            entries += [b"/First %d 0 R" % children[0], b"/Last %d 0 R" % children[-1],
                        b"/Count -%d" % len(children)]
        out.chunks.append(b"%d 0 obj\n<< " % number + b" ".join(entries) + b" >>\nendobj\n")
    return numbers


def write_file(objects: list[bytes], size: int, root: int, info: int | None) -> bytes:
    """A PDF of ``objects`` (each ``N 0 obj … endobj``), with its xref table and trailer:
    the joined bulletin, and every part in its canonical form (:mod:`.splice`)."""
    by_number = sorted(objects, key=lambda chunk: int(chunk[:chunk.index(b" ")]))
    header = b"%PDF-1.4\n%\x93\x8c\x8b\x9e Pressroom\n"
    offsets: dict[int, int] = {}
    position = len(header)
    for chunk in by_number:
        offsets[int(chunk[:chunk.index(b" ")])] = position
        position += len(chunk)
    body = b"".join(by_number)
    xref = [b"xref\n0 %d\n0000000000 65535 f \n" % (size + 1)]
    xref += [b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
             for n in range(1, size + 1)]
    digest = hashlib.sha256(body).hexdigest()[:32].encode()  # twice as fast as MD5 here
    trailer = b"trailer\n<< /ID [<%s><%s>] /Root %d 0 R /Size %d%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        digest, digest, root, size + 1, b" /Info %d 0 R" % info if info else b"", position)
    return header + body + b"".join(xref) + trailer

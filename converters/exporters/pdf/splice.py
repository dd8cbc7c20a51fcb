"""A district's part as pages that can be taken apart and put together again.

A correction inside one article changes the district's pages from the one
where that article begins, and often only until the layout falls back into
step with the pages it had before. The build then typesets only those pages
(see :mod:`.parts`) and splices them between pages of the part it replaces.

For a spliced part to be the very file a full typesetting would give, every
part is written here in one canonical form, whatever ReportLab numbered:
the font dictionary and its stand-ins first, then each page and its content,
then the page tree, the catalog and the document information. Page content
does not depend on the document it was typeset in: faces are named by their
font name (see :mod:`.cidfont`) and folios are drawn at the join.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .cidfont import STAND_IN_PREFIX
from .join import CONTENTS, PAGES, PARENT, JoinError, Source, write_file

_REF = re.compile(rb"(\d+) 0 R")
_FONTS = re.compile(rb"/Font (\d+) 0 R")

#: one page of a part: the part as read, and the page's object number in it
PageRef = tuple[Source, int]


def pages_of(source: Source) -> list[PageRef]:
    return [(source, number) for number in source.pages]


def write_part(pages: Sequence[PageRef], fonts: Iterable[str]) -> bytes:
    """A PDF of ``pages`` (from one or more parts of one district, typeset with one
    layout) in the canonical form; ``fonts``: the font names their content uses."""
    if not pages:
        raise JoinError("a part needs at least one page")
    names = sorted(set(fonts))
    chunks: list[bytes] = []

    def add(number: int, body: bytes) -> None:
        chunks.append(b"%d 0 obj\n" % number + body + b"\nendobj\n")

    font_dict = 1
    add(font_dict, b"<<\n" + b" ".join(b"/%s %d 0 R" % (name.encode(), font_dict + 1 + i)
                                       for i, name in enumerate(names)) + b"\n>>")
    for i, name in enumerate(names):
        add(font_dict + 1 + i, b"<<\n/BaseFont /%s%s /Subtype /Type0 /Type /Font\n>>"
            % (STAND_IN_PREFIX.encode(), name.encode()))
    first_page = font_dict + 1 + len(names)
    tree = first_page + 2 * len(pages)
    kids = []
    for index, (source, number) in enumerate(pages):
        page, content = first_page + 2 * index, first_page + 2 * index + 1
        body = source.objects[number]
        contents = CONTENTS.search(body)
        font_ref = _FONTS.search(body)
        parent = PARENT.search(body)
        if not (contents and font_ref and parent):
            raise JoinError(f"page object {number} is not as ReportLab writes a page")
        mapping = {int(contents.group(1)): content, int(font_ref.group(1)): font_dict,
                   int(parent.group(1)): tree}

        def renumber(match: re.Match[bytes]) -> bytes:
            old = int(match.group(1))
            if old not in mapping:
                raise JoinError(f"page object {number} refers to object {old}, "
                                "which a part's page cannot")
            return b"%d 0 R" % mapping[old]

        add(page, _REF.sub(renumber, body))
        add(content, source.objects[int(contents.group(1))])
        kids.append(b"%d 0 R" % page)
    add(tree, b"<<\n/Count %d /Kids [ %s ] /Type /Pages\n>>" % (len(pages), b" ".join(kids)))
    head = pages[0][0]
    catalog = PAGES.sub(b"/Pages %d 0 R" % tree, head.objects[head.root])
    if len(_REF.findall(catalog)) != 1:
        raise JoinError("a part's catalog may refer only to its page tree")
    add(tree + 1, catalog)
    size = tree + 1
    info = None
    if head.info is not None:
        info = size = tree + 2
        add(info, head.objects[head.info])
    return write_file(chunks, size, tree + 1, info)

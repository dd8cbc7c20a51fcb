"""A report's template — styles, page, footers, fonts — made once per layout and kept.

python-docx takes a tenth of a second to import and twice that to open its
template and set up twenty styles, for every report. None of that depends
on the report's text: it is done once per layout (and reference document)
and kept in Pressroom's cache as the package's files, compressed, with the
style ids the text needs. A report is then the kept files, its paragraphs
written as XML between the template's ``<w:body>`` and its section
properties, and its core properties filled in.
"""
from __future__ import annotations

import hashlib
import io
import json
import marshal
import os
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ...build.stamps import code_stamp
from ...store import kept, user_store
from ..archive import Member, member

#: changed whenever what _prepare makes changes, so kept templates are made again
TEMPLATE_VERSION = "1"
DOCUMENT, CORE = "word/document.xml", "docProps/core.xml"
#: stand-ins in the kept core properties, filled in for each report
_TITLE, _SUBJECT, _AUTHOR, _KEYWORDS = "\ue000title\ue000", "\ue000subject\ue000", \
    "\ue000author\ue000", "\ue000keywords\ue000"
_WHEN = datetime(1901, 1, 1)


@dataclass(frozen=True)
class Template:
    style_ids: dict[str, str]       # role → the style's id in this template
    head: str                       # document.xml up to where a report's paragraphs go
    tail: str                       # …and from its section properties on
    core: str                       # docProps/core.xml with stand-ins
    members: list[Member]           # every file, in order (document and core: empty)

    def package(self, paragraphs: str, *, title: str, subject: str, author: str, keywords: str,
                when: date) -> list[Member]:
        core = self.core
        for stand_in, value in ((_TITLE, title), (_SUBJECT, subject), (_AUTHOR, author),
                                (_KEYWORDS, keywords)):
            core = core.replace(stand_in, escape(value))
        core = core.replace(_WHEN.strftime("%Y-%m-%dT%H:%M:%SZ"), f"{when:%Y-%m-%d}T00:00:00Z")
        filled = {DOCUMENT: self.head + paragraphs + self.tail, CORE: core}
        return [member(item.name, filled[item.name].encode("utf-8")) if item.name in filled else item
                for item in self.members]


def prepared_template(layout: dict[str, Any], reference: Path | None) -> Template:
    """The template for ``layout`` (and the user's ``reference`` document), kept."""
    spec = find_spec("docx")
    docx_file = os.stat(spec.origin) if spec and spec.origin else None
    # Pressroom's code (its version and source files) and python-docx's, the
    # layout and the reference document: what the template is made from
    key = hashlib.sha256(json.dumps(
        [TEMPLATE_VERSION, code_stamp(), docx_file and (docx_file.st_size, docx_file.st_mtime_ns),
         layout, _file_stamp(reference)],
        sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()[:32]
    ids, head, tail, core, members = marshal.loads(kept(
        user_store().folder("docx") / f"{key}.marshal",
        lambda: _packed(_prepare(layout, reference))))
    return Template(ids, head, tail, core, [Member(*m) for m in members])


def _packed(template: Template) -> bytes:
    return marshal.dumps((template.style_ids, template.head, template.tail, template.core,
                          [(m.name, m.crc, m.size, m.data, m.stored) for m in template.members]))


def _file_stamp(path: Path | None) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path else None


def _prepare(layout: dict[str, Any], reference: Path | None) -> Template:
    from .report import ReportBuilder  # python-docx: only when a template is made

    builder = ReportBuilder(layout, reference)
    if reference:
        builder.clear_reference_body()
    builder.prepare_styles()
    builder.prepare_page()
    properties = builder.document.core_properties
    properties.title, properties.subject, properties.keywords = _TITLE, _SUBJECT, _KEYWORDS
    properties.author = properties.last_modified_by = _AUTHOR
    properties.language = "zh-CN"
    properties.created = properties.modified = properties.last_printed = _WHEN
    properties.revision = 1
    properties.comments = "Pressroom"
    buffer = io.BytesIO()
    builder.document.save(buffer)
    members, head, tail, core = [], "", "", ""
    with zipfile.ZipFile(buffer) as package:
        for info in package.infolist():
            data = package.read(info)
            if info.filename == DOCUMENT:
                text = data.decode("utf-8")
                split = text.rindex("<w:sectPr")  # the body's own, last
                head, tail = text[:split], text[split:]
                data = b""
            elif info.filename == CORE:
                core, data = data.decode("utf-8"), b""
            members.append(member(info.filename, data))
    return Template(dict(builder.style_ids), head, tail, core, members)

"""A report's template — styles, page, footers, fonts — made once per layout and kept.

Making it (python-docx opening its default document and setting up twenty
styles and the page) costs several times what writing a district's report
does, and none of it depends on the report's text: it is made once per layout
and reference document, kept in the store as the saved document with the ids
of the styles the text uses, and every report opens a copy of it.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass
from datetime import datetime
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from ...store import Store

#: changed whenever what _prepare makes changes, so kept templates are made again
TEMPLATE_VERSION = "4"
#: the modules that make a template: a change to them makes templates again
_MAKERS = ("template.py", "report.py", "ooxml.py")


@dataclass(frozen=True)
class Template:
    style_ids: dict[str, str]       # role → the style's id in this template
    package: bytes                  # the template, saved by python-docx


def prepared_template(layout: dict[str, Any], reference: Path | None, store: Store) -> Template:
    """The template for ``layout`` (and the user's ``reference`` document), kept."""
    spec = find_spec("docx")
    here = Path(__file__).parent
    made_with = [(name, os.stat(here / name).st_mtime_ns) for name in _MAKERS]
    docx_file = os.stat(spec.origin) if spec and spec.origin else None
    key = hashlib.sha256(json.dumps(
        [TEMPLATE_VERSION, made_with, docx_file and (docx_file.st_size, docx_file.st_mtime_ns),
         layout, _file_stamp(reference)],
        sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()[:32]
    kept = store.kept("docx", f"{key}.json", lambda: _packed(_prepare(layout, reference)))
    head, _, package = kept.partition(b"\n")
    return Template(json.loads(head), package)


def _packed(template: Template) -> bytes:
    return json.dumps(template.style_ids).encode("utf-8") + b"\n" + template.package


def _file_stamp(path: Path | None) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path else None


def _prepare(layout: dict[str, Any], reference: Path | None) -> Template:
    from .report import ReportBuilder

    builder = ReportBuilder(layout, reference)
    if reference:
        builder.clear_reference_body()
    builder.prepare_styles()
    builder.prepare_page()
    properties = builder.document.core_properties
    properties.language = "zh-CN"
    properties.revision = 1
    properties.comments = "Pressroom"
    properties.created = properties.modified = properties.last_printed = datetime(1901, 1, 1)
    _without_default_leftovers(builder.document)
    buffer = io.BytesIO()
    builder.document.save(buffer)
    return Template(dict(builder.style_ids), buffer.getvalue())


#: what python-docx's default document says of itself in docProps/app.xml
_APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>Pressroom</Application><DocSecurity>0'
            '</DocSecurity></Properties>')


def _without_default_leftovers(document: Any) -> None:
    """Drop what python-docx's default document brings that is not this report's: its
    blank thumbnail (a file manager would show it as the report's preview) and
    application properties claiming Microsoft Macintosh Word wrote it."""
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype.endswith("/metadata/thumbnail"):
            package.rels.pop(key)  # its part goes with it: parts are saved by relationship
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _APP_XML.encode("utf-8")  # noqa: SLF001 - a plain Part's bytes

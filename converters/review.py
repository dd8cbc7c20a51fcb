"""The editor's review page: how every page of an edition was read, before anything
is printed.

``build/<edition>/review/index.html`` lists the districts → 办事处/街道 → articles
and every warning, the uncertain pages first, with where each article is in the
outputs (the bulletin's page, the book's chapter, the district's report); a
page of its own for each source page shows the page line by line with the role
each line was given and why, beside the articles made of it. Static files
(templates, style and script from ``layouts/review/``), no network: it opens
from ``file://`` and through ``pressroom serve``. A page view is named by all it
shows (the page, what was said of it, the template): one unchanged keeps its
file; the index is written anew.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .files import replace_file
from .layout import packaged_layouts
from .presentation import listed

if TYPE_CHECKING:
    from markupsafe import Markup

    from .build.manifest import Manifest
    from .edition import Edition
    from .model import Collection, Document

REVIEW_FOLDER = "review"
#: the review's templates, style and script (layouts/review/)
_TEMPLATES = packaged_layouts() / REVIEW_FOLDER


def index_page(out_dir: Path) -> Path:
    """The review's overview in a build folder."""
    return out_dir / REVIEW_FOLDER / "index.html"

#: a line's role in the editor's words
ROLE_NAMES = {
    "chrome": "页面杂项", "index": "版面导航", "page-title": "版面标题", "section": "栏目/街道",
    "kicker": "引题", "title": "标题", "subtitle": "副题", "subhead": "小标题", "byline": "署名",
    "caption": "图片说明", "body": "正文", "editor": "编辑", "drop": "舍弃",
}
#: a warning's kind, by what its text says (for the filter), and what to do about it
KINDS = (
    ("untitled", "无标题", re.compile(r"no headline|原文无标题|untitled"),
     "在标题行前后各空一行，或在标题前加“# ”，让它单独成行。"),
    ("district", "区县不明", re.compile(r"district unknown|no county-level"),
     "在正文首段写明区县名，或在 pressroom.toml 的 [districts] 里设置页面归属。"),
    ("cut", "正文不全", re.compile(r"cut off|stops inside"),
     "原页面文字被截断：从数字报重新保存完整页面。"),
    ("month", "其他月份", re.compile(r"outside the edition's month"),
     "核对稿件日期；若不应收入本期，在 [edition] 设 outside_month = \"leave out\"。"),
    ("glyph", "缺字", re.compile(r"no configured font|empty box"),
     "该字在所配字体中没有：改用通行字形，或在版式中加配字体。"),
    ("other", "其他", re.compile(r""), "对照原页面核对；署名单独成行、标题前加“# ”都能帮助识别。"),
)


#: a kind's label and what to do about it, by its name (for the templates)
LABELS = {name: label for name, label, _, _ in KINDS}
FIXES = {name: fix for name, _, _, fix in KINDS}


@dataclass(frozen=True)
class Finding:
    """A warning, with its kind (KINDS) and where it points."""

    kind: str
    text: str
    source: str


def kind_of(text: str) -> str:
    return next(name for name, _, pattern, _ in KINDS if pattern.search(text))


@cache  # one a process: the page views and the index use it
def _environment() -> Any:
    from jinja2 import (
        Environment,
        FileSystemBytecodeCache,
        FileSystemLoader,
        select_autoescape,
    )

    from .store import user_store

    # compiled once and kept (compiling is a third of writing a month's review)
    return Environment(loader=FileSystemLoader(str(_TEMPLATES)),
                       autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True, auto_reload=False,
                       bytecode_cache=FileSystemBytecodeCache(str(user_store().folder("templates"))))


def page_files(collection: Collection, findings: list[Finding]) -> dict[str, str]:
    """Each source page's view, named by all it shows: the page (its hash), what was
    said of it, and the template: an unchanged page keeps its file."""
    template = (_TEMPLATES / "page.html.j2").read_bytes()
    names = {}
    said_of = _by_source(findings)
    for document in collection.documents:
        said = "\n".join(f.text for f in said_of.get(document.source, ()))
        key = hashlib.sha256(b"\0".join([document.digest.encode(), said.encode(), template,
                                          __version__.encode()])).hexdigest()[:16]
        names[document.source] = f"pages/{key}.html"
    return names


def write_page_views(out_dir: Path, collection: Collection, paths: dict[str, str],
                     warnings: Iterable[str]) -> None:
    """Each source page's view (those not written already): written while the outputs
    are, which they do not depend on. ``paths``: page hash → its file (to show its
    lines); ``warnings``: the build's own about the pages (an article of another month)."""
    folder = out_dir / REVIEW_FOLDER
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    environment = _environment()
    findings = _findings(collection, warnings)
    names = page_files(collection, findings)
    said_of = _by_source(findings)
    for document in collection.documents:
        target = folder / names[document.source]
        if target.is_file():
            continue
        replace_file(target, environment.get_template("page.html.j2").render(
            document=document, rows=_rows(_lines(document, paths.get(document.digest))),
            articles=_articles(document), findings=said_of.get(document.source, []),
            labels=LABELS, fixes=FIXES).encode("utf-8"))


def write_review(out_dir: Path, edition: Edition, collection: Collection, manifest: Manifest,
                 warnings: Iterable[str], page_warnings: Iterable[str]) -> Path:
    """The review's index, once the outputs are written (it says where each article
    landed in them); ``warnings``: all the build said, ``page_warnings`` those the
    page views were written with."""
    folder = out_dir / REVIEW_FOLDER
    findings = _findings(collection, warnings)
    names = page_files(collection, _findings(collection, page_warnings))
    documents = {document.source: document for document in collection.documents}
    said_of = _by_source(findings)
    entries = _entries(edition, collection, names, _places(edition, manifest), said_of)
    uncertain = sorted(documents, key=lambda source: (-len(said_of.get(source, ())), source))
    replace_file(index_page(out_dir), _environment().get_template("index.html.j2").render(
        edition=edition, entries=entries, findings=findings, kinds=KINDS,
        pages=[(source, names[source], said_of.get(source, []),
                len(documents[source].articles)) for source in uncertain],
        unplaced=said_of.get("", []), outputs=_outputs(manifest),
        items=_items(entries)).encode("utf-8"))
    # views no page of the edition has now go once the index no longer links them (not
    # before: a build stopped half way leaves the last index and its views whole)
    kept = set(names.values())
    for stale in (folder / "pages").glob("*.html"):
        if f"pages/{stale.name}" not in kept:
            stale.unlink()
    for asset in ("review.css", "review.js"):
        if not (folder / asset).is_file() or \
                (folder / asset).read_bytes() != (_TEMPLATES / asset).read_bytes():
            shutil.copyfile(_TEMPLATES / asset, folder / asset)
    return index_page(out_dir)


def _findings(collection: Collection, warnings: Iterable[str]) -> list[Finding]:
    found = [Finding(kind_of(text), text, document.source)
             for document in collection.documents for text in document.warnings]
    sources = {document.source for document in collection.documents}
    for text in warnings:
        source = _source_of(text, sources)
        found.append(Finding(kind_of(text), text[len(source) + 1:].strip() if source else text,
                             source))
    return found


def _source_of(text: str, sources: set[str]) -> str:
    """The page a warning names ("SOURCE: …"), or "" (a file name may hold a colon)."""
    colon = text.find(":")
    while colon != -1:
        if text[:colon] in sources:
            return text[:colon]
        colon = text.find(":", colon + 1)
    return ""


def _by_source(findings: list[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.source, []).append(finding)
    return grouped


def _places(edition: Edition, manifest: Manifest) -> dict[str, list[tuple[str, str]]]:
    """Entry key → (label, link from the review folder) in the edition's whole outputs
    (a district's own files number its articles afresh)."""
    from .exporters import whole_name

    whole = {whole_name(edition, "pdf"): "简报PDF", whole_name(edition, "epub"): "电子书"}
    places: dict[str, list[tuple[str, str]]] = {}
    # the bulletin, then the book, whichever the build finished first
    records = [r for r in manifest.outputs.values() if Path(r.path).name in whole]
    for record in sorted(records, key=lambda r: list(whole).index(Path(r.path).name)):
        label = whole[Path(record.path).name]
        for key, place in record.places.items():
            page = re.fullmatch(r"#page=(\d+)", place)
            # a reader opens a PDF at its page; a book only whole (its chapter is named)
            places.setdefault(key, []).append(
                (f"{label} 第{page[1]}页" if page else f"{label}（{place}）",
                 f"../{record.path}{place if page else ''}"))
    return places


def _outputs(manifest: Manifest) -> dict[str, str]:
    """A district's name → its Word report, from the review folder."""
    return {Path(r.path).stem: f"../{r.path}" for r in manifest.outputs.values() if r.format == "docx"}


def _entries(edition: Edition, collection: Collection, views: dict[str, str],
             places: dict[str, list[tuple[str, str]]],
             said_of: dict[str, list[Finding]]) -> list[dict[str, Any]]:
    from .edition import DISTRICT_LEVEL

    # an article's anchor in its page's view: its number on the page (an edition's
    # keys move when a page is added; a kept view does not)
    on_page = {id(article): number for document in collection.documents
               for number, article in enumerate(document.articles, start=1)}
    entries = []
    for district in edition.districts:
        for section in district.sections:
            for number, entry in enumerate(section.entries):
                article = entry.article
                kinds = sorted({f.kind for f in said_of.get(entry.source, ())
                                if (article.display_title in f.text or not article.title
                                     and f.kind == "untitled")})
                entries.append({
                    "key": entry.key, "title": listed(article), "source": entry.source,
                    "district": district.name, "slug": district.slug,
                    "section": "" if section.name == DISTRICT_LEVEL else section.name,
                    "first_in_section": number == 0, "article": article,
                    "page": views.get(entry.source, ""), "places": places.get(entry.key, []),
                    "anchor": f"article-{on_page.get(id(article), 0)}",
                    "kinds": kinds})
    return entries


def _items(entries: list[dict[str, Any]]) -> dict[str, Markup]:
    """Each district's list items of its articles (made here, as the page views' rows
    are: a month's index has some 600 of them)."""
    from markupsafe import Markup, escape

    items: dict[str, list[str]] = {}
    for entry in entries:
        district, title, source = escape(entry["district"]), escape(entry["title"]), \
            escape(entry["source"])
        out = items.setdefault(entry["district"], [])
        if entry["first_in_section"] and entry["section"]:
            out.append(f'<li class="section" data-district="{district}">'
                       f'<h4>{escape(entry["section"])}</h4></li>\n')
        out.append(f'<li class="article" id="{escape(entry["key"])}" data-district="{district}" '
                   f'data-kinds="{escape(" ".join(entry["kinds"]))}" '
                   f'data-text="{title} {source}">\n'
                   f'<a href="{escape(entry["page"])}#{escape(entry["anchor"])}">{title}</a>\n'
                   f'<span class="source">{source}</span>\n')
        out.extend(f'<a class="place" href="{escape(link)}">{escape(label)}</a>'
                   for label, link in entry["places"])
        out.extend(f'<span class="flag">{escape(LABELS[kind])}</span>' for kind in entry["kinds"])
        out.append("</li>\n")
    return {district: Markup("".join(parts)) for district, parts in items.items()}


def _rows(lines: list[dict[str, Any]]) -> Markup:
    """The source's lines as table rows (made here, not in the template: a month
    has 150 pages of them, and the template's loop took most of writing the review)."""
    from html import escape

    from markupsafe import Markup

    # a page's reasons are few, each said of many lines: escaped once each
    reasons = {why: escape(why) for why in {line["why"] for line in lines}}
    return Markup("".join(
        f'<tr class="role-{line["role"]}" data-role="{line["role"]}"><td>{line["number"]}</td>'
        f'<td>{ROLE_NAMES.get(line["role"]) or escape(line["role"])}</td>'
        f'<td>{escape(line["text"])}</td><td>{reasons[line["why"]]}</td></tr>\n'
        for line in lines))


#: an article's facts in its page's view: label, and what of the article to show
_FACTS = (("区县", lambda a, d: a.district or d.district or "未识别"),
          ("办事处/街道", lambda a, d: a.subdistrict or "—"), ("日期", lambda a, d: a.date or "—"),
          ("电头", lambda a, d: a.dateline or "—"),
          ("记者", lambda a, d: "、".join(a.reporters) or "—"),
          ("通讯员", lambda a, d: "、".join(a.correspondents) or "—"),
          ("其他署名", lambda a, d: "、".join(f"{c.name}（{c.role}）" for c in a.other_bylines)))


def _articles(document: Document) -> Markup:
    """The articles made of the page, each anchored by its number on the page (made
    here, as the rows are: most of a month's review is these pages' text)."""
    from html import escape

    from markupsafe import Markup

    out = []
    for number, article in enumerate(document.articles, start=1):
        anchor = f"article-{number}"
        out.append(f'<article id="{anchor}" aria-labelledby="t-{anchor}">\n')
        if article.kicker:
            out.append(f'<p class="kicker">引题：{escape(article.kicker)}</p>\n')
        out.append(f'<h3 id="t-{anchor}">{escape(listed(article))}</h3>\n')
        if article.subtitle:
            out.append(f'<p class="subtitle">副题：{escape(article.subtitle)}</p>\n')
        out.append("<dl>" + "".join(f"<dt>{label}</dt><dd>{escape(value)}</dd>"
                                    for label, fact in _FACTS
                                    for value in [fact(article, document)] if value) + "</dl>\n")
        out.extend(f"<h4>{escape(block.text)}</h4>\n" if block.kind == "subhead"
                   else f"<p>{escape(block.text)}</p>\n" for block in article.body)
        out.append("</article>\n")
    return Markup("".join(out))


def _lines(document: Document, path: str | None) -> list[dict[str, Any]]:
    """The source page's lines, each with the role it was read as and why."""
    from .explain import line_roles, source_lines
    from .parse.reading import read_page

    if path is None:
        return []
    try:
        raw = read_page(Path(path))
    except Exception:  # noqa: BLE001 - the page went, or no longer reads, since it was parsed
        return [{"number": 0, "text": "（原页面已无法读取）", "role": "chrome", "why": ""}]
    roles = line_roles(document.reading)
    return [{"number": number, "text": text, "role": role, "why": why}
            for number, text in source_lines(raw.text)
            for role, why in [roles.get(number, ("chrome", "blank markup"))]]

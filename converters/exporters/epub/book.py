"""An EPUB 3 book (with an EPUB 2 NCX) of an edition: the pages from the layout's
Jinja2 templates, the package — manifest, spine, metadata, navigation document
and NCX with Chinese labels — by ebooklib.

ebooklib dates what it writes by the clock (each zip entry, ``dcterms:modified``
unless told): the book is dated by the edition, and its zip entries are written
again in ebooklib's order with the edition's date, so a rebuild gives the same bytes.

Each article page's zip entry carries, as its comment, a signature of what it
shows (its section and its article). A book written over one the build vouches
for (``context.earlier_output``: the build's own file, made with the same
Pressroom, settings, layout and templates) takes the earlier book's compressed
page wherever the signature is the same: a correction renders and compresses
one page, not six hundred.
"""
from __future__ import annotations

import hashlib
import html
import io
import re
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from struct import error as struct_error

from ebooklib import epub
from jinja2 import (ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader,
                    StrictUndefined)
from markupsafe import Markup, escape

from ...edition import DistrictGroup, Edition
from ...fonts import FontSource, prepare
from ...layout import packaged_layouts
from ...model import Article, replace
from ...presentation import listed, shown
from ...store import Store
from .. import Context
from . import article_file
from ..archive import Member, member, read_members, read_zip, write_package
from ..text import xml_safe
from .cover import cover_image

XHTML = "application/xhtml+xml"
ACCESSIBILITY = [
    ("schema:accessMode", "textual"), ("schema:accessMode", "visual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityHazard", "none"),
    ("schema:accessibilitySummary",
     "全书为可重排文字，按区县、办事处（街道）分部，目录可逐篇跳转；封面图片附有文字说明。"),
]


def template_environment(layout: dict[str, Any], store: Store) -> Environment:
    folders = [Path(layout["_folder"])] if layout.get("_folder") else []
    folders += [Path.cwd() / "layouts" / "epub", packaged_layouts() / "epub"]
    environment = Environment(loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders if f.is_dir()]),
                       # markup is escaped; the stylesheet quotes its values itself
                       autoescape=lambda name: not (name or "").endswith(".css.j2"),
                       undefined=StrictUndefined, keep_trailing_newline=True,
                       # an environment lives for one book: no looking at the files
                       # again on every page ({% extends %} looks its parent up per
                       # render), and templates compiled once, not once per process
                       auto_reload=False,
                       bytecode_cache=FileSystemBytecodeCache(str(store.folder("templates"))))
    environment.filters["dashes"] = dashes
    environment.filters["listed"] = listed  # one title everywhere (presentation.listed)
    return environment


#: a 破折号 (or a longer run of em dashes)
_DASH = re.compile("(—{2,})")


def dashes(text: str) -> Markup:
    """``text`` escaped, each 破折号 in a ``span.dash`` the stylesheet draws as one
    unbroken 2-em rule (two em dashes print with a gap in most faces); the dashes
    stay in the text, for search and for reading aloud."""
    return Markup("").join(Markup('<span class="dash"><span>{}</span></span>').format(part)
                           if _DASH.fullmatch(part) else escape(part)
                           for part in _DASH.split(text))


def _font_source(spec: dict[str, Any]) -> FontSource:
    return FontSource(spec["file"], spec.get("index"), spec.get("face"), spec.get("weight"))


def book_identifier(edition: Edition, title: str) -> str:
    """A UUID v5 naming the publication: its slug and title, edition, compiling unit
    and districts. A corrected rebuild keeps it, as EPUB asks of an identifier (a
    reading system then takes the book for the same publication, revised)."""
    settings = edition.settings
    name = "\x00".join([settings.slug, title, edition.label, settings.unit,
                        *(district.name for district in edition.districts)])
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'pressroom:{name}')}"


def _visible_text(xhtml: str) -> str:
    """The characters a page shows (its markup's names and attributes are not shown)."""
    body = xhtml.split("<body", 1)[-1].split(">", 1)[-1]
    return html.unescape(re.sub(r"<[^>]*>", "", body)) + "".join(
        html.unescape(alt) for alt in re.findall(r'alt="([^"]*)"', body))


def _sections(district: DistrictGroup) -> list[dict[str, Any]]:
    return [{"name": s.name if district.sectioned else "", "entries": s.entries}
            for s in district.sections]


def _safe_article(article: Article, where: str, warnings: list[str]) -> Article:
    clean = lambda text: xml_safe(text, where, warnings) if text else text  # noqa: E731
    body = []
    for block in article.body:
        text = clean(block.text)  # once: it warns of what it removes
        body.append(block if text is block.text else replace(block, text=text))
    return replace(article, title=clean(article.title), kicker=clean(article.kicker),
                   subtitle=clean(article.subtitle), bylines=tuple(map(clean, article.bylines)),
                   body=tuple(body))


def build_book(edition: Edition, layout: dict[str, Any], target: Path, *,
               embed_fonts: bool = False, warnings: list[str] | None = None,
               context: Context) -> int:
    """Write the book; returns the number of XHTML pages."""
    warnings = [] if warnings is None else warnings
    store = context.store
    env = template_environment(layout, store)
    # the month in the title: a library of twelve monthly books shows twelve names
    month = f"{edition.date.year}年{edition.date.month}月"
    title = (f"{edition.title} {month}" if len(edition.districts) > 1
             else f"{edition.title}·{edition.districts[0].name} {month}")
    book = epub.EpubBook()
    book.set_identifier(book_identifier(edition, title))
    book.set_title(title)
    # the monthly books as one series, in issue order (EPUB 3 collections)
    book.add_metadata(None, "meta", edition.title, {"property": "belongs-to-collection",
                                                    "id": "series"})
    book.add_metadata(None, "meta", "series", {"refines": "#series",
                                               "property": "collection-type"})
    if edition.settings.issue:
        book.add_metadata(None, "meta", str(edition.settings.issue),
                          {"refines": "#series", "property": "group-position"})
    book.set_language("zh-Hans")
    book.add_author(edition.settings.unit)
    book.add_metadata("DC", "publisher", edition.settings.unit)
    book.add_metadata("DC", "date", edition.date.isoformat())
    for district in edition.districts:
        book.add_metadata("DC", "subject", district.name)
    book.add_metadata("DC", "description",
                      f"{edition.title}（{edition.label}），共{len(edition.entries)}篇。")
    book.add_prefix("schema", "http://schema.org/")
    for name, value in ACCESSIBILITY:
        book.add_metadata(None, "meta", value, {"property": name})
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})
    pages: list[epub.EpubItem] = []
    texts: list[str] = []  # what each page shows, for an embedded font's subset
    earlier = _earlier_pages(context) if not embed_fonts else {}
    made_from: dict[str, bytes] = {}  # entry → its signature
    reused: dict[str, Member] = {}

    def page(template: str, page_id: str, file: str, signature: bytes = b"",
             **values: Any) -> epub.EpubItem:
        name = f"{book.FOLDER_NAME}/text/{file}"
        kept = earlier.get(name)
        if signature and kept is not None and kept.comment == signature:
            reused[name] = kept  # its bytes go in below; ebooklib needs only the item
            content = b""
        else:
            rendered = env.get_template(template).render(**values)
            if embed_fonts:
                texts.append(rendered)
            content = rendered.encode("utf-8")
        if signature:
            made_from[name] = signature
        item = epub.EpubItem(uid=page_id, file_name=f"text/{file}", media_type=XHTML,
                             content=content)
        pages.append(item)
        return item

    alt = f"封面：{edition.title}，{edition.label}，收录{'、'.join(d.name for d in edition.districts)}"
    cover_page = page("cover.xhtml.j2", "cover", "cover.xhtml", title="封面", body_type="cover",
                      alt=alt)
    toc: list[Any] = []
    first_part: epub.EpubItem | None = None
    for district in edition.districts:
        part_file = f"d-{district.slug}.xhtml"
        sections = _sections(district)
        # an EPUB "part" page (epub:type="part") opens each district
        part_page = page("part.xhtml.j2", f"d-{district.slug}", part_file,
                         title=district.name, body_type="", part=district, sections=sections)
        first_part = first_part or part_page
        district_links: list[Any] = []
        for number, section in enumerate(sections):
            links = district_links
            if section["name"]:
                links = []
                district_links.append((epub.Link(article_file(section["entries"][0].key),
                                                 section["name"], f"s-{district.slug}-{number}"), links))
            for entry in section["entries"]:
                where = f"{entry.source}: “{entry.article.display_title}”"
                article = _safe_article(entry.article, where, warnings)
                deck = shown(article, edition.settings.internal)
                page("article.xhtml.j2", entry.key, f"{entry.key}.xhtml",
                     _signature(section["name"], entry.key, article),
                     title=deck.heading, body_type="bodymatter", article=article, shown=deck,
                     section=section["name"] or None)
                links.append(epub.Link(article_file(entry.key), deck.heading, entry.key))
        toc.append((epub.Link(f"text/{part_file}", district.name, f"d-{district.slug}"),
                    district_links))
    book.toc = toc
    text_layout = layout.get("text", {})
    body_fonts = list(text_layout.get("font-family", ["serif"]))
    heading_fonts = list(text_layout.get("heading-font-family", ["sans-serif"]))
    fonts = []
    if embed_fonts:
        # exactly the characters the pages show, template words (篇) and the
        # navigation's labels included
        visible = "".join(map(_visible_text, texts)) + "目录导航封面正文" + "".join(
            link.title for link in _links(toc))
        serif = prepare(_font_source(layout["fonts"]["serif"]), visible, exact=True, store=store)
        fonts.append({"id": "font-serif", "href": "fonts/serif.ttf", "family": "Pressroom Serif"})
        book.add_item(epub.EpubItem(uid="font-serif", file_name="fonts/serif.ttf",
                                    media_type="font/ttf", content=serif.path.read_bytes()))
        body_fonts.insert(0, "Pressroom Serif")
        # a reader without a CJK sans face sets headings in the embedded serif, not boxes
        heading_fonts.insert(len([f for f in heading_fonts if f != "sans-serif"]), "Pressroom Serif")
    quote = lambda names: ", ".join(  # noqa: E731
        n if n in ("serif", "sans-serif") else '"' + n.replace("\\", "\\\\").replace('"', '\\"') + '"'
        for n in names)
    css = env.get_template("book.css.j2").render(
        fonts=fonts, body_fonts=quote(body_fonts), heading_fonts=quote(heading_fonts),
        line_height=text_layout.get("line-height", 1.75), accent=text_layout.get("accent", "#b22222"))
    book.add_item(epub.EpubItem(uid="css", file_name="styles/book.css", media_type="text/css",
                                content=css.encode("utf-8")))
    cover_fonts = layout.get("fonts", {})
    characters = edition.characters()
    cover = cover_image(edition, layout.get("cover", {}),
                        prepare(_font_source(cover_fonts["bold"]), characters, store=store).path,
                        prepare(_font_source(cover_fonts["sans"]), characters, store=store).path,
                        store)
    cover_item = epub.EpubCover(uid="cover-image", file_name="images/cover.png")
    cover_item.content = cover
    book.add_item(cover_item)
    nav = epub.EpubNav(title="目录")
    nav.add_link(href="styles/book.css", rel="stylesheet", type="text/css")
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    for item in pages:
        book.add_item(item)
    book.spine = [cover_page, "nav", *pages[1:]]
    book.guide = [{"type": "cover", "href": "text/cover.xhtml", "title": "封面"},
                  {"type": "toc", "href": "nav.xhtml", "title": "目录"},
                  {"type": "text", "href": first_part.file_name if first_part else "nav.xhtml",
                   "title": "正文"}]
    buffer = io.BytesIO()
    day = edition.date
    # stored (level 0): every entry is compressed once, below, not twice
    epub.write_epub(buffer, book, {"landmark_title": "导航", "epub3_pages": False,
                                   "compresslevel": 0,
                                   "mtime": datetime(day.year, day.month, day.day)})
    # every entry again, in ebooklib's order (mimetype first, stored), dated by the edition
    count = len(pages)
    del book, pages  # the pages' text, once in the package: a year's book is large
    write_package(target, [reused.get(name) or member(name, data, stored=name == "mimetype",
                                                      comment=made_from.get(name, b""))
                           for name, data in read_zip(buffer.getbuffer())], edition.date)
    return count


def _signature(section: str, key: str, article: Article) -> bytes:
    """What an article page shows (its templates and layout: the build vouches)."""
    made_from = "\x00".join((section, key, article.fingerprint))
    return hashlib.sha256(made_from.encode("utf-8")).hexdigest()[:32].encode()


def _earlier_pages(context: Context) -> dict[str, Member]:
    """The pages of the book this one replaces, if the build vouches for it."""
    if context.earlier_output is None:
        return {}
    try:
        return read_members(context.earlier_output.read_bytes())
    except (OSError, ValueError, struct_error):
        return {}


def _links(toc: list[Any]) -> list[epub.Link]:
    found = []
    for item in toc:
        link, children = item if isinstance(item, tuple) else (item, [])
        found.append(link)
        found += _links(children)
    return found

"""An EPUB 3 book (with an EPUB 2 NCX) of an edition, from Jinja2 templates.

The package is written here rather than by ebooklib: its navigation and
landmarks come out in English, its identifier is random and its zip
timestamps local. Templates give every label, id and byte directly.
"""
from __future__ import annotations

import html
import re
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import (ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader,
                    StrictUndefined)

from ...edition import DISTRICT_LEVEL, DistrictPart, Edition
from ...model import Article, replace
from ..archive import Member, member, write_package
from ..text import xml_safe
from ...fonts import FontSource, prepare
from ...presentation import shown
from ...store import user_store
from ...layout import packaged_layouts
from .cover import cover_image
from .earlier import EarlierBook, book_basis, signature

CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


@dataclass
class NavPoint:
    id: str
    label: str
    src: str
    order: int = 0
    children: list[NavPoint] = field(default_factory=list)


def _number_play_order(points: list[NavPoint]) -> None:
    """NCX playOrder follows reading order; points with one target share one number."""
    orders: dict[str, int] = {}

    def visit(point: NavPoint) -> None:
        point.order = orders.setdefault(point.src, len(orders) + 1)
        for child in point.children:
            visit(child)

    for point in points:
        visit(point)


def template_environment(layout: dict[str, Any]) -> Environment:
    folders = [Path(layout["_folder"])] if layout.get("_folder") else []
    folders += [Path.cwd() / "layouts" / "epub", packaged_layouts() / "epub"]
    return Environment(loader=ChoiceLoader([FileSystemLoader(str(f)) for f in folders if f.is_dir()]),
                       # markup is escaped; the stylesheet quotes its values itself
                       autoescape=lambda name: not (name or "").endswith(".css.j2"),
                       undefined=StrictUndefined, keep_trailing_newline=True,
                       # an environment lives for one book: no looking at the files
                       # again on every page ({% extends %} looks its parent up per
                       # render), and templates compiled once, not once per process
                       auto_reload=False,
                       bytecode_cache=FileSystemBytecodeCache(str(_bytecode_folder())))


def _bytecode_folder() -> Path:
    return user_store().folder("templates")


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


def _sections(part: DistrictPart) -> list[dict[str, Any]]:
    single = len(part.sections) == 1 and part.sections[0].name == DISTRICT_LEVEL
    return [{"name": "" if single else s.name, "entries": s.entries} for s in part.sections]


def _safe_article(article: Article, where: str, warnings: list[str]) -> Article:
    clean = lambda text: xml_safe(text, where, warnings) if text else text  # noqa: E731
    body = []
    for block in article.body:
        text = clean(block.text)  # once: it warns of what it removes
        body.append(block if text is block.text else replace(block, text=text))
    return replace(article, title=clean(article.title), kicker=clean(article.kicker),
                   subtitle=clean(article.subtitle), bylines=tuple(map(clean, article.bylines)),
                   body=tuple(body))


def _compressed(name: str, data: bytes | str, stored: bool = False) -> Member:
    return member(name, data.encode("utf-8") if isinstance(data, str) else data, stored=stored,
                  level=zlib.Z_DEFAULT_COMPRESSION)


def _page_text(page: Member) -> str:
    return (page.data if page.stored else zlib.decompress(page.data, -15)).decode("utf-8")


def build_book(edition: Edition, layout: dict[str, Any], target: Path, *,
               embed_fonts: bool = False, warnings: list[str] | None = None,
               replacing: Path | None = None) -> int:
    """Write the book; returns the number of XHTML pages. ``replacing``: where the
    book goes once written; the unchanged article pages of a book noted there
    are reused (see earlier)."""
    warnings = [] if warnings is None else warnings
    env = template_environment(layout)
    title = edition.title if len(edition.districts) > 1 else f"{edition.title}·{edition.districts[0].name}"
    pages: list[tuple[str, Member]] = []   # (id, the page's file in the package)
    earlier = EarlierBook(replacing, book_basis(
        [(name, env.loader.get_source(env, name)[0])  # type: ignore[union-attr]
         for name in env.list_templates(extensions=["j2"])], layout))
    noted: dict[str, list[Any]] = {}  # file → [signature, its warnings], for the next book
    #: the book's structure: each district and section, each article page's signature
    contents: list[object] = []

    def reused_or(name: str, made_from: str, render: Callable[[], str]) -> Member:
        """The earlier book's file ``name`` if made from the same, else ``render()``."""
        reused = earlier.page(name, made_from)
        noted[name] = [made_from, []]
        return reused[0] if reused is not None else _compressed(name, render())

    def page(template: str, page_id: str, file: str, **values: Any) -> None:
        pages.append((page_id, _compressed(f"OEBPS/text/{file}",
                                           env.get_template(template).render(**values))))

    alt = f"封面：{edition.title}，{edition.label}，收录{'、'.join(d.name for d in edition.districts)}"
    page("cover.xhtml.j2", "cover", "cover.xhtml", title="封面", body_type="cover", alt=alt)
    parts = []
    order = 0
    points: list[NavPoint] = []
    for part in edition.districts:
        part_file = f"d-{part.slug}.xhtml"
        sections = _sections(part)
        page("part.xhtml.j2", f"d-{part.slug}", part_file, title=part.name, body_type="",
             part=part, sections=sections)
        parts.append({"name": part.name, "file": part_file, "sections": sections})
        contents.append((part.name, part.slug))
        order += 1
        district_point = NavPoint(f"n-d-{part.slug}", part.name, f"text/{part_file}", order)
        points.append(district_point)
        for number, section in enumerate(sections):
            contents.append(section["name"])
            holder = district_point
            if section["name"]:
                order += 1
                holder = NavPoint(f"n-s-{part.slug}-{number}", section["name"],
                                  f"text/{section['entries'][0].key}.xhtml", order)
                district_point.children.append(holder)
            for entry in section["entries"]:
                file = f"{entry.key}.xhtml"
                where = f"{entry.source}: “{entry.article.display_title}”"
                made_from = signature(section["name"], entry.key, entry.article.fingerprint)
                contents.append(made_from)
                reused = earlier.page(f"OEBPS/text/{file}", made_from)
                if reused is None:
                    before = len(warnings)
                    article = _safe_article(entry.article, where, warnings)
                    page("article.xhtml.j2", entry.key, file, title=article.display_title,
                         body_type="bodymatter", article=article, shown=shown(article),
                         section=section["name"] or None)
                    noted[f"OEBPS/text/{file}"] = [made_from, warnings[before:]]
                    shown_title = article.display_title
                else:
                    pages.append((entry.key, reused[0]))
                    warnings += reused[1]
                    noted[f"OEBPS/text/{file}"] = [made_from, reused[1]]
                    shown_title = xml_safe(entry.article.display_title, where, [])
                order += 1
                holder.children.append(NavPoint(f"n-{entry.key}", shown_title, f"text/{file}", order))
    _number_play_order(points)
    identifier = book_identifier(edition, title)
    fonts = []
    text_layout = layout.get("text", {})
    body_fonts = list(text_layout.get("font-family", ["serif"]))
    heading_fonts = list(text_layout.get("heading-font-family", ["sans-serif"]))
    # the contents' template is given the articles: made from every page's signature
    nav = reused_or("OEBPS/nav.xhtml", signature("nav.xhtml.j2", contents),
                    lambda: env.get_template("nav.xhtml.j2").render(parts=parts))
    if embed_fonts:
        # exactly the characters the pages show, template words (篇, 目录) included
        visible = "".join(_visible_text(_page_text(member)) for _, member in [*pages, ("", nav)])
        serif = prepare(_font_source(layout["fonts"]["serif"]), visible, exact=True)
        fonts.append({"id": "font-serif", "href": "fonts/serif.ttf", "family": "Pressroom Serif",
                      "path": serif.path})
        body_fonts.insert(0, "Pressroom Serif")
        # a reader without a CJK sans face sets headings in the embedded serif, not boxes
        heading_fonts.insert(len([f for f in heading_fonts if f != "sans-serif"]), "Pressroom Serif")
    quote = lambda names: ", ".join(  # noqa: E731
        n if n in ("serif", "sans-serif") else '"' + n.replace("\\", "\\\\").replace('"', '\\"') + '"'
        for n in names)
    css = env.get_template("book.css.j2").render(
        fonts=fonts, body_fonts=quote(body_fonts),
        heading_fonts=quote(heading_fonts),
        line_height=text_layout.get("line-height", 1.75), accent=text_layout.get("accent", "#b22222"))
    # each made from exactly what its template is given: a correction inside an
    # article changes neither
    ncx_values = dict(identifier=identifier, title=title, creator=edition.settings.unit,
                      points=points,
                      depth=3 if any(p.children and p.children[0].children for p in points) else 2)
    ncx = reused_or("OEBPS/toc.ncx", signature("toc.ncx.j2", ncx_values),
                    lambda: env.get_template("toc.ncx.j2").render(**ncx_values))
    day = edition.date.isoformat()
    opf_values = dict(
        identifier=identifier, title=title, creator=edition.settings.unit, date=day,
        modified=f"{day}T00:00:00Z", subjects=[d.name for d in edition.districts],
        description=f"{edition.title}（{edition.label}），共{len(edition.entries)}篇。",
        summary="全书为可重排文字，按区县、办事处（街道）分部，目录可逐篇跳转；封面图片附有文字说明。",
        fonts=fonts,
        pages=[{"id": page_id, "file": member.name.removeprefix("OEBPS/text/")}
               for page_id, member in pages])
    opf = reused_or("OEBPS/content.opf", signature("content.opf.j2", opf_values),
                    lambda: env.get_template("content.opf.j2").render(**opf_values))
    cover_fonts = layout.get("fonts", {})
    characters = edition.characters()
    cover = cover_image(edition, layout.get("cover", {}),
                         prepare(_font_source(cover_fonts["bold"]), characters).path,
                         prepare(_font_source(cover_fonts["sans"]), characters).path)
    add = _compressed
    package = write_package(target, [
        add("mimetype", b"application/epub+zip", stored=True),  # first and uncompressed
        add("META-INF/container.xml", CONTAINER),
        opf,
        nav,
        ncx,
        add("OEBPS/styles/book.css", css),
        add("OEBPS/images/cover.png", cover, stored=True),
        *(add(f"OEBPS/{font['href']}", font["path"].read_bytes()) for font in fonts),
        *(member for _, member in pages)], edition.date)
    earlier.remember(package, noted)
    return len(pages)



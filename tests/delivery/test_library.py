"""The e-reader library: the OPDS catalog of real builds, and `pressroom serve`.

One real `pressroom build` makes three editions under one root: the flat layout
(2021-05, pages outside month folders, in the root itself) and two month folders
(2021-06, 2021-07), with per-district books. The catalog is checked against
the OPDS 1.2 RELAX NG schema and followed link by link, on disk and through the
real server (waitress on 127.0.0.1).
"""
from __future__ import annotations

import http.client
import io
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from conftest import INPUT, ROOT
from lxml import etree
from PIL import Image

from converters.delivery.covers import THUMBNAIL_WIDTH, epub_cover
from converters.delivery.opds import (
    ACQUISITION_TYPE,
    NAVIGATION_TYPE,
    CatalogIncomplete,
    NoEditions,
    write_catalog,
)
from converters.delivery.serve import LibraryServer

SCHEMA = Path(__file__).parent / "schema" / "opds.rng"
NS = {"a": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/terms/"}
ACQUISITION = "http://opds-spec.org/acquisition"
MONTHS = ["2021-07", "2021-06", "2021-05"]  # newest first, as the catalog lists them
TYPES = {".epub": "application/epub+zip", ".pdf": "application/pdf",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build root: 2021-05 flat in the root, 2021-06 and 2021-07 in month folders."""
    work = tmp_path_factory.mktemp("library")
    pages = sorted(INPUT.glob("*.txt"))
    for folder, chosen in ((work / "input", pages), (work / "input" / "2021-06", pages),
                           (work / "input" / "2021-07", pages[:3])):
        folder.mkdir(parents=True, exist_ok=True)
        for page in chosen:
            shutil.copy(page, folder / page.name)
    settings = (ROOT / "pressroom.toml").read_text(encoding="utf-8")
    settings = settings.replace('edition = "2021-06"', 'edition = "2021-05"')
    settings = settings.replace("issue = 6", "issue = 5").replace('"bulletin-2021-06"', '"bulletin"')
    (work / "pressroom.toml").write_text(settings, encoding="utf-8")
    root = work / "build"
    run = subprocess.run([sys.executable, "-m", "converters.cli", "build", str(work / "input"),
                          "-o", str(root), "--split", "district", "-f", "epub,pdf,docx",
                          "--config", str(work / "pressroom.toml"), "-q"],
                         check=False, cwd=work, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert (root / "opds" / "catalog.xml").is_file(), "the build writes the catalog"
    write_catalog(root)
    return root


def feeds(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "opds").glob("*.xml"))}


def catalog_files(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted((root / "opds").rglob("*")) if p.is_file()}


def links(element: etree._Element, rel: str) -> list[etree._Element]:
    return element.findall(f"a:link[@rel='{rel}']", NS)


def on_disk(root: Path, feed: str, href: str) -> Path:
    """Where a link of ``root/opds/<feed>`` leads, as a client resolves it."""
    url = urljoin(f"http://reader.invalid/opds/{feed}", href)
    return root.joinpath(*unquote(urlsplit(url).path).lstrip("/").split("/"))


# the catalog on disk


def test_every_feed_is_valid_opds_1_2(library: Path) -> None:
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    written = feeds(library)
    assert set(written) == {"catalog.xml", *(f"{m}.xml" for m in MONTHS)}
    for name, data in written.items():
        assert schema.validate(etree.fromstring(data)), f"{name}: {schema.error_log}"


def test_the_schema_tells_a_broken_feed(library: Path) -> None:
    """The schema is no rubber stamp: a feed without its id, or with HTML in a
    summary (which OPDS forbids and Atom allows), fails."""
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    feed = etree.fromstring(feeds(library)["2021-06.xml"])
    feed.remove(feed.find("a:id", NS))
    assert not schema.validate(feed)
    feed = etree.fromstring(feeds(library)["2021-06.xml"])
    feed.find("a:entry/a:summary", NS).set("type", "html")
    assert not schema.validate(feed)


def test_the_navigation_feed_lists_the_editions_newest_first(library: Path) -> None:
    feed = etree.fromstring(feeds(library)["catalog.xml"])
    for rel in ("self", "start"):
        [link] = links(feed, rel)
        assert (link.get("href"), link.get("type")) == ("catalog.xml", NAVIGATION_TYPE)
    assert feed.findtext("a:author/a:name", namespaces=NS) == "区县新闻编辑部"
    entries = feed.findall("a:entry", NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == [
        "区县新闻汇编 2021年7月（第7期）", "区县新闻汇编 2021年6月（第6期）",
        "区县新闻汇编 2021年5月（第5期）"]
    for entry, month in zip(entries, MONTHS, strict=True):
        [link] = links(entry, "subsection")
        assert (link.get("href"), link.get("type")) == (f"{month}.xml", ACQUISITION_TYPE)
        record = json.loads((library / ("" if month == "2021-05" else month) / "edition.json")
                            .read_text(encoding="utf-8"))
        assert entry.findtext("a:updated", namespaces=NS) == \
            record["updated"].replace("+00:00", "Z")
        assert entry.findtext("a:id", namespaces=NS).startswith("urn:uuid:")


def test_every_acquisition_link_leads_to_its_file(library: Path) -> None:
    for month in MONTHS:
        folder = library / month if month != "2021-05" else library
        record = json.loads((folder / "edition.json").read_text(encoding="utf-8"))
        feed = etree.fromstring(feeds(library)[f"{month}.xml"])
        assert [link.get("href") for link in links(feed, "up")] == ["catalog.xml"]
        assert [link.get("href") for link in links(feed, "start")] == ["catalog.xml"]
        epubs = [o for o in record["outputs"] if o["format"] == "epub"]
        entries = feed.findall("a:entry", NS)
        # the combined book first, then the districts in the record's order
        assert [e.findtext("a:title", namespaces=NS) for e in entries] == \
            [o["title"] for o in epubs]
        assert epubs[0]["district"] is None and all(o["district"] for o in epubs[1:])
        for entry, epub in zip(entries, epubs, strict=True):
            assert entry.findtext("dc:language", namespaces=NS) in ("zh-Hans", "zh-CN")
            assert entry.findtext("dc:issued", namespaces=NS) == record["date"]
            assert entry.findtext("a:author/a:name", namespaces=NS) == record["unit"]
            assert entry.findtext("a:summary", namespaces=NS)
            acquired = links(entry, ACQUISITION)
            assert acquired[0].get("type") == "application/epub+zip"
            assert on_disk(library, f"{month}.xml", acquired[0].get("href")) == \
                folder / epub["path"]
            prefix = "../" if month == "2021-05" else f"../{month}/"
            assert acquired[0].get("href") == prefix + epub["path"]
            for link in acquired:
                path = on_disk(library, f"{month}.xml", link.get("href"))
                assert path.is_file(), link.get("href")
                assert link.get("type") == TYPES[path.suffix]
                magic = b"PK" if path.suffix == ".epub" else b"%PDF"
                assert path.read_bytes().startswith(magic)
            if epub["district"] is None:  # the combined PDF too
                pdf = next(o for o in record["outputs"]
                           if o["format"] == "pdf" and o["district"] is None)
                assert [on_disk(library, f"{month}.xml", a.get("href")) for a in acquired] == \
                    [folder / epub["path"], folder / pdf["path"]]
            [cover] = links(entry, "http://opds-spec.org/image")
            [thumbnail] = links(entry, "http://opds-spec.org/image/thumbnail")
            image, media_type = epub_cover(folder / epub["path"])
            assert on_disk(library, f"{month}.xml", cover.get("href")).read_bytes() == image
            assert cover.get("type") == thumbnail.get("type") == media_type
            with Image.open(on_disk(library, f"{month}.xml", thumbnail.get("href"))) as small:
                assert 0 < small.width <= THUMBNAIL_WIDTH


def test_an_unchanged_folder_gives_the_same_catalog_and_rewrites_nothing(library: Path) -> None:
    before = catalog_files(library)
    ids = [e.text for data in feeds(library).values()
           for e in etree.fromstring(data).iter(f"{{{NS['a']}}}id")]
    assert write_catalog(library) == library / "opds" / "catalog.xml"
    assert catalog_files(library) == before  # the same bytes, and not even written again
    assert [e.text for data in feeds(library).values()
            for e in etree.fromstring(data).iter(f"{{{NS['a']}}}id")] == ids
    assert len(ids) == len(set(ids))


def test_an_edition_removed_leaves_the_catalog(library: Path, tmp_path: Path) -> None:
    root = tmp_path / "build"
    shutil.copytree(library, root, symlinks=True)
    shutil.rmtree(root / "2021-07")
    write_catalog(root)
    assert set(feeds(root)) == {"catalog.xml", "2021-06.xml", "2021-05.xml"}
    assert not list((root / "opds" / "covers").glob("2021-07-*"))
    assert b"2021-07" not in feeds(root)["catalog.xml"]


def test_a_bad_record_is_named_and_the_others_still_catalogued(library: Path,
                                                               tmp_path: Path) -> None:
    root = tmp_path / "build"
    shutil.copytree(library, root, symlinks=True)
    (root / "2021-06" / "edition.json").write_text('{"schema": 1, "edition": ', encoding="utf-8")
    (root / "2021-04").mkdir()  # a month folder without a record
    record = json.loads((root / "2021-07" / "edition.json").read_text(encoding="utf-8"))
    (root / "2021-07" / record["outputs"][1]["path"]).unlink()  # a district's EPUB gone
    with pytest.raises(CatalogIncomplete) as caught:
        write_catalog(root)
    said = [str(problem) for problem in caught.value.problems]
    assert len(said) == 3, said
    assert any(str(root / "2021-06" / "edition.json") in s for s in said)
    assert any(str(root / "2021-04" / "edition.json") in s for s in said)
    assert any(str(root / "2021-07" / record["outputs"][1]["path"]) in s for s in said)
    assert caught.value.catalog == root / "opds" / "catalog.xml"
    assert set(feeds(root)) == {"catalog.xml", "2021-07.xml", "2021-05.xml"}
    assert record["outputs"][1]["path"].encode() not in feeds(root)["2021-07.xml"]


def test_a_folder_without_records_has_no_catalog(tmp_path: Path) -> None:
    with pytest.raises(NoEditions, match="no edition.json"):
        write_catalog(tmp_path)
    assert not (tmp_path / "opds").exists()


# the server


@pytest.fixture(scope="module")
def server(library: Path) -> Iterator[str]:
    """The library served by waitress on a free port of 127.0.0.1; its base URL."""
    outside = library.parent / "outside.epub"  # beside the root: never to be served
    outside.write_bytes(b"PK not yours")
    (library / "linked.epub").symlink_to(outside)
    running = LibraryServer(library, "127.0.0.1", 0)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{running.port}"
    running.stop()
    thread.join(timeout=10)
    assert not thread.is_alive()


def request(base: str, method: str, path: str,
            headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    """``path`` sent as it is written (no client tidies ``..`` away)."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_a_reader_follows_the_catalog_to_every_book(library: Path, server: str) -> None:
    with urlopen(f"{server}/") as response:  # the root leads to the catalog
        assert response.url == f"{server}/opds/catalog.xml"
        assert response.headers["Content-Type"] == NAVIGATION_TYPE
        catalog = etree.fromstring(response.read())
    followed = 0
    for entry in catalog.findall("a:entry", NS):
        feed_url = urljoin(f"{server}/opds/catalog.xml", links(entry, "subsection")[0].get("href"))
        with urlopen(feed_url) as response:
            assert response.headers["Content-Type"] == ACQUISITION_TYPE
            feed = etree.fromstring(response.read())
        for link in feed.iterfind(".//a:link", NS):
            if link.get("rel") not in (ACQUISITION, "http://opds-spec.org/image",
                                       "http://opds-spec.org/image/thumbnail"):
                continue
            url = urljoin(feed_url, link.get("href"))
            with urlopen(url) as response:
                assert response.headers["Content-Type"] == link.get("type")
                path = unquote(urlsplit(url).path).lstrip("/")
                assert response.read() == (library / path).read_bytes()
            followed += 1
    assert followed > 30


def test_a_range_request_gets_those_bytes(library: Path, server: str) -> None:
    """A reader resumes a broken download where it stopped."""
    status, headers, body = request(server, "GET", "/2021-06/epub/zhongyuan.epub",
                                    {"Range": "bytes=0-99"})
    whole = (library / "2021-06" / "epub" / "zhongyuan.epub").read_bytes()
    assert status == 206 and body == whole[:100]
    assert headers["Content-Range"] == f"bytes 0-99/{len(whole)}"


def test_head_and_revalidation(library: Path, server: str) -> None:
    status, headers, body = request(server, "HEAD", "/2021-06/docx/zhongyuan.docx")
    assert status == 200 and body == b"" and headers["Content-Type"] == TYPES[".docx"]
    assert int(headers["Content-Length"]) == \
        (library / "2021-06" / "docx" / "zhongyuan.docx").stat().st_size
    _, catalog, _ = request(server, "GET", "/opds/catalog.xml")
    status, _, body = request(server, "GET", "/opds/catalog.xml",
                              {"If-None-Match": catalog["ETag"]})
    assert status == 304 and body == b""


@pytest.mark.parametrize("path", [
    "/../pyproject.toml", "/../outside.epub", "/%2e%2e/outside.epub", "/2021-06/../../outside.epub",
    "/2021-06/%2E%2E/%2e%2e/outside.epub", "/linked.epub", "//etc/passwd",
    "/.pressroom/manifest.json", "/2021-06/.pressroom/manifest.json", "/2021-06/%2epressroom/lock",
    "/2021-06/edition.json", "/2021-06/", "/opds/", "/2021-06/epub/missing.epub"])
def test_nothing_outside_the_offered_files_is_served(server: str, path: str) -> None:
    status, _, body = request(server, "GET", path)
    assert status in (403, 404), path
    assert b"PK" not in body and b"root:" not in body


def test_only_reading_is_allowed(server: str) -> None:
    for method in ("POST", "PUT", "DELETE"):
        status, headers, _ = request(server, method, "/opds/catalog.xml")
        assert status == 405 and set(headers["Allow"].replace(" ", "").split(",")) == \
            {"GET", "HEAD"}


def test_pressroom_serve_prints_the_address_and_stops_on_ctrl_c(library: Path) -> None:
    command = [sys.executable, "-c", "from converters.delivery.serve import serve; serve()",
               str(library), "--host", "127.0.0.1", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "no address printed within a minute"
        line = process.stdout.readline().decode()
        url = next(word for word in line.split() if word.startswith("http://"))
        assert url.startswith("http://127.0.0.1:") and url.endswith("/opds/catalog.xml")
        with urlopen(url) as response:
            assert response.read() == (library / "opds" / "catalog.xml").read_bytes()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        assert "stopped" in process.stderr.read().decode()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_cover_is_found_by_the_package_documents_own_word(tmp_path: Path) -> None:
    """EPUB 2 names its cover with <meta name="cover">, not a property."""
    picture = io.BytesIO()
    Image.new("RGB", (600, 900), "red").save(picture, "JPEG")
    book = tmp_path / "old.epub"
    with zipfile.ZipFile(book, "w") as package:
        package.writestr("mimetype", "application/epub+zip")
        package.writestr("META-INF/container.xml", (
            '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">'
            '<rootfiles><rootfile full-path="OEBPS/book.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>'))
        package.writestr("OEBPS/book.opf", (
            '<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata>'
            '<meta name="cover" content="c"/></metadata><manifest>'
            '<item id="c" href="images/front%20page.jpg" media-type="image/jpeg"/>'
            '</manifest></package>'))
        package.writestr("OEBPS/images/front page.jpg", picture.getvalue())
    assert epub_cover(book) == (picture.getvalue(), "image/jpeg")

"""``pressroom serve``: the build folder as a library on the local network, for
e-readers (KOReader, Moon+ Reader, calibre) that browse its OPDS catalog.

The files are served read-only by a WSGI app (werkzeug: content types, ETags,
conditional and range requests, so a reader resumes a broken download) under
waitress, a production WSGI server. Only what the library offers is served: the
catalog (``opds/``), the outputs, by kind (EPUB, PDF, Word), and each edition's
review page (``review/``); never a hidden
file or folder (``.pressroom/``, a temporary ``.*.part``), never a path that
leads out of the folder (``..``, a link), never a folder listing, never another
kind of file (the mail drafts beside the reports).
"""
from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..files import shown, system_said
from ..review import REVIEW_FOLDER

# the catalog's writer (uuid, ElementTree, Pillow) is imported when serving, not by
# every pressroom command, which all see this module
from .library import CATALOG_FOLDER, CATALOG_NAME

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication
    from waitress.server import BaseWSGIServer, MultiSocketServer

CATALOG_PATH = f"/{CATALOG_FOLDER}/{CATALOG_NAME}"
#: what is served, by extension: the outputs anywhere, and in the catalog's folder its
#: feeds and covers; anything else is not found
OUTPUT_TYPES = {
    ".epub": "application/epub+zip",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg"}
#: the editor's review page (build/<edition>/review/): its pages, style and script
REVIEW_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                ".js": "text/javascript; charset=utf-8"}
ALLOWED = ("GET", "HEAD")
#: an address no packet is sent to: connecting a UDP socket only picks the route,
#: and with it the address this machine has on the network (RFC 5737, TEST-NET-1)
_ROUTE_PROBE = ("192.0.2.1", 9)


def library_app(root: Path) -> WSGIApplication:
    """The WSGI app serving ``root`` read-only (see the module's docstring)."""
    from werkzeug.exceptions import MethodNotAllowed, NotFound
    from werkzeug.utils import redirect, send_file
    from werkzeug.wrappers import Request, Response

    base = root.resolve()

    @Request.application
    def app(request: Request) -> Response:
        if request.method not in ALLOWED:
            return MethodNotAllowed(valid_methods=list(ALLOWED)).get_response(request.environ)
        if request.path == "/":
            return redirect(CATALOG_PATH, code=302)
        found = _served_file(base, request.path)
        if found is None:
            return NotFound().get_response(request.environ)
        path, media_type = found
        response = send_file(path, request.environ, mimetype=media_type, conditional=True,
                             etag=True, max_age=None)
        # readers revalidate (the ETag answers 304 while a file is unchanged), so a
        # catalog rebuilt while they browse is seen at once
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    return app


def _served_file(base: Path, url_path: str) -> tuple[Path, str] | None:
    """The file under ``base`` (resolved) that ``url_path`` (decoded) names and its
    media type, or None: not there, or not something the library offers."""
    from werkzeug.security import safe_join

    parts = url_path.split("/")[1:]
    if not parts or any(not part or part.startswith(".") or "\\" in part or "\0" in part
                        for part in parts):
        return None  # "..", hidden, empty (a folder: no listings), or not a plain name
    joined = safe_join(str(base), *parts)  # a second, independent check of the same
    if joined is None:
        return None
    path = Path(joined).resolve()  # a link is judged by where it leads
    if not path.is_relative_to(base) or not path.is_file():
        return None
    inside = path.relative_to(base).parts
    if any(part.startswith(".") for part in inside):
        return None
    suffix = path.suffix.lower()
    if REVIEW_FOLDER in inside[:-1] and suffix in REVIEW_TYPES:  # an edition's review page
        return path, REVIEW_TYPES[suffix]
    if inside[0] != CATALOG_FOLDER:
        return (path, OUTPUT_TYPES[suffix]) if suffix in OUTPUT_TYPES else None
    if len(inside) == 2 and suffix == ".xml":  # a feed
        from .opds import ACQUISITION_TYPE, NAVIGATION_TYPE

        return path, NAVIGATION_TYPE if path.name == CATALOG_NAME else ACQUISITION_TYPE
    return (path, IMAGE_TYPES[suffix]) if suffix in IMAGE_TYPES else None


class LibraryServer:
    """waitress serving ``root``: listening once made, answering while ``run`` runs
    (in this thread or another), until Ctrl-C or ``stop``."""

    def __init__(self, root: Path, host: str, port: int) -> None:
        from waitress import create_server

        # the server's sockets, ours to close: that is what ends its loop
        self._sockets: dict[int, Any] = {}
        self._running = False
        self._server: BaseWSGIServer | MultiSocketServer = create_server(
            library_app(root), map=self._sockets, host=host, port=port, threads=4,
            ident="pressroom")

    @property
    def port(self) -> int:
        """The port it listens on (the one the system chose for port 0)."""
        single = getattr(self._server, "effective_port", None)
        return int(single if single is not None else self._server.effective_listen[0][1])

    def run(self) -> None:
        """Serve until ``stop`` (from another thread) or ``ask_to_stop`` (from a signal
        handler). A signal only asks: the loop ends between two of its polls. Ctrl-C
        raised as an exception wherever it lands could leave one of waitress's locks
        held, and its shutdown waiting for it for ever."""
        from waitress import wasyncore

        adjustments = self._server.adj
        self._running = True
        while self._running and self._sockets:
            wasyncore.loop(timeout=adjustments.asyncore_loop_timeout, map=self._sockets,
                           use_poll=adjustments.asyncore_use_poll, count=1)

    def ask_to_stop(self, *signal_args: object) -> None:
        self._running = False

    def stop(self) -> None:
        from waitress import wasyncore

        wasyncore.close_all(self._sockets)
        self._server.task_dispatcher.shutdown()


def lan_address() -> str:
    """This machine's address on the local network, found without sending anything;
    127.0.0.1 when it has none."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(_ROUTE_PROBE)
        address = str(probe.getsockname()[0])
    except OSError:  # no route: not on a network
        return "127.0.0.1"
    finally:
        probe.close()
    return "127.0.0.1" if address.startswith("0.") else address


def catalog_url(host: str, port: int) -> str:
    """The catalog's address as a reader on the network types it: listening on every
    network, this machine's address on the local one."""
    shown_host = lan_address() if host in ("0.0.0.0", "", "::") else host
    if ":" in shown_host:  # an IPv6 address
        shown_host = f"[{shown_host}]"
    return f"http://{shown_host}:{port}{CATALOG_PATH}"


def _refresh_catalog(root: Path) -> Iterable[str]:
    """Write the catalog; the notes to print about it. Nothing here stops the
    server: a folder without editions, or one it may not write to (the catalog
    there is served as it is), is still a folder to serve."""
    from .opds import CatalogIncomplete, NoEditions, write_catalog

    try:
        write_catalog(root)
    except NoEditions:
        return [(f"no edition.json in {shown(root)}: no catalog yet "
                 "(pressroom build writes one); the files are served as they are")]
    except CatalogIncomplete as exc:
        return [str(problem) for problem in exc.problems]
    except OSError as exc:
        return [f"the catalog was not written again: {system_said(exc)}"]
    return []


@click.command()
@click.argument("folder", required=False, default=Path("build"),
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="0.0.0.0", show_default=True,
              help="Address to listen on (0.0.0.0: every network this machine is on; "
                   "127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="Port to listen on (0: any free one).")
def serve(folder: Path, host: str, port: int) -> None:
    """Serve a build folder (default: build/) to e-readers on the local network.

    Add the address it prints as an OPDS catalog in KOReader, Moon+ Reader or
    calibre to browse the editions and download their EPUBs and PDFs. The
    catalog is written first; Ctrl-C stops.
    """
    if not folder.is_dir():
        raise click.ClickException(f"{shown(folder)}: no such folder (run pressroom build)")
    for note in _refresh_catalog(folder):
        click.echo(f"note: {note}", err=True)
    try:
        server = LibraryServer(folder, host, port)
    except OSError as exc:  # the port taken, the address not this machine's
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc} "
                                   "(another port: --port, 0 for any free one)") from None
    url = catalog_url(host, server.port)
    click.echo(f"Serving {shown(folder)}: add {url} as an OPDS catalog in KOReader, "
               "Moon+ Reader or calibre (Ctrl-C stops)")
    sys.stdout.flush()
    # Ctrl-C, and `kill` as Ctrl-C does, ask the loop to end
    signal.signal(signal.SIGINT, server.ask_to_stop)
    signal.signal(signal.SIGTERM, server.ask_to_stop)
    try:
        server.run()
    finally:
        server.stop()
    click.echo("pressroom: stopped serving", err=True)

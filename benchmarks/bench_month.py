"""`pressroom build` on a month of pages: cold, no-op and one-page rebuilds, against
pandoc (Word, EPUB) and typst (PDF) given the same text.

    python benchmarks/bench_month.py [--repeat 3] [--days 30] [--cold-fonts]

Every time is the wall clock of a command a user would run — `pressroom build`
as a process, pandoc and typst as processes — best of ``--repeat`` runs
(this kind of shared machine's speed swings). Also shown: the same builds
called in-process (without the Python interpreter's start-up, which on a
pyenv machine alone costs ~0.1 s), and peak memory from
``resource.getrusage`` (the largest process of each side).

Targets: full build ≤ 0.5 × (pandoc + typst); no-op rebuild ≤ 0.1 × full; the
review page written in under a tenth of the full build;
one page changed, by a new ``pressroom build``, ≤ 0.35 × full (a correction with
``pressroom build --watch`` running is shown beside it); peak RSS ≤ 300 MB.
``--days N`` builds N days of pages instead of a month (``--days 360``: a year,
held to the same targets).
Needs `pip install -e '.[bench]'` (pypandoc-binary, typst).
"""
from __future__ import annotations

import argparse
import compileall
import gc
import importlib.util
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import DAYS, ROOT, generate_month  # noqa: E402
from markdown import edition_markdown, edition_typst  # noqa: E402

import converters  # noqa: E402
from converters.build.run import run_build  # noqa: E402
from converters.config import load_settings  # noqa: E402
from converters.edition import build_edition  # noqa: E402
from converters.exporters import BuildOptions, available  # noqa: E402
from converters.parse.batch import parse_paths  # noqa: E402

TARGETS = {"full": 0.5, "noop": 0.1, "one": 0.35, "rss_mb": 300, "review": 0.1}


def best(action: Callable[[], object], repeat: int, before: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def run(*command: str, cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class Month:
    """The month corpus in a scratch folder, with the edition's settings."""

    def __init__(self, folder: Path, days: int) -> None:
        self.folder = folder
        shutil.copy(ROOT / "pressroom.toml", folder / "pressroom.toml")
        self.pages = generate_month(folder / "month", days=days)
        self.out = folder / "build"
        self.edits = 0

    def pressroom(self, *extra: str) -> None:
        run(sys.executable, "-m", "converters.cli", "build", "-q", "month", "-o", "build",
            *extra, cwd=self.folder)

    def fresh(self) -> None:
        shutil.rmtree(self.out, ignore_errors=True)

    def edit_one_page(self) -> None:
        """An editor's correction inside a paragraph of one page (a different page each time)."""
        self.edits += 1
        page = self.pages[(self.edits * 37) % len(self.pages)]
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("。", f"（第{self.edits}次更正）。", 1), encoding="utf-8")


def contenders(month: Month) -> dict[str, Callable[[], object]]:
    """The pandoc and typst runs, ready to time."""
    import pypandoc

    settings = load_settings(month.folder / "pressroom.toml")
    edition = build_edition(parse_paths([month.folder / "month"]), settings)
    sources = month.folder / "pandoc"
    sources.mkdir()
    per_district = []
    for part in edition.districts:
        path = sources / f"{part.slug}.md"
        path.write_text(edition_markdown(edition.only(part)), encoding="utf-8")
        per_district.append(path)
    whole = sources / "month.md"
    whole.write_text(edition_markdown(edition), encoding="utf-8")
    fonts = Path(importlib.util.find_spec("pylopdf_fonts_zh_cn").origin).parent  # type: ignore[union-attr, arg-type]
    typst_source = sources / "month.typ"
    typst_source.write_text(edition_typst(edition, "Noto Serif SC", "Noto Sans SC"), encoding="utf-8")
    pandoc = pypandoc.get_pandoc_path()
    compile_typst = (f"import typst; typst.compile({str(typst_source)!r}, output="
                     f"{str(sources / 'month.pdf')!r}, font_paths=[{str(fonts)!r}], "
                     "ignore_system_fonts=True)")
    return {
        "pandoc docx (a report per district)": lambda: [
            run(pandoc, str(p), "-o", str(p.with_suffix(".docx")), cwd=sources)
            for p in per_district],
        "pandoc epub": lambda: run(pandoc, str(whole), "--toc", "--metadata", "lang=zh-Hans",
                                   "-o", str(whole.with_suffix(".epub")), cwd=sources),
        "typst pdf": lambda: run(sys.executable, "-c", compile_typst, cwd=sources),
    }


def in_process(month: Month, repeat: int) -> dict[str, float]:
    settings = load_settings(month.folder / "pressroom.toml")

    def build(force: bool = False) -> None:
        result = run_build([month.folder / "month"], month.out, list(available()), settings,
                           BuildOptions(), force=force)
        assert result.ok, result.problems

    build()
    return {"full": best(lambda: build(force=True), repeat),
            "noop": best(build, repeat),
            "one": best(build, repeat, before=month.edit_one_page)}


def review_seconds(month: Month, repeat: int) -> float:
    """Writing the month's review page afresh (within every build that changed
    something: its page views while the workers write the outputs, its index after),
    best of ``repeat``."""
    from converters.build.manifest import load_manifest
    from converters.build.stamps import stamp_pages
    from converters.review import write_page_views, write_review

    settings = load_settings(month.folder / "pressroom.toml")
    collection = parse_paths([month.folder / "month"])
    edition = build_edition(collection, settings)
    manifest = load_manifest(month.out)
    stamped = stamp_pages([month.folder / "month"], manifest)[0]
    paths = {digest: path for path, digest in stamped}

    def write() -> None:  # in a build, the page views are written while the outputs are
        write_page_views(month.out, collection, paths, [])
        write_review(month.out, edition, collection, manifest, [], [])

    # as in a build (run_build), what was made before is kept out of the collector's
    # passes: here that is this benchmark's earlier builds, which a build never holds
    gc.freeze()
    try:
        return best(write, repeat, before=lambda: shutil.rmtree(month.out / "review", ignore_errors=True))
    finally:
        gc.unfreeze()


def watching(month: Month, repeat: int) -> tuple[float, float, float]:
    """One page changed with ``pressroom build --watch`` running: from the page
    written to the build's summary printed (its looking, waiting for the file
    to be still, building), and the build alone, each the best of ``repeat``;
    and the watcher's peak memory."""
    watcher = subprocess.Popen([sys.executable, "-m", "converters.cli", "build", "--watch", "--json",
                                "month", "-o", "build"], cwd=month.folder, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert watcher.stdout is not None
    try:
        watcher.stdout.readline()  # its first build
        seen, built = [], []
        for _ in range(repeat):
            time.sleep(0.5)  # as an editor would: not in the middle of the watcher's tidying
            month.edit_one_page()
            start = time.perf_counter()
            summary = json.loads(watcher.stdout.readline())
            seen.append(time.perf_counter() - start)
            assert summary["ok"] and sum(o["status"] == "built" for o in summary["outputs"]) == 3
            built.append(summary["seconds"])
        peak = _peak_mb(watcher.pid)
    finally:
        watcher.terminate()
        watcher.wait()
    return min(seen), min(built), peak


def _peak_mb(pid: int) -> float:
    """A running process's peak resident memory (Linux), else 0."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--days", type=int, default=DAYS,
                        help=f"days of pages to build (default {DAYS}: a month; 360: a year)")
    parser.add_argument("--cold-fonts", action="store_true",
                        help="also time a first-ever build (font subsets not yet prepared)")
    args = parser.parse_args()
    # Byte-compiled as after any user's first run: where PYTHONDONTWRITEBYTECODE
    # is set (CI images, some sandboxes) an edited module would otherwise be
    # compiled again by every timed command
    compileall.compile_dir(Path(converters.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        month = Month(Path(tmp), args.days)
        size = sum(p.stat().st_size for p in month.pages)
        print(f"month: {len(month.pages)} pages, {size / 1024 / 1024:.2f} MB")
        month.pressroom()  # font subsets for this text prepared once, as after a first build
        if args.cold_fonts:
            cold_cache = Path(tmp) / "fonts"
            month.fresh()
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "converters.cli", "build", "-q", "month", "-o",
                            "build"], cwd=month.folder, check=True,
                           env={**__import__("os").environ, "PRESSROOM_CACHE": str(cold_cache)})
            print(f"first-ever build (cold font cache): {time.perf_counter() - start:.2f} s")
        month.fresh()
        month.pressroom()
        ours_peak = children_peak_mb()  # before pandoc and typst run as children too
        # Every contender once per round, best of the rounds: a slow spell of a
        # shared machine then hits all of them alike.
        rounds: dict[str, tuple[Callable[[], object], Callable[[], object] | None]] = {
            "full": (month.pressroom, month.fresh), "noop": (month.pressroom, None),
            "one": (month.pressroom, month.edit_one_page),
            "python": (lambda: run(sys.executable, "-c", "pass", cwd=month.folder), None),
            "reportlab": (lambda: run(sys.executable, "-c", "import reportlab.platypus",
                                      cwd=month.folder), None),
            **{name: (action, None) for name, action in contenders(month).items()}}
        times = {name: best(action, 1, before) for name, (action, before) in rounds.items()}
        for _ in range(args.repeat - 1):
            for name, (action, before) in rounds.items():
                times[name] = min(times[name], best(action, 1, before))
        full, noop, one = times.pop("full"), times.pop("noop"), times.pop("one")
        python, reportlab = times.pop("python"), times.pop("reportlab")
        theirs = times
        inside = in_process(month, args.repeat)
        review = review_seconds(month, args.repeat)
        watched, watched_build, watcher_peak = watching(month, max(args.repeat, 3))
    total = sum(theirs.values())
    print("\npressroom build (a process, as a user runs it; 2 cores → -j 2):")
    print(f"  cold full build (empty build folder)  {full:6.2f} s")
    print(f"  no-op rebuild                          {noop:6.2f} s   {noop / full:.3f} × full "
          f"(target ≤ {TARGETS['noop']})")
    print(f"  one page changed (a new process)       {one:6.2f} s   {one / full:.3f} × full "
          f"(target ≤ {TARGETS['one']})")
    print(f"  (for scale: python -c pass {python:.2f} s = {python / full:.3f} × full; with "
          f"ReportLab imported, which re-typesetting a page needs, {reportlab:.2f} s = "
          f"{reportlab / full:.3f} ×)")
    print(f"  one page changed, build --watch running {watched:6.2f} s   {watched / full:.3f} × full "
          f"(from the page saved to the summary printed, of which the build "
          f"{watched_build:.2f} s)")
    print("in-process (run_build, no interpreter start-up):")
    print(f"  full {inside['full']:.2f} s · no-op {inside['noop']:.3f} s "
          f"({inside['noop'] / inside['full']:.3f} ×) · one page {inside['one']:.2f} s "
          f"({inside['one'] / inside['full']:.3f} ×)")
    print(f"  of which the review page, written afresh: {review:.3f} s = "
          f"{review / inside['full']:.1%} of the full build (target < 10%)")
    print("the same text through pandoc and typst:")
    for name, seconds in theirs.items():
        print(f"  {name:38} {seconds:6.2f} s")
    print(f"  {'total':38} {total:6.2f} s")
    print(f"\nfull build / (pandoc + typst): {full / total:.2f} × (target ≤ {TARGETS['full']})")
    print(f"peak RSS: {ours_peak:.0f} MB, the largest pressroom process "
          f"(target ≤ {TARGETS['rss_mb']}); the watcher after its builds: {watcher_peak:.0f} MB")
    checks = [full / total <= TARGETS["full"], noop / full <= TARGETS["noop"],
              review / inside["full"] < TARGETS["review"],
              one / full <= TARGETS["one"], ours_peak <= TARGETS["rss_mb"],
              watcher_peak <= TARGETS["rss_mb"]]
    print("targets:", "all met" if all(checks) else f"{checks.count(False)} missed")
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())

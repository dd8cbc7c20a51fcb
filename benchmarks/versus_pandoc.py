"""A format built by Pressroom and by pandoc from the same month of articles.

Both start from the parsed articles; pandoc (PyPI pypandoc-binary) converts
them as markdown, the way most tools would. Times are wall clock (pandoc runs
as a process), best of interleaved runs, so a slow spell of a shared machine
hits both alike.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate_month  # noqa: E402
from markdown import edition_markdown  # noqa: E402

from converters.config import load_settings  # noqa: E402
from converters.edition import build_edition  # noqa: E402
from converters.exporters import BuildOptions, load  # noqa: E402
from converters.parse.batch import parse_paths  # noqa: E402


def compare(fmt: str, pandoc_format: str, target: float, *, per_district: bool,
            pandoc_args: list[str], description: str) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import pypandoc
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate_month(folder / "month")
        edition = build_edition(parse_paths([folder / "month"]), load_settings(
            Path(__file__).resolve().parent.parent / "pressroom.toml"))
        exporter, options = load(fmt), BuildOptions()
        jobs = exporter.plan(edition, options)
        parts = [(d.slug, edition.only(d)) for d in edition.districts] if per_district \
            else [("month", edition)]
        sources = []
        for name, part in parts:
            source = folder / f"{name}.md"
            source.write_text(edition_markdown(part), encoding="utf-8")
            sources.append(source)

        def ours() -> None:
            for job in jobs:
                exporter.write(job, folder / job.name, options)

        def pandoc() -> None:
            for source in sources:
                pypandoc.convert_file(str(source), pandoc_format, extra_args=pandoc_args,
                                      outputfile=str(source.with_suffix(f".pandoc.{fmt}")))

        best = [float("inf"), float("inf")]
        for _ in range(args.repeat):
            for index, action in enumerate((ours, pandoc)):
                start = time.perf_counter()
                action()
                best[index] = min(best[index], time.perf_counter() - start)
        largest = max((folder / job.name).stat().st_size for job in jobs)
    ratio = best[0] / best[1]
    print(f"month: {len(edition.entries)} articles → {len(jobs)} {fmt} file(s), "
          f"largest {largest / 1024:.0f} KB")
    print(f"pressroom: {best[0]:.2f} s   pandoc {pypandoc.get_pandoc_version()}: {best[1]:.2f} s")
    print(f"ratio: {ratio:.2f}x (target ≤ {target}x)")
    return 0 if ratio <= target else 1

"""Word reports for a generated month: Pressroom against pandoc.

    python benchmarks/bench_docx.py [--repeat 3]

Both write one .docx per district from the same parsed articles; pandoc
(PyPI pypandoc-binary) converts them as markdown, the way most tools would.
Times are wall clock (pandoc runs as a process), best of interleaved runs.
Target: Pressroom ≤ 1.0 × pandoc.
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
from converters.exporters import BuildOptions  # noqa: E402
from converters.exporters.docx import DocxExporter  # noqa: E402
from converters.parse import parse_paths  # noqa: E402

TARGET = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import pypandoc
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate_month(folder / "month")
        edition = build_edition(parse_paths([folder / "month"]), load_settings(
            Path(__file__).resolve().parent.parent / "pressroom.toml"))
        exporter, options = DocxExporter(), BuildOptions()
        jobs = exporter.plan(edition, options)
        sources = {}
        for part in edition.districts:
            source = folder / f"{part.slug}.md"
            source.write_text(edition_markdown(edition.only(part)), encoding="utf-8")
            sources[part.slug] = source

        def ours() -> None:
            for job in jobs:
                exporter.write(job, folder / job.name, options)

        def pandoc() -> None:
            for slug, source in sources.items():
                pypandoc.convert_file(str(source), "docx", outputfile=str(folder / f"p-{slug}.docx"),
                                      extra_args=["--toc"])

        best = [float("inf"), float("inf")]
        for _ in range(args.repeat):
            for index, action in enumerate((ours, pandoc)):
                start = time.perf_counter()
                action()
                best[index] = min(best[index], time.perf_counter() - start)
        sizes = [(folder / job.name).stat().st_size for job in jobs]
    ratio = best[0] / best[1]
    print(f"month: {len(edition.entries)} articles, {len(jobs)} district reports, "
          f"largest {max(sizes) / 1024:.0f} KB")
    print(f"pressroom: {best[0]:.2f} s   pandoc {pypandoc.get_pandoc_version()}: {best[1]:.2f} s")
    print(f"ratio: {ratio:.2f}x (target ≤ {TARGET}x)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

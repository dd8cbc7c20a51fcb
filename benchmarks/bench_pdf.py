"""PDF bulletin of a generated month (~150 pages) against the floor.

    python benchmarks/bench_pdf.py [--repeat 3]

The floor is a bare ReportLab script setting the same text as plain
Paragraphs (wordWrap="CJK") in the same font, size, leading and the same
two-column A4 frames: what any ReportLab-based tool must spend, without
kinsoku, justification, squeezing, contents, openers or running heads.
Both start from the parsed articles, fonts already prepared (cached).
Target: Pressroom ≤ 1.3 × the floor.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate_month  # noqa: E402

from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph  # noqa: E402

from converters.config import load_settings  # noqa: E402
from converters.edition import build_edition  # noqa: E402
from converters.exporters import BuildOptions, Job  # noqa: E402
from converters.exporters.pdf import PdfExporter  # noqa: E402
from converters.exporters.pdf.styles import build_layout  # noqa: E402
from converters.layout import load_layout  # noqa: E402
from converters.parse.batch import parse_paths  # noqa: E402
from converters.store import user_store  # noqa: E402

TARGET = 1.3


def floor(edition, font_name: str, target: Path) -> None:  # type: ignore[no-untyped-def]
    body = ParagraphStyle("body", fontName=font_name, fontSize=10.5, leading=18.4,
                          firstLineIndent=21, wordWrap="CJK", alignment=4)
    title = ParagraphStyle("title", fontName=font_name, fontSize=16, leading=22, wordWrap="CJK",
                           alignment=1)
    story = []
    for entry in edition.entries:
        article = entry.article
        story.append(Paragraph(escape(article.display_title), title))
        story.extend(Paragraph(escape(block.text), body) for block in article.body)
    width = (A4[0] - 45 * mm) / 2
    frames = [Frame(20 * mm + i * (width + 7 * mm), 20 * mm, width, A4[1] - 42 * mm, 0, 0, 0, 0)
              for i in range(2)]
    doc = BaseDocTemplate(str(target), pagesize=A4, initialFontName=font_name)
    doc.addPageTemplates([PageTemplate("body", frames)])
    doc.build(story)


def best_of_interleaved(repeat: int, *actions) -> list[float]:  # type: ignore[no-untyped-def]
    """Best CPU time of each action, run in turns so that a slow spell of this
    shared machine hits both alike."""
    best = [float("inf")] * len(actions)
    for _ in range(repeat):
        for number, action in enumerate(actions):
            start = time.process_time()
            action()
            best[number] = min(best[number], time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = generate_month(folder / "month")
        edition = build_edition(parse_paths([folder / "month"]), load_settings(
            Path(__file__).resolve().parent.parent / "pressroom.toml"))
        exporter, options = PdfExporter(), BuildOptions()
        job = Job("month.pdf", edition)
        cold = time.perf_counter()
        report = exporter.write(job, folder / "month.pdf", options)  # prepares or loads the fonts
        cold = time.perf_counter() - cold
        ours_font = build_layout(load_layout("bulletin", "pdf"), edition.characters(), store=user_store()).styles["body"].face.names[0]
        # the floor: ReportLab's own TrueType embedding of the same prepared face
        font = "floor-serif"
        pdfmetrics.registerFont(TTFont(font, str(pdfmetrics.getFont(ours_font).path)))
        ours, bare = best_of_interleaved(
            args.repeat, lambda: exporter.write(job, folder / "month.pdf", options),
            lambda: floor(edition, font, folder / "floor.pdf"))
        size = (folder / "month.pdf").stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = ours / bare
    print(f"month: {len(paths)} pages in, {len(edition.entries)} articles, "
          f"{report.pages} PDF pages, {size / 1e6:.1f} MB")
    print(f"first build (fonts from cache or prepared): {cold:.2f} s wall")
    print(f"pressroom: {ours:.2f} s CPU   floor (bare ReportLab Paragraphs): {bare:.2f} s CPU")
    print(f"ratio: {ratio:.2f}x (target ≤ {TARGET}x)   peak RSS: {peak:.0f} MB")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

"""The month's EPUB book, against pandoc's markdown → EPUB 3.

    python benchmarks/bench_epub.py [--repeat 3]        target ≤ 0.5 × pandoc
"""
import sys

from versus_pandoc import compare

if __name__ == "__main__":
    sys.exit(compare("epub", "epub3", 0.5, per_district=False,
                     pandoc_args=["--toc", "--metadata", "lang=zh-Hans"], description=__doc__))

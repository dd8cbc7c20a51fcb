"""Word reports (one per district) for a generated month, against pandoc.

    python benchmarks/bench_docx.py [--repeat 3]        target ≤ 1.0 × pandoc
"""
import sys

from versus_pandoc import compare

if __name__ == "__main__":
    sys.exit(compare("docx", "docx", 1.0, per_district=True, pandoc_args=["--toc"],
                     description=__doc__))

"""Parser throughput on a generated month (~150 pages, ~1.3 MB), on one core.

    python benchmarks/bench_parse.py [--repeat 5]

Target: ≥ 5 MB/s. The rate is taken from CPU time (what one core spent),
which a busy shared machine disturbs far less than wall time; the best of
the repeats counts. Wall time and peak resident memory are reported too,
and, for information, the rate on the real digital-edition pages of
``tests/corpus/real/pages`` (small pages, most of each page chrome and short
lines that the line-role model reads one by one: a lower rate in bytes, the
same cost per line).
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate_month  # noqa: E402

from converters.parse.batch import parse_paths  # noqa: E402

TARGET_MB_S = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        month = Path(tmp) / "month"
        paths = generate_month(month)
        size = sum(p.stat().st_size for p in paths)
        parse_paths([month])  # warm imports and the gazetteer
        times, cpu_times = [], []
        for _ in range(args.repeat):
            start, cpu_start = time.perf_counter(), time.process_time()
            collection = parse_paths([month])
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
    real = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "real" / "pages"
    real_size = sum(p.stat().st_size for p in real.glob("*.txt"))
    real_cpu = []
    for _ in range(max(1, args.repeat // 4)):
        cpu_start = time.process_time()
        real_pages = parse_paths([real])
        real_cpu.append(time.process_time() - cpu_start)
    best = min(times)
    rate = size / 1e6 / min(cpu_times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages: {len(paths)}  articles: {len(collection.articles)}  size: {size / 1e6:.2f} MB")
    print(f"parse: CPU best {min(cpu_times):.3f} s, wall best {best:.3f} s of {args.repeat} "
          f"(wall median {sorted(times)[len(times) // 2]:.3f} s)")
    print(f"throughput: {rate:.1f} MB/s (target ≥ {TARGET_MB_S} MB/s)  peak RSS: {peak_mb:.0f} MB")
    print(f"real pages: {len(real_pages.documents)} pages, {real_size / 1e6:.2f} MB in "
          f"{min(real_cpu):.3f} s CPU: {real_size / 1e6 / min(real_cpu):.1f} MB/s, "
          f"{min(real_cpu) / len(real_pages.documents) * 1000:.1f} ms a page")
    return 0 if rate >= TARGET_MB_S else 1


if __name__ == "__main__":
    sys.exit(main())

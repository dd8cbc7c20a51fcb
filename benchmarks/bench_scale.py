"""Huge pages: parse, build and check time and peak memory for one-line pages of 5 and
50 MB (a scraped site collapsed into one line), to show that each grows linearly.

    python benchmarks/bench_scale.py [--sizes 5,50] [--parse-only]

Targets: a 50 MB page parses in under 500 MB; every step grows about linearly
(10× the page, about 10× the time). Each step runs as its own process, its
peak resident memory taken from the kernel (wait4).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_MB_50 = 500
SENTENCES = ("中原区今天召开第{n}次会议，研究部署第{n}项工作，会议要求各单位认真落实。",
             "二七区建中街街道第{n}个社区开展志愿服务活动，居民积极参与。",
             "记者从金水区获悉，第{n}批惠民项目已经全部完工并投入使用。")


def page(megabytes: float) -> str:
    """One line of distinct sentences (no two paragraphs alike: nothing is shared)."""
    parts, size, n = ["标题"], 0, 0
    while size < megabytes * 1_000_000:
        sentence = SENTENCES[n % 3].format(n=n)
        parts.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
        n += 1
    return " ".join(parts)


def measured(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """(seconds, peak resident MB, exit status) of ``command`` run alone."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="5,50")
    parser.add_argument("--parse-only", action="store_true")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    pressroom = [sys.executable, "-m", "converters.cli"]
    rows: list[tuple[float, str, float, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / f"{size:g}mb"
            (folder / "pages").mkdir(parents=True)
            (folder / "pages" / "page.txt").write_text(page(size), encoding="utf-8")
            steps = [("parse", [*pressroom, "parse", "--json", "pages", "-o", "parsed.json"])]
            if not args.parse_only:
                steps += [("build", [*pressroom, "build", "pages", "--format", "pdf,docx"]),
                          ("check", [*pressroom, "check"])]
            for name, command in steps:
                seconds, peak, status = measured(command, folder)
                rows.append((size, name, seconds, peak, status))
                print(f"{size:5g} MB  {name:<6} {seconds:8.1f} s  peak {peak:7.0f} MB"
                      f"{'' if status == 0 else f'  (exit {status})'}", flush=True)
    ok = True
    for name in ("parse", "build", "check"):
        found = {size: (s, m) for size, step, s, m, _ in rows if step == name}
        if len(found) >= 2:
            (a, (ta, ma)), (b, (tb, mb)) = sorted(found.items())[:2]
            print(f"{name}: ×{b / a:g} the page → ×{tb / ta:.1f} the time, ×{mb / ma:.1f} the memory")
    parse_50 = [m for size, step, _, m, _ in rows if step == "parse" and size >= 50]
    if parse_50:
        ok = parse_50[0] < TARGET_MB_50
        print(f"50 MB page parsed in {parse_50[0]:.0f} MB (target < {TARGET_MB_50} MB)")
    return 0 if ok and all(status == 0 for *_, status in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

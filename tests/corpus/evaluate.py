#!/usr/bin/env python3
"""Score the parser on the real-page corpus.

    python3 tests/corpus/evaluate.py --split test       # the frozen test pages (milestones only)
    python3 tests/corpus/evaluate.py --split issue      # the issue's 15 pages (in training)
    python3 tests/corpus/evaluate.py --cross-validate 5 # every training page, parsed by a
                                                        # model trained without it
    python3 tests/corpus/evaluate.py --cross-validate 5 --by-layout
                                                        # ... by one that saw no page of
                                                        # its site and year (a new layout)
    add -v for every page's misses; --explain ID (cross-validating) prints how the
    model that did not see page ID read it

Parses the pages with the shipped line-role model (or, cross-validating,
with one model per fold) and prints what ``score_real.py`` prints.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REAL = HERE / "real"
sys.path.insert(0, str(ROOT))


def pages_of(split: str) -> list[dict]:
    key = json.loads((REAL / "key.json").read_text(encoding="utf-8"))
    test = set(json.loads((REAL / "split.json").read_text(encoding="utf-8"))["test"])
    if split == "test":
        return [p for p in key if p["id"] in test]
    if split == "issue":
        return [p for p in key if p.get("source") == "issue"]
    return [p for p in key if p["id"] not in test]


def score(key: list[dict], parsed: dict, verbose: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        key_path, parsed_path = Path(tmp) / "key.json", Path(tmp) / "parsed.json"
        key_path.write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
        parsed_path.write_text(json.dumps(parsed, ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, str(HERE / "score_real.py"), str(key_path), str(parsed_path),
                   "--pages", str(REAL / "pages")] + (["-v"] if verbose else [])
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def parse(split: str, folds: int, by_layout: bool = False,
          explained: dict[str, str] | None = None) -> tuple[list[dict], dict]:
    from converters.parse.pipeline import parse_file

    key = pages_of(split)
    if folds:
        from converters.parse.training import cross_validate

        with tempfile.TemporaryDirectory() as tmp:
            out = cross_validate(HERE, folds, Path(tmp) / "cv.json", by_layout=by_layout,
                                 explained=explained)
            return key, json.loads(out.read_text(encoding="utf-8"))
    documents = [parse_file(REAL / "pages" / f"{page['id']}.txt").to_json() for page in key]
    return key, {"schema": 2, "documents": documents}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["test", "issue", "train"], default="train")
    parser.add_argument("--cross-validate", type=int, default=0, metavar="K")
    parser.add_argument("--by-layout", action="store_true",
                        help="cross-validating, keep each layout (site and year) in one fold")
    parser.add_argument("--explain", action="append", default=[], metavar="ID",
                        help="cross-validating, print how page ID was read")
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    explained = dict.fromkeys(args.explain, "")
    key, parsed = parse("train" if args.cross_validate else args.split, args.cross_validate,
                        args.by_layout, explained)
    for name, text in explained.items():
        sys.stdout.write(f"== {name}\n{text or '(not a held-out page)'}\n")
    output = score(key, parsed, args.v)
    sys.stdout.write(output if args.v else output[output.index("\npages "):].lstrip("\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Training the line-role model from labelled pages.

    python3 -m converters.parse.training [--corpus tests/corpus] [--out converters/parse/data/roles.crfsuite]

What it learns from (all from a clone of the repository):

- the real pages of ``tests/corpus/real`` that are *not* in its frozen test
  split, each line labelled by hand (``labels/<id>.tsv``);
- the five sample pages of ``input/``, labelled by what the rule-based
  assembler makes of them (it reads them exactly as the answer key does),
  also without their markdown marks, flattened to one scraped line, and
  wrapped in a digital edition's chrome — so the model learns to keep the
  rules' reading where the rules are at home.

Training is deterministic: the pages are read in a fixed order and L-BFGS
starts from zero, so the same corpus gives the same model, byte for byte.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from .assemble import record_rule_roles
from .normalise import normalise
from .features import ROLES, unit_features
from .roles import asked_about
from .segment import read
from .units import Unit

ROOT = Path(__file__).resolve().parents[2]
#: L-BFGS with both penalties: L1 keeps the model small (features that do not
#: help are dropped), L2 keeps rare features from dominating (chosen by
#: cross-validating the training pages: c2 from 0.05 to 3 moved each measure by
#: one to three articles of 244; 1.0 was as good as any on all of them)
PARAMS = {"c1": 0.2, "c2": 1.0, "max_iterations": 400, "feature.possible_transitions": True}

#: the chrome a digital edition prints around an article (the sample pages have none),
#: and a news site's: a breadcrumb over it, the links to its neighbours under it
_CHROMES = (
    (["第06版:区街新闻 上一版3  4下一版", "返回主页 | 郑州日报 | 版面导航 | 郑州晚报", "上一期  下一期"],
     ["3上一篇  下一篇4", "版权声明 @ 中原网 网站版权所有"]),
    (["您现在的位置：首页 > 新闻中心 > 县区动态"],
     ["【打印本页】 【关闭窗口】", "上一条：市政府召开常务会议", "下一条：全市安全生产工作会议召开"]),
)


def page_units(text: str) -> tuple[list[Unit], list[str]]:
    units = read(normalise(text).lines)
    return units, record_rule_roles(units)


def line_labels(text: str, labels_path: Path) -> dict[int, str]:
    """Physical line number → role, from a labels file of the page's non-blank lines."""
    labels = [line.split("\t", 1)[0] for line in labels_path.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    numbers = [n for n, line in enumerate(re.split(r"\r\n|\r|\n", text), 1) if line.strip()]
    if len(labels) != len(numbers):
        raise ValueError(f"{labels_path}: {len(labels)} labels for {len(numbers)} non-blank lines")
    for label in labels:
        if label not in ROLES:
            raise ValueError(f"{labels_path}: unknown role {label!r}")
    return dict(zip(numbers, labels, strict=True))


def _asked(units: list[Unit], rule_roles: list[str], labels: list[str]
           ) -> tuple[list[list[str]], list[str]]:
    """The model learns from the units it is asked about when parsing."""
    asked = asked_about(units)
    return (unit_features([units[i] for i in asked], [rule_roles[i] for i in asked]),
            [labels[i] for i in asked])


def labelled_page(text: str, labels: dict[int, str]) -> tuple[list[list[str]], list[str]]:
    units, rule_roles = page_units(text)
    return _asked(units, rule_roles, [labels[u.first_line] for u in units])


def rule_labelled_page(text: str, chrome_lines: frozenset[int] = frozenset()
                       ) -> tuple[list[list[str]], list[str]]:
    """A sample page, labelled by the rules (boilerplate as chrome, editor lines as
    editor), but for ``chrome_lines``: chrome put around it."""
    units, rule_roles = page_units(text)
    labels = ["chrome" if u.first_line in chrome_lines
              else ("editor" if "编辑" in u.text else "chrome") if r == "chrome" and u.role == "drop"
              else r for u, r in zip(units, rule_roles, strict=True)]
    return _asked(units, rule_roles, labels)


def sample_variants(text: str) -> Iterator[tuple[str, frozenset[int]]]:
    """The page, without markdown, flattened to one line, and in a digital edition's
    chrome and a news site's (with the numbers of the chrome's lines)."""
    yield text, frozenset()
    yield re.sub(r"(?m)^#+\s*", "", text), frozenset()
    yield " ".join(line.strip() for line in text.split("\n") if line.strip()), frozenset()
    for head_lines, tail_lines in _CHROMES:
        head = "\n".join(head_lines) + "\n\n"
        tail_start = head.count("\n") + text.count("\n") + 3
        chrome = frozenset(range(1, len(head_lines) + 1)) | frozenset(
            range(tail_start, tail_start + len(tail_lines) + 1))
        yield head + text + "\n\n" + "\n".join(tail_lines) + "\n", chrome


def sequences(corpus: Path) -> Iterator[tuple[str, list[list[str]], list[str]]]:
    """(name, features, labels) of every training page, in a fixed order."""
    real = corpus / "real"
    test = set(json.loads((real / "split.json").read_text(encoding="utf-8"))["test"])
    for page in sorted((real / "pages").glob("*.txt")):
        if page.stem in test:
            continue
        text = page.read_text(encoding="utf-8")
        features, labels = labelled_page(text, line_labels(text, real / "labels" / f"{page.stem}.tsv"))
        yield page.stem, features, labels
    for page in sorted((ROOT / "input").glob("*.txt")):
        for number, (variant, chrome) in enumerate(sample_variants(page.read_text(encoding="utf-8"))):
            features, labels = rule_labelled_page(variant, chrome)
            yield f"{page.stem}#{number}", features, labels


def train(corpus: Path, out: Path, without: frozenset[str] = frozenset()) -> int:
    """Train on the corpus (but the pages named ``without``); the number of sequences."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for name, features, labels in sequences(corpus):
        if name in without:
            continue
        trainer.append(features, labels)
        count += 1
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return count


def cross_validate(corpus: Path, folds: int, out: Path, *, by_layout: bool = False,
                   explained: dict[str, str] | None = None) -> Path:
    """Parse every training page with a model that did not see it: ``folds`` models,
    each trained without one fold of the real pages. Writes what ``pressroom parse
    --json`` would print for them, for score_real.py. ``by_layout``: a fold holds
    whole layouts (the pages of one site and year), so that each page is read by a
    model that has seen no page laid out like it, as a page of a new site would be.
    ``explained``: the pages named in it get what ``pressroom parse --explain`` prints
    for them, read by their fold's model (to see why a held-out page was misread)."""
    import tempfile

    import pycrfsuite

    from . import roles
    from .pipeline import parse_file

    pages = list(sequences(corpus))
    real = [p for p in pages if "#" not in p[0]]
    fold_of = _layout_folds(corpus, [name for name, _, _ in real], folds) if by_layout else \
        {name: i % folds for i, (name, _, _) in enumerate(real)}
    documents = []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(folds):
            held = {name for name, _, _ in real if fold_of[name] == fold}
            trainer = pycrfsuite.Trainer(verbose=False)
            for name, features, labels in pages:
                if name not in held:
                    trainer.append(features, labels)
            trainer.set_params(PARAMS)
            model = Path(tmp) / f"fold{fold}.crfsuite"
            trainer.train(str(model))
            roles.use_model(str(model))
            for name in sorted(held):
                page = corpus / "real" / "pages" / f"{name}.txt"
                documents.append(parse_file(page).to_json())
                if explained is not None and name in explained:
                    from ..explain import explain_file

                    explained[name] = explain_file(page)
        roles.use_model(None)
    out.write_text(json.dumps({"schema": 2, "documents": documents}, ensure_ascii=False),
                   encoding="utf-8")
    return out


def _layout_folds(corpus: Path, names: list[str], folds: int) -> dict[str, int]:
    """Each page's fold, the pages of one layout (site and year, from the address it
    was saved from) together, the folds about equal in size."""
    key = json.loads((corpus / "real" / "key.json").read_text(encoding="utf-8"))
    address = {page["id"]: page.get("url") or page["id"] for page in key}
    layouts: dict[str, list[str]] = {}
    for name in names:
        url = address.get(name, name)
        host = re.sub(r"^https?://(www\.)?([^/:]+).*", r"\2", url)
        year = re.search(r"(?:19|20)\d\d", url)
        layouts.setdefault(f"{host} {year.group(0) if year else ''}", []).append(name)
    sizes = [0] * folds
    fold_of: dict[str, int] = {}
    for layout in sorted(layouts, key=lambda k: (-len(layouts[k]), k)):
        fold = sizes.index(min(sizes))
        sizes[fold] += len(layouts[layout])
        fold_of.update(dict.fromkeys(layouts[layout], fold))
    return fold_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the line-role model.")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "roles.crfsuite")
    parser.add_argument("--cross-validate", type=int, metavar="K", default=0,
                        help="instead of training, parse each training page with a model trained "
                             "without it (K folds) and write the parse to --out")
    parser.add_argument("--by-layout", action="store_true",
                        help="cross-validating, keep each layout (site and year) in one fold")
    args = parser.parse_args(argv)
    if args.cross_validate:
        cross_validate(args.corpus, args.cross_validate, args.out, by_layout=args.by_layout)
        print(f"cross-validated parse of the training pages → {args.out}")
        return 0
    count = train(args.corpus, args.out)
    print(f"trained on {count} pages → {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

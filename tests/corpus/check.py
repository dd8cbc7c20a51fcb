#!/usr/bin/env python3
"""Check the real-page corpus: pages, answer keys and line labels agree.

    python3 tests/corpus/check.py [KEY_JSON ...]

Without arguments it checks ``tests/corpus/real/key.json``. Each page is looked
for in ``pages/`` (or beside the key), its labels in ``labels/`` (or beside
the key, ``<id>.tsv``). Prints one line per problem and exits 1 if any.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "real"
ROLES = {"chrome", "index", "kicker", "title", "subtitle", "byline", "caption", "body",
         "subhead", "editor", "section", "page-title"}
FOLD = str.maketrans({"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")",
                      "　": " ", "\u00a0": " ", "｜": "|", "［": "[", "］": "]", "．": "."})
ARTICLE_KEYS = {"title", "kicker", "subtitle", "reporters", "correspondents", "other_bylines",
                "editors", "starts_with", "ends_with", "dateline", "truncated", "subheads",
                "district", "subdistrict", "alternatives"}


def fold_ns(text: str | None) -> str:
    return re.sub(r"\s+", "", (text or "").translate(FOLD))


def find(name: str, key_path: Path, folder: str) -> Path | None:
    for candidate in (HERE / folder / name, key_path.parent / name):
        if candidate.exists():
            return candidate
    return None


def read_labels(path: Path) -> list[tuple[str, str]]:
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        role, _, text = raw.partition("\t")
        out.append((role.strip(), text.strip()))
    return out


def groups(labels: list[tuple[str, str]], role: str) -> list[str]:
    """Runs of consecutive lines with ``role`` (blank lines do not break a run)."""
    out: list[str] = []
    previous = None
    for label, text in labels:
        if label == role:
            if previous == role:
                out[-1] += "\n" + text
            else:
                out.append(text)
        previous = label
    return out


def check_page(page: dict, key_path: Path) -> list[str]:
    pid = page.get("id")
    problems: list[str] = []
    say = problems.append
    text_path = find(f"{pid}.txt", key_path, "pages")
    if text_path is None:
        return [f"{pid}: page file {pid}.txt not found"]
    raw = text_path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        say(f"{pid}: page starts with a BOM")
    text = raw.decode("utf-8")
    folded = fold_ns(text)
    for field in ("url", "articles", "boilerplate", "notes"):
        if field not in page:
            say(f"{pid}: key has no {field!r}")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    label_path = find(f"{pid}.tsv", key_path, "labels")
    labels: list[tuple[str, str]] = []
    if label_path is None:
        say(f"{pid}: labels {pid}.tsv not found")
    else:
        labels = read_labels(label_path)
        if len(labels) != len(lines):
            say(f"{pid}: {len(labels)} label lines for {len(lines)} non-blank page lines")
        for n, ((role, label_text), line) in enumerate(zip(labels, lines), 1):
            if role not in ROLES:
                say(f"{pid}: label line {n}: unknown role {role!r}")
            if re.sub(r"\s+", " ", label_text) != re.sub(r"\s+", " ", line):
                say(f"{pid}: label line {n} text {label_text[:30]!r} is not page line {line[:30]!r}")
                break
    for line in page.get("boilerplate", []):
        if fold_ns(line) not in folded:
            say(f"{pid}: boilerplate line not in page: {line[:40]!r}")
    articles = page.get("articles", [])
    # (without the marks a page sets before a headline: • 顺义村规民约“润”乡风, nor the bars of
    # a table flattened around it: 我县部署春季森林防火工作 |)
    titles = [fold_ns(t).lstrip("•·□■●◆▲★☆◇○◎").strip("|") for t in groups(labels, "title")]
    # a table flattened into one line holds its headline at the start of a body line
    # (57.3斤大西瓜 荣膺“瓜王” 本报讯(…)…): a line has one label, the headline is still one
    flattened = [fold_ns(t) for role, t in labels if role == "body"]

    def in_body_line(title: str) -> bool:
        return fold_ns(title) not in titles and any(line.startswith(fold_ns(title))
                                                    for line in flattened)
    for i, art in enumerate(articles):
        where = f"{pid} article {i + 1}"
        unknown = set(art) - ARTICLE_KEYS
        if unknown:
            say(f"{where}: unknown fields {sorted(unknown)}")
        for field in ("starts_with", "ends_with"):
            value = art.get(field)
            if not value:
                say(f"{where}: no {field}")
            elif fold_ns(value) not in folded:
                say(f"{where}: {field} {value!r} is not in the page")
        for role in ("reporters", "correspondents", "editors", "other_bylines"):
            for name in art.get(role, []) or []:
                if not re.fullmatch(r"[\u4e00-\u9fff·]{2,8}", name):
                    say(f"{where}: {role} entry {name!r} is not a bare name")
                elif name not in re.sub(r"\s+", "", text):
                    say(f"{where}: {role} name {name!r} not in the page")
        if labels and art.get("title") and fold_ns(art["title"]) not in titles \
                and not in_body_line(art["title"]):
            say(f"{where}: title {art['title']!r} is not a run of title lines in the labels "
                f"(labelled: {groups(labels, 'title')})")
        for field in ("kicker", "subtitle"):
            # a subtitle is keyed without the dash it is printed with (——访…)
            if labels and art.get(field) and fold_ns(art[field]).lstrip("—") not in \
                    [fold_ns(t).lstrip("—") for t in groups(labels, field)]:
                say(f"{where}: {field} {art[field]!r} is not labelled {field}")
        if "truncated" not in art or "dateline" not in art or "district" not in art:
            say(f"{where}: needs truncated, dateline and district (null allowed)")
    if labels and articles:
        bodies = [fold_ns(t) for role, t in labels if role == "body"]
        if bodies:
            first_ok = any(fold_ns(s) in bodies[0] for s in
                           [articles[0].get("starts_with")]
                           + (articles[0].get("alternatives") or {}).get("starts_with", []))
            if not first_ok:
                say(f"{pid}: first body line does not hold the first article's starts_with")
            if fold_ns(articles[-1].get("ends_with")) not in bodies[-1]:
                say(f"{pid}: last body line does not hold the last article's ends_with")
        else:
            say(f"{pid}: no line labelled body")
        n_titles = len(groups(labels, "title"))
        with_title = sum(1 for a in articles if a.get("title") and not in_body_line(a["title"]))
        if n_titles != with_title:
            say(f"{pid}: {n_titles} runs of title lines for {with_title} titled articles")
    return problems


def main(argv: list[str]) -> int:
    keys = [Path(a) for a in argv] or [HERE / "key.json"]
    problems: list[str] = []
    seen: dict[str, str] = {}
    count = 0
    for key_path in keys:
        for page in json.loads(key_path.read_text(encoding="utf-8")):
            count += 1
            if page.get("id") in seen:
                problems.append(f"{page.get('id')}: id used twice")
            elif str(page.get("id")).lower() in {str(i).lower() for i in seen}:
                # A01 and a01 are one file where names ignore case (macOS, Windows)
                problems.append(f"{page.get('id')}: id differs from another only in case")
            if page.get("url") in seen.values():
                problems.append(f"{page.get('id')}: url already in the corpus")
            seen[page.get("id")] = page.get("url")
            problems.extend(check_page(page, key_path))
    excluded = HERE / "excluded-urls.txt"
    if excluded.exists():
        banned = {ln.strip() for ln in excluded.read_text(encoding="utf-8").splitlines()
                  if ln.strip() and not ln.startswith("#")}
        shared = {"22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34",
                  "35", "36"}
        for pid, url in seen.items():
            if url in banned and pid not in shared:
                problems.append(f"{pid}: {url} is an excluded URL")
    for line in problems:
        print(line)
    print(f"{count} pages checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The sample pages parsed against the gold answer key, field by field."""
from __future__ import annotations

import json
import subprocess
import sys
from functools import cache

import pytest

from converters.model import Collection, Document
from converters.parse.pipeline import parse_file

from conftest import GOLD, INPUT, ROOT, scorer

GOLD_DATA = json.loads(GOLD.read_text(encoding="utf-8"))
CASES = [(f["file"], i, field) for f in GOLD_DATA["files"]
         for i in range(len(f["articles"])) for field in scorer.FIELDS]


@cache
def parsed(name: str) -> Document:
    return parse_file(INPUT / name)


def gold_entry(name: str) -> dict:
    return next(f for f in GOLD_DATA["files"] if f["file"] == name)


@pytest.mark.parametrize("name", [f["file"] for f in GOLD_DATA["files"]])
def test_every_article_found_in_order(name: str) -> None:
    document = parsed(name)
    gold = gold_entry(name)
    assert len(document.articles) == len(gold["articles"])
    for article, expected in zip(document.articles, gold["articles"]):
        assert scorer.fold(article.title) == scorer.fold(expected["title"])


@pytest.mark.parametrize(("name", "index", "field"), CASES,
                         ids=[f"{n[:3]}-a{i + 1}-{f}" for n, i, f in CASES])
def test_article_field(name: str, index: int, field: str) -> None:
    expected = gold_entry(name)["articles"][index]
    predicted = scorer.predicted_fields(parsed(name).articles[index].to_json())
    assert predicted[field] in scorer.accepted(expected, field)


@pytest.mark.parametrize("name", [f["file"] for f in GOLD_DATA["files"]])
def test_page_level_fields(name: str) -> None:
    document = parsed(name)
    gold = gold_entry(name)
    assert document.district == gold["district"]
    assert scorer.fold(document.page_title) == scorer.fold(gold["page_title"])
    assert list(document.dropped) == gold["dropped"]


def test_score_command_prints_perfect_score(tmp_path) -> None:
    """The acceptance command of the parser issue, run as a user would."""
    out = tmp_path / "parsed.json"
    subprocess.run([sys.executable, "-m", "converters.cli", "parse", "--json", str(INPUT),
                    "-o", str(out)], check=True, cwd=ROOT)
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "score_parse.py"), str(GOLD),
                             str(out)], check=True, capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "score: 1.000", result.stdout


def test_json_round_trip() -> None:
    collection = Collection(tuple(parsed(f["file"]) for f in GOLD_DATA["files"]))
    data = json.loads(json.dumps(collection.to_json(), ensure_ascii=False))
    assert data["schema"] == 2
    assert Collection.from_json(data) == collection


def test_schema_1_json_still_reads() -> None:
    """The migration: schema 1's true/false dateline becomes 本报讯/None, new keys default."""
    collection = Collection(tuple(parsed(f["file"]) for f in GOLD_DATA["files"]))
    data = json.loads(json.dumps(collection.to_json(), ensure_ascii=False))
    data["schema"] = 1
    for document in data["documents"]:
        for key in ("paper", "page_number", "page_name", "published"):
            del document[key]
        for article in document["articles"]:
            article["dateline"] = article["dateline"] is not None
            for key in ("other_bylines", "captions", "truncated"):
                del article[key]
    assert Collection.from_json(data) == collection
    data["schema"] = 3
    with pytest.raises(ValueError, match="schema 3"):
        Collection.from_json(data)


def test_model_is_immutable() -> None:
    article = parsed(GOLD_DATA["files"][0]["file"]).articles[0]
    with pytest.raises(AttributeError):
        article.title = "changed"  # type: ignore[misc]


def test_sources_explain_page_break_joins() -> None:
    """Each block keeps its source lines and why they were joined."""
    article = parsed("000_ff23bc1d83eded92.txt").articles[0]
    second = article.paragraphs[1]
    assert second.source is not None
    assert (second.source.first_line, second.source.last_line) == (11, 15)
    assert second.source.joins == ("page-break",)
    assert "byline" in second.source.cuts


def test_truncated_line_is_reported_not_joined() -> None:
    document = parsed("001_dc4c5834f2265a3c.txt")
    assert any("cut off" in w and "line 51" in w for w in document.warnings)
    feature = document.articles[0]
    assert feature.paragraphs[-1].text.startswith("为多渠道学习中国共产党党史")


def test_byline_as_printed_is_kept() -> None:
    article = parsed("004_71a2d933984926d5.txt").articles[0]
    assert article.bylines == ("记者 杨宜锦 新郑时报 李显文 邓春丽 文/图",)


def test_punctuation_normalised_between_han() -> None:
    article = parsed("001_dc4c5834f2265a3c.txt").articles[1]
    first = article.paragraphs[0].text
    assert first.startswith("3月15日，中原区2021年")
    assert "," not in first

"""A real page as a whole: the facts its chrome states, traditional characters, a page
cut off, lines unwrapped or not, --explain and the JSON model."""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from converters.parse.chrome import page_facts
from converters.parse.normalise import normalise
from converters.parse.options import ParseOptions
from converters.parse.pipeline import parse_file, parse_text, read_roles

from shapes import PAGES, ROOT


def test_page_facts() -> None:
    facts = page_facts(["第M02版：中原时报 政务 上一版3 4下一版", "返回主页 | 郑州晚报 | 标题导航 | 郑州日报"])
    assert (facts.paper, facts.page_number, facts.page_name) == ("郑州晚报", "M02", "中原时报 政务")
    facts = page_facts(["中原网 日期: 2008-03-17 来源: 郑州日报"])
    assert (facts.paper, facts.published) == ("郑州日报", "2008-03-17")
    # the paper's name, not the words of the sentence it stands in
    assert page_facts(["所有内容为平顶山日报社版权所有.未经许可,不得转载"]).paper == "平顶山日报"


def test_each_line_is_shown_read_as_its_own_unit_was() -> None:
    # a paragraph broken by a page break is joined, but each piece keeps its own lines
    document = parse_text("标题\n\n本报讯 近日，社区开展\n\n活动。居民积极参与，大家纷纷点赞。\n")
    assert [(first, last) for first, last, _, _ in document.reading] == [(1, 1), (3, 3), (5, 5)]


def test_traditional_pages_parse_as_simplified_ones(tmp_path: Path) -> None:
    if importlib.util.find_spec("opencc") is None:
        pytest.skip("opencc is not installed")
    import opencc

    source = (PAGES / "25.txt").read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(source)
    assert traditional != source
    plain, trad = parse_text(source), parse_text(traditional)
    to_simple = opencc.OpenCC("t2s").convert
    for a, b in zip(plain.articles, trad.articles, strict=True):
        assert (a.title, a.reporters, a.correspondents, a.district) == \
            (to_simple(b.title), tuple(map(to_simple, b.reporters)),
             tuple(map(to_simple, b.correspondents)), b.district)
        assert b.dateline == "本報訊"
    simplified = parse_text(traditional, options=ParseOptions(simplified=True)).articles[0]
    assert simplified.title == plain.articles[0].title and simplified.dateline == "本报讯"


def test_parse_json_is_schema_2_with_the_page_facts(tmp_path: Path) -> None:
    out = tmp_path / "parsed.json"
    subprocess.run([sys.executable, "-m", "converters.cli", "parse", "--json", str(PAGES / "22.txt"),
                    "-o", str(out)], check=True, cwd=ROOT)
    data = json.loads(out.read_text(encoding="utf-8"))
    document = data["documents"][0]
    assert data["schema"] == 2 and document["paper"] == "郑州日报" and document["page_number"] == "06"
    article = document["articles"][0]
    assert {"other_bylines", "captions", "truncated"} <= set(article)


def test_explain_shows_every_line_with_its_role(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "converters.cli", "parse", "--explain",
                             str(PAGES / "29.txt")], capture_output=True, text=True, check=True,
                            cwd=ROOT)
    out = result.stdout
    source = (PAGES / "29.txt").read_text(encoding="utf-8").splitlines()
    shown = [line for line in out.splitlines() if line[:4].strip().isdigit()]
    assert len(shown) == sum(1 for line in source if line.strip())
    roles = {int(line[:4]): line.split()[1] for line in shown}
    assert roles[3] == "chrome" and roles[7] == "index" and roles[20] == "kicker"
    assert roles[21] == "title" and roles[24] == "caption" and roles[31] == "body"
    assert "article 1: 出动百余记者 上街洒扫庭除" in out and "reporters: 裴其娟、安群英、梁晓" in out
    # the reasons are words an editor reads, not the model's feature names
    page = read_roles((PAGES / "29.txt").read_text(encoding="utf-8"), explain=True)
    reasons = [unit.reason for unit in page.units]
    assert all(reasons) and all(reason in out for reason in reasons)
    assert not [r for r in reasons if re.search(r"[a-z]+[.=][a-z0-9]|^[+-]\d:", r)], reasons
    assert "a navigation line" in out and "print/zoom buttons" in out


def test_lines_of_one_length_that_are_no_prose_are_not_unwrapped() -> None:
    # y04: a site's header lines of about one length; the kicker and title among them
    page = normalise((PAGES / "y04.txt").read_text(encoding="utf-8"))
    assert not any(line.wrapped for line in page.lines)
    assert "扎根新土地 开启新生活" in [line.text for line in page.lines]
    # n13: a headline index, fourteen characters a line
    assert not any(line.wrapped for line in normalise((PAGES / "n13.txt").read_text(
        encoding="utf-8")).lines)
    # a column of prose broken every twelve characters is still one paragraph
    prose = ("近日，兰考县三义寨乡开展“人居环境大提升 干干净净过新年”活动启动仪式。兰考县委副书记、"
             "三义寨乡党委书记陈宣陶参加启动仪式并致辞，号召全乡干部群众行动起来，清理房前屋后的垃圾。")
    column = "\n".join(prose[i:i + 12] for i in range(0, len(prose), 12))
    assert [line.text for line in normalise(f"三义寨乡刷新乡村颜值\n\n{column}\n").lines][-1] == prose


def test_a_page_cut_off_ends_in_a_truncated_article() -> None:
    document = parse_file(PAGES / "28.txt")
    article = document.articles[-1]
    assert article.truncated and article.paragraphs[-1].text.endswith("参与环境整治")
    assert any("cut off" in warning for warning in document.warnings)
    assert not parse_file(PAGES / "22.txt").articles[-1].truncated


def test_a_piece_of_a_huge_page_has_no_page_edge_inside_it() -> None:
    # a piece but the first goes on from text above it, a piece but the last into text
    # below: its first and last lines are no page's first and last (6570970)
    from converters.parse.assemble import record_rule_roles
    from converters.parse.features import unit_features
    from converters.parse.normalise import normalise
    from converters.parse.segment import read

    text = "\n\n".join(f"第{k}段：中原区今天召开会议，研究部署工作，会议要求各单位认真落实各项任务。"
                       for k in range(6))
    units = read(normalise(text).lines)
    rule_roles = record_rule_roles(units)
    page = unit_features(units, rule_roles)
    inner = unit_features(units, rule_roles, opens_page=False, closes_page=False)
    assert "first" in page[0] and "last" in page[-1]
    assert "first" not in inner[0] and "last" not in inner[-1]
    assert not [f for row in inner for f in row if f.startswith("lead=after") or f == "lead=0"]

"""Punctuation normalisation (GB/T 15834) and byline reading, case by case."""
from __future__ import annotations

import pytest

from converters.parse.bylines import parse_byline
from converters.parse.glued import split_glued
from converters.parse.normalise import normalise, normalise_punctuation
from converters.parse.pipeline import parse_text


@pytest.mark.parametrize(("raw", "expected"), [
    ("中原区系统部署,精心组织", "中原区系统部署，精心组织"),
    ("3月4日,区委常委会", "3月4日，区委常委会"),
    ("共1,000人参加", "共1,000人参加"),
    ("10:30开会", "10:30开会"),
    ("会议要求:一是", "会议要求：一是"),
    ("为什么?因为", "为什么？因为"),
    ("好!", "好！"),
    ("党(工)委", "党（工）委"),
    ("社区(村)退役", "社区（村）退役"),
    ("Hello, world; (yes)", "Hello, world; (yes)"),
    ("访问 www.example.com:8080 查看", "访问 www.example.com:8080 查看"),
    ("“五星”,", "“五星”，"),
    ("3月~5月，银河办事处", "3月～5月，银河办事处"),  # GB/T 15834: a range takes ～
    ("20世纪60~80年代", "20世纪60～80年代"),
    ("~/.config and a~b", "~/.config and a~b"),
])
def test_punctuation(raw: str, expected: str) -> None:
    assert normalise_punctuation(raw) == expected


def test_normalise_spaces_controls_and_line_ends() -> None:
    page = normalise("\u3000\u3000第一段,内容\x07\r\n\r\n第二段\u00a0内容\t \r第三段")
    assert [line.text for line in page.lines] == ["第一段，内容", "第二段 内容", "第三段"]
    assert page.lines[1].gap_before == 1
    assert any("control" in w and "line 1" in w for w in page.warnings)


def test_fullwidth_digits_and_latin_become_ascii() -> None:
    assert normalise("２０２１年ＡＢ").lines[0].text == "2021年AB"


@pytest.mark.parametrize(("text", "reporters", "correspondents", "credit"), [
    ("记者 王军方 通讯员 贺振广 高雅静 文/图", ("王军方",), ("贺振广", "高雅静"), "文/图"),
    ("记者 杨宜锦 新郑时报 李显文 邓春丽 文/图", ("杨宜锦",), ("李显文", "邓春丽"), "文/图"),
    ("记者王军方 通讯员周杰", ("王军方",), ("周杰",), None),
    ("记者王军方通讯员周杰文/图", ("王军方",), ("周杰",), "文/图"),
    ("（记者 张三 通讯员 李四）", ("张三",), ("李四",), None),
    ("本报记者 欧阳明月 实习生 李四", ("欧阳明月",), (), None),
    ("通讯员 理相", (), ("理相",), None),
])
def test_bylines(text: str, reporters: tuple, correspondents: tuple, credit: str | None) -> None:
    byline = parse_byline(text)
    assert byline is not None
    assert (byline.reporters, byline.correspondents, byline.credit) == \
        (reporters, correspondents, credit)


@pytest.mark.parametrize("text", ["记者", "记者 表示在今后工作中要学习", "通讯员们表示", "文/图",
                                  "记者节活动", "王军方 贺振广"])
def test_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


def test_glued_byline_is_cut_off_the_paragraph() -> None:
    text, byline = split_glued("其他6支参赛队伍评为优秀组织奖。记者 王军方 通讯员 贺振广 高雅静 文/图")
    assert text == "其他6支参赛队伍评为优秀组织奖。"
    assert byline is not None and byline.correspondents == ("贺振广", "高雅静")


def test_byline_words_inside_a_sentence_stay() -> None:
    text = "他对记者说，这次活动很好。"
    assert split_glued(text) == (text, None)


def test_a_bylines_mark_drawn_with_a_rare_square_is_the_usual_one() -> None:
    # 1335: ▢ (U+25A2) where the byline rules know □
    article = parse_text("江东：走街串巷宣传垃圾分类\n\n▢ 全媒体记者 李爽爽\n\n"
                         "近日，江东街道组织志愿者走街串巷宣传垃圾分类知识。\n").articles[0]
    assert article.reporters == ("李爽爽",)
    assert article.subtitle is None


def test_three_lines_of_one_length_that_are_no_prose_are_no_hard_wrap() -> None:
    # 1687: the headline printed twice (its quotation marks typed two ways) and the source
    # line, each 24 characters: no paragraph wrapped at 24, and the copies stay lines
    from converters.parse.normalise import normalise

    page = (" date 2024-12-07 洛阳网首页 新闻 县区 百姓呼声 电子报\n"
            "洛阳“网红书记”郑俊飞 直播“新农活”带火农产品\n"
            "洛阳\"网红书记\"郑俊飞 直播\"新农活\"带火农产品\n"
            "来源: 洛阳网 2025.10.21 08:23\n郑俊飞（右二）直播中\n\n"
            "昨日，清晨的光亮刚洒进伊滨区诸葛镇下徐马社区，郑俊飞已经在直播间里忙开了。\n")
    lines = normalise(page).lines
    assert [line.first_line for line in lines] == [1, 2, 3, 4, 5, 7]
    assert not any(line.wrapped for line in lines)

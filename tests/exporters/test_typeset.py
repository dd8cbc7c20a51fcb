"""Line composition rules, checked on composed lines directly."""
from __future__ import annotations

import pytest

from converters.exporters.pdf.styles import build_layout
from converters.exporters.pdf.typeset import (CANNOT_END, CANNOT_START, Run, compose, make_atoms)
from converters.layout import load_layout
from converters.store import user_store

SIZE = 10.5
TEXT = ("为迎接中国共产党成立100周年，深入推进全区党史学习教育，中原区系统部署、精心组织，"
        "在全区范围掀起了“学党史、悟思想、办实事、开新局”的热潮。《歌唱祖国》《没有共产党"
        "就没有新中国》等一首首耳熟能详的经典歌曲接连唱响……观众说：“好！”——真好。WeChat 1,000人。")


@pytest.fixture(scope="module")
def face():  # type: ignore[no-untyped-def]
    layout = build_layout(load_layout("bulletin", "pdf"), TEXT, store=user_store())
    return layout.styles["body"].face


def lines_of(face, text: str, measure: float, indent: float = 0.0):  # type: ignore[no-untyped-def]
    return compose(make_atoms([Run(text)], face, SIZE), measure, indent, SIZE)


@pytest.mark.parametrize("chars_per_line", range(8, 31))
def test_no_line_starts_or_ends_badly_at_any_measure(face, chars_per_line: int) -> None:  # type: ignore[no-untyped-def]
    lines = lines_of(face, TEXT, chars_per_line * SIZE, 2 * SIZE)
    texts = [line.text for line in lines]
    assert "".join(texts).replace(" ", "") == TEXT.replace(" ", "")
    for text in texts[1:]:
        assert text[0] not in CANNOT_START, texts
    for text in texts:
        assert text[-1] not in CANNOT_END, texts
    for line in lines[:-1]:
        assert abs(line.indent + line.natural_width() - chars_per_line * SIZE) <= 0.5, texts
    assert all(a.text not in ("—", "…") for line in lines for a in line.atoms)  # pairs stay whole


def test_squeeze_before_push(face) -> None:  # type: ignore[no-untyped-def]
    """A comma that would start the next line is squeezed into this one instead:
    the line's marks give up their blank halves, the line's end first."""
    lines = lines_of(face, "一二、三四、五六七八，九十", 10 * SIZE)
    assert lines[0].text == "一二、三四、五六七八，"
    assert lines[0].advance[10] == pytest.approx(SIZE / 2)
    assert lines[0].advance[5] == pytest.approx(SIZE / 2)
    assert lines[0].advance[2] == pytest.approx(SIZE)


def test_push_when_squeezing_is_not_enough(face) -> None:  # type: ignore[no-untyped-def]
    lines = lines_of(face, "一二三四五六七八九十十”。一二三", 10 * SIZE)
    assert lines[1].text[0] not in CANNOT_START
    assert len(lines[0].text) < 12


def test_opening_mark_never_ends_a_line(face) -> None:  # type: ignore[no-untyped-def]
    lines = lines_of(face, "一二三四五六七八九《十一》二三四五", 10 * SIZE)
    assert lines[0].text[-1] != "《"


def test_adjacent_marks_take_one_and_a_half_em(face) -> None:  # type: ignore[no-untyped-def]
    line = lines_of(face, "好。”他说", 100 * SIZE)[0]
    assert line.text[1] == "。" and line.advance[1] == pytest.approx(SIZE / 2)
    assert line.advance[2] == pytest.approx(SIZE)


def test_no_single_character_last_line(face) -> None:  # type: ignore[no-untyped-def]
    lines = lines_of(face, "一二三四五六七八九十一", 10 * SIZE)
    assert len(lines) == 2 and lines[-1].text == "十一"


def test_latin_words_and_numbers_are_not_broken(face) -> None:  # type: ignore[no-untyped-def]
    atoms = make_atoms([Run("共有1,000人使用WeChat")], face, SIZE).items
    assert "1,000" in [a.text for a in atoms] and "WeChat" in [a.text for a in atoms]


def test_a_new_common_character_needs_no_new_font_subset() -> None:
    from converters.fonts import FontSource, common_han, prepare

    source = FontSource("pkg:pylopdf_fonts_zh_cn/NotoSerifSC-Regular.otf")
    before = prepare(source, "区县新闻", store=user_store())
    assert "赞" in common_han() and len(common_han()) == 3755
    assert prepare(source, "区县新闻赞", store=user_store()).path == before.path  # a corrected page: same subset
    assert prepare(source, "区县新闻鑫", store=user_store()).path != before.path  # a rare character: a new one
    assert "鑫" in prepare(source, "区县新闻鑫", store=user_store()).covered


def test_a_line_with_room_keeps_its_marks_whole(face) -> None:  # type: ignore[no-untyped-def]
    """Marks squeezed to take in a character are given back when the break moves
    and the line has room again (a last line given company): no half-width comma
    in a line that is spaced out."""
    for text in ("一二、三四、五六七八，九十", "一二、三四、五六七八，九", "近日，航空港区八岗办事处组织开展“看红色电影”活动。"):
        for chars in range(6, 14):
            for line in lines_of(face, text, chars * SIZE):
                if line.extra > 1e-6:
                    squeezed = [a for i, a in enumerate(line.atoms)
                                if line.advance[line.start + i] < a.width - 1e-6]
                    assert not squeezed, (text, chars, line.text)


@pytest.mark.parametrize(("headline", "chars", "expected"), [
    # the sample's headlines that broke inside a quoted phrase or a word
    ("开展“温誓词 悟初心”主题党日活动", 12, ["开展“温誓词 悟初心”", "主题党日活动"]),
    ("党工委书记讲“草地党支部”的故事", 12, ["党工委书记讲", "“草地党支部”的故事"]),
    ("组织党员干部 观摩学习先进党群工作经验", 10, ["组织党员干部 观摩", "学习先进党群工作经验"]),
    ("明港办事处召开党史学习教育推进会", 9, ["明港办事处召开", "党史学习教育推进会"]),
    ("中原区人大常委会视察 退役军人事务工作开展情况", 13,
     ["中原区人大常委会视察", "退役军人事务工作开展情况"]),
])
def test_a_headline_breaks_where_a_reader_would(face, headline: str, chars: int,  # type: ignore[no-untyped-def]
                                                expected: list[str]) -> None:
    """At a space or a mark first, never inside a quoted phrase or 办事处 if it can
    be helped, between words (two characters from a space, as most are) else."""
    from reportlab.lib.colors import black

    from converters.exporters.pdf.typeset import CJKParagraph, ParaStyle

    paragraph = CJKParagraph([Run(headline)], ParaStyle(face, 16.0, 22.0, black, align="center"))
    assert [line.text.strip() for line in paragraph.lines(chars * 16.0)] == expected


def test_adjacent_marks_stay_at_one_and_a_half_ems_on_a_loose_line(face) -> None:  # type: ignore[no-untyped-def]
    """The compression of a pair like 。” always applies: a line given room back keeps it."""
    for chars in range(8, 16):
        for line in lines_of(face, "他说：“好。”大家都笑了，“真好。”又说了一遍。", chars * SIZE):
            text = line.text
            for pair in ("。”", "：“"):
                at = text.find(pair)
                if at >= 0:
                    assert line.advance[line.start + at] == pytest.approx(SIZE / 2), (chars, text)


@pytest.mark.parametrize("chars_per_line", range(12, 25))
def test_a_paragraph_set_a_line_longer_or_shorter_keeps_every_rule(face, chars_per_line: int) -> None:  # type: ignore[no-untyped-def]
    """To balance a page's columns a paragraph may be loosened (its lines filled a
    little short, justified to the measure all the same) or tightened (its marks
    squeezed to take in more): the text, the line-start and line-end rules and the
    justified measure hold either way, and nothing runs past the measure."""
    atoms = make_atoms([Run(TEXT)], face, SIZE)
    measure = chars_per_line * SIZE
    plain = compose(atoms, measure, 2 * SIZE, SIZE)
    for lines in (compose(make_atoms([Run(TEXT)], face, SIZE), measure, 2 * SIZE, SIZE, loosen=SIZE),
                  compose(make_atoms([Run(TEXT)], face, SIZE), measure, 2 * SIZE, SIZE,
                          tighten_from=0)):
        texts = [line.text for line in lines]
        assert "".join(texts).replace(" ", "") == TEXT.replace(" ", "")
        assert all(text[0] not in CANNOT_START for text in texts[1:]), texts
        assert all(text[-1] not in CANNOT_END for text in texts), texts
        for line in lines[:-1]:
            assert abs(line.indent + line.natural_width() - measure) <= 0.5, texts
        assert lines[-1].indent + lines[-1].natural_width() <= measure + 0.01
    loosened = compose(make_atoms([Run(TEXT)], face, SIZE), measure, 2 * SIZE, SIZE, loosen=SIZE)
    tightened = compose(make_atoms([Run(TEXT)], face, SIZE), measure, 2 * SIZE, SIZE, tighten_from=0)
    assert len(tightened) <= len(plain) <= len(loosened)


def test_tightening_squeezes_only_the_lines_it_is_asked_to(face) -> None:  # type: ignore[no-untyped-def]
    measure = 16 * SIZE
    plain = compose(make_atoms([Run(TEXT)], face, SIZE), measure, 2 * SIZE, SIZE)
    tight = compose(make_atoms([Run(TEXT)], face, SIZE), measure, 2 * SIZE, SIZE,
                    tighten_from=len(plain) - 3)
    assert [line.text for line in tight[:len(plain) - 3]] == [line.text for line in plain[:len(plain) - 3]]


def test_loosening_and_tightening_do_change_the_line_count(face) -> None:  # type: ignore[no-untyped-def]
    longer = shorter = 0
    for chars in range(12, 25):
        measure = chars * SIZE
        count = len(compose(make_atoms([Run(TEXT)], face, SIZE), measure, 2 * SIZE, SIZE))
        longer += len(compose(make_atoms([Run(TEXT)], face, SIZE), measure, 2 * SIZE, SIZE,
                              loosen=SIZE)) > count
        shorter += len(compose(make_atoms([Run(TEXT)], face, SIZE), measure, 2 * SIZE, SIZE,
                               tighten_from=0)) < count
    assert longer >= 3 and shorter >= 1, (longer, shorter)

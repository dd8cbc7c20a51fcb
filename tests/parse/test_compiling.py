"""Patterns compiled while the parser loads (each character class worked out once) match
exactly what the same patterns compiled as usual match."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from converters.parse.compiling import classes_worked_out_once

#: classes as the parser spells them, each several times in one pattern, some case-blind
CLASSES = [r"[\u4e00-\u9fff]", r"[^\u4e00-\u9fff]", r"[\u4e00-\u9fff·]", r"[。，！？]",
           r"[^。，]", r"[A-Za-z]", r"[\d一二三四五六七八九十]", r"[\s　]", r"[□■●◆▲★]",
           r"[\u4e00-\u9fff\w]", r"[^\W\d_]", r"[A-Z]", r"[a-z\u4e00-\u9fff]"]
PATTERNS = st.lists(st.tuples(st.sampled_from(CLASSES), st.sampled_from(["", "+", "{1,3}", "?"])),
                    min_size=1, max_size=6).map(lambda parts: "".join(c + q for c, q in parts))
TEXT = st.text(st.sampled_from("郑州市金水区本报讯记者·。，！？ 　aAzZ9三□■x_"), max_size=30)


def compiled(pattern: str, flags: int, once: bool) -> re.Pattern[str]:
    re.purge()  # compiled afresh, not taken from re's own cache
    if not once:
        return re.compile(pattern, flags)
    with classes_worked_out_once():
        # its classes worked out first, case-blind and not
        re.compile(pattern.replace("+", "*"), flags ^ re.IGNORECASE)
        re.compile(pattern.replace("+", "*"), flags)
        return re.compile(pattern, flags)


@settings(max_examples=150, deadline=None)
@given(PATTERNS, st.sampled_from([0, re.IGNORECASE]), st.lists(TEXT, min_size=1, max_size=5))
def test_the_same_matches(pattern: str, flags: int, texts: list[str]) -> None:
    usual, once = compiled(pattern, flags, False), compiled(pattern, flags, True)
    for text in texts:
        assert [m.span() for m in usual.finditer(text)] == [m.span() for m in once.finditer(text)]


def test_a_class_spelt_twice_in_one_pattern() -> None:
    re.purge()
    with classes_worked_out_once():
        pattern = re.compile(r"^[\u4e00-\u9fff]{2}·[\u4e00-\u9fff]{2}$")
    assert pattern.match("欧阳·文静")
    assert not pattern.match("欧阳·wen")


def test_the_compiler_is_as_it_was_after_it_even_after_an_error() -> None:
    # (what re itself calls: read, never replaced, here)
    compiler = re._compiler  # type: ignore[attr-defined]
    before = compiler._optimize_charset
    with classes_worked_out_once():
        assert compiler._optimize_charset is not before  # while the parser loads, it remembers
        re.compile(r"[\u4e00-\u9fff]+")
    assert compiler._optimize_charset is before
    try:
        with classes_worked_out_once():
            re.compile(r"[\u4e00-\u9fff")  # a pattern that does not compile
    except re.error:
        pass
    assert compiler._optimize_charset is before

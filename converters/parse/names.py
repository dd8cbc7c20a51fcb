"""What a person's name looks like in a byline: two or three Han characters (four
with a compound surname, more with an interpunct: 阿依古丽·买买提), led by a known
surname where nothing else says it is a name; and names printed with no space
between them or glued to the outlet that follows."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from .chars import is_han

COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容",
                     "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "闻人")
NOT_NAMES = frozenset({"本报讯", "新华社", "本报", "记者", "通讯员", "摄影", "报道", "文图",
                       "图文", "实习生", "编辑"})


@cache
def surnames() -> frozenset[str]:
    text = resources.files("converters.parse.data").joinpath("surnames.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


def looks_like_person(token: str) -> bool:
    """A name that also starts with a known surname (for scraped token runs)."""
    return is_name(token) and (token[0] in surnames() or token.startswith(COMPOUND_SURNAMES))


def is_name(token: str) -> bool:
    if token in NOT_NAMES:
        return False
    plain = token.replace("·", "")
    if not plain or not all(is_han(ch) for ch in plain):
        return False
    if "·" in token:
        return 3 <= len(plain) <= 10
    if len(plain) in (2, 3):
        return True
    return len(plain) == 4 and plain.startswith(COMPOUND_SURNAMES)


def split_names(run: str) -> tuple[str, str] | None:
    """Two names printed with no space between them (闫春生张浩杰, 崔敬刘萌萌): the one way
    of cutting the run into names of two or three characters that both start with a
    known surname, or None. Not four characters: two words of two (高度关注) would
    pass for two names."""
    if not 5 <= len(run) <= 6 or not all(is_han(ch) for ch in run):
        return None
    cuts = [(run[:k], run[k:]) for k in (2, 3) if 2 <= len(run) - k <= 3]  # 2+3, 3+2, 3+3
    found = [cut for cut in cuts if all(looks_like_person(name) for name in cut)]
    return found[0] if len(found) == 1 else None


def spaced_four(token: str, text: str) -> bool:
    """A name of four characters led by a known surname (刘家一郎), printed with a space
    or a mark on both sides: glued to a role (记者高度关注) it would be two words."""
    return len(token) == 4 and all(is_han(ch) for ch in token) and token[0] in surnames() \
        and re.search(rf"(?:^|[\s、，,]){token}(?:$|[\s、，,]|文)", text) is not None


_OUTLET = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:融媒体中心|新闻中心|日报|晚报|时报)$")
_PLACE_START = re.compile(r"^[\u4e00-\u9fff]{1,4}[市县区]")


def name_then_outlet(token: str) -> str | None:
    """The name glued before an outlet's (张鸿飞 of 张鸿飞汝州市融媒体中心), when what is
    left is an outlet named by its place: not 郑州 of 郑州市融媒体中心."""
    for length in (3, 2):
        name, rest = token[:length], token[length:]
        if looks_like_person(name) and _OUTLET.match(rest) and _PLACE_START.match(rest):
            return name
    return None

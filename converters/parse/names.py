"""What a person's name looks like in a byline: two or three Han characters (four
with a compound surname, more with an interpunct: 阿依古丽·买买提), led by a known
surname where nothing else says it is a name; and names printed with no space
between them or glued to the outlet that follows."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ..model import Credit
from .chars import is_han

COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容",
                     "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "闻人")
NOT_NAMES = frozenset({"本报讯", "新华社", "本报", "记者", "通讯员", "摄影", "报道", "文图",
                       "图文", "实习生", "编辑",
                       # a site's labels beside its outlet's name (郑东融媒体中心 原创): 原, 首,
                       # 出 and 发 are surnames too
                       "原创", "首发", "出品", "发布", "独家", "转载", "供稿"})


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


def listed_with_a_name(token: str, text: str) -> bool:
    """``token`` is followed in ``text`` by 、 and a name: one of a list of names (晨光 of
    通讯员晨光、肖兰兰, a pen name with no surname)."""
    listed = re.search(re.escape(token) + r"\s*、\s*([\u4e00-\u9fff]{2,3})(?=$|[\s、）)])", text)
    return listed is not None and looks_like_person(listed.group(1))


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


#: an outlet's name alone: 郑州日报, 汝州市融媒体中心
OUTLET = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:融媒体中心|新闻中心|日报|晚报|时报)$")
_PLACE_START = re.compile(r"^[\u4e00-\u9fff]{1,4}[市县区]")


def name_then_outlet(token: str) -> str | None:
    """The name glued before an outlet's (张鸿飞 of 张鸿飞汝州市融媒体中心), when what is
    left is an outlet named by its place: not 郑州 of 郑州市融媒体中心."""
    for length in (3, 2):
        name, rest = token[:length], token[length:]
        if looks_like_person(name) and OUTLET.match(rest) and _PLACE_START.match(rest):
            return name
    return None


#: names without a role in brackets closing an article: （商 闻）, (湛承兵 王 群)
_BRACKETED_NAMES = re.compile(r"[（(]\s*([\u4e00-\u9fff][\u4e00-\u9fff\s·/／、]{1,30}?)\s*[）)]$")
#: an editor's role words, the longer of two that share a start first (审核人 before 审核:
#: its name is not 人余柯潘; 责编, 终审: a county news centre's editors)
EDITOR_ROLES = "责任编辑|本文编辑|网络编辑|责编|编辑|审核人|审核|终审|校对|美编|监制"
#: what the names of a byline did, as a slash prints it (文/图: wrote and took the pictures)
SLASHED_CREDITS = r"文/图|图/文|文／图|图／文|文/摄|文／摄"
#: what all the names of a bracketed credit did, after the last (理效明 刘巍 文/图)
_SHARED_CREDIT = re.compile(rf"\s+(?:{SLASHED_CREDITS})$")
#: a name with what it did, in a bracketed credit: 张骞/文 张梦珠/图, 潘凡/文、摄 (both)
_NAME_AND_PART = re.compile(r"([\u4e00-\u9fff·]{2,4})[/／]([文图摄](?:[、/／][文图摄])?)")
#: what separates the names of a byline (本报记者_沈茜: an underscore too)
SEPARATORS = re.compile(r"[\s、，,；;：:_]+")


def spaced_names(text: str) -> list[str]:
    """The names of a line of names; a two-character name spaced out (王 群) is one."""
    names: list[str] = []
    for token in SEPARATORS.split(text.strip()):
        if len(token) == 1 and is_han(token) and names and len(names[-1]) == 1 \
                and is_han(names[-1]):
            names[-1] += token
        elif token:
            names.append(token)
    return names


def bracketed_names(text: str) -> tuple[str, tuple[Credit, ...]] | None:
    """Names printed without a role in brackets closing a paragraph, as initials or full
    names: (text before, their credits). Each must be a name; two-character ones need
    a known surname, or a space inside (商 闻: initials)."""
    match = _BRACKETED_NAMES.search(text)
    if match is None:
        return None
    before = text[:match.start()].rstrip()
    if before and before[-1] not in "。！？!?”」』":
        return None
    inner = _SHARED_CREDIT.sub("", match.group(1).strip())  # (理效明 刘巍 文/图): all of them
    if "/" in inner or "／" in inner:  # (张骞/文 张梦珠/图): each name says what it did
        parts = [_NAME_AND_PART.fullmatch(token) for token in inner.split()]
        if not all(part and is_name(part.group(1)) for part in parts):
            return None
        return before, tuple(Credit("author" if "文" in part.group(2) else "photographer",
                                    part.group(1)) for part in parts if part)
    took_pictures = inner.endswith("摄") and len(inner) > 3  # (徐江垚郭伟摄): the photographers'
    if took_pictures:
        inner = inner[:-1].rstrip()
    if " " not in inner:
        # (郭营战梁亚波): two names printed with no space, cut the one way that makes both names
        names = [inner] if looks_like_person(inner) else list(split_names(inner) or ())
    else:
        names = spaced_names(inner)
        if len(names) == 1 and " " in inner and len(names[0]) == 2:
            pass  # 商 闻: initials, accepted as they are
        elif not all(looks_like_person(n) or (len(n) == 3 and is_name(n)) for n in names):
            return None
    if not names or not all(is_name(n) for n in names):
        return None
    return before, tuple(Credit("photographer" if took_pictures else "author", n) for n in names)

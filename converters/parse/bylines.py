"""Bylines: ``记者 王军方 通讯员 贺振广 高雅静 文/图`` and the many shapes papers print.

A byline is a run of role words, affiliations, names and a credit. It may
stand on its own line (``■本报记者 刘 招 通讯员 王 平``, ``□东方今报·猛犸新闻记者
徐先友``), be split over two lines, be glued to the end of a paragraph
(``…笑着说。晚报记者 董占卿``), sit in parentheses after a dateline
(``本报讯(记者 裴其娟 实习生 马真)``), credit photographs (``本栏图片由本报记者
丁友明 摄``) or appear as space-separated tokens in a scraped one-line page.

Only reporters (记者) and correspondents (通讯员, or a paper's name standing
where 通讯员 stands) are counted as such; interns, photographers, editors and
bare names in brackets are kept as other credits with their role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .chars import is_han
from .names import (EDITOR_ROLES, SEPARATORS, SLASHED_CREDITS, bracketed_names, is_name, listed_with_a_name,
                    looks_like_person, name_then_outlet, spaced_four, split_names)
from .hanzi import fold
from ..model import Credit

#: a reporter role: 记者 after an outlet's name and a title, if any (本报记者, 晚报记者,
#: 首席记者, 郑报融媒记者, 东方今报·猛犸新闻记者, 大河报·豫视频记者, YMG全媒体记者,
#: 中原报业传媒集团全媒体新闻中心记者); never
#: 据记者, 对记者
_REPORTER = (r"(?:[\u4e00-\u9fff]{2,10}·)?(?:[A-Z]{0,4}[\u4e00-\u9fff]{0,8}(?:报|网|新闻|社|台|视频|频|客户端|媒体)"
             r"(?:[\u4e00-\u9fff]{0,8}(?:新闻中心|融媒体中心))?)?"
             r"(?:本报|首席|见习|实习|特约|特派|驻站|摄影\s?|[\u4e00-\u9fff]{0,4}?(?:融媒|全媒体))?记者")
#: a photographer's title: 摄影记者, 本报摄影记者 (their names are credited, not counted)
PHOTOGRAPHER_ROLE = re.compile(r"^(?:[\u4e00-\u9fff]{0,8}(?:报|网|新闻))?(?:本报)?摄影(?:记者)?$")
#: (after its place and an interpunct, the paper's: 庆元·本报通讯员; not after a name, 记者 张三·通讯员)
_CORRESPONDENT = r"(?:[\u4e00-\u9fff]{2,10}·本报|本报|特约|特邀)?通讯员"
_INTERN = r"实习生"
_EDITOR = f"(?:{EDITOR_ROLES})"
#: who planned a series (策划刘志松记者崔敬), who gave the paper the story (线索提供 李博):
#: credited, not counted
_PLANNER = r"(?:总策划|策划|统筹)"
_TIPSTER = r"(?:新闻)?线索提供(?:者|人)?"
REPORTER_ROLE = re.compile(f"^{_REPORTER}$")
CORRESPONDENT_ROLE = re.compile(_CORRESPONDENT)
EDITOR_ROLE = re.compile(_EDITOR)
PLANNER_ROLE = re.compile(_PLANNER)
TIPSTER_ROLE = re.compile(_TIPSTER)
#: the kinds of token that say what the names after them did
_ROLE_KINDS = ("reporter", "photographer", "correspondent", "intern", "editor", "planner", "tipster")
#: role words that open a byline (kept for the scraped-line splitter)
ROLES = ("记者", "通讯员", "实习生")
#: what the names of a byline did, printed after them (文/图, 摄, 报道, 记者 苏瑜 整理)
CREDITS = ("文/图", "图/文", "文／图", "图／文", "文/摄", "摄/文", "文图", "图文", "摄影报道", "摄影", "摄",
           "报道", "整理", "编译", "综合", "采写", "执笔", "撰文")
#: what a name is followed by to say what it did (孙志刚 文 许大桥 图): not a role of its own
_DID = frozenset({"文", "图", "/文", "/图", "/文图", "/图文"})
AFFILIATION = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:时报|日报|晚报|报社|电视台|融媒体中心|新闻中心|报|融媒|全媒体)$"
                         r"|^(?:融媒体中心|新闻中心)$")  # a county's newsroom, unnamed
#: a paper's own newsroom (郑报融媒, 郑报全媒体): it stands where 记者 stands, not 通讯员
_NEWSROOM = ("融媒", "全媒体")
#: marks a page prints before a byline (□晚报记者 …, ♣ 韩心泽: a card suit on a features page)
MARKERS = "□■●◆▲★☆◇○◎♣♠♥♦"
_ROLE_WORDS = "|".join((_REPORTER, _CORRESPONDENT, _INTERN, _EDITOR, _PLANNER, _TIPSTER))
ROLE_WORD = f"(?:{_ROLE_WORDS})"
#: what the writers did, glued to the last name at a byline's end: 孟冉文图, 记者王敏报道
#: (滨州日报/滨州网讯 …), 通讯员 李丹摄, 全媒体记者张慧琪摄影报道
_GLUED_CREDIT = r"(?:文图|摄影报道|摄|(?<!摄影)报道)$"
_ROLE_SPLIT = re.compile(f"({_ROLE_WORDS}|{SLASHED_CREDITS}"
                         f"|(?<=[\u4e00-\u9fff]{{2}}){_GLUED_CREDIT})")
#: a byline in brackets that names no one: (本报记者)
ROLE_ONLY = re.compile(r"(?:(?<=[。！？!?”」』])|^)\s*[（(]\s*(?:本报|特约|[A-Z]{0,4}[\u4e00-\u9fff]{0,4}媒体)?"
                       r"(?:记者|通讯员)\s*[）)]$")
#: every role word contains one of these, so their absence rules a byline out cheaply
_STEMS = ("记者", "通讯员", "实习生", "编辑", "责编", "审核", "终审", "校对", "策划", "统筹", "线索提供")
_STEM = re.compile("|".join(_STEMS))
#: a stem with a name glued after it (记者王军方; 美编 too)
_STEM_THEN_HAN = re.compile(f"(?:{'|'.join((*_STEMS, '美编'))})[\u4e00-\u9fff]")
#: the same in traditional characters too (記者 通訊員), before a line is folded
STEM_ANY = re.compile("|".join((*_STEMS, "記者", "通訊員", "實習生", "編輯", "責編", "審核", "終審", "校對", "策劃",
                                "統籌", "線索提供")))
_NAME_DID = re.compile(r"(?<=[\u4e00-\u9fff]{2})/(?=(?:文图|图文|[文图])(?:\s|$))")
_AFFILIATION_START = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:时报|日报|晚报|报社|融媒体中心|播报)\s")


@dataclass(frozen=True)
class Byline:
    text: str
    reporters: tuple[str, ...]
    correspondents: tuple[str, ...]
    credit: str | None
    #: interns, photographers, editors, unlabelled names
    others: tuple[Credit, ...] = ()

    def merged(self, other: Byline | None) -> Byline:
        if other is None:
            return self
        return Byline(f"{self.text} {other.text}", self.reporters + other.reporters,
                      self.correspondents + other.correspondents, self.credit or other.credit,
                      self.others + other.others)

    @property
    def counts(self) -> bool:
        """Names a reporter or correspondent (what makes a line a byline on its own)."""
        return bool(self.reporters or self.correspondents)

    @property
    def editors_only(self) -> bool:
        """Names editors and no one else (责任编辑：张三): an editor line, no byline."""
        return not self.counts and bool(self.others) and all(c.role == "editor" for c in self.others)


@lru_cache(maxsize=8192)  # a month's bylines name the same reporters and roles again and again
def token_kind(token: str) -> str | None:
    """'reporter' | 'photographer' | 'correspondent' | 'intern' | 'editor' | 'planner' | 'credit' |
    'affiliation' | 'name' | None."""
    if PHOTOGRAPHER_ROLE.match(token) and token not in CREDITS:
        return "photographer"
    if token.endswith("实习记者"):
        return "intern"  # an intern who writes is an intern, as 实习生: not counted
    if REPORTER_ROLE.match(token):
        return "reporter"
    if CORRESPONDENT_ROLE.fullmatch(token):
        return "correspondent"
    if token == "实习生":
        return "intern"
    if EDITOR_ROLE.fullmatch(token):
        return "editor"
    if PLANNER_ROLE.fullmatch(token):
        return "planner"
    if TIPSTER_ROLE.fullmatch(token):
        return "tipster"
    if token in CREDITS:
        return "credit"
    if AFFILIATION.match(token):
        return "affiliation"
    if is_name(token):
        return "name"
    return None


def tokenize(text: str) -> list[str]:
    """Split a byline into tokens; role words glued to names are split too, and a
    two-character name padded to three (``刘 招``) is one name again."""
    raw: list[str] = []
    for chunk in SEPARATORS.split(text.strip().lstrip(MARKERS)):
        if not chunk:
            continue
        if len(chunk) <= 3 and not _STEM.search(chunk) and not chunk.endswith("摄"):
            raw.append(chunk)  # a name or a credit: nothing glued to split (李丹摄 is both)
            continue
        raw.extend(_pieces(chunk))
    tokens: list[str] = []
    for i, token in enumerate(raw):
        if token == "图" and tokens and tokens[-1] == "/文":
            tokens[-1] = "文图"  # 记者 杜泱 文 图: what the name did, spaced
        elif (len(token) == 1 and is_han(token) and tokens and len(tokens[-1]) == 1
                and is_han(tokens[-1]) and token_kind(tokens[-1]) is None):
            tokens[-1] += token
        elif token == "记者" and tokens and tokens[-1] == "摄影":
            tokens[-1] += token  # ■摄影 记者 冯树风: one title, set apart
        elif token in ("文", "图") and tokens and len(tokens[-1]) > 1 \
                and token_kind(tokens[-1]) == "name" \
                and (token == "图" or any(t in ("图", "摄", "摄影") for t in raw[i + 1:])):
            # 实习生 杜 泱 文 唐 强 图: what the name before did, not the start of the next
            # spaced name (文唐): kept apart as a credit is (but 记者 欧阳 文 静 names 文静)
            tokens.append("/" + token)
        else:
            tokens.append(token)
    return tokens


@lru_cache(maxsize=8192)  # role words (本报记者) and glued names recur in every byline
def _pieces(chunk: str) -> tuple[str, ...]:
    """Role words glued to names (记者王军方通讯员周杰); 张玉东/文 廖谦/图, but not the
    credit 文/图 itself. Chunk by chunk: the role pattern is costly on long text."""
    chunk = _ROLE_SLASH.sub(r"\1 ", chunk)  # 株洲晚报融媒体记者/周蒿
    return tuple(_NAME_DID.sub(" /", _ROLE_SPLIT.sub(r" \1 ", chunk)).split())


def from_tokens(tokens: list[str], text: str) -> Byline | None:
    reporters: list[str] = []
    correspondents: list[str] = []
    others: list[Credit] = []
    credit: str | None = None
    role: str | None = None
    group: list[tuple[str, str]] = []  # (role, name) of the names since the last role word
    photographers: list[str] = []
    #: how many names each list had at the last 文 or 图: those after it are what the next
    #: 图 or 摄 credits
    since = (0, 0, 0)
    for i, token in enumerate(tokens):
        kind = token_kind(token)
        if token in _DID:
            if "文" not in token:  # 廖谦/图, 许大桥 图: the names since the last 文 took the pictures
                _took_pictures(since, reporters, correspondents, others, photographers)
            since = (len(reporters), len(correspondents), len(others))
            continue
        if kind in _ROLE_KINDS:
            role = kind
            group = []
        elif kind == "affiliation":
            if role is not None and (peeled := name_then_outlet(token)) is not None:
                # 记者张鸿飞汝州市融媒体中心记者郭营战: a name glued to the next outlet
                group.append((role, peeled))
                _assign(group[-1], reporters, correspondents, others)
            # A paper's name stands where 通讯员 usually stands (新郑时报 李显文); its
            # newsroom's where 记者 does (郑报融媒 谢鹏飞 通讯员 刘雪梅)
            role = "reporter" if token.endswith(_NEWSROOM) else "correspondent"
            group = []
        elif kind == "credit":
            if token in ("摄", "摄影", "摄影报道"):
                # 本栏图片由本报记者 丁友明 摄, 特约记者胡江涛 通讯员严锋 摄: the names before it
                # took the pictures (after a 文: 记者 张三 文 李四 摄, those after it)
                _took_pictures(since, reporters, correspondents, others, photographers)
                role = None
                continue
            if credit is not None:
                return None
            credit = token.replace("／", "/")
        elif kind == "name" and role is not None:
            if len(token) == 2 and not looks_like_person(token) and not (
                    i == len(tokens) - 1 and _spaced_last(token, text)
                    and (reporters or correspondents)) and not listed_with_a_name(token, text):
                # 记者核实: a two-character word is not a name without a surname, unless
                # it stands spaced off at the end after other names (通讯员 伟良: a pen name)
                # or in a list of names (通讯员晨光、肖兰兰)
                return None
            group.append((role, token))
            _assign(group[-1], reporters, correspondents, others)
        elif kind == "name" and any(token_kind(t) in _ROLE_KINDS for t in tokens[i + 1:]):
            # (于露 刘梦琳 通讯员 刘荣荣): names before any role word are the writers
            group.append(("author", token))
            _assign(group[-1], reporters, correspondents, others)
        elif (names := split_names(token)) is not None:
            # 通讯员闫春生张浩杰: two names printed with no space; before any role word
            # ((于露刘梦琳通讯员刘荣荣)) they are credited as writers
            for name in names:
                group.append((role or "author", name))
                _assign(group[-1], reporters, correspondents, others)
        elif role is not None and spaced_four(token, text) and any(
                token_kind(t) == "name" for t in tokens[max(0, i - 1):i + 2] if t != token):
            # 通讯员 刘家一郎 郝世杰: a name of four spaced off, beside a name of the usual length
            group.append((role, token))
            _assign(group[-1], reporters, correspondents, others)
        else:
            return None
    others.extend(Credit("photographer", n) for n in photographers)
    if not (reporters or correspondents or any(c.role != "planner" for c in others)):
        return None  # 策划方案: a planner alone is words, not a byline
    return Byline(text, tuple(reporters), tuple(correspondents), credit, tuple(others))


def _took_pictures(since: tuple[int, int, int], reporters: list[str], correspondents: list[str],
                   others: list[Credit], photographers: list[str]) -> None:
    """The names credited since ``since`` took the pictures: photographers, not writers."""
    names = [*reporters[since[0]:], *correspondents[since[1]:], *(c.name for c in others[since[2]:])]
    photographers.extend(name for name in names if name not in photographers)
    del reporters[since[0]:], correspondents[since[1]:], others[since[2]:]


def _spaced_last(token: str, text: str) -> bool:
    """``token`` closes ``text`` (before a bracket), with a space before it."""
    return re.search(f"\\s{re.escape(token)}[)）]?\\s*$", text) is not None


def _assign(entry: tuple[str, str], reporters: list[str], correspondents: list[str],
            others: list[Credit]) -> None:
    role, name = entry
    if role == "reporter":
        reporters.append(name)
    elif role == "correspondent":
        correspondents.append(name)
    else:
        others.append(Credit(role, name))


_SLASHED = re.compile(SLASHED_CREDITS)
_SLASHED_TOKENS = frozenset(SLASHED_CREDITS.split("|"))
_ROLE_THEN_HAN = re.compile(f"(?:{ROLE_WORD})([\u4e00-\u9fff]+?)(?=[\\s、，,；;]|$|{ROLE_WORD}|文/图|{_GLUED_CREDIT})")


def parse_byline(text: str) -> Byline | None:
    """The byline when the whole of ``text`` is one, else None. Traditional characters
    (記者 張三) read as simplified ones do; the names keep the characters printed. A
    source a site prints after it (… 来源:商丘网—商丘日报) is not part of it."""
    source = _SOURCE_TAIL.search(text) if "源" in text else None
    if source is not None and source.start() > 0:
        text = text[:source.start()]
    if not STEM_ANY.search(text, 0, 36) and not (" " in text[:14]
                                                   and _AFFILIATION_START.match(fold(text))):
        # most lines: no role word near the start, in either script
        return _without_role(text) if len(text) < 24 else None
    folded = fold(text)
    if folded is text:
        return _parse_byline(text)
    byline = _parse_byline(folded)
    if byline is None:
        return None
    back = dict(zip(folded, text))  # one character for one: the printed form of each
    printed = lambda name: "".join(back.get(ch, ch) for ch in name)  # noqa: E731
    return Byline(text.strip(), tuple(map(printed, byline.reporters)),
                  tuple(map(printed, byline.correspondents)), byline.credit,
                  tuple(Credit(c.role, printed(c.name)) for c in byline.others))


def _parse_byline(text: str) -> Byline | None:
    if not _STEM.search(text, 0, 36) and not (" " in text[:14] and _AFFILIATION_START.match(text)):
        return None  # most lines: no role word near the start
    if len(text) > 110 or "。" in text:
        return None  # a sentence that mentions a 记者
    stripped = text.strip().lstrip(MARKERS).strip()
    # 作者：本报记者 王学典: a site's label before the byline; 周口日报•周道客户端记者: a
    # bullet where an interpunct joins the outlets
    stripped = _INTERPUNCT.sub("·", _AUTHOR_LABEL.sub("", stripped))
    if stripped[:1] in "（([【" and stripped[-1:] in "）)]】":
        # （作者：深圳特区报记者 杜澎 …）, [作者:记者 李萌 汪永森  编辑:赵静]
        stripped = f"{stripped[0]}{_AUTHOR_LABEL.sub('', stripped[1:].lstrip())}"
    if stripped.endswith(("）", ")")) and not any(ch in stripped for ch in "（("):
        stripped = stripped[:-1].rstrip()  # the close of a bracket opened before the byline
    if stripped.endswith(("：", ":")):
        return None  # 记者核实: is a run-in label
    if stripped.endswith(("文/", "图/", "文／", "图／")):
        stripped = stripped[:-2].rstrip()  # 通讯员 赵春雅 文/: a credit the page stops inside
    if ROLE_ONLY.fullmatch(stripped) or _TEAM.fullmatch(stripped) \
            or (len(stripped) > 2 and REPORTER_ROLE.match(stripped)):
        # (本报记者), 本报记者组, an outlet's role alone on its line (全媒体记者 over
        # 崔圣驰 摄; not the word 记者): naming no one
        return Byline(text.strip(), (), (), None)
    if stripped[:1] in "（(【[" and stripped[-1:] in "）)】]":
        stripped = stripped[1:-1].strip()
    # a byline is short and names its role near its start (after a mark, a credit or an
    # outlet's name); a paragraph that merely mentions 记者 is not tokenised
    if len(stripped) > 100 or not (_STEM.search(stripped, 0, 28)
                                   or _AFFILIATION_START.match(stripped)):
        return None
    tokens = tokenize(stripped)
    if len(tokens) > 1 and token_kind(tokens[0]) == "credit" and tokens[0] not in ("摄", "摄影"):
        tokens.append(tokens.pop(0))  # □文/图 本报记者 杨 光: the credit printed first
    if not tokens:
        return None
    if len(tokens) > 2 and token_kind(tokens[0]) == "affiliation" \
            and token_kind(tokens[1]) in ("reporter", "photographer", "correspondent"):
        tokens = tokens[1:]  # □大河报 记者孟冉: the paper's name, then the role
    first = token_kind(tokens[0])
    if first == "affiliation" and len(tokens) > 1 and looks_like_person(tokens[1]) and all(
            looks_like_person(tk) or token_kind(tk) is not None for tk in tokens[1:]):
        # 中牟时报 李淑娟: a paper for 通讯员; 郑报融媒 谢鹏飞 通讯员 刘雪梅: its newsroom for 记者
        return from_tokens(tokens, text.strip())
    if _writers_first(tokens):
        # (于露刘梦琳通讯员刘荣荣), (于露 刘梦琳 通讯员 刘荣荣): writers, then roles
        return from_tokens(tokens, text.strip())
    if first not in _ROLE_KINDS:
        # 本栏图片由本报记者 丁友明 摄: a photo credit opens with words of its own
        photo = re.match(r"^(?:本栏|本版|本组)?(?:图片|照片)?由\s*(?=" + ROLE_WORD + ")", stripped)
        if photo is None:
            return None
        tokens = tokenize(stripped[photo.end():])
        if not tokens or tokens[-1] not in ("摄", "摄影"):
            return None
    # 记者王军方 is a byline, 记者节活动 is not: glued names need a known surname.
    if _STEM_THEN_HAN.search(stripped):  # every role word ends in a stem: none glued, none to check
        for glued in _ROLE_THEN_HAN.finditer(stripped):
            run, end = glued.group(1), glued.end(1)
            if len(run) == 1 and stripped[end:end + 1] == " " and is_han(stripped[end + 1:end + 2]) \
                    and not is_han(stripped[end + 2:end + 3]):
                run += stripped[end + 1]  # 记者张 燕: a name of two padded to three, glued
            if not looks_like_person(run) and split_names(run) is None \
                    and name_then_outlet(run) is None and not listed_with_a_name(run, stripped) \
                    and not (2 <= len(run) <= 4 and _SLASHED.match(stripped, end)):
                # (记者昂莹莹文/图: a rare surname, but a name between a role and what it did)
                return None
    return from_tokens(tokens, text.strip())


def _writers_first(tokens: list[str]) -> bool:
    """Names with no role (two glued, or each with a known surname) up to a role word,
    what they did after them, if printed (赵玮 文/图 通讯员 马淇山)."""
    for k, token in enumerate(tokens):
        if token_kind(token) in ("reporter", "correspondent"):
            return 0 < k < len(tokens) - 1  # and someone named after the role
        if k and token in _SLASHED_TOKENS and looks_like_person(tokens[k - 1]):
            continue
        if not (looks_like_person(token) or (k == 0 and split_names(token) is not None)):
            return False
    return False


#: a byline of the paper's team (本报记者组, 本报采访组): a credit that names no one
_TEAM = re.compile(r"(?:本报|本刊)?(?:记者|采访|报道)组")
_ROLE_SLASH = re.compile(r"(记者|通讯员|实习生)\s*[/／](?=[\u4e00-\u9fff])")
_AUTHOR_LABEL = re.compile(r"^作者\s*[:：]\s*(?=\S*(?:记者|通讯员))")
_AUTHOR_NAMES = re.compile(r"^作者\s*[:：]\s*([\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{1,4})*)$")
_INTERPUNCT = re.compile(r"(?<=[\u4e00-\u9fff])[•‧・](?=[\u4e00-\u9fff])")
_SOURCE_TAIL = re.compile(r"\s+(?:来源|稿源|來源)\s*[:：].*$")
_PHOTO_CREDIT = re.compile(r"^(.+?)\s*(?:摄影报道|摄影|摄)$")
_DID_TAIL = re.compile(r"\s+(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文图|图文)$")


def _without_role(text: str) -> Byline | None:
    """A line of names printed without a role: after a byline's mark (□王 博), or
    before what they did (井娇摄影报道, 陈占举 摄)."""
    stripped = text.strip()
    author = _AUTHOR_NAMES.match(stripped)
    if author is not None:  # 作者：张玲 — a site's author field naming its writer
        names = names_only(author.group(1))
        return Byline(stripped, tuple(c.name for c in names.others), (), None) if names else None
    if stripped[:1] in "（(":  # (张骞/文 张梦珠/图), (商 闻): a credit line of its own
        found = bracketed_names(stripped)
        return Byline(stripped, (), (), None, found[1]) if found and not found[0] else None
    if stripped[:1] in MARKERS:
        # □王 博; □冷鹏 刘丹 文/图: names after a byline's mark, what they did after them
        names = names_only(_DID_TAIL.sub("", stripped.lstrip(MARKERS)))
        return replace(names, text=stripped) if names else None
    if stripped.endswith((" 报道", "\u3000报道")):
        # 谢经岭 报道: its writers' names, no role printed, set apart (新闻报道 is words)
        names = names_only(stripped[:-2].rstrip().lstrip(MARKERS))
        return replace(names, text=stripped) if names else None
    photo = _PHOTO_CREDIT.match(stripped)
    if photo is None:
        return None
    names = names_only(photo.group(1).lstrip(MARKERS))
    if names is None:
        return None
    return replace(names, text=stripped,
                   others=tuple(Credit("photographer", c.name) for c in names.others))


def names_only(text: str) -> Byline | None:
    """A byline of names printed without a role (孙 航; 湛承兵 王 群): other credits."""
    found = bracketed_names(f"（{text.strip()}）")
    if found is None or found[0]:
        return None
    return Byline(text.strip(), (), (), None, found[1])

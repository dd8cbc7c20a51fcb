"""What an article's opening sentence says: its date and who acts in it.

The subdistrict of an article is the 办事处/街道/乡镇 that *acts* in the opening
sentence — not a place it visits (到十八里河街道…, 赴郑东新区如意湖办事处…).
The opening sentence is read clause by clause: time phrases and adverbial
clauses (为…, 围绕…, 在…, 自…以来) are passed over, and the first clause that
starts with a place name decides.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from .patterns import NOT_TOWN_WORDS
from .places import ZHENGZHOU
from .towns import default_towns


class PlaceMatcher(Protocol):
    def match_prefix(self, text: str) -> tuple[str | None, int] | None: ...

_NUMERAL = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
DATE = re.compile(rf"(?:(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})年)?{_NUMERAL}月{_NUMERAL}日")
TIME_PHRASE = re.compile(
    rf"^(?:(?:\d{{4}}年)?(?:{_NUMERAL}月)?(?:{_NUMERAL}[日号])?(?:[上中下]午|早上|晚上|傍晚|凌晨|上旬|中旬|下旬)?"
    r"|近日|日前|连日来|近期|近来|目前|当前|今年以来|年初以来|入夏以来|[今昨前]天|本周|上周|本月|当天|"
    r"今年\d{1,2}月(?:份)?|今年|去年)$")
ADVERBIAL_OPENERS = ("为", "围绕", "在", "自", "根据", "按照", "随着", "结合", "通过", "针对",
                     "作为", "为了", "对照", "依托", "紧扣", "聚焦", "以")
SUBDISTRICT = re.compile(r"^([\u4e00-\u9fff]{2,8}?(?:街道办事处|办事处|街道|镇|乡))")
_CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
#: a 街道/乡/镇 name has none of these; a sentence fragment (见到的街道) has
_FRAGMENT = re.compile(r"[的了在是到和与及把被对向从为这那等个条们着过就都也还又很各每该其]")
#: a clause that locates (东起…, 西抵河洛镇, 位于…) names a place it does not act in
_LOCATING = re.compile(r"^(?:[东西南北]?(?:起|抵|至|到|临|接|邻|靠)|位于|地处|来到|走进|前往|赴|途经)")
#: what a street is made into, not its name: 创建市容整洁示范街道, 争创文明乡镇
_DOING = re.compile(r"^(?:创建|打造|开展|推进|争创|创成|成为|评为|荣获|获评|入选|争当)|示范")


class Lead(NamedTuple):  # a tuple: built in one go, not field by field
    date: str | None
    subdistrict: str | None
    district: str | None  # a district named as the actor, if any


_CLOCK = re.compile(rf"^(?:(?:\d{{4}}年)?{_NUMERAL}月{_NUMERAL}日(?:[上中下]午|早上|晚上|傍晚|凌晨)?)")
_ACTOR = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:委|局|院|会|部|办|厅|处|中心|政府|书记|主任|区长|市长)")
_SENTENCE_MARKS = re.compile(r"[“「『”」』。！？!?]")


def opening_sentence(text: str) -> str:
    """Up to the first sentence end outside quotation marks."""
    depth = 0
    for match in _SENTENCE_MARKS.finditer(text):
        ch = match.group()
        if ch in "“「『":
            depth += 1
        elif ch in "”」』":
            depth = max(0, depth - 1)
        elif depth == 0:
            return text[:match.start()]
    return text


def _strip_quotes(text: str) -> str:
    """Quoted speech or song lyrics at the start say nothing about date or actor."""
    return re.sub(r"“[^“”]*”", lambda m: "" if m.start() == 0 else m.group(), text, count=1)


def subdistrict_name(text: str) -> str | None:
    """The 街道/办事处/乡/镇 name ``text`` starts with, if it is a name and not a fragment
    (a known street or town, Zhengzhou's or Henan's, is cut from what stands before it:
    但济源路街道, 感叹马寨镇)."""
    rest = _LEADING_WORDS.sub("", text)
    found = SUBDISTRICT.match(rest)
    if found is None:
        return None
    name = found.group(1)
    towns = default_towns()
    known = towns.named(name, ZHENGZHOU) or towns.named(name)
    if known and name.endswith(known[-1][0]):
        return known[-1][0]
    if name[-1] in "乡镇" and rest[found.end():found.end() + 1] in ("村", "镇"):
        return None  # 铺设乡村道路, 特色镇村, 有关乡镇: words, no town is named
    if _FRAGMENT.search(name[:-2]) or name.endswith(NOT_TOWN_WORDS) or _LOCATING.match(name) \
            or _DOING.search(name):
        return None
    return name


def read_lead(first_paragraph: str, places: PlaceMatcher) -> Lead:
    sentence = _strip_quotes(opening_sentence(first_paragraph))
    date_match = DATE.search(sentence)
    date = date_match.group() if date_match else None
    subdistrict = district = None
    for raw_clause in _CLAUSE_SPLIT.split(sentence):
        clause = raw_clause.strip()
        time = _CLOCK.match(clause)
        if time:
            clause = clause[time.end():]
        if not clause or TIME_PHRASE.match(clause):
            continue
        place = places.match_prefix(clause)
        rest = clause
        if place is not None:
            district, length = place
            rest = clause[length:]
        found = subdistrict_name(rest)
        if found:
            subdistrict = found
            break
        if place is not None or not clause.startswith(ADVERBIAL_OPENERS):
            if place is None and _names_actor(clause):
                break
            if place is not None:
                break
    return Lead(date, subdistrict, district)


_NAME_ENDING = re.compile("街道办事处|街道|办事处|镇|乡")
_XIANG_WORDS = frozenset("村亲土愁贤风里情音邻镇下民间俗市日科")
#: words that may stand before a name and are none of it: 但济源路街道, 去年街道…
_WORDS_BEFORE = (r"[当但而]|提起|去年|今年|前期|近期|日前|近日|目前|如今|当时|昨日|今日|随后|同时|"
                 r"其中|此外")
_LEADING_WORDS = re.compile(rf"^(?:{_WORDS_BEFORE})+")
#: …and what introduces a place where a story is set: 在, 走进, 位于
_BEFORE_NAME = re.compile(rf"^(?:[在于到是为对将把让由从向和与及使]|走进|来到|位于|地处|深入|{_WORDS_BEFORE})+")


def named_subdistrict(text: str, places: PlaceMatcher) -> str | None:
    """The first 街道/办事处/乡/镇 ``text`` names where it is set (在中原区三官庙街道…):
    for an article whose opening sentence names no actor, the one it is about. A
    name is the words before its ending, after what introduces it and the county's
    name; a fragment (各街道, 争创文明街道) is none."""
    for ending in _NAME_ENDING.finditer(text):
        if ending.group() == "乡" and text[ending.end():ending.end() + 1] in _XIANG_WORDS:
            continue  # 乡村, 乡亲, 新乡市: a word, not a township's name
        before = text[max(0, ending.start() - 16):ending.start()]
        words = re.split(r"[^\u4e00-\u9fff]", before)[-1]
        if len(words) < len(before) and before[-len(words) - 1].isdigit():
            continue  # 2021年春季乡科级…: a date's words, not a name
        words = _BEFORE_NAME.sub("", words)
        place = places.match_prefix(words + ending.group())
        if place is not None and place[1] < len(words):
            words = words[place[1]:]
        if 2 <= len(words) <= 6 and (name := subdistrict_name(words + ending.group())):
            return name
    return None


def _names_actor(clause: str) -> bool:
    """A clause led by an organisation or person acts itself (区委…, 市委书记…)."""
    return bool(_ACTOR.match(clause))

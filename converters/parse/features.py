"""What the line-role model reads of each unit: the rules' facts about it, its
shape, and its neighbours' (crfsuite's features, one list of strings per unit).
The roles it can give are ``ROLES``; :mod:`.roles` runs the model."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .chars import ends_sentence
from .units import Unit

ROLES = ("chrome", "index", "page-title", "section", "kicker", "title", "subtitle", "subhead",
         "byline", "caption", "body", "editor")
#: roles whose units are not article text
OUTSIDE = frozenset({"chrome", "index", "editor"})
DECK = frozenset({"kicker", "title", "subtitle"})
HEADINGS = frozenset({"kicker", "title", "subtitle", "subhead", "page-title"})
#: the labels of a box inside an article (a summary, an editor's note, a reporter's notes)
BOX_LABEL = re.compile(r"^[➡→▶►■□●◆▲★☆◇○◎•·\s]*"
                       r"(?:核心提示|编者按|编前语|编后语|导读|记者手记|相关链接|链接|背景链接)\s*[:：]?$")

def _length_bucket(n: int) -> str:
    for limit, name in ((0, "0"), (3, "1-3"), (7, "4-7"), (12, "8-12"), (20, "13-20"),
                        (30, "21-30"), (50, "31-50"), (100, "51-100"), (200, "101-200")):
        if n <= limit:
            return name
    return "200+"


_LENGTHS = ["len=" + _length_bucket(n) for n in range(202)]
# feature names made once (a page makes thousands)
_RULE = {role: "rule=" + role for role in (*ROLES, "dropped")}
_ENDING = {e: "end=" + e for e in ("none", "sentence", "pause", "close", "digit", "ascii", "han")}
_KIND: dict[str, str] = {}
_MD = {1: "md=1", 2: "md=2", 3: "md=3"}
_NAV_AFTER = {d: f"nav.after={d}" for d in (1, 2, 3)}
_RUN = {1: "run=1", 2: "run=2", 3: "run=3-4", 4: "run=3-4", 5: "run=5+"}
_LEAD_BEFORE = {d: f"lead=-{d}" for d in (1, 2, 3, 4)} | {5: "lead=-5+"}
_GAP = {(False, False): "gap=", (True, False): "gap=b", (False, True): "gap=a",
        (True, True): "gap=ba"}


def _kind_feature(kind: str) -> str:
    return _KIND.setdefault(kind, "ch." + kind)


def _ending(text: str) -> str:
    if not text:
        return "none"
    if ends_sentence(text):
        return "sentence"
    last = text.rstrip()[-1]
    if last in "，、；：,;:":
        return "pause"
    if last in "”’」』）)】》":
        return "close"
    if last.isdigit():
        return "digit"
    if last.isascii():
        return "ascii"
    return "han"




def is_long(unit: Unit) -> bool:
    """A paragraph of article text for sure: long, mostly Han, no chrome in it."""
    if unit.dateline is not None:
        return True
    return unit.role == "body" and unit.prose


#: the longest line compared with the others for copies of a headline
HEADLINE_COPY = 60
_NAV_BAR = re.compile(r"返回主页|返回首页|版面导航|标题导航")


#: the words of a short line that describes a scene: 的, 在, 正在, 与…一起
_DESCRIBES = re.compile(r"的|在|正|与")


def _short(unit: Unit) -> bool:
    return unit.length <= 30 and not ends_sentence(unit.text)


class PageFeatures(list[list[str]]):
    """One list of string features per unit (crfsuite's input): the unit's own first,
    then its neighbours' (-1:…, +1:…, -2:…, +2:…). ``own[i]``: how many of row i are
    unit i's own (what ``roles.reason`` looks at first, for every line of every page)."""

    own: list[int]


def unit_features(units: Sequence[Unit], rule_roles: Sequence[str], *, opens_page: bool = True,
                  closes_page: bool = True) -> PageFeatures:
    """The features of every unit of a page, or of a piece of a huge page: a piece that
    does not open (close) the page has text before (after) it, not the page's edge."""
    n = len(units)
    # a headline's copies: only short lines are compared (a paragraph is never one)
    texts = ["".join((u.folded or u.text).split()) if u.length <= HEADLINE_COPY else ""
             for u in units]
    counts = Counter(texts)
    counts[""] = 0
    seen: Counter[str] = Counter()
    long_at = [i for i, u in enumerate(units) if is_long(u)]
    first_long = long_at[0] if long_at else n
    last_long = long_at[-1] if long_at else -1
    if not opens_page:
        first_long = -1  # its first lines go on with the text above them
    if not closes_page:
        last_long = n
    # runs of short lines with no blank line between them: headline lists
    short = [_short(u) for u in units]
    run_len = [0] * n
    i = 0
    while i < n:
        j = i
        while j + 1 < n and short[j] and short[j + 1] and units[j + 1].gap_before == 0:
            j += 1
        for k in range(i, j + 1):
            run_len[k] = j - i + 1 if short[k] else 0
        i = j + 1
    # the page's headline index: short lines above its navigation bar (返回主页 | …);
    # a deck line listed there is a title, one that is not is a kicker or subtitle
    bar = next((i for i, u in enumerate(units)
                if "navigation" in u.kinds and _NAV_BAR.search(u.folded or u.text)), None)
    index_zone = {texts[i] for i in range(bar or 0) if short[i] and not units[i].kinds}
    # a digital edition's page (a navigation bar or a page-number line) holds one article,
    # as a rule; a page without chrome may hold many (the sample pages)
    edition = "page=edition" if bar is not None or any(
        "page-number" in u.kinds or "navigation" in u.kinds for u in units) else "page=plain"
    # decks: runs of headline-shaped lines (blank lines between allowed); a line's place
    # in its run and its length against its neighbours there tell kicker, title, subtitle
    shaped = [u.shaped and not u.kinds and u.role != "drop" for u in units]
    deck_pos, deck_size = [0] * n, [0] * n
    i = 0
    while i < n:
        if not shaped[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and shaped[j + 1]:
            j += 1
        for k in range(i, j + 1):
            deck_pos[k], deck_size[k] = k - i + 1, j - i + 1
        i = j + 1
    nav_seen = -100
    rows = PageFeatures()
    # what a line tells its neighbours: its shape and kind to the next lines, its rule
    # reading to those two away (kept apart as they are made: the names are many)
    near: list[list[str]] = []
    far: list[list[str]] = []
    for i, unit in enumerate(units):
        text = unit.text
        rule = _RULE[rule_roles[i]]
        shared = [rule, _LENGTHS[min(unit.length, 201)], _ENDING[_ending(text)]]
        distant = [rule]
        if unit.kinds:
            shared.extend(_kind_feature(kind) for kind in unit.kinds)
            # one feature for every kind, so that a kind seen on few pages still counts
            count = "chrome=1" if len(unit.kinds) == 1 else "chrome=2+"
            shared.append(count)
            distant.append(count)
        if unit.dateline:
            kind = "dateline=benbao" if unit.dateline.startswith("本报") else "dateline=other"
            shared += ["dateline", kind]
            distant += ["dateline", kind]
        if unit.byline is not None:
            if unit.role == "byline":
                kind = "byline=line" if unit.byline.counts else "byline=others"
            elif "byline" in unit.cuts:
                kind = "byline=glued"
            else:
                kind = "byline=inner" if unit.dateline else ""
            if kind:
                shared.append(kind)
                distant.append(kind)
        if unit.shaped:
            shared.append("shape.heading")
        f = [*shared, edition]
        if unit.level:
            f.append(_MD[min(unit.level, 3)])
        if unit.role == "drop":
            f.append("boilerplate")
        if unit.scraped:
            f.append("scraped")
        if "。" in text:
            f.append("has.period")
        if " " in text:
            f.append("has.space")
        if unit.length <= 40 and _DESCRIBES.search(text):
            # a picture's caption says what someone is doing (…的身影, 在…查看): a headline
            # seldom does
            f.append("describes")
        if unit.captioned:
            f.append("caption.mark")
        first_char = text[:1]
        if first_char in "“「『":
            f.append("start.quote")
        elif first_char in "【[（(":
            f.append("start.bracket")
        elif first_char in "□■●◆▲★☆◇○◎•·":
            f.append("start.marker")
        elif "①" <= first_char <= "⑩":
            f.append("start.number")  # a numbered picture's caption, or a list's item
        ascii_share = len(text.encode("ascii", "ignore")) / max(1, len(text))
        f.append("ascii=0" if ascii_share == 0 else "ascii=low" if ascii_share < 0.3
                 else "ascii=mid" if ascii_share < 0.7 else "ascii=high")
        if "navigation" in unit.kinds:
            nav_seen = i
        elif i - nav_seen <= 3:
            f.append(_NAV_AFTER[i - nav_seen])
        key = texts[i]
        if key and counts[key] > 1:
            seen[key] += 1
            later, earlier = counts[key] > seen[key], seen[key] > 1
            if later:
                f.append("dup.later")
            if earlier:
                f.append("dup.earlier")
            # the last copy of a repeated headline is the article's own deck; earlier
            # copies are the index and the navigation's
            f.append("copy=middle" if later and earlier else "copy=first" if later else "copy=last")
        size = deck_size[i]
        if size and size <= 4:
            f.append(f"deck={deck_pos[i]}/{size}")
            if size > 1:
                mine = unit.length
                other = units[i + 1].length if deck_pos[i] < size else units[i - 1].length
                f.append("deck.len=longer" if mine > other + 2 else "deck.len=shorter"
                         if mine + 2 < other else "deck.len=even")
        last_char = text[-1:]
        if last_char in "—：:":
            f.append("ends.dash" if last_char == "—" else "ends.colon")
        if first_char == "—":
            f.append("starts.dash")
        if index_zone and bar is not None and i > bar and unit.shaped:
            f.append("index.lists" if key in index_zone else "index.omits")
        if run_len[i]:
            run = _RUN[min(run_len[i], 5)]
            f.append(run)
            shared.append(run)
        if i < first_long:
            distance = first_long - i
            f.append(_LEAD_BEFORE[min(distance, 5)])
            if distance <= 4 and not unit.kinds and unit.shaped:
                f.append("deck.near")  # a headline-shaped line just above the text
        elif i <= last_long and unit.shaped:
            f.append(edition + "+inside")  # a heading between paragraphs: subhead or next title
        elif i == first_long:
            f.append("lead=0")
        elif i > last_long:
            f.append("lead=after-last")
        else:
            f.append("lead=inside")
        f.append(_GAP[(bool(unit.gap_before), bool(unit.gap_after))])
        if i == 0 and opens_page:
            f.append("first")
        if i == n - 1 and closes_page:
            f.append("last")
        rows.append(f)
        near.append(shared)
        far.append(distant)
    rows.own = [len(row) for row in rows]
    for i, row in enumerate(rows):
        for offset, told in ((-1, near), (1, near), (-2, far), (2, far)):
            j = i + offset
            names = _AT[offset]
            if 0 <= j < n:
                row.extend([names[name] for name in told[j]])
            else:
                row.append(names["none"])
    return rows


class _Prefixed(dict[str, str]):
    """A feature's name as a neighbour's ("-1:len=4-7"), made once: a page makes thousands
    of the same few hundred."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, name: str) -> str:
        self[name] = value = self.prefix + name
        return value


_AT = {offset: _Prefixed(f"{offset:+d}:") for offset in (-2, -1, 1, 2)}

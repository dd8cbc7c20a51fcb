"""Line roles: what each unit of a page is, decided by a trained sequence model.

The rules say what they can of each unit (a dateline, a byline by its
grammar, a headline's shape, a section label, kinds of chrome, and how the
rule-based assembler would use it); a linear-chain CRF (python-crfsuite)
reads those facts for the whole page at once, with the unit's neighbours,
and gives every unit one role. It learned from labelled pages
(``tests/corpus/``: real digital-edition pages and the sample pages) where
the rules are right and where page chrome, headline indexes and navigation
copies of the headline fool them.

Retrain with ``python3 -m converters.parse.training`` (deterministic: the same
corpus gives the same model file, ``data/roles.crfsuite``).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources

from .chars import ends_sentence, visible_length
from .reasons import in_words
from .segment import Unit, marked_up

ROLES = ("chrome", "index", "page-title", "section", "kicker", "title", "subtitle", "subhead",
         "byline", "caption", "body", "editor")
#: roles whose units are not article text
OUTSIDE = frozenset({"chrome", "index", "editor"})
DECK = frozenset({"kicker", "title", "subtitle"})
HEADINGS = frozenset({"kicker", "title", "subtitle", "subhead", "page-title"})
#: the labels of a box inside an article (a summary, an editor's note, a reporter's notes)
BOX_LABEL = re.compile(r"^(?:核心提示|编者按|编前语|编后语|导读|记者手记|相关链接|链接|背景链接)\s*[:：]?$")

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




def _is_long(unit: Unit) -> bool:
    """A paragraph of article text for sure: long, mostly Han, no chrome in it."""
    if unit.dateline is not None:
        return True
    return unit.role == "body" and unit.prose


#: the longest line compared with the others for copies of a headline
HEADLINE_COPY = 60
_NAV_BAR = re.compile(r"返回主页|返回首页|版面导航|标题导航")


def _short(unit: Unit) -> bool:
    return unit.length <= 30 and not ends_sentence(unit.text)


def unit_features(units: Sequence[Unit], rule_roles: Sequence[str]) -> list[list[str]]:
    """One list of string features per unit (crfsuite's input)."""
    n = len(units)
    # a headline's copies: only short lines are compared (a paragraph is never one)
    texts = ["".join((u.folded or u.text).split()) if u.length <= HEADLINE_COPY else ""
             for u in units]
    counts = Counter(texts)
    counts[""] = 0
    seen: Counter[str] = Counter()
    long_at = [i for i, u in enumerate(units) if _is_long(u)]
    first_long = long_at[0] if long_at else n
    last_long = long_at[-1] if long_at else -1
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
    own: list[list[str]] = []
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
        first_char = text[:1]
        if first_char in "“「『":
            f.append("start.quote")
        elif first_char in "【[（(":
            f.append("start.bracket")
        elif first_char in "□■●◆▲★☆◇○◎•·":
            f.append("start.marker")
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
        if i == 0:
            f.append("first")
        if i == n - 1:
            f.append("last")
        own.append(f)
        near.append(shared)
        far.append(distant)
    for i, row in enumerate(own):
        for offset, told in ((-1, near), (1, near), (-2, far), (2, far)):
            j = i + offset
            names = _AT[offset]
            if 0 <= j < n:
                row.extend([names[name] for name in told[j]])
            else:
                row.append(names["none"])
    return own


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


#: a model file to use instead of the shipped one (cross-validation, trying a retrain)
_model_path: str | None = None


@cache
def _tagger():  # type: ignore[no-untyped-def]
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    if _model_path is not None:
        tagger.open(_model_path)
        return tagger
    with resources.as_file(resources.files("converters.parse.data").joinpath("roles.crfsuite")) as path:
        tagger.open(str(path))
    return tagger


def use_model(path: str | None) -> None:
    """Tag with the model at ``path`` from now on (None: the shipped one again)."""
    global _model_path
    _model_path = path
    _tagger.cache_clear()
    _weights.cache_clear()


@cache
def _weights() -> dict[tuple[str, str], float]:
    return {(attr, label): weight for (attr, label), weight in _tagger().info().state_features.items()}


def reason(features: list[str], role: str) -> str:
    """The feature that counted most for ``role``, in words."""
    weights = _weights()
    # a line's own features first: a neighbour's only when none of its own counts
    own = [name for name in features if name[:3] not in ("-1:", "+1:", "-2:", "+2:")]
    best = max(own, key=lambda name: weights.get((name, role), 0.0), default="")
    if weights.get((best, role), 0.0) <= 0.3:
        best = max(features, key=lambda name: weights.get((name, role), 0.0), default="")
    if weights.get((best, role), 0.0) <= 0:
        return "the lines around it"
    return in_words(best, features)


def assign(units: Sequence[Unit], labels: Sequence[str],
           reasons: Sequence[str] | None = None) -> None:
    """Give each unit its role (``hint``) and what the builder sees (``role``).

    The rules that are certain stand over the model: a line opening with a
    dateline is article text; a markdown heading is a heading, and on a page
    of markdown headings a plain line of text is not one; a line of site
    boilerplate (上一篇：…, 版权声明, 责任编辑：…) is not article text; a line whose
    byline grammar names a reporter or correspondent is a byline.
    """
    # a page that marks its headings with # marks them all: its plain lines are not headings
    markdown = marked_up(units)
    for index, (unit, label) in enumerate(zip(units, labels, strict=True)):
        if markdown and not unit.level and not unit.scraped and label in HEADINGS \
                and unit.role == "body":
            label = "body"
        if unit.dateline and label not in ("body",):
            label = "body"
        elif unit.role == "drop" and label not in OUTSIDE:
            label = "chrome"
        elif unit.level and label not in ("page-title", "section", "kicker", "title", "subtitle",
                                          "subhead"):
            label = "title"
        elif unit.byline is not None and unit.role in ("byline", "drop") \
                and not unit.byline.counts and unit.byline.others \
                and all(c.role == "editor" for c in unit.byline.others):
            label = "editor"  # 责任编辑 lines are never bylines
        elif unit.role == "byline" and unit.byline is not None and label != "byline" and (
                unit.byline.counts or label not in (*OUTSIDE, "caption")):
            label = "byline"
        elif label in DECK and BOX_LABEL.match(unit.text):
            label = "subhead"  # 核心提示, 编者按: the label of a box in the article, no headline
        unit.hint = label
        if reasons is not None:
            unit.reason = reasons[index] if label == labels[index] else \
                f"a rule that is certain (the model said {labels[index]})"
        if label in OUTSIDE:
            unit.role = "drop"
        elif label in ("kicker", "title", "subtitle", "subhead", "page-title"):
            unit.role = "heading"
        elif label in ("section", "byline", "caption"):
            unit.role = label
        else:
            unit.role = "body"


def tag_features(features: list[list[str]], units: Sequence[Unit] | None = None) -> list[str]:
    """The role of every unit, from the features ``unit_features`` made.

    With ``units``: a digital edition's page carries its article's headline above
    the text; when the best reading gives the first article none, the line above
    the text that the model thinks likeliest to be the title becomes it (if the
    model gives it a fair chance at all) — so the headline is not lost to the
    navigation copy it resembles.
    """
    if not features:
        return []
    tagger = _tagger()
    labels = list(tagger.tag(features))
    if units is not None:
        for index, unit in enumerate(units):
            if labels[index] == "section" and unit.role != "section":
                # a section label is a 街道/办事处 name on its own line (the rules know
                # one); the model, having seen few, may call a short caption one
                labels[index] = max((r for r in ROLES if r != "section"),
                                    key=lambda role: tagger.marginal(role, index))
        if "page=edition" in features[0]:
            _rescue_title(tagger, units, labels)
        for index, (unit, label) in enumerate(zip(units, labels)):
            if label in DECK:
                unit.confidence = tagger.marginal(label, index)
    return labels


def read_page(units: Sequence[Unit], rule_roles: Sequence[str], *, explain: bool = False
              ) -> tuple[list[str], list[str] | None]:
    """Every unit's role, and (with ``explain``) the main reason for each."""
    if marked_up(units):
        reasons = ["the page marks its headings with #: the rules read it"] * len(units)
        return list(rule_roles), reasons if explain else None
    asked = asked_about(units)
    features = unit_features([units[i] for i in asked], [rule_roles[i] for i in asked])
    answers = tag_features(features, [units[i] for i in asked])
    labels = ["body"] * len(units)
    reasons = ["a paragraph between paragraphs: text"] * len(units) if explain else None
    for k, i in enumerate(asked):
        labels[i] = answers[k]
        if reasons is not None:
            reasons[i] = reason(features[k], answers[k])
    return labels, reasons


def _plain_paragraph(unit: Unit) -> bool:
    return (unit.role == "body" and not unit.shaped and unit.byline is None
            and not unit.dateline and not unit.kinds and unit.length >= 20)


def asked_about(units: Sequence[Unit]) -> list[int]:
    """The units the model is asked about: all but a plain paragraph between two plain
    paragraphs, which is text whatever its neighbours (the model reads the edges of
    each run of text, where its context is)."""
    plain = [_plain_paragraph(u) for u in units]
    last = len(units) - 1
    return [i for i in range(len(units))
            if not (0 < i < last and plain[i - 1] and plain[i] and plain[i + 1])]


#: the least probability the model must give a line to be taken as the missing title
RESCUE_MIN = 0.05


def _rescue_title(tagger, units: Sequence[Unit], labels: list[str]) -> None:  # type: ignore[no-untyped-def]
    start = next((i for i, label in enumerate(labels) if label in ("body", "byline")
                  and (units[i].dateline or _is_long(units[i]) or label == "byline")), None)
    if start is None or any(label == "title" for label in labels[:start]):
        return
    window = [i for i in range(max(0, start - 8), start)
              if labels[i] not in ("byline", "body") and not units[i].kinds
              and units[i].shaped]
    if not window:
        return
    best = max(window, key=lambda i: tagger.marginal("title", i))
    if tagger.marginal("title", best) >= RESCUE_MIN:
        labels[best] = "title"

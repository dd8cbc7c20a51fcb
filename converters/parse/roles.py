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
from collections.abc import Sequence
from functools import cache
from importlib import resources

from .chars import numbered_picture
from .decks import couplet
from .bylines import names_only
from .names import looks_like_person
from .features import BOX_LABEL, DECK, HEADINGS, OUTSIDE, ROLES, is_long, unit_features
from .patterns import PLACE_LED
from .places import default_places
from .reasons import in_words
from .segment import dash_subtitle, marked_up
from .units import Unit

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


class _Weights(dict[str, float]):
    """One role's weights; a feature that does not count for it weighs nothing."""

    def __missing__(self, feature: str) -> float:
        return _NOTHING


_NOTHING = float("-inf")


@cache
def _weights() -> dict[str, _Weights]:
    """Each role's weight of each feature that counts for it (role → feature → weight)."""
    by_role: dict[str, _Weights] = {}
    for (attr, label), weight in _tagger().info().state_features.items():
        by_role.setdefault(label, _Weights())[attr] = weight
    return by_role


#: the most characters of a line read as a caption for standing over one
CAPTION_RUN_LONGEST = 8
#: the longest line of names alone read in a deck (four names of three, spaced)
_NAMES_LONGEST = 16
#: what the model may call a line that a caption's marks make a caption
_CAPTION_READINGS = HEADINGS | {"body", "byline"}
#: a line that is all someone's words, one sentence or more in quotation marks, or the
#: ellipsis that closes a run of them
_SPEECH = re.compile(r"^(?:“[^“”]*[！？。!?…]”|…+)$")
#: an outlet's name alone on its line: a paper's site (齐鲁晚报网 over the headline), a
#: place's paper (郑州日报, 新郑时报), a county's news site or channel (今日开鲁, 今日范县);
#: where the page came from, never a line of the headline
_OUTLET_ALONE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,6}?)(?:日报|晚报|时报|晨报|早报|商报|都市报)"
                           r"(?P<site>网|社)?$|^[\u4e00-\u9fff]{2,4}新闻网$|^今日(?P<today>[\u4e00-\u9fff]{2,4})$")


def _parallel(phrases: list[str]) -> bool:
    """Three phrases or more of three characters set side by side, all sharing their
    first or their last character (高质量 高标准 高效率, 向未来 向幸福 向远方): a
    headline's, not writers' (two names may well share one: 黎海平 陈宇平)."""
    return len(phrases) >= 3 and all(len(p) == 3 for p in phrases) and (
        len({p[0] for p in phrases}) == 1 or len({p[-1] for p in phrases}) == 1)


def _outlet_alone(text: str) -> bool:
    found = _OUTLET_ALONE.match(text)
    if found is not None and found.group("today"):
        return default_places().names_place(found.group("today"))  # (今日立冬: a headline)
    # (a headline naming a paper, 致敬郑州日报 or 聚焦新郑时报, names no place before it)
    return found is not None and (found.group("site") is not None or found.group("place") is None
                                  or default_places().names_place(found.group("place")))


def reason(features: list[str], own: int, role: str) -> str:
    """The feature that counted most for ``role``, in words: of the line's ``own``
    features (the first), a neighbour's only when none of its own counts."""
    weights = _weights().get(role) or _Weights()
    best = max(features[:own], key=weights.__getitem__, default="")
    if weights[best] <= 0.3:
        best = max(features, key=weights.__getitem__, default="")
    if weights[best] <= 0:
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
    ruled = _placed_kickers(units, labels)
    for index, (unit, label) in enumerate(zip(units, ruled, strict=True)):
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
                and unit.byline.editors_only:
            label = "editor"  # 责任编辑 lines are never bylines
        elif unit.role == "byline" and unit.byline is not None and label != "byline" and (
                unit.byline.counts or label not in (*OUTSIDE, "caption")):
            label = "byline"
        elif label in ("body", "caption") and unit.role != "drop" and unit.byline is None \
                and PLACE_LED.match(unit.text):
            label = "title"  # 黄店镇：花生丰收季 农户增收忙: a place leading its headline
        elif label == "section" and index + 1 < len(units) \
                and units[index + 1].first_line == unit.last_line + 1 \
                and units[index + 1].role in ("body", "heading") and not units[index + 1].dateline:
            # 中原区林山寨街道 right over a headline, no blank line between: the headline's
            # kicker (every labelled one is), where a section's label stands apart
            label = "kicker"
        elif label in DECK and _outlet_alone(unit.text):
            label = "chrome"
        elif label in DECK and numbered_picture(unit.text):
            label = "caption"  # ⑤守护孩子出行安全: a numbered picture's, never a headline
        elif (label in DECK or label == "caption") and BOX_LABEL.match(unit.text):
            # 核心提示, 编者按, ➡记者手记: the label of a box in the article, no headline and
            # no picture's caption
            label = "subhead"
        elif label in ("title", "subtitle", "subhead", "byline") and unit.role in ("body", "heading") \
                and unit.byline is None and not unit.level and unit.length <= _NAMES_LONGEST \
                and any(ruled[k] in DECK for k in range(max(0, index - 3), index)) \
                and (names := names_only(unit.text)) is not None \
                and all(looks_like_person(credit.name) for credit in names.others) \
                and not _parallel([credit.name for credit in names.others]):
            # 黎海平 陈宇平 under the headline: its writers' names, no deck line, and a byline
            # the model saw that the grammar reads as names (over the headline, 金水区 or
            # 宋营村 looks like a name: a kicker is left as it is), each with a surname (唱红歌
            # 听戏曲 看歌舞 观小品 is a subtitle of phrases)
            label, unit.role, unit.byline = "byline", "byline", names
        elif label == "caption" and index and units[index - 1].hint in DECK \
                and not unit.captioned and unit.role in ("body", "heading") \
                and couplet(units[index - 1].text, unit.text):
            label = "title"  # 公厕接连关门 / 市民如厕犯难: the headline's second half
        elif label == "caption" and index and units[index - 1].hint in DECK \
                and not unit.captioned and dash_subtitle(unit):
            label = "subtitle"  # ——药材变“药财”的故事正在登封发生: a subtitle by its dash
        elif label == "caption" and not unit.captioned and _SPEECH.match(unit.text):
            label = "body"  # “快来尝尝我烧的鲈鱼!” / ……: people's words opening the text, no picture's
        elif label in _CAPTION_READINGS and unit.role not in ("drop", "byline") \
                and unit.captioned:
            label = "caption"  # 郭韬（右）与…, …（资料图片）, 图为…: a photo's, by its marks
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


#: a place or body on a line of its own, closed by a colon: 枚乘街道：, 灵宝市苏村乡：
_PLACE_KICKER = re.compile(r"^[\u4e00-\u9fff]{2,16}(?:街道|办事处|社区|村|乡|镇|区|县|市|委|局|院|中心)\s*[：:]$")


def _placed_kickers(units: Sequence[Unit], labels: Sequence[str]) -> list[str]:
    """The labels, but for a place named over a headline (枚乘街道： / 扫雪除冰保畅通):
    that is the kicker and the line under it the title, whatever the model said of
    them, unless it read both as the page's index or chrome (产业集聚区： / 新郑经济增长新极
    among other headlines: another article's deck)."""
    ruled = list(labels)
    for index in range(len(units) - 1):
        place, headline = units[index], units[index + 1]
        if _PLACE_KICKER.match(place.text) and headline.role in ("body", "heading") \
                and not (labels[index] in OUTSIDE and labels[index + 1] in OUTSIDE) \
                and not headline.dateline and len(headline.text) <= 40 \
                and not any(mark in headline.text for mark in "。！？；"):
            ruled[index], ruled[index + 1] = "kicker", "title"
    return ruled


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
            elif labels[index] == "byline" and unit.byline is None and unit.shaped \
                    and names_only(unit.text) is None:
                # a byline names someone: a headline's line that names no one (月饼为媒 爱满中非
                # under its kicker) is what the model thinks it likeliest to be besides
                labels[index] = max((r for r in ROLES if r != "byline"),
                                    key=lambda role: tagger.marginal(role, index))
        for index in range(len(labels) - 2, -1, -1):
            if labels[index] == "subtitle" and labels[index + 1] == "caption" \
                    and units[index].length <= CAPTION_RUN_LONGEST and " " not in units[index].text:
                # 街心游园 / 文化长廊夜景 under the headline: a caption's few words over a
                # caption are one of a run of captions (in the labelled pages, of such lines
                # of at most 8 characters 55 are captions, 1 a subtitle: two phrases)
                labels[index] = "caption"
        if "body" not in labels:
            # a page holds an article: with none read, its paragraphs of prose that show
            # no chrome are its text (in the labelled pages, 1,167 such lines are text
            # and 5 chrome)
            for index, unit in enumerate(units):
                if unit.prose and not unit.kinds and unit.role != "drop" and "。" in unit.text:
                    labels[index] = "body"
        if "page=edition" in features[0]:
            _rescue_title(tagger, units, labels)
        _unsure_decks_as_ruled(tagger, units, labels)
        for index in range(1, len(labels)):
            if labels[index - 1] == labels[index] == "subtitle" and PLACE_LED.match(units[index].text):
                # two subtitles and no title over the text, the second led by its place
                # (家园问题回头看 / 洛龙区李屯村：清理垃圾带…): a column's name and the headline
                labels[index - 1:index + 1] = ["kicker", "title"]
        for index, (unit, label) in enumerate(zip(units, labels)):
            if label in DECK:
                unit.confidence = tagger.marginal(label, index)
    return labels


def read_page(units: Sequence[Unit], rule_roles: Sequence[str], *, explain: bool = False,
              opens_page: bool = True, closes_page: bool = True
              ) -> tuple[list[str], list[str] | None]:
    """Every unit's role, and (with ``explain``) the main reason for each; the units
    are a page's, or a piece's of a huge page (``opens_page``, ``closes_page``: whether
    the piece starts or ends the page)."""
    if marked_up(units):
        reasons = ["the page marks its headings with #: the rules read it"] * len(units)
        return list(rule_roles), reasons if explain else None
    asked = asked_about(units)
    features = unit_features([units[i] for i in asked], [rule_roles[i] for i in asked],
                             opens_page=opens_page, closes_page=closes_page)
    answers = tag_features(features, [units[i] for i in asked])
    labels = ["body"] * len(units)
    reasons = ["a paragraph between paragraphs: text"] * len(units) if explain else None
    for k, i in enumerate(asked):
        labels[i] = answers[k]
        if reasons is not None:
            reasons[i] = reason(features[k], features.own[k], answers[k])
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


#: below this probability the model is unsure of a deck line's role
UNSURE = 0.6


def _unsure_decks_as_ruled(tagger, units: Sequence[Unit], labels: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Two deck lines the model reads otherwise than the rules, unsure of both (a slogan
    over the event: kicker and title, or title and subtitle? the labelled pages set
    it both ways as often), take the rules' reading, which the page's chrome around it
    does not sway."""
    for index in range(len(labels) - 1):
        pair = labels[index:index + 2]
        ruled = [units[index].rule_role, units[index + 1].rule_role]
        if pair[0] in DECK and pair[1] in DECK and ruled[0] in DECK and ruled[1] in DECK \
                and pair != ruled and ruled != ["title", "title"] \
                and all(tagger.marginal(label, index + k) < UNSURE for k, label in enumerate(pair)):
            labels[index:index + 2] = ruled


#: the least probability the model must give a line to be taken as the missing title
RESCUE_MIN = 0.05


def _rescue_title(tagger, units: Sequence[Unit], labels: list[str]) -> None:  # type: ignore[no-untyped-def]
    start = next((i for i, label in enumerate(labels) if label in ("body", "byline")
                  and (units[i].dateline or is_long(units[i]) or label == "byline")), None)
    if start is None or any(label == "title" for label in labels[:start]):
        return
    window = [i for i in range(max(0, start - 8), start)
              if labels[i] not in ("byline", "body") and not units[i].kinds
              and units[i].shaped]
    if not window:
        return
    # a deck is never a kicker or a subtitle alone: a line read as one, with no title
    # beside it, is the title (before any caption the model may like better)
    deck = [i for i in window if labels[i] in ("kicker", "subtitle")]
    best = max(deck or window, key=lambda i: tagger.marginal("title", i))
    if tagger.marginal("title", best) >= RESCUE_MIN:
        labels[best] = "title"

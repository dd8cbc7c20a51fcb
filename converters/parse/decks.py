"""Which lines of an article's deck make its headline: the halves of one headline
printed over two lines, or a headline and the kicker or subtitle the model took
for a second title line; and whether the page names a line elsewhere (its
headline index, its navigation)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .bylines import MARKERS
from .chars import han_only
from .patterns import PLACE_LED, PLACE_NAME
from .units import Unit

#: the shortest deck line looked for inside the page's other lines, not only as one
LISTED_WITHIN = 5
#: a series' number closing a deck line (之 一, 巩义经济社会发展系列报道之三): a kicker over
#: the headline or a subtitle under it, never the headline
SERIES_NUMBER = re.compile(r"之\s*[一二三四五六七八九十]{1,3}\s*$")


def listed(text: str, listing: str, within: bool) -> bool:
    """Is ``text`` a line of ``listing`` (lines, spaces removed), or ``within`` one?
    A short line only as a line of its own: 金水区 is in many an index line."""
    compact = "".join(text.split())
    return compact in listing if within and len(compact) >= LISTED_WITHIN \
        else f"\n{compact}\n" in listing


#: marks and spaces a page may set around a headline's line (• 顺义村规民约“润”乡风)
DECORATION = f"•·{MARKERS} \u3000"
#: each half of a headline printed on two lines is short
HALF_HEADLINE = 16


def headline_lines(titles: list[Unit], indexed: str) -> tuple[list[Unit], list[Unit]]:
    """The title lines that make the headline, and those that are its kicker or
    subtitle (by where they stand) though the model called them title lines too.

    Short halves of one headline printed over lines next to each other are all of
    it, unless one line is led by its place (洛龙区穆庄村：家家种花草: it is the
    headline, the line over it a kicker), one is two phrases (then the surest line
    is the headline), one names a place only (襄城县湛北乡北姚社区
    over 樱桃红了 游客采摘正当时: a kicker), or the page's headline index lists some
    of the lines and not the others, nor all of them as one (the listed are the
    title). Otherwise the one line the model is surest of; the others are dropped. A
    line led by a mark (■基层聚焦: a column's label) is never the headline beside one
    that is not (no labelled headline has one)."""
    if len(titles) <= 1:
        return titles, []
    marked = [u for u in titles if u.text[:1] in MARKERS]
    if marked and len(marked) < len(titles):
        rest, demoted = headline_lines([u for u in titles if u not in marked], indexed)
        return rest, marked + demoted
    adjacent = all(b.first_line - a.last_line <= 2 for a, b in zip(titles, titles[1:]))
    if not (adjacent and all(u.length <= HALF_HEADLINE for u in titles)):
        return [max(titles, key=lambda u: u.confidence)], []
    led = [u for u in titles if PLACE_LED.match(u.text)]
    if len(led) == 1:
        return led, [u for u in titles if u is not led[0]]
    named = [u for u in titles[:-1] if PLACE_NAME.match(u.text)]
    if named and named[-1] is not titles[-1]:
        rest = titles[titles.index(named[-1]) + 1:]
        return rest, titles[:len(titles) - len(rest)]
    if any(" " in u.text.strip(DECORATION) for u in titles):
        # 扎根新土地 开启新生活 over 力洋镇钦寸水库移民乐当新宁海人: a line of two phrases is
        # a headline of its own, never half of one (no labelled two-line title has one)
        best = max(titles, key=lambda u: u.confidence)
        return [best], [u for u in titles if u is not best]
    compact = ["".join(u.text.split()) for u in titles]
    if indexed and "".join(compact) not in indexed and "\n".join(compact) not in indexed:
        listed = [u for u, c in zip(titles, compact) if f"\n{c}\n" in indexed]
        if listed and len(listed) < len(titles):
            return listed, [u for u in titles if u not in listed]
    # the index lists one line more often than the others (20台水泵送到村头 alone in the
    # headline index, with 市委办公厅解农民燃眉之急 under it in the navigation's copy): the
    # headline; the halves of one are listed as often as each other
    lines = indexed.split("\n")
    times = [lines.count(c) for c in compact]
    if times.count(max(times)) == 1 and min(times) > 0:
        best = titles[times.index(max(times))]
        return [best], [u for u in titles if u is not best]
    return titles, []


#: the longest half of a headline printed as a couplet
COUPLET_LONGEST = 12


def couplet(first: str, second: str) -> bool:
    """Two deck lines of one length, each one phrase, neither naming a place: the halves
    of one headline set as a couplet (对仗: 百叟家宴齐欢聚 / 敬老风尚满乡间), not a
    kicker and its title. (In the labelled pages no kicker and title of one length are
    such lines: the kickers are places (灵宝市苏村乡：), or two phrases with a space.)"""
    halves = [half.strip(DECORATION) for half in (first, second)]
    # of one length in characters, the marks left out (简办“红白事” / 遍开文明花)
    sizes = [len(han_only(half)) for half in halves]
    return 2 <= sizes[0] == sizes[1] <= COUPLET_LONGEST \
        and not any(" " in half or "：" in half or ":" in half or PLACE_NAME.match(half)
                    or PLACE_LED.match(half) for half in halves)


#: a site's archive record of the page, written by its publishing system in a comment:
#: date, the line over or under the title (or nothing), numbers, the paper, the page's
#: file, then the title (2023-07-16 1 1 澳门日报 content_276080.html 1 街坊節開幕推睦鄰互助
#: /enpproperty-->)
_ARCHIVE_RECORD = re.compile(r"(?:^|\s)\d{4}-\d{2}-\d{2}\s+.*?\s*\d+\s+\d+\s+\S+\s+\S+\.s?html?\s+"
                             r"\d+(?:\s+\d+)?\s+(?P<title>.+?)\s*/enpproperty")


def archived_title(units: Iterable[Unit]) -> str | None:
    """The title the page's archive record names, spaces removed, if it has one."""
    for unit in units:
        if "enpproperty" in unit.folded and (record := _ARCHIVE_RECORD.search(unit.folded)):
            return "".join(record.group("title").split())
    return None


def title_as_archived(parts: dict[str, list[str]], archived: str | None) -> bool:
    """The page's archive record names its article's title (the site's publishing
    system writes it in a comment: …content_276080.html 1 街坊節開幕推睦鄰互助): of the
    deck's lines, that one is the title, those above it the kicker, those under it
    the subtitle, whatever the model called them. Whether it did."""
    if not archived:
        return False
    lines = parts["kicker"] + parts["title"] + parts["subtitle"]
    compact = ["".join(line.split()) for line in lines]
    if archived not in compact:
        return False
    at = compact.index(archived)
    parts["kicker"], parts["title"], parts["subtitle"] = lines[:at], [lines[at]], lines[at + 1:]
    return True


def title_as_listed(parts: dict[str, list[str]], indexed: str, elsewhere: str) -> None:
    """The page names its article by its title elsewhere (the headline index, the
    navigation bar, an archive line): of a two-line deck one line of which is named
    there and the other not, the named one is the title (kicker + title read where
    the page printed title + subtitle, or the reverse)."""
    if len(parts["title"]) != 1:
        return
    for role in ("kicker", "subtitle"):
        # 顺应民意的 / 新型农村社区 printed together elsewhere too (the navigation's copy,
        # the index): two halves of one headline; but a place with its colon over the
        # headline (金水区： / 在全市率先将学前教育纳入政府职责) is its kicker wherever printed
        if len(parts[role]) == 1 and not parts["subtitle" if role == "kicker" else "kicker"] \
                and not (role == "kicker" and parts[role][0].rstrip().endswith(("：", ":"))):
            halves = [parts[role][0], parts["title"][0]]
            halves = halves if role == "kicker" else halves[::-1]
            compact = ["".join(half.split()) for half in halves]
            # (but not when the index lists one half alone besides: that is the title;
            # 花园口镇上下动员 / 综合整治城郊村环境 in the navigation's copy, the second
            # alone in the index)
            # (counted as lines: a line printed twice in a row is there twice)
            lines = indexed.split("\n")
            alone = [lines.count(c) for c in compact]
            if (("".join(compact) in elsewhere or "\n".join(compact) in elsewhere)
                    and alone[0] == alone[1]) \
                    or (couplet(*halves) and sum(map(bool, alone)) != 1):
                # (a couplet, unless the page's index lists one half alone: the title)
                parts["title"], parts[role] = [" ".join(halves)], []
                return
    # the headline index first, as lines of its own; then anywhere outside the article.
    # A headline its place leads stays the title: such a line is never a subtitle,
    # and the index may list the column's name over it (家园问题回头看)
    for listing, within in ((indexed, False), (elsewhere, True)):
        if not listing or listed(parts["title"][0], listing, within) \
                or PLACE_LED.match(parts["title"][0]):
            continue
        title = parts["title"][0]
        for role, other in (("kicker", "subtitle"), ("subtitle", "kicker")):
            if len(parts[role]) == 1 and not parts[other] \
                    and listed(parts[role][0], listing, within):
                # kicker listed: it is the title, the title its subtitle; and the reverse
                parts["title"], parts[other], parts[role] = parts[role], [title], []
                return

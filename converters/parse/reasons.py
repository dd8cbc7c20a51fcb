"""The role model's features in words, for ``pressroom parse --explain``.

An editor reading why a line was taken for chrome or a title should see
"a navigation line", not ``ch.navigation``; this module is the one place
that knows how the feature names of ``features.unit_features`` read aloud.
"""
from __future__ import annotations

import re
from functools import cache

#: features named in full
_EXACT = {
    "dup.later": "printed again further down", "dup.earlier": "repeats a line above",
    "copy=first": "first of the copies of a repeated headline",
    "copy=middle": "a middle copy of a repeated headline",
    "copy=last": "last copy of a repeated headline (the article's own)",
    "dateline": "opens with a dateline", "dateline=benbao": "opens with 本报讯",
    "dateline=other": "opens with a dateline",
    "byline=line": "a byline naming reporters or correspondents",
    "byline=others": "a byline naming others (interns, photographers)",
    "byline=glued": "a byline glued to the text", "byline=inner": "a byline inside the dateline",
    "shape.heading": "headline shape", "deck.near": "headline-shaped, just above the text",
    "boilerplate": "site boilerplate words", "scraped": "scraped markup",
    "has.period": "has a full stop", "has.space": "has spaces between words",
    "start.quote": "opens with a quotation mark", "start.bracket": "opens with a bracket",
    "start.marker": "opens with a bullet mark", "starts.dash": "opens with a dash",
    "start.number": "opens with a circled number (①)",
    "caption.mark": "a photo caption's mark (（右）, 资料图片, 图为)",
    "ends.dash": "ends with a dash", "ends.colon": "ends with a colon",
    "index.lists": "the page's headline index lists it",
    "index.omits": "the page's headline index omits it",
    "page=edition": "a digital edition's page (one article, as a rule)",
    "page=plain": "a page without site chrome",
    "page=edition+inside": "headline-shaped between paragraphs",
    "page=plain+inside": "headline-shaped between paragraphs",
    "lead=0": "the first paragraph", "lead=inside": "among the paragraphs",
    "lead=after-last": "after the last paragraph",
    "gap=": "no blank line around it", "gap=b": "a blank line before it",
    "gap=a": "a blank line after it", "gap=ba": "blank lines around it",
    "ascii=0": "no Latin letters or digits", "ascii=low": "few Latin letters or digits",
    "ascii=mid": "many Latin letters or digits", "ascii=high": "mostly Latin letters or digits",
    "end=none": "empty", "end=sentence": "ends a sentence", "end=pause": "ends on a comma",
    "end=close": "ends with a closing quote or bracket", "end=digit": "ends with a digit",
    "end=ascii": "ends with a Latin letter", "end=han": "ends without punctuation",
    "chrome=1": "page chrome", "chrome=2+": "page chrome of several kinds",
    "first": "first line of the page", "last": "last line of the page", "none": "page edge",
    "md=1": "a # markdown heading", "md=2": "a ## markdown heading",
    "md=3": "a ### markdown heading", "run=1": "a short line on its own",
}

#: kinds of chrome (``ch.<kind>``)
_CHROME = {
    "page-number": "a page-number line (第05版)", "navigation": "a navigation line",
    "print": "print/zoom buttons", "copyright": "a copyright line",
    "licence": "a licence/ICP line", "contact": "an address/phone line",
    "web": "a web address or markup", "date": "a date line", "digits": "digits only",
    "source": "a source/author/date line", "pdf": "a PDF link", "furniture": "site furniture",
    "archive": "an archive widget", "browser": "a browser notice", "editor": "an editor line",
    "bullet": "bulleted metadata", "papers": "names the paper",
}

_PATTERNS = (
    (re.compile(r"rule=(.+)"), lambda m: f"the rules read it as {m[1]}"),
    (re.compile(r"len=(.+)"), lambda m: f"{m[1]} characters long"),
    (re.compile(r"run=(.+)"), lambda m: f"in a run of {m[1]} short lines (a headline list)"),
    (re.compile(r"nav\.after=(\d)"),
     lambda m: f"{m[1]} line{'s' if m[1] != '1' else ''} after the navigation bar"),
    (re.compile(r"lead=-(.+)"), lambda m: f"{m[1]} line(s) above the first paragraph"),
    (re.compile(r"deck=(\d)/(\d)"), lambda m: f"line {m[1]} of a {m[2]}-line deck"),
    (re.compile(r"deck\.len=(.+)"), lambda m: f"{m[1]} than the deck line beside it"),
    (re.compile(r"ch\.(.+)"), lambda m: _CHROME.get(m[1], f"chrome ({m[1]})")),
)

_WHERE = {"-1": "line before", "+1": "line after", "-2": "two lines before",
          "+2": "two lines after"}


def in_words(feature: str, features: list[str] | None = None) -> str:
    """``feature`` (as ``unit_features`` names it) in words.

    ``features`` are the unit's others: "page chrome" says which kind.
    """
    where, _, name = feature.partition(":") if feature[:2] in _WHERE else ("", "", feature)
    words = None
    if name.startswith("chrome=") and features:
        kinds = [f[3:] for f in features if f.startswith(where + (":" if where else "") + "ch.")]
        if kinds:
            words = " and ".join(_named(f"ch.{kind}") for kind in kinds[:2])
    words = words or _named(name)
    return f"{_WHERE[where]}: {words}" if where else words


@cache  # every line of every page has its reason: the same few hundred features
def _named(name: str) -> str:
    words = _EXACT.get(name)
    if words is not None:
        return words
    for pattern, say in _PATTERNS:
        match = pattern.fullmatch(name)
        if match:
            return say(match)
    return name

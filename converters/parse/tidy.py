"""Drafts that are not articles of their own, after assembling: a navigation copy
of the next headline, a headline list read as text, a byline or caption printed
above the deck (joined to the draft it belongs to)."""
from __future__ import annotations

from .assemble import Draft

def tidy(drafts: list[Draft], dropped: list[str], warnings: list[str]) -> list[Draft]:
    """Drafts that are not articles of their own:

    - a navigation copy of the next article's headline (a headline with nothing
      under it, printed again right after): dropped;
    - lines of a headline list read as untitled text (short, no sentence, no
      dateline, no byline): dropped;
    - a byline or caption above the deck, or a headline whose text follows under
      a second heading line with no dateline of its own (a caption or a
      subtitle printed after the byline): joined to the next draft.
    """
    from .chars import ends_sentence

    kept: list[Draft] = []
    for index, draft in enumerate(drafts):
        following = drafts[index + 1] if index + 1 < len(drafts) else None
        empty = not draft.has_text and not draft.bylines and not draft.captions
        if empty and following is not None and draft.title and draft.title == following.title:
            reason = "a copy of the next article's headline"
        elif (len(drafts) > 1 and draft.title is None and not draft.dateline and not draft.bylines
              and draft.has_text and all(b.kind == "paragraph" and len(b.text) <= 40
                                          and not ends_sentence(b.text) for b in draft.blocks)):
            reason = "short lines with no sentence, title, dateline or byline: a headline list"
        elif not draft.has_text and following is not None and (
                not following.dateline and (draft.title is None or not following.kicker)
                or draft.title is None and not draft.dateline):
            # (a headline with no text over an article with a dateline of its own is a
            # headline list's line; captions or a byline with no headline are the next's)
            _join(draft, following)
            continue
        elif draft.title and not draft.dateline and draft.blocks and following is not None \
                and following.title is None and following.dateline and all(
                    b.kind == "paragraph" and len(b.text) <= SHORT_CAPTION and ends_sentence(b.text)
                    for b in draft.blocks):
            # 出动百余记者… / 上阵母子兵。/ 我们脏了，路面净了。/ 本报讯…: short sentences between
            # a headline and a lead with no headline of its own are the photos' captions
            draft.captions.extend(b.text for b in draft.blocks)
            draft.blocks.clear()
            _join(draft, following)
            continue
        elif not draft.has_text and draft.title and draft.captions and following is not None \
                and following.title and not following.kicker and not following.subtitle:
            # a deck, a photo's caption, then a lone "headline" over the text: the next
            # caption (街心游园 / 文化长廊夜景), not a second article's
            following.captions.insert(0, following.title)
            following.title = None
            _join(draft, following)
            continue
        else:
            kept.append(draft)
            continue
        texts = [t for t in (draft.kicker, draft.title, draft.subtitle) if t]
        texts += [b.text for b in draft.blocks]
        dropped.extend(texts)
        warnings.append(f"dropped “{texts[0][:16]}…”: {reason}" if texts else f"dropped: {reason}")
    return kept


#: the longest caption read from short sentences between a headline and its lead
SHORT_CAPTION = 30


def _join(first: Draft, second: Draft) -> None:
    """``first`` (a deck or bylines with no text) goes on top of ``second``."""
    if first.title is not None:
        lines = [t for t in (second.kicker, second.title, second.subtitle) if t]
        second.kicker, second.title = first.kicker, first.title
        if first.subtitle is None and lines:
            second.subtitle = lines.pop(0)
        else:
            second.subtitle = first.subtitle
        second.captions[:0] = lines
    second.bylines[:0] = first.bylines
    second.captions[:0] = first.captions
    second.others[:0] = first.others
    second.blocks[:0] = first.blocks
    second.dateline = second.dateline or first.dateline
    second.section = second.section or first.section

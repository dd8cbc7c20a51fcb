"""What the tests of real pages' shapes share: where the pages are, and a page's units
with the roles a model that read them so would give them."""
from __future__ import annotations

from pathlib import Path

from converters.parse.assemble import record_rule_roles
from converters.parse.normalise import normalise
from converters.parse.pipeline import ReadPage
from converters.parse.roles import assign
from converters.parse.segment import read

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "corpus" / "real" / "pages"


def as_labelled(page: str, labels: list[str]) -> ReadPage:
    """The page's units with ``labels`` for roles, as a model that read them so gives them
    (the shipped model, trained on the page, would not)."""
    units = read(normalise(page).lines)
    record_rule_roles(units)
    assign(units, labels)
    return ReadPage(tuple(units), (), (), ())

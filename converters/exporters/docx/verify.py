"""``pressroom check`` for a Word report: a sound zip that python-docx reopens, holding
every article's text."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ...model import Article
from .. import Verdict
from ..archive import checksum_problem
from ..text import missing_pieces


def verify_docx(path: Path, articles: list[tuple[str, Article]], internal: bool = False) -> Verdict:
    import docx

    verdict = Verdict()
    try:
        with zipfile.ZipFile(path) as package:
            damage = checksum_problem(package)
        if damage:
            verdict.problems.append(damage)
            return verdict
        document = docx.Document(str(path))
    except Exception as exc:  # zipfile, lxml and python-docx each raise their own
        verdict.problems.append(f"does not reopen: {type(exc).__name__}: {exc}")
        return verdict
    text = [p.text for p in document.paragraphs]
    text += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    verdict.problems += missing_pieces(articles, "\n".join(text), internal)
    return verdict

"""What a user can ask of the parser (``pressroom parse --simplified``, ``--keep-punctuation``):
one frozen value, part of the key a parsed page is kept under by a build."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParseOptions:
    #: ASCII ,;:?!() between Han characters → full-width (GB/T 15834)
    punctuation: bool = True
    #: traditional characters → simplified ones in the parsed text (OpenCC t2s)
    simplified: bool = False

"""Text checks every markup-writing exporter shares."""
from __future__ import annotations

import re

#: XML 1.0 cannot hold these (C0 controls but tab/newline/return, U+FFFE/FFFF, surrogates)
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str, where: str, warnings: list[str]) -> str:
    """``text`` without characters XML cannot hold; a warning names what went."""
    found = sorted(set(ILLEGAL_XML.findall(text)))
    if not found:
        return text
    codes = "、".join(f"U+{ord(ch):04X}" for ch in found)
    warnings.append(f"{where}: removed character(s) the file format cannot hold: {codes}")
    return ILLEGAL_XML.sub("", text)

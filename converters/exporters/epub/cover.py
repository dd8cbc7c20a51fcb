"""The generated cover image: bulletin, edition, districts, compiling unit.

Drawing and compressing the image is a large share of writing a book, and a
correction inside an article does not change it: covers are kept in the store
under a hash of all they show.
"""
from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import PIL

from ...presentation import imprint
from ...store import Store

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

    from ...edition import Edition

#: changed whenever the drawing below changes, so kept covers are drawn again
COVER_VERSION = "1"


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, current = [], ""
    for ch in text:
        if current and draw.textlength(current + ch, font=font) > width:
            lines.append(current)
            current = ""
        current += ch
    return [*lines, current] if current else lines


def cover_image(edition: Edition, settings: dict[str, Any], bold: Path, regular: Path,
                store: Store) -> bytes:
    """The cover as PNG bytes, from the cache when this cover was drawn before."""
    shown = [COVER_VERSION, PIL.__version__, edition.title, edition.label,
             [d.name for d in edition.districts], len(edition.entries), edition.settings.unit,
             edition.settings.date_text, imprint(edition.settings), settings, str(bold),
             str(regular)]
    key = hashlib.sha256(json.dumps(shown, ensure_ascii=False, sort_keys=True,
                                    default=str).encode("utf-8")).hexdigest()[:32]
    return store.kept("covers", f"{key}.png",
                      lambda: render_cover(edition, settings, bold, regular))


def render_cover(edition: Edition, settings: dict[str, Any], bold: Path, regular: Path) -> bytes:
    from PIL import Image, ImageDraw, ImageFont  # imports a kept cover does not need

    width, height = int(settings.get("width", 1600)), int(settings.get("height", 2400))
    accent, ink = settings.get("accent", "#b22222"), settings.get("ink", "#1a1a1a")
    image = Image.new("RGB", (width, height), settings.get("background", "#fdfbf7"))
    draw = ImageDraw.Draw(image)
    margin = width // 10

    def centred(text: str, font: ImageFont.FreeTypeFont, y: int, fill: str, gap: float = 1.35) -> int:
        for line in _wrap(draw, text, font, width - 2 * margin):
            draw.text(((width - draw.textlength(line, font=font)) / 2, y), line, font=font, fill=fill)
            y += int(font.size * gap)
        return y

    draw.rectangle((0, 0, width, height // 40), fill=accent)
    y = centred(edition.title, ImageFont.truetype(str(bold), width // 11), height // 5, accent)
    y = centred(edition.label, ImageFont.truetype(str(regular), width // 24), y + height // 60, ink)
    y += height // 30
    draw.rectangle((margin, y, width - margin, y + height // 200), fill=accent)
    draw.rectangle((margin, y + height // 120, width - margin, y + height // 120 + height // 600), fill=accent)
    districts = "　".join(d.name for d in edition.districts)
    y = centred(districts, ImageFont.truetype(str(regular), width // 28), y + height // 12, ink, 1.6)
    centred(f"共 {len(edition.entries)} 篇", ImageFont.truetype(str(regular), width // 32), y + height // 80, ink)
    small = ImageFont.truetype(str(regular), width // 30)
    label, *lines = imprint(edition.settings) or [None]
    if label:  # an internal publication: its label at the head, its imprint at the foot
        centred(label, small, height // 40 + height // 30, ink)
        y = height - height // 20 - int(small.size * 1.5) * len(lines)
        for line in lines:
            y = centred(line, small, y, ink, 1.5)
    else:
        centred(edition.settings.unit, small, height - height // 5, ink)
        centred(edition.settings.date_text, small, height - height // 5 + int(small.size * 1.6), ink)
    draw.rectangle((0, height - height // 40, width, height), fill=accent)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # optimize=True halves the speed for 2% of the size
    return buffer.getvalue()

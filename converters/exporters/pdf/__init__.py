"""The PDF bulletin exporter (ReportLab, with Chinese line composition of our own).

The bulletin is made in parts, the front matter and a district each (see
:mod:`.parts`), which the build typesets in parallel and keeps for the next
build.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ...layout import load_layout
from ...presentation import listed
from .. import (BuildOptions, Context, Exporter, Job, Part, Report, Verdict, layout_name,
                whole_and_split, whole_name)

if TYPE_CHECKING:  # a build with nothing to do loads the exporter, not the model
    from ...edition import Edition
    from ...model import Article


#: the front matter's part key (district slugs are [a-z0-9-])
FRONT = "_front"


def front_fingerprint(edition: Edition) -> str:
    """All the front matter shows: the cover's lines and the contents' titles."""
    settings = edition.settings
    return json.dumps([edition.title, edition.label, settings.unit, settings.date_text,
                       [(district.name, district.slug, [(entry.key, listed(entry.article))
                                                        for entry in district.entries])
                        for district in edition.districts]], ensure_ascii=False)


def _font_states(layout: dict[str, Any]) -> tuple[object, ...]:
    """Each font file the layout names: its size and time stamp (None where it is not
    found: making the layout says what is wrong)."""
    from ...files import file_state
    from ...fonts import FontError, FontSource

    states: list[object] = []
    for spec in layout.get("fonts", {}).values():
        try:
            states.append(tuple(file_state(str(FontSource(spec["file"]).resolve()))))
        except (FontError, KeyError, TypeError):
            states.append(None)
    return tuple(states)


class PdfExporter(Exporter):
    name = "pdf"
    description = "print-ready PDF bulletin (ReportLab; cover, contents, bookmarks)"
    default_layout = "bulletin"
    extension = "pdf"
    media_type = "application/pdf"
    cost = 4.0  # typesetting every line costs more than writing markup
    in_parts = True
    #: write_part reuses the unchanged pages of the part it replaces (context.earlier_part)
    reuses_parts = True

    def character_set_key(self, characters: str, options: BuildOptions) -> str | None:
        # a district's PDF embeds font subsets of the whole edition's characters; the
        # subsets always cover the common ones, so only the rest counts
        from ...fonts import subset_key

        return subset_key(characters)

    def load_libraries(self) -> None:
        from . import parts  # noqa: F401  (ReportLab)

    def load_writing_libraries(self) -> None:
        from . import district, parts  # noqa: F401

    def plan(self, edition: Edition, options: BuildOptions) -> list[Job]:
        return whole_and_split(edition, options, "pdf")

    def parts(self, job: Job, options: BuildOptions) -> list[Part]:
        """The front matter (cover and contents: only titles), then each district."""
        # about a twentieth of the work the whole edition's text would suggest
        front = Part(FRONT, job.edition, fingerprint=front_fingerprint(job.edition), weight=0.05)
        return [front, *(Part(district.slug, job.edition.only(district))
                         for district in job.edition.districts)]

    #: layouts made in this process, by everything they are made from: the workers
    #: forked after prepare() inherit them (every part and the assembling use one),
    #: and a process that stays (build --watch) makes one again only when its
    #: layout, fonts or characters change. The last two are kept.
    _layouts: ClassVar[dict[tuple[object, ...], Any]] = {}

    def __init__(self) -> None:
        #: the layout files are read once per build (an exporter lives for one), not
        #: once per part: (name, characters, print marks) → its key in _layouts, and
        #: the layout read
        self._read: dict[tuple[str, str, bool], tuple[tuple[object, ...], dict[str, Any]]] = {}

    def _layout(self, edition: Edition, options: BuildOptions,  # type: ignore[no-untyped-def]
                context: Context | None):
        from .styles import build_layout  # ReportLab loads slowly; a no-op build needs none

        name = layout_name(self, options)
        # every part's fonts are subsets for the whole edition's characters
        wanted = (name, edition.characters(), options.print_marks)
        if wanted not in self._read:
            data = load_layout(name, "pdf")
            self._read[wanted] = ((json.dumps(data, sort_keys=True, default=str),
                                   _font_states(data), *wanted[1:]), data)
        store = Context.of(context).store
        key, data = self._read[wanted]
        key = (*key, str(store.root))
        if key not in self._layouts:
            while len(self._layouts) >= 2:
                del self._layouts[next(iter(self._layouts))]
            self._layouts[key] = build_layout(data, edition.characters(), store=store,
                                              print_marks=options.print_marks)
        return self._layouts[key]

    def prepare(self, job: Job, options: BuildOptions, context: Context | None = None) -> None:
        """Load ReportLab and the fonts once in the build's main process, which
        assembles the bulletin: the workers forked after it share them."""
        self.load_libraries()
        self._layout(job.edition, options, context)

    def write_part(self, job: Job, part: Part, target: Path, options: BuildOptions,
                   context: Context | None = None) -> dict[str, Any]:
        from .district import TypesetDistrict, typeset_district
        from .parts import typeset_front

        layout = self._layout(part.edition, options, context)
        previous = context.earlier_part if context else None
        if part.key == FRONT:
            return typeset_front(part.edition, layout, target).to_json()
        earlier = None
        if previous is not None:
            try:
                earlier = (previous[0], TypesetDistrict.from_json(previous[1]))
            except (KeyError, TypeError, ValueError):  # a part kept by an older Pressroom
                earlier = None
        return typeset_district(part.edition, layout, target, earlier).to_json()

    def assemble(self, job: Job, target: Path, options: BuildOptions,
                 parts: list[tuple[Path, dict[str, Any]]], context: Context | None = None) -> Report:
        from .district import TypesetDistrict
        from .parts import TypesetFront, typeset_bulletin

        (front_path, front_data), *district_parts = parts
        typeset = [(path.read_bytes(), TypesetDistrict.from_json(data)) for path, data in district_parts]
        # the folios and page numbers last drawn for this bulletin are kept, under
        # what the build says the front matter part was made with (the layout,
        # settings and fonts) and its name (a stamp of the titles)
        basis = front_data.get("basis")
        context = Context.of(context)
        overlays = (context.store.folder("overlays") / f"{hashlib.sha256(job.name.encode()).hexdigest()[:16]}"
                    ".marshal", f"{basis} {front_path.name}") if basis else None
        # the bulletin keeps its even page count for the print shop's booklet; a
        # district's own file (--split) ends on its last text page
        whole = job.name == whole_name(job.edition, self.extension)
        pages, starts = typeset_bulletin(job.edition, self._layout(job.edition, options, context),
                                         (front_path.read_bytes(), TypesetFront.from_json(front_data)),
                                         typeset, target, overlays, ends_blank=whole)
        report = Report(pages=pages, places={entry.key: f"#page={starts[entry.key]}"
                                             for entry in job.edition.entries})
        for district, (_, part) in zip(job.edition.districts, typeset):
            for number, characters in sorted(part.missing.items()):
                report.unprintable.update(characters)
                entry = district.entries[number]
                listed = "、".join(f"{ch} (U+{ord(ch):04X})" for ch in characters)
                report.warnings.append(f"{entry.source}: “{entry.article.display_title}”: no "
                                       f"configured font has {listed}; it prints as an empty box "
                                       f"in {job.name}")
            for number, runs in sorted(part.broken.items()):
                entry = district.entries[number]
                for run in runs:
                    report.warnings.append(
                        f"{entry.source}: “{entry.article.display_title}”: “{run[:40]}"
                        f"{'…' if len(run) > 40 else ''}” is longer than a line of {job.name}: "
                        "broken at its separators (or between characters) to fit")
        return report

    def write(self, job: Job, target: Path, options: BuildOptions,
              context: Context | None = None) -> Report:
        # its own parts, made here: nothing of an earlier build's part is theirs
        context = Context(Context.of(context).store)
        with tempfile.TemporaryDirectory(prefix="pressroom-pdf-") as scratch:
            parts = []
            for part in self.parts(job, options):
                path = Path(scratch) / f"{part.key}.pdf"
                parts.append((path, self.write_part(job, part, path, options, context)))
            return self.assemble(job, target, options, parts, context)

    def verify(self, path: Path, articles: list[tuple[str, Article]],
               unprintable: frozenset[str] = frozenset(), internal: bool = False) -> Verdict:
        from .verify import verify_pdf

        return verify_pdf(path, articles, unprintable, internal)

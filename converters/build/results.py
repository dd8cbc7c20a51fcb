"""What a build did, output by output: what the summary, the JSON and a repeated
build's answer (see repeat) are printed from.

Not dataclasses: importing ``dataclasses`` (with ``inspect``) would be a large
share of a repeated build's answer.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..model import Collection

BUILT, UP_TO_DATE, FAILED = "built", "up to date", "failed"


class Output(NamedTuple):
    format: str
    path: Path
    status: str
    size: int
    seconds: float
    pages: int | None
    warnings: list[str]
    error: str | None = None


class BuildResult:
    def __init__(self, collection: Collection | None = None, outputs: list[Output] | None = None,
                 problems: list[str] | None = None) -> None:
        self.collection = collection
        self.outputs: list[Output] = outputs or []
        self.problems: list[str] = problems or []
        #: outputs of an earlier build that this build no longer makes, deleted
        self.removed: list[Path] = []
        #: what the build noticed and dealt with (a lock taken over from a killed build)
        self.notes: list[str] = []
        #: what an editor should look at in the edition (an article of another month)
        self.warnings: list[str] = []
        self.seconds = 0.0
        self.workers = 1

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def built(self) -> list[Output]:
        return [o for o in self.outputs if o.status == BUILT]

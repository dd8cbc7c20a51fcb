"""What ``pressroom build`` tells a person (a progress bar, a table) or a script (JSON)."""
from __future__ import annotations

import sys
from typing import Any, TextIO

from .. import __version__
from .results import BuildResult, Output


class TerminalProgress:
    """A bar per stage on a terminal: ``parse ━━━━━━━━━━──────  96/150``.

    Made only when standard error is a terminal, so logs and pipes stay clean.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.stage = ""
        self.total = 0

    def start(self, stage: str, total: int) -> None:
        self.stage, self.total = stage, total
        if total:
            self.advance(0)

    def advance(self, done: int) -> None:
        if not self.total:
            return
        import shutil

        width = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - 30))
        filled = round(width * done / self.total)
        self.stream.write(f"\r{self.stage:6} {'━' * filled}{'─' * (width - filled)} "
                          f"{done:>{len(str(self.total))}}/{self.total}")
        self.stream.flush()

    def finish(self) -> None:
        if self.total:
            self.stream.write("\r\x1b[2K")  # clear the bar's line; the table follows
            self.stream.flush()
        self.total = 0


def progress_for(stream: TextIO, quiet: bool) -> TerminalProgress | None:
    return TerminalProgress(stream) if not quiet and stream.isatty() else None


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB"


def render_table(result: BuildResult) -> str:
    """output, pages, size, time, warnings — one row per output, then a total line."""
    header = ("output", "pages", "size", "time", "warnings")
    rows = []
    for output in result.outputs:
        time_text = {"built": f"{output.seconds:.1f} s", "failed": "failed"}.get(
            output.status, "up to date")
        rows.append((str(output.path), str(output.pages or "—"),
                     _size(output.size) if output.status != "failed" else "—",
                     time_text, str(len(output.warnings)) if output.warnings else "—"))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        first, *rest = cells
        return "  ".join([first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))])

    lines = [line(header), "  ".join("─" * w for w in widths), *(line(r) for r in rows)]
    built = len(result.built)
    lines.append(f"{built} built, {len(result.outputs) - built} up to date"
                 + (f", {len(result.removed)} removed" if result.removed else "")
                 + f" in {result.seconds:.1f} s"
                 + (f" ({result.workers} workers)" if built > 1 and result.workers > 1 else ""))
    return "\n".join(lines) + "\n"


def _output_json(output: Output) -> dict[str, Any]:
    return {"format": output.format, "path": str(output.path), "status": output.status,
            "pages": output.pages, "bytes": output.size, "seconds": round(output.seconds, 3),
            "warnings": output.warnings, "error": output.error}


def summary_json(result: BuildResult) -> dict[str, Any]:
    return {"pressroom": __version__, "ok": result.ok, "seconds": round(result.seconds, 3),
            "workers": result.workers,
            "outputs": [_output_json(o) for o in result.outputs],
            "removed": [str(p) for p in result.removed], "notes": result.notes,
            "warnings": result.warnings,
            "problems": result.problems}


def report_warnings(result: BuildResult, stream: TextIO = sys.stderr) -> None:
    for output in result.outputs:
        for warning in output.warnings:
            stream.write(f"warning: {output.path.name}: {warning}\n")
    for path in result.removed:
        stream.write(f"removed {path}: this build no longer makes it\n")
    for warning in result.warnings:
        stream.write(f"warning: {warning}\n")
    for note in result.notes:
        stream.write(f"note: {note}\n")


def report(result: BuildResult, *, quiet: bool, as_json: bool, one_line: bool = False) -> None:
    """Everything ``pressroom build`` prints once the build is over (``one_line``: the
    JSON on one line, as build --watch prints one per build)."""
    import json

    if as_json:
        sys.stdout.write(json.dumps(summary_json(result), ensure_ascii=False,
                                    indent=None if one_line else 2) + "\n")
    elif not quiet:
        sys.stdout.write(render_table(result))
    sys.stdout.flush()
    report_warnings(result)
    for problem in result.problems:
        sys.stderr.write(f"pressroom: {problem}\n")

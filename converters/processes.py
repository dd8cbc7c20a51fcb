"""Run independent pieces of work in child processes, at most N at a time.

A process per piece rather than multiprocessing.Pool: Pool.terminate() can
hang when Ctrl-C lands inside the pool's bookkeeping, and a plain process
per piece has no shared state to wedge. On Linux the children are forked,
so they inherit the parsed edition without pickling or importing anything.
"""
from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from types import FrameType
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class ChildDied(Exception):
    pass


def stop(signum: int, frame: FrameType | None) -> None:
    """SIGTERM unwinds like an exception, so ``finally`` blocks (temporary files) run."""
    raise SystemExit(128 + signum)


def _child(function: Callable[[Item], Result], item: Item, connection: Connection) -> None:
    # Ctrl-C reaches the whole process group: the parent decides, and stops
    # its children with SIGTERM, which unwinds them cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop)
    connection.send(function(item))
    connection.close()


def _context() -> multiprocessing.context.BaseContext:
    # fork is unsafe on macOS and absent on Windows
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def in_processes(function: Callable[[Item], Result], items: list[Item],
                 workers: int) -> Iterator[tuple[Item, Result | ChildDied]]:
    """Each item with ``function(item)``, in the order they finish; a child that dies
    yields ChildDied for its item. With one worker (or item) it all runs here."""
    if workers <= 1 or len(items) <= 1:
        for item in items:
            yield item, function(item)
        return
    context = _context()
    waiting = list(items)
    running: dict[Connection, tuple[Item, multiprocessing.process.BaseProcess]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < workers:
                item = waiting.pop(0)
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_child, args=(function, item, sender), daemon=True)
                process.start()
                sender.close()  # the child holds the only writing end: EOF if it dies
                running[receiver] = (item, process)
            for ready in wait(list(running)):
                item, process = running.pop(ready)  # type: ignore[index]
                try:
                    result: Result | ChildDied = ready.recv()  # type: ignore[union-attr]
                except EOFError:
                    process.join()
                    result = ChildDied(f"its worker process died (exit code {process.exitcode})")
                ready.close()  # type: ignore[union-attr]
                process.join()
                yield item, result
    finally:
        for _, process in running.values():  # Ctrl-C, kill or an error: stop the rest
            process.terminate()
        for receiver, (_, process) in running.items():
            process.join()
            receiver.close()

"""Run independent pieces of work in at most N child processes.

Not multiprocessing.Pool: Pool.terminate() can hang when Ctrl-C lands inside
the pool's bookkeeping; here each child gets its share up front and reports
through its own pipe, so there is no shared state to wedge. On Linux the
children are forked and inherit the parsed edition without pickling.
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


def _child(function: Callable[[Item], Result], items: list[Item], connection: Connection) -> None:
    # Ctrl-C reaches the whole process group: the parent decides, and stops
    # its children with SIGTERM, which unwinds them cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop)
    for number, item in enumerate(items):
        connection.send((number, function(item)))
    connection.close()


def _context() -> multiprocessing.context.BaseContext:
    # fork is unsafe on macOS and absent on Windows
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def share_out(items: list[Item], workers: int, cost: Callable[[Item], float]) -> list[list[Item]]:
    """Costliest first, each to the least loaded worker (longest-processing-time rule)."""
    loads = [0.0] * workers
    shares: list[list[Item]] = [[] for _ in range(workers)]
    for item in sorted(items, key=cost, reverse=True):
        lightest = loads.index(min(loads))
        shares[lightest].append(item)
        loads[lightest] += cost(item)
    return [share for share in shares if share]


def in_processes(function: Callable[[Item], Result], items: list[Item], workers: int,
                 cost: Callable[[Item], float] = lambda item: 1.0,
                 ) -> Iterator[tuple[Item, Result | ChildDied]]:
    """Each item with ``function(item)``, in the order they finish.

    The items are shared out among at most ``workers`` processes up front, each
    working through its share in order: a worker imports what its work needs
    (ReportLab, python-docx, …) once, not once per item. A worker that dies
    yields ChildDied for the items it had not finished. With one worker (or
    item) it all runs here.
    """
    if workers <= 1 or len(items) <= 1:
        for item in sorted(items, key=cost, reverse=True):
            yield item, function(item)
        return
    context = _context()
    running: dict[Connection, tuple[list[Item], set[int], multiprocessing.process.BaseProcess]] = {}
    try:
        for share in share_out(items, workers, cost):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(function, share, sender), daemon=True)
            process.start()
            sender.close()  # the child holds the only writing end: EOF when it ends or dies
            running[receiver] = (share, set(range(len(share))), process)
        while running:
            for ready in wait(list(running)):
                share, left, process = running[ready]  # type: ignore[index]
                try:
                    number, result = ready.recv()  # type: ignore[union-attr]
                except EOFError:
                    del running[ready]  # type: ignore[arg-type]
                    ready.close()  # type: ignore[union-attr]
                    process.join()
                    for number in sorted(left):
                        yield share[number], ChildDied(
                            f"its worker process died (exit code {process.exitcode})")
                    continue
                left.discard(number)
                yield share[number], result
    finally:
        for _, _, process in running.values():  # Ctrl-C, kill or an error: stop the rest
            process.terminate()
        for receiver, (_, _, process) in running.items():
            process.join()
            receiver.close()

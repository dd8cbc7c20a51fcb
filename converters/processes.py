"""Run independent pieces of work in at most N child processes.

Not multiprocessing.Pool: Pool.terminate() can hang when Ctrl-C lands inside
the pool's bookkeeping; here each child talks to the parent through a pipe
of its own (item numbers in, results out), so there is no shared state to
wedge. On Linux the children are forked and inherit the parsed edition
without pickling.
"""
from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # multiprocessing is loaded when there is work, not for a no-op build
    import multiprocessing
    from multiprocessing.connection import Connection

Item = TypeVar("Item")
Result = TypeVar("Result")


class ChildDied(Exception):
    pass


def stop(signum: int, frame: FrameType | None) -> None:
    """SIGTERM unwinds like an exception, so ``finally`` blocks (temporary files) run."""
    raise SystemExit(128 + signum)


def stop_on_sigterm() -> None:
    """Let ``kill`` unwind the main process like Ctrl-C, so it stops its workers."""
    signal.signal(signal.SIGTERM, stop)


_in_worker = False


def in_worker() -> bool:
    """Is this a worker process of ``in_processes``?"""
    return _in_worker


def _child(function: Callable[[Item], Result], items: list[Item], connection: Connection) -> None:
    global _in_worker
    _in_worker = True
    # Ctrl-C reaches the whole process group: the parent decides, and stops
    # its children with SIGTERM, which unwinds them cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop)
    try:
        while (number := connection.recv()) is not None:
            connection.send((number, function(items[number])))
    except EOFError:  # the parent is gone
        pass
    connection.close()


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    # fork is unsafe on macOS and absent on Windows
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def in_processes(function: Callable[[Item], Result], items: list[Item], workers: int,
                 priority: Callable[[Item], Any] = lambda item: 0,
                 meanwhile: Callable[[], object] | None = None,
                 ) -> Iterator[tuple[Item, Result | ChildDied]]:
    """Each item with ``function(item)``, in the order they finish.

    The items are handed out one at a time, highest ``priority`` first, to
    whichever of at most ``workers`` processes is free (an estimate that is
    off costs little); each imports what its work needs (ReportLab,
    python-docx, …) once, not once per item. A worker that dies yields
    ChildDied for the item it had; when none is left, so do the items not
    yet handed out. ``meanwhile`` is called here once the workers are busy (a
    single item then goes to a worker, so that the two run at once). With one
    worker, no items, or one item and nothing to do meanwhile, it all runs
    here, ``meanwhile`` first.
    """
    order = sorted(range(len(items)), key=lambda number: priority(items[number]), reverse=True)
    if workers <= 1 or not items or (len(items) == 1 and meanwhile is None):
        if meanwhile is not None:
            meanwhile()
        for number in order:
            yield items[number], function(items[number])
        return
    from multiprocessing.connection import wait

    context = _context()
    waiting = deque(order)
    #: each worker's end of its pipe → the process and the item it has
    running: dict[Connection, tuple[multiprocessing.process.BaseProcess, int]] = {}
    try:
        for _ in range(min(workers, len(items))):
            ours, theirs = context.Pipe()
            process = context.Process(target=_child, args=(function, items, theirs), daemon=True)
            process.start()
            theirs.close()  # the child holds the only other end: EOF when it ends or dies
            running[ours] = (process, waiting[0])
            ours.send(waiting.popleft())
        if meanwhile is not None:
            meanwhile()
        while running:
            for ready in wait(list(running)):
                process, number = running[ready]  # type: ignore[index]
                try:
                    done, result = ready.recv()  # type: ignore[union-attr]
                except EOFError:
                    del running[ready]  # type: ignore[arg-type]
                    ready.close()  # type: ignore[union-attr]
                    process.join()
                    yield items[number], ChildDied(
                        f"its worker process died (exit code {process.exitcode})")
                    while waiting and not running:
                        yield items[waiting.popleft()], ChildDied("every worker process died")
                    continue
                if waiting:  # the next item first: the caller may take a while over this one
                    running[ready] = (process, waiting[0])  # type: ignore[index]
                    ready.send(waiting.popleft())  # type: ignore[union-attr]
                else:
                    del running[ready]  # type: ignore[arg-type]
                    ready.send(None)  # type: ignore[union-attr]
                    ready.close()  # type: ignore[union-attr]
                    process.join()
                yield items[done], result
    finally:
        for process, _ in running.values():  # Ctrl-C, kill or an error: stop the rest
            process.terminate()
        for connection, (process, _) in running.items():
            process.join()
            connection.close()

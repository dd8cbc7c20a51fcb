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
import time
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


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies (Linux); a parent killed
    with SIGKILL cannot stop its workers, and a worker left waiting for work that
    never comes would live on."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before that took hold
        os._exit(1)


#: how often a waiting worker looks whether its parent is still there (where the
#: kernel cannot be asked to tell it)
PARENT_CHECK_SECONDS = 2.0


def _child(function: Callable[[Item], Result], items: list[Item], connection: Connection,
           parent: int) -> None:
    global _in_worker
    _in_worker = True
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent decides, and stops
    # its children with SIGTERM, which unwinds them cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            while not connection.poll(PARENT_CHECK_SECONDS):
                if os.getppid() != parent:
                    os._exit(1)
            number = connection.recv()
            if number is None:
                break
            connection.send((number, function(items[number])))
    except (EOFError, BrokenPipeError):  # the parent is gone
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
    given: dict[Connection, float] = {}  # when each worker was given its item
    overdue: set[Connection] = set()
    try:
        for _ in range(min(workers, len(items))):
            ours, theirs = context.Pipe()
            process = context.Process(target=_child, args=(function, items, theirs, os.getpid()),
                                      daemon=True)
            process.start()
            theirs.close()  # the child holds the only other end: EOF when it ends or dies
            running[ours] = (process, waiting[0])
            ours.send(waiting.popleft())
            given[ours] = time.monotonic()
        if meanwhile is not None:
            meanwhile()
        while running:
            ready_ones = wait(list(running), timeout=ITEM_SECONDS / 10)
            for connection, (process, _) in running.items():
                if time.monotonic() - given[connection] > ITEM_SECONDS and connection not in overdue:
                    overdue.add(connection)  # stuck: its end is read as a death below
                    process.kill()
            for ready in ready_ones:
                process, number = running[ready]  # type: ignore[index]
                try:
                    done, result = ready.recv()  # type: ignore[union-attr]
                except EOFError:
                    del running[ready]  # type: ignore[arg-type]
                    ready.close()  # type: ignore[union-attr]
                    _end(process)
                    yield items[number], ChildDied(
                        f"its worker did not finish in {ITEM_SECONDS:.0f} s and was stopped"
                        if ready in overdue else
                        f"its worker process died (exit code {process.exitcode})")
                    while waiting and not running:
                        yield items[waiting.popleft()], ChildDied("every worker process died")
                    continue
                if waiting:  # the next item first: the caller may take a while over this one
                    running[ready] = (process, waiting[0])  # type: ignore[index]
                    ready.send(waiting.popleft())  # type: ignore[union-attr]
                    given[ready] = time.monotonic()  # type: ignore[index]
                else:
                    del running[ready]  # type: ignore[arg-type]
                    ready.send(None)  # type: ignore[union-attr]
                    ready.close()  # type: ignore[union-attr]
                    _end(process)
                yield items[done], result
    finally:
        for process, _ in running.values():  # Ctrl-C, kill or an error: stop the rest
            process.terminate()
        for connection, (process, _) in running.items():
            _end(process)
            connection.close()


#: the longest one item may take (a month's PDF bulletin takes seconds): a worker that
#: takes longer is stuck, and is stopped rather than waited for forever
ITEM_SECONDS = 900.0
#: how long a worker told to end (or found dead) is waited for before it is killed
END_SECONDS = 5.0


def _end(process: multiprocessing.process.BaseProcess) -> None:
    """Wait for a worker to end, for a while: one stuck (a full disk, a lock held by
    another thread at fork time) is killed rather than waited for forever."""
    process.join(END_SECONDS)
    if process.is_alive():
        process.kill()
        process.join(END_SECONDS)

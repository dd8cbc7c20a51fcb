"""The worker pool: every item comes back once, a dead worker costs only its item."""
from __future__ import annotations

import os
import time

from converters.build.processes import ChildDied, in_processes


def _square_or_die(number: int) -> int:
    if number == 3:
        os._exit(9)  # a crash no exception handler sees (a segfault, the OOM killer)
    time.sleep(0.01 * (number % 4))
    return number * number


def _pid(number: int) -> int:
    time.sleep(0.05)
    return os.getpid()


def test_every_item_comes_back_once_and_a_dead_worker_costs_only_its_item() -> None:
    results = dict(in_processes(_square_or_die, list(range(12)), 2))
    assert sorted(results) == list(range(12))
    assert isinstance(results[3], ChildDied) and "exit code 9" in str(results[3])
    assert all(results[n] == n * n for n in range(12) if n != 3)


def test_items_are_handed_out_highest_priority_first_to_whichever_worker_is_free() -> None:
    order = [item for item, _ in in_processes(_square_or_die, [0, 1, 2, 4], 1,
                                              priority=lambda n: n)]
    assert order == [4, 2, 1, 0]  # in-process: in priority order
    workers = {pid for _, pid in in_processes(_pid, list(range(6)), 2)}
    assert len(workers) == 2 and os.getpid() not in workers


def test_meanwhile_runs_here_while_the_workers_work() -> None:
    ran: list[int] = []
    results = dict(in_processes(_pid, [1, 2], 2, meanwhile=lambda: ran.append(os.getpid())))
    assert ran == [os.getpid()] and set(results) == {1, 2}


def test_one_item_goes_to_a_worker_when_there_is_something_to_do_meanwhile() -> None:
    """A corrected page is parsed in a worker while the build imports ReportLab."""
    ran: list[int] = []
    (item, pid), = in_processes(_pid, [1], 2, meanwhile=lambda: ran.append(os.getpid()))
    assert ran == [os.getpid()] and pid != os.getpid()
    (item, pid), = in_processes(_pid, [1], 2)
    assert pid == os.getpid()  # nothing to overlap: no process is started for it

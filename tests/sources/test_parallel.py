"""map_in_processes: the results of a plain loop, in job order, from a pool only when there are enough jobs."""

from __future__ import annotations

import os

from sources.parallel import map_in_processes


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_a_pool_gives_the_loops_results_in_order_and_prepares_before_the_fork():
    prepared = []
    jobs = list(range(200))
    out = map_in_processes(_square_and_pid, jobs, threshold=10, workers=2, before_fork=lambda: prepared.append(1))
    assert [r for r, _ in out] == [n * n for n in jobs]
    assert prepared == [1] and os.getpid() not in {pid for _, pid in out}


def test_below_the_threshold_the_jobs_run_here_without_preparing():
    prepared = []
    out = map_in_processes(_square_and_pid, [1, 2, 3], threshold=10, workers=2, before_fork=lambda: prepared.append(1))
    assert [r for r, _ in out] == [1, 4, 9] and {pid for _, pid in out} == {os.getpid()} and prepared == []

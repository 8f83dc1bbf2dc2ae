"""A pure function over many jobs in a pool of forked processes (one a core), results in job order.

Shared by the folder reader (parsing files) and extraction (articles): both are pure and CPU-bound, and a run on
two cores does them in about half the time. Forked workers start in milliseconds and share what the parent built
before the fork (the extraction gazetteer), so a pool pays off from a few dozen jobs.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def map_in_processes(
    fn: Callable[[Job], Result],
    jobs: Sequence[Job],
    *,
    threshold: int,
    workers: int | None = None,
    before_fork: Callable[[], object] | None = None,
) -> list[Result]:
    """`[fn(job) for job in jobs]`, in a process pool when there are at least `threshold` jobs and two or more
    workers (default: one a core). `before_fork` runs first when a pool is used: what it builds, the workers share."""
    workers = workers or os.cpu_count() or 1
    if len(jobs) < threshold or workers < 2:
        return [fn(job) for job in jobs]
    if before_fork is not None:
        before_fork()
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(fn, jobs, chunksize=max(1, len(jobs) // (workers * 8))))

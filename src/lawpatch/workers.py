"""Work spread over the cores: the one way corpus-wide commands (validate, the reference index,
build) run many independent files or bills at once."""
from __future__ import annotations

import os


def default_jobs(items: int) -> int:
    """Processes for ``items`` pieces of work: the CPUs (at most 8), one for a few items."""
    return min(os.cpu_count() or 1, 8, items) if items > 3 else 1


def run_all(fn, items: list, jobs: int | None = None, progress=None) -> list:
    """``[fn(item) for item in items]``, in ``jobs`` processes (default: :func:`default_jobs`);
    ``progress(1)`` is called as each item is done. ``fn`` must be a module-level function and its
    arguments and results picklable; results come back in the order of ``items``."""
    jobs = default_jobs(len(items)) if jobs is None else jobs
    if jobs <= 1 or len(items) < 2:
        out = []
        for item in items:
            out.append(fn(item))
            if progress:
                progress(1)
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with what the parent has loaded and compiled (schemas, tables)
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    out = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for result in pool.map(fn, items, chunksize=max(1, len(items) // (jobs * 8))):
            out.append(result)
            if progress:
                progress(1)
    return out

"""Work spread over the cores: the one way corpus-wide commands (validate, the reference index,
build) run many independent files or bills at once, and one piece of work run beside another
(:func:`beside` in a thread, :func:`forked` in a process)."""
from __future__ import annotations

import gc
import os


def default_jobs(items: int) -> int:
    """Processes for ``items`` pieces of work: the CPUs (at most 8), one for a few items."""
    return min(os.cpu_count() or 1, 8, items) if items > 3 else 1


def beside(fn, *args):
    """Start ``fn(*args)`` in a thread; return a function that waits for it and gives its result
    (or raises its exception). For work libxml2 does without the GIL (a schema validating a
    document) while this thread goes on with Python work on the same, unchanged document."""
    import threading

    done: dict = {}

    def work():
        try:
            done["result"] = fn(*args)
        except BaseException as exc:   # raised where the result is asked for
            done["error"] = exc

    thread = threading.Thread(target=work, daemon=True)
    thread.start()

    def result():
        thread.join()
        if "error" in done:
            raise done["error"]
        return done["result"]
    return result


def forked(fn, *args, channel: Channel | None = None):
    """Start ``fn(*args)`` in a forked process, on another core while this one goes on; return a
    function that waits for it and gives its result, or None where there is none: no fork here
    (Windows), a single core, other threads running (the child would have this one alone, and any
    lock another held stays held), or ``fn`` raised (the caller then calls ``fn`` itself and meets
    the error as it would have). The result goes back marshalled (the two processes run one
    interpreter), so it must be made of builtin values: str, int, tuple, list, dict, set… (pickle
    took 1.5 ms to import and twice as long to write them). The child ends with ``os._exit``,
    running no clean-up of the parent's (exit handlers, buffered output). With a ``channel``, ``fn``
    is called with it too (``channel=``), and the two processes may swap one value midway
    (:meth:`Channel.swap`); where nothing is forked it is closed, and swaps nothing."""
    import threading

    if not hasattr(os, "fork") or _cores() < 2 or threading.active_count() > 1:
        if channel is not None:
            channel.close()
        return lambda: None
    import marshal

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                                    # the child: never returns into the caller's code
        status = 1
        try:
            os.close(read)
            if channel is not None:
                channel._take("child")
            data = marshal.dumps(fn(*args) if channel is None else fn(*args, channel=channel))
            with os.fdopen(write, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    if channel is not None:
        channel._take("parent")

    def result():
        with os.fdopen(read, "rb") as stream:
            data = stream.read()
        try:           # read before the child is reaped: it ends (its memory unmapped) meanwhile
            found = marshal.loads(data) if data else None
        except Exception:                           # cut short: the child died writing
            found = None
        _, status = os.waitpid(pid, 0)
        return found if status == 0 else None
    return result


class Channel:
    """Two pipes between a forked process and its parent, made before the fork, for one swap of
    builtin values midway through their work (:meth:`swap`). A side that ended, failed or closed
    its end swaps nothing: the other gets None, and never waits on it for ever."""

    def __init__(self):
        self._down, self._up = os.pipe(), os.pipe()          # parent → child, child → parent
        self._held = [*self._down, *self._up]               # the ends this process holds open
        self._child = False

    def _take(self, side: str) -> None:
        """Keep this side's ends (read, write) and close the other side's."""
        self._child = side == "child"
        mine = [self._down[0], self._up[1]] if self._child else [self._up[0], self._down[1]]
        for fd in self._held:
            if fd not in mine:
                os.close(fd)
        self._held = mine

    def swap(self, value):
        """Send ``value`` to the other process and give what it sends, or None where it sends
        nothing. Each side closes its sending end once it has sent (the other reads to its end);
        the child sends first and the parent receives first, so that neither waits, with a pipe
        full, on the other doing the same. Once swapped, the channel is closed."""
        import marshal

        if len(self._held) != 2:                 # not taken by a side, or closed
            self.close()
            return None
        read, write = self._held
        try:
            if self._child:
                self._send(write, marshal.dumps(value))
            with os.fdopen(os.dup(read), "rb") as stream:
                data = stream.read()
            if not self._child:
                self._send(write, marshal.dumps(value))
            return marshal.loads(data) if data else None
        except (OSError, ValueError, EOFError, TypeError):     # the other side gone, or cut short
            return None
        finally:
            self.close()

    def _send(self, write: int, data: bytes) -> None:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(write, view):]
        finally:
            self._held.remove(write)
            os.close(write)

    def close(self) -> None:
        """Close the ends this process holds (before the fork, all four): the other side swaps
        nothing."""
        for fd in self._held:
            os.close(fd)
        self._held = []


def _cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_all(fn, items: list, jobs: int | None = None, progress=None, weight=None) -> list:
    """``[fn(item) for item in items]``, in ``jobs`` processes (default: :func:`default_jobs`);
    ``progress(n)`` is called as each item is done, ``n`` its ``weight(item)`` (1 by default).
    ``fn`` must be a module-level function and its arguments and results picklable; results come
    back in the order of ``items``."""
    jobs = default_jobs(len(items)) if jobs is None else jobs
    # what is alive now (a reference index over every law, say) is no item's garbage: frozen, the
    # cycle collector does not walk it again and again as each item's objects come and go (in a
    # repository of 1,000 acts it took 0.06 s a bill), nor in the workers forked with it
    freezing = gc.get_freeze_count() == 0
    if freezing:
        gc.freeze()
    try:
        return _run(fn, items, jobs, progress, weight)
    finally:
        if freezing:
            gc.unfreeze()


def _run(fn, items: list, jobs: int, progress, weight) -> list:
    if jobs <= 1 or len(items) < 2:
        out = []
        for item in items:
            out.append(fn(item))
            if progress:
                progress(weight(item) if weight else 1)
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with what the parent has loaded and compiled (schemas, tables)
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    out = []
    # the results pile up as plain data: the cycle collector, walking them again and again as they
    # grow, would make collecting them quadratic (it finds no cycle in them). The workers, forked
    # while it is paused, turn it back on: their laws and documents are cyclic garbage, and without
    # it each worker kept every bill it built (a build of 50 bills peaked at 1.8 GB)
    collecting = gc.isenabled()
    gc.disable()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=gc.enable) as pool:
            for item, result in zip(items, pool.map(fn, items, chunksize=max(1, len(items) // (jobs * 8)))):
                out.append(result)
                if progress:
                    progress(weight(item) if weight else 1)
    finally:
        if collecting:
            gc.enable()
    return out

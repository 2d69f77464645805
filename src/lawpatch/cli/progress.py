"""The one progress bar of every long run (validate of a folder, the reference index, build, a long
import or comparison): on stderr, only where stderr is a terminal and --quiet is not given, so
that nothing of it reaches a pipe, a log or stdout."""
from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from .report import settings


def shown() -> bool:
    return sys.stderr.isatty() and not settings().get("quiet")


@contextmanager
def bar(length: int, label: str):
    """``with bar(n, "validating") as step: … step(1)``: a bar of ``length`` steps, or nothing."""
    if not shown() or length < 2:
        yield _nothing
        return
    with click.progressbar(length=length, label=label, file=sys.stderr) as b:
        yield b.update


@contextmanager
def counter(label: str):
    """A bar for work whose length is known only once it starts: ``step(done, total)``."""
    if not shown():
        yield _nothing
        return
    state: dict = {}

    def step(done: int, total: int) -> None:
        if "bar" not in state and total > 1:
            state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr)
            state["bar"].__enter__()
        if "bar" in state:
            state["bar"].update(done - state["bar"].pos)

    try:
        yield step
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


def _nothing(*_args) -> None:
    pass

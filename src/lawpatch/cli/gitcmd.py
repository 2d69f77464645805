"""``lawpatch git-setup``: ``git diff`` shows laws as text."""
from __future__ import annotations

import click

from .report import note


@click.command("git-setup")
@click.option("--repo", default=".", show_default=True, type=click.Path(file_okay=False),
              help="The git repository to configure.")
def git_setup_cmd(repo):
    """Write `laws/**/*.xml diff=lawpatch` into .gitattributes and set `diff.lawpatch.textconv`
    to `lawpatch text`, so that `git diff` and `git diff --word-diff` on laws show their text.
    Safe to run again.

    \b
    lawpatch git-setup && git diff --word-diff HEAD~1 -- laws/
    """
    from ..gitsetup import setup

    changed = setup(repo)
    for line in changed:
        note(line)
    note("git diff now shows laws as text" if changed else "already set up")
    return 0

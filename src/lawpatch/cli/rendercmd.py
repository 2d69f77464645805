"""``lawpatch render`` (consolidated text DOCX) and ``lawpatch redline`` (tracked changes DOCX)."""
from __future__ import annotations

from pathlib import Path

import click

from .report import note

from ..errors import UsageError


@click.command("render")
@click.argument("law")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .docx to write.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False), help="A DOCX to build on.")
def render_cmd(law, output, template):
    """Write the consolidated text of LAW (a law .xml) as DOCX.

    \b
    lawpatch render laws/external-migration/rus.xml -o external-migration.docx
    """
    from ..render.consolidated import write_docx
    from ..render.inputs import load_law

    write_docx(load_law(law), output, template)
    note(f"{output}: written")


@click.command("redline")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(),
              help="The .docx (OLD NEW) or the folder (PATCH) to write.")
@click.option("--author", default=None, help="Author of the changes (default: the bill's id, else lawpatch).")
@click.option("--date", default=None, help="Date of the changes, YYYY-MM-DD (default: the bill's date).")
@click.option("--template", type=click.Path(exists=True, dir_okay=False), help="A DOCX to build on.")
@click.option("--root", default=".", show_default=True, help="Repository root the bill's law paths are under.")
@click.option("--force", is_flag=True, help="Compare two different acts all the same.")
def redline_cmd(inputs, output, author, date, template, root, force):
    """Write a redline with Word tracked changes: `redline OLD.xml NEW.xml -o r.docx`, or
    `redline PATCH -o DIR` (one <law>-<lang>.docx per law file the bill changes).

    \b
    lawpatch redline amendments/2026-icrmw-family.xml -o redlines/
    lawpatch redline old/rus.xml laws/external-migration/rus.xml -o r.docx
    """
    from .. import storage
    from ..render.inputs import load_law, pairs_of_bill, same_act
    from ..render.redline import redline_bytes, write_redline
    from ..render.docxbase import write_bytes

    if len(inputs) == 2:
        old, new = (load_law(p) for p in inputs)
        same_act(old, new, force)
        write_redline(None, old, new, output, author or "lawpatch", date, template)
        note(f"{output}: written")
        return
    if len(inputs) != 1:
        raise UsageError("give one patch file, or two law files (old, new)")
    bill, pairs = pairs_of_bill(inputs[0], root)
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{output}: not a folder (a bill gives one redline per law file)")
    author = author or getattr(bill, "id", "") or "lawpatch"
    date = date or getattr(bill, "date", None)
    made = [(out / f"{pair.path.parent.name}-{pair.new.lang}.docx",
             redline_bytes(pair.comparison, pair.old, pair.new, author, date, template)) for pair in pairs]
    storage.ensure_dir(out)
    for target, data in made:
        write_bytes(target, data)
        note(f"{target}: written")

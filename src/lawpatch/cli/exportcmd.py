"""``lawpatch export-akn``: a bill as an Akoma Ntoso 3.0 document (the work is in
:func:`lawpatch.build.export_akn`)."""
from __future__ import annotations

import click

from .report import note


@click.command("export-akn")
@click.argument("patch")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .xml to write.")
@click.option("--lang", type=click.Choice(["rus", "kir"]), default="rus", show_default=True)
@click.option("--root", default=".", show_default=True, help="The repository root laws/ is under.")
def export_akn_cmd(patch, output, lang, root):
    """Write PATCH as an Akoma Ntoso 3.0 bill (an act once adopted): the amending law's text with each
    instruction a `mod` (`quotedText`, `quotedStructure`), and `activeModifications` with one
    `textualMod` per op (substitution, insertion, repeal, renumbering: source, destination, old,
    new). Valid against the official AKN 3.0 schema, or nothing is written.

    \b
    lawpatch export-akn amendments/2026-icrmw-family.xml -o bill.akn.xml
    """
    from ..build import export_akn

    count = export_akn(patch, output, root, lang)
    note(f"{output}: {count} textual modification(s)")
    return 0

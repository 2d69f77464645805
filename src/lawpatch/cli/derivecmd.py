"""``lawpatch derive``: the bill that turns a law into the text a drafter edited (the work is in
:mod:`lawpatch.derive`)."""
from __future__ import annotations

import click

from .report import note, print_findings


@click.command("derive")
@click.argument("law")
@click.argument("edited")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The patch file to write.")
@click.option("--lang", type=click.Choice(["rus", "kir"]), help="The language of the edited text (default: the law's first).")
@click.option("--id", "bill_id", help="The bill's id (default: the output file's name).")
@click.option("--title-rus", help="The bill's title (default «О внесении изменений в …», «изменения» for one change).")
@click.option("--title-kir", help="The bill's Kyrgyz title.")
@click.option("--reason", "reasons", multiple=True, metavar="TREATY:ARTICLE", help="A reason of every op (repeatable).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--root", default=".", show_default=True, help="The repository root laws/ is under.")
def derive_cmd(law, edited, output, lang, bill_id, title_rus, title_kir, reasons, force, fmt, root):
    """Write the bill that makes LAW (laws/<slug>) read as EDITED: another AKN text of the law, the
    plain text `lawpatch text` prints (edited), or a DOCX written by `lawpatch render` and edited in
    Word (tracked changes are read as accepted).

    Word operations where a few words changed (whole words; «по всему тексту» where a replacement
    is made alike everywhere), a restatement where more than half of a unit's words changed or
    more than three operations would be needed, headings, inserted, excluded, repealed and
    renumbered units. The bill is checked and applied in memory and compared with EDITED unit by
    unit; nothing is written when anything is refused. Exit status 0 written, 1 refused, 2 usage.

    \b
    lawpatch derive laws/family-code family-code-2025.xml -o amendments/2025-family.xml --reason icrmw-1990:44
    """
    from ..derive import derive

    if reasons:
        from .authorcmd import _reason

        reasons = tuple(_reason(r) for r in reasons)
    from . import keep

    result = derive(law, edited, output, root=root, lang=lang, bill_id=bill_id,
                    titles={"rus": title_rus, "kir": title_kir}, reasons=tuple(reasons), force=force)
    keep(result)        # its two laws are freed by the process's end, not one element at a time
    errors, _ = print_findings(result.findings, fmt, str(output))
    if errors:
        return 1
    total, words, restatements = result.totals()
    if total:
        note(f"{output}: {total} op(s), {words} of them word ops, {restatements} restatements ("
             + ", ".join(f"{k} {n}" for k, n in sorted(result.counts().items())) + ")")
    return 0

"""``lawpatch parse-bill``: the patch file of an amending law, read from its text (the work is in
:mod:`lawpatch.billread`)."""
from __future__ import annotations

import click

from .report import note, print_findings


@click.command("parse-bill")
@click.argument("text")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The patch file to write.")
@click.option("--id", "bill_id", help="The bill's id (default: the output file's name).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--root", default=".", show_default=True, help="The repository root laws/ is under.")
def parse_bill_cmd(text, output, bill_id, force, fmt, root):
    """Read TEXT, the Russian text of an amending law (.txt in UTF-8 or .docx: «Статья 1. Внести в …
    следующие изменения: 1) в статье 4: а) …»), into a patch file. The amended acts are found in
    laws/ by their names; each instruction's citations are resolved on the law as the earlier
    instructions left it. Wording it does not know is an error naming the line and the words;
    nothing is written then. Exit status 0 written, 1 refused, 2 usage.

    \b
    lawpatch parse-bill bill-148.txt -o amendments/2025-148.xml
    """
    from ..billread import parse_bill

    result = parse_bill(text, output, root=root, bill_id=bill_id, force=force)
    errors, _ = print_findings(result.findings, fmt, str(output))
    if errors or result.bill is None:
        return 1
    ops = sum(len(la.ops) for la in result.bill.laws)
    note(f"{output}: {len(result.read)} instruction(s) read, {ops} op(s)")
    return 0

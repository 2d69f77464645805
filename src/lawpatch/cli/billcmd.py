"""``lawpatch bill``: the text of the amending law a patch stands for."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import UsageError


@click.command("bill")
@click.argument("patch")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write to this file: .docx (Word) or .txt; without it the text goes to stdout.")
@click.option("--lang", type=click.Choice(["rus", "kir"]), default="rus", show_default=True,
              help="The language of the amending law.")
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True,
              help="The repository the patch's <law href> paths are relative to.")
@click.option("--textconv", is_flag=True,
              help="For git (lawpatch git-setup): never fail; a bill that cannot be worded is listed op by op.")
def bill_cmd(patch, output, lang, root, textconv):
    """Write the amending law of PATCH: «ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ О внесении изменений …»,
    «Статья 1. Внести в Закон … следующие изменения: 1) в статье 5: а) …», the article on entry
    into force and the signature block, in Russian or (with --lang kir) in Kyrgyz.

    Citations and old words are taken from the base text of each law, as an amending law cites
    the text it amends.

    \b
    lawpatch bill amendments/2026-icrmw-family.xml | less
    lawpatch bill amendments/2026-icrmw-family.xml --lang kir -o bill.kir.docx
    """
    from ..billtext import bill_text, write_docx
    from ..patch import load_bill

    if not Path(patch).is_file():
        raise UsageError(f"{patch}: no such patch file")
    suffix = Path(output).suffix.lower() if output else ""
    if output and suffix not in (".docx", ".txt"):
        raise UsageError(f"{output}: the output must end in .docx or .txt")
    if textconv:
        from ..billtext import bill_or_listing

        click.echo(bill_or_listing(patch, lang, root), nl=False)
        return 0
    text = bill_text(load_bill(patch), lang=lang, root=root)
    if not output:
        click.echo(text, nl=False)
    elif suffix == ".docx":
        write_docx(text, output)
    else:
        from ..xmlio import atomic_write_bytes
        atomic_write_bytes(output, text.encode("utf-8"))
    return 0

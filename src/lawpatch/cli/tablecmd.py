"""``lawpatch table``: the comparison table of a bill (or of two law files) as DOCX."""
from __future__ import annotations

import click

from .report import note

from ..errors import UsageError

LANGS = {"rus": ("rus",), "kir": ("kir",), "both": ("rus", "kir")}


@click.command("table")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .docx to write.")
@click.option("--lang", type=click.Choice(list(LANGS)), default="rus", show_default=True)
@click.option("--reasons/--no-reasons", default=True, show_default=True, help="The «Обоснование» column.")
@click.option("--kz-columns", is_flag=True, help="Add «№ п/п» and «Структурный элемент» columns.")
@click.option("--context", "context_words", type=click.IntRange(min=0), default=12, show_default=True,
              help="Unchanged words kept around a change before «…».")
@click.option("--no-elide", is_flag=True, help="Print every unit whole.")
@click.option("--layout", is_flag=True, help="Add the rows of blocks split or joined with the same words.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False), help="A DOCX to build on.")
@click.option("--labels", type=click.Path(exists=True, dir_okay=False), help="Labels override (.json/.toml).")
@click.option("--root", default=".", show_default=True, help="Repository root the bill's law paths are under.")
@click.option("--force", is_flag=True, help="Compare two different acts all the same.")
def table_cmd(inputs, output, lang, reasons, kz_columns, context_words, no_elide, layout, template, labels, root,
              force):
    """Write the comparison table: `table PATCH -o t.docx` (the bill applied in memory) or
    `table OLD.xml NEW.xml -o t.docx` (two expressions of one law).

    \b
    lawpatch table amendments/2026-icrmw-family.xml --lang both -o table.docx
    """
    from ..render.inputs import pair_of_files, pairs_of_bill, rows_in_one_language
    from ..render.labels import TableOptions, load_labels
    from ..render.table import write_table
    from .progress import counter

    options = TableOptions(reasons=reasons, kz_columns=kz_columns, template=template, layout=layout,
                           context_words=None if no_elide else context_words,
                           labels=load_labels(labels) if labels else {})
    if len(inputs) == 1:
        bill, pairs = pairs_of_bill(inputs[0], root, LANGS[lang])
    elif len(inputs) == 2:
        with counter("comparing") as step:
            bill, pairs = None, [pair_of_files(*inputs, force=force, progress=step)]
    else:
        raise UsageError("give one patch file, or two law files (old, new)")
    write_table([p.comparison for p in pairs], output, options, bill)
    left_out = 0 if layout else sum(len(p.comparison.layout) for p in pairs)
    note(f"{output}: {sum(len(p.comparison.changes) for p in pairs)} row(s)"
         + (f"; {left_out} layout row(s) left out (--layout adds them)" if left_out else ""))
    for line in rows_in_one_language([(p.path.parent.name, p.new.lang, p.comparison) for p in pairs]):
        click.echo(f"warning: a row in one language only {line[2:]}", err=True)

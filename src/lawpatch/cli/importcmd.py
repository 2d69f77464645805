"""``lawpatch import``: an official text → AKN XML of the KR profile."""
from __future__ import annotations

import re

import click

from .report import note


def _iso_date(ctx, param, value):
    if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise click.BadParameter("give the date as YYYY-MM-DD")
    return value


@click.command("import")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The AKN XML file to write (replaced atomically).")
@click.option("--lang", type=click.Choice(["rus", "kir"]), help="Language of the text (default: detected).")
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", "text", "docx", "pdf", "flattened"]), help="Source format.")
@click.option("--title", help="The act's name, where the text has no title block («О дорожном движении в Кыргызской Республике»).")
@click.option("--date", callback=_iso_date, help="Date of adoption, YYYY-MM-DD.")
@click.option("--number", help="The act's number («95», «1296-XII»).")
@click.option("--publication", help="Where the act was published («Эркин Тоо», 1998 г., № 53-54).")
@click.option("--source-note", help="A note on the provenance kept in kg:source (e.g. what is unverified).")
@click.option("--naming", type=click.Choice(["parts", "points"]), help="How the act cites «1.» units (default: detected).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary, not the warnings.")
def import_cmd(source, output, lang, fmt, title, date, number, publication, source_note, naming, quiet):
    """Import SOURCE (database text, Word, PDF or its text, flattened export) into OUT.xml.

    \b
    lawpatch import tax-code-2022-3.ru.txt -o laws/tax-code/rus.xml
    lawpatch import tax-code-2022-3.ky.docx -o laws/tax-code/kir.xml
    """
    from ..importer import import_file
    from .progress import counter

    overrides = {k: v for k, v in dict(title=title, date=date, number=number, publication=publication,
                                       naming=naming, source_note=source_note).items() if v}
    with counter("reading pages") as step:
        result = import_file(source, fmt=fmt, lang=lang, progress=step, **overrides)
    result.law.save(output)
    if not quiet:
        for finding in result.warnings:
            click.echo(str(finding), err=True)
    note(f"{output}: {result.articles} articles, {result.units} units, {len(result.warnings)} warnings")

"""``lawpatch parity`` (the content of a law's Russian and Kyrgyz texts compared) and ``lawpatch
glossary`` (term pairs of a law's definition articles, to extend the glossary)."""
from __future__ import annotations

import click

from .report import note, print_findings

_GLOSSARY = click.option("--glossary", "glossary_file", type=click.Path(dir_okay=False),
                         help="The glossary to use (default: glossary/terms.tsv under --root, else the project's).")
_ROOT = click.option("--root", default=".", show_default=True, help="Repository root (its glossary/terms.tsv).")


@click.command("parity")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: each finding with both texts; json: a list of findings (values, texts, redactions).")
@click.option("--strict", is_flag=True, help="Warnings (differences between texts of different redactions) fail too.")
@_GLOSSARY
@_ROOT
def parity_cmd(paths, fmt, strict, glossary_file, root):
    """Compare the content of the Russian and Kyrgyz texts of laws (laws/<slug>, or laws/ for every
    law with both texts), unit by unit: numbers (figures and words), dates, amounts, percentages,
    references to units and to other acts, enumerations, the glossary's quoted terms, repeals, and
    units printed in the other language.

    Each finding names the unit, what differs (the values only one text has) and both texts.
    Between texts of one redaction a difference is an error; between different redactions a warning
    that says so. Exit status: 0 no error (warnings pass unless --strict), 1 findings, 2 usage.

    \b
    lawpatch parity laws/
    lawpatch parity laws/tax-code --format json
    """
    from ..parity.laws import detail, run_parity

    results, single = run_parity(paths, root=root, glossary_file=glossary_file)
    findings = [f for r in results for f in r.findings]
    errors, warnings = print_findings(findings, fmt, f"{len(results)} law(s)", detail=detail)
    for r in results:
        note(r.summary())
    for folder in single:
        note(f"{folder}: one text only (no {'kir' if (folder / 'rus.xml').exists() else 'rus'}.xml), not compared")
    return 1 if errors or (strict and warnings) else 0


@click.command("glossary")
@click.argument("paths", nargs=-1, required=True)
@click.option("--all", "everything", is_flag=True, help="Print the pairs the glossary has already too.")
@_GLOSSARY
@_ROOT
def glossary_cmd(paths, everything, glossary_file, root):
    """Print the term pairs of the definition articles of laws with both texts («Основные
    понятия» ⇄ «Негизги түшүнүктөр»), as glossary lines (rus<TAB>kir<TAB>source) the glossary
    does not have yet: review them and append them to glossary/terms.tsv.

    \b
    lawpatch glossary laws/tax-code >> glossary/terms.tsv   # after reading them
    """
    from ..parity.laws import new_terms

    lines, known = new_terms(paths, root=root, glossary_file=glossary_file, everything=everything)
    for line in lines:
        click.echo(line)
    note(f"{len(lines)} pair(s) printed, {known} already in the glossary")
    return 0

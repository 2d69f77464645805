"""``lawpatch refs``: the provisions that cite a unit (or every reference a law makes)."""
from __future__ import annotations

import json

import click


@click.command("refs")
@click.argument("law", metavar="laws/<slug>")
@click.argument("citation", required=False)
@click.option("--lang", type=click.Choice(["rus", "kir"]), default="rus", show_default=True,
              help="Which text of the law the citation is read in.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def refs_cmd(law, citation, lang, fmt):
    """The provisions of every law beside LAW that cite the unit CITATION of LAW («статья 33»,
    «п. 2 ч. 1 ст. 5», an eId) or a unit inside it; references from inside the unit itself are
    left out. Without CITATION: every reference LAW makes, with those that resolve to nothing.

    References are read where the text names the act it cites: «статьей 33 настоящего Закона»,
    «частью 2 настоящей статьи», «Законом Кыргызской Республики «О …»», «ушул Мыйзамдын 5-беренеси».

    \b
    lawpatch refs laws/external-migration "статья 33"
    lawpatch refs laws/constitution "статья 16" --format json
    """
    from ..references import refs_to
    from .progress import counter

    with counter("reading references") as step:
        result = refs_to(law, citation, lang, progress=step)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
        return 0
    if citation:
        click.echo(f"{result.citation} ({result.eid}) of laws/{result.law}: cited {len(result.references)} time(s)")
    for r in result.references:
        targets = ", ".join(f"{t.law or t.act}:{t.eid or '(the act)'}" if t.law != result.law else t.eid or "(the act)"
                            for t in r.targets)
        line = f"  laws/{r.law}/{r.lang}.xml:{r.line} {r.eid}: «{r.text}»"
        click.echo(line + ("" if citation else f" -> {targets or '—'}"))
        if r.problem:
            click.echo(f"    resolves to nothing: {r.problem}")
    return 0

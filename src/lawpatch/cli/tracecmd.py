"""``lawpatch trace``: a treaty article → the provisions and pending ops that carry it out, or a
provision → the treaty articles behind it."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import UsageError


@click.command("trace")
@click.argument("target", metavar="TREATY:ARTICLE | laws/<slug>")
@click.argument("citation", required=False)
@click.option("--root", default=".", show_default=True, help="Repository root (laws/, amendments/, treaties/).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def trace_cmd(target, citation, root, fmt):
    """`lawpatch trace icrmw-1990:44`: the provisions of the laws under ROOT/laws that carry out
    the article (their links.xml) and the ops of the bills in ROOT/amendments whose reasons cite it.

    `lawpatch trace laws/<slug> CITATION`: the treaty articles behind the provision («абзац
    двенадцатый статьи 1», an eId): its own links, those of the units around it and inside it,
    and the pending ops on it.

    \b
    lawpatch trace icrmw-1990:44
    lawpatch trace laws/external-labour-migration "статья 16" --format json
    """
    from ..trace import trace_article, trace_unit

    if Path(target).is_dir():
        if not citation:
            raise UsageError("trace laws/<slug> needs a CITATION of the provision")
        result = trace_unit(target, citation)
    elif citation:
        raise UsageError(f"{target}: no such law folder (trace laws/<slug> CITATION)")
    else:
        result = trace_article(root, target)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
        return 0
    if hasattr(result, "article"):
        click.echo(f"{result.treaty}:{result.article} — {result.title}, ст. {result.article}")
        click.echo(f"  {result.summary}")
        click.echo(f"  KR status: {result.kr_status}")
        click.echo(f"provisions ({len(result.provisions)}):" if result.provisions else "provisions: none (a gap)")
        for p in result.provisions:
            click.echo(f"  laws/{p.law} {p.citation} ({p.eid})" + (" — partial" if p.extent == "partial" else "")
                       + (f": {p.note}" if p.note else ""))
    else:
        click.echo(f"{result.citation} ({result.eid}) of laws/{result.law}")
        if not result.provisions:
            click.echo("  no treaty article is linked to it, around it or inside it")
        for p in result.provisions:
            where = {"self": "", "within": f" (via {p.citation})", "below": f" (in {p.citation})"}[p.relation]
            click.echo(f"  {p.treaty}:{p.article}{where}" + (" — partial" if p.extent == "partial" else "")
                       + (f": {p.note}" if p.note else ""))
    if result.pending:
        click.echo(f"pending ops ({len(result.pending)}):")
        for op in result.pending:
            click.echo(f"  {op.path}:{op.line}: {op.kind} {op.at} in laws/{op.law} [{op.treaty}:{op.article}]")
    return 0

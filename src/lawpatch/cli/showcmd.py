"""``lawpatch show`` (a unit, or the table of contents) and ``lawpatch text`` (the whole law)."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import UsageError


def _law_path(path: str, lang: str | None, citation: str = "") -> Path:
    p = Path(path)
    if p.is_dir():
        if lang is None:  # a Kyrgyz citation reads the Kyrgyz text where there is one
            from ..citations import citation_language

            kyrgyz = citation and citation_language(citation) == "kir" and (p / "kir.xml").is_file()
            lang = "kir" if kyrgyz else "rus"
        p = p / f"{lang}.xml"
    if not p.exists():  # a folder, a FIFO or a device is refused when read
        raise UsageError(f"{p}: no such law file")
    return p


_LAW = click.argument("law", metavar="LAW")
_LANG = click.option("--lang", type=click.Choice(["rus", "kir"]),
                     help="Which expression to read when LAW is a folder (default: rus; kir for a "
                          "Kyrgyz citation).")


@click.command("show")
@_LAW
@click.argument("citation", required=False)
@_LANG
def show_cmd(law, citation, lang):
    """Show one unit of LAW (a file, or a folder with rus.xml/kir.xml) by CITATION or eId:
    its eId, its citation in Russian and Kyrgyz, and its text («ч. 2 ст. 6», «6-беренесинин
    2-бөлүгү», art_6__para_2). Without a citation: the table of contents with eIds.

    \b
    lawpatch show laws/road-traffic "ч. 2 ст. 6"
    lawpatch show laws/labour-code "83-берененин 2-пункту"
    """
    from .. import structure as st
    from ..citations import CitationError, cite, resolve
    from ..law import Law

    doc = Law.load(_law_path(law, lang, citation))
    if not citation:
        for line in toc(doc):
            click.echo(line)
        return 0
    eid = resolve(doc, citation)
    el = doc.get(eid)
    click.echo(f"eId: {eid}  ({doc.source}:{el.sourceline})")
    for label, lang in (("RU", "rus"), ("KY", "kir")):
        try:
            click.echo(f"{label}:  {cite(doc, eid, lang)}")
        except CitationError as exc:  # a number printed twice: no citation tells it from its twin
            click.echo(f"{label}:  — ({exc})")
    if st.is_repealed(el):
        click.echo("status: repealed")
    for line in _implements(doc, eid):
        click.echo(line)
    click.echo("")
    for line in st.unit_lines(el, editorial=True):
        click.echo(line)
    return 0


def toc(law) -> list[str]:
    """Divisions, parts, chapters, sections and articles, indented, each with its eId."""
    from .. import structure as st

    lines = []

    def walk(parent, depth):
        for el in st.unit_children(parent):
            tag = st.local(el.tag)
            if tag not in st.CONTAINER_TAGS + ("article",):
                continue
            label = " ".join(x for x in (st.num_text(el), st.heading_text(el)) if x)
            mark = " (repealed)" if st.is_repealed(el) else ""
            lines.append(f"{'  ' * depth}{label}{mark}  [{el.get('eId')}]")
            walk(el, depth + 1)

    walk(law.body, 0)
    return lines


@click.command("text")
@_LAW
@_LANG
@click.option("--no-editorial", is_flag=True, help="Leave out the database's editorial notes.")
def text_cmd(law, lang, no_editorial):
    """Print the plain text of LAW: title block, headings, numbers and text, one unit a block;
    editorial notes marked «[ред.]». Stable, so it serves as the git textconv of law files.

    \b
    lawpatch text laws/external-migration/rus.xml | less
    """
    from ..law import Law
    from ..textrender import law_text

    click.echo(law_text(Law.load(_law_path(law, lang)), editorial=not no_editorial), nl=False)
    return 0


def _implements(doc, eid: str) -> list[str]:
    """«implements: <treaty> (1990), ст. 2 — partial: …» for the unit's links (links.xml)."""
    from ..links import load_links
    from ..treaties import load_registry

    links = [k for k in load_links(Path(doc.source).parent) if k.eid == eid]
    if not links:
        return []
    registry = load_registry(Path(doc.source).parent.parent.parent)
    return [f"implements: {registry.describe(k.treaty, [k.article], 'rus')} [{k.treaty}:{k.article}]"
            + (" — partial" if k.extent == "partial" else "") + (f": {k.note}" if k.note else "") for k in links]

"""The consolidated text of a law as DOCX: title block, divisions centred bold, articles with
their bold heading line, parts and points as printed, editorial notes in smaller italics.

:func:`law_blocks` is the one reading of a law into printed lines; the redline diffs the blocks
of the old and new law, so that accepting all its changes gives exactly this document's text.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from .. import structure as st
from ..actnames import is_self_named
from . import docxbase, wml

Style = Literal["title", "dateline", "container", "article", "text", "editorial"]
TITLE_WORDS = {"rus": "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "kir": "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ"}


@dataclass(frozen=True)
class Block:
    """One printed paragraph of a law, how it is set, and the unit it prints (its eId; "" for the
    title block, containers' own lines aside)."""

    text: str
    style: Style
    unit: str = ""


def law_blocks(law) -> list[Block]:
    """The law as printed, paragraph by paragraph, title block first."""
    own_name = is_self_named(law.title)    # a code, the Constitution
    blocks = [Block(law.title.upper() if own_name else TITLE_WORDS.get(law.lang, TITLE_WORDS["rus"]), "title")]
    dateline = _dateline(law)
    if dateline:
        blocks.append(Block(dateline, "dateline"))
    if law.title and not own_name:
        blocks.append(Block(law.title, "title"))
    preamble = law.act.find(st.A + "preamble")
    if preamble is not None:
        for p in preamble.iter(st.A + "p"):
            blocks.append(Block(st.block_text(p), "editorial" if st.is_editorial(p) else "text"))
    body = law.act.find(st.A + "body")
    if body is not None:
        _walk(body, blocks)
    conclusions = law.act.find(st.A + "conclusions")    # the signature block
    if conclusions is not None:
        for p in conclusions.iter(st.A + "p"):
            blocks.append(Block(st.block_text(p), "editorial" if st.is_editorial(p) else "text"))
    return blocks


def _dateline(law) -> str:
    """«от 13 января 2006 года № 4» (KY «2006-жылдын 13-январындагы № 4») from the act's metadata."""
    from ..dates import date_ky, date_ru

    date, number = law.date, law.number
    if not date or not number.isdigit():      # the Constitution is dated by its referendum, unnumbered
        return ""
    try:
        when = date_ky(date) if law.lang == "kir" else f"от {date_ru(date)}"
    except (ValueError, IndexError):
        return ""
    return f"{when} № {number}" if number else when


def _walk(parent, blocks: list[Block]) -> None:
    for el in parent:
        if not st.is_unit(el):
            if st.local(el.tag) in ("content", "intro", "wrapUp"):
                for p in el.iter(st.A + "p"):
                    blocks.append(Block(st.block_text(p), "editorial" if st.is_editorial(p) else "text"))
            continue
        if st.local(el.tag) in st.CONTAINER_TAGS:
            for text in (st.num_text(el), st.heading_text(el)):
                if text:
                    blocks.append(Block(text, "container", el.get("eId") or ""))
            _walk(el, blocks)
        else:
            _unit(el, blocks)


def _unit(el, blocks: list[Block]) -> None:
    notes = {st.block_text(p) for p in el.iter(st.A + "p") if st.is_editorial(p)}
    for i, (line, unit) in enumerate(st.printed_lines(el, editorial=True)):
        if i == 0 and st.local(el.tag) == "article" and st.heading_text(el):
            style: Style = "article"
        elif line in notes:
            style = "editorial"
        else:
            style = "text"
        blocks.append(Block(line, style, unit.get("eId") or ""))


def _set(p, style: Style) -> None:
    """The paragraph format of a block's style."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    pf = p.paragraph_format
    if style in ("title", "dateline", "container"):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.keep_with_next = True
        pf.space_before = Pt(6)
    elif style == "article":
        pf.first_line_indent = Cm(1.25)
        pf.keep_with_next = True
        pf.space_before = Pt(6)
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf.first_line_indent = Cm(1.25)


def block_props(styles: wml.Styles, block: Block) -> str:
    """The paragraph properties of ``block`` (``w:pPr`` as text)."""
    return styles.paragraph(("block", block.style), lambda p: _set(p, block.style))


def run_props(styles: wml.Styles, block: Block, base_size: int = 14) -> str:
    """The run properties of text in ``block``'s style (``w:rPr`` as text)."""
    return styles.run(bold=block.style in ("title", "container", "article"), italic=block.style == "editorial",
                      size=base_size - 2 if block.style == "editorial" else None)


def block_xml(styles: wml.Styles, block: Block) -> str:
    """One block as a paragraph set in its style."""
    return wml.paragraph_xml(block_props(styles, block), wml.run_xml(block.text, run_props(styles, block)))


MARK = "_lp"      # a hidden bookmark «_lp<N>» marks the paragraph that prints block N of the law


def write_docx(law, path: str | os.PathLike, template: str | os.PathLike | None = None) -> None:
    """Write the consolidated text of ``law`` to ``path`` (A4 portrait). Each paragraph that prints
    a unit carries a hidden bookmark naming its block, and the document records the law's
    expression (``dc:identifier``), so that an edited copy maps back to the units
    (``lawpatch derive``)."""
    doc = docxbase.open_template("law", template)
    styles = wml.Styles(doc)
    wml.append(doc.element.body, [_marked(styles, n, block) for n, block in enumerate(law_blocks(law))])
    doc.core_properties.identifier = law.expression_uri
    docxbase.save(doc, path, date=law.expression_date or None, title=law.title)


def _marked(styles: wml.Styles, n: int, block: Block) -> str:
    """Block ``n`` as a paragraph; one that prints a unit with a hidden bookmark around its text
    (Word and LibreOffice keep such marks)."""
    run = wml.run_xml(block.text, run_props(styles, block))
    if block.unit:
        run = f'<w:bookmarkStart w:id="{n}" w:name="{MARK}{n}"/>{run}<w:bookmarkEnd w:id="{n}"/>'
    return wml.paragraph_xml(block_props(styles, block), run)

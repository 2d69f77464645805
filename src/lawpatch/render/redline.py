"""The redline: the new text of a law with native Word tracked changes (w:ins / w:del).

The old and new laws are read into the same printed blocks as the consolidated DOCX and
matched block by block; a changed block carries word-level insertions and deletions, a new or
dropped block is marked whole (its paragraph mark too). Accepting every change in Word gives
exactly the consolidated text of the new law; rejecting every change gives the old one.
"""
from __future__ import annotations

import difflib
import os
import re
from itertools import count

from . import docxbase
from .consolidated import Block, add_block, block_run, law_blocks

_TOKENS = re.compile(r"\s+|[\w-]+|[^\w\s]")   # spaces, words, each punctuation mark
PAIR_RATIO = 0.4        # blocks less alike than this are shown as one removed and one added


def write_redline(comparison, old_law, new_law, path: str | os.PathLike, author: str = "lawpatch",
                  date: str | None = None, template: str | os.PathLike | None = None) -> None:
    """Write the redline of ``old_law`` → ``new_law`` to ``path``.

    ``comparison`` (the engine's LawComparison, may be None) is not needed for the marks: they
    come from the printed blocks so that accept-all / reject-all reproduce the texts exactly.
    """
    docxbase.write_bytes(path, redline_bytes(comparison, old_law, new_law, author, date, template))


def redline_bytes(comparison, old_law, new_law, author: str = "lawpatch", date: str | None = None,
                  template: str | os.PathLike | None = None) -> bytes:
    """The redline DOCX as bytes (to write several files only once all of them are made)."""
    doc = build_redline(old_law, new_law, author, date, template)
    title = comparison.title if comparison is not None else new_law.title
    return docxbase.to_bytes(doc, date=date, title=title)


def build_redline(old_law, new_law, author: str, date: str | None, template=None):
    doc = docxbase.open_template("law", template)
    marks = _Marks(author, docxbase.epoch(date).strftime("%Y-%m-%dT%H:%M:%SZ"))
    old, new = law_blocks(old_law), law_blocks(new_law)
    matcher = difflib.SequenceMatcher(None, [b.text for b in old], [b.text for b in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for block in new[j1:j2]:
                block_run(add_block(doc, block), block.text, block)
            continue
        olds, news = old[i1:i2], new[j1:j2]
        k = 0
        while k < min(len(olds), len(news)) and _alike(olds[k].text, news[k].text):
            _changed(doc, olds[k], news[k], marks)
            k += 1
        for block in olds[k:]:
            _whole(doc, block, "del", marks)
        for block in news[k:]:
            _whole(doc, block, "ins", marks)
    return doc


def _alike(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() >= PAIR_RATIO


class _Marks:
    """Makes w:ins / w:del elements with the bill's author and date and ids counted from 1."""

    def __init__(self, author: str, date: str):
        self.author, self.date, self.ids = author, date, count(1)

    def make(self, kind: str):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        el = OxmlElement(f"w:{kind}")
        el.set(qn("w:id"), str(next(self.ids)))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        return el

    def wrap(self, run, kind: str) -> None:
        """Put the run inside a w:ins or w:del (a deleted run's w:t becomes w:delText)."""
        from docx.oxml.ns import qn

        r = run._r
        if kind == "del":
            for t in r.findall(qn("w:t")):
                t.tag = qn("w:delText")
        mark = self.make(kind)
        r.addprevious(mark)
        mark.append(r)

    def paragraph_mark(self, p, kind: str) -> None:
        """Mark the paragraph mark itself inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
        from docx.oxml import OxmlElement

        ppr = p._p.get_or_add_pPr()
        rpr = OxmlElement("w:rPr")
        rpr.append(self.make(kind))
        ppr.append(rpr)


def _whole(doc, block: Block, kind: str, marks: _Marks) -> None:
    p = add_block(doc, block)
    marks.paragraph_mark(p, kind)
    marks.wrap(block_run(p, block.text, block), kind)


def _changed(doc, old: Block, new: Block, marks: _Marks) -> None:
    p = add_block(doc, new)
    a, b = _TOKENS.findall(old.text), _TOKENS.findall(new.text)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            block_run(p, "".join(b[j1:j2]), new)
            continue
        if i2 > i1:
            marks.wrap(block_run(p, "".join(a[i1:i2]), old), "del")
        if j2 > j1:
            marks.wrap(block_run(p, "".join(b[j1:j2]), new), "ins")

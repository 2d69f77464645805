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
from xml.sax.saxutils import quoteattr

from . import docxbase, wml
from .consolidated import Block, block_props, block_xml, law_blocks, run_props

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
    styles = wml.Styles(doc)
    marks = _Marks(author, docxbase.epoch(date).strftime("%Y-%m-%dT%H:%M:%SZ"))
    old, new = law_blocks(old_law), law_blocks(new_law)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, [b.text for b in old], [b.text for b in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [block_xml(styles, block) for block in new[j1:j2]]
            continue
        olds, news = old[i1:i2], new[j1:j2]
        k = 0
        while k < min(len(olds), len(news)) and _alike(olds[k].text, news[k].text):
            out.append(_changed(styles, olds[k], news[k], marks))
            k += 1
        out += [_whole(styles, block, "del", marks) for block in olds[k:]]
        out += [_whole(styles, block, "ins", marks) for block in news[k:]]
    wml.append(doc.element.body, out)
    return doc


def _alike(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() >= PAIR_RATIO


class _Marks:
    """Writes w:ins / w:del with the bill's author and date and ids counted from 1."""

    def __init__(self, author: str, date: str):
        self.author, self.date, self.ids = quoteattr(author), quoteattr(date), count(1)

    def _attrs(self) -> str:
        return f'w:id="{next(self.ids)}" w:author={self.author} w:date={self.date}'

    def run(self, text: str, props: str, kind: str) -> str:
        """A run inside a w:ins or w:del (a deleted run's text is w:delText)."""
        return f"<w:{kind} {self._attrs()}>{wml.run_xml(text, props, deleted=kind == 'del')}</w:{kind}>"

    def paragraph_mark(self, props: str, kind: str) -> str:
        """Paragraph properties with the paragraph mark itself inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
        mark = f"<w:rPr><w:{kind} {self._attrs()}/></w:rPr>"
        return props[: -len("</w:pPr>")] + mark + "</w:pPr>" if props.endswith("</w:pPr>") else f"<w:pPr>{mark}</w:pPr>"


def _whole(styles, block: Block, kind: str, marks: _Marks) -> str:
    props = marks.paragraph_mark(block_props(styles, block), kind)
    return wml.paragraph_xml(props, marks.run(block.text, run_props(styles, block), kind))


def _changed(styles, old: Block, new: Block, marks: _Marks) -> str:
    runs = []
    a, b = _TOKENS.findall(old.text), _TOKENS.findall(new.text)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(wml.run_xml("".join(b[j1:j2]), run_props(styles, new)))
            continue
        if i2 > i1:
            runs.append(marks.run("".join(a[i1:i2]), run_props(styles, old), "del"))
        if j2 > j1:
            runs.append(marks.run("".join(b[j1:j2]), run_props(styles, new), "ins"))
    return wml.paragraph_xml(block_props(styles, new), "".join(runs))

"""The changed units for review, with the layout rows (blocks split or joined with the same words):
plain text for the terminal, Markdown for a pull request's comment, a self-contained HTML page. Git hosting web views do not run textconv, so a pull request that changes
a law shows raw XML; these show each changed unit with its citation, words struck and inserted.

Markdown keeps to what GitHub and GitLab both render (``<del>``/``<ins>``, ``<details>``), every
character of the law escaped, and stays under a comment's size (``limit``): past it the rest is
counted, not shown.
"""
from __future__ import annotations

import re
from html import escape

from ..compare.model import LawComparison, UnitChange

RED_STRUCK, GREEN, BOLD, RESET = "\x1b[31;9m", "\x1b[32m", "\x1b[1m", "\x1b[0m"
COMMENT_LIMIT = 60_000          # GitHub refuses comments over 65,536 characters
OPEN_UP_TO = 30                 # a law with more changes is shown folded
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(\s*)([#+\-]|\d+[.)])")


def _md(text: str) -> str:
    """Law text as Markdown shows it literally: HTML escaped, Markdown's marks backslashed (at the
    start of a line also «1.», «-», «#», which would make a list or a heading).

    >>> _md("1. Слова «*» и <b>_x_</b>")
    '1\\\\. Слова «\\\\*» и &lt;b&gt;\\\\_x\\\\_&lt;/b&gt;'
    """
    text = _INLINE.sub(r"\\\1", escape(text, quote=False))
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def _marked(change: UnitChange, esc) -> list[str]:
    """The unit's lines with deleted words in ``<del>`` and inserted ones in ``<ins>``."""
    if change.segments:
        pieces = [(s.op, s.text) for s in change.segments]
    else:
        pieces = [("delete", change.old_text)] * bool(change.old_text) + [("insert", change.new_text)] * bool(
            change.new_text)
    text = ""
    for op, words in pieces:
        tag = {"delete": "del", "insert": "ins"}.get(op)
        # each line on its own, so that a mark never spans a line break
        text += "\n".join(f"<{tag}>{esc(line)}</{tag}>" if tag and line else esc(line) for line in words.split("\n"))
    return text.split("\n")


def _where(change: UnitChange) -> str:
    return change.citation or change.eid or "title"


# a file changed where the comparison does not look: its metadata, or the database's notes
UNCHANGED = "no change in the text (metadata or the database's notes only: --editorial compares the notes)"


def markdown(results: list[tuple[object, LawComparison]], limit: int = COMMENT_LIMIT) -> str:
    """Every changed unit of ``results`` ((path, comparison) pairs) as Markdown."""
    total = sum(len(c.changes) + len(c.layout) for _, c in results)
    out = [f"### lawpatch diff: {len(results)} law file(s), {sum(len(c.changes) for _, c in results)} changed "
           "unit(s)", ""]
    shown = 0
    for path, comp in results:
        if not comp.changes and not comp.layout:
            out += [f"<b>{escape(str(path))}</b> ({comp.lang}): {_md(comp.title)} — {UNCHANGED}", ""]
            continue
        head = f"<b>{escape(str(path))}</b> ({comp.lang}): {_md(comp.title)} — {len(comp.changes)} change(s)"
        out += [f"<details{' open' if len(comp.changes) <= OPEN_UP_TO else ''}><summary>{head}</summary>", ""]
        for change in comp.changes + comp.layout:
            block = [f"**{_md(_where(change))}** ({change.kind})", ""]
            block += [f"> {line}" if line else ">" for line in _marked(change, _md)] + [""]
            if sum(map(len, out)) + sum(map(len, block)) > limit:
                break
            out += block
            shown += 1
        out += ["</details>", ""]
    if shown < total:
        out.append(f"*{total - shown} more changed unit(s) not shown here (a comment holds {limit:,} characters): "
                   "`lawpatch diff --format html` writes them all.*")
    return "\n".join(out).rstrip() + "\n"


def text(results: list[tuple[object, LawComparison]], colored: bool = False) -> str:
    """For the terminal: one block per changed unit, its citation and kind, then the unit with its
    words marked (red struck and green with ``colored``, else ``[-old-]{+new+}``)."""
    return "".join(_text(path, comp, colored) for path, comp in results)


def _text(path, comp, colored: bool) -> str:
    out = [_bold(f"== {path} ({comp.lang}): {comp.title}", colored)]
    if not comp.changes and not comp.layout:
        out.append(UNCHANGED)
    for change in comp.changes + comp.layout:
        where = change.citation or change.eid or "title"
        out.append(_bold(f"@@ {where} ({change.kind})", colored))
        if change.segments:
            out.append("".join(_segment(s.op, s.text, colored) for s in change.segments))
        elif change.old_text:
            out.append(_segment("delete", change.old_text, colored))
        if change.new_text and not change.segments:
            out.append(_segment("insert", change.new_text, colored))
    return "\n".join(out) + "\n"


def _segment(op: str, text: str, colored: bool) -> str:
    if op == "equal":
        return text
    if colored:   # colour each line on its own, so that pagers (less -R) keep it
        style = RED_STRUCK if op == "delete" else GREEN
        return "\n".join(f"{style}{line}{RESET}" if line else "" for line in text.split("\n"))
    return f"[-{text}-]" if op == "delete" else f"{{+{text}+}}"


def _bold(text: str, colored: bool) -> str:
    return f"{BOLD}{text}{RESET}" if colored else text


_STYLE = """body{font-family:'Times New Roman',serif;max-width:60em;margin:2em auto;line-height:1.4}
h2{font-size:1.15em;border-bottom:1px solid #999}
.unit{margin:1em 0;padding:.4em .8em;border-left:3px solid #bbb}
.where{font-weight:bold}.kind{color:#666;font-size:.9em}
p{margin:.2em 0}del{background:#fbe3e1;color:#a40000}ins{background:#e1f5dc;color:#135e00;text-decoration:none}"""


def html(results: list[tuple[object, LawComparison]]) -> str:
    """Every changed unit of ``results`` as one self-contained page (inline style, no scripts)."""
    total = sum(len(c.changes) for _, c in results)
    out = ["<!DOCTYPE html>", '<html lang="ru"><head><meta charset="utf-8">',
           f"<title>lawpatch diff: {total} changed unit(s)</title><style>{_STYLE}</style></head><body>",
           f"<h1>lawpatch diff: {len(results)} law file(s), {total} changed unit(s)</h1>"]
    for path, comp in results:
        out.append(f"<h2>{escape(str(path))} ({escape(comp.lang)}): {escape(comp.title)}</h2>")
        if not comp.changes and not comp.layout:
            out.append(f"<p>{UNCHANGED}</p>")
        for change in comp.changes + comp.layout:
            lines = "".join(f"<p>{line}</p>" for line in _marked(change, escape))
            out.append(f'<div class="unit" id="{escape(change.eid or "title")}"><span class="where">'
                       f'{escape(_where(change))}</span> <span class="kind">({escape(change.kind)})</span>{lines}</div>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"

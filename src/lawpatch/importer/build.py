"""Classified lines → the unit tree → AKN elements in the KR profile (docs/profile.md).

Two steps: :class:`TreeBuilder` nests the lines (which unit a line opens, which unit a text line
or a note belongs to) into light :class:`Node`/:class:`Block` objects, and :func:`emit` turns a
node into its AKN element (leaf or hierarchical form, editorial notes, repealed units). Every
line ends up in exactly one place; nothing is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from .. import lazyre
from ..errors import Finding
from ..meta import ActInfo, build_meta
from ..structure import A, EDITORIAL as EDITORIAL_CLASS, assign_eids
from ..xmlio import AKN_NS
from . import classify as c

if TYPE_CHECKING:
    from .titleblock import TitleBlock

AKN_TAG = {c.DIVISION: "division", c.PART: "part", c.CHAPTER: "chapter", c.SECTION: "section",
           c.SUBSECTION: "section",
           c.ARTICLE: "article", c.PARAGRAPH: "paragraph", c.POINT: "point", c.SUBPOINT: "point",
           c.INDENT: "indent"}
# Units a «1.» / «1)» / «а)» line closes when it opens (the kinds it may not be nested in).
_CLOSED_BY = {
    c.PARAGRAPH: {c.PARAGRAPH, c.POINT, c.SUBPOINT},
    c.POINT: {c.POINT, c.SUBPOINT},
    c.SUBPOINT: {c.SUBPOINT},
}


@dataclass
class Block:
    """A paragraph of text (an abzats) and the editorial notes printed right after it."""

    text: str
    lineno: int
    notes: list[str] = field(default_factory=list)


@dataclass
class Node:
    """A unit being built: its number line, its children (units and text blocks) and notes."""

    kind: str
    num: str = ""
    heading: str = ""
    lineno: int = 0
    children: list = field(default_factory=list)   # Node | Block, in printed order
    notes: list[str] = field(default_factory=list)  # notes before any child (after num/heading)
    wants_heading: bool = False                     # «Глава 1» whose heading is on the next line
    heading_open: bool = False                      # an upper-case heading may go on over lines


class TreeBuilder:
    """Nests classified lines under a root node (the body, or the unit a fragment goes into)."""

    def __init__(self, root: Node, source: str = ""):
        self.root = root
        self.stack: list[Node] = [root]
        self.last: Node | Block = root
        self.source = source
        self.warnings: list[Finding] = []

    @property
    def top(self) -> Node:
        return self.stack[-1]

    def feed(self, lines) -> Node:
        for line in lines:
            self.add(line)
        group_restarting_lists(self.root)
        return self.root

    def add(self, line: c.Line) -> None:
        kind = line.kind
        top = self.top
        if top.wants_heading and kind in (c.TEXT, c.DIVISION) and not top.children and not top.notes:
            top.heading = line.text
            top.wants_heading = False
            top.heading_open = _upper(line.text)
            return
        if top.heading_open and kind == c.TEXT and _upper(line.text) and not top.children and not top.notes:
            top.heading = f"{top.heading} {line.text}"   # «ПРИМЕНЕНИЕ … С УЧАСТИЕМ» + «ИНОСТРАННЫХ ГРАЖДАН …»
            return
        top.heading_open = False
        if top.kind in c.RANK and kind == c.TEXT and not top.children and _heading_goes_on(top, line.text):
            self._continue_heading(top, line.text)
            return
        if kind == c.EDITORIAL:
            self._note(line.text)
            return
        if kind in c.RANK:
            self._open_container(line)
        elif kind in _CLOSED_BY:
            self._open_numbered(line)
        elif kind == c.INDENT:
            node = Node(c.INDENT, line.num, lineno=line.lineno)
            node.children.append(Block(line.rest, line.lineno))
            self._close_finished_point()
            self.top.children.append(node)
            self.last = node.children[0]
        else:
            self._text(line)

    # --- the kinds of lines -----------------------------------------------------------------
    @staticmethod
    def _continue_heading(top: Node, text: str) -> None:
        if top.notes:   # «Статья 235. (Исключена в соответствии с Законом КР от 1» + «июля 2020 года № 12)»
            top.notes[-1] = f"{top.notes[-1]} {text}"
        else:           # «Статья 18. Ограничение права … требования» + «о расторжении брака»
            top.heading = f"{top.heading} {text}"

    def _note(self, text: str) -> None:
        self.last.notes.append(text)

    def _open_container(self, line: c.Line) -> None:
        if line.misprint:
            self.warnings.append(Finding("IMPORT.MISPRINTED_NUMBER", f"{line.text[:40]!r}: {line.misprint}",
                                         self.source, line.lineno, severity="warning"))
        rank = c.RANK[line.kind]
        while len(self.stack) > 1 and c.RANK.get(self.top.kind, 99) >= rank:
            self.stack.pop()
        node = Node(line.kind, line.num, line.rest, line.lineno,
                    wants_heading=line.kind != c.ARTICLE and not line.rest)
        if line.kind == c.ARTICLE and c.is_note(line.rest):
            node.heading = ""
            node.notes.append(line.rest)
        self._push(node)

    def _open_numbered(self, line: c.Line) -> None:
        closed = _CLOSED_BY[line.kind]
        while len(self.stack) > 1 and self.top.kind in closed:
            self.stack.pop()
        if line.kind == c.SUBPOINT and self.top.kind != c.POINT and not self._reopen_point():
            kids = self.top.children
            if not (kids and isinstance(kids[-1], Node) and kids[-1].kind == c.SUBPOINT):
                self._warn(line, "lettered subpoints outside a numbered point: kept as points of "
                                 f"the {self.top.kind}")
        node = Node(line.kind, line.num, lineno=line.lineno)
        if c.is_note(line.rest):
            node.notes.append(line.rest)
        elif line.rest:
            node.children.append(Block(line.rest, line.lineno))
        self._push(node)
        if node.children:
            self.last = node.children[0]

    def _reopen_point(self) -> bool:
        """«11) ….» + «Для целей … признается:» + «а) …»: the lead-in of the subpoints was read
        as closing the list; it is point 11's second abzats. Move it there and reopen the point."""
        kids = self.top.children
        k = len(kids)
        while k and isinstance(kids[k - 1], Block):
            k -= 1
        if k == len(kids) or not k or not isinstance(kids[k - 1], Node) or kids[k - 1].kind != c.POINT \
                or not kids[-1].text.rstrip().endswith(":"):
            return False
        point = kids[k - 1]
        point.children.extend(kids[k:])
        del kids[k:]
        self.stack.append(point)
        return True

    def _push(self, node: Node) -> None:
        self.top.children.append(node)
        self.stack.append(node)
        self.last = node

    def _text(self, line: c.Line) -> None:
        if c.LOOKS_LIKE_UNIT.match(line.text):
            self._warn(line, f"looks like a unit's number but is not in a known form: kept as an abzats: "
                             f"{line.text[:60]!r}")
        self._close_finished_point()
        block = Block(line.text, line.lineno)
        self.top.children.append(block)
        self.last = block

    def _close_finished_point(self) -> None:
        """A text line after a point that ends with «.» closes the list: it belongs to the
        point's parent. After «…:» or «…;» it continues the point."""
        while self.top.kind in (c.POINT, c.SUBPOINT) and len(self.stack) > 1:
            text = _last_text(self.top)
            if text is not None and not text.rstrip().endswith("."):
                return
            self.stack.pop()

    def _warn(self, line: c.Line, message: str) -> None:
        self.warnings.append(Finding("IMPORT.STRUCTURE", message, self.source, line.lineno,
                                     severity="warning"))


_LOWER_START = lazyre.compile(r"\(?[a-zа-яёөүң]")


def _heading_goes_on(article: Node, text: str) -> bool:
    """Whether a text line right after the heading of an article, a chapter or a section is the rest
    of that heading, wrapped: it starts in lower case and the heading has no final stop («Статья
    401. Заключение договора на основании оферты, содержащей» + «срок для акцепта»; «Глава 2» +
    «Возникновение …, осуществление и защита» + «гражданских прав», a chapter holding no text of its
    own before its first article), or it closes the bracket of a note printed
    on the heading's line («Статья 235. (Исключена … от 1» + «июля 2020 года № 12)»)."""
    if article.notes:
        return not article.heading and len(article.notes) == 1 and c.depth(article.notes[0]) > 0
    return bool(article.heading) and article.heading.rstrip()[-1:] not in ".;:!?" \
        and bool(_LOWER_START.match(text)) and text.rstrip()[-1:] not in ".;:"


def _upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


def _last_text(node: Node) -> str | None:
    for child in reversed(node.children):
        if isinstance(child, Block):
            return child.text
        return _last_text(child)
    return None


def group_restarting_lists(node: Node) -> None:
    """Where the points of a unit without numbered parts restart their numbering («…:» + «1) … 12)»,
    «…:» + «1) … 13)»), each lead-in abzats ending with «:» and the points that follow it become
    one unnumbered part (a ``paragraph`` without ``<num>``), cited «пункт 1 части второй статьи 16»
    (docs/profile.md, Abzats). Units whose points do not restart are left as they are."""
    kids = node.children
    for kid in kids:
        if isinstance(kid, Node):
            group_restarting_lists(kid)
    if node.kind not in (c.ARTICLE, c.PARAGRAPH) or any(
            isinstance(k, Node) and k.kind == c.PARAGRAPH for k in kids):
        return
    numbers = [k.num for k in kids if isinstance(k, Node) and k.kind == c.POINT]
    if len(set(numbers)) == len(numbers):
        return
    grouped: list = []
    for i, kid in enumerate(kids):
        nxt = kids[i + 1] if i + 1 < len(kids) else None
        if isinstance(kid, Block) and kid.text.rstrip().endswith(":") and isinstance(nxt, Node) \
                and nxt.kind == c.POINT:
            grouped.append(Node(c.PARAGRAPH, lineno=kid.lineno, children=[kid]))
        elif isinstance(kid, Node) and kid.kind == c.POINT and grouped and isinstance(grouped[-1], Node) \
                and grouped[-1].kind == c.PARAGRAPH and not grouped[-1].num:
            grouped[-1].children.append(kid)
        else:
            grouped.append(kid)
    node.children = grouped


# --- emitting AKN ---------------------------------------------------------------------------
def _p(parent, text: str, editorial: bool = False):
    p = etree.SubElement(parent, A + "p")
    if editorial:
        p.set("class", EDITORIAL_CLASS)
    p.text = text
    return p


def _content(parent, blocks: list[tuple[str, bool]]):
    content = etree.SubElement(parent, A + "content")
    for text, editorial in blocks or [("", False)]:
        _p(content, text, editorial)
    return content


def _set_line(el, lineno: int, where: dict | None) -> None:
    """Record the source line on the element (lxml keeps 16 bits: the lines of a PDF print, page ×
    1000 + line, go into ``where`` only)."""
    if 0 < lineno < 65535:
        el.sourceline = lineno
    if where is not None and lineno:
        where[el] = lineno


def line_of(el, where: dict) -> int | None:
    """The source line of ``el`` or of the nearest unit around it."""
    for x in (el, *el.iterancestors()):
        if where.get(x) or x.sourceline:
            return where.get(x) or x.sourceline
    return None


def emit(node: Node, where: dict | None = None) -> etree._Element:
    """The AKN element of a unit node (eIds are assigned afterwards by structure.assign_eids);
    ``where`` collects each element's source line."""
    el = etree.Element(A + AKN_TAG[node.kind])
    _set_line(el, node.lineno, where)
    if node.num:
        etree.SubElement(el, A + "num").text = node.num
    if node.heading:
        etree.SubElement(el, A + "heading").text = node.heading
    emit_children(el, node, where)
    return el


def emit_children(el, node: Node, where: dict | None = None) -> None:
    """Fill ``el`` with the node's notes and children: the leaf form when the node holds one
    block (or only notes), else the hierarchical form."""
    kids = node.children
    if not kids:
        if node.notes and c.is_repeal(node.notes[0]):
            el.set("status", "removed")
        _content(el, [(n, True) for n in node.notes])
        return
    if len(kids) == 1 and isinstance(kids[0], Block):
        b = kids[0]
        _content(el, [(n, True) for n in node.notes] + [(b.text, False)] + [(n, True) for n in b.notes])
        return
    if node.notes:
        intro = etree.SubElement(el, A + "intro")
        for n in node.notes:
            _p(intro, n, True)
    for kid in kids:
        el.append(emit_any(kid, where))


def emit_any(item: Node | Block, where: dict | None = None) -> etree._Element:
    """A node's element, or a block's ``alinea`` (its text and the notes after it)."""
    if isinstance(item, Node):
        return emit(item, where)
    al = etree.Element(A + "alinea")
    _set_line(al, item.lineno, where)
    _content(al, [(item.text, False)] + [(n, True) for n in item.notes])
    return al


# --- the whole document ---------------------------------------------------------------------
_NAMING_PARTS = lazyre.compile(r"\bчаст(?:ь|и|ью|ей|ям|ями|ях)\s+\d+[^.;]{0,40}?статьи|"
                               r"(?:статья|берене)\w*\s+\d+(?:-\d+)?-бөлүг", re.I)
_NAMING_POINTS = lazyre.compile(r"\bпункт(?:а|у|ом|е|ы|ов|ами|ах)?\s+\d+(?:\s+и\s+\d+)?\s+(?:настоящей\s+)?статьи|"
                                r"(?:статья|берене)\w*\s+\d+(?:-\d+)?-пункт", re.I)


def detect_naming(text: str) -> str:
    """``points`` when the act cites its «1.» units as пункты («пункт 1 настоящей статьи»),
    ``parts`` when as части («часть 2 статьи 5»)."""
    parts = len(_NAMING_PARTS.findall(text))
    points = len(_NAMING_POINTS.findall(text))
    return "points" if points > 2 * parts + 5 else "parts"


def detect_lang(text: str) -> str:
    """``kir`` when the Kyrgyz letters ө, ү, ң are frequent (in the first 100 000 characters, plenty
    for an act), else ``rus``: a Russian text may quote a Kyrgyz word, not a page of them."""
    sample = text[:100_000]
    letters = len(_LETTER.findall(sample)) or 1
    kyrgyz = sum(sample.count(ch) for ch in "өүңӨҮҢ")
    return "kir" if kyrgyz / letters > 0.005 else "rus"


_LETTER = lazyre.compile(r"[^\W\d_]")


def split_head(lines: list[c.Line]) -> int:
    """Index of the first structural line (a container or an article): what comes before it is
    the title block and the preamble."""
    for i, line in enumerate(lines):
        if line.kind in c.RANK:
            return i
    return len(lines)


_SIGNATURE = lazyre.compile(r"^(?:Президент(?:\s+Кыргызской\s+Республики)?|Кыргыз\s+Республикасынын\s+Президенти)\b")


def split_tail(lines: list[c.Line]) -> int:
    """Index of the signature block at the end («Президент Кыргызской Республики», the name, the
    date of adoption): it goes to ``<conclusions>``. ``len(lines)`` when there is none."""
    for i in range(max(0, len(lines) - 8), len(lines)):
        if _SIGNATURE.match(lines[i].text) and all(x.kind in (c.TEXT, c.EDITORIAL) for x in lines[i:]):
            return i
    return len(lines)


def build_act(lines: list[c.Line], info: ActInfo, tb: TitleBlock, source: str) \
        -> tuple[etree._Element, list[Finding], dict]:
    """The ``<akomaNtoso>`` root of an imported act, the builder's warnings, and the source line
    of each unit and abzats (see :func:`line_of`)."""
    # a whole act's parts, imported here: parsing an op's fragment (``check``) needs none of them
    from .superscripts import flat_findings, mend_numbers
    from .toc import TOC_TITLE, emit_contents, find_contents

    root = etree.Element(A + "akomaNtoso", nsmap={None: AKN_NS})
    act = etree.SubElement(root, A + "act", name=info.doc_name)
    act.append(build_meta(info))
    start = tb.size + split_head(lines[tb.size:])
    contents = find_contents(lines, start)
    body_start = contents.body if contents else start
    end = max(body_start, split_tail(lines))
    toc_title = contents is not None and start > tb.size and bool(TOC_TITLE.match(lines[start - 1].text))
    preamble_lines = lines[tb.size:start - toc_title] + (lines[contents.end:contents.body] if contents else [])
    warnings: list[Finding] = []
    if tb.size or contents:
        preface = etree.SubElement(act, A + "preface")
        _preface(preface, lines[:tb.size], tb)
        if toc_title:
            _p(preface, lines[start - 1].text, editorial=True)
    if preamble_lines:
        preamble = etree.SubElement(act, A + "preamble")
        for line in preamble_lines:
            _p(preamble, line.text, editorial=line.kind == c.EDITORIAL)
    body = etree.SubElement(act, A + "body")
    builder = TreeBuilder(Node("body"), source)
    tree = builder.feed(lines[body_start:end])
    where: dict = {}
    for kid in tree.children:
        body.append(emit_any(kid, where))
    if not len(body):
        _content(etree.SubElement(body, A + "alinea"), [])
        warnings.append(Finding("IMPORT.EMPTY_BODY", "the text has no body (no unit and no text after the title "
                                "block): an empty abzats stands for it", source,
                                lines[-1].lineno if lines else 1, severity="warning"))
    if end < len(lines):
        conclusions = etree.SubElement(act, A + "conclusions")
        for line in lines[end:]:
            _p(conclusions, line.text, editorial=line.kind == c.EDITORIAL)
    def line(el) -> int | None:
        return line_of(el, where)

    flat, cited = mend_numbers(body, source, line)
    assign_eids(body)
    warnings += flat_findings(flat, source, line) + cited
    if contents:
        emit_contents(preface, lines[contents.start:contents.end], body)
        warnings.append(Finding("IMPORT.CONTENTS", f"lines {lines[contents.start].lineno}–"
                                f"{lines[contents.end - 1].lineno} are a table of contents: kept in the preface, "
                                "not read as units", source, lines[contents.start].lineno, severity="warning"))
    warnings += _empty_units(body, source, where)
    return root, builder.warnings + warnings, where


def _preface(preface, block: list[c.Line], tb: TitleBlock) -> None:
    """The title block's lines: the title (its lines joined) as ``longTitle``, the date line, the
    act's name on a line of its own («ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ» / date / «О внешней миграции»),
    the notes (editorial)."""
    for i, line in enumerate(block):
        if i == tb.title_start:
            _p(etree.SubElement(preface, A + "longTitle"), tb.title)
            rest_of_line = line.text[len(tb.title):].strip() if tb.title_end == i + 1 else ""
            if rest_of_line:   # the date printed on the name's line
                _p(preface, rest_of_line)
        elif not tb.title_start < i < tb.title_end:
            _p(preface, line.text, editorial=i not in (tb.date_index, tb.name_index))


def _empty_units(body, source: str, where: dict) -> list[Finding]:
    """Units the text prints without any words («Статья 5.» and nothing after it): an empty
    abzats stands for their text, which is said."""
    out = []
    for el in body.iter(*(A + tag for tag in set(AKN_TAG.values()))):
        content = el.find(A + "content")
        if content is not None and not "".join(content.itertext()).strip():
            out.append(Finding("IMPORT.EMPTY_UNIT", "a unit printed without any text: an empty abzats stands "
                               "for it", source, line_of(el, where), el.get("eId") or "", "warning"))
    return out




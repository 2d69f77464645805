"""Plain text in the importer's syntax → AKN unit elements (for patch operations that insert or
restate units: «3. …», «1) …», «а) …», «- …», «Статья 5-1. Заголовок» + its text)."""
from __future__ import annotations

from lxml import etree

from ..errors import LawpatchError
from . import classify as c
from .build import Node, TreeBuilder, emit_any
from .text import split_lines

# The kind of unit a fragment goes into → the builder's kind for the root it nests under.
_CONTEXT = {"body": "body", "division": c.DIVISION, "part": c.PART, "chapter": c.CHAPTER,
            "section": c.SECTION, "article": c.ARTICLE, "paragraph": c.PARAGRAPH, "point": c.POINT,
            "subpoint": c.SUBPOINT, None: "body"}


def parse_fragment(text: str, lang: str = "rus", naming: str = "parts", context: str | None = None) -> list[etree._Element]:
    """The units the text prints, as AKN elements without eIds (the caller runs assign_eids).

    ``context`` is the kind of unit the text goes into («article»: «1.» lines are its parts;
    «paragraph»: «1)» lines are its points; «point»: «а)» lines are its subpoints). A plain text
    line becomes an ``alinea``. ``lang`` and ``naming`` do not change the syntax, which is the
    same in both languages and both naming schemes.
    """
    if context not in _CONTEXT:
        raise LawpatchError(f"unknown fragment context {context!r}; one of: {', '.join(k for k in _CONTEXT if k)}")
    lines = c.classify_lines((line.text, line.lineno) for line in split_lines(text or ""))
    if not lines:
        raise LawpatchError("the new text is empty")
    root = Node(_CONTEXT[context])
    builder = TreeBuilder(root, "<fragment>")
    builder.stack[0].wants_heading = False
    builder.feed(lines)
    if root.notes:
        raise LawpatchError(f"the new text starts with an editorial note: {root.notes[0]!r}")
    return [emit_any(kid) for kid in root.children]

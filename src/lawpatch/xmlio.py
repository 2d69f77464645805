"""The one safe XML parser and the one canonical serializer of lawpatch.

Every XML file the tool reads goes through :func:`parse`: no DTD is loaded, no entity is
expanded, nothing is fetched (a resolver answers every request for an external resource with
nothing), and size, depth and the attributes of one element are bounded. A document that declares a DOCTYPE at all is refused —
no law, patch or treaty file needs one, and refusing it outright is simpler to reason about than
defusing each trick (XXE, billion laughs, external DTD). The refusal goes by the parser's own
record of the document (``docinfo``), whatever its encoding or wherever the declaration stands;
a look at the first bytes only refuses the common case sooner.

Every XML file the tool writes goes through :func:`write`: canonical layout (one unit per line
block, fixed attribute order, UTF-8, final newline) and an atomic replace, so that ``git diff``
of a law shows only what changed and a crash never leaves a half-written file.
"""
from __future__ import annotations

import os

from lxml import etree

from . import storage
from .errors import Finding, LawpatchError

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_ATTRIBUTES = 64   # on one element: AKN's widest carry a handful; the canonical sort is quadratic in them

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
KG_NS = "urn:lawpatch:kr-profile:1"
KG = "{%s}" % KG_NS      # the profile's own elements, in Clark notation
PATCH_NS = "urn:lawpatch:amendment:1"
TREATY_NS = "urn:lawpatch:treaty:1"
LINKS_NS = "urn:lawpatch:links:1"
_NO_DTD = ("a DOCTYPE or ENTITY declaration is not allowed (DTDs and entities are refused so that no file "
           "can read other files or expand without bound)")


class XmlError(LawpatchError):
    """An XML input that cannot or must not be read: its file, the line where known, the reason."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source, self.reason, self.line = source, reason, line
        super().__init__(f"{source}:{line}: {reason}" if line else f"{source}: {reason}")

    def finding(self, code: str) -> Finding:
        return Finding(code, self.reason, file=self.source, line=self.line)


class _NoExternal(etree.Resolver):
    """Every external resource (a DTD, an entity) resolves to nothing; the request is remembered."""

    def __init__(self):
        super().__init__()
        self.asked: list[str] = []

    def resolve(self, url, pubid, context):
        self.asked.append(url or pubid or "?")
        return self.resolve_string("", context)


def _parser() -> tuple[etree.XMLParser, _NoExternal]:
    # collect_ids stays on: with it off, libxml2 2.14 opens a document's external DTD
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             attribute_defaults=False, huge_tree=False, remove_comments=False)
    resolver = _NoExternal()
    parser.resolvers.add(resolver)
    return parser, resolver


def parse_bytes(data: bytes, source: str = "<input>") -> etree._ElementTree:
    """Parse XML bytes safely; raise :class:`XmlError` naming ``source`` and the line."""
    if len(data) > MAX_BYTES:
        raise XmlError(source, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; refused")
    head = data[:65536].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:  # the common case, refused before parsing
        raise XmlError(source, _NO_DTD, data[: head.find(b"<!")].count(b"\n") + 1)
    if not data[:4096].strip():
        raise XmlError(source, "the file is empty")
    parser, resolver = _parser()
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as exc:
        line = _doctype_line(data, None)
        if resolver.asked or line:
            raise XmlError(source, _NO_DTD, line) from None
        raise XmlError(source, f"not well-formed XML: {exc.msg}", exc.lineno or 1) from exc
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None or resolver.asked:
        raise XmlError(source, _NO_DTD, _doctype_line(data, info.encoding))
    _check_depth(tree.getroot(), source)
    _check_width(tree.getroot(), source)
    return tree


def _doctype_line(data: bytes, encoding: str | None) -> int | None:
    """The line of the DOCTYPE in a document of any encoding (None where there is none)."""
    if encoding is None:
        encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
    try:
        text = data.decode(encoding, "replace")
    except LookupError:
        return None
    at = text.upper().find("<!DOCTYPE")
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def read(path: str | os.PathLike) -> bytes:
    """The bytes of an XML file to parse: a regular file of at most :data:`MAX_BYTES`."""
    try:
        return storage.read_regular(path, MAX_BYTES)
    except storage.StorageError as exc:
        raise XmlError(str(path), exc.reason) from exc


def parse(path: str | os.PathLike) -> etree._ElementTree:
    """Parse an XML file safely: a regular file of at most :data:`MAX_BYTES`."""
    return parse_bytes(read(path), str(path))


# the first element nested deeper than MAX_DEPTH (the root is at depth 1), found by libxml2
_TOO_DEEP = etree.XPath("(" + "/*" * (MAX_DEPTH + 1) + ")[1]")


def _check_depth(root: etree._Element, source: str) -> None:
    deep = _TOO_DEEP(root)
    if deep:
        raise XmlError(source, f"elements nested deeper than {MAX_DEPTH}; refused", deep[0].sourceline)


# the first attribute past MAX_ATTRIBUTES on any element (a quarter of the cost of testing elements)
_TOO_WIDE = etree.XPath(f"(//@*[{MAX_ATTRIBUTES + 1}])[1]")


def _check_width(root: etree._Element, source: str) -> None:
    wide = _TOO_WIDE(root)
    if wide:
        el = wide[0].getparent()
        raise XmlError(source, f"an element with {len(el.attrib)} attributes (at most {MAX_ATTRIBUTES}); "
                               "refused", el.sourceline)


# --- canonical serialization -------------------------------------------------------------

# Elements whose whole subtree is written on one line: running text and leaf blocks.
_INLINE = {"num", "heading", "subheading", "content", "intro", "wrapUp", "p", "longTitle",
           "docTitle", "docNumber", "docDate", "FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor",
           "FRBRcountry", "FRBRnumber", "FRBRname", "FRBRlanguage", "title", "text", "old", "new",
           "reason", "article-ref"}

_ATTR_ORDER = ["name", "eId", "id", "status", "lang", "href", "at", "cite", "after", "before",
               "date", "type", "source", "value", "language", "showAs", "number"]
_ATTR_RANK = {a: i for i, a in enumerate(_ATTR_ORDER)}


_NAMES: dict = {}   # tag → local name, "" for comments and processing instructions (a hot path)


def _name(tag) -> str:
    name = _NAMES.get(tag)
    if name is None:
        name = _NAMES[tag] = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
    return name


_LEAF_KIDS = frozenset({"num", "heading", "subheading", "content"})


def _layout(el: etree._Element, level: int) -> None:
    """One child per line, indented, down to running text, mixed content and leaf blocks (a unit whose
    children are only num/heading/content: written on one line)."""
    if _name(el.tag) in _INLINE:
        return
    children = list(el)
    if not children:
        return
    names = [_name(c.tag) for c in children]
    if "content" in names and all(n in _LEAF_KIDS for n in names if n):
        return  # a leaf block
    if el.text is not None and el.text.strip():
        return  # mixed content: leave as is
    pad = "\n" + "  " * (level + 1)
    if el.text != pad:      # set only where it differs: a law read from its file is mostly laid out
        el.text = pad
    last = children[-1]
    for child, name in zip(children, names):
        if name and name not in _INLINE:   # running text, comments: as they are
            _layout(child, level + 1)
        tail = pad if child is not last else "\n" + "  " * level
        if child.tail != tail:
            child.tail = tail


# what :func:`_sort_attributes` can change, found by libxml2: the empty text nodes (an element whose
# text is "" has one) and the elements with attributes to order (two at least)
_EMPTY_TEXTS = etree.XPath("descendant-or-self::*/text()[.='']")
_SEVERAL_ATTRIBUTES = etree.XPath("descendant-or-self::*[@*[2]]")
_ORDERS: dict[tuple, tuple] = {}   # attribute names as found → in the fixed order (a few dozen shapes)


def _sort_attributes(root: etree._Element) -> None:
    """Attributes in the fixed order; an empty text written as none (``<p/>``, as a reparsed empty
    ``<p></p>`` reads), so that a file written and read back is written the same."""
    for node in _EMPTY_TEXTS(root):
        el = node.getparent()
        if node.is_text and el.text == "":
            el.text = None
    for el in _SEVERAL_ATTRIBUTES(root):
        names = tuple(el.keys())
        order = _ORDERS.get(names)
        if order is None:
            order = _ORDERS[names] = tuple(sorted(names, key=lambda k: (_ATTR_RANK.get(k, len(_ATTR_RANK)), k)))
        if order != names:
            values = dict(el.items())
            el.attrib.clear()
            for k in order:
                el.set(k, values[k])


def to_bytes(tree_or_root) -> bytes:
    """Serialize canonically: fixed attribute order, one unit per line block, final newline."""
    root = tree_or_root.getroot() if hasattr(tree_or_root, "getroot") else tree_or_root
    _sort_attributes(root)
    _layout(root, 0)
    root.tail = None
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`lawpatch.storage.write_file`)."""
    storage.write_file(path, data)


def write(tree_or_root, path: str | os.PathLike) -> None:
    """Serialize canonically and write atomically."""
    atomic_write_bytes(path, to_bytes(tree_or_root))

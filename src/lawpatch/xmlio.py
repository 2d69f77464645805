"""The one safe XML parser and the one canonical serializer of lawpatch.

Every XML file the tool reads goes through :func:`parse`: no DTD is loaded, no entity is
expanded, nothing is fetched from the network, and size and depth are bounded. A document that
declares a DOCTYPE at all is refused — no law, patch or treaty file needs one, and refusing it
outright is simpler to reason about than defusing each trick (XXE, billion laughs, external DTD).

Every XML file the tool writes goes through :func:`write`: canonical layout (one unit per line
block, fixed attribute order, UTF-8, final newline) and an atomic replace, so that ``git diff``
of a law shows only what changed and a crash never leaves a half-written file.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

from .errors import Finding, LawpatchError

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
KG_NS = "urn:lawpatch:kr-profile:1"
PATCH_NS = "urn:lawpatch:amendment:1"
TREATY_NS = "urn:lawpatch:treaty:1"
LINKS_NS = "urn:lawpatch:links:1"


class XmlError(LawpatchError):
    """An XML input that cannot or must not be read: its file, the line where known, the reason."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source, self.reason, self.line = source, reason, line
        super().__init__(f"{source}:{line}: {reason}" if line else f"{source}: {reason}")

    def finding(self, code: str) -> Finding:
        return Finding(code, self.reason, file=self.source, line=self.line)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
        collect_ids=False,
    )


def parse_bytes(data: bytes, source: str = "<input>") -> etree._ElementTree:
    """Parse XML bytes safely; raise :class:`XmlError` naming ``source`` and the line."""
    if len(data) > MAX_BYTES:
        raise XmlError(source, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; refused")
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data[:65536].upper() or b"<!ENTITY" in data[:65536].upper():
        line = data[: data.upper().find(b"<!")].count(b"\n") + 1
        raise XmlError(source, "a DOCTYPE or ENTITY declaration is not allowed (DTDs and entities are "
                               "refused so that no file can read other files or expand without bound)", line)
    if not head:
        raise XmlError(source, "the file is empty")
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        raise XmlError(source, f"not well-formed XML: {exc.msg}", line) from exc
    _check_depth(tree.getroot(), source)
    return tree


def parse(path: str | os.PathLike) -> etree._ElementTree:
    """Parse an XML file safely."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise XmlError(str(p), f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; refused")
        data = p.read_bytes()
    except OSError as exc:
        raise XmlError(str(p), f"cannot read: {exc.strerror or exc}") from exc
    return parse_bytes(data, str(p))


# the first element nested deeper than MAX_DEPTH (the root is at depth 1), found by libxml2
_TOO_DEEP = etree.XPath("(" + "/*" * (MAX_DEPTH + 1) + ")[1]")


def _check_depth(root: etree._Element, source: str) -> None:
    deep = _TOO_DEEP(root)
    if deep:
        raise XmlError(source, f"elements nested deeper than {MAX_DEPTH}; refused", deep[0].sourceline)


# --- canonical serialization -------------------------------------------------------------

# Elements whose whole subtree is written on one line: running text and leaf blocks.
_INLINE = {"num", "heading", "subheading", "content", "intro", "wrapUp", "p", "longTitle",
           "docTitle", "docNumber", "docDate", "FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor",
           "FRBRcountry", "FRBRnumber", "FRBRname", "FRBRlanguage", "title", "text", "old", "new",
           "reason", "article-ref"}

_ATTR_ORDER = ["name", "eId", "id", "status", "lang", "href", "at", "cite", "after", "before",
               "date", "type", "source", "value", "language", "showAs", "number"]
_ATTR_RANK = {a: i for i, a in enumerate(_ATTR_ORDER)}


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_leaf_block(el: etree._Element) -> bool:
    """A unit whose children are only num/heading/content: written on one line."""
    kids = [_local(c.tag) for c in el if isinstance(c.tag, str)]
    return bool(kids) and "content" in kids and all(k in {"num", "heading", "subheading", "content"} for k in kids)


def _layout(el: etree._Element, level: int) -> None:
    name = _local(el.tag)
    if name in _INLINE or _is_leaf_block(el):
        return
    children = list(el)
    if not children:
        return
    if el.text is not None and el.text.strip():
        return  # mixed content: leave as is
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in children:
        _layout(child, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level


def _sort_attributes(root: etree._Element) -> None:
    for el in root.iter():
        if not isinstance(el.tag, str) or len(el.attrib) < 2:
            continue
        items = list(el.attrib.items())
        ordered = sorted(items, key=lambda kv: (_ATTR_RANK.get(kv[0], len(_ATTR_RANK)), kv[0]))
        if ordered != items:
            el.attrib.clear()
            for k, v in ordered:
                el.set(k, v)


def to_bytes(tree_or_root) -> bytes:
    """Serialize canonically: fixed attribute order, one unit per line block, final newline."""
    root = tree_or_root.getroot() if hasattr(tree_or_root, "getroot") else tree_or_root
    _sort_attributes(root)
    _layout(root, 0)
    root.tail = None
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same folder, fsync, rename."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), _file_mode(p))
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _file_mode(path: Path) -> int:
    """The mode the written file gets: the replaced file's, else what a plain ``open`` would give
    (mkstemp's 0600 would hide laws and documents from colleagues on a shared folder)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write(tree_or_root, path: str | os.PathLike) -> None:
    """Serialize canonically and write atomically."""
    atomic_write_bytes(path, to_bytes(tree_or_root))

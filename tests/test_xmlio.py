"""The one safe parser refuses hostile XML; the one serializer is canonical and atomic."""
import pytest

from lawpatch import xmlio
from lawpatch.law import Law

from .conftest import DATA

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso>&xxe;</akomaNtoso>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:9/evil.dtd">
<akomaNtoso/>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<akomaNtoso>&lol3;</akomaNtoso>"""


@pytest.mark.parametrize("data", [XXE, EXTERNAL_DTD, LAUGHS], ids=["xxe", "external-dtd", "billion-laughs"])
def test_hostile_xml_is_refused_with_file_and_line(data):
    with pytest.raises(xmlio.XmlError, match=r"evil\.xml:2: a DOCTYPE or ENTITY declaration is not allowed"):
        xmlio.parse_bytes(data, "evil.xml")


def test_malformed_xml_names_file_and_line():
    with pytest.raises(xmlio.XmlError, match=r"bad\.xml:3: not well-formed XML"):
        xmlio.parse_bytes(b"<a>\n<b>\n</a>", "bad.xml")


def test_too_deep_xml_is_refused():
    data = b"<a>" * (xmlio.MAX_DEPTH + 5) + b"</a>" * (xmlio.MAX_DEPTH + 5)
    with pytest.raises(xmlio.XmlError, match="nested deeper"):
        xmlio.parse_bytes(data, "deep.xml")


def test_depth_at_the_bound_is_read():
    data = b"<a>" * xmlio.MAX_DEPTH + b"</a>" * xmlio.MAX_DEPTH
    assert xmlio.parse_bytes(data, "deep.xml").getroot().tag == "a"


def test_an_element_with_too_many_attributes_is_refused_at_once():
    """100,000 attributes on one element: refused when read (with its line), not sorted for minutes
    by the canonical writer."""
    wide = b" ".join(b'x%d="1"' % i for i in range(100_000, 0, -1))
    with pytest.raises(xmlio.XmlError, match=r"wide\.xml:2: an element with 100000 attributes \(at most 64\)"):
        xmlio.parse_bytes(b"<a>\n<b " + wide + b"/></a>", "wide.xml")
    at_bound = b" ".join(b'x%d="1"' % i for i in range(xmlio.MAX_ATTRIBUTES))
    assert len(xmlio.parse_bytes(b"<a " + at_bound + b"/>").getroot().attrib) == xmlio.MAX_ATTRIBUTES


def test_empty_file_is_refused(tmp_path):
    p = tmp_path / "empty.xml"
    p.write_bytes(b"")
    with pytest.raises(xmlio.XmlError, match="empty"):
        xmlio.parse(p)


@pytest.mark.parametrize("lang", ["rus", "kir"])
def test_load_save_is_byte_identical(lang, tmp_path):
    src = DATA / "sample-law" / f"{lang}.xml"
    law = Law.load(src)
    out = tmp_path / "out.xml"
    law.save(out)
    assert out.read_bytes() == src.read_bytes()


def test_atomic_write_leaves_no_temp_files(tmp_path):
    target = tmp_path / "law.xml"
    xmlio.atomic_write_bytes(target, b"one")
    xmlio.atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["law.xml"]


def test_atomic_write_gives_the_usual_mode_and_keeps_an_existing_one(tmp_path):
    import os
    from lawpatch.xmlio import atomic_write_bytes

    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.xml"
        atomic_write_bytes(fresh, b"<a/>")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.xml"
        kept.write_bytes(b"<a/>")
        kept.chmod(0o640)
        atomic_write_bytes(kept, b"<b/>")
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)

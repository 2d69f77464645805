"""The treaty registry: every file valid, the instruments the brief names, the reasons of the bills."""
from __future__ import annotations

import pytest

from lawpatch.errors import FindingsError
from lawpatch.resources import PROJECT
from lawpatch.treaties import load_registry, load_treaty

from .conftest import ROOT

IDS = {"icrmw-1990", "refugees-1951", "refugees-protocol-1967", "statelessness-1954", "statelessness-1961",
       "iccpr-1966", "icescr-1966", "cedaw-1979", "crc-1989", "ilo-97", "ilo-143", "eaeu-2014"}


def test_registry_has_the_instruments():
    reg = load_registry(ROOT)
    assert set(reg.treaties) == IDS
    eaeu = reg.treaties["eaeu-2014"]
    assert set(eaeu.articles) == {"96", "97", "98"} and eaeu.adopted == "2014-05-29"
    assert reg.treaties["icrmw-1990"].titles["eng"].startswith("International Convention on the Protection")


def test_every_treaty_file_has_titles_and_articles():
    for path in sorted((PROJECT / "treaties").glob("*.xml")):
        t = load_treaty(path)
        assert t.id == path.stem and {"rus", "eng"} <= set(t.titles) and t.articles


def test_problems_and_hints():
    reg = load_registry(ROOT)
    assert reg.problem("iccpr-1966", "13") is None
    assert "not in the registry" in reg.problem("iccpr-1966", "99")
    assert "unknown treaty" in reg.problem("nope", "1") and "icrmw-1990" in reg.hint("nope")


def test_bad_treaty_file_is_refused_with_its_line(tmp_path):
    bad = tmp_path / "x.xml"
    bad.write_text('<?xml version="1.0"?>\n<treaty xmlns="urn:lawpatch:treaty:1" id="x" adopted="1990">\n'
                   '<title lang="rus">X</title>\n</treaty>\n', encoding="utf-8")
    with pytest.raises(FindingsError) as exc:
        load_treaty(bad)
    assert {f.line for f in exc.value.findings} >= {2}


def test_the_bills_cite_only_registered_articles():
    from lawpatch.patch import load_bill

    reg = load_registry(ROOT)
    for path in sorted((ROOT / "amendments").glob("*.xml")):
        for law in load_bill(path).laws:
            for op in law.ops:
                for r in op.reasons:
                    assert reg.problem(r.treaty, r.article) is None, (path.name, op.line, r)


def test_a_reason_described_for_the_table():
    from lawpatch.treaties import load_registry

    registry = load_registry()
    assert registry.describe("iccpr-1966", ["13", "14"], "rus") == \
        "Международный пакт о гражданских и политических правах (1966), ст. 13, 14"
    assert registry.describe("iccpr-1966", ["14"], "kir").endswith("(1966), 14-берене")
    assert registry.describe("unknown-2000", ["3"], "rus") == "unknown-2000, ст. 3"

"""The treaty registry: every file valid, the instruments the brief names, the reasons of the bills."""
from __future__ import annotations

import pytest

from lawpatch.errors import FindingsError
from lawpatch.resources import PROJECT
from lawpatch.treaties import load_registry, load_treaty

from .conftest import ROOT

# the instruments the registry must hold (issue: UN, ILO, EAEU, CIS, KR–RF, the Global Compact)
IDS = {"icrmw-1990", "refugees-1951", "refugees-protocol-1967", "statelessness-1954", "statelessness-1961",
       "iccpr-1966", "icescr-1966", "icerd-1965", "cedaw-1979", "crc-1989", "ilo-97", "ilo-143", "ilo-138",
       "ilo-182", "eaeu-2014", "cis-labour-migration-1994", "cis-migrant-workers-2008",
       "kg-ru-labour-recruitment-2014", "kg-ru-readmission-2012", "gcm-2018"}


def test_registry_has_the_instruments():
    reg = load_registry(ROOT)
    assert set(reg.treaties) == IDS
    eaeu = reg.treaties["eaeu-2014"]
    assert set(eaeu.articles) == {"2", "96", "97", "98"} and eaeu.adopted == "2014-05-29"
    assert reg.treaties["icrmw-1990"].titles["eng"].startswith("International Convention on the Protection")
    assert reg.treaties["gcm-2018"].kind == "compact" and not reg.treaties["gcm-2018"].binding_text


def test_every_treaty_file_has_three_titles_and_a_sourced_status():
    for path in sorted((PROJECT / "treaties").glob("*.xml")):
        t = load_treaty(path)
        assert t.id == path.stem and set(t.titles) == {"rus", "kir", "eng"}
        # a status other than «unknown» names its source: never a guess
        assert t.kr.status == "unknown" or t.kr.source.startswith("http"), t.id
        for a in t.articles.values():
            assert a.summary and a.tags, (t.id, a.number)


def test_status_as_the_sources_give_it():
    reg = load_registry(ROOT)
    protocol = reg.treaties["refugees-protocol-1967"].kr
    assert protocol.status == "acceded" and "30 октября 1995 года З № 241-1" in protocol.act
    assert reg.treaties["icrmw-1990"].kr.date == "2003-09-29"
    assert {reg.treaties[t].kr.status for t in ("statelessness-1954", "statelessness-1961")} == {"not-party"}
    assert reg.treaties["ilo-97"].kr.status == "unknown" and not reg.treaties["ilo-97"].kr.binding


def test_defined_terms():
    reg = load_registry(ROOT)
    terms = {(t.id, a.number, term.name): term for t, a, term in reg.terms()}
    assert terms[("icrmw-1990", "2", "трудящийся-мигрант")].definition.startswith(
        "лицо, которое будет заниматься, занимается или занималось оплачиваемой деятельностью")
    assert "лицо без гражданства" in terms[("statelessness-1954", "1", "апатрид")].also
    assert reg.treaties["icrmw-1990"].articles["4"].obligation is False


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
    assert {f.code for f in exc.value.findings} == {"TREATY.SCHEMA"}


def test_unreadable_treaty_file_and_a_wrong_id(tmp_path):
    bad = tmp_path / "y.xml"
    bad.write_text("<treaty", encoding="utf-8")
    with pytest.raises(FindingsError) as exc:
        load_treaty(bad)
    assert exc.value.findings[0].code == "TREATY.XML"
    good = (PROJECT / "treaties" / "ilo-97.xml").read_text(encoding="utf-8")
    (tmp_path / "ilo-98.xml").write_text(good, encoding="utf-8")
    with pytest.raises(FindingsError) as exc:
        load_treaty(tmp_path / "ilo-98.xml")
    assert exc.value.findings[0].code == "TREATY.ID" and exc.value.findings[0].line == 2


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


def test_validate_checks_the_registry(tmp_path, capsys):
    from .conftest import run_cli

    code, out, err = run_cli(capsys, "validate", str(ROOT / "treaties"))
    assert code == 0 and out == "" and "20 file(s): 0 error(s)" in err
    (tmp_path / "treaties").mkdir()
    bad = (ROOT / "treaties" / "ilo-97.xml").read_text(encoding="utf-8").replace('kind="convention"', 'kind="law"')
    (tmp_path / "treaties" / "ilo-97.xml").write_text(bad, encoding="utf-8")
    code, _, err = run_cli(capsys, "validate", str(tmp_path / "treaties"))
    assert code == 1 and "ilo-97.xml:2: error: not valid against treaty.xsd" in err

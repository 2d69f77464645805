"""links.xml beside a law: valid for the bundled laws, shown by `show`, kept in step by `apply`."""
from __future__ import annotations

import shutil

import pytest

from lawpatch import links as lk

from . import billfiles
from .conftest import LAWS, ROOT, snapshot
from .conftest import run_cli as run

BUNDLED = ("external-labour-migration", "external-migration", "legal-status-foreign-citizens", "citizenship",
           "constitution")


@pytest.mark.parametrize("slug", BUNDLED)
def test_bundled_links_are_valid_and_canonical(slug):
    folder = LAWS / slug
    assert lk.links_findings(folder) == []
    links = lk.load_links(folder)
    assert len(links) >= 10
    assert lk.to_xml(links) == (folder / lk.FILE).read_bytes()


def repo(tmp_path, slug="external-labour-migration"):
    root = tmp_path / "repo"
    (root / "laws").mkdir(parents=True)
    shutil.copytree(LAWS / slug, root / "laws" / slug)
    shutil.copytree(ROOT / "treaties", root / "treaties")
    return root


def write_bill(root, ops: str, slug="external-labour-migration", base="rus@2025-07-10"):
    return billfiles.write_bill(root / "bill.xml", ops, href=f"laws/{slug}", base=base, bill_id="links-test")


def by_eid(root, slug="external-labour-migration"):
    return {(x.eid, x.treaty, x.article): x for x in lk.load_links(root / "laws" / slug)}


def test_apply_moves_links_with_renumbered_units_and_drops_a_deleted_units(tmp_path, capsys):
    """Deleting the second dash item of article 16 moves the third to «indent_2»: its link
    (ICRMW art. 23) follows it, the deleted item's link (art. 33) goes."""
    root = repo(tmp_path)
    bill = write_bill(root, '    <delete at="art_16__indent_2"/>')
    code, _, err = run(capsys, "apply", str(bill), "--root", str(root))
    assert code == 0, err
    links = by_eid(root)
    assert ("art_16__indent_2", "icrmw-1990", "23") in links
    assert not any(k[1:] == ("icrmw-1990", "33") for k in links)
    assert ("art_16__indent_3", "icrmw-1990", "23") not in links


def test_apply_adds_the_reasons_as_links_and_a_repeal_drops_them(tmp_path, capsys):
    root = repo(tmp_path)
    bill = write_bill(root, '''    <delete-words at="art_23">
      <old lang="rus">проживающие с ними</old>
      <reason treaty="icrmw-1990" article="47"/>
    </delete-words>
    <repeal at="art_29"/>''')
    code, _, err = run(capsys, "apply", str(bill), "--root", str(root))
    assert code == 0, err
    link = by_eid(root)[("art_23", "icrmw-1990", "47")]
    assert (link.extent, link.note, link.bill) == ("full", "", "links-test")  # the partial link is replaced
    assert ("art_29", "ilo-97", "3") not in by_eid(root)


def test_a_broken_links_file_refuses_the_apply_and_writes_nothing(tmp_path, capsys):
    root = repo(tmp_path)
    (root / "laws/external-labour-migration/links.xml").write_text(
        '<?xml version="1.0"?>\n<links xmlns="urn:lawpatch:links:1">\n  <link eId="art_1" treaty="x"/>\n</links>\n',
        encoding="utf-8")
    bill = write_bill(root, '    <repeal at="art_29"/>')
    before = snapshot(root)
    code, _, err = run(capsys, "apply", str(bill), "--root", str(root))
    assert code == 1 and "links.xml:3" in err and "article" in err
    assert snapshot(root) == before


def test_validate_reports_a_link_to_a_missing_unit_or_article(tmp_path, capsys):
    root = repo(tmp_path)
    (root / "laws/external-labour-migration/links.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<links xmlns="urn:lawpatch:links:1">\n'
        '  <link eId="art_99" article="2" treaty="icrmw-1990"/>\n'
        '  <link eId="art_1" article="999" treaty="icrmw-1990"/>\n</links>\n', encoding="utf-8")
    code, _, err = run(capsys, "validate", str(root / "laws"))
    assert code == 1
    assert "links.xml:3: error: art_99: no unit art_99" in err
    assert "links.xml:4: error: art_1: article 999 of icrmw-1990 is not in the registry" in err


def test_show_prints_the_treaty_articles_a_unit_implements(capsys):
    code, out, _ = run(capsys, "show", str(LAWS / "external-labour-migration"), "абзац двенадцатый статьи 1")
    assert code == 0
    assert ("implements: Международная конвенция о защите прав всех трудящихся-мигрантов и членов их семей (1990), "
            "ст. 4 [icrmw-1990:4] — partial: члены семьи определяются только законодательством государства "
            "трудоустройства") in out.splitlines()

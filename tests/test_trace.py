"""lawpatch trace: a treaty article → provisions (links.xml) and pending ops (amendments/); a
provision → the treaty articles behind it. Bad input is refused with a clear message."""
from __future__ import annotations

import json

import pytest


from .conftest import LAWS, ROOT, run_cli as run


def test_an_article_with_a_provision_and_pending_ops(capsys):
    code, out, _ = run(capsys, "trace", "icrmw-1990:44", "--root", str(ROOT), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["kr_status"] == "участник, 2003-09-29"
    assert [(p["law"], p["eid"], p["extent"]) for p in data["provisions"]] == [
        ("external-labour-migration", "art_9", "partial")]
    assert [(p["bill"], p["kind"], p["at"]) for p in data["pending"]] == [
        ("2026-icrmw-family", "restate-heading", "art_16"), ("2026-icrmw-family", "insert-words", "art_16__indent_3"),
        ("2026-icrmw-family", "insert", "art_16__indent_7")]


def test_an_obligation_carried_out_in_part_with_a_pending_bill(capsys):
    code, out, _ = run(capsys, "trace", "refugees-1951:33", "--root", str(ROOT))
    assert code == 0
    assert "laws/constitution абзац второй части 2 статьи 52 (art_52__para_2__al_2) — partial: только запрет " \
           "выдачи лиц, получивших политическое убежище" in out
    assert "2026-refugees-statelessness.xml:7: insert art_4__indent_3 in laws/external-migration" in out


def test_an_obligation_no_law_carries_out_is_a_gap(capsys):
    code, out, _ = run(capsys, "trace", "icrmw-1990:29", "--root", str(ROOT))
    assert code == 0 and "provisions: none (a gap)" in out and "pending ops" not in out


def test_a_provision_and_the_articles_around_and_inside_it(capsys):
    code, out, _ = run(capsys, "trace", str(LAWS / "external-labour-migration"), "статья 16", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["eid"] == "art_16"
    assert {(p["treaty"], p["article"], p["relation"]) for p in data["provisions"]} == {
        ("icrmw-1990", "33", "below"), ("icrmw-1990", "23", "below")}
    code, out, _ = run(capsys, "trace", str(LAWS / "external-labour-migration"), "абзац четвертый статьи 16")
    assert out.splitlines()[:2] == ["абзац четвертый статьи 16 (art_16__indent_3) of laws/external-labour-migration",
                                    "  icrmw-1990:23"]
    assert "insert-words art_16__indent_3" in out


@pytest.mark.parametrize("args,code,message", [
    (["icrmw-1990:999"], 1, "article 999 of icrmw-1990 is not in the registry; articles of icrmw-1990"),
    (["nope-2000:1"], 1, "unknown treaty 'nope-2000'; known treaties: cedaw-1979"),
    (["icrmw-1990"], 2, "is not TREATY:ARTICLE"),
    ([str(LAWS / "external-migration")], 2, "needs a CITATION"),
    ([str(LAWS / "external-migration"), "статья 999"], 1, "the law has no статья 999"),
    (["laws/nowhere", "статья 1"], 2, "no such law folder"),
])
def test_bad_input_is_refused(capsys, args, code, message):
    rc, out, err = run(capsys, "trace", *args, "--root", str(ROOT))
    assert rc == code and message in err and out == ""


def test_a_treaty_file_that_does_not_validate_is_refused(capsys, tmp_path):
    (tmp_path / "treaties").mkdir()
    (tmp_path / "treaties" / "x-1.xml").write_text(
        '<?xml version="1.0"?>\n<treaty xmlns="urn:lawpatch:treaty:1" id="x-1" adopted="1990-01-01">\n</treaty>\n',
        encoding="utf-8")
    rc, out, err = run(capsys, "trace", "x-1:1", "--root", str(tmp_path))
    assert rc == 1 and "x-1.xml:2: error:" in err and "treaty.xsd" in err and out == ""

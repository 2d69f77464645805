"""Unnumbered parts (a lead-in with its own point list) as targets of a bill: applied, worded."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from lawpatch import structure as st
from lawpatch.billtext import bill_text
from lawpatch.cli import cli
from lawpatch.importer import import_file
from lawpatch.patch import apply_bill, check_bill, load_bill

from .conftest import DATA

BILL = """<?xml version="1.0" encoding="UTF-8"?>
<amendment xmlns="urn:lawpatch:amendment:1" id="parts" date="2026-11-20">
  <title lang="rus">О внесении изменений в Закон Кыргызской Республики «О пробных визах»</title>
  <law href="laws/visas" base="rus@2000-07-17">
    <replace-words at="art_1__para_u2__point_1" cite="пункт 1 части второй статьи 1">
      <old lang="rus">ложные</old><new lang="rus">заведомо ложные</new>
    </replace-words>
    <insert at="art_1__para_u2" cite="часть вторая статьи 1">
      <text lang="rus">3) подвергался выдворению.</text>
    </insert>
    <insert after="art_1__al_2" cite="часть четвертая статьи 1">
      <text lang="rus">Отказ может быть обжалован в суд.</text>
    </insert>
  </law>
</amendment>
"""


@pytest.fixture
def repo(tmp_path):
    law = import_file(DATA / "importer" / "restarting-lists.ru.txt").law
    (tmp_path / "laws" / "visas").mkdir(parents=True)
    law.save(tmp_path / "laws" / "visas" / "rus.xml")
    (tmp_path / "bill.xml").write_text(BILL.replace("2000-07-17", law.expression_date), encoding="utf-8")
    return tmp_path


def test_a_point_is_inserted_into_the_second_unnumbered_part(repo):
    bill = load_bill(repo / "bill.xml")
    assert check_bill(bill, root=repo) == []
    (applied,) = apply_bill(bill, root=repo)
    new = applied.new
    assert st.unit_lines(new.get("art_1__para_u2"))[-1] == "3) подвергался выдворению."
    assert "art_1__para_u2__point_3" in new and "art_1__para_u1__point_3" not in new
    assert st.unit_lines(new.get("art_1__para_u2__point_1")) == ["1) представил заведомо ложные сведения;"]
    assert st.unit_lines(new.get("art_1__al_3")) == ["Отказ может быть обжалован в суд."]


def test_the_amending_law_cites_the_part_as_drafters_do(repo):
    text = bill_text(load_bill(repo / "bill.xml"), "rus", root=repo)
    assert ("1) в статье 1:\n"
            "а) в части второй:\n"
            "- в пункте 1 слово «ложные» заменить словами «заведомо ложные»;\n"
            "- дополнить пунктом 3 следующего содержания:\n«3) подвергался выдворению.»;\n"
            "б) дополнить частью пятой следующего содержания:\n«Отказ может быть обжалован в суд.».") in text
    result = CliRunner().invoke(cli, ["bill", str(repo / "bill.xml"), "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert "- дополнить пунктом 3 следующего содержания:" in result.output

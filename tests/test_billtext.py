"""The text of the amending law: the wording of each op kind, the grammar of citations, grouping."""
from __future__ import annotations

import pytest

from lawpatch.billtext import BillTextError, bill_text, cite, law_instructions, write_docx
from lawpatch.errors import UsageError
from lawpatch.law import Law
from lawpatch.patch import model

from .conftest import DATA


def Op(kind: str, at: str, line: int = 1, **fields) -> model.Op:
    """An op as the patch reader makes it; an insert's ``after``/``before`` eId is also its position."""
    for position in ("after", "before"):
        if kind == "insert" and isinstance(fields.get(position), str):
            fields.setdefault("position", position)
    return model.Op(kind=kind, line=line, at=at, **fields)


def LawAmendment(href: str, ops: list) -> model.LawAmendment:
    return model.LawAmendment(href=href, base="", ops=tuple(ops), line=3)


def Bill(titles: dict, laws: list) -> model.Bill:
    return model.Bill(id="test", date="2026-11-20", number="", titles=titles, path="amendments/test.xml",
                      laws=tuple(laws))


@pytest.fixture(scope="module")
def rus():
    return Law.load(DATA / "sample-law" / "rus.xml")


@pytest.fixture(scope="module")
def kir():
    return Law.load(DATA / "sample-law" / "kir.xml")


def one(law, op, lang="rus"):
    [line] = law_instructions(law, [op], lang)
    return line


# --- citations ---------------------------------------------------------------------------------
@pytest.mark.parametrize("eid, case, expected", [
    ("art_3", "nom", "статья 3"),
    ("art_3", "loc", "статье 3"),
    ("art_3", "acc", "статью 3"),
    ("art_3__para_2", "loc", "части 2 статьи 3"),
    ("art_3__para_2__point_2", "acc", "пункт 2 части 2 статьи 3"),
    ("art_3__para_2__point_2__point_б", "gen", 'подпункта "б" пункта 2 части 2 статьи 3'),
    ("art_1__al_4", "loc", "абзаце четвертом статьи 1"),
    ("art_1__al_3", "gen", "абзаца третьего статьи 1"),
    ("art_2__indent_2", "acc", "абзац третий статьи 2"),  # a dash item counts as an абзац
])
def test_citation_russian(rus, eid, case, expected):
    assert cite(rus, eid, "rus", case) == expected


@pytest.mark.parametrize("eid, case, last", [
    ("art_3", "loc", "3-беренеде"),
    ("art_3__para_2", "loc", "2-бөлүгүндө"),
    ("art_3__para_2__point_2", "nom", "2-пункту"),
    ("art_1__al_4", "loc", "төртүнчү абзацында"),
])
def test_citation_kyrgyz_largest_first(kir, eid, case, last):
    text = cite(kir, eid, "kir", case)
    assert text.startswith(eid.split("__")[0][4:] + "-берене") and text.endswith(last)


def test_citation_within_an_article(rus, kir):
    assert cite(rus, "art_3__para_2__point_2", "rus", "loc", within="art_3") == "пункте 2 части 2"
    assert cite(rus, "art_3", "rus", "loc", within="art_3") == ""
    assert cite(kir, "art_3__para_2", "kir", "loc", within="art_3") == "2-бөлүгүндө"


# --- one instruction per op kind -----------------------------------------------------------------
def test_replace_words(rus):
    op = Op("replace-words", "art_3__para_3", old={"rus": "законом"}, new={"rus": "законами"})
    assert one(rus, op) == "В части 3 статьи 3 слово «законом» заменить словом «законами»."


def test_replace_digits(rus):
    op = Op("replace-words", "art_1__al_2", old={"rus": "30"}, new={"rus": "29"})
    assert one(rus, op) == "В абзаце втором статьи 1 цифры «30» заменить цифрами «29»."


def test_insert_words(rus):
    op = Op("insert-words", "art_3__para_1", after={"rus": "пользуются правами"}, new={"rus": " и свободами"})
    assert one(rus, op) == "В части 1 статьи 3 после слов «пользуются правами» дополнить словами « и свободами»."


def test_delete_words(rus):
    op = Op("delete-words", "art_2__indent_1", old={"rus": "внешней"})
    assert one(rus, op) == "В абзаце втором статьи 2 слово «внешней» исключить."


def test_restate(rus):
    op = Op("restate", "art_3__para_3", text={"rus": "3. Права мигрантов могут быть ограничены только законом."})
    assert one(rus, op) == ("Часть 3 статьи 3 изложить в следующей редакции:\n"
                            "«3. Права мигрантов могут быть ограничены только законом.».")


def test_restate_heading(rus):
    op = Op("restate-heading", "art_3", heading={"rus": "Права и обязанности мигрантов"})
    assert one(rus, op) == ("Наименование статьи 3 изложить в следующей редакции:\n"
                            "«Статья 3. Права и обязанности мигрантов».")


def test_insert_numbered_and_abzats(rus):
    para = Op("insert", "art_3", after="art_3__para_3", text={"rus": "4. Мигранты обязаны соблюдать законы."})
    assert one(rus, para).startswith("Статью 3 дополнить частью 4 следующего содержания:\n«4. Мигранты")
    point = Op("insert", "art_3__para_2", after="art_3__para_2__point_3", text={"rus": "4) на переводчика."})
    assert one(rus, point).startswith("Часть 2 статьи 3 дополнить пунктом 4 следующего содержания:")
    dash = Op("insert", "art_2", after="art_2__indent_3", text={"rus": "- защита семей мигрантов."})
    assert one(rus, dash).startswith("Статью 2 дополнить абзацем пятым следующего содержания:")
    article = Op("insert", "art_5", before="art_5", text={"rus": "Статья 4-1. Убежище\nТекст."})
    assert one(rus, article).startswith("Дополнить статьей 4-1 следующего содержания:")


def test_repeal_agrees_in_gender(rus):
    assert one(rus, Op("repeal", "art_3")) == "Статью 3 признать утратившей силу."
    assert one(rus, Op("repeal", "art_3__para_2")) == "Часть 2 статьи 3 признать утратившей силу."
    assert one(rus, Op("repeal", "art_3__para_2__point_1")) == \
        "Пункт 1 части 2 статьи 3 признать утратившим силу."
    assert one(rus, Op("repeal", "art_1__al_3")) == "Абзац третий статьи 1 признать утратившим силу."


def test_delete_unit(rus):
    assert one(rus, Op("delete", "art_3__para_2__point_2__point_а")) == \
        'Подпункт "а" пункта 2 части 2 статьи 3 исключить.'


def test_kyrgyz_wording(kir):
    op = Op("replace-words", "art_3__para_3", old={"kir": "мыйзам"}, new={"kir": "мыйзамдар"})
    assert one(kir, op, "kir").endswith(
        "3-бөлүгүндө «мыйзам» деген сөз «мыйзамдар» деген сөз менен алмаштырылсын.")
    assert one(kir, Op("repeal", "art_3"), "kir") == "3-берене күчүн жоготту деп таанылсын."
    assert one(kir, Op("delete-words", "art_3__para_3", old={"kir": "бул эки"}), "kir").endswith(
        " 3-бөлүгүндө «бул эки» деген сөздөр алып салынсын.")


# --- grouping and the whole law ----------------------------------------------------------------------
def test_grouped_per_article_in_document_order(rus):
    ops = [
        Op("repeal", "art_4"),
        Op("replace-words", "art_3__para_3", old={"rus": "законом"}, new={"rus": "законами"}),
        Op("restate-heading", "art_3", heading={"rus": "Права и обязанности мигрантов"}),
        Op("delete-words", "art_3__para_1", old={"rus": "установленными"}),
    ]
    lines = law_instructions(rus, ops, "rus")
    assert lines[0] == "1) в статье 3:"
    assert lines[1].startswith("а) наименование изложить в следующей редакции:")
    assert lines[2] == "б) в части 1 слово «установленными» исключить;"
    assert lines[3] == "в) в части 3 слово «законом» заменить словом «законами»;"
    assert lines[4] == "2) статью 4 признать утратившей силу."


def test_title_first_and_an_insert_at_the_end_after_the_unit_s_own_changes(rus, kir):
    ops = [
        Op("insert", "art_2", position="at", text={"rus": "- защита семей мигрантов.", "kir": "- үй-бүлөлөрдү коргоо."}),
        Op("delete-words", "art_2__indent_1", old={"rus": "внешней", "kir": "тышкы"}),
        Op("restate", "", text={"rus": "О внешней миграции и защите прав мигрантов",
                                "kir": "Тышкы миграция жана мигранттардын укуктарын коргоо жөнүндө"}),
    ]
    lines = law_instructions(rus, ops, "rus")
    assert lines[0] == "1) наименование изложить в следующей редакции:\n«О внешней миграции и защите прав мигрантов»;"
    assert lines[1] == "2) в статье 2:"
    assert lines[2].startswith("а) в абзаце втором слово «внешней» исключить")
    assert lines[3].startswith("б) дополнить абзацем")
    ky = law_instructions(kir, ops, "kir")
    assert ky[0].startswith("1) аталышы төмөнкүдөй редакцияда баяндалсын:\n«Тышкы миграция жана")

def test_ops_of_another_language_are_left_out(rus):
    ops = [Op("repeal", "art_4", lang="kir"), Op("repeal", "art_3")]
    assert law_instructions(rus, ops, "rus") == ["Статью 3 признать утратившей силу."]


def test_whole_bill(sample_dir):
    bill = Bill({"rus": "О внесении изменений в Закон Кыргызской Республики «О внешней миграции»",
                 "kir": "«Тышкы миграция жөнүндө» Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү жөнүндө"},
                [LawAmendment("sample-law", [Op("repeal", "art_4"), Op("repeal", "art_3__para_3")])])
    ru = bill_text(bill, "rus", root=sample_dir.parent)
    assert ru.startswith("ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n\nО внесении изменений")
    assert "Статья 1.\nВнести в Закон Кыргызской Республики «О внешней миграции» (Ведомости" in ru
    assert "следующие изменения:\n1) часть 3 статьи 3 признать утратившей силу;\n2) статью 4" in ru
    assert "Статья 2.\nНастоящий Закон вступает в силу по истечении десяти дней со дня официального опубликования." in ru
    assert ru.rstrip().endswith("Президент Кыргызской Республики")
    ky = bill_text(bill, "kir", root=sample_dir.parent)
    assert ky.startswith("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ")
    assert "төмөнкүдөй өзгөртүүлөр киргизилсин:" in ky
    assert ky.rstrip().endswith("Кыргыз Республикасынын Президенти")


def test_missing_text_is_refused_with_the_place(rus):
    op = Op("replace-words", "art_3__para_3", old={"rus": "законом"})
    with pytest.raises(BillTextError, match=r"x.xml:7: replace-words at art_3__para_3: no <new> text in rus"):
        law_instructions(rus, [op], "rus", where="x.xml:7")


def test_missing_title_is_refused(sample_dir):
    bill = Bill({"rus": "О внесении изменений"}, [LawAmendment("sample-law", [Op("repeal", "art_4")])])
    with pytest.raises(BillTextError, match="no <title lang=\"kir\">"):
        bill_text(bill, "kir", root=sample_dir.parent)


def test_docx_is_deterministic(tmp_path, rus):
    import docx

    text = "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n\nО внесении изменений\n\nСтатья 1.\nТекст.\n"
    write_docx(text, tmp_path / "a.docx")
    write_docx(text, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    assert [p.text for p in docx.Document(tmp_path / "a.docx").paragraphs][4] == "Статья 1."


# --- the command -------------------------------------------------------------------------------
@pytest.fixture
def bill_cli(sample_dir):
    """`lawpatch bill` on a real patch file for the sample law."""
    from click.testing import CliRunner

    from lawpatch.cli import cli

    root = sample_dir.parent / "repo"
    (root / "laws").mkdir(parents=True)
    sample_dir.rename(root / "laws" / "sample-law")
    patch = root / "bill.xml"
    patch.write_text('''<?xml version="1.0" encoding="UTF-8"?>
<amendment xmlns="urn:lawpatch:amendment:1" id="test" date="2026-11-20">
  <title lang="rus">О внесении изменений в Закон Кыргызской Республики «О внешней миграции»</title>
  <law href="laws/sample-law" base="rus@2025-07-10">
    <repeal at="art_4"/>
  </law>
</amendment>
''', encoding="utf-8")

    def run(*args):
        return CliRunner().invoke(cli, ["bill", str(patch), "--root", str(root), *args])
    return run


def test_command_prints_the_text(bill_cli):
    result = bill_cli()
    assert result.exit_code == 0, result.output
    assert "Статью 4 признать утратившей силу." in result.output


def test_command_writes_docx_and_txt(bill_cli, tmp_path):
    import docx

    assert bill_cli("-o", str(tmp_path / "bill.docx")).exit_code == 0
    paragraphs = [p.text for p in docx.Document(tmp_path / "bill.docx").paragraphs]
    assert "Статью 4 признать утратившей силу." in paragraphs
    assert bill_cli("-o", str(tmp_path / "bill.txt")).exit_code == 0
    assert (tmp_path / "bill.txt").read_text(encoding="utf-8").startswith("ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ")


def test_command_refuses_other_outputs_and_missing_languages(bill_cli, tmp_path):
    result = bill_cli("-o", str(tmp_path / "bill.pdf"))
    assert isinstance(result.exception, UsageError) and "must end in .docx or .txt" in str(result.exception)
    assert not (tmp_path / "bill.pdf").exists()
    result = bill_cli("--lang", "kir")
    assert isinstance(result.exception, BillTextError) and "no <title lang=\"kir\">" in str(result.exception)


def test_kyrgyz_grouped_per_article(kir):
    ops = [Op("repeal", "art_3__para_3"), Op("delete-words", "art_3__para_1", old={"kir": "мыйзам"})]
    assert law_instructions(kir, ops, "kir") == [
        "1) 3-беренеде:",
        "а) 1-бөлүгүндө «мыйзам» деген сөз алып салынсын;",
        "б) 3-бөлүгү күчүн жоготту деп таанылсын.",
    ]


def test_renumber(rus, kir):
    op = Op("renumber", "art_4", new={"rus": "4-1", "kir": "4-1"})
    assert one(rus, op) == "Статью 4 считать статьей 4-1."
    assert one(kir, op, "kir") == "4-берене 4-1-берене болуп эсептелсин."

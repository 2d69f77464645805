"""lawpatch show (a unit by citation or eId, the table of contents) and lawpatch text."""
import pytest

from lawpatch.cli import main
from lawpatch.law import Law
from lawpatch.textrender import law_text

from .conftest import DATA, LAWS

SAMPLE = DATA / "sample-law"


def run(capsys, *args):
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_show_a_part_by_citation(capsys):
    code, out, _ = run(capsys, "show", str(SAMPLE / "rus.xml"), "ч. 2 ст. 3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("eId: art_3__para_2  (") and lines[0].endswith("rus.xml:68)")
    assert lines[1:3] == ["RU:  часть 2 статьи 3", "KY:  3-беренесинин 2-бөлүгү"]
    assert "2. Мигранты имеют право:" in out
    assert "б) через представителя." in out
    assert "3. Ограничения" not in out


def test_show_by_eid_in_the_kyrgyz_text_of_a_folder(capsys):
    code, out, _ = run(capsys, "show", str(SAMPLE), "--lang", "kir", "art_2__indent_1")
    assert code == 0
    assert "RU:  абзац второй статьи 2" in out


def test_show_without_citation_is_the_table_of_contents(capsys):
    code, out, _ = run(capsys, "show", str(SAMPLE))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Статья 1. Основные понятия  [art_1]"
    assert len(lines) == 5 and all(line.endswith("]") for line in lines)


def test_show_unknown_unit_exits_1_with_nearby_units(capsys):
    code, _, err = run(capsys, "show", str(SAMPLE / "rus.xml"), "ч. 9 ст. 3")
    assert code == 1
    assert "статья 3 has no часть 9; статья 3 has: часть 1, часть 2, часть 3" in err


def test_show_missing_law_exits_2(capsys, tmp_path):
    assert run(capsys, "show", str(tmp_path / "nope.xml"))[0] == 2


def test_text_is_the_title_then_one_block_per_unit(capsys):
    code, out, _ = run(capsys, "text", str(SAMPLE / "rus.xml"))
    assert code == 0
    blocks = out.split("\n\n")
    assert blocks[0] == "Закон Кыргызской Республики «О внешней миграции»"
    assert blocks[1].startswith("Статья 1. Основные понятия\nДля целей настоящего Закона")
    assert len(blocks) == 6


def test_text_marks_editorial_notes(sample_dir):
    path = sample_dir / "rus.xml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "<p>Ограничения прав мигрантов устанавливаются законом.</p>",
        '<p>Ограничения прав мигрантов устанавливаются законом.</p><p class="editorial">(В редакции Закона КР от 1 мая 2020 года № 1)</p>'),
        encoding="utf-8")
    law = Law.load(path)
    assert "[ред.] (В редакции Закона КР от 1 мая 2020 года № 1)" in law_text(law)
    assert "В редакции" not in law_text(law, editorial=False)
    assert law.to_bytes() == path.read_bytes()  # rendering leaves the law as it was


def test_road_traffic_part_2_of_article_6(capsys):
    code, out, _ = run(capsys, "show", str(LAWS / "road-traffic" / "rus.xml"), "ч. 2 ст. 6")
    assert code == 0
    assert "eId: art_6__para_2" in out
    assert "\n2. " in out


def test_a_kyrgyz_citation_reads_the_kyrgyz_text_of_a_folder(capsys):
    code, out, _ = run(capsys, "show", str(SAMPLE), "3-беренесинин 2-бөлүгү")
    assert code == 0
    assert "kir.xml:" in out.splitlines()[0]


def test_show_a_unit_whose_number_is_printed_twice(capsys, tmp_path):
    path = tmp_path / "rus.xml"
    path.write_bytes((SAMPLE / "rus.xml").read_bytes().replace(
        b'eId="art_3__para_2__point_3"', b'eId="art_3__para_2__point_2_dup2"'))
    code, out, _ = run(capsys, "show", str(path), "art_3__para_2__point_2_dup2")
    assert code == 0
    assert "RU:  — (" in out and "twin" in out


def test_text_ends_with_the_signature_block():
    text = law_text(Law.load(LAWS / "external-migration" / "rus.xml"))
    assert text.rstrip().endswith("Президент Кыргызской Республики А. Акаев")


@pytest.mark.parametrize("citation, eid", [("18-беренесинин 3-абзацы", "art_18__al_3"),
                                           ("294-берененин 2-абзацы", "art_294__al_2"),
                                           ("1-глава", "part_I__chp_1")])
def test_show_reads_a_kyrgyz_citation_in_the_kyrgyz_text(capsys, citation, eid):
    code, out, _ = run(capsys, "show", str(LAWS / "labour-code"), citation)
    assert code == 0 and out.startswith(f"eId: {eid}  (") and "kir.xml" in out.splitlines()[0]

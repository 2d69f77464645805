"""Citations: drafters' forms → eIds, eIds → RU (six cases) and KY citations, and round trips."""
import pytest

from lawpatch import structure as st
from lawpatch.citations import CitationError, cite, ordinal, resolve
from lawpatch.law import Law, law_files

from .conftest import DATA, LAWS


@pytest.fixture(scope="module")
def law():
    return Law.load(DATA / "sample-law" / "rus.xml")


@pytest.mark.parametrize("text,eid", [
    ("ч. 2 ст. 3", "art_3__para_2"),
    ("часть 2 статьи 3", "art_3__para_2"),
    ("пункт 3 части 2 статьи 3", "art_3__para_2__point_3"),
    ('подпункт "а" пункта 2 части 2 статьи 3', "art_3__para_2__point_2__point_а"),
    ("подпункт «б» п. 2 ч. 2 ст. 3", "art_3__para_2__point_2__point_б"),
    ("пп. б п. 2 ч. 2 ст. 3", "art_3__para_2__point_2__point_б"),
    ("абзац третий статьи 1", "art_1__al_3"),
    ("абзаца третьего статьи 1", "art_1__al_3"),
    ("абзац первый части 2 статьи 3", "art_3__para_2__al_1"),
    ("абзац четвертый статьи 2", "art_2__indent_3"),  # a dash item is cited as an абзац
    ("Статья 3", "art_3"),
    ("ст. 5", "art_5"),
    ("3-берененин 2-бөлүгү", "art_3__para_2"),
    ("3-беренесинин 2-бөлүгүнүн 3-пункту", "art_3__para_2__point_3"),
    ("1-берененин үчүнчү абзацы", "art_1__al_3"),
    ('3-беренесинин 2-бөлүгүнүн 2-пунктунун "а" пунктчасы', "art_3__para_2__point_2__point_а"),
    ("art_2__indent_2", "art_2__indent_2"),
    ("в части 2 статьи 3 настоящего Закона", "art_3__para_2"),
    ("пункт 2 части второй статьи 3", "art_3__para_2__point_2"),  # parts numbered in words
    ("ст. 3 ч. 2 п. 3", "art_3__para_2__point_3"),  # abbreviated, largest first
    ("абз. 3 ст. 1", "art_1__al_3"),
    ("часть 3 статьи 1", "art_1__al_3"),  # older texts: unnumbered paragraphs called «части»
    ("в абзаце третьем статьи 1", "art_1__al_3"),
    ("ушул Мыйзамдын 3-беренесинин 2-бөлүгүндө", "art_3__para_2"),
])
def test_resolve(law, text, eid):
    assert resolve(law, text) == eid


@pytest.mark.parametrize("case,expected", [
    ("nom", 'подпункт "а" пункта 2 части 2 статьи 3'),
    ("gen", 'подпункта "а" пункта 2 части 2 статьи 3'),
    ("dat", 'подпункту "а" пункта 2 части 2 статьи 3'),
    ("acc", 'подпункт "а" пункта 2 части 2 статьи 3'),
    ("ins", 'подпунктом "а" пункта 2 части 2 статьи 3'),
    ("loc", 'подпункте "а" пункта 2 части 2 статьи 3'),
])
def test_cite_russian_cases(law, case, expected):
    assert cite(law, "art_3__para_2__point_2__point_а", "rus", case) == expected


@pytest.mark.parametrize("eid,case,expected", [
    ("art_1__al_4", "nom", "абзац четвертый статьи 1"),
    ("art_1__al_4", "gen", "абзаца четвертого статьи 1"),
    ("art_1__al_4", "ins", "абзацем четвертым статьи 1"),
    ("art_3", "loc", "статье 3"),
    ("art_3__para_2", "acc", "часть 2 статьи 3"),
])
def test_cite_abzats_and_articles(law, eid, case, expected):
    assert cite(law, eid, "rus", case) == expected


@pytest.mark.parametrize("eid,case,expected", [
    ("art_3", "nom", "3-берене"),
    ("art_3__para_2", "nom", "3-беренесинин 2-бөлүгү"),
    ("art_3__para_2__point_3", "nom", "3-беренесинин 2-бөлүгүнүн 3-пункту"),
    ("art_3__para_2__point_3", "gen", "3-беренесинин 2-бөлүгүнүн 3-пунктунун"),
    ("art_1__al_4", "nom", "1-беренесинин төртүнчү абзацы"),
    ("art_1__al_4", "loc", "1-беренесинин төртүнчү абзацында"),
])
def test_cite_kyrgyz(law, eid, case, expected):
    assert cite(law, eid, "kir", case) == expected


def test_points_naming_reads_punkt_as_the_numbered_part(sample_dir):
    path = sample_dir / "rus.xml"
    path.write_text(path.read_text(encoding="utf-8").replace('naming="parts"', 'naming="points"'), encoding="utf-8")
    law = Law.load(path)
    assert resolve(law, "пункт 2 статьи 3") == "art_3__para_2"
    assert resolve(law, "подпункт 3 пункта 2 статьи 3") == "art_3__para_2__point_3"
    assert cite(law, "art_3__para_2__point_3", "rus") == "подпункт 3 пункта 2 статьи 3"
    assert cite(law, "art_3__para_2__point_3", "kir") == "3-беренесинин 2-пунктунун 3-пунктчасы"
    assert round_trip_failures(law) == []


@pytest.mark.parametrize("text,message,hint", [
    ("пункт 7 части 2 статьи 3", "часть 2 статьи 3 has no пункт 7", "пункт 1, пункт 2, пункт 3"),
    ("абзац девятый статьи 1", "статья 1 has no абзац девятый", "абзац четвертый"),
    ("статья 99", "the law has no статья 99", "art_5"),
    ("art_3__para_9", "no unit 'art_3__para_9'", "art_3__para_1"),
])
def test_unknown_unit_says_what_exists_nearby(law, text, message, hint):
    with pytest.raises(CitationError, match=message) as info:
        resolve(law, text)
    assert hint in info.value.hint
    assert "rus.xml" in str(info.value)


def test_unreadable_citation(law):
    with pytest.raises(CitationError, match="cannot read «foo»"):
        resolve(law, "foo статьи 3")


def test_ordinals():
    assert [ordinal(n) for n in (1, 3, 21, 40)] == ["первый", "третий", "двадцать первый", "сороковой"]
    assert ordinal(22, case="gen") == "двадцать второго"
    assert [ordinal(n, "kir") for n in (1, 9, 32, 50)] == ["биринчи", "тогузунчу", "отуз экинчи", "элүүнчү"]


def round_trip_failures(law):
    bad = []
    for el in st.iter_units(law.body):
        eid = el.get("eId")
        if "_dup" in eid:
            continue  # a misprinted duplicate number: cite refuses it (test_citations_are_unique)
        for lang, case in (("rus", "nom"), ("rus", "gen"), ("rus", "loc"), ("kir", "nom")):
            text = cite(law, eid, lang, case)
            if resolve(law, text) != eid:
                bad.append((eid, text))
    return bad


@pytest.mark.parametrize("name", ["rus.xml", "kir.xml"])
def test_round_trip_every_unit_of_the_sample(name):
    assert round_trip_failures(Law.load(DATA / "sample-law" / name)) == []


@pytest.mark.slow
@pytest.mark.parametrize("path", law_files(LAWS) if LAWS.is_dir() else [], ids=str)
def test_round_trip_every_unit_of_the_bundled_laws(path):
    assert round_trip_failures(Law.load(path)) == []


# --- unnumbered parts: a lead-in with its own point list («часть вторая» of an article) -----------
@pytest.fixture(scope="module")
def parts_law():
    from lawpatch.importer import import_file

    return import_file(DATA / "importer" / "restarting-lists.ru.txt").law


@pytest.mark.parametrize("eid, rus, kir", [
    ("art_1__para_u2__point_1", "пункт 1 части второй статьи 1", "1-беренесинин экинчи бөлүгүнүн 1-пункту"),
    ("art_1__para_u2", "часть вторая статьи 1", "1-беренесинин экинчи бөлүгү"),
    ("art_1__para_u1__al_1", "абзац первый части первой статьи 1",
     "1-беренесинин биринчи бөлүгүнүн биринчи абзацы"),
    ("art_1__al_1", "часть третья статьи 1", "1-беренесинин үчүнчү бөлүгү"),  # after the lists
    ("art_1__al_2", "часть четвертая статьи 1", "1-беренесинин төртүнчү бөлүгү"),
    ("art_2__al_2", "абзац второй статьи 2", "2-беренесинин экинчи абзацы"),  # no restart: as before
])
def test_unnumbered_parts_both_ways(parts_law, eid, rus, kir):
    assert cite(parts_law, eid, "rus") == rus
    assert cite(parts_law, eid, "kir") == kir
    assert resolve(parts_law, rus) == resolve(parts_law, kir) == eid


def test_unnumbered_parts_in_the_cases_of_an_amending_law(parts_law):
    assert cite(parts_law, "art_1__para_u2", "rus", "acc") == "часть вторую статьи 1"
    assert cite(parts_law, "art_1__para_u2", "rus", "loc") == "части второй статьи 1"
    assert cite(parts_law, "art_1__para_u2__point_2", "rus", "gen") == "пункта 2 части второй статьи 1"
    assert cite(parts_law, "art_1__para_u2", "kir", "loc") == "1-беренесинин экинчи бөлүгүндө"
    assert resolve(parts_law, "ч. 2 ст. 1") == "art_1__para_u2"
    assert resolve(parts_law, "в пункте 2 части 2 статьи 1") == "art_1__para_u2__point_2"


def test_points_of_unnumbered_parts_are_not_points_of_the_article(parts_law):
    with pytest.raises(CitationError, match="часть первая, часть вторая, часть третья"):
        resolve(parts_law, "пункт 1 статьи 1")


def test_a_duplicate_number_is_not_cited_as_its_twin(law):
    twin = Law.from_bytes(law.to_bytes().replace(b'eId="art_3__para_2__point_3"', b'eId="art_3__para_2__point_2_dup2"'))
    assert cite(twin, "art_3__para_2__point_2") == "пункт 2 части 2 статьи 3"
    with pytest.raises(CitationError, match="twin"):
        cite(twin, "art_3__para_2__point_2_dup2")


def citation_clashes(law) -> list:
    """Units of ``law`` whose citation (in its language, nominative) names another unit too."""
    seen: dict[str, str] = {}
    clashes = []
    for el in st.iter_units(law.body):
        eid = el.get("eId")
        try:
            text = cite(law, eid, law.lang)
        except CitationError:
            continue  # a unit that cannot be told apart: cite refuses rather than naming its twin
        if text in seen:
            clashes.append((seen[text], eid, text))
        seen[text] = eid
    return clashes


@pytest.mark.parametrize("name", ["rus.xml", "kir.xml"])
def test_citations_are_unique_in_the_sample(name):
    assert citation_clashes(Law.load(DATA / "sample-law" / name)) == []


@pytest.mark.parametrize("path", law_files(LAWS) if LAWS.is_dir() else [], ids=str)
def test_citations_are_unique_in_the_bundled_laws(path):
    assert citation_clashes(Law.load(path)) == []


# --- Kyrgyz citations in every form drafters write (the Labour Code's Kyrgyz text) ------------------
@pytest.fixture(scope="module")
def labour_ky():
    return Law.load(LAWS / "labour-code" / "kir.xml")


@pytest.mark.parametrize("text, units, through", [
    ("18-беренесинин 3-абзацы", ("art_18__al_3",), None),
    ("294-берененин 2-абзацы", ("art_294__al_2",), None),
    ("18-беренесинин үчүнчү абзацы", ("art_18__al_3",), None),
    ("ушул Кодекстин 18-беренесинин 3-абзацында", ("art_18__al_3",), None),
    ("18-статьянын 3-абзацы", ("art_18__al_3",), None),                      # the older word for «берене»
    ("126-беренесинин 1, 2-пункттары", ("art_126__point_1", "art_126__point_2"), None),
    ("18-беренесинин экинчи жана үчүнчү абзацтары", ("art_18__al_2", "art_18__al_3"), None),
    ("18-беренесинин экинчи, үчүнчү жана төртүнчү абзацтары", ("art_18__al_2", "art_18__al_3", "art_18__al_4"), None),
    ("18-беренесинин экинчи–төртүнчү абзацтары", ("art_18__al_2",), "art_18__al_4"),
    ("336–348-беренелер", ("art_336",), "art_348"),
    ("II бөлүм", ("part_II",), None),
])
def test_kyrgyz_citations_drafters_write(labour_ky, text, units, through):
    from lawpatch.citations import citation_language, resolve_target

    assert citation_language(text) == "kir"
    named = resolve_target(labour_ky, text)
    assert (named["units"], named["through"]) == (units, through)


def test_a_kyrgyz_heading_and_sentence(labour_ky):
    from lawpatch.citations import resolve_target

    assert resolve_target(labour_ky, "86-беренесинин аталышы")["part"] == "heading"
    named = resolve_target(labour_ky, "18-беренесинин 3-абзацынын экинчи сүйлөмү")
    assert (named["units"], named["part"], named["sentence"]) == (("art_18__al_3",), "sentence", 2)


def test_a_missing_article_is_answered_with_its_nearest_in_the_laws_order():
    from lawpatch.law import Law

    law = Law.load(LAWS / "external-migration" / "rus.xml")
    assert law.nearby_hint("art_999") == ("units at the top level: art_58, art_59, art_60, art_61, art_62, art_63, "
                                          "art_64, art_65")
    assert law.nearby_hint("art_7-5").startswith("units at the top level: art_5, art_5-1, art_5-2, art_6, art_7")

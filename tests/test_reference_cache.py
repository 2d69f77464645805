"""The reference index reads each law file once per version of it (lawpatch.cache): a warm index is
the cold one, a changed file is read again, and no cache at all gives the same answers."""
from __future__ import annotations

import json
import shutil

import pytest

from lawpatch import cache
from lawpatch.references import Index, refs_to

from .conftest import LAWS

SLUGS = ("external-migration", "legal-status-foreign-citizens", "citizenship", "constitution")


@pytest.fixture
def laws(tmp_path):
    for slug in SLUGS:
        shutil.copytree(LAWS / slug, tmp_path / "laws" / slug)
    return tmp_path / "laws"


def everything(index: Index) -> list:
    return [(r.law, r.lang, r.eid, r.line, r.text, r.targets, r.problem) for r in index.references]


def test_a_warm_index_is_the_cold_one_and_reads_no_law(laws, monkeypatch, tmp_path):
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    cold = everything(Index(laws))
    assert len(cold) > 50 and list((tmp_path / "cache" / "references").glob("*.json"))
    import lawpatch.references as refs

    monkeypatch.setattr(refs, "_read_file", lambda path: pytest.fail(f"{path} read again"))
    monkeypatch.setattr(refs, "_LOADED", {})      # a new process: the cache on disk alone
    assert everything(Index(laws)) == cold


def test_a_changed_law_is_read_again(laws, monkeypatch, tmp_path):
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    before = Index(laws).citing("external-migration", {"art_33"})
    law = laws / "citizenship" / "rus.xml"
    text = law.read_text(encoding="utf-8")
    old = "<p>"
    at = text.index(old, text.index("<body>"))
    law.write_text(text[:at] + "<p>В соответствии со статьей 33 Закона Кыргызской Республики «О внешней миграции» "
                   + text[at + len(old):], encoding="utf-8")
    after = Index(laws).citing("external-migration", {"art_33"})
    (new,) = [r for r in after if r not in before]
    assert (new.law, new.text) == ("citizenship", "статьей 33 Закона Кыргызской Республики «О внешней миграции»")


def test_a_law_touched_but_not_changed_is_hashed_not_read(laws, monkeypatch, tmp_path):
    """A checkout, or a copy put back, gives a file a new modification time and inode with the same
    bytes: its references are kept (and its new stamp remembered); one changed byte is read again."""
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    cold = everything(Index(laws))
    import lawpatch.references as refs

    law = laws / "citizenship" / "rus.xml"
    data = law.read_bytes()
    law.unlink()
    law.write_bytes(data)                         # the same bytes, a new file
    monkeypatch.setattr(refs, "_LOADED", {})
    read = []
    real = refs._read_file
    monkeypatch.setattr(refs, "_read_file", lambda path: read.append(path) or real(path))
    assert everything(Index(laws)) == cold and read == []
    monkeypatch.setattr(refs, "_LOADED", {})
    monkeypatch.setattr(refs, "_digest", lambda path: pytest.fail(f"{path} hashed again"))
    assert everything(Index(laws)) == cold        # the new stamp was remembered
    monkeypatch.undo()
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(refs, "_LOADED", {})
    monkeypatch.setattr(refs, "_read_file", lambda path: read.append(path) or real(path))
    law.write_bytes(data.replace(b"</body>", b"</body>\n", 1))
    Index(laws)
    assert read == [str(law)]


def test_without_a_cache_the_answers_are_the_same_and_nothing_is_written(laws, monkeypatch, tmp_path):
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    cached = everything(Index(laws))
    monkeypatch.setenv("LAWPATCH_CACHE", "off")
    assert cache.directory() is None
    assert everything(Index(laws)) == cached


def test_a_damaged_cache_is_read_as_none(laws, monkeypatch, tmp_path):
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    cold = everything(Index(laws))
    for entry in (tmp_path / "cache" / "references").glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    import lawpatch.references as refs

    monkeypatch.setattr(refs, "_LOADED", {})      # a new process: only the damaged file to go by
    assert everything(Index(laws)) == cold
    entry = next((tmp_path / "cache" / "references").glob("*.json"))
    assert json.loads(entry.read_text(encoding="utf-8"))["data"]   # written anew


def test_read_in_two_processes_as_in_one(laws, monkeypatch, tmp_path):
    monkeypatch.setenv("LAWPATCH_CACHE", "off")
    done = []
    assert everything(Index(laws, jobs=2, progress=lambda n, total: done.append((n, total)))) == \
        everything(Index(laws, jobs=1))
    files = len(list(laws.glob("*/rus.xml")) + list(laws.glob("*/kir.xml")))
    assert done == [(n, files) for n in range(1, files + 1)]


def test_an_index_of_a_pinned_folder_is_a_fresh_one_and_reads_the_folder_no_more(laws, monkeypatch, tmp_path):
    """A build pins laws/ (it holds the lock: no law changes): each bill's index shares one reading
    of the folder — the same answers as an index made from nothing, with the laws a bill loaded."""
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    import lawpatch.references as refs
    from lawpatch.law import Law

    queries = [("external-migration", {"art_33", "art_33__point_1"}), ("constitution", {"art_16", "art_19"}),
               ("citizenship", {"art_13"}), ("legal-status-foreign-citizens", {refs.WHOLE})]
    loaded = {"external-migration": {"rus": Law.load(laws / "external-migration" / "rus.xml")}}
    fresh = [Index(laws, laws=loaded).citing(slug, eids) for slug, eids in queries]
    whole = everything(Index(laws))
    assert fresh[0] and fresh[2] and fresh[3]
    with refs.pinned(laws):
        monkeypatch.setattr(refs, "_records", lambda *a: pytest.fail("laws/ read again"))
        assert [Index(laws, laws=loaded).citing(slug, eids) for slug, eids in queries] == fresh
        assert [Index(laws).citing(slug, eids, lang="kir") for slug, eids in queries] == \
            [[r for r in refs_ if r.lang == "kir"] for refs_ in fresh]
        assert everything(Index(laws)) == whole
        index = Index(laws, laws=loaded)
        assert index.law("external-migration") is loaded["external-migration"]["rus"]
        assert Index(laws).law("external-migration") is not index.law("external-migration")  # a bill's own laws
    assert not refs._PINNED


def test_what_cites_a_law_is_kept_resolved_and_equals_what_is_resolved_anew(laws, monkeypatch, tmp_path):
    """The references that name a law, resolved, are kept by the bytes of the citing and the cited
    law files: a check asks for them on every run of an edited bill, its law unchanged."""
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    cold = refs_to(laws / "external-migration", "статья 33").references
    assert len(cold) == 5 and list((tmp_path / "cache" / "citing").glob("*.json"))
    import lawpatch.references as refs

    monkeypatch.setattr(refs, "_resolve", lambda *a: pytest.fail("resolved again"))
    assert refs_to(laws / "external-migration", "статья 33").references == cold
    monkeypatch.undo()
    monkeypatch.setenv("LAWPATCH_CACHE", "off")
    assert refs_to(laws / "external-migration", "статья 33").references == cold


def test_a_changed_cited_law_is_resolved_again(monkeypatch, tmp_path):
    """The citing law (the Labour Code) unchanged, the cited one (the Constitution) renumbered:
    «статьей 30 Конституции» no longer names its article 30 (now 300)."""
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    for slug in ("constitution", "labour-code"):
        shutil.copytree(LAWS / slug, tmp_path / "laws" / slug)
    before = refs_to(tmp_path / "laws" / "constitution", "статья 30").references
    assert ("labour-code", "статьей 30 Конституции Кыргызской Республики") in [(r.law, r.text) for r in before]
    law = tmp_path / "laws" / "constitution" / "rus.xml"
    text = law.read_text(encoding="utf-8")
    assert text.count("<num>Статья 30</num>") == 1
    law.write_text(text.replace("<num>Статья 30</num>", "<num>Статья 300</num>"), encoding="utf-8")
    after = refs_to(tmp_path / "laws" / "constitution", "статья 300").references
    assert "labour-code" not in [r.law for r in after]

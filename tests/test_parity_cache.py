"""``parity`` remembers a law's result by the digests of its two texts and of the glossary's pairs:
a run from the cache gives every finding as the comparison does, named by the paths of this run;
changed texts, another glossary, other code, a damaged cache or none means comparing again."""
from __future__ import annotations

import shutil

import pytest

from lawpatch.glossary import Glossary, Term, load_glossary
from lawpatch.parity import laws
from lawpatch.parity.laws import folder_parity

from .conftest import DATA, LAWS


@pytest.fixture
def counted(monkeypatch, tmp_path):
    """The cache in its own folder, and a count of the comparisons really made."""
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    calls = []
    real = laws.compared

    def compared(rus, kir, glossary=None, folder=""):
        calls.append(folder)
        return real(rus, kir, glossary, folder)
    monkeypatch.setattr(laws, "compared", compared)
    return calls


def full(result) -> dict:
    """Everything of a result, the findings' ``extra`` too (which their equality leaves out)."""
    return {**{k: v for k, v in vars(result).items() if k != "findings"},
            "findings": [f.as_dict() for f in result.findings], "summary": result.summary()}


def computed(monkeypatch, folder, glossary=None) -> dict:
    with monkeypatch.context() as m:
        m.setenv("LAWPATCH_CACHE", "off")
        return full(folder_parity(folder, glossary))


@pytest.fixture
def sample_copy(tmp_path):
    """The sample law (whose two texts agree)."""
    folder = tmp_path / "laws" / "sample-law"
    shutil.copytree(DATA / "sample-law", folder)
    return folder


def test_the_cached_result_is_the_computed_one(counted, monkeypatch):
    folder, glossary = LAWS / "labour-code", load_glossary(LAWS.parent)
    first = full(folder_parity(folder, glossary))
    assert first["findings"] and not first["findings"][0]["extra"]["same_redaction"]
    again = full(folder_parity(folder, glossary))
    assert len(counted) == 1
    assert again == first == computed(monkeypatch, folder, glossary)


def test_the_same_texts_elsewhere_are_named_by_their_new_paths(counted, tmp_path):
    first = folder_parity(LAWS / "labour-code")
    moved = tmp_path / "labour-code"
    shutil.copytree(LAWS / "labour-code", moved)
    again = folder_parity(moved)
    assert len(counted) == 1 and len(again.findings) == len(first.findings)
    assert all(f.file == str(moved / "rus.xml") and f.extra["kir_file"] == str(moved / "kir.xml")
               for f in again.findings)
    assert again.summary() == first.summary().replace(str(LAWS / "labour-code"), str(moved))


def test_a_changed_text_is_compared_again(counted, sample_copy):
    assert folder_parity(sample_copy).findings == []
    kir = sample_copy / "kir.xml"
    text = kir.read_text(encoding="utf-8")
    plain = "Мигранттар Кыргыз Республикасынын мыйзамдарында белгиленген укуктарды пайдаланышат."
    assert plain in text
    kir.write_text(text.replace(plain, "Мигранттар 15 күндүн ичинде укуктарды пайдаланышат.", 1), encoding="utf-8")
    (f,) = folder_parity(sample_copy).findings
    assert f.code == "PARITY.NUMBER" and len(counted) == 2


def test_another_glossary_is_compared_again(counted):
    folder = LAWS / "labour-code"
    folder_parity(folder), folder_parity(folder, Glossary([])), folder_parity(folder, Glossary([]))
    folder_parity(folder, Glossary([Term(("работник",), ("кызматкер",))]))
    assert len(counted) == 3


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"version": "x", "data": {}}', b'["x"]',
                                    b'{"version": "V", "data": {"redaction": ""}}',
                                    b'{"version": "V", "data": {"redaction": "", "compared": 1, "rus_only": 0, '
                                    b'"kir_only": 0, "findings": [{"code": "X", "extra": {}}]}}'])
def test_a_damaged_or_foreign_cache_means_comparing_again(counted, monkeypatch, tmp_path, damage):
    folder = LAWS / "labour-code"
    first = full(folder_parity(folder))
    (entry,) = (tmp_path / "cache" / "parity").glob("*.json")
    entry.write_bytes(damage.replace(b'"V"', f'"{laws._version()}"'.encode()))
    assert full(folder_parity(folder)) == first and len(counted) == 2


def test_other_code_compares_again(counted, monkeypatch):
    folder_parity(LAWS / "labour-code")
    monkeypatch.setattr(laws, "_version", lambda: "other code")
    folder_parity(LAWS / "labour-code")
    assert len(counted) == 2


def test_without_a_cache_every_run_compares(counted, monkeypatch, tmp_path):
    monkeypatch.setenv("LAWPATCH_CACHE", "off")
    folder_parity(LAWS / "labour-code"), folder_parity(LAWS / "labour-code")
    assert len(counted) == 2 and not (tmp_path / "cache").exists()

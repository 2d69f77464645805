"""A law a bill amends is validated once per change of its text (validate.known_errors): the verdict
"valid" is remembered by the digest of the bytes, never for a law with errors, and a changed text,
other code, a damaged cache or no cache at all means validating again."""
from __future__ import annotations

import shutil

import pytest

from lawpatch import validate
from lawpatch.law import Law
from lawpatch.patch import check_bill, load_bill

from .conftest import DATA, snapshot
from .test_patch_apply import EVERY


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(DATA / "sample-law", tmp_path / "laws" / "sample-law")
    return tmp_path


@pytest.fixture
def counted(monkeypatch, tmp_path):
    """The cache in its own folder, and a count of the real validations."""
    monkeypatch.setenv("LAWPATCH_CACHE", str(tmp_path / "cache"))
    calls = []
    real = validate.law_errors

    def law_errors(law):
        calls.append(law.source)
        return real(law)
    monkeypatch.setattr(validate, "law_errors", law_errors)
    return calls


def known(data: bytes) -> list:
    return validate.known_errors(Law.from_bytes(data, "rus.xml"), data)


SAMPLE = (DATA / "sample-law" / "rus.xml").read_bytes()


def test_a_valid_law_is_validated_once(counted, tmp_path):
    assert known(SAMPLE) == [] and known(SAMPLE) == []
    assert len(counted) == 1 and list((tmp_path / "cache" / "valid").glob("*.json"))


def test_a_changed_text_is_validated_again(counted):
    known(SAMPLE)
    changed = SAMPLE.replace(b"</body>", b"</body>\n", 1)
    assert changed != SAMPLE and known(changed) == []
    assert len(counted) == 2


def test_a_law_with_errors_is_never_remembered(counted):
    article = SAMPLE.index(b'eId="art_1"')
    broken = SAMPLE[:article] + b'eId="art_99"' + SAMPLE[article + len(b'eId="art_1"'):]
    first = known(broken)
    assert first and [f.code for f in first] == [f.code for f in known(broken)]
    assert len(counted) == 2


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"version": "x", "data": {"valid": true}}',
                                    b'["valid"]'])
def test_a_damaged_or_foreign_cache_means_validating_again(counted, tmp_path, damage):
    known(SAMPLE)
    (entry,) = (tmp_path / "cache" / "valid").glob("*.json")
    entry.write_bytes(damage)
    assert known(SAMPLE) == [] and len(counted) == 2


def test_other_code_validates_again(counted, monkeypatch):
    known(SAMPLE)
    monkeypatch.setattr(validate, "_verdict_version", lambda: "other code")
    assert known(SAMPLE) == [] and len(counted) == 2


def test_without_a_cache_every_run_validates(counted, monkeypatch, tmp_path):
    monkeypatch.setenv("LAWPATCH_CACHE", "off")
    known(SAMPLE), known(SAMPLE)
    assert len(counted) == 2 and not (tmp_path / "cache").exists()


def test_a_law_damaged_after_a_valid_check_is_refused(repo, counted):
    """The verdict follows the content: the same file, valid once, then given a duplicate eId."""
    assert not [f for f in check_bill(load_bill(EVERY), root=repo) if f.severity == "error"]
    law = repo / "laws" / "sample-law" / "rus.xml"
    text = law.read_text(encoding="utf-8")
    law.write_text(text.replace('eId="art_2"', 'eId="art_1"', 1), encoding="utf-8")
    before = snapshot(repo)
    codes = {f.code for f in check_bill(load_bill(EVERY), root=repo) if f.severity == "error"}
    assert codes and all(c.startswith("VALIDATE.") for c in codes) and snapshot(repo) == before


def test_a_bill_checked_again_validates_nothing_again(repo, counted):
    """The law as amended is validated as a base law is, and its verdict kept: the same check run
    again (a drafter's habit) reads both verdicts from the cache."""
    check_bill(load_bill(EVERY), root=repo)
    assert len(counted) == 4           # each language: the base law, then the law as the bill makes it
    check_bill(load_bill(EVERY), root=repo)
    assert len(counted) == 4


def test_a_law_written_by_apply_is_not_validated_again(repo, counted):
    """What apply writes is the result check validated: the next bill's run reads it as valid."""
    from lawpatch.patch.apply import apply_bills, write_applied

    write_applied(apply_bills([load_bill(EVERY)], root=repo), repo)
    assert len(counted) == 4
    codes = {f.code for f in check_bill(load_bill(EVERY), root=repo)}
    assert "CHECK.ALREADY_APPLIED" in codes and len(counted) == 4   # read as a valid base: not validated


def test_a_result_remembered_valid_is_not_read_back_again(repo, counted, monkeypatch, tmp_path):
    """The verdict is only kept after the bytes were read back and validated: the same bytes again
    need neither (each language's base law is still read: the ops run on it)."""
    check_bill(load_bill(EVERY), root=repo)         # the caches filled (references too)
    shutil.rmtree(tmp_path / "cache" / "valid")
    reads = []
    real = Law.from_bytes.__func__

    def from_bytes(cls, data, source="<law>"):
        reads.append(source)
        return real(cls, data, source)
    monkeypatch.setattr(Law, "from_bytes", classmethod(from_bytes))
    check_bill(load_bill(EVERY), root=repo)
    assert len(reads) == 4 and len(counted) == 8    # each language: its base, its result read back
    check_bill(load_bill(EVERY), root=repo)
    assert len(reads) == 6 and len(counted) == 8    # the bases alone

"""Findings as data: what ``Finding.as_dict`` gives is what :func:`dataclasses.asdict` gives."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from lawpatch.errors import Finding


@dataclass
class _Span:
    start: int
    end: int


def test_as_dict_is_asdict_without_an_empty_extra():
    extra = {"rus": ["30"], "rus_at": [[1, 3]], "pair": ("a", "b"), "span": _Span(1, 2), "same_redaction": False}
    f = Finding("PARITY.NUMBER", "numbers differ", file="laws/x/rus.xml", line=5, unit="art_1", extra=extra)
    assert f.as_dict() == asdict(f)
    assert f.as_dict()["extra"]["span"] == {"start": 1, "end": 2}
    f.as_dict()["extra"]["rus"].append("31")              # a copy: the finding keeps its values
    assert f.extra["rus"] == ["30"]
    plain = Finding("CHECK.X", "m")
    assert plain.as_dict() == {k: v for k, v in asdict(plain).items() if k != "extra"}


def test_portable_findings_come_back_with_the_paths_of_this_run():
    """What a cache keyed by content keeps: the files by their places, given back renamed."""
    from lawpatch.errors import portable, restored

    f = Finding("PARITY.NUMBER", "numbers differ", file="a/rus.xml", line=3, severity="warning",
                extra={"kir_file": "a/kir.xml", "rus": ["30"], "rus_at": [[1, 2]]})
    kept = portable([f], ["a/rus.xml", "a/kir.xml"])
    assert "a/" not in repr(kept)
    (back,) = restored(kept, ["b/rus.xml", "b/kir.xml"])
    assert back.as_dict() == {**f.as_dict(), "file": "b/rus.xml", "extra": {**f.extra, "kir_file": "b/kir.xml"}}
    assert restored(kept, ["a/rus.xml", "a/kir.xml"]) == [f] and restored(kept, ["a/rus.xml", "a/kir.xml"])[0].extra == f.extra


def test_a_finding_naming_a_path_in_its_text_is_not_portable():
    from lawpatch.errors import portable

    named = Finding("VALIDATE.NOT_AKN", "a/rus.xml is not Akoma Ntoso", file="a/rus.xml")
    elsewhere = Finding("VALIDATE.X", "about another file", file="c/rus.xml")
    assert portable([named], ["a/rus.xml"]) is None and portable([elsewhere], ["a/rus.xml"]) is None

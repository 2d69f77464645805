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

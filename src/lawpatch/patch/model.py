"""The bill model: what a patch file says, as frozen dataclasses.

Per-language texts are ``{lang: text}`` maps (``old``, ``new``, ``text``, ``heading`` and, for
insert-words, ``after``/``before``). For ``insert`` the anchor is ``at`` with ``position``
"after", "before" or "at" (at the end of the unit); ``after``/``before`` then hold that eId.
"""
from __future__ import annotations

from dataclasses import dataclass, field

OP_KINDS = ("replace-words", "insert-words", "delete-words", "restate", "restate-heading",
            "insert", "delete", "repeal", "renumber")
WORD_KINDS = ("replace-words", "insert-words", "delete-words")


@dataclass(frozen=True)
class Reason:
    treaty: str
    article: str


@dataclass(frozen=True)
class Op:
    kind: str
    line: int
    at: str
    cite: str | None = None
    lang: str | None = None
    reasons: tuple[Reason, ...] = ()
    old: dict = field(default_factory=dict)
    new: dict = field(default_factory=dict)
    text: dict = field(default_factory=dict)
    heading: dict = field(default_factory=dict)
    after: object = None      # insert: the anchor eId; insert-words: {lang: words}
    before: object = None
    position: str | None = None   # insert: "after" | "before" | "at"
    occurrence: int | None = None
    to: str | None = None     # renumber: the new number
    note: str | None = None

    def texts(self, field_name: str) -> dict:
        value = getattr(self, field_name)
        return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class LawAmendment:
    href: str
    base: str
    ops: tuple[Op, ...]
    line: int


@dataclass(frozen=True)
class Bill:
    id: str
    date: str
    number: str
    titles: dict
    path: str
    laws: tuple[LawAmendment, ...]
    notes: dict = field(default_factory=dict)

    @property
    def uri(self) -> str:
        return f"/akn/kg/bill/{self.id}"

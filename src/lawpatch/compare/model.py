"""The data the comparison engine returns and every renderer (terminal diff, JSON, comparison
table, redline) reads. Plain frozen data: no lxml, no rendering decisions."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SegmentOp = Literal["equal", "delete", "insert"]
ChangeKind = Literal["changed", "inserted", "deleted", "repealed", "heading", "renumbered", "layout"]


@dataclass(frozen=True)
class Segment:
    """A run of words: unchanged, only in the old text, or only in the new text."""

    op: SegmentOp
    text: str


@dataclass(frozen=True)
class UnitChange:
    """One changed unit — one row of a comparison table.

    ``old_text`` / ``new_text`` are the unit as printed (``structure.unit_lines`` joined with
    "\\n": number, heading and text, sub-units included), empty where the unit does not exist on
    that side. ``segments`` is the word diff of old_text → new_text (joined: equal+delete gives
    old_text, equal+insert gives new_text).
    """

    kind: ChangeKind
    old_eid: str | None
    new_eid: str | None
    old_text: str
    new_text: str
    segments: tuple[Segment, ...]
    article_eid: str | None = None        # the article the unit belongs to (context)
    article_label: str = ""               # «Статья 5. Заголовок» as printed (new side, else old)
    citation: str = ""                    # «часть 2 статьи 5» in the law's language
    reasons: tuple[str, ...] = ()         # «МКЗТМ, ст. 4» — filled when built from a patch
    unit_name: str = ""                   # «пункт», «статья» (lawpatch.vocabulary): its gender words the row

    @property
    def eid(self) -> str:
        return self.new_eid or self.old_eid or ""


@dataclass(frozen=True)
class LawComparison:
    """All changes between two expressions of one law (one language)."""

    lang: str
    title: str                             # the law's name as used in the table heading
    old_expression: str                    # FRBR expression URIs
    new_expression: str
    changes: tuple[UnitChange, ...] = field(default_factory=tuple)
    renumbered: tuple[tuple[str, str], ...] = ()   # (old eId, new eId) followed through
    # blocks split or joined with the same words (kind «layout»): not changes, so not in the table,
    # but shown by ``lawpatch diff`` and counted in the summary, so that import errors stay visible
    layout: tuple[UnitChange, ...] = ()

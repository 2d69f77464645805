"""The bill model: what a patch file says, as immutable values.

An :class:`Op` is one instruction of an amending law. Its kind is an enumeration, its texts are
per-language values (:class:`Texts`), and it is validated when built: an op that a KR drafter could
not mean (an insert without text, a renumber without a number, words in a heading of the act's
title…) cannot exist; building one raises :class:`Refusal`, which carries the finding code.
Ops are hashable, so the engine keys its tables by the op itself.

Where an op acts (:class:`Target`):
- ``units``: the eIds of the units (one; several for «в абзацах втором и третьем»); empty with
  ``scope`` ACT for the whole text of the act («по всему тексту Кодекса»), or TITLE for the act's title;
- ``through``: the last unit of a range of siblings («в статьях 336–348»: units=("art_336",),
  through="art_348");
- ``part``: the unit's text (default), its heading («в наименовании статьи 86») or one sentence
  («второе предложение пункта 1 статьи 85»: part SENTENCE, sentence=2).
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Iterator, Mapping, NamedTuple

from ..errors import Refusal


class Kind(enum.Enum):
    REPLACE_WORDS = "replace-words"
    INSERT_WORDS = "insert-words"
    DELETE_WORDS = "delete-words"
    RESTATE = "restate"
    RESTATE_HEADING = "restate-heading"
    INSERT = "insert"
    DELETE = "delete"
    REPEAL = "repeal"
    RENUMBER = "renumber"

    @property
    def is_words(self) -> bool:
        return self in (Kind.REPLACE_WORDS, Kind.INSERT_WORDS, Kind.DELETE_WORDS)

    @property
    def takes_whole_unit(self) -> bool:
        """Restate, delete and repeal take the unit's whole content: nothing else may act inside it."""
        return self in (Kind.RESTATE, Kind.DELETE, Kind.REPEAL)

    def __str__(self) -> str:
        return self.value


class Scope(enum.Enum):
    UNITS = "units"      # the units named (one, a list, or a range)
    ACT = "act"          # the whole text of the act
    TITLE = "title"      # the act's title


class Part(enum.Enum):
    TEXT = "text"
    HEADING = "heading"
    SENTENCE = "sentence"


class Position(enum.Enum):
    AFTER = "after"
    BEFORE = "before"
    END = "at"           # at the end of the unit («статью 12 дополнить частью 4»)


ALL = "all"              # occurrence: every one («во всех случаях»)
LANGS = ("rus", "kir")


@dataclass(frozen=True)
class Texts(Mapping):
    """Per-language texts, immutable and hashable: ``Texts.of(rus="…", kir="…")``."""

    items: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, mapping: Mapping[str, str] | None = None, **by_lang: str) -> "Texts":
        merged = dict(mapping or {}, **by_lang)
        for lang in merged:
            if lang not in LANGS:
                raise Refusal("PATCH.LANGUAGE", f"unknown language {lang!r} (rus or kir)")
        return cls(tuple(sorted((k, v) for k, v in merged.items() if v is not None)))

    def __getitem__(self, lang: str) -> str:
        for k, v in self.items:
            if k == lang:
                return v
        raise KeyError(lang)

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __hash__(self) -> int:
        return hash(self.items)

    def __eq__(self, other) -> bool:
        if isinstance(other, Texts):
            return self.items == other.items
        return isinstance(other, Mapping) and dict(self.items) == dict(other)


class Reason(NamedTuple):
    """Why an op is made: the treaty article it carries out."""

    treaty: str
    article: str


@dataclass(frozen=True)
class Target:
    """Where an op acts (see the module's docstring)."""

    units: tuple[str, ...] = ()
    through: str | None = None
    scope: Scope = Scope.UNITS
    part: Part = Part.TEXT
    sentence: int | None = None

    def __post_init__(self):
        if self.scope is Scope.UNITS and not self.units:
            raise Refusal("PATCH.TARGET", "no unit to act on", 'give at="eId" (or scope="act" for the whole text)')
        if self.scope is not Scope.UNITS and (self.units or self.through):
            raise Refusal("PATCH.TARGET", f"scope {self.scope.value!r} names no units", "drop at/through")
        if self.through is not None and len(self.units) != 1:
            raise Refusal("PATCH.TARGET", "a range runs from one unit to another", 'at="art_336" through="art_348"')
        if len(set(self.units)) != len(self.units):
            raise Refusal("PATCH.TARGET", "a unit is named twice in the list")
        if (self.part is Part.SENTENCE) != (self.sentence is not None):
            raise Refusal("PATCH.TARGET", "a sentence is named by its number", 'part="sentence" with sentence="2"')
        if self.sentence is not None and not 1 <= self.sentence <= 999:
            raise Refusal("PATCH.TARGET", f"no sentence {self.sentence}", "sentences count from 1")
        if self.part is not Part.TEXT and (len(self.units) != 1 or self.through):
            raise Refusal("PATCH.TARGET", f"a {self.part.value} belongs to one unit", "name one unit")

    @property
    def unit(self) -> str:
        """The one unit (or the first of a list or range); "" for the act or its title."""
        return self.units[0] if self.units else ""

    @property
    def is_many(self) -> bool:
        return self.scope is Scope.ACT or len(self.units) > 1 or self.through is not None


@dataclass(frozen=True)
class Op:
    """One instruction of the bill (see the module's docstring); built only valid."""

    kind: Kind
    target: Target
    line: int = 0
    cite: str | None = None
    lang: str | None = None               # the op acts on one language version only
    reasons: tuple[Reason, ...] = ()
    note: str | None = None
    old: Texts = Texts()                  # replace-words, delete-words
    new: Texts = Texts()                  # replace-words, insert-words
    anchor: Texts = Texts()               # insert-words: the words to insert after / before
    text: Texts = Texts()                 # restate, insert
    heading: Texts = Texts()              # restate-heading
    position: Position | None = None      # insert (after / before / at the end of target.unit); insert-words
    occurrence: int | str | None = None   # word ops: N, ALL, or None (the words occur once)
    case_forms: bool = False              # replace-words: «в различных падежных формах»
    forms: tuple[tuple[str, str, str], ...] = ()   # (lang, old form, new form) given by the drafter
    to: str | None = None                 # renumber: the new number («4», «2-1», «б»)
    expect: Texts = Texts()               # the target's text at the base (a content anchor)

    def __post_init__(self):
        if not isinstance(self.kind, Kind):
            raise Refusal("PATCH.KIND", f"unknown op kind {self.kind!r}")
        if self.lang is not None and self.lang not in LANGS:
            raise Refusal("PATCH.LANGUAGE", f"unknown language {self.lang!r} (rus or kir)")
        k, t = self.kind, self.target
        needs = {Kind.REPLACE_WORDS: ("old", "new"), Kind.INSERT_WORDS: ("anchor", "new"),
                 Kind.DELETE_WORDS: ("old",), Kind.RESTATE: ("text",), Kind.RESTATE_HEADING: ("heading",),
                 Kind.INSERT: ("text",)}.get(k, ())
        for name in needs:
            if not getattr(self, name):
                what = {"anchor": "<after> or <before> words"}.get(name, f"<{name}>")
                raise Refusal("PATCH.TEXT_MISSING", f"{k} needs {what}", f"give {what} in each language")
        for name in ("old", "new", "anchor", "text", "heading"):
            if getattr(self, name) and name not in needs:
                raise Refusal("PATCH.TEXT_UNUSED", f"{k} takes no <{name}>", f"drop <{name}>")
        if self.occurrence is not None:
            if not k.is_words:
                raise Refusal("PATCH.OCCURRENCE", f"{k} takes no occurrence")
            if self.occurrence != ALL and not (isinstance(self.occurrence, int) and 1 <= self.occurrence <= 9999):
                raise Refusal("PATCH.OCCURRENCE", f"occurrence {self.occurrence!r} is not a count",
                                'occurrence="N" (1 … 9999) or occurrence="all"')
        if (self.case_forms or self.forms) and k is not Kind.REPLACE_WORDS:
            raise Refusal("PATCH.CASE_FORMS", "case forms belong to replace-words",
                            "«слово … в различных падежных формах заменить …»")
        if self.forms and not self.case_forms:
            raise Refusal("PATCH.CASE_FORMS", "forms are given for a case-forms replacement", 'add forms="cases"')
        if t.is_many and not k.is_words:
            raise Refusal("PATCH.TARGET", f"{k} acts on one unit; several units or the whole act take word ops",
                            "one op per unit")
        if t.part is Part.HEADING and not k.is_words:
            raise Refusal("PATCH.TARGET", f"{k} does not act on words of a heading",
                            "restate-heading restates it; word ops change its words")
        if t.part is Part.SENTENCE and k not in (Kind.RESTATE, Kind.DELETE) and not k.is_words:
            raise Refusal("PATCH.TARGET", f"{k} does not act on a sentence", "restate or delete a sentence")
        if t.scope is Scope.TITLE and k not in (Kind.RESTATE,) and not k.is_words:
            raise Refusal("PATCH.TARGET", f"{k} does not act on the act's title")
        if k is Kind.INSERT:
            if self.position is None:
                raise Refusal("PATCH.POSITION", "insert needs after=, before= or at=")
        elif k is Kind.INSERT_WORDS:
            if self.position not in (Position.AFTER, Position.BEFORE):
                raise Refusal("PATCH.POSITION", "insert-words needs <after> or <before> words")
        elif self.position is not None:
            raise Refusal("PATCH.POSITION", f"{k} takes no position")
        if k is Kind.RENUMBER:
            if not self.to or not re.fullmatch(r"[0-9]+(?:-[0-9]+)*|[а-яё]", self.to):
                raise Refusal("PATCH.NUMBER", f"renumber to {self.to!r}: not a unit number", 'to="4", to="2-1", to="б"')
        elif self.to is not None:
            raise Refusal("PATCH.NUMBER", f"{k} takes no new number")

    # --- convenience ------------------------------------------------------------------------
    @property
    def at(self) -> str:
        """The unit the op names first (the insert's anchor); "" for the act or its title."""
        return self.target.unit

    def langs(self) -> tuple[str, ...]:
        """The languages the op carries text for (all of :data:`LANGS` for ops without text)."""
        found = set()
        for name in ("old", "new", "anchor", "text", "heading"):
            found |= set(getattr(self, name))
        return tuple(lang for lang in LANGS if lang in found) if found else LANGS

    def applies_to(self, lang: str) -> bool:
        return self.lang in (None, lang)

    def where(self) -> str:
        """«art_5__para_2», «art_336–art_348», «the act», «the title» — for messages."""
        t = self.target
        if t.scope is Scope.ACT:
            return "the whole act"
        if t.scope is Scope.TITLE:
            return "the act's title"
        where = f"{t.units[0]}–{t.through}" if t.through else ", ".join(t.units)
        if t.part is Part.HEADING:
            where += " (heading)"
        elif t.part is Part.SENTENCE:
            where += f" (sentence {t.sentence})"
        return where


@dataclass(frozen=True)
class LawAmendment:
    """The ops of a bill on one law (``laws/<slug>``), written against its expression ``base``."""

    href: str
    base: str
    ops: tuple[Op, ...]
    line: int
    publication: str = ""       # the amended act's publication, as the bill cites it


class Adoption(NamedTuple):
    """The bill once adopted: the law's date and number and where it was published."""

    date: str
    number: str
    publication: str = ""


@dataclass(frozen=True)
class InForce:
    """When the amending law enters into force: ``days`` after its official publication (0: on
    publication) or on ``date``; ``deferred`` gives the article amending one act its own date
    (``(href, date)``: «Статья 2 вступает в силу с 1 января 2027 года»)."""

    days: int | None = 10
    date: str | None = None
    deferred: tuple[tuple[str, str], ...] = ()

    def __post_init__(self):
        if (self.days is None) == (self.date is None):
            raise Refusal("PATCH.IN_FORCE", "entry into force is a number of days after publication or a date")
        if self.days is not None and not 0 <= self.days <= 366:
            raise Refusal("PATCH.IN_FORCE", f"{self.days} days: 0 (on publication) … 366")


@dataclass(frozen=True)
class Bill:
    """A patch file read: its id, titles, the laws it amends with their ops, entry into force, adoption."""

    id: str
    date: str
    titles: Texts
    path: str
    laws: tuple[LawAmendment, ...]
    notes: Texts = Texts()
    in_force: InForce = InForce()
    adoption: Adoption | None = None         # None: a draft («Проект»)

    @property
    def is_draft(self) -> bool:
        return self.adoption is None

    @property
    def number(self) -> str:
        """The amending law's number once adopted ("" for a draft)."""
        return self.adoption.number if self.adoption else ""

    @property
    def uri(self) -> str:
        return f"/akn/kg/bill/{self.id}"


__all__ = ["ALL", "LANGS", "Adoption", "Bill", "InForce", "Kind", "LawAmendment", "Op", "Part", "Position",
           "Reason", "Scope", "Target", "Texts"]

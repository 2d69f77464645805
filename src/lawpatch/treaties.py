"""The registry of international instruments (``treaties/<id>.xml``, schema ``treaty.xsd``): titles,
the Kyrgyz Republic's status with its source, and the articles that matter for migration law with a
paraphrase, topic tags and the terms they define (docs/treaties.md)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .errors import Finding, FindingsError, LawpatchError
from .resources import project_file
from .xmlio import TREATY_NS, XmlError, parse

T = "{%s}" % TREATY_NS
STATUS_RU = {"ratified": "ратифицирован", "acceded": "присоединение", "party": "участник",
             "signed": "подписан", "not-party": "не участвует", "unknown": "неизвестно"}


@dataclass(frozen=True)
class Term:
    """A term a treaty defines."""

    name: str
    definition: str
    also: tuple[str, ...] = ()   # the names national laws give the same notion

    def names(self) -> tuple[str, ...]:
        return (self.name,) + self.also


@dataclass(frozen=True)
class Article:
    """A treaty's article as the registry describes it."""

    number: str
    summary: str
    tags: tuple[str, ...]
    terms: tuple[Term, ...] = ()
    obligation: bool = True      # a duty a national law must carry out (not scope or definitions)


@dataclass(frozen=True)
class Status:
    """The Kyrgyz Republic and the instrument: ``status`` as the source says it, never a guess."""

    status: str                  # ratified | acceded | party | signed | not-party | unknown
    date: str = ""
    act: str = ""
    source: str = ""
    note: str = ""

    @property
    def binding(self) -> bool:
        return self.status in ("ratified", "acceded", "party")

    def describe(self) -> str:
        """«присоединение, 1996», «неизвестно»."""
        return ", ".join(x for x in (STATUS_RU[self.status], self.date, self.act) if x)


@dataclass(frozen=True)
class Treaty:
    """An international treaty of the registry (``treaties/<id>.xml``)."""

    id: str
    adopted: str
    kind: str
    titles: dict
    articles: dict               # number -> Article, in the file's order
    kr: Status
    path: str = ""

    @property
    def binding_text(self) -> bool:
        """A legally binding instrument (a compact or declaration is not)."""
        return self.kind != "compact"

    def title(self, lang: str = "rus") -> str:
        return self.titles.get(lang) or self.titles.get("rus") or self.id


class Registry:
    def __init__(self, treaties: dict[str, Treaty]):
        self.treaties = treaties

    def __contains__(self, tid: str) -> bool:
        return tid in self.treaties

    def problem(self, treaty: str, article: str) -> str | None:
        """Why a reason cannot be cited, or None."""
        t = self.treaties.get(treaty)
        if t is None:
            return f"unknown treaty {treaty!r}"
        if article not in t.articles:
            return f"article {article} of {treaty} is not in the registry"
        return None

    def article(self, treaty: str, article: str) -> Article:
        """The article, or a :class:`TreatyError` naming what the registry has."""
        problem = self.problem(treaty, article)
        if problem:
            raise TreatyError(f"{problem}; {self.hint(treaty)}")
        return self.treaties[treaty].articles[article]

    def describe(self, treaty: str, articles, lang: str) -> str:
        """Reasons from one treaty as the «Обоснование» column prints them: «<title> (1990),
        ст. 4, 44» (KY «… 4, 44-беренелер»); the treaty's id where the registry does not know it."""
        t = self.treaties.get(treaty)
        name = treaty
        if t is not None:
            title = t.title(lang)
            name = f"{title} ({t.adopted[:4]})" if t.adopted else title
        articles = sorted((a for a in articles if a), key=article_key)
        if not articles:
            return name
        numbers = ", ".join(articles)
        if lang == "kir":
            return f"{name}, {numbers}-{'беренелер' if len(articles) > 1 else 'берене'}"
        return f"{name}, ст. {numbers}"

    def describe_all(self, reasons, lang: str) -> tuple[str, ...]:
        """Reasons (treaty, article) as the «Обоснование» column prints them: one line per treaty,
        its articles together, in the order the treaties first appear."""
        found: dict[str, list[str]] = {}
        for r in reasons:
            articles = found.setdefault(r.treaty, [])
            if r.article not in articles:
                articles.append(r.article)
        return tuple(self.describe(t, articles, lang) for t, articles in found.items())

    def hint(self, treaty: str) -> str:
        t = self.treaties.get(treaty)
        if t is None:
            return "known treaties: " + ", ".join(sorted(self.treaties))
        if not t.articles:
            return f"the registry has no articles of {treaty} (its text was not at hand)"
        return f"articles of {treaty} in the registry: " + ", ".join(t.articles)

    def terms(self):
        """(treaty, article, term) for every term the registry's articles define."""
        for t in self.treaties.values():
            for a in t.articles.values():
                for term in a.terms:
                    yield t, a, term


class TreatyError(LawpatchError):
    """An unknown treaty or article named on the command line."""


def article_key(number: str) -> tuple:
    """«2» < «13» < «13-1»: article numbers in numeric order."""
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("-"))


def _text(el, tag: str) -> str:
    found = el.find(T + tag)
    return " ".join((found.text or "").split()) if found is not None else ""


def load_treaty(path: Path) -> Treaty:
    """One registry file, validated; a file that is not valid raises :class:`FindingsError` with
    every schema error and its line (code ``TREATY.SCHEMA``, ``TREATY.XML`` when unreadable)."""
    from .schemas import schema_findings

    try:
        tree = parse(path)
    except XmlError as exc:
        raise FindingsError([exc.finding("TREATY.XML")]) from exc
    errors = schema_findings(tree, str(path), "treaty.xsd", code="TREATY.SCHEMA")
    root = tree.getroot()
    if not errors and root.get("id") != Path(path).stem:
        errors = [Finding("TREATY.ID", f"the id {root.get('id')!r} is not the file's name", file=str(path),
                          line=root.sourceline, hint=f"name the file {root.get('id')}.xml or change the id")]
    if errors:
        raise FindingsError(errors)
    kr = root.find(T + "kr")
    articles = {}
    for a in root.findall(T + "article"):
        terms = tuple(Term(t.get("name"), " ".join((t.text or "").split()),
                           tuple(x.strip() for x in (t.get("also") or "").split("|") if x.strip()))
                      for t in a.findall(T + "term"))
        articles[a.get("number")] = Article(a.get("number"), _text(a, "summary"), tuple(a.get("tags").split()),
                                            terms, a.get("obligation", "true") in ("true", "1"))
    return Treaty(id=root.get("id"), adopted=root.get("adopted"), kind=root.get("kind"),
                  titles={t.get("lang"): " ".join(t.text.split()) for t in root.findall(T + "title")},
                  articles=articles,
                  kr=Status(kr.get("status"), kr.get("date") or "", kr.get("act") or "", kr.get("source") or "",
                            _text(kr, "note")),
                  path=str(path))


@functools.lru_cache(maxsize=8)
def _load_dir(folder: str) -> Registry:
    return Registry({t.id: t for t in map(load_treaty, sorted(Path(folder).glob("*.xml")))})


def load_registry(root=".") -> Registry:
    """The registry in ``root/treaties``, or the project's own when the root has none."""
    folder = Path(root) / "treaties"
    return _load_dir(str((folder if folder.is_dir() else project_file("treaties")).resolve()))

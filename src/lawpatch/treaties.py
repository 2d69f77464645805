"""The registry of international instruments a bill's reasons cite (``treaties/<id>.xml``)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .errors import FindingsError
from .resources import project_file
from .xmlio import TREATY_NS, parse

T = "{%s}" % TREATY_NS


@dataclass(frozen=True)
class Treaty:
    id: str
    adopted: str
    titles: dict
    articles: dict  # number -> short title (RU)
    kr: tuple | None = None  # (event, date) for the Kyrgyz Republic, where known


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

    def describe(self, treaty: str, articles, lang: str) -> str:
        """Reasons from one treaty as the «Обоснование» column prints them: «<title> (1990),
        ст. 4, 44» (KY «… 4, 44-беренелер»); the treaty's id where the registry does not know it."""
        t = self.treaties.get(treaty)
        name = treaty
        if t is not None:
            title = t.titles.get(lang) or t.titles.get("rus") or treaty
            name = f"{title} ({t.adopted[:4]})" if t.adopted else title
        articles = sorted((a for a in articles if a), key=_article_key)
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
        return f"articles of {treaty} in the registry: " + ", ".join(t.articles)


def _article_key(number: str) -> tuple:
    """«2» < «13» < «13-1»: article numbers in numeric order."""
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("-"))


def load_treaty(path: Path) -> Treaty:
    from .patch.load import schema_findings

    tree = parse(path)
    errors = schema_findings(tree, str(path), "treaty.xsd", code="TREATY.SCHEMA")
    if errors:
        raise FindingsError(errors)
    root = tree.getroot()
    kr = root.find(T + "kr")
    return Treaty(id=root.get("id"), adopted=root.get("adopted"),
                  titles={t.get("lang"): t.text for t in root.findall(T + "title")},
                  articles={a.get("number"): a.text or "" for a in root.findall(T + "article")},
                  kr=(kr.get("event"), kr.get("date")) if kr is not None else None)


@functools.lru_cache(maxsize=8)
def _load_dir(folder: str) -> Registry:
    return Registry({t.id: t for t in map(load_treaty, sorted(Path(folder).glob("*.xml")))})


def load_registry(root=".") -> Registry:
    """The registry in ``root/treaties``, or the project's own when the root has none."""
    folder = Path(root) / "treaties"
    return _load_dir(str((folder if folder.is_dir() else project_file("treaties")).resolve()))

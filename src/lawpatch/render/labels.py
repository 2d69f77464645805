"""The words printed in the comparison table, per language, and the table's options.

Labels can be overridden from a small JSON or TOML file: ``{"rus": {"absent": "…"}, "kir": {…}}``
(or flat ``{"absent": "…"}`` for every language).
"""
from __future__ import annotations

import json
import string
from dataclasses import dataclass, field
from pathlib import Path

from .. import vocabulary as voc
from ..errors import LawpatchError

LABELS: dict[str, dict[str, str]] = {
    "rus": {
        "title": "СРАВНИТЕЛЬНАЯ ТАБЛИЦА",
        "subtitle": "к проекту Закона Кыргызской Республики «{bill}»",
        "heading_order": "title subtitle",
        "bill_default": "О внесении изменений в {act}",
        "law_heading": "{act}",
        "old": "Действующая редакция",
        "new": "Предлагаемая редакция",
        "reasons": "Обоснование",
        "number": "№ п/п",
        "element": "Структурный элемент",
        "absent": "отсутствует",
        "removed": "исключить",
        "repealed": voc.repealed_label("статья"),
        "repealed_m": voc.repealed_label("пункт"),
        "repealed_n": voc.repealed_label("предложение"),
        "ellipsis": "…",
        "signature": "",
    },
    "kir": {
        "title": "САЛЫШТЫРМА ТАБЛИЦА",
        "subtitle": "«{bill}» Кыргыз Республикасынын Мыйзамынын долбооруна карата",
        "heading_order": "subtitle title",
        "bill_default": "{act} өзгөртүүлөрдү киргизүү жөнүндө",
        "law_heading": "{act}",
        "old": "Колдонуудагы редакция",
        "new": "Сунушталып жаткан редакция",
        "reasons": "Негиздеме",
        "number": "№",
        "element": "Түзүмдүк элемент",
        "absent": "жок",
        "removed": "алып салынсын",
        "repealed": voc.repealed_label("статья", "kir"),
        "repealed_m": voc.repealed_label("пункт", "kir"),
        "repealed_n": voc.repealed_label("предложение", "kir"),
        "ellipsis": "…",
        "signature": "",
    },
}


@dataclass(frozen=True)
class TableOptions:
    """How the comparison table is laid out.

    ``context_words``: unchanged words kept on each side of a change before eliding the rest with
    «…» (``None`` never elides). ``labels``: per-language overrides of :data:`LABELS`. ``layout``:
    rows of blocks split or joined with the same words, left out unless asked.
    """

    reasons: bool = True
    layout: bool = False
    kz_columns: bool = False
    context_words: int | None = 12
    template: str | None = None
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def label(self, lang: str, key: str) -> str:
        own = self.labels.get(lang, {})
        if key in own:
            return own[key]
        return LABELS.get(lang, LABELS["rus"])[key]

    def repealed(self, lang: str, unit_name: str) -> str:
        """The right-hand mark of a repealed unit, in the gender of its name («утратил силу» for a
        пункт, «утратила силу» for a статья)."""
        key = {"femn": "repealed", "masc": "repealed_m", "neut": "repealed_n"}[voc.gender(unit_name or "статья")]
        return self.label(lang, key)


# the fields a label may fill in («к проекту Закона … «{bill}»»), per label; other labels have none
FIELDS = {"subtitle": {"bill"}, "bill_default": {"act"}, "law_heading": {"act"}}
HEADINGS = {"title", "subtitle"}


def load_labels(path: str | Path) -> dict[str, dict[str, str]]:
    """Read a labels file (.json or .toml) into per-language overrides; unknown keys are refused."""
    from .. import storage

    path = Path(path)
    kind = "TOML" if path.suffix.lower() == ".toml" else "JSON"
    try:
        text = storage.read_regular(path, 1024 * 1024).decode("utf-8")
        if kind == "TOML":
            import tomllib

            data = tomllib.loads(text)
        else:
            data = json.loads(text)
    except storage.StorageError as exc:
        raise LawpatchError(f"{path}: cannot read the labels file ({exc.reason})") from exc
    except UnicodeDecodeError as exc:
        raise LawpatchError(f"{path}: not UTF-8 text (byte {exc.start + 1}); save the labels file as UTF-8") from None
    except RecursionError:
        raise LawpatchError(f"{path}: not a labels file (nested too deeply)") from None
    except ValueError as exc:
        raise LawpatchError(f"{path}: not valid {kind}: {exc}") from exc
    if not isinstance(data, dict):
        raise LawpatchError(f"{path}: expected a table of labels")
    if not any(k in LABELS for k in data):
        data = {lang: data for lang in LABELS}
    known = set(LABELS["rus"])
    out: dict[str, dict[str, str]] = {}
    for lang, table in data.items():
        if lang not in LABELS or not isinstance(table, dict):
            raise LawpatchError(f"{path}: unknown language {lang!r} (use {', '.join(LABELS)})")
        bad = sorted(set(table) - known)
        if bad:
            raise LawpatchError(f"{path}: unknown label(s) {', '.join(bad)} in {lang!r}; "
                                f"known labels: {', '.join(sorted(known))}")
        for key, value in table.items():
            problem = _problem(key, value)
            if problem:
                raise LawpatchError(f"{path}: label {key!r} in {lang!r}: {problem}")
        out[lang] = {k: str(v) for k, v in table.items()}
    return out


def _problem(key: str, value) -> str:
    """What is wrong with one label's value ('' when nothing)."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return "give a text"
    value = str(value)
    if key == "heading_order":
        words = value.split()
        return "" if words and set(words) <= HEADINGS else "list title and/or subtitle, in the order printed"
    if key not in FIELDS:
        return ""  # printed as written
    try:
        parts = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(value) if name is not None]
    except ValueError as exc:
        return f"{exc} (write a brace as {{{{ or }}}})"
    allowed = ", ".join("{" + f + "}" for f in sorted(FIELDS[key]))
    for name, spec, conv in parts:
        if name not in FIELDS[key] or spec or conv:
            return f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}} is not a field of this label; " \
                   f"it may use {allowed} (a brace itself is written {{{{ or }}}})"
    return ""

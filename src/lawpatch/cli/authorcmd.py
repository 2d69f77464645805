"""``lawpatch new`` and ``lawpatch amend``: writing a bill from the command line, op by op,
each op checked against the law as soon as it is added (the work is in :mod:`lawpatch.patch.author`)."""
from __future__ import annotations

import datetime
from pathlib import Path

import click

from ..errors import UsageError
from . import report
from .report import print_findings

FIELDS = ("old", "new", "text", "heading", "words")
KINDS = ["replace-words", "insert-words", "delete-words", "restate", "restate-heading", "insert", "delete",
         "repeal", "renumber"]


@click.command("new")
@click.argument("patch")
@click.option("--id", "bill_id", required=True, help="The bill's id (lower case, digits, hyphens).")
@click.option("--title-rus", required=True, help="«О внесении изменений в …».")
@click.option("--title-kir", help="«… өзгөртүүлөрдү киргизүү жөнүндө».")
@click.option("--law", "laws", multiple=True, required=True, help="laws/<slug> (repeatable).")
@click.option("--date", "date", help="The bill's date (default today), YYYY-MM-DD.")
@click.option("--adopted", metavar="YYYY-MM-DD:NUMBER", help="The law once adopted: its date and number.")
@click.option("--publication", "publications", multiple=True, metavar="LAW=TEXT",
              help="Where an amended act was published, as the bill cites it: "
                   "laws/x=\"Ведомости Жогорку Кенеша …, 2000 г., № 7, ст. 371\" (repeatable).")
@click.option("--root", default=".", show_default=True)
def new_cmd(patch, bill_id, title_rus, title_kir, laws, date, adopted, publications, root):
    """Start a bill: its titles and the laws it amends, each at its current expression.

    \b
    lawpatch new amendments/2026-x.xml --id 2026-x --title-rus "О внесении изменений …" \\
        --law laws/external-migration --law laws/citizenship
    """
    from .. import storage
    from ..patch.author import new_bill
    from ..patch.load import date_problem
    from ..patch.model import Adoption

    date = date or datetime.date.today().isoformat()
    if date_problem(date):
        raise UsageError(f"--date {date}: {date_problem(date)}")
    click.get_current_context().with_resource(storage.locked(root))  # one writer at a time
    adoption = None
    if adopted:
        day, sep, number = adopted.partition(":")
        if not sep or not number:
            raise UsageError(f"--adopted {adopted!r}: write DATE:NUMBER, e.g. 2025-07-17:148")
        adoption = Adoption(day, number)
    cited = {}
    for item in publications:
        href, sep, text = item.partition("=")
        if not sep or not text.strip():
            raise UsageError(f"--publication {item!r}: write LAW=TEXT")
        cited[href] = text.strip()
    new_bill(Path(patch), bill_id, {"rus": title_rus, "kir": title_kir}, list(laws),
             date, Path(root), adoption, cited)
    report.note(f"{patch}: bill {bill_id} on {', '.join(laws)}")
    return 0


@click.command("amend")
@click.argument("patch")
@click.argument("op", type=click.Choice(KINDS))
@click.option("--at", "at", help="The target unit's eId, or several separated by spaces (for insert: add at the end of it).")
@click.option("--cite", help="The target as a citation («ч. 2 ст. 5»); resolved to --at.")
@click.option("--through", help="The last unit of a range («в статьях 336–348»: --at art_336 --through art_348).")
@click.option("--whole-act", is_flag=True, help="Word ops on the whole text of the act («по всему тексту»).")
@click.option("--in-heading", is_flag=True, help="Word ops on the unit's heading («в наименовании статьи»).")
@click.option("--sentence", type=click.IntRange(1, 999), help="The Nth sentence of the unit (restate, delete, word ops).")
@click.option("--law", help="laws/<slug>: which law of the bill (added to the bill when new).")
@click.option("--old", help="Old words (replace-words, delete-words).")
@click.option("--new", help="New words (replace-words, insert-words).")
@click.option("--text", help="New text in the importer's syntax (restate, insert).")
@click.option("--text-file", type=click.Path(exists=True, dir_okay=False), help="The --text from a UTF-8 file.")
@click.option("--heading", help="New heading (restate-heading).")
@click.option("--after", help="insert: the eId to insert after; insert-words: the words to insert after.")
@click.option("--before", help="insert: the eId to insert before; insert-words: the words to insert before.")
@click.option("--to", help="renumber: the new number.")
@click.option("--occurrence", help="Which occurrence of the words (1, 2 … or all).")
@click.option("--case-forms", is_flag=True, help="replace-words in every case form («в различных падежных формах»).")
@click.option("--lang", type=click.Choice(["rus", "kir"]), help="Limit the op to one language version.")
@click.option("--kir", "kir", multiple=True, metavar="FIELD=TEXT",
              help="The Kyrgyz text of a field: old=…, new=…, text=…, heading=…, words=… (the --after/--before words).")
@click.option("--kir-form", "kir_forms", multiple=True, metavar="OLD=NEW",
              help="With --case-forms: one Kyrgyz form and its replacement (repeatable; the Kyrgyz forms are not "
                   "generated): --kir-form «мигранттын=жумушчунун».")
@click.option("--reason", "reasons", multiple=True, metavar="TREATY:ARTICLE", help="icrmw-1990:44 (repeatable).")
@click.option("--note", help="The drafter's justification.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--root", default=".", show_default=True)
def amend_cmd(patch, op, at, cite, through, whole_act, in_heading, sentence, law, old, new, text, text_file,
              heading, after, before, to, occurrence, case_forms, lang, kir, kir_forms, reasons, note, fmt, root):
    """Add an op to a bill and check it at once; on refusal the file is left as it was.

    \b
    lawpatch amend amendments/2026-x.xml replace-words --cite "абзац третий статьи 2" \\
        --old "защиты прав" --new "защиты всех прав" --kir old="…" --kir new="…" --reason icrmw-1990:7
    """
    from .. import storage
    from ..patch.author import amend, make_op
    from ..patch.model import ALL, Kind, Part, Position, Scope, Texts

    # one writer at a time: the bill is read, extended and written, the law read, under the lock
    click.get_current_context().with_resource(storage.locked(root))
    kind = Kind(op)
    if text_file:
        text = _read_text_file(text_file)
    extra = {}
    for item in kir:
        field, sep, value = item.partition("=")
        if not sep or field not in FIELDS:
            raise UsageError(f"--kir {item!r}: write FIELD=TEXT, FIELD one of {', '.join(FIELDS)}")
        extra[field] = value
    forms = []
    for item in kir_forms:
        form_old, sep, form_new = item.partition("=")
        if not sep or not form_old.strip() or not form_new.strip():
            raise UsageError(f"--kir-form {item!r}: write OLD=NEW, a Kyrgyz form and its replacement")
        forms.append(("kir", form_old.strip(), form_new.strip()))
    main_lang = lang or "rus"

    def texts(value, field):
        found = {main_lang: value} if value is not None else {}
        if field in extra and main_lang != "kir":
            found["kir"] = extra[field]
        return Texts.of(found)

    position = None
    anchor = Texts()
    if kind is Kind.INSERT:
        position, at = ((Position.AFTER, after) if after else (Position.BEFORE, before) if before
                        else (Position.END, at))
        if not at and not cite:
            raise UsageError("insert needs --after EID, --before EID or --at EID")
    elif kind is Kind.INSERT_WORDS:
        position = Position.AFTER if after is not None else Position.BEFORE
        anchor = texts(after if after is not None else before, "words")
    named = {}
    if cite and not at:
        named = _resolve(Path(root), Path(patch), law, cite)
        at = " ".join(named["units"])
        through = through or named["through"]
        sentence = sentence or named["sentence"]
        in_heading = in_heading or named["part"] == "heading"
    units = tuple(at.split()) if at else ()
    if not units and not whole_act and kind not in (Kind.RESTATE,) and not kind.is_words:
        raise UsageError(f"{op} needs --at EID or --cite «…»")
    try:
        occ = None if occurrence is None else ALL if occurrence == ALL else int(occurrence)
    except ValueError:
        raise UsageError(f"--occurrence {occurrence!r}: a number or «all»") from None
    made = make_op(kind, units, scope=Scope.ACT if whole_act else Scope.UNITS,
                   part=Part.SENTENCE if sentence else Part.HEADING if in_heading else Part.TEXT,
                   sentence=sentence, through=through, cite=cite, lang=lang, position=position,
                   old=texts(old, "old"), new=texts(new, "new"), anchor=anchor, text=texts(text, "text"),
                   heading=texts(heading, "heading"), occurrence=occ, case_forms=case_forms, to=to,
                   forms=tuple(forms),
                   reasons=tuple(_reason(r) for r in reasons), note=note)
    written, findings = amend(Path(patch), made, law, Path(root))
    errors, _ = print_findings(findings, fmt, patch)
    if errors:
        return 1
    report.note(f"{patch}: {op} {written.where()} added")
    return 0


def _read_text_file(path: str) -> str:
    from .. import storage

    try:
        return storage.read_regular(path, 16 * 1024 * 1024).decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def _reason(value: str):
    from ..patch.model import Reason

    treaty, sep, article = value.partition(":")
    if not sep:
        raise UsageError(f"--reason {value!r}: write TREATY:ARTICLE, e.g. icrmw-1990:44")
    return Reason(treaty, article)


def _resolve(root: Path, patch: Path, law: str | None, cite: str) -> dict:
    from ..citations import citation_language, resolve_target
    from ..law import Law
    from ..patch.author import law_versions, normal_href
    from ..xmlio import PATCH_NS, parse

    if law:
        href = normal_href(law)
    else:
        hrefs = [el.get("href") for el in parse(patch).getroot().findall("{%s}law" % PATCH_NS)]
        if len(hrefs) != 1:
            raise UsageError(f"{patch}: say which law with --law ({', '.join(hrefs)})")
        href = hrefs[0]
    versions = law_versions(root, href)
    path = versions.get(citation_language(cite)) or next(iter(versions.values()))
    return resolve_target(Law.load(path), cite)


@click.command("anchor")
@click.argument("patch")
@click.option("--root", default=".", show_default=True)
def anchor_cmd(patch, root):
    """Give every op the text it expects at its unit (its content anchor, <expect>), read from the
    laws at the bill's base, so that the bill still lands on the units it means once the laws move on.

    \b
    lawpatch anchor amendments/2026-icrmw-family.xml
    """
    from ..patch.author import anchor_bill

    n = anchor_bill(Path(patch), Path(root))
    report.note(f"{patch}: {n} op(s) anchored")
    return 0

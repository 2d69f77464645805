"""``lawpatch new`` and ``lawpatch amend``: writing a bill from the command line, op by op,
each op checked against the law as soon as it is added."""
from __future__ import annotations

import datetime
from pathlib import Path

import click

from ..errors import UsageError

FIELDS = ("old", "new", "text", "heading", "words")


def _base(root: Path, href: str) -> str:
    from ..law import Law

    folder = root / href
    files = [folder / f"{lang}.xml" for lang in ("rus", "kir") if (folder / f"{lang}.xml").is_file()]
    if not files:
        raise UsageError(f"{href}: no rus.xml or kir.xml under {folder}")
    law = Law.load(files[0])
    return f"{files[0].stem}@{law.expression_date}"


@click.command("new")
@click.argument("patch")
@click.option("--id", "bill_id", required=True, help="The bill's id (lower case, digits, hyphens).")
@click.option("--title-rus", required=True, help="«О внесении изменений в …».")
@click.option("--title-kir", help="«… өзгөртүүлөрдү киргизүү жөнүндө».")
@click.option("--law", "laws", multiple=True, required=True, help="laws/<slug> (repeatable).")
@click.option("--date", "date", help="The bill's date (default today), YYYY-MM-DD.")
@click.option("--number", help="The law's number once enacted.")
@click.option("--root", default=".", show_default=True)
def new_cmd(patch, bill_id, title_rus, title_kir, laws, date, number, root):
    """Start a bill: its titles and the laws it amends, each at its current expression."""
    from .. import storage
    from ..patch.load import date_problem

    date = date or datetime.date.today().isoformat()
    if date_problem(date):
        raise UsageError(f"--date {date}: {date_problem(date)}")
    with storage.locked(root):
        _new(Path(patch), bill_id, title_rus, title_kir, laws, date, number, Path(root))
    click.echo(f"{patch}: bill {bill_id} on {', '.join(laws)}")
    return 0


def _new(patch: Path, bill_id, title_rus, title_kir, laws, date, number, root: Path) -> None:
    from lxml import etree

    from ..xmlio import PATCH_NS

    if patch.exists() or patch.is_symlink():
        raise UsageError(f"{patch}: already exists; add ops with `lawpatch amend`")
    P = "{%s}" % PATCH_NS
    root_el = etree.Element(P + "amendment", nsmap={None: PATCH_NS})
    root_el.set("id", bill_id)
    root_el.set("date", date)
    if number:
        root_el.set("number", number)
    for lang, title in (("rus", title_rus), ("kir", title_kir)):
        if title:
            etree.SubElement(root_el, P + "title", lang=lang).text = title
    for href in laws:
        href = href if href.startswith("laws/") else f"laws/{href}"
        etree.SubElement(root_el, P + "law", href=href, base=_base(root, href))
    _write_checked(root_el, patch, root, empty_ok=True)


def _write_checked(root_el, patch: Path, root: Path, empty_ok: bool = False) -> None:
    """Write the bill only when it loads and checks: a temp next to it, checked, then renamed."""
    from .. import storage
    from ..patch import PatchError, check_bill, load_bill
    from ..xmlio import to_bytes

    with storage.staged(patch, to_bytes(root_el)) as tmp:
        if empty_ok:
            findings = []
        else:
            try:
                findings = check_bill(load_bill(tmp), root=root)
            except PatchError as exc:
                findings = exc.findings
        for f in findings:
            click.echo(str(f).replace(str(tmp), str(patch)))
        if any(f.severity == "error" for f in findings):
            raise click.exceptions.Exit(1)


def _texts(op_el, P, lang, field, value):
    from lxml import etree

    if value is not None:
        etree.SubElement(op_el, P + field, lang=lang).text = value


@click.command("amend")
@click.argument("patch")
@click.argument("op", type=click.Choice(["replace-words", "insert-words", "delete-words", "restate", "restate-heading",
                                         "insert", "delete", "repeal", "renumber"]))
@click.option("--at", "at", help="The target unit's eId (for insert: add at the end of it).")
@click.option("--cite", help="The target as a citation («ч. 2 ст. 5»); resolved to --at.")
@click.option("--law", help="laws/<slug> when the bill amends several laws.")
@click.option("--old", help="Old words (replace-words, delete-words).")
@click.option("--new", help="New words (replace-words, insert-words).")
@click.option("--text", help="New text in the importer's syntax (restate, insert).")
@click.option("--text-file", type=click.Path(exists=True, dir_okay=False), help="The --text from a file.")
@click.option("--heading", help="New heading (restate-heading).")
@click.option("--after", help="insert: the eId to insert after; insert-words: the words to insert after.")
@click.option("--before", help="insert: the eId to insert before; insert-words: the words to insert before.")
@click.option("--to", help="renumber: the new number.")
@click.option("--occurrence", help="Which occurrence of the words (1, 2 … or all).")
@click.option("--lang", type=click.Choice(["rus", "kir"]), help="Limit the op to one language version.")
@click.option("--kir", "kir", multiple=True, metavar="FIELD=TEXT",
              help="The Kyrgyz text of a field: old=…, new=…, text=…, heading=…, words=… (the --after/--before words).")
@click.option("--reason", "reasons", multiple=True, metavar="TREATY:ARTICLE", help="icrmw-1990:44 (repeatable).")
@click.option("--note", help="The drafter's justification.")
@click.option("--root", default=".", show_default=True)
def amend_cmd(patch, op, text_file, root, **fields):
    """Add an op to a bill and check it at once; on refusal the file is left as it was."""
    from .. import storage

    if text_file:
        fields["text"] = _text_file(text_file)
    with storage.locked(root):  # the bill is read, extended and written by one writer at a time
        el = _amend(Path(patch), op, Path(root), **fields)
    click.echo(f"{patch}: {op} {el.get('at') or el.get('after') or el.get('before') or 'title'} added")
    return 0


def _text_file(path: str) -> str:
    from .. import storage

    data = storage.read_regular(path, 16 * 1024 * 1024)
    try:
        return data.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (byte {exc.start + 1} cannot be read); save the file "
                         "as UTF-8") from None


def _amend(patch_path: Path, op: str, root: Path, *, at, cite, law, old, new, text, heading, after, before, to,
           occurrence, lang, kir, reasons, note):
    from lxml import etree

    from ..xmlio import PATCH_NS, parse

    P = "{%s}" % PATCH_NS
    patch = str(patch_path)
    if not patch_path.is_file():
        raise UsageError(f"{patch}: no such patch file; start one with `lawpatch new`")
    tree = parse(patch_path)
    laws = tree.getroot().findall(P + "law")
    if law:
        href = law if law.startswith("laws/") else f"laws/{law}"
        laws = [el for el in laws if el.get("href") == href]
    if len(laws) != 1:
        raise UsageError(f"{patch}: say which law with --law (" +
                         ", ".join(el.get("href") for el in tree.getroot().findall(P + "law")) + ")")
    law_el = laws[0]
    if cite and not at and not (op == "insert" and (after or before)):
        at = _resolve(root, law_el.get("href"), cite)
    text_lang = lang or "rus"
    el = etree.SubElement(law_el, P + op)
    if op == "insert":
        for name, value in (("after", after), ("before", before), ("at", at)):
            if value:
                el.set(name, value)
                break
        else:
            raise UsageError("insert needs --after EID, --before EID or --at EID")
    elif at:
        el.set("at", at)
    elif op != "restate":
        raise UsageError(f"{op} needs --at EID or --cite «…»")
    if cite:
        el.set("cite", cite)
    if lang:
        el.set("lang", lang)
    if occurrence:
        el.set("occurrence", occurrence)
    if to:
        el.set("to", to)
    extra = {}
    for item in kir:
        field, sep, value = item.partition("=")
        if not sep or field not in FIELDS:
            raise UsageError(f"--kir {item!r}: write FIELD=TEXT, FIELD one of {', '.join(FIELDS)}")
        extra[field] = value
    anchor_field = "after" if after else "before"
    order = {"replace-words": [("old", old), ("new", new)], "delete-words": [("old", old)],
             "insert-words": [(anchor_field, after or before), ("new", new)], "restate": [("text", text)],
             "insert": [("text", text)], "restate-heading": [("heading", heading)]}.get(op, [])
    for field, value in order:
        _texts(el, P, text_lang, field, value)
        kfield = "words" if field in ("after", "before") else field
        if kfield in extra and text_lang != "kir":
            _texts(el, P, "kir", field, extra[kfield])
    for r in reasons:
        treaty, sep, article = r.partition(":")
        if not sep:
            raise UsageError(f"--reason {r!r}: write TREATY:ARTICLE, e.g. icrmw-1990:44")
        etree.SubElement(el, P + "reason", treaty=treaty, article=article)
    if note:
        etree.SubElement(el, P + "note", lang=text_lang).text = note
    _write_checked(tree.getroot(), patch_path, root)
    return el


def _resolve(root: Path, href: str, cite: str) -> str:
    from ..citations import resolve
    from ..law import Law

    folder = root / href
    path = folder / "rus.xml" if (folder / "rus.xml").is_file() else folder / "kir.xml"
    return resolve(Law.load(path), cite)

"""``lawpatch diff``: what changed between two expressions of a law, unit by unit, word by word."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import click

from ..errors import LawpatchError, UsageError

RED_STRUCK, GREEN, BOLD, RESET = "\x1b[31;9m", "\x1b[32m", "\x1b[1m", "\x1b[0m"


@click.command("diff")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--rev", help="Compare LAW with the same file at this git revision (e.g. HEAD, main~3).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Deleted words red struck through, inserted green; plain [-old-]{+new+} without.")
@click.option("--editorial", is_flag=True, help="Compare the database's editorial notes too.")
@click.option("--root", default=".", show_default=True, help="Repository root the bill's law paths are under.")
def diff_cmd(inputs, rev, fmt, color, editorial, root):
    """Show the changed units with their citations:

    \b
      lawpatch diff OLD.xml NEW.xml     two law files (or two folders with rus.xml/kir.xml)
      lawpatch diff LAW.xml --rev REV   the file now against the file at a git revision
      lawpatch diff PATCH.xml           what the bill does (applied in memory, nothing written)

    Exit status 0 (with or without changes); 1 on an error.
    """
    results = _comparisons(inputs, rev, root, editorial)
    if fmt == "json":
        click.echo(json.dumps([{"path": str(path), **dataclasses.asdict(comp)} for path, comp in results],
                              ensure_ascii=False, indent=1))
        return 0
    colored = color == "always" or (color == "auto" and sys.stdout.isatty())
    for path, comp in results:
        click.echo(render_text(path, comp, colored), nl=False, color=colored)
    total = sum(len(comp.changes) for _, comp in results)
    click.echo(f"{len(results)} law file(s), {total} changed unit(s)", err=True)
    return 0


def _comparisons(inputs, rev, root, editorial) -> list[tuple[Path, object]]:
    from ..compare import compare

    if rev:
        if len(inputs) != 1:
            raise UsageError("--rev takes one law file or folder")
        return [(p, compare(_law_at(p, rev), _load(p), editorial=editorial)) for p in _law_paths(inputs[0])]
    if len(inputs) == 2:
        olds, news = _law_paths(inputs[0]), _law_paths(inputs[1])
        if len(olds) == 1 and len(news) == 1:
            pairs = [(olds[0], news[0])]
        else:
            by_name = {p.name: p for p in olds}
            pairs = [(by_name[p.name], p) for p in news if p.name in by_name]
            if not pairs:
                raise UsageError(f"{inputs[0]} and {inputs[1]}: no law files of the same name to compare")
        return [(new, _compare_files(old, new, editorial)) for old, new in pairs]
    if len(inputs) == 1:
        from ..render.inputs import pairs_of_bill

        _, pairs = pairs_of_bill(inputs[0], root)
        return [(p.path, p.comparison) for p in pairs]
    raise UsageError("give OLD NEW, LAW --rev REV, or one patch file")


def _law_paths(path: str) -> list[Path]:
    from ..law import law_files

    if not Path(path).exists():
        raise UsageError(f"{path}: no such file or folder")
    files = law_files(path)
    if not files:
        raise UsageError(f"{path}: no *.xml law files here")
    return files


def _compare_files(old_path: Path, new_path: Path, editorial: bool):
    from ..compare import compare

    old, new = _load(old_path), _load(new_path)
    if old.lang != new.lang:
        raise UsageError(f"{new_path}: language {new.lang!r} differs from {old_path} ({old.lang!r}); "
                         "compare two expressions in the same language")
    return compare(old, new, editorial=editorial)


def _load(path: Path):
    from ..law import Law

    return Law.load(path)


def _law_at(path: Path, rev: str):
    """The law file as committed at ``rev`` (``git show REV:path``), parsed by the one safe parser."""
    from ..law import Law

    if not rev or rev.startswith("-"):
        raise UsageError(f"--rev {rev!r}: a git revision (HEAD, main~3, a commit), not an option")
    path = path.resolve()
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=path.parent, check=True,
                             capture_output=True, text=True).stdout.strip()
        rel = path.relative_to(Path(top).resolve()).as_posix()
        # the revision is never an option: refused above when it looks like one, and told so to git
        data = subprocess.run(["git", "show", "--end-of-options", f"{rev}:{rel}", "--"], cwd=top, check=True,
                              capture_output=True).stdout
    except FileNotFoundError as exc:
        raise LawpatchError("git is not installed") from exc
    except subprocess.CalledProcessError as exc:
        msg = (exc.stderr.decode() if isinstance(exc.stderr, bytes) else exc.stderr or "").strip()
        raise UsageError(f"{path}: not readable at revision {rev!r}: {msg}") from None
    except ValueError:
        raise UsageError(f"{path}: not inside the git repository") from None
    return Law.from_bytes(data, f"{rev}:{rel}")


def render_text(path, comp, colored: bool) -> str:
    """One block per changed unit: its citation and kind, then the unit with its words marked."""
    out = [_bold(f"== {path} ({comp.lang}): {comp.title}", colored)]
    for change in comp.changes:
        where = change.citation or change.eid or "title"
        out.append(_bold(f"@@ {where} ({change.kind})", colored))
        if change.segments:
            out.append("".join(_segment(s.op, s.text, colored) for s in change.segments))
        elif change.old_text:
            out.append(_segment("delete", change.old_text, colored))
        if change.new_text and not change.segments:
            out.append(_segment("insert", change.new_text, colored))
    return "\n".join(out) + "\n"


def _segment(op: str, text: str, colored: bool) -> str:
    if op == "equal":
        return text
    if colored:   # colour each line on its own, so that pagers (less -R) keep it
        style = RED_STRUCK if op == "delete" else GREEN
        return "\n".join(f"{style}{line}{RESET}" if line else "" for line in text.split("\n"))
    return f"[-{text}-]" if op == "delete" else f"{{+{text}+}}"


def _bold(text: str, colored: bool) -> str:
    return f"{BOLD}{text}{RESET}" if colored else text

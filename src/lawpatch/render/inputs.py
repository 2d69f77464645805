"""What the document commands read: two law files, or a bill applied in memory, turned into
comparisons. Kept apart from the click commands so that tests reach it directly."""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import LawpatchError, Refusal, UsageError


@dataclass(frozen=True)
class Pair:
    """One law in one language before and after, with the comparison of the two."""

    old: object
    new: object
    comparison: object
    path: Path


def load_law(path: str):
    from ..law import Law

    if not Path(path).exists():
        raise UsageError(f"{path}: no such law file")
    return Law.load(path)  # a folder, a FIFO or a device is refused there


def pair_of_files(old_path: str, new_path: str, force: bool = False, progress=None) -> Pair:
    """Two expressions of one law in one language, compared (``progress(done, total)`` as it goes)."""
    old, new = load_law(old_path), load_law(new_path)
    if old.lang != new.lang:
        raise UsageError(f"{new_path}: language {new.lang!r} differs from {old_path} ({old.lang!r})")
    same_act(old, new, force)
    from ..compare import compare

    return Pair(old, new, compare(old, new, progress=progress), Path(new_path))


def same_act(old, new, force: bool = False) -> None:
    """Refuse to compare two different acts (their FRBR works differ), unless ``force``: a table of
    the Labour Code against the migration law is no comparison, and a mistake to catch early."""
    if force or not old.work_uri or not new.work_uri or old.work_uri == new.work_uri:
        return
    raise Refusal("COMPARE.OTHER_ACT", f"{new.source} is another act than {old.source} ({new.work_uri}, not "
                  f"{old.work_uri})", "compare two expressions of one act; --force compares them all the same")


def pairs_of_bill(patch_path: str, root: str = ".", langs: tuple[str, ...] | None = None):
    """The bill and, for each law file it amends, its before/after pair: in ``langs`` when asked
    (a table in a language never leaves out a law the bill changes: a law without that text is
    refused), else in every language the amended laws have (a diff, a redline)."""
    from ..patch import apply_bill, load_bill

    if not Path(patch_path).is_file():
        raise UsageError(f"{patch_path}: no such patch file")
    bill = load_bill(patch_path)
    for la in bill.laws if langs else ():
        for lang in langs:
            if not (Path(root) / la.href / f"{lang}.xml").is_file():
                raise UsageError(f"{patch_path}:{la.line}: {la.href} has no {lang}.xml: the {lang} table would "
                                 f"leave its rows out (ask --lang {'rus' if lang == 'kir' else 'kir'})")
    pairs = [Pair(a.old, a.new, comparison_of(a, root), Path(a.path))
             for a in apply_bill(bill, root=root) if langs is None or a.new.lang in langs]
    if not pairs:
        raise UsageError(f"{patch_path}: the bill changes no law in {'/'.join(langs or ('rus', 'kir'))}")
    return bill, pairs


def comparison_of(applied, root=".") -> object:
    """The comparison of one law a bill changed, each row with the treaty reasons of the ops that
    made it (from the registry under ``root``)."""
    from functools import partial

    from ..compare import compare
    from ..treaties import load_registry

    registry = load_registry(root)
    describe = partial(registry.describe_all, lang=applied.new.lang) if registry is not None else None
    return compare(applied.old, applied.new, reasons=applied.reasons, describe=describe)


def comparisons(inputs, rev=None, root=".", editorial: bool = False, force: bool = False,
                progress=None) -> list[tuple[Path, object]]:
    """What ``lawpatch diff`` compares: two law files or folders (of one act, unless ``force``), a
    bill applied in memory, or with ``rev`` each law file as it is against the same file at that git
    revision — a folder (none given: ``laws/`` and ``amendments/`` under ``root``) stands for its
    files changed since, a bill among them for what it does. (path, comparison) each."""
    from ..compare import compare

    if rev:
        out = []
        given = inputs or [str(p) for p in (Path(root) / "laws", Path(root) / "amendments") if p.is_dir()]
        for path in _since(rev, given):
            if _is_bill(path):
                out += [(p.path, p.comparison) for p in pairs_of_bill(str(path), root)[1]]
            else:
                out.append((path, compare(_law_at(path, rev), _load(path), editorial=editorial)))
        return out
    if len(inputs) == 2:
        olds, news = _law_paths(inputs[0]), _law_paths(inputs[1])
        if len(olds) == 1 and len(news) == 1:
            pairs = [(olds[0], news[0])]
        else:
            by_name = {p.name: p for p in olds}
            pairs = [(by_name[p.name], p) for p in news if p.name in by_name]
            if not pairs:
                raise UsageError(f"{inputs[0]} and {inputs[1]}: no law files of the same name to compare")
        return [(new, _compare_files(old, new, editorial, force, progress)) for old, new in pairs]
    if len(inputs) == 1:
        _, pairs = pairs_of_bill(inputs[0], root)
        return [(p.path, p.comparison) for p in pairs]
    raise UsageError("give OLD NEW, LAW --rev REV, or one patch file")


def _since(rev: str, inputs) -> list[Path]:
    """The files ``inputs`` name: a file itself, a folder its bills and law files changed since
    ``rev`` (a law file new since then is not compared: there is nothing to compare it with)."""
    from ..law import SIDECARS

    files: list[Path] = []
    for given in inputs:
        path = Path(given)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            top = _git_top(path)
            listed = _git(top, "diff", "--name-only", "--end-of-options", rev, "--", str(path.resolve()), rev=rev)
            for name in listed.splitlines():
                f = top / name
                if f.suffix != ".xml" or not f.is_file() or f.name in SIDECARS:
                    continue
                if _is_bill(f) or _git(top, "cat-file", "-e", f"{rev}:{name}", rev=rev, check=False) is not None:
                    files.append(Path(os.path.relpath(f)))   # a law new since the revision is not compared
        else:
            raise UsageError(f"{given}: no such file or folder")
    return files


def _is_bill(path: Path) -> bool:
    with open(path, "rb") as fh:
        return b"urn:lawpatch:amendment:1" in fh.read(2048)


def _git_top(path: Path) -> Path:
    out = _git(path if path.is_dir() else path.parent, "rev-parse", "--show-toplevel")
    return Path(out.strip()).resolve()


def _git(cwd: Path, *args: str, rev: str = "", check: bool = True) -> str | None:
    """git's output; a refusal naming the revision when git fails (None when ``check`` is off)."""
    if rev.startswith("-") or (rev == "" and "--end-of-options" in args):
        raise UsageError(f"--rev {rev!r}: a git revision (HEAD, main~3, a commit), not an option")
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise LawpatchError("git is not installed") from exc
    if done.returncode:
        if not check:
            return None
        raise UsageError(f"{cwd}: git {args[0]} {rev or ''}: {done.stderr.strip()}".replace("  ", " "))
    return done.stdout


def _law_paths(path: str) -> list[Path]:
    from ..law import law_files

    if not Path(path).exists():
        raise UsageError(f"{path}: no such file or folder")
    files = law_files(path)
    if not files:
        raise UsageError(f"{path}: no *.xml law files here")
    return files


def _compare_files(old_path: Path, new_path: Path, editorial: bool, force: bool, progress):
    from ..compare import compare

    old, new = _load(old_path), _load(new_path)
    if old.lang != new.lang:
        raise UsageError(f"{new_path}: language {new.lang!r} differs from {old_path} ({old.lang!r}); "
                         "compare two expressions in the same language")
    same_act(old, new, force)
    return compare(old, new, editorial=editorial, progress=progress)


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


def rows_in_one_language(comparisons) -> list[str]:
    """The rows a law's comparison has in one language and not in the other («- tax-code: статья 5
    (changed): rus only») — a Kyrgyz table that would lack a row of the Russian one, or the reverse;
    ``comparisons``: (law's folder name, lang, comparison)."""
    by_law: dict[str, dict] = {}
    for slug, lang, comparison in comparisons:
        by_law.setdefault(slug, {})[lang] = {(c.eid, c.kind): c.citation or c.eid for c in comparison.changes}
    out = []
    for slug, rows in by_law.items():
        if len(rows) < 2:
            continue
        rus, kir = rows.get("rus", {}), rows.get("kir", {})
        out += [f"- {slug}: {rus[k]} ({k[1]}): rus only" for k in rus if k not in kir]
        out += [f"- {slug}: {kir[k]} ({k[1]}): kir only" for k in kir if k not in rus]
    return out

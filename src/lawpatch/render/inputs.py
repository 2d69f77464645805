"""What the document commands read: two law files, or a bill applied in memory, turned into
comparisons. Kept apart from the click commands so that tests reach it directly."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import LawpatchError, UsageError


@dataclass(frozen=True)
class Pair:
    """One law in one language before and after, with the comparison of the two."""

    old: object
    new: object
    comparison: object
    path: Path


def load_law(path: str):
    from ..law import Law

    if not Path(path).is_file():
        raise UsageError(f"{path}: no such law file")
    return Law.load(path)


def _compare():
    try:
        from ..compare import compare
    except ImportError as exc:
        raise LawpatchError("the comparison engine (lawpatch.compare.compare) is not installed") from exc
    return compare


def pair_of_files(old_path: str, new_path: str) -> Pair:
    old, new = load_law(old_path), load_law(new_path)
    if old.lang != new.lang:
        raise UsageError(f"{new_path}: language {new.lang!r} differs from {old_path} ({old.lang!r})")
    return Pair(old, new, _compare()(old, new), Path(new_path))


def pairs_of_bill(patch_path: str, root: str = ".", langs: tuple[str, ...] = ("rus", "kir")):
    """The bill and, for each law file it amends (in the languages asked), its before/after pair."""
    try:
        from ..patch import apply_bill, load_bill
    except ImportError as exc:
        raise LawpatchError("patch files cannot be read here: lawpatch.patch is not installed") from exc
    if not Path(patch_path).is_file():
        raise UsageError(f"{patch_path}: no such patch file")
    bill = load_bill(patch_path)
    compare = _compare()
    pairs = [Pair(a.old, a.new, compare(a.old, a.new, reasons=a.reasons), Path(a.path))
             for a in apply_bill(bill, root=root) if a.new.lang in langs]
    if not pairs:
        raise UsageError(f"{patch_path}: the bill changes no law in {'/'.join(langs)}")
    return bill, pairs

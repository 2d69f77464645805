"""What the document commands read: two law files, or a bill applied in memory, turned into
comparisons. Kept apart from the click commands so that tests reach it directly."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError


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


def pair_of_files(old_path: str, new_path: str) -> Pair:
    old, new = load_law(old_path), load_law(new_path)
    if old.lang != new.lang:
        raise UsageError(f"{new_path}: language {new.lang!r} differs from {old_path} ({old.lang!r})")
    from ..compare import compare

    return Pair(old, new, compare(old, new), Path(new_path))


def pairs_of_bill(patch_path: str, root: str = ".", langs: tuple[str, ...] = ("rus", "kir")):
    """The bill and, for each law file it amends (in the languages asked), its before/after pair."""
    from ..patch import apply_bill, load_bill

    if not Path(patch_path).is_file():
        raise UsageError(f"{patch_path}: no such patch file")
    bill = load_bill(patch_path)
    pairs = [Pair(a.old, a.new, comparison_of(a, root), Path(a.path))
             for a in apply_bill(bill, root=root) if a.new.lang in langs]
    if not pairs:
        raise UsageError(f"{patch_path}: the bill changes no law in {'/'.join(langs)}")
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

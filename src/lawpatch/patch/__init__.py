"""Amendment patches: the bill format, its check against the laws, and applying it."""
from __future__ import annotations

from .load import PatchError, load_bill
from .model import Bill, Kind, LawAmendment, Op, Reason, Target, Texts

__all__ = ["Bill", "Kind", "LawAmendment", "Op", "Reason", "Target", "Texts", "PatchError", "load_bill",
           "check_bill", "check_bills", "apply_bill", "run_bill", "write_applied", "AppliedLaw"]


def __getattr__(name):
    if name in ("apply_bill", "check_bill", "check_bills", "run_bill", "write_applied", "AppliedLaw"):
        from . import apply
        return getattr(apply, name)
    raise AttributeError(name)

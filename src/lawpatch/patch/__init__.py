"""Amendment patches: the bill format, its check against the laws, and applying it."""
from __future__ import annotations

from .load import PatchError, load_bill
from .model import Bill, LawAmendment, Op, Reason

__all__ = ["Bill", "LawAmendment", "Op", "Reason", "PatchError", "load_bill", "check_bill", "apply_bill",
           "write_applied", "AppliedLaw"]


def __getattr__(name):
    if name == "check_bill":
        from .check import check_bill
        return check_bill
    if name in ("apply_bill", "write_applied", "AppliedLaw"):
        from . import apply
        return getattr(apply, name)
    raise AttributeError(name)

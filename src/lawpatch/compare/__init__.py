"""The one comparison engine: two expressions of a law → plain data every renderer reads.

Its names are imported on first use: derive aligns two texts with :mod:`.align` alone, and
does not pay for the rows' data classes."""

__all__ = ["compare", "LawComparison", "Segment", "UnitChange"]


def __getattr__(name: str):
    if name == "compare":
        from .engine import compare

        return compare
    if name in ("LawComparison", "Segment", "UnitChange"):
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

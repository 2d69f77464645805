"""The one comparison engine: two expressions of a law → plain data every renderer reads."""

from .engine import compare
from .model import LawComparison, Segment, UnitChange

__all__ = ["compare", "LawComparison", "Segment", "UnitChange"]

"""``check_bill``: every refusal and warning of a bill against the laws, at once."""
from __future__ import annotations

from .apply import check_bill

__all__ = ["check_bill"]

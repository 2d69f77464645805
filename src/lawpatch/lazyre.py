"""Regular expressions compiled on first use.

Every command pays for what its modules do at import; compiling the KR patterns there cost a
few milliseconds of each command's start, most of them for patterns the command never matches
(``check`` loads the importer's fragment parser, not its title-block or editorial-note rules).
A pattern made with :func:`compile` is compiled the first time one of its methods is used.

>>> word = compile("[а-я]+")
>>> word.pattern
'[а-я]+'
>>> word.findall("статья 5, часть 2")
['статья', 'часть']
"""
from __future__ import annotations

import re

__all__ = ["compile"]


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use; after that each attribute asked for is the
    compiled pattern's own, kept on this object (no lookup through :meth:`__getattr__` again)."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        if name.startswith("__"):      # what a protocol asks for and an object lacks (``__deepcopy__``)
            raise AttributeError(name)
        value = getattr(re.compile(self.pattern, self._flags), name)
        setattr(self, name, value)
        return value

    def __reduce__(self):     # copied and pickled as made, without what it compiled
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self._flags!r})"


def compile(pattern: str, flags: int = 0) -> LazyPattern:   # noqa: A001 - re.compile's name, on purpose
    """A pattern used like ``re.compile(pattern, flags)``'s (``match``, ``search``, ``finditer``, …)."""
    return LazyPattern(pattern, flags)

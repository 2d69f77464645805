"""The one root exception of lawpatch, and findings as data.

Everything below the CLI raises a :class:`LawpatchError` (or a subclass) with a message that
names the file, line and unit; the CLI turns it into a message and an exit status. Checks that
report many problems at once return :class:`Finding` objects instead of raising.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass


class LawpatchError(Exception):
    """A refusal the user can act on: printed as is, exit status 1 (``--debug`` shows the traceback)."""

    exit_code = 1


class UsageError(LawpatchError):
    """The command was called wrongly (a missing file, a bad option value)."""

    exit_code = 2


class Refusal(LawpatchError):
    """One coded refusal raised where it is found (an op that cannot be built or cannot act): the
    caller that knows the file and line turns it into a :class:`Finding` with :meth:`finding`."""

    def __init__(self, code: str, message: str, hint: str = ""):
        super().__init__(message + (f"; {hint}" if hint else ""))
        self.code, self.message, self.hint = code, message, hint

    def finding(self, file: str = "", line: int | None = None, **more) -> "Finding":
        return Finding(self.code, self.message, file=file, line=line, hint=self.hint, **more)


@dataclass(frozen=True)
class Finding:
    """One problem found by a check: where, what, and how to fix it.

    ``code`` is a stable identifier (``VALIDATE.EID_DUPLICATE``, ``CHECK.OLD_WORDS_NOT_FOUND``…)
    that tests and editors can rely on; ``message`` is for people.
    """

    code: str
    message: str
    file: str = ""
    line: int | None = None
    unit: str = ""
    severity: str = "error"  # "error" or "warning"
    hint: str = ""
    op: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    def location(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or "<input>"

    def __str__(self) -> str:
        parts = [f"{self.location()}: {self.severity}:"]
        if self.op:
            parts.append(f"[{self.op}]")
        if self.unit:
            parts.append(f"{self.unit}:")
        parts.append(self.message)
        text = " ".join(parts)
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_dict(self) -> dict:
        """The finding as plain data (JSON output, caches), ``extra`` left out when empty: the same
        as :func:`dataclasses.asdict`, without its deep copy of every string (a command printing
        hundreds of findings with their texts paid tens of milliseconds for it)."""
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        if d["extra"]:
            d["extra"] = _plain(d["extra"])
        else:
            d.pop("extra")
        return d


def _plain(value):
    """``value`` with its lists, tuples and dicts copied and dataclasses made dicts, as
    :func:`dataclasses.asdict` gives them."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and type(value) in (list, tuple):
        return type(value)(_plain(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def portable(findings: list[Finding], paths: list[str]) -> list[dict] | None:
    """The findings as plain data with the files of ``paths`` named by their places in it (a
    finding's file, and any value of its ``extra`` that is one of them): what a cache keyed by the
    files' content keeps, given back with this run's paths by :func:`restored`. None where a
    finding is not about one of ``paths``, or names one inside a text (a file refused by its
    name): the content alone would not give it back."""
    import json

    out = []
    for f in findings:
        d = f.as_dict()
        if d["file"] not in paths:
            return None
        places = {"file": paths.index(d.pop("file"))}
        extra = d.get("extra", {})
        for key, value in list(extra.items()):
            if isinstance(value, str) and value in paths:
                places[f"extra.{key}"] = paths.index(extra.pop(key))
        if any(p in json.dumps(d, ensure_ascii=False) for p in paths):
            return None
        out.append({**d, "places": places})
    return out


def restored(entries: list[dict], paths: list[str]) -> list[Finding]:
    """The findings :func:`portable` kept, each file named by this run's ``paths``; raises
    KeyError, IndexError or TypeError on an entry it did not write."""
    out = []
    for entry in entries:
        d = dict(entry)
        places, extra = d.pop("places"), dict(d.pop("extra", {}))
        for key, place in places.items():
            if key == "file":
                d["file"] = paths[place]
            else:
                extra[key.removeprefix("extra.")] = paths[place]
        out.append(Finding(**d, extra=extra))
    return out


class FindingsError(LawpatchError):
    """Raised where a caller wants 'raise on the first error' instead of iterating findings."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("\n".join(str(f) for f in findings))

"""A cache of what lawpatch reads out of files that seldom change (the references of each law,
the verdict that a law validates), so that a command on a repository of thousands of acts reads
again only the files that changed.

Entries are JSON files in ``$LAWPATCH_CACHE`` (default ``$XDG_CACHE_HOME/lawpatch``, else
``~/.cache/lawpatch``); ``LAWPATCH_CACHE=off`` turns the cache off. Each entry carries the version
of the code that made it and, per file, the file's size, modification time and inode, as git's
index does, and the digest of its bytes: a file that changed, or a reader that changed, is read
again (a file only touched, by a checkout say, is hashed and kept). A verdict is keyed by the
digest of the bytes alone. The cache is never the only copy of anything: deleting it costs one
slower run. A cache that cannot be read or written is ignored (the run reads the files, as without
a cache).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

OFF = ("off", "0", "no", "false")


def directory() -> Path | None:
    value = os.environ.get("LAWPATCH_CACHE")
    if value is not None:
        return None if value.strip().lower() in OFF or not value.strip() else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lawpatch"


def code_version(*modules, files=()) -> str:
    """A digest of the source of ``modules`` (and of data ``files`` the code reads, such as schemas):
    a cache entry made by other code is not used."""
    import hashlib       # (hashlib and json where the cache is used: a run with it off imports neither)

    h = hashlib.sha1()
    for path in [m.__file__ for m in modules] + list(files):
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=8)
def digest(data: bytes) -> str:
    """The sha256 of ``data``: what keys an entry by content (a law's text, the texts of a folder).
    The last few are kept: a check asks for the verdict of the same bytes twice (known already?
    then, having validated them, remembered), and bytes keep their own hash once computed."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def stamp(path: Path) -> list[int]:
    """What tells a changed file: size, modification time (ns), inode."""
    s = path.stat()
    return [s.st_size, s.st_mtime_ns, s.st_ino]


def _entry(kind: str, key: str) -> Path | None:
    folder = directory()
    if folder is None:
        return None
    import hashlib

    return folder / kind / (hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + ".json")


def load(kind: str, key: str, version: str) -> dict:
    """The cached data of ``key`` made by code ``version`` ({} when there is none)."""
    path = _entry(kind, key)
    if path is None:
        return {}
    import json

    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return data.get("data", {}) if isinstance(data, dict) and data.get("version") == version else {}


def store(kind: str, key: str, version: str, data: dict) -> None:
    path = _entry(kind, key)
    if path is None:
        return
    import json

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"version": version, "key": key, "data": data}, ensure_ascii=False),
                       encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass

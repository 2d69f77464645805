"""The laws a bill reads and writes, checked at both ends of the engine.

Before any op runs, each law file of ``laws/<slug>`` must be a regular file inside the
repository's ``laws/`` (a folder symlinked elsewhere, a FIFO or a device is refused) and a law
that validates: an op aimed at ``art_2`` of a law with two ``art_2`` would land on either.
After the ops, the law as amended is serialized, read back by the one safe parser and validated,
so that lawpatch never writes a file it cannot read itself (a text node over libxml2's limit, a
duplicate eId in the metadata).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from .. import meta as mt
from .. import storage, xmlio
from ..errors import Finding, LawpatchError
from ..law import Law

FIX_FIRST = "`lawpatch validate` shows every problem of the law; a bill amends a law that validates"


def read_laws(root, href: str) -> tuple[dict, list[Finding]]:
    """``{lang: (old, new, path)}`` of the law files under ``root/href`` (two copies of each, one
    to keep and one to change), and the findings that refuse them. No file and no finding: there
    is no law there."""
    from ..validate import known_errors    # (json, the schemas: not needed by derive's in-memory run)

    root, laws, findings = Path(root), {}, []
    folder, home = root / href, root / "laws"
    storage.settle(root)  # a commit a killed run left half done is completed before anything is read
    for lang in sorted(mt.LANGS):
        path = folder / f"{lang}.xml"
        if not os.path.lexists(path):
            continue
        if not storage.inside(path, home):
            findings.append(Finding("CHECK.LAW_OUTSIDE", f"{path} is outside {home} (through a symlink); a bill "
                                    "amends the repository's own laws", file=str(path)))
            continue
        try:
            data = storage.read_regular(path, xmlio.MAX_BYTES)
            law = Law.from_bytes(data, str(path))
        except storage.StorageError as exc:
            findings.append(exc.finding())
            continue
        except xmlio.XmlError as exc:
            findings.append(exc.finding("CHECK.LAW_UNREADABLE"))
            continue
        except LawpatchError as exc:
            findings.append(Finding("CHECK.LAW_UNREADABLE", str(exc).removeprefix(f"{path}: "), file=str(path)))
            continue
        errors = known_errors(law, data) + [Finding("CHECK.LAW_METADATA", f"the law has no {item}: lawpatch reads it, "
                                         "and records each amendment there", file=str(path),
                                         line=law.meta.sourceline) for item in law.missing_metadata()]
        if errors:
            findings += [replace(f, hint=f.hint or FIX_FIRST) for f in errors]
            continue
        laws[lang] = (law.copy(), law, path)
    return laws, findings


@contextmanager
def working_copy(root, hrefs):
    """The law files of ``hrefs`` under ``root`` (and the treaty registry) copied aside, for bills
    run one after another: regular files inside laws/ only. Removed afterwards, or by the next run
    when this one is killed."""
    import shutil    # (with its bz2 and lzma: 1.6 ms of a start that one bill's check does not need)

    root = Path(root)
    work = storage.scratch_dir()
    try:
        if (root / "treaties").is_dir():
            (work / "treaties").symlink_to((root / "treaties").resolve())
        for href in sorted(hrefs):
            for lang in mt.LANGS:
                source = root / href / f"{lang}.xml"
                if not os.path.lexists(source):
                    continue
                if not storage.inside(source, root / "laws"):
                    raise storage.StorageError(source, f"outside {root / 'laws'} (through a symlink); a bill amends "
                                                       "the repository's own laws", "STORAGE.OUTSIDE")
                data = storage.read_regular(source, xmlio.MAX_BYTES)
                try:
                    storage.write_file(work / href / source.name, data)
                except storage.StorageError as exc:
                    raise storage.StorageError(source, f"cannot copy it to {work.parent}: {exc.reason}") from exc
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def read_back(law: Law) -> tuple[bytes, list[Finding]]:
    """The law as amended, serialized as it would be written, and why it must not be written: it
    does not read back, or does not validate (no findings: these bytes are what is written)."""
    from ..validate import known_errors, known_valid

    data = law.to_bytes()
    if known_valid(data):   # these very bytes were read back and validated before (the same check run again)
        return data, []
    try:
        again = Law.from_bytes(data, law.source)
    except LawpatchError as exc:
        reason = exc.reason if isinstance(exc, xmlio.XmlError) else str(exc)
        return data, [Finding("CHECK.RESULT_INVALID", f"as amended, the law could not be read back: {reason}",
                              file=law.source, hint="nothing is written; shorten or split the new text")]
    # validated as a base law is, eIds included: the next run reads it as one
    return data, [Finding("CHECK.RESULT_INVALID", f"as amended, the law would not validate: {f.message} ({f.code})",
                          file=law.source, unit=f.unit, hint="nothing is written; the bill or the law needs a fix")
                  for f in known_errors(again, data)]


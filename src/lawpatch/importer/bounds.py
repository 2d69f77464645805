"""Size checks made before a Word file or a PDF is inflated, so that a compression bomb is refused
in a few megabytes of memory instead of after gigabytes.

The limits leave room for every KR act: the largest, the Tax Code, is a 0.65 MB Word file whose
text part (``word/document.xml``) inflates to 7.3 MB, and python-docx peaks near 14 times that
part; the database's PDF prints inflate to a few MB, no stream over 0.4 MB.
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from lawpatch.errors import Refusal

MiB = 1024 * 1024
DOCX_FILE = 64 * MiB        # the Word file itself
DOCX_ENTRIES = 5000         # parts in the package (a law's has a few dozen)
DOCX_XML_PART = 16 * MiB    # one inflated XML part (the Tax Code's text: 7.3 MB)
DOCX_TOTAL = 64 * MiB       # the whole package inflated
PDF_STREAM = 64 * MiB       # one inflated stream (the prints': at most 0.4 MB)
PDF_TOTAL = 256 * MiB       # every stream inflated together
_CHUNK = MiB


class TooLarge(Refusal):
    """An input that would take more memory to read than any law needs."""

    def __init__(self, message: str):
        super().__init__("IMPORT.TOO_LARGE", message)


def check_docx(path: Path) -> None:
    """Refuse a Word file whose parts would inflate beyond the limits, before any is inflated.

    The sizes are those the package declares; Python's zipfile never inflates a part beyond its
    declared size, so they bound what python-docx can be made to read.
    """
    size = path.stat().st_size
    if size > DOCX_FILE:
        raise TooLarge(f"{path}: a Word file of {size // MiB} MiB; refused (a law's is under {DOCX_FILE // MiB} MiB)")
    entries = _zip_entries(path)
    if entries is not None and entries > DOCX_ENTRIES:
        raise TooLarge(f"{path}: a Word file of {entries} parts; refused (a law's has a few dozen)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        return  # not a zip: the front end says so
    total = 0
    for info in infos:
        limit = DOCX_XML_PART if info.filename.endswith((".xml", ".rels")) else DOCX_TOTAL
        if info.file_size > limit:
            raise TooLarge(f"{path}: part {info.filename} inflates to {info.file_size // MiB} MiB; refused "
                           f"(the limit is {limit // MiB} MiB)")
        total += info.file_size
    if total > DOCX_TOTAL:
        raise TooLarge(f"{path}: the Word file inflates to {total // MiB} MiB; refused (the limit is "
                       f"{DOCX_TOTAL // MiB} MiB)")


def _zip_entries(path: Path) -> int | None:
    """The number of parts the zip's end record declares, read without reading the directory."""
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        end = fh.tell()
        fh.seek(max(0, end - 65557))
        tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return None
    total = struct.unpack("<H", tail[at + 10:at + 12])[0]
    return DOCX_ENTRIES + 1 if total == 0xFFFF else total  # 0xFFFF: a ZIP64 directory, no law's


def check_pdf(path: Path) -> None:
    """Refuse a PDF whose compressed (Flate) streams inflate beyond the limits, found by inflating
    each in bounded chunks and counting, before the PDF library reads it.

    Every ``stream`` keyword is tried as the start of a zlib stream, which ends itself; a stream's
    declared ``/Length`` is not trusted.
    """
    data = path.read_bytes()
    total = 0
    start = data.find(b"stream")
    while start >= 0:
        body = start + 6
        body += 2 if data[body:body + 2] == b"\r\n" else 1 if data[body:body + 1] in (b"\n", b"\r") else 0
        total += _inflated(data, body, path)
        if total > PDF_TOTAL:
            raise TooLarge(f"{path}: the PDF's streams inflate to more than {PDF_TOTAL // MiB} MiB; refused")
        start = data.find(b"stream", body)


def _inflated(data: bytes, at: int, path: Path) -> int:
    """How many bytes the zlib stream starting at ``at`` inflates to (0: not a zlib stream)."""
    inflater = zlib.decompressobj()
    size, pos, pending = 0, at, b""
    try:
        while not inflater.eof:
            if not pending:
                if pos >= len(data):
                    break
                pending = data[pos:pos + _CHUNK]
                pos += len(pending)
            size += len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
            if size > PDF_STREAM:
                raise TooLarge(f"{path}: a stream at byte {at} inflates to more than {PDF_STREAM // MiB} MiB; "
                               "refused")
    except zlib.error:
        pass
    return size

"""Read only what is meant: no DTD loaded or fetched however it is hidden, law files that are
regular files inside laws/, git revisions that are never options, bombs refused before they
inflate (peak memory measured in a process of its own)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
import zlib

import pytest

from lawpatch import xmlio

from .conftest import DATA, snapshot
from .safety import TWO_FILES, bill_xml, make_repo, peak_mib, process, write

PEAK_MIB = 300
if sys.platform != "linux":  # the peak is read from ru_maxrss in KiB, as Linux reports it
    pytestmark = pytest.mark.skip("memory peaks are measured the Linux way")


# --- DTDs ---------------------------------------------------------------------------------------------
def doctype(system: str = "file:///etc/passwd") -> str:
    return f'<!DOCTYPE akomaNtoso SYSTEM "{system}">\n'


HIDDEN = {
    "utf-16": ('<?xml version="1.0" encoding="UTF-16"?>\n' + doctype() + "<akomaNtoso/>").encode("utf-16"),
    "after-70-KB-comment": (b'<?xml version="1.0"?>\n<!--' + b"x" * 70_000 + b"-->\n" + doctype().encode()
                            + b"<akomaNtoso/>"),
    "internal-subset-late": (b'<?xml version="1.0"?>\n<!--' + b"x" * 70_000 + b'-->\n<!DOCTYPE a [<!ENTITY e SYSTEM '
                             b'"file:///etc/passwd">]>\n<a>&e;</a>'),
    "utf-16le-without-bom": ('<?xml version="1.0" encoding="UTF-16LE"?>\n' + doctype() + "<a/>").encode("utf-16-le"),
}


@pytest.mark.parametrize("name", HIDDEN)
def test_a_doctype_is_refused_whatever_its_encoding_or_place(name):
    with pytest.raises(xmlio.XmlError, match="DOCTYPE or ENTITY declaration is not allowed"):
        xmlio.parse_bytes(HIDDEN[name], "evil.xml")


def test_an_external_dtd_is_never_opened(tmp_path):
    """The DTD is a FIFO: a parser that opened it would hang (the process is given 20 s)."""
    fifo = tmp_path / "evil.dtd"
    os.mkfifo(fifo)
    law = tmp_path / "rus.xml"
    law.write_bytes(b'<?xml version="1.0"?>\n<!--' + b"x" * 70_000 + b"-->\n" + doctype(str(fifo)).encode()
                    + b"<akomaNtoso>&x;</akomaNtoso>")
    done = process("validate", law, timeout=20)
    assert done.returncode == 1 and "DOCTYPE or ENTITY declaration is not allowed" in done.stdout + done.stderr


def test_the_parser_never_asks_for_an_external_resource():
    parser, resolver = xmlio._parser()
    from lxml import etree

    etree.fromstring(b'<?xml version="1.0"?>\n' + doctype("/nonexistent.dtd").encode() + b"<a/>", parser)
    assert resolver.asked == []


# --- law files: regular files inside laws/ -----------------------------------------------------------------
@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "repo")


@pytest.fixture
def bill(tmp_path):
    return write(tmp_path / "b.xml", bill_xml(TWO_FILES))


def test_a_law_folder_symlinked_outside_laws_is_refused(repo, bill, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.move(repo / "laws" / "sample-law", elsewhere)
    (repo / "laws" / "sample-law").symlink_to(elsewhere)
    before = snapshot(elsewhere)
    for command in ("check", "apply"):
        done = process(command, "--root", repo, bill)
        assert done.returncode == 1 and "outside" in done.stdout + done.stderr, done
    assert snapshot(elsewhere) == before


@pytest.mark.parametrize("kind", ["fifo", "folder", "dev-zero"])
def test_a_law_file_that_is_not_a_regular_file_is_refused_at_once(repo, bill, kind):
    path = repo / "laws" / "sample-law" / "rus.xml"
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    for command in ("check", "apply"):
        done = process(command, "--root", repo, bill, timeout=30)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "not a regular file" in done.stdout + done.stderr or "outside" in done.stdout + done.stderr


@pytest.mark.parametrize("command", ["validate", "show", "text"])
def test_dev_zero_as_a_law_is_refused_without_reading_it(command):
    peak, done = peak_mib(command, "/dev/zero")
    assert done.returncode in (1, 2) and "not a regular file" in done.stdout + done.stderr
    assert peak < PEAK_MIB


# --- git revisions -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("rev", ["--output=PWNED", "-p", "--ext-diff"])
def test_a_revision_is_never_an_option(tmp_path, rev):
    repo = make_repo(tmp_path / "repo")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git + ["init", "-q"], cwd=repo, check=True)
    subprocess.run(git + ["add", "."], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-qm", "x"], cwd=repo, check=True)
    done = process("diff", "laws/sample-law/rus.xml", "--rev", rev, cwd=repo)
    assert done.returncode == 2 and "a git revision" in done.stderr
    assert not (repo / "PWNED").exists()


# --- bombs ---------------------------------------------------------------------------------------------------------
def _spaces(z, name: str, head: bytes, mib: int, tail: bytes) -> None:
    with z.open(name, "w", force_zip64=True) as f:
        f.write(head)
        for _ in range(mib):
            f.write(b" " * (1 << 20))
        f.write(tail)


@pytest.fixture(scope="module")
def docx_bomb(tmp_path_factory):
    """A Word file whose text part is 512 MiB of spaces (1 MB packed)."""
    import io

    import docx

    folder = tmp_path_factory.mktemp("bomb")
    plain = io.BytesIO()
    docx.Document().save(plain)
    src = zipfile.ZipFile(plain)
    path = folder / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, src.read(info.filename))
        head, tail = src.read("word/document.xml").split(b"<w:body>", 1)
        _spaces(z, "word/document.xml", head + b"<w:body>", 512, tail)
    return path


def _pdf(objects: list[bytes]) -> bytes:
    out, offsets = bytearray(b"%PDF-1.5\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PAGES = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]


@pytest.fixture(scope="module")
def pdf_bomb(tmp_path_factory):
    """A one-page PDF whose content stream inflates to 512 MiB."""
    packer = zlib.compressobj(9)
    stream = b"".join(packer.compress(b" " * (1 << 20)) for _ in range(512)) + packer.flush()
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)
    path = tmp_path_factory.mktemp("bomb") / "bomb.pdf"
    path.write_bytes(_pdf(PAGES + [page, content]))
    return path


@pytest.mark.slow
@pytest.mark.parametrize("bomb", ["docx_bomb", "pdf_bomb"])
def test_a_compression_bomb_is_refused_before_it_inflates(bomb, request, tmp_path):
    path = request.getfixturevalue(bomb)
    out = tmp_path / "law.xml"
    peak, done = peak_mib("import", path, "-o", out)
    assert done.returncode == 1 and "refused" in done.stderr and "Traceback" not in done.stderr
    assert peak < PEAK_MIB, f"{peak:.0f} MiB"
    assert not out.exists()


def test_a_real_print_is_within_the_bounds():
    from lawpatch.importer import bounds

    bounds.check_pdf(DATA / "import" / "family-code-2pages.pdf")


def test_the_bounds_let_the_corpus_prints_and_word_files_through(corpus):
    from lawpatch.importer import bounds

    for path in sorted((corpus / "orig").iterdir()):
        (bounds.check_docx if path.suffix == ".docx" else bounds.check_pdf)(path)

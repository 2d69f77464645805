"""What every command does alike: stdout only for the output asked for, notes and findings on
stderr, --quiet, an example in --help, and a closed stdout (``lawpatch … | head -1``) that changes
neither what a command writes nor its exit status."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from lawpatch.cli import COMMANDS

from .conftest import DATA, ROOT, snapshot

BILL = "amendments/bill.xml"
LAW = "laws/external-migration/rus.xml"

# one invocation of every command, run in a copy of the sample repository (tests/data/build's bill)
RUNS = {
    "import": ["import", "source.txt", "-o", "imported/rus.xml"],
    "validate": ["validate", "laws"],
    "show": ["show", "laws/external-migration", "статья 2"],
    "text": ["text", LAW],
    "check": ["check", BILL],
    "apply": ["apply", BILL],
    "new": ["new", "amendments/new.xml", "--id", "new", "--title-rus", "О внесении изменений",
            "--law", "laws/external-migration"],
    "amend": ["amend", BILL, "repeal", "--cite", "статья 4"],
    "anchor": ["anchor", BILL],
    "diff": ["diff", BILL],
    "table": ["table", BILL, "-o", "out/table.docx"],
    "render": ["render", LAW, "-o", "out/law.docx"],
    "redline": ["redline", BILL, "-o", "out/redline"],
    "bill": ["bill", BILL],
    "build": ["build", "-o", "out/build"],
    "git-setup": ["git-setup"],
    "refs": ["refs", "laws/external-migration", "статья 2"],
    "trace": ["trace", "laws/external-migration", "статья 2"],
    "compliance": ["compliance", "-o", "out/report.html"],
    "derive": ["derive", "laws/external-migration", "edited.xml", "-o", "amendments/derived.xml"],
    "parse-bill": ["parse-bill", "bill.txt", "-o", "amendments/parsed.xml"],
    "export-akn": ["export-akn", BILL, "-o", "out/bill.akn.xml"],
    "parity": ["parity", "laws/external-migration"],
    "glossary": ["glossary", "laws/external-migration"],
}
# commands whose output is the files they write: nothing on stdout
FILES_ONLY = {"import", "check", "apply", "new", "amend", "anchor", "table", "render", "redline", "build",
              "git-setup", "compliance", "derive", "parse-bill", "export-akn", "validate"}


@pytest.fixture
def repo(tmp_path, sample_dir):
    root = tmp_path / "repo"
    (root / "laws").mkdir(parents=True)
    shutil.move(str(sample_dir), root / "laws" / "external-migration")
    (root / "amendments").mkdir()
    shutil.copy(DATA / "build" / "bill.xml", root / BILL)
    shutil.copytree(ROOT / "treaties", root / "treaties")
    shutil.copy(DATA / "importer" / "law.ru.txt", root / "source.txt")
    shutil.copy(root / LAW, root / "edited.xml")
    from lawpatch.billtext import bill_text
    from lawpatch.patch import load_bill

    (root / "bill.txt").write_text(bill_text(load_bill(root / BILL), "rus", root), encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def lawpatch(root, args, stdout) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "lawpatch", *args], cwd=root, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1780000000"})
    return proc.returncode, proc.stderr


def closed_pipe() -> int:
    """The writing end of a pipe whose reader is already gone: the first write gets EPIPE."""
    r, w = os.pipe()
    os.close(r)
    return w


def test_every_command_has_an_invocation_here():
    assert set(COMMANDS) - set(RUNS) == set()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_stdout_changes_neither_the_files_nor_the_status(name, repo, tmp_path):
    args = RUNS[name]
    before = snapshot(repo)
    status, err = lawpatch(repo, args, subprocess.DEVNULL)
    written = snapshot(repo)
    for _ in range(2):   # and the same every time
        for path in set(snapshot(repo)) - set(before):
            os.remove(repo / path)
        for path, data in before.items():
            (repo / path).write_bytes(data)
        shutil.rmtree(repo / "out", ignore_errors=True)
        pipe = closed_pipe()
        try:
            again, err_again = lawpatch(repo, args, pipe)
        finally:
            os.close(pipe)
        assert again == status, err_again
        assert snapshot(repo) == written
        assert "Traceback" not in err_again and "BrokenPipe" not in err_again


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FILES_ONLY & set(COMMANDS)))
def test_commands_that_write_files_print_nothing_on_stdout_and_quiet_nothing_at_all(name, repo):
    proc = subprocess.run([sys.executable, "-m", "lawpatch", "--quiet", *RUNS[name]], cwd=repo,
                          capture_output=True, text=True)
    assert proc.stdout == ""
    if proc.returncode == 0:
        assert proc.stderr == "" or all(": warning:" in line or line.startswith("    hint:")
                                         for line in proc.stderr.splitlines()), proc.stderr


def test_text_to_a_closed_stdout_ends_as_it_would_have(repo):
    pipe = closed_pipe()
    try:
        status, err = lawpatch(repo, ["text", LAW], pipe)
    finally:
        os.close(pipe)
    assert (status, err) == (0, "")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_help_has_a_worked_example(name, capsys):
    from lawpatch.cli import main

    with pytest.raises(SystemExit):
        main([name, "--help"])
    out = capsys.readouterr().out
    assert any(line.strip().startswith(f"lawpatch {name} ") for line in out.splitlines()), out


def test_the_group_documents_exit_status_and_completion(capsys):
    from lawpatch.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Exit status: 0" in out and "2 a usage error" in out and "_LAWPATCH_COMPLETE" in out


def _stderr_on_a_terminal(args, cwd) -> str:
    """What ``lawpatch ARGS`` writes to stderr when stderr is a terminal (a pseudo-terminal here)."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "lawpatch", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=slave, env={**os.environ, "COLUMNS": "100"})
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:     # the terminal's other end closed: the process has ended
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_a_progress_bar_on_a_terminal_only_and_never_with_quiet(tmp_path):
    for k in range(4):
        shutil.copytree(DATA / "sample-law", tmp_path / "laws" / f"law-{k}")
    shown = _stderr_on_a_terminal(["validate", "-j", "1", "laws"], tmp_path)
    assert "validating" in shown and "100%" in shown
    assert "validating" not in _stderr_on_a_terminal(["--quiet", "validate", "-j", "1", "laws"], tmp_path)
    piped = subprocess.run([sys.executable, "-m", "lawpatch", "validate", "-j", "1", "laws"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert "validating" not in piped.stderr and piped.stdout == ""


def test_the_command_ends_with_its_output_whole_and_its_status():
    """`lawpatch` ends its process without tearing the heap down (lawpatch.cli.run): everything it
    wrote reaches the reader, the status is the command's, and exit handlers still run."""
    from lawpatch.law import Law
    from lawpatch.textrender import law_text

    law = ROOT / "laws" / "tax-code" / "rus.xml"
    done = subprocess.run([sys.executable, "-m", "lawpatch", "text", str(law)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.rstrip("\n") == law_text(Law.load(law)).rstrip("\n")
    done = subprocess.run([sys.executable, "-m", "lawpatch", "show", "laws/nope", "статья 1"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr == "lawpatch: laws/nope: no such law file\n"
    code = ("import atexit, sys\nfrom lawpatch.cli import run\natexit.register(lambda: print('handled', "
            "file=sys.stderr))\nsys.argv = ['lawpatch', '--version']\nrun()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("lawpatch, version") and done.stderr == "handled\n"

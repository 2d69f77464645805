"""Shared by the data-safety tests: a small repository, bills written in a few lines, lawpatch run
in-process or as a process (for kills, hangs and memory)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawpatch.cli import main

from . import billfiles
from .conftest import DATA

# a bill on both language files of the sample law: two files, one commit
TWO_FILES = """<restate-heading at="art_1"><heading lang="rus">Понятия</heading><heading lang="kir">Түшүнүктөр</heading>
</restate-heading>"""


def make_repo(root: Path, slugs=("sample-law",)) -> Path:
    """``root/laws/<slug>`` for each slug, a copy of the sample law (rus.xml, kir.xml)."""
    for slug in slugs:
        shutil.copytree(DATA / "sample-law", root / "laws" / slug)
    return root


def bill_xml(ops: str, bill_id: str = "b", date: str = "2026-11-20", slug: str = "sample-law",
             more: str = "") -> str:
    """A bill amending ``laws/<slug>`` with ``ops`` (patch XML), titled in both languages; ``more``:
    further <law> blocks."""
    return billfiles.bill_xml(ops, href=f"laws/{slug}", bill_id=bill_id, date=date, more=more,
                              titles=("О внесении изменений", "Өзгөртүүлөрдү киргизүү жөнүндө"))


def law_block(slug: str, ops: str) -> str:
    return f'\n  <law href="laws/{slug}" base="rus@2025-07-10">\n{ops}\n  </law>'


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def lawpatch(capsys, *args) -> tuple[int, str, str]:
    """Run lawpatch in this process: (exit status, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


def process(*args, cwd=None, env=None, timeout=120) -> subprocess.CompletedProcess:
    """Run lawpatch as a process (``env`` adds to the environment)."""
    return subprocess.run([sys.executable, "-m", "lawpatch", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


def start(*args, cwd=None, env=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "lawpatch", *map(str, args)], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})


def peak_mib(*args, cwd=None) -> tuple[float, subprocess.CompletedProcess]:
    """The peak memory (MiB) of lawpatch run as a process, measured by the process itself: its own
    high-water mark (VmHWM) where Linux gives it, for ru_maxrss carries the peak of the process it
    was started from across exec (a test run late in a large pytest process read pytest's size)."""
    code = ("import resource, sys\nfrom lawpatch.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
            "try:\n    kib = next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM:'))\n"
            "except (OSError, StopIteration):\n    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "print(kib, file=sys.stderr)\nsys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=300)
    return int(done.stderr.strip().splitlines()[-1]) / 1024, done


def no_traceback(text: str) -> bool:
    return "Traceback (most recent call last)" not in text

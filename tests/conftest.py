"""Shared fixtures: the committed sample law, the bundled laws, and the optional shared corpus."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore new examples on a drafter's or developer's machine; CI (LAWPATCH_CI=1,
# .ci/run) runs the same examples every time, so that a red CI names a change, not a draw.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("LAWPATCH_CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
LAWS = ROOT / "laws"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    """The tests' own cache folder (lawpatch.cache), not the user's."""
    before = os.environ.get("LAWPATCH_CACHE")
    os.environ["LAWPATCH_CACHE"] = str(tmp_path_factory.mktemp("lawpatch-cache"))
    yield Path(os.environ["LAWPATCH_CACHE"])
    if before is None:
        del os.environ["LAWPATCH_CACHE"]
    else:
        os.environ["LAWPATCH_CACHE"] = before


@pytest.fixture
def sample_dir(tmp_path) -> Path:
    """A writable copy of tests/data/sample-law (rus.xml + kir.xml)."""
    dest = tmp_path / "sample-law"
    shutil.copytree(DATA / "sample-law", dest)
    return dest


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not here ({CORPUS}); corpus-wide tests run where it is (CI)")
    return CORPUS


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: to prove a refused command wrote nothing (the
    repository's lock, in ``.lawpatch/``, is not content)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".lawpatch" not in p.relative_to(folder).parts}


def run_cli(capsys, *args) -> tuple[int, str, str]:
    """Run ``lawpatch ARGS`` in-process: (exit status, stdout, stderr)."""
    from lawpatch.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err

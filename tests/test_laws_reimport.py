"""The committed laws are exactly what the importer makes of the corpus today (no drift)."""
import os
import subprocess
import sys

import pytest

from lawpatch.law import SIDECARS

from .conftest import LAWS, ROOT

pytestmark = pytest.mark.slow


def test_reimport_gives_the_committed_laws(corpus, tmp_path):
    env = dict(os.environ, PYTHON=sys.executable)
    subprocess.run([str(LAWS / "reimport.sh"), str(corpus), str(tmp_path)], check=True, env=env,
                   capture_output=True, cwd=ROOT)
    committed = sorted(p.relative_to(LAWS) for p in LAWS.rglob("*.xml") if p.name not in SIDECARS)
    assert committed == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.xml"))
    drifted = [str(p) for p in committed if (LAWS / p).read_bytes() != (tmp_path / p).read_bytes()]
    assert not drifted, f"re-import differs from the committed laws: {drifted} (run laws/reimport.sh)"

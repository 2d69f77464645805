"""The project's own files read at run time: ``schemas/``, ``treaties/``, ``templates/`` and
``glossary/`` at the top of the source checkout, which lawpatch is installed from (``pip install -e .``)."""
from __future__ import annotations

from pathlib import Path

from .errors import LawpatchError

PROJECT = Path(__file__).resolve().parents[2]


def project_file(*parts: str) -> Path:
    """``PROJECT/<parts>``, or a clear error where the checkout does not have it."""
    path = PROJECT.joinpath(*parts)
    if not path.exists():
        raise LawpatchError(f"{path}: not found — lawpatch reads schemas/, treaties/, templates/ and glossary/ from its "
                            "source checkout; install it from there with `pip install -e .`")
    return path

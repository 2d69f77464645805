"""The examples in the modules' docstrings are tests too."""
import doctest
import importlib
import pkgutil

import pytest

import lawpatch

MODULES = sorted(m.name for m in pkgutil.walk_packages(lawpatch.__path__, "lawpatch.")
                 if not m.name.startswith("lawpatch.cli") and m.name != "lawpatch.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0

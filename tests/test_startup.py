"""What a command pays before its work: the modules ``check`` imports leave out what only other
commands use, and a pattern made with ``lazyre`` matches as ``re``'s does, compiled on first use."""
import copy
import pickle
import re
import subprocess
import sys

from lawpatch import lazyre

# the modules check and apply import; what none of them may pull in at import
CHECK_MODULES = ("lawpatch.cli.patchcmd", "lawpatch.patch", "lawpatch.patch.apply", "lawpatch.importer.fragment",
                 "lawpatch.references", "lawpatch.glossary", "lawpatch.treaties", "lawpatch.links", "lawpatch.cache")
NOT_FOR_CHECK = ("lawpatch.importer.titleblock", "lawpatch.importer.toc", "lawpatch.importer.superscripts",
                 "lawpatch.parity.compare", "lawpatch.parity.facts", "shutil", "cobalt")
# diff reads two files and prints: no hashing, no JSON (but with --format json), no cache
DIFF_MODULES = ("lawpatch.cli.diffcmd", "lawpatch.cli.progress", "lawpatch.compare", "lawpatch.render.inputs",
                "lawpatch.render.review", "lawpatch.law")
NOT_FOR_DIFF = ("hashlib", "json", "lawpatch.cache", "shutil", "cobalt")


def _imported(modules: tuple, unwanted: tuple) -> list[str]:
    """Which of ``unwanted`` a fresh interpreter has loaded once it has imported ``modules``."""
    code = (f"import sys\nfor m in {modules!r}: __import__(m)\n"
            f"print(' '.join(m for m in {unwanted!r} if m in sys.modules))")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()


def test_check_imports_only_what_it_uses():
    assert _imported(CHECK_MODULES, NOT_FOR_CHECK) == []


def test_diff_imports_only_what_it_uses():
    assert _imported(DIFF_MODULES, NOT_FOR_DIFF) == []


def test_a_lazy_pattern_is_compiled_on_first_use_and_matches_as_re():
    source, text = r"(?P<num>\d+(?:-\d+)*)-(?P<unit>берене|бөлүк)", "5-берене, 12-1-бөлүк; 7-пункт"
    lazy, real = lazyre.compile(source, re.I), re.compile(source, re.I)
    assert lazy.pattern == source and "finditer" not in vars(lazy)
    assert [m.groupdict() for m in lazy.finditer(text)] == [m.groupdict() for m in real.finditer(text)]
    assert "finditer" in vars(lazy)     # kept: found without __getattr__ from now on
    assert lazy.sub("N", text) == real.sub("N", text)
    assert lazy.flags == real.flags and lazy.groupindex == real.groupindex


def test_a_lazy_pattern_copies_and_pickles():
    lazy = lazyre.compile(r"\d+")
    assert lazy.match("5")       # once used too
    for other in (copy.copy(lazy), copy.deepcopy(lazy), pickle.loads(pickle.dumps(lazy))):
        assert other.findall("статья 5, часть 12") == ["5", "12"]

"""The project's own schemas (schemas/*.xsd), compiled once per process, and their errors as
findings with lines: patch files, the treaty registry, links and the KR profile are checked here."""
from __future__ import annotations

import functools

from .errors import Finding
from .resources import project_file
from .xmlio import LINKS_NS, PATCH_NS, TREATY_NS


@functools.lru_cache(maxsize=None)
def compiled(name: str):
    """The compiled schema ``schemas/<name>`` (lxml's libxml2 validator: milliseconds to build, errors
    with lines)."""
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(project_file("schemas", name))))


def schema_findings(tree, path: str, name: str, code: str) -> list[Finding]:
    """Every error of ``tree`` against ``schemas/<name>``, each with its line."""
    validator = compiled(name)
    if validator.validate(tree):
        return []
    return [Finding(code, f"not valid against {name}: {_plain(err.message)}", file=path, line=err.line or None,
                    hint=f"see schemas/{name}")
            for err in validator.error_log]


def _plain(message: str) -> str:
    """libxml2 names elements with their namespace; the drafter knows them without it."""
    for ns in (PATCH_NS, TREATY_NS, LINKS_NS):
        message = message.replace("{%s}" % ns, "")
    return message

"""The ``lawpatch`` command line: click commands only, one module per command group.

Commands are loaded lazily (only the module of the command being run is imported), so that
start-up stays light; heavy libraries are imported inside the commands that need them.
The one error boundary is :func:`main`: everything below raises ``LawpatchError``.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import time

import click

from ..errors import LawpatchError

# command name -> "module:function" (module relative to lawpatch.cli)
COMMANDS = {
    "import": "importcmd:import_cmd",
    "validate": "validatecmd:validate_cmd",
    "parity": "paritycmd:parity_cmd",
    "glossary": "paritycmd:glossary_cmd",
    "show": "showcmd:show_cmd",
    "text": "showcmd:text_cmd",
    "check": "patchcmd:check_cmd",
    "apply": "patchcmd:apply_cmd",
    "new": "authorcmd:new_cmd",
    "amend": "authorcmd:amend_cmd",
    "anchor": "authorcmd:anchor_cmd",
    "derive": "derivecmd:derive_cmd",
    "parse-bill": "parsebillcmd:parse_bill_cmd",
    "export-akn": "exportcmd:export_akn_cmd",
    "diff": "diffcmd:diff_cmd",
    "table": "tablecmd:table_cmd",
    "render": "rendercmd:render_cmd",
    "redline": "rendercmd:redline_cmd",
    "bill": "billcmd:bill_cmd",
    "build": "buildcmd:build_cmd",
    "git-setup": "gitcmd:git_setup_cmd",
    "refs": "refscmd:refs_cmd",
    "trace": "tracecmd:trace_cmd",
    "compliance": "compliancecmd:compliance_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(name for name in COMMANDS if self._exists(name))

    @staticmethod
    def _exists(name: str) -> bool:
        module = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(f"{__name__}.{module}") is not None

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None or not self._exists(name):
            return None
        module, func = target.split(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), func)


EPILOG = """\b
Exit status: 0 done (warnings allowed); 1 findings or a refusal (nothing written);
2 a usage error or an input that cannot be read. Findings, errors, progress and
summaries go to stderr; stdout carries only the output asked for (a text, a diff,
JSON), so `lawpatch text LAW | less` and `--format json | jq` read only that.

\b
Every command has --help with an example. Shell completion (bash, zsh, fish):
  eval "$(_LAWPATCH_COMPLETE=bash_source lawpatch)"   # in ~/.bashrc
"""


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.option("-q", "--quiet", is_flag=True, help="Only errors and warnings: no progress, notes or summaries.")
@click.option("-v", "--verbose", is_flag=True, help="Also how long the command took (on stderr).")
@click.option("--debug", is_flag=True, help="Show the Python traceback of an error.")
@click.version_option(package_name="lawpatch")
@click.pass_context
def cli(ctx, quiet, verbose, debug):
    """lawpatch — amendments to the laws of the Kyrgyz Republic: Akoma Ntoso laws, patch files,
    comparison tables and the bill's documents.

    \b
    lawpatch validate laws/
    lawpatch check amendments/2026-icrmw-family.xml
    lawpatch build -o out/
    """
    ctx.ensure_object(dict)
    ctx.obj.update(quiet=quiet and not verbose, verbose=verbose or debug, debug=debug)


class _Output:
    """stdout that a reader may close early (``lawpatch text LAW | head -1``): the rest of the
    output is dropped and the command runs to its end, so that what it writes and its exit status
    never depend on when the reader stopped reading."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._drop()
            return len(text)

    def flush(self):
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._drop()

    def _drop(self) -> None:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, self._stream.fileno())   # the buffered rest goes nowhere, without an error
        os.close(null)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def main(argv=None) -> None:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    settings: dict = {}
    started = time.perf_counter()
    if not isinstance(sys.stdout, _Output) and hasattr(sys.stdout, "fileno"):
        try:
            sys.stdout.fileno()
            sys.stdout = _Output(sys.stdout)
        except (OSError, ValueError):   # no file behind stdout (a test's capture): nothing to guard
            pass
    try:
        rv = cli.main(args=argv, prog_name="lawpatch", standalone_mode=False, obj=settings)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except LawpatchError as exc:
        if debug:
            raise
        click.echo(f"lawpatch: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    finally:
        sys.stdout.flush()
    if settings.get("verbose"):
        click.echo(f"lawpatch: {time.perf_counter() - started:.2f} s", err=True)
    sys.exit(rv if isinstance(rv, int) else 0)


_KEPT: list | None = None       # what commands leave to the end of the process (see keep), once run() runs


def keep(*objects) -> None:
    """Leave ``objects`` to the end of the process, which :func:`run` ends without freeing them one
    by one (a command's two whole laws took milliseconds to free as it returned). Where lawpatch
    runs inside another program (``main`` called, as tests do), nothing is kept."""
    if _KEPT is not None:
        _KEPT.extend(objects)


def run() -> None:
    """The ``lawpatch`` command: :func:`main`, then the process ends without tearing its heap down
    object by object. The interpreter's own exit freed every element, row and record the command
    had made — longer than the work itself on a large index (0.85 s of a 1.4 s ``check`` in a
    repository of 1,000 acts; 0.25 s of a ``table``). Streams are flushed and the exit handlers
    run (process pools, temporary files) before the process ends.

    The young generation is collected every 20,000 allocations, not 700: a command makes hundreds
    of thousands of objects that live to its end (elements, records, rows), and each collection
    walked them again (5% of a ``check`` or a ``diff``); cycles are still collected."""
    import atexit
    import gc

    global _KEPT
    gc.set_threshold(20_000, 20, 20)
    _KEPT = []
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    atexit._run_exitfuncs()
    os._exit(code or 0)

"""The ``lawpatch`` command line: click commands only, one module per command group.

Commands are loaded lazily (only the module of the command being run is imported), so that
start-up stays light; heavy libraries are imported inside the commands that need them.
The one error boundary is :func:`main`: everything below raises ``LawpatchError``.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys

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


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the Python traceback of an error.")
@click.version_option(package_name="lawpatch")
@click.pass_context
def cli(ctx, debug):
    """lawpatch — amendments to the laws of the Kyrgyz Republic: Akoma Ntoso laws, patch files,
    comparison tables and the bill's documents."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv=None) -> None:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        rv = cli.main(args=argv, prog_name="lawpatch", standalone_mode=False)
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
    sys.exit(rv if isinstance(rv, int) else 0)

"""``lawpatch build``: every document of the bills, in one go."""
from __future__ import annotations

import click

from .report import note


@click.command("build")
@click.argument("patches", nargs=-1)
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the outputs: one sub-folder per bill.")
@click.option("--in-place", is_flag=True, help="Also write the amended laws over laws/ (after the outputs).")
@click.option("--lang", type=click.Choice(["rus", "kir", "both"]), default="both", show_default=True)
@click.option("--allow-missing-language", "allow_missing", is_flag=True,
              help="Build the package without a language a law or the bill lacks (a law without kir.xml: "
                   "Russian only); summary.md says what is left out. Without it, that is refused.")
@click.option("--root", default=".", show_default=True, help="Repository root (laws/, amendments/).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Bills built at once, each in a process of its own (default: up to the CPUs).")
def build_cmd(patches, out_dir, in_place, lang, allow_missing, root, jobs):
    """Check the bills (default: every amendments/*.xml), apply them to copies of the laws, and
    write per bill into OUT/<bill-id>/: the consolidated XML and DOCX of each changed law, the
    comparison tables, the redlines, the amending law's text and summary.md.

    Nothing is written when any bill is refused (its findings are printed, exit status 1), nor
    when a law it amends lacks a language asked for (a law without kir.xml, with --lang both),
    unless --allow-missing-language; laws/ is untouched unless --in-place.

    \b
    lawpatch build -o out/                          every bill of amendments/
    lawpatch build amendments/2026-icrmw-family.xml --lang rus -o out/
    """
    from ..build import LANG_CHOICES, build, default_patches
    from ..errors import FindingsError
    from .progress import bar

    count = len(patches) or len(default_patches(root))
    try:
        with bar(count, "building") as step:
            results = build(patches, out_dir, in_place=in_place, root=root, langs=LANG_CHOICES[lang],
                            allow_missing=allow_missing, jobs=jobs, progress=step)
    except FindingsError as exc:
        for f in exc.findings:
            click.echo(str(f), err=True)
        click.echo("refused: nothing written", err=True)
        return 1
    for b in results:
        note(f"{b.folder}/: {len(b.files)} file(s), {b.laws} law file(s) changed")
        for f in b.missing:
            click.echo(f"{b.folder.name}: left out: {f.unit + ': ' if f.unit else ''}{f.message}", err=True)
    if in_place:
        note("laws/ updated in place")
    note(f"see {results[0].folder.parent}/<bill-id>/summary.md" if results else "no bill built")
    return 0

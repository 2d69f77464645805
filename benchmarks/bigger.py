"""Growth: a synthetic corpus of many acts, and big single inputs.

- scale: ``validate -j 2`` of laws/, the reference index (``refs``) and ``build`` of every bill, on
  a corpus of N acts and of 10·N acts (copies of the bundled bilingual laws with numbers and titles
  of their own, a bill of three ops each): the time of 10·N over the time of N, aim ≤ 11×, and the
  cores used (CPU time over wall time).
- big inputs: ``check`` of a bill of 1,000 and of 10,000 ops (aim ≤ 10×); ``render`` of a law of
  10k and of 200k text blocks (aim ≤ 20×); ``apply`` to a law with 100,000 attributes on one
  element (it must not keep apply busy).
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .cases import lawpatch_argv
from .timer import Figures, run
from .workspace import Workspace, bill_xml, make_ops, many_paragraphs, synthetic_corpus, wide_element


def _time(argv, runs: int, env, failures, name: str, cwd=None, statuses=(0,), setup=None,
          warm: bool = False) -> Figures | None:
    """``runs`` timed runs of ``lawpatch ARGV`` (``warm``: after one untimed run, the caches filled)."""
    if warm:
        run(lawpatch_argv() + argv, cwd=cwd, env=env)
    fig = Figures()
    for _ in range(runs):
        if setup:
            setup()
        sample = run(lawpatch_argv() + argv, cwd=cwd, env=env)
        if sample.status not in statuses:
            failures.append(f"{name}: exit {sample.status}\n{sample.stderr}")
            return None
        fig.add(sample)
    return fig


def _growth_row(name: str, small: Figures | None, big: Figures | None, factor: int, aim: float) -> str:
    if small is None or big is None:
        return f"| {name} | | | | | failed |"
    g = big.wall / small.wall
    return (f"| {name} | {small.wall:.2f} ({small.cores:.1f} cores) | {big.wall:.2f} ({big.cores:.1f} cores) | "
            f"{big.peak_mb:.0f} | {g:.1f}× for {factor}× | ≤ {aim:g}× {'met' if g <= aim else 'MISSED'} |")


def scale(tmp: Path, env, quick: bool, failures: list[str]) -> str:
    small_n, big_n = (5, 50) if quick else (100, 1000)
    runs = 1 if quick else 3
    figures: dict[str, dict[int, Figures | None]] = {"validate": {}, "validate warm": {}, "refs": {}, "refs warm": {},
                                                     "build": {}}
    bills = {}
    for n in (small_n, big_n):
        print(f"scale: a corpus of {n} acts …", file=sys.stderr)
        corpus = tmp / f"corpus-{n}"
        bills[n] = synthetic_corpus(corpus, n)
        laws = corpus / "laws"
        figures["validate"][n] = _time(["--quiet", "validate", "-j", "2", str(laws)], runs,
                                       {**env, "LAWPATCH_CACHE": "off"}, failures, f"validate -j 2 of {n} acts")
        figures["validate warm"][n] = _time(["--quiet", "validate", "-j", "2", str(laws)], runs, env, failures,
                                            f"validate -j 2 of {n} acts, cached", warm=True)
        figures["refs"][n] = _time(["refs", str(laws / "act-00000"), "статья 1"], runs,
                                   {**env, "LAWPATCH_CACHE": "off"}, failures, f"refs over {n} acts")
        figures["refs warm"][n] = _time(["refs", str(laws / "act-00000"), "статья 1"], runs, env, failures,
                                        f"refs over {n} acts, cached", warm=True)
        out = corpus / "out"
        figures["build"][n] = _time(["--quiet", "build", "-j", "2", "-o", str(out)], 1, env, failures,
                                    f"build of {bills[n]} bills", cwd=corpus,
                                    setup=lambda: shutil.rmtree(out, ignore_errors=True))
        shutil.rmtree(corpus)
    factor = big_n // small_n
    lines = [f"## Scale: {small_n} and {big_n} acts (RU + KY each; {bills[small_n]} and {bills[big_n]} bills)", "",
             f"| command | {small_n} acts, s | {big_n} acts, s | peak MB | growth | aim |", "|---|---:|---:|---:|---|---|"]
    aim = factor * 1.1
    lines.append(_growth_row("validate -j 2 laws/ (no cache)", figures["validate"][small_n],
                             figures["validate"][big_n], factor, aim))
    lines.append(_growth_row("validate: the same, findings from the cache", figures["validate warm"][small_n],
                             figures["validate warm"][big_n], factor, aim))
    lines.append(_growth_row("refs: every act's references read (no cache)", figures["refs"][small_n],
                             figures["refs"][big_n], factor, aim))
    lines.append(_growth_row("refs: the same, read from the cache", figures["refs warm"][small_n],
                             figures["refs warm"][big_n], factor, aim))
    lines.append(_growth_row("build -j 2 (every bill)", figures["build"][small_n], figures["build"][big_n], factor, aim))
    return "\n".join(lines)


def big_inputs(ws: Workspace, tmp: Path, env, quick: bool, failures: list[str]) -> str:
    from lawpatch.law import Law

    runs = 1 if quick else 3
    lines = ["## Big inputs", "", "| input | small, s | big, s | peak MB | growth | aim |", "|---|---:|---:|---:|---|---|"]
    law = Law.load(ws.law)
    ops_small, ops_big = (300, 3000) if quick else (1000, 10000)
    checks = {}
    for n in (ops_small, ops_big):
        bill = tmp / f"bill-{n}.xml"
        ops = make_ops(law, n, per_unit=3)
        bill.write_text(bill_xml(law, ops), encoding="utf-8")
        print(f"big: check of {len(ops)} ops …", file=sys.stderr)
        checks[n] = (len(ops), _time(["check", "--root", str(ws.repo), str(bill)], runs, env, failures,
                                     f"check of {n} ops", statuses=(0, 1)))
    (a, fa), (b, fb) = checks[ops_small], checks[ops_big]
    lines.append(_growth_row(f"check: {a:,} ops → {b:,} ops", fa, fb, ops_big // ops_small, ops_big / ops_small))
    paras_small, paras_big = (10_000, 50_000) if quick else (10_000, 200_000)
    renders = {}
    for n in (paras_small, paras_big):
        path = tmp / f"paragraphs-{n}.xml"
        blocks = many_paragraphs(ws.tax, n, path)
        print(f"big: render of {blocks} blocks …", file=sys.stderr)
        renders[n] = (blocks, _time(["render", str(path), "-o", str(tmp / f"paragraphs-{n}.docx")], runs, env,
                                    failures, f"render of {n} blocks"))
    (a, fa), (b, fb) = renders[paras_small], renders[paras_big]
    lines.append(_growth_row(f"render: {a:,} → {b:,} text blocks", fa, fb, paras_big // paras_small,
                             paras_big / paras_small))
    wide = ws.repo / "laws" / "bench-tax-code" / "rus.xml"
    pristine = wide.read_bytes()
    attributes = 20_000 if quick else 100_000
    wide_element(ws.law, attributes, wide)
    mangled = wide.read_bytes()
    fig = _time(["apply", "--root", str(ws.repo), str(ws.bill)], runs, env, failures,
                f"apply with {attributes} attributes", statuses=(0, 1, 2), setup=lambda: wide.write_bytes(mangled))
    wide.write_bytes(pristine)
    if fig is not None:
        outcome = "refused" if fig.samples[-1].status else "applied"
        lines.append(f"| apply: {attributes:,} attributes on one element ({outcome}) | | {fig.wall:.2f} | "
                     f"{fig.peak_mb:.0f} | | not busy |")
    return "\n".join(lines)

"""Writers that meet: two `apply`s of two bills on one law, two `amend`s of one bill, started
together many times. Every run that says it succeeded has its change in the result; none is lost."""
from __future__ import annotations

import pytest

from lawpatch import structure as st
from lawpatch.law import Law
from lawpatch.xmlio import PATCH_NS, parse

from .safety import bill_xml, make_repo, no_traceback, process, start, write

TRIALS = 12
HEADINGS = {"x": ("art_1", "Понятия"), "y": ("art_2", "Задачи")}


def heading_op(eid: str, heading: str) -> str:
    return f'<restate-heading at="{eid}" lang="rus"><heading lang="rus">{heading}</heading></restate-heading>'


@pytest.mark.slow
def test_two_appliers_lose_no_change(tmp_path):
    bills = {name: write(tmp_path / f"{name}.xml", bill_xml(heading_op(*HEADINGS[name]), bill_id=name))
             for name in HEADINGS}
    for trial in range(TRIALS):
        repo = make_repo(tmp_path / f"repo{trial}")
        runs = {name: start("apply", "--root", repo, bill) for name, bill in bills.items()}
        done = {name: (run.wait(timeout=120), run.stderr.read()) for name, run in runs.items()}
        law = Law.load(repo / "laws" / "sample-law" / "rus.xml")
        for name, (code, err) in done.items():
            eid, heading = HEADINGS[name]
            assert no_traceback(err), err
            if code == 0:  # it said so: its change is there, and its bill is recorded
                assert st.heading_text(law.get(eid)) == heading, (trial, name, err)
                assert law.meta.find(f".//{st.A}passiveRef[@eId='bill-{name}']") is not None
            else:
                assert code == 1 and err.strip(), (trial, name, err)
        assert process("validate", repo / "laws").returncode == 0


@pytest.mark.slow
def test_two_amends_of_one_bill_lose_no_op(tmp_path):
    repo = make_repo(tmp_path / "repo")
    for trial in range(TRIALS):
        patch = write(tmp_path / f"bill{trial}.xml", bill_xml(""))
        runs = {name: start("amend", patch, "restate-heading", "--at", eid, "--heading", heading, "--lang", "rus",
                            "--root", repo)
                for name, (eid, heading) in HEADINGS.items()}
        done = {name: (run.wait(timeout=120), run.stderr.read()) for name, run in runs.items()}
        ops = {el.get("at") for el in parse(patch).getroot().iter("{%s}restate-heading" % PATCH_NS)}
        for name, (code, err) in done.items():
            assert code == 0 and no_traceback(err), (trial, name, err)
        assert ops == {eid for eid, _ in HEADINGS.values()}, (trial, ops)

"""lawpatch.storage, and the writers on it: temps that cannot be planted, writes that are whole or
absent, a journal that makes several files all or nothing across a kill, leftovers cleaned, one
writer per repository at a time."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lawpatch import storage
from lawpatch.law import Law

from .conftest import snapshot
from .safety import TWO_FILES, bill_xml, make_repo, process, start, write


def dead_pid() -> int:
    """The pid of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def headings(repo) -> tuple[str, str]:
    """The heading of article 1 in rus.xml and kir.xml of the sample law."""
    return tuple(Law.load(repo / "laws" / "sample-law" / f"{lang}.xml").get("art_1").findtext(
        "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}heading") for lang in ("rus", "kir"))


OLD, NEW = ("Основные понятия", "Негизги түшүнүктөр"), ("Понятия", "Түшүнүктөр")


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if ".lawpatch-" in p.name or p.name == "journal.json")


# --- temps and single files ------------------------------------------------------------------------
def test_a_symlink_planted_at_the_temp_name_is_never_followed(tmp_path, monkeypatch):
    victim = write(tmp_path / "victim.txt", "keep")
    target = tmp_path / "law.xml"
    target.write_bytes(b"old")
    names = iter(["deadbeef", "cafef00d"])
    monkeypatch.setattr(storage, "_token", lambda: next(names))
    planted = tmp_path / f".law.xml.{os.getpid()}-deadbeef.lawpatch-tmp"
    planted.symlink_to(victim)
    (tmp_path / ".law.xml.lawpatch-tmp").symlink_to(victim)  # the fixed name of earlier versions
    storage.write_file(target, b"new")
    assert target.read_bytes() == b"new" and victim.read_text() == "keep" and planted.is_symlink()


def test_apply_writes_nowhere_through_a_planted_symlink(tmp_path):
    repo = make_repo(tmp_path)
    victim = write(tmp_path / "victim.txt", "keep")
    for name in (".rus.xml.lawpatch-tmp", ".kir.xml.lawpatch-tmp"):
        (repo / "laws" / "sample-law" / name).symlink_to(victim)
    bill = write(tmp_path / "b.xml", bill_xml(TWO_FILES))
    assert process("apply", "--root", repo, bill).returncode == 0
    assert victim.read_text() == "keep" and headings(repo) == NEW


@pytest.mark.parametrize("kind", ["fifo", "folder", "device", "large"])
def test_read_regular_refuses_what_is_not_a_small_regular_file(tmp_path, kind):
    path = tmp_path / "rus.xml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path = "/dev/zero"
    else:
        path.write_bytes(b"x" * 2049)
    with pytest.raises(storage.StorageError, match="not a regular file|larger than") as refused:
        storage.read_regular(path, 2048)
    assert refused.value.code == ("STORAGE.TOO_LARGE" if kind == "large" else "STORAGE.NOT_REGULAR")


# --- several files: all or nothing ------------------------------------------------------------------
def test_a_full_disk_while_committing_changes_nothing(tmp_path, monkeypatch):
    repo = make_repo(tmp_path)
    before = snapshot(repo)
    writes = []

    def full(fd, data):
        writes.append(fd)
        if len(writes) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)
    real = storage._write_all
    monkeypatch.setattr(storage, "_write_all", full)
    files = [(repo / "laws" / "sample-law" / name, b"<new/>") for name in ("rus.xml", "kir.xml")]
    with pytest.raises(storage.StorageError, match="kir.xml: cannot write: the disk is full") as refused:
        storage.commit(repo, files)
    assert refused.value.code == "STORAGE.WRITE"
    assert snapshot(repo) == before and leftovers(repo) == []


def test_commit_refuses_a_file_outside_the_repository(tmp_path):
    repo = make_repo(tmp_path / "repo")
    with pytest.raises(storage.StorageError, match="outside the repository"):
        storage.commit(repo, [(tmp_path / "elsewhere.xml", b"x")])
    assert not (tmp_path / "elsewhere.xml").exists()


@pytest.mark.parametrize("point", [pytest.param("temps-written", marks=pytest.mark.slow),
                                   pytest.param("journal-written", marks=pytest.mark.slow), "first-renamed"])
def test_apply_killed_while_writing_two_files_is_completed_or_undone(tmp_path, point):
    repo = make_repo(tmp_path)
    bill = write(tmp_path / "b.xml", bill_xml(TWO_FILES))
    killed = process("apply", "--root", repo, bill, env={"LAWPATCH_TEST_CRASH_AT": point})
    assert killed.returncode == -signal.SIGKILL
    if point == "temps-written":  # before the journal: nothing changed; the next apply does it all
        assert headings(repo) == OLD
        again = process("apply", "--root", repo, bill)
        assert again.returncode == 0, again.stderr
    else:  # after the journal: the next run, even a reader, completes the renames
        assert (repo / ".lawpatch" / "journal.json").exists()
        reader = process("check", "--root", repo, bill)
        assert "completed what an interrupted run" in reader.stderr
        assert "CHECK.ALREADY_APPLIED" in process("check", "--format", "json", "--root", repo, bill).stdout
        process("apply", "--root", repo, bill)  # a writer cleans the leftovers
    assert headings(repo) == NEW
    assert leftovers(repo) == []
    assert process("validate", repo / "laws").returncode == 0


def test_the_working_copy_of_a_killed_run_of_several_bills_goes(tmp_path):
    import tempfile

    repo = make_repo(tmp_path)
    first = write(tmp_path / "a.xml", bill_xml(TWO_FILES, bill_id="a"))
    second = write(tmp_path / "c.xml", bill_xml(TWO_FILES.replace("Понятия", "Термины"), bill_id="c"))
    killed = start("apply", "--root", repo, first, second, env={"LAWPATCH_TEST_CRASH_AT": "temps-written"})
    assert killed.wait(timeout=120) == -signal.SIGKILL and headings(repo) == OLD
    pattern = f".lawpatch-work.{killed.pid}-*.lawpatch-new"
    assert list(Path(tempfile.gettempdir()).glob(pattern))  # the bills run one after another on a copy
    assert process("apply", "--root", repo, first).returncode == 0
    assert not list(Path(tempfile.gettempdir()).glob(pattern))


def test_a_journal_naming_files_outside_the_repository_is_refused(tmp_path):
    repo = make_repo(tmp_path / "repo")
    victim = write(tmp_path / "victim.txt", "keep")
    (repo / ".lawpatch").mkdir()
    write(repo / ".lawpatch" / "journal.json", json.dumps(
        {"pid": 1, "files": [{"target": "../victim.txt", "temp": f"../.victim.txt.{dead_pid()}-00000000.lawpatch-tmp",
                              "sha256": ""}]}))
    done = process("check", "--root", repo, write(tmp_path / "b.xml", bill_xml(TWO_FILES)))
    assert done.returncode == 1 and "not a file of this repository" in done.stderr
    assert victim.read_text() == "keep"


def test_an_unreadable_journal_is_reported_not_guessed(tmp_path):
    repo = make_repo(tmp_path)
    (repo / ".lawpatch").mkdir()
    write(repo / ".lawpatch" / "journal.json", "{not json")
    done = process("apply", "--root", repo, write(tmp_path / "b.xml", bill_xml(TWO_FILES)))
    assert done.returncode == 1 and "unreadable journal" in done.stderr and headings(repo) == OLD


# --- leftovers and folders ---------------------------------------------------------------------------
def test_leftovers_of_dead_runs_go_and_those_of_live_ones_stay(tmp_path):
    gone, alive = dead_pid(), os.getpid()
    write(tmp_path / f".rus.xml.{gone}-0badc0de.lawpatch-tmp", "half")
    write(tmp_path / f".rus.xml.{alive}-0badc0de.lawpatch-tmp", "mine")
    (tmp_path / f".b.{gone}.lawpatch-new").mkdir()
    write(tmp_path / f".notes.tmp-{gone}", "a user's file")
    storage.clean_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".notes.tmp-{gone}",
                                                        f".rus.xml.{alive}-0badc0de.lawpatch-tmp"]


def test_outputs_moved_aside_by_a_killed_run_come_back(tmp_path):
    aside = tmp_path / f".b.{dead_pid()}.lawpatch-old"
    aside.mkdir()
    write(aside / "summary.md", "previous")
    storage.clean_leftovers(tmp_path)
    assert (tmp_path / "b" / "summary.md").read_text() == "previous" and not aside.exists()


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_replace_dir_puts_the_new_folder_in_place(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(storage, "_exchange", lambda a, b: False)
    final, new = tmp_path / "b", tmp_path / "new"
    final.mkdir()
    write(final / "old.txt", "old")
    new.mkdir()
    write(new / "new.txt", "new")
    storage.replace_dir(new, final)
    assert [p.name for p in tmp_path.iterdir()] == ["b"] and [p.name for p in final.iterdir()] == ["new.txt"]


@pytest.mark.slow
def test_build_killed_while_replacing_its_outputs_leaves_whole_ones(tmp_path):
    repo = make_repo(tmp_path)
    out = tmp_path / "out"
    bill = write(tmp_path / "b.xml", bill_xml(TWO_FILES))
    assert process("build", "--root", repo, "-o", out, bill).returncode == 0
    first = snapshot(out / "b")
    write(bill, bill_xml(TWO_FILES.replace("Понятия", "Термины")))
    killed = process("build", "--root", repo, "-o", out, bill, env={"LAWPATCH_TEST_CRASH_AT": "dir-exchanged"})
    assert killed.returncode == -signal.SIGKILL
    assert snapshot(out / "b").keys() == first.keys()  # whole: every output, of the new bill
    assert "Термины" in (out / "b" / "sample-law.rus.xml").read_text(encoding="utf-8")
    assert process("build", "--root", repo, "-o", out, bill).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["b"]


# --- the lock ----------------------------------------------------------------------------------------
HOLD = "import sys, time\nfrom lawpatch import storage\nwith storage.locked(sys.argv[1]):\n" \
       "    print('held', flush=True)\n    time.sleep(float(sys.argv[2]))\n"


def hold(repo, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(repo), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_writer_is_refused_naming_the_holder(tmp_path):
    repo = make_repo(tmp_path)
    before = snapshot(repo / "laws")
    holder = hold(repo, 60)
    try:
        done = process("apply", "--root", repo, write(tmp_path / "b.xml", bill_xml(TWO_FILES)),
                       env={"LAWPATCH_LOCK_WAIT": "0.3"})
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 1
    assert f"another lawpatch is changing this repository (pid {holder.pid}, «lawpatch" in done.stderr
    assert "since 20" in done.stderr and "nothing was done" in done.stderr
    assert snapshot(repo / "laws") == before


def test_a_second_writer_waits_for_the_first(tmp_path):
    repo = make_repo(tmp_path)
    holder = hold(repo, 1.0)
    done = process("apply", "--root", repo, write(tmp_path / "b.xml", bill_xml(TWO_FILES)))
    holder.wait()
    assert done.returncode == 0 and "waiting for another lawpatch" in done.stderr and headings(repo) == NEW


def test_the_lock_of_a_killed_writer_is_taken_over(tmp_path):
    repo = make_repo(tmp_path)
    holder = hold(repo, 60)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    done = process("apply", "--root", repo, write(tmp_path / "b.xml", bill_xml(TWO_FILES)),
                   env={"LAWPATCH_LOCK_WAIT": "0"})
    assert done.returncode == 0, done.stderr
    assert headings(repo) == NEW


def test_the_lock_is_reentrant_within_a_process(tmp_path):
    with storage.locked(tmp_path):
        with storage.locked(tmp_path):
            storage.commit(tmp_path, [(tmp_path / "a.txt", b"a")])
    assert (tmp_path / "a.txt").read_bytes() == b"a"

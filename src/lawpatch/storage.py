"""Reading and writing files so that nothing is lost, half-written or read from where it should
not be. Every file lawpatch writes goes through here.

- :func:`locked`: one writer per repository at a time. The lock is ``<root>/.lawpatch/lock``,
  held with ``flock``: the kernel releases it when its holder dies, so the lock of a killed run
  is taken over at once. The file records the holder (pid, command, since) for the message a
  second writer gets when it has waited long enough (``LAWPATCH_LOCK_WAIT`` seconds, default 30).
- :func:`write_file`: one file, atomically: a temp next to it with a unique name, created
  exclusively (never an existing file, never through a symlink), fsynced, renamed over the
  file, and the folder fsynced.
- :func:`commit`: several files, all or nothing, also across a crash: every temp is written and
  fsynced, then the journal ``<root>/.lawpatch/journal.json`` naming them, then the renames. A
  run killed before the journal is written has changed nothing (its temps are leftovers); a run
  killed after it is completed by the next one (:func:`recover`), as a database replays its log.
- :func:`replace_dir`: a folder of outputs put in place at once; the previous one stays visible
  until then.
- :func:`clean_leftovers`: temps and folders of killed runs (their pid is in the name) go.
- :func:`read_regular`: the bytes of a regular file, bounded; folders, FIFOs and devices refused
  before a byte is read.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from . import lazyre
from .errors import Finding, Refusal

# (what only writing, locking or recovering needs is imported there: the commands that only read
# import this module for read_regular, and each module costs their start-up)

STATE = ".lawpatch"          # the repository's own folder: the lock and the journal
LOCK_WAIT = 30.0             # seconds a writer waits for the lock (LAWPATCH_LOCK_WAIT)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# what a run leaves while it works, named for the file and the run's pid: a temp
# «.rus.xml.123-9f3a0c1d.lawpatch-tmp», a folder being built «.bill.123.lawpatch-new», a folder
# moved aside while its replacement goes in «.bill.123.lawpatch-old»
_LEFTOVER = lazyre.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)(?:-[0-9a-f]{8})?\.lawpatch-(?P<kind>tmp|new|old)$")


class StorageError(Refusal):
    """A file that cannot be read or written: its path, the reason (full disk, read-only folder…)
    and the code (``STORAGE.WRITE``…)."""

    def __init__(self, path, reason: str, code: str = "STORAGE.WRITE"):
        self.path, self.reason = str(path), reason
        super().__init__(code, f"{path}: {reason}")

    def finding(self, file: str = "", line: int | None = None, **more) -> Finding:
        return Finding(self.code, self.reason, file=file or self.path, line=line, hint=self.hint, **more)


def _error(path, exc: OSError, doing: str) -> StorageError:
    why = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
           errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
           errno.EPERM: "permission denied"}.get(exc.errno, exc.strerror or str(exc))
    return StorageError(path, f"cannot {doing}: {why}", "STORAGE.READ" if doing == "read" else "STORAGE.WRITE")


def _crash(point: str) -> None:
    """Tests kill the process here (``LAWPATCH_TEST_CRASH_AT=<point>``) to prove that a crash at
    this moment loses nothing."""
    if os.environ.get("LAWPATCH_TEST_CRASH_AT") == point:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


# --- reading ------------------------------------------------------------------------------------
def read_regular(path, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (symlinks followed); anything else, or more than
    ``limit`` bytes, is refused before it is read (a FIFO never blocks, /dev/zero never fills memory)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | _CLOEXEC)
    except OSError as exc:
        raise _error(path, exc, "read") from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
            raise StorageError(path, f"not a regular file ({kind}); refused", "STORAGE.NOT_REGULAR")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 22))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _error(path, exc, "read") from exc
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise StorageError(path, f"larger than {limit // (1024 * 1024)} MiB; refused", "STORAGE.TOO_LARGE")
    return data


def inside(path, folder) -> bool:
    """Whether ``path``, symlinks resolved, is ``folder`` or below it."""
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True


# --- writing one file ---------------------------------------------------------------------------
def ensure_dir(folder) -> Path:
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        pass
    except OSError as exc:
        raise _error(folder, exc, "create the folder") from exc
    if not folder.is_dir():
        blocker = next((p for p in (folder, *folder.parents) if p.exists()), folder)
        raise StorageError(folder, f"cannot create the folder: {blocker} is a file")
    return folder


def _mode(target: Path) -> int:
    """The replaced file's mode, else what a plain ``open`` gives (not mkstemp's 0600, which would
    hide laws and documents from colleagues on a shared folder)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _token() -> str:
    """Eight random hex digits: what makes a run's temp names unguessable."""
    return os.urandom(4).hex()


def _temp(target: Path, data: bytes) -> Path:
    """``data`` in a new file next to ``target``: a unique name created exclusively, fsynced."""
    mode = _mode(target)
    for _ in range(16):
        tmp = target.with_name(f".{target.name}.{os.getpid()}-{_token()}.lawpatch-tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)
            break
        except FileExistsError:
            continue
        except OSError as exc:
            raise _error(target, exc, "write") from exc
    else:
        raise StorageError(target, "cannot write: no free temporary name")
    try:
        os.fchmod(fd, mode)
        _write_all(fd, data)
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise _error(target, exc, "write") from exc
    os.close(fd)
    return tmp


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is as durable as they allow
    finally:
        os.close(fd)


class Staged:
    """A temp written for a look before it replaces its file (see :func:`staged`)."""

    def __init__(self, path: Path):
        self.path, self.wanted = path, True

    def discard(self) -> None:
        """Leave the file as it is: the temp goes when the block ends."""
        self.wanted = False


@contextmanager
def staged(path, data: bytes):
    """``data`` in a temp next to ``path`` (a :class:`Staged`), to be looked at before it replaces
    ``path``: renamed over it when the block ends, unless the block raised or discarded it."""
    target = Path(path)
    ensure_dir(target.parent)
    clean_leftovers(target.parent)
    temp = Staged(_temp(target, data))
    try:
        yield temp
        if temp.wanted:
            try:
                os.replace(temp.path, target)
            except OSError as exc:
                raise _error(target, exc, "write") from exc
            _fsync_dir(target.parent)
    finally:
        temp.path.unlink(missing_ok=True)


def write_file(path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: the file is the old one or the new one, never a mix."""
    with staged(path, data):
        pass


# --- several files: the journal -----------------------------------------------------------------
def _journal(root: Path) -> Path:
    return Path(root) / STATE / "journal.json"


def commit(root, files) -> None:
    """Write every ``(path, bytes)`` of ``files`` (paths inside ``root``), all or nothing, also across
    a crash. Call it holding :func:`locked` for ``root``."""
    import hashlib
    import json

    root = Path(root)
    items = [(Path(p), data) for p, data in files]
    for target, _ in items:
        if not inside(target.parent, root):
            raise StorageError(target, f"outside the repository {root}; refused", "STORAGE.OUTSIDE")
    entries, temps = [], []
    try:
        for target, data in items:
            clean_leftovers(target.parent)
            tmp = _temp(target, data)
            temps.append(tmp)
            entries.append({"target": os.path.relpath(target, root), "temp": os.path.relpath(tmp, root),
                            "sha256": hashlib.sha256(data).hexdigest()})
        _crash("temps-written")
        record = {"pid": os.getpid(), "command": _command(), "files": entries}
        write_file(_journal(root), json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
    except BaseException:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        raise
    _crash("journal-written")
    _complete(root, record)


def _complete(root: Path, record: dict) -> list[str]:
    """Finish the renames a journal names; return the files whose content is not the journal's."""
    odd = []
    folders = set()
    for i, entry in enumerate(record["files"]):
        target, tmp = _journal_paths(root, entry)
        folders.add(target.parent)
        if tmp.exists():
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise _error(target, exc, "write") from exc
            if i == 0:
                _crash("first-renamed")
        elif _digest(target) != entry.get("sha256"):
            odd.append(str(target))
    for folder in folders:
        _fsync_dir(folder)
    _journal(root).unlink(missing_ok=True)
    _fsync_dir(_journal(root).parent)
    return odd


def _journal_paths(root: Path, entry: dict) -> tuple[Path, Path]:
    """A journal entry's file and temp, refused unless both are inside ``root`` and the temp is that
    file's (a planted journal must not rename arbitrary files)."""
    try:
        target, tmp = root / entry["target"], root / entry["temp"]
    except (KeyError, TypeError):
        raise StorageError(_journal(root), "not a lawpatch journal; look at it, then remove it",
                           "STORAGE.JOURNAL") from None
    m = _LEFTOVER.match(tmp.name)
    if not (inside(target.parent, root) and tmp.parent == target.parent and m and m.group("kind") == "tmp"
            and m.group("name") == target.name):
        raise StorageError(_journal(root), f"names {entry!r}, which is not a file of this repository "
                                           "and its temp; look at it, then remove it", "STORAGE.JOURNAL")
    return target, tmp


def _digest(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def recover(root) -> None:
    """Complete a commit a killed run left half done, and clean its leftovers (holding the lock)."""
    import json

    root = Path(root)
    journal = _journal(root)
    if journal.exists():
        try:
            record = json.loads(read_regular(journal, 16 * 1024 * 1024))
            if not isinstance(record, dict) or not isinstance(record.get("files"), list):
                raise ValueError
        except ValueError:
            raise StorageError(journal, "an unreadable journal of an interrupted run; look at it, "
                                        "then remove it", "STORAGE.JOURNAL") from None
        odd = _complete(root, record)
        names = ", ".join(e.get("target", "?") for e in record["files"])
        _note(f"completed what an interrupted run (pid {record.get('pid')}, «{record.get('command', '')}») "
              f"had started: {names}")
        for path in odd:
            _note(f"{path}: changed since the interrupted run wrote it; check it")
    import tempfile

    for folder in (root / STATE, *_law_folders(root), root / "amendments", Path(tempfile.gettempdir())):
        if folder.is_dir():
            clean_leftovers(folder)


def _law_folders(root: Path) -> list[Path]:
    laws = root / "laws"
    return [p for p in laws.iterdir() if p.is_dir()] if laws.is_dir() else []


def settle(root) -> None:
    """Before reading laws: complete an interrupted commit first (as a database's reader replays a
    hot journal), so that no reader sees one law new and the other old."""
    if _journal(root).exists():
        with locked(root):
            pass


# --- leftovers and folders ------------------------------------------------------------------------
def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid > 0
    return True


def clean_leftovers(folder) -> None:
    """Remove the temps and folders that killed runs left in ``folder``; a bill's previous outputs
    moved aside (``.bill.old-<pid>``) go back in place when the new ones never arrived."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if not m:
            continue
        if _alive(int(m.group("pid"))):
            continue
        path = Path(entry.path)
        try:
            if m.group("kind") == "old" and not (path.parent / m.group("name")).exists():
                os.rename(path, path.parent / m.group("name"))
            elif entry.is_dir(follow_symlinks=False):
                import shutil     # (with its bz2 and lzma: only where a killed run left a folder)

                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            pass  # not ours to remove (another user's): it stays, and harms nothing


def replace_dir(new, final) -> None:
    """Put the folder ``new`` in the place of ``final`` at once. Where the system can swap two
    names atomically (Linux ``renameat2``) the previous folder is never missing; elsewhere it is
    missing between two renames, and :func:`clean_leftovers` puts it back after a crash there."""
    import shutil

    new, final = Path(new), Path(final)
    try:
        if not final.exists():
            os.rename(new, final)
        elif _exchange(new, final):
            _crash("dir-exchanged")
            shutil.rmtree(new, ignore_errors=True)
        else:
            old = aside(final, "old")
            os.rename(final, old)
            _crash("dir-moved-aside")
            try:
                os.rename(new, final)
            except OSError:
                os.rename(old, final)
                raise
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise _error(final, exc, "write the folder") from exc
    _fsync_dir(final.parent)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where not supported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def aside(final, kind: str = "new") -> Path:
    """This run's name for a folder next to ``final``: ``new`` (being built), ``old`` (moved aside)."""
    final = Path(final)
    return final.with_name(f".{final.name}.{os.getpid()}.lawpatch-{kind}")


def scratch_dir() -> Path:
    """A new private folder in the system's temp folder for this run's working copies; a killed
    run's is removed by the next one."""
    import tempfile

    base = Path(tempfile.gettempdir())
    clean_leftovers(base)
    for _ in range(16):
        folder = base / f".lawpatch-work.{os.getpid()}-{_token()}.lawpatch-new"
        try:
            folder.mkdir(mode=0o700)
            return folder
        except FileExistsError:
            continue
        except OSError as exc:
            raise _error(folder, exc, "create the folder") from exc
    raise StorageError(base, "cannot create a working folder: no free name")


# --- the lock ---------------------------------------------------------------------------------------
_held: dict[str, int] = {}


def _command() -> str:
    import shlex

    return shlex.join(["lawpatch", *sys.argv[1:]])[:300]


def _note(message: str) -> None:
    print(f"lawpatch: {message}", file=sys.stderr)


@contextmanager
def locked(root):
    """Hold the repository's lock: wait for another writer (bounded), or refuse naming it.
    Re-entrant within a process. On taking it, an interrupted commit is completed and leftovers go."""
    root = Path(root)
    state = ensure_dir(root / STATE)
    key = str(state.resolve())
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    path = state / "lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC, 0o644)
    except OSError as exc:
        raise _error(path, exc, "take the repository's lock") from exc
    try:
        _acquire(fd, path, root)
        _record_holder(fd, True)
        _held[key] = 1
        try:
            recover(root)
            yield
        finally:
            del _held[key]
            _record_holder(fd, False)
    finally:
        os.close(fd)  # releases the lock


def _acquire(fd: int, path: Path, root: Path) -> None:
    import fcntl

    try:
        wait = float(os.environ.get("LAWPATCH_LOCK_WAIT", LOCK_WAIT))
    except ValueError:
        raise StorageError("LAWPATCH_LOCK_WAIT", "give the seconds to wait for the lock as a number",
                           "STORAGE.LOCKED") from None
    deadline = time.monotonic() + max(wait, 0.0)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        except OSError as exc:
            raise _error(path, exc, "take the repository's lock") from exc
        holder = _holder(fd)
        if time.monotonic() >= deadline:
            raise StorageError(root.resolve(), f"another lawpatch is changing this repository ({holder}); "
                                               "nothing was done: run again when it has finished", "STORAGE.LOCKED")
        if not told:
            _note(f"waiting for another lawpatch to finish with {root.resolve()} ({holder}) …")
            told = True
        time.sleep(0.05)


def _record_holder(fd: int, holding: bool) -> None:
    """Who holds the lock, for the message of a writer that waits (best effort: a full disk must
    not stop the run that holds the lock, only that message)."""
    import json
    from datetime import datetime

    try:
        os.ftruncate(fd, 0)
        if holding:
            os.pwrite(fd, json.dumps({"pid": os.getpid(), "command": _command(),
                                      "since": datetime.now().isoformat(timespec="seconds")}).encode("utf-8"), 0)
    except OSError:
        pass


def _holder(fd: int) -> str:
    import json

    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        info = {}
    if not info:
        return "a run that is starting"
    return f"pid {info.get('pid')}, «{info.get('command', '')}», since {info.get('since', '?')}"

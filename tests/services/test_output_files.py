"""Exports never clobber: every export writes only a regular file. What is at the destination and
is not one (a FIFO, a symbolic link, a socket, a folder, a device) is refused with one sentence
naming it and left exactly as it was; an existing regular file is replaced only with `force`; the
app's own data is never a destination. Checked for each export the services offer, before the
first byte is written and again just before the file is put in place."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from studyplanner.core.validation import InvalidInput
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as creds
from studyplanner.services import output_files
from studyplanner.services.archive.transfer import export_archive, write_sessions_csv
from studyplanner.services.calendar_export import write_ics
from studyplanner.services.ceu_export import write_activities_csv, write_audit_packet
from studyplanner.services.database import Database, open_database
from studyplanner.services.output_files import DestinationExists

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and devices")

TODAY = date(2026, 11, 27)
Export = Callable[[Database, Path, bool], object]
EXPORTS: dict[str, tuple[str, Export]] = {
    "archive": (".zip", lambda db, p, force: export_archive(db, p, now=datetime(2026, 11, 27),
                                                            force=force)),
    "sessions csv": (".csv", lambda db, p, force: write_sessions_csv(db, p, force=force)),
    "calendar": (".ics", lambda db, p, force: write_ics(db, p, TODAY, force=force)),
    "ceu csv": (".csv", lambda db, p, force: write_activities_csv(db, p, force=force)),
    "audit packet": (".pdf", lambda db, p, force: write_audit_packet(db, "CPC", p, TODAY,
                                                                     force=force)),
}  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    cpc = creds.add_credential(database, "CPC", date(2025, 1, 2), TODAY)
    acts.add_activity(
        database, acts.ActivityInput(date(2026, 3, 1), "Webinar", Decimal(1), "coding"),
        [(cpc.current.id, Decimal(1))], TODAY,
    )  # fmt: skip
    yield database
    database.close()


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)  # a socket's path must be short: it is bound by a relative name
    return folder


def _make(kind: str, path: Path, keep: Path) -> None:
    """Put a `kind` at `path`; a link points to `keep` (a file that must keep its content)."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        path.symlink_to(keep)
    elif kind == "dangling symlink":
        path.symlink_to(keep.with_name("nothing-here"))
    elif kind == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("kept")
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(path.name)  # relative to the working directory (`out`)
    else:
        raise AssertionError(kind)


def _state(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every entry of `folder`: its kind, inode and, without opening anything but regular files,
    its content or link target."""
    found = {}
    for entry in sorted(folder.iterdir()):
        st = os.lstat(entry)
        if stat.S_ISLNK(st.st_mode):
            what = os.readlink(entry)
        elif stat.S_ISREG(st.st_mode):
            what = entry.read_text(errors="replace")
        elif stat.S_ISDIR(st.st_mode):
            what = repr(sorted(p.name for p in entry.iterdir()))
        else:
            what = ""
        found[entry.name] = (stat.S_IFMT(st.st_mode), st.st_ino, what)
    return found


WORDS = {
    "fifo": "is a FIFO (named pipe), not a regular file",
    "symlink": "is a symbolic link, not a regular file",
    "dangling symlink": "is a symbolic link, not a regular file",
    "socket": "is a socket, not a regular file",
    "folder": "is a folder",
}


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize("kind", sorted(WORDS))
@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_a_destination_that_is_not_a_regular_file_is_refused_untouched(
    db: Database, out: Path, tmp_path: Path, export: str, kind: str, force: bool
) -> None:
    suffix, write = EXPORTS[export]
    keep = tmp_path / "keep.txt"
    keep.write_text("the file a link points to")
    path = out / f"x{suffix}"
    _make(kind, path, keep)
    before = _state(out)
    with pytest.raises(InvalidInput) as refused:
        write(db, path, force)
    (sentence,) = refused.value.sentences()
    assert str(path) in sentence and WORDS[kind] in sentence
    assert not isinstance(refused.value, DestinationExists)
    assert _state(out) == before  # nothing replaced, nothing left beside it (no .part)
    assert keep.read_text() == "the file a link points to"


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_an_existing_file_is_replaced_only_with_force(db: Database, out: Path, export: str) -> None:
    suffix, write = EXPORTS[export]
    path = out / f"x{suffix}"
    path.write_text("an older export")
    with pytest.raises(DestinationExists) as refused:
        write(db, path, False)
    assert refused.value.sentences() == [f"{path} already exists; it was left as it is."]
    assert [p.name for p in out.iterdir()] == [path.name]
    assert path.read_text() == "an older export"
    write(db, path, True)
    assert path.read_bytes() != b"an older export" and path.stat().st_size > 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize("kind", ["fifo", "symlink", "regular file"])
def test_what_appears_while_the_export_is_written_is_never_replaced(
    db: Database, out: Path, tmp_path: Path, kind: str, force: bool
) -> None:
    """Checked again just before the file is put in place: a FIFO or link made meanwhile is
    refused even with force; a regular file made meanwhile is kept unless forced."""
    keep = tmp_path / "keep.txt"
    keep.write_text("kept")
    path = out / "all.zip"

    def meanwhile(done: int, _total: int) -> None:
        if done == 0 and not os.path.lexists(path):
            if kind == "regular file":
                path.write_text("written by someone else meanwhile")
            else:
                _make(kind, path, keep)

    if kind == "regular file" and force:
        export_archive(db, path, now=datetime(2026, 11, 27), progress=meanwhile, force=True)
        assert path.read_bytes().startswith(b"PK")
        return
    with pytest.raises(InvalidInput) as refused:
        export_archive(db, path, now=datetime(2026, 11, 27), progress=meanwhile, force=force)
    expected = "already exists" if kind == "regular file" else "not a regular file"
    assert expected in " ".join(refused.value.sentences())
    assert [p.name for p in out.iterdir()] == ["all.zip"]  # the temporary file is gone
    st = os.lstat(path)
    assert {"fifo": stat.S_ISFIFO, "symlink": stat.S_ISLNK,
            "regular file": stat.S_ISREG}[kind](st.st_mode)  # fmt: skip
    assert keep.read_text() == "kept"


@pytest.mark.parametrize("export", sorted(EXPORTS))
def test_the_apps_own_files_are_never_a_destination_even_with_force(
    db: Database, export: str
) -> None:
    _suffix, write = EXPORTS[export]
    (db.data_dir / "certificates").mkdir(exist_ok=True)
    (db.data_dir / "backups").mkdir(exist_ok=True)
    own = [db.path, *(Path(f"{db.path}{s}") for s in ("-wal", "-shm", "-journal")),
           db.data_dir / "backups" / "x.zip", db.data_dir / "certificates" / "x.pdf"]  # fmt: skip
    for target in own:
        existed = target.exists()
        before = target.read_bytes() if existed else None
        with pytest.raises(InvalidInput, match="Study Planner's own data"):
            write(db, target, True)
        assert target.exists() == existed
        assert (target.read_bytes() if existed else None) == before


def test_dev_null_is_refused_before_anything_is_written(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/dev/null itself, as root too: the refusal comes before any file is made or renamed
    (each of those steps fails this test instead of running), and the device is still there."""
    null = Path(os.devnull)
    if not stat.S_ISCHR(os.lstat(null).st_mode):
        pytest.skip("no character device at /dev/null")
    before = os.lstat(null)

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a write was attempted towards /dev/null")

    monkeypatch.setattr(output_files, "temporary", never)
    monkeypatch.setattr(output_files, "put_in_place", never)
    monkeypatch.setattr(os, "replace", never)
    monkeypatch.setattr(os, "link", never)
    for _suffix, write in EXPORTS.values():
        with pytest.raises(InvalidInput) as refused:
            write(db, null, True)
        assert refused.value.sentences()[0].startswith(
            f"{null} is a character device, not a regular file"
        )
    after = os.lstat(null)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev, after.st_mode) == (
        before.st_ino, before.st_rdev, before.st_mode)  # fmt: skip

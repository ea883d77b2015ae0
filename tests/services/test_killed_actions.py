"""Kill trials: a process imports archives with certificates, logs CEU activities with
certificates, takes backups, restores and exports, and is killed (SIGKILL) at random moments.
After each kill, what a start does (clean_up) leaves nothing behind: no staged certificate, no
certificate that no committed record points at, no half-written copy of the database, no
journal, no half-written export; and the database is whole."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studyplanner.services.database import open_database
from studyplanner.services.leftovers import PENDING_FOLDER, clean_up

WORKER = r"""
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from studyplanner.services import backups
from studyplanner.services.archive import transfer as archive
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as creds
from studyplanner.services.database import open_database

data_dir, scratch, archive_path = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
start = int(sys.argv[4])  # each run goes on where the last left off: time only moves forward
db = open_database(data_dir)
today = date(2026, 11, 27)
cycle = creds.list_credentials(db)[0].current.id
n = 0
while True:
    n += 1
    now = datetime(2026, 11, 27, 8) + timedelta(seconds=start + n)
    step = n % 5
    if step == 0:
        archive.import_archive(db, archive_path, "merge", now=now)
    elif step == 1:
        cert = scratch / f"cert-{n}.pdf"
        cert.write_bytes(b"%PDF-1.4\n" + str(n).encode() * 20000 + b"\n%%EOF\n")
        data = acts.ActivityInput(today, f"Webinar {n}", Decimal(1), "coding", certificate=cert)
        acts.add_activity(db, data, [(cycle, Decimal(1))], today)
    elif step == 2:
        backups.backup_now(db, now)
    elif step == 3:
        listed = backups.list_backups(data_dir)
        if listed:
            backups.restore_backup(db, listed[-1].path, now)
    else:
        archive.export_archive(db, scratch / "out.zip", now=now, force=True)
    with db.read() as conn:  # what this step committed: its certificates are data, not leftovers
        held = [row[0] for row in conn.exec_driver_sql(
            "SELECT certificate_file FROM ceu_activities WHERE certificate_file IS NOT NULL")]
    print(n, *held, flush=True)
"""

KILLS = 24


def _prepare(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A data folder with a credential, and an archive (from another folder) holding many
    certificates to import."""
    from datetime import date, datetime
    from decimal import Decimal

    from studyplanner.services import ceu_activities as acts
    from studyplanner.services import credentials as creds
    from studyplanner.services.archive import transfer as archive

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    today = date(2026, 11, 27)
    other = open_database(tmp_path / "other")
    try:
        cpc = creds.add_credential(other, "CPC", date(2025, 3, 10), today)
        for n in range(40):
            cert = scratch / f"other-{n}.pdf"
            cert.write_bytes(b"%PDF-1.4\n" + f"other {n}".encode() * 5000 + b"\n%%EOF\n")
            data = acts.ActivityInput(today, f"Course {n}", Decimal(1), "coding", certificate=cert)
            acts.add_activity(other, data, [(cpc.current.id, Decimal(1))], today)
        made = archive.export_archive(other, tmp_path / "other.zip", now=datetime(2026, 11, 27))
    finally:
        other.close()
    data_dir = tmp_path / "data"
    db = open_database(data_dir)
    try:
        creds.add_credential(db, "CCS", date(2024, 5, 1), today)
    finally:
        db.close()
    return data_dir, scratch, made.path


def _leftovers(data_dir: Path, scratch: Path) -> list[str]:
    found = [p for p in data_dir.rglob(".*") if p.is_file()]
    found += [p for p in (data_dir / PENDING_FOLDER).glob("*")] if (
        data_dir / PENDING_FOLDER).exists() else []  # fmt: skip
    found += [p for p in scratch.glob(".*.part")]
    return sorted(str(p) for p in found)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_killed_at_random_moments_nothing_is_left_behind(tmp_path: Path) -> None:
    data_dir, scratch, archive_path = _prepare(tmp_path)
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    rng = random.Random(20261202)
    removed_in_all = 0
    in_backups: set[str] = set()  # every certificate a backup pointed at, thinned since or not
    committed: set[str] = set()  # every certificate a committed state of the database held
    for kill in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(data_dir), str(scratch), str(archive_path),
             str(kill * 10_000)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        assert proc.stdout is not None
        for _line in range(rng.randint(0, 6)):
            line = proc.stdout.readline()
            if not line:
                break
            committed.update(line.split()[1:])
        time.sleep(rng.uniform(0, 0.15))  # racing another process: land the kill anywhere
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        for line in out.splitlines():
            committed.update(line.split()[1:])
        assert proc.returncode == -signal.SIGKILL, err
        db = open_database(data_dir)  # what a start does: open, then clean up
        try:
            removed_in_all += len(clean_up(db))
            assert _leftovers(data_dir, scratch) == []
            with db.read() as conn:
                names = {n for (n,) in conn.exec_driver_sql(
                    "SELECT certificate_file FROM ceu_activities WHERE certificate_file IS NOT NULL"
                )}  # fmt: skip
        finally:
            db.close()
        on_disk = {p.name for p in (data_dir / "certificates").glob("*") if p.is_file()}
        unreferenced = on_disk - names
        # A certificate only a backup points at is kept for that backup; one a committed state
        # pointed at (its backups thinned away since) is the thinning's to keep or not. Only a
        # file no committed state ever held can be a crash's leftover.
        in_backups |= _in_backups(data_dir)
        assert not unreferenced - in_backups - committed, sorted(unreferenced)[:5]
        with sqlite3.connect(data_dir / "studyplanner.sqlite3") as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
    assert removed_in_all > 0  # some kills did land mid-action


def _in_backups(data_dir: Path) -> set[str]:
    """Certificates a backup's records point at (a restore brings those records back)."""
    names: set[str] = set()
    for backup in (data_dir / "backups").glob("studyplanner-*.sqlite3"):
        conn = sqlite3.connect(f"file:{backup}?mode=ro&immutable=1", uri=True)
        try:
            names |= {n for (n,) in conn.execute(
                "SELECT certificate_file FROM ceu_activities WHERE certificate_file IS NOT NULL"
            )}  # fmt: skip
        finally:
            conn.close()
    return names


def test_check_removes_what_an_interrupted_action_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from studyplanner.cli import main as cli
    from studyplanner.services.leftovers import PendingFiles

    data_dir = tmp_path / "data"
    open_database(data_dir).close()
    half = data_dir / "backups" / ".partial-studyplanner-20261202-100000Z-auto.sqlite3"
    half.parent.mkdir(exist_ok=True)
    half.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    export_part = tmp_path / ".out.zip.1a2b3c4d.part"
    export_part.write_bytes(b"PK")
    pending = PendingFiles(data_dir)
    pending.temp(export_part)
    pending._fd, fd = -1, pending._fd  # the process "dies": its lock goes, the journal stays
    os.close(fd)
    assert cli(["--data-dir", str(data_dir), "check"]) == 0
    out = capsys.readouterr().out
    assert "removed 2 file(s) an interrupted action left behind" in out
    assert not half.exists() and not export_part.exists()
    assert not list((data_dir / PENDING_FOLDER).glob("*"))


def test_a_kill_while_the_journal_is_written_forgets_nothing_listed_before(
    tmp_path: Path,
) -> None:
    """An import lists each certificate before placing it. Killed while writing the next entry,
    the journal still names every certificate already placed (it is only ever appended to), and
    the next start removes them all. (The journal used to be rewritten whole: a kill between the
    truncation and the write emptied it, and 40 placed certificates stayed for good.)"""
    from studyplanner.services.leftovers import PendingFiles

    db = open_database(tmp_path / "data")
    certificates = db.data_dir / "certificates"
    certificates.mkdir()
    pending = PendingFiles(db.data_dir)
    placed = []
    for n in range(3):
        target = pending.placed(certificates / f"placed-{n}.pdf")
        target.write_bytes(b"%PDF-1.4 placed, never committed")
        placed.append(target)
    with pending.journal.open("ab") as torn:
        torn.write(b'{"placed": "' + str(certificates).encode() + b"/placed-3")  # cut short
    os.close(pending._fd)  # the process is gone: its lock with it
    pending._fd = -1
    removed = clean_up(db)
    assert sorted(p.name for p in placed if p.exists()) == []
    assert len(removed) >= 3
    assert not pending.journal.exists()
    db.close()


def test_a_journal_of_the_earlier_form_is_still_read(tmp_path: Path) -> None:
    import json

    db = open_database(tmp_path / "data")
    certificates = db.data_dir / "certificates"
    certificates.mkdir()
    leftover = certificates / "old.pdf"
    leftover.write_bytes(b"%PDF-1.4 left by an earlier version")
    journal = db.data_dir / PENDING_FOLDER / "earlier.json"
    journal.parent.mkdir()
    journal.write_text(json.dumps({"temp": [], "placed": [str(leftover)]}))
    clean_up(db)
    assert not leftover.exists() and not journal.exists()
    db.close()

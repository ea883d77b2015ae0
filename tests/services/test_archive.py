"""The whole-data archive on real SQLite files: export, import into an empty folder (row for row),
merge beside other data (ids renumbered, references followed), replace (with a backup),
cancelling, certificates, and the study log as CSV."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from studyplanner.core.exam_sections import SectionScore
from studyplanner.core.model import Availability, Blackout
from studyplanner.core.validation import InvalidInput
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as creds
from studyplanner.services.archive import transfer as archive
from studyplanner.services.archive.transfer import (
    ARCHIVE_JSON,
    ArchiveCancelled,
    ArchiveError,
    export_archive,
    import_archive,
    read_archive,
    write_sessions_csv,
)
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import active_plan, create_plan, suggest_terms
from studyplanner.services.progress import list_sessions, log_session, mark_done, module_statuses
from studyplanner.services.reminders import dismiss, snooze
from studyplanner.services.settings import AppSettings, app_settings, save_app_settings
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.services.study_log import current_timer, start_timer
from studyplanner.store import tables
from studyplanner.store.migrate import HEAD_REVISION

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 18, 30, 15, 250000)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EVENINGS = Availability((90, 90, 90, 90, 90, 180, 0))


# -- building a learner's data through the services ---------------------------------------------


def build_learner(data_dir: Path, scratch: Path) -> None:
    """A learner with something in every table: a degree plan (terms) and the active CPC plan
    (a blackout), sessions, completions, a running timer, a credential with CEU activities and a
    certificate, reminder states and settings."""
    scratch.mkdir(exist_ok=True)
    db = open_database(data_dir)
    try:
        start = date(2026, 8, 24)
        degree = PlanSettings(
            start=start, availability=Availability((180, 180, 180, 180, 180, 120, 0)),
            target=date(2028, 8, 1), terms=suggest_terms("associate-degree-hit", start),
        )  # fmt: skip
        create_plan(db, NewPlan(degree, template_id="associate-degree-hit"), TODAY,
                    now=datetime(2026, 8, 20, 9, 0))  # fmt: skip
        cpc = PlanSettings(
            start=date(2026, 9, 7), availability=EVENINGS, weekly_minutes=600,
            blackouts=(Blackout(date(2026, 12, 21), date(2027, 1, 3), "Holidays"),),
        )  # fmt: skip
        create_plan(db, NewPlan(cpc, template_id="cpc-certificate-program"), TODAY,
                    now=datetime(2026, 9, 1, 20, 15))  # fmt: skip
        modules = module_statuses(db, TODAY)
        log_session(db, modules[0].id, date(2026, 9, 8), 50, "Chapter 1, anatomy", TODAY)
        log_session(db, modules[0].id, date(2026, 9, 9), 35, '=HYPERLINK("x")', TODAY)
        log_session(db, modules[1].id, date(2026, 9, 12), 120, "Ünïcode ✓ notes", TODAY)
        mark_done(db, modules[0].id, date(2026, 9, 20), None, TODAY)
        exam = next(m for m in modules if m.kind.is_exam)
        sections = [SectionScore("anesthesia", "Anesthesia", 4, 1),
                    SectionScore("radiology", "Radiology", 6, 2)]  # fmt: skip
        mark_done(db, exam.id, date(2026, 10, 1), 82.5, TODAY, sections)
        start_timer(db, modules[1].id, datetime(2026, 11, 27, 17, 45))
        cred = creds.add_credential(db, "CPC", date(2025, 3, 10), TODAY, note="first try")
        certificate = scratch / "Certificate (1).pdf"
        certificate.write_bytes(PDF)
        for day, title, units, cert in [
            (date(2026, 5, 1), "Webinar: E/M 2026", "1.5", certificate),
            (date(2026, 6, 2), "Local chapter meeting", "1", None),
        ]:
            data = acts.ActivityInput(day, title, Decimal(units), "coding", provider="AAPC",
                                       certificate=cert)  # fmt: skip
            acts.add_activity(db, data, [(cred.current.id, Decimal(units))], TODAY)
        dismiss(db, "study:overdue:1")
        snooze(db, "ceu:short:CPC", TODAY + timedelta(days=7), TODAY)
        save_app_settings(db, AppSettings(study_time="19:30"))
    finally:
        db.close()


@pytest.fixture(scope="module")
def learner_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("learner")
    build_learner(root / "data", root / "scratch")
    return root / "data"


@pytest.fixture
def source(learner_template: Path, tmp_path: Path) -> Iterator[Database]:
    folder = tmp_path / "source"
    shutil.copytree(learner_template, folder)
    db = open_database(folder)
    yield db
    db.close()


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "data")
    yield db
    db.close()


def dump(db: Database, *, without_uid: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order (`without_uid`: leaving out the identities)."""
    with db.engine.connect() as conn:
        return {
            t.name: [
                tuple(r)
                for r in conn.execute(
                    select(
                        *(c for c in t.columns if not (without_uid and c.name == "uid"))
                    ).order_by(*t.primary_key.columns)
                )
            ]
            for t in tables.metadata.sorted_tables
        }


def health(db: Database) -> tuple[str, list[Any]]:
    with db.engine.connect() as conn:
        integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar_one()
        dangling = list(conn.exec_driver_sql("PRAGMA foreign_key_check"))
    return integrity, dangling


def files_under(folder: Path) -> set[str]:
    return {
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def rewrite(src: Path, dst: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of the archive `src` with its JSON document changed by `change`."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == ARCHIVE_JSON:
                document = json.loads(data)
                change(document)
                data = json.dumps(document).encode()
            new.writestr(info, data)
    return dst


@pytest.fixture
def exported(source: Database, tmp_path: Path) -> Path:
    path = tmp_path / "everything.zip"
    export_archive(source, path, now=NOW)
    return path


# -- export --------------------------------------------------------------------------------------


def test_the_learner_has_rows_in_every_table(source: Database) -> None:
    empty_tables = [name for name, rows in dump(source).items() if not rows]
    assert empty_tables == []


def test_archive_holds_every_table_and_the_certificates(source: Database, tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    path = tmp_path / "out" / "all.zip"
    path.parent.mkdir()
    summary = export_archive(source, path, now=NOW, progress=lambda d, t: progress.append((d, t)))
    assert summary.path == path and summary.certificates == 1
    assert summary.missing_certificates == ()
    assert summary.rows == {name: len(rows) for name, rows in dump(source).items()}
    assert progress[-1][0] == progress[-1][1] == summary.total_rows + 1
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert sorted(p.name for p in path.parent.iterdir()) == ["all.zip"]  # no temporary left
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        document = json.loads(zf.read(ARCHIVE_JSON).decode("utf-8"))
        stored = {n: zf.read(n) for n in names if n.startswith("certificates/")}
    assert names[0] == ARCHIVE_JSON
    assert list(stored.values()) == [PDF]
    assert document["format"] == 1 and document["schema"] == HEAD_REVISION
    assert document["exported_at"] == "2026-11-27T18:30:15.250000"
    assert list(document["tables"]) == [t.name for t in tables.metadata.sorted_tables]
    for table in tables.metadata.sorted_tables:
        for row in document["tables"][table.name]:
            assert list(row) == [c.name for c in table.columns]  # column order
    plan = document["tables"]["plans"][-1]
    assert plan["start_date"] == "2026-09-07" and plan["is_active"] is True
    assert plan["created_at"] == "2026-09-01T20:15:00"
    activity = document["tables"]["ceu_activities"][0]
    assert stored == {f"certificates/{activity['certificate_file']}": PDF}
    assert activity["certificate_name"] == "Certificate (1).pdf"


def test_export_refuses_a_bad_destination(source: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as missing:
        export_archive(source, tmp_path / "nowhere" / "a.zip", now=NOW)
    assert missing.value.for_field("path")
    with pytest.raises(InvalidInput) as folder:
        export_archive(source, tmp_path, now=NOW)
    assert folder.value.for_field("path")


def test_cancelled_export_leaves_nothing_and_keeps_an_older_file(
    source: Database, tmp_path: Path
) -> None:
    path = tmp_path / "out" / "all.zip"
    path.parent.mkdir()
    path.write_bytes(b"the previous archive")
    calls = []

    def cancel_on_third() -> bool:
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(ArchiveCancelled):
        export_archive(source, path, now=NOW, cancelled=cancel_on_third, force=True)
    assert path.read_bytes() == b"the previous archive"
    assert sorted(p.name for p in path.parent.iterdir()) == ["all.zip"]


def test_missing_certificate_is_exported_without_it(source: Database, tmp_path: Path) -> None:
    (certificate,) = (source.data_dir / "certificates").iterdir()
    certificate.unlink()
    summary = export_archive(source, tmp_path / "a.zip", now=NOW)
    assert summary.missing_certificates == (certificate.name,) and summary.certificates == 0
    contents = read_archive(tmp_path / "a.zip")
    assert all(r["certificate_file"] is None for r in contents.tables["ceu_activities"])
    assert contents.certificates == {}


def test_export_refuses_a_value_an_import_would_refuse(source: Database, tmp_path: Path) -> None:
    """What export writes, import reads: a stored value import would refuse stops the export."""
    with source.transaction() as session:
        session.execute(text("UPDATE blackouts SET label = :long"), {"long": "x" * 201})
    with pytest.raises(ArchiveError) as caught:
        export_archive(source, tmp_path / "a.zip", now=NOW)
    assert caught.value.problems[0].field == "table blackouts, row with id 1, field label"
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".*part")) == []


def test_export_reads_one_consistent_state(source: Database, tmp_path: Path) -> None:
    """A change made while the export runs (the GUI stays usable) is not half in the archive."""
    before = dump(source)
    changed: list[int] = []

    def meanwhile(done: int, total: int) -> None:
        if not changed:
            changed.append(1)
            plan = active_plan(source, TODAY)
            assert plan is not None
            module = plan.track.modules[2].id
            log_session(source, module, TODAY, 25, "logged during the export", TODAY)
            dismiss(source, "during-export")

    export_archive(source, tmp_path / "a.zip", now=NOW, progress=meanwhile)
    contents = read_archive(tmp_path / "a.zip")
    assert {n: len(r) for n, r in contents.tables.items()} == {n: len(r) for n, r in before.items()}
    assert len(list_sessions(source)) == len(before["study_sessions"]) + 1


# -- import into an empty folder ----------------------------------------------------------------


@pytest.mark.parametrize("mode", ["replace", "merge"])
def test_import_into_an_empty_folder_reproduces_every_row(
    source: Database, empty: Database, exported: Path, mode: archive.ImportMode
) -> None:
    summary = import_archive(empty, exported, mode, now=NOW)
    assert dump(empty) == dump(source)
    assert summary.added == {name: len(rows) for name, rows in dump(source).items()}
    assert summary.kept == {} and summary.certificates == 1
    assert summary.backup.is_file() and summary.backup.parent == empty.data_dir / "backups"
    assert health(empty) == ("ok", [])
    assert files_under(empty.data_dir / "certificates") == files_under(
        source.data_dir / "certificates"
    )
    for name in files_under(empty.data_dir / "certificates"):
        assert (empty.data_dir / "certificates" / name).read_bytes() == PDF
    # the services read it back as the learner left it
    assert current_timer(empty) == current_timer(source)
    assert app_settings(empty).study_time == "19:30"
    assert [a.certificate is not None for a in acts.list_activities(empty)] == [
        False,
        True,
    ]


def test_import_reports_progress_to_the_end(empty: Database, exported: Path) -> None:
    seen: list[tuple[int, int]] = []
    import_archive(empty, exported, "replace", now=NOW, progress=lambda d, t: seen.append((d, t)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# -- merge ---------------------------------------------------------------------------------------


def open_other(folder: Path) -> Database:
    """Another folder with its own data: a CCS plan, a session, a timer, its own credential
    (CCS), the same reminder key and other settings."""
    db = open_database(folder)
    settings = PlanSettings(start=date(2026, 10, 5), availability=Availability((60,) * 7),
                            weekly_minutes=420)  # fmt: skip
    create_plan(db, NewPlan(settings, template_id="ccs-exam-prep"), TODAY)
    module = module_statuses(db, TODAY)[0].id
    log_session(db, module, date(2026, 10, 6), 40, "other folder", TODAY)
    start_timer(db, module, datetime(2026, 11, 27, 8, 0))
    creds.add_credential(db, "CCS", date(2024, 5, 1), TODAY)
    dismiss(db, "ceu:short:CPC")
    save_app_settings(db, AppSettings(study_time="07:00"))
    return db


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    db = open_other(tmp_path / "other")
    yield db
    db.close()


def _sessions_by_module_title(db: Database) -> list[tuple[str, date, int, str]]:
    with db.engine.connect() as conn:
        s, m = tables.study_sessions, tables.modules
        rows = conn.execute(select(m.c.title, s.c.day, s.c.minutes, s.c.note).join(m))
        return sorted((r[0], r[1], r[2], r[3]) for r in rows)


def test_merge_keeps_both_and_renumbers(source: Database, other: Database, exported: Path) -> None:
    mine, theirs = dump(other), dump(source)
    own_sessions = _sessions_by_module_title(other)
    summary = import_archive(other, exported, "merge", now=NOW)
    merged = dump(other)
    assert health(other) == ("ok", [])

    # every table: the folder's own rows untouched, the archive's added (or kept, not twice)
    for name, rows in merged.items():
        assert set(mine[name]) <= set(rows)
        assert len(rows) == len(mine[name]) + summary.added[name]
        assert summary.added[name] + summary.kept.get(name, 0) == len(theirs[name])
    assert summary.kept == {"reminder_states": 1, "app_settings": 1, "study_timer": 1}

    # ids renumbered past the folder's own, references followed
    own_max = max(r[0] for r in mine["modules"])
    new_modules = merged["modules"][len(mine["modules"]) :]
    assert [r[0] for r in new_modules] == [r[0] + own_max for r in theirs["modules"]]
    assert _sessions_by_module_title(other) == sorted(
        own_sessions + _sessions_by_module_title(source)
    )

    # the folder's own choices stay: its active plan, its timer, its settings, its reminder
    with other.engine.connect() as conn:
        active = conn.execute(select(tables.plans.c.id).where(tables.plans.c.is_active)).all()
    assert [a for (a,) in active] == [r[0] for r in mine["plans"] if r[-2]]
    timer = current_timer(other)
    assert timer is not None and timer.started_at == datetime(2026, 11, 27, 8, 0)
    assert app_settings(other).study_time == "07:00"
    assert merged["reminder_states"][0][:3] == ("ceu:short:CPC", True, None)

    # both credentials, the archive's CEUs applied to its own (renumbered) cycle
    labels = {c.label: c for c in creds.list_credentials(other)}
    assert set(labels) == {"CPC", "CCS"}
    activities = acts.list_activities(other)
    assert {a.title for a in activities} == {"Webinar: E/M 2026", "Local chapter meeting"}
    for a in activities:
        assert [p.credential_label for p in a.applied] == ["CPC"]
        assert a.applied[0].cycle_id == labels["CPC"].current.id
    assert summary.certificates == 1


def test_merging_an_archive_of_the_same_data_adds_nothing(source: Database, exported: Path) -> None:
    """Every record has an identity: importing what the folder already holds (once, twice)
    adds no plan, no baseline, no session, nothing; the summary says all was already there."""
    before = dump(source)
    for _ in range(2):
        summary = import_archive(source, exported, "merge", now=NOW)
        assert dump(source) == before
        assert summary.total_added == 0
        assert summary.kept["study_sessions"] == len(before["study_sessions"])
        assert summary.kept["plans"] == len(before["plans"])
        assert summary.certificates == 0  # the very same file is already there
    assert health(source) == ("ok", [])


def test_merge_adds_only_what_is_new_and_keeps_edited_records(
    source: Database, exported: Path
) -> None:
    """A record edited since the export is the same record (its identity): the folder's
    version stays; a session logged since stays; nothing is doubled."""
    first = module_statuses(source, TODAY)[0]
    log_session(source, first.id, date(2026, 11, 20), 40, "after the export", TODAY)
    with source.transaction() as session:
        session.execute(text("UPDATE study_sessions SET note = 'edited' WHERE id = 1"))
    before = dump(source)
    summary = import_archive(source, exported, "merge", now=NOW)
    assert dump(source) == before
    assert summary.total_added == 0


def _old_archive(archive_path: Path, target: Path) -> Path:
    """The archive as the version before record identities wrote it: no uid, schema 0004."""

    def strip(document: dict[str, Any]) -> None:
        document["schema"] = "0004_reminders_settings"
        document["tables"].pop("section_scores")  # a table of schema 0007
        for rows in document["tables"].values():
            for row in rows:
                for later in ("uid", "sitting", "allow_long_sittings"):
                    row.pop(later, None)

    return rewrite(archive_path, target, strip)


def test_an_archive_from_before_identities_imports_and_merges_idempotently(
    learner_template: Path, tmp_path: Path
) -> None:
    """A learner's folder written by the previous version is migrated (identities derived from
    content); the archive that version exported derives the same identities, so merging it
    into the migrated folder adds nothing, and importing it into an empty folder twice adds
    its records once."""
    from alembic import command

    from studyplanner.store import migrate

    folder = tmp_path / "old"
    shutil.copytree(learner_template, folder)
    current = open_database(folder)
    old_zip = _old_archive(export_archive(current, tmp_path / "new.zip", now=NOW).path,
                           tmp_path / "old.zip")  # fmt: skip
    with migrate.alembic_config(current.engine) as config:
        command.downgrade(config, "0004_reminders_settings")  # the folder as 0004 left it
    current.close()
    migrated = open_database(folder)  # migrates to head, deriving identities
    try:
        assert migrated.backup_before_migration is not None
        before = dump(migrated)
        summary = import_archive(migrated, old_zip, "merge", now=NOW)
        assert summary.total_added == 0
        assert dump(migrated) == before
    finally:
        migrated.close()
    fresh = open_database(tmp_path / "fresh")
    try:
        first = import_archive(fresh, old_zip, "merge", now=NOW)
        assert first.added["study_sessions"] == len(before["study_sessions"])
        once = dump(fresh)
        assert import_archive(fresh, old_zip, "merge", now=NOW).total_added == 0
        assert dump(fresh) == once
        uid_column = [c.name for c in tables.study_sessions.columns].index("uid")
        assert sorted(r[uid_column] for r in once["study_sessions"]) == sorted(
            r[uid_column] for r in before["study_sessions"]
        )  # the same identities the migration derived
    finally:
        fresh.close()


def test_merge_refuses_a_credential_name_meaning_another_credential(
    empty: Database, exported: Path, tmp_path: Path
) -> None:
    creds.add_credential(empty, "CCS", date(2024, 5, 1), TODAY, label="CPC")
    before, files = dump(empty), files_under(tmp_path)
    with pytest.raises(ArchiveError) as caught:
        import_archive(empty, exported, "merge", now=NOW)
    assert caught.value.problems[0].field == f"{ARCHIVE_JSON}: table credentials, row 1, field code"
    assert "'CCS'" in caught.value.problems[0].message
    assert dump(empty) == before and files_under(tmp_path) == files  # not even a backup


def test_merge_fills_what_the_folder_lacks_and_keeps_what_it_has(
    empty: Database, exported: Path, tmp_path: Path
) -> None:
    """The same activity, logged in both places but with its certificate only in the archive:
    merged into one, which gets the certificate. The folder's own values are never overwritten."""
    cred = creds.add_credential(empty, "CPC", date(2025, 3, 10), TODAY, note="my own note")
    data = acts.ActivityInput(date(2026, 5, 1), "Webinar: E/M 2026", Decimal("1.5"), "coding",
                               provider="AAPC", note="logged here too")  # fmt: skip
    acts.add_activity(empty, data, [(cred.current.id, Decimal("1.5"))], TODAY)
    summary = import_archive(empty, exported, "merge", now=NOW)
    assert summary.kept == {"credentials": 1, "credential_cycles": 1, "ceu_activities": 1,
                            "ceu_allocations": 1}  # fmt: skip
    assert summary.filled == {"ceu_activities": 1} and summary.certificates == 1
    activities = {a.title: a for a in acts.list_activities(empty)}
    assert len(activities) == 2
    webinar = activities["Webinar: E/M 2026"]
    assert webinar.note == "logged here too"  # the folder's value
    assert webinar.certificate is not None and webinar.certificate.read_bytes() == PDF
    assert webinar.certificate_name == "Certificate (1).pdf"
    (credential,) = creds.list_credentials(empty)
    assert credential.note == "my own note"
    assert health(empty) == ("ok", [])


def test_merge_renames_a_certificate_whose_name_is_taken_by_another_file(
    empty: Database, exported: Path
) -> None:
    name = next(iter(read_archive(exported).certificates))
    folder = empty.data_dir / "certificates"
    folder.mkdir()
    (folder / name).write_bytes(b"%PDF-1.4 another file under the same name")
    summary = import_archive(empty, exported, "merge", now=NOW)
    assert summary.renamed_certificates == 1 and summary.certificates == 1
    assert (folder / name).read_bytes() == b"%PDF-1.4 another file under the same name"
    (with_file,) = [a for a in acts.list_activities(empty) if a.certificate is not None]
    assert with_file.certificate is not None and with_file.certificate.name != name
    assert with_file.certificate.read_bytes() == PDF


# -- replace -------------------------------------------------------------------------------------


def test_replace_keeps_a_backup_and_gives_exactly_the_archive(
    source: Database, other: Database, exported: Path
) -> None:
    mine = dump(other)
    summary = import_archive(other, exported, "replace", now=NOW)
    assert dump(other) == dump(source)
    assert health(other) == ("ok", [])
    backup = sqlite3.connect(summary.backup)
    try:
        sessions = backup.execute("SELECT count(*) FROM study_sessions").fetchone()[0]
        labels = [r[0] for r in backup.execute("SELECT label FROM credentials")]
    finally:
        backup.close()
    assert sessions == len(mine["study_sessions"]) and labels == ["CCS"]
    assert (
        summary.backup.name
        == f"studyplanner-{NOW.astimezone(UTC):%Y%m%d-%H%M%S}Z-before-import.sqlite3"
    )


def test_unknown_mode_is_refused(empty: Database, exported: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        import_archive(empty, exported, "overwrite", now=NOW)  # type: ignore[arg-type]
    assert caught.value.for_field("mode")


# -- nothing half done ---------------------------------------------------------------------------


@pytest.mark.parametrize("when", [0.0, 0.25, 0.5, 0.75, 0.95, 1.0])
@pytest.mark.parametrize("mode", ["replace", "merge"])
def test_cancelled_import_changes_nothing(
    other: Database, exported: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
    when: float, mode: archive.ImportMode,
) -> None:  # fmt: skip
    """Cancelled at any check, from reading the archive to the last one before the commit."""
    asked: list[int] = []
    twin = open_other(tmp_path_factory.mktemp("twin") / "other")

    def count() -> bool:
        asked.append(1)
        return False

    import_archive(twin, exported, mode, now=NOW, cancelled=count)
    twin.close()
    before, files = dump(other), files_under(tmp_path)
    stop_at = round(when * (len(asked) - 1))
    checks: list[int] = []

    def cancel() -> bool:
        checks.append(1)
        return len(checks) > stop_at

    with pytest.raises(ArchiveCancelled):
        import_archive(other, exported, mode, now=NOW, cancelled=cancel)
    assert len(checks) == stop_at + 1
    assert dump(other) == before
    assert files_under(tmp_path) == files  # no certificate, no backup, no temporary file


def test_a_failure_after_the_certificates_were_placed_removes_them(
    other: Database, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, files = dump(other), files_under(tmp_path)
    placed = archive._Certificates.place

    def place_then_fail(self: archive._Certificates) -> None:
        placed(self)
        assert self.placed  # the file really was in certificates/
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive._Certificates, "place", place_then_fail)
    with pytest.raises(OSError):
        import_archive(other, exported, "merge", now=NOW)
    assert dump(other) == before and files_under(tmp_path) == files


def test_a_failing_insert_writes_nothing(
    other: Database, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a conflict only the real database sees (not found by the checks) leaves no trace and
    becomes a clear ArchiveError."""
    before, files = dump(other), files_under(tmp_path)
    real_plan = archive._plan_rows

    def clashing(*args: Any) -> Any:
        plan = real_plan(*args)
        (_, session), *_ = plan.inserts["study_sessions"]
        plan.inserts["study_sessions"].append((99, {**session}))  # the same id twice
        return plan

    monkeypatch.setattr(archive, "_plan_rows", clashing)
    with pytest.raises(ArchiveError) as caught:
        import_archive(other, exported, "merge", now=NOW)
    assert caught.value.problems[0].field == f"{ARCHIVE_JSON}: table study_sessions"
    assert dump(other) == before and files_under(tmp_path) == files


# -- what is wrong, said precisely --------------------------------------------------------------


def test_a_wrong_value_is_named_by_file_table_row_and_field(exported: Path, tmp_path: Path) -> None:
    def change(document: dict[str, Any]) -> None:
        document["tables"]["ceu_activities"][0]["units_hundredths"] = "150"

    with pytest.raises(ArchiveError) as caught:
        read_archive(rewrite(exported, tmp_path / "bad.zip", change))
    assert str(caught.value) == (
        "studyplanner-archive.json: table ceu_activities, row 1, field units_hundredths: "
        "expected a whole number"
    )
    assert caught.value.sentences() == [  # what the CLI and the GUI show
        "studyplanner-archive.json: table ceu_activities, row 1, field units_hundredths: "
        "expected a whole number."
    ]


def test_a_broken_rule_is_named_with_the_rule(exported: Path, tmp_path: Path) -> None:
    def change(document: dict[str, Any]) -> None:
        document["tables"]["ceu_activities"][1]["units_hundredths"] = 0

    with pytest.raises(ArchiveError) as caught:
        read_archive(rewrite(exported, tmp_path / "bad.zip", change))
    (problem,) = caught.value.problems
    assert problem.field == f"{ARCHIVE_JSON}: table ceu_activities, row 2, field units_hundredths"
    assert problem.message == "breaks the rule units_hundredths > 0 AND units_hundredths <= 10000"


def test_a_newer_archive_says_so(exported: Path, tmp_path: Path) -> None:
    def change(document: dict[str, Any]) -> None:
        document["schema"] = "0099_from_the_future"

    with pytest.raises(ArchiveError, match="written by a newer version of Study Planner"):
        read_archive(rewrite(exported, tmp_path / "new.zip", change))


def test_an_archive_of_an_older_schema_lacks_the_newer_tables(
    source: Database, empty: Database, exported: Path, tmp_path: Path
) -> None:
    def change(document: dict[str, Any]) -> None:
        document["schema"] = "0003_credentials_ceus"
        del document["tables"]["reminder_states"], document["tables"]["app_settings"]
        for rows in document["tables"].values():
            for row in rows:
                for later in ("uid", "sitting", "allow_long_sittings"):
                    row.pop(later, None)  # came later too: derived on import

    import_archive(empty, rewrite(exported, tmp_path / "old.zip", change), "replace", now=NOW)
    expected = dump(source, without_uid=True) | {"reminder_states": [], "app_settings": []}
    # sittings came later: only the built-in tracks' final exams are derived as sittings, as
    # the migration derives them (the timed practice exams of older copies included a review)
    names = [c.name for c in tables.modules.columns if c.name != "uid"]
    sitting, kind, key = (names.index(n) for n in ("sitting", "kind", "key"))
    expected["modules"] = [
        (*r[:sitting], r[kind] == "exam" and r[key] in tables.BUILT_IN_EXAM_KEYS, *r[sitting + 1 :])
        for r in expected["modules"]
    ]
    assert any(r[sitting] for r in expected["modules"])
    assert dump(empty, without_uid=True) == expected


# -- the study log as CSV ------------------------------------------------------------------------


def test_sessions_csv_oldest_first_with_formulas_defused(source: Database, tmp_path: Path) -> None:
    path = tmp_path / "sessions.csv"
    assert write_sessions_csv(source, path) == 3
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    titles = {m.id: m.title for m in module_statuses(source, TODAY)}
    first, second = list(titles.values())[:2]
    assert rows == [
        ["date", "module", "minutes", "note"],
        ["2026-09-08", first, "50", "Chapter 1, anatomy"],
        ["2026-09-09", first, "35", '\'=HYPERLINK("x")'],
        ["2026-09-12", second, "120", "Ünïcode ✓ notes"],
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sessions.csv", "source"]


def test_sessions_csv_of_an_empty_log_and_a_bad_destination(
    empty: Database, tmp_path: Path
) -> None:
    path = tmp_path / "empty.csv"
    assert write_sessions_csv(empty, path) == 0
    assert path.read_text(encoding="utf-8-sig").splitlines() == ["date,module,minutes,note"]
    with pytest.raises(InvalidInput) as caught:
        write_sessions_csv(empty, tmp_path / "missing" / "s.csv")
    assert caught.value.for_field("path")

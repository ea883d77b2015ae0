"""Migrations: an empty database upgrades to head; the models match what the migrations built."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from studyplanner.services.database import DatabaseTooNew, open_database
from studyplanner.store import migrate
from studyplanner.store.copies import backup_database
from studyplanner.store.db import make_engine, prepare_data_dir
from studyplanner.store.models import Base
from tests.store.schema_compare import not_the_token


def test_known_revisions_match_alembic_chain() -> None:
    assert list(migrate.KNOWN_REVISIONS) == migrate.alembic_revisions()


def test_empty_database_upgrades_to_head_and_matches_models(data_dir: Path) -> None:
    db = open_database(data_dir)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_name": not_the_token}
            )
            assert context.get_current_revision() == migrate.HEAD_REVISION
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()


def test_second_open_does_not_migrate_or_back_up(data_dir: Path) -> None:
    open_database(data_dir).close()
    db = open_database(data_dir)
    db.close()
    assert db.backup_before_migration is None
    assert not (data_dir / "backups").exists()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_database_from_newer_version_is_refused_untouched(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = data_dir / "studyplanner.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = _sha(path)
    with pytest.raises(DatabaseTooNew) as info:
        open_database(data_dir)
    assert "newer version" in info.value.user_message
    assert _sha(path) == before


def test_online_backup_copies_data_and_passes_integrity_check(data_dir: Path) -> None:
    from datetime import UTC, datetime

    db = open_database(data_dir)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO tracks (name, goal_credential, body, program_label, term_count,"
            " created_at) VALUES ('Mine', '', '', 'x', 0, '2026-01-01 00:00:00')"
        )
    copy = backup_database(db.path, "manual", datetime(2026, 11, 27, 9, 30))
    db.close()
    taken = datetime(2026, 11, 27, 9, 30).astimezone(UTC)
    assert copy.name == f"studyplanner-{taken:%Y%m%d-%H%M%S}Z-manual.sqlite3"  # named in UTC
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM tracks").fetchall() == [("Mine",)]
    conn.close()
    assert copy.stat().st_mode & 0o077 == 0


def test_engine_sets_pragmas_on_every_connection(tmp_path: Path) -> None:
    path = prepare_data_dir(tmp_path / "d")
    engine = make_engine(path)
    for _ in range(3):
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_a_due_migration_is_preceded_by_a_checked_online_backup(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(data_dir)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO tracks (name, goal_credential, body, program_label, term_count,"
            " created_at) VALUES ('Before the upgrade', '', '', 'x', 0, '2026-01-01 00:00:00')"
        )
    db.close()
    # Pretend this version of the app knows one more revision than the file holds.
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", (*migrate.KNOWN_REVISIONS, "0002_next"))
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0002_next")
    upgraded = open_database(data_dir)
    upgraded.close()
    backup = upgraded.backup_before_migration
    assert backup is not None and backup.parent == data_dir / "backups"
    assert "before-migration" in backup.name
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT name FROM tracks").fetchall() == [("Before the upgrade",)]
    conn.close()


def _database_at(data_dir: Path, revision: str) -> Path:
    """A database file written by an earlier version of the app (its schema at `revision`)."""
    from alembic import command

    path = prepare_data_dir(data_dir)
    engine = make_engine(path)
    with migrate.alembic_config(engine) as config:
        command.upgrade(config, revision)
    engine.dispose()
    return path


DATA_BY_REVISION: dict[str, list[str]] = {
    # What each schema revision could hold; a file at revision N holds the data of 1..N.
    "0001_initial": [
        "INSERT INTO tracks (id, name, goal_credential, body, program_label, term_count,"
        " created_at) VALUES (1, 'Old track', 'CPC', 'AAPC', 'x', 0, '2026-01-01 00:00:00')",
        "INSERT INTO modules (id, track_id, position, title, topic, kind, estimated_minutes)"
        " VALUES (7, 1, 0, 'Medical terminology', '', 'course', 2700)",
        "INSERT INTO module_completions (module_id, completed_on, score)"
        " VALUES (7, '2026-03-01', 88.5)",
    ],
    "0002_study_sessions": [
        "INSERT INTO study_sessions (id, module_id, day, minutes, note, created_at)"
        " VALUES (3, 7, '2026-02-27', 45, 'flashcards', '2026-02-27 20:00:00')",
    ],
    "0003_credentials_ceus": [
        "INSERT INTO credentials (id, code, label, body, earned_on, renewal_on, note, created_at)"
        " VALUES (2, 'CPC', 'CPC', 'AAPC', '2025-03-10', '2026-06-30', '', '2025-03-10 09:00:00')",
        "INSERT INTO credential_cycles (id, credential_id, start_on, end_on) VALUES"
        " (5, 2, '2025-03-10', '2026-06-30')",
        "INSERT INTO ceu_activities (id, completed_on, title, provider, index_number,"
        " units_hundredths, category, ahima_sourced, note, created_at) VALUES"
        " (9, '2025-06-01', 'Audit webinar', 'AAPC', 'IDX-1', 150, 'auditing', 0, '',"
        " '2025-06-01 10:00:00')",
        "INSERT INTO ceu_allocations (activity_id, cycle_id, units_hundredths) VALUES (9, 5, 150)",
    ],
    "0004_reminders_settings": [
        "INSERT INTO reminder_states (key, dismissed, snoozed_until, updated_at) VALUES"
        " ('ceu-shortfall:5:30', 0, '2026-03-01', '2026-02-20 08:00:00')",
        "INSERT INTO app_settings (key, value) VALUES ('reminders.lead_days', '14')",
        # two sessions alike in everything but their id: two records, two identities
        "INSERT INTO study_sessions (id, module_id, day, minutes, note, created_at)"
        " VALUES (4, 7, '2026-02-28', 30, '', '2026-02-28 20:00:00')",
        "INSERT INTO study_sessions (id, module_id, day, minutes, note, created_at)"
        " VALUES (5, 7, '2026-02-28', 30, '', '2026-02-28 20:00:00')",
    ],
    "0005_record_identities": [
        # a copy of a built-in track: its final exam becomes a sitting, its practice exam not
        "INSERT INTO tracks (id, uid, name, template_id, goal_credential, body, program_label,"
        " term_count, created_at) VALUES (2, 'a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5', 'CPC program',"
        " 'cpc-certificate-program', 'CPC', 'AAPC', 'x', 0, '2026-04-01 00:00:00')",
        "INSERT INTO modules (id, uid, track_id, position, key, title, topic, kind,"
        " estimated_minutes) VALUES (20, 'b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5', 2, 0,"
        " 'practice-exam-2-timed', 'Practice exam 2 (timed)', '', 'practice_exam', 360)",
        "INSERT INTO modules (id, uid, track_id, position, key, title, topic, kind,"
        " estimated_minutes) VALUES (21, 'c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5', 2, 1,"
        " 'cpc-exam', 'CPC exam', '', 'exam', 240)",
        # an exam of the user's own track keeps being studied as before
        "INSERT INTO modules (id, uid, track_id, position, key, title, topic, kind,"
        " estimated_minutes) VALUES (22, 'd5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5', 1, 1,"
        " 'cpc-exam', 'My mock exam', '', 'exam', 120)",
        "INSERT INTO plans (id, uid, track_id, start_date, weekly_minutes, min_mon, min_tue,"
        " min_wed, min_thu, min_fri, min_sat, min_sun, is_active, created_at) VALUES"
        " (3, 'e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5', 2, '2026-04-01', 420, 60, 60, 60, 60, 60,"
        " 120, 0, 1, '2026-04-01 00:00:00')",
    ],
    "0006_sittings": [
        # the app at 0006 wrote the copy's final exam as a sitting (the migration did for older)
        "UPDATE modules SET sitting = 1 WHERE id = 21",
        # a practice exam marked done with its score (before scores by section existed)
        "INSERT INTO module_completions (module_id, completed_on, score)"
        " VALUES (20, '2026-05-02', 64.0)",
    ],
    "0007_section_scores": [
        # a practice exam marked done with its questions missed by section
        "INSERT INTO section_scores (module_id, section_key, title, questions, missed)"
        " VALUES (20, 'medicine', 'Medicine', 12, 5)",
    ],
}

CHECKS_BY_REVISION: dict[str, list[tuple[str, list[tuple[object, ...]]]]] = {
    "0001_initial": [
        ("SELECT title, estimated_minutes, sitting FROM modules WHERE id = 7",
         [("Medical terminology", 2700, 0)]),
        ("SELECT completed_on, score FROM module_completions WHERE module_id = 7",
         [("2026-03-01", 88.5)]),
    ],
    "0002_study_sessions": [
        ("SELECT module_id, day, minutes, note FROM study_sessions WHERE id = 3",
         [(7, "2026-02-27", 45, "flashcards")]),
    ],
    "0003_credentials_ceus": [
        ("SELECT label, earned_on, renewal_on FROM credentials",
         [("CPC", "2025-03-10", "2026-06-30")]),
        ("SELECT start_on, end_on FROM credential_cycles", [("2025-03-10", "2026-06-30")]),
        ("SELECT title, units_hundredths, category FROM ceu_activities",
         [("Audit webinar", 150, "auditing")]),
        ("SELECT activity_id, cycle_id, units_hundredths FROM ceu_allocations", [(9, 5, 150)]),
    ],
    "0004_reminders_settings": [
        ("SELECT key, dismissed, snoozed_until FROM reminder_states",
         [("ceu-shortfall:5:30", 0, "2026-03-01")]),
        ("SELECT key, value FROM app_settings", [("reminders.lead_days", "14")]),
        ("SELECT count(DISTINCT uid) FROM study_sessions WHERE id IN (4, 5)", [(2,)]),
    ],
    "0005_record_identities": [
        ("SELECT id, sitting FROM modules WHERE id >= 20 ORDER BY id", [(20, 0), (21, 1), (22, 0)]),
        ("SELECT allow_long_sittings, min_sat FROM plans WHERE id = 3", [(0, 120)]),
    ],
    "0006_sittings": [
        ("SELECT module_id, completed_on, score FROM module_completions WHERE module_id = 20",
         [(20, "2026-05-02", 64.0)]),
        # no section scores are made up for it; the table exists and takes new ones
        ("SELECT count(*) FROM section_scores WHERE module_id <> 20", [(0,)]),
    ],
    "0007_section_scores": [
        ("SELECT section_key, questions, missed FROM section_scores WHERE module_id = 20",
         [("medicine", 12, 5)]),
        # the change token the migration to 0008 made: one row of eight bytes
        ("SELECT count(*), length(max(token)) FROM change_token", [(1, 8)]),
    ],
}  # fmt: skip


def test_every_revision_has_fixture_data() -> None:
    """Keep the fixtures growing with the schema: each revision adds data of its own."""
    assert set(DATA_BY_REVISION) >= set(migrate.KNOWN_REVISIONS[:-1])


@pytest.mark.parametrize("revision", migrate.KNOWN_REVISIONS[:-1])
def test_every_earlier_revision_upgrades_with_its_data_intact(
    data_dir: Path, revision: str
) -> None:
    path = _database_at(data_dir, revision)
    upto = migrate.KNOWN_REVISIONS[: migrate.KNOWN_REVISIONS.index(revision) + 1]
    # From 0005 on, the app gives every record it writes a uid: so do the older statements.
    with_uids = "0005_record_identities" in upto
    conn = sqlite3.connect(path)
    with conn:
        for rev in upto:
            for statement in DATA_BY_REVISION.get(rev, []):
                conn.execute(statement)
                for table in UID_TABLES if with_uids else ():
                    conn.execute(
                        f"UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE uid = ''"
                    )
    conn.close()
    db = open_database(data_dir)
    db.close()
    assert db.backup_before_migration is not None
    conn = sqlite3.connect(path)
    with conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.HEAD_REVISION,
        )
        for rev in upto:
            for query, expected in CHECKS_BY_REVISION.get(rev, []):
                assert conn.execute(query).fetchall() == expected, query
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for table in UID_TABLES:  # every record has its own identity
            uids = [u for (u,) in conn.execute(f"SELECT uid FROM {table}")]
            assert all(re.fullmatch("[0-9a-f]{32}", u) for u in uids), table
            assert len(set(uids)) == len(uids), table
    conn.close()


UID_TABLES = (
    "tracks", "modules", "plans", "blackouts", "plan_terms", "baselines", "baseline_modules",
    "baseline_blocks", "study_sessions", "credentials", "credential_cycles", "ceu_activities",
)  # fmt: skip


def test_every_table_with_an_id_has_an_identity() -> None:
    from studyplanner.services.archive.format import serial_key
    from studyplanner.store.tables import metadata

    with_id = {t.name for t in metadata.sorted_tables if serial_key(t) is not None}
    assert with_id == set(UID_TABLES)
    for name in with_id:
        assert "uid" in metadata.tables[name].c, name


def test_section_scores_keep_missed_within_questions_and_go_with_their_module(
    data_dir: Path,
) -> None:
    path = _database_at(data_dir, "0006_sittings")
    conn = sqlite3.connect(path)
    with conn:
        for statement in DATA_BY_REVISION["0001_initial"]:
            conn.execute(statement)
    conn.close()
    open_database(data_dir).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        conn.execute(
            "INSERT INTO section_scores (module_id, section_key, title, questions, missed)"
            " VALUES (7, 'anesthesia', 'Anesthesia', 4, 1)"
        )
    for questions, missed in ((4, 5), (0, 0), (4, -1)):
        with pytest.raises(sqlite3.IntegrityError), conn:
            conn.execute(
                "INSERT INTO section_scores (module_id, section_key, title, questions, missed)"
                " VALUES (7, 'radiology', 'Radiology', ?, ?)",
                (questions, missed),
            )
    with conn:
        conn.execute("DELETE FROM modules WHERE id = 7")
        assert conn.execute("SELECT count(*) FROM section_scores").fetchone() == (0,)
    conn.close()

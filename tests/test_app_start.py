"""Start-up end to end, as real processes: `--smoke-test` paints the user's data and exits 0;
a damaged or too-new database exits non-zero with one line and is left untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from studyplanner.core.model import Availability
from studyplanner.services.database import open_database
from studyplanner.services.plans import create_plan
from studyplanner.services.snapshots import NewPlan, PlanSettings


def _start(data_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "studyplanner", "--data-dir", str(data_dir), "--smoke-test", *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_smoke_test_with_a_plan(data_dir: Path) -> None:
    db = open_database(data_dir)
    settings = PlanSettings(
        start=date(2027, 1, 4), availability=Availability((60,) * 7), weekly_minutes=420
    )
    create_plan(db, NewPlan(settings=settings, template_id="ccs-exam-prep"), date(2026, 11, 27))
    db.close()
    result = _start(data_dir, "--today", "2026-11-27")
    assert result.returncode == 0, result.stderr


def test_smoke_test_on_a_fresh_folder(tmp_path: Path) -> None:
    result = _start(tmp_path / "new")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new" / "studyplanner.sqlite3").exists()


def test_smoke_test_refuses_damaged_database(data_dir: Path) -> None:
    path = data_dir / "studyplanner.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = _start(data_dir)
    assert result.returncode not in (0, 2)
    assert result.stderr.count("\n") == 1 and "not an SQLite file" in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_smoke_test_refuses_newer_database(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = data_dir / "studyplanner.sqlite3"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    result = _start(data_dir)
    assert result.returncode not in (0, 2)
    assert "newer version" in result.stderr


def test_the_collector_is_back_whichever_way_main_returns(tmp_path: Path, capsys: object) -> None:
    """Start-up runs with the garbage collector off (its objects live until exit); every way out
    of main() without a window turns it back on, and the command line's faster pace for its
    young generation ends with the command (tests, and anything embedding main(), go on)."""
    import gc

    from studyplanner.app import main

    before = gc.get_threshold()
    assert gc.isenabled()
    assert main(["--version"]) == 0
    assert gc.isenabled()
    assert main(["--data-dir", "", "--smoke-test"]) == 2  # refused before any window
    assert gc.isenabled()
    assert main(["--data-dir", str(tmp_path / "data"), "tracks", "--json"]) == 0
    assert gc.isenabled()
    assert gc.get_threshold() == before


def test_the_first_paint_loads_no_orm_model_and_no_plan_screen(data_dir: Path) -> None:
    """What the smoke test's window needs to paint the Dashboard: plain SQL reads, so neither
    the ORM's mapped classes (store/models.py, about 55 ms to import), the study log's or the
    credentials' services, the reminders' rules nor the Plan screen are imported before it."""
    probe = (
        "import sys, studyplanner.app as app\n"
        "smoke = app._smoke_test\n"
        "def check(*args, **kwargs):\n"
        "    status = smoke(*args, **kwargs)\n"
        "    print(sorted(m for m in sys.modules if m in NOT_YET))\n"
        "    return status\n"
        "NOT_YET = {'studyplanner.store.models', 'studyplanner.services.study_log',\n"
        "           'studyplanner.services.ceu_activities', 'studyplanner.core.reminders',\n"
        "           'studyplanner.ui.plan.plan_screen', 'studyplanner.services.plans'}\n"
        "app._smoke_test = check\n"
        "sys.exit(app.main(sys.argv[1:]))\n"
    )
    db = open_database(data_dir)  # a learner's folder (a new one is migrated, with the ORM)
    settings = PlanSettings(
        start=date(2026, 9, 7), availability=Availability((60,) * 7), weekly_minutes=420
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"),
                date(2026, 9, 7))  # fmt: skip
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", probe, "--data-dir", str(data_dir), "--smoke-test",
         "--today", "2026-12-03"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_file_is_checked_once_on_its_own_thread_while_sqlalchemy_is_imported(
    data_dir: Path,
) -> None:
    """The quick_check (about 50 ms at 18 MB) starts before SQLAlchemy is imported, on a thread
    of its own, and opening the database does not check the file a second time."""
    probe = (
        "import sys, threading\n"
        "import studyplanner.services.check_ahead as ahead_module\n"
        "import studyplanner.store.file_check as file_check\n"
        "seen = []\n"
        "original = file_check.inspect_file\n"
        "def recorded(path):\n"
        "    seen.append(threading.current_thread().name)\n"
        "    return original(path)\n"
        "file_check.inspect_file = recorded  # store.db, imported later, takes this one\n"
        "class Watched(ahead_module.CheckAhead):\n"
        "    def __init__(self, path):\n"
        "        seen.append('sqlalchemy' in sys.modules)\n"
        "        super().__init__(path)\n"
        "ahead_module.CheckAhead = Watched\n"
        "import studyplanner.app as app\n"
        "status = app.main(sys.argv[1:])\n"
        "print(seen)\n"
        "sys.exit(status)\n"
    )
    open_database(data_dir).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", probe, "--data-dir", str(data_dir), "--smoke-test"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[False, 'studyplanner-file-check']"


_PAINT_PROBE = (
    "import sys, json\n"
    "import studyplanner.app as app\n"
    "from studyplanner.services import first_paint\n"
    "smoke = app._smoke_test\n"
    "def check(qt_app, window, *args, **kwargs):\n"
    "    before = 'sqlalchemy' in sys.modules\n"
    "    status = smoke(qt_app, window, *args, **kwargs)\n"
    "    figures = first_paint._encode(window.dashboard.snapshot())\n"
    "    print(json.dumps({'sqlalchemy_before_paint': before, 'figures': figures}))\n"
    "    return status\n"
    "app._smoke_test = check\n"
    "status = app.main(sys.argv[1:])\n"
    "print(json.dumps({'sqlalchemy_at_exit': 'sqlalchemy' in sys.modules}))\n"
    "sys.exit(status)\n"
)


def _start_probed(data_dir: Path, today: str = "2026-12-03") -> dict[str, object]:
    import json

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _PAINT_PROBE, "--data-dir", str(data_dir), "--smoke-test",
         "--today", today],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen: dict[str, object] = {}
    for line in done.stdout.splitlines():
        seen.update(json.loads(line))
    return seen


def test_a_second_start_paints_the_kept_figures_before_importing_sqlalchemy(
    data_dir: Path,
) -> None:
    """The first start reads the plan and keeps the Dashboard's figures; the next one paints
    them before SQLAlchemy is imported, then opens the database. The figures painted are the
    services' own for the file and the day, and a write by another program in between (here,
    this test's process) makes the next start read the file again."""
    from studyplanner.services import first_paint
    from studyplanner.services.plan_reader import active_plan
    from studyplanner.services.progress import log_session, progress

    day = date(2026, 12, 3)
    db = open_database(data_dir)
    settings = PlanSettings(
        start=date(2026, 9, 7), availability=Availability((60,) * 7), weekly_minutes=420
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"),
                date(2026, 9, 7))  # fmt: skip
    plan = active_plan(db, day)
    assert plan is not None
    log_session(db, plan.track.modules[0].id, day, 45, "", day)
    db.close()
    first = _start_probed(data_dir)
    assert first["sqlalchemy_before_paint"] is True  # nothing kept yet: read as before
    second = _start_probed(data_dir)
    assert second["sqlalchemy_before_paint"] is False
    assert second["sqlalchemy_at_exit"] is True  # the database was opened after the paint
    db = open_database(data_dir)
    try:
        assert second["figures"] == first_paint._encode(progress(db, day))
        log_session(db, plan.track.modules[0].id, day, 30, "", day)  # another program writes
        expected = first_paint._encode(progress(db, day))
    finally:
        db.close()
    third = _start_probed(data_dir)
    assert third["sqlalchemy_before_paint"] is True
    assert third["figures"] == expected and third["figures"] != second["figures"]
    fourth = _start_probed(data_dir)  # kept again by the third
    assert fourth["sqlalchemy_before_paint"] is False and fourth["figures"] == expected
    # the next day's first start: its figures were kept at the last exit
    tomorrow = _start_probed(data_dir, "2026-12-04")
    assert tomorrow["sqlalchemy_before_paint"] is False
    db = open_database(data_dir)
    try:
        assert tomorrow["figures"] == first_paint._encode(progress(db, date(2026, 12, 4)))
    finally:
        db.close()

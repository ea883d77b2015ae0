"""The Dashboard's figures kept between runs (services/first_paint.py): used only while the file,
the day, the app's code and the schema are what they were read with."""

from __future__ import annotations

import dataclasses
import json
import os
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from studyplanner.core.model import Availability
from studyplanner.services import first_paint
from studyplanner.services.database import Database, open_database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import create_plan
from studyplanner.services.progress import log_session, mark_done, progress
from studyplanner.services.snapshots import NewPlan, PlanSettings, ProgressSnapshot
from studyplanner.store.migrate import HEAD_REVISION

START = date(2026, 10, 5)
TODAY = date(2026, 11, 27)


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    yield database
    database.close()


def _learner(db: Database) -> None:
    """A learner on plan with a practice exam scored: every kind of figure is there."""
    settings = PlanSettings(
        start=START, availability=Availability((90, 90, 90, 90, 0, 240, 0)), weekly_minutes=600
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), START)
    plan = active_plan(db, TODAY)
    assert plan is not None
    for module in plan.track.modules[:3]:
        mark_done(db, module.id, TODAY - timedelta(days=20), None, TODAY)
    exam = next(m for m in plan.track.modules if m.kind.is_exam)
    mark_done(db, exam.id, TODAY - timedelta(days=2), 81.5, TODAY)
    log_session(db, plan.track.modules[3].id, TODAY, 75, "", TODAY)


def _kept(db: Database) -> tuple[bytes, ProgressSnapshot]:
    token = first_paint.token_of(db)
    snapshot = progress(db, TODAY)
    assert token is not None and snapshot is not None
    snapshot = dataclasses.replace(snapshot, catch_up=None)  # an offer is never kept
    first_paint.keep(db.data_dir, token, snapshot)
    return token, snapshot


def test_the_figures_come_back_equal_for_the_same_file_and_day(db: Database) -> None:
    _learner(db)
    token, snapshot = _kept(db)
    assert snapshot.exam_scores and snapshot.headline is not None and snapshot.today_logged
    back = first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY)
    assert back == first_paint.Kept(snapshot, offer_pending=False)
    path = db.data_dir / first_paint.FILE_NAME
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0  # the user's own, like the database


def test_any_write_a_new_day_other_code_or_schema_and_they_are_not_used(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _learner(db)
    token, _snapshot = _kept(db)
    assert first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY) is not None
    assert first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY + timedelta(days=1)) is None
    assert first_paint.kept(db.data_dir, token, "0007_section_scores", TODAY) is None
    assert first_paint.kept(db.data_dir, None, HEAD_REVISION, TODAY) is None
    plan = active_plan(db, TODAY)
    assert plan is not None
    log_session(db, plan.track.modules[4].id, TODAY, 30, "", TODAY)
    now = first_paint.token_of(db)
    assert now is not None and now != token
    assert first_paint.kept(db.data_dir, now, HEAD_REVISION, TODAY) is None
    # the question start-up asks before the token is known: figures for the day at all?
    assert first_paint.kept_for(db.data_dir, TODAY)
    assert not first_paint.kept_for(db.data_dir, TODAY + timedelta(days=1))
    monkeypatch.setattr(first_paint, "_code_stamp", lambda: "another build")
    assert first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY) is None
    assert not first_paint.kept_for(db.data_dir, TODAY)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b'{"format": 1}',
        b"[1, 2, 3]",
        "\u00e9t\u00e9".encode("latin-1"),
        b'{"format": 0, "key": {}, "figures": {}}',
    ],
)
def test_a_damaged_or_foreign_file_is_ignored(db: Database, content: bytes) -> None:
    _learner(db)
    token, _snapshot = _kept(db)
    (db.data_dir / first_paint.FILE_NAME).write_bytes(content)
    assert first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY) is None
    assert not first_paint.kept_for(db.data_dir, TODAY)


def test_figures_of_another_shape_are_ignored(db: Database) -> None:
    _learner(db)
    token, _snapshot = _kept(db)
    path = db.data_dir / first_paint.FILE_NAME
    content = json.loads(path.read_bytes())
    for damage in (
        lambda f: f.pop("percent_done"),
        lambda f: f.__setitem__("today", 20261127),
        lambda f: f.__setitem__("today_blocks", [[1, "x"]]),
        lambda f: f.__setitem__("headline", {"situation": "nonsense"}),
        lambda f: f.__setitem__("catch_up", {"kind": "study_more"}),
    ):
        (entry,) = content["entries"]
        figures = json.loads(json.dumps(entry["figures"]))
        damage(figures)
        path.write_text(json.dumps({**content, "entries": [{**entry, "figures": figures}]}))
        assert first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY) is None
    path.write_text(json.dumps({**content, "entries": [{**entry, "offer": "yes"}]}))
    assert first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY) is None
    path.write_text(json.dumps(content))
    assert first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY) is not None


def test_what_cannot_be_kept_removes_what_was(db: Database) -> None:
    _learner(db)
    token, _snapshot = _kept(db)
    path = db.data_dir / first_paint.FILE_NAME
    assert path.exists()
    first_paint.keep(db.data_dir, token, None)  # no plan
    assert not path.exists()
    _kept(db)
    first_paint.keep(db.data_dir, None, _snapshot)  # a file from before the token
    assert not path.exists()


def test_a_catch_up_offer_is_left_out_and_said_to_be_read_again(db: Database) -> None:
    """Behind with the finish date ahead: the headline's fix (a previewed plan) is not kept;
    the figures are, with word that the offer must be read once the database is open."""
    settings = PlanSettings(
        start=START, availability=Availability((90, 90, 90, 90, 0, 240, 0)), weekly_minutes=600
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), START)
    plan = active_plan(db, TODAY)
    assert plan is not None
    log_session(db, plan.track.modules[0].id, TODAY - timedelta(days=2), 60, "", TODAY)
    token = first_paint.token_of(db)
    late = progress(db, TODAY)
    assert late is not None and late.catch_up is not None
    first_paint.keep(db.data_dir, token, late)
    back = first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY)
    assert back is not None and back.offer_pending
    assert back.figures == dataclasses.replace(late, catch_up=None)


def test_at_exit_today_and_tomorrow_are_kept_as_the_file_is(db: Database) -> None:
    """The figures of a day depend on the data and the day alone: tomorrow's first start paints
    at once too when nothing is written meanwhile. Their day after is not kept."""
    _learner(db)
    first_paint.keep_for_next_start(db, TODAY)
    token = first_paint.token_of(db)
    for day in (TODAY, TODAY + timedelta(days=1)):
        found = first_paint.kept(db.data_dir, token, HEAD_REVISION, day)
        read = progress(db, day)
        assert found is not None and read is not None
        assert found.figures == dataclasses.replace(read, catch_up=None)
        assert found.offer_pending == (read.catch_up is not None)
    assert first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY + timedelta(days=2)) is None


def test_at_exit_nothing_is_read_again_when_nothing_was_written(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import studyplanner.services.progress as progress_service

    _learner(db)
    first_paint.keep_for_next_start(db, TODAY)
    reads: list[date] = []
    original = progress_service.progress

    def counted(database: Database, day: date) -> ProgressSnapshot | None:
        reads.append(day)
        return original(database, day)

    monkeypatch.setattr(progress_service, "progress", counted)
    first_paint.keep_for_next_start(db, TODAY)  # a session that only looked
    assert reads == []
    plan = active_plan(db, TODAY)
    assert plan is not None
    log_session(db, plan.track.modules[4].id, TODAY, 30, "", TODAY)
    first_paint.keep_for_next_start(db, TODAY)  # a session that wrote
    assert reads == [TODAY, TODAY + timedelta(days=1)]
    token = first_paint.token_of(db)
    assert first_paint.kept(db.data_dir, token, HEAD_REVISION, TODAY + timedelta(days=1))


def test_the_deferred_database_opens_once_on_first_use(data_dir: Path) -> None:
    opened: list[Database] = []

    def opener() -> Database:
        db = open_database(data_dir)
        opened.append(db)
        return db

    deferred = first_paint.DeferredDatabase(data_dir, opener)
    assert not deferred.is_open and deferred.data_dir == data_dir
    deferred.close()  # never opened just to be closed
    assert opened == []
    threads = [threading.Thread(target=lambda: deferred.path) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 1 and deferred.is_open
    assert deferred.path == opened[0].path  # every attribute is the opened one's
    deferred.close()

"""The watch a running window uses to see other programs' writes: its own writes are never
news, from any thread, whether the action wrote through SQL or only added ORM objects that the
commit flushes; another connection's commit always is."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from studyplanner.services.database import open_database
from studyplanner.store.models import AppSetting


def test_an_orm_write_flushed_only_by_the_commit_is_our_own(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    watch = db.watch()
    with db.transaction() as session:
        session.add(AppSetting(key="probe", value="1"))  # nothing flushed before the commit
    assert not watch.outside_change()
    db.close()


def test_a_write_on_a_worker_thread_works_and_is_our_own(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    watch = db.watch()  # made on this thread, as the window makes it
    failures: list[BaseException] = []

    def work() -> None:
        try:
            with db.transaction() as session:
                session.add(AppSetting(key="worker", value="1"))
        except BaseException as exc:
            failures.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert failures == []
    assert not watch.outside_change()
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT value FROM app_settings WHERE key='worker'").scalar()
    db.close()


def test_another_connections_commit_is_news_once(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    watch = db.watch()
    other = sqlite3.connect(db.path)
    with other:
        other.execute("INSERT INTO app_settings (key, value) VALUES ('cli', '1')")
    other.close()
    assert watch.outside_change()
    assert not watch.outside_change()
    db.close()

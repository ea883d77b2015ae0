"""Export everything, import it elsewhere (merge or replace), sessions as CSV: from the Settings
section, on the background worker, with what reached the database checked."""

from __future__ import annotations

import csv
import os
import stat
import zipfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as creds
from studyplanner.services.database import Database, open_database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.progress import log_session
from studyplanner.ui.settings import data_transfer_panel as dtp
from studyplanner.ui.shared import save_target

TODAY = date(2026, 11, 27)


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    messages: list[tuple[str, bool]] = []
    monkeypatch.setattr(dtp.Ask, "tell", staticmethod(lambda p, t, ok: messages.append((t, ok))))
    return messages


def _fill(db: Database, create_cpc_plan: Callable[[Database, date], None], tmp: Path) -> None:
    create_cpc_plan(db, TODAY)
    plan = active_plan(db, TODAY)
    assert plan is not None
    log_session(db, plan.track.modules[0].id, TODAY, 45, "flashcards", TODAY)
    cpc = creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    cert = tmp / "cert.pdf"
    cert.write_bytes(b"%PDF-1.4 test certificate")
    data = acts.ActivityInput(date(2025, 6, 1), "Webinar", Decimal(2), "coding", certificate=cert)
    acts.add_activity(db, data, [(cpc.current.id, Decimal(2))], TODAY)


@pytest.fixture
def filled_panel(
    qtbot: QtBot, db: Database, tmp_path: Path, create_cpc_plan: Callable[[Database, date], None]
) -> dtp.DataTransferPanel:
    """The panel over a database holding a plan, a session, a credential and a certificate."""
    _fill(db, create_cpc_plan, tmp_path)
    panel = dtp.DataTransferPanel(db, lambda: TODAY)
    qtbot.addWidget(panel)
    return panel


def _run(qtbot: QtBot, panel: dtp.DataTransferPanel, start: Callable[[], object]) -> None:
    with qtbot.waitSignal(panel.finished, timeout=30_000):
        job = start()
        assert job is not None
    qtbot.waitUntil(lambda: not panel.busy())


def test_export_then_import_into_another_folder(
    qtbot: QtBot, filled_panel: dtp.DataTransferPanel, tmp_path: Path,
    told: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    panel = filled_panel
    archive = tmp_path / "out" / "everything"
    archive.parent.mkdir()
    monkeypatch.setattr(dtp.Ask, "save_path", staticmethod(lambda *a: archive))
    _run(qtbot, panel, lambda: qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
         or panel.job)  # fmt: skip
    written = archive.with_name("everything.zip")
    assert told[-1][1] and str(written) in told[-1][0]
    with zipfile.ZipFile(written) as zipped:
        assert any(n.startswith("certificates/") for n in zipped.namelist())

    other = open_database(tmp_path / "other")
    try:
        target = dtp.DataTransferPanel(other, lambda: TODAY)
        qtbot.addWidget(target)
        monkeypatch.setattr(dtp.Ask, "open_path", staticmethod(lambda *a: written))
        monkeypatch.setattr(dtp.Ask, "import_choice",
                            staticmethod(lambda *a: dtp.ImportChoice.MERGE))  # fmt: skip
        with qtbot.waitSignal(target.data_replaced, timeout=30_000):
            target.import_archive()
        qtbot.waitUntil(lambda: not target.busy())
        assert told[-1][1] and "Merged everything.zip" in told[-1][0]
        assert [c.label for c in creds.list_credentials(other)] == ["CPC"]
        imported = acts.list_activities(other)[0]
        assert imported.certificate is not None
        assert imported.certificate.read_bytes() == b"%PDF-1.4 test certificate"
        assert active_plan(other, TODAY) is not None
    finally:
        other.close()


def test_a_broken_archive_writes_nothing_and_says_why(
    qtbot: QtBot, db: Database, tmp_path: Path, told: list[tuple[str, bool]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    panel = dtp.DataTransferPanel(db, lambda: TODAY)
    qtbot.addWidget(panel)
    monkeypatch.setattr(dtp.Ask, "open_path", staticmethod(lambda *a: bad))
    monkeypatch.setattr(dtp.Ask, "import_choice",
                        staticmethod(lambda *a: dtp.ImportChoice.REPLACE))  # fmt: skip
    _run(qtbot, panel, panel.import_archive)
    text, ok = told[-1]
    assert not ok and text.startswith("Nothing was written:") and "bad.zip" in text
    assert creds.list_credentials(db) == []


def test_cancelling_the_import_question_does_nothing(
    qtbot: QtBot, filled_panel: dtp.DataTransferPanel, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    panel = filled_panel
    archive = tmp_path / "everything.zip"
    monkeypatch.setattr(dtp.Ask, "save_path", staticmethod(lambda *a: archive))
    monkeypatch.setattr(dtp.Ask, "tell", staticmethod(lambda *a: None))
    _run(qtbot, panel, panel.export_archive)
    monkeypatch.setattr(dtp.Ask, "open_path", staticmethod(lambda *a: archive))
    monkeypatch.setattr(dtp.Ask, "import_choice", staticmethod(lambda *a: dtp.ImportChoice.CANCEL))
    with qtbot.waitSignal(panel.import_asked, timeout=30_000) as asked:
        assert panel.import_archive() is not None  # the archive is read first
    assert asked.args == ["cancel"]
    qtbot.waitUntil(lambda: not panel.busy())
    assert not (panel._db.data_dir / "backups").exists()  # not even a backup


def test_the_question_says_what_merging_would_add(
    qtbot: QtBot, filled_panel: dtp.DataTransferPanel, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The folder's own archive merged back: the preview finds every record already there,
    and the question says so (merging would add nothing)."""
    panel = filled_panel
    archive = tmp_path / "everything.zip"
    monkeypatch.setattr(dtp.Ask, "save_path", staticmethod(lambda *a: archive))
    monkeypatch.setattr(dtp.Ask, "tell", staticmethod(lambda *a: None))
    _run(qtbot, panel, panel.export_archive)
    previews: list[object] = []

    def ask(_parent: object, _name: str, preview: object) -> dtp.ImportChoice:
        previews.append(preview)
        return dtp.ImportChoice.CANCEL

    monkeypatch.setattr(dtp.Ask, "open_path", staticmethod(lambda *a: archive))
    monkeypatch.setattr(dtp.Ask, "import_choice", staticmethod(ask))
    with qtbot.waitSignal(panel.import_asked, timeout=30_000):
        panel.import_archive()
    (preview,) = previews
    assert preview.total_new == 0 and preview.total_present > 0  # type: ignore[attr-defined]
    text = dtp.preview_text(preview)  # type: ignore[arg-type]
    assert "already in your data" in text and "merging would add nothing" in text
    assert "1 plan, " in text and "1 study session" in text and "1 credential" in text


def test_sessions_as_csv(
    qtbot: QtBot, filled_panel: dtp.DataTransferPanel, tmp_path: Path,
    told: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    panel = filled_panel
    out = tmp_path / "sessions.csv"
    monkeypatch.setattr(dtp.Ask, "save_path", staticmethod(lambda *a: out))
    _run(qtbot, panel, panel.export_sessions)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["date", "module", "minutes", "note"]
    assert rows[1][0] == TODAY.isoformat() and rows[1][2:] == ["45", "flashcards"]
    assert told[-1] == (f"Saved 1 study sessions to {out}.", True)


# -- exports never clobber: the dialog's word, a question, or a refusal ----------------------------


def test_replacing_a_file_the_save_dialog_named_asks_nothing_more(
    qtbot: QtBot, filled_panel: dtp.DataTransferPanel, tmp_path: Path,
    told: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Qt's save dialog asked before it returned an existing file: it is replaced."""
    out = tmp_path / "sessions.csv"
    out.write_text("an older export\n")
    monkeypatch.setattr(dtp.Ask, "save_path", staticmethod(lambda *a: out))
    monkeypatch.setattr(save_target, "ask_replace", _no_question)
    _run(qtbot, filled_panel, filled_panel.export_sessions)
    assert told[-1][1] and out.read_text(encoding="utf-8-sig").startswith("date,module")


@pytest.mark.parametrize("agree", [False, True])
def test_a_file_the_dialog_did_not_name_is_asked_about(
    qtbot: QtBot, filled_panel: dtp.DataTransferPanel, tmp_path: Path,
    told: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch, agree: bool,
) -> None:  # fmt: skip
    """The dialog returned `everything` and `.zip` was added: everything.zip was never shown
    to the user, so replacing it is asked first; no means nothing is written at all."""
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "everything.zip"
    existing.write_bytes(b"an older archive")
    monkeypatch.setattr(dtp.Ask, "save_path", staticmethod(lambda *a: out / "everything"))
    asked: list[list[Path]] = []
    monkeypatch.setattr(save_target, "ask_replace", lambda _w, paths: asked.append(paths) or agree)
    if not agree:
        assert filled_panel.export_archive() is None
        assert existing.read_bytes() == b"an older archive" and told == []
    else:
        _run(qtbot, filled_panel, filled_panel.export_archive)
        assert told[-1][1] and zipfile.is_zipfile(existing)
    assert asked == [[existing]]
    assert os.listdir(out) == ["everything.zip"]


def test_a_fifo_chosen_in_the_dialog_is_refused_untouched(
    qtbot: QtBot, filled_panel: dtp.DataTransferPanel, tmp_path: Path,
    told: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    (tmp_path / "out").mkdir()
    fifo = tmp_path / "out" / "sessions.csv"
    os.mkfifo(fifo)
    monkeypatch.setattr(dtp.Ask, "save_path", staticmethod(lambda *a: fifo))
    monkeypatch.setattr(save_target, "ask_replace", _no_question)
    _run(qtbot, filled_panel, filled_panel.export_sessions)
    text, ok = told[-1]
    assert not ok and "is a FIFO (named pipe), not a regular file" in text
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.listdir(fifo.parent) == ["sessions.csv"]


def _no_question(*_args: object) -> bool:
    raise AssertionError("no question was expected")


def test_counts_read_as_words_one_and_many(
    qtbot: QtBot, filled_panel: dtp.DataTransferPanel, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """One certificate is "1 certificate", never "1 certificates"."""
    panel = filled_panel
    told: list[str] = []
    monkeypatch.setattr(dtp.Ask, "save_path", staticmethod(lambda *a: tmp_path / "all.zip"))
    monkeypatch.setattr(dtp.Ask, "tell", staticmethod(lambda p, t, ok: told.append(t)))
    _run(qtbot, panel, panel.export_archive)
    assert " and 1 certificate to " in told[-1], told
    assert "records" in told[-1]

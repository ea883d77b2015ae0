"""The Credentials & CEUs screen and its dialogs on a real database: a coder holding CPC and CPMA
(AAPC) and CCS (AHIMA) records a cycle through the GUI."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_status import CeuStatus
from studyplanner.core.model import ModuleKind
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as service
from studyplanner.services.ceu_activities import ActivityInput
from studyplanner.services.database import Database
from studyplanner.services.progress import module_statuses
from studyplanner.ui.credentials.activity_dialog import ActivityDialog
from studyplanner.ui.credentials.credential_dialog import CredentialDialog
from studyplanner.ui.credentials.credentials_screen import CredentialsScreen
from studyplanner.ui.shared.formatting import format_date, qdate
from studyplanner.ui.study.completion_dialog import CompletionDialog
from studyplanner.ui.study.modules_screen import ModulesScreen

NOW = datetime(2026, 11, 27, 9, 30)
CPC_EARNED, CPC_RENEWAL, CPC_END = date(2025, 4, 10), date(2027, 3, 31), date(2027, 3, 31)
CPMA_EARNED = date(2025, 9, 20)
CCS_EARNED, CCS_END = date(2025, 1, 15), date(2027, 1, 14)


@pytest.fixture
def screen(qtbot: QtBot, db: Database, today: date) -> CredentialsScreen:
    widget = CredentialsScreen(db, lambda: today, now=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


Fill = Callable[[Any], None]


def answer_dialogs(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, cls: type, fills: list[Fill]):  # type: ignore[no-untyped-def]
    """Each time the screen asks, build the real dialog, let `fills` type into it, click OK."""
    seen: list[Any] = []

    def ask(*args: Any, **kwargs: Any) -> Any:
        dialog = cls(*args, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        fills.pop(0)(dialog)
        seen.append(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problems()
        return dialog.value()

    monkeypatch.setattr(cls, "ask", ask)
    return seen


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def type_text(qtbot: QtBot, field: Any, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


def credential_fill(qtbot: QtBot, code: str, earned: date, renewal: date | None = None) -> Fill:
    def fill(d: CredentialDialog) -> None:
        choose(d.credential, code)
        d.earned.setDate(qdate(earned))
        if renewal is not None:
            assert d.renewal.isVisibleTo(d)
            d.renewal.setDate(qdate(renewal))
        else:
            assert not d.renewal.isVisibleTo(d) or code != "CCS"

    return fill


def activity_fill(  # type: ignore[no-untyped-def]
    qtbot: QtBot,
    day: date,
    title: str,
    units: str,
    category: str,
    counts: dict[str, str],
    screen: CredentialsScreen,
    **extra: Any,
) -> Fill:
    cycles = {s.label: s.cycle_id for s in screen._open}

    def fill(d: ActivityDialog) -> None:
        d.day.setDate(qdate(day))
        type_text(qtbot, d.title, title)
        type_text(qtbot, d.provider, extra.get("provider", "AAPC"))
        type_text(qtbot, d.units.lineEdit(), units)
        choose(d.category, category)
        if extra.get("ahima"):
            d.ahima.setChecked(True)
        if extra.get("certificate"):
            qtbot.mouseClick(d.choose_button, Qt.MouseButton.LeftButton)
        for label, cycle_id in cycles.items():
            d.cycle_checks[cycle_id].setChecked(label in counts)
            if label in counts:
                type_text(qtbot, d.cycle_units[cycle_id].lineEdit(), counts[label])
        if "warning" in extra:  # what shows once typing pauses (test_safe_dialogs waits for
            assert extra["warning"] in "\n".join(d.show_warnings())  # the pause itself)
            assert d.warning_row.isVisibleTo(d)

    return fill


def status_of(db: Database, today: date, label: str) -> Any:
    return next(s for s in service.ceu_statuses(db, today) if s.label == label)


def test_empty_screen_says_what_to_do(screen: CredentialsScreen) -> None:
    assert screen.stack.currentIndex() == 0
    assert screen.empty_add_button.isVisible()
    page = screen.stack.currentWidget()
    assert "No credentials yet: add the credential you earned" in page.accessibleName()


def test_credential_dialog_suggests_the_cycle_and_checks_fields(
    qtbot: QtBot, db: Database, today: date
) -> None:
    dialog = CredentialDialog(rule_book(), [], today)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.credential, "CPC")
    dialog.earned.setDate(qdate(CPC_EARNED))
    dialog.renewal.setDate(qdate(CPC_RENEWAL))
    value = dialog.value()
    assert (value.cycle_start, value.cycle_end) == (CPC_EARNED, CPC_END)
    assert dialog.required_hint.isVisibleTo(dialog)
    assert "Pro-rated first cycle: enter the figure from your AAPC account" in (
        dialog.required_hint.text()
    )
    assert "aapc.com" in dialog.rules.toPlainText()
    assert "Checked" in dialog.rules.toPlainText()
    type_text(qtbot, dialog.required, "abc")
    assert dialog.required_problem.isVisible()
    assert not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.required, "17.5")
    assert dialog.value().required == Decimal("17.5")
    dialog.end.setDate(qdate(CPC_EARNED))
    assert dialog.end_problem.text() == "The cycle must end after it starts."
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    assert dialog.value().cycle_end == CPC_END
    assert dialog.ok_button.isEnabled()
    choose(dialog.credential, "CPC-A")
    assert dialog.apprentice.isVisibleTo(dialog)
    assert "80-hour course" in dialog.apprentice.text()
    choose(dialog.credential, "SPECIALTY")
    assert dialog.label.isVisibleTo(dialog)
    assert dialog.label_problem.isVisible()  # a specialty needs its name
    type_text(qtbot, dialog.label, "cemc")
    assert dialog.value().label == "CEMC"
    choose(dialog.credential, "CCS")
    assert not dialog.renewal.isVisibleTo(dialog)
    assert dialog.value().renewal_on is None


def test_a_coder_records_a_full_cycle(
    qtbot: QtBot,
    screen: CredentialsScreen,
    db: Database,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Three credentials through the dialog.
    answer_dialogs(
        qtbot,
        monkeypatch,
        CredentialDialog,
        [
            credential_fill(qtbot, "CPC", CPC_EARNED, CPC_RENEWAL),
            credential_fill(qtbot, "CPMA", CPMA_EARNED),
            credential_fill(qtbot, "CCS", CCS_EARNED),
        ],
    )
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.empty_add_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentIndex() == 1
    assert format_date(CPC_END) in screen.message.text()  # the cycle the rules gave
    for _ in range(2):
        with qtbot.waitSignal(screen.data_changed):
            qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    held = {c.label: c for c in service.list_credentials(db)}
    assert set(held) == {"CPC", "CPMA", "CCS"}
    assert (held["CPC"].current.start, held["CPC"].current.end) == (CPC_EARNED, CPC_END)
    assert held["CPC"].renewal_on == CPC_RENEWAL
    assert held["CPMA"].current.end == CPC_END  # AAPC credentials share one cycle
    assert (held["CCS"].current.start, held["CCS"].current.end) == (CCS_EARNED, CCS_END)
    assert [c.status.label for c in screen.cards] == ["CPC", "CPMA", "CCS"]

    # Activities: one for CPC, a split between bodies, one with a certificate for CPC and CPMA,
    # a big AHIMA one, and one dated before CPMA was earned (the dialog warns).
    certificate = tmp_path / "auditing-workshop.pdf"
    certificate.write_bytes(b"%PDF-1.4\n% certificate\n")
    monkeypatch.setattr(ActivityDialog, "choose_certificate", staticmethod(lambda _p: certificate))
    dialogs = answer_dialogs(
        qtbot,
        monkeypatch,
        ActivityDialog,
        [
            activity_fill(qtbot, date(2026, 2, 10), "E/M webinar", "1.5", "coding",
                          {"CPC": "1.5"}, screen),
            activity_fill(qtbot, date(2026, 3, 8), "Payer roundtable", "2", "coding",
                          {"CPC": "1", "CCS": "1"}, screen),
            activity_fill(qtbot, date(2026, 5, 27), "Auditing workshop", "4", "auditing",
                          {"CPC": "4", "CPMA": "4"}, screen, certificate=True),
            activity_fill(qtbot, date(2026, 6, 2), "AHIMA coding summit", "19", "coding",
                          {"CCS": "19"}, screen, provider="AHIMA", ahima=True),
            activity_fill(qtbot, date(2025, 6, 1), "Early audit course", "2", "auditing",
                          {"CPMA": "2"}, screen, warning="before CPMA was earned"),
        ],
    )  # fmt: skip
    for _ in range(5):
        with qtbot.waitSignal(screen.data_changed):
            qtbot.mouseClick(screen.log_button, Qt.MouseButton.LeftButton)
    assert dialogs[2].certificate_name.text() == "auditing-workshop.pdf"
    assert not dialogs[0].warning_row.isVisibleTo(dialogs[0])
    stored = {a.title: a for a in acts.list_activities(db)}
    assert len(stored) == 5
    split = stored["Payer roundtable"]
    assert {(p.credential_label, p.units) for p in split.applied} == {
        ("CPC", Decimal(1)),
        ("CCS", Decimal(1)),
    }
    audit = stored["Auditing workshop"]
    assert audit.certificate_name == "auditing-workshop.pdf"
    assert audit.certificate is not None and audit.certificate.read_bytes().startswith(b"%PDF")
    assert audit.certificate.parent == acts.certificates_dir(db)

    # The figures on the screen.
    cpc, cpma, ccs = screen.card("CPC"), screen.card("CPMA"), screen.card("CCS")
    assert cpc.bar.format() == "6.5 of 40 CEUs"  # the AAPC pool of two credentials needs 40
    assert "Total shared with CPMA" in cpc.notes.text()
    assert "Pro-rated first cycle" in cpc.notes.text()
    quota = next(label.text() for label in cpma.check_labels if "Auditing" in label.text())
    assert quota == "16 CEUs in “Auditing” for CPMA: 4 of 16, not met"
    assert "aapc.com" in next(lb for lb in cpma.check_labels if lb is not None).toolTip()
    assert cpc.status_word.accessibleName() == "At risk"
    assert ccs.status_word.accessibleName() == "Complete"
    assert "CEUs a month to finish on time" in cpc.pace.text()
    assert not ccs.pace.isVisibleTo(ccs)
    assert status_of(db, today, "CCS").status is CeuStatus.COMPLETE
    assert status_of(db, today, "CPMA").required == Decimal(40)

    # The list: filters and sorting.
    panel = screen.activities
    assert panel.proxy.rowCount() == 5
    choose(panel.credential_filter, "CPMA")
    assert panel.proxy.rowCount() == 2
    choose(panel.credential_filter, None)  # type: ignore[arg-type]
    type_text(qtbot, panel.search, "summit")
    assert panel.proxy.rowCount() == 1
    panel.search.clear()
    panel.table.sortByColumn(panel.model.UNITS, Qt.SortOrder.DescendingOrder)
    assert panel.proxy.index(0, panel.model.TITLE).data() == "AHIMA coding summit"

    # Edit: the webinar was 2 CEUs.
    answer_dialogs(
        qtbot,
        monkeypatch,
        ActivityDialog,
        [lambda d: type_text(qtbot, d.units.lineEdit(), "2")],
    )
    panel.select(stored["E/M webinar"].id)
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    webinar = next(a for a in acts.list_activities(db) if a.title == "E/M webinar")
    assert webinar.units == Decimal(2)
    assert [(p.credential_label, p.units) for p in webinar.applied] == [("CPC", Decimal(2))]
    assert screen.card("CPC").bar.format() == "7 of 40 CEUs"

    # Delete, then Ctrl+Z brings it back.
    panel.select(webinar.id)
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert webinar.id not in {a.id for a in acts.list_activities(db)}
    assert "Undo with Ctrl+Z" in screen.message.text()
    assert panel.undo_button.isVisible()
    screen.activateWindow()
    qtbot.waitActive(screen)
    panel.table.setFocus()
    with qtbot.waitSignal(screen.data_changed):
        qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert webinar in acts.list_activities(db)
    assert panel.selected() == webinar

    # Close the CCS cycle: confirmed, backed up first, kept read-only in the history.
    asked: list[str] = []
    monkeypatch.setattr(
        CredentialsScreen, "confirm_close", lambda self, s: asked.append(s.label) or True
    )
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.card("CCS").close_button, Qt.MouseButton.LeftButton)
    assert asked == ["CCS"]
    backups = list((db.data_dir / "backups").glob("*before-cycle-close*"))
    assert len(backups) == 1
    assert str(backups[0]) in screen.message.text()
    ccs_now = next(c for c in service.list_credentials(db) if c.label == "CCS")
    assert len(ccs_now.cycles) == 2 and ccs_now.cycles[0].closed_on == today
    assert ccs_now.current.start == date(2027, 1, 15)
    assert screen.history.isVisible()
    assert screen.history.model.rowCount() == 1
    assert screen.history.model.index(0, 4).data() == "Complete"
    assert screen.card("CCS").bar.format() == "0 of 20 CEUs"
    panel.select(stored["AHIMA coding summit"].id)
    assert not panel.edit_button.isEnabled()  # counted in a closed cycle: read-only
    assert not panel.delete_button.isEnabled()


def test_edit_cycle_enters_the_users_own_figure(
    qtbot: QtBot,
    screen: CredentialsScreen,
    db: Database,
    today: date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service.add_credential(db, "CPC", CPC_EARNED, today, renewal_on=CPC_RENEWAL)
    screen.refresh()
    assert screen.card("CPC").status.needs_user_figure

    def fill(d: CredentialDialog) -> None:
        assert not d.credential.isEnabled()
        assert d.value().cycle_end == CPC_END
        type_text(qtbot, d.required, "34")

    answer_dialogs(qtbot, monkeypatch, CredentialDialog, [fill])
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.card("CPC").edit_button, Qt.MouseButton.LeftButton)
    assert service.list_credentials(db)[0].current.required == Decimal(34)
    card = screen.card("CPC")
    assert card.bar.format() == "0 of 34 CEUs"
    assert "Required CEUs as you entered them." in card.notes.text()


def test_refused_activity_shows_why_and_writes_nothing(
    qtbot: QtBot, screen: CredentialsScreen, db: Database, today: date, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    cpc = service.add_credential(db, "CPC", CPC_EARNED, today, renewal_on=CPC_RENEWAL)
    screen.refresh()
    fake = tmp_path / "not-really.pdf"
    fake.write_text("hello")
    data = ActivityInput(today, "Webinar", Decimal(1), "coding", certificate=fake)
    monkeypatch.setattr(
        ActivityDialog, "ask", lambda *a, **k: (data, [(cpc.current.id, Decimal(1))])
    )
    assert screen.log_activity() is None
    assert "not really a PDF" in screen.problem.text()
    assert screen.problem.isVisible()
    assert acts.list_activities(db) == []


def test_screen_models_pass_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, screen: CredentialsScreen, db: Database, today: date
) -> None:
    cpc = service.add_credential(db, "CPC", CPC_EARNED, today, renewal_on=CPC_RENEWAL)
    for n in range(3):
        data = ActivityInput(date(2026, 1, 1 + n), f"Webinar {n}", Decimal("0.5") * (n + 1),
                             "coding", note="a\nnote")  # fmt: skip
        acts.add_activity(db, data, [(cpc.current.id, data.units)], today)
    service.close_cycle(db, cpc.id, today, NOW)
    screen.refresh()
    qtmodeltester.check(screen.activities.model)
    qtmodeltester.check(screen.activities.proxy)
    qtmodeltester.check(screen.history.model)


def test_every_control_has_an_accessible_name(
    screen: CredentialsScreen, db: Database, today: date
) -> None:
    cpc = service.add_credential(db, "CPC", CPC_EARNED, today, renewal_on=CPC_RENEWAL)
    acts.add_activity(db, ActivityInput(today, "Webinar", Decimal(1), "coding"),
                         [(cpc.current.id, Decimal(1))], today)  # fmt: skip
    screen.refresh()
    for kind in (QAbstractButton, QComboBox, QTableView):
        for widget in screen.findChildren(kind):  # type: ignore[type-var]
            if isinstance(widget.parent(), QLineEdit):  # a search field's clear button
                continue
            if not widget.objectName().startswith("qt_"):
                assert widget.accessibleName(), widget
    dialog = ActivityDialog(rule_book(), screen._open, today, screen)
    for kind in (QAbstractButton, QComboBox):
        for widget in dialog.findChildren(kind):  # type: ignore[type-var]
            assert widget.accessibleName() or widget.text(), widget


def _final_exam_screen(qtbot: QtBot, db: Database, today: date) -> tuple[ModulesScreen, Any]:
    screen = ModulesScreen(db, lambda: today)
    qtbot.addWidget(screen)
    exam = next(m for m in module_statuses(db, today) if m.kind is ModuleKind.EXAM)
    screen.select_module(exam.id)
    return screen, exam


def test_passing_the_final_exam_offers_to_add_the_credential(
    qtbot: QtBot,
    db: Database,
    today: date,
    create_cpc_plan: Callable[[Database, date], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    create_cpc_plan(db, today)
    screen, exam = _final_exam_screen(qtbot, db, today)
    monkeypatch.setattr(CompletionDialog, "ask", lambda *a, **k: (today, 82.0))
    offered: list[str] = []
    monkeypatch.setattr(
        ModulesScreen, "confirm_add_credential", lambda self, code, m: offered.append(code) or True
    )

    def fill(d: CredentialDialog) -> None:
        assert d.credential.currentData() == "CPC"
        assert d.value().earned_on == today
        d.renewal.setDate(qdate(date(2027, 6, 30)))

    answer_dialogs(qtbot, monkeypatch, CredentialDialog, [fill])
    done = screen.mark_complete()
    assert done is not None and done.id == exam.id
    assert offered == ["CPC"]
    [cpc] = service.list_credentials(db)
    assert (cpc.code, cpc.earned_on, cpc.renewal_on) == ("CPC", today, date(2027, 6, 30))
    assert cpc.current.end == date(2028, 6, 30)  # June: even years


def test_a_failed_final_exam_offers_nothing(
    qtbot: QtBot,
    db: Database,
    today: date,
    create_cpc_plan: Callable[[Database, date], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    create_cpc_plan(db, today)
    screen, _exam = _final_exam_screen(qtbot, db, today)
    monkeypatch.setattr(CompletionDialog, "ask", lambda *a, **k: (today, 64.0))
    assert screen.mark_complete() is not None  # no question asked (it would fail the test)
    assert service.list_credentials(db) == []


# -- exports, off the GUI thread ------------------------------------------------------------------


@pytest.fixture
def with_activities(screen: CredentialsScreen, db: Database, today: date, tmp_path: Path) -> Any:
    cpc = service.add_credential(db, "CPC", CPC_EARNED, today, renewal_on=CPC_RENEWAL)
    certificate = tmp_path / "webinar.pdf"
    certificate.write_bytes(b"%PDF-1.4\n% certificate\n")
    for n, cert in enumerate((certificate, None)):
        data = ActivityInput(date(2026, 3, 1 + n), f"Webinar {n}", Decimal(1), "coding",
                             certificate=cert)  # fmt: skip
        acts.add_activity(db, data, [(cpc.current.id, Decimal(1))], today)
    screen.refresh()
    return cpc


def test_export_csv_runs_in_the_background(
    qtbot: QtBot, screen: CredentialsScreen, with_activities: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    out = tmp_path / "ceus"
    monkeypatch.setattr(screen.exports, "choose_path", lambda *a: out)
    with qtbot.waitSignal(screen.exports.finished, timeout=10_000) as finished:
        qtbot.mouseClick(screen.exports.csv_button, Qt.MouseButton.LeftButton)
        assert screen.exports.busy()
        assert not screen.exports.csv_button.isEnabled()
    assert finished.args[1] is True
    lines = (tmp_path / "ceus.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3 and "Webinar 0" in lines[1]
    assert screen.message.text() == f"Saved 2 activities to {tmp_path / 'ceus.csv'}."
    assert not screen.exports.busy() and screen.exports.csv_button.isEnabled()
    assert screen.exports.runner.wait(5000)


def test_export_audit_packet_from_the_menu(
    qtbot: QtBot, screen: CredentialsScreen, with_activities: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    asked: list[str] = []
    monkeypatch.setattr(
        screen.exports,
        "choose_path",
        lambda title, name, kind: asked.append(name) or tmp_path / name,
    )
    [action] = screen.exports.packet_menu.actions()
    assert action.text() == f"CPC, current cycle (ends {format_date(CPC_END)})"
    with qtbot.waitSignal(screen.exports.finished, timeout=20_000) as finished:
        action.trigger()
    assert finished.args[1] is True, finished.args[0]
    assert asked == ["CPC-audit-packet-2027-03-31.pdf"]
    pdf = tmp_path / asked[0]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "CPC-audit-packet-2027-03-31-certificates.zip").is_file()
    assert str(pdf) in screen.message.text()
    assert "1 of 2 activities have no certificate." in screen.message.text()
    assert screen.exports.runner.wait(5000)


def test_the_certificates_zip_beside_the_packet_is_asked_about(
    qtbot: QtBot, screen: CredentialsScreen, with_activities: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The save dialog named only the PDF: an older zip of certificates beside it is replaced
    only if the user says so."""
    from studyplanner.ui.shared import save_target

    pdf = tmp_path / "packet.pdf"
    old_zip = tmp_path / "packet-certificates.zip"
    old_zip.write_bytes(b"PK an older packet")
    monkeypatch.setattr(screen.exports, "choose_path", lambda *a: pdf)
    asked: list[Sequence[Path]] = []
    monkeypatch.setattr(save_target, "ask_replace", lambda _w, paths: asked.append(paths) or False)
    assert screen.exports.export_packet("CPC", with_activities.current.id, CPC_END) is None
    assert asked == [[old_zip]] and not pdf.exists()
    assert old_zip.read_bytes() == b"PK an older packet"
    monkeypatch.setattr(save_target, "ask_replace", lambda _w, paths: asked.append(paths) or True)
    with qtbot.waitSignal(screen.exports.finished, timeout=20_000) as finished:
        assert screen.exports.export_packet("CPC", with_activities.current.id, CPC_END)
    assert finished.args[1] is True, finished.args[0]
    assert len(asked) == 2 and pdf.read_bytes().startswith(b"%PDF")
    assert zipfile.is_zipfile(old_zip)
    assert screen.exports.runner.wait(5000)


def test_an_export_can_be_cancelled(
    qtbot: QtBot, screen: CredentialsScreen, with_activities: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from studyplanner.services import ceu_export

    def slow(db: Any, label: str, out: Path, today: date, **kw: Any) -> Any:
        kw["progress"](0, 2)
        waiting = threading.Event()
        for _ in range(2000):  # at most 10 s: until the user cancels
            if kw["cancelled"]():
                raise ceu_export.ExportCancelled("cancelled")
            waiting.wait(0.005)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(ceu_export, "write_audit_packet", slow)
    monkeypatch.setattr(screen.exports, "choose_path", lambda *a: tmp_path / "packet.pdf")
    with qtbot.waitSignal(screen.exports.finished, timeout=10_000) as finished:
        screen.exports.packet_menu.actions()[0].trigger()
        progress = screen.exports.progress
        assert progress is not None and progress.isVisible()
        qtbot.waitUntil(lambda: progress.maximum() == 2)
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert finished.args == ["Export cancelled: nothing was written.", True]
    assert screen.message.text() == "Export cancelled: nothing was written."
    assert not (tmp_path / "packet.pdf").exists()
    assert screen.exports.runner.wait(5000)


def test_an_export_to_a_missing_folder_says_why(
    qtbot: QtBot, screen: CredentialsScreen, with_activities: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(screen.exports, "choose_path", lambda *a: tmp_path / "nope" / "a.csv")
    with qtbot.waitSignal(screen.exports.finished, timeout=10_000) as finished:
        screen.exports.csv_button.click()
    assert finished.args[1] is False
    assert screen.problem.isVisible()
    assert "does not exist" in screen.problem.text()
    assert screen.exports.runner.wait(5000)


def test_an_overdue_credential_shows_grace_and_lapse(
    qtbot: QtBot, db: Database, today: date
) -> None:
    service.add_credential(db, "CPC", CPC_EARNED, today, renewal_on=CPC_RENEWAL)
    for days, grace in ((10, "Grace period until"), (40, "The grace period ended on")):
        later = CPC_END + timedelta(days=days)
        screen = CredentialsScreen(db, lambda later=later: later)  # type: ignore[misc]
        qtbot.addWidget(screen)
        card = screen.card("CPC")
        assert card.status_word.accessibleName() == "Overdue"
        assert f"ended {days} days ago" in card.figures.text()
        assert f"{grace} {format_date(CPC_END + timedelta(days=30))}." in card.notes.text()
        assert f"Lapses on {format_date(CPC_END + timedelta(days=90))}" in card.notes.text()


def test_open_certificate_and_the_rules_window(
    qtbot: QtBot, screen: CredentialsScreen, with_activities: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyplanner.ui.credentials import credentials_screen

    opened: list[Path] = []
    monkeypatch.setattr(credentials_screen, "open_file", lambda path: opened.append(path) or True)
    panel = screen.activities
    with_certificate = next(a for a in panel.model.rows() if a.certificate is not None)
    without = next(a for a in panel.model.rows() if a.certificate is None)
    panel.select(without.id)
    assert not panel.open_button.isEnabled()
    panel.select(with_certificate.id)
    assert panel.model.index(panel.model.row_of(with_certificate.id), panel.model.CERTIFICATE
                             ).data() == "webinar.pdf"  # fmt: skip
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert opened == [with_certificate.certificate]
    qtbot.mouseClick(screen.card("CPC").rules_button, Qt.MouseButton.LeftButton)
    window = screen.rules_window
    assert window is not None and window.isVisible() and not window.isModal()
    text = window.browser.toPlainText()
    assert "Rules change: what AAPC has on record wins" in text
    assert "Medical coding education: help (aapc.com)" in text
    assert 'href="https://www.aapc.com/medical-coding-education/help/"' in window.browser.toHtml()
    assert f"Checked on {format_date(date(2026, 11, 27))}." in text
    window.close()

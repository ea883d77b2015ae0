"""The career roadmap through the GUI on a real database: a coder holding CCA opens "Add a goal
credential…" from the Credentials screen, picks CCS, sees what it costs (study dated at their week,
the exam, AHIMA 20 → 30 CEUs with its sources), previews the plan and accepts it; the plan exists.
Passing its exam under Modules then adds CCS into the shared AHIMA cycle."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from studyplanner.core.model import ModuleKind
from studyplanner.services import credentials as service
from studyplanner.services.changes import Changes
from studyplanner.services.database import Database
from studyplanner.services.plans import active_plan
from studyplanner.services.progress import module_statuses
from studyplanner.ui.credentials.credential_dialog import CredentialDialog
from studyplanner.ui.credentials.credentials_screen import CredentialsScreen
from studyplanner.ui.credentials.roadmap_dialog import RoadmapDialog
from studyplanner.ui.shared.preview_dialog import PreviewDialog
from studyplanner.ui.study.completion_dialog import CompletionDialog
from studyplanner.ui.study.modules_screen import ModulesScreen

NOW = datetime(2026, 11, 27, 9, 30)
CCA_EARNED = date(2025, 9, 14)


@pytest.fixture
def screen(qtbot: QtBot, db: Database, today: date) -> CredentialsScreen:
    service.add_credential(db, "CCA", CCA_EARNED, today)
    widget = CredentialsScreen(db, lambda: today, now=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drive_roadmap(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, pick: str, *, accept: bool
) -> list[Any]:
    """When the screen opens the roadmap, show the real dialog, pick `pick`, preview its plan
    in the real preview dialog and accept it (or close the roadmap)."""
    seen: list[Any] = []

    def preview_ask(preview: Any, current: Any, parent: Any = None, text: Any = None) -> bool:
        dialog = PreviewDialog(preview, current, parent, text)
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog)
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    def run(dialog: RoadmapDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append(dialog)
        dialog.select(pick)
        if accept:
            qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PreviewDialog, "ask", staticmethod(preview_ask))
    monkeypatch.setattr(RoadmapDialog, "exec", run)
    return seen


def test_pick_a_goal_preview_and_accept_creates_the_plan(
    qtbot: QtBot,
    screen: CredentialsScreen,
    db: Database,
    today: date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert active_plan(db, today) is None
    seen = drive_roadmap(qtbot, monkeypatch, "CCS", accept=True)
    with qtbot.waitSignal(screen.data_changed) as emitted:
        qtbot.mouseClick(screen.goal_button, Qt.MouseButton.LeftButton)
    roadmap, preview = seen
    assert isinstance(roadmap, RoadmapDialog) and isinstance(preview, PreviewDialog)
    assert roadmap.entry() is not None and roadmap.entry().code == "CCS"  # type: ignore[union-attr]
    details = roadmap.details.toPlainText()
    assert "135 h of study" in details and "AHIMA CEUs: 20 → 30 CEUs every 2 years" in details
    assert "It joins your shared cycle" in details and "Exam: 4 h" in details
    assert 'href="https://ahima.org/certification-careers/' in roadmap.details.toHtml()
    plan = active_plan(db, today)
    assert plan is not None and plan.track.template_id == "ccs-exam-prep"
    assert preview.moves.rowCount() == len(plan.track.modules)  # every module, as new
    assert f"The new plan's {len(plan.track.modules)} modules" in " ".join(
        label.text() for label in preview.findChildren(QLabel)
    )
    assert plan.schedule.finish == roadmap.chosen_track().finish  # type: ignore[union-attr]
    assert emitted.args[0] & Changes.PLAN
    assert "Your plan toward CCS is ready" in screen.message.text()


def test_closing_the_roadmap_creates_nothing(
    qtbot: QtBot,
    screen: CredentialsScreen,
    db: Database,
    today: date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = drive_roadmap(qtbot, monkeypatch, "CPMA", accept=False)
    assert screen.add_goal() is None
    [roadmap] = seen
    assert not roadmap.preview_button.isEnabled()  # no built-in track leads to CPMA
    assert "No built-in track leads to CPMA" in roadmap.details.toPlainText()
    assert "AAPC: a cycle of its own, 36 CEUs every 2 years." in roadmap.details.toPlainText()
    assert active_plan(db, today) is None


def test_passing_the_goal_exam_adds_it_into_the_shared_cycle(
    qtbot: QtBot,
    screen: CredentialsScreen,
    db: Database,
    today: date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drive_roadmap(qtbot, monkeypatch, "CCS", accept=True)
    assert screen.add_goal() is not None
    modules = ModulesScreen(db, lambda: today)
    qtbot.addWidget(modules)
    exam = next(m for m in module_statuses(db, today) if m.kind is ModuleKind.EXAM)
    modules.select_module(exam.id)
    monkeypatch.setattr(CompletionDialog, "ask", lambda *a, **k: (today, None))
    monkeypatch.setattr(ModulesScreen, "confirm_add_credential", lambda *a: True)
    offered: list[str] = []

    def ask(*args: Any, **kwargs: Any) -> Any:
        dialog = CredentialDialog(*args, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        offered.append(dialog.credential.currentData())
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.value()

    monkeypatch.setattr(CredentialDialog, "ask", ask)
    assert modules.mark_complete() is not None
    assert offered == ["CCS"]
    held = {c.code: c for c in service.list_credentials(db)}
    assert held["CCS"].current.end == held["CCA"].current.end  # the shared AHIMA cycle
    required = {s.label: s.required for s in service.ceu_statuses(db, today)}
    assert required == {"CCA": Decimal(30), "CCS": Decimal(30)}

"""Scores by exam section in the GUI: the completion dialog's grid (the score derived as the
user types), the Modules screen saving it, and the readiness view (chart, table, verdict) whose
review is previewed and accepted into the plan (issue 16)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.services.changes import PLAN_CHANGES
from studyplanner.services.database import Database
from studyplanner.services.plans import active_plan
from studyplanner.services.progress import mark_done, module_statuses
from studyplanner.services.section_readiness import active_outline
from studyplanner.ui.shared import preview_dialog
from studyplanner.ui.study.completion_dialog import CompletionDialog
from studyplanner.ui.study.modules_screen import ModulesScreen
from studyplanner.ui.study.readiness_view import ReadinessDialog, SectionReadinessView
from tests.ui.a11y_audit import Findings

PRACTICE_EXAM_1 = 23  # in the CPC certificate program


@pytest.fixture
def planned(db: Database, today: date, create_cpc_plan: Any) -> Database:
    create_cpc_plan(db, today - timedelta(weeks=30))
    return db


def _dialog(qtbot: QtBot, db: Database, today: date) -> CompletionDialog:
    module = {m.id: m for m in module_statuses(db, today)}[PRACTICE_EXAM_1]
    dialog = CompletionDialog(module, today, outline=active_outline(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_grid_derives_the_score_as_the_user_types(
    qtbot: QtBot, planned: Database, today: date
) -> None:
    dialog = _dialog(qtbot, planned, today)
    grid = dialog.grid
    assert grid is not None and dialog.by_section.isChecked()
    assert len(grid.spins) == 17 and dialog.score.isReadOnly()
    assert dialog.score.text() == "100"
    anesthesia = next(s for s in grid.spins if "Anesthesia" in s.accessibleName())
    anesthesia.setFocus()
    qtbot.keyClick(anesthesia, Qt.Key.Key_Up)
    qtbot.keyClick(anesthesia, Qt.Key.Key_Up)
    assert dialog.score.text() == "98"
    assert "2 of 100 questions missed" in grid.total_label.text()
    day, score, sections = dialog.value()  # type: ignore[misc]
    assert (day, score) == (today, 98.0)
    assert {s.key: s.missed for s in sections}["anesthesia"] == 2
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.by_section, Qt.MouseButton.LeftButton)  # one figure instead
    assert not grid.isVisible() and not dialog.score.isReadOnly()
    dialog.score.clear()
    qtbot.keyClicks(dialog.score, "64")
    assert dialog.value() == (today, 64.0)


def test_the_modules_screen_saves_the_sections(
    qtbot: QtBot, planned: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = ModulesScreen(planned, lambda: today)
    qtbot.addWidget(screen)

    def typed(module: Any, day: date, parent: Any = None, **kwargs: Any) -> Any:
        dialog = CompletionDialog(module, day, parent, **kwargs)
        qtbot.addWidget(dialog)
        assert dialog.grid is not None
        dialog.grid.spins[1].setValue(4)  # surgery 20000 series: 2 of 6
        return dialog.value()

    monkeypatch.setattr(CompletionDialog, "ask", typed)
    screen.select_module(PRACTICE_EXAM_1)
    with qtbot.waitSignal(screen.data_changed):
        screen.mark_complete()
    stored = {m.id: m for m in module_statuses(planned, today)}[PRACTICE_EXAM_1]
    assert stored.done and stored.score == 96.0


def _scored(db: Database, today: date) -> None:
    outline = active_outline(db)
    assert outline is not None
    from studyplanner.core.exam_sections import SectionScore

    missed = {"radiology": 4, "anesthesia": 3}
    scores = [SectionScore(s.key, s.title, s.questions, missed.get(s.key, 0))
              for s in outline.sections]  # fmt: skip
    mark_done(db, PRACTICE_EXAM_1, today - timedelta(days=2), None, today, scores)


def test_readiness_shows_each_section_and_the_review_is_previewed_then_accepted(
    qtbot: QtBot, planned: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    _scored(planned, today)
    view = SectionReadinessView(planned, lambda: today)
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    qtbot.waitExposed(view)
    assert view.model.rowCount() == 17
    statuses = {view.model.item(r, 0).text(): view.model.item(r, 4).text() for r in range(17)}
    assert statuses["Radiology"] == "below the pass mark"
    assert statuses["Medicine"] == "at or above the pass mark"
    assert any(name.startswith("Pass mark 70") for name in view.chart.series_names())
    assert "Radiology:" in view.verdict.text()
    assert view.review_button.isEnabled()
    assert view.found is not None
    reviews = [f"Review: {b.title}" for b in view.found.review.blocks]
    assert reviews[0] == "Review: Radiology"  # the most exam points at stake
    shown: list[Any] = []

    def accept(preview: Any, schedule: Any, parent: Any = None) -> bool:
        shown.append(preview)
        return True

    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", accept)
    with qtbot.waitSignal(view.data_changed) as signal:
        qtbot.mouseClick(view.review_button, Qt.MouseButton.LeftButton)
    assert signal.args == [PLAN_CHANGES]
    assert [m.title for m in shown[0].modules if m.id < 0] == reviews
    plan = active_plan(planned, today)
    assert plan is not None
    assert set(reviews) <= {m.title for m in plan.track.modules}
    assert view.found is not None and "radiology" in view.found.already_planned


def test_declining_the_preview_changes_nothing(
    qtbot: QtBot, planned: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    _scored(planned, today)
    view = SectionReadinessView(planned, lambda: today)
    qtbot.addWidget(view)
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", lambda *a, **k: False)
    before = active_plan(planned, today)
    assert not view.plan_review()
    after = active_plan(planned, today)
    assert before is not None and after is not None
    assert len(after.baselines) == len(before.baselines)


def test_the_entry_grid_and_the_readiness_window_are_keyboard_and_name_complete(
    qtbot: QtBot, planned: Database, today: date
) -> None:
    _scored(planned, today)
    findings = Findings()
    findings.audit("Completion dialog by section", _dialog(qtbot, planned, today))
    window = ReadinessDialog(planned, lambda: today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    findings.audit("Readiness by section", window)
    assert not (findings.unnamed or findings.unfocusable or findings.out_of_order), (
        findings.report()
    )

"""The plan assistant driven like a user: choose, type, click, and check what reached the DB."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from studyplanner.services.database import Database
from studyplanner.services.plans import active_plan
from studyplanner.ui.assistant import CUSTOM, PlanAssistant


def _choose(wizard: PlanAssistant, track_id: str) -> None:
    items = wizard.track_page.list
    for row in range(items.count()):
        if items.item(row).data(Qt.ItemDataRole.UserRole) == track_id:
            items.setCurrentRow(row)
            return
    raise AssertionError(track_id)


def _next(qtbot: QtBot, wizard: PlanAssistant) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_create_a_cpc_plan_through_the_assistant(qtbot: QtBot, db: Database, today: date) -> None:
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _choose(wizard, "cpc-certificate-program")
    assert "Usually 9 to 20 months" in wizard.track_page.details.text()
    assert "Cecil" in wizard.track_page.details.toolTip()
    _next(qtbot, wizard)

    goal = wizard.goal_page.goal
    goal.start.setDate(QDate(2027, 1, 4))
    qtbot.mouseClick(goal.by_hours, Qt.MouseButton.LeftButton)
    goal.hours.clear()
    qtbot.keyClicks(goal.hours, "10")
    assert goal.weekly_minutes() == 600
    _next(qtbot, wizard)

    page = wizard.time_page
    spins = page.availability.spins
    for spin, minutes in zip(spins, (90, 90, 90, 90, 0, 240, 0), strict=True):
        spin.selectAll()
        qtbot.keyClicks(spin, str(minutes))
    assert page.availability.availability().minutes == (90, 90, 90, 90, 0, 240, 0)
    page.blackouts.first.setDate(QDate(2027, 7, 1))
    page.blackouts.last.setDate(QDate(2027, 7, 14))
    qtbot.keyClicks(page.blackouts.label, "Vacation")
    qtbot.mouseClick(page.blackouts.add_button, Qt.MouseButton.LeftButton)
    assert page.blackouts.list.count() == 1
    _next(qtbot, wizard)

    summary = wizard.summary_page
    assert summary.verdict.text().startswith("Finishes on")
    assert summary.isComplete()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    assert wizard.created is not None
    saved = active_plan(db, today)
    assert saved is not None
    assert saved.track.template_id == "cpc-certificate-program"
    assert saved.settings.weekly_minutes == 600
    assert saved.settings.availability.minutes == (90, 90, 90, 90, 0, 240, 0)
    assert saved.settings.blackouts[0].label == "Vacation"
    assert not any(date(2027, 7, 1) <= b.day <= date(2027, 7, 14) for b in saved.schedule.blocks)


def test_invalid_goal_shows_message_and_blocks_next(
    qtbot: QtBot, db: Database, today: date
) -> None:
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    goal = wizard.goal_page.goal
    goal.target.setDate(QDate(2026, 1, 1))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert goal.goal_problem.isVisible()
    assert goal.goal_problem.text() == "The target date is in the past."
    goal.target.setDate(QDate(2028, 1, 1))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not goal.goal_problem.isVisible()


def test_no_availability_blocks_next(qtbot: QtBot, db: Database, today: date) -> None:
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    for spin in wizard.time_page.availability.spins:
        spin.setValue(0)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "at least one day" in wizard.time_page.problem.text()


def test_degree_track_suggests_editable_term_dates(qtbot: QtBot, db: Database, today: date) -> None:
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _choose(wizard, "associate-degree-hit")
    _next(qtbot, wizard)
    wizard.goal_page.goal.start.setDate(QDate(2027, 8, 23))
    terms = wizard.goal_page.term_dates()
    assert len(terms) == 4 and terms[0].start == date(2027, 8, 23)
    first_end = wizard.goal_page.terms.edits()[1]
    first_end.setDate(QDate(2027, 8, 1))  # before the term starts
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "ends before it starts" in wizard.goal_page.terms.problem.text()


def test_custom_track_from_scratch(qtbot: QtBot, db: Database, today: date) -> None:
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _choose(wizard, CUSTOM)
    page = wizard.track_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no name yet
    qtbot.keyClicks(page.custom_name, "My CPC review")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    model = page.custom_modules.model
    model.setData(model.index(0, 0), "Terminology refresh")
    model.setData(model.index(0, 2), 12.5)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    saved = active_plan(db, today)
    assert saved is not None and saved.track.name == "My CPC review"
    assert saved.track.modules[0].title == "Terminology refresh"
    assert saved.track.modules[0].minutes == 750

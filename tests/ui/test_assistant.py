"""The plan assistant driven like a user: choose, type, click, and check what reached the DB."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from studyplanner.services.database import Database
from studyplanner.services.plan_fixes import FixKind
from studyplanner.services.plans import active_plan
from studyplanner.ui.plan.assistant import CUSTOM, PlanAssistant
from studyplanner.ui.shared import preview_dialog


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
    assert goal.weekly_minutes() is not None  # a program proposes hours a week first
    qtbot.mouseClick(goal.by_target, Qt.MouseButton.LeftButton)
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


# -- plans that fit with their own defaults, and fixes (issue 12 item 8) --------------------------


def _finish(qtbot: QtBot, wizard: PlanAssistant) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_cpc_accepting_every_default_fits(qtbot: QtBot, db: Database, today: date) -> None:
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _choose(wizard, "cpc-certificate-program")
    for _ in range(3):
        _next(qtbot, wizard)
    summary = wizard.summary_page
    assert summary.status_word.text() == "<b>Fits</b>", summary.verdict.text()
    assert not summary.fixes.isVisible()
    _finish(qtbot, wizard)
    saved = active_plan(db, today)
    assert saved is not None and saved.schedule.verdict.fits
    low, high = saved.track.usual_months or (0, 0)
    assert low <= saved.schedule.verdict.months <= high


def test_degree_defaults_end_with_the_last_term_and_fit(
    qtbot: QtBot, db: Database, today: date
) -> None:
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _choose(wizard, "associate-degree-hit")
    assert "45 hours of work per credit" in wizard.track_page.details.text()
    _next(qtbot, wizard)
    terms = wizard.goal_page.term_dates()
    assert wizard.goal_page.goal.target_date() == terms[-1].end
    wizard.goal_page.goal.start.setDate(QDate(2027, 8, 23))  # the target follows the terms
    assert wizard.goal_page.goal.target_date() == wizard.goal_page.term_dates()[-1].end
    _next(qtbot, wizard)
    assert wizard.time_page.availability.availability().weekly_minutes == 45 * 60  # full time
    _next(qtbot, wizard)
    summary = wizard.summary_page
    assert summary.status_word.text() == "<b>Fits</b>", summary.verdict.text()
    assert not summary.fixes.isVisible()


def _part_time_degree(qtbot: QtBot, wizard: PlanAssistant) -> None:
    _choose(wizard, "associate-degree-hit")
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    availability = wizard.time_page.availability
    for spin, minutes in zip(availability.spins, (240, 240, 240, 240, 240, 240, 0), strict=True):
        spin.setValue(minutes)
    _next(qtbot, wizard)


@pytest.mark.parametrize("kind", [FixKind.SPREAD_TERMS, FixKind.STUDY_MORE])
def test_a_fix_in_the_assistant_makes_the_plan_fit(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch, kind: FixKind
) -> None:
    shown: list[object] = []

    def accept(preview: object, *args: object, **kwargs: object) -> bool:
        shown.append(preview)
        return True

    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", accept)
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _part_time_degree(qtbot, wizard)
    summary = wizard.summary_page
    assert summary.status_word.text() == "<b>Does not fit</b>"
    text = summary.verdict.text()  # the list separators follow the locale
    assert "do not fit in their dates with 24 h a week; they need: term 1 about 42 h 15 min" in text
    assert "term 4 about 44 h 20 min a week." in text
    assert summary.fixes.isVisible()
    button = summary.fixes.button(kind)
    assert button.accessibleName() == button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1  # previewed first
    # part-time takes longer than the usual two years: it fits, and says so
    assert summary.status_word.text().startswith("<b>Fits"), summary.verdict.text()
    assert not summary.fixes.isVisible()
    _finish(qtbot, wizard)
    saved = active_plan(db, today)
    assert saved is not None and saved.schedule.verdict.fits
    if kind is FixKind.SPREAD_TERMS:
        assert saved.track.term_count > 4 and len(saved.settings.terms) == saved.track.term_count
        assert saved.settings.availability.weekly_minutes == 24 * 60
    else:
        assert saved.track.term_count == 4
        assert saved.settings.availability.weekly_minutes > 40 * 60


def test_a_declined_fix_changes_nothing(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", lambda *a, **k: False)
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _part_time_degree(qtbot, wizard)
    summary = wizard.summary_page
    qtbot.mouseClick(summary.fixes.button(FixKind.STUDY_MORE), Qt.MouseButton.LeftButton)
    assert summary.status_word.text() == "<b>Does not fit</b>"
    assert wizard.time_page.availability.availability().weekly_minutes == 24 * 60


def test_part_time_degree_in_the_assistant_fits_at_the_part_time_week(
    qtbot: QtBot, db: Database, today: date
) -> None:
    wizard = PlanAssistant(db, today)
    qtbot.addWidget(wizard)
    wizard.show()
    _choose(wizard, "associate-degree-hit")
    assert "Part-time, over 9 terms in about 3 years: about 23 h 30 min a week" in (
        wizard.track_page.details.text()
    )
    _next(qtbot, wizard)
    part_time = wizard.goal_page.terms.part_time
    assert part_time.isVisible() and part_time.accessibleName()
    qtbot.keyClick(part_time, Qt.Key.Key_Space)  # as a keyboard user would
    terms = wizard.goal_page.term_dates()
    assert len(terms) == 9
    assert wizard.goal_page.goal.target_date() == terms[-1].end
    _next(qtbot, wizard)
    assert wizard.time_page.availability.availability().weekly_minutes == 24 * 60
    _next(qtbot, wizard)
    summary = wizard.summary_page
    assert summary.status_word.text().startswith("<b>Fits"), summary.verdict.text()
    _finish(qtbot, wizard)
    saved = active_plan(db, today)
    assert saved is not None and saved.schedule.verdict.fits
    assert saved.track.term_count == 9
    assert {m.term for m in saved.track.modules} <= set(range(1, 10))

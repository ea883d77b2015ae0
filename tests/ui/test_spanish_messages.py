"""The app's warnings and refusals in Spanish: the CEU rules' warnings in the activity dialog
and the problems core and the services find with the input (codes and values, words in the GUI)
show no English message and no English words once the data (credential labels, the rules'
category names) is taken out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from studyplanner.bundled import rule_book
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as service
from studyplanner.services.database import Database
from studyplanner.ui.credentials.activity_dialog import ActivityDialog
from studyplanner.ui.credentials.credentials_screen import CredentialsScreen
from studyplanner.ui.shared.formatting import qdate
from studyplanner.ui.window.language import Translation, install_language
from tests.ui.test_spanish import ENGLISH, ENGLISH_WORDS, TAG

DATA = ("CPC", "CPMA", "Auditing", "Coding")
"""The learner's credentials and the rules' words that may stand in a Spanish sentence."""


@pytest.fixture
def spanish() -> Iterator[Translation]:
    installed = install_language("es")
    assert QCoreApplication.translate("", "&Help") == "Ay&uda"
    yield installed
    installed.remove()


def english_in(text: str) -> list[str]:
    """What is English in `text`: a whole English message, or English words outside the data."""
    plain = TAG.sub("", text).strip()
    found = [line for line in plain.splitlines() if line in ENGLISH]
    for known in DATA:
        plain = plain.replace(known, "")
    found += [m.group(0) for m in ENGLISH_WORDS.finditer(plain)]
    return found


def spanish_text(label: QLabel) -> str:
    text = label.text()
    assert text and label.isVisibleTo(label.window()), "a message is shown"
    assert english_in(text) == [], text
    return text


# -- the CEU rules' warnings -------------------------------------------------------------------


def _dialog(qtbot: QtBot, db: Database, today: date) -> ActivityDialog:
    screen = CredentialsScreen(db, lambda: today)
    qtbot.addWidget(screen)
    dialog = ActivityDialog(rule_book(), service.ceu_statuses(db, today), today,
                            warnings_for=screen._warnings_for(None))  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _enter(qtbot: QtBot, dialog: ActivityDialog, day: date, units: int, label: str) -> str:
    """Type an activity applied to the credential `label`; the warning it draws, once shown."""
    qtbot.keyClicks(dialog.title, "Webinar")
    dialog.day.setDate(qdate(day))
    dialog.units.setValue(units)
    [cycle] = [c for c, check in dialog.cycle_checks.items() if label in check.text()]
    dialog.cycle_checks[cycle].setChecked(True)
    dialog.cycle_units[cycle].setValue(units)
    qtbot.waitUntil(lambda: dialog.warning_row.isVisible() and bool(dialog.warnings.text()))
    return spanish_text(dialog.warnings)


def _activity(db: Database, day: date, units: int, cycle_id: int, today: date) -> None:
    data = acts.ActivityInput(day, "Course", Decimal(units), "coding")
    acts.add_activity(db, data, [(cycle_id, Decimal(units))], today)


def test_a_ceu_from_before_the_credential_is_warned_of_in_spanish(
    spanish: Translation, qtbot: QtBot, db: Database, today: date
) -> None:
    service.add_credential(db, "CPC", date(2025, 4, 10), today, renewal_on=date(2027, 3, 31))
    dialog = _dialog(qtbot, db, today)
    text = _enter(qtbot, dialog, date(2024, 2, 1), 2, "CPC")
    assert text.startswith("No contará para CPC: terminada antes de obtener CPC")


def test_a_ceu_outside_the_cycle_is_warned_of_in_spanish(
    spanish: Translation, qtbot: QtBot, db: Database, today: date
) -> None:
    cpc = service.add_credential(db, "CPC", date(2015, 3, 10), today, renewal_on=date(2027, 6, 30))
    assert cpc.current.start > date(2024, 2, 1)
    dialog = _dialog(qtbot, db, today)
    text = _enter(qtbot, dialog, date(2024, 2, 1), 2, "CPC")
    assert text.startswith("No contará para CPC: terminada fuera del ciclo del ")


def test_no_carry_over_is_warned_of_in_spanish(
    spanish: Translation, qtbot: QtBot, db: Database, today: date
) -> None:
    cpc = service.add_credential(db, "CPC", date(2015, 3, 10), today, renewal_on=date(2027, 6, 30))
    _activity(db, today - timedelta(days=30), 36, cpc.current.id, today)
    dialog = _dialog(qtbot, db, today)
    text = _enter(qtbot, dialog, today - timedelta(days=2), 2, "CPC")
    assert text.startswith("El ciclo de CPC ya cumple todos los requisitos")


def test_a_ceu_that_helps_nothing_missing_names_the_quota_in_spanish(
    spanish: Translation, qtbot: QtBot, db: Database, today: date
) -> None:
    cpc = service.add_credential(db, "CPC", date(2015, 3, 10), today, renewal_on=date(2027, 6, 30))
    service.add_credential(db, "CPMA", date(2016, 5, 1), today)
    _activity(db, today - timedelta(days=30), 40, cpc.current.id, today)
    dialog = _dialog(qtbot, db, today)
    text = _enter(qtbot, dialog, today - timedelta(days=2), 2, "CPC")
    assert text.startswith("No ayuda con lo que aún necesita el ciclo de CPC y CPMA (")
    assert "CPMA" in text.split("(", 1)[1]  # the quota still missing, in Spanish words


# -- problems with the input: shared checks in core, refusals of the services ------------------


def test_the_activity_dialog_says_the_shared_limits_in_spanish(
    spanish: Translation, qtbot: QtBot, db: Database, today: date
) -> None:
    service.add_credential(db, "CPC", date(2025, 4, 10), today, renewal_on=date(2027, 3, 31))
    dialog = _dialog(qtbot, db, today)
    qtbot.keyClicks(dialog.title, "Webinar")
    dialog.title.clear()
    assert spanish_text(dialog.title_problem) == "Ponga un título a la actividad."
    dialog.units.setValue(0)
    assert spanish_text(dialog.units_problem) == "Los CEU deben ser más que cero."
    dialog.day.setDate(qdate(today + timedelta(days=3)))
    assert spanish_text(dialog.day_problem).startswith("La fecha de finalización debe estar")
    assert not dialog.ok_button.isEnabled()


def test_the_credential_dialog_says_the_cycle_limits_in_spanish(
    spanish: Translation, qtbot: QtBot, db: Database, today: date
) -> None:
    from studyplanner.ui.credentials.credential_dialog import CredentialDialog

    dialog = CredentialDialog(rule_book(), [], today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.required, "600")
    assert spanish_text(dialog.required_problem) == "Indique un número de CEU entre 0 y 500."
    dialog.required.clear()
    qtbot.keyClicks(dialog.required, f"20{QLocale().decimalPoint()}125")
    assert spanish_text(dialog.required_problem) == "Use como máximo dos decimales."
    dialog.end.setDate(qdate(today + timedelta(days=365 * 12)))
    text = spanish_text(dialog.end_problem)
    assert text.startswith("El fin del ciclo debe estar entre 1970 y ")
    assert re.search(r"\b20\d\d\.$", text), "a year, not a figure with a separator"
    assert not dialog.ok_button.isEnabled()


def test_the_plan_goal_says_its_problems_in_spanish(
    spanish: Translation, qtbot: QtBot, today: date
) -> None:
    from studyplanner.ui.plan.goal_editor import GoalEditor

    goal = GoalEditor(today)
    qtbot.addWidget(goal)
    goal.show()
    goal.target.setDate(qdate(today - timedelta(days=3)))
    goal.problems()
    assert spanish_text(goal.goal_problem) == "La fecha meta ya pasó."
    goal.start.setDate(qdate(today - timedelta(days=400)))
    goal.by_hours.setChecked(True)
    goal.hours.setValue(0)
    goal.problems()
    assert spanish_text(goal.start_problem) == "La fecha de inicio es de hace más de un año."
    assert spanish_text(goal.goal_problem) == "Las horas por semana deben ser más que cero."


def test_the_weekly_hours_beyond_the_week_are_said_in_spanish(
    spanish: Translation, qtbot: QtBot, db: Database, today: date, create_cpc_plan: object
) -> None:
    from studyplanner.services.plan_reader import active_plan
    from studyplanner.ui.plan.schedule_settings import ScheduleSettings

    create_cpc_plan(db, today)  # type: ignore[operator]
    settings = ScheduleSettings(today)
    qtbot.addWidget(settings)
    plan = active_plan(db, today)
    assert plan is not None
    settings.show_settings(plan.settings)
    settings.show()
    settings.goal.by_hours.setChecked(True)
    settings.goal.hours.setValue(60)
    assert not settings.is_valid()
    assert spanish_text(settings.availability_problem).startswith(
        "Sus días de la semana suman solo "
    )


def test_a_session_deleted_elsewhere_is_said_in_spanish(
    spanish: Translation, qtbot: QtBot, db: Database, today: date, create_cpc_plan: object
) -> None:
    from studyplanner.services.progress import log_session
    from studyplanner.services.study_log import delete_session
    from studyplanner.ui.study.study_log_screen import StudyLogScreen

    create_cpc_plan(db, today)  # type: ignore[operator]
    screen = StudyLogScreen(db, lambda: today)
    qtbot.addWidget(screen)
    screen.show()
    logged = log_session(db, 2, today, 30, "", today)
    screen.refresh()
    screen.select_session(logged.id)
    delete_session(db, logged.id)  # by another window or the command line
    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    assert spanish_text(screen.problem) == "Esa sesión ya no existe."


def test_every_problem_code_is_said_in_spanish(spanish: Translation, qtbot: QtBot) -> None:
    """Each code of core/problem_codes.py, with values of each kind, through the GUI's words:
    Spanish, every placeholder filled, dates and figures in the locale."""
    import string

    from studyplanner.core.problem_codes import TEMPLATES
    from studyplanner.core.validation import IN_MODULE, Problem, problem
    from studyplanner.ui.shared.formatting import format_date
    from studyplanner.ui.shared.problem_words import problem_words

    day = date(2027, 3, 14)
    for code, template in TEMPLATES.items():
        names = {f[1] for f in string.Formatter().parse(template) if f[1]}
        made = problem("field", code, **dict.fromkeys(names, day))
        said = problem_words(made)
        assert said != made.message and "{" not in said, code
        assert english_in(said) == [], (code, said)
        if names:
            assert format_date(day) in said and "2027-03-14" not in said, code
    moved = Problem("modules.0.title", "", "module_title_missing", ((IN_MODULE, 3),))
    assert problem_words(moved) == "Módulo 3: Ponga un título al módulo."
    big = problem("note", "note_long", limit=2000)
    assert QLocale().toString(2000) in problem_words(big)


def test_an_archive_refused_on_import_is_said_in_spanish(
    spanish: Translation, qtbot: QtBot, tmp_path: Path
) -> None:
    from studyplanner.services.archive.format import ArchiveError
    from studyplanner.services.archive.read import read_archive
    from studyplanner.ui.settings.data_transfer_panel import DataTransferPanel

    not_zip = tmp_path / "notas.zip"
    not_zip.write_text("solo texto", encoding="utf-8")
    missing = tmp_path / "falta.zip"
    for path, said in ((not_zip, "notas.zip: no es un archivo de Study Planner"),
                       (missing, f"{missing}: no existe.")):  # fmt: skip
        with pytest.raises(ArchiveError) as refused:
            read_archive(path)
        text, ok = DataTransferPanel._failure(refused.value, False)
        assert not ok and said in text
        assert english_in(text.replace(str(tmp_path), "")) == [], text


def test_a_problem_with_the_data_file_is_said_in_spanish(
    spanish: Translation, qtbot: QtBot, tmp_path: Path
) -> None:
    import errno

    from studyplanner.store.errors import explain
    from studyplanner.ui.shared.problem_words import store_words

    full = explain(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "db", "backed up")
    assert full is not None
    assert full.user_message.startswith(f"The disk holding {tmp_path / 'db'} is full;")
    assert "It was not backed up. Free some space" in full.user_message  # the CLI's English
    said = store_words(full)
    assert said.startswith(f"El disco que contiene {tmp_path / 'db'} está lleno")
    assert "No se hizo la copia de seguridad." in said
    assert english_in(said.replace(str(tmp_path), "")) == [], said

"""The Plan screen: shows the saved plan, previews every change before saving a new baseline."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability, ModuleKind
from studyplanner.services.database import Database
from studyplanner.services.plan_fixes import FixKind
from studyplanner.services.plans import active_plan, create_plan, suggest_terms
from studyplanner.services.snapshots import NewPlan, PlanPreview, PlanSettings
from studyplanner.ui.plan import assistant
from studyplanner.ui.plan.history_view import BaselineModel
from studyplanner.ui.plan.module_editor import ModuleDraftModel
from studyplanner.ui.plan.timeline_panel import KindLegend
from studyplanner.ui.shared import preview_dialog
from studyplanner.ui.shared.colours import kind_colour
from studyplanner.ui.shared.preview_dialog import MovesModel
from studyplanner.ui.window.main_window import MainWindow


def _plan(db: Database, today: date) -> None:
    settings = PlanSettings(
        start=date(2027, 1, 4),
        availability=Availability((90, 90, 90, 90, 0, 240, 0)),
        weekly_minutes=600,
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), today)


@pytest.fixture
def window(qtbot: QtBot, db: Database, today: date) -> MainWindow:
    _plan(db, today)
    win = MainWindow(db, lambda: today)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_screen(1)  # the Plan screen
    return win


class Answer:
    """Stands in for the preview dialog: records what was shown, answers yes or no."""

    def __init__(self, accept: bool) -> None:
        self.accept = accept
        self.previews: list[PlanPreview] = []

    def __call__(self, preview: PlanPreview, current: object, parent: object = None) -> bool:
        self.previews.append(preview)
        return self.accept


def test_shows_the_saved_plan(window: MainWindow) -> None:
    screen = window.plan_screen
    assert screen.stack.currentIndex() == 1
    assert screen.header.title.text() == "CPC certification program (9-20 months)"
    assert screen.header.verdict.text().startswith("Finishes on")
    assert len(screen.timeline.rows()) == 32
    assert screen.history.model.rowCount() == 1
    names = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert names[:4] == ["Dashboard", "Plan", "Modules", "Study log"]  # only screens that exist


def test_empty_state_offers_the_assistant(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[date] = []

    def fake_assistant(db_: Database, day: date, parent: object = None) -> None:
        asked.append(day)

    monkeypatch.setattr(assistant.PlanAssistant, "ask", fake_assistant)
    win = MainWindow(db, lambda: today)
    qtbot.addWidget(win)
    screen = win.plan_screen
    assert screen.stack.currentIndex() == 0
    with qtbot.waitSignal(screen.assistant_requested):
        qtbot.mouseClick(screen.start_button, Qt.MouseButton.LeftButton)
    assert asked == [today]
    win.start_assistant_if_no_plan()
    assert asked == [today, today]


def test_change_availability_preview_then_accept(
    window: MainWindow, db: Database, today: date, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    answer = Answer(accept=True)
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", answer)
    screen = window.plan_screen
    settings = screen.settings
    before = screen.plan()
    assert before is not None and not settings.preview_button.isEnabled()
    settings.availability.spins[5].setValue(60)  # Saturday 4 h -> 1 h
    settings.goal.hours.setValue(6.0)
    assert settings.preview_button.isEnabled()
    with qtbot.waitSignal(screen.plan_changed):
        qtbot.mouseClick(settings.preview_button, Qt.MouseButton.LeftButton)
    assert len(answer.previews) == 1
    preview = answer.previews[0]
    assert preview.moves and preview.schedule.finish > before.schedule.finish  # type: ignore[operator]
    saved = active_plan(db, today)
    assert saved is not None and [b.number for b in saved.baselines] == [1, 2]
    assert saved.settings.availability.minutes[5] == 60
    assert screen.history.model.rowCount() == 2
    assert screen.header.finish.value.text() != ""


def test_declined_preview_saves_nothing_and_discard_reverts(
    window: MainWindow, db: Database, today: date, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", Answer(accept=False))
    settings = window.plan_screen.settings
    settings.availability.spins[0].setValue(30)
    qtbot.mouseClick(settings.preview_button, Qt.MouseButton.LeftButton)
    saved = active_plan(db, today)
    assert saved is not None and len(saved.baselines) == 1
    assert saved.settings.availability.minutes[0] == 90
    qtbot.mouseClick(settings.discard_button, Qt.MouseButton.LeftButton)
    assert settings.availability.spins[0].value() == 90
    assert not settings.preview_button.isEnabled()


def test_invalid_setting_shows_message_and_disables_preview(window: MainWindow) -> None:
    settings = window.plan_screen.settings
    settings.goal.by_target.setChecked(True)
    settings.goal.target.setDate(settings.goal.target.minimumDate().addDays(1))
    assert not settings.preview_button.isEnabled()
    assert settings.goal.goal_problem.text() == "The target date is in the past."


def test_edit_modules_then_accept(
    window: MainWindow, db: Database, today: date, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", Answer(accept=True))
    screen = window.plan_screen
    tab = screen.modules_tab
    editor = tab.editor
    model = editor.model
    model.setData(model.index(0, 0), "Orientation, my way")
    model.setData(model.index(0, 2), 3)
    editor.view.setCurrentIndex(model.index(2, 0))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 33
    model.setData(model.index(3, 0), "Extra A&P flashcards")
    model.setData(model.index(3, 1), ModuleKind.PRACTICE_EXAM.value)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert model.index(2, 0).data() == "Extra A&P flashcards"
    assert tab.preview_button.isEnabled()
    with qtbot.waitSignal(screen.plan_changed):
        qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    saved = active_plan(db, today)
    assert saved is not None
    titles = [m.title for m in saved.track.modules]
    assert titles[0] == "Orientation, my way" and titles[2] == "Extra A&P flashcards"
    assert saved.track.modules[0].minutes == 180
    assert saved.track.modules[2].kind is ModuleKind.PRACTICE_EXAM
    assert len(saved.baselines) == 2


def test_empty_title_blocks_the_preview(window: MainWindow) -> None:
    tab = window.plan_screen.modules_tab
    model = tab.editor.model
    model.setData(model.index(1, 0), "   ")
    assert not tab.preview_button.isEnabled()
    assert "Give the module a title" in tab.problems_label.text()


def test_item_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    screen = window.plan_screen
    qtmodeltester.check(screen.modules_tab.editor.model)
    qtmodeltester.check(screen.history.model)
    plan = screen.plan()
    assert plan is not None
    moves = MovesModel()
    qtmodeltester.check(moves)
    empty = ModuleDraftModel()
    qtmodeltester.check(empty)
    baselines = BaselineModel()
    baselines.set_baselines(plan.baselines)
    qtmodeltester.check(baselines)


def test_kind_colours_follow_a_dark_palette(qtbot: QtBot) -> None:
    light = QPalette(QColor("#f0f0f0"))
    dark = QPalette(QColor("#2b2b2b"))
    for kind in ModuleKind:
        on_light, on_dark = kind_colour(kind, light), kind_colour(kind, dark)
        assert on_light != on_dark
        base_light = light.color(QPalette.ColorRole.Base).lightnessF()
        base_dark = dark.color(QPalette.ColorRole.Base).lightnessF()
        assert abs(on_light.lightnessF() - base_light) > 0.3
        assert abs(on_dark.lightnessF() - base_dark) > 0.3
    colours = {kind_colour(k, light).name() for k in ModuleKind}
    assert len(colours) == len(ModuleKind)


def test_every_focusable_control_has_an_accessible_name(window: MainWindow) -> None:
    unnamed: list[str] = []
    tabs = window.plan_screen.tabs
    for tab in range(tabs.count()):
        tabs.setCurrentIndex(tab)
        unnamed += _unnamed_controls(window)
    assert unnamed == []


def _unnamed_controls(window: MainWindow) -> list[str]:
    unnamed = []
    for widget in window.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(window):
            continue
        cls = type(widget).__name__
        if cls in ("QScrollBar", "QTabBar", "QLineEdit") and widget.parent() is not None:
            parent_name = widget.parent().accessibleName() if widget.parent() else ""
            if cls != "QLineEdit" or parent_name:
                continue
        text = getattr(widget, "text", lambda: "")()
        if not widget.accessibleName() and not text:
            unnamed.append(f"{cls} {widget.objectName()}")
    return unnamed


def test_timeline_keyboard_selection(window: MainWindow, qtbot: QtBot) -> None:
    timeline = window.plan_screen.timeline
    timeline.setFocus()
    with qtbot.waitSignal(timeline.row_selected):
        qtbot.keyClick(timeline, Qt.Key.Key_Down)
    assert timeline.selected_row() == 0
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    assert timeline.selected_row() == 1
    assert "Medical terminology" in timeline.accessibleDescription()


def test_timeline_paints_bars_in_kind_colours(window: MainWindow) -> None:
    timeline = window.plan_screen.timeline
    timeline.resize(1000, timeline.minimumHeight())
    image = timeline.grab().toImage()
    course = kind_colour(ModuleKind.COURSE, timeline.palette()).rgb()
    found = any(
        image.pixel(x, y) == course
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
    )
    assert found
    assert QApplication.instance() is not None


def test_switching_to_dark_repaints_icons_and_legend(window: MainWindow, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    before = window.sidebar.item(0).icon().pixmap(22, 22).toImage()
    dark = QPalette(QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: window.sidebar.item(0).icon().pixmap(22, 22).toImage() != before)
        legend = window.findChild(KindLegend)
        assert legend is not None
        swatch = legend._swatches[0][1].pixmap().toImage()
        expected = kind_colour(legend._swatches[0][0], legend.palette()).rgb()
        assert swatch.pixel(1, 1) == expected
    finally:
        app.setPalette(original)


# -- a plan that stops fitting: fixes in the header (issue 12 item 8) ----------------------------


@pytest.mark.parametrize("kind", [FixKind.STUDY_MORE, FixKind.MOVE_TARGET])
def test_a_fix_in_the_plan_header_makes_the_plan_fit(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch, kind: FixKind
) -> None:
    settings = PlanSettings(
        start=date(2027, 1, 4),
        availability=Availability((90, 90, 90, 90, 90, 240, 0)),
        target=date(2027, 11, 1),  # under a year: the CPC program needs a little more
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), today)
    answer = Answer(accept=True)
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", answer)
    win = MainWindow(db, lambda: today)
    qtbot.addWidget(win)
    win.show()
    win.show_screen(1)
    header = win.plan_screen.header
    assert header.status_word.text() == "Does not fit"
    assert header.fixes.isVisible()
    button = header.fixes.button(kind)
    assert button.accessibleName() == button.text() and button.toolTip()
    if kind is FixKind.STUDY_MORE:  # one figure: the button's hours are its tooltip's
        figure = button.text().removeprefix("Study ").removesuffix(" a week")
        assert f"studying about {figure} a week" in button.toolTip(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(answer.previews) == 1 and answer.previews[0].schedule.verdict.fits
    saved = active_plan(db, today)
    assert saved is not None and saved.schedule.verdict.fits and len(saved.baselines) == 2
    if kind is FixKind.STUDY_MORE:
        assert saved.settings.availability.weekly_minutes > 690
    else:
        assert saved.settings.target is not None and saved.settings.target > date(2027, 11, 1)
    assert header.status_word.text().startswith("Fits")
    assert not header.fixes.isVisible()


def test_a_degree_that_stops_fitting_offers_more_terms_in_the_header(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = date(2027, 1, 4)
    terms = suggest_terms("associate-degree-hit", start)
    settings = PlanSettings(start, Availability((240, 240, 240, 240, 240, 240, 0)),
                            target=terms[-1].end, terms=terms)  # fmt: skip
    create_plan(db, NewPlan(settings, template_id="associate-degree-hit"), today)
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", Answer(accept=True))
    win = MainWindow(db, lambda: today)
    qtbot.addWidget(win)
    win.show()
    win.show_screen(1)
    header = win.plan_screen.header
    assert "term 1 about 42 h 15 min" in header.verdict.text()
    qtbot.mouseClick(header.fixes.button(FixKind.SPREAD_TERMS), Qt.MouseButton.LeftButton)
    saved = active_plan(db, today)
    assert saved is not None and saved.schedule.verdict.fits
    assert saved.track.term_count > 4
    assert header.status_word.text().startswith("Fits")


def test_allowing_long_sittings_is_a_plan_setting_previewed_then_saved(
    window: MainWindow, db: Database, today: date, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    answer = Answer(accept=True)
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", answer)
    screen = window.plan_screen
    settings = screen.settings
    box = settings.long_sittings
    assert box.accessibleName() == "Allow long exam sittings"
    assert not box.isChecked() and not settings.preview_button.isEnabled()
    settings.availability.spins[5].setValue(120)  # Saturday 4 h -> 2 h: no day holds the exam
    settings.goal.hours.setValue(6.0)
    box.setChecked(True)
    assert settings.edited_settings().allow_long_sittings
    assert settings.preview_button.isEnabled()
    with qtbot.waitSignal(screen.plan_changed):
        qtbot.mouseClick(settings.preview_button, Qt.MouseButton.LeftButton)
    preview = answer.previews[0]
    assert preview.settings.allow_long_sittings
    assert preview.schedule.verdict.sittings_too_long == ()
    saved = active_plan(db, today)
    assert saved is not None and saved.settings.allow_long_sittings
    exam = next(m for m in saved.track.modules if m.title == "CPC exam")
    assert [b.minutes for b in saved.schedule.blocks if b.module_id == exam.id] == [240]
    assert settings.long_sittings.isChecked()  # the saved plan shows the setting
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # off again: a change to discard
    assert settings.discard_button.isEnabled()
    qtbot.mouseClick(settings.discard_button, Qt.MouseButton.LeftButton)
    assert box.isChecked()


def test_the_verdict_says_which_weekday_a_sitting_needs(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from studyplanner.ui.shared.formatting import verdict_sentences

    answer = Answer(accept=False)
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", answer)
    settings = window.plan_screen.settings
    settings.availability.spins[5].setValue(120)
    settings.goal.hours.setValue(6.0)
    qtbot.mouseClick(settings.preview_button, Qt.MouseButton.LeftButton)
    verdict = answer.previews[0].schedule.verdict
    assert not verdict.fits
    sentences = verdict_sentences(verdict)
    assert any(
        s.startswith("CPC exam needs one day with 4 h; your longest day is Saturday with 2 h")
        for s in sentences
    ), sentences


def test_the_module_editor_marks_exams_as_sittings(
    window: MainWindow, db: Database, today: date, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from studyplanner.ui.plan.module_editor import SITTING

    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", Answer(accept=True))
    screen = window.plan_screen
    model = screen.modules_tab.editor.model
    last = model.rowCount() - 1
    checked = Qt.ItemDataRole.CheckStateRole
    assert model.index(last, 0).data() == "CPC exam"
    assert model.index(last, SITTING).data(checked) == Qt.CheckState.Checked
    assert model.index(0, SITTING).data(checked) is None  # a lesson is never a sitting
    assert not model.setData(model.index(0, SITTING), Qt.CheckState.Checked, checked)
    row = model.add_module(last)
    model.setData(model.index(row, 0), "Mock exam at home")
    model.setData(model.index(row, 1), ModuleKind.PRACTICE_EXAM.value)
    model.setData(model.index(row, 2), 3)
    assert model.flags(model.index(row, SITTING)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(row, SITTING), Qt.CheckState.Checked, checked)
    with qtbot.waitSignal(screen.plan_changed):
        qtbot.mouseClick(screen.modules_tab.preview_button, Qt.MouseButton.LeftButton)
    saved = active_plan(db, today)
    assert saved is not None
    mock = next(m for m in saved.track.modules if m.title == "Mock exam at home")
    assert mock.sitting
    [block] = [b for b in saved.schedule.blocks if b.module_id == mock.id]
    assert block.minutes == 180
    # a sitting that becomes a lesson is no longer one
    model.setData(model.index(row, 1), ModuleKind.LESSON.value)
    assert not model.drafts()[row].sitting

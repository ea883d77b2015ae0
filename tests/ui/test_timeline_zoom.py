"""The Plan screen's timeline: a date header that stays put while the rows scroll, zoom by
buttons, keys and Ctrl+wheel with labels that never collide, and today and target lines where
their days are."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.core.model import ModuleKind
from studyplanner.services.database import Database
from studyplanner.ui.plan.timeline_axis import TimelineColours
from studyplanner.ui.plan.timeline_panel import TimelinePanel
from studyplanner.ui.plan.timeline_view import MAX_DAY_WIDTH, TimelineRow, TimelineView
from studyplanner.ui.window.main_window import MainWindow

TODAY = date(2026, 10, 5)
TARGET = date(2028, 3, 31)


def _rows(count: int = 30) -> list[TimelineRow]:
    """`count` modules one after another over about 20 months."""
    rows, day = [], TODAY - timedelta(days=40)
    for i in range(count):
        due = day + timedelta(days=19)
        rows.append(TimelineRow(f"Module {i + 1}", ModuleKind.LESSON, day, due, 600, i < 2))
        day = due + timedelta(days=1)
    return rows


def _panel(qtbot: QtBot, width: int = 1000, height: int = 420) -> TimelinePanel:
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.view.set_rows(_rows(), TODAY, TARGET)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def assert_labels_apart(view: TimelineView) -> None:
    """Month labels in view, none touching the next, all inside the chart, the first with its
    year."""
    fm = QFontMetrics(view.font())
    scale = view.scale()
    labelled = [(x, label) for x, label in view.axis_marks() if label]
    assert labelled
    for (x1, first), (x2, second) in pairwise(labelled):
        assert x1 + 3 + fm.horizontalAdvance(first) < x2 + 3, (first, second)
    for x, label in labelled:
        assert scale.chart_left <= x and x + 3 + fm.horizontalAdvance(label) <= scale.right
    assert any(ch.isdigit() for ch in labelled[0][1])


def test_the_date_header_stays_put_while_the_rows_scroll(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: object
) -> None:
    create_cpc_plan(db, today)  # type: ignore[operator]
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen(1)
    area = window.plan_screen.timeline_panel.area
    header, view = area.header, window.plan_screen.timeline
    qtbot.waitUntil(lambda: header.labels() != [])
    where = header.mapTo(window, QPoint(0, 0)), header.size()
    picture = header.grab().toImage()
    labels = header.labels()
    assert "Today" in labels and any("2026" in label for label in labels)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # 32 modules do not fit: the rows scroll
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: view.y() < 0)  # the rows moved up ...
    assert (header.mapTo(window, QPoint(0, 0)), header.size()) == where  # ... the header did not
    assert header.isVisible()
    assert header.grab().toImage() == picture
    assert header.labels() == labels


def test_zoom_buttons_widen_the_days_and_labels_never_collide(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    view, bar = panel.view, panel.area.horizontalScrollBar()
    fitted = view.pixels_per_day()
    assert view.is_fitted() and bar.maximum() == 0
    assert not panel.fit.isEnabled() and not panel.zoom_out.isEnabled()
    assert_labels_apart(view)
    widths = [fitted]
    while panel.zoom_in.isEnabled():
        qtbot.mouseClick(panel.zoom_in, Qt.MouseButton.LeftButton)
        widths.append(view.pixels_per_day())
        assert widths[-1] > widths[-2]
        assert bar.maximum() > 0  # wider than the view: it scrolls sideways
        assert_labels_apart(view)
        bar.setValue(bar.maximum() // 2)
        assert_labels_apart(view)  # labels of the part in view, scrolled
    assert widths[-1] == MAX_DAY_WIDTH and len(widths) > 5
    assert {"8", "15", "22"} & {label for _x, label in view.axis_marks()}  # weeks, zoomed in
    qtbot.mouseClick(panel.zoom_out, Qt.MouseButton.LeftButton)
    assert view.pixels_per_day() < MAX_DAY_WIDTH
    assert_labels_apart(view)
    qtbot.mouseClick(panel.fit, Qt.MouseButton.LeftButton)
    assert view.is_fitted() and view.pixels_per_day() == fitted and bar.maximum() == 0
    for button in (panel.zoom_in, panel.zoom_out, panel.fit):
        assert button.accessibleName() and "Ctrl" in button.toolTip()


def test_keys_zoom_when_the_timeline_has_focus(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    view = panel.view
    fitted = view.pixels_per_day()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    zoomed = view.pixels_per_day()
    assert zoomed > fitted * 2
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert fitted < view.pixels_per_day() < zoomed
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.is_fitted()


def _wheel(
    view: TimelineView, at: QPointF, modifiers: Qt.KeyboardModifier, delta: int = 120
) -> QWheelEvent:
    """A notch of the wheel over the rows: away from the user (delta > 0) or towards."""
    event = QWheelEvent(
        at, view.mapToGlobal(at), QPoint(), QPoint(0, delta), Qt.MouseButton.NoButton,
        modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view, event)
    return event


def test_ctrl_wheel_zooms_around_the_pointer_and_the_wheel_alone_scrolls(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    view, area = panel.view, panel.area
    fitted = view.pixels_per_day()
    scale = view.scale()
    at = QPointF(scale.chart_left + (scale.right - scale.chart_left) * 0.7, 40)
    day = scale.day_at(at.x())
    on_screen = at.x() - scale.left
    assert _wheel(view, at, Qt.KeyboardModifier.ControlModifier).isAccepted()
    assert view.pixels_per_day() > fitted * 1.4
    assert area.verticalScrollBar().value() == 0  # Ctrl+wheel zooms, it does not scroll
    scale = view.scale()
    assert abs(scale.x(day) - scale.left - on_screen) <= scale.pixels_per_day + 1  # stays put
    zoomed = view.pixels_per_day()
    plain = _wheel(view, QPointF(scale.left + 400, 40), Qt.KeyboardModifier(0), delta=-120)
    assert view.pixels_per_day() == zoomed
    assert not plain.isAccepted()  # the rows let it through: Qt gives it to the scroll area
    QApplication.sendEvent(area.viewport(), plain)  # (as Qt does with the user's own wheel)
    assert area.verticalScrollBar().value() > 0  # the plain wheel scrolls the rows


def _columns_of(image: QImage, colour: QColor, left: int, top: int, bottom: int) -> set[int]:
    return {
        x
        for x in range(left, image.width())
        for y in range(top, bottom, 4)
        if image.pixel(x, y) == colour.rgb()
    }


def test_today_and_target_lines_are_at_their_days_in_header_and_rows(qtbot: QtBot) -> None:
    panel = _panel(qtbot, width=1200)
    area, view = panel.area, panel.view
    qtbot.mouseClick(panel.zoom_in, Qt.MouseButton.LeftButton)  # zoomed and scrolled too
    area.horizontalScrollBar().setValue(area.horizontalScrollBar().maximum())
    colours = TimelineColours.of(view.palette())
    image = area.grab().toImage()
    header = area.header.geometry()
    rows_top = area.viewport().geometry().top()
    scale = view.scale()
    lines = (
        (TODAY, colours.today, "Today"),
        (TARGET + timedelta(days=1), colours.target, "Target"),
    )
    for day, colour, label in lines:
        x = int(scale.x(day)) - scale.left + area.viewport().x()
        if not scale.chart_left <= scale.x(day) <= scale.right:
            area.horizontalScrollBar().setValue(round(scale.x(day) - scale.width / 2))
            image, scale = area.grab().toImage(), view.scale()
            x = int(scale.x(day)) - scale.left + area.viewport().x()
        left = area.viewport().x() + scale.label_width
        in_header = _columns_of(image, colour, left, header.bottom() - 12, header.bottom())
        in_rows = _columns_of(image, colour, left, rows_top + 2, rows_top + 200)
        assert in_header & {x - 1, x}, (day, x, sorted(in_header))
        assert in_rows & {x - 1, x}, (day, x, sorted(in_rows))
        assert in_rows <= {x - 1, x, x + 1}  # one line, nowhere else
        assert label in area.header.labels()


def test_the_header_zooms_with_ctrl_wheel_and_names_today_and_the_target(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    view, header = panel.view, panel.area.header
    scale = view.scale()
    today_x = scale.x(TODAY) - scale.left
    assert header.describe(today_x) == "Today, 5 Oct 2026"
    target_x = scale.x(TARGET + timedelta(days=1)) - scale.left
    assert header.describe(target_x) == "Target, 31 Mar 2028"
    assert header.describe((today_x + target_x) / 2) == ""
    fitted = view.pixels_per_day()
    event = QWheelEvent(
        QPointF(today_x, 5), header.mapToGlobal(QPointF(today_x, 5)), QPoint(), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(header, event)
    assert view.pixels_per_day() > fitted * 1.4
    scale = view.scale()
    assert abs(scale.x(TODAY) - scale.left - today_x) <= scale.pixels_per_day + 1  # today stays

"""Scrolling a page over a field changes nothing: the wheel scrolls the page; a field the user
focused (clicked or tabbed into) still follows the wheel."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.ui.plan.availability_editor import AvailabilityEditor
from studyplanner.ui.shared.wheel_guard import install_wheel_guard


def _turn(widget: QWidget, notches: int) -> bool:
    """A wheel turn over the middle of `widget`; True when the widget took it. (Qt offers a turn
    the widget does not accept to its parents, the scrolled page, when the turn comes from the
    system; one sent by a test stops at the widget, so the test looks at the acceptance.)"""
    where = widget.rect().center()
    event = QWheelEvent(
        QPointF(where), QPointF(widget.mapToGlobal(where)), QPoint(0, 0),
        QPoint(0, -120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _page(qtbot: QtBot) -> tuple[QScrollArea, AvailabilityEditor]:
    install_wheel_guard(QApplication.instance())  # type: ignore[arg-type]
    editor = AvailabilityEditor()
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addSpacing(600)
    layout.addWidget(editor)
    layout.addSpacing(1200)
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.resize(500, 400)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.ensureWidgetVisible(editor.spins[0])
    return area, editor


def test_the_wheel_over_an_unfocused_spin_box_scrolls_the_page(qtbot: QtBot) -> None:
    _area, editor = _page(qtbot)
    monday = editor.spins[0]
    monday.setValue(60)
    editor.setFocus()
    assert not monday.hasFocus()
    assert not _turn(monday, 3)  # left for the page to scroll
    assert monday.value() == 60  # Monday's minutes unchanged
    assert monday.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not focus it


def test_a_focused_spin_box_follows_the_wheel(qtbot: QtBot) -> None:
    area, editor = _page(qtbot)
    monday = editor.spins[0]
    monday.setValue(60)
    area.activateWindow()
    qtbot.waitActive(area)
    monday.setFocus()
    qtbot.waitUntil(monday.hasFocus)
    assert _turn(monday, -1)
    assert monday.value() == 60 + monday.singleStep()

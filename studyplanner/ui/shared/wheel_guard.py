"""Spin boxes, date fields and drop-down lists ignore the mouse wheel unless the user put the
focus in them: scrolling a page over Monday's minutes scrolls the page and changes nothing.

One application-wide event filter (every such field, in every screen and dialog, now and later)
instead of a subclass per field. A wheel turn over an unfocused field is handed on to the widget
under it, as if the field were not there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and _guarded(watched):
            assert isinstance(watched, QWidget)
            if not watched.hasFocus():
                # Not accepted, so Qt offers the turn to the parent (the scrolled page);
                # filtered, so the field itself never sees it.
                event.ignore()
                return True
        if event.type() == QEvent.Type.Polish and _guarded(watched):
            assert isinstance(watched, QWidget)
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn never focuses
        return False


def _guarded(widget: QObject) -> bool:
    # The field's own text line passes the wheel on to the field, so the field is enough.
    return isinstance(widget, QAbstractSpinBox | QComboBox)


_guard: WheelGuard | None = None


def install_wheel_guard(app: QApplication) -> None:
    """Once per application (a second call changes nothing)."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)

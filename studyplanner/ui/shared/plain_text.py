"""Text the user typed or imported, shown exactly as typed: a module titled `Logged <b>Anatomy</b>`
shows its tags, a link in an imported note is not a link, and `&amp;` stays `&amp;`.

Qt reads the text of a label, a message box or a tooltip as HTML whenever it looks like HTML
(Qt::mightBeRichText), and takes an `&` in a button, menu entry or group box title as a shortcut
marker. Every widget that shows titles, notes, labels or file paths goes through one of these."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


class PlainLabel(QLabel):
    """A label whose text is shown as typed, never read as markup."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)


class ElidedLabel(PlainLabel):
    """One line of user text (a credential's name) that takes the room it is given: cut with "…"
    where the room is short, with the whole text in its tooltip then. `text()` stays whole."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("MMM…")), hint.height())

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, _event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter = QPainter(self)
        self.style().drawItemText(
            painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), shown,
            self.foregroundRole(),
        )  # fmt: skip
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        self.setToolTip(tooltip(self.text()) if self.is_elided() else "")


def escaped(text: str) -> str:
    """User text to put inside a rich-text label's own markup: escaped, with its spaces and line
    breaks kept."""
    return f"<span style='white-space:pre-wrap'>{escape(text)}</span>"


def tooltip(text: str) -> str:
    """A tooltip that shows `text` as typed. Qt guesses whether a tooltip is rich text, so this one
    always is (its own paragraph, no markup of its own), with the text escaped and its spaces and
    line breaks kept."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>" if text else ""


def shortcut_safe(text: str) -> str:
    """For a button, a menu entry or a group box title: every `&` shown, none a shortcut."""
    return text.replace("&", "&&")


def _message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box whose text is shown as typed (what QMessageBox.warning() and its siblings
    build, in plain text)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a question (like QMessageBox.question()); True when the answer is Yes."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = _message_box(parent, QMessageBox.Icon.Question, title, text, yes | no)
    return box.exec() == yes.value  # exec() answers the standard button clicked


def confirm(parent: QWidget | None, title: str, text: str, verb: str) -> bool:
    """Ask before a destructive or irreversible step: the button that does it names its verb
    ("Restore backup", "Close cycle"); Cancel is the default and Escape answers Cancel, so an
    Enter pressed by habit changes nothing. True when the user chose the verb."""
    box = _message_box(
        parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel
    )
    act = box.addButton(shortcut_safe(verb), QMessageBox.ButtonRole.AcceptRole)
    act.setAccessibleName(verb)
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is act


def tell(parent: QWidget | None, title: str, text: str, *, problem: bool = False) -> None:
    """A message with an OK button (like QMessageBox.information() or, for a problem, warning())."""
    icon = QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information
    _message_box(parent, icon, title, text).exec()

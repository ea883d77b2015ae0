"""Days off (vacations, holidays): a list of date ranges with add and remove."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.model import Blackout
from studyplanner.core.validation import overlapping
from studyplanner.ui.shared.formatting import date_edit, format_date, pydate
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import PlainLabel


class BlackoutEditor(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._blackouts: list[Blackout] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.first = date_edit(today, self.tr("First day off"))
        self.last = date_edit(today + timedelta(days=6), self.tr("Last day off"))
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("e.g. Vacation"))
        self.label.setAccessibleName(self.tr("What the days off are for"))
        self.add_button = QPushButton(icon("add"), self.tr("&Add days off"))
        self.add_button.setAccessibleName(self.tr("Add days off"))
        self.add_button.clicked.connect(self._on_add)
        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self.first)
        to_label = QLabel(self.tr("&to"))
        to_label.setBuddy(self.last)
        for w in (from_label, self.first, to_label, self.last, self.label, self.add_button):
            row.addWidget(w)
        row.setStretchFactor(self.label, 1)
        layout.addLayout(row)
        self.error = PlainLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem with the days off"))
        self.error.hide()
        layout.addWidget(self.error)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Days off"))
        self.list.setMaximumHeight(120)
        layout.addWidget(self.list)
        self.remove_button = QPushButton(icon("remove"), self.tr("&Remove selected"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected days off"))
        self.remove_button.clicked.connect(self._on_remove)
        self.remove_button.setEnabled(False)
        self.list.currentRowChanged.connect(lambda r: self.remove_button.setEnabled(r >= 0))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)

    def blackouts(self) -> tuple[Blackout, ...]:
        return tuple(self._blackouts)

    def set_blackouts(self, blackouts: tuple[Blackout, ...]) -> None:
        self._blackouts = sorted(blackouts, key=lambda b: b.start)
        self._refresh()

    def _refresh(self) -> None:
        self.list.clear()
        for b in self._blackouts:
            text = self.tr("{first} to {last}").format(
                first=format_date(b.start), last=format_date(b.end)
            )
            if b.label:
                text += f" — {b.label}"
            QListWidgetItem(text, self.list)
        self.remove_button.setEnabled(False)

    def _on_add(self) -> None:
        first, last = pydate(self.first.date()), pydate(self.last.date())
        if last < first:
            self.error.setText(self.tr("The last day off is before the first one."))
            self.error.show()
            return
        if (last - first).days > 366:
            self.error.setText(self.tr("Days off longer than a year are not realistic."))
            self.error.show()
            return
        new = Blackout(first, last, self.label.text().strip())
        other = overlapping(self._blackouts, new)
        if other is not None:
            text = self.tr(
                "These days overlap the days off from {first} to {last}{label}: change the "
                "dates, or remove that period and add one that covers both."
            ).format(
                first=format_date(other.start),
                last=format_date(other.end),
                label=f" ({other.label})" if other.label else "",
            )
            self.error.setText(text)
            self.error.show()
            return
        self.error.hide()
        self._blackouts.append(new)
        self._blackouts.sort(key=lambda b: b.start)
        self.label.clear()
        self._refresh()
        self.changed.emit()

    def _on_remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self._blackouts[row]
        self._refresh()
        self.changed.emit()

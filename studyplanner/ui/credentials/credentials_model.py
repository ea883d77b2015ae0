"""Words and tables of the Credentials & CEUs screen: CEU figures in the user's locale, status
words with their icons, the activity list (sortable, filtered by credential, period and text)
and the closed cycles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from studyplanner.core.ceu_status import CeuStatus, CredentialStatus
from studyplanner.services.ceu_activities import ActivityInfo
from studyplanner.ui.shared.formatting import (
    QT_TRANSLATE_NOOP,
    format_date,
    tr,
    units_text,
)
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import tooltip
from studyplanner.ui.shared.snapshot_model import SnapshotTableModel, SortedInSource

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_ICONS = {
    CeuStatus.COMPLETE: "complete",
    CeuStatus.ON_TRACK: "check",
    CeuStatus.AT_RISK: "warning",
    CeuStatus.OVERDUE: "error",
}


def status_word(status: CeuStatus) -> str:
    return {
        CeuStatus.COMPLETE: tr("Complete", "Credentials"),
        CeuStatus.ON_TRACK: tr("On track", "Credentials"),
        CeuStatus.AT_RISK: tr("At risk", "Credentials"),
        CeuStatus.OVERDUE: tr("Overdue", "Credentials"),
    }[status]


def days_left_words(days: int) -> str:
    if days > 1:
        return tr("{n} days left", "Credentials").format(n=days)
    if days == 1:
        return tr("1 day left", "Credentials")
    if days == 0:
        return tr("ends today", "Credentials")
    if days == -1:
        return tr("ended yesterday", "Credentials")
    return tr("ended {n} days ago", "Credentials").format(n=-days)


def cycle_words(label: str, start: date, end: date) -> str:
    """CPC, 1 Jan 2025 – 31 Dec 2026."""
    return tr("{label}, {start} – {end}", "Credentials").format(
        label=label, start=format_date(start), end=format_date(end)
    )


class ActivityModel(SnapshotTableModel[ActivityInfo]):
    HEADERS = (
        QT_TRANSLATE_NOOP("", "Date"),
        QT_TRANSLATE_NOOP("", "Title"),
        QT_TRANSLATE_NOOP("", "Provider"),
        QT_TRANSLATE_NOOP("", "Index no."),
        QT_TRANSLATE_NOOP("", "CEUs"),
        QT_TRANSLATE_NOOP("", "Category"),
        QT_TRANSLATE_NOOP("", "Counts for"),
        QT_TRANSLATE_NOOP("", "Certificate"),
    )
    DATE, TITLE, PROVIDER, INDEX, UNITS, CATEGORY, APPLIED, CERTIFICATE = range(8)
    WORDS = (TITLE, PROVIDER, INDEX, CATEGORY, APPLIED, CERTIFICATE)
    """Columns of words, shown whole in their tooltip when the column elides them."""

    def __init__(self, categories: dict[str, str] | None = None, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._categories = categories or {}

    def activity(self, row: int) -> ActivityInfo:
        return self._rows[row]

    def row_of(self, activity_id: int) -> int | None:
        for row, a in enumerate(self._rows):
            if a.id == activity_id:
                return row
        return None

    def _text(self, a: ActivityInfo, column: int) -> str:
        if column == self.DATE:
            return format_date(a.completed_on)
        if column == self.TITLE:
            return a.title
        if column == self.PROVIDER:
            return a.provider
        if column == self.INDEX:
            return a.index_number
        if column == self.UNITS:
            return units_text(a.units)
        if column == self.CATEGORY:
            return self._categories.get(a.category, a.category)
        if column == self.APPLIED:
            return ", ".join(
                p.credential_label
                if p.units == a.units
                else f"{p.credential_label} ({units_text(p.units)})"
                for p in a.applied
            )
        return a.certificate_name or ""

    def sort_key(self, a: ActivityInfo, column: int) -> Any:
        if column == self.DATE:
            return f"{a.completed_on.isoformat()}#{a.id:012d}"
        if column == self.UNITS:
            return float(a.units)
        return self._text(a, column).casefold()

    def cell(self, row: int, column: int, role: int) -> Any:
        a = self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._text(a, column)
            if role == Qt.ItemDataRole.AccessibleTextRole and column == self.CERTIFICATE:
                return text or tr("no certificate", "Credentials")
            return text
        if role == SORT_ROLE:
            return self.sort_key(a, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.CERTIFICATE:
            return icon("certificate") if a.certificate_name else None
        if role == Qt.ItemDataRole.ToolTipRole and column in self.WORDS:
            text = self._text(a, column)  # whole, where the column is too narrow for it
            if column == self.TITLE and a.note:
                text = f"{text}\n\n{a.note}"
            if column == self.CATEGORY and a.ahima_sourced:
                text += "\n" + tr("From AHIMA or a state association", "Credentials")
            return tooltip(text) if text else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.UNITS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date


class ActivityFilter(SortedInSource):
    """Rows applied to one credential, completed in one period, and/or matching a text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._credential: str | None = None
        self._period: Period | None = None
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filters(self, credential: str | None, period: Period | None, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
        self._credential, self._period = credential, period
        self._words = text.casefold().split()
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ActivityModel) or source_parent.isValid():
            return True
        a = model.activity(source_row)
        if self._credential is not None and not any(
            p.credential_label == self._credential for p in a.applied
        ):
            return False
        if self._period is not None and not (
            self._period.start <= a.completed_on <= self._period.end
        ):
            return False
        haystack = " ".join((a.title, a.provider, a.index_number, a.note)).casefold()
        return all(word in haystack for word in self._words)


class HistoryModel(SnapshotTableModel[tuple[CredentialStatus, date | None]]):
    """Closed cycles, newest first: read-only history."""

    HEADERS = (
        QT_TRANSLATE_NOOP("", "Credential"),
        QT_TRANSLATE_NOOP("", "Cycle"),
        QT_TRANSLATE_NOOP("", "Required"),
        QT_TRANSLATE_NOOP("", "Earned"),
        QT_TRANSLATE_NOOP("", "Result"),
        QT_TRANSLATE_NOOP("", "Closed on"),
    )
    CREDENTIAL, CYCLE, REQUIRED, EARNED, RESULT, CLOSED = range(6)

    def cell(self, row: int, column: int, role: int) -> Any:
        s, closed_on = self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.CREDENTIAL:
                return s.label
            if column == self.CYCLE:
                return tr("{start} – {end}", "Credentials").format(
                    start=format_date(s.cycle_start), end=format_date(s.cycle_end)
                )
            if column == self.REQUIRED:
                return units_text(s.required)
            if column == self.EARNED:
                return units_text(s.earned)
            if column == self.RESULT:
                return status_word(s.status)
            return format_date(closed_on)
        if role == Qt.ItemDataRole.DecorationRole and column == self.RESULT:
            return icon(STATUS_ICONS[s.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.REQUIRED, self.EARNED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

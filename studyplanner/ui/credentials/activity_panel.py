"""The CEU activity list of the Credentials screen (layout and filtering only): filters by
credential, period and text, the sortable table, and the buttons acting on the selected row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.ceu_rules import RuleBook
from studyplanner.core.ceu_status import CredentialStatus
from studyplanner.services.ceu_activities import ActivityInfo
from studyplanner.services.credentials import CredentialInfo
from studyplanner.ui.credentials.credentials_model import (
    ActivityFilter,
    ActivityModel,
    Period,
    cycle_words,
)
from studyplanner.ui.shared.formatting import tr, units_text
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import heading_font
from studyplanner.ui.shared.snapshot_model import (
    record_table,
    select_source_row,
    selected_source_row,
)


def _t(text: str) -> str:
    return tr(text)


class ActivityPanel(QWidget):
    def __init__(self, book: RuleBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_t("CEU activities"))
        heading = QLabel(_t("CEU activities"))
        heading.setFont(heading_font(self.font(), 1.2))
        self.credential_filter = QComboBox()
        self.credential_filter.setAccessibleName(_t("Show activities for credential"))
        self.period_filter = QComboBox()
        self.period_filter.setAccessibleName(_t("Show activities of period"))
        self.period_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit()
        self.search.setAccessibleName(_t("Find activities"))
        self.search.setPlaceholderText(_t("title, provider, index number or note"))
        self.search.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setAccessibleName(_t("Activities summary"))
        filters = QHBoxLayout()
        for text, field in (
            (_t("C&redential:"), self.credential_filter),
            (_t("Peri&od:"), self.period_filter),
            (_t("&Find:"), self.search),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field, 2 if field is self.search else 0)
        self.model = ActivityModel({c.id: c.label for c in book.categories.values()}, self)
        self.proxy = ActivityFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_table(
            self.proxy, _t("CEU activities"), ActivityModel.DATE, Qt.SortOrder.DescendingOrder
        )
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ActivityModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self._fit_columns(1100)
        self.empty_hint = QLabel(_t("No CEU activities yet: log the first one you completed."))
        self.empty_hint.setWordWrap(True)
        self.no_match = QLabel(_t("No activity matches the filters."))
        self.log_button = self._button("add", _t("&Log activity…"))
        self.edit_button = self._button("edit", _t("Ed&it…"))
        self.delete_button = self._button("remove", _t("&Delete"))
        self.undo_button = self._button("refresh", _t("&Undo delete"))
        self.open_button = self._button("open-external", _t("Open &certificate"))
        buttons = QHBoxLayout()
        for b in (self.log_button, self.edit_button, self.delete_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_match)
        layout.addLayout(buttons)
        self.credential_filter.currentIndexChanged.connect(self.apply_filters)
        self.period_filter.currentIndexChanged.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)

    def _fit_columns(self, width: int) -> None:
        """Fixed columns narrow, text columns growing with the table; the title takes the rest."""
        for column, part, least in (
            (ActivityModel.DATE, 0.0, 100),
            (ActivityModel.PROVIDER, 0.1, 120),
            (ActivityModel.INDEX, 0.0, 95),
            (ActivityModel.UNITS, 0.0, 50),
            (ActivityModel.CATEGORY, 0.15, 140),
            (ActivityModel.APPLIED, 0.09, 110),
            (ActivityModel.CERTIFICATE, 0.08, 110),
        ):
            self.table.horizontalHeader().resizeSection(column, max(least, int(width * part)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns(self.table.viewport().width())

    def _button(self, icon_name: str, text: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setProperty("icon_name", icon_name)
        return button

    def repaint_icons(self) -> None:
        for b in self.findChildren(QPushButton):
            if b.property("icon_name"):
                b.setIcon(icon(b.property("icon_name")))

    def show_rows(
        self,
        activities: Sequence[ActivityInfo],
        credentials: Sequence[CredentialInfo],
        statuses: Sequence[CredentialStatus],
    ) -> None:
        """New rows and filter choices; the filters chosen stay when they still exist."""
        chosen = self.credential_filter.currentData()
        period = self.period_filter.currentData()
        for combo in (self.credential_filter, self.period_filter):
            combo.blockSignals(True)
            combo.clear()
        self.credential_filter.addItem(_t("All credentials"), None)
        for c in credentials:
            self.credential_filter.addItem(c.label, c.label)
        self.period_filter.addItem(_t("All dates"), None)
        for s in sorted(statuses, key=lambda s: (s.closed, s.label, s.cycle_start)):
            text = cycle_words(s.label, s.cycle_start, s.cycle_end)
            if s.closed:
                text = _t("{cycle} (closed)").format(cycle=text)
            self.period_filter.addItem(
                text, f"{s.cycle_start.isoformat()}/{s.cycle_end.isoformat()}"
            )
        self.credential_filter.setCurrentIndex(max(0, self.credential_filter.findData(chosen)))
        self.period_filter.setCurrentIndex(max(0, self.period_filter.findData(period)))
        for combo in (self.credential_filter, self.period_filter):
            combo.blockSignals(False)
        self.model.set_rows(activities)
        self.empty_hint.setVisible(not activities)
        self.table.setVisible(bool(activities))
        self.apply_filters()

    def apply_filters(self, *_args: object) -> None:
        key = self.period_filter.currentData()
        period = None
        if key:
            start, end = key.split("/")
            period = Period(date.fromisoformat(start), date.fromisoformat(end))
        self.proxy.set_filters(self.credential_filter.currentData(), period, self.search.text())
        shown = [
            self.model.activity(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]
        total = sum((a.units for a in shown), Decimal(0))
        self.summary.setText(
            _t("{n} shown, {units} CEUs").format(n=len(shown), units=units_text(total))
        )
        self.no_match.setVisible(self.model.rowCount() > 0 and not shown)

    def select(self, activity_id: int) -> None:
        row = self.model.row_of(activity_id)
        if row is not None:
            select_source_row(self.table, self.proxy, row)

    def selected(self) -> ActivityInfo | None:
        row = selected_source_row(self.table, self.proxy)
        return None if row is None else self.model.activity(row)

"""Pieces beside the credential cards: the closed cycles as a read-only table, and a window with
one credential's rules and their sources."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.ceu_rules import RuleBook
from studyplanner.core.ceu_status import CredentialStatus
from studyplanner.services.credentials import CredentialInfo
from studyplanner.ui.credentials.ceu_rule_words import rules_html
from studyplanner.ui.credentials.credentials_model import HistoryModel
from studyplanner.ui.shared.formatting import tr
from studyplanner.ui.shared.screen_fit import fit_to_screen


class CycleHistory(QGroupBox):
    """Closed cycles, newest first; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Closed cycles (read-only)", "Credentials"), parent)
        self.model = HistoryModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Closed cycles", "Credentials"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(header.ResizeMode.ResizeToContents)
        self.table.setSizeAdjustPolicy(QTableView.SizeAdjustPolicy.AdjustToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 0, Qt.AlignmentFlag.AlignLeft)

    def show_cycles(
        self, closed: Sequence[CredentialStatus], credentials: Sequence[CredentialInfo]
    ) -> None:
        closed_on = {c.id: c.closed_on for cred in credentials for c in cred.cycles}
        rows = sorted(
            ((s, closed_on.get(s.cycle_id)) for s in closed),
            key=lambda row: (row[0].cycle_end, row[0].label),
            reverse=True,
        )
        self.model.set_rows(rows)
        self.setVisible(bool(rows))
        self.table.setFixedHeight(  # every row shown: the screen scrolls, not this table
            self.table.horizontalHeader().height()
            + sum(self.table.rowHeight(r) for r in range(len(rows)))
            + 4
        )


class RulesWindow(QDialog):
    """One credential's rules with their sources, beside the screen (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(tr("Rules and sources", "Credentials"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)  # Close and Esc
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(tr("Close the rules", "Credentials"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().height()
        fit_to_screen(self, QSize(em * 34, em * 38))

    def show_rules(self, book: RuleBook, code: str) -> None:
        self.browser.setHtml(rules_html(book, book.credentials[code]))
        title = tr("Rules and sources: {code}", "Credentials").format(code=code)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        self.raise_()

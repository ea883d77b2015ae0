"""The Modules screen: every module of the plan with its status, time logged against the
estimate, due date and score; mark a module complete (with a score for exams) or reopen it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.model import ModuleKind
from studyplanner.core.validation import InvalidInput
from studyplanner.services.changes import COMPLETION_CHANGES, CREDENTIAL_CHANGES, Changes
from studyplanner.services.database import Database
from studyplanner.services.progress import mark_done, module_statuses, reopen
from studyplanner.services.snapshots import ModuleStatus
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import heading_font, problem_label
from studyplanner.ui.shared.plain_text import ask_yes_no, confirm
from studyplanner.ui.shared.problem_words import problems_words
from studyplanner.ui.shared.snapshot_model import (
    record_table,
    select_source_row,
    selected_source_row,
)
from studyplanner.ui.study.completion_dialog import CompletionDialog
from studyplanner.ui.study.modules_model import (
    STATUS_ICONS,
    STATUSES,
    ModuleFilter,
    ModuleStatusModel,
    status_word,
)
from studyplanner.ui.study.study_log_view import empty_page

if TYPE_CHECKING:
    from studyplanner.services.credentials import CredentialInfo


class ModulesScreen(QWidget):
    shows = Changes.PLAN | Changes.MODULES | Changes.PROGRESS
    data_changed = Signal(object)
    """Carries the Changes of the action just saved (services/changes.py)."""
    assistant_requested = Signal()
    log_requested = Signal(int)
    """The user wants to log time on this module (the lead opens the Study log)."""
    timer_requested = Signal(int)

    def __init__(
        self, db: Database, clock: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.readiness_dialog: QWidget | None = None
        self._db = db
        self._clock = clock
        self.setAccessibleName(self.tr("Modules"))
        self.stack = QStackedWidget()
        self.stack.addWidget(
            empty_page(
                self.tr("No plan yet"),
                self.tr("Create a plan on the Plan screen first; its modules are listed here."),
                (self.tr("&Start the plan assistant"), self.assistant_requested.emit),
            )
        )
        self.stack.addWidget(self._build_list())
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Modules"))
        heading.setFont(heading_font(self.font()))
        layout.addWidget(heading)
        layout.addWidget(self.stack)
        self.refresh()

    def _build_list(self) -> QWidget:
        page = QWidget()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by title or kind"))
        self.search.setAccessibleName(self.tr("Filter modules"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(icon(STATUS_ICONS[status]), status_word(status), status)
        search_label = QLabel(self.tr("&Find:"))
        search_label.setBuddy(self.search)
        status_label = QLabel(self.tr("S&tatus:"))
        status_label.setBuddy(self.status_filter)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Modules summary"))
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.summary, 1)
        self.model = ModuleStatusModel(parent=self)
        self.proxy = ModuleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_table(
            self.proxy,
            self.tr("Modules of the plan"),
            ModuleStatusModel.NUMBER,
            Qt.SortOrder.AscendingOrder,
        )
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ModuleStatusModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_activated)  # Enter or double-click
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.no_match = QLabel(self.tr("No module matches the filter."))
        self.complete_button = self._button("check", self.tr("&Mark complete…"))
        self.complete_button.clicked.connect(self.mark_complete)
        self.reopen_button = self._button("refresh", self.tr("&Reopen"))
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.log_button = self._button("study-log", self.tr("&Log time…"))
        self.log_button.clicked.connect(lambda: self._request(self.log_requested))
        self.timer_button = self._button("clock", self.tr("Start t&imer"))
        self.timer_button.clicked.connect(lambda: self._request(self.timer_requested))
        self.readiness_button = self._button("exam", self.tr("Readiness by &section…"))
        self.readiness_button.clicked.connect(self.show_readiness)
        self.problem = problem_label()
        self.problem.setAccessibleName(self.tr("Problem"))
        buttons = QHBoxLayout()
        for button in (self.complete_button, self.reopen_button, self.readiness_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.log_button, self.timer_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_match)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self._on_filter)
        self.status_filter.currentIndexChanged.connect(self._on_filter)
        return page

    def _button(self, icon_name: str, text: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        return button

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.selected()
        rows = module_statuses(self._db, self._clock())
        self.model.set_rows(rows)
        self.stack.setCurrentIndex(1 if rows else 0)
        done = sum(1 for m in rows if m.done)
        overdue = sum(1 for m in rows if m.status == "overdue")
        text = self.tr("{done} of {total} done").format(done=done, total=len(rows))
        if overdue:
            text += " · " + self.tr("{n} overdue").format(n=overdue)
        self.summary.setText(text)
        if chosen is not None:
            self.select_module(chosen.id)
        self._on_filter()

    def select_module(self, module_id: int) -> None:
        row = self.model.row_of(module_id)
        if row is not None:
            select_source_row(self.table, self.proxy, row)

    def selected(self) -> ModuleStatus | None:
        row = selected_source_row(self.table, self.proxy)
        return None if row is None else self.model.module(row)

    def _on_filter(self, *_args: object) -> None:
        self.proxy.set_text(self.search.text())
        self.proxy.set_status(self.status_filter.currentData())
        self.no_match.setVisible(self.model.rowCount() > 0 and self.proxy.rowCount() == 0)
        self._on_selection()

    def _on_selection(self, *_args: object) -> None:
        module = self.selected()
        self.complete_button.setEnabled(module is not None and not module.done)
        self.reopen_button.setEnabled(module is not None and module.done)
        self.log_button.setEnabled(module is not None)
        self.timer_button.setEnabled(module is not None and not module.done)

    def _request(self, signal: SignalInstance) -> None:
        module = self.selected()
        if module is not None:
            signal.emit(module.id)

    # -- actions -----------------------------------------------------------------------------
    def _on_activated(self, *_args: object) -> None:
        module = self.selected()
        if module is not None and not module.done:
            self.mark_complete()

    def mark_complete(self) -> ModuleStatus | None:
        module = self.selected()
        if module is None or module.done:
            return None
        from studyplanner.services.section_readiness import active_outline

        outline = active_outline(self._db) if module.kind.is_exam else None
        answer = CompletionDialog.ask(module, self._clock(), self, outline=outline)
        if answer is None:
            return None
        day, score = answer[0], answer[1]
        sections = answer[2] if len(answer) > 2 else None
        status = self._apply(
            lambda: mark_done(self._db, module.id, day, score, self._clock(), sections)
        )
        if status is not None and status.kind is ModuleKind.EXAM:
            self.offer_credential(status)
        return status

    def show_readiness(self) -> None:
        """Readiness by exam section, with the review it calls for (opened as a window)."""
        from studyplanner.ui.study.readiness_view import ReadinessDialog

        dialog = ReadinessDialog(self._db, self._clock, self)
        self.readiness_dialog = dialog
        dialog.exec()
        self.readiness_dialog = None
        if dialog.changes:
            self.refresh()
            self.data_changed.emit(dialog.changes)

    # -- passing the final exam ------------------------------------------------------------
    def offer_credential(self, exam: ModuleStatus) -> CredentialInfo | None:
        """After a passed final exam, offer to add the plan's goal credential (the dialog
        prefilled with it and the exam date)."""
        from studyplanner.bundled import rule_book
        from studyplanner.services.credentials import list_credentials
        from studyplanner.services.roadmap import credential_earned
        from studyplanner.ui.credentials.credential_dialog import CredentialDialog, save_credential

        today = self._clock()
        goal = credential_earned(self._db, exam, today)  # the one rule, shared with the CLI
        if goal is None or not self.confirm_add_credential(goal, exam):
            return None
        book = rule_book()
        held = list_credentials(self._db)
        answer = CredentialDialog.ask(book, held, today, self, code=goal, earned_on=exam.done_on)
        if answer is None:
            return None
        try:
            info = save_credential(self._db, answer, today)
        except InvalidInput as exc:
            self.problem.setText(problems_words(exc.problems))
            self.problem.show()
            return None
        self.data_changed.emit(CREDENTIAL_CHANGES)
        return info

    def confirm_add_credential(self, code: str, exam: ModuleStatus) -> bool:
        """Ask whether to add the credential now (the seam tests replace)."""
        if exam.score is not None:
            text = self.tr(
                "Congratulations on passing {exam}! Add your {code} credential now, "
                "so the app tracks its CEUs and cycle?"
            )
        else:
            text = self.tr(
                "If you passed {exam}: add your {code} credential now, so the app "
                "tracks its CEUs and cycle?"
            )
        text = text.format(exam=exam.title, code=code)
        if code == "CPC":
            text += " " + self.tr(
                "(Without two years of coding experience AAPC awards CPC-A: choose it in the list.)"
            )
        return ask_yes_no(self, self.tr("Add the credential"), text)

    def confirm_reopen(self, module: ModuleStatus) -> bool:
        """Ask before reopening (the seam tests replace)."""
        return confirm(
            self,
            self.tr("Reopen module"),
            self.tr("Reopen “{title}”? Its completion date and score are removed.").format(
                title=module.title
            ),
            self.tr("Reopen module"),
        )

    def reopen_selected(self) -> ModuleStatus | None:
        module = self.selected()
        if module is None or not module.done or not self.confirm_reopen(module):
            return None
        return self._apply(lambda: reopen(self._db, module.id, self._clock()))

    def _apply(self, action: Callable[[], ModuleStatus]) -> ModuleStatus | None:
        try:
            status = action()
        except InvalidInput as exc:
            self.problem.setText(problems_words(exc.problems))
            self.problem.show()
            return None
        self.problem.hide()
        self.refresh()
        self.select_module(status.id)
        self.data_changed.emit(COMPLETION_CHANGES)
        return status

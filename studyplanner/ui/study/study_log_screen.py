"""The Study log screen: the timer on top, then every session (newest first) to log, edit,
delete and undo a delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.validation import InvalidInput
from studyplanner.services.changes import SESSION_CHANGES, Changes
from studyplanner.services.database import Database
from studyplanner.services.progress import (
    delete_session,
    list_sessions,
    log_session,
    module_statuses,
    restore_session,
    update_session,
)
from studyplanner.services.snapshots import ModuleStatus, StudySessionInfo
from studyplanner.services.study_log import count_sessions, sessions_by_date
from studyplanner.ui.shared.formatting import format_date
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import heading_font, problem_label
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.problem_words import problems_words
from studyplanner.ui.shared.snapshot_model import record_table
from studyplanner.ui.study.session_dialog import SessionDialog
from studyplanner.ui.study.study_log_model import SessionModel, SessionSource, format_minutes
from studyplanner.ui.study.study_log_view import empty_page
from studyplanner.ui.study.timer_bar import TimerBar


class StudyLogScreen(QWidget):
    shows = Changes.SESSIONS | Changes.PLAN | Changes.MODULES
    """The sessions, and the modules offered to log on (their titles, done or not)."""
    data_changed = Signal(object)
    """Carries the Changes of the action just saved (services/changes.py)."""
    assistant_requested = Signal()

    def __init__(
        self,
        db: Database,
        clock: Callable[[], date],
        parent: QWidget | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._modules: tuple[ModuleStatus, ...] = ()
        self._deleted: StudySessionInfo | None = None
        self.setAccessibleName(self.tr("Study log"))
        self.stack = QStackedWidget()
        self.stack.addWidget(
            empty_page(
                self.tr("No plan yet"),
                self.tr("Create a plan on the Plan screen first; then log your study here."),
                (self.tr("&Start the plan assistant"), self.assistant_requested.emit),
            )
        )
        self.stack.addWidget(self._build_log(now))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Study log"))
        heading.setFont(heading_font(self.font()))
        layout.addWidget(heading)
        layout.addWidget(self.stack)
        self.refresh()

    def _build_log(self, now: Callable[[], datetime]) -> QWidget:
        page = QWidget()
        self.timer_bar = TimerBar(self._db, self._clock, now)
        self.timer_bar.session_logged.connect(self._on_timer_logged)
        db = self._db
        source = SessionSource(
            count=lambda: count_sessions(db),
            page=lambda newest, after, limit: sessions_by_date(
                db, newest_first=newest, after=after, limit=limit
            ),
            every=lambda: list_sessions(db),
        )
        self.model = SessionModel(source, parent=self)
        self.table = record_table(
            self.model, self.tr("Study sessions"), SessionModel.DATE, Qt.SortOrder.DescendingOrder
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SessionModel.NOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(SessionModel.DATE, 130)
        header.resizeSection(SessionModel.MODULE, 320)
        header.resizeSection(SessionModel.TIME, 110)
        self.table.activated.connect(self._on_edit)  # Enter or double-click
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.empty_hint = QLabel(
            self.tr("No study sessions yet: start the timer or log a session by hand.")
        )
        self.empty_hint.setWordWrap(True)
        self.log_button = self._button("add", self.tr("&Log a session…"), self._on_log)
        self.edit_button = self._button("edit", self.tr("&Edit…"), self._on_edit)
        self.delete_button = self._button("remove", self.tr("&Delete"), self._on_delete)
        self.undo_button = self._button("refresh", self.tr("&Undo delete"), self.undo)
        self.undo_action = QAction(self.tr("Undo delete"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)
        self.delete_action = QAction(self.tr("Delete session"), self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._on_delete)
        self.table.addAction(self.delete_action)
        self.message = PlainLabel()
        self.message.setAccessibleName(self.tr("Study log message"))
        self.message.setWordWrap(True)
        self.problem = problem_label()
        self.problem.setAccessibleName(self.tr("Problem"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.timer_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        return page

    def _button(self, icon_name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(lambda: slot())
        return button

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._modules = module_statuses(self._db, self._clock())
        has_plan = bool(self._modules)
        self.stack.setCurrentIndex(1 if has_plan else 0)
        self.timer_bar.set_modules(self._modules)
        self.timer_bar.reload()
        self._reload_sessions()

    def _reload_sessions(self, select_id: int | None = None) -> None:
        self.model.reload()
        self._shown(select_id)

    def _shown(self, select_id: int | None) -> None:
        self.empty_hint.setVisible(self.model.total == 0)
        if select_id is not None:
            self.select_session(select_id)
        self._on_selection()

    def select_session(self, session_id: int) -> None:
        row = self.model.row_of(session_id)
        if row is None:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def selected(self) -> StudySessionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.session(rows[0].row())

    def _on_selection(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.delete_action.setEnabled(chosen)
        self.undo_button.setVisible(self._deleted is not None)
        self.undo_action.setEnabled(self._deleted is not None)
        self.log_button.setEnabled(bool(self._modules))

    # -- actions -----------------------------------------------------------------------------
    def log_for(self, module_id: int | None = None) -> StudySessionInfo | None:
        """Open the log dialog (with `module_id` chosen) and save what the user enters."""
        answer = SessionDialog.ask(self._modules, self._clock(), self, module_id=module_id)
        if answer is None:
            return None
        return self._save(lambda: log_session(self._db, today=self._clock(), **answer), False)

    def start_timer(self, module_id: int) -> bool:
        return self.timer_bar.start(module_id)

    def _on_log(self) -> None:
        self.log_for(None)

    def _on_edit(self, *_args: object) -> None:
        session = self.selected()
        if session is None:
            return
        answer = SessionDialog.ask(self._modules, self._clock(), self, session=session)
        if answer is None:
            return
        self._save(
            lambda: update_session(self._db, session.id, today=self._clock(), **answer), True
        )

    def _save(
        self, action: Callable[[], StudySessionInfo], edited: bool
    ) -> StudySessionInfo | None:
        try:
            info = action()
        except InvalidInput as exc:
            self.problem.setText(problems_words(exc.problems))
            self.problem.show()
            return None
        self.problem.hide()
        self.message.setText(
            self.tr("Saved {time} on {module}, {day}.").format(
                time=format_minutes(info.minutes), module=info.module_title,
                day=format_date(info.day),
            )
        )  # fmt: skip
        if edited:
            self.model.change(info)
        else:
            self.model.add(info)
        self._changed(info.id)
        return info

    def _on_delete(self) -> None:
        session = self.selected()
        if session is None:
            return
        try:
            self._deleted = delete_session(self._db, session.id)
        except InvalidInput as exc:
            self.problem.setText(problems_words(exc.problems))
            self.problem.show()
            self._reload_sessions()
            return
        self.problem.hide()
        self.message.setText(
            self.tr("Deleted {time} on {module}, {day}. Undo with Ctrl+Z.").format(
                time=format_minutes(session.minutes), module=session.module_title,
                day=format_date(session.day),
            )
        )  # fmt: skip
        self.model.remove(session.id)
        self._changed(None)
        self.table.setFocus()

    def undo(self) -> bool:
        """Bring back the last deleted session."""
        if self._deleted is None:
            return False
        deleted, self._deleted = self._deleted, None
        try:
            restored = restore_session(self._db, deleted)
        except InvalidInput as exc:
            self.problem.setText(problems_words(exc.problems))
            self.problem.show()
            self._on_selection()
            return False
        self.problem.hide()
        self.message.setText(self.tr("The deleted session is back."))
        self.model.add(restored)
        self._changed(restored.id)
        return True

    def forget_undo(self) -> None:
        """The data was replaced (a restore, an import): the deleted session belonged to the
        data before, so Undo no longer offers to bring it back into this data."""
        self._deleted = None
        self._on_selection()

    def _on_timer_logged(self, info: StudySessionInfo | None) -> None:
        if info is not None:
            self.model.add(info)
        self._changed(info.id if info is not None else None)

    def _changed(self, select_id: int | None) -> None:
        """One session was logged, edited, deleted or brought back, and the model has moved
        its row: select it, and tell the other screens. The modules offered (their titles,
        done or not) do not change with a session, so they are not read again."""
        self._shown(select_id)
        self.data_changed.emit(SESSION_CHANGES)

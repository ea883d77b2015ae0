"""The Credentials & CEUs screen: a card per credential's open cycle, the closed cycles as
read-only history, and every CEU activity to log, edit, delete (Ctrl+Z brings it back) and
export (audit packet PDF, CSV) without freezing the window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_status import CredentialStatus
from studyplanner.core.validation import InvalidInput
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as service
from studyplanner.services.ceu_activities import ActivityInfo, DeletedActivity
from studyplanner.services.changes import (
    ACTIVITY_CHANGES,
    CREDENTIAL_CHANGES,
    CYCLE_CLOSE_CHANGES,
    Changes,
)
from studyplanner.services.credentials import CredentialInfo
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.services.snapshots import PlanSnapshot
from studyplanner.ui.credentials.activity_dialog import ActivityDialog, WarningsFor, open_file
from studyplanner.ui.credentials.activity_panel import ActivityPanel
from studyplanner.ui.credentials.ceu_exports import ExportControl
from studyplanner.ui.credentials.credential_card import CredentialCard
from studyplanner.ui.credentials.credential_dialog import CredentialDialog, save_credential
from studyplanner.ui.credentials.credentials_model import cycle_words
from studyplanner.ui.credentials.cycle_history import CycleHistory, RulesWindow
from studyplanner.ui.shared.background_job import BackgroundJob
from studyplanner.ui.shared.focus_order import tab_after
from studyplanner.ui.shared.formatting import ceus_words, format_date
from studyplanner.ui.shared.heading_bar import HeadingBar
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import heading_font, problem_label
from studyplanner.ui.shared.plain_text import PlainLabel, confirm
from studyplanner.ui.shared.preferences import remember_splitter
from studyplanner.ui.shared.problem_words import problems_words, store_words
from studyplanner.ui.shared.worker_action import WorkerAction, problem_text

CARD_WIDTH = 370
Result = TypeVar("Result")


class CredentialsScreen(QWidget):
    shows = Changes.CREDENTIALS | Changes.CEUS
    data_changed = Signal(object)
    """Carries the Changes of the action just saved (services/changes.py)."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], date],
        parent: QWidget | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self._db, self._clock, self._now = db, clock, now
        self._book = rule_book()
        self._credentials: list[CredentialInfo] = []
        self._open: list[CredentialStatus] = []
        self._closed: list[CredentialStatus] = []
        self._deleted: DeletedActivity | None = None
        self._columns = 0
        self.cards: list[CredentialCard] = []
        self._cards_shown: tuple[tuple[CredentialStatus, ...], dict[int, str]] | None = None
        self.rules_window: RulesWindow | None = None
        self.closing = WorkerAction(self, self.tr("Close cycle"), self._closing_busy)
        self.setAccessibleName(self.tr("Credentials and CEUs"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_main())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.refresh()

    # -- layout ------------------------------------------------------------------------------
    def _button(self, icon_name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setProperty("icon_name", icon_name)
        button.clicked.connect(lambda: slot())
        return button

    def _build_empty(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        heading = QLabel(self.tr("No credentials yet: add the credential you earned"))
        heading.setFont(heading_font(self.font(), 1.5))
        body = QLabel(
            self.tr(
                "The app then tracks your CEUs, cycle dates and what the rules "
                "ask for, and keeps your certificates ready for an audit."
            )
        )
        body.setWordWrap(True)
        for label in (heading, body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.empty_add_button = self._button(
            "add", self.tr("&Add credential…"), self.add_credential
        )
        self.empty_goal_button = self._button(
            "exam", self.tr("Add a goal crede&ntial…"), self.add_goal
        )
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_add_button)
        row.addWidget(self.empty_goal_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        page.setAccessibleName(heading.text())
        return page

    def _build_main(self) -> QWidget:
        page = QWidget()
        heading = QLabel(self.tr("Credentials & CEUs"))
        heading.setFont(heading_font(self.font(), 1.5))
        self.add_button = self._button("add", self.tr("Add &credential…"), self.add_credential)
        self.log_button = self._button("add", self.tr("&Log activity…"), self.log_activity)
        self.goal_button = self._button("exam", self.tr("Add a goal crede&ntial…"), self.add_goal)
        self.exports = ExportControl(self._db, self._clock, self)
        self.exports.finished.connect(self._on_export_finished)
        buttons = (self.add_button, self.goal_button, self.log_button, self.exports.packet_button)
        self.heading_bar = HeadingBar(heading, (*buttons, self.exports.csv_button))
        self.disclaimer = PlainLabel()
        self.disclaimer.setWordWrap(True)
        self.message = PlainLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Credentials message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = problem_label()
        self.problem.setAccessibleName(self.tr("Problem"))
        self.unknown = PlainLabel()
        self.unknown.setWordWrap(True)
        self.unknown.setAccessibleName(self.tr("Credentials the rules do not know"))
        self.unknown.hide()
        self.cards_box = QWidget()
        self.cards_grid = QGridLayout(self.cards_box)
        self.cards_grid.setContentsMargins(0, 0, 0, 0)
        self.cards_grid.setSpacing(12)
        self.history = CycleHistory()
        inner = self.scroll_content = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 8, 0)
        inner_layout.addWidget(self.cards_box)
        inner_layout.addWidget(self.history)
        inner_layout.addStretch(1)
        self.cards_scroll = QScrollArea()
        self.cards_scroll.setWidgetResizable(True)
        self.cards_scroll.setWidget(inner)
        self.cards_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.cards_scroll.setAccessibleName(self.tr("Your credentials"))
        self.activities = ActivityPanel(self._book)
        self.activities.log_button.clicked.connect(lambda: self.log_activity())
        self.activities.edit_button.clicked.connect(self.edit_selected)
        self.activities.delete_button.clicked.connect(self.delete_selected)
        self.activities.undo_button.clicked.connect(self.undo)
        self.activities.open_button.clicked.connect(self.open_certificate)
        self.activities.table.activated.connect(self.edit_selected)
        self.activities.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.cards_scroll)
        self.splitter.addWidget(self.activities)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._user_split = remember_splitter(self.splitter, "credentials")
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self.undo_action = QAction(self.tr("Undo delete"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)
        self.delete_action = QAction(self.tr("Delete activity"), self.activities.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.activities.table.addAction(self.delete_action)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading_bar)
        layout.addWidget(self.disclaimer)
        layout.addWidget(self.message)
        layout.addWidget(self.problem)
        layout.addWidget(self.unknown)
        layout.addWidget(self.splitter, 1)
        return page

    # -- reading -----------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        today = self._clock()
        self._credentials = service.list_credentials(self._db)
        statuses = service.ceu_statuses(self._db, today, include_closed=True)
        self._open = [s for s in statuses if not s.closed]
        self._closed = [s for s in statuses if s.closed]
        activities = acts.list_activities(self._db)
        self.stack.setCurrentIndex(1 if self._credentials or activities else 0)
        bodies = sorted({c.body for c in self._credentials} or set(self._book.bodies))
        self.disclaimer.setText(
            self.tr(
                "Rules change, and what {bodies} has on record wins: where your account "
                "shows other dates or figures, enter those (Edit cycle). Each rule's sources "
                "are under Rules…; the rules were checked on {date}."
            ).format(bodies=self.tr(" or ").join(bodies), date=format_date(self._book.checked))
        )
        self._show_cards()
        self._show_unknown(service.unjudged_credentials(self._db))
        self.history.show_cycles(self._closed, self._credentials)
        chosen = select_id if select_id is not None else self._selected_id()
        self.activities.show_rows(activities, self._credentials, statuses)
        self.exports.set_choices(self._credentials, statuses)
        if chosen is not None:
            self.activities.select(chosen)
        self._on_selection()

    def _show_unknown(self, unjudged: list[service.UnjudgedCredential]) -> None:
        """Credentials another program wrote that the rules cannot judge (a code they do not
        know, dates out of all reason): no card, but said, so they do not silently disappear."""
        why = {
            service.UNKNOWN_RULES: self.tr(
                "unknown credential. The rules do not know it, so its CEUs cannot be judged."
            ),
            service.DATES_OUT_OF_RANGE: self.tr(
                "a date of this credential or its cycles is outside 1900 to 2200, so its CEUs "
                "cannot be judged. Correct it with Edit cycle."
            ),
        }
        lines = [
            self.tr("{label} ({code}, {body}): {why}").format(
                label=u.credential.label,
                code=u.credential.code,
                body=u.credential.body,
                why=why.get(u.reason, ""),
            )
            for u in unjudged
        ]
        self.unknown.setText("\n".join(lines))
        self.unknown.setVisible(bool(lines))

    def _selected_id(self) -> int | None:
        selected = self.activities.selected()
        return selected.id if selected else None

    def _show_cards(self) -> None:
        names = {c.id: c.name for c in self._credentials}
        shown = (tuple(self._open), names)
        if shown == self._cards_shown:
            return  # the same cycles and figures (a change elsewhere): keep the cards
        self._cards_shown = shown
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for s in self._open:
            card = CredentialCard(s, names.get(s.credential_id, s.code))
            card.edit_requested.connect(self.edit_cycle)
            card.close_requested.connect(self.close_cycle)
            card.close_button.setEnabled(not self.closing.busy())
            card.edit_button.setEnabled(not self.closing.busy())
            card.rules_requested.connect(self.show_rules)
            self.cards.append(card)
        self._columns = 0
        self._layout_cards()
        buttons = [b for c in self.cards for b in (c.rules_button, c.edit_button, c.close_button)]
        tab_after(self.exports.csv_button, buttons)  # the cards are read before the activities
        QTimer.singleShot(0, self, self._fit_splitter)

    def _layout_cards(self) -> None:
        width = (
            self.cards_scroll.viewport().width() if self.cards_scroll.isVisible() else self.width()
        )
        columns = max(1, min(3, width // CARD_WIDTH))
        if columns != self._columns or any(c.parent() is not self.cards_box for c in self.cards):
            self._columns = columns
            for index, card in enumerate(self.cards):
                self.cards_grid.addWidget(card, index // columns, index % columns)
            for column in range(3):
                self.cards_grid.setColumnStretch(column, 1 if column < columns else 0)
        # A word-wrapped label's height depends on its width, which a scroll area's content
        # does not ask for: give each card the height it needs at its column's width.
        spacing = self.cards_grid.horizontalSpacing()
        column_width = (width - 8 - spacing * (columns - 1)) // columns
        for card in self.cards:
            card.setMinimumHeight(max(card.height_for(column_width), 0))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._layout_cards()
        QTimer.singleShot(0, self, self._fit_splitter)

    def _on_splitter_moved(self, *_args: object) -> None:
        self._user_split = True

    def _fit_splitter(self) -> None:
        """The cards get the height they need (up to 60 %), the activity list the rest, unless
        the user has moved the divider."""
        total = sum(self.splitter.sizes())
        if self._user_split or total <= 0:
            return
        layout = self.scroll_content.layout()
        assert layout is not None
        width = self.cards_scroll.viewport().width()
        wanted = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        if wanted < 0:
            wanted = layout.totalSizeHint().height()
        top = min(wanted + 2, int(total * 0.6))
        self.splitter.setSizes([top, total - top])

    def show_cycle(self, cycle_id: int) -> CredentialCard | None:
        """Bring an open cycle's card into view and give it the keyboard focus."""
        card = next((c for c in self.cards if c.status.cycle_id == cycle_id), None)
        if card is not None:
            self.cards_scroll.ensureWidgetVisible(card)
            card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            card.setFocus(Qt.FocusReason.OtherFocusReason)
        return card

    def card(self, label: str) -> CredentialCard:
        return next(c for c in self.cards if c.status.label == label)

    def _on_selection(self, *_args: object) -> None:
        a = self.activities.selected()
        editable = a is not None and not self._in_closed_cycle(a)
        self.activities.edit_button.setEnabled(editable)
        self.activities.delete_button.setEnabled(editable)
        self.delete_action.setEnabled(editable)
        self.activities.open_button.setEnabled(a is not None and a.certificate is not None)
        self.activities.undo_button.setVisible(self._deleted is not None)
        self.undo_action.setEnabled(self._deleted is not None)

    def _in_closed_cycle(self, a: ActivityInfo) -> bool:
        closed = {s.cycle_id for s in self._closed}
        return any(p.cycle_id in closed for p in a.applied)

    # -- saving ------------------------------------------------------------------------------
    def _save(
        self,
        action: Callable[[], Result],
        message: Callable[[Result], str],
        select: Callable[[Result], int | None] = lambda _r: None,
        changes: Changes = ACTIVITY_CHANGES,
    ) -> Result | None:
        try:
            result = action()
        except InvalidInput as exc:
            self._fail(problems_words(exc.problems))
            return None
        except StoreProblem as exc:
            self._fail(store_words(exc))
            return None
        self._saved(message(result), select(result), changes)
        return result

    def _saved(self, message: str, select_id: int | None, changes: Changes) -> None:
        self.problem.hide()
        self.message.setText(message)
        self.refresh(select_id)
        self.data_changed.emit(changes)

    def _fail(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self._on_selection()

    def add_credential(
        self, code: str | None = None, earned_on: date | None = None
    ) -> CredentialInfo | None:
        today = self._clock()
        answer = CredentialDialog.ask(
            self._book, self._credentials, today, self, code=code, earned_on=earned_on
        )
        if answer is None:
            return None
        return self._save(
            lambda: save_credential(self._db, answer, today),
            lambda c: self.tr("Added {label}: its cycle runs {cycle}.").format(
                label=c.label, cycle=cycle_words(c.label, c.current.start, c.current.end)
            ),
            changes=CREDENTIAL_CHANGES,
        )

    def add_goal(self) -> PlanSnapshot | None:
        """The career roadmap: choose a credential to aim at; its plan is previewed, then
        created (it becomes the active plan)."""
        from studyplanner.ui.credentials.roadmap_dialog import RoadmapDialog

        result = RoadmapDialog.ask(self._db, self._clock, self, self._now)
        if result is None:
            return None
        plan, changes = result
        self.problem.hide()
        self.message.setText(
            self.tr(
                "Your plan toward {code} is ready on the Plan screen, from {start}. When you "
                "pass its exam, mark it done under Modules to add {code} here."
            ).format(code=plan.track.goal_credential, start=format_date(plan.settings.start))
        )
        self.data_changed.emit(changes)
        return plan

    def edit_cycle(self, credential_id: int) -> CredentialInfo | None:
        info = next((c for c in self._credentials if c.id == credential_id), None)
        if info is None:
            return None
        today = self._clock()
        answer = CredentialDialog.ask(self._book, self._credentials, today, self, credential=info)
        if answer is None:
            return None
        return self._save(
            lambda: service.update_cycle(
                self._db,
                info.current.id,
                answer.cycle_start,
                answer.cycle_end,
                answer.required,
                answer.quota,
                today,
                renewal_on=answer.renewal_on,
            ),
            lambda c: self.tr("Saved the {label} cycle.").format(label=c.label),
            changes=CREDENTIAL_CHANGES,
        )

    def confirm_close(self, status: CredentialStatus) -> bool:
        """Ask before closing a cycle (the seam tests replace), saying what closing means for
        this cycle: CEUs still missing and the days it has left."""
        together = ", ".join(status.pool)
        text = self.tr(
            "Close the cycle {cycle} of {labels}? It is kept as it was, read-only, and "
            "the next cycle opens. A backup of your data is taken first."
        ).format(
            cycle=cycle_words(status.label, status.cycle_start, status.cycle_end),
            labels=together,
        )
        if status.remaining > 0:
            missing = self.tr("{ceus} are still missing.").format(ceus=ceus_words(status.remaining))
            text += "\n\n" + missing
        if status.days_left > 0:
            text += " " if status.remaining > 0 else "\n\n"
            text += (
                self.tr("The cycle ends tomorrow.")
                if status.days_left == 1
                else self.tr("The cycle ends in {n} days.").format(n=status.days_left)
            )
        return confirm(self, self.tr("Close cycle"), text, self.tr("Close cycle"))

    def close_cycle(self, credential_id: int) -> BackgroundJob | None:
        """Ask, then back up and close the cycle on the worker, one after the other (the
        result is shown and routed when the job ends). None when nothing was started."""
        status = next((s for s in self._open if s.credential_id == credential_id), None)
        if status is None or self.closing.busy() or not self.confirm_close(status):
            return None
        db, today, now = self._db, self._clock(), self._now()

        def closed(backup: Path) -> None:
            text = self.tr(
                "Closed the cycle of {labels}; the next one is open. A backup "
                "was saved first: {path}"
            ).format(labels=", ".join(status.pool), path=backup)
            self._saved(text, None, CYCLE_CLOSE_CHANGES)

        return self.closing.run(
            lambda: service.close_cycle(db, credential_id, today, now),
            self.tr("Backing up, then closing the cycle of {labels}…").format(
                labels=", ".join(status.pool)),
            closed, lambda exc: self._fail(problem_text(exc) or str(exc)),
        )  # fmt: skip

    def _closing_busy(self, busy: bool) -> None:
        for card in self.cards:
            card.close_button.setEnabled(not busy)
            card.edit_button.setEnabled(not busy)

    def _warnings_for(self, activity_id: int | None) -> WarningsFor:
        """The rules' warnings for the dialog about to open, from the CEU records read once
        now: typing never waits on the database."""
        today = self._clock()
        inputs = service.load_ceu_inputs(self._db)
        return lambda data, allocations: service.warnings_from(
            inputs, data, allocations, today, activity_id
        )

    def log_activity(self, for_cycle: int | None = None) -> ActivityInfo | None:
        """Log a CEU activity (counted for `for_cycle` alone when given)."""
        today = self._clock()
        answer = ActivityDialog.ask(
            self._book, self._open, today, self, warnings_for=self._warnings_for(None),
            for_cycle=for_cycle,
        )  # fmt: skip
        if answer is None:
            return None
        data, allocations = answer
        return self._save(
            lambda: acts.add_activity(self._db, data, allocations, today),
            lambda a: self.tr("Logged {title}: {units}.").format(
                title=a.title, units=ceus_words(a.units)
            ),
            lambda a: a.id,
        )

    def edit_selected(self, *_args: object) -> ActivityInfo | None:
        a = self.activities.selected()
        if a is None or self._in_closed_cycle(a):
            return None
        today = self._clock()
        answer = ActivityDialog.ask(
            self._book, self._open, today, self, activity=a, warnings_for=self._warnings_for(a.id)
        )
        if answer is None:
            return None
        data, allocations = answer
        return self._save(
            lambda: acts.update_activity(self._db, a.id, data, allocations, today),
            lambda saved: self.tr("Saved {title}.").format(title=saved.title),
            lambda saved: saved.id,
        )

    def delete_selected(self) -> None:
        a = self.activities.selected()
        if a is None:
            return
        deleted = self._save(
            lambda: acts.delete_activity(self._db, a.id),
            lambda d: self.tr("Deleted {title}. Undo with Ctrl+Z.").format(title=d.activity.title),
        )
        if deleted is not None:
            self._deleted = deleted
            self._on_selection()
            self.activities.table.setFocus()

    def undo(self) -> bool:
        """Bring back the last deleted activity, its certificate and what it counted for."""
        if self._deleted is None:
            return False
        deleted, self._deleted = self._deleted, None
        restored = self._save(
            lambda: acts.restore_activity(self._db, deleted),
            lambda a: self.tr("{title} is back.").format(title=a.title),
            lambda a: a.id,
        )
        return restored is not None

    def forget_undo(self) -> None:
        """The data was replaced (a restore, an import): the deleted activity belonged to the
        data before, so Undo no longer offers to bring it back into this data."""
        self._deleted = None
        self._on_selection()

    def open_certificate(self) -> None:
        a = self.activities.selected()
        if a is not None and a.certificate is not None:
            open_file(a.certificate)

    def show_rules(self, code: str) -> None:
        """The rules of one credential with their sources, in a window beside the screen."""
        if self.rules_window is None:
            self.rules_window = RulesWindow(self)
        self.rules_window.show_rules(self._book, code)

    def _on_export_finished(self, text: str, ok: bool) -> None:
        if ok:
            self.problem.hide()
            self.message.setText(text)
        else:
            self._fail(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            for b in self.findChildren(QPushButton):
                if b.property("icon_name"):
                    b.setIcon(icon(b.property("icon_name")))
        super().changeEvent(event)

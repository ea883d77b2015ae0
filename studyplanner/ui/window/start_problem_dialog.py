"""The window shown when the database cannot be opened at start-up, or turns out damaged while
the app runs.

A file that is not a database, is truncated or fails its check is never modified or deleted.
The user chooses: restore the newest good backup, start with a fresh database (the damaged file
is moved aside, not deleted), or quit. A file written by a newer version can only be left alone.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from studyplanner.services.database import Database
from studyplanner.services.errors import DatabaseDamaged, NotADatabase, StoreProblem
from studyplanner.services.recovery import (
    GoodBackup,
    newest_good_backup,
    recover_running,
    restore_newest,
    start_fresh,
)
from studyplanner.ui.shared.formatting import count_records, tr
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.problem_words import store_words


class Choice(enum.Enum):
    RESTORE = "restore"
    FRESH = "fresh"
    QUIT = "quit"


def _holds(backup: GoodBackup) -> str:
    return count_records(
        backup.preview.counts,
        ("plans", "study_sessions", "credentials", "ceu_activities"),
        zeros=True,
    )


class StartProblemDialog(QDialog):
    def __init__(
        self, message: str, backup: GoodBackup | None, recoverable: bool,
        parent: QWidget | None = None, *, running: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.choice = Choice.QUIT
        self.setWindowTitle(
            self.tr("Study Planner found your data damaged")
            if running
            else self.tr("Study Planner cannot open your data")
        )
        outer = QHBoxLayout(self)
        outer.setSpacing(16)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                       .pixmap(48, 48))  # fmt: skip
        outer.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        if running:
            heading = QLabel(self.tr("Your data file is damaged"))
        elif recoverable:
            heading = QLabel(self.tr("Your data file cannot be opened"))
        else:
            heading = QLabel(self.tr("Study Planner cannot use this data file"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        heading.setFont(font)
        layout.addWidget(heading)
        text = PlainLabel(message)
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("What is wrong"))
        layout.addWidget(text)
        explain = QLabel(
            self.tr("Nothing has been changed or deleted. Choose what to do:")
            if recoverable
            else self.tr("The file has not been changed.")
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        buttons = QDialogButtonBox()
        if recoverable:
            if backup is not None:
                taken = backup.info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
                restore = QPushButton(self.tr("Restore the backup of %1").replace("%1", taken))
                restore.setToolTip(self.tr("It holds %1.").replace("%1", _holds(backup)))
                restore.setAccessibleName(restore.text())
                restore.setAccessibleDescription(restore.toolTip())
                buttons.addButton(restore, QDialogButtonBox.ButtonRole.AcceptRole)
                restore.clicked.connect(lambda: self._choose(Choice.RESTORE))
                holds = QLabel(self.tr("The newest good backup (%1) holds %2.")
                               .replace("%1", taken).replace("%2", _holds(backup)))  # fmt: skip
                holds.setWordWrap(True)
                layout.addWidget(holds)
            else:
                none = QLabel(self.tr("There is no good backup to restore."))
                layout.addWidget(none)
            fresh = QPushButton(self.tr("Start with a fresh database"))
            fresh.setToolTip(self.tr("The damaged file is moved aside in the data folder, "
                                     "not deleted."))  # fmt: skip
            fresh.setAccessibleName(fresh.text())
            buttons.addButton(fresh, QDialogButtonBox.ButtonRole.DestructiveRole)
            fresh.clicked.connect(lambda: self._choose(Choice.FRESH))
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.setAccessibleName(quit_button.text())
        buttons.addButton(quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(lambda: self._choose(Choice.QUIT))
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept() if choice is not Choice.QUIT else self.reject()

    @classmethod
    def ask(
        cls, message: str, backup: GoodBackup | None, recoverable: bool,
        parent: QWidget | None = None, *, running: bool = False,
    ) -> Choice:  # fmt: skip
        """The seam tests replace: show the window and return the user's choice."""
        dialog = cls(message, backup, recoverable, parent, running=running)
        dialog.exec()
        return dialog.choice


def recover_at_start(
    error: StoreProblem, data_dir: Path, now: Callable[[], datetime] = datetime.now
) -> tuple[bool, str]:
    """Ask the user what to do about a database that cannot be opened and do it.
    Returns (whether to try opening again, a sentence saying what was done)."""
    recoverable = isinstance(error, (NotADatabase, DatabaseDamaged))
    backup = newest_good_backup(data_dir) if recoverable else None
    choice = StartProblemDialog.ask(store_words(error), backup, recoverable)
    if choice is Choice.RESTORE and backup is not None:
        return True, _what_was_done(backup, restore_newest(data_dir, backup.info.path, now()))
    if choice is Choice.FRESH:
        return True, _what_was_done(None, start_fresh(data_dir, now()))
    return False, ""


def recover_while_running(
    error: StoreProblem, db: Database, parent: QWidget | None, now: datetime
) -> tuple[Choice, str]:
    """The database of the running app turned out damaged: ask (restore the newest good
    backup, start fresh, or quit) and do it. Returns the choice and a sentence saying what was
    done (empty for quit)."""
    backup = newest_good_backup(db.data_dir)
    choice = StartProblemDialog.ask(store_words(error), backup, True, parent, running=True)
    if choice is Choice.RESTORE and backup is not None:
        return choice, _what_was_done(backup, recover_running(db, backup.info.path, now))
    if choice is Choice.FRESH:
        return choice, _what_was_done(None, recover_running(db, None, now))
    return Choice.QUIT, ""


def _what_was_done(backup: GoodBackup | None, aside: Path) -> str:
    if backup is None:
        return tr("Started a fresh database; the damaged file was kept as %1.").replace(
            "%1", aside.name
        )
    taken = backup.info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    text = tr("Restored the backup of %1; the damaged file was kept as %2.")
    return text.replace("%1", taken).replace("%2", aside.name)

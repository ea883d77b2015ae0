"""The main window's menu bar and its keyboard shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from studyplanner.ui.shared.formatting import tr
from studyplanner.ui.shared.icons import icon

if TYPE_CHECKING:
    from studyplanner.ui.window.main_window import MainWindow


def build_menu(window: MainWindow) -> None:
    """The menu bar: Plan, Go (a screen each, Ctrl+1 to Ctrl+6), Study and Help."""
    self = window  # the menu's actions are the window's (tests and the tray trigger them)
    menu = self.menuBar().addMenu(tr("&Plan"))
    self.new_plan_action = QAction(icon("wizard"), tr("&New plan…"), self)
    self.new_plan_action.setShortcut(QKeySequence.StandardKey.New)
    self.new_plan_action.triggered.connect(self.run_assistant)
    menu.addAction(self.new_plan_action)
    menu.addSeparator()
    quit_action = QAction(tr("&Quit"), self)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(self.quit)
    menu.addAction(quit_action)
    go = self.menuBar().addMenu(tr("&Go"))
    self.screen_actions = []
    for row in range(self.sidebar.count()):
        item = self.sidebar.item(row)
        title = item.data(Qt.ItemDataRole.AccessibleTextRole) or item.text()
        action = QAction(icon(self._icon_names[row]), title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
        action.triggered.connect(lambda _=False, r=row: self.show_screen(r))
        go.addAction(action)
        self.screen_actions.append(action)
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        item.setToolTip(f"{title} ({shown})")
    study = self.menuBar().addMenu(tr("&Study"))
    self.log_action = QAction(icon("study-log"), tr("&Log a session…"), self)
    self.log_action.setShortcut(QKeySequence("Ctrl+L"))
    self.log_action.triggered.connect(self.log_today)
    study.addAction(self.log_action)
    self.timer_action = QAction(icon("clock"), tr("Start &timer"), self)
    self.timer_action.setShortcut(QKeySequence("Ctrl+T"))
    self.timer_action.triggered.connect(self.start_timer_today)
    study.addAction(self.timer_action)
    help_menu = self.menuBar().addMenu(tr("&Help"))
    self.help_action = QAction(icon("info"), tr("&User guide"), self)
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents)
    f1 = QKeySequence(Qt.Key.Key_F1)
    self.help_action.setShortcuts([*keys, f1] if f1 not in keys else keys)
    self.help_action.triggered.connect(self.show_help)
    help_menu.addAction(self.help_action)
    self.about_action = QAction(tr("&About Study Planner"), self)
    self.about_action.triggered.connect(self.show_about)
    help_menu.addAction(self.about_action)
    self._help = None

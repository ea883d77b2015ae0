"""The main window: a sidebar of screens beside a stack. Only screens that exist are listed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from studyplanner.services.database import Database
from studyplanner.ui.icons import clear_cache as clear_icon_cache
from studyplanner.ui.icons import icon
from studyplanner.ui.plan_screen import PlanScreen


class MainWindow(QMainWindow):
    def __init__(self, db: Database, clock: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self.setWindowTitle(self.tr("Study Planner"))
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(QSize(900, 560))
        available = self.screen().availableGeometry()
        self.resize(
            min(1600, max(900, int(available.width() * 0.9))),
            min(1000, max(560, int(available.height() * 0.9))),
        )
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Screens"))
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        self.sidebar.setFixedWidth(190)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        self._icon_names: list[str] = []
        self.plan_screen = PlanScreen(db, clock)
        self.plan_screen.assistant_requested.connect(self.run_assistant)
        self._add_screen("plan", self.tr("Plan"), self.plan_screen)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self.plan_screen.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark while the app runs."""
        if event.type() == QEvent.Type.PaletteChange:
            clear_icon_cache()
            for row, name in enumerate(self._icon_names):
                self.sidebar.item(row).setIcon(icon(name))
            plan = self.plan_screen.plan()
            if plan is not None:
                self.plan_screen.show_plan(plan)
        super().changeEvent(event)

    def _add_screen(self, icon_name: str, title: str, widget: QWidget) -> None:
        self._icon_names.append(icon_name)
        item = QListWidgetItem(icon(icon_name), title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        item.setSizeHint(QSize(170, 40))
        self.sidebar.addItem(item)
        self.stack.addWidget(widget)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Plan"))
        self.new_plan_action = QAction(icon("wizard"), self.tr("&New plan…"), self)
        self.new_plan_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_plan_action.triggered.connect(self.run_assistant)
        menu.addAction(self.new_plan_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def start_assistant_if_no_plan(self) -> None:
        if self.plan_screen.plan() is None:
            self.run_assistant()

    def run_assistant(self) -> None:
        from studyplanner.ui.assistant import PlanAssistant  # not needed for the first paint

        snapshot = PlanAssistant.ask(self._db, self._clock(), self)
        if snapshot is not None:
            self.plan_screen.show_plan(snapshot)
            self.sidebar.setCurrentRow(0)

"""Help and About, and a window that comes back as it was left."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from studyplanner import __version__
from studyplanner.services.database import Database
from studyplanner.ui.window import help_dialog
from studyplanner.ui.window.main_window import MainWindow

from .conftest import TODAY

TOPICS = [
    "Your first plan", "Logging your study every day", "Catching up when life happens",
    "Credentials and CEUs", "The audit packet", "Backups, export and import",
]  # fmt: skip


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db, lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_f1_opens_the_user_guide_with_a_page_per_task(qtbot: QtBot, db: Database) -> None:
    window = _window(qtbot, db)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F1)  # through the window system: shortcuts
    guide = window._help
    assert isinstance(guide, help_dialog.HelpDialog)
    qtbot.waitExposed(guide)
    assert [guide.topics.item(i).text() for i in range(guide.topics.count())] == TOPICS
    for row, title in enumerate(TOPICS):
        guide.topics.setCurrentRow(row)
        assert guide.page.toPlainText().startswith(title)  # the page's own heading
    guide.topics.setCurrentRow(3)
    assert "Add credential…" in guide.page.toPlainText()
    close = guide.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.accessibleName() == "Close the user guide"
    close.click()
    assert not guide.isVisible()
    assert window.show_help() is guide  # one guide, brought back


def test_about_names_the_version_the_data_folder_and_the_licences(
    qtbot: QtBot, db: Database
) -> None:
    about = help_dialog.AboutDialog(db.data_dir)
    qtbot.addWidget(about)
    assert __version__ in about.version_label.text()
    assert about.folder_label.text() == str(db.data_dir)
    assert about.open_button.accessibleName() == "Open the data folder"
    assert "icons/LICENSE-lucide.txt" in about.licences.toPlainText()
    assert "ISC" in about.licences.toPlainText()
    buttons = [b for b in about.findChildren(QPushButton) if b.accessibleName()]
    assert {b.accessibleName() for b in buttons} >= {"Open the data folder", "Close About"}


def test_the_window_comes_back_as_large_and_where_it_was(qtbot: QtBot, db: Database) -> None:
    first = MainWindow(db, lambda: TODAY)
    qtbot.addWidget(first)
    first.restore_window_state()
    assert first.windowState() & Qt.WindowState.WindowMaximized  # the first start: maximized
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.show()
    qtbot.waitExposed(first)
    # a size inside the screen (the offscreen one is 800 wide; the window may be that narrow)
    size = QSize(900, 590).boundedTo(first.screen().availableGeometry().size())
    first.resize(size)
    qtbot.waitUntil(lambda: first.size() == size)
    first.quit()
    again = MainWindow(db, lambda: TODAY)
    qtbot.addWidget(again)
    again.restore_window_state()
    assert not again.windowState() & Qt.WindowState.WindowMaximized
    assert again.size() == size


def test_keyboard_shortcuts_for_screens_logging_and_the_timer(
    qtbot: QtBot, db: Database, create_cpc_plan: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyplanner.services.progress import progress
    from studyplanner.services.study_log import current_timer
    from studyplanner.ui.study import session_dialog

    day = date(2027, 1, 4)  # a Monday with study in the plan
    create_cpc_plan(db, TODAY)  # type: ignore[operator]
    window = MainWindow(db, lambda: day)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    handle = window.windowHandle()
    for row in range(6):
        qtbot.keyClick(handle, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == row
        assert f"Ctrl+{row + 1}" in window.sidebar.item(row).toolTip()
    snapshot = progress(db, day)
    assert snapshot is not None and snapshot.today_blocks
    first = snapshot.today_blocks[0][0]
    asked: list[int] = []

    def answer(dialog: session_dialog.SessionDialog) -> int:
        asked.append(dialog.module.currentData())
        return session_dialog.QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(session_dialog.SessionDialog, "exec", answer)
    with qtbot.waitActive(window):  # (offscreen, building Settings leaves no window active)
        window.activateWindow()
    qtbot.keyClick(handle, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert asked == [first] and window.stack.currentIndex() == 3
    qtbot.keyClick(handle, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    timer = current_timer(db)
    assert timer is not None and timer.module_id == first


@pytest.mark.parametrize("row", [2, 3])  # Modules, Study log
def test_screens_have_a_heading_and_an_empty_state_that_acts(
    qtbot: QtBot, db: Database, row: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QLabel

    window = MainWindow(db, lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    asked: list[int] = []
    monkeypatch.setattr(MainWindow, "run_assistant", lambda self: asked.append(1))
    screen = window.show_screen(row)
    title = ["Modules", "Study log"][row - 2]
    assert title in [label.text() for label in screen.findChildren(QLabel)]
    empty = screen.stack.currentWidget()  # type: ignore[attr-defined]
    button = empty.action_button
    assert button.isVisible() and button.accessibleName() == "Start the plan assistant"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [1]  # the window's own plan assistant

"""Every screen at 1024x600, 1366x768, 1920x1080 and 3840x2160, and every dialog at 1024x600 (the
smallest screen the app is made for), with a realistic learner (docs/make_screenshots.py's):
nothing scrolls sideways but tables and the timeline, no label is cut, a cut table cell has its
whole text in a tooltip, and every dialog fits the screen less a title bar with its buttons in
view.

The Dashboard has more of its own (tests/ui/test_dashboard_sizes.py: larger text, long titles)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QStyle,
    QTableView,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from studyplanner.services.database import Database, open_database
from studyplanner.ui.credentials.credential_card import CredentialCard
from studyplanner.ui.plan.replan_dialog import ReplanDialog
from studyplanner.ui.plan.timeline_view import TimelineView
from studyplanner.ui.shared.plain_text import ElidedLabel
from studyplanner.ui.shared.screen_fit import TITLE_BAR
from studyplanner.ui.window.main_window import (
    CREDENTIALS,
    DASHBOARD,
    MODULES,
    PLAN,
    SETTINGS,
    STUDY_LOG,
    MainWindow,
)

SCREEN = QSize(1024, 600)
ROOM = QSize(SCREEN.width(), SCREEN.height() - TITLE_BAR)
"""What a dialog may take on a 1024x600 screen: all but the title bar."""


def _screenshots_module() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "docs" / "make_screenshots.py"
    spec = importlib.util.spec_from_file_location("make_screenshots", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHOTS = _screenshots_module()


@pytest.fixture(scope="module")
def learner_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("learner") / "data"
    SHOTS.learner(folder)
    return folder


@pytest.fixture
def learner_db(learner_folder: Path) -> Iterator[Database]:
    database = open_database(learner_folder)
    yield database
    database.close()


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen windows size themselves to is a 1024x600 laptop's."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1024, 600))


@pytest.fixture
def window(qtbot: QtBot, learner_db: Database, small_screen: None) -> MainWindow:
    main = MainWindow(learner_db, lambda: SHOTS.TODAY)
    qtbot.addWidget(main)
    main.resize(SCREEN)
    main.show()
    qtbot.waitExposed(main)
    return main


def settle() -> None:
    for _ in range(5):  # deferred builds and layouts after the first paint
        QApplication.processEvents()


def _shown_text(label: QLabel) -> str:
    text = label.text()
    if label.buddy() is not None:  # "&Find:" shows as "Find:"
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text


def cut_labels(root: QWidget) -> list[str]:
    """Visible one-line labels whose text is wider than the label, or elided without the
    whole text in a tooltip."""
    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue
        if label.textFormat() != label.textFormat().PlainText and "<" in label.text():
            continue  # rich text lays itself out
        width = label.contentsRect().width()
        if isinstance(label, ElidedLabel):  # cut by design, then whole in its tooltip
            if label.is_elided() and escape(label.text()) not in label.toolTip():
                found.append(f"{label.text()!r}: elided without a tooltip")
            continue
        for line in _shown_text(label).split("\n"):
            advance = label.fontMetrics().horizontalAdvance(line)
            if advance > width:
                found.append(f"{line!r}: {advance} > {width}")
            if line.endswith("…") and not label.toolTip():
                found.append(f"{line!r}: elided without a tooltip")
    return found


def sideways_scrolling(root: QWidget) -> list[str]:
    """Scroll areas showing a horizontal scroll bar, but for tables and the timeline (which
    scroll by nature)."""
    found = []
    for area in root.findChildren(QAbstractScrollArea):
        if isinstance(area, QAbstractItemView):
            continue
        if isinstance(area, QScrollArea) and isinstance(area.widget(), TimelineView):
            continue
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            found.append(f"{type(area).__name__} {area.accessibleName()!r}")
    return found


def elided_cells_without_tooltip(root: QWidget) -> list[str]:
    """Cells of visible tables whose text is wider than the column (so shown elided) and whose
    tooltip does not hold the whole text."""
    found = []
    for view in root.findChildren(QTableView):
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        metrics = view.fontMetrics()
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        for row in range(min(model.rowCount(), 40)):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                text = str(index.data() or "")
                room = view.columnWidth(column) - 2 * margin  # as the item delegate draws
                if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                    room -= view.iconSize().width() or 16
                if not text or metrics.horizontalAdvance(text) <= room:
                    continue
                tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                if escape(text) not in tip and text not in tip:
                    found.append(f"{view.accessibleName()!r} row {row}: {text!r}")
    return found


def test_the_window_can_be_as_small_as_1024x600(window: MainWindow) -> None:
    for row in (PLAN, MODULES, STUDY_LOG, CREDENTIALS, SETTINGS):
        window.show_screen(row)
        settle()
    assert window.minimumSize().width() <= SCREEN.width()
    assert window.minimumSize().height() <= SCREEN.height()
    assert window.minimumSizeHint().width() <= SCREEN.width()
    assert window.size() == SCREEN


def test_the_window_fits_a_1920x1080_screen_at_200_percent(
    qtbot: QtBot, learner_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 200 % a 1920x1080 screen holds 960x540: the window opens inside it and can stay
    there (its smallest size was 900x560, taller than the screen)."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 960, 540))
    main = MainWindow(learner_db, lambda: SHOTS.TODAY)
    qtbot.addWidget(main)
    for size in (main.minimumSize(), main.size()):
        assert size.width() <= 960 and size.height() <= 540


SCREENS = {"dashboard": DASHBOARD, "plan": PLAN, "modules": MODULES, "study log": STUDY_LOG}
SCREENS |= {"credentials": CREDENTIALS, "settings": SETTINGS}


@pytest.mark.parametrize("size", ["1024x600", "1366x768", "1920x1080", "3840x2160"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_a_screen_at_every_size_neither_cuts_nor_scrolls_sideways(
    window: MainWindow, name: str, size: str
) -> None:
    """From the smallest laptop to a 4K screen at 100 % (at 200 % it is 1920x1080)."""
    width, height = (int(n) for n in size.split("x"))
    window.resize(width, height)
    screen = window.show_screen(SCREENS[name])
    settle()
    tabs = screen.findChildren(QTabWidget)
    pages = [(tab, i) for tab in tabs for i in range(tab.count())] or [(None, 0)]
    problems = []
    for tab, index in pages:
        if tab is not None:
            tab.setCurrentIndex(index)
            settle()
        where = f"{name}" + (f" / {tab.tabText(index)}" if tab is not None else "")
        problems += [f"{where}: cut label {p}" for p in cut_labels(screen)]
        problems += [f"{where}: scrolls sideways: {p}" for p in sideways_scrolling(screen)]
        problems += [f"{where}: cut, no tooltip: {p}" for p in elided_cells_without_tooltip(screen)]
    assert not problems


def test_the_credentials_heading_is_whole_at_the_narrowest_window(window: MainWindow) -> None:
    """At the window's smallest width the screen's buttons go under the heading instead of
    cutting it ("Credentials & CE")."""
    screen = window.show_screen(CREDENTIALS)
    window.resize(window.minimumSize())
    settle()
    heading = next(
        label for label in screen.findChildren(QLabel) if label.text() == "Credentials & CEUs"
    )
    advance = heading.fontMetrics().horizontalAdvance(heading.text())
    assert advance <= heading.contentsRect().width()
    assert not cut_labels(screen)
    bar = screen.heading_bar  # type: ignore[attr-defined]
    assert not bar.is_one_line()
    below = bar.buttons.mapTo(bar, bar.buttons.rect().topLeft()).y()
    assert below >= heading.geometry().bottom()  # the buttons under the heading, not over it
    window.resize(1600, 900)
    settle()
    assert bar.is_one_line()  # room again: back beside the heading
    assert not cut_labels(screen)


def test_a_long_credential_name_is_cut_on_its_card_not_the_screen(
    qtbot: QtBot, learner_folder: Path, tmp_path: Path, small_screen: None
) -> None:
    """A credential named with all 40 characters its name may have: the card cuts it with "…"
    and shows it whole in a tooltip (the card grew, and the cards scrolled sideways)."""
    import shutil

    from studyplanner.services.credentials import add_credential

    folder = tmp_path / "data"
    shutil.copytree(learner_folder, folder)
    db = open_database(folder)
    try:
        name = "CCA from Springfield community college"
        add_credential(db, "CCA", SHOTS.TODAY.replace(year=2024), SHOTS.TODAY, label=name)
        main = MainWindow(db, lambda: SHOTS.TODAY)
        qtbot.addWidget(main)
        main.resize(SCREEN)
        main.show()
        qtbot.waitExposed(main)
        screen = main.show_screen(CREDENTIALS)
        settle()
        assert not sideways_scrolling(screen)
        assert not cut_labels(screen)
        card = next(c for c in screen.findChildren(QWidget) if isinstance(c, CredentialCard)
                    and c.title.text().casefold() == name.casefold())  # fmt: skip
        assert card.title.is_elided() and card.title.text() in card.title.toolTip()
        main.close()
    finally:
        db.close()


# -- dialogs --------------------------------------------------------------------------------
Opener = Callable[[MainWindow], object]


def _complete_a_module(window: MainWindow) -> object:
    screen = window.show_screen(MODULES)
    screen.table.selectRow(3)  # type: ignore[attr-defined]
    return screen.mark_complete()  # type: ignore[attr-defined]


def _edit_a_cycle(window: MainWindow) -> object:
    screen = window.show_screen(CREDENTIALS)
    credential = screen._credentials[0]  # type: ignore[attr-defined]
    return screen.edit_cycle(credential.id)  # type: ignore[attr-defined]


def _preview_a_change(window: MainWindow) -> object:
    """Plan ▸ Availability and dates: one more hour on Monday, then Preview."""
    screen = window.show_screen(PLAN)
    screen.tabs.setCurrentIndex(3)  # type: ignore[attr-defined]
    settings = screen.settings  # type: ignore[attr-defined]
    monday = settings.availability.spins[0]
    monday.setValue(monday.value() + 60)
    settings.preview_button.click()
    return None


DIALOGS: dict[str, Opener] = {
    "plan preview": _preview_a_change,
    "session": lambda w: w.show_screen(STUDY_LOG).log_for(),  # type: ignore[attr-defined]
    "CEU activity": lambda w: w.show_screen(CREDENTIALS).log_activity(),  # type: ignore[attr-defined]
    "credential": lambda w: w.show_screen(CREDENTIALS).add_credential(),  # type: ignore[attr-defined]
    "career roadmap": lambda w: w.show_screen(CREDENTIALS).add_goal(),  # type: ignore[attr-defined]
    "credential cycle": _edit_a_cycle,
    "completion": _complete_a_module,
    "catch-up": lambda w: ReplanDialog.ask(w._db, SHOTS.TODAY, w),
    "about": lambda w: w.show_about(),
    "assistant": lambda w: w.run_assistant(),
}


def _button_rects(dialog: QWidget) -> list[tuple[str, QRect]]:
    if isinstance(dialog, QWizard):
        names = (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton)
        buttons = [dialog.button(n) for n in names]
        return [(b.text(), QRect(b.mapTo(dialog, b.rect().topLeft()), b.size())) for b in buttons]
    boxes = [box for box in dialog.findChildren(QDialogButtonBox) if box.isVisible()]
    assert boxes, f"{type(dialog).__name__} has no button box in view"
    return [(str(box.standardButtons()), QRect(box.mapTo(dialog, box.rect().topLeft()), box.size()))
            for box in boxes]  # fmt: skip


def fit_problems(dialog: QWidget) -> list[str]:
    name = type(dialog).__name__
    problems = []
    for what, size in (
        ("minimum size", dialog.minimumSize()),
        ("smallest layout", dialog.minimumSizeHint()),
        ("preferred size", dialog.sizeHint()),
        ("size", dialog.size()),
    ):
        if size.width() > ROOM.width() or size.height() > ROOM.height():
            problems.append(f"{name}: {what} {size.width()}x{size.height()} > {ROOM.toTuple()}")
    for what, rect in _button_rects(dialog):
        if not dialog.rect().contains(rect):
            problems.append(f"{name}: buttons {what} at {rect.getRect()} outside {dialog.size()}")
    return problems


@pytest.mark.allow_modals
@pytest.mark.parametrize("name", list(DIALOGS))
def test_a_dialog_fits_1024x600_with_its_buttons_in_view(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    seen: list[str] = []

    def look(dialog: QDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        settle()
        seen.append(type(dialog).__name__)
        problems.extend(fit_problems(dialog))
        problems.extend(f"cut label {p}" for p in cut_labels(dialog))
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    problems: list[str] = []
    monkeypatch.setattr(QDialog, "exec", look)
    DIALOGS[name](window)
    assert seen, f"no dialog opened for {name}"
    assert not problems


@pytest.mark.parametrize("name", ["help", "rules"])
def test_a_window_beside_the_app_fits_1024x600(window: MainWindow, qtbot: QtBot, name: str) -> None:
    if name == "help":
        shown = window.show_help()
    else:
        screen = window.show_screen(CREDENTIALS)
        screen.show_rules("CPMA")  # type: ignore[attr-defined]
        shown = screen.rules_window  # type: ignore[attr-defined]
    qtbot.waitExposed(shown)
    settle()
    assert not fit_problems(shown)
    assert not sideways_scrolling(shown)
    shown.close()


def _wizard_problems(wizard: QWizard, page: str) -> list[str]:
    settle()
    problems = [f"{page}: {p}" for p in fit_problems(wizard)]
    problems += [f"{page}: scrolls sideways: {p}" for p in sideways_scrolling(wizard)]
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton):
        button = wizard.button(which)
        if button.isVisible() and button.visibleRegion().boundingRect() != button.rect():
            problems.append(f"{page}: {button.text()!r} partly hidden")
    return problems


@pytest.mark.parametrize("track", ["associate-degree-hit", "__custom__"])
def test_every_page_of_the_assistant_fits_1024x600(
    qtbot: QtBot, learner_db: Database, small_screen: None, track: str
) -> None:
    """The pages scroll, the buttons never: Next and Cancel stay in view on every page (the
    assistant was at least 760x600, so they were cut off under a title bar)."""
    from studyplanner.ui.plan.assistant import PlanAssistant

    wizard = PlanAssistant(learner_db, SHOTS.TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    items = wizard.track_page.list
    row = next(r for r in range(items.count()) if items.item(r).data(256) == track)
    items.setCurrentRow(row)
    problems = _wizard_problems(wizard, "track")
    if track == "__custom__":
        wizard.track_page.custom_name.setText("My CPC review")
        settle()
    for page in ("goal", "time", "summary"):
        wizard.next()
        problems += _wizard_problems(wizard, page)
    assert wizard.currentPage() is wizard.summary_page
    assert not problems
    wizard.reject()


@pytest.mark.parametrize("name", list(SCREENS))
def test_a_screen_at_the_windows_smallest_size_does_not_scroll_sideways(
    window: MainWindow, name: str
) -> None:
    """The window may be made as small as its minimum size (900 wide on a large screen): no
    screen scrolls sideways there either (Settings did, by 29 pixels)."""
    window.resize(window.minimumSize())
    screen = window.show_screen(SCREENS[name])
    settle()
    assert not sideways_scrolling(screen)

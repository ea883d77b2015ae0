"""Text the user typed or imported is shown exactly as typed: module titles and topics, the track
name, session notes, credential labels, CEU activities, certificate names, reminders and file
paths that hold HTML, links and ampersands show their tags on every screen and in every dialog,
and none of them is read as markup (no bold, no link, no `&amp;` turned into `&`).

Each test fills a real database with such text, opens screens and dialogs (through their `ask`
seams: `QDialog.exec` only records the dialog and answers Cancel), then walks every label, button,
group box, menu entry, tab, window title and tooltip, and the tooltips of every item view (their
cells are drawn by Qt's default delegate, in plain text)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QKeySequence, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTabBar,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studyplanner.bundled import rule_book
from studyplanner.core.model import Availability, Blackout, ModuleKind
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as creds
from studyplanner.services.archive.format import ImportPreview
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import create_plan, preview_plan_change
from studyplanner.services.progress import (
    log_session,
    mark_done,
    module_statuses,
    start_timer,
)
from studyplanner.services.snapshots import ModuleDraft, NewPlan, PlanChange, PlanSettings
from studyplanner.ui.credentials.credentials_screen import CredentialsScreen
from studyplanner.ui.settings.calendar_export_panel import CalendarExportPanel
from studyplanner.ui.settings.data_transfer_panel import Ask, ImportChoice
from studyplanner.ui.shared.plain_text import (
    PlainLabel,
    ask_yes_no,
    escaped,
    shortcut_safe,
    tell,
    tooltip,
)
from studyplanner.ui.shared.preview_dialog import PreviewDialog
from studyplanner.ui.study.session_dialog import SessionDialog
from studyplanner.ui.window.error_handler import handle_error
from studyplanner.ui.window.main_window import (
    CREDENTIALS,
    DASHBOARD,
    MODULES,
    PLAN,
    SETTINGS,
    STUDY_LOG,
    MainWindow,
)
from studyplanner.ui.window.start_problem_dialog import StartProblemDialog

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 9, 30)

MARKUP = 'Logged <b>Anatomy</b> <a href="https://example.com">link</a> &amp; <i>x</i>'
CREDENTIAL = '<B>ZQX</B> & <A HREF="X">L</A>'  # the app keeps labels upper case, 40 at most
CERTIFICATE = "Certy <b>c & <i>y.pdf"  # file and folder names cannot hold a slash
FOLDER = "Folderz <b>d & <i>x"
USER_TEXT = {"Anatomy": MARKUP, "ZQX": CREDENTIAL, "Certy": CERTIFICATE, "Folderz": FOLDER}
"""A word that shows however the text is read -> the whole text as the user typed it."""


# -- what the user sees --------------------------------------------------------------------------


def read_as_markup(text: str, text_format: Qt.TextFormat) -> bool:
    """Whether Qt reads `text` as rich text (a label, message box or tooltip does so in AutoText
    when the text looks like HTML)."""
    if text_format == Qt.TextFormat.AutoText:
        return GuiQt.mightBeRichText(text)
    return text_format in (Qt.TextFormat.RichText, Qt.TextFormat.MarkdownText)


def rendered(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The characters on screen for `text` shown in `text_format`."""
    if not read_as_markup(text, text_format):
        return text
    document = QTextDocument()
    if text_format == Qt.TextFormat.MarkdownText:
        document.setMarkdown(text)
    else:
        document.setHtml(text)
    return document.toPlainText()


def without_mnemonics(text: str) -> str:
    """What a button, menu entry, group box or tab shows: '&&' is one '&', '&x' underlines x."""
    return re.sub(r"&(.)", r"\1", text)


@dataclass(frozen=True)
class Shown:
    where: str
    text: str  # the text given to the widget
    shown: str  # what the user reads
    markup: bool  # the widget reads the text as rich text
    plain: bool | None = None  # a label: set to PlainText (AutoText reads a title as markup)


def _name(widget: QWidget) -> str:
    parents = []
    parent = widget.parentWidget()
    while parent is not None and len(parents) < 3:
        parents.append(type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()!r} in {'/'.join(parents)}"


def a_tooltip(where: str, tip: str) -> Shown:
    """Qt reads a tooltip as rich text whenever it looks like HTML."""
    return Shown(where, tip, rendered(tip), read_as_markup(tip, Qt.TextFormat.AutoText))


def _tooltips(view: QAbstractItemView, where: str) -> Iterator[Shown]:
    model = view.model()
    if model is None:
        return
    for row in range(model.rowCount(QModelIndex())):
        for column in itertools.count():
            index = model.index(row, column)  # (a list model's columnCount is not public)
            if not index.isValid():
                break
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                yield a_tooltip(f"tooltip of cell {row},{column} of {where}", str(tip))


def shown_in(root: QWidget) -> list[Shown]:
    """Every text `root` and its children show."""
    found: list[Shown] = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = _name(widget)
        if isinstance(widget, QLabel):
            text, fmt = widget.text(), widget.textFormat()
            found.append(
                Shown(
                    where,
                    text,
                    rendered(text, fmt),
                    read_as_markup(text, fmt),
                    fmt == Qt.TextFormat.PlainText,
                )
            )
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
            found.append(Shown(where, text, without_mnemonics(text), False))
        elif isinstance(widget, QGroupBox):
            text = widget.title()
            found.append(Shown(where, text, without_mnemonics(text), False))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                text = widget.tabText(i)
                found.append(Shown(f"tab {i} of {where}", text, without_mnemonics(text), False))
        elif isinstance(widget, QMenu):
            for action in widget.actions():
                text = action.text()
                found.append(Shown(f"entry of {where}", text, without_mnemonics(text), False))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            found += _tooltips(widget, where)
        if widget.isWindow():
            title = widget.windowTitle().replace("[*]", "")
            found.append(Shown(f"window title of {where}", title, title, False))
        tip = widget.toolTip()
        if tip:
            found.append(a_tooltip(f"tooltip of {where}", tip))
    return found


def misreadings(places: list[Shown]) -> list[str]:
    """Where user text is not shown as typed, or a label would read it as markup."""
    wrong = []
    for place in places:
        for word, typed in USER_TEXT.items():
            if word not in place.shown:
                continue
            if typed not in place.shown:
                wrong.append(f"{place.where} shows {place.shown!r} for {place.text!r}")
            elif place.plain is False and not place.markup:
                wrong.append(f"{place.where} holds {typed!r} as AutoText: {place.text!r}")
        if place.markup and "<a href" in place.text.lower():
            wrong.append(f"{place.where} has a link: {place.text!r}")
    return wrong


def user_text_in(places: list[Shown]) -> list[Shown]:
    return [p for p in places if any(word in p.shown for word in USER_TEXT)]


# -- a database full of markup --------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / FOLDER


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    yield database
    database.close()


@dataclass(frozen=True)
class World:
    modules: dict[str, int]  # first word of the title -> module id
    activity_id: int
    specialty_id: int


@pytest.fixture
def world(db: Database, tmp_path: Path) -> World:
    """A custom track started 30 days ago (two modules overdue, an exam ahead), a session with a
    note, a specialty credential whose cycle ends in 20 days, and a CEU activity with a
    certificate: every title, note and label holds MARKUP."""
    start = TODAY - timedelta(days=30)
    drafts = (
        ModuleDraft(-1, f"Module {MARKUP}", ModuleKind.LESSON, 1200, (), None, f"Topic {MARKUP}"),
        ModuleDraft(-2, f"Practice {MARKUP}", ModuleKind.PRACTICE_EXAM, 180),
        ModuleDraft(-3, f"Course {MARKUP}", ModuleKind.COURSE, 1800),
        ModuleDraft(-4, f"Final {MARKUP}", ModuleKind.EXAM, 120),
        ModuleDraft(-5, f"Review {MARKUP}", ModuleKind.LESSON, 120),
    )
    days_off = Blackout(TODAY + timedelta(days=10), TODAY + timedelta(days=12), f"Off {MARKUP}")
    settings = PlanSettings(
        start=start,
        availability=Availability((60, 60, 60, 60, 60, 120, 0)),
        weekly_minutes=420,
        blackouts=(days_off,),
    )
    new = NewPlan(settings=settings, custom_name=f"Track {MARKUP}", custom_modules=drafts)
    create_plan(db, new, start)
    modules = {m.title.split()[0]: m.id for m in module_statuses(db, TODAY)}
    log_session(db, modules["Module"], TODAY - timedelta(days=2), 45, f"Note {MARKUP}\nmore", TODAY)
    mark_done(db, modules["Review"], TODAY - timedelta(days=1), None, TODAY)
    cpc = creds.add_credential(db, "CPC", date(2025, 4, 10), TODAY, note=f"Note {MARKUP}")
    specialty = creds.add_credential(
        db, "SPECIALTY", date(2024, 12, 20), TODAY, label=CREDENTIAL,
        cycle_start=date(2024, 12, 20), cycle_end=TODAY + timedelta(days=20),
        note=f"Note {MARKUP}",
    )  # fmt: skip
    certificate = tmp_path / CERTIFICATE
    certificate.write_bytes(b"%PDF-1.4\n% certificate\n")
    activity = acts.add_activity(
        db,
        acts.ActivityInput(
            completed_on=TODAY - timedelta(days=3),
            title=f"Activity {MARKUP}",
            units=Decimal(1),
            category=next(iter(rule_book().categories)),
            provider=f"Provider {MARKUP}",
            note=f"Note {MARKUP}",
            certificate=certificate,
        ),
        [(specialty.current.id, Decimal(1)), (cpc.current.id, Decimal(1))],
        TODAY,
    )
    return World(modules, activity.id, specialty.id)


@pytest.fixture
def window(qtbot: QtBot, db: Database, world: World) -> MainWindow:
    win = MainWindow(db, lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Every dialog and message box opened, unanswered (as if cancelled). The static message
    boxes are built as Qt builds them: a QMessageBox showing its text in AutoText."""
    opened: list[QDialog] = []

    def record(self: QDialog) -> int:
        opened.append(self)
        return QDialog.DialogCode.Rejected.value

    def static(answer: QMessageBox.StandardButton) -> Any:
        def show(parent: QWidget | None, title: str, text: str, *args: Any, **kw: Any) -> Any:
            opened.append(QMessageBox(QMessageBox.Icon.NoIcon, title, text, parent=parent))
            return answer

        return staticmethod(show)

    monkeypatch.setattr(QDialog, "exec", record)
    monkeypatch.setattr(QMessageBox, "question", static(QMessageBox.StandardButton.No))
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, static(QMessageBox.StandardButton.Ok))
    return opened


# -- the helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [MARKUP, "two  spaces,\ta tab\nand\n\nlines &lt; <b>", "  leading", "x & y", ""],
)
def test_a_tooltip_and_escaped_text_render_as_typed(typed: str) -> None:
    tip = tooltip(typed)
    assert GuiQt.mightBeRichText(tip) or not typed  # never guessed: always rich text
    assert rendered(tip, Qt.TextFormat.RichText) == typed
    inside = f"<b>Heading</b> {escaped(typed)} (lesson)"
    assert rendered(inside, Qt.TextFormat.RichText) == f"Heading {typed} (lesson)"


def test_labels_message_boxes_and_shortcuts_keep_the_text_as_typed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    label = PlainLabel(MARKUP)
    qtbot.addWidget(label)
    assert (label.textFormat(), label.text()) == (Qt.TextFormat.PlainText, MARKUP)

    shown: list[tuple[Qt.TextFormat, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append((box.textFormat(), box.text()))
        box.deleteLater()
        return QDialog.DialogCode.Rejected.value  # closed without an answer

    monkeypatch.setattr(QDialog, "exec", record)
    assert not ask_yes_no(None, "Reopen module", MARKUP)
    tell(None, "Study Planner", MARKUP, problem=True)
    assert shown == [(Qt.TextFormat.PlainText, MARKUP)] * 2

    for typed in ("R&D", "a && b", "&", MARKUP):
        assert QKeySequence.mnemonic(shortcut_safe(typed)).isEmpty()
        assert shortcut_safe(typed).replace("&&", "&") == typed


# -- the screens ----------------------------------------------------------------------------------


def test_every_screen_shows_user_text_as_typed(
    qtbot: QtBot, window: MainWindow, db: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_timer(db, world.modules["Course"], NOW)  # the timer bar names its module
    window.study_log.refresh()
    seen: dict[str, list[Shown]] = {}

    window.show_screen(DASHBOARD)
    qtbot.waitUntil(lambda: window.dashboard.reminders_panel is not None)
    panel = window.dashboard.reminders_panel
    assert panel is not None and panel.count() >= 5
    overdue = next(r for r in panel.reminders() if r.key.startswith("module-overdue"))
    assert panel.dismiss(overdue)  # its message names the module
    seen["dashboard"] = shown_in(window.dashboard)

    plan = window.show_screen(PLAN)
    for tab in range(window.plan_screen.tabs.count()):  # each tab is built when first shown
        window.plan_screen.tabs.setCurrentIndex(tab)
    seen["plan"] = shown_in(plan)
    window.plan_screen.tabs.setCurrentIndex(0)
    timeline = window.plan_screen.timeline
    qtbot.waitExposed(timeline)
    first_row = QPoint(10, timeline._header_height() + 4)
    QToolTip.hideText()
    timeline.event(QHelpEvent(QEvent.Type.ToolTip, first_row, timeline.mapToGlobal(first_row)))
    qtbot.waitUntil(QToolTip.isVisible)
    tip = QToolTip.text()
    seen["plan"].append(a_tooltip("tooltip of the timeline", tip))
    QToolTip.hideText()

    seen["modules"] = shown_in(window.show_screen(MODULES))

    log = window.show_screen(STUDY_LOG)
    typed = {"module_id": world.modules["Practice"], "day": TODAY, "minutes": 30, "note": MARKUP}
    monkeypatch.setattr(SessionDialog, "ask", lambda *a, **k: typed)
    assert window.study_log.log_for(None) is not None  # "Saved 30 min on <title>"
    seen["study log"] = shown_in(log)

    credentials = window.show_screen(CREDENTIALS)
    screen = window.credentials_screen
    screen.activities.select(world.activity_id)
    screen.delete_selected()
    assert screen.undo()  # "<title> is back."
    seen["credentials"] = shown_in(credentials)

    settings = window.show_screen(SETTINGS)
    monkeypatch.setattr(CalendarExportPanel, "choose_file", staticmethod(
        lambda parent, suggested: db.data_dir / "plan.ics"))  # fmt: skip
    calendar = window.settings_screen.calendar_panel
    with qtbot.waitSignal(calendar.action.ended):
        assert calendar.export_calendar() is not None  # "... written to <path>"
    seen["settings"] = shown_in(settings)

    wrong = {screen: misreadings(places) for screen, places in seen.items()}
    assert wrong == {screen: [] for screen in seen}
    # user text really was there to be misread
    holding = {screen: len(user_text_in(places)) for screen, places in seen.items()}
    assert holding["dashboard"] >= 9  # today's block, the next exam, 7 reminders, the dismissed
    assert holding["plan"] >= 7  # the track, the topics' tooltips, the timeline's tooltip
    assert holding["modules"] >= 5  # the titles' tooltips
    assert holding["study log"] >= 4  # the timer, the message, the notes' tooltips
    assert holding["credentials"] >= 5  # the card, a rule, the message, a note, the export menu
    assert holding["settings"] >= 2  # the backups folder, the calendar file
    assert window.plan_screen.header.title.text() == f"Track {MARKUP}"
    assert window.credentials_screen.card(CREDENTIAL).title.text() == CREDENTIAL
    note = next(p for p in seen["study log"] if p.where.startswith("tooltip") and "more" in p.shown)
    assert note.shown == f"Note {MARKUP}\nmore"  # its line break kept


# -- the dialogs ----------------------------------------------------------------------------------


def test_dialogs_and_messages_show_user_text_as_typed(
    qtbot: QtBot, window: MainWindow, db: Database, world: World, asked: list[QDialog]
) -> None:
    modules = window.show_screen(MODULES)
    assert modules is window.modules_screen
    modules.select_module(world.modules["Final"])
    assert modules.mark_complete() is None  # the completion dialog, cancelled
    final = modules.selected()
    assert final is not None
    assert not modules.confirm_add_credential("CPC", final)
    modules.select_module(world.modules["Review"])
    assert modules.reopen_selected() is None  # asked first, and the answer was no

    window.show_screen(STUDY_LOG)
    study_log = window.study_log
    assert study_log.log_for(world.modules["Course"]) is None
    study_log.select_session(study_log.model.session(0).id)
    study_log._on_edit()

    window.show_screen(CREDENTIALS)
    screen = window.credentials_screen
    screen.activities.select(world.activity_id)
    assert screen.edit_selected() is None
    assert screen.edit_cycle(world.specialty_id) is None
    assert screen.close_cycle(world.specialty_id) is None

    plan = window.plan_screen.plan()
    assert plan is not None
    change = PlanChange(settings=replace(plan.settings, weekly_minutes=360))
    assert not PreviewDialog.ask(preview_plan_change(db, change, TODAY), plan.schedule)

    settings = window.settings_screen
    with qtbot.waitSignal(settings.backups_panel.backed_up):  # type: ignore[attr-defined]
        settings.backups_panel.back_up()  # type: ignore[attr-defined]  # tells where it went
    why = f"the archive's plan “Track {MARKUP}” clashes with yours"  # names imported records
    preview = ImportPreview({"plans": 1}, {}, {"plans": 1}, merge_problem=why)
    assert Ask.import_choice(settings, f"{FOLDER}.zip", preview) is ImportChoice.CANCEL
    log = handle_error(db.data_dir, RuntimeError, RuntimeError("boom"), None)
    assert log is not None and FOLDER in str(log)
    problem = StartProblemDialog(f"Cannot read {db.data_dir / 'studyplanner.db'}.", None, True)
    qtbot.addWidget(problem)
    asked.append(problem)

    wrong: dict[str, list[str]] = {}
    holding: dict[str, int] = {}
    for n, dialog in enumerate(asked):
        places = shown_in(dialog)
        wrong[f"{n} {type(dialog).__name__}"] = misreadings(places)
        kind = type(dialog).__name__
        holding[kind] = holding.get(kind, 0) + len(user_text_in(places))
    assert wrong == {name: [] for name in wrong}
    for kind in ("CompletionDialog", "SessionDialog", "ActivityDialog", "CredentialDialog",
                 "PreviewDialog"):  # fmt: skip
        assert kind in holding  # opened and walked
    assert holding["CompletionDialog"] >= 1  # its heading
    assert holding["ActivityDialog"] >= 2  # the certificate, the credential it counts for
    assert holding["StartProblemDialog"] >= 1  # the path
    # congratulations, reopen, close the cycle, backed up, import (name, why), the error's log
    assert holding["QMessageBox"] >= 7


def test_an_export_names_its_credential_as_typed(
    qtbot: QtBot, db: Database, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = CredentialsScreen(db, lambda: TODAY, now=lambda: NOW)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    exports = screen.exports
    monkeypatch.setattr(exports, "choose_path", lambda *a: tmp_path / "packet.pdf")
    status = next(s for s in screen._open if s.label == CREDENTIAL)
    assert exports.export_packet(status.label, status.cycle_id, status.cycle_end) is not None
    assert exports.progress is not None
    progress = shown_in(exports.progress)  # "Writing the audit packet of <label>…"
    qtbot.waitUntil(lambda: not exports.busy(), timeout=20_000)
    done = shown_in(screen)  # "Saved the audit packet of <label>: <file>"
    assert misreadings(progress) == [] and misreadings(done) == []
    assert user_text_in(progress)
    assert CREDENTIAL in screen.message.text(), screen.problem.text()

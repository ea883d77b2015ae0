"""The ways of showing user text as typed (studyplanner.ui.plain_text): escaped text and
tooltips render exactly as the text was typed, spaces, tabs and line breaks included."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from studyplanner.ui.plain_text import (
    PlainLabel,
    ask_yes_no,
    escaped,
    shortcut_safe,
    tell,
    tooltip,
)

MARKUP = 'Logged <b>Anatomy</b> <a href="https://example.com">link</a> &amp; <i>x</i>'


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

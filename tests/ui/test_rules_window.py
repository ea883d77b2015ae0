"""The Rules window of a credential: plain sentences from the rule book's figures, its sources as
links with their titles (no research notes), and a Close button that Esc presses too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_rules import RuleBook
from studyplanner.ui.credentials.cycle_history import RulesWindow

RESEARCH_NOTES = (
    "undated",
    "also seen in a copy",
    "examples for 2022/2023",
    "FACTS.md",
    "verify",
    "Exam:",
)


@pytest.fixture
def book() -> RuleBook:
    return rule_book()


def open_rules(qtbot: QtBot, book: RuleBook, code: str) -> RulesWindow:
    window = RulesWindow()
    qtbot.addWidget(window)
    window.show_rules(book, code)
    qtbot.waitExposed(window)
    return window


def test_the_rules_read_as_sentences_with_their_figures(qtbot: QtBot, book: RuleBook) -> None:
    text = open_rules(qtbot, book, "CPMA").browser.toPlainText()
    assert "36 CEUs every 2 years when it is your only AAPC credential." in text
    assert "16 of them must be in the category “Auditing”." in text
    assert "A cycle lasts 2 years." in text
    assert "all your AAPC credentials: 36 CEUs for one, 40 for 2, 44 for 3" in text
    assert "52 for 5 or more." in text
    assert "Coding and classification" in text  # the categories
    assert "Your AAPC membership must stay current" in text


def test_ahima_rules_say_their_shares_and_totals(qtbot: QtBot, book: RuleBook) -> None:
    text = open_rules(qtbot, book, "CCS").browser.toPlainText()
    assert "20 CEUs every 2 years" in text
    assert "adds 10 CEUs to the total, up to 50 CEUs in all." in text
    assert "At least 80 % of each credential's CEUs" in text
    assert "At least 40 % of the cycle's CEUs must come from AHIMA" in text


@pytest.mark.parametrize("code", ["CPC", "CPMA", "CPC-A", "CCS", "RHIT", "CIRCC"])
def test_no_research_notes_only_linked_titles(qtbot: QtBot, book: RuleBook, code: str) -> None:
    """The rule book's notes about its pages ("undated; examples for 2022/2023") and the raw
    addresses stay out; each source is a link named by its page."""
    window = open_rules(qtbot, book, code)
    text = window.browser.toPlainText()
    for note in RESEARCH_NOTES:
        assert note not in text, note
    assert "http" not in text
    assert "Sources" in text
    html = window.browser.toHtml()
    assert 'href="https://www.aapc.com/' in html or 'href="https://www.ahima.org/' in html
    assert window.browser.openExternalLinks()


def test_close_button_and_escape_close_the_window(qtbot: QtBot, book: RuleBook) -> None:
    window = open_rules(qtbot, book, "CPC")
    close = window.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and close.isVisible() and close.accessibleName()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    window.show_rules(book, "CPC")
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_a_card_tooltip_names_its_pages_without_research_notes(book: RuleBook) -> None:
    """The tooltip of a card's check (for example AHIMA's 40 % share) says the rule, the pages by
    title and the date checked; the notes to the researcher ("verify how...") stay out."""
    from studyplanner.ui.credentials.ceu_rule_words import source_plain

    share = next(s for s in book.bodies["AHIMA"].shares if s.min_share < 0.5)
    text = source_plain(share.source)
    assert "At least 40% of the cycle's CEUs must come from AHIMA" in text
    assert "From: Certification: recertification (ahima.org)." in text
    assert "verify" not in text and "http" not in text and "pre-2024 version" not in text

"""The user guide in the app's language: every English page has a Spanish one of the same shape,
the guide of the Spanish app shows them (titles and text), and a link to another page of the
guide opens it, in both languages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from studyplanner.bundled import HELP_LANGUAGES, help_pages
from studyplanner.ui.window.help_dialog import HelpDialog
from studyplanner.ui.window.language import Translation, install_language

from .test_spanish import ENGLISH_WORDS

HELP = Path(__file__).resolve().parents[2] / "resources" / "help"
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
SPANISH_TITLES = [
    "Su primer plan", "Registrar su estudio cada día", "Ponerse al día cuando surgen imprevistos",
    "Credenciales y CEU", "El paquete de auditoría", "Copias de seguridad, exportar e importar",
]  # fmt: skip
NAMES = re.compile(r"Study Planner|LibreOffice|Excel|ZIP|CSV|PDF|Ctrl\S*|\(\.ics\)")
"""Names kept in every language (products, file kinds, keys)."""


@pytest.fixture
def spanish() -> Iterator[Translation]:
    installed = install_language("es")
    yield installed
    installed.remove()


def _shape(text: str) -> tuple[list[int], int, int, list[str]]:
    """A page's structure: its headings' levels, list items, paragraphs, and the pages it links."""
    lines = text.splitlines()
    headings = [len(m.group(1)) for line in lines if (m := re.match(r"(#+) ", line))]
    items = sum(1 for line in lines if re.match(r"(- |\d+\. )", line))
    paragraphs = len([block for block in re.split(r"\n\s*\n", text.strip()) if block.strip()])
    return headings, items, paragraphs, [target for _, target in LINK.findall(text)]


@pytest.mark.parametrize("language", HELP_LANGUAGES)
def test_every_page_has_a_translation_of_the_same_shape(language: str) -> None:
    english = {p.file: p for p in help_pages()}
    translated = {p.file: p for p in help_pages(language)}
    assert sorted(f.name for f in (HELP / language).glob("*.md")) == sorted(english)
    for file, page in translated.items():
        assert page.language == language, file
        assert _shape(page.text) == _shape(english[file].text), file
        assert page.text != english[file].text
    for _, target in LINK.findall("".join(p.text for p in translated.values())):
        assert target in english, target  # every link names a page of the guide


def _guide(qtbot: QtBot) -> HelpDialog:
    guide = HelpDialog()
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    return guide


def test_the_spanish_app_shows_the_spanish_guide(spanish: Translation, qtbot: QtBot) -> None:
    guide = _guide(qtbot)

    assert [guide.topics.item(i).text() for i in range(guide.topics.count())] == SPANISH_TITLES
    assert guide.windowTitle() == "Guía del usuario de Study Planner"
    for row, title in enumerate(SPANISH_TITLES):
        guide.topics.setCurrentRow(row)
        text = guide.page.toPlainText()
        assert text.startswith(title)  # the page's own heading is its topic
        left = NAMES.sub("", text)
        assert ENGLISH_WORDS.findall(left) == [], title
    guide.topics.setCurrentRow(3)
    assert "Agregar credencial…" in guide.page.toPlainText()
    guide.topics.setCurrentRow(4)
    assert "Exportar paquete de auditoría…" in guide.page.toPlainText()


def _click_link(qtbot: QtBot, guide: HelpDialog) -> str:
    """Clicks the first link of the page shown (a real mouse click on its text); its target."""
    document = guide.page.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                guide.page.setTextCursor(cursor)
                guide.page.ensureCursorVisible()
                point = guide.page.cursorRect(cursor).center()
                qtbot.mouseClick(guide.page.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return href
            it += 1
        block = block.next()
    raise AssertionError("no link on the page")


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_link_opens_the_page_it_names(language: str, qtbot: QtBot) -> None:
    installed = install_language(language)
    try:
        guide = _guide(qtbot)
        files = [p.file for p in help_pages(language)]
        for row in range(len(files)):
            guide.topics.setCurrentRow(row)
            target = _click_link(qtbot, guide)
            assert guide.topics.currentRow() == files.index(target), (language, files[row])
            title = guide.topics.item(files.index(target)).text()
            assert guide.page.toPlainText().startswith(title)
        guide.topics.setCurrentRow(0)
        guide.follow_link(QUrl("https://www.aapc.com/"))  # the guide stays offline
        guide.follow_link(QUrl("no-such-page.md"))
        assert guide.topics.currentRow() == 0
    finally:
        installed.remove()

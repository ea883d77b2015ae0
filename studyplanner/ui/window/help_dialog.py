"""Help: the offline user guide (a short page per task, shipped as Markdown in resources/help,
in the app's language from resources/help/<language>/ where a page is translated) and About
(version, data folder, licences, where the rules come from)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyplanner import __version__
from studyplanner.bundled import help_pages, licence_texts
from studyplanner.ui.shared.formatting import QT_TRANSLATE_NOOP
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.window.language import shown_language

PAGE_TITLES = (
    QT_TRANSLATE_NOOP("HelpDialog", "Your first plan"),
    QT_TRANSLATE_NOOP("HelpDialog", "Logging your study every day"),
    QT_TRANSLATE_NOOP("HelpDialog", "Catching up when life happens"),
    QT_TRANSLATE_NOOP("HelpDialog", "Credentials and CEUs"),
    QT_TRANSLATE_NOOP("HelpDialog", "The audit packet"),
    QT_TRANSLATE_NOOP("HelpDialog", "Backups, export and import"),
)
"""The titles of resources/help/index.json, for lupdate (the pages themselves come translated in
resources/help/<language>/)."""


class HelpDialog(QDialog):
    """The user guide: topics on the left, the page on the right; stays open beside the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Study Planner user guide"))
        self._pages = help_pages(shown_language())
        self.topics = QListWidget()
        self.topics.setAccessibleName(self.tr("Help topics"))
        for page in self._pages:
            self.topics.addItem(self.tr(page.title))
        widest = max(
            self.fontMetrics().horizontalAdvance(self.topics.item(i).text())
            for i in range(self.topics.count())
        )
        self.topics.setFixedWidth(widest + self.fontMetrics().horizontalAdvance("MMM"))
        self.topics.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page = QTextBrowser()
        self.page.setAccessibleName(self.tr("Help page"))
        self.page.setOpenExternalLinks(False)
        self.page.setOpenLinks(False)  # the guide is offline: only its own pages are followed
        self.page.anchorClicked.connect(self.follow_link)
        self.topics.currentRowChanged.connect(self.show_page)
        body = QHBoxLayout()
        body.addWidget(self.topics)
        body.addWidget(self.page, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the user guide"))
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 48, em * 32)
        self.topics.setCurrentRow(0)

    def show_page(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            self.page.setMarkdown(self._pages[row].text)

    def follow_link(self, url: QUrl) -> None:
        """A link to another page of the guide ("audit-packet.md") opens that page; any other
        link is left alone."""
        if url.scheme() or url.host():
            return
        for row, page in enumerate(self._pages):
            if page.file == url.path():
                self.topics.setCurrentRow(row)
                return

    def page_titles(self) -> list[str]:
        return [page.title for page in self._pages]


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Study Planner"))
        self._data_dir = data_dir
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("About"))
        tabs.tabBar().setAccessibleName(self.tr("About"))
        tabs.addTab(self._about(), self.tr("&About"))
        tabs.addTab(self._licences(), self.tr("&Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close About"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 36, em * 26)

    def _about(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Study Planner {version}").format(version=__version__))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.version_label = title
        what = QLabel(self.tr(
            "An offline planner for medical coding learners and certified coders: study plans "
            "that fit your week, progress and forecasts, credentials, CEUs and renewal cycles. "
            "No account and no network: your data stays on this computer."
        ))  # fmt: skip
        what.setWordWrap(True)
        layout.addWidget(what)
        disclaimer = QLabel(self.tr(
            "Credential rules, exam formats and curricula come from the certifying bodies' "
            "public pages (each with its source, in the Rules of each credential). Rules change: "
            "the bodies' own records and rules always win over what this app shows."
        ))  # fmt: skip
        disclaimer.setWordWrap(True)
        layout.addWidget(disclaimer)
        layout.addWidget(QLabel(self.tr("Your data folder:")))
        row = QHBoxLayout()
        self.folder_label = PlainLabel(str(self._data_dir))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        row.addWidget(self.folder_label, 1)
        self.open_button = QPushButton(icon("open-external"), self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open the data folder"))
        self.open_button.clicked.connect(self.open_folder)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _licences(self) -> QWidget:
        text = QPlainTextEdit()
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Licences"))
        parts = [
            self.tr(
                "Study Planner is built with Python, Qt for Python (PySide6, LGPL v3), "
                "SQLAlchemy and Alembic (MIT), platformdirs (MIT), python-dateutil (BSD/Apache), "
                "icalendar (BSD) and fpdf2 (LGPL v3). Bundled files and their licences follow."
            ),
            self.tr(
                "Busy time from calendars is read with recurring-ical-events and x-wr-timezone "
                "(LGPL v3 or later)."
            ),
        ]
        for name, licence in licence_texts():
            parts.append(f"── {name} ──\n{licence.strip()}")
        text.setPlainText("\n\n".join(parts))
        self.licences = text
        return text

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._data_dir)))

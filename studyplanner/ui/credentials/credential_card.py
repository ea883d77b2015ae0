"""One credential's open cycle as a card: required, earned and remaining CEUs, status in words
with an icon, days left, the pace needed, every rule check met or not (its source in the
tooltip), the pool it shares a total with, and the grace and lapse dates when overdue."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.ceu_status import CeuStatus, CredentialStatus
from studyplanner.ui.credentials.ceu_check_words import check_words
from studyplanner.ui.credentials.ceu_rule_words import source_plain
from studyplanner.ui.credentials.credentials_model import (
    STATUS_ICONS,
    days_left_words,
    status_word,
)
from studyplanner.ui.shared.colours import is_dark
from studyplanner.ui.shared.formatting import ceus_words, format_date, tr, units_text
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import heading_font
from studyplanner.ui.shared.plain_text import ElidedLabel, PlainLabel

_HUES = {
    CeuStatus.COMPLETE: 0.36,
    CeuStatus.ON_TRACK: 0.36,
    CeuStatus.AT_RISK: 0.11,
    CeuStatus.OVERDUE: 0.0,
}


def status_colour(status: CeuStatus, palette: QPalette) -> QColor:
    """Green, amber or red at a lightness that reads on the palette's window colour."""
    return QColor.fromHslF(_HUES[status], 0.7, 0.62 if is_dark(palette) else 0.36)


def _t(text: str) -> str:
    return tr(text)


def _wrapped(text: str = "") -> QLabel:
    label = PlainLabel(text)
    label.setWordWrap(True)
    return label


class CredentialCard(QFrame):
    edit_requested = Signal(int)  # credential id
    close_requested = Signal(int)  # credential id
    rules_requested = Signal(str)  # rule code

    def __init__(self, status: CredentialStatus, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        s = status
        self.setAccessibleName(
            _t("{label}: {status}").format(label=s.label, status=status_word(s.status))
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(6)
        header = QHBoxLayout()
        self.title = ElidedLabel(s.label)  # a name of up to 40 characters: cut, never wider
        self.title.setFont(heading_font(self.font(), 1.3))
        header.addWidget(self.title, 1)
        subtitle = _wrapped(_t("{name} · {body}").format(name=name, body=s.body))
        self.status_icon = QLabel()
        self.status_word = QLabel(f"<b>{status_word(s.status)}</b>")
        self.status_word.setAccessibleName(status_word(s.status))
        header.addWidget(self.status_icon)
        header.addWidget(self.status_word)
        outer.addLayout(header)
        outer.addWidget(subtitle)
        self.bar = QProgressBar()
        self.bar.setRange(0, max(int(s.required * 100), 1))
        self.bar.setValue(min(int(s.earned * 100), self.bar.maximum()))
        self.bar.setFormat(
            _t("{earned} of {required} CEUs").format(
                earned=units_text(s.earned), required=units_text(s.required)
            )
        )
        self.bar.setAccessibleName(_t("CEUs earned for {label}").format(label=s.label))
        self.bar.setAccessibleDescription(self.bar.format())
        outer.addWidget(self.bar)
        self.figures = _wrapped(self._figures_text())
        outer.addWidget(self.figures)
        self.pace = _wrapped(self._pace_text())
        self.pace.setVisible(bool(self.pace.text()))
        outer.addWidget(self.pace)
        self.check_labels: list[QLabel] = []
        checks = QGridLayout()
        checks.setHorizontalSpacing(6)
        checks.setVerticalSpacing(2)
        checks.setColumnStretch(1, 1)
        self._check_icons: list[tuple[QLabel, bool]] = []
        for row, c in enumerate(s.checks):
            mark = QLabel()
            self._check_icons.append((mark, c.met))
            words = _t("{rule}: {earned} of {required}, {verdict}").format(
                rule=check_words(c),
                earned=units_text(c.earned),
                required=units_text(c.required),
                verdict=_t("met") if c.met else _t("not met"),
            )
            text = _wrapped(words)
            text.setToolTip(source_plain(c.source))
            mark.setToolTip(text.toolTip())
            checks.addWidget(mark, row, 0)
            checks.addWidget(text, row, 1)
            self.check_labels.append(text)
        outer.addLayout(checks)
        self.notes = _wrapped(self._notes_text())
        self.notes.setVisible(bool(self.notes.text()))
        outer.addWidget(self.notes)
        outer.addStretch(1)
        buttons = QHBoxLayout()
        self.edit_button = self._button(
            "edit", _t("&Edit cycle…"), _t("Edit the {label} cycle").format(label=s.label)
        )
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(s.credential_id))
        self.close_button = self._button(
            "close-cycle", _t("Clo&se cycle…"), _t("Close the {label} cycle").format(label=s.label)
        )
        self.close_button.clicked.connect(lambda: self.close_requested.emit(s.credential_id))
        self.rules_button = self._button(
            "sources", _t("R&ules…"), _t("Rules and sources for {label}").format(label=s.label)
        )
        self.rules_button.clicked.connect(lambda: self.rules_requested.emit(s.code))
        buttons.addStretch(1)
        for b in (self.rules_button, self.edit_button, self.close_button):
            buttons.addWidget(b)
        outer.addLayout(buttons)
        self._paint()

    def height_for(self, width: int) -> int:
        """The height the card needs at this width (word-wrapped lines included)."""
        layout = self.layout()
        assert layout is not None
        return layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1

    def _button(self, icon_name: str, text: str, name: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setAccessibleName(name)
        button.setProperty("icon_name", icon_name)
        return button

    def _figures_text(self) -> str:
        s = self.status
        parts = [
            _t("{n} to go").format(n=ceus_words(s.remaining)) if s.remaining else _t("All earned"),
            days_left_words(s.days_left),
            _t("cycle {start} – {end}").format(
                start=format_date(s.cycle_start), end=format_date(s.cycle_end)
            ),
        ]
        return " · ".join(parts)

    def _pace_text(self) -> str:
        s = self.status
        if s.pace_per_month is None or s.status is CeuStatus.COMPLETE:
            return ""
        return _t("Earn {n} a month to finish on time.").format(n=ceus_words(s.pace_per_month))

    def _notes_text(self) -> str:
        s = self.status
        notes = []
        others = [label for label in s.pool if label != s.label]
        if others:
            notes.append(
                _t("Total shared with {others} ({body} counts one total).").format(
                    others=", ".join(others), body=s.body
                )
            )
        if s.needs_user_figure:
            notes.append(
                _t(
                    "Pro-rated first cycle: enter the figure from your {body} account (Edit cycle)."
                ).format(body=s.body)
            )
        elif s.required_from_user:
            notes.append(_t("Required CEUs as you entered them."))
        today = s.cycle_end - timedelta(days=s.days_left)
        if s.grace_ends is not None and s.grace_ends >= today:
            notes.append(_t("Grace period until {date}.").format(date=format_date(s.grace_ends)))
        elif s.grace_ends is not None:
            notes.append(
                _t("The grace period ended on {date}.").format(date=format_date(s.grace_ends))
            )
        if s.lapses_on is not None:
            notes.append(
                _t("Lapses on {date} if still unmet.").format(date=format_date(s.lapses_on))
            )
        if (
            s.submission_opens is not None
            and s.days_left >= 0
            and s.status is not CeuStatus.OVERDUE
        ):
            notes.append(
                _t("Report your CEUs from {date}.").format(date=format_date(s.submission_opens))
            )
        return " ".join(notes)

    def _paint(self) -> None:
        palette = self.palette()
        colour = status_colour(self.status.status, palette)
        self.status_icon.setPixmap(icon(STATUS_ICONS[self.status.status], colour).pixmap(22, 22))
        for mark, met in self._check_icons:
            name = "check" if met else "warning"
            tint = status_colour(CeuStatus.COMPLETE if met else CeuStatus.AT_RISK, palette)
            mark.setPixmap(icon(name, tint).pixmap(16, 16))
        for b in (self.edit_button, self.close_button, self.rules_button):
            b.setIcon(icon(b.property("icon_name")))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()
        super().changeEvent(event)

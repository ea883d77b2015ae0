"""Minutes available per weekday: seven spin boxes, quick presets and a weekly total."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from studyplanner.core.model import MAX_MINUTES_PER_DAY, Availability
from studyplanner.ui.shared.formatting import QT_TRANSLATE_NOOP, format_hours, tr

PRESETS: tuple[tuple[str, tuple[int, int, int, int, int, int, int]], ...] = (
    (QT_TRANSLATE_NOOP("", "Evenings: 1 hour on weekdays"), (60, 60, 60, 60, 60, 0, 0)),
    (
        QT_TRANSLATE_NOOP("", "Evenings and Saturday: 1.5 h weekdays, 4 h Saturday"),
        (90, 90, 90, 90, 90, 240, 0),
    ),
    (QT_TRANSLATE_NOOP("", "Weekends: 4 hours Saturday and Sunday"), (0, 0, 0, 0, 0, 240, 240)),
    (
        QT_TRANSLATE_NOOP("", "Part-time student: 4 h weekdays, 4 h Saturday (24 h)"),
        (240, 240, 240, 240, 240, 240, 0),
    ),
    (
        QT_TRANSLATE_NOOP("", "Full-time student: 7 h weekdays, 6 h Saturday, 4 h Sunday (45 h)"),
        (420, 420, 420, 420, 420, 360, 240),
    ),
)


class AvailabilityEditor(QWidget):
    """Edits an Availability; emits `changed` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Minutes available per weekday"))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        self._preset = QComboBox()
        self._preset.addItem(self.tr("Choose a preset…"))
        for text, _ in PRESETS:
            self._preset.addItem(tr(text))
        self._preset.setAccessibleName(self.tr("Availability preset"))
        self._preset.activated.connect(self._on_preset)
        preset_label = QLabel(self.tr("&Preset:"))
        preset_label.setBuddy(self._preset)
        layout.addWidget(preset_label, 0, 0)
        layout.addWidget(self._preset, 0, 1, 1, 3)
        locale = QLocale()
        self.spins: list[QSpinBox] = []
        for i in range(7):
            day = locale.dayName(i + 1, QLocale.FormatType.LongFormat)
            spin = QSpinBox()
            spin.setRange(0, MAX_MINUTES_PER_DAY)
            spin.setSingleStep(15)
            spin.setSuffix(self.tr(" min"))
            spin.setAccessibleName(self.tr("Minutes on {day}").format(day=day))
            spin.valueChanged.connect(self._on_value)
            label = QLabel(f"&{day}:")
            label.setBuddy(spin)
            row, col = 1 + i % 4, (i // 4) * 2
            layout.addWidget(label, row, col)
            layout.addWidget(spin, row, col + 1)
            self.spins.append(spin)
        self._total = QLabel()
        self._total.setAccessibleName(self.tr("Weekly total"))
        layout.addWidget(self._total, 5, 0, 1, 4)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)
        self._update_total()

    def availability(self) -> Availability:
        return Availability(tuple(s.value() for s in self.spins))  # type: ignore[arg-type]

    def set_availability(self, availability: Availability) -> None:
        for spin, minutes in zip(self.spins, availability.minutes, strict=True):
            spin.blockSignals(True)
            spin.setValue(minutes)
            spin.blockSignals(False)
        self._update_total()
        self.changed.emit()

    def _on_preset(self, index: int) -> None:
        if index <= 0:
            return
        self.set_availability(Availability(PRESETS[index - 1][1]))
        self._preset.setCurrentIndex(0)

    def _on_value(self, _value: int) -> None:
        self._update_total()
        self.changed.emit()

    def _update_total(self) -> None:
        total = sum(s.value() for s in self.spins)
        self._total.setText(self.tr("In total {hours} a week.").format(hours=format_hours(total)))

"""One-click ways to make a plan fit, shown under a verdict that does not fit (the assistant's
summary and the Plan screen's header). Each button previews its fix before anything changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from studyplanner.core.plan_fixes import FixKind
from studyplanner.ui.shared.formatting import format_date, format_hours, tr
from studyplanner.ui.shared.icons import icon

if TYPE_CHECKING:  # the plan services (and the ORM) are not needed to paint the Dashboard
    from studyplanner.services.plan_fixes import PlanFixOffer

FIX_ICONS = {
    FixKind.STUDY_MORE: "clock",
    FixKind.MOVE_TARGET: "calendar",
    FixKind.SPREAD_TERMS: "timeline",
    FixKind.FREE_SATURDAY: "exam",
}


def fix_label(offer: PlanFixOffer) -> str:
    """The button's words: what the fix changes, with its figure."""

    def t(text: str) -> str:
        return tr(text)

    if offer.kind is FixKind.STUDY_MORE:  # what the plan then asks a week, as its tooltip says
        hours = format_hours(offer.preview.schedule.verdict.weekly_minutes_used)
        return t("Study {hours} a week").format(hours=hours)
    if offer.kind is FixKind.MOVE_TARGET:
        return t("Move the target to {date}").format(date=format_date(offer.target, True))
    if offer.kind is FixKind.SPREAD_TERMS:
        if offer.extra_terms == 1:
            return t("Spread over 1 more term (part-time)")
        return t("Spread over {n} more terms (part-time)").format(n=offer.extra_terms)
    return t("Free Saturday for the exam")


def fix_details(offer: PlanFixOffer) -> str:
    """A sentence for the tooltip: what the plan becomes."""
    verdict = offer.preview.schedule.verdict
    finish = format_date(offer.preview.schedule.finish, True)
    return tr("Then it finishes on {date}, studying about {hours} a week.", "PlanFix").format(
        date=finish, hours=format_hours(verdict.weekly_minutes_used)
    )


class FixButtons(QWidget):
    """ "Make it fit:" and a button per fix; `chosen` carries the fix clicked."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Ways to make the plan fit"))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self.tr("Make it fit:"))
        self._layout.addWidget(self.caption)
        self._layout.addStretch(1)
        self.buttons: list[QPushButton] = []
        self.offers: tuple[PlanFixOffer, ...] = ()
        self.hide()

    def set_offers(self, offers: tuple[PlanFixOffer, ...]) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.offers = offers
        for i, offer in enumerate(offers):
            text = fix_label(offer)
            button = QPushButton(icon(FIX_ICONS[offer.kind]), text)
            button.setAccessibleName(text)
            button.setAccessibleDescription(fix_details(offer))
            button.setToolTip(fix_details(offer))
            button.setObjectName(f"fix-{offer.kind.value}")
            button.clicked.connect(lambda _checked=False, o=offer: self.chosen.emit(o))
            self._layout.insertWidget(1 + i, button)
            self.buttons.append(button)
        self.setVisible(bool(offers))

    def button(self, kind: FixKind) -> QPushButton:
        """The button of a kind of fix (KeyError when not offered)."""
        for offer, button in zip(self.offers, self.buttons, strict=True):
            if offer.kind is kind:
                return button
        raise KeyError(kind)

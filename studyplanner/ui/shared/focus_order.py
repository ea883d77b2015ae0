"""Tab order that follows reading order where Qt's default (the order widgets were made) does
not: a wizard's pages are read before its Back, Next and Cancel buttons."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

_WIZARD_BUTTONS = (
    QWizard.WizardButton.HelpButton,
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
)


def wizard_buttons_last(wizard: QWizard) -> None:
    """Move the wizard's buttons (in their row's order) after every widget of its pages, so Tab
    goes down the page first. Call it again when a page built more widgets."""
    buttons = [wizard.button(which) for which in _WIZARD_BUTTONS]
    own = {id(b) for b in buttons}
    last: QWidget | None = None
    seen: set[int] = set()
    widget = wizard.nextInFocusChain()
    while widget is not None and widget is not wizard and id(widget) not in seen:
        seen.add(id(widget))
        takes_tab = widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
        if id(widget) not in own and takes_tab and wizard.isAncestorOf(widget):
            last = widget
        widget = widget.nextInFocusChain()
    if last is None:
        return
    for button in reversed(buttons):  # each goes right after the page: the last goes first
        QWidget.setTabOrder(last, button)


def tab_after(first: QWidget, widgets: Sequence[QWidget]) -> None:
    """Tab goes from `first` through `widgets` in this order (and on to what followed `first`):
    for widgets made later than what is read after them (cards rebuilt above a list)."""
    for widget in widgets:
        QWidget.setTabOrder(first, widget)
        first = widget


def tab_in_order(containers: Sequence[QWidget]) -> None:
    """Tab goes through the containers one after the other (each one's controls in their own
    order): for parts rebuilt later than the parts read after them (a card's rows)."""
    widgets: list[QWidget] = []
    for container in containers:
        seen: set[int] = set()
        widget = container.nextInFocusChain()
        while widget is not None and widget is not container and id(widget) not in seen:
            seen.add(id(widget))
            takes_tab = widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            if takes_tab and container.isAncestorOf(widget):
                widgets.append(widget)
            widget = widget.nextInFocusChain()
    if widgets:
        tab_after(widgets[0], widgets[1:])

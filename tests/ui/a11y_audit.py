"""What the accessibility test checks on one screen or dialog: every visible interactive control
has a name (its own accessible name, a button's text, or a QLabel buddy, as Qt derives it), can
take focus by Tab, and Tab moves through the controls in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, ClassVar

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from studyplanner.ui.shared.colours import contrast_ratio, over

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QSlider,
    QTextEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
)
COMPOSITE = (QAbstractSpinBox, QComboBox, QTabBar, QCalendarWidget, QAbstractItemView)
"""Controls made of controls: their parts are theirs (a spin box's line edit, a tab bar's scroll
arrows, a calendar's month buttons, a table's headers), named and reached through the whole."""
TOLERANCE = 4
"""Pixels: controls on one row may differ this much in their top edge."""


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def _interactive(widget: QWidget) -> bool:
    """A standard control, a calendar, or one of the app's own widgets that takes focus (the
    timeline)."""
    own = type(widget).__module__.startswith("studyplanner.") and takes_tab_focus(widget)
    return isinstance(widget, (*INTERACTIVE, QCalendarWidget)) or own


def controls(root: QWidget) -> list[QWidget]:
    """The interactive controls the user sees in `root` (in creation order)."""
    return [
        w
        for w in root.findChildren(QWidget)
        if _interactive(w) and w.isVisible() and not _inside_composite(w, root)
    ]


def name_of(widget: QWidget) -> str:
    """The name a screen reader announces (as Qt derives it for these controls)."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text().replace("&", "").strip()
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().replace("&", "").strip():
            return label.text().replace("&", "").strip()
    return ""


def describe(widget: QWidget) -> str:
    parts = [type(widget).__name__]
    if isinstance(widget, QAbstractButton) and widget.toolTip():
        parts.append(f"tooltip={widget.toolTip()!r}")
    parent = widget.parentWidget()
    path = []
    while parent is not None and len(path) < 3:
        path.append(parent.accessibleName() or type(parent).__name__)
        parent = parent.parentWidget()
    return f"{' '.join(parts)} in {' / '.join(path)}"


def takes_tab_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def reachable_by_tab(widget: QWidget) -> bool:
    """Tab reaches it; in a group of radio buttons Tab reaches the group (its checked button,
    as Qt does) and the arrow keys move within it."""
    if takes_tab_focus(widget):
        return True
    if isinstance(widget, QRadioButton):
        group = widget.group()
        peers = group.buttons() if group is not None else []
        return any(takes_tab_focus(b) for b in peers if b.isVisible() and b.isEnabled())
    return False


def tab_chain(root: QWidget) -> list[QWidget]:
    """The controls of `root` in the order Tab visits them (visible, enabled, Tab-focusable)."""
    wanted = {id(w): w for w in controls(root) if w.isEnabled() and takes_tab_focus(w)}
    chain: list[QWidget] = []
    seen: set[int] = set()
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        if id(widget) in wanted:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _rect(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root.window(), widget.rect().topLeft()), widget.size())


def _path(widget: QWidget, root: QWidget) -> list[QWidget]:
    path = [widget]
    while path[-1] is not root and path[-1].parentWidget() is not None:
        path.append(path[-1].parentWidget())  # type: ignore[arg-type]
    return path


def branches(a: QWidget, b: QWidget, root: QWidget) -> tuple[QWidget, QWidget]:
    """The two children of a's and b's nearest common ancestor that hold them: what is compared
    for reading order (a card, a scrolled list), so a control scrolled out of its area's view
    counts where its area is, not where it would be drawn."""
    path_a, path_b = _path(a, root), _path(b, root)
    ids_b = {id(w) for w in path_b}
    at = next(i for i, w in enumerate(path_a) if id(w) in ids_b)
    common = path_a[at]
    at_b = next(i for i, w in enumerate(path_b) if w is common)
    branch_a = path_a[at - 1] if at > 0 else a
    branch_b = path_b[at_b - 1] if at_b > 0 else b
    return branch_a, branch_b


def goes_back(before: QRect, after: QRect) -> bool:
    """True when `after` comes before `before` in reading order: above it and not in a column
    to its right (a wrap to the next column or section is forward), or on its row and left."""
    above = after.bottom() < before.top() + TOLERANCE
    same_row = abs(after.top() - before.top()) <= TOLERANCE
    if above:  # forward only into a column that starts right of the control before
        return after.left() < before.right() - TOLERANCE
    return same_row and after.right() < before.left()


@dataclass
class Findings:
    unnamed: set[str] = field(default_factory=set)
    unfocusable: set[str] = field(default_factory=set)
    out_of_order: set[str] = field(default_factory=set)
    seen: list[str] = field(default_factory=list)

    def audit(self, where: str, root: QWidget) -> None:
        self.seen.append(where)
        for widget in controls(root):
            if not name_of(widget):
                self.unnamed.add(f"{where}: {describe(widget)}")
            if widget.isEnabled() and not reachable_by_tab(widget):
                self.unfocusable.add(f"{where}: {name_of(widget) or describe(widget)}")
        chain = tab_chain(root)
        for a, b in pairwise(chain):
            branch_a, branch_b = branches(a, b, root)
            if goes_back(_rect(branch_a, root), _rect(branch_b, root)):
                self.out_of_order.add(
                    f"{where}: {name_of(a) or describe(a)} -> {name_of(b) or describe(b)}"
                )

    def report(self) -> str:
        lines = []
        for title, items in (
            ("no accessible name", self.unnamed),
            ("not reachable by Tab", self.unfocusable),
            ("Tab goes back against reading order", self.out_of_order),
        ):
            lines += [f"{title}:", *sorted(f"  {i}" for i in items)]
        return "\n".join(lines)


@dataclass
class PaintRecord:
    """The solid shapes a painter filled and the texts it drew, with their colours."""

    fills: list[tuple[QRectF, QColor]] = field(default_factory=list)
    texts: list[tuple[str, QPointF, QColor]] = field(default_factory=list)

    def background_at(self, point: QPointF) -> QColor:
        """The colour under a point: the fills over it in the order painted, translucent ones
        blended over what was below."""
        colour = QColor(255, 255, 255)
        for rect, fill in self.fills:
            if rect.contains(point):
                colour = over(fill, colour)
        return colour

    def contrasts(self) -> list[tuple[str, float]]:
        """Each text with its contrast against what is under its middle."""
        result = []
        for text, point, pen in self.texts:
            background = self.background_at(point)
            result.append((text, contrast_ratio(over(pen, background), background)))
        return result


class RecordingPainter(QPainter):
    """A QPainter that records (in `records`) the solid shapes it fills and the text it draws,
    so a test can tell which colour each text was drawn on."""

    records: ClassVar[list[PaintRecord]] = []

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.record = PaintRecord()
        RecordingPainter.records.append(self.record)

    def fillRect(self, rect: Any, fill: Any) -> None:  # type: ignore[override]
        brush = fill if isinstance(fill, QBrush) else QBrush(QColor(fill))
        if brush.style() == Qt.BrushStyle.SolidPattern:
            area = self.transform().mapRect(QRectF(rect))
            self.record.fills.append((area, brush.color()))
        super().fillRect(rect, fill)

    def drawRoundedRect(self, rect: Any, *args: Any) -> None:  # type: ignore[override]
        if self.brush().style() == Qt.BrushStyle.SolidPattern:
            area = self.transform().mapRect(QRectF(rect))
            self.record.fills.append((area, self.brush().color()))
        super().drawRoundedRect(rect, *args)

    def drawText(self, *args: Any) -> None:  # type: ignore[override]
        metrics = self.fontMetrics()
        if len(args) == 3 and isinstance(args[0], (QRect, QRectF)):
            rect, flags, text = args
            middle = QRectF(self.boundingRect(QRectF(rect), int(flags), text)).center()
        else:
            x, y, text = args
            middle = QPointF(x + metrics.horizontalAdvance(text) / 2, y - metrics.ascent() / 2)
        self.record.texts.append((text, self.transform().map(middle), self.pen().color()))
        super().drawText(*args)

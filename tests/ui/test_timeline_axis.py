"""The timeline's month labels never collide, at any width and any span: a month step wide
enough for a label, and no label drawn over the one before."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from studyplanner.core.model import ModuleKind
from studyplanner.ui.plan.timeline_view import TimelineRow, TimelineView

TODAY = date(2026, 10, 5)


@pytest.mark.parametrize("months", [2, 7, 14, 26, 40, 60])
@pytest.mark.parametrize("width", [520, 800, 1366, 2560])
def test_month_labels_never_collide(qtbot: QtBot, months: int, width: int) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    end = TODAY + timedelta(days=months * 30)
    view.set_rows([TimelineRow("Module", ModuleKind.LESSON, TODAY, end, 600, False)], TODAY)
    view.resize(width, 300)
    marks = view.axis_marks()
    fm = QFontMetrics(view.font())
    labelled = [(x, label) for x, label in marks if label]
    assert labelled, (months, width)  # the axis says where it is
    for (x1, first), (x2, _second) in pairwise(labelled):
        assert x1 + 3 + fm.horizontalAdvance(first) < x2 + 3, (first, _second, width)
    assert all(x + 3 + fm.horizontalAdvance(label) <= width for x, label in labelled)
    assert any(ch.isdigit() for ch in labelled[0][1])  # the first label says its year

"""Every text the timeline paints (titles, hours on bars, months, terms, today, target, a selected
row) reaches 4.5:1 against what it is painted on, in a light palette and a dark one; measured on
the colours really used while painting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from studyplanner.core.model import ModuleKind, Term
from studyplanner.ui.plan.timeline_panel import TimelinePanel
from studyplanner.ui.plan.timeline_view import TimelineRow
from studyplanner.ui.shared.colours import contrast_ratio, readable, text_on

TODAY = date(2026, 10, 5)
ROLE = QPalette.ColorRole


def _palette(colours: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    for role in (ROLE.WindowText, ROLE.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


LIGHT = _palette(
    {ROLE.Window: "#efefef", ROLE.WindowText: "#000000", ROLE.Base: "#ffffff",
     ROLE.AlternateBase: "#f7f7f7", ROLE.Text: "#000000", ROLE.Button: "#efefef",
     ROLE.ButtonText: "#000000", ROLE.Highlight: "#308cc6", ROLE.HighlightedText: "#ffffff",
     ROLE.Mid: "#b8b8b8"},
    "#bebebe",
)  # fmt: skip
DARK = _palette(
    {ROLE.Window: "#353535", ROLE.WindowText: "#ececec", ROLE.Base: "#2a2a2a",
     ROLE.AlternateBase: "#323232", ROLE.Text: "#ececec", ROLE.Button: "#3c3c3c",
     ROLE.ButtonText: "#ececec", ROLE.Highlight: "#2a82da", ROLE.HighlightedText: "#ffffff",
     ROLE.Mid: "#5a5a5a"},
    "#6e6e6e",
)  # fmt: skip


def test_contrast_ratio_follows_wcag() -> None:
    black, white = QColor("#000000"), QColor("#ffffff")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, black) == pytest.approx(21.0)
    assert contrast_ratio(white, white) == pytest.approx(1.0)
    assert contrast_ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(QColor("#777777"), white) < 4.5
    for grey in range(0, 256, 5):  # black or white text reads on anything
        assert (
            contrast_ratio(text_on(QColor(grey, 255 - grey, grey)), QColor(grey, 255 - grey, grey))
            >= 4.5
        )
    shade = readable(QColor("#308cc6"), white)  # the light accent is too pale for text ...
    assert contrast_ratio(QColor("#308cc6"), white) < 4.5 <= contrast_ratio(shade, white)
    assert abs(shade.hslHueF() - QColor("#308cc6").hslHueF()) < 0.02  # ... its darker shade is


def _rows() -> list[TimelineRow]:
    rows, day = [], TODAY - timedelta(days=60)
    for i, kind in enumerate(list(ModuleKind) * 3):
        due = day + timedelta(days=40)
        rows.append(TimelineRow(f"Module {i + 1}: {kind.value}", kind, day, due, 3000, i < 5))
        day = due + timedelta(days=1)
    return rows


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_the_timeline_paints_reaches_4_5_to_1(qtbot: QtBot, palette: QPalette) -> None:
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.setPalette(palette)
    terms = tuple(
        Term(n + 1, TODAY + timedelta(days=150 * n), TODAY + timedelta(days=150 * n + 110))
        for n in range(4)
    )
    rows = _rows()
    target = rows[-1].due
    assert target is not None
    panel.view.set_rows(rows, TODAY, target + timedelta(days=20), terms=terms)
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.view.select_row(6)
    area = panel.area
    area.view.grab()
    area.header.grab()
    painted = area.view.text_log.painted + area.header.text_log.painted
    texts = {text for text, _colour, _background in painted}
    assert {"Today", "Target", "Term 1", "Term 2", "Module 7: course"} <= texts
    assert "50 h" in texts and any("2026" in text for text in texts)
    backgrounds = {background.rgb() for _text, _colour, background in painted}
    assert len(backgrounds) >= 4  # base, alternate rows, the selected row, term bands, bars
    for text, colour, background in painted:
        ratio = contrast_ratio(colour, background)
        assert ratio >= 4.5, (text, colour.name(), background.name(), round(ratio, 2))

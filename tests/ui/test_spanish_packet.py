"""The audit packet follows the app's language: exported from the Credentials screen of the
app in Spanish, its headings, labels, table headers, dates and sentences are Spanish (read back
with pdftotext); the English app writes the command line's packet, word for word."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.bundled import credential_rules
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as service
from studyplanner.services.audit_words import ENGLISH, PacketWords
from studyplanner.services.database import Database
from studyplanner.ui.credentials.credentials_screen import CredentialsScreen
from studyplanner.ui.credentials.packet_words import packet_words
from studyplanner.ui.shared.formatting import format_date
from studyplanner.ui.window.language import Translation, install_language, shown_language

CPC_EARNED, CPC_RENEWAL = date(2025, 4, 10), date(2027, 3, 31)
CPMA_EARNED = date(2025, 5, 20)


@pytest.fixture
def spanish() -> Iterator[Translation]:
    installed = install_language("es")
    assert shown_language() == "es"
    yield installed
    installed.remove()
    assert shown_language() == "en"


@pytest.fixture
def holder(db: Database, today: date, tmp_path: Path) -> Database:
    """CPC and CPMA sharing one total, two activities applied to both (one with its
    certificate) and one pending quota (CPMA's auditing CEUs)."""
    cpc = service.add_credential(db, "CPC", CPC_EARNED, today, renewal_on=CPC_RENEWAL)
    cpma = service.add_credential(db, "CPMA", CPMA_EARNED, today)
    certificate = tmp_path / "webinar.pdf"
    certificate.write_bytes(b"%PDF-1.4\n% certificate\n")
    for n, cert in enumerate((certificate, None)):
        data = acts.ActivityInput(date(2026, 3, 2 + n), f"Webinar {n}", Decimal("1.5"), "coding",
                                  provider="AAPC", certificate=cert)  # fmt: skip
        applied = [(cpc.current.id, Decimal("1.5")), (cpma.current.id, Decimal("1.5"))]
        acts.add_activity(db, data, applied, today)
    return db


def _export(qtbot: QtBot, db: Database, today: date, out: Path, monkeypatch: Any) -> Path:
    screen = CredentialsScreen(db, lambda: today)
    qtbot.addWidget(screen)
    screen.show()
    asked: list[str] = []

    def choose_path(_title: str, name: str, _kind: str) -> Path:
        asked.append(name)
        return out / name

    monkeypatch.setattr(screen.exports, "choose_path", choose_path)
    action = next(a for a in screen.exports.packet_menu.actions() if a.text().startswith("CPC"))
    with qtbot.waitSignal(screen.exports.finished, timeout=30_000) as finished:
        action.trigger()
    assert finished.args[1] is True, finished.args[0]
    assert screen.exports.runner.wait(5000)
    return out / asked[0]


def _fixed_words(words: PacketWords) -> set[str]:
    """The literal pieces (4 letters or more) of every text of `words`: a template's words
    between its {placeholders}, each line of a two-line heading."""
    pieces = set()
    for name, value in ((f.name, getattr(words, f.name)) for f in dataclasses.fields(words)):
        if not isinstance(value, str) or name == "language":
            continue
        for piece in re.split(r"\{[^}]*\}|\n|_+", value):
            piece = piece.strip(" .:();")
            if len(re.sub(r"\W", "", piece)) >= 4:
                pieces.add(piece)
    return pieces


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_packet_of_the_spanish_app_is_spanish(
    spanish: Translation, qtbot: QtBot, holder: Database, today: date, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, pdf_to_text: Callable[..., str],
) -> None:  # fmt: skip
    pdf = _export(qtbot, holder, today, tmp_path, monkeypatch)

    assert pdf.name == "CPC-paquete-auditoria-2027-03-31.pdf"
    text = " ".join(pdf_to_text(pdf).split())  # lines of a wrapped cell joined
    for expected in [
        "Informe de auditoría de CEU",
        "Organismo certificador",
        "Obtenida el " + format_date(CPC_EARNED),
        "Ciclo de CEU del ",
        "Informe generado " + format_date(today),
        "Comparten el total de CEU CPC, CPMA",
        "Nombre del titular / n.º de miembro",
        "Resumen",
        "Requeridos 40 CEU",
        "Obtenidos " + "3 CEU",
        "Faltan 37 CEU",
        "Estado En riesgo (quedan 124 días)",
        "CPC, CPMA comparten un total",
        "Para terminar a tiempo:",
        "Comprobación de las reglas",
        "Regla Requeridos Obtenidos Cumplida Fuente Revisada",
        "40 CEU en el ciclo",
        "Actividades aplicadas a este ciclo",
        "Fecha Título Proveedor",
        "N.º de índice / aprobación",
        "Unidades aplicadas Unidades contadas",
        "Certificado (archivo en el zip)",
        "No cuenta porque",
        format_date(date(2026, 3, 2)) + " Webinar 0",
        "falta",
        "Total: 2 actividades",
        "1 de 2 archivados",
        "Contado para el total del ciclo: 3 de 40 CEU requeridos (compartido por CPC, CPMA).",
        "1 actividad no tiene certificado archivado (marcada «falta»).",
        "Declaro que completé las actividades",
        "Firma:",
        "Página 1 de",
    ]:
        assert expected in text, expected
    data = " ".join(_strings(credential_rules()))
    english_left = sorted(
        piece
        for piece in _fixed_words(ENGLISH)
        if piece in text and piece not in data and piece not in {"Total", "Webinar"}
    )
    assert english_left == []
    assert "2026-03-02 Webinar" not in text  # dates as the app shows them, not ISO


def test_every_word_of_the_packet_is_translated(spanish: Translation) -> None:
    words = packet_words()
    assert words.language == "es"
    untranslated = [
        f.name
        for f in dataclasses.fields(words)
        if isinstance(getattr(words, f.name), str)
        and getattr(words, f.name) == getattr(ENGLISH, f.name)
        and f.name not in {"no", "language", "list_separator"}
    ]
    assert untranslated == []
    placeholders = re.compile(r"\{\w+\}")
    for f in dataclasses.fields(words):
        value = getattr(words, f.name)
        if isinstance(value, str):
            english = getattr(ENGLISH, f.name)
            assert sorted(placeholders.findall(value)) == sorted(placeholders.findall(english))


def test_the_english_app_writes_the_command_lines_packet(
    qtbot: QtBot, holder: Database, today: date, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, pdf_to_text: Callable[..., str],
) -> None:  # fmt: skip
    from studyplanner.services.ceu_export import write_audit_packet

    assert shown_language() == "en"
    assert packet_words() is ENGLISH
    gui = _export(qtbot, holder, today, tmp_path, monkeypatch)
    cli = write_audit_packet(holder, "CPC", tmp_path / "cli.pdf", today).pdf

    assert gui.name == "CPC-audit-packet-2027-03-31.pdf"
    assert pdf_to_text(gui) == pdf_to_text(cli)
    text = " ".join(pdf_to_text(gui).split())
    for expected in ["CEU audit report", "Summary", "Rule checks", "2026-03-02 Webinar 0",
                     "Total: 2 activities", "1 activity has no certificate on file",
                     "Page 1 of"]:  # fmt: skip
        assert expected in text, expected


def test_the_calendar_of_the_spanish_app_names_its_events_in_spanish(
    spanish: Translation, qtbot: QtBot, holder: Database, today: date, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, create_cpc_plan: Any,
) -> None:  # fmt: skip
    from icalendar import Calendar
    from PySide6.QtCore import Qt

    from studyplanner.ui.settings.calendar_export_panel import CalendarExportPanel
    from studyplanner.ui.shared.formatting import qdate

    create_cpc_plan(holder, today)
    panel = CalendarExportPanel(holder, lambda: today)
    qtbot.addWidget(panel)
    panel.show()
    target = tmp_path / "plan.ics"
    monkeypatch.setattr(CalendarExportPanel, "choose_file", staticmethod(lambda *_a: target))
    panel.export_to.setDate(qdate(date(2027, 6, 1)))
    with qtbot.waitSignal(panel.action.ended, timeout=30_000):  # written on the worker
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)

    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    summaries = [str(e["summary"]) for e in events]
    notes = " ".join(str(e.get("description", "")) for e in events)
    assert any(s.startswith("Estudio: ") for s in summaries)
    assert "CPC: termina el ciclo de CEU" in summaries
    assert "Renovación de la membresía de AAPC" in summaries
    assert "minutos previstos para" in notes
    assert "Envíe sus CEU a AAPC a más tardar este día: 40 requeridos, 3 obtenidos" in notes
    english = re.compile(r"Study:|Exam:|CEU cycle ends|membership renewal|minutes planned|Submit")
    assert [s for s in summaries if english.search(s)] == []
    assert not english.search(notes)

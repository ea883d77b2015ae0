"""Stored text (as an imported archive may bring it) never drives the terminal: every text the
command line prints shows control characters as escapes; JSON carries the exact stored text."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyplanner.cli.main import main
from studyplanner.cli.output import json_text, terminal_text

TODAY = "2026-11-27"
NASTY = "\x1b[31mred\x1b]0;retitled\x07\x9b2J\x00\r\x7f\x85end"
"""ESC sequences (colour, window title), BEL, CSI as C1, NUL, CR, DEL, NEL."""
STORED = {
    "tracks": ["name"],
    "modules": ["title"],
    "study_sessions": ["note"],
    "ceu_activities": ["title", "provider", "note", "certificate_name"],
    "credentials": ["label", "note"],
}


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]


@given(st.text())
def test_terminal_text_leaves_no_control_character(text: str) -> None:
    shown = terminal_text(text)
    assert _raw_controls(shown) == []
    assert terminal_text(text, one_line=True).isprintable()
    if not _raw_controls(text):
        assert shown == text  # ordinary text (line breaks, tabs, any script) is left alone


@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))  # fmt: skip
def test_json_text_is_json_of_the_same_value_without_raw_controls(payload: object) -> None:
    body = json_text(payload)
    assert json.loads(body) == payload
    assert [c for c in _raw_controls(body) if c != "\n"] == []


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A plan, a session, a credential and a CEU activity whose texts then hold NASTY."""
    folder = tmp_path / "data"
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"%PDF-1.4\n")
    for argv in (
        ["plan", "create", "--track", "cpc-certificate-program", "--start", "2026-11-02",
         "--hours-per-week", "10", "--today", TODAY],
        ["log", "--module", "1", "--date", "2026-11-03", "--minutes", "30", "--note", "n",
         "--today", TODAY],
        ["credential", "add", "CPC", "--earned", "2025-01-02", "--today", TODAY],
        ["ceu", "add", "--date", "2026-11-04", "--units", "1", "--title", "t", "--provider", "p",
         "--credential", "CPC", "--certificate", str(cert), "--today", TODAY],
    ):  # fmt: skip
        assert main(["--data-dir", str(folder), *argv]) == 0, argv
    conn = sqlite3.connect(folder / "studyplanner.sqlite3")
    with conn:
        for table, columns in STORED.items():
            sets = ", ".join(f"{c} = {c} || ?" for c in columns)
            conn.execute(f"UPDATE {table} SET {sets}", [NASTY] * len(columns))
    conn.close()
    return folder


TEXT_COMMANDS = [
    ["plan", "show", "--today", TODAY], ["remind", "--today", TODAY], ["credential", "list"],
    ["ceu", "status", "--today", TODAY], ["progress", "--today", TODAY],
    ["log", "--module", "1", "--date", "2026-11-05", "--minutes", "5", "--today", TODAY],
    ["plan", "replan", "--hours-per-week", "9", "--today", TODAY],
]  # fmt: skip


@pytest.mark.parametrize("argv", TEXT_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_text_output_escapes_stored_control_characters(
    data: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(data), *argv]) == 0
    out, err = capsys.readouterr()
    assert _raw_controls(out + err) == []
    shown = "\\x1b[31mred\\x1b]0;retitled\\x07\\x9b2J\\x00\\r\\x7f\\x85end"
    assert argv[0] == "progress" or shown in out  # progress shows no stored text


@pytest.mark.parametrize("argv", [["plan", "show", "--today", TODAY], ["credential", "list"]])
def test_json_output_carries_the_exact_stored_text(
    data: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(data), *argv, "--json"]) == 0
    out = capsys.readouterr().out
    assert [c for c in _raw_controls(out) if c != "\n"] == []
    payload = json.loads(out)
    if argv[0] == "plan":
        assert payload["track"]["name"].endswith(NASTY)
        assert payload["modules"][0]["title"].endswith(NASTY)
    else:
        assert payload[0]["label"] == "CPC" + NASTY

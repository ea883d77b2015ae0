"""The resource accessor: every named icon, the track templates and the credential rules."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from importlib import resources
from typing import Any

import pytest

from studyplanner import bundled

SVG = "{http://www.w3.org/2000/svg}"
ICONS = (
    "dashboard", "plan", "modules", "study-log", "credentials", "settings", "add", "remove",
    "up", "down", "edit", "check", "warning", "error", "calendar", "timeline", "wizard",
    "day-off", "clock", "book", "exam", "externship", "lesson", "app", "info", "refresh",
    # the Credentials & CEUs screen
    "certificate", "choose-file", "close-cycle", "complete", "export", "open-external",
    "sources", "spreadsheet",
    # reminders, the tray and Settings
    "reminders", "dismiss", "snooze", "undo", "urgent", "calendar-export", "open-window", "quit",
)  # fmt: skip


def test_exactly_the_named_icons_are_bundled() -> None:
    assert bundled.icon_names() == tuple(sorted(ICONS))


@pytest.mark.parametrize("name", ICONS)
def test_icon_is_a_recolourable_svg(name: str) -> None:
    svg = bundled.icon_svg(name)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 24 24"
    assert root.get("stroke") == "currentColor"
    assert root.get("fill") == "none"
    assert len(root) > 0
    # no fixed colour anywhere: the GUI recolours currentColor to the palette
    for element in root.iter():
        for attribute in ("stroke", "fill"):
            assert element.get(attribute) in (None, "none", "currentColor"), (name, element)
    assert "lucide" in (root.get("class") or "")  # the set named in the licence


@pytest.mark.parametrize("name", ["nope", "../README", "icons/add", "", "add.svg"])
def test_unknown_icon_is_a_key_error(name: str) -> None:
    with pytest.raises(KeyError):
        bundled.icon_svg(name)


def test_lucide_licence_ships_beside_the_icons() -> None:
    root = resources.files("studyplanner.resources")
    licence = (root / "icons" / "LICENSE-lucide.txt").read_text(encoding="utf-8")
    assert licence.startswith("ISC License")
    assert "Lucide" in licence
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "LICENSE-lucide.txt" in readme and "ISC" in readme


def test_the_report_fonts_ship_with_their_licences() -> None:
    """The audit PDF's fonts (DejaVu Sans Condensed, Droid Sans Fallback) are real TrueType
    files in resources/fonts/, each with its licence beside it and named in the README."""
    root = resources.files("studyplanner.resources")
    folder = root / "fonts"
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".ttf"))
    assert names == sorted(bundled.FONT_FILES)
    for name in bundled.FONT_FILES:
        path = bundled.font_file(name)
        assert path.is_file()
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType outline font
    dejavu = (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in dejavu and "Arev Fonts Copyright" in dejavu
    droid = (folder / "LICENSE-DroidSansFallback.txt").read_text(encoding="utf-8")
    assert "Apache License" in droid and "Version 2.0, January 2004" in droid
    assert "Google" in droid
    readme = (root / "README.md").read_text(encoding="utf-8")
    for licence in ("LICENSE-DejaVu.txt", "LICENSE-DroidSansFallback.txt", "Apache"):
        assert licence in readme


@pytest.mark.parametrize("name", ["nope.ttf", "../README.md", "fonts/DejaVuSansCondensed.ttf"])
def test_unknown_font_is_a_key_error(name: str) -> None:
    with pytest.raises(KeyError):
        bundled.font_file(name)


def test_templates_load_in_order_and_are_cached() -> None:
    templates = bundled.load_track_templates()
    assert [t.id for t in templates] == [
        "cpc-certificate-program",
        "cca-facility-coding-program",
        "cpc-exam-prep-experienced",
        "ccs-exam-prep",
        "associate-degree-hit",
    ]
    assert templates[0].program_label == "certification programs"
    assert templates[-1].terms is not None
    assert bundled.load_track_templates() is templates
    assert bundled.track_template("ccs-exam-prep") is templates[3]


def test_unknown_template_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        bundled.track_template("cpc-in-a-weekend")


def test_the_accessor_starts_light() -> None:
    """The CLI imports it: no Qt, no SQLAlchemy, nothing of the store."""
    probe = (
        "import sys, studyplanner.bundled as b; b.load_track_templates(); b.icon_svg('app');"
        "b.credential_rules();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('PySide6', 'shiboken6', 'sqlalchemy', 'alembic') or m.startswith('studyplanner.store')"
        " or m.startswith('studyplanner.ui')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


# --- credential rules --------------------------------------------------------------------------


def _rules() -> dict[str, Any]:
    return bundled.credential_rules()


def _body(code: str) -> dict[str, Any]:
    (body,) = [b for b in _rules()["bodies"] if b["code"] == code]
    assert isinstance(body, dict)
    return body


def _rule_objects(value: Any) -> list[dict[str, Any]]:
    """Every object in the rules that cites sources (a rule, a body, a credential)."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        if "sources" in value:
            found.append(value)
        for v in value.values():
            found.extend(_rule_objects(v))
    elif isinstance(value, list):
        for v in value:
            found.extend(_rule_objects(v))
    return found


def test_every_rule_has_sources_a_checked_date_and_a_verify_flag() -> None:
    rules = _rules()
    assert rules["format"] == 1
    objects = _rule_objects(rules)
    assert len(objects) > 40
    for obj in objects:
        assert obj["sources"] and all(isinstance(s, str) and s for s in obj["sources"]), obj
        assert date.fromisoformat(obj["checked"]) <= date(2026, 11, 27), obj
        if obj not in rules["bodies"]:
            assert isinstance(obj["verify"], bool), obj


def test_aapc_totals_by_number_of_credentials() -> None:
    aapc = _body("AAPC")
    assert (aapc["cycle_years"], aapc["cycle_anchor"]) == (2, "membership_expiration_date")
    totals = aapc["totals"]
    assert totals["rule"] == "table_by_count"
    assert [(r["credentials"], r["ceus"]) for r in totals["table"]] == [
        (1, 36), (2, 40), (3, 44), (4, 48), (5, 52),
    ]  # fmt: skip
    assert totals["table"][-1]["or_more"] is True
    assert aapc["shares"] == []
    assert aapc["submission"]["window_days_before_due"] == 30
    assert aapc["grace_and_lapse"]["grace_days"] == 30
    assert aapc["grace_and_lapse"]["lapse_days"] == 90


def _ahima_total(ceus: list[int], totals: dict[str, Any]) -> int:
    return int(min(max(ceus) + totals["per_additional"] * (len(ceus) - 1), totals["max"]))


def test_ahima_totals_rule_reproduces_ahimas_own_examples() -> None:
    ahima = _body("AHIMA")
    assert (ahima["cycle_years"], ahima["cycle_anchor"]) == (2, "exam_pass_date")
    totals = ahima["totals"]
    assert (totals["rule"], totals["per_additional"], totals["max"]) == (
        "highest_plus_per_additional", 10, 50,
    )  # fmt: skip
    ceus = {c["code"]: c["ceus"] for c in _rules()["credentials"] if c["body"] == "AHIMA"}
    assert totals["examples"]
    for example in totals["examples"]:
        assert _ahima_total([ceus[c] for c in example["credentials"]], totals) == example["ceus"]


def test_ahima_shares_and_lapse() -> None:
    ahima = _body("AHIMA")
    shares = {s["category"]: s for s in ahima["shares"]}
    assert shares["hiim_domain"]["min_share"] == 0.8
    assert shares["hiim_domain"]["effective_from"] is None
    assert shares["ahima_or_component_source"]["min_share"] == 0.4
    assert shares["ahima_or_component_source"]["effective_from"] == "2025-01-01"
    lapse = ahima["grace_and_lapse"]
    assert (lapse["grace_days"], lapse["lapse_days"]) == (0, 180)


AAPC_CODES = [
    "CPC",
    "CPC-A",
    "COC",
    "CIC",
    "CRC",
    "CPB",
    "CPMA",
    "CPCO",
    "CPPM",
    "CDEO",
    "CPC-P",
    "CIRCC",
    "SPECIALTY",
]
CEUS = {
    **dict.fromkeys(AAPC_CODES, 36),
    **dict.fromkeys(["CCA", "CCS", "CCS-P", "RHIT"], 20),
    **dict.fromkeys(["RHIA", "CDIP", "CHDA", "CHPS"], 30),
}
QUOTAS = {
    "CPMA": ("auditing", 16),
    "CPCO": ("compliance", 16),
    "CPPM": ("practice_management", 16),
    "CDEO": ("documentation", 16),
    "CIRCC": ("interventional_radiology_cardiovascular", 16),
    "SPECIALTY": ("specialty_specific", 8),
}


def test_every_credential_with_its_ceus_and_quota() -> None:
    credentials = {c["code"]: c for c in _rules()["credentials"]}
    assert credentials.keys() == CEUS.keys()
    for code, c in credentials.items():
        assert c["ceus"] == CEUS[code], code
        assert c["body"] in ("AAPC", "AHIMA") and c["name"]
        quota = c["quota"]
        if code in QUOTAS:
            assert (quota["category"], quota["units"]) == QUOTAS[code]
        else:
            assert quota is None, code
    verify = {code for code, c in credentials.items() if c["verify"]}
    assert verify == {"CPC-A", "CPC-P", "SPECIALTY"}
    assert [r["by"] for r in credentials["RHIT"]["other_rules"]] == ["RHIA"]
    (self_review,) = credentials["CCS"]["other_rules"]
    assert self_review["active"] is False and self_review["ended"] == "2021-01-01"


def test_credential_rules_are_a_fresh_copy_each_time() -> None:
    first = bundled.credential_rules()
    first["bodies"].clear()
    assert bundled.credential_rules()["bodies"]

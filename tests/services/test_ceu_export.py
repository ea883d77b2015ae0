"""The auditor's exports against a real database: the CSV of every activity, and one credential
cycle's packet (PDF report and renamed certificates), including cancelling and odd characters."""

from __future__ import annotations

import csv
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from studyplanner.core.validation import InvalidInput
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as cr
from studyplanner.services.audit_pdf import MARKER, pdf_text
from studyplanner.services.ceu_export import (
    CSV_COLUMNS,
    AuditPacket,
    ExportCancelled,
    write_activities_csv,
    write_audit_packet,
)
from studyplanner.services.database import Database, open_database

TODAY = date(2026, 11, 27)
CERTIFICATE = b"%PDF-1.4 a tiny certificate\n%%EOF\n"


@dataclass(frozen=True)
class Setup:
    db: Database
    cpc: cr.CredentialInfo
    cpma: cr.CredentialInfo
    ccs: cr.CredentialInfo
    webinar: acts.ActivityInfo
    early: acts.ActivityInfo
    privacy: acts.ActivityInfo


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _certificate(folder: Path, name: str, content: bytes = CERTIFICATE) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


@pytest.fixture
def setup(db: Database, tmp_path: Path) -> Setup:
    """Two AAPC credentials sharing a total (CPC, CPMA), one AHIMA credential (CCS), and three
    activities: one with a certificate applied to both AAPC credentials, one done before CPMA
    was earned (not counted, no certificate), one AHIMA-sourced for CCS."""
    cpc = cr.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    cpma = cr.add_credential(db, "CPMA", date(2025, 6, 1), TODAY)
    ccs = cr.add_credential(
        db, "CCS", date(2025, 1, 15), TODAY,
        cycle_start=date(2025, 1, 1), cycle_end=date(2026, 12, 31),
    )  # fmt: skip
    webinar = acts.add_activity(
        db,
        acts.ActivityInput(
            date(2026, 2, 3), "Auditing E/M webinar", Decimal("2.5"), "auditing",
            provider="AAPC", index_number="AAPC-123",
            certificate=_certificate(tmp_path, "webinar certificate.pdf"),
        ),
        [(cpc.current.id, Decimal("2.5")), (cpma.current.id, Decimal("2.5"))],
        TODAY,
    )  # fmt: skip
    early = acts.add_activity(
        db,
        acts.ActivityInput(
            date(2025, 4, 1), "=HYPERLINK(\"http://x\")", Decimal(1), "coding",
            provider="@chapter", note="-1 point",
        ),
        [(cpma.current.id, Decimal(1))],
        TODAY,
    )  # fmt: skip
    privacy = acts.add_activity(
        db,
        acts.ActivityInput(
            date(2026, 5, 5), "Privacy, security, and you", Decimal(3), "hiim_other",
            provider="AHIMA", ahima_sourced=True, note="Line one\nline two",
            certificate=_certificate(tmp_path, "privacy.pdf", CERTIFICATE + b"2"),
        ),
        [(ccs.current.id, Decimal(3))],
        TODAY,
    )  # fmt: skip
    return Setup(db, cpc, cpma, ccs, webinar, early, privacy)


def _page_numbers(text: str) -> list[tuple[int, int]]:
    """The footers' 'Page n of N' (fpdf2 writes the N of its alias as a separate string)."""
    return [(int(n), int(total)) for n, total in re.findall(r"Page (\d+) of\s*(\d+)", text)]


def _page_count(path: Path) -> int:
    return len(re.findall(rb"/Type /Page\b", path.read_bytes()))


# -- CSV ------------------------------------------------------------------------------------------


def test_csv_opens_in_excel_with_accents_and_without_bom_for_scripts(
    setup: Setup, out: Path
) -> None:
    """Excel reads a CSV without a byte-order mark in the system's code page ('Ã„rzte'); with
    it, as UTF-8. --no-bom leaves it out for scripts that do not skip it."""
    cpc = cr.list_credentials(setup.db)[0]
    data = acts.ActivityInput(date(2026, 3, 1), "Ärzte-Fortbildung: Kodierung", Decimal(1),
                              "coding")  # fmt: skip
    acts.add_activity(setup.db, data, [(cpc.current.id, Decimal(1))], TODAY)
    excel, plain = out / "excel.csv", out / "plain.csv"
    write_activities_csv(setup.db, excel)
    write_activities_csv(setup.db, plain, bom=False)
    assert excel.read_bytes()[:3] == b"\xef\xbb\xbf" and plain.read_bytes()[:3] != b"\xef\xbb\xbf"
    assert "Ärzte-Fortbildung" in excel.read_text(encoding="utf-8-sig")
    assert excel.read_bytes()[3:] == plain.read_bytes()
    assert "Ã„rzte" in plain.read_bytes().decode("cp1252", "replace")  # what Excel showed


def test_csv_has_every_activity_with_its_values(setup: Setup, out: Path) -> None:
    path = out / "activities.csv"

    assert write_activities_csv(setup.db, path) == 3

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfcompleted_on,")  # a byte-order mark: Excel reads UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_date = {r[0]: dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]}
    assert list(by_date) == ["2025-04-01", "2026-02-03", "2026-05-05"]  # oldest first
    assert by_date["2026-02-03"] == {
        "completed_on": "2026-02-03",
        "title": "Auditing E/M webinar",
        "provider": "AAPC",
        "index_number": "AAPC-123",
        "units": "2.5",
        "category": "Auditing",
        "ahima_sourced": "no",
        "applied_to": "CPC 2.5; CPMA 2.5",
        "certificate_name": "webinar certificate.pdf",
        "note": "",
    }
    privacy = by_date["2026-05-05"]
    assert privacy["category"] == "Other health-information domain"
    assert privacy["ahima_sourced"] == "yes"
    assert privacy["applied_to"] == "CCS 3"
    assert privacy["note"] == "Line one\nline two"  # quoted, survives the round trip
    assert sorted(p.name for p in out.iterdir()) == ["activities.csv"]  # no temporary left


def test_csv_cells_a_spreadsheet_would_run_are_defused(setup: Setup, out: Path) -> None:
    path = out / "activities.csv"
    write_activities_csv(setup.db, path)

    with path.open(encoding="utf-8-sig", newline="") as handle:
        early = next(r for r in csv.DictReader(handle) if r["completed_on"] == "2025-04-01")
    assert early["title"] == '\'=HYPERLINK("http://x")'
    assert early["provider"] == "'@chapter"
    assert early["note"] == "'-1 point"
    assert early["units"] == "1"
    assert early["certificate_name"] == ""


def test_csv_of_an_empty_database_is_a_header_and_replaces_the_old_file(
    db: Database, out: Path
) -> None:
    path = out / "activities.csv"
    path.write_text("old content that must go\n", encoding="utf-8")

    with pytest.raises(InvalidInput, match="already exists"):
        write_activities_csv(db, path)  # replacing needs `force`
    assert path.read_text(encoding="utf-8") == "old content that must go\n"
    assert write_activities_csv(db, path, force=True) == 0

    assert path.read_text(encoding="utf-8-sig").splitlines() == [",".join(CSV_COLUMNS)]


def test_csv_into_a_missing_folder_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        write_activities_csv(db, tmp_path / "nowhere" / "activities.csv")
    assert "does not exist" in (caught.value.for_field("path") or "")


# -- the audit packet -----------------------------------------------------------------------------


def test_packet_pdf_names_the_credential_its_rules_and_activities(
    setup: Setup, out: Path, pdf_to_text: Callable[..., str]
) -> None:
    packet = write_audit_packet(setup.db, "cpma", out / "cpma-audit.pdf", TODAY)

    assert packet == AuditPacket(
        pdf=out / "cpma-audit.pdf",
        certificates_zip=out / "cpma-audit-certificates.zip",
        activities=2,
        missing_certificates=1,
    )
    assert packet.pdf.read_bytes().startswith(b"%PDF-")
    text = pdf_to_text(packet.pdf)
    for expected in [
        "CEU audit report",
        "CPMA - Certified Professional Medical Auditor",
        "AAPC (formerly American Academy of Professional Coders)",
        "2025-06-01 to 2027-03-09",  # the cycle
        "2026-11-27",  # generated
        "CPC, CPMA",  # sharing the total
        "40 CEUs",  # required for two AAPC credentials
        "At risk",
        "16 auditing CEUs for CPMA",  # the quota check, with its source
        "https://www.aapc.com/medical-coding-education/help/",
        "Auditing E/M webinar",
        "AAPC-123",
        '=HYPERLINK("http://x")',  # a PDF runs nothing: shown as typed
        "missing",
        "completed before CPMA was earned (2025-06-01)",
    ]:
        assert expected in " ".join(text.split()), expected  # lines of a wrapped cell joined
    assert "2026-02-03-AAPC-123-webinar_certificate.pdf" in text.replace("\n", "")  # wrapped
    pages = _page_count(packet.pdf)
    assert _page_numbers(text) == [(n, pages) for n in range(1, pages + 1)]
    assert "Privacy, security, and you" not in text  # applied to CCS only
    assert sorted(p.name for p in out.iterdir()) == ["cpma-audit-certificates.zip",
                                                    "cpma-audit.pdf"]  # fmt: skip


def test_packet_zip_holds_the_certificates_renamed(setup: Setup, out: Path) -> None:
    packet = write_audit_packet(setup.db, "CPC", out / "cpc.pdf", TODAY)

    assert packet.certificates_zip is not None
    with zipfile.ZipFile(packet.certificates_zip) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["2026-02-03-AAPC-123-webinar_certificate.pdf"]
        assert archive.read(archive.namelist()[0]) == CERTIFICATE
    assert packet.missing_certificates == 0


def test_packet_of_an_ahima_credential_lists_its_share_checks(
    setup: Setup, out: Path, pdf_to_text: Callable[..., str]
) -> None:
    packet = write_audit_packet(setup.db, " ccs ", out / "ccs.pdf", TODAY)

    text = pdf_to_text(packet.pdf)
    assert "CCS - Certified Coding Specialist" in text
    assert "40 % from AHIMA or its state associations (8 CEUs)" in text
    assert "(marked 'to verify' in the rule book)" in text
    assert "Privacy, security, and you" in text
    assert packet.certificates_zip is not None
    with zipfile.ZipFile(packet.certificates_zip) as archive:
        assert archive.namelist() == [f"2026-05-05-id{setup.privacy.id}-privacy.pdf"]


def test_unknown_credential_names_the_known_ones(setup: Setup, out: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        write_audit_packet(setup.db, "RHIA", out / "x.pdf", TODAY)

    message = caught.value.for_field("credential") or ""
    assert "RHIA" in message
    assert "CCS, CPC, CPMA" in message
    assert list(out.iterdir()) == []


def test_a_cycle_of_another_credential_is_refused(setup: Setup, out: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        write_audit_packet(setup.db, "CPC", out / "x.pdf", TODAY, cycle_id=setup.ccs.current.id)
    assert caught.value.for_field("cycle") is not None


def test_a_closed_cycle_can_be_exported(
    setup: Setup, out: Path, pdf_to_text: Callable[..., str]
) -> None:
    cr.close_cycle(setup.db, setup.ccs.id, TODAY, datetime(2026, 11, 27, 9, 0))

    old = write_audit_packet(setup.db, "CCS", out / "old.pdf", TODAY, cycle_id=setup.ccs.current.id)
    new = write_audit_packet(setup.db, "CCS", out / "new.pdf", TODAY)

    assert "(closed on 2026-11-27)" in pdf_to_text(old.pdf)
    assert old.activities == 1
    assert new.activities == 0
    assert new.certificates_zip is None
    assert "No activity is applied to this cycle yet." in pdf_to_text(new.pdf)


def test_progress_is_reported_per_activity(setup: Setup, out: Path) -> None:
    calls: list[tuple[int, int]] = []

    write_audit_packet(
        setup.db, "CPMA", out / "p.pdf", TODAY, progress=lambda d, t: calls.append((d, t))
    )

    assert calls == [(0, 2), (1, 2), (2, 2)]


def test_cancelling_midway_leaves_no_file(setup: Setup, out: Path) -> None:
    calls: list[tuple[int, int]] = []

    with pytest.raises(ExportCancelled):
        write_audit_packet(
            setup.db, "CPMA", out / "p.pdf", TODAY,
            progress=lambda d, t: calls.append((d, t)),
            cancelled=lambda: len(calls) >= 2,
        )  # fmt: skip

    assert calls == [(0, 2), (1, 2)]
    assert list(out.iterdir()) == []


def test_cancelling_keeps_the_previous_packet(setup: Setup, out: Path) -> None:
    first = write_audit_packet(setup.db, "CPMA", out / "p.pdf", TODAY)
    before = first.pdf.read_bytes()

    with pytest.raises(ExportCancelled):
        write_audit_packet(
            setup.db, "CPMA", out / "p.pdf", TODAY, cancelled=lambda: True, force=True
        )

    assert first.pdf.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["p-certificates.zip", "p.pdf"]


def test_a_stale_certificates_zip_is_removed(setup: Setup, out: Path) -> None:
    stale = out / "early-certificates.zip"
    stale.write_bytes(b"PK old")
    acts.update_activity(
        setup.db, setup.webinar.id,
        acts.ActivityInput(date(2026, 2, 3), "Auditing E/M webinar", Decimal("2.5"), "auditing",
                         drop_certificate=True),
        [(setup.cpc.current.id, Decimal("2.5"))],
        TODAY,
    )  # fmt: skip

    with pytest.raises(InvalidInput, match=r"early-certificates\.zip already exists"):
        write_audit_packet(setup.db, "CPMA", out / "early.pdf", TODAY)
    assert stale.read_bytes() == b"PK old" and not (out / "early.pdf").exists()

    packet = write_audit_packet(setup.db, "CPMA", out / "early.pdf", TODAY, force=True)

    assert packet.certificates_zip is None
    assert packet.missing_certificates == 1
    assert not stale.exists()


def test_emoji_and_cjk_titles_do_not_break_the_pdf(
    setup: Setup, out: Path, pdf_to_text: Callable[..., str]
) -> None:
    """Japanese is drawn with the fallback font; an emoji, which no bundled font has, is shown
    as the replacement character (one per emoji, joined sequences included), never as '?'."""
    acts.add_activity(
        setup.db,
        acts.ActivityInput(
            date(2026, 3, 1), "Coding 🩺 医療コーディング – “Ő” 👨‍👩‍👧 ﬁnal", Decimal(1), "coding",
            provider="東京 chapter", index_number="番号-7",
            certificate=_certificate(out.parent, "証明書 😀.pdf", CERTIFICATE + b"3"),
        ),
        [(setup.cpc.current.id, Decimal(1))],
        TODAY,
    )  # fmt: skip

    packet = write_audit_packet(setup.db, "CPC", out / "cpc.pdf", TODAY)

    text = unicodedata.normalize("NFKC", pdf_to_text(packet.pdf))
    assert "Coding \ufffd 医療コーディング – “Ő” \ufffd final" in " ".join(text.split())
    assert "東京 chapter" in text
    assert "?" not in text.replace("help/ (CEU", "")  # no question mark but in a source URL
    assert packet.certificates_zip is not None
    with zipfile.ZipFile(packet.certificates_zip) as archive:
        names = archive.namelist()
    assert "2026-03-01-番号-7-証明書.pdf" in names
    assert "2026-03-01-番号-7-証明書.pdf" in text.replace("\n", "")  # the row names its file


def test_a_long_list_breaks_pages_and_repeats_the_table_heading(
    setup: Setup, out: Path, pdf_to_text: Callable[..., str]
) -> None:
    for i in range(40):
        acts.add_activity(
            setup.db,
            acts.ActivityInput(
                date(2026, 1, 1 + i % 28), f"Monthly chapter meeting number {i} on modifiers "
                "and the documentation they need", Decimal("0.5"), "coding",
                provider="AAPC local chapter", index_number=f"CH-{1000 + i}",
            ),
            [(setup.cpc.current.id, Decimal("0.5"))],
            TODAY,
        )  # fmt: skip

    packet = write_audit_packet(setup.db, "CPC", out / "cpc.pdf", TODAY)

    pages = _page_count(packet.pdf)
    assert pages >= 3
    text = pdf_to_text(packet.pdf)
    assert _page_numbers(text) == [(n, pages) for n in range(1, pages + 1)]
    assert text.count("Not counted because") >= pages - 2  # every page but the first and last
    assert "Total: 41 activities" in text
    assert packet.missing_certificates == 40


def test_pdf_text_keeps_what_the_fonts_show_and_replaces_the_rest() -> None:
    assert pdf_text("Café – “naïve” €5") == "Café – “naïve” €5"
    assert pdf_text("Ő and ő, Łódź, Ωμέγα, Здравствуйте, مرحبا, 診療報酬") == (
        "Ő and ő, Łódź, Ωμέγα, Здравствуйте, مرحبا, 診療報酬"
    )
    assert pdf_text("Lo\u0301dz\u0301") == "Lódź"  # composed (NFC)
    assert pdf_text("a\tb\nc\r\nd") == "a b c  d"
    assert pdf_text("\ufeffsoft\u00adhyphen\u200b") == "softhyphen"  # invisible format characters
    assert pdf_text("医療 👍🏽 x") == f"医療 {MARKER} x"  # a skin-toned emoji is one
    assert pdf_text("👨‍👩‍👧") == MARKER  # a family joined with ZWJ is one
    assert pdf_text("🇩🇪🇫🇷") == MARKER * 2  # one per flag
    assert pdf_text("1️⃣ ❤️") == f"1{MARKER} ❤"  # a keycap mark; DejaVu has the heart
    assert pdf_text("한국어") == MARKER * 3  # no bundled font has Hangul
    assert MARKER == "\ufffd"


def test_text_looking_like_the_page_count_alias_is_shown_as_typed(
    setup: Setup, out: Path, pdf_to_text: Callable[..., str]
) -> None:
    acts.add_activity(
        setup.db,
        acts.ActivityInput(date(2026, 3, 1), "Session {nb} of the series", Decimal(1), "coding"),
        [(setup.cpc.current.id, Decimal(1))],
        TODAY,
    )

    packet = write_audit_packet(setup.db, "CPC", out / "cpc.pdf", TODAY)

    text = pdf_to_text(packet.pdf)
    assert "Session {nb} of the series" in text
    pages = _page_count(packet.pdf)
    assert _page_numbers(text) == [(n, pages) for n in range(1, pages + 1)]

"""The audit packet in every script a learner may type: titles, providers, certificate names, a
credential's own name and note in Latin with accents, Greek, Cyrillic, Arabic and Japanese are
printed as typed (read back with poppler's pdftotext), the zip keeps the certificates' names, and
what no bundled font can draw (emoji) is shown as a visible marker, never as a silent '?'."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as cr
from studyplanner.services.audit_pdf import MARKER, AuditReport, drawable, pdf_text
from studyplanner.services.ceu_export import write_audit_packet
from studyplanner.services.database import Database, open_database
from studyplanner.store import models

TODAY = date(2026, 11, 27)
WORDS = ("Łódź", "Ærø", "Ωμέγα", "Здравствуйте", "مرحبا", "診療報酬", "Ärzte")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def readable(text: str) -> str:
    """Extracted text made comparable: presentation forms (the joined shapes of Arabic letters)
    and ligatures back to plain letters (NFKC), without the direction marks pdftotext adds, and
    with each run of white space (a wrapped cell's line break) as one space."""
    text = BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def shows(text: str, phrase: str) -> bool:
    """Whether `phrase` is in the extracted `text`; a phrase with right-to-left words is compared
    word by word (split at spaces, '-' and '_'), direction ignored: pdftotext gives the runs of a
    mixed line in visual order, and may give a right-to-left word reversed."""
    phrase = unicodedata.normalize("NFKC", phrase)
    if not any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in phrase):
        return phrase in text
    return all(word in text or word[::-1] in text for word in re.split(r"[\s_-]+", phrase))


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


def _activities(db: Database, tmp_path: Path, cycle_id: int) -> None:
    """One activity per word: the word in its title and provider, and as its certificate's
    file name."""
    files = tmp_path / "files"
    files.mkdir()
    for n, word in enumerate(WORDS):
        certificate = files / f"{word} Zertifikat.pdf"
        certificate.write_bytes(b"%PDF-1.4 certificate " + word.encode() + b"\n%%EOF\n")
        acts.add_activity(
            db,
            acts.ActivityInput(
                date(2026, 1, 5 + n), f"{word} coding update", Decimal(1), "coding",
                provider=f"{word} Institute", index_number=f"N-{n}", certificate=certificate,
            ),
            [(cycle_id, Decimal(1))],
            TODAY,
        )  # fmt: skip


def test_every_script_prints_as_typed(
    db: Database,
    tmp_path: Path,
    out: Path,
    pdf_to_text: Callable[..., str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    credential = cr.add_credential(
        db, "SPECIALTY", date(2025, 2, 1), TODAY, label="Ærø-Ωμέγα",
        note="Ärzte · Здравствуйте · 診療報酬 · مرحبا",
    )  # fmt: skip
    _activities(db, tmp_path, credential.current.id)

    packet = write_audit_packet(db, "ærø-ωμέγα", out / "audit.pdf", TODAY)

    text = readable(pdf_to_text(packet.pdf))
    for word in WORDS:
        assert shows(text, f"{word} coding update"), word
        assert shows(text, f"{word} Institute"), word
    assert "ÆRØ-ΩΜΈΓΑ" in text  # the credential's own name, upper-cased as it is kept
    assert "Ärzte · Здравствуйте · 診療報酬 ·" in text and shows(text, "مرحبا")  # its note
    assert "?" not in text.replace("help/ (CEU", "")  # no replaced letter anywhere
    assert MARKER not in text
    # each row names its certificate's file in the zip, letters and all
    with zipfile.ZipFile(packet.certificates_zip or "") as archive:
        names = archive.namelist()
    joined = readable(pdf_to_text(packet.pdf).replace("\n", ""))
    for name in names:
        assert shows(joined, name), name
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(packet.pdf)], capture_output=True,
                          check=True).stdout.decode()  # fmt: skip
    assert "CEU audit report: ÆRØ-ΩΜΈΓΑ" in info  # the document's title
    assert not [r for r in caplog.records if "missing" in r.getMessage()]  # fpdf2: no glyph lacked


def test_arabic_is_shaped_joined_and_read_right_to_left(
    db: Database, out: Path, pdf_to_text: Callable[..., str]
) -> None:
    """HarfBuzz shapes Arabic: the report draws the joined forms (meem at the start of a word
    is DejaVu's uniFEE3, not the lone uni0645), and pdftotext reads the letters back in order."""
    cpc = cr.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    report = AuditReport(cpc, TODAY)
    report.paragraph("مرحبا Ärzte")
    drawn = {glyph.glyph_name for glyph, _ in report.fonts["dejavu"].subset.items() if glyph}
    report.close()
    # meem and hah start a joined run, ra and alef end one, beh is in the middle
    assert {"uniFEE3", "uniFEAE", "uniFEA3", "uniFE92", "uniFE8E"} <= drawn
    assert "uni0645" not in drawn

    acts.add_activity(
        db, acts.ActivityInput(date(2026, 2, 3), "مرحبا بالعالم", Decimal(1), "coding"),
        [(cpc.current.id, Decimal(1))], TODAY,
    )  # fmt: skip
    packet = write_audit_packet(db, "CPC", out / "cpc.pdf", TODAY)
    assert shows(readable(pdf_to_text(packet.pdf)), "مرحبا بالعالم")


def test_zip_names_keep_their_letters(db: Database, tmp_path: Path, out: Path) -> None:
    cpc = cr.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    _activities(db, tmp_path, cpc.current.id)

    packet = write_audit_packet(db, "CPC", out / "cpc.pdf", TODAY)

    assert packet.certificates_zip is not None
    expected = [f"2026-01-{5 + n:02d}-N-{n}-{word}_Zertifikat.pdf" for n, word in enumerate(WORDS)]
    with zipfile.ZipFile(packet.certificates_zip) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == expected
        for info in archive.infolist():
            if not info.filename.isascii():
                assert info.flag_bits & 0x800, info.filename  # "the name is UTF-8"
        for word, name in zip(WORDS, expected, strict=True):
            assert word.encode() in archive.read(name)  # each name holds its own certificate
    raw = packet.certificates_zip.read_bytes()
    for name in expected:
        assert name.encode("utf-8") in raw  # stored as UTF-8, as any unzip tool reads it
    if shutil.which("unzip"):  # a reader other than Python's
        listing = subprocess.run(
            ["unzip", "-Z1", str(packet.certificates_zip)], capture_output=True, check=True
        ).stdout.decode("utf-8")
        assert listing.splitlines() == expected


def test_zip_names_drop_only_what_file_systems_refuse(
    db: Database, tmp_path: Path, out: Path
) -> None:
    """Emoji, punctuation and characters Windows refuses become '_'; decomposed accents (as
    macOS names files) are composed; a long Japanese name is cut to fit in 255 bytes."""
    cpc = cr.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    originals = ['a<b>c:d"e|f?g*h 😀.pdf', "Lo\u0301dz\u0301.pdf", "診" * 150 + ".pdf"]
    for n, original in enumerate(originals):
        path = tmp_path / f"c{n}.pdf"
        path.write_bytes(b"%PDF-1.4 " + str(n).encode())
        info = acts.add_activity(
            db,
            acts.ActivityInput(date(2026, 1, 5 + n), f"Course {n}", Decimal(1), "coding",
                               index_number=f"K{n}", certificate=path),
            [(cpc.current.id, Decimal(1))], TODAY,
        )  # fmt: skip
        with db.transaction() as session:  # the name the user's file had, on any system
            row = session.get(models.CeuActivity, info.id)
            assert row is not None
            row.certificate_name = original

    packet = write_audit_packet(db, "CPC", out / "cpc.pdf", TODAY)

    assert packet.certificates_zip is not None
    with zipfile.ZipFile(packet.certificates_zip) as archive:
        got = archive.namelist()
    assert got[0] == "2026-01-05-K0-a_b_c_d_e_f_g_h.pdf"
    assert got[1] == "2026-01-06-K1-Lódź.pdf"
    assert unicodedata.is_normalized("NFC", got[1])
    assert got[2].startswith("2026-01-07-K2-診診") and got[2].endswith("診.pdf")
    assert len(got[2].encode("utf-8")) <= 200
    for name in got:
        assert not set(name) & set('<>:"\\|?*'), name


def test_emoji_are_shown_as_a_visible_marker(
    db: Database, out: Path, pdf_to_text: Callable[..., str]
) -> None:
    cpc = cr.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    acts.add_activity(
        db,
        acts.ActivityInput(date(2026, 2, 3), "Coding 🩺 update 👍🏽 and 🇩🇪", Decimal(1), "coding",
                           provider="Klinik 🩺 😀"),
        [(cpc.current.id, Decimal(1))], TODAY,
    )  # fmt: skip

    packet = write_audit_packet(db, "CPC", out / "cpc.pdf", TODAY)

    text = readable(pdf_to_text(packet.pdf))
    assert f"Coding {MARKER} update {MARKER} and {MARKER}" in text
    assert f"Klinik {MARKER} 😀" in text  # DejaVu draws the emoticons block (U+1F600-1F64F)


def test_the_fallback_font_is_embedded_only_when_needed(
    db: Database, out: Path, tmp_path: Path
) -> None:
    """Fonts are embedded as subsets; the Chinese/Japanese font only in a report that shows
    such text, so a plain report stays small."""
    cpc = cr.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    for n in range(30):
        acts.add_activity(
            db, acts.ActivityInput(date(2026, 1, 1 + n), f"Łódź chapter meeting {n}", Decimal(1),
                                   "coding", provider="Ωμέγα Academy"),
            [(cpc.current.id, Decimal(1))], TODAY,
        )  # fmt: skip

    plain = write_audit_packet(db, "CPC", out / "plain.pdf", TODAY).pdf.read_bytes()
    assert b"DejaVuSansCondensed" in plain and b"DroidSansFallback" not in plain
    assert b"/FontFile2" in plain and b"/Helvetica" not in plain
    assert len(plain) < 60_000

    acts.add_activity(
        db, acts.ActivityInput(date(2026, 2, 3), "診療報酬", Decimal(1), "coding"),
        [(cpc.current.id, Decimal(1))], TODAY,
    )  # fmt: skip
    mixed = write_audit_packet(db, "CPC", out / "mixed.pdf", TODAY).pdf.read_bytes()
    assert b"DroidSansFallback" in mixed
    assert len(mixed) < len(plain) + 15_000  # four glyphs of a 4 MB font


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_pdf_text_leaves_only_what_the_fonts_draw(text: str) -> None:
    """Whatever is typed, the report is given only characters its fonts have (or the marker),
    never a '?' that was not typed, and nothing typed that the fonts have is lost."""
    shown = pdf_text(text)
    assert all(drawable(ch) for ch in shown)
    assert shown.count("?") == unicodedata.normalize("NFC", text).count("?")
    if "\u200d" not in text:  # a zero-width joiner after an emoji takes the next one with it
        plain = [ch for ch in unicodedata.normalize("NFC", text) if ch.isalnum() and drawable(ch)]
        assert all(ch in shown for ch in plain)

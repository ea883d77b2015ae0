"""Size and generation time of a CEU audit packet with 200 activities.

.venv/bin/python benchmarks/audit_pdf_size.py [--runs 3] [--latin] [--keep DIR]

It builds a data folder with one CPC credential and 200 activities applied to its cycle (titles,
providers and certificate names in Latin with accents, Greek, Cyrillic, Arabic and Japanese, or
with --latin in Latin with accents only, the common case; half of them with a small certificate
file), then writes the audit packet `--runs` times and prints the PDF's size, its page count and
the best and median generation time (PDF and zip of certificates together, as `studyplanner ceu
report` does). `--keep DIR` leaves the last PDF there.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

TODAY = date(2026, 11, 27)
TITLES = (
    "Łódź coding workshop: modifiers 25 and 59",
    "Ærø and Ärzte: E/M documentation review",
    "Ωμέγα: ICD-10-CM chapter 19 injuries",
    "Здравствуйте: HCPCS Level II update",
    "مرحبا: risk adjustment basics",
    "診療報酬 coding seminar",
    "Monthly chapter meeting on compliance and auditing",
    "Café – “naïve” €5 webinar",
)
PROVIDERS = ("AAPC", "Łódź chapter", "Ωμέγα Academy", "Клиника", "مرحبا", "東京 chapter")
LATIN_TITLES = (
    "Łódź coding workshop: modifiers 25 and 59",
    "Ærø and Ärzte: E/M documentation review",
    "ICD-10-CM chapter 19 injuries",
    "HCPCS Level II update",
    "Risk adjustment basics",
    "Coding seminar",
    "Monthly chapter meeting on compliance and auditing",
    "Café – “naïve” €5 webinar",
)
LATIN_PROVIDERS = ("AAPC", "Łódź chapter", "Ærø Academy", "AHIMA", "Ärztekammer", "AAPC chapter")


def build(data_dir: Path, files: Path, count: int, latin: bool) -> None:
    from studyplanner.services import ceu_activities as acts
    from studyplanner.services import credentials as creds
    from studyplanner.services.database import open_database

    titles, providers = (LATIN_TITLES, LATIN_PROVIDERS) if latin else (TITLES, PROVIDERS)
    db = open_database(data_dir)
    try:
        cpc = creds.add_credential(db, "CPC", date(2024, 1, 5), TODAY,
                                   renewal_on=date(2026, 12, 31))  # fmt: skip
        for n in range(count):
            certificate = None
            if n % 2 == 0:
                certificate = files / f"{titles[n % len(titles)][:12]} {n}.pdf"
                certificate.write_bytes(b"%%PDF-1.4 certificate %d\n%%%%EOF\n" % n)
            data = acts.ActivityInput(
                TODAY - timedelta(days=3 * n), f"{titles[n % len(titles)]} ({n})",
                Decimal("0.5"), "coding", provider=providers[n % len(providers)],
                index_number=f"IDX-{1000 + n}", certificate=certificate,
            )  # fmt: skip
            acts.add_activity(db, data, [(cpc.current.id, Decimal("0.5"))], TODAY)
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--activities", type=int, default=200)
    parser.add_argument("--latin", action="store_true")
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()

    from studyplanner.services.ceu_export import write_audit_packet
    from studyplanner.services.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "files").mkdir()
        (root / "out").mkdir()
        build(root / "data", root / "files", args.activities, args.latin)
        db = open_database(root / "data")
        times = []
        try:
            for _ in range(args.runs):
                started = time.perf_counter()
                packet = write_audit_packet(db, "CPC", root / "out" / "cpc.pdf", TODAY, force=True)
                times.append(time.perf_counter() - started)
        finally:
            db.close()
        data = packet.pdf.read_bytes()
        pages = len(re.findall(rb"/Type /Page\b", data))
        zip_size = packet.certificates_zip.stat().st_size if packet.certificates_zip else 0
        print(f"activities:      {packet.activities}")
        print(f"PDF size:        {len(data) / 1024:.1f} KiB ({len(data)} bytes), {pages} pages")
        print(f"zip size:        {zip_size / 1024:.1f} KiB")
        print(f"generation time: best {min(times):.2f} s, median {statistics.median(times):.2f} s"
              f" ({args.runs} runs)")  # fmt: skip
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy2(packet.pdf, args.keep / "audit-200.pdf")


if __name__ == "__main__":
    main()

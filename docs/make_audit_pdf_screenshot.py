"""Page 1 of a CEU audit packet whose activities are typed in several scripts, as a PNG.

.venv/bin/python docs/make_audit_pdf_screenshot.py [PNG [PDF]]

PNG defaults to docs/screenshots/audit-pdf-page1.png; PDF, if given, keeps the whole packet's PDF.

Builds a data folder in a temporary directory (CPC and CPMA sharing a total, activities whose
titles, providers and certificate names are in Latin with accents, Greek, Cyrillic, Arabic and
Japanese, one with an emoji no bundled font has, shown as U+FFFD), writes the CPMA packet and
renders its first page with poppler's `pdftoppm -png -r 80 -f 1 -l 1` (poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

TODAY = date(2026, 12, 2)
ACTIVITIES = (
    # date, title, provider, index, units, category, certificate file name
    (date(2026, 7, 14), "Łódź: modifiers 25 and 59 in E/M audits", "Ärzte-Akademie Ærø",
     "AAPC-CH-1021", "2", "auditing", "Łódź certificate.pdf"),
    (date(2026, 8, 21), "Ωμέγα: ICD-10-CM chapter 19 injuries", "Ωμέγα Academy", "OM-19",
     "3", "coding", "Ωμέγα βεβαίωση.pdf"),
    (date(2026, 9, 22), "Здравствуйте: HCPCS Level II update", "Клиника Здоровье", "KZ-2026",
     "2", "coding", "Сертификат.pdf"),
    (date(2026, 10, 6), "مرحبا: risk adjustment basics", "مرحبا Institute", "RA-88",
     "1", "auditing", "شهادة.pdf"),
    (date(2026, 10, 17), "診療報酬 coding seminar 🩺", "東京 chapter", "JP-4410",
     "2", "coding", "診療報酬 修了証.pdf"),
    (date(2026, 11, 4), "Ärzte and coders: documentation that supports the level", "AAPC",
     "AAPC-CEU-5521", "1", "compliance", "webinar.pdf"),
)  # fmt: skip


def main() -> None:
    from studyplanner.services import ceu_activities as acts
    from studyplanner.services import credentials as creds
    from studyplanner.services.ceu_export import write_audit_packet
    from studyplanner.services.database import open_database

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/audit-pdf-page1.png")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = open_database(root / "data")
        try:
            cpc = creds.add_credential(db, "CPC", date(2019, 3, 10), TODAY,
                                       renewal_on=date(2027, 6, 30))  # fmt: skip
            cpma = creds.add_credential(db, "CPMA", date(2023, 5, 2), TODAY)
            for done_on, title, provider, index, units, category, file_name in ACTIVITIES:
                certificate = root / file_name
                certificate.write_bytes(b"%PDF-1.4 certificate\n%%EOF\n")
                data = acts.ActivityInput(done_on, title, Decimal(units), category,
                                          provider=provider, index_number=index,
                                          certificate=certificate)  # fmt: skip
                applied = [(c.current.id, Decimal(units)) for c in (cpc, cpma)]
                acts.add_activity(db, data, applied, TODAY)
            packet = write_audit_packet(db, "CPMA", root / "cpma-audit.pdf", TODAY)
        finally:
            db.close()
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
             str(packet.pdf), str(root / "page1")],
            check=True,
        )  # fmt: skip
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / "page1.png", out)
        if len(sys.argv) > 2:
            shutil.copyfile(packet.pdf, sys.argv[2])
    print(out)


if __name__ == "__main__":
    main()

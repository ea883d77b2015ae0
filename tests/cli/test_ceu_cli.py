"""Credentials and CEUs on the command line: a coder holding CPC, CPMA (AAPC) and CCS (AHIMA)
records a whole cycle, follows its status, writes the audit packet and the CSV export; bad input
prints one line, exits 2 and writes nothing (no row, no certificate copy, no output file)."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from studyplanner.app import main

TODAY = "2026-11-27"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TABLES = ("credentials", "credential_cycles", "ceu_activities", "ceu_allocations")


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[str, str]:
    code, out, err = run(capsys, data_dir, *args)
    assert code == 0, err
    return out, err


def as_json(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> Any:
    out, _ = ok(capsys, data_dir, *args, "--json")
    return json.loads(out)


def statuses(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, dict[str, Any]]:
    return {s["code"]: s for s in as_json(capsys, data_dir, "ceu", "status", "--today", TODAY)}


def add_ceu(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> list[str]:
    """Log an activity; the warnings printed on stderr (each line prefixed 'warning: ')."""
    out, err = ok(capsys, data_dir, "ceu", "add", *args, "--today", TODAY)
    assert out.startswith("Saved activity")
    lines = err.splitlines()
    assert all(line.startswith("warning: ") for line in lines)
    return [line.removeprefix("warning: ") for line in lines]


def written(data_dir: Path) -> tuple[tuple[int, ...], list[str]]:
    """Row counts of the credential tables and the certificate copies in the data folder."""
    conn = sqlite3.connect(data_dir / "studyplanner.sqlite3")
    try:
        counts = tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
    finally:
        conn.close()
    folder = data_dir / "certificates"
    files = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    return counts, files


@pytest.fixture
def held(capsys: pytest.CaptureFixture[str], data_dir: Path) -> Path:
    """CPC (held for years; the open cycle given by hand), CPMA earned during that cycle, CCS."""
    ok(capsys, data_dir, "credential", "add", "CPC", "--earned", "2019-03-10",
       "--cycle-start", "2025-07-01", "--cycle-end", "2027-06-30", "--renewal", "2027-06-30",
       "--today", TODAY)  # fmt: skip
    ok(capsys, data_dir, "credential", "add", "cpma", "--earned", "2026-01-15", "--today", TODAY)
    ok(capsys, data_dir, "credential", "add", "CCS", "--earned", "2025-03-01", "--today", TODAY)
    return data_dir


def test_credentials_are_listed_with_their_cycles(
    capsys: pytest.CaptureFixture[str], held: Path
) -> None:
    listed = {c["label"]: c for c in as_json(capsys, held, "credential", "list")}
    assert list(listed) == ["CPC", "CPMA", "CCS"]  # by body, then label
    cpc, cpma, ccs = listed["CPC"], listed["CPMA"], listed["CCS"]
    assert set(cpc) >= {"id", "code", "label", "name", "body", "earned_on", "renewal_on",
                        "cycle_start", "cycle_end", "required"}  # fmt: skip
    assert (cpc["name"], cpc["body"]) == ("Certified Professional Coder", "AAPC")
    assert (cpc["cycle_start"], cpc["cycle_end"]) == ("2025-07-01", "2027-06-30")
    # A second AAPC credential joins the open cycle and the membership renewal date.
    assert (cpma["cycle_start"], cpma["cycle_end"]) == ("2026-01-15", "2027-06-30")
    assert cpma["renewal_on"] == "2027-06-30"
    # AHIMA: two years from the exam.
    assert (ccs["body"], ccs["cycle_start"], ccs["cycle_end"]) == ("AHIMA", "2025-03-01",
                                                                   "2027-02-28")  # fmt: skip
    assert ccs["required"] is None and ccs["renewal_on"] is None

    out, _ = ok(capsys, held, "credential", "list")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["LABEL", "BODY", "EARNED"]
    assert [line.split()[0] for line in lines[1:]] == ["CPC", "CPMA", "CCS"]
    assert "Certified Professional Medical Auditor" in lines[2]


def test_a_specialty_credential_and_a_users_own_figure(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    added = as_json(
        capsys, data_dir, "credential", "add", "SPECIALTY", "--name", "cemc", "--earned",
        "2026-02-01", "--renewal", "2026-11-30", "--required", "24.5", "--today", TODAY,
    )  # fmt: skip
    assert (added["label"], added["code"], added["required"]) == ("CEMC", "SPECIALTY", 24.5)
    assert added["cycle_end"] == "2027-11-30"  # November: an odd month, due in an odd year
    status = statuses(capsys, data_dir)["CEMC"]
    assert (status["rule"], status["required"]) == ("SPECIALTY", 24.5)


def test_a_full_cycle_for_two_aapc_credentials_and_one_ahima(
    capsys: pytest.CaptureFixture[str], held: Path, tmp_path: Path
) -> None:
    certificate = tmp_path / "Audit workshop.pdf"
    certificate.write_bytes(PDF)
    # Completed before CPMA was earned: saved, with a warning, and it counts for CPC only.
    warnings = add_ceu(capsys, held, "--date", "2025-09-10", "--units", "10",
                       "--title", "Regional coding conference", "--provider", "AAPC chapter",
                       "--credential", "CPC", "--credential", "CPMA")  # fmt: skip
    assert warnings == [
        "It will not count for CPMA: completed before CPMA was earned (2026-01-15)."
    ]
    # Applied to both AAPC credentials: it counts once toward the shared total, and toward
    # CPMA's auditing quota; nothing to warn of.
    warnings = add_ceu(capsys, held, "--date", "2026-02-20", "--units", "8",
                       "--title", "Audit workshop", "--category", "auditing",
                       "--index", "AUD-1234", "--credential", "cpc", "--credential", "cpma",
                       "--certificate", str(certificate))  # fmt: skip
    assert warnings == []
    # A split: half to CPC, half to CCS.
    split = as_json(capsys, held, "ceu", "add", "--date", "2026-03-15", "--units", "4",
                    "--title", "ICD-10-CM update webinar", "--ahima-sourced",
                    "--credential", "CPC=2", "--credential", "ccs=2", "--today", TODAY)  # fmt: skip
    assert {a["credential"]: a["units"] for a in split["applied"]} == {"CPC": 2.0, "CCS": 2.0}
    assert (split["units"], split["category"], split["ahima_sourced"]) == (4.0, "coding", True)
    assert split["warnings"] == [] and split["certificate"] is None

    # The certificate is a copy in the data folder: the original may go.
    certificate.unlink()
    _, copies = written(held)
    assert len(copies) == 1 and (held / "certificates" / copies[0]).read_bytes() == PDF

    mid = statuses(capsys, held)
    assert list(mid) == ["CPC", "CPMA", "CCS"]
    cpc, cpma, ccs = mid["CPC"], mid["CPMA"], mid["CCS"]
    # AAPC: one total for two credentials (40), 10 + 8 + 2 earned, counted once for the pair.
    for s in (cpc, cpma):
        assert (s["required"], s["earned"], s["remaining"]) == (40.0, 20.0, 20.0)
        assert (s["cycle_end"], s["days_left"]) == ("2027-06-30", 215)
        assert s["pace_per_month"] == 2.9 and s["status"] in ("on_track", "at_risk")
        assert s["pool"] == ["CPC", "CPMA"]
    assert (cpc["rule"], cpc["cycle_start"]) == ("CPC", "2025-07-01")
    assert cpc["failed_checks"] == ["40 CEUs in the cycle"]
    assert cpma["failed_checks"] == ["40 CEUs in the cycle", "16 auditing CEUs for CPMA"]
    quota = next(c for c in cpma["checks"] if c["id"] == "quota")
    assert (quota["earned"], quota["required"], quota["met"]) == (8.0, 16.0, False)
    # AHIMA: 20 for one credential; 2 earned, inside the HIIM domains and AHIMA-sourced.
    assert (ccs["required"], ccs["earned"], ccs["days_left"]) == (20.0, 2.0, 93)
    assert len(ccs["failed_checks"]) == 3

    # The human table: one aligned row per credential, then what is missing and the pace.
    out, _ = ok(capsys, held, "ceu", "status", "--today", TODAY)
    lines = out.splitlines()
    header = lines[0]
    assert header.split()[:3] == ["CREDENTIAL", "BODY", "CYCLE"]
    end = header.index("REQUIRED") + len("REQUIRED")
    assert [row[:end].split()[-1] for row in lines[1:4]] == ["40", "40", "20"]
    assert "CPMA: " in out and "16 auditing CEUs for CPMA: 8 of 16 earned" in out
    assert "earn 2.9 CEUs a month to finish on time" in out

    # Eight more auditing CEUs meet the CPMA quota; twelve coding ones the AAPC total.
    add_ceu(capsys, held, "--date", "2026-05-05", "--units", "8", "--title",
            "Risk adjustment audit boot camp", "--category", "auditing",
            "--credential", "CPMA")  # fmt: skip
    assert statuses(capsys, held)["CPMA"]["failed_checks"] == ["40 CEUs in the cycle"]
    add_ceu(capsys, held, "--date", "2026-06-01", "--units", "12", "--title", "Coding clinic",
            "--credential", "CPC")  # fmt: skip
    # CCS: HIIM domains and AHIMA-sourced shares met as well as the total.
    add_ceu(capsys, held, "--date", "2026-07-10", "--units", "10", "--title", "AHIMA convention",
            "--category", "hiim-other", "--ahima-sourced", "--credential", "CCS")  # fmt: skip
    add_ceu(capsys, held, "--date", "2026-08-20", "--units", "8", "--title", "Outpatient CDI",
            "--credential", "CCS", "--note", "employer in-service")  # fmt: skip
    # More than the cycle needs: saved, with the no-carry-over warning.
    warnings = add_ceu(capsys, held, "--date", "2026-09-01", "--units", "1.5", "--title",
                       "E/M refresher", "--credential", "CPC")  # fmt: skip
    assert len(warnings) == 1 and "do not carry over" in warnings[0]

    done = statuses(capsys, held)
    for label in ("CPC", "CPMA", "CCS"):
        s = done[label]
        assert s["status"] == "complete" and s["failed_checks"] == [], label
        assert s["remaining"] == 0 and s["pace_per_month"] is None
    assert done["CPC"]["earned"] == 41.5 and done["CCS"]["earned"] == 20.0

    # The audit packet: a PDF and the certificates beside it.
    code, out, err = run(capsys, held, "ceu", "report", "cpma", "--out",
                         str(tmp_path / "cpma-audit.pdf"), "--today", TODAY)  # fmt: skip
    assert code == 0, err
    paths = [Path(line) for line in out.splitlines()]
    assert paths[0] == tmp_path / "cpma-audit.pdf"
    assert paths[0].read_bytes().startswith(b"%PDF-")
    assert len(paths) == 2 and paths[1].suffix == ".zip" and paths[1].is_file()
    assert "warning: 2 of 3 activities have no certificate" in err
    packet = as_json(capsys, held, "ceu", "report", "CPMA", "--out",
                     str(tmp_path / "again.pdf"), "--today", TODAY)  # fmt: skip
    assert (packet["activities"], packet["missing_certificates"]) == (3, 2)

    # The CSV export: every activity, counted.
    target = tmp_path / "ceus.csv"
    out, _ = ok(capsys, held, "ceu", "export", "--csv", str(target))
    assert "8" in out.split() and str(target) in out
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 1 + 8
    assert any("Audit workshop" in row for row in rows)


def test_report_prints_titles_and_keeps_certificate_names_in_any_script(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    pdf_to_text: Callable[..., str],
) -> None:
    ok(capsys, data_dir, "credential", "add", "CPC", "--earned", "2025-03-10", "--today", TODAY)
    for n, (title, provider) in enumerate(
        [("Łódź: Ærø and Ärzte", "Ωμέγα Академия"), ("診療報酬 seminar", "مرحبا Institute")]
    ):
        certificate = tmp_path / f"{title.split()[0].strip(':')} Zertifikat.pdf"
        certificate.write_bytes(PDF)
        add_ceu(capsys, data_dir, "--date", f"2026-0{n + 5}-01", "--units", "1", "--title",
                title, "--provider", provider, "--credential", "CPC",
                "--certificate", str(certificate))  # fmt: skip

    out, _ = ok(capsys, data_dir, "ceu", "report", "CPC", "--out", str(tmp_path / "cpc.pdf"),
                "--today", TODAY)  # fmt: skip

    pdf, certificates = (Path(line) for line in out.splitlines())
    text = " ".join(unicodedata.normalize("NFKC", pdf_to_text(pdf)).split())
    for shown in ("Łódź: Ærø and Ärzte", "Ωμέγα Академия", "診療報酬 seminar", "مرحبا"):
        assert shown in text, shown
    with zipfile.ZipFile(certificates) as archive:
        assert archive.namelist() == [
            "2026-05-01-id1-Łódź_Zertifikat.pdf",
            "2026-06-01-id2-診療報酬_Zertifikat.pdf",
        ]


def test_no_credentials_yet(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert as_json(capsys, data_dir, "ceu", "status") == []
    assert as_json(capsys, data_dir, "credential", "list") == []
    out, _ = ok(capsys, data_dir, "ceu", "status")
    assert "credential add" in out


BAD = [
    # credential add
    (["credential", "add", "XYZ", "--earned", "2020-01-01"], "Unknown credential 'XYZ'"),
    (["credential", "add", "CPB", "--earned", "2027-01-01"], "between 1970 and today"),
    (["credential", "add", "CPB", "--earned", "1969-12-31"], "between 1970 and 2100"),
    (["credential", "add", "CPB", "--earned", "2026-02-30"], "invalid date"),
    (["credential", "add", "CPB", "--earned", "01/02/2026"], "invalid date"),
    (["credential", "add", "CPB", "--earned", "2026-01-02", "--cycle-start", "2026-01-02",
      "--cycle-end", "2040-01-01"], "cycle end must be between"),
    (["credential", "add", "CPB", "--earned", "2026-01-02", "--cycle-start", "2026-06-01",
      "--cycle-end", "2026-05-01"], "end after it starts"),
    (["credential", "add", "CPB", "--earned", "2026-01-02", "--cycle-end", "2027-06-30"],
     "together"),
    (["credential", "add", "CPB", "--earned", "2026-01-02", "--renewal", "2099-01-01"],
     "renewal date"),
    (["credential", "add", "CPB", "--earned", "2026-01-02", "--required", "lots"],
     "argument --required: invalid number of CEUs 'lots'"),
    (["credential", "add", "CPB", "--earned", "2026-01-02", "--required", "-4"],
     "invalid number of CEUs '-4': it cannot be negative"),
    (["credential", "add", "CPB", "--earned", "2026-01-02", "--required", "999"], "between 0"),
    (["credential", "add", "SPECIALTY", "--earned", "2026-01-02"], "--name"),
    (["credential", "add", "CPC", "--earned", "2026-01-02"], "already have a credential"),
    (["credential", "add", "--earned", "2026-01-02"], "required"),
    # ceu add
    (["ceu", "add", "--date", "2026-05-01", "--units", "0", "--title", "T"], "more than zero"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "-1", "--title", "T"],
     "argument --units: invalid number of CEUs '-1': it cannot be negative"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "two", "--title", "T"],
     "argument --units: invalid number of CEUs 'two'"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1_5", "--title", "T"],
     "digits with an optional decimal point"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1.234", "--title", "T"], "two decimals"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "150", "--title", "T"], "not realistic"),
    (["ceu", "add", "--date", "2026-12-01", "--units", "1", "--title", "T"], "2000 and today"),
    (["ceu", "add", "--date", "1999-12-31", "--units", "1", "--title", "T"], "2000 and today"),
    (["ceu", "add", "--date", "2026-13-01", "--units", "1", "--title", "T"], "invalid date"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1", "--title", " "], "title"),
    (["ceu", "add", "--date", "2026-05-01", "--title", "T"], "--units"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1", "--title", "T", "--category",
      "gardening"], "Unknown category 'gardening'"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1", "--title", "T", "--credential",
      "CRC"], "no credential called 'CRC'"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1", "--title", "T", "--credential",
      "CPC=2", "--certificate", "{pdf}"], "Apply between 0 and 1"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1", "--title", "T", "--credential",
      "CPC=half"], "argument --credential: invalid number of CEUs 'half'"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "2", "--title", "T", "--credential",
      "CPC", "--credential", "cpc", "--certificate", "{pdf}"], "listed twice"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1", "--title", "T", "--credential",
      "CPC", "--certificate", "{missing}"], "does not exist"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1", "--title", "T", "--credential",
      "CPC", "--certificate", "{txt}"], "not a PDF or an image"),
    (["ceu", "add", "--date", "2026-05-01", "--units", "1", "--title", "T", "--credential",
      "CPC", "--certificate", "{fake}"], "not really a PDF"),
    # report and export
    (["ceu", "report", "CRC", "--out", "{out}/audit.pdf"], "no credential called 'CRC'"),
    (["ceu", "report", "CPC", "--out", "{out}/audit.txt"], "must end in .pdf"),
    (["ceu", "report", "CPC", "--out", "{out}/nowhere/audit.pdf"], "does not exist"),
    (["ceu", "export", "--csv", "{out}/nowhere/ceus.csv"], "does not exist"),
    (["ceu", "export", "--csv", "{out}/ceus.xlsx"], "must end in .csv"),
    (["ceu", "frobnicate"], "invalid choice"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_input_one_line_exit_2_nothing_written(
    capsys: pytest.CaptureFixture[str],
    held: Path,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    files = tmp_path / "files"
    files.mkdir()
    (files / "certificate.pdf").write_bytes(PDF)
    (files / "notes.txt").write_text("not a certificate")
    (files / "scan.pdf").write_bytes(b"<html>not a pdf</html>")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    places = {"pdf": files / "certificate.pdf", "missing": files / "gone.pdf",
              "txt": files / "notes.txt", "fake": files / "scan.pdf", "out": out_dir}  # fmt: skip
    argv = [a.format(**places) for a in args]
    if argv[:2] in (["credential", "add"], ["ceu", "add"], ["ceu", "report"]):
        argv += ["--today", TODAY]
    before = written(held)
    code, out, err = run(capsys, held, *argv)
    assert code == 2, err
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("studyplanner: error:")
    assert message in err
    assert written(held) == before
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("command", [["ceu", "status", "--json"], ["credential", "list"]])
def test_ceu_commands_do_not_import_qt(data_dir: Path, command: list[str]) -> None:
    code = (
        "import sys; from studyplanner.app import main;"
        f"rc = main(['--data-dir', {str(data_dir)!r}, *{command!r}]);"
        "bad = [m for m in ('PySide6', 'shiboken6') if m in sys.modules];"
        "sys.exit(rc or (3 if bad else 0))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=data_dir, timeout=60
    )
    assert result.returncode == 0, result.stderr

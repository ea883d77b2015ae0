"""What an auditor asks for: every CEU activity as CSV, and one credential cycle's audit packet
(a PDF report and, beside it, a zip of the certificates, renamed so each matches its report row).

No Qt: the GUI runs these in a worker and the CLI calls them directly. Files appear whole or not
at all: everything is written to a temporary file in the destination folder, then put into
place by output_files (never over anything but a regular file, and over one only with `force`).
The PDF embeds Unicode fonts (see audit_pdf); a character none of them can draw, such as an
emoji, is shown as a visible marker there (the CSV keeps the exact text). Certificate names in
the zip keep their letters in every script (stored as UTF-8, which zipfile flags for non-ASCII
names); only what a file system refuses or a reader could stumble on is replaced.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_rules import RuleBook
from studyplanner.core.ceu_status import CredentialStatus
from studyplanner.core.validation import InvalidInput, Problem, problem
from studyplanner.services.audit_pdf import AuditReport, ReportRow, category_label
from studyplanner.services.audit_words import ENGLISH, PacketWords, units_text
from studyplanner.services.ceu_activities import ActivityInfo, list_activities
from studyplanner.services.credentials import (
    CredentialInfo,
    CycleInfo,
    ceu_statuses,
    list_credentials,
)
from studyplanner.services.database import Database
from studyplanner.services.leftovers import PendingFiles
from studyplanner.services.output_files import (
    check_destination,
    flush,
    put_in_place,
    remove_old,
    temporary,
    unwritable,
    write_csv,
)

CSV_COLUMNS = (
    "completed_on",
    "title",
    "provider",
    "index_number",
    "units",
    "category",
    "ahima_sourced",
    "applied_to",
    "certificate_name",
    "note",
)
MAX_ENTRY_NAME = 120
"""At most this many characters in a certificate's name in the zip ..."""
MAX_ENTRY_BYTES = 200
"""... and this many bytes of UTF-8 (file systems allow 255 bytes in a name; Japanese takes 3 a
character), with room for the '-2' of a duplicate."""


class ExportCancelled(Exception):
    """The user stopped the export; nothing was left behind."""


@dataclass(frozen=True, slots=True)
class AuditPacket:
    pdf: Path
    certificates_zip: Path | None  # None when no activity of the cycle has a certificate
    activities: int  # activities applied to the cycle
    missing_certificates: int  # of those, how many have no certificate file


# -- small formatting ----------------------------------------------------------------------------


def _entry_char(ch: str) -> bool:
    """Whether `ch` is kept in a name in the zip: letters, marks and digits of every script, and
    '.', '-'. Anything else (spaces, punctuation, symbols and emoji, controls, and the characters
    Windows refuses in a name) becomes '_'."""
    return ch in ".-" or unicodedata.category(ch)[0] in "LMN"


def _entry_part(text: str) -> str:
    composed = unicodedata.normalize("NFC", text)  # macOS hands out decomposed names
    kept = "".join(ch if _entry_char(ch) else "_" for ch in composed)
    return re.sub(r"_+", "_", kept).strip("._-")


def _cut(text: str, chars: int, size: int) -> str:
    """`text` cut to at most `chars` characters and `size` bytes of UTF-8, never between a letter
    and its marks."""
    cut = text[:chars]
    while len(cut.encode("utf-8")) > size:
        cut = cut[:-1]
    while cut and len(cut) < len(text) and unicodedata.category(text[len(cut)])[0] == "M":
        cut = cut[:-1]
    return cut.rstrip("._-")


def certificate_entry_name(activity: ActivityInfo) -> str:
    """The certificate's readable name in the zip: `<completed_on>-<index or id>-<name>`, in
    letters and digits of any script (see _entry_char), keeping the file's own suffix, at most
    MAX_ENTRY_NAME characters and MAX_ENTRY_BYTES bytes."""
    assert activity.certificate is not None
    suffix = activity.certificate.suffix.lower()
    original = activity.certificate_name or activity.certificate.name
    stem = original[: -len(suffix)] if original.lower().endswith(suffix) else original
    key = _cut(_entry_part(activity.index_number), 40, 80) or f"id{activity.id}"
    head = f"{activity.completed_on.isoformat()}-{key}-"
    room = max(MAX_ENTRY_NAME - len(head) - len(suffix), 8)
    room_bytes = max(MAX_ENTRY_BYTES - len(head.encode("utf-8")) - len(suffix.encode("utf-8")), 8)
    name = _cut(_entry_part(stem), room, room_bytes) or "certificate"
    return f"{head}{name}{suffix}"


# -- CSV -----------------------------------------------------------------------------------------


def _csv_row(book: RuleBook, a: ActivityInfo) -> list[str]:
    applied = "; ".join(f"{p.credential_label} {units_text(p.units)}" for p in a.applied)
    return [
        a.completed_on.isoformat(), a.title, a.provider, a.index_number, units_text(a.units),
        category_label(book, a.category), "yes" if a.ahima_sourced else "no", applied,
        a.certificate_name or "", a.note,
    ]  # fmt: skip


def write_activities_csv(db: Database, path: Path, *, force: bool = False, bom: bool = True) -> int:
    """Every CEU activity, oldest first, one row each under a header row (UTF-8, with a
    byte-order mark for Excel unless `bom` is false). Returns the number of activities written.
    A bad destination raises InvalidInput("path") (an existing file is replaced only with
    `force`)."""
    check_destination(db, path, force=force)
    book = rule_book()
    activities = sorted(list_activities(db), key=lambda a: (a.completed_on, a.id))
    rows = (_csv_row(book, a) for a in activities)
    return write_csv(db, path, CSV_COLUMNS, rows, force=force, bom=bom)


# -- the audit packet ----------------------------------------------------------------------------


def _find_credential(db: Database, label: str) -> CredentialInfo:
    credentials = list_credentials(db)
    wanted = label.strip().upper()
    for c in credentials:
        if c.label.upper() == wanted:
            return c
    if not credentials:
        raise InvalidInput([problem("credential", "credential_none_called", name=label)])
    known = ", ".join(sorted(c.label for c in credentials))
    raise InvalidInput([problem("credential", "credential_not_called", name=label, known=known)])


def _find_cycle(credential: CredentialInfo, cycle_id: int | None) -> CycleInfo:
    if cycle_id is None:
        open_cycles = [c for c in credential.cycles if c.closed_on is None]
        return open_cycles[-1] if open_cycles else credential.current
    for cycle in credential.cycles:
        if cycle.id == cycle_id:
            return cycle
    known = ", ".join(f"{c.id} ({c.start.isoformat()} to {c.end.isoformat()})"
                      for c in credential.cycles)  # fmt: skip
    raise InvalidInput(
        [Problem("cycle", f"{credential.label} has no cycle {cycle_id}. Its cycles: {known}.")]
    )


def packet_zip(out_pdf: Path) -> Path:
    """The zip of certificates written beside the audit packet's PDF."""
    return out_pdf.with_name(f"{out_pdf.stem}-certificates.zip")


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        stem, dot, suffix = name.rpartition(".")
        candidate = f"{stem}-{n}.{suffix}" if dot else f"{name}-{n}"
    taken.add(candidate.casefold())
    return candidate


def _rows(status: CredentialStatus, activities: Sequence[ActivityInfo]) -> list[ReportRow]:
    by_id = {a.id: a for a in activities}
    rows: list[ReportRow] = []
    taken: set[str] = set()
    outcomes = [o for o in status.activities if o.activity_id in by_id]
    outcomes.sort(key=lambda o: (by_id[o.activity_id].completed_on, o.activity_id))
    for o in outcomes:
        a = by_id[o.activity_id]
        present = a.certificate is not None and a.certificate.is_file()
        entry = _unique(certificate_entry_name(a), taken) if present else None
        rows.append(ReportRow(a, o, entry))
    return rows


def write_audit_packet(
    db: Database,
    label: str,
    out_pdf: Path,
    today: date,
    *,
    cycle_id: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    force: bool = False,
    words: PacketWords = ENGLISH,
) -> AuditPacket:
    """The audit packet of one credential's cycle (its open one unless `cycle_id` names another,
    closed or not): the PDF report at `out_pdf` and `<stem>-certificates.zip` beside it with the
    certificate of every activity applied to the cycle. A zip left by an earlier export of the
    same name is removed when the cycle has no certificate, so it cannot mislead. Either file
    already there is replaced (or that zip removed) only with `force`, and only if it is a
    regular file (see output_files).

    `progress(done, total)` is called per activity; when `cancelled()` turns true the export
    stops, removes what it wrote and raises ExportCancelled. Unknown credential or cycle, or a
    destination that cannot be written, raise InvalidInput. The report is in `words`' language
    (English unless the GUI passes its own)."""
    credential = _find_credential(db, label)
    cycle = _find_cycle(credential, cycle_id)
    zip_path = packet_zip(out_pdf)
    check_destination(db, out_pdf, "out_pdf", force=force)
    check_destination(db, zip_path, "out_pdf", force=force)
    book = rule_book()
    status = next(
        (s for s in ceu_statuses(db, today, include_closed=True) if s.cycle_id == cycle.id), None
    )
    if status is None:
        raise InvalidInput([problem("code", "report_unjudged", credential=credential.code)])
    rows = _rows(status, list_activities(db))
    total = len(rows)

    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled(f"The audit packet for {credential.label} was cancelled.")
        if progress is not None:
            progress(done, total)

    temporaries: list[Path] = []
    tmp_zip: Path | None = None
    try:
        with (
            ExitStack() as stack,
            unwritable(out_pdf, "out_pdf"),
            PendingFiles(db.data_dir) as pending,
        ):
            step(0)
            report = stack.enter_context(closing(AuditReport(credential, today, words)))
            report.front(book, credential, cycle, status)
            if any(r.entry is not None for r in rows):
                tmp_zip = temporary(zip_path, pending)
                temporaries.append(tmp_zip)
            with _zip_writer(tmp_zip) as archive:
                with report.activity_table(book, len(rows)) as add_row:
                    for done, row in enumerate(rows, start=1):
                        if archive is not None and row.entry is not None:
                            _add_certificate(archive, row)
                        add_row(row)
                        step(done)
                report.closing(status, rows)
            if cancelled is not None and cancelled():
                raise ExportCancelled(f"The audit packet for {credential.label} was cancelled.")
            tmp_pdf = temporary(out_pdf, pending)
            temporaries.append(tmp_pdf)
            with tmp_pdf.open("wb") as handle:
                handle.write(report.output())
                flush(handle)
            if tmp_zip is not None:
                put_in_place(tmp_zip, zip_path, "out_pdf", force=force)
            else:
                remove_old(zip_path, "out_pdf", force=force)
            put_in_place(tmp_pdf, out_pdf, "out_pdf", force=force)
    except BaseException:
        for tmp in temporaries:
            tmp.unlink(missing_ok=True)
        raise
    return AuditPacket(
        pdf=out_pdf,
        certificates_zip=zip_path if tmp_zip is not None else None,
        activities=len(rows),
        missing_certificates=sum(1 for r in rows if r.entry is None),
    )


def _add_certificate(archive: zipfile.ZipFile, row: ReportRow) -> None:
    path = row.activity.certificate
    assert path is not None and row.entry is not None
    try:
        archive.write(path, row.entry)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput(
            [problem("certificate", "report_certificate_unreadable", title=row.activity.title,
                     path=str(path), why=reason)]
        ) from exc  # fmt: skip


@contextmanager
def _zip_writer(path: Path | None) -> Iterator[zipfile.ZipFile | None]:
    if path is None:
        yield None
        return
    with path.open("wb") as handle:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            yield archive
        flush(handle)

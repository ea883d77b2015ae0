"""What an auditor asks for: every CEU activity as CSV, and one credential cycle's audit packet
(a PDF report and, beside it, a zip of the certificates, renamed so each matches its report row).

No Qt: the GUI runs these in a worker and the CLI calls them directly. Files appear whole or not
at all: everything is written to a temporary file in the destination folder, then moved into
place with os.replace. The PDF uses fpdf2's core fonts (Windows-1252 only), so characters they
cannot show are replaced (the CSV keeps the exact text).
"""

from __future__ import annotations

import csv
import os
import re
import secrets
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO

from fpdf import FPDF, FontFace
from fpdf.enums import Align, TableCellFillMode, XPos, YPos
from fpdf.table import Table

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_rules import RuleBook
from studyplanner.core.ceu_status import ActivityOutcome, CeuStatus, CredentialStatus
from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.credentials import (
    ActivityInfo,
    CredentialInfo,
    CycleInfo,
    ceu_statuses,
    list_activities,
    list_credentials,
)
from studyplanner.services.database import Database

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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet may run a cell starting with one of these as a formula: such cells get a '."""
PDF_ENCODING = "windows-1252"
"""What fpdf2's core fonts can show (the PDF's WinAnsiEncoding)."""
STATUS_WORDS = {
    CeuStatus.COMPLETE: "Complete",
    CeuStatus.ON_TRACK: "On track",
    CeuStatus.AT_RISK: "At risk",
    CeuStatus.OVERDUE: "Overdue",
}
MAX_ENTRY_NAME = 120
PAGE_COUNT = "{nb\x1f}"
"""Where fpdf2 writes the page count: with a control character, which pdf_text removes from the
user's text, so a title containing fpdf2's usual '{nb}' stays as typed."""


class ExportCancelled(Exception):
    """The user stopped the export; nothing was left behind."""


@dataclass(frozen=True, slots=True)
class AuditPacket:
    pdf: Path
    certificates_zip: Path | None  # None when no activity of the cycle has a certificate
    activities: int  # activities applied to the cycle
    missing_certificates: int  # of those, how many have no certificate file


# -- small formatting ----------------------------------------------------------------------------


def _units(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _category_label(book: RuleBook, category: str) -> str:
    found = book.categories.get(category)
    return found.label if found is not None else category


def _csv_cell(text: str) -> str:
    """Defuse formula injection: a cell a spreadsheet would evaluate starts with an apostrophe."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def pdf_text(text: str) -> str:
    """`text` as fpdf2's core fonts can show it: line breaks and controls become spaces, accents
    the encoding lacks are dropped (o with double acute -> o), anything else (emoji, CJK) becomes
    one '?' per run."""
    out: list[str] = []
    unknown = False
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            if ch in "\t\n\r\u2028\u2029":
                out.append(" ")
                unknown = False
            continue  # zero-width joiners, variation selectors' neighbours, BOMs...
        if unicodedata.category(ch) == "Mn" and unknown:
            continue  # a mark on a character already replaced
        try:
            ch.encode(PDF_ENCODING)
            out.append(ch)
            unknown = False
            continue
        except UnicodeEncodeError:
            pass
        kept = "".join(
            part
            for part in unicodedata.normalize("NFKD", ch)
            if unicodedata.category(part) != "Mn" and _encodable(part)
        )
        if kept:
            out.append(kept)
            unknown = False
        elif not unknown:
            out.append("?")
            unknown = True
    return "".join(out)


def _encodable(ch: str) -> bool:
    try:
        ch.encode(PDF_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def _entry_part(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_text).strip("._-")


def certificate_entry_name(activity: ActivityInfo) -> str:
    """The certificate's readable name in the zip: `<completed_on>-<index or id>-<name>`, in
    characters every system accepts, keeping the file's own suffix."""
    assert activity.certificate is not None
    suffix = activity.certificate.suffix.lower()
    original = activity.certificate_name or activity.certificate.name
    stem = original[: -len(suffix)] if original.lower().endswith(suffix) else original
    key = _entry_part(activity.index_number) or f"id{activity.id}"
    name = _entry_part(stem) or "certificate"
    head = f"{activity.completed_on.isoformat()}-{key}-"
    room = max(MAX_ENTRY_NAME - len(head) - len(suffix), 8)
    return f"{head}{name[:room]}{suffix}"


# -- writing files whole -------------------------------------------------------------------------


def _check_folder(path: Path, field: str) -> None:
    if not path.parent.is_dir():
        raise InvalidInput([Problem(field, f"The folder {path.parent} does not exist.")])
    if path.is_dir():
        raise InvalidInput([Problem(field, f"{path} is a folder; give a file name.")])


def _temporary(path: Path) -> Path:
    """A new, unused file name beside `path` (created, so nobody else takes it)."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        try:
            tmp.open("xb").close()  # honours the umask, unlike mkstemp's 0600
        except FileExistsError:
            continue
        return tmp


@contextmanager
def _unwritable(path: Path, field: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput([Problem(field, f"{path} cannot be written: {reason}.")]) from exc


# -- CSV -----------------------------------------------------------------------------------------


def _csv_row(book: RuleBook, a: ActivityInfo) -> list[str]:
    applied = "; ".join(f"{p.credential_label} {_units(p.units)}" for p in a.applied)
    cells = [
        a.completed_on.isoformat(), a.title, a.provider, a.index_number, _units(a.units),
        _category_label(book, a.category), "yes" if a.ahima_sourced else "no", applied,
        a.certificate_name or "", a.note,
    ]  # fmt: skip
    return [_csv_cell(c) for c in cells]


def write_activities_csv(db: Database, path: Path) -> int:
    """Every CEU activity, oldest first, one row each under a header row (UTF-8, no BOM).
    Returns the number of activities written. A bad destination raises InvalidInput("path")."""
    _check_folder(path, "path")
    db.check_output(path, "path")
    book = rule_book()
    activities = sorted(list_activities(db), key=lambda a: (a.completed_on, a.id))
    with _unwritable(path, "path"):
        tmp = _temporary(path)
        try:
            with tmp.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(CSV_COLUMNS)
                writer.writerows(_csv_row(book, a) for a in activities)
                _flush(handle)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return len(activities)


def _flush(handle: IO[str] | IO[bytes]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


# -- the audit packet ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    activity: ActivityInfo
    outcome: ActivityOutcome
    entry: str | None  # the certificate's name in the zip, None if missing


def _find_credential(db: Database, label: str) -> CredentialInfo:
    credentials = list_credentials(db)
    wanted = label.strip().upper()
    for c in credentials:
        if c.label.upper() == wanted:
            return c
    if not credentials:
        message = f"There is no credential called '{label}'; none is recorded yet."
    else:
        known = ", ".join(sorted(c.label for c in credentials))
        message = f"There is no credential called '{label}'. Known: {known}."
    raise InvalidInput([Problem("credential", message)])


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


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        stem, dot, suffix = name.rpartition(".")
        candidate = f"{stem}-{n}.{suffix}" if dot else f"{name}-{n}"
    taken.add(candidate.lower())
    return candidate


def _rows(status: CredentialStatus, activities: Sequence[ActivityInfo]) -> list[_Row]:
    by_id = {a.id: a for a in activities}
    rows: list[_Row] = []
    taken: set[str] = set()
    outcomes = [o for o in status.activities if o.activity_id in by_id]
    outcomes.sort(key=lambda o: (by_id[o.activity_id].completed_on, o.activity_id))
    for o in outcomes:
        a = by_id[o.activity_id]
        present = a.certificate is not None and a.certificate.is_file()
        entry = _unique(certificate_entry_name(a), taken) if present else None
        rows.append(_Row(a, o, entry))
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
) -> AuditPacket:
    """The audit packet of one credential's cycle (its open one unless `cycle_id` names another,
    closed or not): the PDF report at `out_pdf` and `<stem>-certificates.zip` beside it with the
    certificate of every activity applied to the cycle. A zip left by an earlier export of the
    same name is removed when the cycle has no certificate, so it cannot mislead.

    `progress(done, total)` is called per activity; when `cancelled()` turns true the export
    stops, removes what it wrote and raises ExportCancelled. Unknown credential or cycle, or a
    destination that cannot be written, raise InvalidInput."""
    credential = _find_credential(db, label)
    cycle = _find_cycle(credential, cycle_id)
    _check_folder(out_pdf, "out_pdf")
    book = rule_book()
    status = next(s for s in ceu_statuses(db, today, include_closed=True) if s.cycle_id == cycle.id)
    rows = _rows(status, list_activities(db))
    zip_path = out_pdf.with_name(f"{out_pdf.stem}-certificates.zip")
    db.check_output(out_pdf, "out_pdf")
    db.check_output(zip_path, "out_pdf")
    total = len(rows)

    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled(f"The audit packet for {credential.label} was cancelled.")
        if progress is not None:
            progress(done, total)

    temporaries: list[Path] = []
    tmp_zip: Path | None = None
    try:
        with _unwritable(out_pdf, "out_pdf"):
            step(0)
            report = _AuditReport(credential, today)
            report.front(book, credential, cycle, status)
            if any(r.entry is not None for r in rows):
                tmp_zip = _temporary(zip_path)
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
            tmp_pdf = _temporary(out_pdf)
            temporaries.append(tmp_pdf)
            with tmp_pdf.open("wb") as handle:
                handle.write(report.output())
                _flush(handle)
            if tmp_zip is not None:
                os.replace(tmp_zip, zip_path)
            else:
                zip_path.unlink(missing_ok=True)
            os.replace(tmp_pdf, out_pdf)
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


def _add_certificate(archive: zipfile.ZipFile, row: _Row) -> None:
    path = row.activity.certificate
    assert path is not None and row.entry is not None
    try:
        archive.write(path, row.entry)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput(
            [Problem("certificate", f"The certificate of '{row.activity.title}' ({path}) cannot "
                     f"be read: {reason}.")]
        ) from exc  # fmt: skip


@contextmanager
def _zip_writer(path: Path | None) -> Iterator[zipfile.ZipFile | None]:
    if path is None:
        yield None
        return
    with path.open("wb") as handle:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            yield archive
        _flush(handle)


# -- the PDF -------------------------------------------------------------------------------------

MARGIN = 14.0
BODY_PT = 9.5
SMALL_PT = 8.0
TABLE_PT = 8.5
PAD_X = 1.5
GREY = (90, 90, 90)
HEAD_FILL = (228, 232, 238)
BAND_FILL = (246, 247, 249)
ACTIVITY_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Date", 19),
    ("Title", 58),
    ("Provider", 28),
    ("Index / approval no.", 27),
    ("Units\napplied", 15),
    ("Units\ncounted", 15),
    ("Category", 26),
    ("Certificate (file in the zip)", 45),
    ("Not counted because", 38),
)
"""Activity table columns and their relative widths (scaled to the page width)."""


class _AuditReport(FPDF):
    """A4 landscape, core fonts, 'Page n of N' in the footer."""

    def __init__(self, credential: CredentialInfo, today: date) -> None:
        super().__init__(orientation="landscape", unit="mm", format="A4")
        self.core_fonts_encoding = PDF_ENCODING
        self.alias_nb_pages(PAGE_COUNT)
        self.today = today
        self.footer_text = pdf_text(
            f"CEU audit report - {credential.label} - generated {today.isoformat()}"
        )
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 4)
        self.set_title(pdf_text(f"CEU audit report: {credential.label}"))
        self.set_subject(pdf_text(f"{credential.name} ({credential.body})"))
        self.set_creator("Study Planner")
        self.add_page()

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font("Helvetica", size=SMALL_PT)
        self.set_text_color(*GREY)
        self.cell(self.epw / 2, 5, self.footer_text, align=Align.L)
        self.cell(self.epw / 2, 5, f"Page {self.page_no()} of {PAGE_COUNT}", align=Align.R)
        self.set_text_color(0, 0, 0)

    # -- building blocks

    def heading(self, text: str, *, keep_with: float = 24) -> None:
        """A section heading, moved to the next page with what follows if `keep_with` mm of
        room are not left below it."""
        if self.will_page_break(10 + keep_with):
            self.add_page()
        self.ln(3)
        self.set_font("Helvetica", style="B", size=12)
        self.cell(0, 7, pdf_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("Helvetica", size=BODY_PT)

    def paragraph(self, text: str, *, size: float = BODY_PT, grey: bool = False) -> None:
        self.set_font("Helvetica", size=size)
        if grey:
            self.set_text_color(*GREY)
        self.multi_cell(0, size * 0.5, pdf_text(text), align=Align.L,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
        self.set_text_color(0, 0, 0)

    def data_table(
        self,
        col_widths: Sequence[float],
        *,
        width: float | None = None,
        size: float = BODY_PT,
        align: str = "LEFT",
    ) -> AbstractContextManager[Table]:
        """A banded table whose heading row repeats on every page it spans."""
        self.set_font("Helvetica", size=size)
        return self.table(
            col_widths=tuple(col_widths), width=width, align=align, text_align="LEFT",
            line_height=size * 0.48, padding=(1.2, PAD_X),
            headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL),
            cell_fill_color=BAND_FILL, cell_fill_mode=TableCellFillMode.ROWS,
            borders_layout="SINGLE_TOP_LINE", repeat_headings=1,
        )  # fmt: skip

    def fit_lines(self, text: str, width: float) -> str:
        """`text` (a file name, an index number: no spaces) broken into lines of at most `width`
        mm after a '-' or '_', so a long name wraps where a reader expects, not mid-word."""
        lines: list[str] = []
        line = ""
        for token in re.findall(r"[^-_]+[-_]*|[-_]+", text):
            if self.get_string_width(line + token) <= width:
                line += token
                continue
            if line:
                lines.append(line)
            while self.get_string_width(token) > width and len(token) > 1:
                cut = len(token) - 1
                while cut > 1 and self.get_string_width(token[:cut]) > width:
                    cut -= 1
                lines.append(token[:cut])
                token = token[cut:]
            line = token
        if line:
            lines.append(line)
        return "\n".join(lines)

    # -- sections

    def front(
        self, book: RuleBook, credential: CredentialInfo, cycle: CycleInfo, status: CredentialStatus
    ) -> None:
        body = book.bodies.get(credential.body)
        self.set_font("Helvetica", style="B", size=20)
        self.cell(0, 10, "CEU audit report", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("Helvetica", size=12)
        self.cell(0, 7, pdf_text(f"{credential.label} - {credential.name}"),
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
        self.ln(2)
        cycle_words = f"{cycle.start.isoformat()} to {cycle.end.isoformat()}"
        if cycle.closed_on is not None:
            cycle_words += f" (closed on {cycle.closed_on.isoformat()})"
        body_words = credential.body
        if body is not None:
            body_words = (
                body.name if body.name.startswith(body.code) else f"{body.code} - {body.name}"
            )
        facts = [
            ("Credential", f"{credential.label} - {credential.name}"),
            ("Certifying body", body_words),
            ("Earned on", credential.earned_on.isoformat()),
            ("CEU cycle", cycle_words),
            ("Report generated", self.today.isoformat()),
        ]
        if len(status.pool) > 1:
            facts.append(("Sharing the CEU total", ", ".join(status.pool)))
        if credential.note:
            facts.append(("Note", credential.note))
        facts.append(("Holder name / member ID", "_" * 50))
        top = self.y
        self.set_font("Helvetica", size=BODY_PT)
        with self.table(
            width=self.epw * 0.58, col_widths=(30, 70), align="LEFT", first_row_as_headings=False,
            text_align="LEFT", line_height=BODY_PT * 0.5, padding=(1, PAD_X),
            borders_layout="HORIZONTAL_LINES",
        ) as table:  # fmt: skip
            for key, value in facts:
                row = table.row()
                row.cell(key, style=FontFace(emphasis="BOLD"))
                row.cell(pdf_text(value))
        left_bottom = self.y

        self.set_y(top)
        side = self.epw * 0.38
        words = STATUS_WORDS[status.status]
        if status.status is CeuStatus.OVERDUE or cycle.closed_on is not None:
            words += f" (cycle ended {status.cycle_end.isoformat()})"
        elif status.status is not CeuStatus.COMPLETE:
            words += f" ({status.days_left} days left)"
        summary = [
            ("Required", f"{_units(status.required)} CEUs"),
            ("Earned", f"{_units(status.earned)} CEUs"),
            ("Remaining", f"{_units(status.remaining)} CEUs"),
            ("Status", words),
        ]
        with self.data_table((1, 2), width=side, align="RIGHT") as table:
            heading = table.row()
            heading.cell("Summary", colspan=2)
            for key, value in summary:
                row = table.row()
                row.cell(key, style=FontFace(emphasis="BOLD"))
                row.cell(value, style=FontFace(emphasis="BOLD") if key == "Status" else None)
        # the table is drawn at the page's right edge: notes go below it, in the same column
        notes = []
        unmet = [c for c in status.failed_checks if c.id != "total"]
        if unmet:
            notes.append(
                "Not met yet: "
                + "; ".join(f"{c.label}, {_units(c.earned)} earned so far" for c in unmet)
                + "."
            )
        if status.required_from_user:
            notes.append("The required figure was entered by the holder.")
        if status.needs_user_figure:
            notes.append(
                "This is a first cycle, which the body may pro-rate: the figure shown is the "
                "full cycle's; the holder's account at the body shows the exact figure."
            )
        if len(status.pool) > 1:
            notes.append(
                f"{', '.join(status.pool)} share one total; an activity applied to several of "
                "them counts once toward it."
            )
        if status.pace_per_month is not None and status.status is not CeuStatus.COMPLETE:
            notes.append(f"To finish on time: {_units(status.pace_per_month)} CEUs a month.")
        if notes:
            self.ln(1.5)
            self.set_font("Helvetica", size=SMALL_PT)
            self.set_text_color(*GREY)
            self.set_x(self.l_margin + self.epw - side)
            self.multi_cell(side, SMALL_PT * 0.5, pdf_text(" ".join(notes)), align=Align.L,
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
            self.set_text_color(0, 0, 0)
        self.set_y(max(left_bottom, self.y))

        self.heading("Rule checks")
        with self.data_table((62, 15, 15, 10, 100, 18)) as table:
            table.row(["Rule", "Required", "Earned", "Met", "Source", "Checked"])
            for check in status.checks:
                row = table.row()
                row.cell(pdf_text(check.label))
                row.cell(_units(check.required))
                row.cell(_units(check.earned))
                row.cell("Yes" if check.met else "No",
                         style=None if check.met else FontFace(emphasis="BOLD"))  # fmt: skip
                sources = "\n".join(pdf_text(s) for s in check.source.sources) or "-"
                if check.source.verify:
                    sources += "\n(marked 'to verify' in the rule book)"
                row.cell(sources)
                row.cell(check.source.checked.isoformat())

    @contextmanager
    def activity_table(self, book: RuleBook, count: int) -> Iterator[Callable[[_Row], None]]:
        """Yields a function adding one activity's row; the table is drawn at the end."""
        self.heading("Activities applied to this cycle", keep_with=45 if count else 10)
        if count == 0:
            self.paragraph("No activity is applied to this cycle yet.")
            yield lambda row: None
            return
        scale = self.epw / sum(w for _, w in ACTIVITY_COLUMNS)
        inner = {name: w * scale - 2 * PAD_X - 0.3 for name, w in ACTIVITY_COLUMNS}
        with self.data_table([w for _, w in ACTIVITY_COLUMNS], size=TABLE_PT) as table:
            table.row([name for name, _ in ACTIVITY_COLUMNS])
            applied = counted = Decimal(0)
            missing = 0

            def add(row: _Row) -> None:
                nonlocal applied, counted, missing
                a, o = row.activity, row.outcome
                applied += o.applied
                counted += o.counted
                missing += row.entry is None
                index = self.fit_lines(pdf_text(a.index_number), inner["Index / approval no."])
                entry = (
                    self.fit_lines(row.entry, inner["Certificate (file in the zip)"])
                    if row.entry
                    else "missing"
                )
                table.row(
                    [
                        a.completed_on.isoformat(), pdf_text(a.title), pdf_text(a.provider) or "-",
                        index or "-", _units(o.applied), _units(o.counted),
                        pdf_text(_category_label(book, a.category)),
                        entry, pdf_text(o.reason or ""),
                    ]
                )  # fmt: skip

            yield add
            bold = FontFace(emphasis="BOLD")
            total = table.row(style=bold)
            total.cell(f"Total: {count} {'activity' if count == 1 else 'activities'}", colspan=4)
            total.cell(_units(applied))
            total.cell(_units(counted))
            total.cell("")
            total.cell(f"{count - missing} of {count} on file")
            total.cell("")

    def closing(self, status: CredentialStatus, rows: Sequence[_Row]) -> None:
        missing = sum(1 for r in rows if r.entry is None)
        lines = [
            f"Counted toward the cycle's total: {_units(status.earned)} of "
            f"{_units(status.required)} CEUs required"
            + (f" (shared by {', '.join(status.pool)})." if len(status.pool) > 1 else ".")
        ]
        if missing:
            lines.append(
                f"{missing} {'activity has' if missing == 1 else 'activities have'} no "
                "certificate on file (marked 'missing')."
            )
        elif rows:
            lines.append("Every activity's certificate is in the accompanying zip file.")
        if self.will_page_break(28):
            self.add_page()
        self.ln(2)
        self.paragraph(" ".join(lines))
        self.ln(4)
        self.paragraph(
            "I attest that I completed the activities listed above on the dates shown.",
            size=BODY_PT,
        )
        self.ln(6)
        self.set_font("Helvetica", size=BODY_PT)
        self.cell(120, 5, "Signature: " + "_" * 45)
        self.cell(70, 5, "Date: " + "_" * 25, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

"""CLI commands for CEUs: `ceu add|status|report|export` (credentials: credential_commands).

Light at import (no SQLAlchemy): the services are imported inside each command. Units are shown
as plain decimals (40, 2.5) in text and as JSON numbers.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyplanner.cli.arguments import UsageError
from studyplanner.cli.context import open_db, today_of
from studyplanner.cli.credential_commands import find_credential
from studyplanner.cli.output import emit, warn
from studyplanner.core.ceu_reasons import AllocationWarning, english, warning_values
from studyplanner.core.rule_check import check_values
from studyplanner.core.validation import InvalidInput, Problem

if TYPE_CHECKING:
    from studyplanner.core.ceu_status import CredentialStatus
    from studyplanner.services.ceu_activities import ActivityInfo
    from studyplanner.services.credentials import CredentialInfo

STATUS_WORDS = {
    "complete": "complete",
    "on_track": "on track",
    "at_risk": "at risk",
    "overdue": "overdue",
}


def _bad(field: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(field, message)])


def _units_text(units: Decimal) -> str:
    return f"{units.normalize():f}"


def _number(units: Decimal | None) -> float | None:
    return None if units is None else float(units)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# -- ceu add -------------------------------------------------------------------------------------


def _allocations(
    items: Sequence[str], credentials: Sequence[CredentialInfo], units: Decimal
) -> list[tuple[int, Decimal]]:
    """`--credential LABEL` (all the units) or `LABEL=UNITS` as (open cycle id, units) pairs."""
    from studyplanner.cli.values import parse_units as units_form
    from studyplanner.services.ceu_activities import parse_units

    labels = {c.label for c in credentials}
    pairs = []
    for item in items:
        label, sep, part = item.rpartition("=")
        if not sep or item.strip().upper() in labels:
            label, sep = item, ""
        info = find_credential(credentials, label)
        if sep:
            try:
                part = units_form(part)
            except argparse.ArgumentTypeError as exc:
                raise UsageError(f"argument --credential: {exc}") from None
        applied = parse_units(part, f"credential {info.label}") if sep else units
        pairs.append((info.current.id, applied))
    return pairs


def _activity_payload(info: ActivityInfo, warnings: Sequence[AllocationWarning]) -> dict[str, Any]:
    return {
        "id": info.id,
        "date": info.completed_on.isoformat(),
        "title": info.title,
        "provider": info.provider,
        "index": info.index_number,
        "units": float(info.units),
        "category": info.category,
        "ahima_sourced": info.ahima_sourced,
        "note": info.note,
        "certificate": str(info.certificate) if info.certificate else None,
        "certificate_name": info.certificate_name,
        "applied": [
            {"credential": a.credential_label, "cycle_id": a.cycle_id, "units": float(a.units)}
            for a in info.applied
        ],
        "warnings": [warning_values(w) for w in warnings],
    }


def _activity_text(info: ActivityInfo) -> str:
    applied = ", ".join(f"{a.credential_label} {_units_text(a.units)}" for a in info.applied)
    lines = [
        f"Saved activity {info.id}: {info.title!r} on {info.completed_on}, "
        f"{_units_text(info.units)} CEUs ({info.category})"
        + ("; AHIMA-sourced." if info.ahima_sourced else "."),
        f"Applied to: {applied}." if applied else "Not applied to any credential.",
    ]
    if info.certificate is not None:
        lines.append(f"Certificate {info.certificate_name} kept as {info.certificate}.")
    return "\n".join(lines)


def run_ceu_add(args: argparse.Namespace) -> int:
    from studyplanner.services.ceu_activities import ActivityInput, add_activity, parse_units
    from studyplanner.services.credentials import application_warnings, list_credentials

    today = today_of(args)
    units = parse_units(args.units)
    data = ActivityInput(
        completed_on=args.date, title=args.title, units=units,
        category=args.category.strip().lower().replace("-", "_"), provider=args.provider,
        index_number=args.index, ahima_sourced=args.ahima_sourced, note=args.note,
        certificate=Path(args.certificate).expanduser() if args.certificate else None,
    )  # fmt: skip
    db = open_db(args)
    try:
        allocations = _allocations(args.credential, list_credentials(db), units)
        warnings = application_warnings(db, data, allocations, today)
        info = add_activity(db, data, allocations, today)  # checks everything before writing
    finally:
        db.close()
    for warning in warnings:  # only once saved: a refused activity prints its one error line
        warn(english(warning))
    emit(_activity_payload(info, warnings), args.json, _activity_text(info))
    return 0


# -- ceu status ----------------------------------------------------------------------------------


def _status_payload(s: CredentialStatus) -> dict[str, Any]:
    return {
        "code": s.label,
        "rule": s.code,
        "body": s.body,
        "credential_id": s.credential_id,
        "cycle_id": s.cycle_id,
        "cycle_start": s.cycle_start.isoformat(),
        "cycle_end": s.cycle_end.isoformat(),
        "required": float(s.required),
        "required_from_user": s.required_from_user,
        "needs_user_figure": s.needs_user_figure,
        "earned": float(s.earned),
        "remaining": float(s.remaining),
        "days_left": s.days_left,
        "status": s.status.value,
        "failed_checks": [c.label for c in s.failed_checks],
        "checks": [{**check_values(c), "label": c.label} for c in s.checks],
        "pace_per_month": _number(s.pace_per_month),
        "pool": list(s.pool),
        "submission_opens": _iso(s.submission_opens),
        "grace_ends": _iso(s.grace_ends),
        "lapses_on": _iso(s.lapses_on),
    }


def _status_sentences(s: CredentialStatus) -> list[str]:
    lines = []
    for check in s.failed_checks:
        lines.append(
            f"  missing: {check.label}: {_units_text(check.earned)} of "
            f"{_units_text(check.required)} earned."
        )
    if s.pace_per_month is not None:
        lines.append(f"  earn {_units_text(s.pace_per_month)} CEUs a month to finish on time.")
    if s.status.value == "overdue":
        after = [f"grace ends {s.grace_ends}" if s.grace_ends else "",
                 f"lapses on {s.lapses_on}" if s.lapses_on else ""]  # fmt: skip
        lines.append(f"  the cycle ended {s.cycle_end}" + "".join(f"; {a}" for a in after if a))
    if s.needs_user_figure:
        lines.append(
            f"  first cycle: {s.body} may pro-rate the figure; check the one on your account."
        )
    if s.submission_opens is not None and s.status.value == "complete":
        lines.append(f"  report your CEUs from {s.submission_opens} to {s.cycle_end}.")
    return lines


def _status_text(statuses: Sequence[CredentialStatus]) -> str:
    rows = [
        (s.label, s.body, f"{s.cycle_start}..{s.cycle_end}", _units_text(s.required),
         _units_text(s.earned), _units_text(s.remaining), str(s.days_left),
         STATUS_WORDS.get(s.status.value, s.status.value))
        for s in statuses
    ]  # fmt: skip
    head = ("CREDENTIAL", "BODY", "CYCLE", "REQUIRED", "EARNED", "REMAINING", "DAYS LEFT", "STATUS")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    right = {3, 4, 5, 6}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    lines = [line(head), *(line(r) for r in rows), ""]
    for s in statuses:
        lines.append(f"{s.label}: {STATUS_WORDS.get(s.status.value, s.status.value)}")
        lines += _status_sentences(s)
    return "\n".join(lines)


UNJUDGED_TEXT = {
    "unknown_rules": "unknown credential: the rules do not know it, so its CEUs cannot be judged",
    "dates_out_of_range": "a date of this credential or its cycles is outside 1900 to 2200, so "
    "its CEUs cannot be judged (correct it with `studyplanner cycle edit` or `credential edit`)",
}


def run_ceu_status(args: argparse.Namespace) -> int:
    from studyplanner.services.credentials import ceu_statuses, unjudged_credentials

    db = open_db(args)
    try:
        statuses = ceu_statuses(db, today_of(args))
        unjudged = unjudged_credentials(db)
    finally:
        db.close()
    if not statuses and not unjudged:
        emit([], args.json, "No credentials yet: add one with `studyplanner credential add`.")
        return 0
    payload = [_status_payload(s) for s in statuses] + [
        {"code": u.credential.label, "rule": u.credential.code, "body": u.credential.body,
         "credential_id": u.credential.id, "status": "unknown", "reason": u.reason,
         "message": UNJUDGED_TEXT[u.reason]}
        for u in unjudged
    ]  # fmt: skip
    text = "\n".join(
        ([_status_text(statuses)] if statuses else [])
        + [f"{u.credential.label} ({u.credential.code}, {u.credential.body}): "
           f"{UNJUDGED_TEXT[u.reason]}." for u in unjudged]
    )  # fmt: skip
    emit(payload, args.json, text)
    return 0


# -- ceu report | export -------------------------------------------------------------------------


def _output_path(text: str, field: str, suffix: str) -> Path:
    """The file to write, with the suffix its kind needs (the service checks where it goes)."""
    path = Path(text).expanduser()
    if path.suffix.lower() != suffix:
        raise _bad(field, f"{path.name} must end in {suffix}.")
    return path


def run_ceu_report(args: argparse.Namespace) -> int:
    from studyplanner.services.ceu_export import write_audit_packet

    out = _output_path(args.out, "out", ".pdf")
    db = open_db(args)
    try:
        packet = write_audit_packet(db, args.code, out, today_of(args), force=args.force)
    finally:
        db.close()
    zip_path = str(packet.certificates_zip) if packet.certificates_zip else None
    payload = {
        "credential": args.code.strip().upper(),
        "pdf": str(packet.pdf),
        "certificates_zip": zip_path,
        "activities": packet.activities,
        "missing_certificates": packet.missing_certificates,
    }
    emit(payload, args.json, "\n".join(p for p in (str(packet.pdf), zip_path) if p))
    if packet.missing_certificates and not args.json:
        warn(
            f"{packet.missing_certificates} of {packet.activities} activities have no certificate."
        )
    return 0


def run_ceu_export(args: argparse.Namespace) -> int:
    from studyplanner.services.ceu_export import write_activities_csv

    path = _output_path(args.csv, "csv", ".csv")
    db = open_db(args)
    try:
        count = write_activities_csv(db, path, force=args.force, bom=not args.no_bom)
    finally:
        db.close()
    emit(
        {"csv": str(path), "activities": count},
        args.json,
        f"Exported {count} activities to {path}.",
    )
    return 0


Handler = Callable[[argparse.Namespace], int]
CEU_HANDLERS: dict[str, Handler] = {
    "add": run_ceu_add,
    "status": run_ceu_status,
    "report": run_ceu_report,
    "export": run_ceu_export,
}

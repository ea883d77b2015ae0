"""CLI commands that keep the data safe: backup, backups, restore, check, export, import."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyplanner.cli.context import open_db
from studyplanner.cli.output import emit
from studyplanner.core.validation import InvalidInput, Problem

if TYPE_CHECKING:
    pass


def run_backup(args: argparse.Namespace) -> int:
    from studyplanner.services.backups import backup_now

    db = open_db(args)
    try:
        info = backup_now(db, datetime.now())
    finally:
        db.close()
    emit({"file": str(info.path), "size": info.size}, args.json, f"Backed up to {info.path}.")
    return 0


def run_backups(args: argparse.Namespace) -> int:
    from studyplanner.services.backups import PREVIEW_TABLES, list_backups, preview_backup
    from studyplanner.services.data_folder import resolve_data_dir

    rows: list[dict[str, Any]] = []
    for info in list_backups(resolve_data_dir(args.data_dir)):
        preview = preview_backup(info.path)
        taken = info.taken_at.astimezone().isoformat(timespec="seconds")  # local, with offset
        rows.append({
            "file": str(info.path), "taken_at": taken, "size": info.size,
            "reason": info.reason, "ok": preview.ok, "problem": preview.problem,
            "holds": preview.counts,
        })  # fmt: skip
    lines = [
        f"{r['taken_at'].replace('T', ' ')}  {r['size']:>10,} B  {r['reason']:<24} "
        + (", ".join(f"{n} {PREVIEW_TABLES.get(t, t)}" for t, n in r["holds"].items())
           if r["ok"] else
           f"cannot be restored: {r['problem']}")
        + f"\n    {r['file']}"
        for r in rows
    ]  # fmt: skip
    emit(rows, args.json, "\n".join(lines) or "No backups yet.")
    return 0


def _backup_path(args: argparse.Namespace) -> Path:
    from studyplanner.services.backups import backups_folder
    from studyplanner.services.data_folder import resolve_data_dir

    given = Path(str(args.backup))
    if given.is_file():
        return given
    inside: Path = backups_folder(resolve_data_dir(args.data_dir)) / given.name
    if inside.is_file():
        return inside
    raise InvalidInput([Problem("backup", f"There is no backup {args.backup} "
                                "(see `studyplanner backups`).")])  # fmt: skip


def run_restore(args: argparse.Namespace) -> int:
    from studyplanner.services.backups import restore_backup

    backup = _backup_path(args)
    db = open_db(args)
    try:
        safety = restore_backup(db, backup, datetime.now())
    finally:
        db.close()
    emit({"restored": str(backup), "previous_data": str(safety.path)}, args.json,
         f"Restored {backup.name}. Your data from before is in {safety.path}.")  # fmt: skip
    return 0


def run_check(args: argparse.Namespace) -> int:
    from studyplanner.services.backups import check_database
    from studyplanner.services.data_folder import database_path, resolve_data_dir
    from studyplanner.services.database import open_database_readonly
    from studyplanner.services.leftovers import clean_up

    data_dir = resolve_data_dir(args.data_dir)
    path = database_path(data_dir)
    if not path.exists():
        emit({"ok": False, "problem": "no database"}, args.json, f"There is no database at {path}.")
        return 1
    readonly = open_database_readonly(data_dir)  # refuses a foreign or too-new file, untouched
    cleaned: list[str] = []
    if readonly is not None:
        try:  # what an interrupted action left (files beside the database, never the file)
            cleaned = [str(p) for p in clean_up(readonly).files]
        finally:
            readonly.close()
    report = check_database(path)
    payload = {
        "file": str(path), "ok": report.ok, "integrity": report.integrity,
        "schema": report.revision, "expected_schema": report.head,
        "foreign_key_problems": report.foreign_key_problems, "removed_leftovers": cleaned,
    }  # fmt: skip
    schema = "up to date"
    if report.revision != report.head:
        schema = f"{report.revision} (will be upgraded to {report.head} when opened)"
    text = (f"{path}\n  integrity: {report.integrity}\n  schema: {schema}\n"
            f"  foreign keys: {report.foreign_key_problems} problem(s)\n"
            + (f"  removed {len(cleaned)} file(s) an interrupted action left behind\n"
               if cleaned else "")
            + ("All is well." if report.ok else "Problems found."))  # fmt: skip
    emit(payload, args.json, text)
    return 0 if report.ok else 1


def run_export(args: argparse.Namespace) -> int:
    from studyplanner.cli.remind_commands import run_export_ics

    if args.what == "ics":
        return run_export_ics(args)
    if args.file is not None:
        raise InvalidInput([Problem("file", "Use `export FILE` for everything, or "
                                    "`export ics FILE` for the calendar.")])  # fmt: skip
    from studyplanner.services.archive.transfer import export_archive

    target = Path(args.what)
    db = open_db(args)
    try:
        summary = export_archive(db, target, now=datetime.now(), force=args.force)
    finally:
        db.close()
    emit({"file": str(target), **_fields(summary)}, args.json, f"Exported everything to {target}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from studyplanner.services.archive.transfer import import_archive

    source = Path(args.file)
    if not source.is_file():
        raise InvalidInput([Problem("file", f"There is no file {source}.")])
    db = open_db(args)
    try:
        summary = import_archive(db, source, "replace" if args.replace else "merge",
                                 now=datetime.now())  # fmt: skip
    finally:
        db.close()
    how = "replaced your data with" if args.replace else "merged"
    kept = sum(summary.kept.values())
    text = f"Imported: {how} {source}: {summary.total_added} records added"
    text += f", {kept} already present." if not args.replace else "."
    emit({"file": str(source), "mode": "replace" if args.replace else "merge",
          **_fields(summary)}, args.json, text)  # fmt: skip
    return 0


def _fields(summary: Any) -> dict[str, Any]:
    """A dataclass summary as JSON-friendly fields."""
    from dataclasses import asdict, is_dataclass

    if not is_dataclass(summary) or isinstance(summary, type):
        return {}
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(summary).items()}

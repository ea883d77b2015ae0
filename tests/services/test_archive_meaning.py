"""Archives whose shape is right but whose meaning is not (issue 11, item 2), on real SQLite
files in tmp_path and real zip files built here: each is refused before anything is written,
with one problem naming the file member, the table, the row and the field; the database and
the data folder stay exactly as they were. And data of that kind already in a database (written
by another program) no longer crashes what reads it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from studyplanner.core.model import Availability, Blackout, VerdictKind
from studyplanner.core.validation import InvalidInput
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as creds
from studyplanner.services.archive.format import ARCHIVE_JSON
from studyplanner.services.archive.transfer import (
    ArchiveError,
    export_archive,
    import_archive,
    preview_import,
)
from studyplanner.services.bounded_json import JsonBeyondLimits, loads, measure
from studyplanner.services.calendar_export import build_calendar
from studyplanner.services.ceu_export import write_audit_packet
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import active_plan, create_plan
from studyplanner.services.progress import log_session, mark_done, module_statuses, progress
from studyplanner.services.reminders import current_reminders
from studyplanner.services.settings import (
    AppSettings,
    app_settings,
    reminder_settings,
    save_app_settings,
)
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.services.verdict_codec import BadVerdict, read_verdict, stored_verdict
from studyplanner.store import tables

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 18, 0)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
MODES = ("merge", "replace")


# -- a learner's valid archive, and a folder to import into --------------------------------------


def build_learner(folder: Path, scratch: Path) -> None:
    """Something in every table a read surface uses: the active CPC plan (a blackout), study
    logged, a module done, a credential with a CEU activity and its certificate, settings."""
    db = open_database(folder)
    try:
        cpc = PlanSettings(
            start=date(2026, 9, 7), availability=Availability((90, 90, 90, 90, 90, 180, 0)),
            weekly_minutes=600, blackouts=(Blackout(date(2026, 12, 21), date(2027, 1, 3), "Off"),),
        )  # fmt: skip
        create_plan(db, NewPlan(cpc, template_id="cpc-certificate-program"), TODAY)
        modules = module_statuses(db, TODAY)
        log_session(db, modules[0].id, date(2026, 9, 8), 50, "chapter 1", TODAY)
        mark_done(db, modules[0].id, date(2026, 9, 20), None, TODAY)
        cred = creds.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
        certificate = scratch / "certificate.pdf"
        certificate.write_bytes(PDF)
        data = acts.ActivityInput(date(2026, 5, 1), "Webinar", Decimal("1.5"), "coding",
                                  certificate=certificate)  # fmt: skip
        acts.add_activity(db, data, [(cred.current.id, Decimal("1.5"))], TODAY)
        save_app_settings(db, AppSettings(study_time="19:30"))
    finally:
        db.close()


def build_owner(folder: Path) -> None:
    """The folder imports go into: a plan and a credential of its own."""
    db = open_database(folder)
    try:
        own = PlanSettings(
            start=date(2026, 10, 5), availability=Availability((60,) * 7), weekly_minutes=420
        )
        create_plan(db, NewPlan(own, template_id="ccs-exam-prep"), TODAY)
        creds.add_credential(db, "CCS", date(2024, 5, 1), TODAY)
    finally:
        db.close()


@dataclass
class Templates:
    document: dict[str, Any]
    certificates: dict[str, bytes]
    owner: Path


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    root = tmp_path_factory.mktemp("meaning")
    build_learner(root / "learner", root)
    db = open_database(root / "learner")
    try:
        export_archive(db, root / "valid.zip", now=NOW)
    finally:
        db.close()
    with zipfile.ZipFile(root / "valid.zip") as zf:
        document = json.loads(zf.read(ARCHIVE_JSON))
        certificates = {n: zf.read(n) for n in zf.namelist() if n != ARCHIVE_JSON}
    build_owner(root / "owner")
    return Templates(document, certificates, root / "owner")


def fresh_document(templates: Templates) -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps(templates.document))
    return copied


def write_zip(path: Path, templates: Templates, document: Any = None, *,
              json_text: str | None = None) -> Path:  # fmt: skip
    if json_text is None:
        json_text = json.dumps(templates.document if document is None else document)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(ARCHIVE_JSON, json_text)
        for name, data in templates.certificates.items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def owner(templates: Templates, tmp_path: Path) -> Iterator[Database]:
    folder = tmp_path / "data"
    shutil.copytree(templates.owner, folder)
    db = open_database(folder)
    yield db
    db.close()


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in tables.metadata.sorted_tables
        }


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if not p.name.endswith(("-wal", "-shm"))}  # fmt: skip


def assert_refused(db: Database, archive: Path, mode: str, where: str, why: str) -> str:
    """The import is refused naming `where` (file, table, row, field) and saying `why`; the
    database and the data folder are exactly as before (no backup, no certificate)."""
    before, files = dump(db), files_under(db.data_dir)
    with pytest.raises(ArchiveError) as caught:
        import_archive(db, archive, mode, now=NOW)  # type: ignore[arg-type]
    problem = caught.value.problems[0]
    assert problem.field == where, caught.value.problems
    assert why in problem.message, problem.message
    sentence = " ".join(caught.value.sentences())
    assert "\n" not in sentence
    assert dump(db) == before
    assert files_under(db.data_dir) == files
    with pytest.raises(ArchiveError):
        preview_import(db, archive)
    return sentence


def place(table: str, row: int, column: str | None = None) -> str:
    where = f"{ARCHIVE_JSON}: table {table}, row {row}"
    return where if column is None else f"{where}, field {column}"


def _set(table: str, column: str, value: Any, row: int = 0, **more: Any
         ) -> Callable[[dict[str, Any]], None]:  # fmt: skip
    def change(document: dict[str, Any]) -> None:
        document["tables"][table][row][column] = value
        document["tables"][table][row].update(more)

    return change


# -- each case of the issue, refused ---------------------------------------------------------------

DEEP = "[" * 100_000 + "]" * 100_000

CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "verdict {}": (_set("baselines", "verdict_json", "{}"),
                   place("baselines", 1, "verdict_json"), "the verdict has no known kind"),
    "verdict not JSON": (_set("baselines", "verdict_json", "fits!"),
                         place("baselines", 1, "verdict_json"), "not valid JSON"),
    "verdict date out of range": (
        _set("baselines", "verdict_json", json.dumps({"kind": "fits", "finish": "9999-12-31"})),
        place("baselines", 1, "verdict_json"), "between 1900 and 2200"),
    "credential ZZZ": (_set("credentials", "code", "ZZZ"),
                       place("credentials", 1, "code"), "'ZZZ' is not a credential"),
    "credential of another body": (_set("credentials", "body", "AHIMA"),
                                   place("credentials", 1, "body"), "CPC is a credential of AAPC"),
    "cycle ending 9999-12-31": (_set("credential_cycles", "end_on", "9999-12-31"),
                                place("credential_cycles", 1, "end_on"),
                                "9999-12-31 is not between 1900 and 2200"),
    "cycle of 9 years and more": (_set("credential_cycles", "end_on", "2199-12-31"),
                                  place("credential_cycles", 1, "end_on"), "longer than 3700 days"),
    "session in year 1": (_set("study_sessions", "day", "0001-01-01"),
                          place("study_sessions", 1, "day"), "not between 1900 and 2200"),
    "plan target before its start": (
        _set("plans", "target_date", "2026-01-01", weekly_minutes=None),
        place("plans", 1, "target_date"), "is not after start_date 2026-09-07"),
    "setting nested 100,000 deep": (_set("app_settings", "value", DEEP),
                                    place("app_settings", 1, "value"), "longer than"),
    "setting nested 5 deep": (_set("app_settings", "value", "[[[[[1]]]]]"),
                              place("app_settings", 1, "value"), "nested more than 4 levels"),
    "known setting not an object": (_set("app_settings", "value", "[1, 2]"),
                                    place("app_settings", 1, "value"), "must be a JSON object"),
    "weekday minutes beyond a day": (_set("plans", "min_mon", 5000),
                                     place("plans", 1, "min_mon"), "5000 is outside 0 to 960"),
    "module hours beyond the app's": (_set("modules", "estimated_minutes", 10**9),
                                      place("modules", 1, "estimated_minutes"), "is outside 1 to"),
    "unknown CEU category": (_set("ceu_activities", "category", "golf"),
                             place("ceu_activities", 1, "category"),
                             "'golf' is not a CEU category"),
    "note longer than the app allows": (_set("study_sessions", "note", "x" * 5000),
                                        place("study_sessions", 1, "note"),
                                        "longer than 2000 characters"),
    "allocation beyond its activity": (_set("ceu_allocations", "units_hundredths", 9000),
                                       place("ceu_allocations", 1, "units_hundredths"),
                                       "of an activity worth 1.5"),
    "credential without a cycle": (lambda d: d["tables"]["ceu_allocations"].clear()
                                   or d["tables"]["credential_cycles"].clear(),
                                   place("credentials", 1), "has no cycle"),
    "module requiring itself": (
        lambda d: d["tables"]["module_prerequisites"].append(
            {"module_id": d["tables"]["modules"][0]["id"],
             "requires_id": d["tables"]["modules"][0]["id"]}),
        "(the prerequisite added last)", "cannot require itself"),
}  # fmt: skip


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", sorted(CASES))
def test_an_archive_without_meaning_is_refused_naming_the_record(
    templates: Templates, owner: Database, tmp_path: Path, case: str, mode: str
) -> None:
    change, where, why = CASES[case]
    document = fresh_document(templates)
    change(document)
    if case == "module requiring itself":
        where = place("module_prerequisites", len(document["tables"]["module_prerequisites"]),
                      "requires_id")  # fmt: skip
    archive = write_zip(tmp_path / "archive.zip", templates, document)
    assert_refused(owner, archive, mode, where, why)


def test_prerequisites_in_a_loop_are_refused(
    templates: Templates, owner: Database, tmp_path: Path
) -> None:
    document = fresh_document(templates)
    ids = [m["id"] for m in document["tables"]["modules"][:3]]
    document["tables"]["module_prerequisites"] = [
        {"module_id": a, "requires_id": b} for a, b in zip(ids, ids[1:] + ids[:1], strict=True)
    ]
    archive = write_zip(tmp_path / "loop.zip", templates, document)
    assert_refused(owner, archive, "replace", f"{ARCHIVE_JSON}: table module_prerequisites, "
                   "field requires_id", "require each other in a loop")  # fmt: skip


def test_the_valid_archive_imports_in_both_modes(
    templates: Templates, owner: Database, tmp_path: Path
) -> None:
    archive = write_zip(tmp_path / "valid.zip", templates)
    merged = import_archive(owner, archive, "merge", now=NOW)
    assert merged.total_added > 0
    replaced = import_archive(owner, archive, "replace", now=NOW)
    assert replaced.total_added == sum(len(r) for r in templates.document["tables"].values())


# -- size and depth of the document itself -------------------------------------------------------


def test_an_archive_nested_100000_levels_deep_is_refused_before_parsing(
    templates: Templates, owner: Database, tmp_path: Path
) -> None:
    text = json.dumps(templates.document)[:-1] + ', "deep": ' + DEEP + "}"
    archive = write_zip(tmp_path / "deep.zip", templates, json_text=text)
    assert_refused(owner, archive, "merge", ARCHIVE_JSON, "nested more than 6 levels deep")


def test_a_huge_document_of_empty_objects_is_refused_without_building_them(
    templates: Templates, owner: Database, tmp_path: Path
) -> None:
    """209 MB of `{}` in a 26 MB zip was refused only after 4.5 GB of memory: now the objects
    are counted on the text first. Run in a process of its own to measure its peak memory."""
    archive = tmp_path / "empties.zip"
    head = json.dumps({k: v for k, v in templates.document.items() if k != "tables"})
    spaces = bytes.maketrans(bytes(range(256)), b" \t\n\r" * 64)
    with (
        zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open(ARCHIVE_JSON, "w", force_zip64=True) as member,
    ):
        member.write(head[:-1].encode() + b', "tables": {"study_sessions": [')
        for _ in range(49):  # 49 x 4 MB: just under the 200 MB a document may be
            chunk = bytearray(b"{}, " * (1 << 20))
            chunk[3::4] = os.urandom(1 << 20).translate(spaces)  # not a zip bomb: 1:10
            member.write(chunk)
        member.write(b"{}]}}")
    with zipfile.ZipFile(archive) as zf:
        assert 190 * 1024**2 < zf.getinfo(ARCHIVE_JSON).file_size < 200 * 1024**2
    assert archive.stat().st_size < 40 * 1024**2
    script = textwrap.dedent(f"""
        import resource, sys
        from pathlib import Path
        from studyplanner.services.archive.transfer import ArchiveError, import_archive
        from studyplanner.services.database import open_database
        from datetime import datetime
        db = open_database(Path({str(owner.data_dir)!r}))
        try:
            import_archive(db, Path({str(archive)!r}), "merge", now=datetime(2026, 11, 27))
        except ArchiveError as exc:
            print(" ".join(exc.sentences()))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(peak)
    """)
    owner.close()
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=300, env=dict(os.environ))  # fmt: skip
    assert result.returncode == 0, result.stderr
    message, peak_mb = result.stdout.strip().splitlines()
    assert message == (f"{ARCHIVE_JSON}: holds more than 1,000,000 objects and arrays: it is "
                       "not a Study Planner archive.")  # fmt: skip
    assert int(peak_mb) < 800, f"peak memory {peak_mb} MB"  # 441 MB: the bytes and the text


def test_measuring_json_without_parsing_it() -> None:
    assert measure('{"a": "[[[[", "b": [1, {"c": null}]}', max_depth=8).depth == 3
    assert measure("3", max_depth=1).depth == 0
    assert measure('"\\"[["', max_depth=1).depth == 0
    with pytest.raises(JsonBeyondLimits, match="nested more than 3"):
        measure("[[[[]]]]", max_depth=3)
    with pytest.raises(JsonBeyondLimits, match="nested more than 3"):
        measure("[" * 100_000, max_depth=3)  # not JSON, and deep before anything is wrong
    with pytest.raises(JsonBeyondLimits, match="more than 2 objects"):
        loads("[{}, {}, {}]", max_depth=3, max_containers=2)
    with pytest.raises(ValueError):
        loads("[1, 2", max_depth=3)


# -- the same data already in a database (written by another program) ----------------------------


@pytest.fixture
def imported(templates: Templates, tmp_path: Path) -> Iterator[Database]:
    """A folder holding the learner's data (imported whole), to be damaged by another program."""
    db = open_database(tmp_path / "imported")
    import_archive(db, write_zip(tmp_path / "valid.zip", templates), "replace", now=NOW)
    yield db
    db.close()


def other_program(db: Database, statement: str, *params: Any) -> None:
    with sqlite3.connect(db.path) as conn:
        conn.execute(statement, params)


def test_a_stored_verdict_that_cannot_be_read_is_unknown(imported: Database) -> None:
    for text in ("{}", "not json", DEEP, '{"kind": "fits", "finish": "9999-12-31"}', "[]"):
        other_program(imported, "UPDATE baselines SET verdict_json = ?", text)
        plan = active_plan(imported, TODAY)
        assert plan is not None and plan.schedule.verdict.kind is VerdictKind.UNKNOWN
        assert not plan.schedule.verdict.fits
        progress(imported, TODAY)
        current_reminders(imported, TODAY)
        build_calendar(imported, TODAY, None, None)


def test_read_verdict_says_what_is_wrong() -> None:
    with pytest.raises(BadVerdict, match="nested more than 3"):
        read_verdict('{"kind": "fits", "late_terms": [[[1]]]}')
    with pytest.raises(BadVerdict, match="late_terms is not a list of term numbers"):
        read_verdict('{"kind": "fits", "late_terms": [[1]]}')
    with pytest.raises(BadVerdict, match="sittings_too_long is not a list of sittings"):
        read_verdict('{"kind": "too_late", "sittings_too_long": [{"module_id": 1, "minutes": 90,'
                     ' "longest_weekday": 9}]}')  # fmt: skip
    with pytest.raises(BadVerdict, match="term_needs is not a list"):
        read_verdict('{"kind": "too_late", "term_needs": [[1, 2, 3]]}')
    with pytest.raises(BadVerdict, match="not a number"):
        read_verdict('{"kind": "fits", "months": NaN}')
    with pytest.raises(BadVerdict, match="days_early is out of range"):
        read_verdict('{"kind": "fits", "days_early": 1e300}')
    assert stored_verdict("{}").kind is VerdictKind.UNKNOWN
    assert read_verdict('{"kind": "no_target", "finish": "2027-05-01"}').finish == date(2027, 5, 1)


def test_an_unknown_credential_code_in_the_database_is_unknown(
    imported: Database, tmp_path: Path
) -> None:
    other_program(imported, "UPDATE credentials SET code = 'ZZZ'")
    assert creds.ceu_statuses(imported, TODAY) == []
    (unjudged,) = creds.unjudged_credentials(imported)
    unknown = unjudged.credential
    assert unjudged.reason == creds.UNKNOWN_RULES
    assert unknown.code == "ZZZ" and unknown.name == "ZZZ"
    current_reminders(imported, TODAY)
    build_calendar(imported, TODAY, None, None)
    with pytest.raises(InvalidInput, match="cannot judge the credential ZZZ"):
        write_audit_packet(imported, unknown.label, tmp_path / "report.pdf", TODAY)
    with pytest.raises(InvalidInput, match="cannot judge the credential ZZZ"):
        creds.close_cycle(imported, unknown.id, TODAY, NOW)
    assert not list((imported.data_dir / "backups").glob("*before-cycle-close*"))


def test_a_credential_with_dates_out_of_range_in_the_database_is_not_judged(
    imported: Database,
) -> None:
    other_program(imported, "UPDATE credential_cycles SET end_on = '9999-12-31'")
    assert creds.ceu_statuses(imported, TODAY) == []
    (unjudged,) = creds.unjudged_credentials(imported)
    assert unjudged.reason == creds.DATES_OUT_OF_RANGE
    current_reminders(imported, TODAY)
    build_calendar(imported, TODAY, None, None)


def test_a_stored_setting_nested_too_deeply_falls_back_to_its_default(imported: Database) -> None:
    other_program(imported, "UPDATE app_settings SET value = ?", DEEP)
    other_program(imported, "INSERT OR REPLACE INTO app_settings VALUES ('reminders', ?)",
                  "[" * 50 + "]" * 50)  # fmt: skip
    assert app_settings(imported) == AppSettings()
    reminder_settings(imported)
    build_calendar(imported, TODAY, None, None)

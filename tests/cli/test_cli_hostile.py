"""Hostile arguments for every command of the command line (hypothesis, and a fixed list).

Each example copies a data folder holding realistic data (a plan with study logged and a module
done, two credentials, a CEU activity with its certificate, a snoozed reminder, a backup), then
runs one command whose options are each left out, valid or hostile: random unicode, control
characters, very long and empty strings, bytes that were not UTF-8 (lone surrogates), huge,
negative and non-finite numbers, impossible and extreme dates, unknown flags, paths to missing
files, folders, random bytes, truncated, damaged or mutated archives and backups, paths through
'..' or with '#', '?' and '%' in them; output paths that are folders, in missing folders, too
long, the database itself, existing files (replaced only with --force), FIFOs, sockets and
symbolic links (never replaced). A last property gives `--data-dir` itself hostile values.

Stored texts (a track's name, module titles, a note, a credential's label, a CEU activity's
texts) hold terminal escape sequences and other control characters, as an imported archive may.

Whatever the input, `main()` returns an exit status (it never raises), nothing looks like a
traceback, no control character (but line breaks and tabs) reaches stdout or stderr, and:
- a refusal is one line naming the problem (exit 2: `studyplanner: error: ...`, nothing on
  stdout; a data-file problem, exit 3 to 6: `studyplanner: ...`); a success prints warnings
  only as lines starting with `warning: `;
- a refused command changes nothing: every table holds the same rows, and no file appears,
  changes or goes anywhere in the example's folder (backups/ aside: a restore keeps its safety
  backup); FIFOs, sockets and symbolic links stay the very same nodes, whatever the command;
- no command but the ones that write a file the user names creates anything outside the data
  folder;
- the database always passes PRAGMA integrity_check and foreign_key_check afterwards.

Every path a command may write to stays inside the example's folder (it is also the working
directory while the command runs). NUL characters are left out (no command line can hold one).
`remind --agent` (an endless loop) is never generated, and desktop notifications are faked.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import shutil
import socket
import sqlite3
import stat
import tempfile
import traceback
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from studyplanner.cli.main import main

TODAY = date.today()
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)
DATABASE = "studyplanner.sqlite3"
STORE_STATUSES = {3, 4, 5, 6}
"""Exit statuses of a data-file problem (studyplanner.store.errors)."""
AGENT_STOP = 3
"""`remind --agent-check` (the agent's hidden check) exits 3, silently, to stop the agent."""
LINE_BREAKS = ("\n", "\r", "\v", "\f")
SIDECARS = ("-wal", "-shm")
"""SQLite's own files beside a database in WAL mode: opening it (even to refuse it) makes them."""
TERMINAL_ESCAPES = "\x1b[2J\x1b]0;retitled\x07\x9b31m\r\x00"
STORED_TEXTS = [("tracks", "name"), ("modules", "title"), ("study_sessions", "note"),
                ("credentials", "note"), ("ceu_activities", "title"),
                ("ceu_activities", "provider")]  # fmt: skip
WRITING_COMMANDS = {"export", "report"}
"""Words of the commands that write a file the user names (anywhere, not only the data folder)."""
HOSTILE = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    # No shrinking: the failure names the exact command line, and a failing run stays as quick
    # as a passing one (shrinking these examples takes minutes).
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


# -- tokens: plain text, or a path inside the example's folder ---------------------------------


@dataclass(frozen=True)
class Rel:
    """A path inside the example's folder, given relative to it (the working directory) or
    absolute; `{ex}` stands for the folder's own name (for paths that go out through '..')."""

    path: str
    absolute: bool = False

    def resolve(self, ex: Path) -> str:
        text = self.path.replace("{ex}", ex.name)
        return str(ex / text) if self.absolute else text


Token = str | Rel


def _unit(flag: str | None, value: Token, inline: bool) -> list[Token]:
    """`--flag value`, `--flag=value` (always for a value starting with '-') or a positional."""
    if flag is None:
        return [value]
    if isinstance(value, str) and (inline or value.startswith("-")):
        return [f"{flag}={value}"]
    return [flag, value]


def _relative(text: str) -> bool:
    """Random text usable as a path to write to: it stays under the working directory."""
    return not text.startswith(("/", "~")) and ".." not in text and "\x00" not in text


# -- hostile values ----------------------------------------------------------------------------

CONTROLS = "".join(chr(c) for c in range(1, 32)) + "\x7f\x85\u2028\u2029"
# fmt: off
ODD_TEXT = [
    "", " ", "-", "--", "=", ",", ".", "..", "...", "~", "null", "None", "true", "[]", "{}",
    "%s%n%x", "{0}", "'; DROP TABLE plans; --", "\u202eevil", "\ufeffCPC", "Ã©tÃ©", "\\", "\\n",
    "a\nb", "a\rb", "\x1b[31mred", "CPC\t", "é" * 300, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "🙂" * 50,
]
SURROGATES = ["\udcff", "caf\udce9", "\udc80\udc80", "CPC\udcc3"]
"""What Python makes of command-line bytes that are not UTF-8 (surrogateescape)."""
ODD_NUMBERS = [
    "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e309", "-1e309", "1e308", "1e100", "0",
    "-0", "-1", "0.0", "0.001", "1e-320", "0x10", "0b1", "1_000", "٣", "½", "1,5", "1.005",
    "  7  ", "+5", "9" * 30, "-" + "9" * 30, "18446744073709551616", "9223372036854775807",
    "9223372036854775808", "-9223372036854775809", "9" * 5000, "1e6", "100.01", "112.0001",
    "4294967296",
]
EXTREME_DATES = ["0001-01-01", "9999-12-31", "9999-12-01", "0001-01-02"]
ODD_DATES = [
    "2026-02-30", "2026-02-29", "2024-02-29", "99999-01-01", "0000-01-01", "tomorrow", "today",
    "", "2026-13-01", "2026-00-10", "2026-1-1", "20260101", "2026-W01-1", "2026-001",
    "-2026-01-01", "2026-01-01T00:00", " 2026-01-01", "2026-01-01 ", "2026-01-01Z",
    "１２３４-01-01", "2026/01/01", "01/02/2026",
]
# fmt: on
TEXT = st.one_of(
    st.sampled_from(ODD_TEXT + SURROGATES),
    st.text(st.characters(exclude_characters="\x00"), max_size=40),
    st.text(st.sampled_from(CONTROLS + "ab =,.-:/'\""), max_size=20),
    st.binary(min_size=1, max_size=24).map(os.fsdecode).filter(lambda s: "\x00" not in s),
    st.tuples(st.text(max_size=8), st.sampled_from(SURROGATES)).map("".join),
    st.integers(1_000, 20_000).map(lambda n: "x" * n),
)
NUMBER = st.one_of(
    st.sampled_from(ODD_NUMBERS),
    st.integers().map(str),
    st.integers(2**62, 2**80).map(str),
    st.floats().map(repr),
    st.decimals(allow_nan=True).map(str),
)
HOSTILE_DATE = st.one_of(
    st.sampled_from(EXTREME_DATES),
    st.sampled_from(ODD_DATES),
    st.dates().map(date.isoformat),
    st.dates().map(lambda d: d.strftime("%Y%m%d")),
    TEXT,
)
NEAR_DATE = st.dates(TODAY - timedelta(days=800), TODAY + timedelta(days=900)).map(date.isoformat)
SAFE_NAME = st.text(st.characters(exclude_characters="/\x00"), min_size=1, max_size=30).filter(
    lambda s: s not in (".", "..")
)
# fmt: off
IN_PATHS: list[Token] = [
    Rel("files/missing.pdf"), Rel("files"), Rel("files/", True), Rel("files/random.bin"),
    Rel("files/random.pdf"), Rel("files/fake.pdf"), Rel("files/notes.txt"),
    Rel("files/empty.pdf"), Rel("files/dir.pdf"), Rel("files/../files/cert.pdf"),
    Rel("../{ex}/files/cert.pdf"), Rel("files/cert.pdf/"), Rel("files/cert.pdf/x.pdf"),
    Rel("data"), Rel(f"data/{DATABASE}", True), Rel("files/" + "x" * 300 + ".pdf"),
    Rel("files/" + "é" * 200 + ".pdf"), "/dev/null", "/proc/self/status", "/",
    "/nonexistent-studyplanner/x.pdf", "~", "~/nonexistent-studyplanner.pdf", "..", ".",
]
# fmt: on
IN_PATH = st.one_of(st.sampled_from(IN_PATHS), TEXT)


def out_paths(ext: str) -> tuple[st.SearchStrategy[Token], st.SearchStrategy[Token]]:
    """(valid, hostile) paths to write a file ending in `ext`, all inside the example."""
    valid = st.builds(
        lambda name, absolute: Rel(f"out/{name}{ext}", absolute), SAFE_NAME, st.booleans()
    )
    # fmt: off
    odd: list[Token] = [
        Rel("out"), Rel("out/"), Rel(f"out/dir{ext}"), Rel(f"out/dir{ext}", True),
        Rel(f"missing/x{ext}"), Rel(f"files/random.bin/x{ext}"), Rel(f"out/../out/x{ext}"),
        Rel(f"../{{ex}}/out/x{ext}"), Rel("out/" + "x" * 300 + ext),
        Rel("out/" + "é" * 130 + ext), Rel(f"out/x{ext.upper()}"), Rel(f"out/{ext}"),
        Rel(f"out/x{ext}/"), Rel("out/x.txt"), Rel("out/x"), Rel(f"data/{DATABASE}"),
        Rel(f"data/{DATABASE}", True), Rel("data/certificates"), Rel("data/backups"),
        Rel("data"), Rel("files/cert.pdf"), Rel("files/everything.zip"), Rel(""), ".", "..",
        Rel(f"out/a#b?c%41{ext}"), Rel(f"out/fifo{ext}"), Rel(f"out/socket{ext}", True),
        Rel(f"out/link{ext}"), Rel(f"out/old{ext}"),
    ]
    # fmt: on
    hostile = st.one_of(
        st.sampled_from(odd),
        TEXT.filter(_relative),
        st.builds(lambda name: f"{name}{ext}", SAFE_NAME.filter(_relative)),
    )
    return valid, hostile


# -- the data folder every example starts from -------------------------------------------------


class Template:
    """The prepared folder: data/ (the data folder), files/ (inputs), out/ (for outputs)."""

    def __init__(
        self,
        root: Path,
        module_ids: tuple[int, ...],
        keys: tuple[str, ...],
        backups: tuple[str, ...],
    ) -> None:
        self.root, self.module_ids, self.keys, self.backups = root, module_ids, keys, backups

    def __repr__(self) -> str:
        return "template"


class _Captured:
    """stdout as a real one in a UTF-8 locale (strict) and stderr (backslashreplace)."""

    def __init__(self) -> None:
        self._out, self._err = io.BytesIO(), io.BytesIO()
        self.out = io.TextIOWrapper(self._out, encoding="utf-8", errors="strict", newline="")
        self.err = io.TextIOWrapper(
            self._err, encoding="utf-8", errors="backslashreplace", newline=""
        )

    def texts(self) -> tuple[str, str]:
        self.out.flush()
        self.err.flush()
        return self._out.getvalue().decode(), self._err.getvalue().decode()


def _cli(data_dir: Path, *args: str) -> str:
    captured = _Captured()
    with redirect_stdout(captured.out), redirect_stderr(captured.err):
        code = main(["--data-dir", str(data_dir), *args])
    out, err = captured.texts()
    assert code == 0, (args, err)
    return out


def _copy_database(source: Path, target: Path, sql: str | None = None) -> None:
    shutil.copyfile(source, target)
    if sql is not None:
        conn = sqlite3.connect(target)
        conn.execute(sql)
        conn.commit()
        conn.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    root = tmp_path_factory.mktemp("hostile-cli")
    data, files, out = root / "data", root / "files", root / "out"
    for folder in (files, out, files / "dir.pdf"):
        folder.mkdir()
    for ext in (".pdf", ".csv", ".ics", ".zip"):
        (out / f"dir{ext}").mkdir()
    (files / "cert.pdf").write_bytes(PDF)
    (files / "cert.png").write_bytes(PNG)
    (files / "fake.pdf").write_bytes(b"<html>not a pdf</html>")
    (files / "notes.txt").write_text("not a certificate\n")
    (files / "empty.pdf").write_bytes(b"")

    start = TODAY - timedelta(days=60)

    def day(n: int) -> str:
        return (start + timedelta(days=n)).isoformat()

    plan = json.loads(
        _cli(data, "plan", "create", "--track", "cpc-certificate-program", "--start", day(0),
             "--hours-per-week", "10", "--blackout", f"{day(20)}..{day(25)}",
             "--today", day(-3), "--json")
    )  # fmt: skip
    module_ids = tuple(m["id"] for m in plan["modules"])
    first = str(module_ids[0])
    _cli(data, "log", "--module", first, "--date", day(1), "--minutes", "75", "--note", "first")
    _cli(data, "done", first, "--date", day(2))
    _cli(data, "credential", "add", "CPC", "--earned", day(-400), "--renewal", day(300))
    _cli(data, "credential", "add", "CCS", "--earned", day(-200))
    certificate = str(files / "cert.pdf")
    _cli(data, "ceu", "add", "--date", day(30), "--units", "1.5", "--title", "Coding webinar",
         "--provider", "AAPC", "--credential", "CPC", "--certificate", certificate)  # fmt: skip
    keys = tuple(r["key"] for r in json.loads(_cli(data, "remind", "--json")))
    if keys:
        _cli(data, "remind", "snooze", keys[0], "--until", (TODAY + timedelta(days=3)).isoformat())
    _cli(data, "backup")
    _cli(data, "export", str(files / "everything.zip"))
    stored = sqlite3.connect(data / DATABASE)  # as an archive may bring them (after the export)
    with stored:
        for table, column in STORED_TEXTS:
            stored.execute(f"UPDATE {table} SET {column} = {column} || ?", [TERMINAL_ESCAPES])
    stored.close()
    backups = tuple(sorted(p.name for p in (data / "backups").iterdir()))
    backup = data / "backups" / backups[0]
    for name in ("backup", "back#up", "back?up", "back%41up", "back up"):
        _copy_database(backup, files / f"{name}.sqlite3")
    _copy_database(backup, files / "unversioned.sqlite3", "DROP TABLE alembic_version")
    other = sqlite3.connect(files / "foreign.sqlite3")  # another program's database
    other.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    other.commit()
    other.close()
    _copy_database(backup, files / "future.sqlite3", "UPDATE alembic_version SET version_num='9x'")
    return Template(root, module_ids, keys, backups)


@dataclass(frozen=True)
class Damage:
    """How the example's damaged files are made: random bytes; a cut, a flipped byte (offset,
    xor) in the archive and in the backup (offsets as a fraction of the size); the archive with
    one hostile change."""

    noise: bytes = bytes(range(256)) * 4
    archive_cut: float = 0.5
    archive_flip: tuple[float, int] = (0.3, 0x5A)
    backup_cut: float = 0.5
    backup_flip: tuple[float, int] = (0.01, 0xFF)
    mutate: Callable[[dict[str, Any], dict[str, bytes]], bytes] | None = None


def _mutate_value(document: dict[str, Any], _members: dict[str, bytes]) -> bytes:
    document["tables"]["ceu_activities"][0]["units_hundredths"] = 10**30
    return json.dumps(document).encode()


def _write_files(ex: Path, damage: Damage) -> None:
    files = ex / "files"
    for name in ("random.bin", "random.pdf", "random.zip", "random.sqlite3"):
        (files / name).write_bytes(damage.noise)
    for source, cut, (spot, xor) in (
        ("everything.zip", damage.archive_cut, damage.archive_flip),
        ("backup.sqlite3", damage.backup_cut, damage.backup_flip),
    ):
        whole = (files / source).read_bytes()
        (files / f"truncated-{source}").write_bytes(whole[: int(cut * len(whole))])
        flipped = bytearray(whole)
        flipped[min(int(spot * len(whole)), len(whole) - 1)] ^= xor
        (files / f"flipped-{source}").write_bytes(bytes(flipped))
    with zipfile.ZipFile(files / "everything.zip") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["studyplanner-archive.json"])
    mutate = damage.mutate or _mutate_value
    members["studyplanner-archive.json"] = mutate(document, members)
    with zipfile.ZipFile(files / "mutated.zip", "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    out = ex / "out"
    for ext in (".pdf", ".csv", ".ics", ".zip"):  # destinations an export must never replace
        os.mkfifo(out / f"fifo{ext}")
        (out / f"link{ext}").symlink_to(Path("..", "files", "cert.pdf"))
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(out / f"socket{ext}"))
        (out / f"old{ext}").write_text("an earlier export")


def _drawn_damage(data: st.DataObject) -> Damage:
    fraction = st.floats(0, 1)
    flip = st.tuples(fraction, st.integers(1, 255))

    def mutate(document: dict[str, Any], members: dict[str, bytes]) -> bytes:
        return _drawn_mutation(data, document, members)

    return Damage(
        noise=data.draw(st.binary(max_size=4096), label="random bytes"),
        archive_cut=data.draw(fraction, label="archive cut"),
        archive_flip=data.draw(flip, label="archive flip"),
        # a cut that removes nothing (or only a page SQLite never reads) leaves a sound file
        backup_cut=data.draw(st.floats(0, 0.9), label="backup cut"),
        backup_flip=data.draw(flip, label="backup flip"),
        mutate=mutate,
    )


def _drawn_mutation(
    data: st.DataObject, document: dict[str, Any], members: dict[str, bytes]
) -> bytes:
    """The valid archive's JSON with one value, field or member changed for a hostile one."""
    rows = {t: r for t, r in document["tables"].items() if r}
    table = data.draw(st.sampled_from(sorted(rows)), label="table")
    row = rows[table][data.draw(st.integers(0, len(rows[table]) - 1), label="row")]
    column = data.draw(st.sampled_from(sorted(row)), label="column")
    # fmt: off
    hostile = st.one_of(
        st.sampled_from([None, "", "x" * 5000, -1, 0, 2**63, 10**30, 1.5, True, [], {},
                         "2026-02-30", "9999-12-31", "../../etc/passwd", "\udcff"]),
        st.text(max_size=20),
        st.integers(),
    )
    how = data.draw(st.sampled_from(["value", "drop field", "extra field", "top", "member",
                                     "json"]), label="how")
    # fmt: on
    if how == "value":
        row[column] = data.draw(hostile, label="value")
    elif how == "drop field":
        del row[column]
    elif how == "extra field":
        row["unexpected"] = data.draw(hostile, label="value")
    elif how == "top":
        key = data.draw(st.sampled_from(["format", "schema", "exported_at", "tables"]))
        document[key] = data.draw(hostile, label="top value")
    body = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
    if how == "json":
        cut = data.draw(st.integers(0, len(body)), label="json cut")
        body = body[:cut] + data.draw(st.binary(max_size=8), label="json tail")
    if how == "member":
        names = ["certificates/../../escape.pdf", "/abs.pdf", "certificates/", "other.txt"]
        members[data.draw(st.sampled_from(names), label="member")] = PDF
    return body


# -- the checks --------------------------------------------------------------------------------


def _tables(db: Path) -> dict[str, list[str]]:
    """Every table's rows (as text, sorted) and the schema."""
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        dump = {"sqlite_master": sorted(map(repr, conn.execute("SELECT * FROM sqlite_master")))}
        for name in names:
            dump[name] = sorted(map(repr, conn.execute(f'SELECT * FROM "{name}"')))
        return dump
    finally:
        conn.close()


def _health(db: Path) -> str:
    """'ok', or what PRAGMA integrity_check / foreign_key_check say."""
    try:
        conn = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return f"cannot be opened: {exc}"
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        keys = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return f"not a database any more: {exc}"
    finally:
        conn.close()
    if integrity != [("ok",)]:
        return f"integrity_check: {integrity[:5]}"
    if keys:
        return f"foreign_key_check: {keys[:5]}"
    return "ok"


def _files(ex: Path, database: str = f"data/{DATABASE}") -> dict[str, str]:
    """Every file and folder of the example (content digests), but the database (compared table
    by table), backups/ folders (a refused restore may keep its safety backup) and SQLite's own
    -wal and -shm files."""
    found = {}
    for path in ex.rglob("*"):
        rel = path.relative_to(ex).as_posix()
        if rel.startswith(database) or "backups/" in rel or rel.endswith(SIDECARS):
            continue
        st = os.lstat(path)
        if stat.S_ISDIR(st.st_mode):
            found[rel] = "folder"
        elif stat.S_ISLNK(st.st_mode):
            found[rel] = f"link to {os.readlink(path)} (inode {st.st_ino})"
        elif not stat.S_ISREG(st.st_mode):  # never opened: a FIFO would block
            found[rel] = f"node {stat.S_IFMT(st.st_mode):o} (inode {st.st_ino})"
        else:
            try:
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError as exc:
                found[rel] = f"unreadable: {exc}"
    return found


def _show(argv: Sequence[str]) -> str:
    """The command line, with very long arguments shortened."""
    return repr([a if len(a) <= 120 else f"{a[:40]}...({len(a)} characters)" for a in argv])


@dataclass(frozen=True)
class Outcome:
    argv: list[str]
    code: int
    out: str
    err: str

    def where(self) -> str:
        return (
            f"\nargv: {_show(self.argv)}\nexit: {self.code}\nstdout: {self.out[:1000]!r}"
            f"\nstderr: {self.err[:2000]!r}"
        )


def _run(ex: Path, tokens: Sequence[Token], data_dir: Token = Rel("data", True)) -> Outcome:
    def resolve(token: Token) -> str:
        return token.resolve(ex) if isinstance(token, Rel) else token

    argv = ["--data-dir", resolve(data_dir), *map(resolve, tokens)]
    captured = _Captured()
    here = Path.cwd()
    os.chdir(ex)
    try:
        with redirect_stdout(captured.out), redirect_stderr(captured.err):
            try:
                code: Any = main(argv)
            except SystemExit as exc:  # only argparse's --help may end this way
                code = ("SystemExit", exc.code)
    except Exception:
        pytest.fail(f"main({_show(argv)}) raised:\n{traceback.format_exc()}")
    finally:
        os.chdir(here)
    out, err = captured.texts()
    if isinstance(code, tuple):
        assert code[1] in (0, None) and out.startswith("usage:") and not err, (argv, code, err)
        code = 0
    assert type(code) is int, (_show(argv), code)
    return Outcome(argv, code, out, err)


def _one_line(text: str) -> bool:
    body = text.removesuffix("\n")
    return text.endswith("\n") and bool(body.strip()) and not any(c in body for c in LINE_BREAKS)


def _check_messages(o: Outcome) -> None:
    where = o.where()
    assert "Traceback (most recent call last)" not in o.out + o.err, where
    raw = [c for c in o.out + o.err if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    assert not raw, f"control characters reach the terminal: {raw[:5]}{where}"
    if o.code == 2:  # bad input: one line naming the problem, nothing on stdout
        assert o.out == "", f"exit 2 with output on stdout{where}"
        assert _one_line(o.err), f"exit 2 without exactly one error line{where}"
        assert o.err.startswith("studyplanner: error: "), where
        assert any(c.isalpha() for c in o.err.removeprefix("studyplanner: error: ")), where
    elif o.code == AGENT_STOP and any(a.startswith("--agent-c") for a in o.argv):
        assert o.out == o.err == "", where
    elif o.code in STORE_STATUSES:  # a data-file problem: one line
        assert _one_line(o.err) and o.err.startswith("studyplanner: "), f"not one line{where}"
    elif o.code in (0, 1):  # 1: nothing to show, or not all is well (check), said on stdout
        assert o.err == "" or o.err.endswith("\n"), where
        lines = o.err.split("\n")[:-1]
        assert all(line.startswith("warning: ") for line in lines), f"stray stderr{where}"
        assert o.code == 0 or o.out.strip(), f"exit 1 without a word{where}"
    else:
        pytest.fail(f"unexpected exit status{where}")


def _compare(before: dict[str, str], after: dict[str, str]) -> str:
    new = sorted(set(after) - set(before))
    gone = sorted(set(before) - set(after))
    changed = sorted(f for f in set(before) & set(after) if before[f] != after[f])
    return f"new {new}, gone {gone}, changed {changed}" if new or gone or changed else ""


def _check_run(ex: Path, tokens: Sequence[Token]) -> Outcome:
    """Run once; check the messages, that a refusal wrote nothing, that nothing was written
    outside the data folder but by a command writing the file it was given, and the database."""
    db = ex / "data" / DATABASE
    files_before, tables_before = _files(ex), _tables(db)
    outcome = _run(ex, tokens)
    _check_messages(outcome)
    where = outcome.where()
    health = _health(db)
    assert health == "ok", f"the database is damaged: {health}{where}"
    files_after = _files(ex)
    nodes = {f: h for f, h in files_before.items() if h.startswith(("link to ", "node "))}
    kept = {f: files_after.get(f) for f in nodes}
    assert kept == nodes, f"a FIFO, socket or link was replaced: {kept}{where}"
    if outcome.code != 0:
        after = _tables(db)
        changed = [t for t in sorted(set(after) | set(tables_before))
                   if after.get(t) != tables_before.get(t)]  # fmt: skip
        assert not changed, f"refused, yet tables changed: {changed}{where}"
        files = _compare(files_before, files_after)
        assert not files, f"refused, yet files changed: {files}{where}"
    elif not WRITING_COMMANDS & {t for t in tokens if isinstance(t, str)}:
        outside = {f: h for f, h in files_after.items() if not f.startswith("data/")}
        files = _compare({f: h for f, h in files_before.items() if not f.startswith("data/")},
                         outside)  # fmt: skip
        assert not files, f"files changed outside the data folder: {files}{where}"
    return outcome


class Example:
    """A fresh copy of the template (with its damaged files), removed afterwards."""

    def __init__(self, template: Template, damage: Damage) -> None:
        self.template, self.damage = template, damage

    def __enter__(self) -> Path:
        self.path = Path(tempfile.mkdtemp(prefix="ex-", dir=self.template.root.parent))
        shutil.copytree(self.template.root, self.path, dirs_exist_ok=True)
        _write_files(self.path, self.damage)
        return self.path

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


# -- what each command takes -------------------------------------------------------------------

JSON = ("--json", "flag", "opt")
FORCE = ("--force", "flag", "opt")
# name: (words, ((flag, or None for a positional; kind of value; "req" | "opt" | "many"), ...))
# fmt: off
COMMANDS: dict[str, tuple[tuple[str, ...], tuple[tuple[str | None, str, str], ...]]] = {
    "tracks": (("tracks",), (JSON,)),
    "plan create": (("plan", "create"), (
        ("--track", "track", "req"), ("--start", "date", "req"), ("--target", "date", "opt"),
        ("--hours-per-week", "hours", "opt"), ("--minutes", "weekdays", "opt"),
        ("--blackout", "blackout", "many"), ("--today", "date", "opt"), JSON)),
    "plan show": (("plan", "show"), (("--today", "date", "opt"), JSON)),
    "plan replan": (("plan", "replan"), (
        ("--today", "date", "opt"), ("--hours-per-week", "hours", "opt"),
        ("--target", "date", "opt"), JSON)),
    "log": (("log",), (
        ("--module", "module", "req"), ("--date", "date", "req"), ("--minutes", "minutes", "req"),
        ("--note", "text", "opt"), ("--today", "date", "opt"), JSON)),
    "done": (("done",), (
        (None, "module", "req"), ("--date", "date", "req"), ("--score", "score", "opt"),
        ("--today", "date", "opt"), JSON)),
    "undone": (("undone",), ((None, "module", "req"), JSON)),
    "progress": (("progress",), (("--today", "date", "opt"), JSON)),
    "credential add": (("credential", "add"), (
        (None, "code", "req"), ("--earned", "date", "req"), ("--cycle-start", "date", "opt"),
        ("--cycle-end", "date", "opt"), ("--renewal", "date", "opt"),
        ("--required", "units", "opt"), ("--name", "label", "opt"), ("--today", "date", "opt"),
        JSON)),
    "credential list": (("credential", "list"), (JSON,)),
    "ceu add": (("ceu", "add"), (
        ("--date", "date", "req"), ("--units", "units", "req"), ("--title", "text", "req"),
        ("--provider", "text", "opt"), ("--index", "text", "opt"),
        ("--category", "category", "opt"), ("--ahima-sourced", "flag", "opt"),
        ("--credential", "allocation", "many"), ("--certificate", "certificate", "opt"),
        ("--note", "text", "opt"), ("--today", "date", "opt"), JSON)),
    "ceu status": (("ceu", "status"), (("--today", "date", "opt"), JSON)),
    "ceu report": (("ceu", "report"), (
        (None, "held", "req"), ("--out", "out.pdf", "req"), ("--today", "date", "opt"), FORCE,
        JSON)),
    "ceu export": (("ceu", "export"), (("--csv", "out.csv", "req"), FORCE, JSON)),
    "remind": (("remind",), (
        ("--today", "date", "opt"), ("--notify", "flag", "opt"), ("--agent-check", "flag", "opt"),
        JSON)),
    "remind dismiss": (("remind", "dismiss"), ((None, "key", "req"), JSON)),
    "remind snooze": (("remind", "snooze"), (
        (None, "key", "req"), ("--until", "date", "req"), ("--today", "date", "opt"), JSON)),
    "export": (("export",), (
        (None, "out.zip", "req"), ("--from", "date", "opt"), ("--to", "date", "opt"),
        ("--today", "date", "opt"), FORCE, JSON)),
    "export ics": (("export", "ics"), (
        (None, "out.ics", "req"), ("--from", "date", "opt"), ("--to", "date", "opt"),
        ("--today", "date", "opt"), FORCE, JSON)),
    "import": (("import",), ((None, "archive", "req"), ("--replace", "flag", "opt"), JSON)),
    "backup": (("backup",), (JSON,)),
    "backups": (("backups",), (JSON,)),
    "restore": (("restore",), ((None, "backup", "req"), JSON)),
    "check": (("check",), (JSON,)),
}
# fmt: on
FLAGS = sorted({flag for _, specs in COMMANDS.values() for flag, _, _ in specs if flag})
READ_FLAGS = [f for f in FLAGS if f not in ("--out", "--csv")]
"""Extra flags (an output flag would take the next, unchecked, value as the file to write)."""
# fmt: off
ODD_FLAGS = ["--frobnicate", "-x", "--", "-", "--json=1", "--help", "-h", "--data-dir",
             "--agent-check=yes", "--today="]
# fmt: on
EXTRA = st.one_of(st.sampled_from(READ_FLAGS + ODD_FLAGS), TEXT.filter(_relative), NUMBER)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
# fmt: off
TRACKS = ["cpc-certificate-program", "cca-facility-coding-program", "cpc-exam-prep-experienced",
          "ccs-exam-prep", "associate-degree-hit"]
CODES = ["CPC", "CPC-A", "COC", "CIC", "CRC", "CPB", "CPMA", "CPCO", "CPPM", "CDEO", "CPC-P",
         "CIRCC", "CCA", "CCS", "CCS-P", "RHIT", "RHIA", "CDIP", "CHDA", "CHPS", "cpma"]
CATEGORIES = ["coding", "auditing", "compliance", "practice_management", "documentation",
              "specialty-specific", "hiim_other", "outside_hiim", "Coding"]
ODD_WEEKDAYS = ["mon=90,mon=60", "mon==90", "=90", "mon=", ",", "mon=90,", "monday=90", "MON=90",
                "lun=90", "sun=1441", "mon=1440", "mon=0,tue=0", "mon=9e9"]
ODD_BLACKOUTS = ["..", "2026-01-01..", "..2026-01-01", "2026-01-01...2026-01-02",
                 "2026-01-01..2026-01-02..2026-01-03", "0001-01-01..9999-12-31"]
# fmt: on
Kinds = dict[str, tuple[st.SearchStrategy[Token], st.SearchStrategy[Token]]]


def _kinds(t: Template) -> Kinds:
    """Per kind of value: (valid, hostile)."""
    text_ok = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=40)
    valid_weekdays = st.dictionaries(
        st.sampled_from(WEEKDAYS), st.integers(0, 600), min_size=1
    ).map(lambda d: ",".join(f"{k}={v}" for k, v in d.items()))
    hostile_weekdays = st.one_of(
        TEXT,
        st.sampled_from(ODD_WEEKDAYS),
        st.lists(
            st.tuples(st.sampled_from([*WEEKDAYS, "Monday", "xyz", "", " sat "]), NUMBER),
            max_size=8,
        ).map(lambda items: ",".join(f"{d}={m}" for d, m in items)),
    )
    any_date = st.one_of(NEAR_DATE, HOSTILE_DATE)
    hostile_blackout = st.one_of(
        st.tuples(any_date, any_date).map("..".join), st.sampled_from(ODD_BLACKOUTS), TEXT
    )
    hostile_allocation = st.one_of(
        TEXT,
        st.tuples(
            st.sampled_from(["CPC", "CCS", "cpc", "XYZ", "", "CPC=", "CPMA"]),
            st.one_of(NUMBER, TEXT),
        ).map("=".join),
    )
    backups: list[Token] = [*t.backups, *(Rel(f"data/backups/{b}", True) for b in t.backups)]
    # fmt: off
    hostile_backups: list[Token] = [
        Rel("files/random.sqlite3"), Rel("files/truncated-backup.sqlite3"),
        Rel("files/flipped-backup.sqlite3"), Rel("files/foreign.sqlite3"),
        Rel("files/unversioned.sqlite3"),
        Rel("files/future.sqlite3"), Rel("files/back#up.sqlite3"), Rel("files/back?up.sqlite3"),
        Rel("files/back%41up.sqlite3", True), Rel("files/back up.sqlite3"),
        Rel("files/everything.zip"), *(f"../{b}" for b in t.backups), *(f"{b}x" for b in t.backups),
        DATABASE, f"../{DATABASE}", Rel("data/backups"),
    ]
    hostile_archives: list[Token] = [
        Rel("files/random.zip"), Rel("files/truncated-everything.zip"),
        Rel("files/flipped-everything.zip"), Rel("files/mutated.zip"),
        Rel("files/backup.sqlite3"), Rel("files/cert.pdf"),
    ]
    # fmt: on
    keys = t.keys or ("study-today:2026-01-01",)
    hostile_keys = st.one_of(
        TEXT,
        st.sampled_from(keys).map(lambda k: k + "x"),
        st.sampled_from(["module-overdue:999999:2026-01-01", "study-today:", ":", "x" * 5000]),
    )
    number_or_text = st.one_of(NUMBER, TEXT)
    kinds: Kinds = {
        "date": (NEAR_DATE, HOSTILE_DATE),
        "track": (
            st.sampled_from(TRACKS),
            st.one_of(TEXT, st.sampled_from(["CPC-CERTIFICATE-PROGRAM", "../tracks/x", "cpc"])),
        ),
        "hours": (st.sampled_from(["1", "5", "7.5", "10", "20", "40", "112"]), number_or_text),
        "weekdays": (valid_weekdays, hostile_weekdays),
        "blackout": (st.tuples(NEAR_DATE, NEAR_DATE).map("..".join), hostile_blackout),
        "module": (st.sampled_from(t.module_ids).map(str), number_or_text),
        "minutes": (st.integers(1, 600).map(str), number_or_text),
        "score": (st.integers(0, 100).map(str), number_or_text),
        "text": (text_ok, TEXT),
        "code": (
            st.sampled_from(CODES),
            st.one_of(TEXT, st.sampled_from([" cpc ", "SPECIALTY", "specialty", "XYZ"])),
        ),
        "label": (st.sampled_from(["CEMC", "CGSC", "CCC"]), TEXT),
        "units": (st.sampled_from(["1", "0.5", "2,25", "10", "0.25", "100"]), number_or_text),
        "category": (st.sampled_from(CATEGORIES), TEXT),
        "allocation": (
            st.sampled_from(["CPC", "CCS", "cpc", "CPC=0.5", "CCS=1"]),
            hostile_allocation,
        ),
        "certificate": (
            st.sampled_from([Rel("files/cert.pdf"), Rel("files/cert.png", True)]),
            st.one_of(IN_PATH, st.sampled_from([Rel("data/certificates", True)])),
        ),
        "held": (st.sampled_from(["CPC", "ccs"]), TEXT),
        "key": (st.sampled_from(keys), hostile_keys),
        "archive": (
            st.sampled_from([Rel("files/everything.zip"), Rel("files/everything.zip", True)]),
            st.one_of(st.sampled_from(hostile_archives), IN_PATH),
        ),
        "backup": (st.sampled_from(backups), st.one_of(st.sampled_from(hostile_backups), IN_PATH)),
    }
    for ext in (".pdf", ".csv", ".ics", ".zip"):
        kinds[f"out{ext}"] = out_paths(ext)
    return kinds


def _argv(data: st.DataObject, t: Template, name: str) -> list[Token]:
    """The command's words, then its options and positionals in a drawn order: each given or
    left out, most often exactly one of them hostile (so that the others do not hide it); and
    now and then an extra token."""
    words, specs = COMMANDS[name]
    kinds = _kinds(t)
    slots: list[tuple[str | None, str]] = []
    for flag, kind, how in specs:
        if how == "many":
            count = data.draw(st.integers(0, 3), label=f"{flag} count")
        else:
            given = ["yes"] * (9 if how == "req" else 1) + ["no"]
            count = int(data.draw(st.sampled_from(given), label=f"{flag or kind} given") == "yes")
        slots += [(flag, kind)] * count
    valued = [i for i, (_, kind) in enumerate(slots) if kind != "flag"]
    bad_count = data.draw(st.sampled_from([0, 1, 1, 1, 1, 1, 2, 3]), label="hostile values")
    bad = set(data.draw(st.permutations(valued), label="hostile order")[:bad_count])
    units: list[list[Token]] = []
    for i, (flag, kind) in enumerate(slots):
        if kind == "flag":
            units.append([flag] if flag else [])
            continue
        valid, hostile = kinds[kind]
        value = data.draw(hostile if i in bad else valid, label=flag or kind)
        units.append(_unit(flag, value, data.draw(st.booleans(), label="inline")))
    units = data.draw(st.permutations(units), label="order")
    for _ in range(data.draw(st.sampled_from([0, 0, 0, 0, 1, 2]), label="extras")):
        at = data.draw(st.integers(0, len(units)), label="extra at")
        units.insert(at, [data.draw(EXTRA, label="extra")])
    return [*words, *(token for unit in units for token in unit)]


def _exercise(data: st.DataObject, template: Template, names: Sequence[str]) -> None:
    name = data.draw(st.sampled_from(names), label="command")
    with Example(template, _drawn_damage(data)) as ex:
        _check_run(ex, _argv(data, template, name))


@pytest.fixture(scope="module", autouse=True)
def _no_desktop_and_no_agent() -> Iterator[None]:
    """`remind --agent` would loop forever: it fails instead; notifications are faked (sent)."""
    from studyplanner.cli import remind_commands
    from studyplanner.services import desktop_notify

    def agent(_args: object) -> int:
        raise AssertionError("remind --agent was started")

    fake = functools.partial(desktop_notify.Notifier, deliver=lambda _title, _body, _urgent: True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(remind_commands, "_agent", agent)
        patch.setattr(desktop_notify, "Notifier", fake)
        yield


# -- the properties ----------------------------------------------------------------------------


@HOSTILE
@given(data=st.data())
def test_plan_commands(template: Template, data: st.DataObject) -> None:
    _exercise(data, template, ["tracks", "plan create", "plan show", "plan replan"])


@HOSTILE
@given(data=st.data())
def test_study_log_commands(template: Template, data: st.DataObject) -> None:
    _exercise(data, template, ["log", "done", "undone", "progress"])


@HOSTILE
@given(data=st.data())
def test_credential_and_ceu_commands(template: Template, data: st.DataObject) -> None:
    _exercise(data, template, ["credential add", "credential list", "ceu add", "ceu status"])


@HOSTILE
@given(data=st.data())
def test_ceu_report_and_export(template: Template, data: st.DataObject) -> None:
    _exercise(data, template, ["ceu report", "ceu export"])


@HOSTILE
@given(data=st.data())
def test_remind_commands(template: Template, data: st.DataObject) -> None:
    _exercise(data, template, ["remind", "remind dismiss", "remind snooze"])


@HOSTILE
@given(data=st.data())
def test_export_and_import(template: Template, data: st.DataObject) -> None:
    _exercise(data, template, ["export", "export ics", "import"])


@HOSTILE
@given(data=st.data())
def test_backup_restore_and_check(template: Template, data: st.DataObject) -> None:
    _exercise(data, template, ["backup", "backups", "restore", "check"])


WORDS = sorted({w for words, _ in COMMANDS.values() for w in words} | {"frobnicate", "PLAN"})


@HOSTILE
@given(data=st.data())
def test_random_words_and_flags(template: Template, data: st.DataObject) -> None:
    """Any mix of command words, flags and values (none of them a path outside the example)."""
    token = st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(FLAGS),
        TEXT.filter(_relative),
        NUMBER,
        HOSTILE_DATE.filter(_relative),
        NEAR_DATE,
    )
    tokens = data.draw(st.lists(token, max_size=8), label="argv")
    # never `remind --agent`, nor a second data folder (`--d` abbreviates `--data-dir`)
    tokens = [t for t in tokens if not t.startswith(("--agent", "--d"))]
    with Example(template, _drawn_damage(data)) as ex:
        _check_run(ex, tokens)


# -- a fixed list: each command's hostile values that matter most --------------------------------

D = (TODAY - timedelta(days=10)).isoformat()
D2 = (TODAY - timedelta(days=9)).isoformat()
LOG = ["log", "--module", "2", "--date", D, "--minutes"]
CEU = ["ceu", "add", "--date", D, "--units", "1", "--title", "Webinar", "--credential", "CPC"]
CREATE = ["plan", "create", "--track", "cpc-certificate-program", "--start"]
# fmt: off
CASES: list[list[Token]] = [
    # dates at the ends of the calendar, and impossible ones
    ["progress", "--today", "9999-12-31"], ["progress", "--today", "0001-01-01"],
    ["remind", "--today", "9999-12-31"], ["remind", "--today", "0001-01-01"],
    ["plan", "replan", "--today", "9999-12-31"], ["plan", "replan", "--today", "0001-01-01"],
    ["plan", "show", "--today", "9999-12-31"], ["plan", "replan", "--target", "9999-12-31"],
    [*CREATE, "9999-12-01", "--hours-per-week", "1", "--today", "9999-11-01"],
    [*CREATE, "0001-01-01", "--target", "0001-06-01", "--today", "0001-01-01"],
    [*CREATE, "2026-02-30", "--hours-per-week", "5"], [*CREATE, "99999-01-01", "--target", "x"],
    [*CREATE, D, "--hours-per-week", "5", "--blackout", "0001-01-01..9999-12-31"],
    ["credential", "add", "CPMA", "--earned", "9999-12-31", "--today", "9999-12-31"],
    ["credential", "add", "CPMA", "--earned", D, "--cycle-start", "0001-01-01",
     "--cycle-end", "9999-12-31"],
    ["ceu", "status", "--today", "9999-12-31"], ["ceu", "status", "--today", "0001-01-01"],
    ["ceu", "report", "CPC", "--out", Rel("out/a.pdf"), "--today", "0001-01-01"],
    ["export", "ics", Rel("out/a.ics"), "--from", "0001-01-01", "--to", "9999-12-31"],
    ["export", "ics", Rel("out/a.ics"), "--today", "9999-12-31"],
    ["remind", "snooze", "study-today:2026-01-01", "--until", "9999-12-31"],
    [*LOG[:4], "tomorrow", "--minutes", "30"], ["done", "2", "--date", "2026-13-01"],
    # numbers: huge, negative, not finite
    ["undone", "99999999999999999999"], ["undone", "9223372036854775808"],
    ["done", "9223372036854775808", "--date", D], [*LOG, "99999999999999999999"],
    [*LOG, "-9223372036854775809"], [*LOG, "nan"], ["done", "2", "--date", D, "--score", "nan"],
    ["plan", "replan", "--hours-per-week", "inf"], ["plan", "replan", "--hours-per-week", "1e-300"],
    [*CREATE, D, "--hours-per-week", "5", "--minutes", "mon=99999999999999999999999"],
    ["credential", "add", "CPMA", "--earned", D, "--required", "1e999"],
    [*CEU[:4], "--units", "NaN", "--title", "t"], [*CEU[:4], "--units", "1e-320", "--title", "t"],
    [*CEU[:8], "--credential", "CPC=1e400"],
    # text: control characters, not UTF-8, very long
    ["tracks", "\r"], [*CEU[:8], "--title", "t\udcff"], [*LOG, "30", "--note", "caf\udce9"],
    ["remind", "dismiss", "\udcff"], ["credential", "add", "CPMA", "--earned", D,
                                      "--required", "1\n2"],
    ["ceu", "report", "C\nPC", "--out", Rel("out/a.pdf")], ["restore", "a\nb"],
    ["import", "a\nb"], [*CEU, "--title", "x" * 20_000, "--note", "y" * 20_000],
    [*CEU, "--category", "\x1b[31mcoding"],
    # `--option=--` (argparse hands over an empty list)
    ["ceu", "export", "--csv=--"], [*CEU[:6], "--title=--"],
    [*LOG[:4], "--date=--", "--minutes", "3"],
    ["plan", "create", "--track=--", "--start", D, "--hours-per-week", "5"],
    # files to read: missing, folders, random bytes, damaged, odd names, too long
    ["import", "x" * 300], ["restore", "x" * 300], [*CEU, "--certificate", "x" * 300 + ".pdf"],
    ["import", Rel("files/truncated-everything.zip")], ["import", Rel("files/mutated.zip")],
    ["import", Rel("files/random.zip"), "--replace"], ["import", Rel("files"), "--replace"],
    ["restore", Rel("files/back#up.sqlite3")], ["restore", Rel("files/back?up.sqlite3")],
    ["restore", Rel("files/back%41up.sqlite3")], ["restore", Rel("files/random.sqlite3")],
    ["restore", Rel("files/truncated-backup.sqlite3")], ["restore", Rel("files/foreign.sqlite3")],
    ["restore", Rel("files/future.sqlite3")], ["restore", Rel("files/unversioned.sqlite3")],
    ["restore", Rel(f"data/{DATABASE}")],
    [*CEU, "--certificate", Rel("files/fake.pdf")], [*CEU, "--certificate", "/dev/null"],
    [*CEU, "--certificate", Rel("files/dir.pdf")], [*CEU, "--certificate", Rel("files/cert.pdf/")],
    # files to write: folders, missing folders, the database itself, odd names
    ["export", "ics", Rel("out")], ["export", "ics", ""], ["export", "ics", "."],
    ["export", "ics", Rel("out/dir.ics")], ["export", "ics", Rel("missing/a.ics")],
    ["export", "ics", Rel(f"data/{DATABASE}")], ["export", Rel(f"data/{DATABASE}", True)],
    ["export", Rel("out")], ["export", Rel("missing/a.zip")], ["export", Rel("out/dir.zip")],
    ["export", Rel("out/" + "x" * 300 + ".zip")], ["export", "ics", Rel("out/" + "x" * 300)],
    ["ceu", "report", "CPC", "--out", Rel("out/dir.pdf")],
    ["ceu", "report", "CPC", "--out", Rel("out/" + "é" * 130 + ".pdf")],
    ["ceu", "export", "--csv", Rel("missing/x.csv")],
    ["ceu", "export", "--csv", Rel("out/a#b?.csv")],
    # files to write that are there already: replaced only with --force, and only regular ones
    ["export", Rel("out/old.zip")], ["export", "ics", Rel("out/old.ics")],
    ["ceu", "export", "--csv", Rel("out/old.csv")], ["ceu", "report", "CPC", "--out",
                                                     Rel("out/old.pdf")],
    ["export", Rel("out/fifo.zip"), "--force"], ["export", "ics", Rel("out/link.ics"), "--force"],
    ["ceu", "export", "--csv", Rel("out/socket.csv", True), "--force"],
    ["ceu", "report", "CPC", "--out", Rel("out/fifo.pdf"), "--force"],
    ["ceu", "report", "CPC", "--out", Rel("out/link.pdf"), "--force"],
    # flags
    ["plan", "create", "--frobnicate"], ["ceu", "add", "--json"], ["remind", "--agent-check=x"],
    ["tracks", "--help"], ["frobnicate"], [],
]
# fmt: on


def _case_id(tokens: list[Token]) -> str:
    return _show([t.path if isinstance(t, Rel) else t for t in tokens])[:60]


@pytest.mark.parametrize("tokens", CASES, ids=_case_id)
def test_hostile_command_lines(template: Template, tokens: list[Token]) -> None:
    with Example(template, Damage()) as ex:
        _check_run(ex, tokens)


# -- strict forms: a value in a lenient form is refused, naming the argument and the form --------

# fmt: off
LENIENT: dict[str, list[str]] = {
    "date": ["20260301", "2026-W10-1", "2026-060", "٢٠٢٦-٠٣-٠١", "２０２６-03-01", " 2026-03-01",
             "2026-03-01 ", "2026-3-1", "2026-03-01T00:00"],
    "whole": ["4_5", "٤٥", "४५", "45 ", "+45", "0x2d", "4.5", "1e1"],
    "decimal": ["7_5", "1e1", "inf", "nan", "٧.٥", ".5", "7.", "+7.5", " 7"],
    "units": ["1_5", "٣", "1e1", "nan", "inf", " 1", "1.", ".5", "+1", "1,,5"],
}
PLACES: list[tuple[str, list[Token], str, str]] = [  # (form, argv before the value, argument, what)
    ("date", ["progress", "--today"], "--today", "date"),
    ("date", ["log", "--module", "2", "--minutes", "30", "--date"], "--date", "date"),
    ("date", ["credential", "add", "CPMA", "--earned"], "--earned", "date"),
    ("date", ["ceu", "add", "--units", "1", "--title", "t", "--date"], "--date", "date"),
    ("date", ["remind", "snooze", "study-today:2026-01-01", "--until"], "--until", "date"),
    ("date", ["export", "ics", Rel("out/c.ics"), "--from"], "--from", "date"),
    ("date", [*CREATE], "--start", "date"),
    ("whole", [*LOG], "--minutes", "minutes"),
    ("whole", ["log", "--date", D, "--minutes", "30", "--module"], "--module", "module id"),
    ("whole", [*CREATE, D, "--hours-per-week", "5", "--minutes"], "--minutes",
     "minutes for mon"),
    ("decimal", ["plan", "replan", "--hours-per-week"], "--hours-per-week", "hours"),
    ("decimal", ["done", "2", "--date", D, "--score"], "--score", "score"),
    ("units", ["ceu", "add", "--date", D, "--title", "t", "--units"], "--units",
     "number of CEUs"),
    ("units", ["credential", "add", "CPMA", "--earned", D, "--required"], "--required",
     "number of CEUs"),
    ("units", [*CEU[:8], "--credential"], "--credential", "number of CEUs"),
]
# fmt: on
STRICT_CASES = [
    (place[:-2], value, place[-2], place[-1]) for place in PLACES for value in LENIENT[place[0]]
]


@pytest.mark.parametrize(("before", "value", "argument", "what"),
                         [(p[1], v, a, w) for p, v, a, w in STRICT_CASES],
                         ids=[f"{a}={v}" for _p, v, a, _w in STRICT_CASES])  # fmt: skip
def test_lenient_forms_are_refused(
    template: Template, before: list[Token], value: str, argument: str, what: str
) -> None:
    """What date.fromisoformat, int(), float() and Decimal() take beyond the documented forms
    (YYYY-MM-DD; plain ASCII digits, with a decimal point where a fraction makes sense)."""
    shown = {"minutes for mon": f"mon={value}", "number of CEUs": value}.get(what, value)
    if argument == "--credential":
        shown = f"CPC={value}"
    with Example(template, Damage()) as ex:
        outcome = _check_run(ex, [*before, shown])
    assert outcome.code == 2, outcome.where()
    assert f"argument {argument}: invalid {what} {value!r}: " in outcome.err, outcome.where()


# fmt: off
ONE_VALUE: dict[str, Token] = {
    "date": D, "track": "cpc-certificate-program", "hours": "5", "weekdays": "mon=60",
    "module": "2", "minutes": "30", "score": "80", "text": "x", "units": "1", "label": "CEMC",
    "category": "coding", "certificate": Rel("files/cert.pdf"), "out.pdf": Rel("out/r.pdf"),
    "out.csv": Rel("out/r.csv"),
}
# fmt: on
REPEATED = sorted(
    {
        (words, flag, kind)
        for words, specs in COMMANDS.values()
        for flag, kind, how in specs
        if flag and kind != "flag" and how != "many"
    }
)  # fmt: skip


@pytest.mark.parametrize(("words", "flag", "kind"), REPEATED,
                         ids=[f"{' '.join(w)} {f}" for w, f, _k in REPEATED])  # fmt: skip
def test_a_single_value_option_given_twice_is_refused(
    template: Template, words: tuple[str, ...], flag: str, kind: str
) -> None:
    """`log --module 2 --module 3` once silently logged on module 3."""
    value = ONE_VALUE[kind]
    with Example(template, Damage()) as ex:
        outcome = _check_run(ex, [*words, flag, value, flag, value])
    assert outcome.code == 2, outcome.where()
    assert outcome.err == f"studyplanner: error: {flag} given twice; give it once\n"


def test_the_data_folder_given_twice_is_refused(template: Template) -> None:
    with Example(template, Damage()) as ex:
        outcome = _check_run(ex, ["--data-dir", Rel("files", True), "tracks"])
    assert outcome.code == 2, outcome.where()
    assert outcome.err == "studyplanner: error: --data-dir given twice; give it once\n"


@pytest.mark.parametrize("tokens", [
    [*CREATE, D, "--hours-per-week", "5", "--blackout", f"{D}..{D}", "--blackout", f"{D2}..{D2}"],
    [*CEU[:8], "--credential", "CPC=0.5", "--credential", "CCS=0.5"],
], ids=["blackout twice", "credential twice"])  # fmt: skip
def test_options_meant_to_repeat_still_do(template: Template, tokens: list[Token]) -> None:
    with Example(template, Damage()) as ex:
        outcome = _check_run(ex, tokens)
    assert outcome.code == 0, outcome.where()


# -- a hostile data folder ---------------------------------------------------------------------

DATA_FOLDERS: dict[str, Token] = {
    "a file": Rel("files/random.bin", True),
    "under a file": Rel("files/random.bin/data"),
    "random bytes": Rel("damaged/random"),
    "truncated": Rel("damaged/truncated"),
    "a folder for the database": Rel("damaged/folder"),
    "foreign": Rel("damaged/foreign"),
    "unversioned": Rel("damaged/unversioned"),
    "too new": Rel("damaged/future"),
    "# in its name": Rel("odd/da#ta"),
    "? in its name": Rel("odd/da?ta", True),
    "% in its name": Rel("odd/da%41ta"),
    "a long name": Rel("x" * 300),
    "missing": Rel("new/folder"),
    "an empty name": Rel(""),  # `--data-dir "$DIR"` with $DIR unset: refused, never the usual one
    "/proc": "/proc",  # no file can be made there: an unusable folder (exit 6)
}
# fmt: off
FOLDER_COMMANDS: list[list[Token]] = [
    ["plan", "show"], ["progress"], ["credential", "list"], ["ceu", "status"], ["remind"],
    ["remind", "--notify"], ["backup"], ["backups"], ["check"], ["tracks"],
    [*LOG, "30"], ["ceu", "export", "--csv", Rel("out/ceus.csv"), "--force"],
    ["export", Rel("out/all.zip"), "--force"], ["export", "ics", Rel("out/cal.ics"), "--force"],
    ["import", Rel("files/everything.zip")],
    ["restore", Rel("files/backup.sqlite3")], ["remind", "dismiss", "no-study:2026-01-01"],
]
# fmt: on


DAMAGED = {"random bytes": "random", "truncated": "truncated", "foreign": "foreign",
           "unversioned": "unversioned", "too new": "future"}  # fmt: skip
"""Data folders holding a database the app must refuse (or at least never change)."""


def _check_data_folder(ex: Path, kind: str, tokens: Sequence[Token]) -> None:
    """Refused (exit 2 or more) leaves every file as it was; a damaged, foreign or too new
    database is never changed; a data folder with an odd name works as a plain one does, and
    nothing is made outside it."""
    files = ex / "files"
    sources = {"random": "random.bin", "truncated": "truncated-backup.sqlite3",
               "foreign": "foreign.sqlite3", "unversioned": "unversioned.sqlite3",
               "future": "future.sqlite3"}  # fmt: skip
    for name, source in sources.items():
        (ex / "damaged" / name).mkdir(parents=True)
        shutil.copyfile(files / source, ex / "damaged" / name / DATABASE)
    (ex / "damaged" / "folder" / DATABASE).mkdir(parents=True)
    folder = DATA_FOLDERS[kind]
    odd = kind.endswith("in its name")
    if odd:  # the same command on a plain copy of the data folder: what to expect
        assert isinstance(folder, Rel)
        shutil.copytree(ex / "data", ex / "plain")
        expected = _run(ex, tokens, Rel("plain"))
        shutil.copytree(ex / "data", ex / folder.path)
    before = _files(ex, database="plain")
    outcome = _run(ex, tokens, folder)
    _check_messages(outcome)
    where = outcome.where()
    after = _files(ex, database="plain")
    if odd:
        assert isinstance(folder, Rel)
        health = _health(ex / folder.path / DATABASE)
        assert health == "ok", f"the database is damaged: {health}{where}"
        assert outcome.code == expected.code, f"a plain folder gives {expected.code}{where}"
        inside = f"{folder.path}/"
        outside = _compare(
            {f: h for f, h in before.items() if not f.startswith(inside)},
            {f: h for f, h in after.items() if not f.startswith(inside)},
        )
        assert WRITING_COMMANDS & set(map(str, tokens)) or not outside, (
            f"files changed outside the data folder: {outside}{where}"
        )
    if kind in DAMAGED:
        database = f"damaged/{DAMAGED[kind]}/{DATABASE}"
        assert before[database] == after.get(database), f"{database} was changed{where}"
    if outcome.code >= 2:
        changed = _compare(before, after)
        assert not changed, f"refused, yet files changed: {changed}{where}"


@settings(HOSTILE, max_examples=40)
@given(data=st.data())
def test_hostile_data_folder(template: Template, data: st.DataObject) -> None:
    """`--data-dir` naming a file, a damaged, foreign or too new database, or a folder with an
    odd name: one line and a distinct status, and a damaged file is left exactly as it was."""
    kind = data.draw(st.sampled_from(sorted(DATA_FOLDERS)), label="data folder")
    tokens = data.draw(st.sampled_from(FOLDER_COMMANDS), label="command")
    with Example(template, _drawn_damage(data)) as ex:
        _check_data_folder(ex, kind, tokens)


# fmt: off
FOLDER_CASES = [
    ("# in its name", ["check"]), ("# in its name", ["backup"]),
    ("? in its name", ["plan", "show"]), ("? in its name", ["progress"]),
    ("% in its name", ["plan", "show"]), ("% in its name", ["backups"]),
    ("a folder for the database", ["plan", "show"]), ("a folder for the database", ["check"]),
    ("missing", [*LOG, "30"]), ("missing", ["remind", "dismiss", "x"]),
    ("random bytes", ["backup"]), ("truncated", [*LOG, "30"]), ("foreign", ["ceu", "status"]),
    ("unversioned", ["plan", "show"]),
    ("too new", ["restore", Rel("files/backup.sqlite3")]), ("a file", ["check"]),
    ("under a file", ["plan", "show"]), ("a long name", ["credential", "list"]),
    ("an empty name", [*LOG, "30"]), ("an empty name", ["check"]),
]
# fmt: on


@pytest.mark.parametrize(("kind", "tokens"), FOLDER_CASES, ids=lambda v: str(v)[:30])
def test_hostile_data_folder_cases(template: Template, kind: str, tokens: list[Token]) -> None:
    with Example(template, Damage()) as ex:
        _check_data_folder(ex, kind, tokens)

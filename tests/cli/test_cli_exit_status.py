"""Exit statuses that tell the truth: a reader that leaves early (`| head -c1`) after a committed
write is not "bad arguments, nothing written" (2) but 0; `--data-dir ""` (an unset variable) is
refused instead of quietly using the user's real data folder, by the CLI and the GUI start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyplanner import app
from studyplanner.cli.main import main
from studyplanner.store.location import ENV_VAR, EmptyDataDir, resolve_data_dir

TODAY = "2026-11-27"
CREATE = ["plan", "create", "--track", "cpc-certificate-program", "--start", "2026-12-07",
          "--hours-per-week", "10", "--today", TODAY, "--json"]  # fmt: skip


def _cli(*args: str, stdout: int) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "studyplanner", *args], stdout=stdout,
                          stderr=subprocess.PIPE, timeout=120, check=False)  # fmt: skip


def _plan_exists(data: Path) -> bool:
    out = subprocess.run([sys.executable, "-m", "studyplanner", "--data-dir", str(data), "plan",
                          "show", "--json", "--today", TODAY], capture_output=True, check=False,
                         timeout=120)  # fmt: skip
    return out.returncode == 0 and json.loads(out.stdout)["plan_id"] == 1


@pytest.mark.skipif(os.name != "posix", reason="a pipe closed by its reader")
@pytest.mark.parametrize("argv", [CREATE, ["remind", "--json", "--today", TODAY]],
                         ids=["plan create", "remind"])  # fmt: skip
def test_output_to_a_closed_pipe_exits_0_after_the_work_is_done(
    tmp_path: Path, argv: list[str]
) -> None:
    """Its reader gone before a byte is written: the write is committed, the status is 0 and
    nothing is said (not exit 2, which promises that nothing was written)."""
    data = tmp_path / "data"
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _cli("--data-dir", str(data), *argv, stdout=write_end)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, b"")
    assert _plan_exists(data) == (argv is CREATE)


@pytest.mark.skipif(os.name != "posix", reason="a pipe closed by its reader")
def test_plan_create_piped_to_head_c1(tmp_path: Path) -> None:
    """`studyplanner plan create ... --json | head -c1`, as written: one byte read, then the pipe
    closed while the command is still writing (its output is larger than the pipe's buffer)."""
    data = tmp_path / "data"
    proc = subprocess.Popen([sys.executable, "-m", "studyplanner", "--data-dir", str(data),
                             *CREATE], stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    with proc, proc.stderr:
        assert proc.stdout.read(1) == b"{"
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=120) == 0 and err == b""
    assert _plan_exists(data)


def _usual_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Point every way to the usual data folder ($STUDYPLANNER_DATA_DIR, the platform's) into
    `tmp_path`, so a test can prove they are never touched."""
    env_folder = tmp_path / "from-env"
    monkeypatch.setenv(ENV_VAR, str(env_folder))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "share"))
    return [env_folder, tmp_path / "home"]


@pytest.mark.parametrize("argv", [["--data-dir", ""], ["--data-dir="]], ids=["spaced", "inline"])
@pytest.mark.parametrize("command", [["plan", "show"], CREATE, ["tracks"], ["check"]],
                         ids=lambda c: c[0] + (f" {c[1]}" if c[0] == "plan" else ""))  # fmt: skip
def test_an_empty_data_dir_is_refused_by_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    argv: list[str], command: list[str],
) -> None:  # fmt: skip
    usual = _usual_folders(tmp_path, monkeypatch)
    assert main([*argv, *command]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("studyplanner: error: argument --data-dir: an empty folder name")
    assert not any(p.exists() for p in usual)


@pytest.mark.parametrize("argv", [["--data-dir", ""], ["--data-dir=", "--smoke-test"]])
def test_an_empty_data_dir_is_refused_by_the_gui_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> None:  # fmt: skip
    usual = _usual_folders(tmp_path, monkeypatch)
    assert app.main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("studyplanner: error: argument --data-dir: an empty folder name")
    assert not any(p.exists() for p in usual)


def test_resolving_an_empty_name_is_refused_but_an_empty_variable_is_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(EmptyDataDir):
        resolve_data_dir("")
    monkeypatch.setenv(ENV_VAR, "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert resolve_data_dir(None).name == "StudyPlanner"
    assert resolve_data_dir(str(tmp_path / "mine")) == (tmp_path / "mine").resolve()

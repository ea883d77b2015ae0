"""The CI workflow that builds the standalone app on a version tag. It cannot run here (it is for
GitHub's hosted runners): this checks its structure only, not that it works."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "bundle.yml"


def _load() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_runs_on_version_tags() -> None:
    data = _load()
    triggers = data[True] if True in data else data["on"]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["tags"] == ["v*"]


def test_builds_all_three_platforms_and_runs_the_smoke_commands() -> None:
    job = _load()["jobs"]["bundle"]
    matrix = job["strategy"]["matrix"]["include"]
    oses = {entry["os"].split("-")[0] for entry in matrix}
    assert oses == {"ubuntu", "windows", "macos"}
    assert job["runs-on"] == "${{ matrix.os }}"
    assert job["strategy"]["fail-fast"] is False
    runs = [step.get("run", "") for step in job["steps"]]
    uses = [step.get("uses", "") for step in job["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert "python dev.py test" in runs
    assert any(r.startswith("python dev.py bundle") for r in runs)
    assert any("packaging/smoke.py" in r and "matrix.exe" in r for r in runs)
    for entry in matrix:  # each executable the smoke step is given is one the spec builds
        assert entry["exe"].startswith("dist/")
    for step in job["steps"]:
        assert ("run" in step) != ("uses" in step)


def test_every_file_the_workflow_names_exists() -> None:
    for name in ("dev.py", "packaging/smoke.py", "packaging/studyplanner.spec",
                 "packaging/bundle.py", "packaging/user_data.py"):  # fmt: skip
        assert (ROOT / name).is_file(), name

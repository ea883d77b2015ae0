"""The smoke commands on a built app, for any platform (the CI workflow runs it on each):

    python packaging/smoke.py PATH/TO/EXECUTABLE

A realistic data folder made through the app's own command line (packaging/user_data.py), then
`--version`, `--smoke-test` (offscreen), `tracks --json`, `plan show --json`, `ceu report`,
`export ics` and one check of the reminder agent. The thorough Linux check, with no Python on
PATH and nothing written beside the app, is tests/bundle/test_bundle.py."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(exe: str) -> int:
    spec = importlib.util.spec_from_file_location("user_data", HERE / "user_data.py")
    assert spec is not None and spec.loader is not None
    user_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(user_data)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("STUDYPLANNER_DATA_DIR", None)
    with tempfile.TemporaryDirectory(prefix="studyplanner-smoke-") as tmp:
        data = Path(tmp, "data")
        user_data.make([exe], data, env)

        def run(*args: str, ok: tuple[int, ...] = (0,)) -> str:
            done = subprocess.run([exe, *args], env=env, capture_output=True, text=True,
                                  timeout=180)  # fmt: skip
            print(f"{' '.join(args)} -> {done.returncode}", flush=True)
            if done.returncode not in ok:
                raise SystemExit(f"failed: {done.stderr}")
            return done.stdout

        print(run("--version").strip())
        d = ["--data-dir", str(data)]
        run(*d, "--smoke-test")
        assert len(json.loads(run("tracks", "--json"))) == 5
        assert json.loads(run(*d, "plan", "show", "--json"))["track"]
        run(*d, "ceu", "report", "CPC", "--out", str(Path(tmp, "cpc.pdf")))
        assert Path(tmp, "cpc.pdf").read_bytes().startswith(b"%PDF-")
        run(*d, "export", "ics", str(Path(tmp, "plan.ics")))
        run(*d, "remind", "--agent-check", ok=(0, 3))  # 3: the setting is off, the agent stops
    print("smoke commands passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

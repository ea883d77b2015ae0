"""Live with the real app for a while: start it on a virtual X screen with a realistic data
folder and drive it with the keyboard and the window manager's requests (xdotool), thousands of
times, the way a person who keeps it open all day would. Prints what was done, how long it
took, the app's memory before and after, and whether it survived and quit cleanly.

    python3 benchmarks/soak_real_app.py [--actions 3000] [--python PATH]

Without --python the app is started exactly as the README says (`python3 dev.py app`); with
it, `PATH -m studyplanner` (to try another Python or Qt binding). Needs Xvfb and xdotool
(Debian: xvfb xdotool).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENS = 6


def _cli(python: str, data_dir: Path, *args: str) -> None:
    subprocess.run([python, "-m", "studyplanner", "--data-dir", str(data_dir), *args],
                   check=True, capture_output=True, text=True)  # fmt: skip


def realistic_folder(python: str, data_dir: Path) -> None:
    """A CPC learner three months in, with a credential and CEUs, made through the CLI."""
    today = time.strftime("%Y-%m-%d")
    _cli(python, data_dir, "plan", "create", "--track", "cpc-certificate-program", "--start",
         "2026-09-07", "--hours-per-week", "10", "--minutes",
         "mon=90,tue=90,wed=90,thu=90,sat=240", "--today", "2026-09-07")  # fmt: skip
    for day in range(1, 29):
        _cli(python, data_dir, "log", "--module", str(1 + day // 10), "--date",
             f"2026-10-{day:02d}", "--minutes", "75", "--note", f"evening {day}",
             "--today", today)  # fmt: skip
    _cli(python, data_dir, "done", "1", "--date", "2026-10-10", "--today", today)
    _cli(python, data_dir, "credential", "add", "CCA", "--earned", "2024-05-01", "--today", today)
    _cli(python, data_dir, "ceu", "add", "--date", "2026-06-01", "--units", "5", "--title",
         "Coding clinic webinar", "--category", "coding", "--credential", "CCA",
         "--today", today)  # fmt: skip


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def xdo(display: str, *args: str) -> str:
    out = subprocess.run(["xdotool", *args], capture_output=True, text=True,
                         env=dict(os.environ, DISPLAY=display))  # fmt: skip
    return out.stdout.strip()


def app_pid(launcher: subprocess.Popen[bytes]) -> int:
    """dev.py replaces itself with the app (exec), so the launcher's pid is the app's."""
    return launcher.pid


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=3000)
    parser.add_argument("--python", help="run `PYTHON -m studyplanner` instead of dev.py app")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shots", help="a folder for a screenshot every 500 actions")
    args = parser.parse_args()
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (Debian: apt-get install xvfb xdotool)")
    venv_python = str(ROOT / ".venv" / "bin" / "python")
    python = args.python or venv_python
    if args.python is None:  # set up .venv exactly as the README's command does
        subprocess.run([sys.executable, str(ROOT / "dev.py"), "app", "--help"], check=True,
                       capture_output=True)  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="studyplanner-soak-"))
    data_dir = work / "data"
    realistic_folder(python, data_dir)
    display = ":77"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    env = dict(os.environ, DISPLAY=display)
    env.pop("QT_QPA_PLATFORM", None)
    wm = None
    if shutil.which("openbox"):  # a window manager, as on a desktop (focus, activation)
        time.sleep(1)
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    command = ([args.python, "-m", "studyplanner"] if args.python
               else [sys.executable, str(ROOT / "dev.py"), "app"])  # fmt: skip
    log = (work / "app.log").open("wb")
    app = subprocess.Popen([*command, "--data-dir", str(data_dir)], env=env, stdout=log,
                           stderr=subprocess.STDOUT)  # fmt: skip
    rng = random.Random(args.seed)
    done = {"screen switch": 0, "assistant opened and cancelled": 0, "window resized": 0,
            "focus moved (Tab)": 0, "scrolled": 0}  # fmt: skip
    try:
        window = ""
        for _ in range(120):
            window = xdo(display, "search", "--onlyvisible", "--name", "Study Planner")
            if window or app.poll() is not None:
                break
            time.sleep(0.5)
        if not window:
            print(f"the window never appeared; exit {app.poll()}; log in {work / 'app.log'}")
            return 1
        window = window.splitlines()[0]
        time.sleep(3)  # the reminders, tray and start-up backup come after the first paint
        start_rss, start = rss_mib(app_pid(app)), time.monotonic()
        xdo(display, "windowactivate", "--sync", window)
        xdo(display, "mousemove", "--window", window, "90", "80", "click", "1")  # the sidebar
        row = 0
        for n in range(args.actions):
            if app.poll() is not None:
                break
            roll = rng.random()
            if roll < 0.80:
                step = rng.choice(("Down", "Up"))
                row = min(SCREENS - 1, row + 1) if step == "Down" else max(0, row - 1)
                xdo(display, "key", step)
                done["screen switch"] += 1
            elif roll < 0.85:
                xdo(display, "key", "ctrl+n")
                time.sleep(0.3)
                xdo(display, "key", "Escape")
                done["assistant opened and cancelled"] += 1
            elif roll < 0.90:
                w, h = rng.choice(((1024, 600), (1366, 740), (1280, 720), (1920, 1080)))
                xdo(display, "windowsize", window, str(w), str(h))
                done["window resized"] += 1
            elif roll < 0.95:
                xdo(display, "mousemove", "--window", window, "700", "400", "click",
                    rng.choice(("4", "5")))  # fmt: skip
                done["scrolled"] += 1
            else:
                xdo(display, "key", "Tab", "Tab", "shift+Tab")
                done["focus moved (Tab)"] += 1
                xdo(display, "mousemove", "--window", window, "90", "80", "click", "1")
            if n % 500 == 499:
                print(f"  {n + 1} actions, {rss_mib(app_pid(app)):.0f} MiB", flush=True)
                if args.shots:
                    shot = Path(args.shots) / f"soak-{n + 1}.png"
                    subprocess.run(["import", "-window", "root", str(shot)], env=env)
        alive = app.poll() is None
        end_rss, took = (rss_mib(app_pid(app)) if alive else 0.0), time.monotonic() - start
        total = sum(done.values())
        print(f"Drove the real app ({' '.join(command)}) under Xvfb 1366x768 with xdotool:")
        for kind, count in done.items():
            print(f"  {kind:32} {count}")
        print(f"  {'all actions':32} {total} in {took:.0f} s")
        print(f"Memory (RSS): {start_rss:.0f} MiB after start-up, {end_rss:.0f} MiB at the end")
        if not alive:
            print(f"THE APP DIED (exit {app.returncode}); its output:")
            print((work / "app.log").read_text(errors="replace")[-3000:])
            return 1
        xdo(display, "key", "ctrl+q")
        code = app.wait(timeout=60)
        print(f"Quit with Ctrl+Q: exit {code}")
        return 0 if code == 0 else 1
    finally:
        if app.poll() is None:
            app.kill()
        if wm is not None:
            wm.terminate()
            wm.wait()
        xvfb.terminate()
        xvfb.wait()
        log.close()


if __name__ == "__main__":
    sys.exit(main())

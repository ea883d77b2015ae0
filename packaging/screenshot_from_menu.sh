#!/usr/bin/env bash
# A screenshot of the standalone app started the way a desktop starts it: the archive unpacked,
# `studyplanner --install` run in a fresh home, then the command in the installed desktop entry's
# Exec line, on a virtual X screen with a window manager (openbox) for the title bar.
#
#   packaging/screenshot_from_menu.sh dist/studyplanner-0.1.0-linux-x86_64.tar.gz OUT.png
#
# Needs /work/shared/tools/screenshot.sh (Xvfb, xdotool, ImageMagick) or SCREENSHOT=path/to/it.
set -euo pipefail
archive=$(realpath "$1") out=$(realpath -m "$2")
here=$(cd "$(dirname "$0")" && pwd)
shot=${SCREENSHOT:-/work/shared/tools/screenshot.sh}
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT
mkdir -p "$top/Applications" "$top/home"
tar -xzf "$archive" -C "$top/Applications"
export HOME=$top/home XDG_DATA_HOME=$top/home/.local/share XDG_CONFIG_HOME=$top/home/.config
unset STUDYPLANNER_DATA_DIR
"$top/Applications/studyplanner/studyplanner" --install
entry=$XDG_DATA_HOME/applications/org.studyplanner.StudyPlanner.desktop
exec_line=$(sed -n 's/^Exec=//p' "$entry")
echo "Exec line: $exec_line"
# The user's own data folder (the default one, under XDG_DATA_HOME), filled through the app's CLI.
python3 - "$top/Applications/studyplanner/studyplanner" "$XDG_DATA_HOME/StudyPlanner" <<PY
import sys; sys.path.insert(0, "$here")
from pathlib import Path
import user_data
user_data.make([sys.argv[1]], Path(sys.argv[2]))
PY
# The Exec value is quoted by the Desktop Entry rules, which a shell reads the same way for a path.
"$shot" -s 1366x768 -w 4 "$out" -- sh -c "openbox >/dev/null 2>&1 & exec $exec_line"

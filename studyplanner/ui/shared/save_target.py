"""Where an export goes once the save dialog has answered: the file name with its suffix, and
whether replacing the file already there was agreed.

Qt's save dialog asks before it returns the name of an existing file, so the file it names is
agreed to be replaced. A name changed after it answered (a missing suffix added) and a file the
export writes beside it (the audit packet's zip of certificates) were not asked about: they are
asked about here. The services replace an existing file only when told (`force`), and never
anything but a regular file (a folder, link, FIFO or device is refused with its own message)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from studyplanner.ui.shared.formatting import tr


def _t(text: str) -> str:
    return tr(text)


@dataclass(frozen=True)
class SaveTarget:
    path: Path
    force: bool
    """True when a regular file is already there and replacing it was agreed."""


def _regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def ask_replace(parent: QWidget | None, paths: Sequence[Path]) -> bool:
    """Ask whether the files may be replaced (the seam tests replace)."""
    names = "\n".join(str(p) for p in paths)
    answer = QMessageBox.question(
        parent,
        _t("Replace the file?"),
        _t("These files already exist:\n%1\n\nReplace them?").replace("%1", names)
        if len(paths) > 1
        else _t("%1 already exists.\n\nReplace it?").replace("%1", names),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def save_target(
    parent: QWidget | None,
    chosen: Path | None,
    suffix: str,
    beside: Callable[[Path], Sequence[Path]] = lambda _path: (),
) -> SaveTarget | None:
    """The file to write for the name the save dialog returned (None: it was cancelled), with
    `suffix` added when missing; None when the user does not agree to replace a file there."""
    if chosen is None:
        return None
    path = chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)
    existing = [p for p in (path, *beside(path)) if _regular_file(p)]
    not_asked = [p for p in existing if p != chosen]
    if not_asked and not ask_replace(parent, not_asked):
        return None
    return SaveTarget(path, force=bool(existing))

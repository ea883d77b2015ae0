"""One way to write a small file whole or not at all: a temporary file beside it, then
`os.replace` (exports and certificates, which must also survive a kill and never clobber,
go through output_files and the leftovers journal instead)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write `data` to `path` whole or not at all, with permissions `mode` (0600: the user's
    own; 0644 for files the desktop must read, such as a login entry or an icon)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

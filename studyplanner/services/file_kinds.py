"""What a path the user named really is, in words for a message ("a folder", "a FIFO (named
pipe)"...), so that a refusal says why instead of "does not exist"."""

from __future__ import annotations

import os
import stat

FOLDER = "a folder"
REGULAR_FILE = "a regular file"
KINDS = (
    (stat.S_ISDIR, FOLDER),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISREG, REGULAR_FILE),
)


def kind_of_mode(mode: int) -> str:
    """The kind of file an `st_mode` describes, as words that follow "is"."""
    for test, words in KINDS:
        if test(mode):
            return words
    return "not a regular file"


def kind_of(path: os.PathLike[str] | str, *, follow: bool) -> str | None:
    """What `path` is (the link itself unless `follow`), or None when nothing is there.
    Other errors (no permission, a name too long) rise as OSError."""
    try:
        mode = os.stat(path).st_mode if follow else os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    return kind_of_mode(mode)

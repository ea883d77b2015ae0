"""Everything the command line prints goes through here, so stored text (titles, notes, names,
some of them imported from an archive) can never drive the terminal.

Text output shows control characters as escapes (`\\x1b`): C0 but line breaks and tabs, DEL, and
C1 (ESC and CSI among them, which start the sequences that move the cursor, recolour, retitle or
clear a terminal). An error or warning line shows every character that is not printable as an
escape, line breaks too, so it stays one line. JSON stays JSON: the encoder escapes C0, and DEL
and C1 are escaped the same way (`\\u009b`), which changes no value.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from typing import Any

_JSON_UNESCAPED_CONTROLS = re.compile("[\x7f-\x9f]")


def _escaped(c: str) -> str:
    return repr(c)[1:-1]  # "\x1b", "\n", "\u2028"


def terminal_text(text: str, *, one_line: bool = False) -> str:
    """`text` safe for a terminal (see the module's note); with `one_line`, every character that
    is not printable is escaped, line breaks included."""
    if one_line:
        return "".join(c if c.isprintable() else _escaped(c) for c in text)
    return "".join(
        _escaped(c) if c not in "\n\t" and unicodedata.category(c) == "Cc" else c for c in text
    )


def json_text(payload: Any) -> str:
    """`payload` as indented JSON, non-ASCII kept as is but DEL and C1 escaped."""
    body = json.dumps(payload, indent=2, ensure_ascii=False)
    return _JSON_UNESCAPED_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", body)


def emit(payload: Any, as_json: bool, text: str) -> None:
    """The command's result on stdout: `payload` as JSON, or `text` for people."""
    if as_json:
        sys.stdout.write(json_text(payload) + "\n")
    else:
        sys.stdout.write(terminal_text(text.rstrip("\n")) + "\n")
    sys.stdout.flush()  # a closed pipe shows here, inside main(), not at exit


def warn(text: str) -> None:
    """A `warning: ` line on stderr (a command that succeeded)."""
    print(f"warning: {terminal_text(text, one_line=True)}", file=sys.stderr)


def error_line(text: str) -> None:
    """The one line a refused command prints on stderr."""
    print(f"studyplanner: {terminal_text(text, one_line=True)}", file=sys.stderr)

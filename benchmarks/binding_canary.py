"""Does the installed Qt binding leak references to None?

PySide6 6.12.0 on Python 3.11 lowers None's reference count by one on every Qt call that returns
nothing (QLabel.setText, QPainter.setPen, ...). Before Python 3.12 None is an ordinary object, so a
long-running window aborts with `Fatal Python error: none_dealloc`. This script makes a few
thousand such calls and prints, as one JSON line, None's reference count before and after.

    python benchmarks/binding_canary.py [--calls N]

Run by tests/test_binding_canary.py (in a child process, so a leaking binding fails the test
instead of aborting the suite) and by benchmarks/check_binding_canary.py for every Python found.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

LEAK_TOLERANCE = 0.01
"""A binding leaks when None loses more than this share of the calls made (one per call is the
fault seen; other objects taking and dropping references to None move the count by a few)."""


def leaks(before: int, after: int, calls: int) -> bool:
    """Whether None lost about one reference per call (a drop, not a wobble)."""
    return before - after > calls * LEAK_TOLERANCE


def measure(calls: int) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import PySide6
    from PySide6.QtCore import QLineF, QRect
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([sys.argv[0]])
    label = QLabel()
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pen, brush, colour = QPen(), QBrush(), QColor(10, 20, 30)
    rect, line = QRect(0, 0, 4, 4), QLineF(0, 0, 4, 4)
    per_round = 6
    rounds = max(1, calls // per_round)
    before = sys.getrefcount(None)
    for _ in range(rounds):
        label.setText("x")
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.fillRect(rect, colour)
        painter.drawLine(line)
        colour.setAlphaF(0.5)
    after = sys.getrefcount(None)
    painter.end()
    del app
    made = rounds * per_round
    immortal = sys.version_info >= (3, 12)
    return {
        "python": sys.version.split()[0],
        "binding": f"PySide6 {PySide6.__version__}",
        "calls": made,
        "before": before,
        "after": after,
        "drop": before - after,
        "immortal_none": immortal,
        "leaks": leaks(before, after, made),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=3000)
    result = measure(parser.parse_args().calls)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()

"""The audit report as a PDF page set (fpdf2, with embedded Unicode fonts): the credential and
cycle, a summary, every rule check with its source, and every activity applied to the cycle with
what counted and why not. The packet around it (certificates zip, files written whole) is
ceu_export's.

Text is drawn in DejaVu Sans Condensed (Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian,
Georgian and many symbols), with Droid Sans Fallback for what DejaVu lacks (Chinese, Japanese),
both shipped in resources/fonts/ and embedded as subsets (only the glyphs used). Text that needs
it (right-to-left letters, combining marks) is shaped with HarfBuzz (uharfbuzz), so Arabic
letters join and right-to-left runs read right to left inside the report's left-to-right
paragraphs. A character none of these fonts can draw (emoji outside DejaVu's emoticons, Korean
Hangul, Indic scripts...) is shown as MARKER, never dropped."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF, FontFace
from fpdf.enums import Align, TableCellFillMode, XPos, YPos
from fpdf.table import Table

from studyplanner.bundled import font_file
from studyplanner.core.ceu_rules import RuleBook
from studyplanner.core.ceu_status import ActivityOutcome, CeuStatus, CredentialStatus
from studyplanner.services.audit_words import ENGLISH, PacketWords
from studyplanner.services.ceu_activities import ActivityInfo
from studyplanner.services.credentials import CredentialInfo, CycleInfo

FONT = "dejavu"
FONT_FILES = {"": "DejaVuSansCondensed.ttf", "B": "DejaVuSansCondensed-Bold.ttf"}
FALLBACK_FONT = "droid"
FALLBACK_FILE = "DroidSansFallbackFull.ttf"
"""Added to a report only when its text needs it (loading it takes a third of a second)."""
MARKER = "\ufffd"
"""What the report shows for a character that no bundled font can draw: the Unicode replacement
character (a question mark in a black diamond), one per character or emoji sequence (a flag, a
skin-toned or ZWJ-joined emoji counts as one). The CSV export keeps the exact text."""
PAGE_COUNT = "{nb\x1f}"
"""Where fpdf2 writes the page count: with a control character, which pdf_text removes from the
user's text, so a title containing fpdf2's usual '{nb}' stays as typed."""
ZWJ = "\u200d"
KEPT_FORMAT = frozenset({ZWJ, "\u200c"})
"""Invisible format characters kept: the zero-width (non-)joiners that shaping uses."""


def category_label(book: RuleBook, category: str) -> str:
    found = book.categories.get(category)
    return found.label if found is not None else category


@cache
def font_coverage(name: str) -> frozenset[int]:
    """The code points a bundled font has a glyph for."""
    with TTFont(font_file(name), lazy=True) as font:
        return frozenset(font.getBestCmap())


def drawable(ch: str) -> bool:
    """Whether one of the report's fonts has a glyph for `ch`."""
    return ord(ch) in font_coverage(FONT_FILES[""]) or ord(ch) in font_coverage(FALLBACK_FILE)


def needs_shaping(text: str) -> bool:
    """Whether `text` must go through HarfBuzz to print right: right-to-left letters (Arabic
    joins its letters, Hebrew and Arabic runs are reordered), combining marks, joiners. Other text
    is drawn without it, which is several times faster and keeps the PDF small."""
    return any(
        unicodedata.bidirectional(ch) in ("R", "AL", "AN")
        or unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch in KEPT_FORMAT
        for ch in text
    )


def _regional_indicator(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def _variation_selector(ch: str) -> bool:
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"


def _continues_cluster(ch: str) -> bool:
    """Whether `ch` belongs to the character before it (a mark, an emoji skin tone or tag), so it
    is replaced along with it."""
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
        or "\U000e0020" <= ch <= "\U000e007f"
    )


def pdf_text(text: str) -> str:
    """`text` as the report shows it: composed (NFC); line breaks, tabs and other controls become
    spaces or go; invisible format characters go (but the joiners shaping needs); each character
    or emoji sequence the fonts cannot draw becomes one MARKER."""
    out: list[str] = []
    replaced = False  # the last character written is a MARKER for what came before
    joined = False  # ... and a ZWJ asked for the next character to join it
    flag_open = False  # ... and it stands for a single regional indicator (half a flag)
    for ch in unicodedata.normalize("NFC", text):
        category = unicodedata.category(ch)
        if ch in "\t\n\r\u2028\u2029\x0b\x0c\x85":
            out.append(" ")
            replaced = False
            continue
        if category == "Cc" or (category == "Cf" and ch not in KEPT_FORMAT and not replaced):
            continue
        if _variation_selector(ch):
            continue  # emoji or text presentation, a variant: the fonts have one form each
        if replaced:
            if joined or _continues_cluster(ch) or ch == ZWJ or category == "Cf":
                joined = ch == ZWJ
                continue
            if flag_open and _regional_indicator(ch):
                flag_open = False
                continue
        if drawable(ch):
            out.append(ch)
            replaced = joined = flag_open = False
            continue
        out.append(MARKER)
        replaced, joined, flag_open = True, False, _regional_indicator(ch)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class ReportRow:
    activity: ActivityInfo
    outcome: ActivityOutcome
    entry: str | None  # the certificate's name in the zip, None if missing


# -- the PDF -------------------------------------------------------------------------------------

MARGIN = 14.0
BODY_PT = 9.5
SMALL_PT = 8.0
TABLE_PT = 8.5
PAD_X = 1.5
GREY = (90, 90, 90)
HEAD_FILL = (228, 232, 238)
BAND_FILL = (246, 247, 249)
ACTIVITY_COLUMNS: tuple[tuple[str, float], ...] = (
    ("column_date", 19),
    ("column_title", 57),
    ("column_provider", 28),
    ("column_index", 27),
    ("column_applied", 15),
    ("column_counted", 16),
    ("column_category", 26),
    ("column_certificate", 45),
    ("column_reason", 38),
)
"""Activity table columns (their heading's name in PacketWords) and their relative widths
(scaled to the page width)."""


class AuditReport(FPDF):
    """A4 landscape, embedded fonts, 'Page n of N' in the footer. Every text it is given goes
    through `shown` (pdf_text, and the fallback font when the text needs it). Its own words come
    from `words` (English unless the GUI passes its language's)."""

    def __init__(
        self, credential: CredentialInfo, today: date, words: PacketWords = ENGLISH
    ) -> None:
        super().__init__(orientation="landscape", unit="mm", format="A4")
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, font_file(name))
        # a glyph the bold face lacks is taken from the regular one
        self.set_fallback_fonts([FONT], exact_match=False)
        self.fallback_added = False
        self.alias_nb_pages(PAGE_COUNT)
        self.today = today
        self.words = words
        self.footer_text = self.shown(
            words.footer.format(credential=credential.label, date=words.date(today))
        )
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 4)
        self.set_title(words.document_title.format(credential=credential.label))
        self.set_lang(words.language)
        self.set_subject(f"{credential.name} ({credential.body})")
        self.set_creator("Study Planner")
        self.add_page()

    def close(self) -> None:
        """Close the font files fpdf2 keeps open while it may still subset them; call it once the
        report is output or abandoned (contextlib.closing)."""
        for font in self.fonts.values():
            ttfont = getattr(font, "ttfont", None)
            if ttfont is not None:
                ttfont.close()

    def shown(self, text: str) -> str:
        """`text` as the report shows it (pdf_text); the first text that needs the fallback
        font (Chinese, Japanese) adds it to the report."""
        text = pdf_text(text)
        if not self.fallback_added and any(
            ord(ch) not in font_coverage(FONT_FILES[""]) for ch in text
        ):
            self.add_font(FALLBACK_FONT, "", font_file(FALLBACK_FILE))
            self.set_fallback_fonts([FONT, FALLBACK_FONT], exact_match=False)
            self.fallback_added = True
        return text

    @contextmanager
    def _shaping(self, text: object) -> Iterator[None]:
        """Text shaping on while `text` is laid out and drawn, if it needs it."""
        if not (isinstance(text, str) and needs_shaping(text)):
            yield
            return
        # an English report: each text is a left-to-right paragraph (as in the app's tables), in
        # which a right-to-left run still reads right to left
        self.set_text_shaping(True, direction="ltr")
        try:
            yield
        finally:
            self.set_text_shaping(False)

    def cell(self, *args: Any, **kwargs: Any) -> Any:
        with self._shaping(kwargs.get("text", args[2] if len(args) > 2 else "")):
            return super().cell(*args, **kwargs)

    def multi_cell(self, *args: Any, **kwargs: Any) -> Any:
        with self._shaping(kwargs.get("text", args[2] if len(args) > 2 else "")):
            return super().multi_cell(*args, **kwargs)

    def get_string_width(self, s: str, normalized: bool = False, markdown: bool = False) -> float:
        with self._shaping(s):
            return super().get_string_width(s, normalized, markdown)

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FONT, size=SMALL_PT)
        self.set_text_color(*GREY)
        self.cell(self.epw / 2, 5, self.footer_text, align=Align.L)
        page = self.words.page.format(n=self.page_no(), total=PAGE_COUNT)
        self.cell(self.epw / 2, 5, page, align=Align.R)
        self.set_text_color(0, 0, 0)

    # -- building blocks

    def heading(self, text: str, *, keep_with: float = 24) -> None:
        """A section heading, moved to the next page with what follows if `keep_with` mm of
        room are not left below it."""
        if self.will_page_break(10 + keep_with):
            self.add_page()
        self.ln(3)
        self.set_font(FONT, style="B", size=12)
        self.cell(0, 7, self.shown(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, size=BODY_PT)

    def paragraph(self, text: str, *, size: float = BODY_PT, grey: bool = False) -> None:
        self.set_font(FONT, size=size)
        if grey:
            self.set_text_color(*GREY)
        self.multi_cell(0, size * 0.5, self.shown(text), align=Align.L,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
        self.set_text_color(0, 0, 0)

    def data_table(
        self,
        col_widths: Sequence[float],
        *,
        width: float | None = None,
        size: float = BODY_PT,
        align: str = "LEFT",
    ) -> AbstractContextManager[Table]:
        """A banded table whose heading row repeats on every page it spans."""
        self.set_font(FONT, size=size)
        return self.table(
            col_widths=tuple(col_widths), width=width, align=align, text_align="LEFT",
            line_height=size * 0.48, padding=(1.2, PAD_X),
            headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL),
            cell_fill_color=BAND_FILL, cell_fill_mode=TableCellFillMode.ROWS,
            borders_layout="SINGLE_TOP_LINE", repeat_headings=1,
        )  # fmt: skip

    def fit_headings(
        self, col_widths: Sequence[float], headings: Sequence[str], *, size: float = BODY_PT
    ) -> list[float]:
        """Column widths in mm (the page's width shared as `col_widths` say) widened where a
        heading's longest word would not fit, so no heading breaks inside a word (Spanish words
        are longer); what they take comes from the widest column. English ones fit as given."""
        scale = self.epw / sum(col_widths)
        widths = [w * scale for w in col_widths]
        self.set_font(FONT, style="B", size=size)
        for i, heading in enumerate(headings):
            words = heading.split()
            needed = max((self.get_string_width(word) for word in words), default=0.0)
            needed += 2 * PAD_X + 0.6
            if widths[i] < needed:
                widest = max(range(len(widths)), key=lambda j: widths[j])
                widths[widest] -= needed - widths[i]
                widths[i] = needed
        self.set_font(FONT, size=size)
        return widths

    def fit_lines(self, text: str, width: float) -> str:
        """`text` (a file name, an index number: no spaces) broken into lines of at most `width`
        mm after a '-' or '_', so a long name wraps where a reader expects, not mid-word."""
        lines: list[str] = []
        line = ""
        for token in re.findall(r"[^-_]+[-_]*|[-_]+", text):
            if self.get_string_width(line + token) <= width:
                line += token
                continue
            if line:
                lines.append(line)
            while self.get_string_width(token) > width and len(token) > 1:
                cut = len(token) - 1
                while cut > 1 and self.get_string_width(token[:cut]) > width:
                    cut -= 1
                lines.append(token[:cut])
                token = token[cut:]
            line = token
        if line:
            lines.append(line)
        return "\n".join(lines)

    # -- sections

    def front(
        self, book: RuleBook, credential: CredentialInfo, cycle: CycleInfo, status: CredentialStatus
    ) -> None:
        w = self.words
        body = book.bodies.get(credential.body)
        self.set_font(FONT, style="B", size=20)
        self.cell(0, 10, self.shown(w.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, size=12)
        self.cell(0, 7, self.shown(f"{credential.label} - {credential.name}"),
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
        self.ln(2)
        cycle_words = w.cycle_dates.format(start=w.date(cycle.start), end=w.date(cycle.end))
        if cycle.closed_on is not None:
            cycle_words += w.closed_on.format(date=w.date(cycle.closed_on))
        body_words = credential.body
        if body is not None:
            body_words = (
                body.name if body.name.startswith(body.code) else f"{body.code} - {body.name}"
            )
        facts = [
            (w.credential, f"{credential.label} - {credential.name}"),
            (w.certifying_body, body_words),
            (w.earned_on, w.date(credential.earned_on)),
            (w.ceu_cycle, cycle_words),
            (w.generated, w.date(self.today)),
        ]
        if len(status.pool) > 1:
            facts.append((w.sharing, ", ".join(status.pool)))
        if credential.note:
            facts.append((w.note, credential.note))
        facts.append((w.holder, "_" * 50))
        top = self.y
        # the labels' column: 30 % of the table, more (up to 45 %) for a language's longer labels
        self.set_font(FONT, style="B", size=BODY_PT)
        table_width = self.epw * 0.58
        label = max(self.get_string_width(self.shown(key)) for key, _ in facts) + 2 * PAD_X + 1
        label_share = min(max(30.0, 100 * label / table_width), 45.0)
        self.set_font(FONT, size=BODY_PT)
        with self.table(
            width=table_width, col_widths=(label_share, 100 - label_share), align="LEFT",
            first_row_as_headings=False,
            text_align="LEFT", line_height=BODY_PT * 0.5, padding=(1, PAD_X),
            borders_layout="HORIZONTAL_LINES",
        ) as table:  # fmt: skip
            for key, value in facts:
                row = table.row()
                row.cell(self.shown(key), style=FontFace(emphasis="BOLD"))
                row.cell(self.shown(value))
        left_bottom = self.y

        self.set_y(top)
        side = self.epw * 0.38
        words = w.status_word(status.status)
        if status.status is CeuStatus.OVERDUE or cycle.closed_on is not None:
            words += w.cycle_ended.format(date=w.date(status.cycle_end))
        elif status.status is not CeuStatus.COMPLETE:
            days = status.days_left
            words += w.one_day_left if days == 1 else w.days_left.format(n=days)
        summary = [
            (w.required, w.ceus.format(n=w.units(status.required))),
            (w.earned, w.ceus.format(n=w.units(status.earned))),
            (w.remaining, w.ceus.format(n=w.units(status.remaining))),
            (w.status, words),
        ]
        with self.data_table((1, 2), width=side, align="RIGHT") as table:
            heading = table.row()
            heading.cell(self.shown(w.summary), colspan=2)
            for key, value in summary:
                row = table.row()
                bold = FontFace(emphasis="BOLD")
                row.cell(self.shown(key), style=bold)
                row.cell(self.shown(value), style=bold if key == w.status else None)
        # the table is drawn at the page's right edge: notes go below it, in the same column
        notes = []
        unmet = [c for c in status.failed_checks if c.id != "total"]
        if unmet:
            checks = w.list_separator.join(
                w.not_met_check.format(check=w.check(c), earned=w.units(c.earned)) for c in unmet
            )
            notes.append(w.not_met.format(checks=checks))
        if status.required_from_user:
            notes.append(w.user_figure)
        if status.needs_user_figure:
            notes.append(w.first_cycle)
        if len(status.pool) > 1:
            notes.append(w.pool.format(credentials=", ".join(status.pool)))
        if status.pace_per_month is not None and status.status is not CeuStatus.COMPLETE:
            notes.append(w.pace.format(n=w.units(status.pace_per_month)))
        if notes:
            self.ln(1.5)
            self.set_font(FONT, size=SMALL_PT)
            self.set_text_color(*GREY)
            self.set_x(self.l_margin + self.epw - side)
            self.multi_cell(side, SMALL_PT * 0.5, self.shown(" ".join(notes)), align=Align.L,
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
            self.set_text_color(0, 0, 0)
        self.set_y(max(left_bottom, self.y))

        self.heading(w.rule_checks)
        headings = [self.shown(h) for h in (w.rule, w.required, w.earned, w.met, w.source,
                                             w.checked)]  # fmt: skip
        with self.data_table(self.fit_headings((62, 17, 15, 10, 98, 18), headings)) as table:
            table.row(headings)
            for check in status.checks:
                row = table.row()
                row.cell(self.shown(w.check(check)))
                row.cell(w.units(check.required))
                row.cell(w.units(check.earned))
                row.cell(self.shown(w.yes if check.met else w.no),
                         style=None if check.met else FontFace(emphasis="BOLD"))  # fmt: skip
                sources = "\n".join(self.shown(s) for s in check.source.sources) or "-"
                if check.source.verify:
                    sources += "\n" + self.shown(w.to_verify)
                row.cell(sources)
                row.cell(self.shown(w.date(check.source.checked)))

    @contextmanager
    def activity_table(self, book: RuleBook, count: int) -> Iterator[Callable[[ReportRow], None]]:
        """Yields a function adding one activity's row; the table is drawn at the end."""
        w = self.words
        self.heading(w.activities, keep_with=45 if count else 10)
        if count == 0:
            self.paragraph(w.no_activity)
            yield lambda row: None
            return
        headings = [self.shown(getattr(w, name)) for name, _ in ACTIVITY_COLUMNS]
        widths = self.fit_headings([width for _, width in ACTIVITY_COLUMNS], headings,
                                   size=TABLE_PT)  # fmt: skip
        inner = {name: width - 2 * PAD_X - 0.3
                 for (name, _), width in zip(ACTIVITY_COLUMNS, widths, strict=True)}  # fmt: skip
        with self.data_table(widths, size=TABLE_PT) as table:
            table.row(headings)
            applied = counted = Decimal(0)
            missing = 0

            def add(row: ReportRow) -> None:
                nonlocal applied, counted, missing
                a, o = row.activity, row.outcome
                applied += o.applied
                counted += o.counted
                missing += row.entry is None
                index = self.fit_lines(self.shown(a.index_number), inner["column_index"])
                entry = (
                    self.fit_lines(self.shown(row.entry), inner["column_certificate"])
                    if row.entry
                    else self.shown(w.missing)
                )
                table.row(
                    [
                        self.shown(w.date(a.completed_on)), self.shown(a.title),
                        self.shown(a.provider) or "-",
                        index or "-", w.units(o.applied), w.units(o.counted),
                        self.shown(category_label(book, a.category)),
                        entry, self.shown(w.reason(o)),
                    ]
                )  # fmt: skip

            yield add
            bold = FontFace(emphasis="BOLD")
            total = table.row(style=bold)
            total.cell(
                self.shown(w.total_one if count == 1 else w.total_many.format(n=count)), colspan=4
            )
            total.cell(w.units(applied))
            total.cell(w.units(counted))
            total.cell("")
            total.cell(self.shown(w.on_file.format(n=count - missing, total=count)))
            total.cell("")

    def closing(self, status: CredentialStatus, rows: Sequence[ReportRow]) -> None:
        w = self.words
        missing = sum(1 for r in rows if r.entry is None)
        figures = {"earned": w.units(status.earned), "required": w.units(status.required)}
        if len(status.pool) > 1:
            lines = [w.counted_shared.format(credentials=", ".join(status.pool), **figures)]
        else:
            lines = [w.counted.format(**figures)]
        if missing:
            lines.append(w.missing_one if missing == 1 else w.missing_many.format(n=missing))
        elif rows:
            lines.append(w.all_on_file)
        if self.will_page_break(28):
            self.add_page()
        self.ln(2)
        self.paragraph(" ".join(lines))
        self.ln(4)
        self.paragraph(w.attest, size=BODY_PT)
        self.ln(6)
        self.set_font(FONT, size=BODY_PT)
        self.cell(120, 5, self.shown(f"{w.signature} " + "_" * 45))
        self.cell(70, 5, self.shown(f"{w.signed_on} " + "_" * 25),
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip

"""The career roadmap in words: the core's codes and values (core/roadmap.py) as translated
sentences, dates through QLocale and durations in the one duration style. The details are HTML
for a text browser (stored text escaped), with each source a link."""

from __future__ import annotations

from html import escape

from studyplanner.core.ceu_rules import EXAM_PASS_PERCENT, ExamFormat, RuleBook
from studyplanner.core.roadmap import CeuConsequence, RoadmapEntry, TrackCost, source_link
from studyplanner.ui.credentials.ceu_rule_words import link_title
from studyplanner.ui.shared.formatting import (
    ceus_words,
    format_date,
    format_hours,
    tr,
    units_text,
    verdict_sentences,
)


def _t(text: str) -> str:
    return tr(text)


def study_words(track: TrackCost) -> str:
    """ "596 h: 3 Dec 2026 to 27 Nov 2027 at 11 h 30 min a week" and, when it does not fit,
    the verdict's own sentences."""
    finish = track.finish
    if finish is None:
        text = _t("{hours} of study from {start}; it cannot be scheduled at this week.").format(
            hours=format_hours(track.minutes), start=format_date(track.start)
        )
    elif track.weekly_minutes is not None:
        text = _t("{hours} of study: {start} to {finish} at {weekly} a week.").format(
            hours=format_hours(track.minutes),
            start=format_date(track.start),
            finish=format_date(finish),
            weekly=format_hours(track.weekly_minutes),
        )
    else:
        text = _t("{hours} of study in {terms} terms: {start} to {finish}.").format(
            hours=format_hours(track.minutes),
            terms=len(track.terms),
            start=format_date(track.start),
            finish=format_date(finish),
        )
    if track.schedule is not None and not track.schedule.verdict.fits:
        text += " " + " ".join(verdict_sentences(track.schedule.verdict))
    return text


def finish_words(entry: RoadmapEntry) -> str:
    """The earliest finish of the entry's tracks, or a dash."""
    finishes = [t.finish for t in entry.tracks if t.finish is not None]
    return format_date(min(finishes)) if finishes else "—"


def hours_words(entry: RoadmapEntry) -> str:
    return " / ".join(format_hours(t.minutes) for t in entry.tracks) or _t("no track")


def exam_words(code: str, exam: ExamFormat | None) -> str:
    if exam is None:
        return _t("The rules data give no exam format for {code}.").format(code=code)
    parts = []
    if exam.questions is not None:
        parts.append(_t("{n} questions").format(n=exam.questions))
    parts.append(format_hours(exam.minutes))
    if exam.pass_kind == EXAM_PASS_PERCENT:
        parts.append(_t("{n} % to pass").format(n=exam.pass_value))
    else:
        parts.append(
            _t("a scaled score of {n} of {of} to pass").format(n=exam.pass_value, of=exam.pass_of)
        )
    text = _t("Exam: {parts}.").format(parts=", ".join(parts))
    if exam.online_parts_minutes:
        text += " " + _t("Online it is sat in {n} parts of {time} each.").format(
            n=len(exam.online_parts_minutes), time=format_hours(exam.online_parts_minutes[0])
        )
    if exam.source.verify:
        text += " " + _t("Sources disagree on some of this: check it with the body.")
    return text


def total_words(c: CeuConsequence) -> str:
    """The short form for the table: "36 → 40 CEUs" or "20 CEUs (new)"."""
    if c.before is None:
        return _t("{ceus} (new cycle)").format(ceus=ceus_words(c.after))
    return _t("{before} → {after}").format(before=units_text(c.before), after=ceus_words(c.after))


def ceu_words(book: RuleBook, c: CeuConsequence) -> list[str]:
    years = c.cycle_years
    if c.before is None:
        lines = [
            _t("{body}: a cycle of its own, {ceus} every {years} years.").format(
                body=c.body, ceus=ceus_words(c.after), years=years
            )
        ]
    else:
        lines = [
            _t(
                "{body} CEUs: {before} → {after} every {years} years, for all your {body} "
                "credentials together."
            ).format(
                body=c.body, before=units_text(c.before), after=ceus_words(c.after), years=years
            )
        ]
    if c.shared_cycle_end is not None:
        lines.append(
            _t("It joins your shared cycle, which ends {date}.").format(
                date=format_date(c.shared_cycle_end)
            )
        )
    if c.quota is not None:
        category = book.categories.get(c.quota.category)
        lines.append(
            _t("{units} of them must be in the category “{category}”.").format(
                units=units_text(c.quota.units),
                category=category.label if category else c.quota.category,
            )
        )
    if c.replaces:
        lines.append(
            _t("It replaces {codes}: only its own CEUs are kept.").format(
                codes=", ".join(c.replaces)
            )
        )
    return lines


def sources_html(entry: RoadmapEntry) -> str:
    rules = [*entry.ceus.sources] + ([entry.exam.source] if entry.exam is not None else [])
    seen: list[str] = []
    items = []
    for rule in rules:
        for text in rule.sources:
            url, _rest = source_link(text)
            key = url or text
            if key in seen:
                continue
            seen.append(key)
            if url is None:
                items.append(f"<li>{escape(text)}</li>")
            else:
                items.append(
                    f'<li><a href="{escape(url, quote=True)}">{escape(link_title(url))}</a></li>'
                )
    return f"<p><b>{escape(_t('Sources'))}</b></p><ul>{''.join(items)}</ul>"


def details_html(book: RuleBook, entry: RoadmapEntry, track: TrackCost | None) -> str:
    para = "<p>{}</p>".format
    html = [f"<h3>{escape(entry.code)} — {escape(entry.name)} ({escape(entry.body)})</h3>"]
    if track is not None:
        html.append(para(escape(study_words(track))))
        if track.sittings == 1:
            sittings = _t("1 timed sitting: the exam.")
        else:
            sittings = _t("{n} timed sittings (practice exams and the exam).").format(
                n=track.sittings
            )
        html.append(para(escape(sittings)))
    else:
        html.append(
            para(
                escape(
                    _t(
                        "No built-in track leads to {code} yet: build your own track in the "
                        "plan assistant, or plan it with your training provider."
                    ).format(code=entry.code)
                )
            )
        )
    html.append(para(escape(exam_words(entry.code, entry.exam))))
    html.append(para("<br>".join(escape(line) for line in ceu_words(book, entry.ceus))))
    html.append(sources_html(entry))
    html.append(para(escape(_t("Rules change: confirm them with {body}.").format(body=entry.body))))
    return "".join(html)

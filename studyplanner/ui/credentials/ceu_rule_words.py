"""The credential rules in plain words, then the pages they come from and the date they were
checked, so the user sees where a figure comes from and that the body's own records win."""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import QLocale

from studyplanner.core.ceu_rules import (
    SHARE_HIIM,
    BodyRules,
    CredentialRule,
    RuleBook,
    RuleSource,
    Share,
)
from studyplanner.ui.shared.formatting import format_date, tr, units_text


def _t(text: str) -> str:
    return tr(text)


def disclaimer(body: str) -> str:
    return _t(
        "Rules change: what {body} has on record wins. Where your account shows other dates or "
        "figures, enter those."
    ).format(body=body)


def source_plain(source: RuleSource) -> str:
    """For a tooltip: the rule's words, the pages it comes from (by title) and the date checked,
    without the rule book's notes about each page."""
    text = re.sub(r"\s*\([^)]*\bverify\b[^)]*\)", "", source.text)  # a note to the researcher
    lines = [text] if text else []
    urls = [s.split(" ", 1)[0] for s in source.sources]
    titles = [link_title(url) for url in urls if url.startswith(("http://", "https://"))]
    if titles:
        lines.append(_t("From: {pages}.").format(pages="; ".join(titles)))
    lines.append(_t("Checked on {date}.").format(date=format_date(source.checked)))
    if source.verify:
        lines.append(_t("Sources disagree or are old: check with the body."))
    return "\n".join(lines)


def apprentice_notes(rule: CredentialRule) -> list[str]:
    """What removes the 'A' of an apprentice credential (the rule's notes)."""
    return [n.text for n in rule.notes if n.text] if rule.kind == "apprentice" else []


def rules_html(book: RuleBook, rule: CredentialRule) -> str:
    """The rules of one credential in plain sentences (what it takes, the cycle, several
    credentials, shares, categories, membership, being late), then its sources as links with
    their titles. The rule book's research notes (what a page was, which copy was read) stay
    out: the sources section says only when they were checked and whether they agree."""
    body: BodyRules = book.bodies[rule.body]
    parts = [f"<h3>{escape(rule_title(rule))}</h3>"]
    parts.append(f"<p><i>{escape(disclaimer(body.code))}</i></p>")
    for title, sentences in rule_sentences(book, rule):
        text = " ".join(escape(s) for s in sentences)
        parts.append(f"<p><b>{escape(title)}</b><br>{text}</p>")
    parts.append(sources_html(book, rule))
    return "".join(parts)


def rule_title(rule: CredentialRule) -> str:
    return _t("{code}: {name}").format(code=rule.code, name=rule.name)


def rule_sentences(book: RuleBook, rule: CredentialRule) -> list[tuple[str, list[str]]]:
    """(section title, its sentences) for one credential, from the rule book's figures."""
    body = book.bodies[rule.body]
    years = body.cycle_years
    takes = [
        _t("{ceus} CEUs every {years} years when it is your only {body} credential.").format(
            ceus=units_text(rule.ceus), years=years, body=body.code
        )
    ]
    if rule.quota is not None:
        category = book.categories.get(rule.quota.category)
        takes.append(
            _t("{units} of them must be in the category “{category}”.").format(
                units=units_text(rule.quota.units),
                category=category.label if category else rule.quota.category,
            )
        )
        if rule.quota.allowed_providers:
            takes.append(
                _t("Those CEUs count only from {providers}.").format(
                    providers=", ".join(rule.quota.allowed_providers)
                )
            )
    sections = [(_t("What it takes"), takes)]
    cycle = [_t("A cycle lasts {years} years.").format(years=years)]
    if body.cycle_anchor == "membership_expiration_date":
        cycle.append(_t("It ends on your {body} membership renewal date.").format(body=body.code))
    elif body.cycle_anchor == "exam_pass_date":
        cycle.append(_t("The first one starts on the day you passed the exam."))
    if body.first_cycle_user_enters:
        cycle.append(
            _t("Your first cycle may be shorter: enter its dates and CEUs from your account.")
        )
    sections.append((_t("Cycle"), cycle))
    several = _several_sentences(body)
    if several:
        sections.append((_t("Several credentials"), several))
    shares = [_share_sentence(share, body.code) for share in body.shares]
    if shares:
        sections.append((_t("Where the CEUs come from"), shares))
    labels = [c.label for c in book.categories.values()]
    sections.append(
        (
            _t("Categories"),
            [_t("Each activity has one category: {labels}.").format(labels="; ".join(labels))],
        )
    )
    notes = [n.text for n in rule.notes if n.text]
    if notes:
        title = _t("What removes the “A”") if rule.kind == "apprentice" else _t("Also")
        sections.append((title, notes))
    membership = (
        _t("Your {body} membership must stay current to keep the credential.")
        if body.membership_required
        else _t("{body} membership is optional.")
    ).format(body=body.code)
    sections.append((_t("Membership"), [membership]))
    late = _late_sentences(body)
    if late:
        sections.append((_t("If you are late"), late))
    return sections


def _several_sentences(body: BodyRules) -> list[str]:
    if body.totals_table:
        last = len(body.totals_table) - 1
        figures = []
        for i, (count, ceus) in enumerate(body.totals_table):
            if count == 1:
                words = _t("{ceus} CEUs for one")
            elif i == last:
                words = _t("{ceus} for {n} or more")
            else:
                words = _t("{ceus} for {n}")
            figures.append(words.format(n=count, ceus=units_text(ceus)))
        sentence = _t("{body} counts one total for all your {body} credentials: {figures}.")
        return [sentence.format(body=body.code, figures=", ".join(figures))]
    if body.per_additional:
        sentence = _t("Each further {body} credential adds {ceus} CEUs to the total").format(
            body=body.code, ceus=units_text(body.per_additional)
        )
        if body.max_total is not None:
            sentence += _t(", up to {ceus} CEUs in all").format(ceus=units_text(body.max_total))
        return [sentence + "."]
    return []


def _share_sentence(share: Share, body: str) -> str:
    percent = QLocale().toString(float(share.min_share * 100), "f", 0)
    if share.kind == SHARE_HIIM:
        sentence = _t(
            "At least {percent} % of each credential's CEUs must be in the "
            "health-information domains."
        ).format(percent=percent)
    else:
        sentence = _t(
            "At least {percent} % of the cycle's CEUs must come from {body} or a {body} "
            "state association."
        ).format(percent=percent, body=body)
    if share.effective_from is not None:
        sentence += " " + _t("Since {date}.").format(date=format_date(share.effective_from))
    return sentence


def _late_sentences(body: BodyRules) -> list[str]:
    late = []
    if body.grace_days:
        late.append(
            _t("After the cycle ends you have {days} days to catch up.").format(
                days=body.grace_days
            )
        )
    else:
        late.append(_t("There is no grace period after the cycle ends."))
    if body.lapse_days:
        late.append(
            _t("{days} days after the cycle ends without the CEUs, the credential is lost.").format(
                days=body.lapse_days
            )
        )
    return late


_WORDS = {"ceu": "CEU", "ceus": "CEUs", "faq": "FAQ", "faqs": "FAQs", "i": "I"}
_UPPER = {"aapc", "ahima", "cpc", "cca", "ccs", "rhit", "rhia", "asc"}


def _words(segment: str) -> list[str]:
    """'23581-ceus-2008-and-beyond' -> ['CEUs', '2008', 'and', 'beyond']"""
    segment = re.sub(r"\.(aspx?|html?|php)$", "", segment)
    segment = re.sub(r"^\d+-", "", segment)
    found = [w.lower() for w in re.split(r"[-_]+", segment) if w]
    return [_WORDS.get(w, w.upper() if w in _UPPER else w) for w in found]


def _sentence_case(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def link_title(url: str) -> str:
    """A readable title for a page from its address: 'https://www.aapc.com/membership/faq.aspx'
    -> 'Membership: FAQ (aapc.com)'; a one-word page gets its section's name before it."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    segments = [s for s in parts.path.split("/") if _words(s)]
    if not segments:
        return host
    last = _words(segments[-1])
    if len(last) == 1 and len(segments) > 1:
        title = f"{_sentence_case(_words(segments[-2]))}: {' '.join(last)}"
    else:
        title = _sentence_case(last)
    return f"{title} ({host})"


def rule_sources(book: RuleBook, rule: CredentialRule) -> list[RuleSource]:
    body = book.bodies[rule.body]
    found = [rule.source, body.cycle, body.totals]
    found += [rule.quota.source] if rule.quota is not None else []
    found += [share.source for share in body.shares] + list(rule.notes)
    found += [body.membership] if body.membership_required else []
    found += [body.grace] if body.grace.text else []
    return found


def sources_html(book: RuleBook, rule: CredentialRule) -> str:
    """The pages the rules come from, each a link with its title, and when they were checked
    (the rule book's notes about each page are left out)."""
    found = rule_sources(book, rule)
    urls: list[str] = []
    for source in found:
        for text in source.sources:
            url = text.split(" ", 1)[0]
            if url.startswith(("http://", "https://")) and url not in urls:
                urls.append(url)
    links = "".join(
        f'<li><a href="{escape(url, quote=True)}">{escape(link_title(url))}</a></li>'
        for url in urls
    )
    checked = max(source.checked for source in found)
    words = _t("Checked on {date}.").format(date=format_date(checked))
    if any(source.verify for source in found):
        words += " " + _t(
            "Some of these pages disagree or are old: check the figures with {body}."
        ).format(body=rule.body)
    title = _t("Sources")
    return f"<p><b>{escape(title)}</b></p><ul>{links}</ul><p>{escape(words)}</p>"

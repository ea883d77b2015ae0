"""The credential rules in words, each with its sources and the date it was checked, so the user
sees where a figure comes from and that the body's own records win."""

from __future__ import annotations

from html import escape

from studyplanner.core.ceu_rules import BodyRules, CredentialRule, RuleBook, RuleSource
from studyplanner.ui.formatting import format_date, tr


def _t(text: str) -> str:
    return tr(text)


def disclaimer(body: str) -> str:
    return _t(
        "Rules change: what {body} has on record wins. Where your account shows other dates or "
        "figures, enter those."
    ).format(body=body)


def _link(source: str) -> str:
    """'https://x/y (undated)' -> a link followed by its comment."""
    url, _, comment = source.partition(" ")
    if not url.startswith(("http://", "https://")):
        return escape(source)
    tail = f" {escape(comment)}" if comment else ""
    return f'<a href="{escape(url, quote=True)}">{escape(url)}</a>{tail}'


def source_html(source: RuleSource) -> str:
    links = "<br>".join(_link(s) for s in source.sources)
    checked = _t("Checked {date}.").format(date=format_date(source.checked))
    if source.verify:
        checked += " " + _t("Sources disagree or are old: check with the body.")
    return f"<div style='margin-left:12px'><small>{links}<br><i>{escape(checked)}</i></small></div>"


def source_plain(source: RuleSource) -> str:
    """For a tooltip: the rule's words, its pages and the date checked."""
    lines = [source.text] if source.text else []
    lines += [s for s in source.sources]
    lines.append(_t("Checked {date}.").format(date=format_date(source.checked)))
    if source.verify:
        lines.append(_t("Sources disagree or are old: check with the body."))
    return "\n".join(lines)


def _section(title: str, source: RuleSource, text: str | None = None) -> str:
    words = escape(text if text is not None else source.text)
    return f"<p><b>{escape(title)}</b><br>{words}</p>{source_html(source)}"


def apprentice_notes(rule: CredentialRule) -> list[str]:
    """What removes the 'A' of an apprentice credential (the rule's notes)."""
    return [n.text for n in rule.notes if n.text] if rule.kind == "apprentice" else []


def rules_html(book: RuleBook, rule: CredentialRule) -> str:
    body: BodyRules = book.bodies[rule.body]
    parts = [f"<p><i>{escape(disclaimer(body.code))}</i></p>"]
    parts.append(
        _section(
            _t("{code}: {name}").format(code=rule.code, name=rule.name),
            rule.source,
            _t("{ceus} CEUs per cycle when held alone.").format(ceus=f"{rule.ceus.normalize():f}"),
        )
    )
    parts.append(_section(_t("Cycle"), body.cycle))
    parts.append(_section(_t("CEUs for several credentials"), body.totals))
    if rule.quota is not None:
        parts.append(_section(_t("Quota"), rule.quota.source))
    for share in body.shares:
        parts.append(_section(_t("Share"), share.source))
    for note in rule.notes:
        title = _t("What removes the “A”") if rule.kind == "apprentice" else _t("Also")
        parts.append(_section(title, note))
    if body.membership_required:
        parts.append(_section(_t("Membership"), body.membership))
    if body.grace.text:
        parts.append(_section(_t("Late: grace and lapse"), body.grace))
    return "".join(parts)

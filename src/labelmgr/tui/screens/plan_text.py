"""Planned actions and the money outlook as lines of text (planner and advance dialog).

Costs, ranges and badges come from the session (``options``, ``preview``, ``outlook``).
"""

from __future__ import annotations

from labelmgr.engine import (
    Action,
    MarketingPush,
    MoneyOutlook,
    Options,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
)
from labelmgr.errors import LabelError
from labelmgr.service import GameSession
from labelmgr.tui.widgets.display import (
    artist_name,
    badge_markup,
    money,
    money_range,
    plain,
    plural,
)


def _choice_badges(options: Options,
                   action: TakeMeeting | TalkToArtist | ResolveEvent) -> tuple[str, str]:
    """(label, badges) of the planned choice, from this month's offers."""
    if isinstance(action, TakeMeeting):
        offer = next((m for m in options.meetings if m.role.id == action.role_id), None)
        choices = offer.choices if offer else ()
    elif isinstance(action, TalkToArtist):
        conv = next((c for c in options.conversations if c.artist_id == action.artist_id),
                    None)
        choices = conv.choices if conv else ()
    else:
        choices = options.event.choices if options.event else ()
    chosen = next((c for c in choices if c.choice.id == action.choice_id), None)
    if chosen is None:
        return action.choice_id, ""
    now = badge_markup(chosen.immediate)
    later = f"later: {badge_markup(chosen.delayed)}" if chosen.delayed else ""
    return chosen.choice.label, " · ".join(part for part in (now, later) if part)


def _project(session: GameSession, a: StartProject) -> tuple[str, str]:
    content = session.content
    who = plain(artist_name(content, a.artist_id))
    preview = session.preview(a)
    if a.project_kind == "mini_tour":
        venue = next(v.name for v in content.balance.tours.venues if v.id == a.venue)
        return (f"Mini-tour · {who} · “{plain(a.title)}” · {venue} × {plural(a.cities, 'city', 'cities')}",
                f"[$text-error]{money(-preview.cost)}[/] · takings "
                f"{money_range(preview.revenue_low, preview.revenue_high)} "
                f"in month {preview.release_month}")
    kind = content.balance.projects.types[a.project_kind].name
    tier = content.producer_tier_by_id[a.producer_tier].name
    time = content.time_investment_by_id[a.time_investment].name
    return (f"{kind} · {who} · “{plain(a.title)}” · {a.song_count} song"
            f"{'s' if a.song_count > 1 else ''} · {tier} · {time}",
            f"[$text-error]{money(-preview.cost)}[/] · quality {preview.quality_low}–"
            f"{preview.quality_high} · out in month {preview.release_month}")


def action_lines(session: GameSession, options: Options, action: Action) -> tuple[str, str]:
    """Two lines for a planned action: what it is, and what it costs or does."""
    state, content = session.state, session.content
    if isinstance(action, TakeMeeting):
        role = content.role_by_id[action.role_id]
        meeting = content.meeting_by_key[(action.role_id, action.meeting_id)]
        label, badges = _choice_badges(options, action)
        return (f"Meeting · {plain(role.title)} · “{plain(meeting.title)}” → "
                f"[b]{plain(label)}[/b]", badges)
    if isinstance(action, TalkToArtist):
        label, badges = _choice_badges(options, action)
        who = plain(artist_name(content, action.artist_id))
        return f"Talk with {who} → [b]{plain(label)}[/b]", badges
    if isinstance(action, StartProject):
        return _project(session, action)
    if isinstance(action, MarketingPush):
        kind = content.balance.marketing[action.push_kind].name
        project = state.project(action.project_id)
        title = plain(project.title) if project else str(action.project_id)
        return f"Marketing · {kind} on “{title}”", f"[$text-error]{money(-action.spend)}[/]"
    if isinstance(action, SignArtist):
        spec = content.artist_by_id[action.artist_id]
        return (f"Sign {plain(spec.name)} (no slot)",
                f"[$text-error]{money(-spec.signing_cost)}[/] · "
                f"{money(spec.monthly_fee)} a month")
    event = content.event_by_id[state.pending_event.event_id] if state.pending_event else None
    label, badges = _choice_badges(options, action)
    return (f"Answer “{plain(event.title) if event else '?'}” → [b]{plain(label)}[/b] "
            "(no slot)", badges)


def outlook_lines(outlook: MoneyOutlook, *, career: bool, warn: bool = True) -> list[str]:
    """The projected money after the month, item by item, and (``warn``) its warning."""
    rows = [("Money now", money(outlook.money_now)),
            ("Planned spending", money(-outlook.plan_spend))]
    if outlook.plan_income:
        rows.append(("Planned income", f"+{money(outlook.plan_income)}"))
    rows.append(("Artist fees", money(-outlook.fees)))
    rows.append(("Overheads", money_range(-outlook.burn_high, -outlook.burn_low)))
    if outlook.income:
        rows.append(("Deals and income", f"+{money(outlook.income)}"))
    lines = [f"{name:<18}{value:>26}" for name, value in rows]
    lines.append(f"[b]{'After the month':<18}{money_range(outlook.low, outlook.high):>26}[/b]")
    lines.append("[$text-muted]before this month's streaming and tour revenue[/]")
    warning = outlook_warning(outlook, career=career)
    if warn and warning:
        lines.append(warning)
    return lines


def outlook_warning(outlook: MoneyOutlook, *, career: bool, short: bool = False) -> str:
    """The warning for a plan that can end the game (bankruptcy ends the campaign or, after
    it, the career), for money already below $0, or for a plan that can take it there; ''
    for none. ``short`` fits one line of an 80-column screen title."""
    ends = "career" if career else "campaign"
    line = money(outlook.bankruptcy_threshold)
    if outlook.bankruptcy_risk:
        text = (f"! Bankruptcy risk: below {line} when the month ends, the {ends} ends." if short
                else f"! Below {line} when the month ends, the label goes bankrupt and the "
                     f"{ends} ends.")
        return f"[$text-error]{text}[/]"
    if outlook.money_now < 0:  # already below: nothing that spends can be planned
        text = ("! Money is below $0: nothing that spends money until it recovers." if short
                else "! The label's money is below $0: nothing that spends money can be "
                     "planned until it recovers.")
        return f"[$text-warning]{text}[/]"
    if outlook.below_zero:
        text = ("! Money can go below $0: while it is negative, spending is refused." if short
                else "! This plan can take the label below $0; while money is negative, "
                     "spending is refused.")
        return f"[$text-warning]{text}[/]"
    return ""


def why_closed(session: GameSession, refusal: LabelError) -> str:
    """Why nothing can be planned in a finished game, as a sentence: the engine's refusal,
    and when a career can follow, the way to start it."""
    if refusal.code == "GAME_CAMPAIGN_OVER" and session.career_refusal() is None:
        return f"{refusal.message} (v: the results, then c)."
    return f"{refusal.message}."

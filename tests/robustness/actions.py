"""Actions for the stateful test, drawn from what ``session.options()`` offers.

``offered`` lists actions the planner shows as available (no gate reason, a free slot when
they need one): adding one must succeed. ``maybe`` lists actions the options do not judge
(project starts and marketing, whose price depends on the choices): either outcome is fine,
but a refusal must be a ``GAME_``/``VAL_`` error that leaves the plan as it was.
``refused`` lists actions that must be refused: gated choices, unknown ids, out-of-range
numbers, wrong types, an artist who is already busy.
"""

from __future__ import annotations

from labelmgr.engine import (
    Action,
    MarketingPush,
    Options,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
)
from labelmgr.service import GameSession


def _has_event(session: GameSession) -> bool:
    return any(isinstance(a, ResolveEvent) for a in session.plan)


def offered(session: GameSession, opts: Options) -> list[Action]:
    """Actions the options present as available now."""
    out: list[Action] = [SignArtist(s.artist.id) for s in opts.signings if s.gate is None]
    if opts.event is not None and not _has_event(session):
        out += [ResolveEvent(c.choice.id) for c in opts.event.choices if c.gate is None]
    if opts.free_slots > 0:
        planned_roles = {a.role_id for a in session.plan if isinstance(a, TakeMeeting)}
        out += [TakeMeeting(m.role.id, m.meeting.id, c.choice.id)
                for m in opts.meetings if m.role.id not in planned_roles
                and not m.meeting.concerns_artist for c in m.choices if c.gate is None]
        talked = {a.artist_id for a in session.plan if isinstance(a, TalkToArtist)}
        out += [TalkToArtist(c.artist_id, c.conversation.id, ch.choice.id)
                for c in opts.conversations if c.artist_id not in talked
                for ch in c.choices if ch.gate is None]
    return out


def maybe(session: GameSession, opts: Options, title: str) -> list[Action]:
    """Project starts and marketing pushes the options make possible (price permitting)."""
    b = session.content.balance
    out: list[Action] = []
    for aid in opts.idle_artists:
        out.append(StartProject("single", aid, title))
        out.append(StartProject("ep", aid, title, song_count=b.projects.types["ep"].min_songs))
        out.append(StartProject("mini_tour", aid, title, venue=opts.venues[0],
                                cities=b.tours.cities[0]))
    for target in opts.marketing_targets:
        for kind_id, kind in b.marketing.items():
            out.append(MarketingPush(kind_id, target, kind.spend[0]))
    return out


def refused(session: GameSession, opts: Options) -> list[Action]:
    """Actions that must be refused whatever the state."""
    state, b = session.state, session.content.balance
    signed = [a.id for a in state.artists]
    out: list[Action] = [
        SignArtist("nobody_at_all"),
        TakeMeeting("no_such_role", "m", "c"),
        StartProject("single", "nobody_at_all", "Ghost"),
        StartProject("double_album", signed[0] if signed else "x", "Too Much"),
        MarketingPush("skywriting", 1, 1000),
        MarketingPush(next(iter(b.marketing)), 10**9, 3000),
        StartProject("single", signed[0] if signed else "x", "Bad", song_count="1"),  # type: ignore[arg-type]
    ]
    out += [SignArtist(aid) for aid in signed]  # already on the roster
    out += [TakeMeeting(m.role.id, m.meeting.id, c.choice.id)
            for m in opts.meetings for c in m.choices if c.gate is not None]
    out += [SignArtist(s.artist.id) for s in opts.signings if s.gate is not None]
    busy = [a.id for a in state.artists if a.id not in opts.idle_artists]
    out += [StartProject("single", aid, "Busy") for aid in busy]
    for aid in opts.idle_artists:
        out += [StartProject("ep", aid, "Short", song_count=0),
                StartProject("single", aid, "Cheap", budget_per_song=-1),
                StartProject("single", aid, ""),
                StartProject("single", aid, "x" * 61),
                StartProject("single", aid, "Bell\x07"),
                StartProject("mini_tour", aid, "Far", venue=b.tours.venues[0].id, cities=10**6)]
    if state.pending_event is None:
        out.append(ResolveEvent("anything"))
    return out

"""Test helper: draw a random valid plan from what the engine offers (hypothesis data)."""

from __future__ import annotations

from hypothesis import strategies as st

from labelmgr.content import Content
from labelmgr.engine import (
    Action,
    GameState,
    MarketingPush,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
    check_plan,
    plan_options,
)
from labelmgr.errors import LabelError


def _candidates(state: GameState, plan: list[Action], content: Content) -> list[Action]:
    opts = plan_options(state, plan, content)
    out: list[Action] = []
    for m in opts.meetings:
        for c in m.choices:
            if c.gate is None:
                out.append(TakeMeeting(m.role.id, m.meeting.id, c.choice.id))
    for conv in opts.conversations:
        for c in conv.choices:
            if c.gate is None:
                out.append(TalkToArtist(conv.artist_id, conv.conversation.id, c.choice.id))
    for s in opts.signings:
        if s.gate is None:
            out.append(SignArtist(s.artist.id))
    for artist in opts.idle_artists:
        out.append(StartProject("single", artist, "Test Single"))
        out.append(StartProject("ep", artist, "Test EP", song_count=4))
        if opts.venues:
            out.append(StartProject("mini_tour", artist, "Test Tour", venue=opts.venues[0],
                                    cities=2))
    for pid in opts.marketing_targets:
        out.append(MarketingPush("digital_ads", pid, 2_000))
    return out


@st.composite
def plans(draw: st.DrawFn, state: GameState, content: Content) -> list[Action]:
    """A valid plan: up to a few actions, each checked before it is kept."""
    plan: list[Action] = []
    if state.pending_event is not None and draw(st.booleans()):
        event = content.event_by_id[state.pending_event.event_id]
        choice = draw(st.sampled_from([c.id for c in event.choices]))
        try:
            check_plan(state, [ResolveEvent(choice)], content)
            plan.append(ResolveEvent(choice))
        except LabelError:
            pass
    for _ in range(draw(st.integers(0, 5))):
        cands = _candidates(state, plan, content)
        if not cands:
            break
        action = draw(st.sampled_from(cands))
        try:
            check_plan(state, [*plan, action], content)
        except LabelError:
            continue
        plan.append(action)
    return plan

"""Golden replay: a fixed seed and a scripted 12-month plan give a committed final state.

The plan is chosen by simple rules from what the engine offers, so it stays valid when
content changes. When a deliberate rule or balance change moves the numbers, regenerate
the file with ``LABELMGR_UPDATE_GOLDEN=1 uv run pytest tests/engine/test_golden.py`` and
review the diff in the commit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from labelmgr.content import Content
from labelmgr.engine import (
    Action,
    GameState,
    MarketingPush,
    ResolveEvent,
    StartProject,
    TakeMeeting,
    TalkToArtist,
    advance_month,
    check_plan,
    new_game,
    plan_options,
)
from labelmgr.errors import LabelError

GOLDEN = Path(__file__).with_name("golden") / "replay_normal_seed_20261123.json"


def scripted_plan(state: GameState, content: Content) -> list[Action]:
    """Answer events with their first choice; record when idle; otherwise market, talk, meet."""
    plan: list[Action] = []

    def attempt(action: Action) -> None:
        try:
            check_plan(state, [*plan, action], content)
            plan.append(action)
        except LabelError:
            pass

    if state.pending_event is not None:
        attempt(ResolveEvent(content.event_by_id[state.pending_event.event_id].choices[0].id))
    opts = plan_options(state, plan, content)
    for artist in opts.idle_artists:
        kind = "ep" if state.month % 3 == 0 else "single"
        attempt(StartProject(kind, artist, f"Track {state.month}",
                             song_count=3 if kind == "ep" else 1))
    for pid in opts.marketing_targets:
        attempt(MarketingPush("digital_ads", pid, 3_000))
    for conv in opts.conversations:
        attempt(TalkToArtist(conv.artist_id, conv.conversation.id, conv.choices[0].choice.id))
    for meeting in opts.meetings:
        for choice in meeting.choices:
            if choice.gate is None:
                attempt(TakeMeeting(meeting.role.id, meeting.meeting.id, choice.choice.id))
                break
    return plan


def summary(state: GameState) -> dict[str, object]:
    return {
        "month": state.month,
        "money": state.money,
        "reputation": state.reputation,
        "creative_capital": state.creative_capital,
        "access": [state.access.playlist, state.access.press, state.access.venue],
        "artists": sorted((a.id, a.mood, a.loyalty, a.popularity) for a in state.artists),
        "projects": [(p.kind, p.stage, p.cost, p.streams, p.revenue) for p in state.projects],
        "songs": len(state.songs),
        "song_revenue": int(state.songs.total_revenue.sum()),
        "ledger_entries": len(state.ledger),
        "results": None if state.results is None else {
            "score": state.results.score, "victory_type": state.results.victory_type,
            "badges": list(state.results.badges)},
    }


def play(content: Content) -> GameState:
    state = new_game(content, seed=20261123, label_name="Golden Ear Records")
    while not state.campaign_complete:
        state = advance_month(state, scripted_plan(state, content), content).state
    return state


def test_golden_replay(content):
    got = json.loads(json.dumps(summary(play(content))))
    if os.environ.get("LABELMGR_UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))

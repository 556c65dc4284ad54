"""One headless campaign: a policy plans every month until the campaign ends."""

from __future__ import annotations

from dataclasses import dataclass

from labelmgr.content import Content
from labelmgr.engine import ResolveEvent, TakeMeeting, TalkToArtist, advance_state, new_game
from labelmgr.sim.policies import make_policy

Pick = tuple[str, str]
"""(what was decided, the choice taken): ``("manager.roster_checkin", "set_goals")``."""


@dataclass(frozen=True, slots=True)
class CampaignRecord:
    """The outcome of one campaign and every choice its policy made."""

    policy: str
    seed: int
    difficulty: str
    bankrupt: bool
    victory_type: str
    score: float
    money: int
    reputation: int
    months: int
    releases: int
    songs_released: int
    badges: tuple[str, ...]
    meeting_picks: tuple[Pick, ...]
    event_picks: tuple[Pick, ...]
    conversation_picks: tuple[Pick, ...]


def play_campaign(content: Content, policy_name: str, seed: int,
                  difficulty: str) -> CampaignRecord:
    """Play one campaign with a fresh policy; events left unanswered count as their default.

    Raises:
        LabelError: for an unknown policy or difficulty, or when a policy plans an invalid
            month (a bug in the policy).
    """
    policy = make_policy(policy_name, content, seed)
    state = new_game(content, seed=seed, difficulty=difficulty, label_name=f"Sim {seed}")
    meetings: list[Pick] = []
    events: list[Pick] = []
    talks: list[Pick] = []
    while not state.campaign_complete:
        plan = policy.plan(state)
        answer = None
        for a in plan:
            if isinstance(a, TakeMeeting):
                meetings.append((f"{a.role_id}.{a.meeting_id}", a.choice_id))
            elif isinstance(a, TalkToArtist):
                talks.append((a.conversation_id, a.choice_id))
            elif isinstance(a, ResolveEvent):
                answer = a.choice_id
        if state.pending_event is not None:
            event = content.event_by_id[state.pending_event.event_id]
            events.append((event.id, answer or event.default_choice))
        state = advance_state(state, plan, content)  # the month's report is not needed
    results = state.results
    assert results is not None
    records = [p for p in state.projects if not p.is_tour and p.stage == "released"]
    return CampaignRecord(
        policy=policy_name, seed=seed, difficulty=difficulty, bankrupt=results.bankrupt,
        victory_type=results.victory_type, score=results.score, money=state.money,
        reputation=state.reputation, months=results.month, releases=len(records),
        songs_released=state.released_song_count, badges=results.badges,
        meeting_picks=tuple(meetings), event_picks=tuple(events),
        conversation_picks=tuple(talks))

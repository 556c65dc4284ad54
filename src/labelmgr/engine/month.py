"""``advance_month``: resolve one planned month in a fixed, documented order.

1. refuse a finished campaign; check the whole plan (nothing happens if any action fails)
2. the pending event's answer (or its default choice)
3. signings
4. the slot actions, in plan order: meetings, project starts, marketing, conversations
5. delayed effects due this month
6. lasting income
7. catalogue (tail) streaming revenue
8. production: songs recorded, records released, tours run
9. operations: overhead burn and artist fees
10. artists: drift, neglect, loyalty, departures, creative capital
11. reputation decay, tiers and unlocks
12. unused boosts expire
13. bankruptcy and campaign end (results), else the random event roll for next month
"""

from __future__ import annotations

from collections.abc import Sequence

from labelmgr.content import Content
from labelmgr.engine.actions import (
    Action,
    MarketingPush,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
)
from labelmgr.engine.events import (
    ArtistSigned,
    Bankrupt,
    CampaignEnded,
    ConversationHeld,
    GameEvent,
    MeetingHeld,
)
from labelmgr.engine.frozen import builder, frozen
from labelmgr.engine.memo import PinnedMemo
from labelmgr.engine.plan import PlanCheck, check_plan
from labelmgr.engine.report import MonthReport
from labelmgr.engine.rng import first_integer
from labelmgr.engine.rules import modifiers
from labelmgr.engine.rules.artists import monthly_artist_upkeep
from labelmgr.engine.rules.choices import choice_by_id
from labelmgr.engine.rules.effects import apply_effects, effect_target, pairs
from labelmgr.engine.rules.production import buy_marketing, start_project, work_on_projects
from labelmgr.engine.rules.progression import playlist_reach, update_progression
from labelmgr.engine.rules.queue import fire_delayed, queue_delayed
from labelmgr.engine.rules.random_events import resolve_pending_event, roll_event
from labelmgr.engine.rules.scoring import Outcome, compute_results
from labelmgr.engine.rules.streams import tail_month
from labelmgr.engine.state import Artist, GameState, evolve
from labelmgr.engine.turn import Turn
from labelmgr.errors import LabelError
from labelmgr.wording import dollars


@frozen
class MonthResult:
    """The new state, the month's report and what happened."""

    state: GameState
    report: MonthReport
    events: tuple[GameEvent, ...]


_MONTH_REPORT = builder(MonthReport)
_MONTH_RESULT = builder(MonthResult)
_MEETING_HELD = builder(MeetingHeld)
_CONVERSATION_HELD = builder(ConversationHeld)
"""The records every month builds, built without calling their class (``frozen.builder``)."""


def advance_month(state: GameState, actions: Sequence[Action], content: Content) -> MonthResult:
    """Resolve the planned month. Never mutates ``state``.

    Raises:
        LabelError: ``GAME_CAMPAIGN_OVER`` for a finished campaign outside career mode, or
            any refusal of ``check_plan``.
    """
    turn, new_state = _resolve(state, actions, content, True)
    events = tuple(turn.events)
    report = _MONTH_REPORT(turn.month, state.label_name, state.money, turn.money,
                           state.reputation, turn.reputation, tuple(turn.entries),
                           tuple(turn.releases), tuple(turn.tours), events)
    return _MONTH_RESULT(new_state, report, events)


def advance_state(state: GameState, actions: Sequence[Action], content: Content) -> GameState:
    """``advance_month``'s new state alone, without its report and events (the simulator
    keeps only the states). Never mutates ``state``.

    Raises:
        LabelError: as ``advance_month``.
    """
    return _resolve(state, actions, content, False)[1]


def _resolve(state: GameState, actions: Sequence[Action],
             content: Content, news: bool) -> tuple[Turn, GameState]:
    """The month resolved in the module's order: its Turn and the new state."""
    check = check_plan(state, actions, content)
    turn = Turn(state, content, news)
    resolve_pending_event(turn, _event_answer(actions))
    for a in actions:
        if isinstance(a, SignArtist):
            _sign(turn, a)
    for index, a in enumerate(actions):
        if isinstance(a, TakeMeeting):
            _meet(turn, a, check, index)
        elif isinstance(a, StartProject):
            start_project(turn, a)
        elif isinstance(a, MarketingPush):
            buy_marketing(turn, a)
        elif isinstance(a, TalkToArtist):
            _talk(turn, a)
    fire_delayed(turn)
    _lasting_income(turn)
    _catalogue(turn)
    work_on_projects(turn)
    _operations(turn)
    monthly_artist_upkeep(turn)
    update_progression(turn)
    modifiers.expire(turn)
    career = _finish(turn)
    return turn, turn.freeze(career=career)


def start_career(state: GameState, content: Content) -> GameState:
    """Turn a completed campaign into an open-ended career (the score stays frozen); a
    running career is returned as it is.

    Raises:
        LabelError: ``GAME_NOT_COMPLETE`` before the campaign ends, ``GAME_BANKRUPT`` for a
            label that went bankrupt, in its campaign or in the career that followed.
    """
    if not state.campaign_complete:
        raise LabelError("GAME_NOT_COMPLETE", "The career starts after the campaign's last month")
    if state.results is not None and state.results.bankrupt:
        raise LabelError("GAME_BANKRUPT", "A bankrupt label cannot go on")
    if state.career_ended:
        last = state.history[-1]
        line = content.balance.campaign.bankruptcy_threshold
        raise LabelError("GAME_BANKRUPT", f"The label went bankrupt in month {last.month} of "
                         f"its career (money {dollars(last.money)}, below the {dollars(line)} "
                         "line): it cannot go on")
    return evolve(state, career=True)


def _event_answer(actions: Sequence[Action]) -> str | None:
    """The plan's answer to the pending event, if it gives one."""
    for a in actions:
        if isinstance(a, ResolveEvent):
            return a.choice_id
    return None


def _sign(turn: Turn, a: SignArtist) -> None:
    spec = turn.content.artist_by_id[a.artist_id]
    turn.artists[spec.id] = Artist(
        spec.id, spec.name, spec.archetype, spec.genre, spec.talent, spec.work_ethic,
        spec.popularity, spec.temperament, spec.loyalty, spec.mood, spec.monthly_fee,
        turn.month, turn.month)
    turn.post("signing", -spec.signing_cost, f"artist:{spec.id}", f"Signed {spec.name}")
    if turn.news:
        turn.events.append(ArtistSigned(turn.month, f"Signed {spec.name} (${spec.signing_cost:,})",
                                        artist_id=spec.id, cost=spec.signing_cost))


class _MeetingChoice:
    """A meeting choice as the month applies it: the choice, its ledger source, its
    immediate effects and its news line (made once per content and choice)."""

    __slots__ = ("choice", "effects", "news", "role_id", "source")

    def __init__(self, content: Content, a: TakeMeeting) -> None:
        role = content.role_by_id[a.role_id]
        meeting = content.meeting_by_key[(a.role_id, a.meeting_id)]
        choice = choice_by_id(meeting.choices, a.choice_id)
        assert choice is not None, "the plan was checked: its meeting choices exist"
        self.choice = choice
        self.role_id = role.id
        self.source = f"{role.title}: “{self.choice.label}”"
        self.effects = pairs(self.choice.effects_immediate)
        self.news = f"Met {role.name} ({role.title}): {self.choice.label}"


_MEETING_CHOICES: PinnedMemo[_MeetingChoice] = PinnedMemo()
"""Each content's meeting choices, by (role, meeting, choice) ids."""


def _meet(turn: Turn, a: TakeMeeting, check: PlanCheck, index: int) -> None:
    content = turn.content
    held = _MEETING_CHOICES.get(content, (a.role_id, a.meeting_id, a.choice_id),
                                lambda: _MeetingChoice(content, a))
    choice = held.choice
    artist_id = check.meeting_artists.get(index)
    target = effect_target(held.source, "meetings", artist_id=artist_id,
                           role_id=held.role_id, duration=choice.duration)
    apply_effects(turn, held.effects, target)
    queue_delayed(turn, choice, target)
    if artist_id:
        turn.attention.add(artist_id)
    if turn.news:
        turn.events.append(_MEETING_HELD(turn.month, held.news, role_id=held.role_id,
                                         meeting_id=a.meeting_id, choice_id=choice.id))


def _talk(turn: Turn, a: TalkToArtist) -> None:
    conv = turn.content.conversation_by_id[a.conversation_id]
    choice = choice_by_id(conv.choices, a.choice_id)
    assert choice is not None, "the plan was checked: its conversation choices exist"
    name = turn.artist_name(a.artist_id)
    source = f"Talk with {name}: “{choice.label}”"
    target = effect_target(source, "conversations", artist_id=a.artist_id,
                           duration=choice.duration)
    apply_effects(turn, pairs(choice.effects_immediate), target)
    queue_delayed(turn, choice, target)
    turn.attention.add(a.artist_id)
    turn.hold_conversation(a.artist_id, conv.id)
    if turn.news:
        turn.events.append(_CONVERSATION_HELD(turn.month, f"Talked with {name}: {choice.label}",
                                              artist_id=a.artist_id, conversation_id=conv.id,
                                              choice_id=choice.id))


def _lasting_income(turn: Turn) -> None:
    for e in turn.lasting:
        if e.kind == "monthly_income" and e.start_month <= turn.month <= e.end_month:
            turn.post("income", int(e.value), "income", f"{e.source} (until month {e.end_month})")


def _catalogue(turn: Turn) -> None:
    reach = playlist_reach(turn.balance, turn.access)
    songs, revenue, streams = tail_month(turn.balance, turn.songs, turn.month, turn.reputation,
                                         reach)
    turn.songs = songs
    if revenue:
        turn.post("streaming", revenue, "catalogue", f"Catalogue: {streams:,} streams")


def _operations(turn: Turn) -> None:
    lo, hi = turn.balance.economy.burn_base
    burn = first_integer(turn.state.seed, turn.month, "economy", lo, hi + 1)
    turn.post("operations", -burn, "overhead", "Office, staff and overheads")
    for artist_id in sorted(turn.artists):
        artist = turn.artists[artist_id]
        turn.post("artist_fees", -artist.monthly_fee, f"artist:{artist_id}",
                  f"{artist.name}'s monthly fee")


def _settle_delayed_money(turn: Turn) -> None:
    """Money still owed or due from earlier choices is settled when the campaign ends.

    Without this, a loan taken late would be repaid after the score is frozen.
    """
    kept = []
    for d in turn.delayed:
        money = sum(v for k, v in d.effects if k == "money")
        if money:
            turn.post(d.category, int(money), "settlement",
                      f"Settled at the campaign's end: {d.source}")
        rest = tuple((k, v) for k, v in d.effects if k != "money")
        if rest:
            kept.append(evolve(d, effects=rest))
    turn.delayed = kept


def _finish(turn: Turn) -> bool | None:
    """Bankruptcy, campaign end and results; else roll next month's event.

    Returns the career flag to store (None = unchanged).
    """
    b = turn.balance
    state = turn.state
    bankrupt = turn.money < b.campaign.bankruptcy_threshold
    last = not state.career and turn.month >= b.campaign.length_months
    if bankrupt and turn.news:
        turn.events.append(Bankrupt(turn.month, f"Bankrupt: money fell to {dollars(turn.money)}",
                                    money=turn.money))
    if not (bankrupt or last):
        roll_event(turn)
        return None
    if not state.campaign_complete:
        outcome = Outcome(turn.money, state.starting_money, turn.reputation, turn.access,
                          turn.songs, tuple(turn.projects), min(turn.lowest_money, turn.money),
                          len(turn.artists), bankrupt, turn.month)
        _settle_delayed_money(turn)
        outcome = evolve(outcome, money=turn.money,
                          lowest_money=min(outcome.lowest_money, turn.money))
        turn.results = compute_results(b, outcome)
        turn.campaign_complete = True
        turn.pending_event = None
        if turn.news:
            turn.events.append(CampaignEnded(
                turn.month, f"Campaign over: {turn.results.victory_type}, score "
                f"{turn.results.score:g}", score=turn.results.score,
                victory_type=turn.results.victory_type))
    return False if bankrupt else None

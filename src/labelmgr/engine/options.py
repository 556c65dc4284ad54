"""What the player can do now, and what it would cost: the planner's window on the rules.

Every figure comes from the same functions the month resolution uses (``rules.costs``,
``rules.pricing``, ``rules.quality``, ``plan.check_plan``).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import filterfalse

from labelmgr.content import Content
from labelmgr.content.models import ArtistSpec, Choice, Conversation, EventSpec, Meeting, Role
from labelmgr.engine.actions import Action, SignArtist, StartProject
from labelmgr.engine.frozen import builder, frozen
from labelmgr.engine.memo import PinnedMemo
from labelmgr.engine.plan import check_plan, signing_gates
from labelmgr.engine.rules import modifiers
from labelmgr.engine.rules.costs import project_cost_now
from labelmgr.engine.rules.effects import describe, pairs
from labelmgr.engine.rules.gates import GateContext, requirement_gap
from labelmgr.engine.rules.offers import (
    gate_context,
    offered_conversations,
    offered_meetings,
    role_context,
)
from labelmgr.engine.rules.pricing import (
    budget_bonus,
    budget_bounds,
    default_budget,
    production_months,
    project_price,
)
from labelmgr.engine.rules.quality import quality_before_base, quality_range
from labelmgr.engine.rules.tours import city_result, venue_capacity_range
from labelmgr.engine.state import GameState


@frozen
class ChoiceOption:
    """A choice with its effects as badges and, when it cannot be taken, why."""

    choice: Choice
    immediate: tuple[str, ...]
    delayed: tuple[str, ...]
    gate: str | None


@frozen
class MeetingOption:
    role: Role
    meeting: Meeting
    choices: tuple[ChoiceOption, ...]


@frozen
class ConversationOption:
    artist_id: str
    conversation: Conversation
    choices: tuple[ChoiceOption, ...]


@frozen
class EventOption:
    event: EventSpec
    artist_id: str | None
    choices: tuple[ChoiceOption, ...]


@frozen
class SigningOption:
    artist: ArtistSpec
    gate: str | None


@frozen
class Options:
    """Everything the planner offers for the plan so far."""

    free_slots: int
    money_after_plan: int
    creative_capital_after_plan: int
    meetings: tuple[MeetingOption, ...]
    conversations: tuple[ConversationOption, ...]
    signings: tuple[SigningOption, ...]
    event: EventOption | None
    producer_tiers: tuple[str, ...]
    venues: tuple[str, ...]
    marketing_targets: tuple[int, ...]
    idle_artists: tuple[str, ...]


_OPEN: PinnedMemo[tuple[ChoiceOption, ...]] = PinnedMemo()
"""The choices of a meeting, conversation or event as options with nothing in their way
(their effect badges worked out once), by the identity of the content's choice tuple."""


def _open_options(choices: Sequence[Choice]) -> tuple[ChoiceOption, ...]:
    """Each choice with its badges and no gate (remembered)."""
    return _OPEN.get(choices, None, lambda: tuple(
        ChoiceOption(c, tuple(describe(pairs(c.effects_immediate), duration=c.duration)),
                     tuple(describe(pairs(c.effects_delayed), duration=c.duration)), None)
        for c in choices))


def choice_gate(choice: Choice, ctx: GateContext, state_money: int) -> str | None:
    """Why a meeting, conversation or event choice cannot be taken (None = it can), with
    ``ctx`` holding the cash and creative capital left after the plan so far."""
    gate = requirement_gap(choice.requires, ctx)
    if gate is not None:
        return gate
    cost = -(choice.effects_immediate.money or 0)
    if cost > 0 and state_money < 0:
        return f"costs ${cost:,}; no spending while the label's money is negative"
    if cost > 0 and cost > ctx.money:
        return f"costs ${cost:,}; ${max(ctx.money, 0):,} left"
    need_cc = -(choice.effects_immediate.creative_capital or 0)
    if need_cc > ctx.creative_capital:
        return f"needs {need_cc} creative capital"
    return None


def _choice_options(state: GameState, choices: Sequence[Choice],
                    ctx: GateContext) -> tuple[ChoiceOption, ...]:
    options = _open_options(choices)
    gated: list[ChoiceOption] | None = None
    for k, c in enumerate(choices):
        gate = choice_gate(c, ctx, state.money)
        if gate is not None:
            if gated is None:
                gated = list(options)
            gated[k] = ChoiceOption(c, options[k].immediate, options[k].delayed, gate)
    return options if gated is None else tuple(gated)


@frozen
class Candidates:
    """What an empty plan could try this month, listed without checking it: every action
    ``check_plan`` might take is built from these, but some of them it will refuse (a choice
    whose requirements are not met, a signing the label cannot afford...)."""

    event: EventSpec | None
    meetings: tuple[tuple[str, Meeting], ...]
    conversations: tuple[tuple[str, Conversation], ...]
    free_artists: tuple[str, ...]
    roster_places_left: int
    idle_artists: tuple[str, ...]
    marketing_targets: tuple[int, ...]
    producer_tiers: tuple[str, ...]
    venues: tuple[str, ...]


_CANDIDATES = builder(Candidates)

_VENUES: PinnedMemo[tuple[str, ...]] = PinnedMemo()
"""The venues open at a venue access level, by the identity of the content's balance."""


def open_venues(content: Content, access: str) -> tuple[str, ...]:
    """The tour venues the label can book with venue access ``access`` (remembered)."""
    b = content.balance

    def make() -> tuple[str, ...]:
        ladder = [s.id for s in b.access.venue]
        top = ladder.index(access)
        return tuple(v.id for v in b.tours.venues if ladder.index(v.id) <= top)

    return _VENUES.get(b, access, make)


def plan_candidates(state: GameState, content: Content) -> Candidates:
    """The month's offers and targets for a plan, cheaply (no gates, no previews): the event
    waiting for an answer, the offered meetings and conversations, the artists free to sign
    (neither signed nor gone) and how many the roster still has room for, the signed artists with nothing in production, the records in
    production (marketing targets), and the producer tiers and venues unlocked."""
    pending = state.pending_event
    taken = {a.id for a in state.artists}
    taken.update(state.departed)
    busy: set[str] = set()
    targets: list[int] = []
    for p in state.projects:
        if p.active:
            busy.add(p.artist_id)
            if p.stage == "production" and not p.is_tour:
                targets.append(p.id)
    return _CANDIDATES(
        event=None if pending is None else content.event_by_id[pending.event_id],
        meetings=tuple(offered_meetings(state, content).items()),
        conversations=tuple(offered_conversations(state, content).items()),
        # the content's artists in order (``artist_by_id`` is built from them)
        free_artists=tuple(filterfalse(taken.__contains__, content.artist_by_id)),
        roster_places_left=max(0, state.roster_places - len(state.artists)),
        idle_artists=tuple([a.id for a in state.artists if a.id not in busy]),
        marketing_targets=tuple(targets),
        producer_tiers=state.producer_tiers,
        venues=open_venues(content, state.access.venue),
    )


def plan_options(state: GameState, actions: Sequence[Action], content: Content) -> Options:
    """The options left after the plan so far (which must itself be valid).

    Raises:
        LabelError: when ``actions`` is not a valid plan.
    """
    check = check_plan(state, actions, content)
    money, cc = check.money_after, check.creative_capital_after
    released = state.released_song_count
    ctx = gate_context(state, money=money, creative_capital=cc, released_songs=released)
    cand = plan_candidates(state, content)
    meetings = tuple(
        MeetingOption(content.role_by_id[rid], m,
                      _choice_options(state, m.choices, role_context(ctx, state, rid)))
        for rid, m in cand.meetings)
    convs = tuple(ConversationOption(aid, conv, _choice_options(state, conv.choices, ctx))
                  for aid, conv in cand.conversations)
    event = None
    if cand.event is not None:
        assert state.pending_event is not None
        event = EventOption(cand.event, state.pending_event.artist_id, _choice_options(
            state, cand.event.choices, gate_context(state, released_songs=released)))
    gates = signing_gates(state, actions, content, cand.free_artists)
    signings = [SigningOption(content.artist_by_id[aid], gates[aid]) for aid in cand.free_artists]
    return Options(
        free_slots=state.focus_slots - check.slots_used,
        money_after_plan=money,
        creative_capital_after_plan=cc,
        meetings=meetings,
        conversations=convs,
        signings=tuple(signings),
        event=event,
        producer_tiers=cand.producer_tiers,
        venues=cand.venues,
        marketing_targets=cand.marketing_targets,
        idle_artists=cand.idle_artists,
    )


@frozen
class ProjectPreview:
    """Cost and outlook of a project before it is started."""

    cost: int
    price: int
    budget_min: int
    budget_max: int
    budget_default: int
    budget_bonus: float
    quality_low: int
    quality_high: int
    months: int
    release_month: int
    revenue_low: int = 0
    revenue_high: int = 0


def budget_range(content: Content, action: StartProject) -> tuple[int, int]:
    """The lowest and highest budget per song a record can take (``preview_project``'s
    ``budget_min`` and ``budget_max``, without the rest of the preview)."""
    b = content.balance
    price = project_price(b, action.project_kind, action.song_count, action.producer_tier,
                          action.time_investment)
    return budget_bounds(b, price, action.song_count)


def preview_project(state: GameState, content: Content, action: StartProject) -> ProjectPreview:
    """Price, cost, budget bounds and quality range (records) or takings range (tours).

    The action's fields must name known tiers, venues and a signed artist.
    """
    b = content.balance
    artist = state.artist(action.artist_id)
    spec = content.artist_by_id[action.artist_id]
    popularity = artist.popularity if artist else spec.popularity
    cost = project_cost_now(content, state.modifiers, state.month, action)
    if action.project_kind == "mini_tour":
        lo, hi = venue_capacity_range(b, action.venue)
        low = city_result(b, lo, state.reputation, popularity, 0)[1] * action.cities
        high = city_result(b, hi, state.reputation, popularity, 0)[1] * action.cities
        return ProjectPreview(cost, cost, 0, 0, 0, 0.0, 0, 0, 1, state.month + 1, low, high)
    price = project_price(b, action.project_kind, action.song_count, action.producer_tier,
                          action.time_investment)
    per_song = action.budget_per_song or default_budget(price, action.song_count)
    bmin, bmax = budget_bounds(b, price, action.song_count)
    bonus = budget_bonus(b, per_song, price, action.song_count)
    mood = artist.mood if artist else spec.mood
    rest = quality_before_base(
        b, talent=spec.talent, mood=mood, archetype=spec.archetype,
        producer_bonus=content.producer_tier_by_id[action.producer_tier].quality_bonus,
        time_bonus=content.time_investment_by_id[action.time_investment].quality_bonus,
        budget_bonus=bonus,
        extra_bonus=modifiers.total(state.modifiers, "quality_bonus", state.month,
                                    action.artist_id))
    qlo, qhi = quality_range(b, rest, action.song_count)
    months = production_months(b, action.project_kind, action.time_investment, spec.archetype,
                               spec.work_ethic)
    return ProjectPreview(cost, price, bmin, bmax, default_budget(price, action.song_count),
                          bonus, qlo, qhi, months, state.month + months)


@frozen
class MoneyOutlook:
    """Money after this month's plan, before any revenue the month brings."""

    money_now: int
    plan_spend: int
    plan_income: int
    fees: int
    burn_low: int
    burn_high: int
    income: int
    low: int
    high: int
    bankruptcy_threshold: int

    @property
    def below_zero(self) -> bool:
        return self.low < 0

    @property
    def bankruptcy_risk(self) -> bool:
        return self.low < self.bankruptcy_threshold


def money_outlook(state: GameState, actions: Sequence[Action], content: Content) -> MoneyOutlook:
    """Projected money after the month: plan costs, overhead range and artist fees.

    Streaming and tour revenue are not counted (they are not known until the month resolves).
    """
    b = content.balance
    check = check_plan(state, actions, content)
    plan_delta = check.money_after - state.money
    income_in = plan_delta + check.spend
    roster = {a.id: a.monthly_fee for a in state.artists}
    for a in actions:
        if isinstance(a, SignArtist):
            roster[a.artist_id] = content.artist_by_id[a.artist_id].monthly_fee
    fees = sum(roster.values())
    lo, hi = b.economy.burn_base
    income = sum(int(e.value) for e in state.lasting
                 if e.kind == "monthly_income" and e.start_month <= state.month <= e.end_month)
    base = state.money + plan_delta - fees + income
    return MoneyOutlook(state.money, check.spend, income_in, fees, lo, hi, income,
                        base - hi, base - lo, b.campaign.bankruptcy_threshold)

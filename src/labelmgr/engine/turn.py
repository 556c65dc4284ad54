"""``Turn``: the mutable scratch copy of a state while one month resolves.

``advance_month`` copies the frozen state into a Turn, the rule modules change the Turn,
and ``Turn.freeze`` builds the new frozen state. The input state is never touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from labelmgr.content import Content
from labelmgr.engine.events import GameEvent, ReputationChanged
from labelmgr.engine.evolve import copier
from labelmgr.engine.frozen import builder
from labelmgr.engine.numbers import clamp_int
from labelmgr.engine.report import ReleaseLine, TourLine
from labelmgr.engine.rng import MonthStreams
from labelmgr.engine.songs import total
from labelmgr.engine.state import (
    Artist,
    DelayedEffect,
    GameState,
    LastingEffect,
    LedgerEntry,
    Modifier,
    MonthSummary,
    PendingEvent,
    Project,
    Results,
    frozen_map,
)

_V = TypeVar("_V")

_LEDGER_ENTRY = builder(LedgerEntry)
_MONTH_SUMMARY = builder(MonthSummary)
_REPUTATION_CHANGED = builder(ReputationChanged)
"""The records a month builds most, built without calling their class (``frozen.builder``)."""


class Turn:
    """One month in progress. Rule modules read and change its attributes."""

    # slots, not an instance dict: more than 30 attributes would not share their dict's keys,
    # and the rules read and set these hundreds of times a month
    __slots__ = (
        "access", "artists", "attention", "balance", "campaign_complete", "content",
        "conversations_held", "creative_capital", "delayed", "departed", "entries",
        "event_chance_bonus", "event_last_fired", "events", "focus_slots", "last_event_month",
        "lasting", "lowest_money", "modifiers", "money", "month", "next_effect_id",
        "news", "next_project_id", "next_song_id", "pending_event", "producer_tiers", "projects",
        "relationships", "releases", "reputation", "results", "rng", "roster_places", "songs",
        "state", "tours")

    def __init__(self, state: GameState, content: Content, news: bool = True) -> None:
        """``news``: False for a month that builds no events (``advance_state``: the
        simulator keeps only the states); the rules check it before they build one."""
        self.news = news
        self.state = state
        self.content = content
        self.balance = content.balance
        self.month = state.month
        self.money = state.money
        self.reputation = state.reputation
        self.creative_capital = state.creative_capital
        self.focus_slots = state.focus_slots
        self.roster_places = state.roster_places
        self.access = state.access
        self.producer_tiers = list(state.producer_tiers)
        self.artists: dict[str, Artist] = {a.id: a for a in state.artists}
        self.departed = list(state.departed)
        self.projects: list[Project] = list(state.projects)
        self.songs = state.songs
        self.entries: list[LedgerEntry] = []
        self.delayed: list[DelayedEffect] = list(state.delayed)
        self.modifiers: list[Modifier] = list(state.modifiers)
        self.lasting: list[LastingEffect] = list(state.lasting)
        # replaced, not changed, by set_relationship, mark_event_fired and hold_conversation
        self.relationships: Mapping[str, int] = state.relationships
        self.event_last_fired: Mapping[str, int] = state.event_last_fired
        self.conversations_held: Mapping[str, str] = state.conversations_held
        self.last_event_month = state.last_event_month
        self.event_chance_bonus = state.event_chance_bonus
        self.pending_event: PendingEvent | None = state.pending_event
        self.lowest_money = state.lowest_money
        self.next_project_id = state.next_project_id
        self.next_song_id = state.next_song_id
        self.next_effect_id = state.next_effect_id
        self.campaign_complete = state.campaign_complete
        self.results: Results | None = state.results
        self.events: list[GameEvent] = []
        self.releases: list[ReleaseLine] = []
        self.tours: list[TourLine] = []
        self.attention: set[str] = set()
        self.rng = MonthStreams(state.seed, state.month)

    # ------------------------------------------------------------------ money

    def post(self, category: str, amount: int, source: str, text: str) -> None:
        """Record one change of money in the ledger (the only way money changes)."""
        if amount == 0:
            return
        amount = int(amount)
        self.entries.append(_LEDGER_ENTRY(self.month, category, amount, source, text))
        self.money += amount

    # ------------------------------------------------------------------ reputation

    def change_reputation(self, delta: int, reason: str) -> None:
        """Move reputation within its bounds and report it."""
        before = self.reputation
        self.reputation = clamp_int(before + delta, 0, self.balance.reputation.max)
        if self.news and self.reputation != before:
            sign = "+" if delta > 0 else ""
            self.events.append(_REPUTATION_CHANGED(
                self.month, f"Reputation {before} → {self.reputation} ({reason} {sign}{delta})",
                before=before, after=self.reputation, reason=reason))

    # ------------------------------------------------------------------ artists

    def set_relationship(self, role_id: str, value: int) -> None:
        """Set the relationship with one executive (a new mapping: the state's stays)."""
        self.relationships = {**self.relationships, role_id: value}

    def mark_event_fired(self, event_id: str) -> None:
        """Remember that ``event_id`` fired this month (a new mapping: the state's stays)."""
        self.event_last_fired = {**self.event_last_fired, event_id: self.month}

    def hold_conversation(self, artist_id: str, conversation_id: str) -> None:
        """Remember the conversation an artist held (a new mapping: the state's stays)."""
        self.conversations_held = {**self.conversations_held, artist_id: conversation_id}

    def artist_name(self, artist_id: str) -> str:
        artist = self.artists.get(artist_id)
        if artist is not None:
            return artist.name
        spec = self.content.artist_by_id.get(artist_id)
        return spec.name if spec is not None else artist_id

    def new_effect_id(self) -> int:
        self.next_effect_id += 1
        return self.next_effect_id - 1

    # ------------------------------------------------------------------ freeze

    def summary(self) -> MonthSummary:
        revenue = costs = 0
        for e in self.entries:
            if e.amount > 0:
                revenue += e.amount
            else:
                costs -= e.amount
        streams = total(self.songs.last_streams)  # 0 for an empty catalogue
        return _MONTH_SUMMARY(self.month, self.money, revenue, costs, self.reputation, streams)

    def freeze(self, *, career: bool | None = None) -> GameState:
        """The new frozen state; the planned month moves on by one."""
        s = self.state
        return _NEXT_STATE(
            s,
            month=self.month + 1,
            money=self.money,
            reputation=self.reputation,
            creative_capital=self.creative_capital,
            focus_slots=self.focus_slots,
            roster_places=self.roster_places,
            access=self.access,
            producer_tiers=tuple(self.producer_tiers),
            artists=tuple(self.artists.values()),
            departed=tuple(self.departed),
            projects=tuple(self.projects),
            songs=self.songs,
            ledger=s.ledger + tuple(self.entries),
            delayed=tuple(self.delayed),
            modifiers=tuple(self.modifiers),
            lasting=tuple(self.lasting),
            relationships=_kept_map(s.relationships, self.relationships),
            event_last_fired=_kept_map(s.event_last_fired, self.event_last_fired),
            conversations_held=_kept_map(s.conversations_held, self.conversations_held),
            last_event_month=self.last_event_month,
            event_chance_bonus=self.event_chance_bonus,
            pending_event=self.pending_event,
            history=s.history + (self.summary(),),
            lowest_money=min(self.lowest_money, self.money),
            campaign_complete=self.campaign_complete,
            career=s.career if career is None else career,
            results=self.results,
            next_project_id=self.next_project_id,
            next_song_id=self.next_song_id,
            next_effect_id=self.next_effect_id,
        )


_NEXT_STATE = copier(
    GameState, "month", "money", "reputation", "creative_capital", "focus_slots", "roster_places",
    "access", "producer_tiers", "artists", "departed", "projects", "songs", "ledger", "delayed",
    "modifiers", "lasting", "relationships", "event_last_fired", "conversations_held",
    "last_event_month",
    "event_chance_bonus", "pending_event", "history", "lowest_money", "campaign_complete",
    "career", "results", "next_project_id", "next_song_id", "next_effect_id")
"""``evolve`` of the state with every field a month changes (no dict of changes: the
month's largest copy)."""


def _kept_map(before: Mapping[str, _V], now: Mapping[str, _V]) -> Mapping[str, _V]:
    """The state's read-only mapping again when nothing changed (it is already sorted: every
    state mapping comes from ``frozen_map``), else a new one."""
    return before if now is before or now == before else frozen_map(now)

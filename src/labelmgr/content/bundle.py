"""``Content``: every content file, validated and indexed for fast lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from labelmgr.content.models import (
    ArtistSpec,
    Balance,
    Conversation,
    EventSpec,
    Meeting,
    ProducerTier,
    Role,
    TimeInvestment,
)


@dataclass(frozen=True)
class Content:
    """The validated game content. Build it with ``labelmgr.content.load_content``."""

    balance: Balance
    roles: tuple[Role, ...]
    artists: tuple[ArtistSpec, ...]
    conversations: tuple[Conversation, ...]
    events: tuple[EventSpec, ...]
    song_titles: tuple[str, ...] = ()
    content_hash: str = field(default="", compare=False)
    """SHA-256 of the canonical content files: recorded by every game and save."""

    @cached_property
    def role_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def meeting_by_key(self) -> dict[tuple[str, str], Meeting]:
        return {(r.id, m.id): m for r in self.roles for m in r.meetings}

    @cached_property
    def artist_by_id(self) -> dict[str, ArtistSpec]:
        return {a.id: a for a in self.artists}

    @cached_property
    def conversation_by_id(self) -> dict[str, Conversation]:
        return {c.id: c for c in self.conversations}

    @cached_property
    def conversations_by_archetype(self) -> dict[str, tuple[Conversation, ...]]:
        out: dict[str, list[Conversation]] = {}
        for c in self.conversations:
            out.setdefault(c.archetype, []).append(c)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def event_by_id(self) -> dict[str, EventSpec]:
        return {e.id: e for e in self.events}

    @cached_property
    def producer_tier_by_id(self) -> dict[str, ProducerTier]:
        return {t.id: t for t in self.balance.projects.producer_tiers}

    @cached_property
    def time_investment_by_id(self) -> dict[str, TimeInvestment]:
        return {t.id: t for t in self.balance.projects.time_investments}

    def summary(self) -> str:
        """One line of counts, as ``content check`` prints it."""
        meetings = sum(len(r.meetings) for r in self.roles)
        choices = sum(len(m.choices) for r in self.roles for m in r.meetings)
        return (
            f"{len(self.roles)} roles, {meetings} meetings, {choices} meeting choices, "
            f"{len(self.artists)} artists, {len(self.conversations)} conversations, "
            f"{len(self.events)} events"
        )

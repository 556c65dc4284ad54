"""The month report: the month's ledger grouped by category, releases, tours and events."""

from __future__ import annotations

from labelmgr.engine.events import GameEvent
from labelmgr.engine.frozen import frozen
from labelmgr.engine.state import LedgerEntry

CATEGORY_LABELS: dict[str, str] = {
    "streaming": "Streaming (catalogue)",
    "releases": "New releases",
    "tours": "Tour tickets and merch",
    "income": "Deals and income",
    "meetings": "Meetings",
    "events": "Events",
    "conversations": "Artist conversations",
    "signing": "Signings",
    "projects": "Projects",
    "marketing": "Marketing",
    "operations": "Operations",
    "artist_fees": "Artist fees",
}
"""Every ledger category and how the report names it."""


@frozen
class ReleaseLine:
    """A record released this month."""

    project_id: int
    title: str
    artist_name: str
    kind: str
    songs: int
    mean_quality: int
    streams: int
    revenue: int
    press_pickups: int
    outcome: str


@frozen
class TourLine:
    """A tour that ran this month."""

    project_id: int
    title: str
    artist_name: str
    venue: str
    cities: int
    tickets: int
    capacity: int
    revenue: int
    cost: int


@frozen
class MonthReport:
    """What one resolved month did to the label."""

    month: int
    label_name: str
    money_start: int
    money_end: int
    reputation_start: int
    reputation_end: int
    entries: tuple[LedgerEntry, ...]
    releases: tuple[ReleaseLine, ...]
    tours: tuple[TourLine, ...]
    events: tuple[GameEvent, ...]

    @property
    def revenue(self) -> int:
        return sum(e.amount for e in self.entries if e.amount > 0)

    @property
    def costs(self) -> int:
        """Total costs, as a positive number."""
        return -sum(e.amount for e in self.entries if e.amount < 0)

    @property
    def net(self) -> int:
        return self.money_end - self.money_start

    def by_category(self) -> tuple[tuple[str, str, int], ...]:
        """``(category, label, total)`` for every category with entries, in report order."""
        totals: dict[str, int] = {}
        for e in self.entries:
            totals[e.category] = totals.get(e.category, 0) + e.amount
        order = list(CATEGORY_LABELS)
        return tuple(
            (cat, CATEGORY_LABELS.get(cat, cat), total)
            for cat, total in sorted(totals.items(), key=lambda kv: order.index(kv[0])
                                     if kv[0] in order else len(order))
        )

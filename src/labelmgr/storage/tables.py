"""The SQLModel tables of the database (schema version in ``migrations.SCHEMA_VERSION``).

A live game is stored normalised: artists, projects, songs and ledger entries have their own
rows, the songs' monthly counters one block per game, the small rest of the state a
compressed blob on the game row. Games and save slots never reuse the id of a deleted one
(AUTOINCREMENT), so the audit trail names one game per id. Save slots hold a compressed snapshot plus the
action log that reproduces it. Times are Unix seconds from the service's clock.
"""

from __future__ import annotations

from sqlalchemy import Index, LargeBinary, UniqueConstraint
from sqlmodel import Column, Field, SQLModel


class User(SQLModel, table=True):
    """A player profile; ``username_key`` is the lower-cased name (unique)."""

    __tablename__ = "users"
    id: int | None = Field(default=None, primary_key=True)
    username: str
    username_key: str = Field(unique=True)
    password_hash: str
    created_at: float
    failed_logins: int = 0
    locked_until: float = 0.0


class LoginSession(SQLModel, table=True):
    """A remembered login: only the SHA-256 of its token is stored."""

    __tablename__ = "login_sessions"
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(unique=True)
    created_at: float
    expires_at: float


class Game(SQLModel, table=True):
    """A live game: summary columns for lists, the rest of the state in ``state``."""

    __tablename__ = "games"
    __table_args__ = (Index("ix_games_user_updated", "user_id", "updated_at"),
                      {"sqlite_autoincrement": True})  # schema 3: ids are never reused
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    label_name: str
    difficulty: str
    seed: int
    month: int
    money: int
    complete: bool
    reputation: int = 0  # schema 2
    career: bool = False  # schema 2
    content_hash: str
    version: int = 1
    created_at: float
    updated_at: float
    state: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class ArtistRow(SQLModel, table=True):
    """A signed artist of a game (``pos`` keeps the state's order)."""

    __tablename__ = "artists"
    __table_args__ = (UniqueConstraint("game_id", "artist_id"),)
    id: int | None = Field(default=None, primary_key=True)
    game_id: int = Field(foreign_key="games.id", index=True, ondelete="CASCADE")
    pos: int
    artist_id: str
    name: str
    archetype: str
    genre: str
    talent: int
    work_ethic: int
    popularity: int
    temperament: int
    loyalty: int
    mood: int
    monthly_fee: int
    signed_month: int
    last_attention_month: int
    low_loyalty_months: int


class ProjectRow(SQLModel, table=True):
    """A project of a game (``pos`` keeps the state's order)."""

    __tablename__ = "projects"
    __table_args__ = (UniqueConstraint("game_id", "project_id"),)
    id: int | None = Field(default=None, primary_key=True)
    game_id: int = Field(foreign_key="games.id", index=True, ondelete="CASCADE")
    pos: int
    project_id: int
    kind: str
    title: str
    artist_id: str
    start_month: int
    release_month: int
    song_count: int
    producer_tier: str
    time_investment: str
    budget_per_song: int
    cost: int
    quality_bonus: int
    stage: str
    songs_recorded: int
    ad_spend: int
    pr_spend: int
    venue: str
    cities: int
    streams: int
    revenue: int
    press_pickups: int
    tickets: int
    capacity: int
    outcome: str


class SongRow(SQLModel, table=True):
    """The fixed numbers of a song (schema 3: keyed by ``(game_id, song_id)``, without a
    rowid). Its streaming counters change every month for every song still earning, so they
    live in one ``SongCounters`` block per game instead: a month rewrites one blob rather
    than thousands of rows (the catalogue is sorted in memory, never by SQL)."""

    __tablename__ = "songs"
    __table_args__ = (
        Index("ix_songs_game_project", "game_id", "project_id"),
        Index("ix_songs_game_release_month", "game_id", "release_month"),
        Index("ix_songs_game_quality", "game_id", "quality"),
        {"sqlite_with_rowid": False},
    )
    game_id: int = Field(foreign_key="games.id", primary_key=True, ondelete="CASCADE")
    song_id: int = Field(primary_key=True)
    project_id: int
    title: str
    artist_id: str
    quality: int
    recorded_month: int
    release_month: int
    initial_streams: int


class SongCounters(SQLModel, table=True):
    """A game's song counters (schema 3): ``total_streams``, ``total_revenue``,
    ``last_streams`` and ``last_revenue`` of every song, in ``song_id`` order, one column
    after the other as little-endian int64 (``storage.counters``)."""

    __tablename__ = "song_counters"
    game_id: int = Field(foreign_key="games.id", primary_key=True, ondelete="CASCADE")
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class LedgerRow(SQLModel, table=True):
    """One money movement of a game (``seq`` is its place in the ledger)."""

    __tablename__ = "ledger_entries"
    __table_args__ = (UniqueConstraint("game_id", "seq"),
                      Index("ix_ledger_game_month", "game_id", "month"))
    id: int | None = Field(default=None, primary_key=True)
    game_id: int = Field(foreign_key="games.id", index=True, ondelete="CASCADE")
    seq: int
    month: int
    category: str
    amount: int
    source: str
    text: str


class ActionLogRow(SQLModel, table=True):
    """The plan of one resolved month (JSON list of actions); ``career`` when it was played
    as part of a career (the career had been started before it)."""

    __tablename__ = "action_log"
    __table_args__ = (UniqueConstraint("game_id", "month"),)
    id: int | None = Field(default=None, primary_key=True)
    game_id: int = Field(foreign_key="games.id", index=True, ondelete="CASCADE")
    month: int
    career: bool
    actions: str


class EventLogRow(SQLModel, table=True):
    """A domain event of a game (``audit`` false) or an audit entry (logins, saves, ...).

    Audit entries outlive their game (``game_id`` becomes NULL when it is deleted).
    """

    __tablename__ = "event_log"
    __table_args__ = (Index("ix_event_log_game_month", "game_id", "month"),)
    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = Field(default=None, foreign_key="users.id", index=True,
                                ondelete="SET NULL")
    game_id: int | None = Field(default=None, foreign_key="games.id", index=True,
                                ondelete="SET NULL")
    audit: bool
    month: int | None = None
    kind: str = Field(index=True)
    text: str
    data: str
    created_at: float


class SaveSlot(SQLModel, table=True):
    """A manual save or an autosave: snapshot + the action log that reproduces it (NULL for
    an autosave whose log is still the live game's; schema 2) + the game's domain events
    before its month, its news (NULL while they are still the live game's; schema 4) + where
    its game stood, ``GameState.phase`` (schema 5: a finished campaign's ``month`` is the one
    after its last, so the list needs to know)."""

    __tablename__ = "save_slots"
    __table_args__ = (Index("ix_save_slots_game_kind_created", "game_id", "kind", "created_at"),
                      {"sqlite_autoincrement": True})  # schema 3: ids are never reused
    id: int | None = Field(default=None, primary_key=True)
    game_id: int = Field(foreign_key="games.id", index=True, ondelete="CASCADE")
    name: str
    kind: str
    month: int
    content_hash: str
    created_at: float
    phase: str = "campaign"  # schema 5
    snapshot: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    actions: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    events: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))


METADATA = SQLModel.metadata
"""All tables (for ``create_all`` of a fresh database)."""

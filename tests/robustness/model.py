"""The stateful test's model of the database: owners, expected states, live slots."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from labelmgr.engine import GameState


def dump(db_path: Path) -> list[str]:
    """Every row of every table as SQL text (equal before and after = nothing written)."""
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@dataclass
class Model:
    """What the service must hold after the steps so far.

    SQLite gives a new row the id after the largest one left, so the id of a deleted game or
    slot comes back when it was the newest: the model follows (``new_slot``, ``add_game``).
    """

    uid: dict[str, int] = field(default_factory=dict)
    current: str | None = None
    failures: dict[str, int] = field(default_factory=dict)
    locked_until: dict[str, float] = field(default_factory=dict)
    games: dict[int, str] = field(default_factory=dict)
    """Live game id -> owner."""
    deleted_games: set[int] = field(default_factory=set)
    stored: dict[int, GameState] = field(default_factory=dict)
    """The state each live game must have in the database."""
    slots: dict[int, tuple[int, GameState]] = field(default_factory=dict)
    """Every slot id ever seen -> (game, the state it holds)."""
    dead_slots: set[int] = field(default_factory=set)
    autosaves: dict[int, list[int]] = field(default_factory=dict)
    """The game's autosave ids the service keeps, newest first."""
    manual: dict[int, dict[str, int]] = field(default_factory=dict)
    exports: list[tuple[Path, GameState]] = field(default_factory=list)

    def add_game(self, game_id: int, owner: str | None, state: GameState,
                 autosaves: list[int]) -> None:
        assert owner is not None and game_id not in self.games
        self.deleted_games.discard(game_id)
        self.games[game_id] = owner
        self.stored[game_id] = state
        self.autosaves[game_id] = autosaves
        for slot_id in autosaves:
            self.new_slot(slot_id, game_id, state)

    def delete_game(self, game_id: int) -> None:
        del self.games[game_id]
        del self.stored[game_id]
        self.deleted_games.add(game_id)
        self.dead_slots |= {i for i, (g, _) in self.slots.items() if g == game_id}
        self.manual.pop(game_id, None)
        self.autosaves.pop(game_id, None)

    def rotate(self, game_id: int, autosaves: list[int], state: GameState) -> None:
        """A month was committed: its autosave is the newest; the oldest beyond the limit go."""
        self.dead_slots |= set(self.autosaves[game_id]) - set(autosaves)
        self.autosaves[game_id] = autosaves
        self.new_slot(autosaves[0], game_id, state)

    def new_slot(self, slot_id: int, game_id: int, state: GameState) -> None:
        """A slot was written (new, reusing a deleted one's id, or saved over)."""
        self.dead_slots.discard(slot_id)
        self.slots[slot_id] = (game_id, state)

    def forget_slot(self, slot_id: int) -> None:
        game_id, _ = self.slots[slot_id]
        self.dead_slots.add(slot_id)
        if slot_id in self.autosaves.get(game_id, []):
            self.autosaves[game_id].remove(slot_id)
        names = self.manual.get(game_id, {})
        for name in [n for n, i in names.items() if i == slot_id]:
            del names[name]

    def slot_is_live(self, slot_id: int) -> bool:
        return slot_id in self.slots and slot_id not in self.dead_slots

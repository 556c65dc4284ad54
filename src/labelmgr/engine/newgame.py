"""``new_game``: a label on its first day."""

from __future__ import annotations

from labelmgr.content import Content
from labelmgr.engine.rules.progression import initial_access, producer_tiers_for, step_value
from labelmgr.engine.seedcode import MAX_SEED
from labelmgr.engine.state import Artist, GameState
from labelmgr.errors import LabelError
from labelmgr.wording import shown

MAX_LABEL_NAME = 40
"""Longest label name, in characters."""


def clean_label_name(label_name: str) -> str:
    """The label name trimmed, or a ``VAL_LABEL_NAME`` error saying what is wrong."""
    name = " ".join(label_name.split())
    if not name:
        raise LabelError("VAL_LABEL_NAME", "The label needs a name")
    if len(name) > MAX_LABEL_NAME:
        raise LabelError("VAL_LABEL_NAME", f"A label name has at most {MAX_LABEL_NAME} characters")
    if not name.isprintable():
        raise LabelError("VAL_LABEL_NAME", "A label name cannot hold control characters")
    return name


def new_game(content: Content, *, seed: int, difficulty: str = "normal",
             label_name: str) -> GameState:
    """A new campaign: starting money, reputation and artist from the difficulty preset.

    Raises:
        LabelError: ``VAL_DIFFICULTY``, ``VAL_SEED`` or ``VAL_LABEL_NAME``.
    """
    b = content.balance
    preset = b.difficulties.get(difficulty)
    if preset is None:
        raise LabelError("VAL_DIFFICULTY", f"Unknown difficulty {shown(difficulty)}; choose one of "
                         + ", ".join(b.difficulties))
    if not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise LabelError("VAL_SEED", f"A seed is a whole number from 0 to {MAX_SEED}")
    name = clean_label_name(label_name)
    spec = content.artist_by_id[preset.starting_artist]
    rep = b.start.reputation
    artist = Artist(spec.id, spec.name, spec.archetype, spec.genre, spec.talent,
                    spec.work_ethic, spec.popularity, spec.temperament, spec.loyalty, spec.mood,
                    spec.monthly_fee, 1, 1)
    return GameState(
        seed=seed,
        label_name=name,
        difficulty=difficulty,
        month=1,
        starting_money=preset.starting_money,
        money=preset.starting_money,
        reputation=rep,
        creative_capital=b.start.creative_capital,
        focus_slots=max(b.start.focus_slots, step_value(b.progression.focus_slot_steps, rep)),
        roster_places=step_value(b.progression.roster_places, rep),
        access=initial_access(b, rep),
        producer_tiers=tuple(producer_tiers_for(b, rep)),
        artists=(artist,),
        lowest_money=preset.starting_money,
    )

"""Artists change: mood, loyalty and popularity move with effects, releases, tours, neglect.

Monthly, after the month's work: mood drifts toward the baseline, an artist left without a
project or a conversation for ``neglect_months`` loses mood, loyalty follows mood, an
artist whose loyalty stays below ``leave_loyalty`` for ``leave_months`` leaves (once no
project of theirs is active), and every artist in a good mood earns creative capital.
"""

from __future__ import annotations

from labelmgr.engine.events import ArtistLeft, ArtistMoodChanged
from labelmgr.engine.evolve import copier
from labelmgr.engine.frozen import builder
from labelmgr.engine.numbers import clamp_int, round_half_away
from labelmgr.engine.state import ACTIVE_STAGES, Artist
from labelmgr.engine.turn import Turn

_NEW_STATS = copier(Artist, "mood", "loyalty", "popularity")
_NEW_MONTH = copier(Artist, "mood", "loyalty", "low_loyalty_months", "last_attention_month")
"""The artist copies a change of stats and the monthly upkeep make (``evolve`` without a
dict of changes: the month makes several)."""
_ARTIST_MOOD_CHANGED = builder(ArtistMoodChanged)
"""Built without calling its class (``frozen.builder``): most months build one or two."""


def change_artist(turn: Turn, artist_id: str, *, mood: float = 0, loyalty: float = 0,
                  popularity: float = 0, reason: str = "") -> bool:
    """Apply stat changes to a signed artist; mood changes scale with the archetype's swing.

    Returns False when the artist is not (or no longer) signed.
    """
    artist = turn.artists.get(artist_id)
    if artist is None:
        return False
    swing = turn.balance.artists.archetypes[artist.archetype].mood_swing
    new_mood = clamp_int(artist.mood + round_half_away(mood * swing), 0, 100)
    new_loyalty = clamp_int(artist.loyalty + round_half_away(loyalty), 0, 100)
    new_pop = clamp_int(artist.popularity + round_half_away(popularity), 0, 100)
    if (new_mood != artist.mood or new_loyalty != artist.loyalty
            or new_pop != artist.popularity):
        turn.artists[artist_id] = _NEW_STATS(artist, mood=new_mood, loyalty=new_loyalty,
                                             popularity=new_pop)
    if turn.news and reason and new_mood != artist.mood:
        turn.events.append(_ARTIST_MOOD_CHANGED(
            turn.month, f"{artist.name}'s mood {artist.mood} → {new_mood} ({reason})",
            artist_id=artist_id, reason=reason))
    return True


def monthly_artist_upkeep(turn: Turn) -> None:
    """Drift, neglect, loyalty, departures and creative capital, in sorted id order."""
    cfg = turn.balance.artists
    busy = {p.artist_id for p in turn.projects if p.stage in ACTIVE_STAGES}  # no property call
    happy = 0
    for artist_id in sorted(turn.artists):
        artist = turn.artists[artist_id]
        attended = turn.month if artist_id in turn.attention else artist.last_attention_month
        mood = artist.mood
        if mood > cfg.mood_baseline:
            mood = max(cfg.mood_baseline, mood - cfg.mood_drift)
        elif mood < cfg.mood_baseline:
            mood = min(cfg.mood_baseline, mood + cfg.mood_drift)
        neglected = turn.month - attended >= cfg.neglect_months
        if neglected and artist_id not in busy:
            swing = cfg.archetypes[artist.archetype].mood_swing
            mood = clamp_int(mood - round_half_away(cfg.neglect_mood * swing), 0, 100)
            if turn.news:
                turn.events.append(_ARTIST_MOOD_CHANGED(
                    turn.month, f"{artist.name} feels ignored: mood {artist.mood} → {mood}",
                    artist_id=artist_id, reason="neglect"))
        loyalty = artist.loyalty
        if mood < cfg.loyalty_low_mood:
            loyalty = max(0, loyalty - cfg.loyalty_step)
        elif mood > cfg.loyalty_high_mood:
            loyalty = min(100, loyalty + cfg.loyalty_step)
        low = artist.low_loyalty_months + 1 if loyalty < cfg.leave_loyalty else 0
        if (mood != artist.mood or loyalty != artist.loyalty
                or low != artist.low_loyalty_months or attended != artist.last_attention_month):
            turn.artists[artist_id] = _NEW_MONTH(artist, mood=mood, loyalty=loyalty,
                                                 low_loyalty_months=low,
                                                 last_attention_month=attended)
        if low >= cfg.leave_months and artist_id not in busy:
            del turn.artists[artist_id]
            turn.departed.append(artist_id)
            if turn.news:
                turn.events.append(ArtistLeft(
                    turn.month, f"{artist.name} has left the label (loyalty {loyalty})",
                    artist_id=artist_id))
        elif mood > cfg.happy_mood:
            happy += 1
    gain = happy * cfg.creative_capital_per_happy_artist
    turn.creative_capital = min(cfg.creative_capital_max, turn.creative_capital + gain)

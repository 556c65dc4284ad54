"""The report's release and tour lines read as English: kind names, singular counts."""

from __future__ import annotations

from labelmgr.engine.report import ReleaseLine, TourLine
from labelmgr.tui.screens.report import release_lines
from labelmgr.tui.widgets.display import badge_markup, game_text


def test_one_song_one_city_one_pickup_are_singular_and_kinds_read_as_names():
    ep = ReleaseLine(1, "Glass Hours", "Ezra Lumen", "ep", 5, 64, 278_858, 13_941, 0, "")
    single = ReleaseLine(2, "Low Tide", "Mira Vale", "single", 1, 75, 69_999, 3_499, 1, "")
    tour = TourLine(3, "Spring Run", "Mira Vale", "Clubs", 1, 64, 97, 1_876, 5_000)
    lines = release_lines((ep, single), (tour,))
    assert lines[0] == "♪ “Glass Hours” EP · Ezra Lumen · 5 songs · quality 64"
    assert "0 press pickups" in lines[1]
    assert lines[2] == "♪ “Low Tide” Single · Mira Vale · 1 song · quality 75"
    assert "1 press pickup" in lines[3] and "pickups" not in lines[3]
    assert lines[4] == "♫ “Spring Run” mini-tour · Mira Vale · Clubs × 1 city"  # as in the news


def test_negative_badges_use_the_same_minus_sign_as_money():
    assert badge_markup(["-$600", "+3 relationship", "-2 artist mood"]) == (
        "[$text-error]−$600[/] · [$text-accent]+3 relationship[/] · "
        "[$text-accent]−2 artist mood[/]")


def test_the_engines_negative_numbers_read_with_the_screens_minus():
    """Money was done; the engine's other negatives ('-1 reputation, -20% streams') still
    read with a hyphen next to badges and amounts written −1 and −$600."""
    line = ("Because you chose The numbers look wrong: “Say nothing” in month 11: "
            "-1 reputation, -20% streams (next release)")
    assert game_text(line).endswith("−1 reputation, −20% streams (next release)")
    assert game_text("Bankrupt: money fell to -$13,831") == "Bankrupt: money fell to −$13,831"
    assert game_text("Reputation 7 → 6 (“Gold-adjacent” (month 11) -1)") == (
        "Reputation 7 → 6 (“Gold-adjacent” (month 11) −1)")
    assert game_text("Saved 2026-12-07, Lo-Fi 3-piece") == "Saved 2026-12-07, Lo-Fi 3-piece"

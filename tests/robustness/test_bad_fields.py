"""Bad input catalogue, part 1: every field a player types, through the service.

Each case must raise ``LabelError`` of the right code with a message naming the field, and
leave the database (every row of every table) and the plan exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from labelmgr.content import Content
from labelmgr.engine import MarketingPush, SignArtist, StartProject
from labelmgr.errors import LabelError
from labelmgr.service import GameService, GameSession
from tests.robustness.model import dump
from tests.service.play import PASSWORD, make_service

CONTROL = "\x1b[31mred"  # an escape sequence
BIDI = "\u202eevil"  # right-to-left override
HUGE = 10**30


@pytest.fixture
def svc(tmp_path: Path, content: Content) -> Iterator[GameService]:
    service = make_service(tmp_path, content)
    yield service
    service.close()


@pytest.fixture
def player(svc: GameService) -> GameService:
    svc.register("alice", PASSWORD)
    return svc


def refused(svc: GameService, call: Callable[[], Any], code: str, phrase: str) -> LabelError:
    before = dump(svc.db.path)
    with pytest.raises(LabelError) as err:
        call()
    assert err.value.code == code, err.value.message
    assert phrase.lower() in err.value.message.lower(), err.value.message
    assert dump(svc.db.path) == before
    return err.value


PROFILE = {
    "username empty": ("", PASSWORD, "VAL_USERNAME", "username has 3 to 32"),
    "username too short": ("ab", PASSWORD, "VAL_USERNAME", "username has 3 to 32"),
    "username too long": ("a" * 33, PASSWORD, "VAL_USERNAME", "username has 3 to 32"),
    "username huge": ("a" * 100_000, PASSWORD, "VAL_USERNAME", "username has 3 to 32"),
    "username with a space": ("al ice", PASSWORD, "VAL_USERNAME", "letters, digits"),
    "username unicode": ("ålice", PASSWORD, "VAL_USERNAME", "letters, digits"),
    "username emoji": ("🎸🎸🎸", PASSWORD, "VAL_USERNAME", "letters, digits"),
    "username control character": ("al\x00ice", PASSWORD, "VAL_USERNAME", "letters, digits"),
    "username newline": ("alice\n", PASSWORD, "VAL_USERNAME", "letters, digits"),
    "username escape": (CONTROL, PASSWORD, "VAL_USERNAME", "letters, digits"),
    "password empty": ("alice", "", "VAL_PASSWORD", "password needs at least 8"),
    "password too short": ("alice", "short", "VAL_PASSWORD", "password needs at least 8"),
    "password too long": ("alice", "x" * 1025, "VAL_PASSWORD", "password has at most 1024"),
    "password huge": ("alice", "x" * 10**6, "VAL_PASSWORD", "password has at most 1024"),
}


@pytest.mark.parametrize("case", sorted(PROFILE))
def test_bad_profile_fields(svc: GameService, case: str):
    username, password, code, phrase = PROFILE[case]
    refused(svc, lambda: svc.register(username, password), code, phrase)
    assert svc.user is None


def test_taken_username_any_case(player: GameService):
    player.logout()
    refused(player, lambda: player.register("ALICE", "other password"),
            "AUTH_USERNAME_TAKEN", "'ALICE' is taken")


NEW_GAME = {
    "label empty": ("", None, "VAL_LABEL_NAME", "label needs a name"),
    "label blank": ("   \t ", None, "VAL_LABEL_NAME", "label needs a name"),
    "label too long": ("x" * 41, None, "VAL_LABEL_NAME", "label name has at most 40"),
    "label huge": ("x" * 10**6, None, "VAL_LABEL_NAME", "label name has at most 40"),
    "label emoji too long": ("🎸" * 41, None, "VAL_LABEL_NAME", "label name has at most 40"),
    "label control character": ("a\x00b", None, "VAL_LABEL_NAME", "control characters"),
    "label escape sequence": (CONTROL, None, "VAL_LABEL_NAME", "control characters"),
    "label right-to-left override": (BIDI, None, "VAL_LABEL_NAME", "control characters"),
    "seed too short": ("Label", "7Q2K", "VAL_SEED_CODE", "seed code has 8"),
    "seed too long": ("Label", "7Q2K-MX4P-Z", "VAL_SEED_CODE", "seed code has 8"),
    "seed huge": ("Label", "7" * 10**5, "VAL_SEED_CODE", "seed code has 8"),
    "seed negative": ("Label", "-7Q2K-MX4", "VAL_SEED_CODE", "seed code has 8"),
    "seed bad character": ("Label", "7Q2K-MX4!", "VAL_SEED_CODE", "'!' cannot appear in a seed"),
    "seed letter U": ("Label", "7Q2K-MX4U", "VAL_SEED_CODE", "'U' cannot appear in a seed"),
    # too short, but the bad character is what to fix first (it was told "not 4")
    "seed short with bad characters": ("Label", "zz-!!", "VAL_SEED_CODE",
                                       "'!' cannot appear in a seed"),
    "seed fullwidth digit": ("Label", "７Q2K-MX4P", "VAL_SEED_CODE", "cannot appear in a seed"),
    "seed control characters": ("Label", "\x00" * 8, "VAL_SEED_CODE", "cannot appear in a seed"),
}


@pytest.mark.parametrize("case", sorted(NEW_GAME))
def test_bad_new_game_fields(player: GameService, case: str):
    label, seed, code, phrase = NEW_GAME[case]
    refused(player, lambda: player.new_game(label, seed_code=seed), code, phrase)
    assert player.list_games() == []


@pytest.mark.parametrize("difficulty", ["", "HARD", "impossible", "x" * 1000])
def test_unknown_difficulty(player: GameService, difficulty: str):
    refused(player, lambda: player.new_game("Label", difficulty, "7Q2K-MX4P"),
            "VAL_DIFFICULTY", "choose one of easy, normal, hard")


def test_unicode_and_spacing_are_kept_exactly(player: GameService):
    session = player.new_game("  Ünï  cødé\tSound 🎸 ", seed_code="7q2k mx4p")
    assert session.state.label_name == "Ünï cødé Sound 🎸"
    assert player.list_games()[0].seed_code == "7Q2K-MX4P"


SLOT_NAMES = {
    "empty": "", "blank": " \t ", "too long": "s" * 41, "huge": "s" * 10**6,
    "control character": "save\x00", "escape sequence": CONTROL, "right-to-left": BIDI,
}


@pytest.mark.parametrize("case", sorted(SLOT_NAMES))
def test_bad_slot_names(player: GameService, case: str):
    game = player.new_game("Label", seed_code="0000-0001").game_id
    assert game is not None
    refused(player, lambda: player.save_slot(game, SLOT_NAMES[case]), "VAL_SLOT_NAME",
            "save name has 1 to 40 printable")


@pytest.mark.parametrize("bad_id", [0, -1, 2**63, HUGE])
def test_ids_that_cannot_exist(player: GameService, bad_id: int):
    for call, what in [(lambda: player.open_game(bad_id), "no game"),
                       (lambda: player.delete_game(bad_id), "no game"),
                       (lambda: player.list_slots(bad_id), "no game"),
                       (lambda: player.save_slot(bad_id, "x"), "no game"),
                       (lambda: player.load_slot(bad_id), "no save slot"),
                       (lambda: player.delete_slot(bad_id), "no save slot")]:
        refused(player, call, "SAVE_NOT_FOUND", what)


# ---------------------------------------------------------------- the month's plan


@pytest.fixture
def session(player: GameService) -> GameSession:
    """A game in month 2 with a single in production (a marketing target) and an idle artist."""
    session = player.new_game("Plans", seed_code="0000-0001")
    opts = session.options()
    session.add(StartProject("single", opts.idle_artists[0], "Opening Night",
                             time_investment="extended"))
    session.add(SignArtist(next(s.artist.id for s in opts.signings if s.gate is None)))
    session.advance()
    assert session.options().marketing_targets and session.options().idle_artists
    return session


def _project(session: GameSession, **fields: Any) -> StartProject:
    base = StartProject("ep", session.options().idle_artists[0], "EP", 3)
    return replace(base, **fields)


PROJECT = {
    "title empty": ({"title": ""}, "VAL_TITLE", "needs a title"),
    "title blank": ({"title": "   "}, "VAL_TITLE", "needs a title"),
    "title too long": ({"title": "t" * 61}, "VAL_TITLE", "at most 60 characters, not 61"),
    "title huge": ({"title": "t" * 10**6}, "VAL_TITLE", "at most 60 characters, not 1000000"),
    # a short title with a control character was told it had too many characters
    "title control character": ({"title": "Bell\x07"}, "VAL_TITLE",
                                "cannot hold tabs, line breaks or other control characters"),
    "title tab": ({"title": "Side\tA"}, "VAL_TITLE", "cannot hold tabs"),
    "title escape sequence": ({"title": CONTROL}, "VAL_TITLE", "control characters"),
    "title right-to-left": ({"title": BIDI}, "VAL_TITLE", "control characters"),
    "title not text": ({"title": 7}, "VAL_TITLE", "title must be text"),
    "song count zero": ({"song_count": 0}, "VAL_SONG_COUNT", "3 to 8 songs, not 0"),
    "song count negative": ({"song_count": -3}, "VAL_SONG_COUNT", "3 to 8 songs, not -3"),
    "song count above max": ({"song_count": 9}, "VAL_SONG_COUNT", "3 to 8 songs, not 9"),
    "song count huge": ({"song_count": HUGE}, "VAL_SONG_COUNT", "3 to 8 songs"),
    "song count text": ({"song_count": "4"}, "VAL_SONG_COUNT", "whole number, not '4'"),
    "song count fraction": ({"song_count": 3.5}, "VAL_SONG_COUNT", "whole number, not 3.5"),
    "budget zero": ({"budget_per_song": 0}, "VAL_BUDGET", "budget per song must be between"),
    "budget negative": ({"budget_per_song": -500}, "VAL_BUDGET", "budget per song must be"),
    "budget huge": ({"budget_per_song": HUGE}, "VAL_BUDGET", "budget per song must be"),
    "budget text": ({"budget_per_song": "5000"}, "VAL_BUDGET", "whole number, not '5000'"),
    "budget fraction": ({"budget_per_song": 5000.5}, "VAL_BUDGET", "whole number"),
    "cities zero": ({"project_kind": "mini_tour", "venue": "clubs", "cities": 0},
                    "VAL_CITIES", "visits 1 to 6 cities"),
    "cities negative": ({"project_kind": "mini_tour", "venue": "clubs", "cities": -2},
                        "VAL_CITIES", "visits 1 to 6 cities"),
    "cities above max": ({"project_kind": "mini_tour", "venue": "clubs", "cities": 7},
                         "VAL_CITIES", "visits 1 to 6 cities"),
    "cities huge": ({"project_kind": "mini_tour", "venue": "clubs", "cities": HUGE},
                    "VAL_CITIES", "visits 1 to 6 cities"),
    "cities text": ({"project_kind": "mini_tour", "venue": "clubs", "cities": "3"},
                    "VAL_CITIES", "whole number, not '3'"),
    "cities fraction": ({"project_kind": "mini_tour", "venue": "clubs", "cities": 2.5},
                        "VAL_CITIES", "whole number, not 2.5"),
    "unknown venue": ({"project_kind": "mini_tour", "venue": "moon", "cities": 2},
                      "VAL_VENUE", "unknown venue 'moon'"),
    "unknown kind": ({"project_kind": "boxset"}, "VAL_PROJECT_KIND", "unknown project kind"),
    "unknown producer": ({"producer_tier": "legend"}, "VAL_PRODUCER_TIER",
                         "unknown producer tier"),
    "unknown time": ({"time_investment": "forever"}, "VAL_TIME_INVESTMENT",
                     "unknown time investment"),
    "unsigned artist": ({"artist_id": "nobody"}, "GAME_NOT_SIGNED", "'nobody' is not on"),
}


@pytest.mark.parametrize("case", sorted(PROJECT))
def test_bad_project_fields(session: GameSession, player: GameService, case: str):
    fields, code, phrase = PROJECT[case]
    plan = session.plan
    refused(player, lambda: session.add(_project(session, **fields)), code, phrase)
    assert session.plan == plan


SPEND = {
    "zero": (0, "VAL_SPEND", "spends $2,000 to $6,000"),
    "negative": (-2500, "VAL_SPEND", "spends $2,000 to $6,000"),
    "above max": (6001, "VAL_SPEND", "spends $2,000 to $6,000"),
    "huge": (HUGE, "VAL_SPEND", "spends $2,000 to $6,000"),
    "text": ("3000", "VAL_SPEND", "spend must be a whole number, not '3000'"),
    "fraction": (2500.5, "VAL_SPEND", "spend must be a whole number"),
}


@pytest.mark.parametrize("case", sorted(SPEND))
def test_bad_marketing_spend(session: GameSession, player: GameService, case: str):
    spend, code, phrase = SPEND[case]
    target = session.options().marketing_targets[0]
    refused(player, lambda: session.add(MarketingPush("pr_push", target, spend)), code, phrase)
    assert session.plan == ()


@pytest.mark.parametrize("index", [-1, 1, 99])
def test_removing_an_action_that_is_not_planned(session: GameSession, index: int):
    session.add(MarketingPush("pr_push", session.options().marketing_targets[0], 2000))
    with pytest.raises(LabelError) as err:
        session.remove(index)
    assert err.value.code == "VAL_PLAN_INDEX" and len(session.plan) == 1


def test_a_long_bad_difficulty_is_not_echoed_in_full(player: GameService):
    with pytest.raises(LabelError) as refused:
        player.new_game("Long Records", difficulty="x" * 1000)
    assert refused.value.code == "VAL_DIFFICULTY"
    assert "'xxxxxxxx" in refused.value.message and "…" in refused.value.message
    assert len(refused.value.message) < 120


def test_removing_a_negative_position_names_that_position(session: GameSession):
    before = session.plan
    with pytest.raises(LabelError) as refused:
        session.remove(-1)
    assert refused.value.code == "VAL_PLAN_INDEX"
    assert refused.value.message.startswith("There is no planned action at position -1: the "
                                            f"plan holds {len(before)} action")
    assert session.plan == before

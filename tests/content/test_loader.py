"""Content validation: the shipped content is clean; every kind of problem names its place."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from labelmgr.content import check_content, default_content_dir, load_content
from labelmgr.content.effects import EFFECT_KEYS
from labelmgr.engine.rules.effects import HANDLERS
from labelmgr.errors import LabelError


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dst = tmp_path / "content"
    shutil.copytree(default_content_dir(), dst)
    return dst


def _edit(folder: Path, name: str, change) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _problems(folder: Path) -> list[str]:
    content, problems = check_content(folder)
    assert content is None
    return problems


def test_shipped_content_is_clean():
    content, problems = check_content()
    assert problems == []
    assert content.summary().startswith("8 roles, 32 meetings, 96 meeting choices")


def test_shipped_content_meets_the_scope(content):
    """Issue 2's content scope: 8 roles ≥3×3, ≥9 artists over ≥3 archetypes, ≥12 events."""
    assert {r.id for r in content.roles} == {"manager", "a_and_r", "producer", "publicist",
                                             "digital", "streaming", "booking", "operations"}
    for role in content.roles:
        assert len(role.meetings) >= 3
        for meeting in role.meetings:
            assert len(meeting.choices) == 3
    assert len(content.artists) >= 9
    archetypes = {a.archetype for a in content.artists}
    assert len(archetypes) >= 3
    for arch in archetypes:
        assert len(content.conversations_by_archetype[arch]) >= 2
    assert len(content.events) >= 12
    for preset in content.balance.difficulties.values():
        assert preset.starting_artist in content.artist_by_id


def test_every_effect_key_has_exactly_one_handler():
    assert set(HANDLERS) == set(EFFECT_KEYS)


def test_unknown_effect_key_names_its_path(folder):
    def change(d):
        d["roles"][2]["meetings"][0]["choices"][1]["effects_delayed"] = {"mony": 5}
    _edit(folder, "roles.json", change)
    assert ("roles.json: $.roles[2].meetings[0].choices[1].effects_delayed.mony: "
            "unknown effect key") in _problems(folder)


def test_out_of_range_effect(folder):
    def change(d):
        d["events"][0]["choices"][0]["effects_immediate"] = {"reputation": 9}
    _edit(folder, "events.json", change)
    problems = _problems(folder)
    assert any(p.startswith("events.json: $.events[0].choices[0].effects_immediate.reputation:")
               and "less than or equal to 5" in p for p in problems)


def test_wrong_type(folder):
    _edit(folder, "artists.json", lambda d: d["artists"][3].__setitem__("talent", "high"))
    problems = _problems(folder)
    assert any(p.startswith("artists.json: $.artists[3].talent:") for p in problems)


def test_a_list_whose_items_failed_is_not_also_called_too_short(folder):
    """Two bad choices out of three: their own problems, not "at least 2 items"."""
    def spoil(d):
        choices = d["roles"][0]["meetings"][0]["choices"]
        choices[0]["requires"] = "lots"
        choices[1]["effects_immediate"] = {"fame": 2}
    _edit(folder, "roles.json", spoil)
    assert _problems(folder) == [
        "roles.json: $.roles[0].meetings[0].choices[0].requires: "
        "Input should be a valid dictionary",
        "roles.json: $.roles[0].meetings[0].choices[1].effects_immediate.fame: "
        "unknown effect key",
    ]


def test_a_list_that_is_really_too_short_says_so(folder):
    _edit(folder, "roles.json",
          lambda d: d["roles"][0]["meetings"][0].update(
              choices=d["roles"][0]["meetings"][0]["choices"][:1]))
    assert _problems(folder) == ["roles.json: $.roles[0].meetings[0].choices: "
                                 "Tuple should have at least 2 items after validation, not 1"]


def test_missing_key(folder):
    _edit(folder, "balance.json", lambda d: d["economy"].pop("burn_base"))
    assert "balance.json: $.economy.burn_base: missing required key" in _problems(folder)


def test_duplicate_ids(folder):
    def change(d):
        d["artists"][1]["id"] = d["artists"][0]["id"]
    _edit(folder, "artists.json", change)
    problems = _problems(folder)
    assert any(p.startswith("artists.json: $.artists[1].id: duplicate id") for p in problems)


def test_dangling_references(folder):
    _edit(folder, "balance.json",
          lambda d: d["difficulties"]["hard"].__setitem__("starting_artist", "nobody"))
    _edit(folder, "dialogue.json",
          lambda d: d["conversations"][0].__setitem__("archetype", "wizard"))
    problems = _problems(folder)
    assert ("balance.json: $.difficulties.hard.starting_artist: unknown artist 'nobody'"
            in problems)
    assert "dialogue.json: $.conversations[0].archetype: unknown archetype 'wizard'" in problems


def test_event_default_choice_must_exist(folder):
    _edit(folder, "events.json", lambda d: d["events"][4].__setitem__("default_choice", "nope"))
    problems = _problems(folder)
    assert any(p.startswith("events.json: $.events[4]:") and "default_choice" in p
               for p in problems)


def test_artist_effects_need_an_artist(folder):
    def change(d):
        for role in d["roles"]:
            for m in role["meetings"]:
                if not m.get("concerns_artist"):
                    m["choices"][0]["effects_immediate"] = {"artist_mood": 2}
                    return
    _edit(folder, "roles.json", change)
    assert any("artist effects need the meeting to set concerns_artist" in p
               for p in _problems(folder))


def test_invalid_json_names_line(folder):
    (folder / "events.json").write_text('{"version": "1.0",\n "events": [', encoding="utf-8")
    problems = _problems(folder)
    assert len(problems) == 1 and problems[0].startswith("events.json: line 2 column")


def test_missing_file(folder):
    (folder / "roles.json").unlink()
    assert any(p.startswith("roles.json: file not found") for p in _problems(folder))


def test_load_content_raises_one_error_listing_every_problem(folder):
    _edit(folder, "artists.json", lambda d: d["artists"][0].__setitem__("mood", 140))
    _edit(folder, "artists.json", lambda d: d["artists"][1].__setitem__("age", 3))
    with pytest.raises(LabelError) as err:
        load_content(folder)
    assert err.value.code == "CONTENT_INVALID"
    assert len(err.value.details["problems"]) == 2


def test_content_hash_ignores_formatting(folder):
    before = load_content(folder).content_hash
    path = folder / "balance.json"
    path.write_text(json.dumps(json.loads(path.read_text()), indent=8), encoding="utf-8")
    assert load_content(folder).content_hash == before
    _edit(folder, "balance.json", lambda d: d["start"].__setitem__("reputation", 6))
    assert load_content(folder).content_hash != before


def test_every_balance_number_has_a_note(folder):
    def change(d):
        del d["notes"]["economy.burn_base"]
        d["notes"]["economy.nothing_here"] = "A note about no number."
    _edit(folder, "balance.json", change)
    problems = _problems(folder)
    assert "balance.json: $.notes: no description for economy.burn_base" in problems
    assert ("balance.json: $.notes.economy.nothing_here: names no number in balance.json"
            in problems)


def test_a_note_on_a_parent_covers_its_numbers(content):
    assert "projects.producer_tiers" in content.balance.notes
    assert "projects.producer_tiers.0.cost_multiplier" not in content.balance.notes

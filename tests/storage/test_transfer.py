"""Export/import: the documented JSON format, digest and replay checks, nothing written on
a bad file."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from labelmgr.content import Content
from labelmgr.engine import state_to_dict
from labelmgr.errors import LabelError
from labelmgr.service import GameService
from labelmgr.storage.exchange import canonical
from tests.service.play import PASSWORD, make_service, play
from tests.storage.conftest import dump


@pytest.fixture
def exported(player: GameService, tmp_path: Path) -> tuple[Path, Any]:
    session = player.new_game("Exported Sound", seed_code="0000-0200")
    play(session, 14)
    path = tmp_path / "game.json"
    player.export_game(session.game_id, path)
    return path, session.state


def _rewrite(path: Path, change, *, fix_digest: bool) -> None:
    doc = json.loads(path.read_text())
    change(doc)
    if fix_digest:
        doc["sha256"] = hashlib.sha256(canonical(doc)).hexdigest()
    path.write_text(json.dumps(doc))


def test_export_format_is_documented_json(exported, content: Content):
    path, state = exported
    doc = json.loads(path.read_text())
    assert doc["format"] == "labelmgr-save" and doc["version"] == 1
    assert doc["game"] == {"label_name": "Exported Sound", "difficulty": "normal",
                           "seed": state.seed, "seed_code": "0000-0200", "month": 15}
    assert doc["content_hash"] == content.content_hash
    assert [e["month"] for e in doc["actions"]] == list(range(1, 15))
    assert doc["snapshot"] == json.loads(json.dumps(state_to_dict(state)))
    body = json.dumps({k: v for k, v in doc.items() if k != "sha256"}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False).encode()
    assert doc["sha256"] == hashlib.sha256(body).hexdigest()


def test_import_creates_a_new_game_for_the_importer(exported, service: GameService):
    path, state = exported
    service.logout()
    service.register("bob_b", PASSWORD)
    summary = service.import_game(path)
    assert (summary.label_name, summary.month, summary.money) == (
        "Exported Sound", 15, state.money)
    session = service.open_game(summary.id)
    assert session.state == state
    session.advance()  # it plays on
    assert [s.kind for s in service.list_slots(summary.id)] == ["auto", "auto"]


def test_imported_game_brings_the_news_of_its_months(exported, player: GameService):
    """The news feed of an imported game is the one its player saw (its months replayed)."""
    path, _ = exported
    [original] = player.list_games()
    summary = player.import_game(path)
    news = player.open_game(summary.id).news()
    assert news and news == player.open_game(original.id).news()
    assert {e.month for e in news} <= set(range(1, 15))


def test_imported_game_exports_the_same_history(exported, player: GameService,
                                                tmp_path: Path):
    path, _ = exported
    summary = player.import_game(path)
    again = tmp_path / "again.json"
    player.export_game(summary.id, again)
    a, b = json.loads(path.read_text()), json.loads(again.read_text())
    assert (a["actions"], a["snapshot"]) == (b["actions"], b["snapshot"])


def _edit_money(doc):
    doc["snapshot"]["money"] += 1_000_000


def _drop_month(doc):
    del doc["actions"][3]


def _bad_action(doc):
    doc["actions"][0]["actions"] = [{"kind": "SignArtist", "artist_id": "nobody"}]


def _newer(doc):
    doc["version"] = 9


BAD_FILES = {
    "truncated": (lambda p: p.write_text(p.read_text()[: len(p.read_text()) // 2]),
                  "SAVE_IMPORT_DAMAGED"),
    "not json": (lambda p: p.write_bytes(b"\x00\xffnot json"), "SAVE_IMPORT_DAMAGED"),
    "other json": (lambda p: p.write_text('{"hello": 1}'), "SAVE_IMPORT_FORMAT"),
    "edited": (lambda p: _rewrite(p, _edit_money, fix_digest=False), "SAVE_IMPORT_DIGEST"),
    "edited snapshot with new digest": (lambda p: _rewrite(p, _edit_money, fix_digest=True),
                                        "SAVE_IMPORT_REPLAY"),
    "month missing": (lambda p: _rewrite(p, _drop_month, fix_digest=True),
                      "SAVE_IMPORT_REPLAY"),
    "refused action": (lambda p: _rewrite(p, _bad_action, fix_digest=True),
                       "SAVE_IMPORT_REPLAY"),
    "newer version": (lambda p: _rewrite(p, _newer, fix_digest=True), "SAVE_IMPORT_VERSION"),
    "no snapshot": (lambda p: _rewrite(p, lambda d: d.pop("snapshot"), fix_digest=True),
                    "SAVE_IMPORT_DAMAGED"),
    "missing file": (lambda p: p.unlink(), "SAVE_IMPORT_READ"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_are_refused_and_nothing_is_written(exported, player: GameService,
                                                      case: str):
    path, _ = exported
    spoil, code = BAD_FILES[case]
    spoil(path)
    before = dump(player.db.path)
    with pytest.raises(LabelError) as err:
        player.import_game(path)
    assert err.value.code == code
    assert str(path) in err.value.message
    assert dump(player.db.path) == before


def test_file_from_other_content_is_refused(exported, player: GameService, tmp_path: Path,
                                            content: Content):
    path, _ = exported
    other = make_service(tmp_path, replace(content, content_hash="0" * 64), db_name="o.db")
    other.register("carol", PASSWORD)
    with pytest.raises(LabelError) as err:
        other.import_game(path)
    assert err.value.code == "SAVE_IMPORT_CONTENT"
    assert other.list_games() == []
    other.close()


def test_export_to_an_unwritable_place_fails_cleanly(player: GameService, tmp_path: Path):
    session = player.new_game("Nowhere", seed_code="0000-0201")
    with pytest.raises(LabelError) as err:
        player.export_game(session.game_id, tmp_path / "no" / "such" / "dir" / "x.json")
    assert err.value.code == "SAVE_EXPORT"

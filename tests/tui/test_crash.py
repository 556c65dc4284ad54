"""An unexpected error closes the game with a short note and a crash file, no traceback."""

from __future__ import annotations

import tempfile

import labelmgr.tui.factory as factory
from labelmgr.tui.app import LabelApp
from labelmgr.tui.run import run_game
from labelmgr.tui.screens.dashboard import DashboardScreen
from tests.tui.conftest import SIZE


def test_an_unexpected_error_prints_a_note_and_keeps_the_traceback_in_a_file(
        monkeypatch, capsys, tmp_path, make_session):
    session = make_session()

    def broken(self: DashboardScreen) -> None:
        raise RuntimeError("boom in refresh")

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(DashboardScreen, "refresh_view", broken)
    monkeypatch.setattr(factory, "make_app", lambda **_: LabelApp(session=session))
    run = LabelApp.run
    monkeypatch.setattr(LabelApp, "run", lambda self: run(self, headless=True, size=SIZE))

    assert run_game() == 1
    err = capsys.readouterr().err
    crash_files = list(tmp_path.glob("labelmgr-crash-*.txt"))
    assert len(crash_files) == 1
    assert "RuntimeError: boom in refresh" in crash_files[0].read_text()
    assert "Traceback" not in err
    assert "boom" not in err
    assert err.startswith("labelmgr: an unexpected error closed the game. Your game is safe")
    assert str(crash_files[0]) in err

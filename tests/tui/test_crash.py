"""An unexpected error closes the game with a short note and a crash file, no traceback."""

from __future__ import annotations

import tempfile

import rich.traceback

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


def test_a_crash_closes_at_once_without_rendering_a_traceback_to_throw_away(
        monkeypatch, capsys, tmp_path, make_session):
    """Textual renders a traceback with every local for its exit message; the game drops
    that message for its own note, yet the rendering of its state and widgets froze the
    game for a minute or more after an error (69 s on opening Projects of a finished
    campaign). The traceback goes to the file only; the note names the first error's file."""
    built: list[object] = []

    class Spy(rich.traceback.Traceback):
        def __init__(self, *args: object, **kwargs: object) -> None:
            built.append(args)
            super().__init__(*args, **kwargs)

    session = make_session()

    def broken(self: DashboardScreen) -> None:
        raise RuntimeError("boom in refresh")

    monkeypatch.setattr(rich.traceback, "Traceback", Spy)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(DashboardScreen, "refresh_view", broken)
    monkeypatch.setattr(DashboardScreen, "on_screen_resume", broken)
    monkeypatch.setattr(factory, "make_app", lambda **_: LabelApp(session=session))
    run = LabelApp.run
    monkeypatch.setattr(LabelApp, "run", lambda self: run(self, headless=True, size=SIZE))

    assert run_game() == 1
    assert built == []
    err = capsys.readouterr().err
    assert err.startswith("labelmgr: an unexpected error closed the game.")
    first = min(tmp_path.glob("labelmgr-crash-*.txt"), key=lambda p: p.stat().st_mtime_ns)
    assert str(first) in err

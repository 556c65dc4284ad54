"""Snapshots of plan-the-month and its dialogs (seed 7)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


def _highlight(option_id: str):
    async def run_before(pilot) -> None:
        await pilot.press("m")
        actions = pilot.app.screen.query_one("#action-list", OptionList)
        actions.highlighted = actions.get_option_index(option_id)

    return run_before


class TestPlanner:
    def test_empty_plan(self, snap_compare):
        assert snap_compare(APPS / "fresh_app.py", press=["m"], terminal_size=SIZE)

    def test_two_meetings_planned(self, snap_compare):
        assert snap_compare(APPS / "planned_app.py", press=["m"], terminal_size=SIZE)

    def test_80x24(self, snap_compare):
        assert snap_compare(APPS / "planned_app.py", press=["m"], terminal_size=(80, 24))

    def test_event_and_projects_in_play(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["m"], terminal_size=SIZE)


class TestPlannerDialogs:
    def test_meeting_with_choices_and_badges(self, snap_compare):
        assert snap_compare(APPS / "fresh_app.py", press=["m", "down", "enter"],
                            terminal_size=SIZE)

    def test_meeting_choices_refused_for_money(self, snap_compare):
        async def spend_almost_everything(pilot) -> None:
            from labelmgr.engine import StartProject

            pilot.app.session.add(StartProject("ep", "mira_vale", "Glass Hours",
                                               song_count=5, budget_per_song=14_800))
            await pilot.press("m")

        assert snap_compare(APPS / "fresh_app.py", press=["down", "down", "enter"],
                            terminal_size=SIZE, run_before=spend_almost_everything)

    def test_conversation(self, snap_compare):
        assert snap_compare(APPS / "fresh_app.py", press=["enter"], terminal_size=SIZE,
                            run_before=_highlight("talk:mira_vale"))

    def test_event_decision(self, snap_compare):
        assert snap_compare(APPS / "event_app.py", press=["m", "enter"], terminal_size=SIZE)

    def test_marketing_push(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["enter"], terminal_size=SIZE,
                            run_before=_highlight("marketing"))

    def test_marketing_push_refused_in_place(self, snap_compare):
        press = ["enter", "tab", "ctrl+u", "5", "0", "0", "enter"]
        assert snap_compare(APPS / "played_app.py", press=press, terminal_size=SIZE,
                            run_before=_highlight("marketing"))

    def test_advance_confirmation(self, snap_compare):
        assert snap_compare(APPS / "planned_app.py", press=["m", "A"], terminal_size=SIZE)

    def test_advance_confirmation_warns_of_an_unanswered_event(self, snap_compare):
        assert snap_compare(APPS / "event_app.py", press=["A"], terminal_size=SIZE)

"""Snapshots of the month report and the results (seed 7)."""

from __future__ import annotations

from pathlib import Path

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


class TestReport:
    def test_month_with_releases(self, snap_compare):
        async def advance(pilot) -> None:
            await pilot.press("A", "enter")
            await _settle(pilot)

        assert snap_compare(APPS / "played_app.py", terminal_size=SIZE, run_before=advance)

    def test_month_that_rolls_an_event(self, snap_compare):
        async def three_months(pilot) -> None:
            for month in range(3):
                await pilot.press("A", "enter")
                await _settle(pilot)
                if month < 2:
                    await pilot.press("enter")
                    await _settle(pilot)

        assert snap_compare(APPS / "fresh_app.py", terminal_size=SIZE,
                            run_before=three_months)

    def test_event_decision_after_the_report(self, snap_compare):
        async def three_months(pilot) -> None:
            for _ in range(3):
                await pilot.press("A", "enter")
                await _settle(pilot)
                await pilot.press("enter")
                await _settle(pilot)

        assert snap_compare(APPS / "fresh_app.py", terminal_size=SIZE,
                            run_before=three_months)


class TestResults:
    def test_campaign_results(self, snap_compare):
        assert snap_compare(APPS / "finished_app.py", press=["v"], terminal_size=SIZE)

    def test_results_80x24(self, snap_compare):
        assert snap_compare(APPS / "finished_app.py", press=["v"], terminal_size=(80, 24))

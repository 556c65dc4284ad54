"""A hypothesis state machine plays the service on a real SQLite file.

Two profiles register, log in and out, start, plan, advance, save, load, delete, export and
import games, and try each other's game and slot ids. After every step: money equals the
starting money plus the ledger, in the open game and as stored; the stored games are exactly
the states the model expects; ``PRAGMA integrity_check`` is ok. Every refused operation
(another profile's ids, no login, a stale window, a bad plan) leaves the database as it was.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from labelmgr.content import load_content
from labelmgr.engine import GameState, seed_code
from labelmgr.errors import LabelError
from labelmgr.service import GameSession, open_service
from labelmgr.service.auth import MAX_FAILURES, lock_seconds
from labelmgr.storage import AUTOSAVES, GameRepo
from tests.robustness import actions
from tests.robustness.model import Model, dump
from tests.service.play import FakeClock

CONTENT = load_content()
NAMES = ("alice", "bob")
PASSWORDS = {"alice": "alice password", "bob": "bob's password"}
SLOT_NAMES = ("before the EP", "safe", "  safe  ", "Plan B ✓")


def expect_error(family: str, call: Callable[[], Any], db: Path) -> LabelError:
    """Run ``call``, which must raise a ``family`` error and write nothing."""
    before = dump(db)
    with pytest.raises(LabelError) as err:
        call()
    assert err.value.code.startswith(family), (err.value.code, err.value.message)
    assert err.value.message
    assert dump(db) == before, f"{err.value.code} wrote to the database"
    event(f"refused: {err.value.code}")
    return err.value


class ServiceMachine(RuleBasedStateMachine):
    """The model: who owns what, and the state each stored game and slot must hold."""

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="labelmgr-stateful-"))
        self.db = self.dir / "labelmgr.db"
        self.clock = FakeClock()
        self.svc = open_service(self.db, content=CONTENT, config_dir=self.dir / "config",
                                clock=self.clock, scrypt_n=2**4)
        self.repo = GameRepo(self.svc.db, self.clock)
        self.m = Model()
        self.session: GameSession | None = None
        self.stale: GameSession | None = None

    def teardown(self) -> None:
        self.svc.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # ------------------------------------------------------------------ profiles

    @initialize(seed=st.integers(0, 2**40 - 1))
    def first_profile_and_game(self, seed: int) -> None:
        self.m.uid["alice"] = self.svc.register("alice", PASSWORDS["alice"]).id
        self.m.current = "alice"
        self.new_game("First Label", seed)

    @rule(name=st.sampled_from(NAMES))
    def register(self, name: str) -> None:
        if name in self.m.uid:
            expect_error("AUTH_USERNAME_TAKEN", lambda: self.svc.register(name, "x" * 12),
                         self.db)
            return
        self.m.uid[name] = self.svc.register(name, PASSWORDS[name]).id
        self._switch(name)

    @rule(name=st.sampled_from(NAMES), right=st.booleans())
    def login(self, name: str, right: bool) -> None:
        password = PASSWORDS[name] if right else "not the password"
        locked = self.m.locked_until.get(name, 0.0) > self.clock.now
        if name not in self.m.uid or locked or not right:
            with pytest.raises(LabelError) as err:
                self.svc.login(name, password)
            assert err.value.code == ("AUTH_LOCKED" if locked else "AUTH_INVALID")
            if name in self.m.uid and not locked:
                self.m.failures[name] = self.m.failures.get(name, 0) + 1
                if self.m.failures[name] >= MAX_FAILURES:
                    self.m.locked_until[name] = (self.clock.now
                                                 + lock_seconds(self.m.failures[name]))
            return
        self.svc.login(name, password)
        self.m.failures[name] = 0
        self._switch(name)

    @rule(seconds=st.sampled_from([1.0, 60.0, 3600.0]))
    def wait(self, seconds: float) -> None:
        self.clock.advance(seconds)

    @rule()
    def logout(self) -> None:
        self.svc.logout()
        self._switch(None)

    def _switch(self, name: str | None) -> None:
        if name != self.m.current:
            self.session = self.stale = None
        self.m.current = name

    @precondition(lambda self: self.m.current is None)
    @rule()
    def anything_needs_a_login(self) -> None:
        some_game = next(iter(self.m.games), 1)
        for call in (self.svc.list_games, lambda: self.svc.new_game("Nobody's"),
                     lambda: self.svc.open_game(some_game),
                     lambda: self.svc.save_slot(some_game, "x")):
            assert expect_error("AUTH_", call, self.db).code == "AUTH_REQUIRED"

    # ------------------------------------------------------------------ games

    @precondition(lambda self: self.m.current is not None)
    @rule(label=st.sampled_from(["Night Owl Records", "Ünïcødé Sound", "  spaced   out  "]),
          seed=st.integers(0, 2**40 - 1))
    def new_game(self, label: str, seed: int) -> None:
        session = self.svc.new_game(label, seed_code=seed_code(seed))
        assert session.state.label_name == " ".join(label.split())
        self.m.add_game(session.game_id, self.m.current, session.state,
                        self._autosave_ids(session.game_id))
        self.session, self.stale = session, None

    @precondition(lambda self: self.m.current is not None)
    @rule(data=st.data())
    def open_game(self, data: st.DataObject) -> None:
        ids = sorted(self.m.games) + sorted(self.m.deleted_games) + [10**30]
        game_id = data.draw(st.sampled_from(ids))
        owner = self.m.games.get(game_id)
        if owner is None:
            expect_error("SAVE_NOT_FOUND", lambda: self.svc.open_game(game_id), self.db)
        elif owner != self.m.current:
            expect_error("AUTH_FORBIDDEN", lambda: self.svc.open_game(game_id), self.db)
        else:
            self.session, self.stale = self.svc.open_game(game_id), None
            assert self.session.state == self.m.stored[game_id]

    @precondition(lambda self: self.session is not None)
    @rule()
    def delete_open_game(self) -> None:
        assert self.session is not None and self.session.game_id is not None
        self.svc.delete_game(self.session.game_id)
        self.m.delete_game(self.session.game_id)
        self.session = self.stale = None

    # ------------------------------------------------------------------ the plan

    def _live(self) -> GameSession:
        assert self.session is not None
        return self.session

    def _playable(self) -> bool:
        s = self.session
        return s is not None and (not s.state.campaign_complete or s.state.career)

    @precondition(_playable)
    @rule(data=st.data())
    def plan_offered_action(self, data: st.DataObject) -> None:
        session = self._live()
        candidates = actions.offered(session, session.options())
        if candidates:
            action = data.draw(st.sampled_from(candidates))
            session.add(action)
            assert session.plan[-1] == action
            event(f"planned {type(action).__name__}")

    @precondition(_playable)
    @rule(data=st.data(), title=st.sampled_from(["First Light", "Ça va", "淡い光"]))
    def plan_project_or_marketing(self, data: st.DataObject, title: str) -> None:
        session = self._live()
        candidates = actions.maybe(session, session.options(), title)
        if not candidates:
            return
        action, before = data.draw(st.sampled_from(candidates)), session.plan
        try:
            session.add(action)
        except LabelError as e:
            assert e.family in ("GAME", "VAL") and session.plan == before, e.code
        else:
            assert session.plan == (*before, action)
            event(f"planned {type(action).__name__}")

    @precondition(_playable)
    @rule(data=st.data())
    def plan_refused_action(self, data: st.DataObject) -> None:
        session = self._live()
        action, before = data.draw(st.sampled_from(actions.refused(session, session.options()))), \
            session.plan
        with pytest.raises(LabelError) as err:
            session.add(action)
        assert err.value.family in ("GAME", "VAL") and session.plan == before

    @precondition(lambda self: self.session is not None)
    @rule(index=st.integers(-2, 6))
    def unplan(self, index: int) -> None:
        session = self._live()
        before = session.plan
        if 0 <= index < len(before):
            assert session.remove(index) == before[index]
            assert len(session.plan) < len(before)
        else:
            with pytest.raises(LabelError) as err:
                session.remove(index)
            assert err.value.code == "VAL_PLAN_INDEX"

    @precondition(lambda self: self.session is not None)
    @rule()
    def advance(self) -> None:
        session = self._live()
        state = session.state
        if state.campaign_complete and not state.career:
            expect_error("GAME_CAMPAIGN_OVER", session.advance, self.db)
            assert session.state is state
            return
        report = session.advance()
        event(f"advanced month {state.month}{' (career)' if state.career else ''}")
        assert report.month == state.month and session.state.month == state.month + 1
        assert session.plan == ()
        game_id = session.game_id
        assert game_id is not None
        self.m.stored[game_id] = session.state
        autosaves, before = self._autosave_ids(game_id), self.m.autosaves[game_id]
        assert autosaves[1:] == before[:AUTOSAVES - 1] and autosaves[0] not in before
        self.m.rotate(game_id, autosaves, session.state)

    @precondition(lambda self: self.session is not None)
    @rule(data=st.data(), months=st.integers(1, 6))
    def play_months(self, data: st.DataObject, months: int) -> None:
        """Several months in a row, each with up to two offered actions (long games, careers)."""
        for _ in range(months):
            session = self._live()
            if session.state.campaign_complete and not session.state.career:
                self.start_career()
                if not session.state.career:
                    return
            for _ in range(data.draw(st.integers(0, 2))):
                self.plan_offered_action(data)
            self.advance()

    @precondition(lambda self: self.session is not None
                  and self.session.state.campaign_complete and not self.session.state.career)
    @rule()
    def start_career(self) -> None:
        session = self._live()
        results = session.state.results
        if results is not None and results.bankrupt or session.career_bankrupt:
            assert expect_error("GAME_", session.start_career, self.db).code == "GAME_BANKRUPT"
        else:
            session.start_career()
            assert session.state.career
            assert session.game_id is not None
            self.m.stored[session.game_id] = session.state  # stored at once

    @precondition(lambda self: self.stale is not None)
    @rule()
    def advance_in_a_stale_window(self) -> None:
        stale = self.stale
        assert stale is not None
        state, plan = stale.state, stale.plan
        if state.campaign_complete and not state.career:
            return
        expect_error("SAVE_CONFLICT", stale.advance, self.db)
        assert stale.state is state and stale.plan == plan

    # ------------------------------------------------------------------ slots

    def _autosave_ids(self, game_id: int) -> list[int]:
        ids = [s.id for s in self.svc.list_slots(game_id) if s.kind == "auto"]
        assert len(ids) <= AUTOSAVES and ids == sorted(ids, reverse=True)
        return ids

    @precondition(lambda self: self.session is not None)
    @rule(name=st.sampled_from(SLOT_NAMES))
    def save_slot(self, name: str) -> None:
        game_id = self._live().game_id
        assert game_id is not None
        clean = " ".join(name.split())
        same = self.m.manual.setdefault(game_id, {}).get(clean)
        info = self.svc.save_slot(game_id, name)
        assert info.name == clean and info.kind == "manual"
        assert same is None or info.id == same
        self.m.manual[game_id][clean] = info.id
        self.m.new_slot(info.id, game_id, self.m.stored[game_id])

    @precondition(lambda self: self.m.current is not None)
    @rule(data=st.data())
    def load_slot(self, data: st.DataObject) -> None:
        ids = sorted(self.m.slots) + [0, 10**30]  # with dead ones and ids that never were
        slot_id = data.draw(st.sampled_from(ids))
        game_id, state = self.m.slots.get(slot_id, (0, None))
        owner = self.m.games.get(game_id) if self.m.slot_is_live(slot_id) else None
        if owner is None:
            expect_error("SAVE_NOT_FOUND", lambda: self.svc.load_slot(slot_id), self.db)
        elif owner != self.m.current:
            expect_error("AUTH_FORBIDDEN", lambda: self.svc.load_slot(slot_id), self.db)
        else:
            previous = self.session
            self.session = self.svc.load_slot(slot_id)
            assert self.session.game_id == game_id
            assert self.session.state == state  # the round trip is exact
            event(f"slot loaded at month {state.month}")
            self.m.stored[game_id] = state
            same_game = previous is not None and previous.game_id == game_id
            self.stale = previous if same_game else None

    @precondition(lambda self: self.m.current is not None)
    @rule(data=st.data())
    def delete_slot(self, data: st.DataObject) -> None:
        live = [i for i in sorted(self.m.slots) if self.m.slot_is_live(i)]
        if not live:
            return
        slot_id = data.draw(st.sampled_from(live))
        game_id, _ = self.m.slots[slot_id]
        if self.m.games[game_id] != self.m.current:
            expect_error("AUTH_FORBIDDEN", lambda: self.svc.delete_slot(slot_id), self.db)
            return
        self.svc.delete_slot(slot_id)
        self.m.forget_slot(slot_id)

    # ------------------------------------------------------------------ files

    @precondition(lambda self: self.session is not None)
    @rule()
    def export_open_game(self) -> None:
        game_id = self._live().game_id
        assert game_id is not None
        path = self.dir / f"export-{len(self.m.exports)}.json"
        self.svc.export_game(game_id, path)
        self.m.exports.append((path, self.m.stored[game_id]))

    @precondition(lambda self: self.m.current is not None and self.m.exports)
    @rule(data=st.data())
    def import_export(self, data: st.DataObject) -> None:
        path, state = data.draw(st.sampled_from(self.m.exports))
        summary = self.svc.import_game(path)
        event("imported")
        assert (summary.month, summary.money, summary.label_name) == (
            state.month, state.money, state.label_name)
        self.m.add_game(summary.id, self.m.current, state, self._autosave_ids(summary.id))

    # ------------------------------------------------------------------ another profile

    @precondition(lambda self: self.m.current is not None)
    @rule(data=st.data())
    def try_another_profiles_ids(self, data: st.DataObject) -> None:
        theirs = [g for g, owner in self.m.games.items() if owner != self.m.current]
        if not theirs:
            return
        game_id = data.draw(st.sampled_from(sorted(theirs)))
        slots = [i for i, (g, _) in self.m.slots.items()
                 if g == game_id and self.m.slot_is_live(i)]
        calls: list[Callable[[], Any]] = [
            lambda: self.svc.open_game(game_id), lambda: self.svc.list_slots(game_id),
            lambda: self.svc.save_slot(game_id, "mine now"),
            lambda: self.svc.delete_game(game_id), lambda: self.svc.content_warning(game_id),
            lambda: self.svc.export_game(game_id, self.dir / "stolen.json")]
        calls += [lambda i=i: self.svc.load_slot(i) for i in slots]
        calls += [lambda i=i: self.svc.delete_slot(i) for i in slots]
        for call in calls:
            assert expect_error("AUTH_", call, self.db).code == "AUTH_FORBIDDEN"
        assert not (self.dir / "stolen.json").exists()
        assert all(g.id != game_id for g in self.svc.list_games())

    # ------------------------------------------------------------------ invariants

    @invariant()
    def ledger_identity_in_the_open_game(self) -> None:
        if self.session is not None:
            state = self.session.state
            assert state.money == state.starting_money + sum(e.amount for e in state.ledger)

    @invariant()
    def stored_games_are_what_the_model_expects(self) -> None:
        for game_id, owner in self.m.games.items():
            state: GameState = self.repo.load(self.m.uid[owner], game_id, news_limit=0).state
            assert state == self.m.stored[game_id]
            assert state.money == state.starting_money + sum(e.amount for e in state.ledger)
        if self.m.current is not None:
            mine = {g for g, owner in self.m.games.items() if owner == self.m.current}
            assert {g.id for g in self.svc.list_games()} == mine

    @invariant()
    def database_integrity(self) -> None:
        conn = sqlite3.connect(self.db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()


ServiceMachine.TestCase.settings = settings(
    max_examples=30, stateful_step_count=50, deadline=None)
test_service_state_machine = ServiceMachine.TestCase

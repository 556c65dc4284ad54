"""Profiles: rules, the shared failure message, lockout with doubling, remember me."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from labelmgr.content import Content
from labelmgr.errors import LabelError
from labelmgr.service import GameService
from labelmgr.storage.passwords import hash_password, verify_password
from tests.service.play import PASSWORD, FakeClock, make_service


def _code(call) -> str:
    with pytest.raises(LabelError) as err:
        call()
    return err.value.code


def test_register_logs_in_and_login_works_any_case(service: GameService):
    user = service.register("Alice_1", PASSWORD)
    assert service.user == user and user.username == "Alice_1"
    service.logout()
    assert service.user is None
    assert service.login("alice_1", PASSWORD) == user


@pytest.mark.parametrize(("name", "password", "code"), [
    ("ab", PASSWORD, "VAL_USERNAME"), ("a" * 33, PASSWORD, "VAL_USERNAME"),
    ("bad name", PASSWORD, "VAL_USERNAME"), ("émile", PASSWORD, "VAL_USERNAME"),
    ("alice", "short12", "VAL_PASSWORD"), ("alice", "x" * 1025, "VAL_PASSWORD")])
def test_register_rules(service: GameService, name: str, password: str, code: str):
    assert _code(lambda: service.register(name, password)) == code
    assert service.list_users() == []


def test_name_taken_in_any_case(service: GameService):
    service.register("alice", PASSWORD)
    assert _code(lambda: service.register("ALICE", PASSWORD)) == "AUTH_USERNAME_TAKEN"


def test_wrong_password_and_unknown_user_get_the_same_message(service: GameService):
    service.register("alice", PASSWORD)
    service.logout()
    messages = []
    for name, pw in (("alice", "wrong password"), ("nobody", "wrong password")):
        with pytest.raises(LabelError) as err:
            service.login(name, pw)
        messages.append((err.value.code, err.value.message))
    assert messages[0] == messages[1] == ("AUTH_INVALID", "Wrong username or password")


def test_unknown_user_pays_the_scrypt_cost(service: GameService, monkeypatch):
    import hashlib

    calls = []
    real = hashlib.scrypt

    def counting(*args, **kwargs):
        calls.append(kwargs["n"])
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    service.register("alice", PASSWORD)
    calls.clear()
    for name in ("alice", "nobody"):
        with pytest.raises(LabelError):
            service.login(name, "wrong password")
    assert calls == [16, 16]


def test_lockout_after_five_failures_doubles(service: GameService, clock: FakeClock):
    service.register("alice", PASSWORD)
    for _ in range(5):
        assert _code(lambda: service.login("alice", "nope nope")) == "AUTH_INVALID"
    with pytest.raises(LabelError) as err:
        service.login("alice", PASSWORD)
    assert err.value.code == "AUTH_LOCKED"
    assert "30 s" in err.value.message
    clock.advance(20)
    with pytest.raises(LabelError) as err:
        service.login("alice", PASSWORD)
    assert "10 s" in err.value.message
    clock.advance(10)
    assert _code(lambda: service.login("alice", "nope nope")) == "AUTH_INVALID"
    with pytest.raises(LabelError) as err:
        service.login("alice", PASSWORD)
    assert err.value.code == "AUTH_LOCKED" and "60 s" in err.value.message
    clock.advance(60)
    assert service.login("alice", PASSWORD).username == "alice"
    service.logout()
    assert _code(lambda: service.login("alice", "nope nope")) == "AUTH_INVALID"
    assert service.login("alice", PASSWORD).username == "alice"  # the count was reset


def test_password_hash_is_salted_scrypt():
    a, b = hash_password("secret pw", 16), hash_password("secret pw", 16)
    assert a != b and a.startswith("scrypt$16$8$1$")
    assert verify_password("secret pw", a) and not verify_password("secret pX", a)
    assert not verify_password("secret pw", "md5$abc")


def test_remember_me_resumes_in_a_new_service(tmp_path: Path, content: Content,
                                              clock: FakeClock):
    first = make_service(tmp_path, content, clock)
    user = first.register("alice", PASSWORD, remember=True)
    token_file = tmp_path / "config" / "session.json"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(token_file.parent.stat().st_mode) == 0o700
    token = json.loads(token_file.read_text())[str(first.db.path)]
    assert token not in (tmp_path / "labelmgr.db").read_bytes().decode("latin-1")
    second = make_service(tmp_path, content, clock)
    assert second.resume() == user
    second.logout()
    assert not token_file.exists()
    third = make_service(tmp_path, content, clock)
    assert third.resume() is None
    for svc in (first, second, third):
        svc.close()


def test_remembered_session_expires_after_30_days(tmp_path: Path, content: Content,
                                                  clock: FakeClock):
    first = make_service(tmp_path, content, clock)
    first.register("alice", PASSWORD, remember=True)
    clock.advance(30 * 24 * 3600 + 1)
    second = make_service(tmp_path, content, clock)
    assert second.resume() is None
    assert not (tmp_path / "config" / "session.json").exists()
    first.close()
    second.close()


def test_login_without_remember_leaves_no_token(tmp_path: Path, content: Content):
    svc = make_service(tmp_path, content)
    svc.register("alice", PASSWORD)
    assert not (tmp_path / "config" / "session.json").exists()
    assert svc.resume() is None
    svc.close()

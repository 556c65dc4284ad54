"""Profiles: register, log in, remembered logins, refusals shown in place."""

from __future__ import annotations

from textual.widgets import Input, Static

from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.menu import MenuScreen
from labelmgr.tui.screens.profile import ProfileScreen
from labelmgr.tui.widgets.controls import FormButton, FormCheckbox, FormInput
from tests.tui.conftest import SIZE, settle


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)


async def _register(pilot, username: str, password: str, again: str) -> None:
    """Switch to registering (ctrl+r first) and submit the three fields with Enter."""
    await pilot.press("ctrl+r")
    for text in (username, password, again):
        await _type(pilot, text)
        await pilot.press("enter")
    await settle(pilot)


async def test_register_asks_twice_and_signs_in(make_service):
    service = make_service()
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        await _type(pilot, "ana")
        await pilot.press("enter")
        await _type(pilot, "secret-pass-1")
        await pilot.press("ctrl+r")
        assert app.screen.query_one("#confirm", Input).has_focus
        assert app.screen.query_one("#profile-box").border_title == "labelmgr · new profile"
        intro = str(app.screen.query_one("#profile-intro", Static).render())
        assert intro == "Making a new profile. Have one? esc goes to log in."
        await _type(pilot, "secret-pass-1")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert service.user is not None and service.user.username == "ana"


async def test_ctrl_r_first_starts_with_the_username(make_service):
    """The profile's hint says "New here? ctrl+r registers": pressed before anything is typed,
    the name field keeps the focus, so the name does not land in the password."""
    service = make_service()
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        assert app.screen.query_one("#username", Input).has_focus
        await _type(pilot, "ana")
        await pilot.press("enter")
        await _type(pilot, "secret-pass-1")
        await pilot.press("enter")
        assert app.screen.query_one("#confirm", Input).has_focus
        await _type(pilot, "secret-pass-1")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert service.user is not None and service.user.username == "ana"


async def test_register_refuses_two_different_passwords(make_service):
    service = make_service()
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await _register(pilot, "ana", "secret-pass-1", "secret-pass-2")
        assert isinstance(app.screen, ProfileScreen)
        status = app.screen.query_one("#profile-status")
        assert "differ" in str(status.render())
        assert status.has_class("-error")
        assert service.user is None
        assert service.list_users() == []


async def test_a_refused_registration_reads_as_a_sentence(make_service):
    """The service words its refusals without a full stop (for the command line too); the
    status line under the form ends each with one, as its other messages do."""
    service = make_service()
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await _register(pilot, "ab", "secret-pass-1", "secret-pass-1")
        status = app.screen.query_one("#profile-status")
        assert str(status.render()) == ("A username has 3 to 32 characters: letters, digits "
                                        "and _ - . only.")
        assert app.screen.query_one("#username", Input).has_focus
        assert service.user is None


async def test_log_in_with_a_wrong_password_shows_why_in_place(make_service):
    service = make_service()
    service.register("ana", "secret-pass-1")
    service.logout()
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await _type(pilot, "ana")
        await pilot.press("enter")
        await _type(pilot, "wrong-pass")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        status = app.screen.query_one("#profile-status")
        assert status.has_class("-error")
        assert str(status.render()) == ("Wrong username or password. New here? Press Register "
                                        "(ctrl+r) to make a profile.")
        assert app.screen.query_one("#password", Input).has_focus
        assert service.user is None
        password = app.screen.query_one("#password", Input)
        assert password.value == ""  # cleared to be typed again, not edited blind
        await _type(pilot, "secret-pass-1")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert service.user.username == "ana"


async def test_a_remembered_login_opens_the_menu_and_log_out_forgets_it(make_service):
    first = make_service()
    first.register("ana", "secret-pass-1", remember=True)
    first.close()
    service = make_service()
    app = make_app(service_factory=lambda: service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert service.user.username == "ana"
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert service.user is None
        assert make_service().resume() is None


async def test_a_login_typed_while_the_database_opens_goes_through(make_service):
    import threading

    service = make_service()
    service.register("ana", "secret-pass-1")
    service.logout()
    gate = threading.Event()

    def slow_factory():
        gate.wait(10)
        return service

    app = make_app(service_factory=slow_factory)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.service is None
        await _type(pilot, "ana")
        await pilot.press("enter")
        await _type(pilot, "secret-pass-1")
        await pilot.press("enter")
        assert "Opening the database" in str(app.screen.query_one("#profile-status").render())
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)


async def test_a_broken_service_closes_the_app_with_its_message():
    from labelmgr.errors import LabelError

    def broken():
        raise LabelError("CONTENT_INVALID", "1 problem(s) in content:\nroles.json: $.x: bad")

    app = make_app(service_factory=broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    assert app.startup_error == "1 problem(s) in content:\nroles.json: $.x: bad"


async def test_an_empty_database_file_is_announced_once(make_service, tmp_path):
    (tmp_path / "empty.db").write_bytes(b"")
    services = []

    def build():
        services.append(make_service("empty.db"))
        return services[-1]

    app = make_app(service_factory=build)  # as the CLI starts: the service comes in a worker
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert [(n.title, n.message) for n in app._notifications] == [
            ("Database", f"The database {tmp_path / 'empty.db'} was empty: it is now a new "
                         "labelmgr database")]
        assert services[0].take_notice() is None


async def test_a_ready_service_shows_its_notice_too(make_service, tmp_path):
    (tmp_path / "empty.db").write_bytes(b"")
    app = make_app(make_service("empty.db"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [n.title for n in app._notifications] == ["Database"]


async def test_tab_order_and_the_buttons_by_keyboard(make_service):
    """Tab goes name, password, remember me, Log in, Register; enter presses a button, space
    ticks the box."""
    service = make_service()
    service.register("ana", "secret-pass-1")
    service.logout()
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        order = []
        for _ in range(5):
            order.append(screen.focused.id)
            await pilot.press("tab")
        assert order == ["username", "password", "remember", "login", "register"]
        assert screen.query_one("#remember", FormCheckbox).value is False
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "space")
        assert screen.focused.id == "remember"
        assert screen.query_one("#remember", FormCheckbox).value is True
        await pilot.press("tab", "tab", "enter")  # Register: the form asks twice
        assert screen.registering
        assert screen.query_one("#confirm", FormInput).display
        assert screen.query_one("#register", FormButton).variant == "primary"
        assert screen.query_one("#login", FormButton).variant == "default"
        await pilot.press("escape")
        assert not screen.registering
        intro = str(screen.query_one("#profile-intro", Static).render())
        assert intro == "Run a young record label. New here? ctrl+r registers."
        screen.query_one("#username", FormInput).value = "ana"
        screen.query_one("#password", FormInput).value = "secret-pass-1"
        screen.query_one("#login", FormButton).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert service.user.username == "ana"
        assert make_service().resume().username == "ana"  # remember me was ticked


async def test_the_buttons_and_the_box_by_mouse(make_service):
    service = make_service()
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.click("#remember")
        assert screen.query_one("#remember", FormCheckbox).value is True
        await pilot.click("#remember")
        assert screen.query_one("#remember", FormCheckbox).value is False
        await pilot.click("#register")
        assert screen.registering
        assert screen.query_one("#username", FormInput).has_focus
        await _type(pilot, "ana")
        await pilot.click("#password")
        await _type(pilot, "secret-pass-1")
        await pilot.click("#confirm")
        await _type(pilot, "secret-pass-1")
        await pilot.click("#register")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert service.user is not None and service.user.username == "ana"


async def test_log_in_by_mouse(make_service):
    service = make_service()
    service.register("ana", "secret-pass-1")
    service.logout()
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _type(pilot, "ana")
        await pilot.click("#password")
        await _type(pilot, "secret-pass-1")
        await pilot.click("#login")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert service.user.username == "ana"

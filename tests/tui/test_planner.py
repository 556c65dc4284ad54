"""Planning a month with the keyboard: meetings with a choice, removal, marketing, refusals."""

from __future__ import annotations

from textual.widgets import OptionList

from labelmgr.content import load_content
from labelmgr.engine import (
    MarketingPush,
    SignArtist,
    StartProject,
    TakeMeeting,
    check_plan,
)
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.modals.choice import (
    ChoiceModal,
    conversation_prompt,
    meeting_prompt,
)
from labelmgr.tui.screens.modals.marketing import MarketingModal
from labelmgr.tui.screens.plan_text import action_lines
from labelmgr.tui.screens.planner import PlannerScreen
from labelmgr.tui.widgets.display import archetype_traits, money
from tests.tui.conftest import SIZE, settle


async def test_plan_a_meeting_with_a_choice_by_keys(make_session):
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, PlannerScreen)
        # the highlight starts on the first meeting (Label manager); Down: Head of A&R
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ChoiceModal)
        assert app.screen.prompt.heading == "The demo pile"
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PlannerScreen)
        assert session.plan == (TakeMeeting("a_and_r", "demo_pile", "listening_session"),)
        assert session.options().free_slots == 2


async def test_number_key_picks_a_choice_and_escape_cancels(make_session):
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "enter", "escape")
        assert isinstance(app.screen, PlannerScreen)
        assert session.plan == ()
        await pilot.press("enter", "3")
        await settle(pilot)
        assert session.plan == (TakeMeeting("manager", "roster_checkin", "leave_them_be"),)


async def test_a_planned_meeting_is_removed_with_x(make_session):
    session = make_session(seed=7)
    session.add(TakeMeeting("producer", "studio_time", "add_two_days"))
    session.add(TakeMeeting("publicist", "press_kit", "blogger_coffees"))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "shift+tab")
        plan_list = app.screen.query_one("#plan-list", OptionList)
        assert plan_list.has_focus
        await pilot.press("down", "x")
        await settle(pilot)
        assert session.plan == (TakeMeeting("producer", "studio_time", "add_two_days"),)


async def test_full_slots_disable_slot_actions(make_session):
    session = make_session(seed=7)
    for role, meeting, choice in (("producer", "studio_time", "add_two_days"),
                                  ("publicist", "press_kit", "blogger_coffees"),
                                  ("a_and_r", "demo_pile", "listening_session")):
        session.add(TakeMeeting(role, meeting, choice))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        actions = app.screen.query_one("#action-list", OptionList)
        assert actions.get_option("meeting:manager").disabled
        assert actions.get_option("talk:mira_vale").disabled
        assert actions.get_option("projects").disabled
        # only the free actions stay open: the highlight lands on signing (no slot)
        assert actions.highlighted_option.id == "roster"
        assert len(session.plan) == 3


async def _open_marketing(pilot) -> None:
    """Open the planner and, from its actions, the marketing push dialog."""
    await pilot.press("m")
    actions = pilot.app.screen.query_one("#action-list", OptionList)
    actions.highlighted = actions.get_option_index("marketing")
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, MarketingModal)


async def test_marketing_push_refusal_shows_in_the_dialog(make_session):
    session = make_session(seed=7)
    session.add(StartProject("single", "mira_vale", "Low Tide"))
    session.advance()
    pid = session.state.projects[0].id
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _open_marketing(pilot)
        spend = app.screen.query_one("#marketing-spend")
        spend.value = "500"
        spend.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MarketingModal)
        assert "2,000" in str(app.screen.query_one("#marketing-error").render())
        assert session.plan == ()
        spend.value = "3000"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlannerScreen)
        assert session.plan == (MarketingPush("pr_push", pid, 3000),)


async def test_marketing_opens_on_the_record_when_there_are_two(make_session):
    """It opened on 'Kind of push' below 'Record' even when the record was the choice to
    make first; with one record in production there is nothing to choose there."""
    session = make_session(seed=7)
    session.add(SignArtist("dario_fenn"))
    session.add(StartProject("ep", "mira_vale", "Low Tide", 3))
    session.advance()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(MarketingModal(session))
        await pilot.pause()
        assert app.screen.query_one("#marketing-kind").has_focus  # one record
        await pilot.press("escape")
        session.add(StartProject("single", "dario_fenn", "High Tide"))
        session.advance()
        assert len(session.options().marketing_targets) == 2
        app.push_screen(MarketingModal(session))
        await pilot.pause()
        assert app.screen.query_one("#marketing-target").has_focus


async def test_x_outside_your_plan_moves_there_first_and_removes_nothing(make_session):
    session = make_session(seed=7)
    session.add(TakeMeeting("producer", "studio_time", "add_two_days"))
    session.add(TakeMeeting("publicist", "press_kit", "blogger_coffees"))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        plan_list = app.screen.query_one("#plan-list", OptionList)
        assert app.screen.query_one("#action-list", OptionList).has_focus
        await pilot.press("x")
        await settle(pilot)
        assert len(session.plan) == 2  # nothing taken out unseen
        assert plan_list.has_focus
        await pilot.press("x")  # now the highlighted (first) planned action goes
        await settle(pilot)
        assert session.plan == (TakeMeeting("publicist", "press_kit", "blogger_coffees"),)
        removed = [n for n in app._notifications if n.title == "Removed from the plan"]
        assert len(removed) == 1
        assert "House producer" in removed[0].message


async def test_enter_on_a_planned_action_says_how_to_change_it(make_session):
    session = make_session(seed=7)
    session.add(TakeMeeting("producer", "studio_time", "add_two_days"))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "shift+tab", "enter")
        await pilot.pause()
        assert [n.message for n in app._notifications] == [
            "x takes it out of the plan; then choose again from Available actions."]
        assert len(session.plan) == 1


async def test_meeting_names_the_artist_it_concerns_and_the_relationship(make_session):
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "enter")  # Label manager: the monthly artist check-in
        prompt = app.screen.prompt
        assert prompt.heading == "Monthly artist check-in"
        assert prompt.title == "Label manager · Roz Achterberg · relationship 50"
        # one artist signed: no picker, the text says who it is about
        assert prompt.artists == ()
        assert prompt.text.endswith(
            "\n\nThis concerns Mira Vale (a visionary: mood effects count ×1.5).")
        hint = app.screen.query(".hint").last()
        assert str(hint.render()) == "↑↓ move · enter choose · 1–3 pick · esc cancel"


async def test_your_plan_shows_every_slot_without_scrolling_at_100x30(make_session):
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m", "enter", "1")  # a meeting whose lines wrap in the panel
        await settle(pilot)
        plan_list = app.screen.query_one("#plan-list", OptionList)
        assert plan_list.option_count == 3  # the meeting and two free slots
        assert plan_list.max_scroll_y == 0  # all of it visible, the last slot included


async def test_the_focused_list_has_a_heavy_border_not_only_a_brighter_one(make_session):
    app = make_app(session=make_session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        plan_list = app.screen.query_one("#plan-list", OptionList)
        actions = app.screen.query_one("#action-list", OptionList)
        assert (actions.styles.border_top[0], plan_list.styles.border_top[0]) == (
            "heavy", "round")
        await pilot.press("shift+tab")
        await pilot.pause()
        assert (actions.styles.border_top[0], plan_list.styles.border_top[0]) == (
            "round", "heavy")


def test_archetype_traits_read_the_contents_numbers():
    archetypes = load_content().balance.artists.archetypes
    assert {name: archetype_traits(a) for name, a in archetypes.items()} == {
        "visionary": "+4 song quality · mood changes ×1.5",
        "workhorse": "mood changes ×0.7 · records 1 month sooner",
        "trendsetter": "−2 song quality · mood changes ×1.2 · +15% first-month streams",
    }


def test_a_mood_effect_is_shown_with_the_artists_swing_and_lands_scaled(make_session):
    """The check-in's "−2 artist mood" is a choice's figure; Mira Vale is a visionary, so the
    prompt says mood effects count ×1.5 for her, and her mood moves by 3."""
    session = make_session(seed=7)
    prompt = meeting_prompt(session, "manager").prompt
    assert prompt.text.endswith(
        "This concerns Mira Vale (a visionary: mood effects count ×1.5).")
    goals = next(o for o in prompt.choices if o.choice.id == "set_goals")
    assert "-2 artist mood" in goals.immediate
    before = session.state.artist("mira_vale").mood
    session.add(TakeMeeting("manager", "roster_checkin", "set_goals"))
    report = session.advance()
    line = next(e.text for e in report.events if e.text.startswith("Mira Vale's mood"))
    assert line == (f"Mira Vale's mood {before} → {before - 3} (Label manager: “Sit down and "
                    "set quarterly goals”)")


def test_conversations_and_the_artist_picker_name_each_artists_swing(make_session):
    session = make_session(seed=7)
    talk = conversation_prompt(session, "mira_vale").prompt
    assert talk.text.endswith("\n\nMira Vale is a visionary: mood effects count ×1.5.")
    session.add(SignArtist("tomas_reyne"))
    session.advance()
    while not any(m.meeting.concerns_artist for m in session.options().meetings):
        session.advance()
    role = next(m.role.id for m in session.options().meetings if m.meeting.concerns_artist)
    assert dict(meeting_prompt(session, role).prompt.artists) == {
        "mira_vale": "Mira Vale · mood ×1.5", "tomas_reyne": "Tomas Reyne · mood ×0.7"}


async def test_tab_goes_from_the_actions_to_the_plan_and_its_highlight_stays_in_view(
        make_session):
    """Tab from Available actions ("tab your plan") first focused the invisible scrolling
    box around the plan, so x then only said to highlight an action in Your plan. It goes to
    the plan itself; at 80x24, where the plan is taller than its box, the box scrolls to
    keep the highlighted action in view."""
    session = make_session(seed=7)
    for meeting in session.options().meetings[:3]:
        choice = next(c for c in meeting.choices if c.gate is None)
        session.add(TakeMeeting(meeting.role.id, meeting.meeting.id, choice.choice.id))
    session.add(SignArtist("ezra_lumen"))
    app = make_app(session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "tab")
        plan_list = app.screen.query_one("#plan-list", OptionList)
        box = app.screen.query_one("#plan-left")
        assert app.focused is plan_list
        assert box.max_scroll_y > 0
        await pilot.press("end")
        await settle(pilot)
        last = plan_list.option_count - 1
        assert plan_list.highlighted == last
        assert box.scroll_y > 0
        await pilot.press("home")
        await settle(pilot)
        assert box.scroll_y == 0
        await pilot.press("x")
        assert len(session.plan) == 3


async def test_the_artist_picker_names_the_artist_it_falls_back_to(make_session, content):
    """Left alone, the picker reads "The most popular artist" without saying who that is;
    it names the artist the engine will pick."""
    session = make_session(seed=7)
    session.add(SignArtist("tomas_reyne"))
    session.advance()
    while not any(m.meeting.concerns_artist for m in session.options().meetings):
        session.advance()
    offer = next(m for m in session.options().meetings if m.meeting.concerns_artist)
    choice = next(c.choice.id for c in offer.choices if c.gate is None)
    meeting = TakeMeeting(offer.role.id, offer.meeting.id, choice)
    picked = check_plan(session.state, [meeting], content).meeting_artists[0]
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(meeting_prompt(session, offer.role.id))
        await settle(pilot)
        picker = app.screen.query_one("#choice-artist")
        name = content.artist_by_id[picked].name
        assert picker.prompt == f"The most popular artist ({name})"


def test_a_choice_with_only_later_effects_reads_without_a_stray_separator(make_session):
    """A choice whose effects all come later read "· later: +2 creative capital · …" in the
    plan and the advance dialog, a separator in front of nothing."""
    session = make_session(seed=7)
    action = TakeMeeting("manager", "roster_checkin", "leave_them_be")
    session.add(action)
    first, second = action_lines(session, session.options(), action)
    assert first.endswith("→ [b]Leave them to it this month[/b]")
    assert second.startswith("later: ")
    meeting = next(m for m in session.options().meetings if m.role.id == "a_and_r")
    both = next(o for o in meeting.choices if o.immediate and o.delayed)
    session.add(TakeMeeting("a_and_r", meeting.meeting.id, both.choice.id))
    _, second = action_lines(session, session.options(), session.plan[-1])
    assert " · later: " in second and not second.startswith(" · ")


async def test_a_conversation_reads_talk_with_in_the_list_as_in_its_dialog_and_the_plan(
        make_session):
    """The list said 'Talk to Mira Vale', its dialog, the plan and the report 'Talk with'."""
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        actions = app.screen.query_one("#action-list", OptionList)
        entry = str(actions.get_option("talk:mira_vale").prompt)
        assert entry.startswith("Talk with Mira Vale · ")
        actions.highlighted = actions.get_option_index("talk:mira_vale")
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceModal)
        assert app.screen.prompt.title == "Talk with Mira Vale"
        await pilot.press("1")
        await settle(pilot)
        plan = app.screen.query_one("#plan-list", OptionList)
        assert str(plan.get_option_at_index(0).prompt).startswith("1 Talk with Mira Vale → ")


async def test_at_80x24_the_title_warns_of_bankruptcy_without_scrolling(make_session):
    """The money panel's warning sat below the plan, out of sight at 80x24: the title,
    always in view, carries a one-line form of it (and the panel no longer repeats it)."""
    session = make_session(seed=7, difficulty="hard")
    session.add(StartProject("ep", "juno_sparks", "All In", song_count=5,
                             budget_per_song=8000))  # every dollar of the $40,000
    app = make_app(session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        title = app.screen.query_one("#plan-title")
        assert str(title.render()).splitlines()[2] == (
            "! Money can go below $0: while it is negative, spending is refused.")
        assert "!" not in str(app.screen.query_one("#outlook").render())
        session.advance()  # below $0 now: the next month's overheads can sink the label
        assert session.state.money < 0
        app.screen.refresh_view()
        assert str(title.render()).splitlines()[2] == (
            "! Bankruptcy risk: below −$10,000 when the month ends, the campaign ends.")
        assert title.region.bottom <= app.screen.query_one("#plan-left").region.y
        assert "!" not in str(app.screen.query_one("#outlook").render())


async def test_with_money_below_zero_the_title_and_a_refusal_say_so_as_screens_do(
        make_session):
    """With money already below $0 the planner said "This plan can take the label below
    $0", as if it were not there yet; it says it is. A refused push read "(-$830)" with
    a hyphen and no full stop, unlike the screen around it: it reads "(−$830)" and ends
    with one."""
    session = make_session(seed=7, difficulty="hard")
    session.add(SignArtist("hattie_crane"))  # free next month, to start a record with
    session.add(StartProject("ep", "juno_sparks", "Most In", song_count=5,
                             budget_per_song=6200))
    session.advance()
    money_now = session.state.money
    assert money_now < 0 and not session.outlook().bankruptcy_risk
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _open_marketing(pilot)
        await pilot.press("tab", "enter")  # the spend field's $2,000
        await settle(pilot)
        assert str(app.screen.query_one("#marketing-error").render()) == (
            f"PR push costs $2,000, but the label's money is negative ({money(money_now)}): "
            "nothing that spends money until it recovers.")
        await pilot.press("escape")
        title = str(app.screen.query_one("#plan-title").render())
        assert title.splitlines()[2] == (
            "! Money is below $0: nothing that spends money until it recovers.")
        await pilot.press("p", "c", "tab", "tab", *"Next", "ctrl+s")  # the form says it too
        await settle(pilot)
        shown = " ".join(str(w.render()) for w in app.screen.query(".pf-error, #pf-message"))
        assert f"negative ({money(money_now)})" in shown


async def test_at_80x24_a_meeting_opens_at_its_heading_and_arrows_reach_the_choices(
        make_session):
    """The dialog opened scrolled down to its choices: the heading and the start of the
    situation were out of sight. It opens at the top; the highlight, as it moves down,
    scrolls the choices into view."""
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "enter")
        await settle(pilot)
        box = app.screen.query_one("#choice-scroll")
        heading = app.screen.query_one("#choice-heading")
        assert box.max_scroll_y > 0  # taller than the screen
        assert box.scroll_y == 0
        assert box.region.contains_region(heading.region)
        await pilot.press("down", "down")
        await settle(pilot)
        choices = app.screen.query_one("#choice-list", OptionList)
        assert choices.highlighted == 2
        assert box.scroll_y > 0
        third = choices.region.y + 1 + 6  # under the border and two 3-line choices
        assert box.region.y <= third and third + 3 <= box.region.bottom

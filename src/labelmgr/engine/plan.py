"""Checking a month's plan before it resolves: every rule that can refuse an action.

``check_plan`` walks the plan in resolution order (event answer, signings, then the slot
actions in order), keeping a running tally of cash, creative capital, slots and roster
places, and raises ``LabelError`` at the first action that cannot be done, naming it.
The same walk gives the planner its running totals, so what the planner shows and what the
month charges never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from operator import is_
from typing import Any

from labelmgr.content import Content
from labelmgr.content.models import Choice
from labelmgr.engine.actions import (
    Action,
    MarketingPush,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
)
from labelmgr.engine.rules.choices import ChoiceTerms, terms_by_id
from labelmgr.engine.rules.costs import action_money
from labelmgr.engine.rules.gates import requirement_gap
from labelmgr.engine.rules.offers import gate_context, offered_conversations, offered_meetings
from labelmgr.engine.rules.pricing import budget_bounds, project_price
from labelmgr.engine.state import GameState
from labelmgr.errors import LabelError
from labelmgr.wording import a_or_an, dollars

MAX_TITLE = 60
"""Longest project title, in characters."""


@dataclass(slots=True)
class PlanCheck:
    """Running totals of a valid plan."""

    slots_used: int = 0
    money_after: int = 0
    creative_capital_after: int = 0
    spend: int = 0
    meeting_artists: dict[int, str | None] = field(default_factory=dict)

    def copy(self) -> PlanCheck:
        """An independent copy."""
        return PlanCheck(self.slots_used, self.money_after, self.creative_capital_after,
                         self.spend, dict(self.meeting_artists))


def ordered(actions: Sequence[Action]) -> list[tuple[int, Action]]:
    """Actions with their plan index, in resolution order."""
    first: list[tuple[int, Action]] = []
    signs: list[tuple[int, Action]] = []
    rest: list[tuple[int, Action]] = []
    for i, a in enumerate(actions):
        kind = type(a)
        (first if kind is ResolveEvent else signs if kind is SignArtist else rest).append((i, a))
    return first + signs + rest


def most_popular_artist(state: GameState, extra: Sequence[str] = ()) -> str | None:
    """The default artist of a meeting that concerns one: highest popularity, then id
    (artists in ``extra``, signed by the plan, count with popularity 0)."""
    keys = [(0, i) for i in extra] if extra else []
    if _LAST_POPULAR.state is not state:
        _LAST_POPULAR.state = state
        _LAST_POPULAR.key = min(((-a.popularity, a.id) for a in state.artists), default=None)
    if _LAST_POPULAR.key is not None:
        keys.append(_LAST_POPULAR.key)
    return min(keys)[1] if keys else None


class _LastPopular:
    """The most popular signed artist's sort key in the last state asked about (states are
    immutable: the planner asks about the same one for every meeting it checks)."""

    __slots__ = ("key", "state")

    def __init__(self) -> None:
        self.state: GameState | None = None
        self.key: tuple[int, str] | None = None


_LAST_POPULAR = _LastPopular()


def _fail(code: str, message: str, index: int) -> LabelError:
    return LabelError(code, message, {"index": index})


class _Walk:
    """The running state of a plan walk."""

    __slots__ = ("_busy", "_conversations", "_meetings", "_released", "check", "content",
                 "roles", "signed", "state", "talked")

    def __init__(self, state: GameState, content: Content) -> None:
        self.state = state
        self.content = content
        self.check = PlanCheck(money_after=state.money,
                               creative_capital_after=state.creative_capital)
        self.signed: list[str] = []
        self._busy: set[str] | None = None
        self.roles: set[str] = set()
        self.talked: set[str] = set()
        self._meetings: dict | None = None
        self._conversations: dict | None = None
        self._released: int | None = None

    @property
    def busy(self) -> set[str]:
        """Artists with a project in production or a tour booked (and those planned)."""
        if self._busy is None:
            self._busy = {p.artist_id for p in self.state.projects if p.active}
        return self._busy

    @property
    def meetings(self) -> dict:
        if self._meetings is None:
            self._meetings = offered_meetings(self.state, self.content)
        return self._meetings

    @property
    def conversations(self) -> dict:
        if self._conversations is None:
            self._conversations = offered_conversations(self.state, self.content)
        return self._conversations

    def on_roster(self, artist_id: str) -> bool:
        """Whether the artist is signed, or signed by the plan so far."""
        return artist_id in self.signed or self.state.artist(artist_id) is not None

    def roster_size(self) -> int:
        """Artists signed, and those the plan signs so far (a signing never repeats one)."""
        return len(self.state.artists) + len(self.signed)

    def copy(self) -> _Walk:
        """An independent copy of the walk so far (to try several continuations)."""
        other = _Walk.__new__(_Walk)
        other.state, other.content = self.state, self.content
        other.check = self.check.copy()
        other.signed = list(self.signed)
        other._busy = None if self._busy is None else set(self._busy)
        other.roles, other.talked = set(self.roles), set(self.talked)
        other._meetings, other._conversations = self._meetings, self._conversations
        other._released = self._released
        return other

    def step(self, index: int, action: Action) -> None:
        """Check one action (in resolution order) and add it to the running totals.

        A refused action leaves the walk as it was: every check makes its refusals before
        it changes the walk's sets and lists (a test holds each check to it), so only the
        four running totals are put back.
        """
        c = self.check
        before = c.slots_used, c.money_after, c.creative_capital_after, c.spend
        try:
            if action.uses_slot:
                c.slots_used += 1
                if c.slots_used > self.state.focus_slots:
                    raise _fail("GAME_NO_SLOTS",
                                f"All {self.state.focus_slots} focus slots are already planned",
                                index)
            found = _CHECKS.get(type(action))
            if found is None:
                raise _fail("VAL_ACTION", f"{action!r} is not a player action", index)
            check, plain = found
            if not plain(action):
                check_field_types(action, index)
            check(self, action, index)
        except LabelError:
            c.slots_used, c.money_after, c.creative_capital_after, c.spend = before
            raise

    def pay(self, money: int, index: int, what: str, detail: str | None = None) -> None:
        """Charge a cost against the cash left after the plan so far (``what`` names it in a
        refusal; with a ``detail``, as “what” (detail), built only then)."""
        if money >= 0:
            self.check.money_after += money
            return
        cost = -money
        if self.state.money < 0:
            raise _fail("GAME_MONEY_NEGATIVE",
                        f"{_named(what, detail)} costs ${cost:,}, but the label's money is "
                        f"negative ({dollars(self.state.money)}): nothing that spends money "
                        "until it recovers",
                        index)
        if cost > self.check.money_after:
            raise _fail("GAME_NO_MONEY",
                        f"{_named(what, detail)} costs ${cost:,}; only "
                        f"${max(self.check.money_after, 0):,} is left after this month's plan",
                        index)
        self.check.money_after -= cost
        self.check.spend += cost

    def _gate(self, choice: Choice, index: int, role_id: str | None) -> None:
        if self._released is None:
            self._released = self.state.released_song_count
        ctx = gate_context(self.state, role_id=role_id, money=self.check.money_after,
                           creative_capital=self.check.creative_capital_after,
                           released_songs=self._released)
        gap = requirement_gap(choice.requires, ctx)
        if gap is not None:
            raise _fail("GAME_CHOICE_LOCKED", f"“{choice.label}” {gap}", index)

    def choice_gate(self, terms: ChoiceTerms, index: int, role_id: str | None,
                    what: str) -> None:
        choice, gated, cc, money = terms
        if gated:
            self._gate(choice, index, role_id)
        if self.check.creative_capital_after + cc < 0:
            raise _fail("GAME_NO_CREATIVE_CAPITAL",
                        f"“{choice.label}” needs {-cc} creative capital; "
                        f"{self.check.creative_capital_after} left", index)
        self.check.creative_capital_after += cc
        if money:
            self.pay(money, index, choice.label, what)


def _named(what: str, detail: str | None) -> str:
    """What a refused payment is for: ``what``, or “what” (detail)."""
    return what if detail is None else f"“{what}” ({detail})"


def check_plan(state: GameState, actions: Sequence[Action], content: Content) -> PlanCheck:
    """Validate a whole plan; returns its running totals.

    Raises:
        LabelError: ``GAME_CAMPAIGN_OVER`` when the campaign is complete (and no career),
            ``VAL_*`` for malformed actions, ``GAME_*`` for what the rules refuse; the
            ``index`` detail names the offending action.
    """
    _refuse_finished(state)
    grown = _LAST_GROWN.plan
    if (grown is not None and grown._full.state is state and grown._full.content is content
            and len(grown.actions) == len(actions)
            and all(map(is_, grown.actions, actions))):  # same length: checked above
        return grown.check.copy()
    walk = _Walk(state, content)
    events = [a for a in actions if isinstance(a, ResolveEvent)]
    if len(events) > 1:
        raise _fail("VAL_DUPLICATE_EVENT", "The event can only be answered once", 0)
    for index, action in ordered(actions):
        walk.step(index, action)
    return walk.check


class GrowingPlan:
    """A valid plan that grows one action at a time, giving the same answers as
    ``check_plan(state, [*actions, action], content)`` but walking only what the new action
    can change (the action itself; for a signing, the slot actions after it; for the event
    answer, the whole plan). ``with_action`` returns a longer plan and leaves this one as it
    is; ``add`` grows this plan in place (no copy of the walk), which a refused action leaves
    as it was.
    """

    __slots__ = ("_full", "_has_event", "_start", "actions")

    def __init__(self, state: GameState, content: Content) -> None:
        """The empty plan.

        Raises:
            LabelError: ``GAME_CAMPAIGN_OVER`` as ``check_plan``.
        """
        _refuse_finished(state)
        self.actions: tuple[Action, ...] = ()
        self._full = _Walk(state, content)
        self._start: _Walk | None = self._full  # None: the empty walk (see _start_walk)
        self._has_event = False
        _LAST_GROWN.plan = self

    @property
    def check(self) -> PlanCheck:
        """The running totals of the plan (read only)."""
        return self._full.check

    def with_action(self, action: Action) -> GrowingPlan:
        """The plan with ``action`` appended (this plan is unchanged).

        Raises:
            LabelError: what ``check_plan`` raises for the longer plan.
        """
        out = GrowingPlan.__new__(GrowingPlan)
        out._start, out._full = self._walks_with(action)
        out.actions = (*self.actions, action)
        out._has_event = self._has_event or type(action) is ResolveEvent
        _LAST_GROWN.plan = out
        return out

    def add(self, action: Action) -> None:
        """Append ``action`` to this plan.

        Raises:
            LabelError: what ``check_plan`` raises for the longer plan; the plan is then
                unchanged.
        """
        kind = type(action)
        if kind is ResolveEvent or kind is SignArtist:
            self._start, self._full = self._walks_with(action)
            self._has_event = self._has_event or kind is ResolveEvent
        else:
            if self._full is self._start:  # the full walk moves on alone
                self._start = None
            self._full.step(len(self.actions), action)
        self.actions = (*self.actions, action)
        _LAST_GROWN.plan = self

    def _start_walk(self) -> _Walk:
        """The walk of the plan's event answer and signings, which a signing redoes the plan
        from. The plan lets it go only while it holds slot actions alone (the first one
        moves the shared walk on), so it is then the empty walk."""
        if self._start is None:
            self._start = _Walk(self._full.state, self._full.content)
        return self._start

    def _walks_with(self, action: Action) -> tuple[_Walk | None, _Walk]:
        """New start and full walks of the plan with ``action`` appended (this plan's walks
        are not changed; the start walk may be shared, or None as this plan's)."""
        index = len(self.actions)
        kind = type(action)
        if kind is ResolveEvent:
            if self._has_event:
                raise _fail("VAL_DUPLICATE_EVENT", "The event can only be answered once", 0)
            start = _Walk(self._full.state, self._full.content)
            seq = ordered([*self.actions, action])
            split = _prefix_length(seq)
            for i, a in seq[:split]:
                start.step(i, a)
            full = start.copy()
            for i, a in seq[split:]:
                full.step(i, a)
        elif kind is SignArtist:
            start = self._start_walk().copy()
            start.step(index, action)
            full = start.copy()
            for i, a in enumerate(self.actions):
                if type(a) is not ResolveEvent and type(a) is not SignArtist:
                    full.step(i, a)
        else:
            # never hand on this plan's full walk as a start: ``add`` moves it on in place
            start = None if self._start is self._full else self._start
            full = self._full.copy()
            full.step(index, action)
        return start, full


class _LastGrown:
    """The plan ``GrowingPlan`` built last: ``check_plan`` hands back its totals when asked
    about the very same state, content and action objects (as ``advance_month`` is, right
    after a policy or the planner grew the plan), instead of walking it again."""

    __slots__ = ("plan",)

    def __init__(self) -> None:
        self.plan: GrowingPlan | None = None


_LAST_GROWN = _LastGrown()


def _refuse_finished(state: GameState) -> None:
    """No month is planned in a finished game; the message says whether a career can follow
    (a bankrupt label's game is over for good)."""
    if not state.finished:
        return
    if state.career_ended:
        message = "The label went bankrupt in its career: this game is over"
    elif state.went_bankrupt:
        message = "The label went bankrupt: this game is over"
    else:
        message = "The campaign is over: start the label's career to keep playing"
    raise LabelError("GAME_CAMPAIGN_OVER", message)


def _prefix_length(seq: Sequence[tuple[int, Action]]) -> int:
    """How many of the ordered actions are the event answer and signings."""
    return next((k for k, (_, a) in enumerate(seq)
                 if not isinstance(a, ResolveEvent | SignArtist)), len(seq))


def signing_gates(state: GameState, actions: Sequence[Action], content: Content,
                  artist_ids: Sequence[str]) -> dict[str, str | None]:
    """For each artist, why ``[*actions, SignArtist(artist)]`` is refused (None = it passes).

    The same answers as calling ``check_plan`` once per artist, walking the shared start of
    the plan (its event answer and signings) only once. ``actions`` must be a valid plan.
    """
    seq = ordered(actions)
    split = _prefix_length(seq)
    start = _Walk(state, content)
    for index, action in seq[:split]:
        start.step(index, action)
    out: dict[str, str | None] = {}
    spare: _Walk | None = None
    for artist_id in artist_ids:
        walk = spare or start.copy()
        spare = None
        try:
            walk.step(len(actions), SignArtist(artist_id))
        except LabelError as exc:
            out[artist_id] = exc.message
            spare = walk  # a refused signing leaves the walk as it was (see _Walk.step)
            continue
        try:
            for index, action in seq[split:]:
                walk.step(index, action)
            out[artist_id] = None
        except LabelError as exc:
            out[artist_id] = exc.message
    return out


WHOLE_FIELDS: dict[str, str] = {"song_count": "VAL_SONG_COUNT", "budget_per_song": "VAL_BUDGET",
                                "cities": "VAL_CITIES", "spend": "VAL_SPEND",
                                "project_id": "VAL_PROJECT"}
"""Action fields that hold whole numbers, with the code of their refusal."""


def check_field_types(action: Action, index: int = 0) -> None:
    """Refuse an action whose fields have the wrong type (text for a number, a fraction...).

    Raises:
        LabelError: the field's ``VAL_`` code (``VAL_ACTION`` for text fields).
    """
    for name, may_be_none, whole in _field_kinds(type(action)):
        value = getattr(action, name)
        if value is None and may_be_none:
            continue
        if whole:
            if not isinstance(value, int) or isinstance(value, bool):
                raise _fail(WHOLE_FIELDS[name], f"{name.replace('_', ' ').capitalize()} "
                            f"must be a whole number, not {value!r}", index)
        elif not isinstance(value, str):
            raise _fail("VAL_TITLE" if name == "title" else "VAL_ACTION",
                        f"{name.replace('_', ' ').capitalize()} must be text, not {value!r}",
                        index)


@cache
def _plain_types(cls: type) -> Callable[[Action], bool]:
    """A quick test, written out for an action class, that every field holds exactly an
    ``int`` or a ``str`` as ``check_field_types`` wants (or None where it allows None);
    False sends the action to ``check_field_types``, which refuses it or lets a subclass
    of ``int`` or ``str`` through."""
    terms = []
    for name, may_be_none, whole in _field_kinds(cls):
        want = "int" if whole else "str"
        term = f"type(a.{name}) is {want}"
        terms.append(f"({term} or a.{name} is None)" if may_be_none else term)
    scope: dict[str, object] = {}
    exec(f"def plain(a):\n    return {' and '.join(terms) or 'True'}", scope)  # noqa: S102
    return scope["plain"]  # type: ignore[return-value]


@cache
def _field_kinds(cls: type) -> tuple[tuple[str, bool, bool], ...]:
    """(name, None allowed, whole number) for each field of an action class (remembered:
    ``dataclasses.fields`` is slow, and plans are checked many times)."""
    return tuple((f.name, f.default is None, f.name in WHOLE_FIELDS)
                 for f in fields(cls))  # type: ignore[arg-type]


def _check_event(walk: _Walk, a: ResolveEvent, index: int) -> None:
    pending = walk.state.pending_event
    if pending is None:
        raise _fail("GAME_NO_EVENT", "There is no event waiting for a decision", index)
    event = walk.content.event_by_id[pending.event_id]
    terms = terms_by_id(event.choices).get(a.choice_id)
    if terms is None:
        raise _fail("VAL_UNKNOWN_CHOICE", f"“{event.title}” has no choice {a.choice_id!r}", index)
    walk.choice_gate(terms, index, None, event.title)


def _check_sign(walk: _Walk, a: SignArtist, index: int) -> None:
    """Every refusal comes before any change to the walk (``signing_gates`` relies on it)."""
    spec = walk.content.artist_by_id.get(a.artist_id)
    if spec is None:
        raise _fail("VAL_UNKNOWN_ARTIST", f"There is no artist {a.artist_id!r}", index)
    if walk.on_roster(a.artist_id):
        raise _fail("GAME_ALREADY_SIGNED", f"{spec.name} is already on the roster", index)
    if a.artist_id in walk.state.departed:
        raise _fail("GAME_ARTIST_GONE", f"{spec.name} left the label and will not come back",
                    index)
    if walk.roster_size() >= walk.state.roster_places:
        raise _fail("GAME_ROSTER_FULL",
                    f"The roster is full ({walk.state.roster_places} places); more places come "
                    "with reputation", index)
    walk.pay(-spec.signing_cost, index, f"Signing {spec.name}")
    walk.signed.append(a.artist_id)


def _check_meeting(walk: _Walk, a: TakeMeeting, index: int) -> None:
    role = walk.content.role_by_id.get(a.role_id)
    if role is None:
        raise _fail("VAL_UNKNOWN_ROLE", f"There is no executive {a.role_id!r}", index)
    if a.role_id in walk.roles:
        raise _fail("GAME_MEETING_TWICE", f"You already meet {role.name} this month", index)
    offered = walk.meetings.get(a.role_id)
    if offered is None or offered.id != a.meeting_id:
        raise _fail("GAME_MEETING_NOT_OFFERED",
                    f"{role.name} has no meeting {a.meeting_id!r} this month", index)
    terms = terms_by_id(offered.choices).get(a.choice_id)
    if terms is None:
        raise _fail("VAL_UNKNOWN_CHOICE", f"“{offered.title}” has no choice {a.choice_id!r}",
                    index)
    artist = None
    if offered.concerns_artist:
        artist = a.artist_id or most_popular_artist(walk.state, walk.signed)
        if artist is None or not walk.on_roster(artist):
            raise _fail("GAME_NO_ARTIST", f"“{offered.title}” needs a signed artist", index)
    walk.choice_gate(terms, index, a.role_id, role.title)
    walk.roles.add(a.role_id)
    walk.check.meeting_artists[index] = artist


def _check_talk(walk: _Walk, a: TalkToArtist, index: int) -> None:
    if a.artist_id not in {x.id for x in walk.state.artists}:
        raise _fail("GAME_NOT_SIGNED", f"{a.artist_id!r} is not on the roster", index)
    if a.artist_id in walk.talked:
        raise _fail("GAME_TALK_TWICE", "One conversation per artist a month", index)
    conv = walk.conversations.get(a.artist_id)
    if conv is None or conv.id != a.conversation_id:
        raise _fail("GAME_CONVERSATION_NOT_OFFERED",
                    f"That conversation is not on the table this month ({a.conversation_id!r})",
                    index)
    terms = terms_by_id(conv.choices).get(a.choice_id)
    if terms is None:
        raise _fail("VAL_UNKNOWN_CHOICE", f"“{conv.title}” has no choice {a.choice_id!r}", index)
    walk.choice_gate(terms, index, None, conv.title)
    walk.talked.add(a.artist_id)


def _check_project(walk: _Walk, a: StartProject, index: int) -> None:
    content, state = walk.content, walk.state
    b = content.balance
    title = a.title.strip()
    if not title:
        raise _fail("VAL_TITLE", "A project needs a title", index)
    if len(title) > MAX_TITLE:
        raise _fail("VAL_TITLE", f"A title has at most {MAX_TITLE} characters, not {len(title)}",
                    index)
    if not title.isprintable():
        raise _fail("VAL_TITLE", "A title cannot hold tabs, line breaks or other control "
                    "characters", index)
    if not walk.on_roster(a.artist_id):
        raise _fail("GAME_NOT_SIGNED", f"{a.artist_id!r} is not on the roster", index)
    name = content.artist_by_id[a.artist_id].name
    if a.artist_id in walk.busy:
        raise _fail("GAME_ARTIST_BUSY", f"{name} is already busy with a project", index)
    if a.project_kind == "mini_tour":
        _check_tour(walk, a, index)
    elif a.project_kind in b.projects.types:
        _check_record(walk, a, index)
    else:
        raise _fail("VAL_PROJECT_KIND", f"Unknown project kind {a.project_kind!r}", index)
    walk.pay(action_money(content, state, a), index, f"“{title}”")
    walk.busy.add(a.artist_id)


def _check_record(walk: _Walk, a: StartProject, index: int) -> None:
    content, state = walk.content, walk.state
    b = content.balance
    ptype = b.projects.types[a.project_kind]
    if not ptype.min_songs <= a.song_count <= ptype.max_songs:
        raise _fail("VAL_SONG_COUNT", f"{a_or_an(ptype.name)} has {ptype.min_songs} to "
                    f"{ptype.max_songs} songs, not {a.song_count}", index)
    tier = content.producer_tier_by_id.get(a.producer_tier)
    if tier is None:
        raise _fail("VAL_PRODUCER_TIER", f"Unknown producer tier {a.producer_tier!r}", index)
    if a.producer_tier not in state.producer_tiers:
        raise _fail("GAME_TIER_LOCKED", f"{tier.name} producers need reputation "
                    f"{tier.unlock_reputation}", index)
    if a.time_investment not in content.time_investment_by_id:
        raise _fail("VAL_TIME_INVESTMENT", f"Unknown time investment {a.time_investment!r}",
                    index)
    if (a.producer_tier, a.time_investment) in b.projects.forbidden_combinations:
        raise _fail("GAME_COMBINATION", f"{a_or_an(tier.name)} producer will not work "
                    f"{a.time_investment}", index)
    if a.budget_per_song is not None:
        price = project_price(b, a.project_kind, a.song_count, a.producer_tier,
                              a.time_investment)
        lo, hi = budget_bounds(b, price, a.song_count)
        if not lo <= a.budget_per_song <= hi:
            raise _fail("VAL_BUDGET", f"The budget per song must be between ${lo:,} and "
                        f"${hi:,}", index)


def _check_tour(walk: _Walk, a: StartProject, index: int) -> None:
    b = walk.content.balance
    venues = [v.id for v in b.tours.venues]
    if a.venue not in venues:
        raise _fail("VAL_VENUE", f"Unknown venue {a.venue!r}", index)
    ladder = [s.id for s in b.access.venue]
    if ladder.index(walk.state.access.venue) < ladder.index(a.venue):
        raise _fail("GAME_VENUE_LOCKED", f"The label cannot book {a.venue} yet (venue access: "
                    f"{walk.state.access.venue})", index)
    lo, hi = b.tours.cities
    if not lo <= a.cities <= hi:
        raise _fail("VAL_CITIES", f"A mini-tour visits {lo} to {hi} cities", index)


def _check_marketing(walk: _Walk, a: MarketingPush, index: int) -> None:
    kind = walk.content.balance.marketing.get(a.push_kind)
    if kind is None:
        raise _fail("VAL_MARKETING_KIND", f"Unknown marketing kind {a.push_kind!r}", index)
    lo, hi = kind.spend
    if not lo <= a.spend <= hi:
        raise _fail("VAL_SPEND", f"{a_or_an(kind.name)} spends ${lo:,} to ${hi:,}", index)
    project = walk.state.project(a.project_id)
    if project is None or project.is_tour or project.stage != "production":
        raise _fail("GAME_NO_RECORD", "Marketing needs a record still in production", index)
    walk.pay(-a.spend, index, kind.name)


_CHECKS: dict[type, tuple[Callable[[_Walk, Any, int], None], Callable[[Action], bool]]] = {
    cls: (check, _plain_types(cls)) for cls, check in (
        (ResolveEvent, _check_event),
        (SignArtist, _check_sign),
        (TakeMeeting, _check_meeting),
        (TalkToArtist, _check_talk),
        (StartProject, _check_project),
        (MarketingPush, _check_marketing),
    )}
"""Each player action's check, with its quick field-type test (``_plain_types``)."""

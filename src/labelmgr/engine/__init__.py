"""The rules of labelmgr: pure and deterministic. One month in, one month out.

No I/O, no clock, no UI or database imports; content arrives as validated models.
"""

from labelmgr.engine.actions import (
    Action,
    MarketingPush,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
)
from labelmgr.engine.events import GameEvent
from labelmgr.engine.month import MonthResult, advance_month, advance_state, start_career
from labelmgr.engine.newgame import new_game
from labelmgr.engine.options import (
    Candidates,
    MoneyOutlook,
    Options,
    ProjectPreview,
    budget_range,
    money_outlook,
    plan_candidates,
    plan_options,
    preview_project,
)
from labelmgr.engine.plan import GrowingPlan, PlanCheck, check_plan
from labelmgr.engine.report import MonthReport
from labelmgr.engine.rules.scoring import BADGES
from labelmgr.engine.seedcode import MAX_SEED, parse_seed_code, seed_code
from labelmgr.engine.serialize import (
    action_from_dict,
    action_to_dict,
    event_from_dict,
    event_to_dict,
    state_from_dict,
    state_to_dict,
)
from labelmgr.engine.songs import Song, SongTable
from labelmgr.engine.state import Artist, GameState, LedgerEntry, Project, Results

__all__ = [
    "BADGES",
    "MAX_SEED",
    "Action",
    "Artist",
    "Candidates",
    "GameEvent",
    "GameState",
    "GrowingPlan",
    "LedgerEntry",
    "MarketingPush",
    "MoneyOutlook",
    "MonthReport",
    "MonthResult",
    "Options",
    "PlanCheck",
    "Project",
    "ProjectPreview",
    "ResolveEvent",
    "Results",
    "SignArtist",
    "Song",
    "SongTable",
    "StartProject",
    "TakeMeeting",
    "TalkToArtist",
    "action_from_dict",
    "action_to_dict",
    "advance_month",
    "advance_state",
    "check_plan",
    "event_from_dict",
    "event_to_dict",
    "money_outlook",
    "new_game",
    "parse_seed_code",
    "plan_candidates",
    "plan_options",
    "budget_range",
    "preview_project",
    "seed_code",
    "start_career",
    "state_from_dict",
    "state_to_dict",
]

"""Headless batch play: many seeded campaigns with scripted policies, numpy statistics and a
report (``labelmgr sim``). Never imports storage or the TUI."""

from labelmgr.sim.campaign import CampaignRecord, play_campaign
from labelmgr.sim.policies import POLICIES, make_policy
from labelmgr.sim.runner import Batch, run_batch
from labelmgr.sim.stats import summarize

__all__ = ["POLICIES", "Batch", "CampaignRecord", "make_policy", "play_campaign", "run_batch",
           "summarize"]

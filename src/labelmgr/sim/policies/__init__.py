"""Scripted label heads. Add one by writing a class with ``name`` and ``plan(state)`` and
listing it in ``POLICIES``."""

from __future__ import annotations

from labelmgr.content import Content
from labelmgr.errors import LabelError
from labelmgr.sim.policies.balanced import BalancedPolicy
from labelmgr.sim.policies.base import PlanDraft, Policy
from labelmgr.sim.policies.greedy import GreedyPolicy
from labelmgr.sim.policies.idle import IdlePolicy
from labelmgr.sim.policies.random_policy import RandomPolicy

POLICIES: dict[str, type] = {
    cls.name: cls for cls in (IdlePolicy, RandomPolicy, GreedyPolicy, BalancedPolicy)
}
"""Every policy by name, in report order."""


def policy_names(policy: str) -> list[str]:
    """The policies ``--policy`` names (``all`` = every policy, in report order).

    Raises:
        LabelError: ``VAL_POLICY`` for an unknown name.
    """
    if policy == "all":
        return list(POLICIES)
    if policy not in POLICIES:
        raise LabelError("VAL_POLICY", f"Unknown policy {policy!r}; choose one of "
                         + ", ".join([*POLICIES, "all"]))
    return [policy]


def make_policy(name: str, content: Content, seed: int) -> Policy:
    """A fresh policy for one campaign (its dice seeded with the campaign's seed).

    Raises:
        LabelError: ``VAL_POLICY`` for an unknown name.
    """
    (known,) = policy_names(name) if name != "all" else ("",)
    if not known:
        raise LabelError("VAL_POLICY", "Name one policy, not 'all'")
    policy: Policy = POLICIES[known](content, seed)
    return policy


__all__ = ["POLICIES", "BalancedPolicy", "GreedyPolicy", "IdlePolicy", "PlanDraft", "Policy",
           "RandomPolicy", "make_policy", "policy_names"]

"""Shared fixtures: the shipped content, loaded once per test session."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from labelmgr.content import Content, load_content

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="session")
def balance(content: Content):
    return content.balance

"""One catalogue of every repair rule's description, gathered from the modules that define them.

A module that records emendations declares ``RULES: dict[str, str]`` (rule name → one-line
description); this catalogue collects those of every module of the pipeline, so the
editorial page can explain each rule it lists.
"""

from __future__ import annotations

import importlib
import pkgutil

import scripts

SKIP = {"mkdocs_hook", "cli", "bench"}
"""Modules with side effects or heavy imports that define no rules."""


def catalogue() -> dict[str, str]:
    """Rule name → description, from every module under :mod:`scripts` that declares RULES."""
    rules: dict[str, str] = {}
    for info in pkgutil.walk_packages(scripts.__path__, "scripts."):
        if info.name.rsplit(".", 1)[-1] in SKIP:
            continue
        module = importlib.import_module(info.name)
        rules.update(getattr(module, "RULES", {}))
    return rules


def describe_rule(rule: str) -> str:
    """The description of a rule, or a plain statement that it is undocumented."""
    return catalogue().get(rule, "(undocumented rule)")

"""Indexes: persons, timeline, works cited — each a ``build(sources) -> Contribution``."""

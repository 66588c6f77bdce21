"""Indexes of the edition: each builds a Contribution (pages, data, spans) from the sources."""

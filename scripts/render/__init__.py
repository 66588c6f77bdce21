"""Rendering: the model and its annotations into Markdown pages for MkDocs."""

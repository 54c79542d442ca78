"""Renderers: one result type in, one output format out. Only the CLI calls these."""

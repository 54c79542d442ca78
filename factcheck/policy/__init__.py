"""Newsroom policy: source sensitivity, corroboration, publication and corrections."""

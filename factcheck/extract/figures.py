"""Figures in news copy (placeholder until the extractor lands)."""

from __future__ import annotations


def find(doc) -> list:
    return []

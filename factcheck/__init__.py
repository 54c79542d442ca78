"""factcheck: pull checkable claims out of news drafts, match them to sources, sign them off."""

__version__ = "0.1.0"

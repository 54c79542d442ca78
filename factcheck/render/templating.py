"""The HTML pages' template environment: Jinja2 with autoescaping on, made on first use.

Every page (the review report, the published corrections log) comes from `templates/`
through this one environment, which escapes every value a template writes unless the
value is already marked safe. Jinja2 costs start-up, so it is imported only when a page
is rendered.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def environment() -> Any:
    """The environment, made once per process."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

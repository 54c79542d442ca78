"""`factcheck publish DRAFT`: mark a draft clear to publish as published, commit and tag it."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck import output
from factcheck.commands import config_and_draft, run
from factcheck.completion import draft_argument
from factcheck.policy.publication import publish
from factcheck.render.review import committed_line


def publish_draft(draft: str, url: str | None) -> int:
    config, rel = config_and_draft(draft)
    done = publish(config, rel, url=url)
    output.out(f"published {done.draft} at {done.at}" + (f" ({done.url})" if done.url else ""))
    output.out(f"{done.claims} claims locked: a change to one needs `factcheck correct`")
    output.out(f"{committed_line(done.commit, done.reviewer)}, tagged {done.tag}")
    return 0


def register(app: typer.Typer) -> None:
    @app.command("publish")
    def publish_cmd(
        draft: Annotated[str, draft_argument("The draft that goes out.")],
        url: Annotated[
            str | None,
            typer.Option(
                "--url", metavar="URL", help="Where the story is published; written as `url:` in the front matter."
            ),
        ] = None,
    ) -> None:
        """Publish DRAFT: set `published:` in its front matter, lock its signed-off claims, commit and tag.

        Only a reviewer may publish, and only a draft that `factcheck check` finds clear.
        From then on a change to a signed-off claim needs `factcheck correct`.

        Examples:

        \b
          factcheck publish examples/drafts/city/harbour-bridge-closure.md --url https://example.org/news/bridge
        """
        run(publish_draft, draft, url)

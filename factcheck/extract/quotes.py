"""Direct quotes in news copy and who said them.

Quote marks are read one paragraph at a time. Curly marks say which way they face;
straight marks are read from the characters around them, and where those do not
decide, from whether a quote is already open. A quote left open at the end of a
paragraph carries on when the next paragraph opens with a quote mark, the news
convention for a quote that runs over several paragraphs (each paragraph repeats the
opening mark: straight after straight, curly after curly); each paragraph's part
becomes its own claim, and all parts share one speaker. A straight mark left open before
a paragraph that opens with a curly one is a stray mark, and the paragraph is read past it.

Not everything in quote marks is speech: the title of a show or a film after a
possessive (`MSNBC's "Morning Joe"`), a nickname inside a name (`Robert "Bobby" Doe`)
and a transcript pasted in quote marks (`"DOE: …"`) are left out. When speakers are
read, a title or a nickname reads as plain words, so the sentence around it keeps its
subject; a transcript is blanked like any quote. A word or two in quote marks that no one
is said to have said, in a sentence without a speech verb, is a term held at arm's length
(`a separate "holding trust"`), not a quote, and is left out too, unless a linking verb or
`as` makes it a verdict (`the plan was "unworkable"`, `seen as a "lifeboat"`); so is a term that opens
its sentence as the thing talked about (`The "ferry levy" would cost …`), unless an
attribution of its own says who used it.
"""

from __future__ import annotations

from factcheck.extract import speakers
from factcheck.model import Found, Kind


def find(doc) -> list[Found]:
    story = speakers.read(doc)
    return [Found(Kind.QUOTE, q.start, q.end, speaker=q.speaker) for q in story.quotes]

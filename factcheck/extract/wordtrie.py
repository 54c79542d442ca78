"""Word lists as regular expressions shaped like a tree of letters.

The regular expression engine tries the branches of "ten|three|two" one after the
other; a tree of letters ("t(?:en|hree|wo)") costs one test per letter instead, which
keeps scanning for number words, unit names and date words cheap.
"""

from __future__ import annotations

import re


def trie(words) -> str:
    """An alternation of `words` that branches letter by letter ("t(?:en|hree|wo)").

    The regular expression engine tries the branches of "ten|three|two" one after the
    other; a tree of letters costs one test per letter instead, which is what keeps
    scanning for number words and unit names cheap. Longer words are still preferred,
    as in an alternation sorted longest first. A space in a word matches any run of
    white space.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    # Letters with no branch and no word ending among them are written out in one go: the
    # trees are built at start-up, and most of their nodes are such runs.
    head = []
    while len(node) == 1 and "" not in node:
        ((ch, node),) = node.items()
        head.append(_escaped(ch))
    alts = [_escaped(ch) + _branches(node[ch]) for ch in sorted(node) if ch]
    if not alts:
        return "".join(head)
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:  # a word ends here and longer ones go on: the rest is optional
        body = (body if len(alts) > 1 else "(?:" + body + ")") + "?"
    return "".join(head) + body


_ESCAPED: dict[str, str] = {}


def _escaped(ch: str) -> str:
    if ch not in _ESCAPED:
        _ESCAPED[ch] = r"\s+" if ch == " " else re.escape(ch)
    return _ESCAPED[ch]

"""Who a draft says a statement came from, and whether the source bears that out.

"The bridge will close for six weeks, the Port Authority said" is borne out when the
statement is in a source and that source is the Port Authority's: it names the authority
somewhere (beside the passage, or anywhere else in it), or its provenance does (an HTML
page's title "… | Port Authority", its site name or address, the `url:` or
`original_path:` of its sidecar, its file name). A press release rarely names its
publisher in the sentence that matters.

A word for a kind of document ("the statement said", "according to figures") names no one:
the statement's being in the sources is all there is to check.
"""

from __future__ import annotations

import re

from factcheck.match.words import words

TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "the", "prof", "gen", "jr", "sr"}
DOCUMENTS = frozenset(
    """
    statement statements release releases report reports figures figure data document documents letter
    letters filing filings record records minutes transcript briefing study survey analysis estimate
    estimates announcement notice website post email memo note
    """.split()
)
NEAR = 300
_CLAUSE_MARKS = (",", ";", ":", "\u2014", "(", ")")
_STATEMENT_WORDS = 4
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def name_keys(name: str) -> list[str]:
    """The words a source must hold to name who the draft credits: no titles, no possessive 's,
    no words for a kind of document."""
    keys = []
    for w in words(name):
        key = _bare(w.key)
        if key not in TITLES and key not in DOCUMENTS and len(key) > 2 and key not in keys:
            keys.append(key)
    return keys


def display(name: str, keys: list[str]) -> str:
    """The name as the draft writes it, without the words that are not looked for."""
    shown = [_bare(name[w.start : w.end]) for w in words(name) if _bare(w.key) in keys]
    return " ".join(shown) or name


def statement(sentence: str, attribution: str) -> str:
    """The draft's sentence with the attribution taken out: what is credited to someone.

    A claim of reported speech holds what was said after its verb ("Okonkwo said Marsh had
    hidden the payments"): that is the statement. Otherwise the attribution's whole clause
    goes when it has one of its own (", according to figures released by the department.");
    else just its words."""
    reported = reported_content(attribution)
    if reported:
        return reported
    at = sentence.find(attribution) if attribution else -1
    if at < 0:
        return sentence
    lo = max(sentence.rfind(c, 0, at) for c in _CLAUSE_MARKS)
    his = [i for i in (sentence.find(c, at + len(attribution)) for c in _CLAUSE_MARKS) if i >= 0]
    hi = min(his, default=len(sentence))
    if lo >= 0 and len(sentence[:lo].split()) + len(sentence[hi:].split()) >= _STATEMENT_WORDS:
        rest = sentence[:lo] + " " + sentence[hi + 1 :]
    else:
        rest = sentence[:at] + " " + sentence[at + len(attribution) :]
    return " ".join(rest.split()).strip(" ,;:.")


_REPORTED = re.compile(
    r"\b(?:said|says|told(?:\s+(?:reporters|journalists|the\s+\w+|[a-z]+|[A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+){0,2}))?"
    r"|added|adds|stated|states|wrote|writes|reported|reports|announced|confirmed|warned|found|finds|showed|shows|"
    r"concluded|concludes|noted|argued|claimed|insisted)\s+(?:that\s+)?(?=\S)"
)


def reported_content(attribution: str) -> str:
    """What an attribution of reported speech says was said: the words after its verb
    ("two men were arrested" in "Police said two men were arrested"); "" when none follow."""
    m = _REPORTED.search(attribution)
    if not m:
        return ""
    content = attribution[m.end() :].strip(" ,;:.")
    words = content.split()
    return content if len(words) >= 3 and words[0].lower() not in _NOT_CONTENT else ""


_NOT_CONTENT = frozenset("in on at during after before while when as about of to for with by".split())


def named_near(text: str, start: int, end: int, keys: list[str]) -> bool:
    """Every key is a word within NEAR characters of text[start:end]."""
    lo, hi = max(0, start - NEAR), min(len(text), end + NEAR)
    near = {_bare(w.key) for w in words(text, lo, hi)}
    return set(keys) <= near


def named_in_provenance(about: str, path: str, keys: list[str]) -> bool:
    """The source's title, site, address or file name names them: as words ("Port Authority",
    "port-authority-release.html") or run together in an address ("portauthority.gov")."""
    found = f"{about} {path}"
    if set(keys) <= {_bare(w.key) for w in words(found)}:
        return True
    joined = "".join(keys)
    return len(joined) >= 6 and joined in _NOT_ALNUM.sub("", found.lower())


def _bare(word: str) -> str:
    return word[:-2] if word.lower().endswith(("'s", "\u2019s")) else word

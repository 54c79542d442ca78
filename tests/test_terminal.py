"""Terminal rendering: colour rules, wrapping, snippets, word diffs, hints; golden plain and coloured output."""

import pytest

from factcheck.render import terminal
from factcheck.render.terminal import Terminal, line_width, snippet, wants_color, word_diff
from tests.gitnewsroom import scanned


@pytest.mark.parametrize(
    "mode, env, tty, expected",
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "0"}, False, False),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, False),
        ("auto", {"TERM": "dumb"}, True, False),
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_follows_flag_then_environment_then_terminal(mode, env, tty, expected):
    assert wants_color(mode, env, tty) is expected


def test_width_is_the_terminals_and_piped_output_is_not_wrapped():
    assert line_width({"COLUMNS": "72"}, True) == 72
    assert line_width({"COLUMNS": "72"}, False) is None


def test_wrap_keeps_words_whole_and_hangs_continuations():
    term = Terminal(width=30)
    lines = term.wrap("  claim:    the bridge over the harbour will reopen in the spring of next year", 12)
    assert lines == [
        "  claim:    the bridge over",
        "            the harbour will",
        "            reopen in the",
        "            spring of next",
        "            year",
    ]
    assert all(len(line) <= 30 for line in lines)
    assert Terminal(width=10).wrap("see https://example.org/a/very/long/path now") == [
        "see",
        "https://example.org/a/very/long/path",
        "now",
    ]


def test_wrap_counts_visible_characters_only():
    term = Terminal(color=True, width=20)
    line = f"{term.paint('contradicted', 'contradicted')} a b c d"
    assert [terminal.plain(x) for x in term.wrap(line)] == ["contradicted a b c d"]


def test_snippet_cuts_at_a_word_with_an_ellipsis():
    text = "inspectors found corrosion in the steel girders under the eastern span of the bridge"
    cut = snippet(text, 40)
    assert cut == "inspectors found corrosion in the steel…"
    assert len(cut) <= 40
    assert snippet("short passage", 40) == "short passage"


def test_word_diff_marks_only_the_changed_words():
    plain = Terminal(color=False)
    assert word_diff("we will build in the spring", "we will start building in spring", plain) == (
        "we will [-build-] {+start building+} in [-the-] spring"
    )
    coloured = word_diff("rose by 4 percent", "rose by 5 percent", Terminal(color=True))
    assert coloured == "rose by \x1b[31m[-4-]\x1b[0m \x1b[32m{+5+}\x1b[0m percent"


def test_each_hint_is_given_once():
    term = Terminal()
    assert term.hint("match") is True
    assert term.hint("match") is False
    assert term.hint("scan") is True


def _with_verdicts(room):
    from factcheck.config import load_config
    from factcheck.store import claims_files

    with claims_files.editing(load_config(room.repo), "drafts/vote.md") as cf:
        verdicts = iter(["supported", "contradicted", "not_found"])
        for rec in cf.claims:
            rec["verdict"] = next(verdicts)
    room.commit("Match sources")
    return room


def test_golden_show_plain_and_coloured(newsroom, golden):
    room = _with_verdicts(scanned(newsroom))
    plain = room.run("--color", "never", "show", "drafts/vote.md")
    coloured = room.run("--color", "always", "show", "drafts/vote.md")
    assert plain.exit_code == coloured.exit_code == 0
    assert "\x1b[" not in plain.output
    assert "\x1b[1;31mcontradicted\x1b[0m" in coloured.output  # a contradicted claim stands out in red
    assert "\x1b[32msupported\x1b[0m" in coloured.output
    assert terminal.plain(coloured.output) == plain.output  # colour adds nothing but colour
    golden("show.plain.txt", plain.output)
    golden("show.color.txt", coloured.output)


def test_force_color_and_no_color_reach_the_commands(newsroom, monkeypatch):
    room = _with_verdicts(scanned(newsroom))
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in room.run("show", "drafts/vote.md").output
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in room.run("show", "drafts/vote.md").output


def test_golden_check_coloured_with_verdicts_and_one_hint(newsroom, golden):
    room = _with_verdicts(scanned(newsroom))
    result = room.run("--color", "always", "check")
    assert result.exit_code == 1
    text = terminal.plain(result.output)
    assert "(verdict: contradicted)" in text and "(verdict: supported)" in text
    assert text.count("factcheck review") == 1
    golden("check.color.txt", result.output)


def test_lists_in_the_report_and_extract_cut_claims_at_a_word():
    from factcheck.render import claims, report_model

    long = "engineers found corrosion in fourteen of the bridge's steel cables during the inspection last winter"
    for cut in (report_model.short(long, 40), claims._short(long, 40)):
        assert cut.endswith("…") and len(cut) <= 40
        assert long.startswith(cut[:-1]) and long[len(cut) - 1] == " "  # the cut fell between words

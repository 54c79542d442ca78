"""Figures as copy outside US wire style writes them, and numerals in the newsroom's locale."""

from __future__ import annotations

import importlib.util
import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.config import parse_config
from factcheck.errors import ConfigError
from factcheck.extract.numbers import number_locale
from factcheck.extract.numbers.parse import parse_figures
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent


def read(text: str, locale: str | None = None) -> list[tuple[str, object, str | None]]:
    return [(text[f.start : f.end], f.value, f.unit) for f in parse_figures(text, locale=locale)]


def one(text: str, locale: str | None = None):
    found = read(text, locale)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The appeal brought in 6 million and a half.", "6 million and a half", 6_500_000),
        ("The tunnel will cost two billion and a quarter dollars.", "two billion and a quarter dollars", 2_250_000_000),
        ("Roughly five hundred and three quarters of them were new.", "five hundred and three quarters", 575),
        ("The wait was one and a half hours.", "one and a half hours", 1.5),
        ("Repairs ran to 3 and a half million euros.", "3 and a half million euros", 3_500_000),
        ("The levy is 4 and 1/2 percent.", "4 and 1/2 percent", 4.5),
        ("Bus fares were cut by a third.", "a third", 1 / 3),
        ("The toll is a dollar and a half.", "a dollar and a half", 1.5),
        ("The fund raised 1.2 billion and counting.", "1.2 billion", 1_200_000_000),
        ("The new ward cost half a million.", "half a million", 500_000),
        ("Nearly half million tourists came.", "half million tourists", 500_000),
        (
            "The appeal passed the quarter-million mark with a quarter of a million donors.",
            "a quarter of a million donors",
            250_000,
        ),
    ],
)
def test_fractions_of_a_scale(text, span, value):
    found = [v for s, v, _ in read(text) if s.endswith(span)]  # a qualifier may open the span
    assert found == [value], read(text)


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("A coffee at the station is 3 dollars 40 cents.", 3.4, "USD"),
        ("Entry costs nine euros and fifty cents.", 9.5, "EUR"),
        ("The stamp went up to £1 and 35p.", 1.35, "GBP"),
        ("The tender came in at 55 EUR million.", 55_000_000, "EUR"),
        ("Capex is put at MUSD 140 this year.", 140_000_000, "USD"),
        ("Operating profit fell to 62 MGBP.", 62_000_000, "GBP"),
        ("The fine was CHF900.", 900, "CHF"),
        ("Its debt stands at 12 bln dollars.", 12_000_000_000, "USD"),
        ("The plan is worth 1.2 tln yen.", 1_200_000_000_000, "JPY"),
        ("The club raised 3mil for the stand.", 3_000_000, None),
        ("Around 4.5 k runners finished.", 4_500, "runners"),
        ("The rights sold for 1.7b dollars.", 1_700_000_000, "USD"),
    ],
)
def test_money_and_scales(text, value, unit):
    _, v, u = one(text)
    assert (v, u) == (value, unit)


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("The drive reached 35 lakh households.", 3_500_000, "households"),
        ("The metro line will cost 4,200 crore rupees.", 42_000_000_000, "INR"),
        ("The state owes three lakh crore rupees.", 3 * 10**12, "INR"),
        ("Turnover was 12,34,56,789.50 rupees.", 123_456_789.5, "INR"),
        ("The town has 3 456 789 voters.", 3_456_789, "voters"),
        ("The grant was 7\u202f654\u202f321.05 euros.", 7_654_321.05, "EUR"),
        ("Volunteers baked 6 dozen loaves.", 72, "loaves"),
        ("The dial showed negative twelve degrees.", -12, "degree"),
        ("By dawn it was minus four degrees.", -4, "degree"),
        ("The estate sold for 2.345.678,90 euros.", 2_345_678.9, "EUR"),
        ("Turnout rose by 4,5% on the year.", 4.5, "percent"),
    ],
)
def test_world_formats_in_any_locale(text, value, unit):
    _, v, u = one(text)
    assert u == unit and v == pytest.approx(value)


def test_cents_need_their_own_word():
    assert [v for _, v, _ in read("Doors open at $1 and 2 p.m. sharp.")][:1] == [1]
    assert read("A coffee and a bun cost £4 and 60p.")[-1] == ("£4 and 60p", 4.6, "GBP")


def test_value_unit_and_scale_are_kept_apart():
    span, value, unit = one("The scheme reached 20 lakh households.")
    assert (span, value, unit) == ("20 lakh households", 2_000_000, "households")


def test_a_fraction_word_alone_is_no_figure_unless_it_is_an_amount():
    assert read("Profits rose in the third quarter.") == []
    assert [v for _, v, _ in read("Profits rose by a quarter in the third quarter.")] == [0.25]


def test_a_comma_with_nothing_to_settle_it_is_no_decimal_in_english():
    assert [v for _, v, _ in read("Seats 1,5 and 7 were empty.")] != [1.5, 7]


@pytest.mark.slow
@given(
    whole=st.integers(min_value=1, max_value=999),
    scale=st.sampled_from([("", 1), (" hundred", 100), (" thousand", 10**3), (" million", 10**6), (" billion", 10**9)]),
    fraction=st.sampled_from(["a half", "a quarter", "three quarters", "a third", "two thirds"]),
    digits=st.booleans(),
)
@settings(max_examples=150, deadline=None)
def test_a_fraction_after_and_stays_inside_its_scale(whole, scale, fraction, digits):
    """ "X <scale> and three quarters" lies between X and X+1 times its scale: never a
    quarter of the whole, never a scale too many."""
    if scale[0] == " hundred" and (digits or whole > 9):
        whole = whole % 9 + 1  # "5 hundred" is no way to write it; "nine hundred" is
    number = str(whole) if digits else _words(whole)
    text = f"The fund reported {number}{scale[0]} and {fraction} in new pledges."
    found = parse_figures(text)
    assert found, text
    value = Fraction(found[0].value).limit_denominator(1000)
    step = scale[1]
    if not digits and not scale[0] and whole >= 100 and whole % 100 == 0:
        step, whole = 100, whole // 100  # "three hundred and a half": the words' own last scale is hundred
    low, high = whole * step, (whole + 1) * step
    assert low < value < high, (text, found[0])


_SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    if n < 20:
        return _SMALL[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _SMALL[n % 10])
    return _SMALL[n // 100] + " hundred" + ("" if n % 100 == 0 else " and " + _words(n % 100))


# --- locales -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "locale, text, value",
    [
        ("de-DE", "Die Stadt zählt 1.234.567 Einwohner.", 1_234_567),
        ("de-DE", "Das Ticket kostet 12,50 Euro.", 12.5),
        ("fr-FR", "La commune compte 2 345 678 habitants.", 2_345_678),
        ("fr-FR", "Le prix atteint 1\u202f234,56 euros.", 1234.56),
        ("en-GB", "The council spent 1,234.5 pounds on signs.", 1234.5),
        ("en-IN", "The project cost Rs 5 cr.", 50_000_000),
        ("en-IN", "The fund paid 20 lacs to farmers.", 2_000_000),
        ("en-IN", "The flat sold for Rs 20 L.", 2_000_000),
        ("en-IN", "The tank holds 20 L of water.", 20),
    ],
)
def test_numerals_in_the_newsroom_locale(locale, text, value):
    assert [v for _, v, _ in read(text, locale)] == [value]


def test_the_locale_changes_what_a_numeral_means():
    assert read("It measured 1.234 metres.")[0][1] == 1.234
    assert read("It measured 1.234 metres.", "de-DE")[0][1] == 1234
    assert read("Growth was 3,5 points.", "de-DE")[0][1] == 3.5
    assert not any(v == 3.5 for _, v, _ in read("Growth was 3,5 points."))
    assert read("The fee is Rs 5 cr.")[0][1] == 5  # "cr" is only a crore in an Indian locale


def test_marks_come_from_babel_for_other_locales():
    marks = number_locale.marks("it_IT")
    assert (marks.decimal, marks.locale) == (",", "it-IT")
    assert number_locale.marks(None) is number_locale.ENGLISH


def test_config_locale_is_validated(tmp_path):
    config = parse_config("locale: de_DE\n", path=".factcheck.yaml", root=tmp_path)
    assert config.locale == "de-DE"
    assert parse_config("drafts: [a.md]\n", path=".factcheck.yaml", root=tmp_path).locale == "en-US"
    with pytest.raises(ConfigError) as err:
        parse_config("drafts: [a.md]\nlocale: xx-QQ\n", path=".factcheck.yaml", root=tmp_path)
    assert str(err.value).startswith(".factcheck.yaml:2: `locale`")


def test_extract_takes_the_locale_from_the_option_or_the_newsroom(tmp_path):
    draft = tmp_path / "story.md"
    draft.write_text("Die Stadt zählt 1.234.567 Einwohner.\n", encoding="utf-8")
    plain = json.loads(run_cli("extract", "--format", "json", str(draft), cwd=tmp_path).stdout)
    given = json.loads(run_cli("extract", "--format", "json", "--locale", "de-DE", str(draft), cwd=tmp_path).stdout)
    assert [c["value"] for c in given["files"][0]["claims"]] == [1_234_567]
    assert 1_234_567 not in [c["value"] for c in plain["files"][0]["claims"]]
    (tmp_path / ".factcheck.yaml").write_text("locale: de-DE\n", encoding="utf-8")
    from_config = json.loads(run_cli("extract", "--format", "json", str(draft), cwd=tmp_path).stdout)
    assert [c["value"] for c in from_config["files"][0]["claims"]] == [1_234_567]
    bad = run_cli("extract", "--locale", "qq-ZZ", str(draft), cwd=tmp_path)
    assert bad.returncode == 2 and b"--locale" in bad.stderr and b"Traceback" not in bad.stderr


# --- the figure set written for these categories -----------------------------------------------


def test_the_world_figure_set_scores():
    spec = importlib.util.spec_from_file_location("figure_set", ROOT / "bench" / "figure_set.py")
    figure_set = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(figure_set)
    cases = json.loads((ROOT / "tests" / "data" / "figures-world.json").read_text(encoding="utf-8"))
    assert len(cases) >= 250
    stats = figure_set.score(cases)
    gold = sum(s[0] for s in stats.values())
    assert sum(s[1] for s in stats.values()) / gold >= 0.98, stats
    assert sum(s[2] for s in stats.values()) / gold >= 0.97, stats
    assert all(right / n >= 0.9 for n, _, right in stats.values()), stats

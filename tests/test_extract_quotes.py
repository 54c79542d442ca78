"""Direct quotes and their speakers, on hand-written news copy."""

import datetime as dt

import pytest

from factcheck.extract import make_doc, quotes

REFERENCE = dt.date(2024, 3, 1)


def found(text, body_start=0):
    doc = make_doc(text, reference_date=REFERENCE, body_start=body_start)
    return quotes.find(doc)


def pairs(text):
    """(quoted words, speaker) for every quote, read back through the offsets."""
    return [(text[f.start : f.end], f.speaker) for f in found(text)]


# --- quote marks ----------------------------------------------------------------------------


def test_curly_quote_without_its_marks_and_surname_widened_to_full_name():
    text = (
        "Mayor Dana Whitfield opened the new bridge on Tuesday.\n\n"
        "\u201cIt took nine years to get here,\u201d Whitfield said."
    )
    assert pairs(text) == [("It took nine years to get here,", "Dana Whitfield")]


def test_straight_quotes_and_said_before_the_name_with_a_role_after_it():
    text = '"The audit is finished," said Omar Lindqvist, a spokesman for the port authority.'
    assert pairs(text) == [("The audit is finished,", "Omar Lindqvist")]


def test_offsets_index_the_text_exactly_and_leave_out_the_marks():
    text = "Intro line.\n\nShe said: \u201cWe will reopen in May.\u201d Then she left."
    (quote,) = found(text)
    assert text[quote.start : quote.end] == "We will reopen in May."
    assert text[quote.start - 1] == "\u201c" and text[quote.end] == "\u201d"


def test_only_the_body_is_read_and_offsets_stay_absolute():
    front = '---\ntitle: "A \u201cquoted\u201d headline"\n---\n'
    body = '"Rain is coming," said forecaster Ada Brennan.'
    text = front + body
    quotes_found = found(text, body_start=len(front))
    assert [(text[f.start : f.end], f.speaker) for f in quotes_found] == [("Rain is coming,", "Ada Brennan")]
    assert quotes_found[0].start > len(front)


def test_apostrophes_are_not_quote_marks():
    text = "Ambrose said the '90s were hard, and don't forget Ambrose\u2019s record on roads."
    assert pairs(text) == []


def test_single_quotes_inside_a_double_quote_stay_part_of_it():
    text = "Ruth Adler said, \u201cHe told me, \u2018Do not sign it,\u2019 and I listened.\u201d"
    assert pairs(text) == [("He told me, \u2018Do not sign it,\u2019 and I listened.", "Ruth Adler")]


def test_double_quote_inside_a_straight_quote_stays_part_of_it():
    text = 'Lopez continued: "I asked the room: \u201cWho wrote this?\u201d Nobody answered."'
    assert pairs(text) == [("I asked the room: \u201cWho wrote this?\u201d Nobody answered.", "Lopez")]


def test_ellipsis_inside_a_quote_is_kept():
    text = "\u201cWe will rebuild \u2026 every single house,\u201d Governor Felix Ambrose said."
    assert pairs(text) == [("We will rebuild \u2026 every single house,", "Felix Ambrose")]


def test_partial_quote_inside_a_sentence_belongs_to_its_subject():
    text = "Governor Felix Ambrose called the budget \u201ca careful compromise\u201d on Monday."
    assert pairs(text) == [("a careful compromise", "Felix Ambrose")]


def test_quote_over_two_paragraphs_is_two_claims_with_one_speaker():
    text = (
        "\u201cThe first part of the statement runs to the end of this paragraph.\n\n"
        "\u201cThe second part closes it,\u201d said Ines Carvalho, the union\u2019s treasurer."
    )
    assert pairs(text) == [
        ("The first part of the statement runs to the end of this paragraph.", "Ines Carvalho"),
        ("The second part closes it,", "Ines Carvalho"),
    ]


def test_one_word_and_two_word_quotes_are_kept_when_attributed():
    text = "The senator, Ruth Okoye, called the delay \u201cshameful\u201d and the plan \u201ca mess.\u201d"
    assert pairs(text) == [("shameful", "Ruth Okoye"), ("a mess.", "Ruth Okoye")]


# --- what is in quote marks but is not speech ---------------------------------------------


def test_titles_of_shows_and_films_are_not_quotes():
    text = "Brennan appeared on KXTV\u2019s \u201cMorning Roundup\u201d and in the documentary \u201cDry Season.\u201d"
    assert pairs(text) == []


def test_nickname_inside_a_name_is_not_a_quote():
    assert pairs('Rep. Robert "Robbie" Lang opened the fair.') == []


def test_transcript_pasted_in_quote_marks_is_not_a_quote():
    text = 'The exchange went:\n\n"HOST: Welcome back.\n\n"GUEST: Thank you for having me."'
    assert pairs(text) == []


# --- who said it ----------------------------------------------------------------------------


def test_he_and_she_point_back_to_the_named_speaker():
    text = (
        "Councillor Hannah Brecht voted against the plan.\n\n"
        "\u201cIt is rushed,\u201d she said. \u201cWe need another month,\u201d she added."
    )
    assert [s for _, s in pairs(text)] == ["Hannah Brecht", "Hannah Brecht"]


def test_the_official_points_back_to_the_last_speaker():
    text = (
        "Deputy Minister Tomasz Wilk met the delegation on Friday.\n\n"
        '"The talks were frank," Wilk said.\n\n'
        '"We made real progress on fishing rights," said the visiting official.'
    )
    assert [s for _, s in pairs(text)] == ["Tomasz Wilk", "Tomasz Wilk"]


def test_went_on_to_say():
    text = "Judge Amara Osei read the verdict.\n\n\u201cThe court has heard enough,\u201d Osei went on to say."
    assert pairs(text)[0][1] == "Amara Osei"


def test_according_to_gives_the_speaker():
    text = '"Fares will rise in May," according to Priya Raman, the transit director.'
    assert pairs(text) == [("Fares will rise in May,", "Priya Raman")]


def test_titles_are_not_part_of_the_name():
    text = (
        "Undersecretary of Agriculture for Rural Affairs of the United States Lena Okafor visited.\n\n"
        "\u201cThe harvest is late,\u201d Okafor said.\n\n"
        "\u201cWe are ready,\u201d said Sen. Marta Quill (D-Ore.)."
    )
    assert [s for _, s in pairs(text)] == ["Lena Okafor", "Marta Quill"]


def test_an_organisation_can_be_the_speaker():
    text = (
        "The Harbor Gazette reported on Sunday that the mill would close, calling it \u201ca blow to the valley.\u201d"
    )
    assert pairs(text) == [("a blow to the valley.", "Harbor Gazette")]


def test_speaker_named_before_a_colon_in_the_previous_paragraph():
    text = "Ines Carvalho told the council:\n\n\u201cWe cannot wait another year.\u201d"
    assert pairs(text) == [("We cannot wait another year.", "Ines Carvalho")]


def test_a_paragraph_of_quote_alone_keeps_the_last_speaker():
    text = "\u201cThe levee held,\u201d said engineer Paulo Reyes.\n\n\u201cNext spring we raise it by a metre.\u201d"
    assert [s for _, s in pairs(text)] == ["Paulo Reyes", "Paulo Reyes"]


def test_dash_credit_after_the_quote():
    text = "\u201cThe night buses saved my job.\u201d \u2015 Mara Lindgren\n"
    assert pairs(text) == [("The night buses saved my job.", "Mara Lindgren")]


@pytest.mark.parametrize(
    "text",
    [
        "Nobody could explain the long \u201cperiod of quiet reflection\u201d that followed.",
        "The sign on the door read \u201cclosed for repairs until further notice\u201d all week.",
    ],
)
def test_no_speaker_when_nobody_is_named(text):
    ((_, speaker),) = pairs(text)
    assert speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "The mines would be placed in a separate \u201cholding trust\u201d run by the state.",
        "Nobody could explain the \u201cquiet period\u201d that followed.",
        "Vote for her, unless simply because \u201cshe\u201d is not a \u201che\u201d?",
    ],
)
def test_a_term_in_quote_marks_that_nobody_says_is_no_quote(text):
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Harbour pilot Mara Quist said the channel was busy all week. "
        "\u201cSlack water\u201d is the hour when the tide turns.",
        "Councillor Ines Falk said the vote would be close. "
        "The \u201cferry levy\u201d would cost commuters four pounds a week from April.",
        "Economist Tomas Brede said exports were recovering. Its \u201cwinter lull\u201d usually ends in March.",
    ],
)
def test_a_term_that_opens_its_sentence_as_the_subject_is_no_quote(text):
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # its own speech verb says who said it
        ("\u201cReckless\u201d was how Mara Quist described the ferry levy.", "Reckless"),
        # a sentence of its own, or a reply
        ("Ines Falk read the letter aloud.\n\n\u201cNever.\u201d Falk put it down.", "Never."),
        # a speech verb in the sentence makes it words someone used
        ("The \u201cferry levy\u201d she proposed last year, Falk said, is dead.", "ferry levy"),
        # not at the head of its sentence
        ("Ines Falk called the ferry levy a \u201cslow robbery\u201d at the hearing.", "slow robbery"),
        # the sentence says whose word it was
        ("Ines Falk spoke on Monday. \u201cReckless\u201d was her word for the ferry levy.", "Reckless"),
        (
            "Ines Falk spoke on Monday. \u201cA slow robbery\u201d \u2014 that was the verdict in the hall.",
            "A slow robbery",
        ),
    ],
)
def test_a_short_quote_at_the_head_of_a_sentence_stays_when_someone_says_it(text, words):
    assert [q for q, _ in pairs(text)] == [words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Nobody expected the ferry timetable to be \u201centirely unworkable\u201d by spring.", "entirely unworkable"),
        ("In hindsight the second bridge was a \u201cmistake.\u201d", "mistake."),
        ("The harbour budget remains \u201cfragile\u201d after the storm season.", "fragile"),
    ],
)
def test_a_verdict_after_a_linking_verb_is_someones_words_even_unattributed(text, words):
    assert [q for q, _ in pairs(text)] == [words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Fishing crews have long seen the old breakwater as a \u201clifeboat\u201d for the port.", "lifeboat"),
        ("Planners know the empty quay as the \u201cdead mile\u201d between the two ferries.", "dead mile"),
        ("Her rivals framed the harbour deal as \u201creckless\u201d in every leaflet.", "reckless"),
    ],
)
def test_a_word_or_three_after_as_is_someones_verdict_even_unattributed(text, words):
    assert [q for q, _ in pairs(text)] == [words]


@pytest.mark.parametrize(
    "text",
    [
        "The old rulebook treated every harbour captain as a \u201che\u201d until 1990.",
        "The port kept the \u201cdead mile\u201d quay empty through the winter.",
    ],
)
def test_a_term_not_after_as_or_a_linking_verb_is_still_no_quote(text):
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The crowd kept repeating \u201cno toll\u201d outside the hall.", "no toll"),
        ("All week her deputy was echoing \u201cdead water\u201d at the quay.", "dead water"),
        ("Quist, interjecting, offered \u201ctwo more weeks\u201d before the vote.", "two more weeks"),
        ("The leaflet never mentions the \u201cferry levy\u201d by name.", "ferry levy"),
    ],
)
def test_repeating_echoing_interjecting_and_mentioning_are_speech(text, words):
    assert [q for q, _ in pairs(text)] == [words]


def test_a_pronoun_after_a_linking_verb_is_still_a_word_talked_about():
    assert pairs("The old rulebook assumed every harbour captain was a \u201che\u201d until 1990.") == []


def test_a_short_quote_is_kept_when_someone_says_it_or_a_speech_verb_is_near():
    text = (
        "Ada Roe called the deal \u201ca trap.\u201d\n\n"
        "The report, released on Monday, described the plan as \u201cunworkable.\u201d"
    )
    assert [q for q, _ in pairs(text)] == ["a trap.", "unworkable."]


def test_a_quote_inside_a_clause_opening_the_sentence_is_that_clauses_subjects():
    text = (
        "The rally ran late.\n\n"
        "When Ines Duarte finally left the stage \u2014 \u201cWe will keep the ferry!\u201d \u2014 the crowd cheered."
    )
    assert pairs(text) == [("We will keep the ferry!", "Ines Duarte")]


def test_a_quote_with_its_own_speech_verb_keeps_it_after_an_opening_clause():
    text = "When Ines Duarte arrived, Tom Falk told reporters \u201cthe vote is lost.\u201d"
    assert pairs(text) == [("the vote is lost.", "Tom Falk")]


def test_the_next_sentence_may_say_whose_quote_it_was():
    text = (
        "\u201cThe toll stays until the bridge is paid for.\u201d That quote from Mayor Ines Duarte ran on "
        "every front page."
    )
    assert pairs(text) == [("The toll stays until the bridge is paid for.", "Ines Duarte")]
    text = "\u201cNo toll, no ferry.\u201d That line was painted on the harbour wall overnight."
    assert pairs(text) == [("No toll, no ferry.", None)]


def test_unnamed_source_is_no_speaker():
    text = '"The numbers do not add up," a spokesman said.'
    assert pairs(text) == [("The numbers do not add up,", None)]


def test_story_opening_on_a_quote_names_the_speaker_in_the_next_paragraph():
    text = (
        "\u201cWe are not going back to work.\u201d\n\n"
        "That was the message from union leader Carla Brandt on Friday, as the strike entered its third week."
    )
    assert pairs(text) == [("We are not going back to work.", "Carla Brandt")]


def test_possessive_claim_gives_the_speaker():
    text = "Inspectors questioned Mayor Ivo Petrak\u2019s claim that the pipes were \u201cgood for fifty years.\u201d"
    assert pairs(text) == [("good for fifty years.", "Ivo Petrak")]


def test_sentence_ending_inside_a_quote_starts_a_new_sentence_after_it():
    text = (
        'Russia urged "restraint on all sides." The Baltic Fisheries Council said the quotas were "far too generous."'
    )
    assert [s for _, s in pairs(text)] == ["Russia", "Baltic Fisheries Council"]


def test_surname_spelled_like_a_title_after_a_courtesy_title():
    text = (
        "Pastor Nia King led the march to the courthouse.\n\n"
        "\u201cWe will keep walking,\u201d Ms. King added.\n\n"
        "\u201cNot one step back,\u201d said Mr. Prince, her deacon."
    )
    assert [s for _, s in pairs(text)] == ["Nia King", "Prince"]


def test_an_office_after_a_courtesy_title_is_no_surname():
    text = "\u201cThe vote is closed,\u201d Mr. Speaker said."
    assert pairs(text) == [("The vote is closed,", None)]


def test_a_title_in_quote_marks_still_reads_as_part_of_the_sentence():
    text = (
        "On \u201cHarbour Hour,\u201d Councillor Ines Vale, who chairs the transport board, defended the "
        "new fares. \u201cBuses are cheaper than they were ten years ago.\u201d"
    )
    assert pairs(text) == [("Buses are cheaper than they were ten years ago.", "Ines Vale")]


def test_a_nickname_does_not_break_the_speaker_name():
    text = "\u201cWelcome home!\u201d his cousin, Del. Marta \u201cTiny\u201d Ruiz, shouted to the crowd."
    assert pairs(text) == [("Welcome home!", "Marta Ruiz")]


def test_party_tag_of_several_words_between_name_and_verb():
    text = "\u201cWe will not fold,\u201d Rep. Dana Ortiz (D-New Mexico), said on Friday."
    assert pairs(text) == [("We will not fold,", "Dana Ortiz")]


def test_a_name_right_after_a_description_is_the_speaker():
    text = (
        "Crowds filled the square on Monday.\n\n"
        "\u201cWe are ready,\u201d said the former mayor Tilda Brandt.\n\n"
        "\u201cThe road is closed,\u201d according to the event organiser Alliance for Quiet Streets.\n\n"
        "\u201cGo home,\u201d said the campaign group Harbour Watch."
    )
    assert [s for _, s in pairs(text)] == ["Tilda Brandt", "Alliance for Quiet Streets", "Harbour Watch"]


def test_a_straight_mark_left_open_before_a_curly_paragraph_is_stray():
    text = (
        "Mayor Dan Doe took the stage at nine.\n\n"
        '"Doe waved to the hall, chanting \u201cfour more years!\u201d\n\n'
        "\u201cWe love you,\u201d a supporter shouted back."
    )
    assert [q for q, _ in pairs(text)] == ["four more years!", "We love you,"]
    assert pairs(text)[0][1] == "Dan Doe"


def test_a_straight_mark_left_open_before_a_straight_paragraph_runs_on():
    text = '"The first part runs to the end of this paragraph.\n\n"The second part closes it," Ada Brennan said.'
    assert [s for _, s in pairs(text)] == ["Ada Brennan", "Ada Brennan"]


def test_a_quote_in_a_clause_of_its_own_belongs_to_that_clause_subject():
    text = (
        "Mayor Dan Doe spoke for an hour.\n\n"
        "\u201cCan you hear me?\u201d a man asked, but the hall was noisy, and as Doe went on about "
        "\u201cthe bridge we deserve,\u201d his neighbour Ada Roe said yes, yes, yes."
    )
    assert pairs(text)[1] == ("the bridge we deserve,", "Dan Doe")


def test_names_joined_by_and_open_no_clause():
    text = "Ada Roe and Dan Doe are backing \u201ccleaner rivers now\u201d this year, Ines Vale said."
    assert pairs(text) == [("cleaner rivers now", "Ines Vale")]


def test_whoever_issued_a_statement_said_what_it_calls_things():
    text = (
        "The Harbour Board issued a statement calling the closure \u201ca temporary measure.\u201d\n\n"
        "Mayor Dan Doe sent a letter describing the plan as \u201creckless.\u201d"
    )
    assert [s for _, s in pairs(text)] == ["Harbour Board", "Dan Doe"]


def test_a_pronoun_in_an_opening_clause_points_ahead_to_the_main_subject():
    text = (
        "\u201cBreak them up,\u201d said Senator Tom Marsh.\n\n"
        "Though she called the bank\u2019s conduct \u201cshameful\u201d at the hearing, Senator Ada Roe "
        "stopped short of backing him.\n\n"
        "\u201cWe will see.\u201d"
    )
    assert [s for _, s in pairs(text)] == ["Tom Marsh", "Ada Roe", "Ada Roe"]


def test_quotes_joined_by_and_are_one_list_with_one_speaker():
    text = (
        "Mayor Dan Doe spoke for an hour, and as Doe went on about \u201cfair rents\u201d and "
        "\u201csafer streets\u201d and \u201ccleaner air,\u201d Ada Roe said yes, yes, yes."
    )
    assert [s for _, s in pairs(text)] == ["Dan Doe", "Dan Doe", "Dan Doe"]


def test_cited_and_hailed_credit_the_words_to_their_subject():
    text = (
        "Senator Ada Roe spoke for an hour.\n\n"
        "The three \u201cflaws\u201d she cited were all in the tax code.\n\n"
        "The Valley Ledger hailed the mayor as \u201cthe builder of bridges.\u201d"
    )
    assert [s for _, s in pairs(text)] == ["Ada Roe", "Valley Ledger"]


def test_event_names_and_titles_after_his_or_her_are_not_quotes():
    text = (
        "Ada Roe and Dan Doe are taking part in \u201cClean Rivers Day,\u201d which the council runs.\n\n"
        "The mayor stood by her 2019 \u201cPlan for the Harbour.\u201d"
    )
    assert pairs(text) == []


def test_title_case_words_someone_says_are_still_a_quote():
    text = "Mayor Ada Roe ended every rally with \u201cMore Buses Now,\u201d she said."
    assert pairs(text) == [("More Buses Now,", "Ada Roe")]


def test_a_short_quote_near_a_word_for_something_said_is_kept():
    text = (
        "It sends a clear message that the \u201cinsiders\u201d can ignore the law.\n\n"
        "It shows that the \u201cinsiders\u201d can ignore the law."
    )
    assert pairs(text) == [("insiders", None)]


def test_so_called_is_no_speech_verb_for_a_term_in_quote_marks():
    text = "The so-called \u201cgreen corridor\u201d plan was dropped last year."
    assert pairs(text) == []


def test_a_group_of_people_is_an_unnamed_speaker_not_the_sentence_subject():
    text = "The council voted to close the depot, a decision opponents called \u201cshort-sighted.\u201d"
    assert pairs(text) == [("short-sighted.", None)]


def test_a_pronoun_points_back_to_the_subject_of_an_earlier_sentence_in_its_paragraph():
    text = (
        "A poll released last week found that most voters think the council is \u201cdoing a poor job.\u201d\n\n"
        "Councillor Laura Kemp has clashed with the mayor before. Last year she described his budget "
        "as \u201creckless and naive.\u201d"
    )
    assert pairs(text)[1] == ("reckless and naive.", "Laura Kemp")


def test_the_president_is_whoever_the_story_titled_president():
    text = (
        "The talks were chaired by President Ada Moreno.\n\n"
        "Tina Roe, a delegate, asked a question about fishing rights.\n\n"
        "\u201cWe are close,\u201d the president said.\n\n"
        "Mayor Jo de Vries left early. \u201cEnough,\u201d the mayor said."
    )
    assert [s for _, s in pairs(text)] == ["Ada Moreno", "Jo de Vries"]


def test_he_or_she_never_points_back_to_a_poll_or_a_newspaper():
    text = (
        "Councillor Laura Kemp spoke first.\n\n"
        "A poll released last week found the council was \u201cdoing a poor job.\u201d\n\n"
        "\u201cThat is unfair,\u201d she said.\n\n"
        "Ivo Marsh at the Harbour Review agreed with her.\n\n"
        "\u201cShe won the argument,\u201d he wrote."
    )
    assert [s for _, s in pairs(text)] == ["poll", "Laura Kemp", "Ivo Marsh"]


def test_a_pronoun_looks_back_past_a_paragraph_that_opens_with_a_quote():
    text = (
        "Councillor Bobby Marsh hosted the cookout, as he does every year.\n\n"
        "\u201cHe has never shown much ambition,\u201d said Ines Vale, a professor at the college.\n\n"
        "Marsh bristles at that. \u201cI have won every race I have run,\u201d he said."
    )
    assert [s for _, s in pairs(text)] == ["Ines Vale", "Bobby Marsh"]


def test_speech_verbs_are_whole_words_and_phrases_count_once():
    from factcheck.extract.verbs import speech_verbs

    frame = "Doe went on to say it, the so-called expert said-so, and according to Roe, she asked."
    assert [frame[s:e] for s, e in speech_verbs(frame)] == ["went on to say", "according to", "asked"]


def test_a_show_named_before_its_kind_of_work_is_a_title():
    text = "Callers to his \u201cMorning Harbour\u201d radio program said they were worried, and the series \u201cTides\u201d ran."
    assert pairs(text) == []


def test_the_clause_running_up_to_a_quote_after_another_quote_names_the_speaker():
    text = (
        "Councillor Ada Roe spent a week in hospital last year.\n\n"
        "After saying her ankle was \u201ctoo swollen to walk on,\u201d she was "
        "\u201crushed off to the clinic\u201d for tests."
    )
    assert pairs(text)[1] == ("rushed off to the clinic", "Ada Roe")


# --- speakers in the shapes wire copy uses ----------------------------------------------------


def test_an_apposition_that_opens_with_a_possessive_still_credits_the_name_before_it():
    text = (
        "\u201cThe pier reopens in June,\u201d Tomas Brandt, the harbour board\u2019s director, said on Monday.\n\n"
        "\u201cWe will need more crews,\u201d Ilse Moreau, Brandt\u2019s deputy, said. \u201cThe budget covers six.\u201d"
    )
    assert pairs(text) == [
        ("The pier reopens in June,", "Tomas Brandt"),
        ("We will need more crews,", "Ilse Moreau"),
        ("The budget covers six.", "Ilse Moreau"),
    ]


@pytest.mark.parametrize("verb", ["answered", "fumed", "barked", "shot back", "scoffed"])
def test_livelier_speech_verbs_credit_their_subject(verb):
    text = f"Talks stalled.\n\n\u201cNot one more cent for the stadium,\u201d Councillor Petra Lund {verb}. \u201cNot this year.\u201d"
    assert [s for _, s in pairs(text)] == ["Petra Lund", "Petra Lund"]


@pytest.mark.parametrize("verb", ["agrees", "opined", "answered", "retorted"])
def test_inverted_verbs_beyond_said_take_the_name_after_them(verb):
    text = f"Talks stalled.\n\n\u201cThe fares are too high,\u201d {verb} Kemal Arslan, a commuter from Leith."
    assert pairs(text) == [("The fares are too high,", "Kemal Arslan")]


def test_said_after_a_comma_mid_sentence_takes_the_name_that_closes_the_clause():
    text = (
        "Ridership fell.\n\n"
        'The fare rise would bring "a winter of empty buses" for the depot, cutting routes across the north, '
        "said Greta Sundqvist, a transport economist.\n\n"
        'The trouble with the plan, says Oren Vidal, a union organiser, is that it "punishes the night shift."'
    )
    assert pairs(text) == [("a winter of empty buses", "Greta Sundqvist"), ("punishes the night shift.", "Oren Vidal")]


def test_said_after_a_comma_before_a_name_that_is_what_was_said_keeps_the_subject():
    text = 'Ridership fell.\n\nMarta Kowal, a former depot manager, said Brandt "signed off on every cut."'
    assert pairs(text) == [("signed off on every cut.", "Marta Kowal")]


def test_a_description_with_of_before_the_name_after_said():
    text = (
        "Crowds gathered.\n\n"
        '"Welcome to the new square," said master of ceremonies Lina Haddad.\n\n'
        '"It belongs to everyone," said former minister of culture Piet Verhoeven, who cut the ribbon.'
    )
    assert [s for _, s in pairs(text)] == ["Lina Haddad", "Piet Verhoeven"]


def test_a_quote_after_an_inverted_credit_with_a_title_belongs_to_that_speaker():
    text = (
        "Turnout fell in the river wards, said Leeds University professor Hana Okafor. "
        "\u201cThat was where the ferry stopped running.\u201d"
    )
    assert pairs(text) == [("That was where the ferry stopped running.", "Hana Okafor")]


def test_a_speech_verb_and_colon_before_a_question_credit_it_over_a_clause_after():
    text = (
        "Mayor Ruth Abara faced the council.\n\n"
        'Abara, visibly tired, finally replied: "Who pays for the flood walls?" Her opponents noted it.'
    )
    assert pairs(text) == [("Who pays for the flood walls?", "Ruth Abara")]


def test_participles_of_shouting_and_replying_credit_the_name_before_them():
    text = (
        "Ivo Petrov, the home coach, watched the match.\n\n"
        "Fans ran onto the pitch, with Petrov reportedly shouting: \u201cClear the field now!\u201d"
    )
    assert pairs(text) == [("Clear the field now!", "Ivo Petrov")]


def test_a_known_surname_and_a_colon_credit_a_quote_mid_paragraph():
    text = (
        "Nadia Rahm and Colm Byrne both oppose the toll.\n\n"
        'Rahm: "The toll hits shift workers first." Byrne: "It should be scrapped."'
    )
    assert pairs(text) == [
        ("The toll hits shift workers first.", "Nadia Rahm"),
        ("It should be scrapped.", "Colm Byrne"),
    ]


def test_a_word_and_a_colon_that_name_no_one_in_the_story_credit_nothing():
    text = 'The council met.\n\nCorrection: "The vote was seven to two."'
    assert pairs(text) == [("The vote was seven to two.", None)]


def test_a_dash_line_under_a_paragraph_of_quote_credits_it():
    text = (
        "We checked three claims from the debate.\n\n"
        '"Rents have doubled in five years."\n\n'
        "- Ada Whitlock, at the debate.\n\n"
        "The figure is close: rents rose 92 percent.\n\n"
        '"Nobody has built a school here since 1990."\n\n'
        "\u2014 Whitlock.\n\n"
        "That is wrong."
    )
    assert [s for _, s in pairs(text)] == ["Ada Whitlock", "Ada Whitlock"]


def test_the_second_half_of_a_quote_split_by_its_attribution_is_the_same_speaker():
    text = (
        "\u201cThe rail link is late,\u201d Ines Duarte wrote in a letter to the Herald explaining her vote, "
        "\u201cbut it is still worth building.\u201d"
    )
    assert [s for _, s in pairs(text)] == ["Ines Duarte", "Ines Duarte"]


@pytest.mark.parametrize("opening", ["Early in the campaign,", "Shortly after the vote,", "Lisbon (Reuters) \u2013"])
def test_the_subject_after_an_opening_phrase_or_a_wire_dateline_speaks(opening):
    text = f"Councillor Mira Solberg spoke.\n\n{opening} Solberg attacked the plan, calling it, among other things, \u201ca blank cheque.\u201d"
    assert pairs(text) == [("a blank cheque.", "Mira Solberg")]


def test_a_round_up_line_credits_the_name_after_its_topic_and_a_dash():
    text = "Dana Voss studies turnout.\n\nSUBURBS STAY HOME - Dana Voss: \u201cFewer than half of the voters came out.\u201d [Gallup.]"
    assert pairs(text) == [("Fewer than half of the voters came out.", "Dana Voss")]


def test_a_capitalised_verb_before_the_name_and_a_colon_is_no_part_of_the_name():
    text = "Ansel Frye, a broker, spoke first.\n\nContinued Frye: \u201cThe harbour deal is not done.\u201d"
    assert pairs(text) == [("The harbour deal is not done.", "Ansel Frye")]


def test_is_quoted_as_saying_credits_its_subject():
    text = "Ansel Frye runs the survey.\n\n\u201cWe dial fewer homes, so it costs less,\u201d Frye is quoted as saying."
    assert pairs(text) == [("We dial fewer homes, so it costs less,", "Ansel Frye")]


def test_a_paragraph_of_quote_after_reported_speech_is_the_reporter_s_source():
    text = (
        "\u201cThe budget is sound,\u201d said treasurer Colm Byrne.\n\n"
        "Economist Dana Voss argued in a column that the council will have to borrow by spring.\n\n"
        "\u201cThe reserves cover four months at most.\u201d"
    )
    assert [s for _, s in pairs(text)] == ["Colm Byrne", "Dana Voss"]


def test_words_after_a_kind_of_work_are_speech_when_they_open_in_lower_case():
    text = (
        "Applications rose.\n\n"
        "The youth mentoring program \u201cis gaining ground in every district,\u201d deputy mayor Kofi Mensah told reporters."
    )
    assert pairs(text) == [("is gaining ground in every district,", "Kofi Mensah")]


@pytest.mark.parametrize(
    "sentence",
    [
        'Councillor Ada Lind appeared on "Morning Harbour Live" to defend the levy.',
        'Ada Lind told "Good Evening Leith" that the levy stays.',
        'Ada Lind, the co-author of "Rivers Run Dry," spoke at the launch.',
        'The "River Patrol" star Ada Lind spoke at the launch.',
    ],
)
def test_a_title_case_show_or_book_after_a_media_cue_is_not_a_quote(sentence):
    assert pairs("The levy passed.\n\n" + sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On Friday, after weeks of silence, Ostrowska backed the levy, saying, \u201cThe harbour needs it.\u201d",
        "Speaking at the depot, which reopened this week, Ostrowska said the harbour \u201cneeds it.\u201d",
        "Continuing her tour of the wards, Ostrowska praised the levy, calling it \u201cwhat the harbour needs.\u201d",
        "And then Ostrowska backed the levy, saying, \u201cThe harbour needs it.\u201d",
    ],
)
def test_the_subject_after_one_opening_phrase_after_another_speaks(sentence):
    text = "Councillor Vera Ostrowska toured the port.\n\n" + sentence
    assert [s for _, s in pairs(text)] == ["Vera Ostrowska"]


def test_a_name_ending_in_ing_is_still_a_subject():
    text = "Sarah Fleming leads the union.\n\nFleming told reporters, \u201cThe strike is on.\u201d"
    assert pairs(text) == [("The strike is on.", "Sarah Fleming")]


def test_a_participle_after_a_comma_credits_the_subject_not_the_noun_before_it():
    text = (
        "Mayor Ines Duarte spoke on Monday.\n\n"
        "Duarte also attacked Councillor Tom Reyes, with whom she clashed over the budget, calling him \u201ca spendthrift.\u201d"
    )
    assert pairs(text) == [("a spendthrift.", "Ines Duarte")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Duarte\u2019s reply was: \u201cIs the ferry running on Sunday?\u201d The aide said it was.",
        "Duarte\u2019s sharpest charge is that the audit is \u201ca cover story\u201d for the cuts.",
        'From Duarte\'s Facebook post: "We must move past the feud."',
    ],
)
def test_a_possessive_and_a_word_for_something_said_credit_the_quote(sentence):
    text = "Mayor Ines Duarte wrote back.\n\n" + sentence
    assert [s for _, s in pairs(text)] == ["Ines Duarte"]


def test_a_capitalised_verb_and_name_with_a_colon_credit_the_paragraph_of_quote_below():
    text = "Ansel Frye, a broker, spoke to the radio show.\n\nStated Frye:\n\n\u201cThe harbour deal is not done.\u201d"
    assert [s for _, s in pairs(text)] == ["Ansel Frye"]


def test_went_on_after_a_quote_credits_its_subject():
    text = "Ansel Frye, a broker, spoke.\n\n\u201cYou know, it happens,\u201d Frye went on, as if nobody had spoken."
    assert [s for _, s in pairs(text)] == ["Ansel Frye"]


def test_a_quote_opening_its_own_sentence_carries_on_the_quote_credited_before_it():
    text = (
        "\u201cThe rules stand,\u201d Ines Duarte wrote in the memo, which was first reported by the Herald. "
        "\u201cReopening the vote would break them.\u201d"
    )
    assert [s for _, s in pairs(text)] == ["Ines Duarte", "Ines Duarte"]


def test_a_town_and_a_two_word_state_after_an_opening_phrase_are_no_subject():
    text = (
        "Mayor Ines Duarte spoke on Monday.\n\n"
        "Speaking at a rally in Durham, North Carolina, Duarte went after her rival, calling him \u201ca total stiff.\u201d"
    )
    assert pairs(text) == [("a total stiff.", "Ines Duarte")]


def test_whose_someone_is_stays_out_of_their_full_name():
    text = (
        "Turnout will barely move, noted KTV\u2019s Dana Chinn.\n\n"
        "\u201cMost voters have made up their minds,\u201d she wrote."
    )
    assert pairs(text) == [("Most voters have made up their minds,", "Dana Chinn")]


@pytest.mark.parametrize(
    ("intro", "line", "speaker"),
    [
        ("Columnist Rosa Will wrote about the race.", "\u201cThe race is tight,\u201d Will wrote.", "Rosa Will"),
        ("Al From ran the council for years.", '"The times have changed," From said.', "Al From"),
        ("Theresa May met the cabinet.", '"The deal stands," May said.', "Theresa May"),
    ],
)
def test_a_surname_that_is_also_a_common_word_speaks_between_a_quote_and_its_verb(intro, line, speaker):
    assert [s for _, s in pairs(f"{intro}\n\n{line}")] == [speaker]


def test_a_pronoun_opening_the_sentence_after_a_quote_is_no_name():
    text = 'Dana Voss met the board.\n\n"Why now?" She asked it twice.'
    assert [s for _, s in pairs(text)] == ["Dana Voss"]


# --- headlines, slogans and marks left open ---------------------------------------------------


def test_a_headline_before_its_byline_is_not_a_quote():
    text = (
        "WEEKEND READS\n\n"
        '\u2014"Ferry fares to rise in spring," by the Harbour Gazette\'s Ada Lind: http://example.org/a\n\n'
        '"Night buses return to Leith," by Courier\'s Tom Reyes.'
    )
    assert pairs(text) == []


def test_an_article_quoted_after_its_headline_and_byline_is_an_excerpt_not_a_quote():
    text = (
        "ARTS AND CULTURE\n\n"
        'CLOSING\u2014"Harbour cinema to shut after sixty years," by the Gazette\'s Ada Lind: "The Regal, which '
        'opened in 1964, will show its last film on Sunday, its owners said." http://example.org/regal\n\n'
        '"Night buses return to Leith," by Courier\'s Tom Reyes: \u201cThe late service comes back in May.\u201d'
    )
    assert pairs(text) == []


def test_a_quote_after_a_headline_and_byline_that_someone_says_is_still_a_quote():
    text = (
        '"Harbour cinema to shut after sixty years," by the Gazette\'s Ada Lind.\n\n'
        'The owner, Tom Reyes, told the paper: "We tried everything to keep it open."'
    )
    assert pairs(text) == [("We tried everything to keep it open.", "Tom Reyes")]


def test_paragraphs_quoted_after_a_from_line_are_an_excerpt_not_a_quote():
    text = (
        "The column drew a sharp reply.\n\n"
        "From Ada Lind writing at the Harbour Gazette:\n\n"
        '"The ferry has run at a loss for a decade, and the council knows it.\n\n'
        '"Nobody on the council will say so before the vote."\n\n'
        "Read the rest of the column at the Gazette."
    )
    assert pairs(text) == []


def test_a_quote_after_a_from_line_that_is_narrative_is_still_a_quote():
    text = (
        "From Monday, the ferry runs every hour, the council said:\n\n"
        '"We heard the complaints and we acted," Mayor Ines Duarte said.'
    )
    assert pairs(text) == [("We heard the complaints and we acted,", "Ines Duarte")]


def test_a_word_and_a_colon_alone_in_quote_marks_is_a_link_label_not_a_quote():
    text = (
        '"The toll will go," Mayor Ines Duarte said.\n\n'
        '"See also:"\n\n'
        "Ferry fares to rise in spring.\n\n"
        '"Here is what we will do:"\n\n'
        "Duarte then read out the plan."
    )
    assert [q for q, _ in pairs(text)] == ["The toll will go,", "Here is what we will do:"]


def test_quote_marks_inside_an_embedded_social_post_are_not_the_storys_quotes():
    text = (
        "The mayor answered her critics online.\n\n"
        '<tweet id="41" author="@harbourwatch">\u201cThe toll stays,\u201d says @InesDuarte. Not for long.</tweet>\n\n'
        '"We will listen to every ferry user," Mayor Ines Duarte said on Friday.'
    )
    assert pairs(text) == [("We will listen to every ferry user,", "Ines Duarte")]


def test_a_post_left_open_ends_with_its_paragraph():
    text = (
        '<tweet id="41" author="@harbourwatch">\u201cThe toll stays\u201d \u2014 @InesDuarte\n\n'
        '"We will listen to every ferry user," Mayor Ines Duarte said on Friday.'
    )
    assert pairs(text) == [("We will listen to every ferry user,", "Ines Duarte")]


def test_a_headline_a_letter_cites_in_brackets_with_its_outlet_and_day_is_not_a_quote():
    text = (
        "LETTERS\n\n"
        'I agree with the mayor ("Duarte vows to keep the ferry," Gazette.com, Monday). The toll must go.\n\n'
        'As the harbour master put it ("The tide waits for no council," he said, March 3), we have waited long enough.'
    )
    assert [q for q, _ in pairs(text)] == ["The tide waits for no council,"]


def test_a_quote_ending_in_a_comma_before_by_and_a_plain_phrase_is_still_a_quote():
    text = 'Mayor Ines Duarte said the plan was "written in haste," by her own admission.'
    assert [q for q, _ in pairs(text)] == ["written in haste,"]


def test_a_capitalised_subhead_that_is_a_whole_paragraph_is_not_a_quote():
    text = (
        "The council met on Monday.\n\n"
        "\u201cTHE FERRY STAYS FOR ANOTHER DECADE\u201d\n\n"
        "\u201cThe ferry stays,\u201d Mayor Ines Duarte said."
    )
    assert pairs(text) == [("The ferry stays,", "Ines Duarte")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Supporters wore \u201cSave Our Leith Ferry Now\u201d T-shirts outside the hall.",
        "A delegate in a \u201cKeep Leith Harbour Working\u201d campaign cap waved from the floor.",
        "Marchers carried \u201cNo Toll Bridge for Leith\u201d placards down the high street.",
    ],
)
def test_a_slogan_printed_on_clothes_or_signs_is_not_a_quote(sentence):
    assert pairs("The levy passed.\n\n" + sentence) == []


def test_a_sentence_printed_on_a_shirt_is_still_a_quote():
    text = 'The union lost the vote. Its chair told reporters, "We lost." T-shirts sold out within hours.'
    assert [q for q, _ in pairs(text)] == ["We lost."]


def test_slogans_dated_in_brackets_are_titles_not_quotes():
    text = (
        "The party's posters grew harsher.\n\n"
        "\u201cKeep the Harbour Ours\u201d (2009) \u2014 \u201cNo to the Toll Bridge\u201d (2012)."
    )
    assert pairs(text) == []


def test_a_straight_mark_left_open_runs_to_the_end_of_its_paragraph():
    text = (
        "Duarte closed the meeting.\n\n"
        '"Nobody wants the toll bridge until the ferry stops running.\n'
        "Mayor Ines Duarte.\n\n"
        "The council adjourned."
    )
    assert [q for q, _ in pairs(text)] == ["Nobody wants the toll bridge until the ferry stops running."]


def test_each_title_in_a_list_after_a_title_cue_is_a_title():
    text = (
        "The actor was honoured on Friday.\n\n"
        "Lind, who had roles in \u201cHarbour Lights,\u201d \u201cLow Tide Over Leith\u201d and "
        "\u201cThe Long Pier,\u201d thanked the jury."
    )
    assert pairs(text) == []


def test_a_quote_after_a_title_and_a_plain_word_is_still_a_quote():
    text = "Lind, the star of \u201cHarbour Lights,\u201d said \u201cThe pier must be saved before winter.\u201d"
    assert [q for q, _ in pairs(text)] == ["The pier must be saved before winter."]


def test_a_song_named_after_its_kind_is_a_title():
    text = 'The rally closed as the anthem "Stand Up For Leith" blared from the speakers.'
    assert pairs(text) == []


def test_quoted_attributes_of_a_tag_that_runs_over_a_line_are_not_quotes():
    text = (
        "Doe answered online.\n\n"
        '<post author="@janedoe" date="March 9, 2024\n">The ferry stays.</post>\n\n'
        '"The ferry stays," Jane Doe wrote.'
    )
    assert pairs(text) == [("The ferry stays,", "Jane Doe")]


@pytest.mark.parametrize(
    "sentence",
    [
        'She tells the story in her memoir, "Tides of Leith," out this spring.',
        'The campaign\'s new ad, "A Bridge Built to Nowhere," ran twice on Sunday.',
        'According to "The Harbour Years" by Tomas Berg, the pier opened in 1902.',
    ],
)
def test_a_memoir_an_ad_or_a_book_by_its_author_is_a_title(sentence):
    assert pairs("The levy passed.\n\n" + sentence) == []


def test_a_short_exclamation_with_no_speech_verb_is_still_a_quote():
    text = "The doors opened at noon.\n\n\u201cWe did it!\u201d beamed a volunteer at the gate."
    assert [q for q, _ in pairs(text)] == ["We did it!"]


@pytest.mark.parametrize(
    "credit, speaker",
    [("Tomas Berg, Leith Harbour Trust.", "Tomas Berg"), ("Tomas Berg.", "Tomas Berg")],
)
def test_a_pull_quote_belongs_to_the_credit_line_its_mark_closes_after(credit, speaker):
    text = (
        "The ferry debate went on.\n\n"
        '"Nobody wants the toll bridge until the ferry stops running.\n' + credit + '"\n\nThe council adjourned.'
    )
    assert pairs(text) == [("Nobody wants the toll bridge until the ferry stops running.", speaker)]


def test_a_headline_ending_in_a_quoted_word_still_names_no_speaker():
    text = 'Harbour Board Calls Toll Plan "Reckless"\n\n"It is reckless," the board said in a statement.'
    assert pairs(text)[0] == ("Reckless", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Councillor Ada Lind mocked Berg\u2019s \u201cbridge to nowhere\u201d remark on Tuesday.",
        "Berg\u2019s \u201cwe will never sell the pier\u201d promise haunted him, Ada Lind said.",
    ],
)
def test_words_between_a_possessive_name_and_a_word_for_something_said_are_the_possessors(sentence):
    text = "Mayor Tomas Berg spoke first.\n\n" + sentence
    assert [s for _, s in pairs(text)] == ["Tomas Berg"]


def test_a_surname_that_is_also_a_title_speaks_once_the_story_has_named_the_person():
    text = (
        "Rep. Peter King spoke at the harbour on Monday.\n\n"
        "\u201cWe must act before the winter storms,\u201d King said."
    )
    assert pairs(text) == [("We must act before the winter storms,", "Peter King")]


@pytest.mark.parametrize(
    "sentence",
    [
        "King said \u201cwe must act before the winter storms.\u201d",
        "King told reporters: \u201cWe must act before the winter storms.\u201d",
    ],
)
def test_a_surname_that_is_also_a_title_speaks_before_its_verb_too(sentence):
    text = "Rep. Peter King spoke at the harbour on Monday.\n\n" + sentence
    assert [s for _, s in pairs(text)] == ["Peter King"]


def test_a_title_with_no_one_of_that_surname_in_the_story_is_still_no_speaker():
    text = "The board met.\n\n\u201cWe must act before the winter storms,\u201d King said."
    assert [s for _, s in pairs(text)] == [None]


def test_a_headline_run_of_capitals_does_not_widen_a_word_into_a_false_full_name():
    text = (
        "Lind: \u2018I\u2019m Sure Harbour Americans Will Say No To The Toll\u2019\n\n"
        "Mayor Ada Lind said she expected that Americans will say \u201cno thanks\u201d to the toll bridge."
    )
    speakers_found = [s for _, s in pairs(text)]
    assert speakers_found and all("Harbour" not in (s or "") for s in speakers_found)


def test_an_ampersand_in_a_title_keeps_it_a_title():
    text = (
        "Speaking on Harbour Radio\u2019s \u201cTides & Times,\u201d Mayor Rosa Kent said the pier "
        "would reopen \u201cbefore the summer.\u201d"
    )
    assert pairs(text) == [("before the summer.", "Rosa Kent")]


def test_such_as_and_as_well_as_list_names_and_do_not_make_a_quote():
    text = 'Labels such as "red tape" were dropped, as well as "quick wins". The board saw it as a "rescue".'
    assert [words for words, _ in pairs(text)] == ["rescue"]


def test_a_from_line_that_names_a_writer_but_no_outlet_keeps_the_quote_after_it():
    text = 'From the harbour master:\n\n"We will reopen the slipway on Monday," she wrote.\n'
    assert [words for words, _ in pairs(text)] == ["We will reopen the slipway on Monday,"]

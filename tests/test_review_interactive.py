from tests.gitnewsroom import STRANGER, scanned


def test_review_loop_records_answers_in_one_commit(newsroom):
    room = scanned(newsroom)
    before = int(room.git("rev-list", "--count", "HEAD"))
    # 114: approve with a note; quote: skip; 12: reject with a note
    result = room.run("review", "drafts/vote.md", input="a\nminutes p. 4\ns\nr\nit is 21 million\n")
    assert result.exit_code == 0, result.output
    assert "(1/3)" in result.output and "(3/3)" in result.output
    assert "sentence: The council approved 114 new homes" in result.output
    statuses = {c["text"]: c.get("status", "pending") for c in room.claims()}
    assert statuses == {"114": "approved", "We will start building in spring,": "pending", "12": "rejected"}
    assert int(room.git("rev-list", "--count", "HEAD")) == before + 1
    assert "Fact-checked-by: Ed Itor <ed@example.org>" in room.git("log", "-1", "--format=%B")


def test_quit_keeps_decisions_made_so_far(newsroom):
    room = scanned(newsroom)
    result = room.run("review", "drafts/vote.md", input="a\n\nq\n")
    assert result.exit_code == 0, result.output
    assert [c.get("status", "pending") for c in room.claims()] == ["approved", "pending", "pending"]


def test_end_of_input_is_quit(newsroom):
    room = scanned(newsroom)
    result = room.run("review", "drafts/vote.md", input="")
    assert result.exit_code == 0
    assert "no decisions" in result.output
    assert room.git("status", "--porcelain") == ""


def test_unknown_key_asks_again_and_reject_insists_on_a_note(newsroom):
    room = scanned(newsroom)
    result = room.run("review", "drafts/vote.md", input="x\nr\n\nwrong depot\nq\n")
    assert result.exit_code == 0, result.output
    assert "please answer with one of" in result.output
    first = room.claims()[0]
    assert first["status"] == "rejected" and first["reviews"][0]["note"] == "wrong depot"


def test_non_reviewer_is_refused_before_any_question(newsroom):
    room = scanned(newsroom)
    result = room.run("review", "drafts/vote.md", who=STRANGER, input="a\n")
    assert result.exit_code == 2
    assert "(1/3)" not in result.output


def test_nothing_to_review(newsroom):
    room = scanned(newsroom)
    room.run("approve", "drafts/vote.md", *[c["id"] for c in room.claims()])
    result = room.run("review", "drafts/vote.md")
    assert result.exit_code == 0 and "nothing to review" in result.output


def test_each_decision_is_confirmed_and_the_summary_shows_claim_texts(newsroom):
    room = scanned(newsroom)
    result = room.run("review", "drafts/vote.md", input="a\n\ns\nr\nit is 21 million\n")
    assert result.exit_code == 0, result.output
    ids = {c["text"]: c["id"] for c in room.claims()}
    out = result.output
    assert f"\napproved: {ids['114']} “114”\n" in out
    assert f"\nskipped: {ids['We will start building in spring,']} “We will start building in spring,”\n" in out
    assert f"\nrejected: {ids['12']} “12”\n" in out
    summary = out[out.index("recorded 2 decisions") :]
    assert f"approved  {ids['114']}  “114”" in summary
    assert f"rejected  {ids['12']}  “12”" in summary
    assert "committed " in summary


def test_piped_answers_keep_prompt_and_output_on_separate_lines(newsroom):
    room = scanned(newsroom)
    out = room.run("review", "drafts/vote.md", input="a\nminutes p. 4\nq\n").output
    assert "[q]uit? a\nnote (optional): minutes p. 4\napproved: " in out


def test_undo_takes_back_the_last_decision_and_asks_again(newsroom):
    room = scanned(newsroom)
    # approve 114, then undo it and reject it instead; undo with nothing decided says so
    result = room.run("review", "drafts/vote.md", input="u\na\n\nu\nr\nwrong site\nq\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "nothing to undo" in out
    cid = room.claim_id("114")
    assert f"undone: approved: {cid} “114”" in out
    assert out.count("(1/3)") == 3  # asked first, again after the empty undo, again after the undo
    first = room.claims()[0]
    assert first["status"] == "rejected" and [r["decision"] for r in first["reviews"]] == ["rejected"]

import json
import pytest
from hypothesis import given, settings, strategies as st
from dagger_nb.rewards import format_reward, execution_reward, correctness_reward, dagger_reward
from dagger_nb.executor import answers_match, completion_text, run
from graph_cases import EXAMPLE, fenced, well_formed_graphs

GOOD = fenced(EXAMPLE)
BROKEN_REF = fenced(json.dumps(EXAMPLE).replace('["total"]', '["nope"]'))
WRONG = fenced(json.dumps(EXAMPLE).replace('["n1", "n3"]', '["n1", "n2"]'))
PROSE = "উত্তর: ৬০০"


def test_four_levels_plain_and_chat():
    comps = [PROSE, BROKEN_REF, WRONG, GOOD]
    assert dagger_reward(comps, ["৬০০"] * 4) == [0.0, 0.5, 1.0, 2.0]
    chat = [[{"role": "assistant", "content": x}] for x in comps]
    assert dagger_reward(chat, solution=[600.0] * 4) == [0.0, 0.5, 1.0, 2.0]
    assert dagger_reward(chat, solution=[600] * 4, prompt=[[]] * 4, question=["q"] * 4) == [0.0, 0.5, 1.0, 2.0]
    parts = [format_reward(comps, [600] * 4), execution_reward(comps, [600] * 4), correctness_reward(comps, [600] * 4)]
    assert parts == [[0, .5, .5, .5], [0, 0, .5, .5], [0, 0, 0, 1]]


def test_lenient_only_text_gets_no_format_reward():
    bare = json.dumps(EXAMPLE)
    assert run(bare).value == 600.0
    assert dagger_reward([bare], [600]) == [0.0]


def test_exec_uses_lenient_reading_inside_a_valid_format():
    text = fenced(json.dumps(EXAMPLE).replace('"mul"', '"times"'))
    assert dagger_reward([text], [600]) == [2.0]


def test_completion_text_shapes():
    assert completion_text("x") == "x"
    assert completion_text([{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]) == "a"
    assert completion_text({"role": "assistant", "content": [{"type": "text", "text": "t"}]}) == "t"
    assert completion_text(None) == ""


@pytest.mark.parametrize("value,gold,want", [
    (600.0, "৬০০", True), (600.0, 600, True), (600.0, "600.0", True), (1250.5, "১,২৫০.৫", True),
    (600.0006, 600, True), (600.01, 600, False), (0.0, 0, True), (None, 1, False), (float("nan"), 1, False),
    (5, "পাঁচ", False),
])
def test_answers_match(value, gold, want):
    assert answers_match(value, gold) is want


def test_missing_gold_is_a_clear_error():
    with pytest.raises(ValueError, match="solution"):
        dagger_reward([GOOD])
    with pytest.raises(ValueError, match="2 gold"):
        dagger_reward([GOOD], [1, 2])
    assert dagger_reward([GOOD], answer=[600]) == [2.0]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), well_formed_graphs().map(fenced)))
def test_reward_values_and_sum(text):
    r = run(text)
    gold = r.value if r.ok else 1.0
    d = dagger_reward([text], [gold])[0]
    assert d in (0.0, 0.5, 1.0, 2.0)
    assert d == format_reward([text])[0] + execution_reward([text])[0] + correctness_reward([text], [gold])[0]


from dagger_nb.parse import format_error  # noqa: E402
from graph_cases import messy_texts  # noqa: E402


def test_format_check_is_the_spec_check_not_strict_parsing():
    stringly = fenced(json.dumps(EXAMPLE).replace('"val": 120', '"val": "১২০"'))
    assert format_error(stringly) is None                     # the spec's I_fmt looks at structure only
    assert run(stringly, strict=True).stage == "parse"        # strict parsing also wants numbers as numbers
    assert dagger_reward([stringly], [600]) == [2.0]          # executed leniently, as the paper's evaluation did
    assert "exactly one" in format_error(GOOD + "\n" + GOOD)
    assert "at least 3" in format_error(fenced({"nodes": EXAMPLE["nodes"][:2]}))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), well_formed_graphs().map(fenced), messy_texts().map(lambda c: c[1])))
def test_strict_accepted_implies_format_accepted(text):
    if run(text, strict=True).graph is not None:
        assert format_error(text) is None
        assert format_reward([text]) == [0.5]

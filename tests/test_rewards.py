from hypothesis import given, settings, strategies as st
from dagger_nb.rewards import format_reward, execution_reward, correctness_reward, dagger_reward
from dagger_nb.executor import run
from graph_cases import fenced, well_formed_graphs


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


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), well_formed_graphs().map(fenced), messy_texts().map(lambda c: c[1])))
def test_strict_accepted_implies_format_accepted(text):
    if run(text, strict=True).graph is not None:
        assert format_error(text) is None
        assert format_reward([text]) == [0.5]

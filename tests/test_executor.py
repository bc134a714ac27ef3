import json, math, time
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck
from dagger_nb.graph import Limits
from dagger_nb.parse import parse_graph
from dagger_nb.executor import run, RunResult, draw_graph
from graph_cases import EXAMPLE, fenced, well_formed_graphs


def c(i, v):
    return {"id": i, "op": "const", "val": v}


def op(i, o, *args):
    return {"id": i, "op": o, "args": list(args)}


FIN = lambda a: op("final_result", "identity", a)


HOSTILE = {
    "10 MB of text": "x" * 10_000_000,
    "1e5-deep brackets": "[" * 100_000 + "]" * 100_000,
    "1e5-deep braces in a fence": "```json\n" + '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n```",
    "25k-deep within size limit": "[" * 25_000,
    "deep unbalanced, repair path": "{'nodes': " + "[" * 15_000,
    "NaN literal": fenced(json.dumps(EXAMPLE).replace("120", "NaN")),
    "Infinity literal": json.dumps(EXAMPLE).replace("120", "Infinity"),
    "huge int literal": json.dumps(EXAMPLE).replace("120", "9" * 4000),
    "too many digits for int()": json.dumps(EXAMPLE).replace("120", "9" * 5000),
    "huge power": json.dumps({"nodes": [c("a", 10), c("b", 1e9), op("p", "pow", "a", "b"), FIN("p")]}),
    "power tower": json.dumps({"nodes": [c("a", 9)] + [op(f"p{i}", "pow", f"p{i-1}" if i else "a", "a") for i in range(50)] + [FIN("p49")]}),
    "gcd of huge values": json.dumps({"nodes": [c("a", 1e15), c("b", 999999999999989), op("g", "gcd", "a", "b"), FIN("g")]}),
    "lcm of many primes": json.dumps({"nodes": [c(f"a{i}", p) for i, p in enumerate([999983, 999979, 999961, 999959, 999953])] + [op("l", "lcm", *[f"a{i}" for i in range(5)]), FIN("l")]}),
    "256 nodes x 64 args": json.dumps({"nodes": [c("a", 1.0000001)] + [op(f"m{i}", "mul", *(["a"] + [f"m{j}" for j in range(max(0, i - 63), i)])) for i in range(254)] + [FIN("m253")]}),
    "many fences": "```" * 16_000,
    "json_repair worst case at its budget": "{" + "a:1," * 999,
    "unquoted words at the json_repair budget": "{" + "a b c d " * 499,
    "Python subscripts": "[{}]" * 12_000,
    "unary minus chain": "[" + "-" * 49_000 + "1]",
    "50k of garbage JSON": "{" + ",".join(['"a": [1, 2, {"b": \'x\'}]'] * 1500),
    "many open braces": "{" * 49_999,
    "prose with brackets": ("see [1] and {2} " * 3000),
    "long label": json.dumps({"nodes": [dict(c("a", 1), label="ক" * 40_000), c("b", 2), FIN("a")]}),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_inputs_return_quickly(name):
    text = HOSTILE[name]
    t = time.perf_counter()
    for strict in (False, True):
        r = run(text, strict=strict)
        assert isinstance(r, RunResult)
        if r.ok:
            assert math.isfinite(r.value)
        else:
            assert r.error and r.stage in ("parse", "check", "execute")
    assert time.perf_counter() - t < 1.0, name  # both modes together; the benchmark reports the real figure (target 50 ms)


INTERNAL = ("could not read the graph (", "execution failed (")   # run's last-resort messages: a bug if seen


def assert_reported(r):
    "run's result is a value, or a readable error from the stage that failed (not the last-resort catch-all)."
    assert r.ok or (r.error and r.stage in ("parse", "check", "execute"))
    assert not (r.error or "").startswith(INTERNAL), r.error


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_run_never_raises_on_random_text(s):
    for text in (s, "```json\n" + s + "\n```", "{" + s, "[{" + s, '{"nodes": [' + s):
        for strict in (False, True):
            assert_reported(run(text, strict=strict))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda ch: st.lists(ch, max_size=5) | st.dictionaries(st.sampled_from(["id", "op", "val", "args", "nodes", "distractor", "label", "x"]), ch, max_size=5),
    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_run_never_raises_on_random_json(data):
    for text in (json.dumps(data), fenced(json.dumps(data)), json.dumps({"nodes": data}), repr(data)):
        for strict in (False, True):
            assert_reported(run(text, strict=strict))
    if isinstance(data, (dict, list)):
        assert_reported(run(data))
        assert_reported(run({"nodes": data}))


@settings(max_examples=300, deadline=None)
@given(well_formed_graphs())
def test_removing_derived_distractors_keeps_the_value(data):
    full = run(data)
    keep = set(n["id"] for n in data["nodes"]) - set(full.distractors)
    pruned = run({"nodes": [n for n in data["nodes"] if n["id"] in keep]})
    assert full.ok == pruned.ok
    if full.ok:
        assert pruned.value == full.value and pruned.distractors == []
    else:
        assert full.error == pruned.error


@settings(max_examples=300, deadline=None)
@given(well_formed_graphs(), st.sampled_from(["", "Answer:\n", "ভেবে দেখি।\n"]))
def test_strict_accepted_is_lenient_accepted_with_same_value(data, prefix):
    text = prefix + fenced(data) + "\n"
    s, l = run(text, strict=True), run(text)
    if s.graph is not None:
        assert l.graph is not None and l.graph.nodes == s.graph.nodes
    if s.ok:
        assert l.ok and l.value == s.value and l.distractors == s.distractors


@settings(max_examples=100, deadline=None)
@given(well_formed_graphs())
def test_generated_graph_values_are_bounded(data):
    r = run(data)
    assert r.stage in (None, "execute")
    for v in r.values.values():
        assert math.isfinite(v) and abs(v) <= Limits().max_abs


def test_draw_graph_without_bangla_font_hides_labels(monkeypatch):
    import matplotlib
    matplotlib.use("Agg")
    import dagger_nb.executor as ex
    monkeypatch.setattr(ex, "bangla_font", lambda: None)
    fig = ex.draw_graph(EXAMPLE)
    ax = fig.axes[0]
    shown = " ".join(t.get_text() for t in ax.texts)
    assert "প্রতিদিন" not in shown and "n1: 120" in shown
    assert "Bangla labels hidden" in ax.get_title()


from graph_cases import messy_texts  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(messy_texts())
def test_lenient_repairs_keep_the_meaning(case):
    data, text = case
    clean, messy = run(data), run(text)
    assert clean.ok == messy.ok, (messy.error, messy.repairs)
    if clean.ok:
        assert messy.value == clean.value
        assert sorted(messy.distractors) == sorted(clean.distractors)
    strict = run(text, strict=True)
    if strict.ok:
        assert messy.ok and messy.value == strict.value


node_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=6),
                        st.lists(st.one_of(st.text(max_size=4), st.integers(), st.floats()), max_size=4),
                        st.sampled_from(["n0", "n1", "final_result", "add", "ADD", "const", "১২", "1,000", "true"]))
raw_nodes = st.lists(st.dictionaries(st.sampled_from(["id", "op", "val", "args", "distractor", "label"]), node_values, max_size=6),
                     max_size=8)


@settings(max_examples=400, deadline=None)
@given(raw_nodes)
def test_run_never_raises_on_random_node_lists(nodes):
    for strict in (False, True):
        assert_reported(run({"nodes": nodes}, strict=strict))
        assert_reported(run(fenced({"nodes": nodes}), strict=strict))


@pytest.mark.parametrize("data", [
    {"nodes": [{"id": "x", "op": "add", "args": ["y", "x"]}, {"id": "y", "op": "identity", "args": ["x"]},
               {"id": "final_result", "op": "identity", "args": ["y"]}]},                      # cycle
    {"nodes": [c("a", 1), c("a", 2), op("b", "frob", "a", "zz"), FIN("b")]},                  # dup, unknown op/ref
    {"nodes": [c("a", 1), c("b", 0), op("d", "div", "a", "b"), FIN("d")]},                    # execution error
    {"nodes": [c(f"k{i}", i) for i in range(40)] + [op("s", "sum", *[f"k{i}" for i in range(40)]), FIN("s")]},  # wide
])
def test_draw_graph_survives_broken_graphs(data, tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig = draw_graph(parse_graph(data, strict=True))
    fig.savefig(tmp_path / "x.png")
    plt.close(fig)

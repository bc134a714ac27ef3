import json
import pytest
from hypothesis import given, settings
from dagger_nb.graph import (OPS, OP_SYNONYMS, OPERATIONS, canonical_op, Node, Graph, check_graph, derived_distractors, Limits)
from dagger_nb.parse import GraphParseError, parse_graph
from graph_cases import EXAMPLE, fenced, well_formed_graphs


def test_ops_table_matches_spec():
    assert set(OPS) == {"const", "identity", "add", "mul", "sub", "div", "sum", "mean", "min", "max", "abs",
                        "round", "floor", "ceil", "sqrt", "pow", "mod", "gcd", "lcm"}
    assert OPS["sub"] == (2, 2) and OPS["abs"] == (1, 2) and OPS["add"] == (2, None)
    assert all(v in OPS for v in OP_SYNONYMS.values())
    assert canonical_op("ratio_split") is None and canonical_op("Minus") == "sub"


def test_strict_and_lenient_agree_on_clean_graph():
    text = fenced(EXAMPLE)
    g1, g2 = parse_graph(text, strict=True), parse_graph(text)
    assert g1 == g2 and g1.repairs == []
    assert json.loads(g1.to_json()) == EXAMPLE
    assert derived_distractors(g1) == ["n2"]
    assert check_graph(g1) == []


@pytest.mark.parametrize("text,needle", [
    ("no json here", "```json"),
    ("```json\n" + json.dumps(EXAMPLE) + "\n``` and ```json\n{}\n```", "exactly one"),
    ("```json\n" + json.dumps(EXAMPLE), "never closed"),
    ("```json\n" + json.dumps(EXAMPLE["nodes"]) + "\n```", "expected a JSON object"),
    (fenced({"nodes": EXAMPLE["nodes"][:2]}), "at least 3"),
    (fenced({"nodes": EXAMPLE["nodes"][:4]}), "final_result"),
    (fenced({"nodes": EXAMPLE["nodes"] + [EXAMPLE["nodes"][-1]]}), "final_result"),
    (fenced(json.dumps(EXAMPLE).replace("120", "NaN")), "NaN"),
    (fenced(json.dumps(EXAMPLE).replace("120", '"১২০"')), "val must be a JSON number"),
    (fenced(json.dumps(EXAMPLE) + ","), "line 2, column"),
    ("```json\n{'nodes': []}\n```", "character"),
])
def test_strict_rejects_with_readable_reason(text, needle):
    with pytest.raises(GraphParseError, match=needle):
        parse_graph(text, strict=True)


def test_lenient_repairs_are_recorded():
    messy = """Let me think.
```
[{'id': 'a', 'op': 'CONSTANT', 'val': '১,২০০', 'label': 'x'},
 {'id': 'b', 'op': 'const', 'val': 3, 'distractor': 'yes',},
 {'id': 'c', 'op': 'times', 'args': ['a', '2']},
 {'id': 'total', 'op': 'plus', 'args': ['c', 1]},
]
```"""
    g = parse_graph(messy)
    text = "\n".join(g.repairs)
    for needle in ["without a language tag", "Python-style JSON", "trailing commas", "single quotes", "bare node list",
                   "'CONSTANT' read as 'const'", "'১,২০০' read as 1200", "distractor 'yes'", "'times' read as 'mul'",
                   "arg '2'", "no final_result"]:
        assert needle in text, needle
    assert g.node("a").val == 1200.0 and g.node("c").args == ["a", 2.0] and g.node("b").distractor is True
    assert g.nodes[-1].id == "final_result" and g.nodes[-1].args == ["total"]


def test_json_repair_fixes_what_python_cannot():
    text = json.dumps(EXAMPLE, ensure_ascii=False)[:-3]     # truncated: the closing brackets are missing
    text = text.replace('"n2", "op"', '"n2", // a distractor\n "op"')
    g = parse_graph("```json\n" + text + "\n```")
    assert any("json_repair" in r and "unbalanced brackets" in r for r in g.repairs)
    assert [n.id for n in g.nodes] == [n["id"] for n in EXAMPLE["nodes"]]


def test_repair_budget_is_enforced():
    long = json.loads(json.dumps(EXAMPLE))
    long["nodes"][0]["label"] = "ক" * 5000
    messy = "```json\n" + json.dumps(long, ensure_ascii=False)[:-2] + "\n```"
    with pytest.raises(GraphParseError, match="max_repair_chars"):
        parse_graph(messy)
    assert len(parse_graph(messy, limits=Limits(max_repair_chars=10_000))) == 5


def test_lenient_reads_json_inside_prose_and_bare_json():
    g = parse_graph("The graph is " + json.dumps(EXAMPLE) + " as requested.")
    assert len(g) == 5 and any("inside the text" in r for r in g.repairs)
    g = parse_graph(json.dumps(EXAMPLE))
    assert g.repairs == ["no code fence: read the bare JSON text"]


@pytest.mark.parametrize("tail", ["\nAnswer: 5 {done}", '\n{"answer": 5}', "\n[1, 2] and {x}", " — that's it }", "\n```"])
def test_lenient_reads_bare_json_followed_by_prose_with_braces(tail):
    "Bare JSON, then prose that holds braces or another JSON value: the graph is the first value, not the span to the last brace."
    g = parse_graph(json.dumps(EXAMPLE) + tail)
    assert g.to_json() == parse_graph(json.dumps(EXAMPLE)).to_json()
    assert [n.id for n in g.nodes] == [n["id"] for n in EXAMPLE["nodes"]]


def test_lenient_fallback_final_last_unused_node():
    nodes = [n for n in EXAMPLE["nodes"] if n["id"] != "final_result"]
    g = parse_graph({"nodes": nodes})
    assert g.node("final_result").args == ["total"]
    assert "no other node uses" in g.repairs[-1]
    with pytest.raises(GraphParseError):
        parse_graph(fenced({"nodes": nodes}), strict=True)


def test_lenient_reorders_topologically_and_numeric_ids():
    data = {"nodes": [{"id": 3, "op": "add", "args": [1, 2]}, {"id": 1, "op": "const", "val": 2},
                      {"id": 2, "op": "const", "val": 5}, {"id": "final_result", "op": "identity", "args": [3]}]}
    g = parse_graph(data)
    assert [n.id for n in g.nodes] == ["1", "2", "3", "final_result"]
    assert g.node("3").args == ["1", "2"]
    assert check_graph(g) == []


def test_check_graph_names_each_problem():
    data = {"nodes": [
        {"id": "a", "op": "const", "val": 3}, {"id": "a", "op": "const", "val": 4},
        {"id": "b", "op": "ADD", "args": ["a", "c"]}, {"id": "c", "op": "sub", "args": ["a"]},
        {"id": "d", "op": "ratio_split", "args": ["a", "zz"], "distractor": True},
        {"id": "e", "op": "const"},
        {"id": "final_result", "op": "mul", "args": ["b", "d"]}]}
    probs = check_graph(parse_graph(data, strict=True))
    kinds = {(p.node, p.kind) for p in probs}
    assert {("a", "duplicate_id"), ("b", "unknown_op"), ("b", "order"), ("c", "arity"), ("d", "unknown_op"),
            ("d", "unknown_ref"), ("e", "missing_val"), ("final_result", "final_op"),
            ("d", "distractor_flag"), ("e", "distractor_flag")} <= kinds
    assert all(p.node is None or p.node in p.message for p in probs)
    assert {p.severity for p in probs if p.kind in ("distractor_flag", "final_op")} == {"warning"}


def test_cycle_detected():
    data = {"nodes": [{"id": "x", "op": "add", "args": ["y", "x"]}, {"id": "y", "op": "identity", "args": ["x"]},
                      {"id": "final_result", "op": "identity", "args": ["y"]}]}
    assert "cycle" in {p.kind for p in check_graph(parse_graph(data, strict=True))}
    g = parse_graph(data)  # lenient cannot reorder a cycle
    assert "cycle" in {p.kind for p in check_graph(g)}


def test_limits_are_enforced():
    lim = Limits(max_nodes=4, max_args=2)
    with pytest.raises(GraphParseError, match="max_nodes"):
        parse_graph(EXAMPLE, limits=lim)
    big = {"nodes": [{"id": "a", "op": "const", "val": 1}, {"id": "s", "op": "add", "args": ["a"] * 3},
                     {"id": "final_result", "op": "identity", "args": ["s"]}]}
    with pytest.raises(GraphParseError, match="max_args"):
        parse_graph(big, limits=lim)
    with pytest.raises(GraphParseError, match="max_abs"):
        parse_graph(json.dumps(EXAMPLE).replace("120", "1e300"))


@settings(max_examples=150, deadline=None)
@given(well_formed_graphs())
def test_generated_graphs_are_clean(data):
    g = parse_graph(fenced(data), strict=True)
    assert [p for p in check_graph(g)] == []
    assert derived_distractors(g) == [n["id"] for n in data["nodes"] if n["distractor"]]
    assert Graph.model_validate_json(g.to_json()) == g


def test_node_model_validates_json():
    n = Node.model_validate({"id": "x", "op": "add", "args": ["a", 2]})
    assert n.args == ["a", 2.0] and n.distractor is False and n.label == ""


def test_registry_drives_the_executor_the_checks_and_the_prompt():
    from dagger_nb.executor import run
    from dagger_nb.prompts import paper_prompt
    prompt = paper_prompt("x")
    for name, op in OPERATIONS.items():
        assert OPS[name] == (op.min_args, op.max_args) and (op.fn is None) == (name == "const")
        assert f"- `{name}`: {op.doc}" in prompt
        assert all(canonical_op(s) == name for s in op.synonyms)
        if op.fn is None: continue
        xs = [6.0, 3.0][:op.min_args]
        nodes = [{"id": f"c{i}", "op": "const", "val": x} for i, x in enumerate(xs)]
        nodes += [{"id": "r", "op": name, "args": [n["id"] for n in nodes]}, {"id": "final_result", "op": "identity", "args": ["r"]}]
        assert run({"nodes": nodes}).value == op.fn(xs, Limits()), name
        if op.max_args is not None:   # one argument too many: the checker says so, naming the node
            nodes[-2]["args"] = ["c0"] * (op.max_args + 1)
            res = run({"nodes": nodes})
            assert res.stage == "check" and f"node 'r': '{name}' takes" in res.error, (name, res.error)

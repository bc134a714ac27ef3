from hypothesis import given, settings
from dagger_nb.graph import OPS, OPERATIONS, canonical_op, Graph, check_graph, derived_distractors, Limits
from dagger_nb.parse import parse_graph
from graph_cases import fenced, well_formed_graphs


@settings(max_examples=150, deadline=None)
@given(well_formed_graphs())
def test_generated_graphs_are_clean(data):
    g = parse_graph(fenced(data), strict=True)
    assert [p for p in check_graph(g)] == []
    assert derived_distractors(g) == [n["id"] for n in data["nodes"] if n["distractor"]]
    assert Graph.model_validate_json(g.to_json()) == g


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

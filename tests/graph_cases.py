"Shared helpers for the graph/executor/reward tests: a few hand-written graphs and hypothesis strategies."
import json
from hypothesis import strategies as st

EXAMPLE = {"nodes": [
    {"id": "n1", "op": "const", "val": 120, "distractor": False, "label": "প্রতিদিন বিক্রি"},
    {"id": "n2", "op": "const", "val": 15, "distractor": True, "label": "কর্মচারীর সংখ্যা"},
    {"id": "n3", "op": "const", "val": 5, "distractor": False, "label": "দিনের সংখ্যা"},
    {"id": "total", "op": "mul", "args": ["n1", "n3"], "distractor": False, "label": "মোট বিক্রি"},
    {"id": "final_result", "op": "identity", "args": ["total"], "distractor": False, "label": "উত্তর"},
]}


def fenced(data) -> str:
    return "```json\n" + (data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)) + "\n```"


_ARITY = {"add": (2, 4), "mul": (2, 3), "sub": (2, 2), "div": (2, 2), "sum": (1, 4), "mean": (1, 4),
          "min": (1, 3), "max": (1, 3), "abs": (1, 2), "round": (1, 1), "floor": (1, 1), "ceil": (1, 1),
          "sqrt": (1, 1), "pow": (2, 2), "mod": (2, 2), "gcd": (2, 3), "lcm": (2, 3), "identity": (1, 1)}


@st.composite
def well_formed_graphs(draw, max_consts=6, max_ops=8):
    """A random well-formed graph (topological order, known ops, right arity, one final_result),
    with distractor flags set to the truth. Values may still make execution fail (div by 0...)."""
    n_const = draw(st.integers(2, max_consts))  # >= 3 nodes with final_result
    nodes = []
    for i in range(n_const):
        val = draw(st.one_of(st.integers(-1000, 1000), st.floats(-1e4, 1e4, allow_nan=False)))
        nodes.append({"id": f"c{i}", "op": "const", "val": val, "distractor": False, "label": f"সংখ্যা {i}"})
    for j in range(draw(st.integers(0, max_ops))):
        op = draw(st.sampled_from(sorted(_ARITY)))
        lo, hi = _ARITY[op]
        k = draw(st.integers(lo, hi))
        args = [draw(st.sampled_from([n["id"] for n in nodes])) for _ in range(k)]
        if draw(st.integers(0, 9)) == 0:
            args[-1] = draw(st.integers(1, 9))  # a numeric literal, as the reference executor allows
        nodes.append({"id": f"o{j}", "op": op, "args": args, "distractor": False, "label": ""})
    target = draw(st.sampled_from([n["id"] for n in nodes]))
    nodes.append({"id": "final_result", "op": "identity", "args": [target], "distractor": False, "label": "উত্তর"})
    # mark the truth
    by = {n["id"]: n for n in nodes}
    seen, stack = {"final_result"}, ["final_result"]
    while stack:
        for a in by[stack.pop()].get("args", []):
            if isinstance(a, str) and a not in seen:
                seen.add(a); stack.append(a)
    for n in nodes:
        n["distractor"] = n["id"] not in seen
    return {"nodes": nodes}

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


SYNONYMS = {"add": ["ADD", "plus", "Addition"], "mul": ["times", "Multiply", "product"], "sub": ["minus", "Subtract"],
            "div": ["divide", "DIVISION"], "mean": ["average", "avg"], "pow": ["power", "POW"], "mod": ["modulo", "remainder"],
            "identity": ["Identity", "id"], "const": ["constant", "CONST"], "gcd": ["hcf"], "ceil": ["ceiling"]}
BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


@st.composite
def messy_texts(draw):
    """(clean graph data, messy text): the same graph written the ways small models get it wrong,
    each of which lenient parsing should repair without changing the meaning."""
    data = draw(well_formed_graphs())
    nodes = [dict(n) for n in data["nodes"]]
    for n in nodes:
        if draw(st.booleans()) and n["op"] in SYNONYMS:
            n["op"] = draw(st.sampled_from(SYNONYMS[n["op"]]))
        if n["op"] in ("const", "constant", "CONST") and draw(st.integers(0, 3)) == 0:
            v = n["val"]
            s = str(int(v)) if float(v).is_integer() and abs(v) < 1e12 else repr(float(v))
            n["val"] = s.translate(BN) if draw(st.booleans()) else s
        if draw(st.integers(0, 5)) == 0:
            n["distractor"] = "true" if n["distractor"] else "false"
    if draw(st.booleans()):
        # a numeric literal written as a string, where it is not a node id
        for n in nodes:
            if n.get("args") and any(not isinstance(a, str) for a in n["args"]):
                n["args"] = [str(int(a)) if not isinstance(a, str) else a for a in n["args"]]
                break
    if draw(st.integers(0, 3)) == 0:
        draw(st.randoms()).shuffle(nodes)   # out of topological order
    body = nodes if draw(st.booleans()) else {"nodes": nodes}
    style = draw(st.sampled_from(["json", "python", "trailing"]))
    if style == "json":
        s = json.dumps(body, ensure_ascii=False)
    elif style == "python":
        s = repr(body)
    else:
        s = json.dumps(body, ensure_ascii=False, indent=1).replace("\n }", ",\n }").replace("\n]", ",\n]")
    wrap = draw(st.sampled_from(["```json\n{}\n```", "```\n{}\n```", "{}", "Here is the graph:\n{}\nDone.", "```json\n{}"]))
    return data, wrap.replace("{}", s, 1) if wrap != "{}" else s

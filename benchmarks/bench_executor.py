"""Throughput of `dagger_nb.executor.run` on realistic graph texts, and the cost of hostile inputs.

    python benchmarks/bench_executor.py [--n 3000] [--seconds 2]

Prints graphs per CPU-second (one core) for run(text) (lenient and strict) on model-like completions with 5-15 nodes,
Bangla labels and a ```json fence, then the slowest hostile input's time. Targets: >= 20,000 graphs/s
on one core; every hostile input under 50 ms. Each stage is timed side by side in the same run.
"""
import argparse, json, os, random, statistics, sys, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from dagger_nb.executor import run  # noqa: E402
from dagger_nb.graph import check_graph  # noqa: E402
from dagger_nb.parse import parse_graph  # noqa: E402
from dagger_nb.executor import evaluate  # noqa: E402
from dagger_nb.rewards import dagger_reward  # noqa: E402
from dagger_nb.executor import _judged  # noqa: E402  (the cache of judge, cleared to time a first reading)

LABELS = ["প্রতিদিন বিক্রি", "দিনের সংখ্যা", "মোট খরচ", "প্রতি কেজির দাম", "বইয়ের সংখ্যা", "ভাইয়ের বয়স",
          "সপ্তাহ", "বাকি টাকা", "মোট পৃষ্ঠা", "ছাত্রের সংখ্যা"]


def realistic(rng: random.Random, messy: bool = False) -> str:
    "A completion like a trained model writes: prose-free ```json block, 5-15 nodes, some distractors; it executes."
    while True:
        text = _candidate(rng, messy)
        if run(text).ok: return text


def _candidate(rng: random.Random, messy: bool) -> str:
    n_total = rng.randint(5, 15)
    n_const = max(2, n_total // 2)
    nodes = [{"id": f"n{i}", "op": "const", "val": rng.choice([rng.randint(1, 500), round(rng.uniform(1, 100), 2)]),
              "distractor": False, "label": rng.choice(LABELS)} for i in range(n_const)]
    used = []
    for j in range(n_total - n_const - 1):
        op = rng.choice(["add", "mul", "sub", "div", "mean", "sum"])
        k = 2 if op in ("sub", "div") else rng.randint(2, 3)
        args = rng.sample([n["id"] for n in nodes], k=min(k, len(nodes)))
        if op in ("sub", "div") and len(args) < 2: args = args * 2
        nodes.append({"id": f"s{j}", "op": op, "args": args, "distractor": False, "label": rng.choice(LABELS)})
        used.append(nodes[-1]["id"])
    nodes.append({"id": "final_result", "op": "identity", "args": [nodes[-1]["id"]], "distractor": False, "label": "উত্তর"})
    res = run({"nodes": nodes})
    for n in nodes:
        n["distractor"] = n["id"] in res.distractors
    body = json.dumps({"nodes": nodes}, ensure_ascii=False, indent=2)
    if messy:  # what lenient mode must repair: trailing commas and single quotes
        body = body.replace('"', "'").replace("}\n  ]", "},\n  ]")
    return "```json\n" + body + "\n```"


def rate(fn, items, seconds: float) -> float:
    """Calls per CPU-second of fn over items (best of passes over `items` for at least `seconds`).

    CPU time of this process, not wall time: on a shared machine it is the fairer "one core" figure."""
    best, spent = float("inf"), 0.0
    while spent < seconds:
        t0 = time.process_time()
        for x in items: fn(x)
        dt = time.process_time() - t0
        spent += dt
        best = min(best, dt / len(items))
    return 1.0 / best


def hostile_inputs() -> dict:
    ex = {"nodes": [{"id": "n1", "op": "const", "val": 120}, {"id": "n2", "op": "const", "val": 5},
                    {"id": "t", "op": "mul", "args": ["n1", "n2"]}, {"id": "final_result", "op": "identity", "args": ["t"]}]}
    s = json.dumps(ex)
    c = lambda i, v: {"id": i, "op": "const", "val": v}
    return {
        "10 MB of text": "x" * 10_000_000,
        "1e5-deep brackets": "[" * 100_000 + "]" * 100_000,
        "1e5-deep object in a fence": "```json\n" + '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n```",
        "25k-deep brackets (fits the size limit)": "[" * 25_000,
        "15k-deep, repair path": "{'nodes': " + "[" * 15_000,
        "NaN literal": s.replace("120", "NaN"),
        "Infinity literal": s.replace("120", "Infinity"),
        "4000-digit integer": s.replace("120", "9" * 4000),
        "5000-digit integer": s.replace("120", "9" * 5000),
        "10 ** 1e9": json.dumps({"nodes": [c("a", 10), c("b", 1e9), {"id": "p", "op": "pow", "args": ["a", "b"]},
                                           {"id": "final_result", "op": "identity", "args": ["p"]}]}),
        "gcd of 1e15-size values": json.dumps({"nodes": [c("a", 1e15), c("b", 999999999999989), {"id": "g", "op": "gcd", "args": ["a", "b"]},
                                                        {"id": "final_result", "op": "identity", "args": ["g"]}]}),
        "256 nodes x 64 args (dict input)": {"nodes": [c("a", 1.0000001)] + [{"id": f"m{i}", "op": "mul", "args": ["a", "a"] + [f"m{j}" for j in range(max(0, i - 62), i)]} for i in range(254)]
                                          + [{"id": "final_result", "op": "identity", "args": ["m253"]}]},
        "255-node chain of pow": json.dumps({"nodes": [c("a", 1.01)] + [{"id": f"p{i}", "op": "pow", "args": [f"p{i-1}" if i else "a", 2]} for i in range(254)]
                                            + [{"id": "final_result", "op": "identity", "args": ["p253"]}]}),
        "50k chars of {a:1,...} (parses as Python)": "{" + "a:1," * 12490,
        "48k chars of [{}][{}]... (Python subscripts)": "[{}]" * 12000,
        "1200 Python-style nodes": "{'nodes': [" + ",".join("{'id': 'a%d', 'op': 'const', 'val': 1}" % i for i in range(1200)) + "]}",
        "4000 chars for json_repair (worst patterns found)": "{" + "a:1," * 999,
        "4000 chars of unquoted words for json_repair": "{" + "a b c d " * 499,
        "unary minus chain": "[" + "-" * 49_000 + "1]",
        "16k code fences": "```" * 16_000,
        "50k chars of broken JSON": "{" + ",".join(['"a": [1, 2, {"b": \'x\'}]'] * 1500),
        "4k chars of broken JSON (json_repair)": "{" + ",".join(['"a": [1, 2, {"b": \'x\'}]'] * 160),
        "50k open braces": "{" * 49_999,
        "prose full of brackets": "see [1] and {2} " * 3000,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000, help="distinct realistic graphs")
    ap.add_argument("--seconds", type=float, default=2.0, help="minimum time per measurement")
    a = ap.parse_args()
    rng = random.Random(0)
    texts = [realistic(rng) for _ in range(a.n)]
    messy = [realistic(rng, messy=True) for _ in range(max(1, a.n // 4))]
    sizes = [len(parse_graph(t).nodes) for t in texts[:200]]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} (rates are per CPU-second of this process)")
    print(f"{a.n} realistic graph texts: {min(sizes)}-{max(sizes)} nodes, mean {statistics.mean(len(t) for t in texts):.0f} characters")
    graphs = [parse_graph(t) for t in texts]
    rows = [
        ("run(text)                 lenient", rate(run, texts, a.seconds)),
        ("run(text, strict=True)", rate(lambda t: run(t, strict=True), texts, a.seconds)),
        ("run(text), needs json_repair", rate(run, messy, a.seconds)),
        ("  parse_graph(text) alone", rate(parse_graph, texts, a.seconds)),
        ("  check_graph(graph) alone", rate(check_graph, graphs, a.seconds)),
        ("  evaluate(graph) alone", rate(evaluate, graphs, a.seconds)),
    ]
    def reward_uncached(t):
        _judged.cache_clear(); return dagger_reward([t], [1.0])
    rows.append(("dagger_reward, uncached", rate(reward_uncached, texts, a.seconds)))
    for name, r in rows:
        print(f"{name:40} {r:10,.0f} graphs/s   ({1e6 / r:6.1f} us each)")
    target = rows[0][1]
    print(f"target >= 20,000 graphs/s for run(text): {'MET' if target >= 20_000 else 'NOT MET'} ({target / 20_000:.2f}x the target)")
    worst = ("", 0.0)
    print("\nhostile inputs (best of 3, lenient and strict each):")
    for name, text in hostile_inputs().items():
        ts = []
        for _ in range(3):
            t0 = time.perf_counter()
            r1, r2 = run(text), run(text, strict=True)
            ts.append((time.perf_counter() - t0) / 2)
        t = min(ts)
        print(f"  {name:50} {t * 1e3:7.2f} ms   lenient: {(str(r1.stage) + ': ' + str(r1.error))[:70] if not r1.ok else 'value ' + str(r1.value)}")
        worst = max(worst, (name, t), key=lambda x: x[1])
    print(f"slowest hostile input: {worst[0]!r} {worst[1] * 1e3:.2f} ms (target < 50 ms: {'MET' if worst[1] < 0.05 else 'NOT MET'})")


if __name__ == "__main__":
    main()

"One verdict per completion: every reward and every metric reads `executor.judge`, which parses each text at most twice."
import json
from collections import Counter

import pytest

from dagger_nb import executor, rewards
from dagger_nb.executor import judge
from dagger_nb.evaluate import evaluate, load_completions, save_completions

C = lambda i, v, d=False: {"id": i, "op": "const", "val": v, "distractor": d}
OP = lambda i, o, *a: {"id": i, "op": o, "args": list(a)}
FIN = lambda a: {"id": "final_result", "op": "identity", "args": [a]}
fence = lambda nodes, tag="json": f"```{tag}\n" + json.dumps({"nodes": nodes}, ensure_ascii=False) + "\n```"
GOOD = fence([C("a", 6), C("b", 7), C("x", 99, True), OP("m", "mul", "a", "b"), FIN("m")])            # 42, strict
UNTAGGED = fence([C("a", 6), C("b", 7), OP("m", "mul", "a", "b"), FIN("m")], tag="")                 # lenient only
SELFREF = fence([C("a", 6), C("b", 7), OP("m", "mul", "a", "m"), FIN("m")])                           # format ok, unreadable
DIV0 = fence([C("a", 6), C("z", 0), OP("q", "div", "a", "z"), FIN("q")])                              # runs into 1/0
STRINGLY = GOOD.replace('"val": 6', '"val": "6"')                                                     # format ok, strict refuses
PYTHONIC = GOOD.replace('"', "'").replace("false", "False").replace("true", "True")                 # Python-style JSON
PROSE = "The answer is 42."
TEXTS = [GOOD, UNTAGGED, SELFREF, DIV0, STRINGLY, PYTHONIC, PROSE]
Q = "রিনার 6টি আপেল, প্রতিটি 7 টাকা। মোট কত?"


@pytest.fixture
def counted(monkeypatch):
    "Counts, per completion text, every parse (parse_graph or format_error, in any module) and every execution."
    parses, runs, current = Counter(), Counter(), []
    import dagger_nb.parse as P
    real_parse, real_format, real_eval, real_judged = P.parse_graph, P.format_error, executor._evaluate, executor._judged
    real_judged.cache_clear()
    who = lambda x: current[-1] if current else x
    def parse(text, *a, **k): parses[who(text)] += 1; return real_parse(text, *a, **k)
    def fmt(text, *a, **k): parses[who(text)] += 1; return real_format(text, *a, **k)
    def ev(graph, *a, **k): runs[who("outside judge")] += 1; return real_eval(graph, *a, **k)
    def judged(text):
        current.append(text)
        try: return real_judged(text)
        finally: current.pop()
    import sys
    for name, mod in list(sys.modules.items()):
        if name.startswith("dagger_nb") and mod is not None:
            if getattr(mod, "parse_graph", None) is real_parse: monkeypatch.setattr(mod, "parse_graph", parse)
            if getattr(mod, "format_error", None) is real_format: monkeypatch.setattr(mod, "format_error", fmt)
    monkeypatch.setattr(executor, "_evaluate", ev)
    monkeypatch.setattr(executor, "_judged", judged)
    yield parses, runs
    real_judged.cache_clear()


def test_rewards_and_evaluation_parse_and_run_each_completion_at_most_twice(counted, tmp_path):
    parses, runs = counted
    golds, qs = [42] * len(TEXTS), [Q] * len(TEXTS)
    # training: every reward part on the same completions, as TRL calls them, and GRPO's logged rates
    for f in (rewards.format_reward, rewards.execution_reward, rewards.correctness_reward, rewards.dagger_reward,
              rewards.grounded_reward, rewards.readable_reward):
        f(TEXTS, solution=golds, question=qs)
    [rewards.grounded_share(t, Q) for t in TEXTS]; [rewards.is_readable(t) for t in TEXTS]
    assert set(parses) == set(TEXTS) and set(runs) <= set(TEXTS), (parses, runs)   # nothing parsed or run outside judge
    assert max(parses.values()) <= 2 and max(runs.values()) <= 2, (parses, runs)
    assert parses[GOOD] == 1 and runs[GOOD] == 1                      # a clean answer: one reading, one run
    assert parses[UNTAGGED] == 2 and parses[PROSE] == 2               # strict fails, lenient reads (or finds nothing)
    # evaluation, as the lab does it: judged at generation time, saved with the verdict, scored and reported from the file
    recs = [dict(model="m", set="s", id=f"i{k}", question=Q, answer=42, completion=t, verdict=judge(t, 42).to_dict())
            for k, t in enumerate(TEXTS)]
    before = (Counter(parses), Counter(runs))
    report = evaluate(load_completions(save_completions(recs, tmp_path / "c.jsonl")))
    report.accuracy_table(); report.to_markdown()
    assert (parses, runs) == before                                   # reports never parse or run again
    assert [r["status"] for r in report.scored] == ["correct", "correct", "format_fail", "exec_fail", "correct", "correct", "format_fail"]

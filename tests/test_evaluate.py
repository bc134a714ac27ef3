"Metrics over saved completions: scoring with the executor, Wilson and bootstrap intervals, paired tests and drops, reports."
import csv, json

import numpy as np
import pytest

from dagger_nb.stats import bootstrap_ci
from dagger_nb.evaluate import evaluate, load_completions, paired_drops, save_completions


def graph(*nodes):
    return "```json\n" + json.dumps({"nodes": list(nodes)}, ensure_ascii=False) + "\n```"

C = lambda i, v, d=False: {"id": i, "op": "const", "val": v, "distractor": d}
OP = lambda i, o, *a: {"id": i, "op": o, "args": list(a)}
FIN = lambda a: {"id": "final_result", "op": "identity", "args": [a]}
GOOD = graph(C("a", 6), C("b", 7), C("x", 99, True), OP("m", "mul", "a", "b"), FIN("m"))   # 42, x flagged and unused
DIV0 = graph(C("a", 6), C("z", 0), OP("q", "div", "a", "z"), FIN("q"))
PROSE = "The answer is 42."


def rec(model, set_, id_, completion, answer=42, pair_id=None, types=(), n_tokens=10, positions=()):
    return dict(model=model, set=set_, id=id_, question="q", answer=answer, completion=completion,
                n_tokens=n_tokens, pair_id=pair_id, distractor_types=list(types), distractor_positions=list(positions))


def test_bootstrap_interval_is_seeded_and_covers_the_truth():
    rng = np.random.default_rng(1)
    hits = 0
    for _ in range(200):
        lo, hi = bootstrap_ci(rng.random(150) < 0.3, n_boot=400, seed=int(rng.integers(1 << 30)))
        hits += lo <= 0.3 <= hi
    assert 0.88 <= hits / 200 <= 0.99
    x = [1, 0, 0, 1, 1]
    assert bootstrap_ci(x, seed=5) == bootstrap_ci(x, seed=5)
    assert all(np.isnan(bootstrap_ci([])))
    with pytest.raises(ValueError, match="level"):
        bootstrap_ci(x, level=95)


def test_paired_drop_uses_matched_twins_only():
    recs = [rec("m", "clean", "p1", GOOD), rec("m", "clean", "p2", GOOD), rec("m", "clean", "p3", PROSE),
            # two distracted versions of p1 (one wrong), one of p3 (right), one whose twin was never asked
            rec("m", "d", "p1a", GOOD, pair_id="p1", types=["RED"]), rec("m", "d", "p1b", DIV0, pair_id="p1", types=["OAD"]),
            rec("m", "d", "p3a", GOOD, pair_id="p3", types=["NEED"]), rec("m", "d", "p9a", DIV0, pair_id="p9", types=["RED"])]
    rep = evaluate(recs, n_boot=200)
    [d] = paired_drops(rep.scored)
    assert d["n_pairs"] == 3 and d["clean_set"] == "clean"
    # pairs (clean, distracted): (1,1), (1,0), (0,1) -> drop 1/3 - ... = (0 + 1 - 1)/3 = 0
    assert d["drop"] == pytest.approx(0.0)
    assert d["clean_accuracy"] == pytest.approx(2 / 3) and d["distracted_accuracy"] == pytest.approx(2 / 3)
    row = rep.get("m", "d")
    assert (row["acc_RED"], row["acc_OAD"], row["acc_NEED"]) == (0.5, 0.0, 1.0)
    assert row["exec_fail_rate"] == 0.5
    assert (d["only_clean"], d["only_distracted"], d["p"]) == (1, 1, 1.0)


def test_wilson_and_newcombe_intervals_cover_the_truth():
    "Simulated coverage near 95% (Wilson is known to sit close to nominal; Newcombe's paired interval too)."
    from dagger_nb.stats import paired_diff_ci, wilson_ci
    rng = np.random.default_rng(0)
    hits = sum(lo <= 0.3 <= hi for lo, hi in (wilson_ci(int((rng.random(64) < 0.3).sum()), 64) for _ in range(2000)))
    assert 0.92 <= hits / 2000 <= 0.98
    # paired outcomes with correlation: first right 50%, second right 35%, true difference 0.15
    cover = 0
    for _ in range(1000):
        u = rng.random(64)
        pairs = [(x < 0.5, x < 0.35 or (0.9 < x)) for x in u]          # second: right below 0.35, or in the top 10%
        lo, hi = paired_diff_ci(pairs)
        cover += lo <= 0.5 - 0.45 <= hi
    assert 0.92 <= cover / 1000 <= 0.99
    assert wilson_ci(0, 12)[0] == 0.0 and wilson_ci(0, 12)[1] > 0.2     # the bootstrap says [0, 0] here


def test_mcnemar_is_the_exact_binomial_tail():
    from math import comb
    from dagger_nb.stats import mcnemar_p
    for b, c in [(0, 5), (3, 9), (10, 10), (1, 0), (20, 7)]:
        n, k = b + c, min(b, c)
        assert mcnemar_p(b, c) == pytest.approx(min(1.0, 2 * sum(comb(n, i) for i in range(k + 1)) / 2 ** n))
    assert mcnemar_p(0, 6) < 0.05 < mcnemar_p(0, 5)          # six lopsided pairs are the fewest that can reach 5%


def test_gold_distractor_metrics_on_synthetic_records():
    "Flags are checked against the numbers the generator wrote as distractors, not against the model's own graph."
    from dagger_nb.evaluate import heldout_items
    from dagger_nb.prompts import graph_block
    from dagger_nb.synth import generate_records
    recs = generate_records(20, seed=5, distractors=(1, 2))
    items = heldout_items(recs)
    gold = {it["id"]: it for it in items}
    out = []
    for it, r in zip([it for it in items if it["set"] == "heldout+d"], recs):
        g = json.loads(r["graph"])
        perfect = graph_block(g)
        for n in g["nodes"]: n["distractor"] = False          # same graph, no flags: right answers, recall 0
        silent = graph_block(g)
        out += [{**it, "model": "perfect", "completion": perfect}, {**it, "model": "silent", "completion": silent}]
    rep = evaluate(out)
    p, s = rep.get("perfect", "heldout+d"), rep.get("silent", "heldout+d")
    assert p["accuracy"] == 1.0 and s["accuracy"] == 1.0
    assert (p["gold_precision"], p["gold_recall"]) == (1.0, 1.0)
    assert s["gold_recall"] == 0.0 and s["gold_precision"] is None
    assert s["distractor_recall"] == 0.0        # self-consistency sees the unused nodes too (the graph leaves them unused)
    assert p["gold_recall_lo"] == 1.0 and p["gold_graphs"] == 20
    assert all(len(gold[i]["gold_distractors"]) >= 1 for i in gold if i.endswith("+d"))


def test_accuracy_by_distractor_position():
    """Synthetic records say where each distractor sits; the report gives accuracy for each position."""
    recs = [rec("m", "d", "a", GOOD, positions=["before"]), rec("m", "d", "b", DIV0, positions=["before", "after"]),
            rec("m", "d", "c", GOOD, positions=["between"]), rec("m", "d", "e", GOOD, positions=["after"])]
    row = evaluate(recs, n_boot=50).get("m", "d")
    assert (row["acc_before"], row["acc_between"], row["acc_after"]) == (0.5, 1.0, 0.5)
    assert (row["n_before"], row["n_between"], row["n_after"]) == (2, 1, 2)
    assert "acc after (n)" in evaluate(recs, n_boot=50).detail_table() and "50.0 (2)" in evaluate(recs, n_boot=50).detail_table()
    from dagger_nb.evaluate import heldout_items
    from dagger_nb.synth import generate_records
    r = generate_records(1, seed=3, distractors=2)[0]
    [_, d] = heldout_items([r])
    assert d["distractor_positions"] == r["distractor_positions"] and len(d["distractor_positions"]) == 2


def test_completions_roundtrip_and_report_files(tmp_path):
    recs = [rec("a", "s", str(i), GOOD if i % 2 else PROSE) for i in range(6)] + [rec("b", "s", "0", GOOD)]
    path = save_completions(recs, tmp_path / "c.jsonl")
    assert not (tmp_path / "c.jsonl.tmp").exists()
    back = load_completions(tmp_path)
    assert [r["completion"] for r in back] == [r["completion"] for r in recs]
    rep = evaluate(path, n_boot=100)
    assert rep.get("a", "s")["accuracy"] == 0.5 and rep.get("a", "s")["format_fail_rate"] == 0.5
    files = rep.save(tmp_path / "out")
    rows = list(csv.DictReader(open(files["csv"], encoding="utf-8")))
    assert [(r["model"], float(r["accuracy"])) for r in rows] == [("a", 0.5), ("b", 1.0)]
    assert "| a |" in files["md"].read_text()
    # a cut-off file is reported with its line number, not a bare JSON traceback
    path.write_text(path.read_text() + '{"model": "a", "se')
    with pytest.raises(ValueError, match=r"c\.jsonl:8"):
        load_completions(path)
    with pytest.raises(ValueError, match="lacks"):
        save_completions([{"model": "a"}], tmp_path / "bad.jsonl")


def test_benchmark_items_from_local_files_pair_distracted_with_originals(tmp_path):
    from dagger_nb.evaluate import benchmark_items
    (tmp_path / "mgsm.tsv").write_text("রিনার ৩টি কলম আছে। সে ২টি কিনল। কয়টি হল?\t5\nএকটি বাক্সে ৪টি বল। ২টি বাক্সে কয়টি?\t8\n", encoding="utf-8")
    rows = [dict(row_index=0, original_question="রিনার ৩টি কলম আছে।  সে ২টি কিনল। কয়টি হল?",
                 modified_question="রিনার ৩টি কলম আছে। তার ভাইয়ের ৯টি কলম। সে ২টি কিনল। কয়টি হল?", ground_truth=5,
                 augmentation_type="Related Entity Distractor", added_sentences=["তার ভাইয়ের ৯টি কলম।"]),
            dict(row_index=1, original_question="অন্য প্রশ্ন", modified_question="অন্য প্রশ্ন, আরও কিছু", ground_truth=1,
                 augmentation_type="NEED", added_sentences=[])]
    (tmp_path / "dm.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    items = benchmark_items(["mgsm", "mgsm+d"], paths={"mgsm": tmp_path / "mgsm.tsv", "mgsm+d": tmp_path / "dm.jsonl"})
    assert [(i["set"], i["id"], i["pair_id"]) for i in items] == [
        ("mgsm", "mgsm-0000", None), ("mgsm", "mgsm-0001", None),
        ("mgsm+d", "mgsm+d-0000", "mgsm-0000"),        # matched through the original question (whitespace ignored)
        ("mgsm+d", "mgsm+d-0001", None)]               # its original is not among the clean items
    assert items[2]["distractor_types"] == ["RED"] and items[2]["answer"] == 5
    # without the clean set, DistractMath's own original questions become the clean twins ("mgsm-orig")
    alone = benchmark_items(["mgsm+d"], paths={"mgsm+d": tmp_path / "dm.jsonl"})
    assert [(i["set"], i["pair_id"]) for i in alone] == [("mgsm-orig", None), ("mgsm-orig", None),
                                                         ("mgsm+d", "mgsm-orig-0000"), ("mgsm+d", "mgsm-orig-0001")]
    with pytest.raises(ValueError, match="Unknown benchmark"):
        benchmark_items(["gsm8k"])

"""The synthetic generator: determinism, the invariants of every record, splits, files and the CLI."""
import json, random, re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from dagger_nb import problems
from dagger_nb.problems import FAMILIES, DISTRACTOR_TYPES, MAX_NODES, IMPLIED, NAMES, Family, N, add_family, compose, make_problem
from dagger_nb.synth import (generate, generate_records, check_record, strip_distractors, write_splits, write_hub_samples,
                             shortcut_rates, problem_stats, compare_stats)
from dagger_nb.executor import run
from dagger_nb.numerals import numbers_in
from dagger_nb.graph import derived_distractors
from dagger_nb.parse import parse_graph

ROOT = Path(__file__).resolve().parents[1]
BN = "০১২৩৪৫৬৭৮৯"


@pytest.fixture(scope="module")
def recs():
    return generate_records(len(FAMILIES) * 24, seed=5)


def test_at_least_15_families_all_used(recs):
    assert len(FAMILIES) >= 15
    assert set(r["family"] for r in recs) == set(FAMILIES)
    assert len(set(r["template"] for r in recs)) > len(FAMILIES)


def test_invariants_checked_with_the_executor(recs):
    for r in recs:
        g = json.loads(r["graph"])
        res = run(g, strict=True)
        assert res.ok, (res.error, r["graph"])
        assert res.value == pytest.approx(r["answer"], rel=1e-9)
        flagged = [n["id"] for n in g["nodes"] if n["distractor"]]
        assert derived_distractors(parse_graph(r["graph"])) == flagged == res.claimed
        assert len(flagged) == r["n_distractors"] == len(r["added_sentences"]) == len(r["distractor_types"])
        clean = run(strip_distractors(g), strict=True)   # the clean twin has the same answer
        assert clean.ok and clean.value == pytest.approx(r["answer"], rel=1e-9)
        written = set(numbers_in(r["question"])) | {float(v) for v, ws in IMPLIED.items() if all(w in r["question"] for w in ws)}
        consts = [float(n["val"]) for n in g["nodes"] if n["op"] == "const"]
        assert set(consts) <= written, (consts, r["question"])
        assert set(numbers_in(r["question"])) <= set(consts)
        assert not re.search(r"[A-Za-z]", r["question"] + r["clean_question"] + "".join(n["label"] for n in g["nodes"]))
        assert 3 <= len(g["nodes"]) <= MAX_NODES and g["nodes"][-1]["id"] == "final_result"
        assert check_record(r) == []


def test_distractor_sentences_are_in_the_question_and_the_clean_twin_has_none(recs):
    for r in recs:
        for s in r["added_sentences"]:
            assert s in r["question"] and s not in r["clean_question"]
        if r["n_distractors"] == 0:
            assert r["question"] == r["clean_question"] and r["distractor_type"] is None
        else:
            assert r["question"] != r["clean_question"]
            assert r["distractor_type"] == "+".join(dict.fromkeys(r["distractor_types"]))
        assert r["question"].endswith("?")   # the question stays last
        assert len(r["distractor_positions"]) == r["n_distractors"] and set(r["distractor_positions"]) <= {"before", "between", "after"}


def test_all_three_types_and_counts(recs):
    kinds = Counter(k for r in recs for k in r["distractor_types"])
    assert set(kinds) == set(DISTRACTOR_TYPES)
    assert min(kinds.values()) > 0.2 * sum(kinds.values())
    per = Counter(r["n_distractors"] for r in recs)
    assert set(per) == {0, 1, 2, 3}
    none = generate_records(30, seed=2, distractors=0)
    assert all(r["n_distractors"] == 0 for r in none)
    three = generate_records(60, seed=2, distractors=3)
    assert all(r["n_distractors"] <= 3 for r in three) and sum(r["n_distractors"] == 3 for r in three) > 40


def test_digit_styles():
    ascii_ = generate_records(40, seed=4, digits="ascii")
    assert not any(c in BN for r in ascii_ for c in r["question"])
    bangla = generate_records(40, seed=4, digits="bangla")
    assert not any(c.isascii() and c.isdigit() for r in bangla for c in r["question"])
    mixed = generate_records(80, seed=4, digits="mixed")
    assert any(c in BN for r in mixed for c in r["question"]) and any(re.search(r"[0-9]", r["question"]) for r in mixed)
    # one numeral system per problem: "mixed" mixes across problems, never inside one
    assert not any(re.search(r"[0-9]", r["question"]) and any(c in BN for c in r["question"]) for r in mixed)
    assert generate_records(5, seed=4) == ascii_[:5]     # the default is ASCII digits, as MGSM-bn writes them
    # the same problem in another digit style has the same numbers
    r = make_problem("profit", random.Random(9), digits="ascii"); s = make_problem("profit", random.Random(9), digits="bangla")
    assert numbers_in(r["question"]) == numbers_in(s["question"]) and r["answer"] == s["answer"]


def test_classifiers_and_possessives_are_bangla():
    qs = " ".join(generate(300, seed=8)["question"])
    for word in ("টি", "জন", "খানা", "টাকা", "$", "ডলার", "%", "ডজন", "কেজি"):
        assert word in qs
    assert problems.gen_of("আম") == "আমের" and problems.gen_of("কলা") == "কলার" and problems.gen_of("বই") == "বইয়ের"


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), fam=st.sampled_from(sorted(FAMILIES)), n=st.integers(0, 3),
       digits=st.sampled_from(["ascii", "bangla", "mixed"]))
def test_any_seed_gives_a_valid_record(seed, fam, n, digits):
    assert check_record(make_problem(fam, random.Random(seed), n, digits)) == []


def test_cli_make_data(tmp_path, capsys):
    from dagger_nb.cli import main
    assert main(["make-data", "--n", "50", "--seed", "2", "--out", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "train" in out and "test" in out
    assert sum(len(p.read_text(encoding="utf-8").splitlines()) for p in (tmp_path / "o").glob("*.jsonl")) == 50
    assert main(["make-data", "--n", "5", "--distractors", "4-1", "--out", str(tmp_path / "x")]) == 2


def test_committed_sample_is_what_the_code_writes(tmp_path):
    """data/sample is the output of `dagger-nb make-data --n 40 --seed 0 --out data/sample --hub-samples`."""
    sample = ROOT / "data" / "sample"
    write_splits(tmp_path, n=40, seed=0); write_hub_samples(tmp_path / "hub", seed=0)
    for p in sorted(tmp_path.rglob("*.*")):
        committed = sample / p.relative_to(tmp_path)
        assert committed.read_bytes() == p.read_bytes(), f"{committed} is stale: regenerate it with make-data --hub-samples"


# --- issue 11: problems a model cannot solve by position -------------------------------------------------------

@pytest.fixture(scope="module")
def distracted():
    return generate_records(2000, seed=0, distractors=(1, 3))


def test_distractors_sit_before_between_and_after(distracted):
    early = [any(p != "after" for p in r["distractor_positions"]) for r in distracted]
    assert sum(early) / len(early) >= 0.5
    for fam in FAMILIES:
        mine = [e for e, r in zip(early, distracted) if r["family"] == fam]
        assert sum(mine) / len(mine) >= 0.3, fam
    assert {p for r in distracted for p in r["distractor_positions"]} == {"before", "between", "after"}


def test_no_shortcut_solves_more_than_35_percent(distracted):
    rates = shortcut_rates(distracted)
    print({k: round(v, 3) for k, v in rates.items()})
    assert len(rates) >= 4 and max(rates.values()) <= 0.35
    assert rates["first numbers in order"] > 0      # the probe does solve problems whose distractors all come last


def test_probe_catches_a_positional_generator(distracted):
    """The same probe on the same problems with every distractor moved to the end solves most of them."""
    moved = []
    for r in distracted[:300]:
        q = r["question"]
        for s in r["added_sentences"]: q = q.replace(s + " ", "")
        body, _, ask = q.rpartition(" ")
        moved.append(dict(r, question=" ".join([body] + r["added_sentences"] + [ask])))
    assert shortcut_rates(moved)["first numbers in order"] > 0.6


def test_distractor_templates_compete_and_vary():
    counts = {k: Counter() for k in DISTRACTOR_TYPES}
    fams = list(FAMILIES)
    for i in range(2000):
        p = compose(fams[i % len(fams)], random.Random(f"t{i}"), random.randint(1, 3))
        for s in p.sentences:
            if s.distractor: counts[s.distractor][s.template] += 1
    for kind, c in counts.items():
        assert len(c) >= 10 and max(c.values()) / sum(c.values()) <= 0.10, kind
    # RED copies the unit and range of a number that matters: {x~} in every RED template of every family
    assert all(any(s.endswith("~") for s in problems._slots(t)) for fs in FAMILIES.values() for f in fs for t in f.red)


def test_the_question_names_exactly_the_people_the_graph_uses():
    fams = list(FAMILIES)
    for i in range(600):
        p = compose(fams[i % len(fams)], random.Random(f"q{i}"), random.randint(0, 3))
        asked = {name for name, _ in NAMES if name in p.sentences[-1].text}
        assert asked == p.owners, (p.record["template"], asked, p.owners, p.sentences[-1].text)
        assert not asked & p.outsiders


def test_no_dangling_day_and_no_word_twice():
    for r in generate_records(1000, seed=6):
        assert "সেদিন" not in r["question"]
        words = r["question"].split()
        assert not any(a == b for a, b in zip(words, words[1:])), r["question"]


def test_closer_to_real_problems():
    recs = generate_records(2000, seed=1)
    st = problem_stats([r["question"] for r in recs], [r["answer"] for r in recs], [r["graph"] for r in recs])
    assert st["median words"] >= 30 and st["median steps"] >= 2.5
    assert st["decimals (%)"] > 3 and st["dollars (%)"] > 3 and st["taka (%)"] > 3 and st["Bangla digits (%)"] == 0
    assert max(len(f.steps) for fs in FAMILIES.values() for f in fs) >= 5


def test_compare_stats_with_mgsm(mgsm_path):
    from dagger_nb.data import load_mgsm_bn
    table = compare_stats(generate_records(60, seed=0), load_mgsm_bn(mgsm_path).to_list())
    assert "MGSM-bn" in table and "250" in table and "median words" in table


def test_a_family_is_a_small_table_checked_when_added():
    fam = Family("tmp_fruit", "two baskets", facts=["{A} একটি ঝুড়িতে রাখল {a}।", "আরেকটি ঝুড়িতে রাখল {b}।"],
                 ask="{Ag} দুই ঝুড়িতে মোট কতগুলো {t} আছে?",
                 nums=dict(a=N(2, 20, unit="item", label="প্রথম ঝুড়ি"), b=N(2, 20, unit="item", label="দ্বিতীয় ঝুড়ি")),
                 steps=["s = add(a, b) : মোট"], words={"t": problems.FRUITS},
                 red=["{Og} ঝুড়িতে আছে {a~}। | {Og} ঝুড়ি"], oad=[">ঝুড়িটির ওজন {#1-3} কেজি। | ওজন"],
                 need=[">{A} আরও {b~} রাখতে চেয়েছিল, কিন্তু জায়গা ছিল না। | না-রাখা"])
    try:
        add_family(fam)
        for seed in range(20):
            assert check_record(make_problem("tmp_fruit", random.Random(seed), 2)) == []
    finally:
        FAMILIES.pop("tmp_fruit", None); problems.FAMILY_INFO.pop("tmp_fruit", None)
    bad = [dict(steps=["s = add(a, c)"]), dict(steps=["s = frob(a, b)"]), dict(facts=["{A} রাখল {a}।"]),
           dict(red=["{O} রাখল। | x"]), dict(oad=["ওজন {#1-3} কেজি"])]
    for change in bad:
        with pytest.raises(ValueError, match="tmp_fruit"):
            add_family(Family(**{**fam.__dict__, **change, "variant": 0}))
    assert "tmp_fruit" not in FAMILIES


def test_explorer_builds_a_browser_over_the_records(capsys):
    from dagger_nb.synth import explorer
    ds = generate(5, seed=3)
    w = explorer(ds)
    (idx, dis), out = w.children[0].children, w.children[1]
    assert (idx.max, dis.value) == (4, True)
    assert ds[0]["question"] in capsys.readouterr().out          # the first record is drawn on opening
    dis.value = False                                             # toggling redraws: the clean twin now
    assert ds[0]["clean_question"] in capsys.readouterr().out

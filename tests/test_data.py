"""Loaders of the real datasets: local files of every supported type, the hub code path (with the hub
replaced by a stand-in), the offline error, and the SFT/GRPO formatting helpers."""
import json, math
from pathlib import Path

import datasets
import pytest

from dagger_nb import data
from dagger_nb.data import (COMMON_FEATURES, DataUnavailableError, read_records, load_mgsm_bn, load_msvamp_bn, load_distractmath,
                            load_dagger_sft, load_dagger_grpo, shared_mgsm_path, to_sft_record, to_grpo_record, last_number, to_number)
from dagger_nb.synth import generate, write_hub_samples, card_messages

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    return write_hub_samples(tmp_path_factory.mktemp("hub"), n=10, seed=4)


def test_read_records_every_file_type(tmp_path):
    rows = [{"question": "রহিমের ৩টি আম আছে। কয়টি?", "answer": "৩"}, {"question": "q2", "answer": "1,250"}]
    (tmp_path / "a.tsv").write_text("".join(f"{r['question']}\t{r['answer']}\n" for r in rows), encoding="utf-8")
    (tmp_path / "h.tsv").write_text("question\tanswer\n" + "".join(f"{r['question']}\t{r['answer']}\n" for r in rows), encoding="utf-8")
    (tmp_path / "c.csv").write_text("question,answer\n" + "".join(f"{r['question']},\"{r['answer']}\"\n" for r in rows), encoding="utf-8")
    (tmp_path / "j.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "l.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    datasets.Dataset.from_list(rows).to_parquet(str(tmp_path / "p.parquet"))
    datasets.Dataset.from_list(rows).save_to_disk(str(tmp_path / "saved"))
    for name in ("a.tsv", "h.tsv", "c.csv", "j.json", "l.jsonl", "p.parquet", "saved"):
        got = read_records(tmp_path / name)
        assert [(r["question"], r["answer"]) for r in got] == [(r["question"], r["answer"]) for r in rows], name
        ds = load_mgsm_bn(tmp_path / name)
        assert ds["answer"] == [3.0, 1250.0] and ds.features == COMMON_FEATURES
    with pytest.raises(FileNotFoundError, match="no data file"): read_records(tmp_path / "missing.tsv")
    (tmp_path / "x.xml").write_text("<a/>")
    with pytest.raises(ValueError, match="unsupported"): read_records(tmp_path / "x.xml")
    (tmp_path / "x.jsonl").write_text('{"foo": 1}\n')
    with pytest.raises(KeyError, match="fields"):
        load_distractmath(path=tmp_path / "x.jsonl")


def test_answers_are_normalised():
    assert to_number("70000") == 70000.0 and to_number("১,২৫০") == 1250.0 and to_number(7) == 7.0
    assert last_number("৩ + ৪ = ৭, তাই উত্তর ১,২০০।") == 1200.0
    with pytest.raises(ValueError): last_number("কোনো সংখ্যা নেই")


@pytest.mark.skipif(shared_mgsm_path() is None, reason="../shared/data/mgsm_bn.tsv is not present")
def test_real_mgsm_from_the_shared_folder():
    path = shared_mgsm_path()
    lines = [l.split("\t") for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    ds = load_mgsm_bn(path)
    assert len(ds) == len(lines) == 250
    assert ds["answer"] == [float(a.replace(",", "")) for _, a in lines]
    assert ds["question"] == [q.strip() for q, _ in lines]
    assert set(ds["source"]) == {"mgsm_bn"} and all(x is None for x in ds["graph"])


def test_hub_shaped_samples_load(hub):
    mgsm = load_mgsm_bn(hub["mgsm_bn"])
    assert len(mgsm) == 10 and all(isinstance(a, float) for a in mgsm["answer"])
    ms = load_msvamp_bn(hub["msvamp_bn"])
    assert ms["answer"] == mgsm["answer"]                      # written from the same problems
    dm = load_distractmath("mgsm", path=hub["distractmath_mgsm"])
    assert set(dm["distractor_type"]) <= {"RED", "OAD", "NEED"}
    assert all(s in q for ss, q in zip(dm["added_sentences"], dm["question"]) for s in ss)
    assert all(o != q for o, q in zip(dm["original_question"], dm["question"]))
    sft = load_dagger_sft(hub["dagger_sft"])
    grpo = load_dagger_grpo(hub["dagger_grpo"])
    assert sft["question"] == grpo["question"] and sft["answer"] == grpo["answer"]
    from dagger_nb.executor import run
    assert all(run(g).value == pytest.approx(a) for g, a in zip(sft["graph"], sft["answer"]))
    raw = load_dagger_sft(hub["dagger_sft"], raw=True)
    assert {"conversations", "response", "english_answer"} <= set(raw.column_names)
    # one record shape for every source: they concatenate
    syn = generate(5, seed=1).select_columns(list(COMMON_FEATURES))
    allds = datasets.concatenate_datasets([mgsm, ms, dm, sft, grpo, syn])
    assert allds.features == COMMON_FEATURES and len(allds) == 55


def test_distractmath_field_variants(tmp_path):
    rows = [{"original_question": "ক", "modified_question": "ক খ", "ground_truth": "১২", "augmentation_type": "related_entity",
             "added_sentences": json.dumps(["খ"], ensure_ascii=False)},
            {"original_question": "গ", "modified_question": "গ ঘ", "ground_truth": 5, "augmentation_type": "NEED", "added_sentences": "ঘ"}]
    p = tmp_path / "dm.jsonl"; p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    ds = load_distractmath("msvamp", path=p)
    assert ds["distractor_type"] == ["RED", "NEED"] and ds["added_sentences"] == [["খ"], ["ঘ"]] and ds["answer"] == [12.0, 5.0]
    assert set(ds["source"]) == {"distractmath_msvamp"}
    with pytest.raises(ValueError, match="config"): load_distractmath("gsm8k", path=p)


def test_hub_is_the_default_source(monkeypatch):
    calls = []
    def fake_load(repo, config=None, split=None):
        calls.append((repo, config, split))
        return datasets.Dataset.from_list([{"question": "প্রশ্ন", "answer_number": 70000, "answer": "নয়"}])
    monkeypatch.setattr(data.datasets, "load_dataset", fake_load)
    ds = load_mgsm_bn()
    assert calls == [("juletxara/mgsm", "bn", "test")] and ds["answer"] == [70000.0]
    monkeypatch.setattr(data.datasets, "load_dataset", lambda *a, **k: calls.append(a) or datasets.Dataset.from_list(
        [{"m_query": "প্রশ্ন", "response": "হিসাব: ২ + ৩ = ৫"}]))
    assert load_msvamp_bn()["answer"] == [5.0] and calls[-1] == ("Mathoctopus/MSVAMP", "bn")


def test_offline_without_path_says_what_to_pass(monkeypatch):
    def offline(*a, **k): raise ConnectionError("Couldn't reach 'x' on the Hub (OfflineModeIsEnabled)")
    monkeypatch.setattr(data.datasets, "load_dataset", offline)
    for fn, name in [(load_mgsm_bn, "load_mgsm_bn"), (load_msvamp_bn, "load_msvamp_bn"), (load_distractmath, "load_distractmath"),
                     (load_dagger_sft, "load_dagger_sft"), (load_dagger_grpo, "load_dagger_grpo")]:
        with pytest.raises(DataUnavailableError, match=name) as e: fn()
        assert "path=" in str(e.value)
    with pytest.raises(DataUnavailableError) as e: load_mgsm_bn()
    if shared_mgsm_path(): assert "shared_mgsm_path()" in str(e.value)
    assert "mgsm_bn.tsv" in str(e.value)


def test_sft_and_grpo_records():
    rec = generate(3, seed=2)[0]
    msgs = lambda q: [{"role": "user", "content": f"Q: {q}"}]
    sft = to_sft_record(rec, messages_fn=msgs)
    assert sft["conversations"][0] == {"role": "user", "content": f"Q: {rec['question']}"}
    assert sft["conversations"][-1] == {"role": "assistant", "content": f"```json\n{rec['graph']}\n```"} and sft["response"] == rec["graph"]
    grpo = to_grpo_record(rec, messages_fn=card_messages)
    assert grpo["prompt"][-1]["content"] == rec["question"] and grpo["solution"] == rec["answer"] and grpo["question"] == rec["question"]
    with pytest.raises(ValueError, match="gold graph"): to_sft_record(dict(rec, graph=None), messages_fn=msgs)
    # round trip: an SFT row written by to_sft_record loads back through load_dagger_sft's parsing
    assert data._graph_text(sft["conversations"][-1]["content"]) == rec["graph"]


def test_default_messages_fn_is_the_course_prompt():
    rec = generate(1, seed=3)[0]
    try:
        import dagger_nb.prompts as prompts
    except ImportError:
        with pytest.raises(ImportError, match="messages_fn"):
            to_grpo_record(rec)
    else:
        assert to_grpo_record(rec)["prompt"] == list(prompts.build_messages(rec["question"]))


def test_mgsm_tries_the_mirror_when_the_script_dataset_fails(monkeypatch):
    calls = []
    def fake_load(repo, config=None, split=None):
        calls.append(repo)
        if repo == "juletxara/mgsm": raise RuntimeError("Dataset scripts are no longer supported, but found mgsm.py")
        return datasets.Dataset.from_list([{"question": "প্রশ্ন", "answer_number": 12}])
    monkeypatch.setattr(data.datasets, "load_dataset", fake_load)
    assert load_mgsm_bn()["answer"] == [12.0] and calls == ["juletxara/mgsm", "jbross-ibm-research/mgsm"]


def test_sft_answer_falls_back_to_the_gold_graph(tmp_path):
    rec = generate(1, seed=6)[0]
    row = {"conversations": [{"role": "user", "content": rec["question"]}, {"role": "assistant", "content": f"```json\n{rec['graph']}\n```"}],
           "response": f"```json\n{rec['graph']}\n```", "english_answer": "n/a"}
    p = tmp_path / "sft.jsonl"; p.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    ds = load_dagger_sft(p)
    assert ds["answer"] == [rec["answer"]] and ds["graph"] == [rec["graph"]] and ds["question"] == [rec["question"]]
    row["response"] = "not a graph"; p.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="english_answer"):
        load_dagger_sft(p)

"""Loaders of the real datasets: local files of every supported type, the hub code path (with the hub
replaced by a stand-in), the offline error, and the SFT/GRPO formatting helpers."""
import json, math
from pathlib import Path

import datasets
import pytest

from dagger_nb import data
from dagger_nb.data import (COMMON_FEATURES, DataUnavailableError, read_records, load_mgsm_bn, load_msvamp_bn, load_distractmath,
                            load_dagger_sft, load_dagger_grpo, DataFormatError, to_sft_record, to_grpo_record, last_number, to_number)
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
    with pytest.raises(DataFormatError, match=r"x.jsonl line 1: no 'modified_question' or 'question' field \(its fields: foo\)"):
        load_distractmath(path=tmp_path / "x.jsonl")


def test_answers_are_normalised():
    assert to_number("70000") == 70000.0 and to_number("১,২৫০") == 1250.0 and to_number(7) == 7.0
    assert last_number("৩ + ৪ = ৭, তাই উত্তর ১,২০০।") == 1200.0
    with pytest.raises(ValueError): last_number("কোনো সংখ্যা নেই")


def test_real_mgsm_from_an_explicit_path(mgsm_path, monkeypatch):
    path = mgsm_path
    lines = [l.split("\t") for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    ds = load_mgsm_bn(path)
    assert len(ds) == len(lines) == 250
    assert ds["answer"] == [float(a.replace(",", "")) for _, a in lines]
    assert ds["question"] == [q.strip() for q, _ in lines]
    assert set(ds["source"]) == {"mgsm_bn"} and all(x is None for x in ds["graph"])
    monkeypatch.setenv("DAGGER_MGSM_PATH", str(path))              # the documented variable names the same file
    assert load_mgsm_bn()["question"] == ds["question"]


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
    assert "DAGGER_MGSM_PATH" in str(e.value) and "mgsm_bn.tsv" in str(e.value)


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
    import dagger_nb.prompts as prompts
    rec = generate(1, seed=3)[0]
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


def test_mgsm_is_read_only_from_what_the_user_names(tmp_path, monkeypatch):
    "A copy of MGSM above the working directory is never picked up: no path, no variable means the hub."
    planted = tmp_path / "shared" / "data"; planted.mkdir(parents=True)
    (planted / "mgsm_bn.tsv").write_text("প্রশ্ন\t১\n", encoding="utf-8")
    work = tmp_path / "a" / "b"; work.mkdir(parents=True); monkeypatch.chdir(work)
    def offline(*a, **k): raise ConnectionError("Couldn't reach 'x' on the Hub (OfflineModeIsEnabled)")
    monkeypatch.setattr(data.datasets, "load_dataset", offline)
    with pytest.raises(DataUnavailableError): load_mgsm_bn()
    monkeypatch.setenv("DAGGER_MGSM_PATH", str(tmp_path / "nowhere.tsv"))
    with pytest.raises(FileNotFoundError, match="DAGGER_MGSM_PATH='.*nowhere.tsv' names no file"): load_mgsm_bn()


@pytest.mark.parametrize("name, content, message", [
    ("b.tsv", "প্রশ্ন এক\t১\nপ্রশ্ন দুই\tfive\n", r"b.tsv line 2: answer 'five' is not a number"),
    ("c.tsv", "প্রশ্ন এক\t১\nশুধু প্রশ্ন\n", r"c.tsv line 2: 1 column\(s\); a table without a header needs two"),
    ("h.tsv", "question\tanswer\nপ্রশ্ন\t১\tবাড়তি\n", r"h.tsv line 2: 3 columns where the header has 2"),
    ("j.jsonl", '{"question": "q", "answer": 1}\n\n{"question": "q2", "answer": \n', r"j.jsonl line 3: not valid JSON"),
    ("k.json", '[{"question": "q", "answer": 1},\n {"question": "q2"}]', r"k.json record 2: no 'answer_number' or 'answer' field"),
    ("l.jsonl", '[1, 2]\n', r"l.jsonl line 1: expected a JSON object with named fields, got list"),
    ("e.tsv", "", r"e.tsv is empty"),
    ("w.tsv", "\n  \n", r"w.tsv is empty"),
])
def test_loader_errors_name_the_file_the_line_and_the_field(tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(DataFormatError, match=message):
        load_mgsm_bn(tmp_path / name)


def test_undecodable_files_and_byte_order_marks(tmp_path):
    (tmp_path / "u16.tsv").write_bytes("প্রশ্ন\t১\n".encode("utf-16"))
    with pytest.raises(DataFormatError, match=r"u16.tsv line 1: byte 0xff is not UTF-8 text; save the file as UTF-8"):
        load_mgsm_bn(tmp_path / "u16.tsv")
    (tmp_path / "bad.tsv").write_bytes("এক\t১\n".encode() + b"\xc3(\t2\n")
    with pytest.raises(DataFormatError, match=r"bad.tsv line 2: byte 0xc3"):
        load_mgsm_bn(tmp_path / "bad.tsv")
    for name, text in [("bom.tsv", "রহিমের প্রশ্ন\t১\n"), ("bom.jsonl", '{"question": "রহিমের প্রশ্ন", "answer": 1}\n'),
                       ("bom.csv", "question,answer\nরহিমের প্রশ্ন,1\n")]:
        (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + text.encode())
        assert load_mgsm_bn(tmp_path / name)["question"] == ["রহিমের প্রশ্ন"], name

"""Loaders of the real datasets: the real MGSM file, the hub-shaped samples, the hub code path (with the hub
replaced by a stand-in) and the offline error. Examples of the file types, field variants, errors and the
SFT/GRPO formatting helpers are in nbs/06_data.ipynb."""
from pathlib import Path

import datasets
import pytest

from dagger_nb import data
from dagger_nb.data import (COMMON_FEATURES, DataUnavailableError, load_mgsm_bn, load_msvamp_bn, load_distractmath,
                            load_dagger_sft, load_dagger_grpo)
from dagger_nb.synth import generate, write_hub_samples

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    return write_hub_samples(tmp_path_factory.mktemp("hub"), n=10, seed=4)
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
def test_mgsm_tries_the_mirror_when_the_script_dataset_fails(monkeypatch):
    calls = []
    def fake_load(repo, config=None, split=None):
        calls.append(repo)
        if repo == "juletxara/mgsm": raise RuntimeError("Dataset scripts are no longer supported, but found mgsm.py")
        return datasets.Dataset.from_list([{"question": "প্রশ্ন", "answer_number": 12}])
    monkeypatch.setattr(data.datasets, "load_dataset", fake_load)
    assert load_mgsm_bn()["answer"] == [12.0] and calls == ["juletxara/mgsm", "jbross-ibm-research/mgsm"]

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

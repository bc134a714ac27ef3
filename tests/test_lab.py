"The lab's stage engine (atomic outputs, resume, interruption) and the real `tiny` lab end to end."
import json

import pytest

from dagger_nb.lab import Stage, run_stages


class Recorder:
    "Stages that write a file (or folder) and remember each call; `interrupt_at` raises KeyboardInterrupt midway."
    def __init__(self, interrupt_at=None):
        self.calls, self.interrupt_at = [], interrupt_at

    def file_stage(self, name):
        def fn(ctx, out, resume):
            self.calls.append((name, resume))
            out.write_text("half")
            if self.interrupt_at == name:
                self.interrupt_at = None
                raise KeyboardInterrupt
            out.write_text(f"{name} done")
        return Stage(name, f"{name}.txt", fn)

    def ckpt_stage(self, name):
        "A training-like stage: keeps a checkpoint counter in its partial folder and continues from it."
        def fn(ctx, out, resume):
            out.mkdir(exist_ok=True)
            ck = out / "ckpt"
            start = int(ck.read_text()) if resume and ck.exists() else 0
            self.calls.append((name, start))
            for step in range(start, 4):
                ck.write_text(str(step + 1))
                if self.interrupt_at == name and step == 1:
                    self.interrupt_at = None
                    raise KeyboardInterrupt
            (out / "adapter").write_text("weights")
        return Stage(name, f"adapters/{name}", fn, keeps_partial=True)


def test_training_stage_continues_from_its_checkpoint(tmp_path):
    r = Recorder(interrupt_at="sft")
    stages = [r.ckpt_stage("sft"), r.file_stage("eval")]
    with pytest.raises(KeyboardInterrupt):
        run_stages(tmp_path, stages, progress=False)
    assert (tmp_path / "adapters/sft.partial/ckpt").read_text() == "2"
    run_stages(tmp_path, stages, resume=True, progress=False)
    assert r.calls[:2] == [("sft", 0), ("sft", 2)]                  # second attempt started at step 2, not 0
    assert (tmp_path / "adapters/sft/adapter").exists()
    # without --resume the partial checkpoint is not trusted: a fresh run starts from step 0
    r2 = Recorder(interrupt_at="sft")
    with pytest.raises(KeyboardInterrupt):
        run_stages(tmp_path / "x", [r2.ckpt_stage("sft")], progress=False)
    run_stages(tmp_path / "x", [r2.ckpt_stage("sft")], resume=False, progress=False)
    assert r2.calls == [("sft", 0), ("sft", 0)]


# ---- run_lab: configuration, run folders and resume (with small stand-in stages; the real ones run below) ----

def _standin_stages(calls, interrupt_once=("two",)):
    pending = set(interrupt_once)
    def make(name):
        def fn(ctx, out, resume):
            calls.append(name)
            out.write_text(f"{name}: n_eval={ctx.config.p.n_eval}")
            if name in pending:
                pending.discard(name)
                raise KeyboardInterrupt
        return Stage(name, f"{name}.txt", fn)
    return [make("one"), make("two"), make("three")]


def test_run_lab_records_settings_and_resumes_the_latest_run(tmp_path):
    from dagger_nb.lab import run_lab
    calls = []
    stages = _standin_stages(calls)
    with pytest.raises(KeyboardInterrupt):
        run_lab("tiny", name="r1", root=tmp_path, progress=False, stages=stages, n_eval=3, mgsm_n=0)
    cfg = json.loads((tmp_path / "r1/config.json").read_text())
    assert cfg["preset"] == "tiny" and cfg["preset_overrides"] == {"n_eval": 3, "mgsm_n": 0} and cfg["preset_values"]["n_eval"] == 3
    with pytest.raises(FileExistsError, match="--resume"):
        run_lab("tiny", name="r1", root=tmp_path, progress=False, stages=stages)
    with pytest.raises(ValueError, match="keeps its own settings"):
        run_lab(name="r1", root=tmp_path, resume=True, progress=False, stages=stages, n_eval=5)
    with pytest.raises(ValueError, match="preset"):
        run_lab("cpu", name="r1", root=tmp_path, resume=True, progress=False, stages=stages)
    run_lab(root=tmp_path, resume=True, progress=False, stages=stages)          # no name: the latest run
    assert calls == ["one", "two", "two", "three"]
    assert (tmp_path / "r1/three.txt").read_text() == "three: n_eval=3"          # the resumed run kept its settings
    log = (tmp_path / "r1/lab.log").read_text()
    assert "interrupted" in log and "skipped" in log


def test_run_lab_rejects_bad_input(tmp_path):
    from dagger_nb.lab import run_lab
    with pytest.raises(ValueError, match="unknown preset setting"):
        run_lab("tiny", root=tmp_path, progress=False, stages=[], lora_rank=4)
    with pytest.raises(ValueError, match="unknown preset"):
        run_lab("huge", root=tmp_path, progress=False, stages=[])
    with pytest.raises(FileNotFoundError, match="Nothing to resume"):
        run_lab(root=tmp_path / "empty", resume=True, progress=False, stages=[])


def test_cli_lab_flags_cover_preset_numbers():
    from dagger_nb.cli import build_parser, main
    a = build_parser().parse_args(["lab", "--preset", "tiny", "--lora-r", "4", "--distractors", "1,2",
                                   "--sft-lr", "0.001", "--mgsm-n", "10", "--trim-vocab", "false"])
    ov = {k[3:]: v for k, v in vars(a).items() if k.startswith("ov_") and v is not None}
    assert ov == {"lora_r": 4, "distractors": (1, 2), "sft_lr": 0.001, "mgsm_n": 10, "trim_vocab": False}
    assert main(["lab", "--preset", "nope", "--quiet"]) == 2


# ---- the real lab under the `tiny` preset, end to end (what CI runs) ----

@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    from dagger_nb.lab import run_lab
    root = tmp_path_factory.mktemp("runs")
    return run_lab("tiny", name="ci", root=root, progress=False)


def test_tiny_lab_writes_every_output(tiny_run):
    from dagger_nb.evaluate import load_completions
    from dagger_nb.claims import MODELS
    from dagger_nb.lab import LAB_STAGE_NAMES
    for f in ["results.md", "results.json", "results.csv", "lab.log", "config.json", "plots/accuracy.png",
              "plots/failures.png", "data/train.jsonl", "data/test.jsonl"]:
        assert (tiny_run / f).stat().st_size > 0, f
    for key in ("sft", "grpo_base", "grpo_sft"):
        assert any((tiny_run / "adapters" / key).iterdir()), key
    assert all((tiny_run / ".stages" / f"{n}.done").exists() for n in LAB_STAGE_NAMES)
    assert not list(tiny_run.rglob("*.partial"))
    recs = load_completions(tiny_run / "completions")
    assert {r["model"] for r in recs} == set(MODELS.values())
    assert {r["set"] for r in recs} == {"heldout", "heldout+d"}
    res = json.loads((tiny_run / "results.json").read_text())
    assert set(res["ablation"]["models"]) == set(MODELS.values())
    assert "Different scale" in (tiny_run / "results.md").read_text()


def test_tiny_lab_resume_redoes_only_what_is_missing(tiny_run):
    from dagger_nb.cli import main
    from dagger_nb.lab import stage_marker
    before = stage_marker(tiny_run, "sft")
    (tiny_run / ".stages/eval_grpo_sft.done").unlink()
    (tiny_run / "results.md").unlink()
    assert main(["lab", "--resume", "--name", tiny_run.name, "--root", str(tiny_run.parent), "--quiet"]) == 0
    assert stage_marker(tiny_run, "sft") == before                       # training was not redone
    assert stage_marker(tiny_run, "eval_grpo_sft") and (tiny_run / "results.md").exists()


def test_gen_thread_count_backs_off_when_the_cpu_is_busy(monkeypatch):
    import psutil, torch
    from dagger_nb.lab import gen_thread_count
    n = torch.get_num_threads()
    assert gen_thread_count(1) == 1 and gen_thread_count(3) == 3            # a fixed setting is kept as it is
    monkeypatch.setattr(psutil, "cpu_percent", lambda interval=None: 5.0)
    assert gen_thread_count(0) == n                                        # idle: every thread
    monkeypatch.setattr(psutil, "cpu_percent", lambda interval=None: 60.0)
    assert gen_thread_count(0) == 1                                        # busy: one thread
    monkeypatch.setattr(torch, "get_num_threads", lambda: 1)
    assert gen_thread_count(0) == 1


def test_lab_claims_say_which_hold(tmp_path):
    "Claims computed from a run folder: a made-up run where SFT→GRPO solves all 64 distracted problems and base→GRPO 20."
    import json
    from dagger_nb.evaluate import heldout_items, save_completions
    from dagger_nb.claims import check_claims, claims_markdown
    from dagger_nb.prompts import graph_block
    from dagger_nb.synth import generate_records
    recs = generate_records(64, seed=2, distractors=(1, 2))
    items = heldout_items(recs)
    good = {r["question"]: graph_block(json.loads(r["graph"])) for r in recs}
    good.update({r["clean_question"]: graph_block(json.loads(r["graph"])) for r in recs})
    def answers(model, n_right):   # the first n_right problems of each set right, the rest prose (format failures)
        out, seen = [], {}
        for it in items:
            k = seen[it["set"]] = seen.get(it["set"], 0) + 1
            out.append({**it, "model": model, "completion": good[it["question"]] if k <= n_right else "উত্তর জানি না"})
        return out
    (tmp_path / "completions").mkdir()
    for key, label, n in [("base", "base", 0), ("grpo_base", "base→GRPO", 20), ("sft", "SFT", 60), ("grpo_sft", "SFT→GRPO", 64)]:
        save_completions(answers(label, n), tmp_path / "completions" / f"{key}.jsonl")
    for key, rewards in [("grpo_base", [0, 0.1, 0.2, 0.5, 0.4, 0.6]), ("grpo_sft", [1.5, 1.1, 1.2])]:
        (tmp_path / "adapters" / key).mkdir(parents=True)
        (tmp_path / "adapters" / key / "rewards.jsonl").write_text(
            "".join(json.dumps({"step": i + 1, "reward": r, "reward_std": 0.0 if i == 0 else 0.3}) + "\n" for i, r in enumerate(rewards)))
    claims = {c["id"]: c for c in check_claims(tmp_path, show=False)}
    assert claims["1a"]["holds"] is False and "0 of 128" in claims["1a"]["evidence"]
    assert claims["1b"]["holds"] and claims["1c"]["holds"] and claims["1d"]["holds"]
    assert claims["2a"]["holds"] and claims["2b"]["holds"] is False      # 1.5, 1.1, 1.2: the last third is below the first
    assert claims["3"]["holds"] and "+68.8 points" in claims["3"]["evidence"] and "< 0.001" in claims["3"]["evidence"]
    assert claims["4"]["holds"]
    assert "**Does not hold** (1a)" in claims_markdown(list(claims.values()))


def test_a_redone_lab_stage_redoes_only_the_stages_that_read_it(tmp_path):
    from dataclasses import replace
    from dagger_nb.lab import lab_stages
    calls = []
    def fn(name):
        def write(ctx, out, resume):
            calls.append(name); out.write_text(name)
        return write
    stages = [replace(s, fn=fn(s.name)) for s in lab_stages()]
    run_stages(tmp_path, stages, progress=False)
    assert calls == [s.name for s in stages]
    calls.clear()
    (tmp_path / ".stages" / "grpo_sft.done").unlink()              # retrain GRPO from SFT only
    run_stages(tmp_path, stages, resume=True, progress=False)
    assert calls == ["grpo_sft", "eval_grpo_sft", "report"]
    calls.clear()
    (tmp_path / ".stages" / "sft.done").unlink()                   # a new SFT: GRPO from SFT and both evaluations of it
    run_stages(tmp_path, stages, resume=True, progress=False)
    assert calls == ["sft", "grpo_sft", "eval_sft", "eval_grpo_sft", "report"]
    calls.clear()
    (tmp_path / ".stages" / "data.done").unlink()                  # new data: everything
    run_stages(tmp_path, stages, resume=True, progress=False)
    assert calls == [s.name for s in stages]

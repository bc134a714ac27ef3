"""Run folders as users meet them: a marker before anything is deleted, one writer per folder, checkpoints that are
verified before resuming, settings compared with what the run saved, and no wall-clock limit in evaluation."""
import json, os, subprocess, sys, time

import pytest

from train_records import records
from dagger_nb.runs import LOCK, RunLockedError, make_run_dir, run_lock, read_log


def _cli(*args, cwd=None) -> subprocess.CompletedProcess:
    "`dagger-nb ARGS` in a separate process, as a user types it."
    code = "import sys\nfrom dagger_nb.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_overwrite_never_deletes_a_folder_dagger_nb_did_not_make(tmp_path):
    repo = tmp_path / "my-repo"; (repo / ".git").mkdir(parents=True); (repo / "thesis.tex").write_text("years of work")
    r = _cli("sft", "--preset", "tiny", "--out", ".", "--overwrite", cwd=repo)
    assert r.returncode == 2 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "did not create" in r.stderr and "refusing to delete it" in r.stderr
    assert (repo / "thesis.tex").read_text() == "years of work" and (repo / ".git").is_dir()
    assert sorted(p.name for p in repo.iterdir()) == [".git", "thesis.tex"]                # nothing added either


def test_a_second_writer_is_refused_and_told_who_writes(tmp_path):
    run = make_run_dir(tmp_path / "run", "sft")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom dagger_nb.runs import run_lock\n"
                               f"with run_lock({str(run)!r}):\n    print('locked', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(RunLockedError, match=f"being written by process {holder.pid}"):
            with run_lock(run): pass
        with pytest.raises(RunLockedError):                       # nor may anyone empty it meanwhile
            make_run_dir(run, "sft", overwrite=True)
    finally:
        holder.kill(); holder.wait()
    notes = []
    with run_lock(run, log=notes.append):                         # the holder died: its lock is stale and taken over
        assert json.loads((run / LOCK).read_text())["pid"] == os.getpid()
    assert notes and f"process {holder.pid}" in notes[0] and not (run / LOCK).exists()


def test_lab_resume_while_the_lab_runs_is_refused(tmp_path):
    "A `dagger-nb lab --resume` typed in a second terminal while the lab is still running is refused with one line."
    from dagger_nb.lab import Stage, run_lab
    seen = {}
    def second_terminal(ctx, out, resume):
        seen["r"] = _cli("lab", "--resume", "--name", "r", "--root", tmp_path, "--quiet")
        out.write_text("done")
    run_lab("tiny", name="r", root=tmp_path, progress=False, stages=[Stage("one", "one.txt", second_terminal)])
    r = seen["r"]
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert f"is being written by process {os.getpid()}" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    log = (tmp_path / "r" / "lab.log").read_text()
    assert log.count("run folder") == 1                           # the second process never wrote to the log


def test_resume_skips_a_broken_newest_checkpoint(tmp_path):
    "The newest checkpoint was cut off mid-write (a killed process): resuming continues from the previous complete one."
    from transformers import TrainerCallback
    from dagger_nb.sft import train_sft

    class Interrupt(TrainerCallback):
        def on_step_end(self, args, state, control, **kw):
            if state.global_step == 5: raise KeyboardInterrupt

    out = tmp_path / "sft"
    kw = dict(data=records(4), progress=False, sft_max_steps=6, save_steps=2)
    with pytest.raises(KeyboardInterrupt):
        train_sft("tiny", out_dir=out, callbacks=[Interrupt()], **kw)
    newest = out / "checkpoints" / "checkpoint-4"
    weights = newest / "model.safetensors"
    with open(weights, "r+b") as f: f.truncate(weights.stat().st_size // 2)
    adapter = train_sft("tiny", out_dir=out, resume=True, **kw)
    summary = json.loads((adapter / "summary.json").read_text())
    assert summary["resumed_from"] == "checkpoint-2" and summary["steps"] == 6
    assert (out / "checkpoints" / "broken-checkpoint-4").is_dir()
    assert [r["step"] for r in read_log(out / "log.jsonl") if "loss" in r] == list(range(1, 7))


def test_sft_resume_compares_settings_with_the_saved_run(tmp_path):
    from dagger_nb.sft import train_sft
    out = tmp_path / "sft"
    train_sft("tiny", out_dir=out, data=records(2), progress=False, sft_max_steps=2)
    assert json.loads((out / "config.json").read_text())["settings"]["sft_max_steps"] == 2
    with pytest.raises(ValueError, match=r"sft_lr: 0.01 in the run, 0.5 asked for now"):
        train_sft("tiny", out_dir=out, data=records(2), resume=True, progress=False, sft_max_steps=2, sft_lr=0.5)


def test_lab_resume_checks_against_the_saved_settings_not_todays_presets(tmp_path, monkeypatch):
    "The code's preset changed after the run started: resuming keeps the saved value and compares overrides with it."
    from dagger_nb import presets
    from dagger_nb.lab import Stage, run_lab
    calls = []
    def stage(ctx, out, resume):
        calls.append(ctx.config.p.n_eval)
        if len(calls) == 1: raise KeyboardInterrupt
        out.write_text("ok")
    stages = [Stage("one", "one.txt", stage)]
    with pytest.raises(KeyboardInterrupt):
        run_lab("tiny", name="r", root=tmp_path, progress=False, stages=stages)
    monkeypatch.setitem(presets.PRESETS, "tiny", presets.PRESETS["tiny"].replace(n_eval=9))
    with pytest.raises(ValueError, match=r"n_eval: 4 in the run, 9 asked for now"):
        run_lab(name="r", root=tmp_path, resume=True, progress=False, stages=stages, n_eval=9)
    run_lab(name="r", root=tmp_path, resume=True, progress=False, stages=stages, n_eval=4)
    assert calls == [4, 4]


@pytest.mark.parametrize("engine", ["fast", "generate"])
def test_evaluation_has_no_wall_clock_limit(monkeypatch, engine):
    "A machine so slow that every clock reading is 10 minutes later still gets the same completions: only tokens bound the work."
    from dagger_nb.models import load_model
    from dagger_nb.generate import solve
    model, tok = load_model("tiny", trim_vocab=True)
    qs = ["রহিমের ৩টি কলম আছে। সে আরও ২টি কিনল। কয়টি?", "৫ আর ৭ যোগ করো।"]
    normal = solve(qs, model, tok, max_new_tokens=12, progress=False, engine=engine)
    clock = {"t": time.time()}
    def slow():
        clock["t"] += 600; return clock["t"]
    monkeypatch.setattr(time, "time", slow); monkeypatch.setattr(time, "perf_counter", slow); monkeypatch.setattr(time, "monotonic", slow)
    slowed = solve(qs, model, tok, max_new_tokens=12, progress=False, engine=engine)
    assert [(s.text, s.n_tokens) for s in slowed] == [(s.text, s.n_tokens) for s in normal]
    assert all(s.n_tokens == 12 for s in normal)                  # the random model never stops early: the cap is what ends it

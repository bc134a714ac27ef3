import json
import pytest

from train_records import records, tiny_sft_adapter
from dagger_nb.models import load_model
from dagger_nb.generate import solve
from dagger_nb.sft import train_sft
from dagger_nb.runs import last_checkpoint, mark_run_dir, read_log


def test_sft_learns_the_format_better_than_the_untrained_model():
    adapter = tiny_sft_adapter()
    summary = json.loads((adapter / "summary.json").read_text())
    assert summary["steps"] > 0 and summary["loss"][-1][1] < summary["loss"][0][1] / 4
    assert (adapter / "dagger_model.json").exists()
    import torch
    assert summary["environment"]["torch"] == torch.__version__ and summary["environment"]["cpu_kernels"]   # which machine made it
    held_out = [r["question"] for r in records(8, seed=123)]
    sft_model, sft_tok = load_model(str(adapter))
    base_model, base_tok = load_model("tiny", trim_vocab=True)
    parsed = lambda sols: sum(s.stage != "parse" for s in sols)
    sft_sols = solve(held_out, sft_model, sft_tok, max_new_tokens=160, progress=False)
    base_sols = solve(held_out, base_model, base_tok, style="system", max_new_tokens=160, progress=False)
    assert parsed(sft_sols) > parsed(base_sols), [s.text[-80:] for s in sft_sols]


def test_existing_run_needs_resume_or_overwrite(tmp_path):
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "log.jsonl").write_text("{}\n")
    for overwrite in (False, True):                        # a folder dagger_nb did not create is never used, nor emptied
        with pytest.raises(FileExistsError, match="did not create"):
            train_sft("tiny", out_dir=tmp_path / "run", data=records(2), overwrite=overwrite)
    assert (tmp_path / "run" / "log.jsonl").read_text() == "{}\n"
    mark_run_dir(tmp_path / "run", "sft")
    with pytest.raises(FileExistsError, match="resume=True"):
        train_sft("tiny", out_dir=tmp_path / "run", data=records(2))


def test_interrupted_sft_resumes_from_the_saved_step(tmp_path):
    from transformers import TrainerCallback

    class Interrupt(TrainerCallback):
        def on_step_end(self, args, state, control, **kw):
            if state.global_step == 5:
                raise KeyboardInterrupt

    out = tmp_path / "sft"
    kw = dict(data=records(4), progress=False, sft_max_steps=8, save_steps=2)
    with pytest.raises(KeyboardInterrupt):
        train_sft("tiny", out_dir=out, callbacks=[Interrupt()], **kw)
    assert not (out / "adapter").exists()                  # no half-written result
    assert last_checkpoint(out / "checkpoints").name == "checkpoint-4"
    adapter = train_sft("tiny", out_dir=out, resume=True, **kw)
    summary = json.loads((adapter / "summary.json").read_text())
    assert summary["resumed_from"] == "checkpoint-4" and summary["steps"] == 8
    steps = [r["step"] for r in read_log(out / "log.jsonl") if "loss" in r]
    assert steps == list(range(1, 9))                       # 1-4 from the first run, 5-8 after resuming


def test_cli_sft_then_solve(tmp_path, capsys):
    from dagger_nb.cli import main
    out = tmp_path / "run"
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(4)), encoding="utf-8")
    assert main(["sft", "--preset", "tiny", "--out", str(out), "--data", str(data), "--sft-max-steps", "2"]) == 0
    assert (out / "adapter" / "summary.json").exists()
    first = capsys.readouterr()
    assert "{'loss'" not in first.out + first.err and "sft finished" in first.out     # logs go to the bar and log.jsonl
    assert [r["step"] for r in read_log(out / "log.jsonl") if "loss" in r] == [1, 2]
    assert main(["sft", "--preset", "tiny", "--out", str(out), "--data", str(data)]) == 2      # exists: say --resume
    assert "resume=True" in capsys.readouterr().err
    rc = main(["solve", "রহিমের ৩টি কলম আছে। সে আরও ২টি কিনল। কয়টি কলম?", "--model", str(out / "adapter"),
               "--max-new-tokens", "8"])
    captured = capsys.readouterr()
    assert (rc == 0 and "answer:" in captured.out) or (rc == 1 and "no answer" in captured.err)


def test_fewshot_sft_shares_the_examples_and_trains_the_same(tmp_path, monkeypatch):
    "Training on fewshot prompts runs the shared examples once per batch; the logged losses match a plain run's."
    import dagger_nb.sft as sft
    kw = dict(prompt_style="fewshot", sft_max_steps=3, n_train=12, max_seq_length=1024, sft_max_length=1024,
              sft_batch_size=4, progress=False)
    split, real = [], sft.split_prefix
    def counted(model, inputs, least=64):
        out = real(model, inputs, least)
        split.append(inputs["input_ids"].shape[1] - out["input_ids"].shape[1])   # prefix tokens taken out of the rows
        return out
    monkeypatch.setattr(sft, "split_prefix", counted)
    shared = json.loads((train_sft("tiny", out_dir=tmp_path / "shared", **kw) / "summary.json").read_text())
    monkeypatch.setattr(sft, "split_prefix", lambda model, inputs, least=64: inputs)
    plain = json.loads((train_sft("tiny", out_dir=tmp_path / "plain", **kw) / "summary.json").read_text())
    assert shared["shared_prefix"] and len(split) == 3 and min(split) > 300   # every batch ran its ~430 example tokens once
    assert shared["loss"][-1][1] < shared["loss"][0][1]            # it learns
    assert [s for s, _ in shared["loss"]] == [s for s, _ in plain["loss"]] == [1, 2, 3]
    for (_, a), (_, b) in zip(shared["loss"], plain["loss"]):
        assert a == pytest.approx(b, rel=1e-4)

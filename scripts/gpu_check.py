#!/usr/bin/env python
"""A smoke test of the GPU path with the real model, sized for under 10 minutes on a T4 (plus the first download):
load Gemma-3-4B-it in 4-bit through Unsloth, a few SFT steps, a few GRPO steps from that adapter, 16 evaluations.

    python scripts/gpu_check.py [--preset colab-t4] [--out build/gpu]

Writes what it measured (seconds per step, peak GPU memory per stage, precision used, versions) to
OUT/gpu_check.json, and one file per stage that `python scripts/docs.py gpu-table` puts into the index's GPU table.
Without CUDA it says so in one line and exits with 2.
"""
import argparse, json, platform, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# small enough for minutes, large enough that every part of the path runs (SFT, GRPO groups, batched evaluation)
SMOKE = dict(n_train=32, n_eval=8, sft_max_steps=6, sft_batch_size=2, sft_grad_accum=1, grpo_max_steps=3, grpo_batch_size=4,
             grpo_grad_accum=1, grpo_steps_per_generation=1, num_generations=4, max_completion_length=256,
             eval_max_new_tokens=256, eval_batch_size=16, save_steps=1000, grpo_warmup_steps=0)


def _versions() -> dict:
    import importlib.metadata as md, torch
    out = {"python": platform.python_version(), "torch": torch.__version__, "cuda": torch.version.cuda}
    for pkg in ("transformers", "trl", "peft", "unsloth", "unsloth_zoo", "bitsandbytes", "dagger_nb"):
        try: out[pkg] = md.version(pkg)
        except md.PackageNotFoundError: out[pkg] = None
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="colab-t4")
    ap.add_argument("--out", default=str(ROOT / "build" / "gpu"))
    ap.add_argument("--allow-cpu", action="store_true", help="run without CUDA (to check this script itself, e.g. with --preset tiny)")
    a = ap.parse_args(argv)
    import torch
    if not torch.cuda.is_available() and not a.allow_cpu:
        print("gpu_check: needs a CUDA GPU and found none (on Colab: Runtime > Change runtime type > T4 GPU)", file=sys.stderr)
        return 2
    from dagger_nb.runs import unsloth_first
    unsloth_first()
    from dagger_nb.evaluate import evaluate, evaluate_model, heldout_items
    from dagger_nb.grpo import train_grpo
    from dagger_nb.models import load_model
    from dagger_nb.presets import get_preset
    from dagger_nb.sft import train_sft
    from dagger_nb.train import free_gpu, resolve_precision
    from dagger_nb.synth import generate_records
    p = get_preset(a.preset, **SMOKE)
    cuda = torch.cuda.is_available()
    name, cc = (torch.cuda.get_device_name(0), torch.cuda.get_device_capability(0)) if cuda else ("cpu", (0, 0))
    work, out = Path(tempfile.mkdtemp(prefix="gpu_check-")), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    when = time.strftime("%Y-%m-%d %H:%M:%S")
    stages = {}
    free_gpu()
    def record(stage, seconds, steps, **extra):
        mem = free_gpu() or {}
        stages[stage] = dict(seconds=round(seconds, 1), steps=steps, step_s=round(seconds / max(1, steps), 3),
                             peak_gpu_mb=round(mem.get("gpu_peak_gib", 0) * 1024, 1), **extra)
        print(f"gpu_check {stage}: {stages[stage]}")
    t0 = time.time()
    sft = train_sft(p, out_dir=work / "sft", progress=True)
    s = json.loads((sft / "summary.json").read_text())
    record("sft", s["train_seconds"], s["steps"], load_and_train_s=round(time.time() - t0, 1))
    t0 = time.time()
    grpo = train_grpo(p, init=str(sft), out_dir=work / "grpo", progress=True)
    g = json.loads((grpo / "summary.json").read_text())
    record("grpo", g["train_seconds"], g["steps"], load_and_train_s=round(time.time() - t0, 1), final_reward=g.get("final_reward"))
    items = heldout_items(generate_records(p.n_eval, seed=p.seed + 10_000, distractors=(1, 2), families=p.families))
    t0 = time.time()
    model, tok = load_model(str(grpo), load_in_4bit=p.load_in_4bit, max_seq_length=p.max_seq_length)
    recs = evaluate_model(model, tok, items, "smoke", batch_size=p.eval_batch_size, style=p.prompt_style,
                          max_new_tokens=p.eval_max_new_tokens, progress=True)
    del model
    acc = evaluate(recs, n_boot=100).metrics
    record("eval", time.time() - t0, len(items), accuracy={r["set"]: r["accuracy"] for r in acc})
    result = dict(preset=a.preset, smoke_settings=SMOKE, gpu=name, compute_capability=f"{cc[0]}.{cc[1]}",
                  gpu_memory_gib=round(torch.cuda.get_device_properties(0).total_memory / 2**30, 1) if cuda else None,
                  precision=resolve_precision(p.precision), when=when, versions=_versions(), stages=stages)
    (out / "gpu_check.json").write_text(json.dumps(result, indent=1))
    for stage, f in stages.items():     # one file per row of the index's GPU table (scripts/docs.py gpu-table)
        (out / f"gpu_check_{stage}.json").write_text(json.dumps({**f, "gpu": name, "when": when}, indent=1))
    print(f"gpu_check: done in {sum(f['seconds'] for f in stages.values()):.0f} s of stages -> {out / 'gpu_check.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

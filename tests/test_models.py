import json
from pathlib import Path
import pytest
import torch

from dagger_nb.presets import get_preset, notebook_preset
from dagger_nb.prompts import SYSTEM_PROMPT, build_messages, graph_block, paper_prompt, EXAMPLE_GRAPH
from dagger_nb.generate import solve
from dagger_nb import models
from dagger_nb.models import load_model, gemma_tokenizer, default_cache_dir


@pytest.mark.parametrize("gpu, preset", [(None, "cpu-quick"), ((14.7, (7, 5)), "colab-t4"), ((22.0, (8, 9)), "colab-t4"),
                                         ((79.2, (8, 0)), "colab-t4"), ((7.8, (8, 6)), "cpu-quick"), ((16.0, (6, 0)), "cpu-quick")])
def test_notebook_preset_by_gpu_memory_and_capability(monkeypatch, capsys, gpu, preset):
    """No GPU, a T4, an L4, an A100 80GB, an 8 GB laptop GPU, a P100 (too old for Unsloth)."""
    import dagger_nb.presets as presets
    monkeypatch.delenv("DAGGER_PRESET", raising=False)
    monkeypatch.setattr(presets, "gpu_info", lambda: gpu)
    assert notebook_preset() == preset
    if gpu and preset == "cpu-quick": assert "below what colab-t4 needs" in capsys.readouterr().out


def test_cpu_preset_is_the_setting_of_the_committed_three_seed_runs():
    "The lab's `cpu` preset is the setting of data/lab-cpu-example and data/lab-cpu-fewshot-readable-ng8-seed1/2 (their seed aside); cpu-quick the old cpu."
    from dagger_nb.lab import LabConfig      # reads configs saved before the lab's settings joined the preset, too
    root = Path(__file__).parent.parent / "data"
    saved_values = lambda run: json.loads(json.dumps(LabConfig.from_dict(json.loads((root / run / "config.json").read_text())).p.to_dict()))
    for run in ["lab-cpu-example", "lab-cpu-fewshot-readable-ng8-seed1", "lab-cpu-fewshot-readable-ng8-seed2"]:
        saved = saved_values(run)
        want = json.loads(json.dumps(get_preset("cpu", seed=saved["seed"]).to_dict()))
        lab = set(get_preset("cpu").stage("lab").to_dict()) | {"name"}    # the lab's own settings (threads, MGSM file) may differ
        assert {k: v for k, v in want.items() if k not in lab} == {k: v for k, v in saved.items() if k not in lab}, run
    quick = saved_values("lab-cpu-quick-example")
    assert json.loads(json.dumps(get_preset("cpu-quick", reward="paper").to_dict())) == {**quick, "name": "cpu-quick", "reward": "paper"}


def test_cpu_families_exist_and_generate():
    from dagger_nb.presets import CPU_FAMILIES
    from dagger_nb.synth import FAMILIES, generate
    assert get_preset("cpu").families == CPU_FAMILIES and set(CPU_FAMILIES) <= set(FAMILIES)
    assert set(generate(2 * len(CPU_FAMILIES), families=CPU_FAMILIES)["family"]) == set(CPU_FAMILIES)


# models ------------------------------------------------------------------

@pytest.fixture(scope="module")
def tiny_pair():
    return load_model("tiny", trim_vocab=True)


def test_tiny_model_uses_gemma3_and_the_chat_template(tiny_pair):
    model, tok = tiny_pair
    assert type(model).__name__ == "Gemma3ForCausalLM" and model.config.vocab_size == len(tok) < 20000
    text = tok.apply_chat_template(build_messages("২ + ২ = ?"), tokenize=False, add_generation_prompt=True)
    assert text.startswith("<bos><start_of_turn>user\n" + SYSTEM_PROMPT) and text.endswith("<end_of_turn>\n<start_of_turn>model\n")
    eot = tok.convert_tokens_to_ids("<end_of_turn>")
    assert eot in model.generation_config.eos_token_id


def test_trimmed_tokenizer_matches_the_full_one_and_round_trips(tiny_pair):
    _, tok = tiny_pair
    full = gemma_tokenizer()
    keep = tiny_pair[0].dagger_keep_ids
    kept_text = paper_prompt("রিনার কাছে ১২টি আপেল আছে।") + graph_block(EXAMPLE_GRAPH)
    ids = tok(kept_text, add_special_tokens=False).input_ids
    assert [keep[i] for i in ids] == full(kept_text, add_special_tokens=False).input_ids
    for text in ["Zürich ☃ 漢字 𝄞", "রিনার কাছে ১২টি আপেল আছে।", "<unused7> tabs\t\tand\n\nnewlines"]:
        assert tok.decode(tok(text, add_special_tokens=False).input_ids) == text


def test_trimming_keeps_the_logits_of_kept_tokens():
    full, ftok = load_model("tiny", seed=3)
    trim, ttok = load_model("tiny", seed=3, trim_vocab=["রিনার কাছে ১২টি আপেল আছে।"])
    text = "রিনার কাছে ১২টি আপেল আছে।"
    with torch.no_grad():
        a = full(**ftok(text, return_tensors="pt")).logits[0]
        b = trim(**ttok(text, return_tensors="pt")).logits[0]
    keep = torch.tensor(trim.dagger_keep_ids)
    assert torch.allclose(a[:, keep], b, atol=1e-5)
    assert trim(**ttok(text, return_tensors="pt"), labels=ttok(text, return_tensors="pt").input_ids).loss.isfinite()


def test_solve_is_bounded_and_reports_failures(tiny_pair):
    model, tok = tiny_pair
    sols = solve(["রহিমের ৩টি কলম আছে। সে আরও ২টি কিনল। কয়টি কলম?", "২ + ২ = ?"], model, tok, max_new_tokens=12, batch_size=2, progress=False)
    assert len(sols) == 2
    for s in sols:
        assert 1 <= s.n_tokens <= 12 and not s.ok and s.error and s.stage == "parse"
    with pytest.raises(ValueError, match="max_new_tokens"):
        solve(["x"], model, tok, max_new_tokens=0)


def test_unsloth_path_is_optional():
    # without CUDA `auto` must never import unsloth
    import sys
    if not torch.cuda.is_available():
        assert not models._unsloth_available()
        load_model("tiny", backend="auto", trim_vocab=True)
        assert "unsloth" not in sys.modules


@pytest.mark.skipif(not (default_cache_dir() / "gemma-3-270m" / "model.safetensors").exists(),
                    reason="Gemma-3-270M not converted yet (run `load_model('gemma-3-270m')` once, about a minute)")
def test_gemma_270m_trimmed_matches_full_on_kept_text():
    full, ftok = load_model("gemma-3-270m")
    trim, ttok = load_model("gemma-3-270m", trim_vocab=True)
    text = "রিনার কাছে ১২টি আপেল আছে। সে প্রতিটি আপেল ৫ টাকায় বিক্রি করল।"
    with torch.no_grad():
        a = full(**ftok(text, return_tensors="pt")).logits[0]
        b = trim(**ttok(text, return_tensors="pt")).logits[0]
    assert torch.allclose(a[:, torch.tensor(trim.dagger_keep_ids)], b, atol=1e-4)

"""Sharing a trained adapter: a merged 16-bit model that loads without the adapter, and GGUF / Hub steps that say why they skip."""
import json, sys, types

import pytest
import torch

from dagger_nb import models
from dagger_nb.models import export_model, load_model, write_meta


@pytest.fixture(scope="module")
def adapter(tmp_path_factory):
    d = tmp_path_factory.mktemp("export") / "adapter"
    model, tok = load_model("tiny", lora=dict(r=4, alpha=8), trim_vocab=["রহিমের কাছে 12টি আম আছে। মোট কত?"])
    torch.manual_seed(1)
    for n, p in model.named_parameters():
        if "lora_B" in n: p.data.normal_(0, 0.05)         # a LoRA that changes the outputs
    model.save_pretrained(str(d)); tok.save_pretrained(str(d)); write_meta(model, d, prompt_style="system")
    return d, model, tok


def test_merged_model_gives_the_adapters_outputs(adapter, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    folder, model, tok = adapter
    done = export_model(folder, tmp_path / "merged", gguf="q4_k_m", push_to="someone/dagger-tiny")
    assert done["merged"] == str(tmp_path / "merged") and done["gguf"] is None and done["pushed"] is None
    assert any(s.startswith("gguf: needs Unsloth") for s in done["skipped"]) and any("offline" in s for s in done["skipped"])
    ids = tok("রহিমের কাছে 12টি আম আছে।", return_tensors="pt").input_ids
    merged, tok2 = load_model(str(tmp_path / "merged"))              # no adapter any more: plain weights
    assert not (tmp_path / "merged" / "adapter_config.json").exists()
    with torch.no_grad():
        want, got = model(ids).logits, merged(ids).logits
        base = load_model("tiny", trim_vocab=json.loads((folder / models.META_FILE).read_text())["keep_ids"])[0](ids).logits
    assert torch.allclose(got, want, atol=0.05, rtol=0.02)             # 16-bit storage: close, not equal
    assert (want - base).abs().max() > 10 * (got - want).abs().max()  # ... and the adapter did change the outputs
    from transformers import AutoModelForCausalLM
    assert AutoModelForCausalLM.from_pretrained(str(tmp_path / "merged")).dtype == torch.bfloat16   # transformers alone
    assert tok2(["আম"]).input_ids == tok(["আম"]).input_ids


def test_push_needs_a_token_and_uses_the_hub_api(adapter, tmp_path, monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False); monkeypatch.delenv("HF_TOKEN", raising=False)
    folder, _, _ = adapter
    assert "no Hugging Face token" in export_model(folder, tmp_path / "a", push_to="me/x")["skipped"][0]
    calls = []
    class Api:
        def __init__(self, token): calls.append(("token", token))
        def create_repo(self, repo, exist_ok): calls.append(("create", repo))
        def upload_folder(self, repo_id, folder_path, commit_message): calls.append(("upload", repo_id, sorted(p.name for p in __import__("pathlib").Path(folder_path).iterdir())))
    monkeypatch.setitem(sys.modules, "huggingface_hub", types.SimpleNamespace(HfApi=Api))
    monkeypatch.setenv("HF_TOKEN", "hf_test")
    done = export_model(folder, tmp_path / "b", push_to="me/x")
    assert done["pushed"] == "https://huggingface.co/me/x" and calls[0] == ("token", "hf_test") and calls[1] == ("create", "me/x")
    assert calls[2][0] == "upload" and models.META_FILE in calls[2][2] and "config.json" in calls[2][2]


def test_cli_export(adapter, tmp_path, monkeypatch, capsys):
    from dagger_nb.cli import main
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    folder, _, _ = adapter
    assert main(["export", str(folder), "--out", str(tmp_path / "m"), "--gguf", "q4_k_m", "--push-to", "me/x"]) == 0
    out = capsys.readouterr().out
    assert "merged 16-bit model" in out and "skipped gguf" in out and "skipped push: offline" in out
    assert main(["export", str(tmp_path), "--out", str(tmp_path / "n")]) == 2
    assert "not a model folder" in capsys.readouterr().err

"""The CPU decoding loop: the same greedy completions as `model.generate` (shared prefixes, rows that stop at different
steps, merged adapters), a fence stop that agrees with the text rule, sampling that respects top-k/top-p, and GRPO
sampling from the weights being trained."""
import copy
import pytest
import torch
from hypothesis import given, settings, strategies as st

from dagger_nb.generate import (FenceStop, Sampling, _fence_closed, generate_ids, merged_for_inference, pick_tokens, solve,
                                stop_token_ids)
from dagger_nb.models import gemma_tokenizer, load_model
from dagger_nb.prompts import build_messages


@pytest.fixture(scope="module")
def lora_tiny():
    "The tiny model with a LoRA adapter whose B matrices are not zero (as after training)."
    m, t = load_model("tiny", trim_vocab=True, lora=dict(r=4, alpha=8), seed=1)
    g = torch.Generator().manual_seed(0)
    for n, p in m.named_parameters():
        if "lora_B" in n: torch.nn.init.normal_(p, std=0.05, generator=g)
    return m, t


QUESTIONS = ["রহিমের ৩টি কলম আছে। সে আরও ২টি কিনল। কয়টি?", "একটি বইয়ের দাম ১২০ টাকা। ৩টি বইয়ের দাম কত?", "৫ আর ৭ যোগ করো।",
             "সুমির কাছে ৪৫টি লিচু ছিল। সে ১৭টি খেয়ে ফেলল এবং বাকিগুলো তিন বন্ধুর মধ্যে সমান ভাগ করে দিল। প্রত্যেকে কয়টি পেল?"]


def _hf(model, prompts, n, stops, pad):
    L = max(map(len, prompts))
    ids = torch.tensor([[pad] * (L - len(p)) + p for p in prompts])
    mask = torch.tensor([[0] * (L - len(p)) + [1] * len(p) for p in prompts])
    with torch.no_grad():
        out = model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=n, do_sample=False, pad_token_id=pad, eos_token_id=list(stops))
    return [r[: next((k + 1 for k, x in enumerate(r) if x in stops), len(r))] for r in out[:, L:].tolist()]


def test_greedy_completions_equal_generate_when_rows_stop_at_different_steps():
    "A trained (tiny) model closes its ```json block at different steps per row: the loop drops finished rows and still"
    "gives `generate`'s completions, in one batch or several."
    from train_records import records, tiny_sft_adapter
    m, t = load_model(str(tiny_sft_adapter()))
    qs = [r["question"] for r in records(8, seed=123, families=("total_two", "difference"))]
    ref = solve(qs, m, t, max_new_tokens=160, progress=False, engine="generate", batch_size=8)
    assert len({s.n_tokens for s in ref}) > 1                                     # the rows really stop at different steps
    for bs in (8, 3):
        fast = solve(qs, m, t, max_new_tokens=160, progress=False, engine="fast", batch_size=bs)
        assert [(s.text, s.n_tokens) for s in fast] == [(s.text, s.n_tokens) for s in ref]


def test_merging_the_adapter_keeps_the_completions(lora_tiny):
    m, t = lora_tiny
    prompts = [t(t.apply_chat_template(build_messages(q), tokenize=False, add_generation_prompt=True), add_special_tokens=False).input_ids
               for q in QUESTIONS]
    ref = _hf(m, prompts, 24, set(stop_token_ids(t)), t.pad_token_id)
    assert generate_ids(m, prompts, 24, stop_token_ids(t), pad_id=t.pad_token_id) == ref
    merged = merged_for_inference(copy.deepcopy(m))
    assert not hasattr(merged, "peft_config") and generate_ids(merged, prompts, 24, stop_token_ids(t), pad_id=t.pad_token_id) == ref



def test_a_shared_prefix_keeps_the_tokens_when_the_sliding_window_binds(lora_tiny):
    "Prompts with one common prefix and tails of different lengths, longer than Gemma-3's sliding window (shrunk to 32"
    "here): sharing the prefix gives the unshared logits and `generate`'s tokens (the padding stays in front of each row)."
    from dagger_nb.generate import _prefill, growing_cache
    m, t = copy.deepcopy(lora_tiny[0]), lora_tiny[1]
    m.config.sliding_window = 32
    head = t("Bangla math word problems, each solved as a JSON graph. ", add_special_tokens=True).input_ids
    prompts = [head + t(q, add_special_tokens=False).input_ids for q in QUESTIONS]
    assert 16 <= len(head) < 32 < max(map(len, prompts)) and len({len(p) for p in prompts}) == len(prompts)
    with torch.no_grad():
        plain, shared = (_prefill(m, prompts, t.pad_token_id, growing_cache(m.config), share)[0] for share in (False, True))
    assert torch.allclose(shared, plain, atol=1e-4), (shared - plain).abs().amax(-1)
    ref = _hf(m, prompts, 24, set(stop_token_ids(t)), t.pad_token_id)
    for share in (True, False):
        assert generate_ids(m, prompts, 24, stop_token_ids(t), pad_id=t.pad_token_id, share_prefix=share) == ref

_tok = gemma_tokenizer()

@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["`", "``", "```", "json", "\n", " ", "{", "a", "```json\n", "}\n```", "ক"]), max_size=14))
def test_fence_stop_agrees_with_the_text_rule(parts):
    text = "".join(parts)
    ids = _tok(text, add_special_tokens=False).input_ids
    fs = FenceStop(_tok)
    got = next((n for n, t in enumerate(ids, 1) if fs(0, t)), None)
    want = next((n for n in range(1, len(ids) + 1) if _fence_closed(_tok.decode(ids[:n], skip_special_tokens=True))), None)
    assert got == want, (text, ids)


def test_sampling_keeps_to_top_k_and_top_p():
    logits = torch.log(torch.tensor([[0.5, 0.3, 0.15, 0.05]]))
    g = torch.Generator().manual_seed(0)
    draw = lambda s: {int(pick_tokens(logits, s, g)) for _ in range(300)}
    assert draw(Sampling(True)) == {0, 1, 2, 3}
    assert draw(Sampling(True, top_k=2)) == {0, 1}
    assert draw(Sampling(True, top_p=0.7)) == {0, 1}                # 0.5 + 0.3 reaches 0.7: the third token is cut
    assert draw(Sampling(False)) == {0}
    counts = torch.bincount(torch.stack([pick_tokens(logits, Sampling(True), g) for _ in range(4000)]).flatten(), minlength=4)
    assert torch.allclose(counts / 4000, torch.tensor([0.5, 0.3, 0.15, 0.05]), atol=0.03)


def test_grpo_samples_from_the_weights_being_trained(tmp_path, monkeypatch):
    "On a CPU, GRPO completions come from `generate_ids` on a merged copy of the current policy, remade after each update."
    from dagger_nb import grpo, generate
    from train_records import records
    seen = []
    real = generate.generate_ids
    def spy(model, prompts, *a, **kw):
        seen.append(model)
        return real(model, prompts, *a, **kw)
    monkeypatch.setattr(grpo, "generate_ids", spy)   # patched where GRPO looks it up
    captured = {}
    base_cls = grpo.fast_sampling_trainer
    def capture(*a):
        cls = base_cls(*a)
        class Capturing(cls):
            def __init__(self, *a, **kw):
                super().__init__(*a, **kw); captured["trainer"] = self
        return Capturing
    monkeypatch.setattr(grpo, "fast_sampling_trainer", capture)
    grpo.train_grpo("tiny", out_dir=tmp_path / "g", data=records(4), progress=False, lora_r=4, lora_alpha=8, grpo_max_steps=2,
                    grpo_lr=1e-2, save_steps=10)
    trainer = captured["trainer"]
    assert len(seen) == 2 and seen[0] is not seen[1]                      # one merged copy per optimizer step
    assert not hasattr(seen[1], "peft_config")                            # a plain model: the adapter is folded in
    sampler = trainer._sampler()                                          # the copy for the next step: the trained weights
    for name, mod in trainer.model.named_modules():
        if hasattr(mod, "lora_A") and "default" in getattr(mod, "lora_A", {}):
            want = mod.base_layer.weight + mod.get_delta_weight("default")
            got = sampler.get_submodule(name.replace("base_model.model.", "", 1)).weight
            assert torch.allclose(got, want, atol=1e-6), name
            break
    else:
        pytest.fail("no LoRA layer found")


def test_a_fence_the_prompt_opened_counts():
    "With the fewshot prompt the answer's opening ``` is in the prompt: the first ``` of the completion closes it."
    from dagger_nb.models import gemma_tokenizer
    tk = gemma_tokenizer()
    ids = tk('{"id":"n1"}\n]}\n```\nProblem: next', add_special_tokens=False)["input_ids"]
    for opened, want in ((1, True), (0, False)):
        stop = FenceStop(tk, opened=opened)
        assert any(stop(0, t) for t in ids) is want


def test_fewshot_grpo_samples_stop_at_the_fence_and_end_with_eos(tmp_path, monkeypatch):
    "A fewshot GRPO run: the sampler stops each completion at its closing fence, appends <eos>, and the reward sees the opening."
    from dagger_nb import grpo, generate, rewards
    from dagger_nb.prompts import ANSWER_OPENING
    from train_records import records
    stops, judged = [], []
    real = generate.generate_ids
    def spy(model, prompts, *a, **kw):
        stops.append(kw.get("stop"))
        return real(model, prompts, *a, **kw)
    monkeypatch.setattr(grpo, "generate_ids", spy)   # patched where GRPO looks it up
    original = rewards.dagger_reward
    def dagger_reward(completions, solution=None, **kw):
        judged.extend(completions)
        return original(completions, solution=solution, **kw)
    monkeypatch.setattr(rewards, "dagger_reward", dagger_reward)
    grpo.train_grpo("tiny", out_dir=tmp_path / "g", data=records(4), progress=False, prompt_style="fewshot", grpo_max_steps=2, save_steps=10)
    assert stops and all(isinstance(s, FenceStop) and s.opened == 1 for s in stops)
    assert judged and all(c.startswith(ANSWER_OPENING) for c in judged)
    assert all(c.count("```") <= 2 for c in judged)                 # cut at the closing fence


def test_solve_with_the_fewshot_prompt_judges_the_whole_answer():
    "The fewshot prompt opens the answer; `solve` puts the opening back before judging, on both engines, with the same tokens."
    from dagger_nb.prompts import ANSWER_OPENING
    m, t = load_model("tiny", trim_vocab=True)
    q = ["রহিমের 3টি কলম আছে। সে আরও 2টি কিনল। এখন তার কয়টি কলম?", "একটি বাসে 40 জন যাত্রী ছিল। 15 জন নেমে গেল। বাসে কতজন আছে?"]
    fast = solve(q, m, t, style="fewshot", max_new_tokens=12, progress=False, engine="fast")
    slow = solve(q, m, t, style="fewshot", max_new_tokens=12, progress=False, engine="generate")
    assert all(s.text.startswith(ANSWER_OPENING.strip()) for s in fast)     # (a text is stripped of trailing space)
    assert [s.text for s in fast] == [s.text for s in slow]


def test_decoding_reads_shared_key_value_heads_in_place(lora_tiny, monkeypatch):
    "Each decoding step goes through `_one_token_attention` (4 query heads on 1 key/value head); the model's attention"
    "setting is put back afterwards, and the tokens are `generate`'s."
    from dagger_nb import generate
    m, t = lora_tiny
    calls = []
    real = generate._one_token_attention
    monkeypatch.setattr(generate, "_one_token_attention", lambda mod, q, *a, **kw: calls.append(q.shape[2]) or real(mod, q, *a, **kw))
    prompts = [t(t.apply_chat_template(build_messages(q), tokenize=False, add_generation_prompt=True), add_special_tokens=False).input_ids
               for q in QUESTIONS]
    before = m.config._attn_implementation
    got = generate_ids(m, prompts, 12, stop_token_ids(t), pad_id=t.pad_token_id)
    assert m.config._attn_implementation == before == "sdpa"
    assert calls.count(1) >= 2 * 11 and set(calls) >= {1}          # 2 layers x every decoding step, one query each
    assert got == _hf(m, prompts, 12, set(stop_token_ids(t)), t.pad_token_id)


def test_the_growing_cache_slides_its_window_like_the_plain_cache(lora_tiny):
    "Decoding well past a (shrunk) sliding window, with rows dropped on the way: the in-place cache, which moves a view"
    "instead of copying the window every step, gives the plain DynamicCache's logits at every step."
    from transformers.cache_utils import DynamicCache
    from dagger_nb.generate import growing_cache
    m, t = lora_tiny
    m = merged_for_inference(copy.deepcopy(m))
    m.config.sliding_window = 12
    prompts = torch.randint(5, 200, (3, 20), generator=torch.Generator().manual_seed(0))
    caches = {"plain": DynamicCache(config=m.config), "grow": growing_cache(m.config)}
    assert any(getattr(l, "is_sliding", False) for l in caches["grow"].layers)
    logits = {}
    with torch.no_grad():
        for name, c in caches.items():
            out, ids, B = [], prompts, 3
            for step in range(40):                                     # 20 prompt tokens, then 40 one-token steps
                if step == 25:                                         # a row finishes: drop it from the cache
                    c.batch_select_indices(torch.tensor([0, 2])); ids = ids[[0, 2]]; B = 2
                pos = torch.arange(c.get_seq_length(), c.get_seq_length() + ids.shape[1])[None].expand(B, -1)
                lg = m(input_ids=ids, position_ids=pos, past_key_values=c, use_cache=True).logits[:, -1]
                out.append(lg); ids = lg.argmax(-1, keepdim=True)
            logits[name] = out
    for a, b in zip(logits["plain"], logits["grow"]):
        torch.testing.assert_close(a, b, rtol=0, atol=1e-5)

import json

from train_records import records, tiny_sft_adapter
from dagger_nb import rewards
from dagger_nb.grpo import train_grpo
from dagger_nb.runs import read_log
from dagger_nb.models import load_model


def test_grpo_from_sft_end_to_end_and_rewards_see_the_solution_column(tmp_path, monkeypatch):
    seen = []
    original = rewards.dagger_reward

    def dagger_reward(completions, solution=None, **kw):
        seen.append(list(solution))
        return original(completions, solution=solution, **kw)

    monkeypatch.setattr(rewards, "dagger_reward", dagger_reward)
    data = records(4, seed=7)
    out = tmp_path / "grpo"
    adapter = train_grpo("tiny", init=str(tiny_sft_adapter()), out_dir=out, data=data, progress=False, grpo_max_steps=2)
    gold = {r["answer"] for r in data}
    assert seen and all(s is not None and set(s) <= gold for s in seen)
    rows = read_log(out / "rewards.jsonl")
    assert [r["step"] for r in rows] == [1, 2]
    for r in rows:
        assert 0 <= r["reward"] <= 2 and all(0 <= r[k] <= 1 for k in ("format", "execution", "correctness", "frac_reward_zero_std"))
    summary = json.loads((adapter / "summary.json").read_text())
    assert summary["steps"] == 2 and summary["init"].endswith("adapter")
    model, tok = load_model(str(adapter))                 # the result loads like any other run
    assert model.config.vocab_size == len(tok)


def test_fewshot_grpo_scores_each_group_prompt_once_with_the_same_logits(tmp_path, monkeypatch):
    "In a real fewshot GRPO run, TRL's scoring goes through SharedPrefixCall, which gives the plain call's logits."
    import torch
    from dagger_nb import grpo
    checked = []
    real = grpo.SharedPrefixCall.__call__
    def spy(self, input_ids, attention_mask, logits_to_keep, **kw):
        out = real(self, input_ids, attention_mask, logits_to_keep, **kw)
        with torch.no_grad():
            plain = self.model(input_ids=input_ids, attention_mask=attention_mask, logits_to_keep=logits_to_keep, **kw).logits
        checked.append((input_ids.shape[0], float((out.logits.detach() - plain[:, -logits_to_keep:]).abs().max())))
        return out
    monkeypatch.setattr(grpo.SharedPrefixCall, "__call__", spy)
    from dagger_nb import train
    shared, real_cached = [], train.prefix_cached
    monkeypatch.setattr(grpo, "prefix_cached", lambda m, ids, mask, P: shared.append(P) or real_cached(m, ids, mask, P))
    grpo.train_grpo("tiny", out_dir=tmp_path / "g", data=records(4), progress=False, prompt_style="fewshot",
                    grpo_max_steps=2, save_steps=10)
    assert len(checked) >= 2 and all(n == 4 for n, _ in checked)     # every scoring batch: one prompt, four completions
    assert max(d for _, d in checked) < 1e-4, checked
    assert len(shared) == len(checked) and min(shared) > 400       # each ran its ~450-token prompt once


def test_grounded_grpo_gets_each_rows_question_and_logs_the_share(tmp_path, monkeypatch):
    "With reward='grounded', TRL hands the reward each completion's own problem text, and the log keeps the grounded share."
    seen = []
    original = rewards.grounded_reward

    def grounded_reward(completions, solution=None, question=None, **kw):
        seen.append((list(solution), list(question)))
        return original(completions, solution=solution, question=question, **kw)

    monkeypatch.setattr(rewards, "grounded_reward", grounded_reward)
    data = records(4, seed=7)
    answer_of = {r["question"]: r["answer"] for r in data}
    out = tmp_path / "grpo"
    train_grpo("tiny", init=str(tiny_sft_adapter()), out_dir=out, data=data, progress=False, grpo_max_steps=1, reward="grounded")
    assert seen and all(answer_of[q] == s for sols, qs in seen for s, q in zip(sols, qs))
    rows = read_log(out / "rewards.jsonl")
    assert len(rows) == 1 and 0 <= rows[0]["grounded"] <= 1 and 0 <= rows[0]["reward"] <= 2


def test_readable_grpo_trains_on_readable_reward_and_logs_the_rate(tmp_path, monkeypatch):
    "With reward='readable', the trained reward is `readable_reward` (0 for unreadable graphs) and the log keeps the readable rate."
    seen = []
    original = rewards.readable_reward

    def readable_reward(completions, solution=None, question=None, **kw):
        out = original(completions, solution=solution, question=question, **kw)
        seen.extend(zip(completions, out))
        return out

    monkeypatch.setattr(rewards, "readable_reward", readable_reward)
    out = tmp_path / "grpo"
    train_grpo("tiny", init=str(tiny_sft_adapter()), out_dir=out, data=records(4, seed=3), progress=False, grpo_max_steps=1,
               reward="readable")
    assert seen and all(r == 0.0 for c, r in seen if not rewards.is_readable(c))
    rows = read_log(out / "rewards.jsonl")
    assert len(rows) == 1 and 0 <= rows[0]["readable"] <= 1 and 0 <= rows[0]["grounded"] <= 1


def test_shared_prefix_scoring_gives_the_plain_calls_gradients():
    "Running a group's prompt once and copying its cache must train the weights exactly as the plain call would."
    import torch
    from dagger_nb.grpo import SharedPrefixCall
    from dagger_nb.models import load_model
    from dagger_nb.prompts import fewshot_prompt
    m, tok = load_model("tiny", lora=dict(r=8, alpha=16, dropout=0.0), trim_vocab=True)
    m.config.sliding_window = 40                                   # prompt + completion run past the window
    torch.manual_seed(0)
    for n, p in m.named_parameters():
        if "lora_B" in n: torch.nn.init.normal_(p, std=0.02)       # a trained adapter: B != 0, so A gets gradients too
    prompts = [tok(fewshot_prompt(q))["input_ids"] for q in ("রহিমের 3টি কলম আছে। সে আরও 2টি কিনল। এখন কয়টি?", "রিনার 5টি বই আছে। কয়টি?")]
    comps = [torch.randint(3, len(tok), (n,)).tolist() for n in (9, 12, 7, 12, 5, 10)]
    Lp, Lc = max(map(len, prompts)), max(map(len, comps))
    ids = torch.zeros(6, Lp + Lc, dtype=torch.long); mask = torch.zeros_like(ids)
    for r, c in enumerate(comps):
        p = prompts[r // 3]
        ids[r, Lp - len(p):Lp], mask[r, Lp - len(p):Lp] = torch.tensor(p), 1
        ids[r, Lp:Lp + len(c)], mask[r, Lp:Lp + len(c)] = torch.tensor(c), 1
    weight = torch.randn(6, Lc + 1, 1)
    def grads(call):
        m.zero_grad()
        logits = call(input_ids=ids, attention_mask=mask, logits_to_keep=Lc + 1, use_cache=False).logits
        (logits.log_softmax(-1)[..., :50] * weight).sum().backward()
        return {n: p.grad.clone() for n, p in m.named_parameters() if p.grad is not None}
    plain, shared = grads(m), grads(SharedPrefixCall(m))
    assert plain.keys() == shared.keys() and len(plain) > 0
    for n in plain:
        assert torch.allclose(shared[n], plain[n], rtol=1e-4, atol=1e-6 * float(plain[n].abs().max())), n

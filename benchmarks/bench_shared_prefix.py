"""The fewshot prompt's shared prefix on the CPU, measured side by side in one run on the cpu preset's Gemma-3-270M.

Every fewshot prompt starts with the same ~430 tokens (instruction and two worked examples). Three places can run
them once instead of once per row, and one decoding lever matters more the longer the prompt:
  * SFT: a training step (LoRA forward + backward) on fewshot rows, plain vs `train.split_prefix`;
  * GRPO scoring: TRL's log-probabilities of 2 prompts x 4 completions (forward + backward), plain vs `grpo.SharedPrefixCall`;
  * evaluation: greedy fewshot answers of held-out problems, (a) unshared with the standard attention, (b) with the
    shared prefix, (c) shared prefix and `_one_token_attention` (query heads that share a key/value head read it in
    place). The completions must be identical; the line says how many differ.
Variants alternate round by round so a busy machine slows them alike. Each line ends with the ratio to the plain path.

    python benchmarks/bench_shared_prefix.py                 # about 10 minutes on 2 cores
    python benchmarks/bench_shared_prefix.py --adapter runs/<lab>/adapters/sft/adapter --problems 32
"""
import argparse, statistics, time


def timed(fn):
    t = time.perf_counter(); out = fn(); return time.perf_counter() - t, out


def rows_for(tok, records, style="fewshot"):
    "Right-padded SFT rows (input_ids, labels, attention_mask) for records in prompt `style`."
    import torch
    from dagger_nb.sft import sft_example
    seqs = []
    for r in records:
        ex = sft_example(r, style, labels=False, tight=True)
        if isinstance(ex["prompt"], str):
            p, c = tok(ex["prompt"])["input_ids"], tok(ex["completion"], add_special_tokens=False)["input_ids"] + [tok.eos_token_id]
        else:                        # chat turns (the other prompt styles): the template, as TRL's SFT applies it
            ids = lambda m, **kw: list(tok.apply_chat_template(m, tokenize=True, return_dict=True, **kw)["input_ids"])
            p = ids(ex["prompt"], add_generation_prompt=True)
            c = ids(ex["prompt"] + ex["completion"])[len(p):]
        seqs.append((p, c))
    S = max(len(p) + len(c) for p, c in seqs)
    batch = {k: torch.full((len(seqs), S), v) for k, v in (("input_ids", 0), ("labels", -100), ("attention_mask", 0))}
    for b, (p, c) in enumerate(seqs):
        batch["input_ids"][b, :len(p) + len(c)] = torch.tensor(p + c)
        batch["labels"][b, len(p):len(p) + len(c)] = torch.tensor(c)
        batch["attention_mask"][b, :len(p) + len(c)] = 1
    return batch, seqs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--problems", type=int, default=12, help="held-out problems for evaluation (each with its distracted twin)")
    ap.add_argument("--adapter", default=None, help="an SFT adapter folder to evaluate (default: the base model with a fresh LoRA)")
    args = ap.parse_args(argv)
    import torch
    from dagger_nb import generate as G
    from dagger_nb.evaluate import heldout_items
    from dagger_nb.generate import merged_for_inference
    from dagger_nb.grpo import SharedPrefixCall
    from dagger_nb.models import load_model
    from dagger_nb.presets import get_preset
    from dagger_nb.generate import solve
    from dagger_nb.train import split_prefix
    from dagger_nb.synth import generate

    P = get_preset("cpu", prompt_style="fewshot")
    lora = dict(r=P.lora_r, alpha=P.lora_alpha, dropout=0.0)
    train, tok = load_model(P.model, lora=lora, trim_vocab=True, seed=0)
    train.train()
    batch, _ = rows_for(tok, generate(P.sft_batch_size, seed=1, distractors=P.distractors, families=P.families))
    n_tokens = int(batch["attention_mask"].sum())

    def sft_step(share):
        def fn():
            train.zero_grad()
            loss = train(**(split_prefix(train, batch) if share else batch), use_cache=False).loss
            loss.backward(); return loss.item()
        return fn

    # GRPO scoring: 2 prompts x 4 completions, prompts left-padded, completions right-padded (TRL's layout)
    recs = generate(2, seed=2, distractors=P.distractors, families=P.families)
    _, seqs = rows_for(tok, recs)
    prompts = [seqs[0][0]] * 4 + [seqs[1][0]] * 4
    comps = [seqs[i // 4][1][: len(seqs[i // 4][1]) - (i % 4) * 7] for i in range(8)]     # four lengths per group
    Lp, Lc = max(map(len, prompts)), max(map(len, comps))
    ids = torch.zeros(8, Lp + Lc, dtype=torch.long); mask = torch.zeros_like(ids)
    for r, (p, c) in enumerate(zip(prompts, comps)):
        ids[r, Lp - len(p):Lp], mask[r, Lp - len(p):Lp] = torch.tensor(p), 1
        ids[r, Lp:Lp + len(c)], mask[r, Lp:Lp + len(c)] = torch.tensor(c), 1

    def score(share):
        call = SharedPrefixCall(train) if share else train
        def fn():
            train.zero_grad()
            logits = call(input_ids=ids, attention_mask=mask, logits_to_keep=Lc + 1, use_cache=False).logits
            logits[:, -Lc - 1:].float().logsumexp(-1).mean().backward(); return None
        return fn

    results = {}
    for r in range(args.rounds):
        for name, fn in (("sft plain", sft_step(False)), ("sft shared", sft_step(True)),
                         ("grpo scoring plain", score(False)), ("grpo scoring shared", score(True))):
            dt, _ = timed(fn); results.setdefault(name, []).append(dt)
            print(f"round {r + 1}: {name:20} {dt:6.2f} s", flush=True)
    del train

    model, tok = load_model(args.adapter) if args.adapter else load_model(P.model, trim_vocab=True)
    model = merged_for_inference(model)
    items = heldout_items(generate(args.problems, seed=P.seed + 10_000, distractors=(1, 2), families=P.families))
    qs = [it["question"] for it in items]
    real_generate_ids, real_attention = G.generate_ids, G._decode_attention

    def evaluate(share, grouped):
        def fn():
            G.generate_ids = lambda *a, **kw: real_generate_ids(*a, **{**kw, "share_prefix": share})
            G._decode_attention = real_attention if grouped else (lambda model: (lambda: None))
            try:
                return solve(qs, model, tok, style="fewshot", batch_size=len(qs), max_new_tokens=P.eval_max_new_tokens,
                             progress=False, engine="fast")
            finally:
                G.generate_ids, G._decode_attention = real_generate_ids, real_attention
        return fn

    answers = {}
    for r in range(args.rounds):
        for name, share, grouped in (("eval plain", False, False), ("eval shared", True, False), ("eval shared+grouped", True, True)):
            dt, sols = timed(evaluate(share, grouped)); results.setdefault(name, []).append(dt)
            answers[name] = [s.text for s in sols]
            print(f"round {r + 1}: {name:20} {dt:6.2f} s ({sum(s.n_tokens for s in sols)} tokens)", flush=True)

    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"\nSFT step, {P.sft_batch_size} fewshot rows ({n_tokens} tokens): plain {med['sft plain']:.2f} s, "
          f"shared {med['sft shared']:.2f} s: x{med['sft plain'] / med['sft shared']:.2f}")
    print(f"GRPO scoring, 2 prompts x 4 completions: plain {med['grpo scoring plain']:.2f} s, "
          f"shared {med['grpo scoring shared']:.2f} s: x{med['grpo scoring plain'] / med['grpo scoring shared']:.2f}")
    for name in ("eval shared", "eval shared+grouped"):
        same = sum(a == b for a, b in zip(answers[name], answers["eval plain"]))
        print(f"evaluation, {len(qs)} fewshot problems: {name[5:]:15} x{med['eval plain'] / med[name]:.2f} "
              f"({med[name]:.1f} s against {med['eval plain']:.1f} s), identical completions {same}/{len(qs)}")


if __name__ == "__main__":
    main()

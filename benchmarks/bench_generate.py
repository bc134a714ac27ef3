"""Generation speed on the CPU: today's path (`model.generate` on the unmerged LoRA model) against the course's decoding
loop (`dagger_nb.generate.generate_ids` on merged weights), side by side in one run on the cpu preset's Gemma-3-270M.

Two workloads, each at the lab's settings:
  * evaluation: the lab's held-out problems (n_eval clean + n_eval distracted twins) in one batch of eval_batch_size,
    greedy, eval_max_new_tokens, through `prompts.solve`; the two paths must give the same completions;
  * GRPO sampling: the completions of the cpu preset's GRPO run (num_generations per prompt, temperature/top-p/top-k
    as the preset says), from the SFT adapter. Today's path samples one optimizer step's batch at a time with
    `generate` on the PEFT model; the new path samples `steps_per_generation` steps at once, after merging the
    adapter into a copy of the weights (the merge is inside the timing).
Rounds alternate old/new so a busy machine slows both alike. The last line is the summary:
    generation speed-up x<R> (eval), x<S> (grpo sampling)

    python benchmarks/bench_generate.py               # trains a short SFT adapter once (build/bench/), then ~10 min
    python benchmarks/bench_generate.py --adapter runs/<lab>/adapters/sft/adapter --rounds 3
"""
import argparse, copy, os, statistics, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sft_adapter(steps: int) -> Path:
    "A cpu-preset SFT adapter trained for `steps` steps, kept in build/bench/ for the next run."
    out = ROOT / "build" / "bench" / f"sft-{steps}"
    if (out / "adapter" / "summary.json").exists(): return out / "adapter"
    from dagger_nb.sft import train_sft
    print(f"training a {steps}-step cpu SFT adapter for the benchmark into {out} (once)...", flush=True)
    return train_sft("cpu", out_dir=out, overwrite=True, progress=False, sft_max_steps=steps)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--adapter", default=None, help="an SFT adapter folder (default: train one with --sft-steps)")
    ap.add_argument("--sft-steps", type=int, default=80, help="steps of the benchmark's own SFT adapter")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds per path")
    args = ap.parse_args(argv)

    import torch
    from dagger_nb.evaluate import heldout_items
    from dagger_nb.generate import Sampling, generate_ids, merged_for_inference
    from dagger_nb.models import load_model
    from dagger_nb.presets import get_preset
    from dagger_nb.prompts import build_messages, solve, stop_token_ids
    from dagger_nb.synth import generate

    P = get_preset("cpu")
    adapter = Path(args.adapter) if args.adapter else sft_adapter(args.sft_steps)
    unmerged, tok = load_model(str(adapter))
    merged = merged_for_inference(load_model(str(adapter))[0])
    print(f"adapter {adapter}; vocabulary {len(tok)} tokens; {torch.get_num_threads()} threads; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)

    # evaluation at the lab's settings
    lo, hi = P.distractors
    items = heldout_items(generate(P.n_eval, seed=P.seed + 10_000, distractors=(max(1, lo), max(1, hi)), families=P.families))
    qs = [it["question"] for it in items]
    kw = dict(style=P.prompt_style, batch_size=P.eval_batch_size, max_new_tokens=P.eval_max_new_tokens, progress=False)
    ev = {"old": [], "new": []}; same = []
    for r in range(args.rounds):
        for path, model, engine in (("old", unmerged, "generate"), ("new", merged, "fast")):
            t = time.perf_counter(); sols = solve(qs, model, tok, engine=engine, **kw); dt = time.perf_counter() - t
            ev[path].append(sum(s.n_tokens for s in sols) / dt)
            if path == "old": ref = sols
            else: same.append(sum(a.text == b.text for a, b in zip(ref, sols)))
            print(f"eval round {r + 1}: {path} {ev[path][-1]:6.1f} tok/s ({len(sols)} completions, {dt:.1f} s)", flush=True)

    # GRPO sampling: the preset's GRPO steps, num_generations completions per prompt
    steps, per_step = P.grpo_max_steps, P.grpo_batch_size // P.num_generations
    spg = P.grpo_steps_per_generation or P.grpo_grad_accum
    recs = generate(steps * per_step, seed=P.seed + 1, distractors=P.distractors, families=P.families)
    prompts = [tok(tok.apply_chat_template(build_messages(q, P.prompt_style), tokenize=False, add_generation_prompt=True),
                   add_special_tokens=False)["input_ids"] for q in recs["question"]]
    rows = [p for p in prompts for _ in range(P.num_generations)]              # TRL repeats each prompt per generation
    stops, sampling = stop_token_ids(tok), Sampling(True, P.temperature, P.top_k, P.top_p)
    peft = load_model(str(adapter), trainable=True)[0]

    def old_sampling(seed):
        torch.manual_seed(seed); n = 0
        for s in range(0, len(rows), P.grpo_batch_size):                         # one generate call per optimizer step
            batch = rows[s:s + P.grpo_batch_size]; L = max(map(len, batch))
            ids = torch.tensor([[tok.pad_token_id] * (L - len(p)) + p for p in batch])
            mask = torch.tensor([[0] * (L - len(p)) + [1] * len(p) for p in batch])
            with torch.no_grad():
                out = peft.generate(input_ids=ids, attention_mask=mask, do_sample=True, temperature=P.temperature, top_p=P.top_p,
                                    top_k=P.top_k, max_new_tokens=P.max_completion_length, eos_token_id=stops, pad_token_id=tok.pad_token_id)
            for row in out[:, L:].tolist():
                n += next((k + 1 for k, t in enumerate(row) if t in stops), len(row))
        return n

    def new_sampling(seed):
        g = torch.Generator().manual_seed(seed); n = 0
        per_gen = P.grpo_batch_size * spg
        for s in range(0, len(rows), per_gen):                                   # one call per `steps_per_generation` steps
            sampler = merged_for_inference(copy.deepcopy(peft))                  # what the trainer does after each update
            n += sum(map(len, generate_ids(sampler, rows[s:s + per_gen], P.max_completion_length, stops, sampling,
                                           batch_size=per_gen, generator=g, pad_id=tok.pad_token_id)))
        return n

    gr = {"old": [], "new": []}
    for r in range(args.rounds):
        for path, fn in (("old", old_sampling), ("new", new_sampling)):
            t = time.perf_counter(); n = fn(100 + r); dt = time.perf_counter() - t
            gr[path].append(n / dt)
            print(f"grpo round {r + 1}: {path} {gr[path][-1]:6.1f} tok/s ({len(rows)} completions, {n} tokens, {dt:.1f} s)", flush=True)

    R = statistics.median(ev["new"]) / statistics.median(ev["old"])
    S = statistics.median(gr["new"]) / statistics.median(gr["old"])
    print(f"\nevaluation: {len(qs)} problems, batch {P.eval_batch_size}, up to {P.eval_max_new_tokens} tokens; identical completions "
          f"in every round: {min(same)}/{len(qs)}; median {statistics.median(ev['old']):.1f} -> {statistics.median(ev['new']):.1f} tok/s")
    print(f"GRPO sampling: {steps} steps x {P.grpo_batch_size} completions, {spg} step(s) per generation; median "
          f"{statistics.median(gr['old']):.1f} -> {statistics.median(gr['new']):.1f} tok/s; load average {os.getloadavg()[0]:.1f}")
    print(f"generation speed-up x{R:.2f} (eval), x{S:.2f} (grpo sampling)")


if __name__ == "__main__":
    main()

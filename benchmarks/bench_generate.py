"""Generation speed on the CPU: today's path (`model.generate` on the unmerged LoRA model) against the course's decoding
loop (`dagger_nb.generate.generate_ids` on merged weights), side by side in one run on the cpu preset's Gemma-3-270M.

Two workloads, each at the lab's settings:
  * evaluation: the lab's held-out problems (n_eval clean + n_eval distracted twins), eval_batch_size per batch,
    greedy, eval_max_new_tokens, through `generate.solve`; the two paths must give the same completions;
  * GRPO sampling: every completion of the cpu preset's GRPO run (grpo_max_steps steps of grpo_batch_size completions,
    num_generations per prompt, the preset's temperature/top-p/top-k), from an SFT adapter. Today's path samples one
    optimizer step at a time with `generate` on the PEFT model; the new path samples `steps_per_generation` steps at
    once from a merged copy of the weights (making the copy is inside the timing, once per generation).
Rounds alternate old/new so a busy machine slows both alike. The last line is the summary:
    generation speed-up x<R> (eval), x<S> (grpo sampling)

    python benchmarks/bench_generate.py --adapter runs/<lab>/adapters/sft/adapter   # the lab's SFT adapter; ~1 h on 2 cores
    python benchmarks/bench_generate.py               # trains an 80-step SFT adapter once (build/bench/) and uses that
    python benchmarks/bench_generate.py --only eval --set n_eval=16 --rounds 1              # a quick, noisy look
"""
import argparse, copy, json, os, statistics, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sft_adapter(steps: int) -> Path:
    "A cpu-preset SFT adapter trained for `steps` steps, kept in build/bench/ for the next run."
    out = ROOT / "build" / "bench" / f"sft-{steps}"
    if (out / "adapter" / "summary.json").exists(): return out / "adapter"
    from dagger_nb.sft import train_sft
    print(f"training a {steps}-step cpu SFT adapter for the benchmark into {out} (once)...", flush=True)
    return train_sft("cpu", out_dir=out, overwrite=True, progress=False, sft_max_steps=steps)


def alternate(rounds: int, paths: dict, what: str) -> dict:
    "Run each path once per round, in turn; `paths[name]()` returns (tokens, completions). Returns tokens/s per path."
    rates = {k: [] for k in paths}
    for r in range(rounds):
        for name, fn in paths.items():
            t = time.perf_counter(); n, k = fn(r); dt = time.perf_counter() - t
            rates[name].append(n / dt)
            print(f"{what} round {r + 1}: {name} {rates[name][-1]:6.1f} tok/s ({k} completions, {n} tokens, {dt:.1f} s)", flush=True)
    return rates


def eval_workload(P, adapter, rounds):
    from dagger_nb.evaluate import heldout_items
    from dagger_nb.generate import merged_for_inference
    from dagger_nb.models import load_model
    from dagger_nb.generate import solve
    from dagger_nb.synth import generate
    unmerged, tok = load_model(str(adapter))
    merged = merged_for_inference(load_model(str(adapter))[0])
    lo, hi = P.distractors
    items = heldout_items(generate(P.n_eval, seed=P.seed + 10_000, distractors=(max(1, lo), max(1, hi)), families=P.families))
    qs = [it["question"] for it in items]
    kw = dict(style=P.prompt_style, batch_size=P.eval_batch_size, max_new_tokens=P.eval_max_new_tokens, progress=False)
    got = {}
    def run(name, model, engine):
        def fn(r):
            got[name] = solve(qs, model, tok, engine=engine, **kw)
            return sum(s.n_tokens for s in got[name]), len(qs)
        return fn
    same = []
    def new(r):
        out = run("new", merged, "fast")(r)
        same.append(sum(a.text == b.text and a.n_tokens == b.n_tokens for a, b in zip(got["old"], got["new"])))
        return out
    rates = alternate(rounds, {"old": run("old", unmerged, "generate"), "new": new}, "eval")
    lens = sorted(s.n_tokens for s in got["new"])
    print(f"evaluation: {len(qs)} problems, batch {P.eval_batch_size}, up to {P.eval_max_new_tokens} new tokens (lengths: median "
          f"{statistics.median(lens):.0f}, max {lens[-1]}); identical completions in every round: {min(same)}/{len(qs)}")
    return rates


def grpo_workload(P, adapter, rounds, spg):
    import torch
    from dagger_nb.generate import Sampling, generate_ids, merged_for_inference
    from dagger_nb.models import load_model
    from dagger_nb.prompts import prompt_ids
    from dagger_nb.generate import stop_token_ids
    from dagger_nb.synth import generate
    peft, tok = load_model(str(adapter), trainable=True)
    per_step = P.grpo_batch_size // P.num_generations
    recs = generate(P.grpo_max_steps * per_step, seed=P.seed + 1, distractors=P.distractors, families=P.families)
    prompts = [prompt_ids(q, P.prompt_style, tok) for q in recs["question"]]
    rows = [p for p in prompts for _ in range(P.num_generations)]              # TRL repeats each prompt per generation
    stops, sampling = stop_token_ids(tok), Sampling(True, P.temperature, P.top_k, P.top_p)
    def old(r):
        torch.manual_seed(100 + r); n = 0
        for s in range(0, len(rows), P.grpo_batch_size):                         # one generate call per optimizer step
            batch = rows[s:s + P.grpo_batch_size]; L = max(map(len, batch))
            ids = torch.tensor([[tok.pad_token_id] * (L - len(p)) + p for p in batch])
            mask = torch.tensor([[0] * (L - len(p)) + [1] * len(p) for p in batch])
            with torch.no_grad():
                out = peft.generate(input_ids=ids, attention_mask=mask, do_sample=True, temperature=P.temperature, top_p=P.top_p,
                                    top_k=P.top_k, max_new_tokens=P.max_completion_length, eos_token_id=stops, pad_token_id=tok.pad_token_id)
            n += sum(next((k + 1 for k, t in enumerate(row) if t in stops), len(row)) for row in out[:, L:].tolist())
        return n, len(rows)
    def new(r):
        g = torch.Generator().manual_seed(100 + r); n = 0
        per_gen = P.grpo_batch_size * spg
        for s in range(0, len(rows), per_gen):                                   # one call per `steps_per_generation` steps
            sampler = merged_for_inference(copy.deepcopy(peft))                  # what the trainer does after an update
            n += sum(map(len, generate_ids(sampler, rows[s:s + per_gen], P.max_completion_length, stops, sampling,
                                           batch_size=per_gen, generator=g, pad_id=tok.pad_token_id)))
        return n, len(rows)
    rates = alternate(rounds, {"old": old, "new": new}, "grpo")
    print(f"GRPO sampling: {P.grpo_max_steps} steps x {P.grpo_batch_size} completions ({P.num_generations} per prompt), "
          f"old: one step per generate call; new: {spg} step(s) per generation")
    return rates


def preset_overrides(pairs) -> dict:
    "`KEY=VALUE` strings as preset overrides (values read as JSON where they parse: numbers, true/false, lists)."
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep: raise SystemExit(f"--set {pair!r}: write KEY=VALUE, e.g. --set prompt_style=fewshot")
        try: out[key] = json.loads(value)
        except json.JSONDecodeError: out[key] = value
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--adapter", default=None, help="an SFT adapter folder (default: train one with --sft-steps)")
    ap.add_argument("--sft-steps", type=int, default=80, help="steps of the benchmark's own SFT adapter")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds per path")
    ap.add_argument("--only", choices=["eval", "grpo"], default=None, help="measure one workload only")
    ap.add_argument("--steps-per-generation", type=int, default=None, help="GRPO steps the new path samples at once (default: the preset's)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a cpu preset setting (repeatable)")
    args = ap.parse_args(argv)
    import torch
    from dagger_nb.presets import get_preset
    overrides = preset_overrides(args.set)
    P = get_preset("cpu", **overrides)
    adapter = Path(args.adapter) if args.adapter else sft_adapter(args.sft_steps)
    if overrides: print(f"cpu preset with {overrides}")
    print(f"adapter {adapter}; {torch.get_num_threads()} threads; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    ratio = lambda r: statistics.median(r["new"]) / statistics.median(r["old"])
    R = ratio(eval_workload(P, adapter, args.rounds)) if args.only != "grpo" else float("nan")
    spg = args.steps_per_generation or P.grpo_steps_per_generation or P.grpo_grad_accum
    S = ratio(grpo_workload(P, adapter, args.rounds, spg)) if args.only != "eval" else float("nan")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    print(f"generation speed-up x{R:.2f} (eval), x{S:.2f} (grpo sampling)")


if __name__ == "__main__":
    main()

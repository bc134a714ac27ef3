"""Speed levers of the classroom lab, measured side by side in one run on the Gemma-3-270M (CPU).

For each variant (full 262k vocabulary vs. vocabulary trimmed to the lab's tokens) it measures
  * training tokens/s: LoRA forward + backward + optimiser step on SFT-style prompt+answer batches,
  * generation tokens/s: batched greedy decoding of graph answers,
alternating the variants round by round (so a busy machine slows both alike), and prints ratios.
It also measures generation with one torch thread against all threads (the lab's `gen_threads`), alternating, and
reports how much shorter answers get without node labels and without spaces (the cpu preset's `graph_labels=False`,
`graph_tight=True`).

    nice python benchmarks/bench_lab.py            # about 3-6 minutes on a 2-core laptop
    python benchmarks/bench_lab.py --rounds 1 --steps 2 --gen-tokens 32   # quicker, noisier
"""
import argparse, os, statistics, time


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=2, help="alternating measurement rounds per variant")
    ap.add_argument("--steps", type=int, default=3, help="training steps per round")
    ap.add_argument("--batch", type=int, default=4, help="sequences per training step / prompts per generation batch")
    ap.add_argument("--gen-tokens", type=int, default=48, help="new tokens per generated answer")
    ap.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    ap.add_argument("--mgsm-path", default=None, help="MGSM Bangla TSV: also measure the vocabulary trimmed to the lab's texts plus "
                    "MGSM and without the Bangla pieces (what the lab used before the vocabulary stopped depending on the machine)")
    ap.add_argument("--skip-full", action="store_true", help="leave out the full 262k vocabulary (slow)")
    args = ap.parse_args(argv)

    import torch
    if args.threads:
        torch.set_num_threads(args.threads)
    from dagger_nb.models import load_model
    from dagger_nb.presets import get_preset
    from dagger_nb.prompts import build_messages, graph_block
    from dagger_nb.sft import sft_dataset
    from dagger_nb.train import dataset_texts
    from dagger_nb.synth import generate

    P = get_preset("cpu")
    recs = generate(max(16, args.batch * 2), seed=0, distractors=P.distractors, families=P.families)
    ds = sft_dataset(recs, P.prompt_style, P.graph_labels, P.graph_tight)
    lora = dict(r=P.lora_r, alpha=P.lora_alpha, targets=P.lora_targets)
    t0 = time.time()
    variants = {} if args.skip_full else {"full vocabulary": load_model(P.model, lora=lora)}
    variants["trimmed vocabulary"] = load_model(P.model, lora=lora, trim_vocab=dataset_texts(ds))
    if args.mgsm_path:                       # the earlier recipe: the lab's texts + MGSM, no Bangla pieces kept on their own
        from dagger_nb import models
        from dagger_nb.data import load_mgsm_bn
        texts = models.vocab_texts(dataset_texts(ds) + list(load_mgsm_bn(args.mgsm_path)["question"]))
        real = models._BANGLA_PIECE
        models._BANGLA_PIECE = __import__("re").compile(r"(?!)")
        try: variants["trimmed as before (lab + MGSM texts)"] = load_model(P.model, lora=lora, trim_vocab=texts)
        finally: models._BANGLA_PIECE = real
    print(f"loaded the variants in {time.time() - t0:.0f}s; vocabulary sizes: "
          + ", ".join(f"{k} {len(t)}" for k, (m, t) in variants.items()))

    def train_rate(model, tok):
        texts = [tok.apply_chat_template(p + c, tokenize=False) for p, c in zip(ds["prompt"], ds["completion"])][: args.batch]
        enc = tok(texts, return_tensors="pt", padding=True, add_special_tokens=False)
        labels = enc.input_ids.masked_fill(enc.attention_mask == 0, -100)
        opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-5)
        model.train()
        def step():
            out = model(**enc, labels=labels)
            out.loss.backward(); opt.step(); opt.zero_grad()
        step()                                   # warm-up
        t = time.perf_counter()
        for _ in range(args.steps):
            step()
        return args.steps * int(enc.attention_mask.sum()) / (time.perf_counter() - t)

    def gen_rate(model, tok):
        model.eval()
        tok.padding_side = "left"
        prompts = [tok.apply_chat_template(build_messages(q, P.prompt_style), tokenize=False, add_generation_prompt=True)
                   for q in recs["question"][: args.batch]]
        enc = tok(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
        with torch.no_grad():
            model.generate(**enc, max_new_tokens=2, do_sample=False, pad_token_id=tok.pad_token_id)   # warm-up
            t = time.perf_counter()
            out = model.generate(**enc, max_new_tokens=args.gen_tokens, min_new_tokens=args.gen_tokens,
                                 do_sample=False, pad_token_id=tok.pad_token_id)
            dt = time.perf_counter() - t
        return (out.shape[1] - enc.input_ids.shape[1]) * out.shape[0] / dt

    res = {k: {"train": [], "gen": []} for k in variants}
    for r in range(args.rounds):
        for name, (model, tok) in variants.items():
            res[name]["train"].append(train_rate(model, tok))
            res[name]["gen"].append(gen_rate(model, tok))
            print(f"round {r + 1}: {name:19s} train {res[name]['train'][-1]:7.1f} tok/s | generate {res[name]['gen'][-1]:6.1f} tok/s", flush=True)

    med = {k: {m: statistics.median(v) for m, v in d.items()} for k, d in res.items()}
    fast = med["trimmed vocabulary"]
    print("\nGemma-3-270M on this CPU (median over rounds, tokens/s)")
    print(f"{'variant':38s} {'training':>10s} {'generation':>11s}")
    for k, d in med.items():
        print(f"{k:38s} {d['train']:10.1f} {d['gen']:11.1f}")
    if "full vocabulary" in med:
        base = med["full vocabulary"]
        print(f"\nspeed-up from vocabulary trimming: training x{fast['train'] / base['train']:.2f}, generation x{fast['gen'] / base['gen']:.2f}")
    if (old := med.get("trimmed as before (lab + MGSM texts)")):
        print(f"trimmed vocabulary now vs before: training x{fast['train'] / old['train']:.2f}, generation x{fast['gen'] / old['gen']:.2f}")

    model, tok = variants["trimmed vocabulary"]
    all_threads = torch.get_num_threads()
    if all_threads > 1:
        threads = {1: [], all_threads: []}
        for r in range(args.rounds):
            for n in threads:
                torch.set_num_threads(n)
                threads[n].append(gen_rate(model, tok))
                print(f"round {r + 1}: trimmed, {n} thread(s): generate {threads[n][-1]:6.1f} tok/s", flush=True)
        torch.set_num_threads(all_threads)
        one, many = statistics.median(threads[1]), statistics.median(threads[all_threads])
        print(f"generation with {all_threads} threads vs 1 (gen_threads=0 vs 1): x{many / one:.2f} ({many:.1f} vs {one:.1f} tok/s)")

    n_tok = lambda **kw: statistics.mean(len(tok(graph_block(g, **kw), add_special_tokens=False).input_ids) for g in recs["graph"])
    with_l, without, tight = n_tok(), n_tok(labels=False), n_tok(labels=False, tight=True)
    print(f"answer length: {with_l:.0f} tokens with node labels, {without:.0f} without (graph_labels=False), "
          f"{tight:.0f} without labels and spaces (graph_tight=True): x{with_l / tight:.2f} fewer tokens to train on and generate")
    print(f"machine load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()

"""LoRA on the last N layers against LoRA on every layer: one SFT step (forward, backward, optimiser) on the CPU,
measured side by side in one run on the `cpu-quick` preset's Gemma-3-270M and a batch of its training rows.

With adapters on the last N of the model's 18 layers nothing below them is trained, so the backward pass stops there
(notebook 14, `lora_layers`). Variants alternate round by round so a busy machine slows them alike; each line gives
the median step time and its ratio to every layer. What the speed costs in learning is not measured here: see
`data/lab-cpu-quick-top6/`.

    python benchmarks/bench_lora_layers.py                   # about 3 minutes on 2 cores
    python benchmarks/bench_lora_layers.py --layers 0 9 6 3 --rounds 5
"""
import argparse, statistics

from bench_shared_prefix import rows_for, timed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--layers", type=int, nargs="+", default=[0, 9, 6], help="lora_layers values (0: every layer)")
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args(argv)
    import torch
    from dagger_nb.presets import get_preset
    from dagger_nb.sft import load_sft_data, sft_dataset
    from dagger_nb.train import dataset_texts, load_for_training

    P = get_preset("cpu-quick")
    records = load_sft_data(n=P.sft_batch_size, seed=P.seed, distractors=P.distractors, families=P.families)
    texts = dataset_texts(sft_dataset(records, P.prompt_style, P.graph_labels, P.graph_tight))
    arms = {}
    for n in args.layers:
        model, tok = load_for_training(get_preset("cpu-quick", lora_layers=n), texts=texts)
        model.train()
        batch, _ = rows_for(tok, records, P.prompt_style)
        opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-4)
        trained = sum(p.numel() for p in model.parameters() if p.requires_grad)
        arms[n] = dict(model=model, batch=batch, opt=opt, trained=trained, times=[])

    def step(a):
        loss = a["model"](**a["batch"]).loss
        loss.backward(); a["opt"].step(); a["opt"].zero_grad()

    tokens = int(next(iter(arms.values()))["batch"]["attention_mask"].sum())
    print(f"{len(records)} rows, {tokens} tokens a step, torch threads {torch.get_num_threads()}")
    for a in arms.values(): step(a)                      # warm-up
    for _ in range(args.rounds):
        for a in arms.values(): a["times"].append(timed(lambda: step(a))[0])
    base = statistics.median(arms[args.layers[0]]["times"])
    for n, a in arms.items():
        med = statistics.median(a["times"])
        print(f"lora_layers={n or 'all':>3}: {a['trained'] / 1e6:.2f}M trained parameters, median step {med:.2f} s "
              f"(min {min(a['times']):.2f}), {base / med:.2f}x the speed of lora_layers={args.layers[0] or 'all'}")


if __name__ == "__main__":
    main()

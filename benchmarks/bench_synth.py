"""Records per second of the synthetic generator, measured side by side in one run.

    python benchmarks/bench_synth.py [--n 2000] [--repeats 3]

Prints the rate of writing problems alone (`validate=False`), with every record checked by the
project's executor (`validate=True`, what `generate` does by default), and of `generate` building a
`datasets.Dataset`, plus the cost of the checks as a ratio.
"""
import argparse, time
from collections import Counter

from dagger_nb.synth import generate, generate_records


def best_rate(fn, n, repeats):
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter(); fn(); best = min(best, time.perf_counter() - t)
    return n / best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    raw = best_rate(lambda: generate_records(a.n, seed=0, validate=False), a.n, a.repeats)
    checked = best_rate(lambda: generate_records(a.n, seed=0, validate=True), a.n, a.repeats)
    ds_rate = best_rate(lambda: generate(a.n, seed=0), a.n, a.repeats)
    recs = generate_records(a.n, seed=0, validate=False)
    kinds = Counter(k for r in recs for k in r["distractor_types"])
    print(f"n={a.n}, best of {a.repeats}")
    print(f"  problems only (validate=False) : {raw:9.0f} records/s")
    print(f"  checked by the executor        : {checked:9.0f} records/s")
    print(f"  generate() -> datasets.Dataset : {ds_rate:9.0f} records/s")
    print(f"  cost of the checks             : {raw / checked:9.2f}x")
    print(f"  distractors per type           : {dict(kinds)} (total {sum(kinds.values())}, {len(recs)} problems)")


if __name__ == "__main__":
    main()

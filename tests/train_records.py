"Shared helpers for the training tests: small synthetic records and one cached tiny SFT run."
import functools, tempfile
from pathlib import Path


def records(n: int, seed: int = 0, distractors=(0, 0), families=("total_two",)) -> list[dict]:
    "`n` synthetic problems; by default one short family without distractors, so a tiny model can learn the format in seconds."
    from dagger_nb.synth import generate
    return [dict(r) for r in generate(n, seed=seed, distractors=distractors, families=list(families) if families else None)]


@functools.lru_cache(maxsize=1)
def tiny_sft_adapter() -> Path:
    "Train the tiny preset once per test session on 8 records; returns the adapter folder."
    from dagger_nb.sft import train_sft
    out = Path(tempfile.mkdtemp(prefix="dagger-test-sft-")) / "sft"
    return train_sft("tiny", out_dir=out, data=records(8, seed=0), progress=False)

"Small graph records for the training tests, from the data stage's generator."

def records(n: int, seed: int = 0, distractors=(0, 0), families=("total_two",)) -> list[dict]:
    "`n` synthetic problems; by default one short family without distractors, so a tiny model can learn the format in seconds."
    from dagger_nb.synth import generate
    return [dict(r) for r in generate(n, seed=seed, distractors=distractors, families=list(families) if families else None)]

"Small graph records for the training tests: the data stage's generator when present, else a few handwritten ones."
import json

BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")

def _handwritten(n: int, seed: int = 0) -> list[dict]:
    import random
    rng = random.Random(seed)
    names = ["রহিম", "করিম", "সীমা", "রিনা", "তানিয়া", "জামাল"]
    things = ["কলম", "আপেল", "বই", "খাতা"]
    out = []
    for i in range(n):
        who, what = rng.choice(names), rng.choice(things)
        a, b, d = rng.randint(2, 40), rng.randint(2, 20), rng.randint(2, 9)
        q = f"{who}র কাছে {str(a).translate(BN)}টি {what} আছে। সে আরও {str(b).translate(BN)}টি {what} কিনল।"
        nodes = [{"id": "n1", "op": "const", "val": a, "distractor": False, "label": what},
                 {"id": "n2", "op": "const", "val": b, "distractor": False, "label": "কেনা"}]
        if i % 2:
            q += f" তার বোনের কাছে {str(d).translate(BN)}টি খাতা আছে।"
            nodes.append({"id": "n3", "op": "const", "val": d, "distractor": True, "label": "বোনের খাতা"})
        q += f" এখন {who}র কাছে কয়টি {what}?"
        nodes += [{"id": "total", "op": "add", "args": ["n1", "n2"], "distractor": False, "label": "মোট"},
                  {"id": "final_result", "op": "identity", "args": ["total"], "distractor": False, "label": "উত্তর"}]
        out.append({"question": q, "answer": float(a + b), "graph": json.dumps({"nodes": nodes}, ensure_ascii=False)})
    return out

def records(n: int, seed: int = 0, distractors=(0, 1)) -> list[dict]:
    try:
        from dagger_nb.synth import generate
    except ImportError:
        return _handwritten(n, seed)
    return [dict(r) for r in generate(n, seed=seed, distractors=distractors)]

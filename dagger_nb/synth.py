__all__ = ['NAMES', 'FRUITS', 'SWEETS', 'STATIONERY', 'TOYS', 'THINGS', 'ITEMS', 'IMPLIED', 'FAMILIES', 'FAMILY_INFO', 'DISTRACTOR_TYPES', 'DIGIT_STYLES', 'MAX_NODES', 'COUNTABLE', 'SYNTH_FEATURES', 'SHORTCUTS', 'TEST_FAMILIES', 'CARD_SYSTEM_PROMPT', 'gen_of', 'N', 'parse_step', 'Family', 'add_family', 'Ctx', 'draw_values', 'Sentence', 'Problem', 'compose', 'make_problem', 'numbers_in', 'written_numbers', 'strip_distractors', 'check_record', 'generate_records', 'generate', 'shortcut_solves', 'shortcut_rates', 'problem_stats', 'compare_stats', 'split_by_family', 'write_splits', 'load_synth', 'card_messages', 'write_hub_samples', 'sample_dir', 'show_record', 'explorer']

# %% ../nbs/01_data.ipynb #0c739a78
import json, math, os, random, re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
import datasets
from tqdm.auto import tqdm
from .numerals import to_ascii_digits, to_bangla_digits
from .executor import run   # gold graphs are computed by the executor that later scores the models
from .data import COMMON_FEATURES

# %% ../nbs/01_data.ipynb #3d3bade7
# (name, possessive): a problem draws its people without repeats
NAMES = [("রহিম", "রহিমের"), ("করিম", "করিমের"), ("সুমি", "সুমির"), ("রিনা", "রিনার"), ("তানিয়া", "তানিয়ার"),
         ("রাহুল", "রাহুলের"), ("মিতু", "মিতুর"), ("জামাল", "জামালের"), ("নাসির", "নাসিরের"), ("পলাশ", "পলাশের"),
         ("শিলা", "শিলার"), ("অনিক", "অনিকের"), ("তৃষা", "তৃষার"), ("সাকিব", "সাকিবের"), ("রাফি", "রাফির"),
         ("নদী", "নদীর"), ("ফারহান", "ফারহানের"), ("দীপা", "দীপার"), ("আরিফ", "আরিফের"), ("লিপি", "লিপির"),
         ("সোহেল", "সোহেলের"), ("রুমা", "রুমার"), ("মিলন", "মিলনের"), ("শাপলা", "শাপলার"), ("বিজয়", "বিজয়ের"),
         ("অর্পা", "অর্পার"), ("তমাল", "তমালের"), ("জুঁই", "জুঁইয়ের"), ("হাসান", "হাসানের"), ("মৌমিতা", "মৌমিতার")]

def gen_of(noun: str) -> str:
    "Possessive of a noun: `আম` → `আমের`, `কলা` → `কলার`, `বই` → `বইয়ের`."
    last = noun[-1]
    if "\u0985" <= last <= "\u0994": return noun + "য়ের"       # ends in an independent vowel
    if "\u09be" <= last <= "\u09cc": return noun + "র"          # ends in a vowel sign
    return noun + "ের"

# Things are (noun, classifier): `12টি আম`, `৩ খানা বই`. Lists by kind, so that a family only counts what fits its scene.
FRUITS = [("আম", "টি"), ("কলা", "টি"), ("কমলা", "টি"), ("লিচু", "টি"), ("আপেল", "টি"), ("পেয়ারা", "টি")]
SWEETS = [("সন্দেশ", "টি"), ("রসগোল্লা", "টি"), ("লাড্ডু", "টি"), ("চকলেট", "টি")]
STATIONERY = [("কলম", "টি"), ("পেন্সিল", "টি"), ("খাতা", "টি"), ("বই", "খানা"), ("রাবার", "টি")]
TOYS = [("বেলুন", "টি"), ("মার্বেল", "টি"), ("ঘুড়ি", "টি"), ("খেলনা গাড়ি", "টি")]
THINGS = FRUITS + SWEETS + STATIONERY + TOYS + [("ডিম", "টি"), ("গোলাপ", "টি")]
# one-off purchases: (noun, lowest and highest price in taka)
ITEMS = [("ছাতা", 150, 600), ("ব্যাগ", 300, 1500), ("জামা", 250, 1200), ("ঘড়ি", 400, 2500),
         ("জুতা", 500, 2000), ("বল", 80, 400), ("টিফিন বাক্স", 120, 500), ("কম্বল", 600, 2400)]

# %% ../nbs/01_data.ipynb #d5d16387
@dataclass(frozen=True)
class N:
    """One number of a family: drawn from `lo`..`hi` in steps of `step`, or computed by `calc` from numbers drawn
    before it (`"mul(k, each)"`); written with `unit` ("" bare, "item" a count of the thing `t` with its classifier,
    "item:u" a count of the thing `u`, "money" in the problem's currency, "%" a percentage, or a word written
    after it); `label` names its graph node; `of` is the person it belongs to (a slot like "A", or None).
    `hidden=True` marks a constant the text implies without writing it (100 for "%", 12 for "ডজন"; see `IMPLIED`)."""
    lo: float = 0
    hi: float = 0
    step: float = 1
    unit: str = ""
    label: str = ""
    of: str | None = "A"
    calc: str | None = None
    hidden: bool = False

# a constant the text may imply without writing it, and the words that imply it (all of them must appear)
IMPLIED = {100: ("%",), 12: ("ডজন",), 60: ("ঘণ্টা", "মিনিট"), 1000: ("কেজি", "গ্রাম"), 2: ("অর্ধেক",),
           3: ("তৃতীয়াংশ",), 4: ("চতুর্থাংশ",), 7: ("সপ্তাহ", "দিন")}

_STEP_RE = re.compile(r"^\s*(\w+)\s*=\s*(\w+)\(([^()]*)\)\s*(?::\s*(.+))?$")

def parse_step(line: str) -> tuple[str, str, list[str], str]:
    "`'r = sub(x, y) : বাকি'` → `('r', 'sub', ['x', 'y'], 'বাকি')`."
    m = _STEP_RE.match(line)
    if not m: raise ValueError(f"cannot read the step {line!r}: write it as 'key = op(a, b) : label'")
    key, op, args, label = m.groups()
    return key, op, [a.strip() for a in args.split(",") if a.strip()], (label or "").strip()

# %% ../nbs/01_data.ipynb #641ac8c2
@dataclass
class Family:
    """A problem family as data. `facts` are statement sentences and `ask` the question, with {slots}: people `{A}`
    (`{Ag}` possessive), words from `words` (`{t}`, `{tg}` possessive), numbers from `nums`. `steps` are the graph's
    operations in order (the last one is the answer). `red`, `oad`, `need` are distractor sentences "text | label"
    with one new number: `{x~}` a fresh number like `x` (same unit and range), `{#lo-hi}` or `{#lo-hi/step}` a fresh
    bare number; `{O}` a person not in the problem. A fact starting with "+" leans on the one before it (nothing goes
    between them); a distractor starting with ">" (">>") refers back to the first (second) fact and goes after it."""
    name: str
    about: str
    facts: list[str]
    ask: str
    nums: dict[str, N]
    steps: list[str]
    words: dict[str, list] = field(default_factory=dict)
    red: list[str] = field(default_factory=list)
    oad: list[str] = field(default_factory=list)
    need: list[str] = field(default_factory=list)
    where: Callable | None = None    # an extra condition on the drawn values (a dict key -> value)
    variant: int = 0

# %% ../nbs/01_data.ipynb #0751fe21
FAMILIES: dict[str, list[Family]] = {}     # name -> its variants
FAMILY_INFO: dict[str, str] = {}
DISTRACTOR_TYPES = ("RED", "OAD", "NEED")
_SLOT_RE = re.compile(r"\{([^{}]+)\}")
_PEOPLE = ("A", "B", "C", "O")

def _slots(text: str) -> list[str]: return _SLOT_RE.findall(text)

def _check_family(f: Family):
    "Refuse a family table that cannot work, naming the family and the fix."
    from dagger_nb.graph import OPS
    where = f"family {f.name!r}"
    known = set(f.nums)
    for k, n in f.nums.items():
        if n.calc:
            _, op, args, _ = parse_step(f"{k} = {n.calc}")
            if missing := [a for a in args if a not in known]: raise ValueError(f"{where}: number {k!r} is computed from unknown {missing}")
        if n.hidden and n.lo not in IMPLIED: raise ValueError(f"{where}: hidden number {k!r}={n.lo} is not one of IMPLIED {sorted(IMPLIED)}")
    used = set()
    for line in f.steps:
        key, op, args, _ = parse_step(line)
        if op not in OPS: raise ValueError(f"{where}: unknown operation {op!r} in {line!r}")
        if missing := [a for a in args if a not in known]: raise ValueError(f"{where}: step {line!r} uses undefined {missing}")
        known.add(key); used.update(args)
    calc_args = {a for n in f.nums.values() if n.calc for a in parse_step(f"_ = {n.calc}")[2]}
    if unused := [k for k in f.nums if k not in used | calc_args]: raise ValueError(f"{where}: numbers {unused} are written but no step uses them")
    text_slots = [s for t in f.facts + [f.ask] for s in _slots(t)]
    for k, n in f.nums.items():
        if (n.hidden or k.startswith("_")) != (text_slots.count(k) == 0) or text_slots.count(k) > 1:
            raise ValueError(f"{where}: number {k!r} must be written exactly once in the facts or the question "
                             "(hidden ones and helpers named _x never)")
        if k.startswith("_") and k in used:      # `used`: what the steps use
            raise ValueError(f"{where}: helper {k!r} may only be used to compute other numbers, not by the steps")
    for kind, lines in (("RED", f.red), ("OAD", f.oad), ("NEED", f.need)):
        if not lines: raise ValueError(f"{where}: give at least one {kind} distractor sentence")
        for line in lines:
            if " | " not in line: raise ValueError(f"{where}: distractor {line!r} needs ' | label' at the end")
            new = [s for s in _slots(line) if s.endswith("~") or s.startswith("#")]
            if len(new) != 1: raise ValueError(f"{where}: distractor {line!r} must write exactly one new number ({{x~}} or {{#lo-hi}})")

def add_family(f: Family) -> Family:
    "Check and register family `f`; tables sharing a name are variants of one family."
    _check_family(f)
    f.variant = len(FAMILIES.get(f.name, []))
    FAMILIES.setdefault(f.name, []).append(f)
    FAMILY_INFO.setdefault(f.name, f.about)
    return f

# %% ../nbs/01_data.ipynb #6585b35d
DIGIT_STYLES = ("ascii", "bangla", "mixed")

class Ctx:
    "One problem's choices: digit style, currency, people and words, and every number written so far."
    def __init__(self, rng: random.Random, digits: str = "ascii"):
        if digits not in DIGIT_STYLES: raise ValueError(f"digits must be one of {DIGIT_STYLES}, got {digits!r}")
        self.rng = rng
        self.style = rng.choice(("ascii", "bangla")) if digits == "mixed" else digits   # one system per problem
        self.dollar = rng.random() < 0.3            # money in dollars (as in MGSM) or taka
        self.comma = rng.random() < 0.5             # thousands comma in 1,250
        self.ta = rng.random() < 0.3                # colloquial টা for টি
        self.people = dict(zip(_PEOPLE, rng.sample(NAMES, 4)))
        self.extra = [n for n in NAMES if n not in self.people.values()]
        rng.shuffle(self.extra)
        self.written: set[float] = set()

    def number(self, v) -> str:
        "`v` in this problem's digits, `1,250` or `1250`, `2.5`."
        s = f"{v:,}" if isinstance(v, int) and v >= 1000 and (self.comma or v >= 10000) else f"{v:g}" if isinstance(v, float) else str(v)
        return to_bangla_digits(s) if self.style == "bangla" else s

    def write(self, v, unit: str, words: dict) -> str:
        "Number `v` with its unit, as the text says it."
        s = self.number(v)
        if unit == "money": return f"${s}" if self.dollar else f"{s} টাকা"
        if unit == "%": return f"{s}%"
        if unit.startswith("item"):
            noun, cls = words[unit.partition(":")[2] or "t"]
            cls = "টা" if cls == "টি" and self.ta else cls
            return f"{s}{cls} {noun}" if cls in ("টি", "টা") else f"{s} {cls} {noun}"
        return f"{s} {unit}" if unit else s

# %% ../nbs/01_data.ipynb #81a7a464
def _written(key: str, n: N) -> bool: return not (n.hidden or key.startswith("_"))

MAX_NODES = 16

def _pick(rng: random.Random, lo, hi, step):
    v = lo + step * rng.randint(0, int(round((hi - lo) / step)))
    return _tidy(v)

def _tidy(x):
    "12.0 → 12, 2.499999 → 2.5: numbers as a person writes them."
    x = round(float(x), 6)
    return int(x) if x.is_integer() else round(x, 2)

def _nice(x: float) -> bool: return x > 0 and abs(x * 100 - round(x * 100)) < 1e-6

def _step_nodes(f: Family, consts: dict) -> list[dict]:
    nodes = [{"id": k, "op": "const", "val": v} for k, v in consts.items()]
    todo = {k: parse_step(f"{k} = {n.calc}") for k, n in f.nums.items() if n.calc}
    while todo:   # computed numbers in dependency order
        k = next(k for k, (_, _, args, _) in todo.items() if not set(args) & set(todo))
        _, op, args, _ = todo.pop(k); nodes.append({"id": k, "op": op, "args": args})
    for line in f.steps:
        k, op, args, _ = parse_step(line); nodes.append({"id": k, "op": op, "args": args})
    return nodes + [{"id": "final_result", "op": "identity", "args": [nodes[-1]["id"]]}]

def draw_values(f: Family, rng: random.Random, tries: int = 300) -> dict:
    "Values for every number and step of `f`: positive, at most two decimals, written numbers all different, `where` true."
    for _ in range(tries):
        consts = {k: (n.lo if n.hidden else _pick(rng, n.lo, n.hi, n.step)) for k, n in f.nums.items() if not n.calc}
        res = run({"nodes": _step_nodes(f, consts)}, strict=True)
        if not res.ok: continue
        vals = {k: _tidy(v) for k, v in res.values.items()}
        written = [vals[k] for k, n in f.nums.items() if not k.startswith("_")]   # hidden ones too: every number stays unique
        if (all(_nice(v) for v in res.values.values()) and len(set(map(float, written))) == len(written)
                and all(isinstance(vals[k], int) for k, n in f.nums.items() if n.unit.startswith("item"))
                and (f.where is None or f.where(vals))):
            return vals
    raise ValueError(f"family {f.name!r} (variant {f.variant}): no values in {tries} draws satisfy its steps and `where`; widen its ranges")

# %% ../nbs/01_data.ipynb #154da7f9
@dataclass
class Sentence:
    "One sentence of a problem and the numbers `(key, value, label)` it states."
    text: str
    consts: list = field(default_factory=list)
    distractor: str | None = None   # RED / OAD / NEED for an inserted sentence
    glued: bool = False             # leans on the sentence before: nothing may be inserted between them
    template: str | None = None     # the distractor template it was written from

_RANGE_RE = re.compile(r"^#([\d.]+)-([\d.]+)(?:/([\d.]+))?$")

class _Writer:
    "Fills a family's {slots} for one problem and remembers which numbers each sentence states."
    def __init__(self, f: Family, ctx: Ctx, vals: dict):
        self.f, self.ctx, self.vals = f, ctx, vals
        self.words = {}
        for k, opts in f.words.items():     # "t u": two different picks from one list
            self.words.update(zip(k.split(), ctx.rng.sample(opts, len(k.split()))))
        self.env = {}
        for slot, (name, poss) in ctx.people.items(): self.env[slot], self.env[slot + "g"] = name, poss
        for k, w in self.words.items():
            noun = w[0] if isinstance(w, tuple) else w
            self.env[k], self.env[k + "g"] = noun, gen_of(noun)
        self.env["cur"] = "ডলার" if ctx.dollar else "টাকা"
        ctx.written |= {float(vals[k]) for k, n in f.nums.items() if not k.startswith("_")}   # hidden ones too: every number stays unique

    def fresh(self, lo, hi, step):
        "A number in lo..hi that is not written anywhere in the problem yet."
        for _ in range(60):
            v = _pick(self.ctx.rng, lo, hi, step)
            if float(v) not in self.ctx.written and v > 0: break
        else: v = _tidy(max(self.ctx.written) + step)
        self.ctx.written.add(float(v)); return v

    def like(self, key: str):
        "A fresh number like number `key`: its range, or around its value when it is computed."
        n = self.f.nums[key]
        if not n.calc: return self.fresh(n.lo, n.hi, n.step)
        v = self.vals[key]
        return self.fresh(max(1, int(v * 0.5)), int(v * 1.5) + 2, 1)

    def fill(self, text: str, consts: list, label: str | None = None) -> str:
        "`text` with its slots written; numbers go to `consts` as (key, value, label) in text order."
        def one(m):
            s = m.group(1)
            if s in self.env: return self.env[s]
            if s in self.f.nums:
                n = self.f.nums[s]
                consts.append((s, self.vals[s], self.fill(n.label, []))); return self.ctx.write(self.vals[s], n.unit, self.words)
            if s.endswith("~") and s[:-1] in self.f.nums:
                v = self.like(s[:-1]); consts.append(("", v, label)); return self.ctx.write(v, self.f.nums[s[:-1]].unit, self.words)
            if r := _RANGE_RE.match(s):
                lo, hi, step = (float(x) if x else 1.0 for x in r.groups())
                v = self.fresh(_tidy(lo), _tidy(hi), _tidy(step)); consts.append(("", v, label)); return self.ctx.number(v)
            raise ValueError(f"family {self.f.name!r}: unknown slot {{{s}}} in {text!r}")
        return _SLOT_RE.sub(one, text)

# %% ../nbs/01_data.ipynb #44c4edea
_PRONOUNS = {"সে": "{A}", "তার": "{Ag}", "তাকে": "{A}কে"}

def _name_after_distractors(sentences: list[Sentence], env: dict) -> list[Sentence]:
    "In the sentence after an inserted one, the first pronoun (`সে`, `তার`, `তাকে`) becomes the main person's name."
    out = []
    for i, s in enumerate(sentences):
        if i and sentences[i - 1].distractor and not s.distractor:
            words = s.text.split(" ")
            if (j := next((j for j, w in enumerate(words) if w in _PRONOUNS), None)) is not None:
                words[j] = _PRONOUNS[words[j]].format(**env)
                s = Sentence(" ".join(words), s.consts, s.distractor, s.glued)
        out.append(s)
    return out

def _place(body: list[Sentence], after: int, rng: random.Random) -> int:
    "A random place for a new sentence: never before a glued sentence, and after the first `after` facts."
    facts = [i for i, s in enumerate(body) if not s.distractor]
    earliest = facts[after - 1] + 1 if after else 0
    return rng.choice([j for j in range(earliest, len(body) + 1) if not (j < len(body) and body[j].glued)])

def _position(i: int, needed: list[int]) -> str:
    return "before" if i < min(needed) else "after" if i > max(needed) else "between"

@dataclass
class Problem:
    "A composed problem: its `record`, the people the gold graph's numbers belong to, and those only distractors mention."
    record: dict
    owners: set
    outsiders: set
    sentences: list

def compose(fam: str, rng: random.Random, n_distractors: int = 0, digits: str = "ascii", kinds: list[str] | None = None) -> Problem:
    "One problem of family `fam` with (up to) `n_distractors` distractor sentences (of `kinds`, if given), drawn from `rng`."
    if fam not in FAMILIES: raise ValueError(f"unknown family {fam!r}; choose from {sorted(FAMILIES)}")
    if kinds is not None:
        if bad := [k for k in kinds if k not in DISTRACTOR_TYPES]: raise ValueError(f"unknown distractor kinds {bad}; use {DISTRACTOR_TYPES}")
        n_distractors = len(kinds)
    f = rng.choice(FAMILIES[fam]); ctx = Ctx(rng, digits)
    w = _Writer(f, ctx, draw_values(f, rng))
    body = []
    for t in f.facts:
        consts = []; body.append(Sentence(w.fill(t.lstrip("+"), consts), consts, glued=t.startswith("+")))
    qc = []; question = Sentence(w.fill(f.ask, qc), qc)
    hidden = [(k, n.lo, w.fill(n.label, [])) for k, n in f.nums.items() if n.hidden]
    base = sum(not k.startswith("_") for k in f.nums) + len(f.steps) + 1     # graph nodes before any distractor
    clean = body + [question]
    pools = {"RED": f.red, "OAD": f.oad, "NEED": f.need}
    used, outsiders = set(), set()
    for i in range(max(0, min(n_distractors, MAX_NODES - base))):
        order = [kinds[i]] if kinds else [rng.choice(DISTRACTOR_TYPES)] + rng.sample(DISTRACTOR_TYPES, 3)
        kind, tpl = next(((k, rng.choice(free)) for k in order if (free := [t for t in pools[k] if t not in used])), (None, None))
        if tpl is None: break
        used.add(tpl)
        if "{O" in tpl:
            w.env["O"], w.env["Og"] = ctx.extra.pop(); outsiders.add(w.env["O"])
        text, label = tpl.lstrip(">").split(" | ")
        if kind == "NEED": text = text.replace(", কিন্তু ", rng.choice((", কিন্তু ", ", তবে ")))   # no single word gives it away
        consts = []; s = Sentence(w.fill(text, consts, w.fill(label, [])), distractor=kind, template=tpl)
        s.consts = [(f"z{i}", v, lab) for _, v, lab in consts]
        body.insert(_place(body, len(tpl) - len(tpl.lstrip(">")), rng), s)
    full = _name_after_distractors(body, w.env) + [question]
    needed_at = [i for i, s in enumerate(full) if s.consts and not s.distractor]
    dis = [(s.distractor, s.text, _position(i, needed_at)) for i, s in enumerate(full) if s.distractor]
    text = lambda ss: " ".join(s.text for s in ss)
    kinds_seen = list(dict.fromkeys(k for k, _, _ in dis))
    rec = {"question": text(full), "answer": float(w.vals[parse_step(f.steps[-1])[0]]), "source": "synth",
           "original_question": text(clean), "distractor_type": "+".join(kinds_seen) or None,
           "added_sentences": [t for _, t, _ in dis], "graph": json.dumps(_graph(full, hidden, f, w), ensure_ascii=False),
           "clean_question": text(clean), "template": f"{fam}.{f.variant}", "family": fam,
           "n_distractors": len(dis), "distractor_types": [k for k, _, _ in dis], "distractor_positions": [p for _, _, p in dis]}
    owners = {ctx.people[n.of][0] for k, n in f.nums.items() if n.of and _written(k, n)}
    return Problem(rec, owners, outsiders, full)

def _graph(sentences: list[Sentence], hidden: list, f: Family, w: _Writer) -> dict:
    "The gold graph: constants in text order (implied ones after them), then the family's steps, then `final_result`."
    ids, nodes = {}, []
    def const(key, v, label, distractor):
        ids[key] = f"n{len(nodes) + 1}"
        nodes.append({"id": ids[key], "op": "const", "val": v, "distractor": distractor, "label": label})
    for s in sentences:
        for key, v, label in s.consts: const(key, v, label, s.distractor is not None)
    for key, v, label in hidden: const(key, _tidy(v), label, False)
    for line in f.steps:
        key, op, args, label = parse_step(line)
        ids[key] = f"n{len(nodes) + 1}"
        nodes.append({"id": ids[key], "op": op, "args": [ids[a] for a in args], "distractor": False, "label": w.fill(label, [])})
    nodes.append({"id": "final_result", "op": "identity", "args": [nodes[-1]["id"]], "distractor": False, "label": "উত্তর"})
    return {"nodes": nodes}

def make_problem(fam: str, rng: random.Random, n_distractors: int = 0, digits: str = "ascii", kinds: list[str] | None = None) -> dict:
    "The record of `compose(...)`."
    return compose(fam, rng, n_distractors, digits, kinds).record

# %% ../nbs/01_data.ipynb #caf47960
COUNTABLE = FRUITS + SWEETS + STATIONERY + TOYS
_BOX = [("বাক্স", "টি"), ("প্যাকেট", "টি")]
_ITEM = [(n, "টি") for n, _, _ in ITEMS]
_KG = [("চাল", "টি"), ("ডাল", "টি"), ("আলু", "টি"), ("চিনি", "টি"), ("আটা", "টি"), ("পেঁয়াজ", "টি")]

add_family(Family("total_two", "two amounts added",
    facts=["{A} সকালে বাজার থেকে {a} কিনল।", "বিকেলে সে আরও {b} কিনল।"],
    ask="সব মিলিয়ে {A} কতগুলো {t} কিনল?",
    nums=dict(a=N(3, 60, unit="item", label="সকালে কেনা"), b=N(3, 60, unit="item", label="বিকেলে কেনা")),
    steps=["s = add(a, b) : মোট {t}"], words={"t": FRUITS + SWEETS + STATIONERY},
    red=[">{Og} মা-ও সকালে বাজার থেকে {a~} কিনলেন। | {Og} মায়ের {t}", "{Ag} বন্ধু {O} বিকেলে কিনল {b~}। | {Og} {t}"],
    oad=[">বাজারে প্রতিটি {tg} দাম ছিল {#5-60} টাকা। | দাম", ">{A} সকালের {t}গুলো {#2-6}টি ব্যাগে ভরে বাড়ি আনল। | ব্যাগ"],
    need=[">{A} আরও {b~} কেনার কথা ভেবেছিল, কিন্তু শেষে আর কেনেনি। | না-কেনা",
          ">দোকানি {A}কে আরও {a~} কম দামে দিতে চাইলেন, কিন্তু {A} নিল না। | না-নেওয়া"]))

add_family(Family("total_two", "two amounts added",
    facts=["{Ag} কাছে {a} আছে।", "{Bg} কাছে আছে {b}।"],
    ask="{A} ও {Bg} কাছে মোট কতগুলো {t} আছে?",
    nums=dict(a=N(6, 60, unit="item", label="{Ag} {t}"), b=N(6, 60, unit="item", label="{Bg} {t}", of="B")),
    steps=["s = add(a, b) : মোট {t}"], words={"t": STATIONERY + TOYS},
    red=["{Og} কাছে আছে {a~}। | {Og} {t}", "{Ag} চাচাতো ভাই {Og} কাছে আছে {b~}। | {Og} {t}"],
    oad=[">{Ag} {t}গুলোর মধ্যে {#2-5}টি লাল রঙের। | লাল রঙের", ">{B} তার {t}গুলো {#2-6} বছর ধরে জমাচ্ছে। | বছর"],
    need=[">{B} আরও {b~} কিনতে চেয়েছিল, কিন্তু টাকা ছিল না। | না-কেনা",
          "{Ag} মামা {A}কে {a~} দেবেন বলেছিলেন, কিন্তু এখনো দেননি। | না-পাওয়া"]))

add_family(Family("difference", "how many more",
    facts=["{Ag} কাছে {a} আছে।", "কিন্তু {Bg} কাছে আছে মাত্র {b}।"],
    ask="{Bg} চেয়ে {Ag} কাছে কতগুলো {t} বেশি আছে?",
    nums=dict(a=N(10, 80, unit="item", label="{Ag} {t}"), b=N(3, 60, unit="item", label="{Bg} {t}", of="B")),
    steps=["d = sub(a, b) : পার্থক্য"], words={"t": COUNTABLE},
    red=["{Og} কাছে আছে {b~}। | {Og} {t}", ">{Ag} ছোট ভাই {Og} কাছে আছে {a~}। | {Og} {t}"],
    oad=[">{Ag} {t}গুলোর প্রতিটির দাম {#5-50} টাকা। | দাম", ">{B} তার {t}গুলো রাখে {#2-5}টি বাক্সে। | বাক্স"],
    need=[">{B} আরও {b~} পাওয়ার আশা করেছিল, কিন্তু পায়নি। | না-পাওয়া",
          ">{A} তার {t} থেকে {b~} বিক্রি করার কথা ভেবেছিল, কিন্তু পরে মত বদলাল। | না-বিক্রি"]))

add_family(Family("difference", "how many more",
    facts=["{Ag} দোকানে সকালে {a} বিক্রি হলো।", "বিকেলে বিক্রি হলো {b}।"],
    ask="প্রতিটি {t} {p} দরে বিক্রি হলে, বিকেলের চেয়ে সকালে {Ag} দোকানে কত {cur} বেশি বিক্রি হলো?",
    nums=dict(a=N(20, 90, unit="item", label="সকালে বিক্রি"), b=N(5, 60, unit="item", label="বিকেলে বিক্রি"),
              p=N(5, 40, unit="money", label="একটির দাম", of=None)),
    steps=["d = sub(a, b) : পার্থক্য", "m = mul(d, p) : টাকার পার্থক্য"], words={"t": FRUITS + SWEETS},
    red=["পাশের দোকানে সকালে বিক্রি হলো {a~}। | পাশের দোকান", ">{Og} দোকানে বিকেলে বিক্রি হলো {b~}। | {Og} দোকান"],
    oad=[">{Ag} দোকানে {t}গুলো আসে {#2-6}টি ঝুড়িতে। | ঝুড়ি", ">{A} দোকান খোলেন সকাল {#7-9}টায়। | খোলার সময়"],
    need=[">বিকেলে আরও {b~} বিক্রির অর্ডার এসেছিল, কিন্তু পরে তা বাতিল হলো। | বাতিল অর্ডার",
          ">একজন ক্রেতা সকালে {a~} কিনতে চেয়েছিলেন, কিন্তু দরদামে না মেলায় কেনেননি। | না-কেনা"]))

add_family(Family("total_three", "three amounts added",
    facts=["{A} একটি ঝুড়িতে {a}, {b} আর {c} রাখল।"],
    ask="{A} ঝুড়ি থেকে {e} খেয়ে ফেললে {Ag} ঝুড়িতে আর কতগুলো ফল থাকবে?",
    nums=dict(a=N(4, 30, unit="item:t", label="{t}"), b=N(4, 30, unit="item:u", label="{u}"), c=N(4, 30, unit="item:v", label="{v}"),
              e=N(1, 9, unit="item:f", label="খাওয়া")),
    steps=["s = add(a, b, c) : মোট ফল", "r = sub(s, e) : বাকি"], words={"t u v": FRUITS, "f": [("ফল", "টি")]},
    red=["{Og} ঝুড়িতে আছে {a~}। | {Og} ঝুড়ি", ">পাশের টেবিলে রাখা ছিল আরও {b~}, সেগুলো {Og} জন্য। | {Og} ফল"],
    oad=[">{Ag} ঝুড়িটির ওজন {#1-3} কেজি। | ঝুড়ির ওজন", ">ঝুড়ির {t}গুলোর মধ্যে {#1-5}টি একটু কাঁচা। | কাঁচা"],
    need=[">{A} ঝুড়িতে আরও {c~} রাখতে চেয়েছিল, কিন্তু জায়গা হলো না। | না-রাখা",
          "{O} {A}কে {b~} দিতে চেয়েছিল, কিন্তু {A} নেয়নি। | না-নেওয়া"]))

add_family(Family("total_three", "three amounts added",
    facts=["{Ag} বাগান থেকে প্রথম দিন {a} পাড়া হলো।", "+দ্বিতীয় দিন পাড়া হলো {b}, আর তৃতীয় দিন {c}।"],
    ask="তিন দিনে {Ag} বাগান থেকে মোট কতগুলো {t} পাড়া হলো?",
    nums=dict(a=N(10, 90, unit="item", label="প্রথম দিন"), b=N(10, 90, unit="item", label="দ্বিতীয় দিন"), c=N(10, 90, unit="item", label="তৃতীয় দিন")),
    steps=["s = add(a, b, c) : মোট"], words={"t": [("আম", "টি"), ("লিচু", "টি"), ("পেয়ারা", "টি"), ("কমলা", "টি")]},
    red=["পাশের {Og} বাগান থেকে প্রথম দিন পাড়া হলো {a~}। | {Og} বাগান", "{Og} বাগানে এ বছর পাড়া হয়েছে {c~}। | {Og} বাগান"],
    oad=[">{Ag} বাগানে মোট {#5-30}টি গাছ আছে। | গাছ", ">প্রতিটি {tg} ওজন প্রায় {#100-300/10} গ্রাম। | ওজন"],
    need=[">চতুর্থ দিনও {b~} পাড়ার কথা ছিল, কিন্তু বৃষ্টির জন্য তা হয়নি। | না-পাড়া",
          ">একজন পাইকার {a~} আগাম কিনতে চেয়েছিলেন, কিন্তু {A} রাজি হয়নি। | না-বিক্রি"]))

add_family(Family("remain_give", "left after giving some away",
    facts=["{Ag} কাছে {a} ছিল।", "সে তার বন্ধু {B}কে {b} দিল।", "কিন্তু ছোট বোনটি কাঁদতে থাকায় সে তাকেও দিল {c}।"],
    ask="এখন {Ag} কাছে কতগুলো {t} আছে?",
    nums=dict(a=N(30, 90, unit="item", label="শুরুতে ছিল"), b=N(2, 25, unit="item", label="{B}কে দিল"), c=N(2, 25, unit="item", label="বোনকে দিল")),
    steps=["e = add(b, c) : দিয়ে দিল", "r = sub(a, e) : বাকি"], words={"t": COUNTABLE},
    red=["{Bg} কাছে আগে থেকেই ছিল {a~}। | {Bg} {t}", "{Og} কাছে আছে {b~}। | {Og} {t}"],
    oad=[">{Ag} {t}গুলো রাখা ছিল {#2-5}টি বাক্সে। | বাক্স", ">{A} {t}গুলো কিনেছিল {#2-9} দিন আগে। | দিন আগে"],
    need=[">{B} আরও {c~} চেয়েছিল, কিন্তু {A} আর দেয়নি। | না-দেওয়া",
          ">{A} পাশের বাড়ির {O}কেও {b~} দিতে চেয়েছিল, কিন্তু {O} নেয়নি। | না-নেওয়া"]))

add_family(Family("remain_give", "left after giving some away",
    facts=["{A} {a} নিয়ে মেলায় গেল।", "সকালে সে {b} বিক্রি করল, আর বিকেলে বিক্রি করল {c}।"],
    ask="মেলা শেষে {Ag} কাছে কতগুলো {t} রইল?",
    nums=dict(a=N(40, 120, unit="item", label="নিয়ে গেল"), b=N(5, 40, unit="item", label="সকালে বিক্রি"), c=N(5, 40, unit="item", label="বিকেলে বিক্রি")),
    steps=["e = add(b, c) : বিক্রি হলো", "r = sub(a, e) : বাকি"], words={"t": TOYS + SWEETS},
    red=["পাশের দোকানের {O} মেলায় এনেছিল {a~}। | {Og} {t}", ">{O} সকালে বিক্রি করল {b~}। | {Og} বিক্রি"],
    oad=[">প্রতিটি {tg} দাম ছিল {#10-50} টাকা। | দাম", ">মেলা চলল মোট {#3-7} দিন। | মেলার দিন"],
    need=[">একজন দোকানি বিকেলে {c~} একসঙ্গে কিনতে চেয়েছিলেন, কিন্তু পরে আর আসেননি। | না-কেনা",
          ">{A} আরও {b~} আনার কথা ভেবেছিল, কিন্তু আনেনি। | না-আনা"]))

add_family(Family("remain_spend", "money left after buying and paying a fare",
    facts=["{Ag} কাছে {m} ছিল।", "সে প্রতিটি {p} দামে {k} কিনল।", "ফেরার পথে সে রিকশা ভাড়া দিল {r}।"],
    ask="এখন {Ag} কাছে কত {cur} রইল?",
    nums=dict(m=N(300, 1500, 50, unit="money", label="শুরুর টাকা"), p=N(5, 60, unit="money", label="একটির দাম", of=None),
              k=N(2, 12, unit="item", label="কেনা"), r=N(20, 80, 5, unit="money", label="রিকশা ভাড়া")),
    steps=["c = mul(p, k) : {t} কেনার খরচ", "e = add(c, r) : মোট খরচ", "x = sub(m, e) : বাকি টাকা"], words={"t": STATIONERY + FRUITS},
    red=["{Ag} বোনের কাছে ছিল {m~}। | বোনের টাকা", ">{Og} রিকশা ভাড়া লেগেছিল {r~}। | {Og} ভাড়া"],
    oad=[">দোকানটি {Ag} বাড়ি থেকে {#1-4} কিলোমিটার দূরে। | দূরত্ব", ">{Ag} কেনা {t}গুলো দোকানি {#2-4}টি প্যাকেটে ভরে দিলেন। | প্যাকেট"],
    need=[">{A} একটি ছাতাও কিনতে চেয়েছিল, যার দাম {m~}, কিন্তু কেনেনি। | না-কেনা",
          ">দোকানি {A}কে আরও {k~} কিনতে বললেন, কিন্তু {A} কিনল না। | না-কেনা"]))

add_family(Family("remain_spend", "money left after spending, half saved",
    facts=["{A} মাসের শুরুতে {m} বেতন পেল।", "বাড়িভাড়ায় খরচ হলো {a}, আর বাজারে {b}।", "+বাকি টাকার অর্ধেক সে ব্যাংকে জমা রাখল।"],
    ask="জমা রাখার পর {Ag} হাতে কত {cur} রইল?",
    nums=dict(m=N(15000, 40000, 1000, unit="money", label="বেতন"), a=N(3000, 9000, 500, unit="money", label="বাড়িভাড়া"),
              b=N(1000, 5000, 100, unit="money", label="বাজার খরচ"), h=N(2, hidden=True, label="অর্ধেক")),
    steps=["e = add(a, b) : মোট খরচ", "r = sub(m, e) : খরচের পর", "x = div(r, h) : হাতে রইল"],
    red=["{Ag} বড় ভাইয়ের বেতন {m~}। | ভাইয়ের বেতন", ">{Og} বাড়িভাড়া {a~}। | {Og} ভাড়া"],
    oad=[">{Ag} বাসাটি {#3-6} তলায়। | তলা", ">{A} মাসে {#20-26} দিন অফিসে যায়। | অফিসের দিন"],
    need=[">{A} একটি নতুন ফোন কেনার কথা ভেবেছিল, যার দাম {b~}, কিন্তু কেনেনি। | না-কেনা",
          ">{O} {A}কে {a~} ধার দিতে চেয়েছিল, কিন্তু {A} নেয়নি। | না-নেওয়া ধার"]))

# %% ../nbs/01_data.ipynb #d2f51a7e
add_family(Family("price_total", "two goods at a price each",
    facts=["{A} দোকান থেকে প্রতিটি {p} দরে {k} কিনল।", "এরপর পাশের দোকান থেকে সে প্রতিটি {q} দরে {j} কিনল।"],
    ask="{A} মোট কত {cur} খরচ করল?",
    nums=dict(p=N(5, 60, unit="money", label="{tg} দাম", of=None), k=N(2, 12, unit="item:t", label="{t} সংখ্যা"),
              q=N(5, 60, unit="money", label="{ug} দাম", of=None), j=N(2, 12, unit="item:u", label="{u} সংখ্যা")),
    steps=["x = mul(p, k) : {t} খরচ", "y = mul(q, j) : {u} খরচ", "s = add(x, y) : মোট খরচ"], words={"t u": STATIONERY},
    red=["{Ag} বন্ধু {O} একই দোকান থেকে কিনল {k~}। | {Og} {t}", ">{O} প্রতিটি {q~} দরে কয়েকটি খাম কিনল। | {Og} দাম"],
    oad=[">দোকানটি খোলে সকাল {#8-10}টায়। | খোলার সময়", ">{Ag} ব্যাগে আগে থেকেই {#2-6}টি বই ছিল। | বই"],
    need=[">{A} আরও {j~} কেনার কথা ভেবেছিল, কিন্তু পরে বাদ দিল। | না-কেনা",
          ">দোকানি প্রতিটি {p~} দরে একটি রঙের বাক্স দিতে চাইলেন, কিন্তু {A} নিল না। | না-কেনা"]))

add_family(Family("price_total", "two goods at a price each",
    facts=["একটি {tg} দাম {p}, আর একটি {ug} দাম {q}।", "{A} কিনল {k} আর {j}।"],
    ask="দোকানদারকে {m} দিলে {A} কত {cur} ফেরত পাবে?",
    nums=dict(p=N(1.5, 12, 0.5, unit="money", label="{tg} দাম", of=None), k=N(2, 12, unit="item:t", label="{t} সংখ্যা"),
              q=N(1.5, 12, 0.5, unit="money", label="{ug} দাম", of=None), j=N(2, 12, unit="item:u", label="{u} সংখ্যা"),
              m=N(50, 500, 50, unit="money", label="দেওয়া টাকা")),
    steps=["x = mul(p, k) : {t} খরচ", "y = mul(q, j) : {u} খরচ", "s = add(x, y) : মোট খরচ", "r = sub(m, s) : ফেরত"], words={"t u": FRUITS},
    red=[">{Ag} প্রতিবেশী {O} কিনল {k~}। | {Og} {t}", "গত সপ্তাহে একটি {tg} দাম ছিল {p~}। | আগের দাম"],
    oad=[">প্রতিটি {tg} ওজন প্রায় {#120-300/10} গ্রাম। | ওজন", ">{u}গুলো এসেছে {#50-300/10} কিলোমিটার দূরের বাগান থেকে। | দূরত্ব"],
    need=[">{A} আরও {j~} কিনতে চেয়েছিল, কিন্তু দোকানে আর ছিল না। | না-কেনা",
          ">দোকানি {k~} একসঙ্গে কিনলে ছাড় দিতে চেয়েছিলেন, কিন্তু {A} রাজি হয়নি। | বাতিল প্রস্তাব"]))

add_family(Family("price_change", "buying and getting change",
    facts=["{A} দোকান থেকে প্রতিটি {p} দরে {k} কিনল।", "একটি ব্যাগও কিনল সে, যার দাম {q}।",
           "কিন্তু তার কাছে খুচরা টাকা ছিল না।"],
    ask="দোকানদারকে {m} দিলে {A} কত {cur} ফেরত পাবে?",
    nums=dict(p=N(5, 90, unit="money", label="একটির দাম", of=None), k=N(2, 10, unit="item", label="সংখ্যা"),
              q=N(10, 150, 5, unit="money", label="ব্যাগের দাম", of=None), m=N(200, 2000, 100, unit="money", label="দেওয়া টাকা")),
    steps=["c = mul(p, k) : {t} দাম", "s = add(c, q) : মোট দাম", "r = sub(m, s) : ফেরত"], words={"t": COUNTABLE},
    red=[">{Ag} পরে দোকানে এল {O}, সে দোকানদারকে দিল {m~}। | {Og} টাকা", ">{O} একই দোকান থেকে কিনল {k~}। | {Og} {t}"],
    oad=[">দোকানদারের ক্যাশবাক্সে {#5-30}টি নোট ছিল। | নোট", ">{A} দোকানে পৌঁছাতে {#5-25} মিনিট হাঁটল। | মিনিট"],
    need=[">{A} আরও {k~} কেনার কথা ভেবেছিল, কিন্তু কেনেনি। | না-কেনা",
          ">দোকানদার প্রতিটি {p~} দরে আরেক রকম {t} দেখালেন, কিন্তু {A} তা নেয়নি। | না-নেওয়া"]))

add_family(Family("discount", "price after a percentage discount, several pieces",
    facts=["একটি {itg} দাম {P}।", "কিন্তু উৎসব উপলক্ষে দোকানে সব জিনিসে {d} ছাড় চলছে।"],
    ask="ছাড়ের পর {k} কিনতে {A}কে কত {cur} দিতে হবে?",
    nums=dict(P=N(200, 2500, 100, unit="money", label="আসল দাম", of=None), d=N(5, 50, 5, unit="%", label="ছাড়ের হার", of=None),
              h=N(100, hidden=True, label="শতকরা", of=None), k=N(2, 5, unit="item:it", label="সংখ্যা")),
    steps=["x = mul(P, d) : গুণফল", "y = div(x, h) : একটিতে ছাড়", "z = sub(P, y) : ছাড়ের পর দাম", "s = mul(z, k) : মোট দাম"],
    words={"it": _ITEM},
    red=["পাশের দোকানে একই {itg} দাম {P~}। | পাশের দোকানের দাম", ">গত বছর উৎসবে ছাড় ছিল {d~}। | গত বছরের ছাড়"],
    oad=[">{it}টির ওজন {#300-900/50} গ্রাম। | ওজন", ">{it}টির ওয়ারেন্টি {#1-3} বছরের। | ওয়ারেন্টি"],
    need=[">{A} ভেবেছিল উৎসবের পরে {d~} ছাড় পাওয়া যাবে, কিন্তু তেমন কিছু ঘোষণা হয়নি। | না-পাওয়া ছাড়",
          ">দোকানি {k~} কিনলে একটি উপহার দেওয়ার কথা বলেছিলেন, কিন্তু পরে সেই প্রস্তাব তুলে নিলেন। | বাতিল প্রস্তাব"]))

add_family(Family("discount", "how much was saved by a discount",
    facts=["{A} {P} দামের একটি {it} কিনতে গিয়ে {d} ছাড় পেল।", "ছাড়ের পর বাকি দাম থেকে দোকানি আরও {r} কমিয়ে দিলেন।"],
    ask="{A} মোট কত {cur} কম দিল?",
    nums=dict(P=N(400, 3000, 100, unit="money", label="আসল দাম", of=None), d=N(5, 40, 5, unit="%", label="ছাড়ের হার"),
              h=N(100, hidden=True, label="শতকরা", of=None), r=N(10, 90, 10, unit="money", label="আরও কম", of=None)),
    steps=["x = mul(P, d) : গুণফল", "y = div(x, h) : ছাড়", "s = add(y, r) : মোট কম"], words={"it": _ITEM},
    red=["{Ag} বন্ধু {O} একই দোকান থেকে {P~} দামের একটি জিনিস কিনল। | {Og} জিনিস", ">অন্য দোকানে একই জিনিসে ছাড় ছিল {d~}। | অন্য দোকানের ছাড়"],
    oad=[">{it}টি এসেছে {#2-6} দিন আগে। | দিন আগে", ">{it}টির ওজন প্রায় {#300-900/50} গ্রাম। | ওজন"],
    need=[">{A} ভেবেছিল আরও {r~} কমানো যাবে, কিন্তু দোকানি রাজি হননি। | না-কমানো",
          ">দোকানি {P~} দামের আরেকটি মডেল দেখালেন, কিন্তু {A} সেটি কেনেনি। | না-কেনা"]))

add_family(Family("profit", "profit on pieces bought and sold",
    facts=["{A} প্রতিটি {c} দরে {k} কিনল।", "আনা-নেওয়ায় তার খরচ হলো {r}।", "পরে সে প্রতিটি {s} দরে সবগুলো বিক্রি করল।"],
    ask="সব খরচ বাদ দিয়ে {Ag} মোট কত {cur} লাভ হলো?",
    nums=dict(c=N(5, 80, unit="money", label="কেনা দাম", of=None), k=N(5, 40, unit="item", label="সংখ্যা"),
              s=N(6, 110, unit="money", label="বিক্রি দাম", of=None), r=N(10, 100, 5, unit="money", label="আনা-নেওয়া")),
    steps=["u = sub(s, c) : একটিতে লাভ", "v = mul(u, k) : বিক্রিতে লাভ", "w = sub(v, r) : মোট লাভ"], words={"t": COUNTABLE},
    red=["{Ag} প্রতিবেশী {O} একই বাজার থেকে কিনল {k~}। | {Og} {t}", ">{O} প্রতিটি {t} বিক্রি করে {s~} দরে। | {Og} দাম"],
    oad=[">{t}গুলো {#2-6}টি ঝুড়িতে করে আনা হয়েছিল। | ঝুড়ি", ">{A} বাজারে বসে সকাল {#6-9}টা থেকে। | সময়"],
    need=[">একজন ক্রেতা প্রতিটি {s~} দরে কিনতে চেয়েছিলেন, কিন্তু {A} তখন বিক্রি করেনি। | না-বিক্রি",
          ">{A} আরও {k~} কেনার কথা ভেবেছিল, কিন্তু পুঁজিতে কুলায়নি। | না-কেনা"]))

add_family(Family("profit", "profit after repairs",
    facts=["{A} {c} দিয়ে একটি পুরোনো {it} কিনল।", "মেরামতে তার খরচ হলো {r}।", "পরে সে {it}টি {s} দামে বিক্রি করল।"],
    ask="{it}টি বিক্রি করে {Ag} কত {cur} লাভ হলো?",
    nums=dict(c=N(150, 2000, 10, unit="money", label="কেনা দাম"), r=N(20, 300, 10, unit="money", label="মেরামত"),
              s=N(300, 3000, 10, unit="money", label="বিক্রি দাম")),
    steps=["u = add(c, r) : মোট খরচ", "v = sub(s, u) : লাভ"], words={"it": _ITEM},
    red=["{O} একই রকম একটি {it} বিক্রি করেছিল {s~} দামে। | {Og} বিক্রি", ">{Og} মেরামতের দোকানে খরচ হয়েছিল {r~}। | {Og} খরচ"],
    oad=[">{it}টি প্রায় {#2-8} বছরের পুরোনো ছিল। | বয়স", ">মেরামত করতে {#2-5} দিন লাগল। | দিন"],
    need=[">একজন ক্রেতা {s~} দিতে চেয়েছিলেন, কিন্তু {A} তাকে বিক্রি করেনি। | ফেরানো দাম",
          ">{A} আরও {r~} খরচ করে নতুন রং করানোর কথা ভেবেছিল, কিন্তু করায়নি। | না-করা খরচ"]))

add_family(Family("savings_goal", "weeks of saving to reach a price",
    facts=["{A} {P} দামের একটি {it} কিনতে চায়।", "কিন্তু তার কাছে এখন আছে মাত্র {s}।", "সে প্রতি সপ্তাহে {r} করে জমায়।"],
    ask="{it}টি কিনতে {Ag} আর কত সপ্তাহ লাগবে?",
    nums=dict(P=N(300, 3000, 10, unit="money", label="দাম", of=None), s=N(10, 500, 10, unit="money", label="জমানো"),
              r=N(20, 200, 10, unit="money", label="সাপ্তাহিক সঞ্চয়")),
    steps=["x = sub(P, s) : আরও দরকার", "y = div(x, r) : সপ্তাহ"], words={"it": _ITEM},
    where=lambda v: float(v["y"]).is_integer(),
    red=["{Ag} বোন প্রতি সপ্তাহে জমায় {r~}। | বোনের সঞ্চয়", ">{Og} কাছে জমানো আছে {s~}। | {Og} সঞ্চয়"],
    oad=[">{it}টি পাওয়া যায় {#3-6} রঙে। | রং", ">দোকানটি {Ag} বাড়ি থেকে {#1-5} কিলোমিটার দূরে। | দূরত্ব"],
    need=[">{Ag} চাচা {s~} দেবেন বলেছিলেন, কিন্তু শেষে দেননি। | না-পাওয়া",
          ">{A} একবার {P~} দামের একটি বড় {it} কেনার কথা ভেবেছিল, কিন্তু সে পরিকল্পনা বাদ দিয়েছে। | বাদ দেওয়া পরিকল্পনা"]))

add_family(Family("two_purchases", "two goods by the kilo, with change",
    facts=["বাজারে এক কেজি {gg} দাম {p}, আর এক কেজি {hg} দাম {q}।", "{A} কিনল {k} কেজি {g} আর {m} কেজি {h}।",
           "সে দোকানদারকে {n} দিল।"],
    ask="দোকানদার {A}কে কত {cur} ফেরত দেবেন?",
    nums=dict(p=N(20, 140, unit="money", label="{g} (কেজি)", of=None), q=N(20, 140, unit="money", label="{h} (কেজি)", of=None),
              k=N(1.5, 6, 0.5, label="{g} (কেজি)"), m=N(1, 5, 0.5, label="{h} (কেজি)"), n=N(500, 2000, 500, unit="money", label="দেওয়া টাকা")),
    steps=["x = mul(p, k) : {g} খরচ", "y = mul(q, m) : {h} খরচ", "s = add(x, y) : মোট খরচ", "r = sub(n, s) : ফেরত"], words={"g h": _KG},
    red=[">{Og} মা একই দোকান থেকে কিনলেন {k~} কেজি {g}। | {Og} মায়ের {g}", "গত মাসে এক কেজি {gg} দাম ছিল {p~}। | আগের দাম"],
    oad=[">{gg} বস্তায় লেখা আছে, এটি {#2-9} মাস আগে তোলা। | মাস", ">দোকানের দাঁড়িপাল্লাটি {#5-20} বছরের পুরোনো। | বছর"],
    need=[">{A} আরও {m~} কেজি {h} কেনার কথা ভেবেছিল, কিন্তু ব্যাগে জায়গা ছিল না। | না-কেনা",
          ">দোকানদার {p~} দরে ভালো মানের {g} দিতে চাইলেন, কিন্তু {A} নেয়নি। | না-নেওয়া"]))

add_family(Family("two_purchases", "two goods by the kilo",
    facts=["{A} বাজার থেকে {k} কেজি {g} কিনল, প্রতি কেজি {p}।", "তারপর সে কিনল {m} কেজি {h}, প্রতি কেজি {q}।"],
    ask="{A} বাজারে মোট কত {cur} খরচ করল?",
    nums=dict(p=N(20, 140, unit="money", label="{g} (কেজি)", of=None), q=N(20, 140, unit="money", label="{h} (কেজি)", of=None),
              k=N(1.5, 6, 0.5, label="{g} (কেজি)"), m=N(1, 5, 0.5, label="{h} (কেজি)")),
    steps=["x = mul(p, k) : {g} খরচ", "y = mul(q, m) : {h} খরচ", "s = add(x, y) : মোট খরচ"], words={"g h": _KG},
    red=["{Og} বাবা কিনলেন {k~} কেজি {g}। | {Og} বাবার {g}", ">পাশের দোকানে প্রতি কেজি {hg} দাম {q~}। | পাশের দোকানের দাম"],
    oad=[">বাজারটি বসে সপ্তাহে {#2-3} দিন। | দিন", ">{gg} বস্তাটির ওজন ছিল {#25-50} কেজি। | বস্তার ওজন"],
    need=[">{A} আরও {m~} কেজি {h} নিতে চেয়েছিল, কিন্তু দোকানে আর ছিল না। | না-কেনা",
          ">দোকানদার {q~} দরে অন্য রকম {h} দিতে চাইলেন, কিন্তু {A} নেয়নি। | না-নেওয়া"]))

# %% ../nbs/01_data.ipynb #7d731ced
_MAKEABLE = [("ঘুড়ি", "টি"), ("রুটি", "খানা"), ("লাড্ডু", "টি"), ("সন্দেশ", "টি"), ("খাতা", "টি"), ("ঝুড়ি", "টি")]

add_family(Family("rate_day", "saving every day, then spending",
    facts=["{A} প্রতিদিন {r} করে জমায়।", "+এভাবে {d} জমানোর পর সে সেখান থেকে {s} দিয়ে একটি {it} কিনল।"],
    ask="{it} কেনার পর {Ag} জমানো টাকা থেকে আর কত {cur} রইল?",
    nums=dict(r=N(10, 200, 5, unit="money", label="দৈনিক সঞ্চয়"), d=N(5, 40, unit="দিন", label="দিন"),
              s=N(100, 1500, 10, unit="money", label="{itg} দাম")),
    steps=["x = mul(r, d) : মোট জমা", "y = sub(x, s) : বাকি"], words={"it": _ITEM},
    red=["{Ag} বন্ধু {O} প্রতিদিন জমায় {r~}। | {Og} সঞ্চয়", ">{O} একই রকম একটি {it} কিনেছিল {s~} দিয়ে। | {Og} খরচ"],
    oad=[">{A} টাকাগুলো রাখে {#1-3}টি মাটির ব্যাংকে। | ব্যাংক", ">>{it}টির ওজন প্রায় {#200-900/50} গ্রাম। | ওজন"],
    need=[">{A} আরও {d~} জমানোর কথা ভেবেছিল, কিন্তু তার আগেই {it}টি কিনে ফেলল। | না-জমানো দিন",
          ">{Ag} খালা {s~} দেবেন বলেছিলেন, কিন্তু এখনো দেননি। | না-পাওয়া"]))

add_family(Family("rate_day", "made every day minus sold every day",
    facts=["{Ag} কারখানায় প্রতিদিন {r} তৈরি হয়।", "+এর মধ্যে প্রতিদিন {b} বিক্রি হয়ে যায়।"],
    ask="{d} পরে {Ag} কারখানায় কতগুলো {t} জমা থাকবে?",
    nums=dict(r=N(20, 90, unit="item", label="দৈনিক উৎপাদন"), b=N(5, 60, unit="item", label="দৈনিক বিক্রি"),
              d=N(3, 30, unit="দিন", label="দিন")),
    steps=["x = sub(r, b) : দৈনিক জমা", "y = mul(x, d) : মোট জমা"], words={"t": _MAKEABLE},
    red=["পাশের {Og} কারখানায় প্রতিদিন তৈরি হয় {r~}। | {Og} কারখানা", ">{Og} দোকানে প্রতিদিন বিক্রি হয় {b~}। | {Og} দোকান"],
    oad=[">{Ag} কারখানায় কাজ করেন {#4-20} জন শ্রমিক। | শ্রমিক", ">কারখানাটি চলে সকাল {#7-9}টা থেকে। | সময়"],
    need=[">{A} প্রতিদিন আরও {r~} বানানোর পরিকল্পনা করেছিলেন, কিন্তু তা শুরু হয়নি। | বাতিল পরিকল্পনা",
          ">একজন পাইকার প্রতিদিন {b~} নেওয়ার কথা বলেছিলেন, কিন্তু চুক্তি হয়নি। | না-হওয়া চুক্তি"]))

add_family(Family("rate_hour", "pages an hour, hours a day, days",
    facts=["{A} ঘণ্টায় {r} পড়তে পারে।", "সে প্রতিদিন {h} করে পড়ে।"],
    ask="{d} দিনে {A} মোট কত পৃষ্ঠা পড়বে?",
    nums=dict(r=N(5, 40, unit="পৃষ্ঠা", label="ঘণ্টায় পৃষ্ঠা"), h=N(2, 6, unit="ঘণ্টা", label="দৈনিক ঘণ্টা"), d=N(3, 14, label="দিন")),
    steps=["x = mul(r, h) : দিনে পৃষ্ঠা", "y = mul(x, d) : মোট পৃষ্ঠা"],
    red=["{Ag} বন্ধু {O} ঘণ্টায় পড়ে {r~}। | {Og} গতি", ">{O} প্রতিদিন পড়ে {h~}। | {Og} ঘণ্টা"],
    oad=[">{Ag} বইটির দাম {#150-600/10} টাকা। | বইয়ের দাম", ">{A} পড়ে তার পড়ার টেবিলে, যেটি {#2-10} বছরের পুরোনো। | বছর"],
    need=[">{A} প্রতিদিন আরও {h~} পড়ার কথা ভেবেছিল, কিন্তু সময় পায়নি। | না-পড়া",
          ">{O} {A}কে {d~} দিনের জন্য একটি উপন্যাস দিতে চেয়েছিল, কিন্তু {A} নেয়নি। | না-নেওয়া"]))

add_family(Family("rate_hour", "one piece every few minutes, hours a day, days",
    facts=["{A} প্রতি {m} মিনিটে একটি {t} বানাতে পারে।", "সে দিনে {h} কাজ করে।"],
    ask="{d} দিনে {A} কতগুলো {t} বানাবে?",
    nums=dict(m=N(5, 30, 5, label="একটিতে মিনিট", of=None), h=N(2, 8, unit="ঘণ্টা", label="দৈনিক ঘণ্টা"), d=N(2, 12, label="দিন"),
              s=N(60, hidden=True, label="ঘণ্টায় মিনিট", of=None)),
    steps=["x = mul(h, s) : দিনে মিনিট", "y = div(x, m) : দিনে তৈরি", "z = mul(y, d) : মোট"], words={"t": _MAKEABLE},
    where=lambda v: float(v["y"]).is_integer(),
    red=["{Ag} বোন প্রতি {m~} মিনিটে একটি {t} বানায়। | বোনের সময়", ">{O} দিনে কাজ করে {h~}। | {Og} ঘণ্টা"],
    oad=[">প্রতিটি {t} বিক্রি হয় {#10-60} টাকায়। | দাম", ">{A} কাজ করে তার বাড়ির {#2-4} তলার ঘরে। | তলা"],
    need=[">{A} দিনে আরও {h~} কাজ করার কথা ভেবেছিল, কিন্তু পারেনি। | না-করা কাজ",
          ">{O} {A}কে {d~} দিনের একটি বড় কাজ দিতে চেয়েছিল, কিন্তু {A} রাজি হয়নি। | না-নেওয়া কাজ"]))

add_family(Family("weekly_wage", "days × hours × hourly pay, and a bonus",
    facts=["{A} সপ্তাহে {d} কাজ করে, আর প্রতিদিন কাজ করে {h}।", "প্রতি ঘণ্টার জন্য সে পায় {w}।", "সপ্তাহ শেষে মালিক তাকে আরও {b} বকশিশ দিলেন।"],
    ask="সেই সপ্তাহে {A} মোট কত {cur} পেল?",
    nums=dict(d=N(3, 6, unit="দিন", label="কাজের দিন"), h=N(2, 9, unit="ঘণ্টা", label="দৈনিক ঘণ্টা"),
              w=N(50, 400, 10, unit="money", label="ঘণ্টাপ্রতি মজুরি"), b=N(50, 500, 50, unit="money", label="বকশিশ")),
    steps=["x = mul(d, h) : মোট ঘণ্টা", "y = mul(x, w) : মজুরি", "z = add(y, b) : মোট আয়"],
    red=["{Ag} সহকর্মী {O} ঘণ্টায় পায় {w~}। | {Og} মজুরি", ">{O} সেই সপ্তাহে বকশিশ পেল {b~}। | {Og} বকশিশ"],
    oad=[">{A} কাজ করে একটি দোকানে, যেটি {#5-30} বছরের পুরোনো। | বছর", ">দোকানটিতে মোট {#3-12} জন কর্মচারী আছেন। | কর্মচারী"],
    need=[">মালিক বলেছিলেন {b~} বেশি দেবেন, কিন্তু পরে সেটা আর দেননি। | না-দেওয়া",
          ">{A} সপ্তাহে আরও {d~} কাজ করতে চেয়েছিল, কিন্তু কাজ ছিল না। | না-করা দিন"]))

add_family(Family("weekly_wage", "hourly pay over a month",
    facts=["{A} একটি দোকানে ঘণ্টায় {w} মজুরিতে কাজ করে।", "কিন্তু গত মাসে সে কাজ করেছে মাত্র {d}, প্রতিদিন {h} করে।"],
    ask="গত মাসে {A} মোট কত {cur} মজুরি পেয়েছে?",
    nums=dict(w=N(1.5, 15, 0.5, unit="money", label="ঘণ্টাপ্রতি মজুরি"), d=N(10, 26, unit="দিন", label="কাজের দিন"),
              h=N(2, 8, unit="ঘণ্টা", label="দৈনিক ঘণ্টা")),
    steps=["x = mul(d, h) : মোট ঘণ্টা", "y = mul(x, w) : মোট মজুরি"],
    red=["{Ag} বন্ধু {O} অন্য দোকানে ঘণ্টায় পায় {w~}। | {Og} মজুরি", ">{O} গত মাসে কাজ করেছে {d~}। | {Og} দিন"],
    oad=[">দোকানটি {Ag} বাড়ি থেকে {#1-6} কিলোমিটার দূরে। | দূরত্ব", ">{A} এই দোকানে কাজ করছে {#2-7} বছর ধরে। | বছর"],
    need=[">{A} প্রতিদিন আরও {h~} কাজ করতে চেয়েছিল, কিন্তু মালিক রাজি হননি। | না-করা ঘণ্টা",
          ">আরেকটি দোকান {A}কে ঘণ্টায় {w~} দিতে চেয়েছিল, কিন্তু {A} যায়নি। | ফেরানো প্রস্তাব"]))

add_family(Family("per_box", "boxes times pieces, plus loose ones",
    facts=["{A} কিনল {x}।", "+প্রতিটি {bg} ভেতরে আছে {y}।", "এ ছাড়া তার কাছে আগে থেকেই ছিল {z}।"],
    ask="এখন {Ag} কাছে মোট কতগুলো {t} আছে?",
    nums=dict(x=N(2, 12, unit="item:b", label="{b}"), y=N(4, 24, unit="item", label="প্রতি {b}", of=None),
              z=N(2, 20, unit="item", label="আগে ছিল")),
    steps=["s = mul(x, y) : কেনা {t}", "r = add(s, z) : মোট {t}"], words={"t": SWEETS + TOYS + STATIONERY, "b": _BOX},
    red=["{Ag} বোন কিনল {x~}। | বোনের {b}", "{Og} কাছে আছে {z~}। | {Og} {t}"],
    oad=[">প্রতিটি {bg} দাম {#50-300/10} টাকা। | {bg} দাম", ">{bg} গায়ে লেখা, এগুলো {#2-8} মাসের মধ্যে ব্যবহার করতে হবে। | মাস"],
    need=[">{A} আরও {x~} কেনার কথা ভেবেছিল, কিন্তু কেনেনি। | না-কেনা",
          ">{O} {A}কে {z~} দিতে চেয়েছিল, কিন্তু {A} নেয়নি। | না-নেওয়া"]))

add_family(Family("box_then_give", "packets times pieces, then some given away",
    facts=["{A} {x} কিনল, প্রতিটিতে {y}।", "বাড়ি ফিরে সে প্রতিবেশীদের দিল {z}।", "আর তার ছোট ভাই খেয়ে ফেলল {w}।"],
    ask="এখন {Ag} কাছে কতগুলো {t} আছে?",
    nums=dict(x=N(2, 12, unit="item:b", label="{b}"), y=N(5, 24, unit="item", label="প্রতিটিতে", of=None), z=N(1, 40, unit="item", label="দিয়ে দিল"),
              w=N(1, 12, unit="item", label="ভাই খেল")),
    steps=["s = mul(x, y) : মোট", "g = add(z, w) : কমে গেল", "r = sub(s, g) : বাকি"], words={"t": SWEETS + TOYS, "b": _BOX},
    red=["{Ag} প্রতিবেশী {O} কিনল {x~}। | {Og} {b}", ">{O} নিজের বন্ধুদের দিল {z~}। | {Og} দেওয়া"],
    oad=[">প্রতিটি {b} ছিল {#2-5} রঙের কাগজে মোড়ানো। | রং", ">প্রতিটি {bg} দাম {#40-250/10} টাকা। | দাম"],
    need=[">{A} আরও {z~} দিতে চেয়েছিল, কিন্তু প্রতিবেশীরা আর নেয়নি। | না-দেওয়া",
          ">দোকানি আরও {x~} কম দামে দিতে চাইলেন, কিন্তু {A} নেয়নি। | না-কেনা"]))

# %% ../nbs/01_data.ipynb #25070c38
add_family(Family("share_equal", "equal sharing",
    facts=["{A} কিনল {a}।", "বিকেলে {Ag} বাড়িতে এল তার {k} বন্ধু।", "{A} {t}গুলো বন্ধুদের মধ্যে সমানভাবে ভাগ করে দিল।"],
    ask="প্রত্যেক বন্ধু নিজের ভাগ থেকে {e} ছোট ভাইবোনকে দিলে, {Ag} প্রত্যেক বন্ধুর কাছে কতগুলো করে {t} থাকবে?",
    nums=dict(a=N(calc="mul(k, _e)", unit="item", label="মোট {t}"), k=N(2, 9, unit="জন", label="বন্ধু"), _e=N(4, 15),
              e=N(1, 3, unit="item", label="দিয়ে দিল", of=None)),
    steps=["x = div(a, k) : প্রত্যেকের ভাগ", "y = sub(x, e) : থাকবে"], words={"t": COUNTABLE},
    red=["{Ag} ভাই {O} কিনল {a~}। | {Og} {t}", ">পাশের বাড়িতে এসেছিল আরও {k~} অতিথি, তারা {Og} বাড়ির। | অন্য বাড়ির অতিথি"],
    oad=[">{t}গুলো এসেছিল একটি {#1-3} কেজির বাক্সে। | বাক্সের ওজন", ">বন্ধুরা {Ag} বাড়িতে ছিল {#1-4} ঘণ্টা। | ঘণ্টা"],
    need=[">{A} ভেবেছিল আরও {k~} বন্ধু আসবে, কিন্তু তারা আসেনি। | না-আসা বন্ধু",
          ">{A} আরও {a~} কেনার কথা ভেবেছিল, কিন্তু কেনেনি। | না-কেনা"]))

add_family(Family("share_equal", "dozens shared equally",
    facts=["{A} বাজার থেকে {d} ডজন কলা আনল।", "সে কলাগুলো তার {k} ভাইবোনের মধ্যে সমান ভাগে ভাগ করে দিল।"],
    ask="{Ag} প্রত্যেক ভাইবোন কয়টি করে কলা পেল?",
    nums=dict(d=N(2, 10, label="ডজন"), k=N(2, 8, unit="জন", label="ভাইবোন"), h=N(12, hidden=True, label="এক ডজনে", of=None)),
    steps=["x = mul(d, h) : মোট কলা", "y = div(x, k) : প্রত্যেকের ভাগ"],
    where=lambda v: float(v["y"]).is_integer(),
    red=["{Og} মা আনলেন {d~} ডজন কলা। | {Og} কলা", ">{Og} পরিবারে আছে {k~} ভাইবোন। | {Og} ভাইবোন"],
    oad=[">কলাগুলোর দাম পড়েছিল ডজনপ্রতি {#40-120/5} টাকা। | দাম", ">{A} বাজার থেকে ফিরল {#20-50} মিনিট হেঁটে। | মিনিট"],
    need=[">{A} আরও {d~} ডজন আনতে চেয়েছিল, কিন্তু দোকানে আর ছিল না। | না-আনা",
          ">{Ag} চাচাতো ভাইয়েরা {k~} আসার কথা ছিল, কিন্তু তারা আসেনি। | না-আসা"]))

add_family(Family("share_after_keep", "keep some, share the rest",
    facts=["{Ag} কাছে {a} ছিল।", "নিজের জন্য সে রাখল {b}।", "বাকিগুলো সে তার {k} বন্ধুর মধ্যে সমানভাবে ভাগ করে দিল।"],
    ask="{Ag} প্রত্যেক বন্ধু কতগুলো করে {t} পেল?",
    nums=dict(a=N(calc="add(_m, b)", unit="item", label="মোট"), b=N(1, 10, unit="item", label="নিজের জন্য"), k=N(2, 8, unit="জন", label="বন্ধু"),
              _m=N(calc="mul(k, _e)"), _e=N(2, 12)),
    steps=["r = sub(a, b) : ভাগের জন্য", "x = div(r, k) : প্রত্যেকের ভাগ"], words={"t": COUNTABLE},
    red=["{Ag} বোনের কাছে ছিল {a~}। | বোনের {t}", ">{O} নিজের জন্য রাখল {b~}। | {Og} রাখা"],
    oad=[">{t}গুলো কেনা হয়েছিল {#2-7} দিন আগে। | দিন আগে", ">{Ag} বন্ধুরা সবাই {#5-8} শ্রেণিতে পড়ে। | শ্রেণি"],
    need=[">{A} প্রথমে নিজের জন্য {b~} রাখার কথা ভেবেছিল, কিন্তু পরে মত বদলাল। | বদলানো পরিকল্পনা",
          ">আরও {k~} বন্ধুর আসার কথা ছিল, কিন্তু তারা আসেনি। | না-আসা"]))

add_family(Family("share_after_keep", "rotten ones out, the rest in boxes",
    facts=["{A} বাজার থেকে {a} আনল।", "+কিন্তু তার মধ্যে {b} পচা ছিল।", "ভালোগুলো সে {k} সমান ভাগে সাজিয়ে রাখল।"],
    ask="{Ag} প্রতিটি বাক্সে কতগুলো {t} রাখা হলো?",
    nums=dict(a=N(calc="add(_m, b)", unit="item", label="আনা হলো"), b=N(1, 10, unit="item", label="পচা"), k=N(2, 8, unit="item:x", label="বাক্স"),
              _m=N(calc="mul(k, _e)"), _e=N(3, 12)),
    steps=["r = sub(a, b) : ভালো", "x = div(r, k) : প্রতি বাক্সে"], words={"t": FRUITS, "x": [("বাক্সে", "টি")]},
    red=["{Og} দোকানে পচা বের হলো {b~}। | {Og} পচা", "{Og} মা বাজার থেকে আনলেন {a~}। | {Og} {t}"],
    oad=[">প্রতিটি বাক্স {#20-40} সেন্টিমিটার লম্বা। | বাক্সের মাপ", ">{t}গুলোর দাম পড়েছিল {#100-500/10} টাকা। | দাম"],
    need=[">{A} পচাগুলো ফেরত দিতে চেয়েছিল, কিন্তু দোকানি {b~} ফেরত নেননি। | না-ফেরত",
          ">{A} ভেবেছিল {k~} ভাগ করবে, কিন্তু পরে মত বদলাল। | বদলানো পরিকল্পনা"]))

# %% ../nbs/01_data.ipynb #4773f69c
add_family(Family("average", "mean of three or four marks",
    facts=["{A} তিনটি পরীক্ষায় যথাক্রমে {a}, {b} ও {c} নম্বর পেয়েছে।", "একই তিন পরীক্ষায় {Bg} গড় নম্বর {g}।"],
    ask="{Ag} গড় নম্বর {Bg} গড় নম্বরের চেয়ে কত বেশি?",
    nums=dict(a=N(40, 100, label="প্রথম পরীক্ষা"), b=N(40, 100, label="দ্বিতীয় পরীক্ষা"), c=N(40, 100, label="তৃতীয় পরীক্ষা"),
              g=N(30, 90, label="{Bg} গড়", of="B")),
    steps=["m = mean(a, b, c) : {Ag} গড়", "d = sub(m, g) : পার্থক্য"], where=lambda v: float(v["m"]).is_integer(),
    red=["{Ag} বন্ধু {O} প্রথম পরীক্ষায় পেয়েছে {a~} নম্বর। | {Og} নম্বর", "{Og} গড় নম্বর {g~}। | {Og} গড়"],
    oad=[">প্রতিটি পরীক্ষা ছিল {#2-3} ঘণ্টার। | ঘণ্টা", ">{Ag} ক্লাসে মোট {#25-60} জন শিক্ষার্থী। | শিক্ষার্থী"],
    need=[">{A} আরেকটি পরীক্ষায় {c~} নম্বর পাবে বলে আশা করেছিল, কিন্তু সেই পরীক্ষা বাতিল হয়েছে। | বাতিল পরীক্ষা",
          ">শিক্ষক বলেছিলেন সবাইকে {#2-5} নম্বর বাড়তি দেবেন, কিন্তু পরে দেননি। | না-দেওয়া নম্বর"]))

add_family(Family("average", "mean distance walked over four days",
    facts=["সপ্তাহের প্রথম দুই দিনে {A} হাঁটল যথাক্রমে {a} ও {b} কিলোমিটার।", "পরের দুই দিনে সে হাঁটল {c} ও {d} কিলোমিটার।"],
    ask="এই চার দিনে {A} দিনে গড়ে কত কিলোমিটার হাঁটল?",
    nums=dict(a=N(1.5, 8, 0.5, label="প্রথম দিন"), b=N(1.5, 8, 0.5, label="দ্বিতীয় দিন"), c=N(1.5, 8, 0.5, label="তৃতীয় দিন"),
              d=N(1.5, 8, 0.5, label="চতুর্থ দিন")),
    steps=["m = mean(a, b, c, d) : গড়"],
    red=["{Ag} বাবা প্রতিদিন হাঁটেন {a~} কিলোমিটার। | বাবার হাঁটা", ">{O} একই সপ্তাহে একদিন হাঁটল {b~} কিলোমিটার। | {Og} হাঁটা"],
    oad=[">{A} প্রতিদিন হাঁটতে বের হয় সকাল {#5-7}টায়। | সময়", ">{Ag} জুতাজোড়ার দাম {#500-2000/50} টাকা। | জুতার দাম"],
    need=[">{A} পঞ্চম দিনে {c~} কিলোমিটার হাঁটার কথা ভেবেছিল, কিন্তু বৃষ্টির জন্য বের হয়নি। | না-হাঁটা",
          ">{O} {A}কে {d~} কিলোমিটার দূরের পার্কে যেতে বলেছিল, কিন্তু {A} যায়নি। | না-যাওয়া"]))

add_family(Family("percent_of", "the part that is not the percentage",
    facts=["{Ag} ক্লাসে {n} শিক্ষার্থী আছে।", "+তাদের মধ্যে {p} মেয়ে।"],
    ask="আজ ছেলেদের মধ্যে {e} অনুপস্থিত থাকলে {Ag} ক্লাসে আজ কতজন ছেলে উপস্থিত?",
    nums=dict(n=N(20, 80, unit="জন", label="শিক্ষার্থী"), p=N(10, 90, 5, unit="%", label="মেয়ের হার", of=None),
              h=N(100, hidden=True, label="শতকরা", of=None),
              e=N(1, 6, unit="জন", label="অনুপস্থিত", of=None)),
    steps=["x = mul(n, p) : গুণফল", "y = div(x, h) : মেয়ে", "z = sub(n, y) : ছেলে", "u = sub(z, e) : উপস্থিত ছেলে"], where=lambda v: float(v["y"]).is_integer(),
    red=["পাশের ক্লাসে আছে {n~} শিক্ষার্থী। | পাশের ক্লাস", ">{Og} ক্লাসে মেয়ে {p~}। | {Og} ক্লাস"],
    oad=[">ক্লাসঘরে আছে {#10-30}টি বেঞ্চ। | বেঞ্চ", ">ক্লাস শুরু হয় সকাল {#8-10}টায়। | সময়"],
    need=[">আরও {n~} শিক্ষার্থীর ভর্তি হওয়ার কথা ছিল, কিন্তু তারা ভর্তি হয়নি। | না-আসা",
          ">স্কুল চেয়েছিল মেয়েদের হার {p~} করতে, কিন্তু এ বছর তা হয়নি। | লক্ষ্য"]))

add_family(Family("percent_of", "savings as a percentage of income, over months",
    facts=["{Ag} মাসিক আয় {n}।", "সে প্রতি মাসে আয়ের {p} সঞ্চয় করে।"],
    ask="{d} মাসে {A} মোট কত {cur} সঞ্চয় করবে?",
    nums=dict(n=N(5000, 40000, 500, unit="money", label="মাসিক আয়"), p=N(5, 40, 5, unit="%", label="সঞ্চয়ের হার"),
              h=N(100, hidden=True, label="শতকরা", of=None), d=N(2, 12, label="মাস")),
    steps=["x = mul(n, p) : গুণফল", "y = div(x, h) : মাসিক সঞ্চয়", "z = mul(y, d) : মোট সঞ্চয়"],
    red=["{Ag} বোনের মাসিক আয় {n~}। | বোনের আয়", ">{O} আয়ের {p~} সঞ্চয় করে। | {Og} হার"],
    oad=[">{A} চাকরি করছে {#2-9} বছর ধরে। | বছর", ">{Ag} অফিস বাড়ি থেকে {#2-15} কিলোমিটার দূরে। | দূরত্ব"],
    need=[">{A} ভেবেছিল আয়ের {p~} সঞ্চয় করবে, কিন্তু খরচ বেশি হওয়ায় পারেনি। | না-পারা লক্ষ্য",
          ">{Ag} বেতন {n~} হওয়ার কথা ছিল, কিন্তু বাড়েনি। | না-বাড়া বেতন"]))

add_family(Family("chain_compare", "times as many, fewer than, total of three",
    facts=["{Ag} কাছে {a} আছে।", "{Bg} কাছে আছে {Ag} {k} গুণ {t}।", "{Cg} কাছে {Bg} চেয়ে {m} কম আছে।"],
    ask="{A}, {B} ও {Cg} কাছে মোট কতগুলো {t} আছে?",
    nums=dict(a=N(2, 15, unit="item", label="{Ag} {t}"), k=N(2, 5, label="গুণ", of="B"), m=N(1, 20, unit="item", label="কম", of="C")),
    steps=["bq = mul(a, k) : {Bg} {t}", "cq = sub(bq, m) : {Cg} {t}", "s = add(a, bq, cq) : মোট"], words={"t": COUNTABLE},
    red=["{Og} কাছে আছে {a~}। | {Og} {t}", ">{Bg} বন্ধু {Og} কাছে {m~} বেশি আছে। | {Og} {t}"],
    oad=[">{Ag} {t}গুলোর প্রতিটির দাম {#5-30} টাকা। | দাম", ">{C} তার {t}গুলো রাখে {#2-4}টি বাক্সে। | বাক্স"],
    need=[">{C} আরও {m~} কিনতে চেয়েছিল, কিন্তু কেনেনি। | না-কেনা",
          ">{O} {A}কে {a~} দিতে চেয়েছিল, কিন্তু {A} নেয়নি। | না-নেওয়া"]))

# %% ../nbs/01_data.ipynb #9e10c0ad
add_family(Family("travel", "distance left after two legs of a trip",
    facts=["{A} মোট {D} কিলোমিটার পথ যাবে।", "প্রথমে সে ঘণ্টায় {v} কিলোমিটার বেগে {h} বাসে গেল।",
           "কিন্তু বাসটি মাঝপথে নষ্ট হয়ে গেল, তাই এরপর সে ঘণ্টায় {u} কিলোমিটার বেগে {g} রিকশায় গেল।"],
    ask="{Ag} আর কত কিলোমিটার পথ বাকি?",
    nums=dict(D=N(100, 400, 5, label="মোট পথ"), v=N(20, 60, 5, label="বাসের বেগ", of=None), h=N(1, 4, unit="ঘণ্টা", label="বাসে সময়"),
              u=N(5, 15, label="রিকশার বেগ", of=None), g=N(1, 3, unit="ঘণ্টা", label="রিকশায় সময়")),
    steps=["x = mul(v, h) : বাসে পথ", "y = mul(u, g) : রিকশায় পথ", "s = add(x, y) : যাওয়া পথ", "r = sub(D, s) : বাকি পথ"],
    red=["{Ag} বন্ধু {O} একই দিনে গেল {D~} কিলোমিটার। | {Og} পথ", ">{O} ঘণ্টায় {v~} কিলোমিটার বেগে গাড়ি চালায়। | {Og} বেগ"],
    oad=[">বাসে যাত্রী ছিল {#20-50} জন। | যাত্রী", ">বাসের টিকিটের দাম ছিল {#50-300/10} টাকা। | ভাড়া"],
    need=[">{A} ট্রেনে যাওয়ার কথা ভেবেছিল, যা ঘণ্টায় {v~} কিলোমিটার যায়, কিন্তু টিকিট পায়নি। | না-যাওয়া",
          ">{A} পথে {g~} বিশ্রাম নেওয়ার কথা ভেবেছিল, কিন্তু না থেমেই চলল। | না-নেওয়া বিশ্রাম"]))

add_family(Family("travel", "distance left after driving at a speed",
    facts=["{Ag} গ্রাম থেকে শহর {D} কিলোমিটার দূরে।", "সে এমন একটি বাসে উঠল, যা ঘণ্টায় {v} কিলোমিটার বেগে চলে।"],
    ask="{h} পর শহরে পৌঁছাতে {Ag} আর কত কিলোমিটার পথ বাকি থাকবে?",
    nums=dict(D=N(50, 300, 5, label="মোট পথ"), v=N(20, 60, 5, label="বেগ", of=None), h=N(1, 5, unit="ঘণ্টা", label="সময়")),
    steps=["g = mul(v, h) : যাওয়া পথ", "r = sub(D, g) : বাকি পথ"],
    red=["{Og} গ্রাম থেকে শহর {D~} কিলোমিটার দূরে। | {Og} পথ", ">পাশের রাস্তায় একটি ট্রাক চলছিল ঘণ্টায় {v~} কিলোমিটার বেগে। | ট্রাকের বেগ"],
    oad=[">বাসটিতে আসন ছিল {#30-52}টি। | আসন", ">বাসের ভাড়া ছিল {#40-250/10} টাকা। | ভাড়া"],
    need=[">{A} আগে একটি দ্রুত বাসের কথা ভেবেছিল, যেটি ঘণ্টায় {v~} কিলোমিটার যায়, কিন্তু সেটি ছাড়েনি। | না-ছাড়া বাস",
          ">{A} পথে {h~} থামার কথা ভেবেছিল, কিন্তু থামেনি। | না-থামা"]))

add_family(Family("recipe", "eggs needed, bought in dozens",
    facts=["একটি কেক বানাতে {e} লাগে।", "{A} বানাতে চায় {k}।", "কিন্তু তার কাছে আছে মাত্র {d} ডজন ডিম।"],
    ask="কেকগুলো বানাতে {A}কে আর কতগুলো ডিম কিনতে হবে?",
    nums=dict(e=N(3, 8, unit="item:g", label="একটি কেকে ডিম", of=None), k=N(3, 12, unit="item:c", label="কেক"),
              d=N(1, 3, label="ডজন"), h=N(12, hidden=True, label="এক ডজনে", of=None)),
    steps=["x = mul(e, k) : মোট ডিম", "y = mul(d, h) : ঘরে ডিম", "z = sub(x, y) : কিনতে হবে"],
    words={"g": [("ডিম", "টি")], "c": [("কেক", "টি")]},
    red=["{Og} মা একটি কেকে দেন {e~}। | {Og} মায়ের হিসাব", ">{Og} কাছে আছে {d~} ডজন ডিম। | {Og} ডিম"],
    oad=[">প্রতিটি কেকের ওজন প্রায় {#400-900/50} গ্রাম। | কেকের ওজন", ">একটি কেক বেক হতে লাগে {#25-50} মিনিট। | মিনিট"],
    need=[">{A} আরও {k~} বানানোর কথা ভেবেছিল, কিন্তু চুলায় জায়গা নেই। | না-বানানো",
          ">{O} {A}কে {d~} ডজন ডিম ধার দিতে চেয়েছিল, কিন্তু {A} নেয়নি। | না-নেওয়া"]))

add_family(Family("recipe", "flour for several batches, in grams",
    facts=["এক ব্যাচ রুটি বানাতে লাগে {g} গ্রাম আটা।", "{A} বানাবে {k} ব্যাচ রুটি।", "তার কাছে আছে {w} কেজি আটা।"],
    ask="রুটিগুলো বানানোর পর {Ag} কাছে কত গ্রাম আটা থাকবে?",
    nums=dict(g=N(200, 800, 50, label="ব্যাচে আটা (গ্রাম)", of=None), k=N(2, 6, label="ব্যাচ"), w=N(2, 10, 0.5, label="আটা (কেজি)"),
              h=N(1000, hidden=True, label="কেজিতে গ্রাম", of=None)),
    steps=["x = mul(w, h) : আটা (গ্রাম)", "y = mul(g, k) : লাগবে", "z = sub(x, y) : থাকবে"],
    red=["{Og} রান্নাঘরে আছে {w~} কেজি আটা। | {Og} আটা", ">{O} এক ব্যাচে দেয় {g~} গ্রাম আটা। | {Og} হিসাব"],
    oad=[">আটার প্যাকেটের দাম ছিল {#50-120} টাকা। | দাম", ">প্রতিটি ব্যাচ সেঁকতে লাগে {#10-30} মিনিট। | মিনিট"],
    need=[">{A} আরও {k~} ব্যাচ বানানোর কথা ভেবেছিল, কিন্তু অতিথিরা কম আসায় বানায়নি। | না-বানানো",
          ">দোকানি {w~} কেজির একটি বস্তা দিতে চাইলেন, কিন্তু {A} নেয়নি। | না-কেনা"]))

add_family(Family("pages_left", "pages still to read",
    facts=["একটি বইয়ে {P} পৃষ্ঠা আছে।", "{A} প্রথম দিন পড়ল {a} পৃষ্ঠা।", "দ্বিতীয় দিন সে পড়ল প্রথম দিনের {k} গুণ পৃষ্ঠা।"],
    ask="বইটির আর কত পৃষ্ঠা {Ag} পড়া বাকি?",
    nums=dict(P=N(150, 500, label="মোট পৃষ্ঠা", of=None), a=N(10, 50, label="প্রথম দিন"), k=N(2, 3, label="গুণ")),
    steps=["b = mul(a, k) : দ্বিতীয় দিন", "s = add(a, b) : পড়া হয়েছে", "r = sub(P, s) : বাকি পৃষ্ঠা"],
    red=["{Ag} বন্ধু {O} প্রথম দিন পড়েছিল {a~} পৃষ্ঠা। | {Og} পৃষ্ঠা", "{Og} বইয়ে আছে {P~} পৃষ্ঠা। | {Og} বই"],
    oad=[">বইটির দাম {#150-600/10} টাকা। | দাম", ">বইটিতে মোট {#8-25}টি অধ্যায়। | অধ্যায়"],
    need=[">{A} তৃতীয় দিন {a~} পৃষ্ঠা পড়ার কথা ভেবেছিল, কিন্তু পড়তে বসেনি। | না-পড়া",
          ">{O} {A}কে {P~} পৃষ্ঠার আরেকটি বই দিতে চেয়েছিল, কিন্তু {A} নেয়নি। | না-নেওয়া বই"]))

add_family(Family("pages_left", "pages still to read",
    facts=["{A} {P} পৃষ্ঠার একটি গল্পের বই পড়া শুরু করল।", "সকালে সে পড়ল {a} পৃষ্ঠা, আর রাতে পড়ল {b} পৃষ্ঠা।"],
    ask="এরপর প্রতিদিন {d} পৃষ্ঠা করে পড়লে বইটি শেষ করতে {Ag} আর কত দিন লাগবে?",
    nums=dict(P=N(100, 400, label="মোট পৃষ্ঠা"), a=N(10, 60, label="সকালে"), b=N(10, 60, label="রাতে"), d=N(10, 40, label="দৈনিক পৃষ্ঠা")),
    steps=["s = add(a, b) : পড়া হয়েছে", "r = sub(P, s) : বাকি পৃষ্ঠা", "t = div(r, d) : দিন"], where=lambda v: float(v["t"]).is_integer(),
    red=["{Ag} বোন রাতে পড়ল {b~} পৃষ্ঠা। | বোনের পড়া", "{O} পড়ছে {P~} পৃষ্ঠার একটি উপন্যাস। | {Og} বই"],
    oad=[">গল্পের বইটির দাম {#100-400/10} টাকা। | দাম", ">বইটিতে ছবি আছে {#10-40}টি। | ছবি"],
    need=[">{A} দুপুরেও {a~} পৃষ্ঠা পড়ার কথা ভেবেছিল, কিন্তু ঘুমিয়ে পড়ল। | না-পড়া",
          ">{A} আরও {b~} পৃষ্ঠা পড়তে চেয়েছিল, কিন্তু বিদ্যুৎ চলে গেল। | না-পড়া"]))

add_family(Family("empty_seats", "rows × seats minus guests",
    facts=["{Ag} স্কুলের হলঘরে {r} সারি চেয়ার আছে, প্রতিটি সারিতে {s}।", "অনুষ্ঠানে {g} অতিথি এসে একটি করে চেয়ারে বসলেন।",
           "কিন্তু পরে আরও {e} শিক্ষার্থী এসে বাকি চেয়ারগুলোর কয়েকটিতে বসল।"],
    ask="{Ag} স্কুলের হলঘরে কতগুলো চেয়ার খালি রইল?",
    nums=dict(r=N(3, 15, label="সারি"), s=N(5, 20, unit="item:c", label="প্রতি সারিতে", of=None), g=N(10, 200, unit="জন", label="অতিথি", of=None),
              e=N(2, 30, unit="জন", label="শিক্ষার্থী", of=None)),
    steps=["x = mul(r, s) : মোট চেয়ার", "y = add(g, e) : বসল", "z = sub(x, y) : খালি চেয়ার"], words={"c": [("চেয়ার", "টি")]},
    red=["পাশের হলঘরে আছে {s~} চেয়ার। | পাশের হলঘর", ">{Og} স্কুলের অনুষ্ঠানে এসেছিলেন {g~} অতিথি। | {Og} স্কুল"],
    oad=[">হলঘরটি {#20-40} মিটার লম্বা। | দৈর্ঘ্য", ">অনুষ্ঠান চলল {#2-4} ঘণ্টা। | ঘণ্টা"],
    need=[">আরও {g~} অতিথির আসার কথা ছিল, কিন্তু তাঁরা আসেননি। | না-আসা",
          ">আরও {r~} সারি চেয়ার আনার কথা ছিল, কিন্তু শেষে আনা হয়নি। | না-আনা"]))

add_family(Family("unit_convert", "kilograms bought, grams used",
    facts=["{A} বাজার থেকে {k} কেজি চিনি কিনল।", "পায়েস রাঁধতে সে খরচ করল {g} গ্রাম, আর মিষ্টি বানাতে আরও {m} গ্রাম।"],
    ask="{Ag} কাছে আর কত গ্রাম চিনি রইল?",
    nums=dict(k=N(1, 5, 0.5, label="চিনি (কেজি)"), g=N(100, 900, 50, label="পায়েসে"), m=N(100, 900, 50, label="মিষ্টিতে"),
              h=N(1000, hidden=True, label="কেজিতে গ্রাম", of=None)),
    steps=["x = mul(k, h) : চিনি (গ্রাম)", "y = add(g, m) : খরচ", "z = sub(x, y) : বাকি"],
    red=["{Og} মা কিনলেন {k~} কেজি চিনি। | {Og} চিনি", ">{O} পায়েসে দেয় {g~} গ্রাম চিনি। | {Og} হিসাব"],
    oad=[">প্রতি কেজি চিনির দাম ছিল {#100-150} টাকা। | দাম", ">পায়েস রাঁধতে লাগল {#30-90} মিনিট। | মিনিট"],
    need=[">{A} আরও {k~} কেজি চিনি কেনার কথা ভেবেছিল, কিন্তু কেনেনি। | না-কেনা",
          ">{A} ভেবেছিল শরবতেও {m~} গ্রাম দেবে, কিন্তু শরবত আর বানায়নি। | না-খরচ"]))

add_family(Family("unit_convert", "hours and minutes of practice",
    facts=["{A} প্রতিদিন {h} ঘণ্টা {m} মিনিট গান অনুশীলন করে।"],
    ask="{d} দিনে {A} মোট কত মিনিট অনুশীলন করবে?",
    nums=dict(h=N(1, 3, label="ঘণ্টা"), m=N(10, 50, 5, label="মিনিট"), d=N(3, 14, label="দিন"), s=N(60, hidden=True, label="ঘণ্টায় মিনিট", of=None)),
    steps=["x = mul(h, s) : ঘণ্টা থেকে মিনিট", "y = add(x, m) : দিনে মিনিট", "z = mul(y, d) : মোট মিনিট"],
    red=["{Ag} বোন প্রতিদিন অনুশীলন করে {m~} মিনিট। | বোনের মিনিট", ">{O} প্রতিদিন গান গায় {h~} ঘণ্টা। | {Og} ঘণ্টা"],
    oad=[">{Ag} হারমোনিয়ামটি {#3-15} বছরের পুরোনো। | বছর", ">{Ag} গানের শিক্ষকের কাছে আরও {#4-12} জন শেখে। | শিক্ষার্থী"],
    need=[">{A} প্রতিদিন আরও {m~} মিনিট অনুশীলনের কথা ভেবেছিল, কিন্তু পারেনি। | না-পারা",
          ">{O} {A}কে {d~} দিনের একটি কর্মশালায় যেতে বলেছিল, কিন্তু {A} যায়নি। | না-যাওয়া"]))

add_family(Family("fraction_left", "a quarter spent, then a fixed amount",
    facts=["{Ag} কাছে {m} ছিল।", "+সে তার এক-চতুর্থাংশ দিয়ে বই কিনল।", "বাকি টাকা থেকে {r} দিয়ে সে একটি {it} কিনল।"],
    ask="এখন {Ag} কাছে কত {cur} রইল?",
    nums=dict(m=N(400, 4000, 40, unit="money", label="শুরুর টাকা"), h=N(4, hidden=True, label="চতুর্থাংশ", of=None),
              r=N(20, 500, 10, unit="money", label="{itg} দাম")),
    steps=["x = div(m, h) : বইয়ে খরচ", "y = sub(m, x) : বাকি", "z = sub(y, r) : এখন আছে"], words={"it": _ITEM},
    red=["{Ag} ভাইয়ের কাছে ছিল {m~}। | ভাইয়ের টাকা", ">{O} একই রকম একটি {it} কিনল {r~} দিয়ে। | {Og} খরচ"],
    oad=[">বইগুলো ছিল {#3-9}টি, সবগুলো গল্পের। | বই", ">দোকানটি খোলে সকাল {#8-10}টায়। | সময়"],
    need=[">{A} একটি রঙের বাক্সও কিনতে চেয়েছিল, যার দাম {r~}, কিন্তু কেনেনি। | না-কেনা",
          ">{Ag} মামা {m~} দেবেন বলেছিলেন, কিন্তু দেননি। | না-পাওয়া"]))

add_family(Family("fraction_left", "half given, then a third of the rest",
    facts=["{A} গাছ থেকে পাড়ল {a}।", "+তার অর্ধেক সে প্রতিবেশীদের দিল।", "+বাকিগুলোর এক-তৃতীয়াংশ দিয়ে তার মা আচার বানালেন।"],
    ask="এরপর {A} নিজে {e} খেলে {Ag} কাছে আর কতগুলো {t} রইল?",
    nums=dict(a=N(calc="mul(_k, _six)", unit="item", label="পাড়া হলো"), _k=N(4, 30), _six=N(6, 6),
              h=N(2, hidden=True, label="অর্ধেক", of=None), th=N(3, hidden=True, label="তৃতীয়াংশ", of=None),
              e=N(1, 9, unit="item", label="নিজে খেল")),
    steps=["x = div(a, h) : প্রতিবেশীদের", "y = sub(a, x) : বাকি", "z = div(y, th) : আচারে", "w = sub(y, z) : আচারের পর", "v = sub(w, e) : রইল"],
    words={"t": [("আম", "টি"), ("পেয়ারা", "টি"), ("লিচু", "টি")]},
    red=["{Og} গাছ থেকে পাড়া হলো {a~}। | {Og} {t}", ">{O} প্রতিবেশীদের দিল {a~}। | {Og} দেওয়া"],
    oad=[">গাছটির বয়স প্রায় {#5-30} বছর। | গাছের বয়স", ">প্রতিটি {tg} ওজন প্রায় {#100-300/10} গ্রাম। | ওজন"],
    need=[">{A} আরও {a~} পাড়তে চেয়েছিল, কিন্তু সন্ধ্যা নেমে এল। | না-পাড়া",
          ">একজন পাইকার {a~} কিনতে চেয়েছিলেন, কিন্তু {A} বিক্রি করেনি। | না-বিক্রি"]))

# %% ../nbs/01_data.ipynb #978cef8a
add_family(Family("bill_split", "a bill plus a tip, shared equally",
    facts=["{A} আর তার বন্ধুরা মিলে মোট {n} একটি রেস্তোরাঁয় খেতে গেল।", "খাবারের বিল এল {b}।", "সবাই মিলে বিলের ওপর {p} বকশিশ দিল।"],
    ask="সবাই সমান ভাগে দিলে {Ag} ভাগে কত {cur} পড়ল?",
    nums=dict(n=N(2, 8, unit="জন", label="জন"), b=N(400, 4000, 20, unit="money", label="বিল", of=None),
              p=N(5, 20, 5, unit="%", label="বকশিশের হার", of=None), h=N(100, hidden=True, label="শতকরা", of=None)),
    steps=["x = mul(b, p) : গুণফল", "y = div(x, h) : বকশিশ", "z = add(b, y) : মোট", "w = div(z, n) : একজনের ভাগ"],
    red=["পাশের টেবিলের বিল এসেছিল {b~}। | পাশের টেবিল", ">{Og} দলে ছিল {n~}। | {Og} দল"],
    oad=[">রেস্তোরাঁটিতে টেবিল আছে {#10-40}টি। | টেবিল", ">তারা রেস্তোরাঁয় ছিল প্রায় {#1-3} ঘণ্টা। | ঘণ্টা"],
    need=[">{A} {p~} বকশিশ দেওয়ার কথা বলেছিল, কিন্তু বাকিরা রাজি হয়নি। | না-দেওয়া হার",
          ">আরও {n~} বন্ধুর আসার কথা ছিল, কিন্তু তারা আসেনি। | না-আসা"]))

add_family(Family("salary_raise", "pay after a percentage raise, over months",
    facts=["{Ag} মাসিক বেতন ছিল {s}।", "এ বছর তার বেতন {p} বাড়ল।"],
    ask="নতুন বেতনে {d} মাসে {A} মোট কত {cur} পাবে?",
    nums=dict(s=N(8000, 40000, 1000, unit="money", label="আগের বেতন"), p=N(5, 25, 5, unit="%", label="বৃদ্ধির হার", of=None),
              h=N(100, hidden=True, label="শতকরা", of=None), d=N(2, 12, label="মাস")),
    steps=["x = mul(s, p) : গুণফল", "y = div(x, h) : বৃদ্ধি", "z = add(s, y) : নতুন বেতন", "w = mul(z, d) : মোট"],
    red=["{Ag} সহকর্মী {O} মাসে বেতন পায় {s~}। | {Og} বেতন", ">{Og} বেতন বেড়েছে {p~}। | {Og} বৃদ্ধি"],
    oad=[">{A} এই অফিসে কাজ করছে {#2-12} বছর। | বছর", ">{Ag} অফিসে মোট {#10-90} জন কর্মী। | কর্মী"],
    need=[">{A} আশা করেছিল বেতন {p~} বাড়বে, কিন্তু তা হয়নি। | না-পাওয়া হার",
          ">আরেকটি অফিস {A}কে মাসে {s~} দিতে চেয়েছিল, কিন্তু {A} যায়নি। | ফেরানো প্রস্তাব"]))

add_family(Family("garden", "area of a rectangle, cost per square metre, and a fence",
    facts=["{Ag} বাড়ির সামনে একটি আয়তাকার বাগান আছে, যার দৈর্ঘ্য {l} মিটার ও প্রস্থ {w} মিটার।",
           "প্রতি বর্গমিটারে ঘাস লাগাতে খরচ {c}।", "এ ছাড়া বাগানের বেড়া দিতে খরচ হলো {f}।"],
    ask="ঘাস আর বেড়া মিলিয়ে {Ag} মোট কত {cur} খরচ হলো?",
    nums=dict(l=N(5, 30, label="দৈর্ঘ্য", of=None), w=N(3, 20, label="প্রস্থ", of=None), c=N(10, 80, 5, unit="money", label="বর্গমিটারে খরচ", of=None),
              f=N(500, 5000, 100, unit="money", label="বেড়া")),
    steps=["x = mul(l, w) : ক্ষেত্রফল", "y = mul(x, c) : ঘাসের খরচ", "z = add(y, f) : মোট খরচ"],
    red=["{Og} বাগানের দৈর্ঘ্য {l~} মিটার। | {Og} বাগান", ">পাশের বাড়ির বাগানে বেড়া দিতে খরচ হয়েছিল {f~}। | পাশের বাড়ি"],
    oad=[">বাগানে {#3-15}টি আমগাছ আছে। | গাছ", ">বাগানটি {#5-40} বছরের পুরোনো। | বছর"],
    need=[">{A} বাগানে একটি ছোট পুকুর কাটার কথা ভেবেছিল, যার খরচ {f~}, কিন্তু পরে বাদ দিল। | বাদ দেওয়া খরচ",
          ">মালি প্রতি বর্গমিটারে {c~} নিতে চেয়েছিলেন, কিন্তু {A} রাজি হয়নি। | ফেরানো দর"]))

# %% ../nbs/01_data.ipynb #826e2aca
_NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_LATIN_RE = re.compile(r"[A-Za-z]")

def numbers_in(text: str) -> list[float]:
    "Every number written in `text`, in ASCII or Bangla digits, with or without thousands commas."
    return [float(m.replace(",", "")) for m in _NUM_RE.findall(to_ascii_digits(text))]

def written_numbers(text: str) -> set[float]:
    "The numbers `text` writes, and those its words imply (`IMPLIED`: ডজন = 12, ঘণ্টা and মিনিট together = 60, ...)."
    return set(numbers_in(text)) | {float(v) for v, words in IMPLIED.items() if all(w in text for w in words)}

def strip_distractors(graph: str | dict) -> dict:
    "The graph without its nodes flagged `distractor: true` (the graph of the clean twin)."
    g = json.loads(graph) if isinstance(graph, str) else graph
    return {"nodes": [n for n in g["nodes"] if not n.get("distractor")]}

def check_record(rec: dict, rel_tol: float = 1e-9) -> list[str]:
    "The invariants `rec` breaks (an empty list when it is a good training record)."
    problems, g = [], json.loads(rec["graph"])
    res = run(g, strict=True)
    if not res.ok: problems.append(f"gold graph fails at {res.stage}: {res.error}")
    elif not math.isclose(res.value, rec["answer"], rel_tol=rel_tol): problems.append(f"graph gives {res.value}, answer is {rec['answer']}")
    if res.graph is not None and res.distractors != res.claimed:
        problems.append(f"derived distractors {res.distractors} != flagged {res.claimed}")
    clean = run(strip_distractors(g), strict=True)
    if not clean.ok or not math.isclose(clean.value, rec["answer"], rel_tol=rel_tol): problems.append(f"clean twin gives {clean.value}, not {rec['answer']}")
    consts = [float(n["val"]) for n in g["nodes"] if n["op"] == "const"]
    written = written_numbers(rec["question"])
    if missing := [v for v in consts if v not in written]: problems.append(f"consts {missing} are not written in the question")
    if extra := [v for v in numbers_in(rec["question"]) if v not in consts]: problems.append(f"numbers {extra} of the question have no const node")
    if extra := [v for v in numbers_in(rec["clean_question"]) if v not in consts]: problems.append(f"numbers {extra} of the clean question have no const node")
    for key in ("question", "clean_question"):
        if _LATIN_RE.search(rec[key]): problems.append(f"Latin letters in {key}: {_LATIN_RE.findall(rec[key])[:5]}")
    for n in g["nodes"]:
        if _LATIN_RE.search(n.get("label", "")): problems.append(f"Latin letters in the label of {n['id']}")
    return problems

# %% ../nbs/01_data.ipynb #a93cc4a6
SYNTH_FEATURES = datasets.Features({**COMMON_FEATURES, "clean_question": datasets.Value("string"),
    "template": datasets.Value("string"), "family": datasets.Value("string"),
    "n_distractors": datasets.Value("int32"), "distractor_types": datasets.Sequence(datasets.Value("string")),
    "distractor_positions": datasets.Sequence(datasets.Value("string"))})

def _family_list(families) -> list[str]:
    if families is None: return list(FAMILIES)
    fams = [families] if isinstance(families, str) else list(families)
    if unknown := [f for f in fams if f not in FAMILIES]: raise ValueError(f"unknown families {unknown}; choose from {sorted(FAMILIES)}")
    if not fams: raise ValueError("families is empty")
    return fams

def _distractor_range(distractors) -> tuple[int, int]:
    lo, hi = (distractors, distractors) if isinstance(distractors, int) else tuple(distractors)
    if not (0 <= lo <= hi <= 5): raise ValueError(f"distractors must be a count or a (min, max) range within 0..5, got {distractors!r}")
    return lo, hi

def generate_records(n: int, seed: int = 0, distractors=(0, 3), digits: str = "ascii", families=None,
                     validate: bool = True, progress: bool | None = None) -> list[dict]:
    "`n` synthetic records as dicts (see `generate`)."
    if n < 0: raise ValueError(f"n must be >= 0, got {n}")
    if digits not in DIGIT_STYLES: raise ValueError(f"digits must be one of {DIGIT_STYLES}, got {digits!r}")
    fams, (lo, hi) = _family_list(families), _distractor_range(distractors)
    order = random.Random(f"{seed}:order").sample(fams, len(fams))
    out = []
    for i in tqdm(range(n), desc="generating", disable=not (progress if progress is not None else n >= 5000)):
        rng = random.Random(f"{seed}:{i}")
        rec = make_problem(order[i % len(order)], rng, rng.randint(lo, hi), digits)
        if validate and (bad := check_record(rec)):
            raise AssertionError(f"generated record {i} (template {rec['template']}) breaks invariants: {bad}\n{rec['question']}")
        out.append(rec)
    return out

def generate(n: int, seed: int = 0, distractors=(0, 3), digits: str = "ascii", families=None,
             validate: bool = True, progress: bool | None = None) -> datasets.Dataset:
    "`n` synthetic Bangla problems with gold graphs: `distractors` per problem (a count or a range), `digits` ascii/bangla/mixed (mixed: each problem one or the other)."
    return datasets.Dataset.from_list(generate_records(n, seed, distractors, digits, families, validate, progress), features=SYNTH_FEATURES)

# %% ../nbs/01_data.ipynb #b7de81b4
_SENT_RE = re.compile(r"[^।?!]+[।?!]")

def _sentences(text: str) -> list[str]: return _SENT_RE.findall(text)

def _first(rec, nums, k): return nums[:k]
def _last(rec, nums, k): return nums[-k:] if k else []
def _largest(rec, nums, k):
    keep = set(sorted(nums, reverse=True)[:k]); return [v for v in nums if v in keep]
def _skip_last_statement(rec, nums, k):
    ss = _sentences(rec["question"]); drop = set(numbers_in(ss[-2])) if len(ss) > 1 else set()
    return [v for v in nums if v not in drop][:k]
def _skip_but(rec, nums, k):
    drop = {v for s in _sentences(rec["question"]) if "কিন্তু" in s or "তবে" in s for v in numbers_in(s)}
    return [v for v in nums if v not in drop][:k]

SHORTCUTS = {"first numbers in order": _first, "last numbers in order": _last, "largest numbers": _largest,
             "skip the last statement": _skip_last_statement, "skip sentences with কিন্তু/তবে (but)": _skip_but}

def shortcut_solves(rec: dict, pick: Callable) -> bool:
    """Does the shortcut `pick(rec, numbers, k)` get `rec` right? It puts the numbers it picks from the text, in
    order, into the gold graph's needed constants (those the text writes, in graph order) and runs the graph."""
    nums, g = numbers_in(rec["question"]), strip_distractors(rec["graph"])
    slots = [n for n in g["nodes"] if n["op"] == "const" and float(n["val"]) in nums]
    chosen = pick(rec, nums, len(slots))
    if len(chosen) != len(slots): return False
    for n, v in zip(slots, chosen): n["val"] = v
    res = run(g)
    return res.ok and math.isclose(res.value, rec["answer"], rel_tol=1e-9)

def shortcut_rates(records) -> dict[str, float]:
    "The share of `records` each shortcut in `SHORTCUTS` solves without reading."
    return {name: sum(shortcut_solves(r, f) for r in records) / max(1, len(records)) for name, f in SHORTCUTS.items()}

# %% ../nbs/01_data.ipynb #23d39f3f
import statistics
from .numerals import BN_DIGITS

def problem_stats(questions, answers, graphs=None) -> dict:
    "What a set of problems looks like: lengths, numbers, steps (when `graphs` are given), answers, decimals, currencies."
    qs, ans = list(questions), [float(a) for a in answers]
    pct = lambda xs: round(100 * sum(xs) / max(1, len(xs)), 1)
    nums = [numbers_in(q) for q in qs]
    steps = [sum(n["op"] not in ("const", "identity") for n in json.loads(g)["nodes"]) for g in graphs] if graphs is not None else None
    return {"problems": len(qs), "median words": statistics.median(len(q.split()) for q in qs) if qs else None,
            "median numbers": statistics.median(map(len, nums)) if qs else None,
            "median steps": statistics.median(steps) if steps else None, "one-step (%)": pct([s == 1 for s in steps]) if steps else None,
            "median answer": statistics.median(abs(a) for a in ans) if ans else None,
            "decimals (%)": pct([any(not v.is_integer() for v in ns) or not a.is_integer() for ns, a in zip(nums, ans)]),
            "taka (%)": pct(["টাকা" in q for q in qs]), "dollars (%)": pct(["$" in q or "ডলার" in q for q in qs]),
            "Bangla digits (%)": pct([any(c in BN_DIGITS for c in q) for q in qs])}

def compare_stats(records, mgsm=None) -> str:
    "A side-by-side table of synthetic `records` and (if given) MGSM-bn rows with `question` and `answer`."
    cols = {"synthetic": problem_stats([r["question"] for r in records], [r["answer"] for r in records], [r["graph"] for r in records])}
    if mgsm is not None: cols["MGSM-bn"] = problem_stats([r["question"] for r in mgsm], [r["answer"] for r in mgsm])
    fmt = lambda v: "-" if v is None else f"{v:g}" if isinstance(v, (int, float)) else str(v)
    rows = [f"{'':20}" + "".join(f"{c:>12}" for c in cols)]
    rows += [f"{k:20}" + "".join(f"{fmt(s[k]):>12}" for s in cols.values()) for k in next(iter(cols.values()))]
    return "\n".join(rows)

# %% ../nbs/01_data.ipynb #ba4cefb9
TEST_FAMILIES = ("travel", "recipe", "empty_seats")

def split_by_family(ds: datasets.Dataset, test_families=TEST_FAMILIES, val_fraction: float = 0.1, seed: int = 0) -> datasets.DatasetDict:
    "train / val / test: `test` holds every record of `test_families`; `val` is a random `val_fraction` of the rest."
    test_families = set(_family_list(test_families)) if test_families else set()
    fam = ds["family"]
    test_idx = [i for i, f in enumerate(fam) if f in test_families]
    rest = [i for i, f in enumerate(fam) if f not in test_families]
    random.Random(seed).shuffle(rest)
    n_val = round(len(rest) * val_fraction)
    return datasets.DatasetDict({"train": ds.select(sorted(rest[n_val:])), "val": ds.select(sorted(rest[:n_val])), "test": ds.select(test_idx)})

def write_splits(out_dir: str | Path, n: int = 2000, seed: int = 0, test_families=TEST_FAMILIES, val_fraction: float = 0.1, **kw) -> dict[str, Path]:
    "Generate `n` records and write `train.jsonl`, `val.jsonl`, `test.jsonl` into `out_dir`; returns their paths."
    dd = split_by_family(generate(n, seed, **kw), test_families, val_fraction, seed)   # bad arguments fail before any file exists
    out = Path(out_dir); out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, part in dd.items():
        p = out / f"{name}.jsonl"; tmp = p.with_suffix(".jsonl.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            for r in part: f.write(json.dumps(r, ensure_ascii=False) + "\n")
        tmp.replace(p); paths[name] = p
    return paths

def load_synth(path: str | Path, split: str | None = None) -> datasets.Dataset | datasets.DatasetDict:
    "Read what `write_splits` wrote: a folder (all splits, or `split`) or one JSONL file."
    from dagger_nb.data import read_records
    p = Path(path)
    if p.is_dir():
        names = [split] if split else [s for s in ("train", "val", "test") if (p / f"{s}.jsonl").exists()]
        if not names or not all((p / f"{s}.jsonl").exists() for s in names):
            raise FileNotFoundError(f"no {split or 'train/val/test'}.jsonl in {p}: write them with `dagger-nb make-data --out {p}`")
        dd = datasets.DatasetDict({s: datasets.Dataset.from_list(read_records(p / f"{s}.jsonl"), features=SYNTH_FEATURES) for s in names})
        return dd[split] if split else dd
    return datasets.Dataset.from_list(read_records(p), features=SYNTH_FEATURES)

# %% ../nbs/01_data.ipynb #5f9a455e
CARD_SYSTEM_PROMPT = "You are an expert Bangla Math Reasoner. Solve by constructing a Computational Graph."

def card_messages(question: str) -> list[dict]:
    "The chat the released DAGGER checkpoints expect (model card): their system message, then the question."
    return [{"role": "system", "content": CARD_SYSTEM_PROMPT}, {"role": "user", "content": question}]

def _answer_text(x: float, bangla: bool = False) -> str:
    s = f"{x:g}" if x != int(x) else str(int(x))
    return to_bangla_digits(s) if bangla else s

def write_hub_samples(out_dir: str | Path, n: int = 12, seed: int = 0) -> dict[str, Path]:
    "Write `n`-row files shaped like each hub dataset (made from synthetic problems) into `out_dir`."
    from dagger_nb.data import to_sft_record, to_grpo_record
    out = Path(out_dir); out.mkdir(parents=True, exist_ok=True)
    clean = generate_records(n, seed=seed + 1, distractors=0)
    # DistractMath-Bn rows carry one augmentation type each
    noisy = [r for r in generate_records(8 * n, seed=seed + 2, distractors=(1, 3)) if len(set(r["distractor_types"])) == 1][:n]
    synth = generate_records(n, seed=seed + 3)
    files = {}
    def dump(name, rows):
        p = out / name
        with open(p, "w", encoding="utf-8") as f:
            if name.endswith(".tsv"): f.writelines(f"{q}\t{a}\n" for q, a in rows)
            else: f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        files[name.split(".")[0]] = p
    dump("mgsm_bn.tsv", [(r["question"], _answer_text(r["answer"], bangla=i % 4 == 3)) for i, r in enumerate(clean)])
    dump("msvamp_bn.jsonl", [{"m_query": r["question"], "response": f"ধাপে ধাপে হিসাব করলে উত্তর দাঁড়ায় {_answer_text(r['answer'])}।"} for r in clean])
    dump("distractmath_mgsm.jsonl", [{"row_index": i, "original_question": r["clean_question"], "modified_question": r["question"],
          "ground_truth": _answer_text(r["answer"]), "augmentation_type": r["distractor_types"][0], "added_sentences": r["added_sentences"],
          "justification": "যোগ করা বাক্যগুলোর সংখ্যা উত্তরে কোনো প্রভাব ফেলে না।", "answers_match": True} for i, r in enumerate(noisy)])
    dump("dagger_sft.jsonl", [{**to_sft_record(r, card_messages), "english_answer": _answer_text(r["answer"])} for r in synth])
    dump("dagger_grpo.jsonl", [to_grpo_record(r, card_messages) for r in synth])
    return files

def sample_dir() -> Path:
    "The repository's `data/sample` folder (beside the package), or outside a checkout (e.g. installed on Colab) a copy written to the cache."
    import dagger_nb
    repo = Path(dagger_nb.__file__).resolve().parents[1] / "data" / "sample"
    if (repo / "hub" / "mgsm_bn.tsv").is_file(): return repo
    root = Path(os.environ.get("DAGGER_CACHE") or Path.home() / ".cache" / "dagger_nb") / "sample"
    if not (root / "hub" / "mgsm_bn.tsv").is_file():
        write_splits(root, n=40, seed=0); write_hub_samples(root / "hub")
    return root

# %% ../nbs/01_data.ipynb #58138596
def show_record(rec: dict, distractors: bool = True, ax=None):
    "Print the question (or its clean twin) and the executed answer; return the figure of its graph."
    from dagger_nb.executor import run, draw_graph
    graph = json.loads(rec["graph"]) if distractors else strip_distractors(rec["graph"])
    res = run(graph)
    q = rec["question"] if distractors else rec["clean_question"]
    print(f"[{rec['family']} | {rec['n_distractors'] if distractors else 0} distractors: {', '.join(rec['distractor_types']) if distractors else '-'}]")
    print(q)
    print(f"executed answer: {res.value:g}   gold: {rec['answer']:g}" if res.ok else f"graph error: {res.error}")
    return draw_graph(res.graph, values=res.values, ax=ax, title=f"{rec['template']}: {res.value:g}" if res.ok else rec["template"])

def explorer(ds):
    "An ipywidgets browser over `ds`: pick a record, toggle its distractors, see question, graph and answer."
    import ipywidgets as W
    import matplotlib.pyplot as plt
    idx = W.IntSlider(0, 0, max(len(ds) - 1, 0), description="record")
    dis = W.Checkbox(True, description="distractors")
    out = W.Output()
    def redraw(*_):
        with out:
            out.clear_output(wait=True)
            fig = show_record(ds[idx.value], dis.value); plt.show(); plt.close(fig)
    idx.observe(redraw, "value"); dis.observe(redraw, "value"); redraw()
    return W.VBox([W.HBox([idx, dis]), out])
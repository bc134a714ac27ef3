__all__ = ['NAMES', 'THINGS', 'FRUITS', 'SWEETS', 'ITEMS', 'PEOPLE', 'DIGIT_STYLES', 'FAMILIES', 'FAMILY_INFO', 'DISTRACTOR_TYPES', 'DISTRACTORS', 'MAX_NODES', 'SYNTH_FEATURES', 'TEST_FAMILIES', 'CARD_SYSTEM_PROMPT', 'Ctx', 'Sentence', 'Builder', 'gen_of', 'family', 'distractor', 'make_problem', 'numbers_in', 'strip_distractors', 'check_record', 'generate_records', 'generate', 'split_by_family', 'write_splits', 'load_synth', 'card_messages', 'write_hub_samples', 'sample_dir', 'show_record', 'explorer']

# %% ../nbs/01_data.ipynb #b4857f5c
import json, math, os, random, re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
import datasets
from tqdm.auto import tqdm
from .numerals import BN_DIGITS, to_ascii_digits, to_bangla_digits

# %% ../nbs/01_data.ipynb #cf70c56d
# (name, possessive)
NAMES = [("রহিম", "রহিমের"), ("করিম", "করিমের"), ("সুমি", "সুমির"), ("রিনা", "রিনার"), ("তানিয়া", "তানিয়ার"),
         ("রাহুল", "রাহুলের"), ("মিতু", "মিতুর"), ("জামাল", "জামালের"), ("নাসির", "নাসিরের"), ("পলাশ", "পলাশের"),
         ("শিলা", "শিলার"), ("অনিক", "অনিকের"), ("তৃষা", "তৃষার"), ("সাকিব", "সাকিবের"), ("রাফি", "রাফির"),
         ("নদী", "নদীর"), ("ফারহান", "ফারহানের"), ("দীপা", "দীপার"), ("আরিফ", "আরিফের"), ("লিপি", "লিপির"),
         ("সোহেল", "সোহেলের"), ("রুমা", "রুমার"), ("মিলন", "মিলনের"), ("শাপলা", "শাপলার"), ("বিজয়", "বিজয়ের"),
         ("অর্পা", "অর্পার"), ("তমাল", "তমালের"), ("জুঁই", "জুঁইয়ের"), ("হাসান", "হাসানের"), ("মৌমিতা", "মৌমিতার")]

# (noun, classifier, group): the classifier "টি" is swapped for the colloquial "টা" in some problems
THINGS = [("আম", "টি", "fruit"), ("কলা", "টি", "fruit"), ("কমলা", "টি", "fruit"), ("লিচু", "টি", "fruit"),
          ("আপেল", "টি", "fruit"), ("পেয়ারা", "টি", "fruit"), ("ডিম", "টি", "food"), ("রুটি", "খানা", "food"),
          ("সন্দেশ", "টি", "sweet"), ("রসগোল্লা", "টি", "sweet"), ("লাড্ডু", "টি", "sweet"), ("চকলেট", "টি", "sweet"),
          ("কলম", "টি", "stationery"), ("পেন্সিল", "টি", "stationery"), ("খাতা", "টি", "stationery"),
          ("বই", "খানা", "stationery"), ("বেলুন", "টি", "toy"), ("মার্বেল", "টি", "toy"), ("ঘুড়ি", "টি", "toy"),
          ("গোলাপ", "টি", "flower"), ("শাড়ি", "খানা", "cloth"), ("গামছা", "টি", "cloth")]
FRUITS = [t for t in THINGS if t[2] == "fruit"]
SWEETS = [t for t in THINGS if t[2] in ("sweet", "fruit")]
# (noun, price range in taka) for one-off purchases
ITEMS = [("ছাতা", (150, 600)), ("ব্যাগ", (300, 1500)), ("জামা", (250, 1200)), ("ঘড়ি", (400, 2500)),
         ("জুতা", (500, 2000)), ("বল", (80, 400)), ("টিফিন বাক্স", (120, 500)), ("কম্বল", (600, 2400))]
PEOPLE = [("শিক্ষার্থী", "জন"), ("অতিথি", "জন"), ("খেলোয়াড়", "জন"), ("শ্রমিক", "জন"), ("যাত্রী", "জন")]

# %% ../nbs/01_data.ipynb #745bc535
DIGIT_STYLES = ("ascii", "bangla", "mixed")

class Ctx:
    "What a problem family sees while writing one problem: a seeded `rng`, number formatting, fresh names."
    def __init__(self, rng: random.Random, digits: str = "mixed"):
        if digits not in DIGIT_STYLES: raise ValueError(f"digits must be one of {DIGIT_STYLES}, got {digits!r}")
        self.rng, self.digits = rng, digits
        # "mixed": each problem picks a main style, and now and then a number in the other one (as MGSM does)
        self.main = rng.choice(("ascii", "bangla")) if digits == "mixed" else digits
        self.ta = rng.random() < 0.3            # colloquial টা instead of টি for this problem
        self._names = rng.sample(NAMES, len(NAMES))
        self.used: set[float] = set()           # every number written so far
        self.used_tpl: set = set()              # distractor sentence templates already used in this problem

    def name(self) -> tuple[str, str]:
        "A fresh (name, possessive) pair, never repeated within one problem."
        return self._names.pop()

    def num(self, v) -> str:
        "Write number `v` in this problem's digit style, with a thousands comma for large values."
        self.used.add(float(v))
        s = f"{v:,}" if isinstance(v, int) and (v >= 10000 or (v >= 1000 and self.rng.random() < 0.5)) else f"{v:g}" if isinstance(v, float) else str(v)
        style = self.main
        if self.digits == "mixed" and self.rng.random() < 0.15: style = "bangla" if style == "ascii" else "ascii"
        return to_bangla_digits(s) if style == "bangla" else s

    def cls(self, c: str) -> str: return "টা" if (c == "টি" and self.ta) else c

    def qty(self, v, thing) -> str:
        "A count with its classifier: `12টি আম`, `৩ খানা বই`, `৪ জন অতিথি`."
        noun, c = thing[0], thing[1]
        c = self.cls(c)
        return f"{self.num(v)}{c} {noun}" if c in ("টি", "টা") else f"{self.num(v)} {c} {noun}"

    def fresh(self, lo: int, hi: int, step: int = 1) -> int:
        "A random number in [lo, hi] (multiple of `step`) that is not yet written in this problem."
        for _ in range(50):
            v = self.rng.randrange(lo, hi + 1, step) if step > 1 else self.rng.randint(lo, hi)
            if float(v) not in self.used: return v
        return v

# %% ../nbs/01_data.ipynb #8630682b
@dataclass
class Sentence:
    "One sentence of a problem and the numbers (`(key, value, label)`) it states."
    text: str
    consts: list = field(default_factory=list)
    distractor: str | None = None   # RED / OAD / NEED for an inserted sentence
    glued: bool = False             # refers back to the sentence before it: nothing may be inserted in between

class Builder:
    "Collects a family's sentences, constants and operations; `family`, `template`, `answer` and `meta` describe it."
    def __init__(self, ctx: Ctx):
        self.ctx, self.body, self.question, self.ops = ctx, [], None, []
        self._pending, self.answer, self.final_key, self.template = [], None, None, None
        self.meta: dict = {}      # qkind, thing, actor, dims: what the distractor writers may talk about

    def n(self, key: str, v, label: str) -> str:
        "Write number `v` and record it as constant `key`."
        self._pending.append((key, v, label)); return self.ctx.num(v)
    def q(self, key: str, v, thing, label: str) -> str:
        "Write a count of `thing` with its classifier and record it as constant `key`."
        self._pending.append((key, v, label)); return self.ctx.qty(v, thing)
    def pct(self) -> str:
        "A `%` sign: records the hidden 100 of a percentage as constant `h` (the text states it through `%`)."
        self._pending.append(("h", 100, "শতকরা")); return "%"
    def say(self, text: str, glued: bool = False):
        "End a statement; `glued=True` when it leans on the sentence before (`তাদের মধ্যে...`)."
        self.body.append(Sentence(text, self._pending, glued=glued)); self._pending = []
    def ask(self, text: str):
        self.question = Sentence(text, self._pending); self._pending = []
    def op(self, key: str, op: str, args: list[str], label: str):
        self.ops.append((key, op, list(args), label)); return key
    def done(self, final: str, answer, template: str, **meta):
        self.final_key, self.answer, self.template = final, answer, template
        self.meta.update(meta); return self

def _cnt(thing) -> str: return thing[0]          # plain noun, for "কতগুলো আম"

def gen_of(noun: str) -> str:
    "Possessive of a noun: `আম` → `আমের`, `কলা` → `কলার`, `বই` → `বইয়ের`."
    last = noun[-1]
    if "\u0985" <= last <= "\u0994": return noun + "য়ের"       # ends in an independent vowel
    if "\u09be" <= last <= "\u09cc": return noun + "র"          # ends in a vowel sign
    return noun + "ের"

# %% ../nbs/01_data.ipynb #a3488514
FAMILIES: dict[str, Callable] = {}
FAMILY_INFO: dict[str, str] = {}

def family(name: str, about: str):
    "Register a problem family under `name`; `about` says in a few words what it asks."
    def deco(f):
        FAMILIES[name] = f; FAMILY_INFO[name] = about; return f
    return deco

_MAKEABLE = [t for t in THINGS if t[0] in ("ঘুড়ি", "রুটি", "লাড্ডু", "সন্দেশ", "খাতা")]
_BOX = ("বাক্স", "টি", "box"); _PACKET = ("প্যাকেট", "টি", "box"); _SHELF = ("তাক", "টি", "box")
_CHAIR = ("চেয়ার", "টি", "seat"); _CAKE = ("কেক", "টি", "food"); _ROW = ("সারিতে", "টি", "row"); _INTO_BOXES = ("বাক্সে", "টি", "box"); _EGG = ("ডিম", "টি", "food")

@family("total_two", "two amounts added")
def _total_two(c: Ctx) -> Builder:
    b = Builder(c); (A, Ag), (B, Bg) = c.name(), c.name(); t = c.rng.choice(THINGS); x, y = c.fresh(3, 60), c.fresh(3, 60)
    if c.rng.random() < 0.5:
        b.say(f"{A} সকালে বাজার থেকে {b.q('a', x, t, 'সকালে কেনা')} কিনল।")
        b.say(f"বিকেলে সে আরও {b.q('b', y, t, 'বিকেলে কেনা')} কিনল।")
        b.ask(f"সে মোট কতগুলো {t[0]} কিনল?"); v = 0
    else:
        b.say(f"{Ag} কাছে {b.q('a', x, t, f'{Ag} {t[0]}')} আছে।")
        b.say(f"{Bg} কাছে আছে {b.q('b', y, t, f'{Bg} {t[0]}')}।")
        b.ask(f"দুজনের কাছে মোট কতগুলো {t[0]} আছে?"); v = 1
    b.op("s", "add", ["a", "b"], f"মোট {t[0]}")
    return b.done("s", x + y, f"total_two.{v}", qkind="item", thing=t, actor=(A, Ag), dims=set())

@family("total_three", "three amounts added")
def _total_three(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name()
    if c.rng.random() < 0.5:
        f1, f2, f3 = c.rng.sample(FRUITS, 3); x, y, z = c.fresh(2, 30), c.fresh(2, 30), c.fresh(2, 30)
        b.say(f"{A} একটি ঝুড়িতে {b.q('a', x, f1, f1[0])}, {b.q('b', y, f2, f2[0])} আর {b.q('c', z, f3, f3[0])} রাখল।")
        b.ask("ঝুড়িতে মোট কতগুলো ফল আছে?"); v, t = 0, f1
    else:
        t = c.rng.choice(FRUITS); x, y, z = c.fresh(10, 90), c.fresh(10, 90), c.fresh(10, 90)
        b.say(f"{Ag} বাগান থেকে প্রথম দিন {b.q('a', x, t, 'প্রথম দিন')} পাড়া হলো।")
        b.say(f"দ্বিতীয় দিন পাড়া হলো {b.q('b', y, t, 'দ্বিতীয় দিন')}, আর তৃতীয় দিন {b.q('c', z, t, 'তৃতীয় দিন')}।", glued=True)
        b.ask(f"তিন দিনে মোট কতগুলো {t[0]} পাড়া হলো?"); v = 1
    b.op("s", "add", ["a", "b", "c"], "মোট")
    return b.done("s", x + y + z, f"total_three.{v}", qkind="item", thing=t, actor=(A, Ag), dims=set())

@family("difference", "how many more")
def _difference(c: Ctx) -> Builder:
    b = Builder(c); (A, Ag), (B, Bg) = c.name(), c.name(); t = c.rng.choice(THINGS)
    y = c.fresh(3, 40); x = y + c.fresh(2, 40)
    if c.rng.random() < 0.5:
        b.say(f"{Ag} কাছে {b.q('a', x, t, f'{Ag} {t[0]}')} আছে, আর {Bg} কাছে আছে {b.q('b', y, t, f'{Bg} {t[0]}')}।")
        b.ask(f"{Bg} চেয়ে {Ag} কাছে কতগুলো {t[0]} বেশি আছে?"); v = 0
    else:
        b.say(f"{Ag} দোকানে সকালে {b.q('a', x, t, 'সকালে বিক্রি')} বিক্রি হলো।")
        b.say(f"বিকেলে বিক্রি হলো {b.q('b', y, t, 'বিকেলে বিক্রি')}।")
        b.ask(f"বিকেলের চেয়ে সকালে কতগুলো {t[0]} বেশি বিক্রি হলো?"); v = 1
    b.op("d", "sub", ["a", "b"], "পার্থক্য")
    return b.done("d", x - y, f"difference.{v}", qkind="item", thing=t, actor=(A, Ag), dims=set())

@family("remain_give", "left after giving or selling")
def _remain_give(c: Ctx) -> Builder:
    b = Builder(c); (A, Ag), (B, _) = c.name(), c.name(); t = c.rng.choice(THINGS)
    y = c.fresh(2, 30); x = y + c.fresh(3, 50)
    if c.rng.random() < 0.5:
        b.say(f"{Ag} কাছে {b.q('a', x, t, 'শুরুতে ছিল')} ছিল।")
        b.say(f"সে তার বন্ধু {B}কে {b.q('b', y, t, 'দিয়ে দিল')} দিল।")
        b.ask(f"এখন {Ag} কাছে কতগুলো {t[0]} আছে?"); v = 0
    else:
        b.say(f"{A} {b.q('a', x, t, 'নিয়ে গেল')} নিয়ে মেলায় গেল।")
        b.say(f"মেলায় সে {b.q('b', y, t, 'বিক্রি হলো')} বিক্রি করল।")
        b.ask(f"তার কাছে আর কতগুলো {t[0]} রইল?"); v = 1
    b.op("r", "sub", ["a", "b"], "বাকি")
    return b.done("r", x - y, f"remain_give.{v}", qkind="item", thing=t, actor=(A, Ag), dims=set())

@family("remain_spend", "money left after spending")
def _remain_spend(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name()
    if c.rng.random() < 0.5:
        item, (lo, hi) = c.rng.choice(ITEMS); x = c.fresh(lo, hi, 10); y = c.fresh(20, 150, 5)
        m = c.fresh(x + y + 10, x + y + 800, 10)
        b.say(f"{Ag} কাছে {b.n('m', m, 'শুরুর টাকা')} টাকা ছিল।")
        b.say(f"সে {b.n('a', x, f'{gen_of(item)} দাম')} টাকা দিয়ে একটি {item} কিনল এবং {b.n('b', y, 'রিকশা ভাড়া')} টাকা রিকশা ভাড়া দিল।")
        b.ask("তার কাছে আর কত টাকা রইল?"); v = 0
    else:
        x = c.fresh(3000, 9000, 500); y = c.fresh(1000, 5000, 100); m = c.fresh(x + y + 1000, x + y + 15000, 1000)
        b.say(f"{A} মাসের শুরুতে {b.n('m', m, 'বেতন')} টাকা বেতন পেল।")
        b.say(f"বাড়িভাড়ায় খরচ হলো {b.n('a', x, 'বাড়িভাড়া')} টাকা আর বাজারে {b.n('b', y, 'বাজার খরচ')} টাকা।")
        b.ask("মাসের বাকি দিনগুলোর জন্য তার হাতে কত টাকা রইল?"); v = 1
    b.op("e", "add", ["a", "b"], "মোট খরচ"); b.op("r", "sub", ["m", "e"], "বাকি টাকা")
    return b.done("r", m - x - y, f"remain_spend.{v}", qkind="money", actor=(A, Ag), dims={"money"})

@family("remain_eat", "left after two people eat")
def _remain_eat(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); t = c.rng.choice(SWEETS); y, z = c.fresh(1, 8), c.fresh(1, 8); x = y + z + c.fresh(2, 25)
    if c.rng.random() < 0.5:
        kin = c.rng.choice(["ছোট ভাই", "ছোট বোন", "বন্ধু"])
        b.say(f"একটি বাক্সে {b.q('a', x, t, 'বাক্সে ছিল')} ছিল।")
        b.say(f"{A} সেখান থেকে {b.q('b', y, t, f'{A} খেল')} খেল, আর তার {kin} খেল {b.q('c', z, t, f'{kin} খেল')}।")
        b.ask(f"বাক্সে আর কতগুলো {t[0]} রইল?"); v = 0
    else:
        b.say(f"{Ag} মা বাজার থেকে {b.q('a', x, t, 'আনা হলো')} আনলেন।")
        b.say(f"সকালে বাড়ির সবাই মিলে খেল {b.q('b', y, t, 'সকালে খাওয়া')}, আর বিকেলে অতিথিরা খেলেন {b.q('c', z, t, 'বিকেলে খাওয়া')}।")
        b.ask(f"আর কতগুলো {t[0]} বাকি রইল?"); v = 1
    b.op("r1", "sub", ["a", "b"], "প্রথমবারের পর"); b.op("r2", "sub", ["r1", "c"], "বাকি")
    return b.done("r2", x - y - z, f"remain_eat.{v}", qkind="item", thing=t, actor=(A, Ag), dims=set())

@family("price_total", "price times quantity")
def _price_total(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); t = c.rng.choice(THINGS); p, k = c.fresh(5, 120), c.fresh(2, 15)
    if c.rng.random() < 0.5:
        b.say(f"একটি {gen_of(t[0])} দাম {b.n('p', p, 'একটির দাম')} টাকা।")
        b.say(f"{A} {b.q('k', k, t, 'সংখ্যা')} কিনল।")
        b.ask("তাকে মোট কত টাকা দিতে হলো?"); v = 0
    else:
        b.say(f"{A} প্রতিটি {b.n('p', p, 'একটির দাম')} টাকা দরে {b.q('k', k, t, 'সংখ্যা')} কিনল।")
        b.ask("সে মোট কত টাকা খরচ করল?"); v = 1
    b.op("c", "mul", ["p", "k"], "মোট দাম")
    return b.done("c", p * k, f"price_total.{v}", qkind="item", thing=t, actor=(A, Ag), dims={"money"})

@family("price_change", "buying and getting change")
def _price_change(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); t = c.rng.choice(THINGS); p, k = c.fresh(5, 90), c.fresh(2, 10)
    m = min(x for x in (50, 100, 200, 500, 1000, 2000) if x > p * k)
    if c.rng.random() < 0.5:
        b.say(f"{A} দোকান থেকে প্রতিটি {b.n('p', p, 'একটির দাম')} টাকা দরে {b.q('k', k, t, 'সংখ্যা')} কিনল।")
        b.say(f"সে দোকানদারকে একটি {b.n('m', m, 'নোট')} টাকার নোট দিল।")
        b.ask("দোকানদার তাকে কত টাকা ফেরত দেবেন?"); v = 0
    else:
        b.say(f"{A} {b.q('k', k, t, 'সংখ্যা')} কিনল, প্রতিটির দাম {b.n('p', p, 'একটির দাম')} টাকা।")
        b.ask(f"{b.n('m', m, 'দেওয়া টাকা')} টাকা দিলে সে কত টাকা ফেরত পাবে?"); v = 1
    b.op("c", "mul", ["p", "k"], "মোট দাম"); b.op("r", "sub", ["m", "c"], "ফেরত")
    return b.done("r", m - p * k, f"price_change.{v}", qkind="item", thing=t, actor=(A, Ag), dims={"money"})

@family("rate_day", "a daily rate over several days")
def _rate_day(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); d = c.fresh(3, 30)
    if c.rng.random() < 0.5:
        r = c.fresh(10, 200, 5)
        b.say(f"{A} প্রতিদিন {b.n('r', r, 'দৈনিক সঞ্চয়')} টাকা করে জমায়।")
        b.ask(f"{b.n('d', d, 'দিন')} দিনে সে মোট কত টাকা জমাবে?"); v, q, t = 0, "money", None
    else:
        t = c.rng.choice(_MAKEABLE); r = c.fresh(5, 60)
        b.say(f"{Ag} কারখানায় প্রতিদিন {b.q('r', r, t, 'দৈনিক উৎপাদন')} তৈরি হয়।")
        b.ask(f"{b.n('d', d, 'দিন')} দিনে সেখানে কতগুলো {t[0]} তৈরি হবে?"); v, q = 1, "item"
    b.op("s", "mul", ["r", "d"], "মোট")
    return b.done("s", r * d, f"rate_day.{v}", qkind=q, thing=t, actor=(A, Ag), dims={"time"} | ({"money"} if q == "money" else set()))

@family("rate_hour", "per hour, hours a day, days")
def _rate_hour(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); r, h, d = c.fresh(5, 30), c.fresh(2, 6), c.fresh(3, 14)
    if c.rng.random() < 0.5:
        b.say(f"{A} ঘণ্টায় {b.n('r', r, 'ঘণ্টায় পৃষ্ঠা')} পৃষ্ঠা পড়ে।")
        b.say(f"সে প্রতিদিন {b.n('h', h, 'দৈনিক ঘণ্টা')} ঘণ্টা করে পড়ে।")
        b.ask(f"{b.n('d', d, 'দিন')} দিনে সে মোট কত পৃষ্ঠা পড়বে?"); v, q, t = 0, "pages", None
    else:
        t = c.rng.choice(_MAKEABLE)
        b.say(f"{A} ঘণ্টায় {b.q('r', r, t, 'ঘণ্টায় তৈরি')} বানাতে পারে।")
        b.say(f"সে দিনে {b.n('h', h, 'দৈনিক ঘণ্টা')} ঘণ্টা কাজ করে।")
        b.ask(f"{b.n('d', d, 'দিন')} দিনে সে কতগুলো {t[0]} বানাবে?"); v, q = 1, "item"
    b.op("s", "mul", ["r", "h", "d"], "মোট")
    return b.done("s", r * h * d, f"rate_hour.{v}", qkind=q, thing=t, actor=(A, Ag), dims={"time"})

@family("per_box", "boxes times items per box")
def _per_box(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); x, y = c.fresh(2, 20), c.fresh(4, 36)
    if c.rng.random() < 0.5:
        t = c.rng.choice([u for u in THINGS if u[2] in ("fruit", "sweet", "stationery", "toy")])
        b.say(f"{A} {b.q('x', x, _BOX, 'বাক্স')} কিনল।")
        b.say(f"প্রতিটি বাক্সে আছে {b.q('y', y, t, 'প্রতি বাক্সে')}।", glued=True)
        b.ask(f"সে মোট কতগুলো {t[0]} পেল?"); v = 0
    else:
        t = ("বই", "খানা", "stationery")
        b.say(f"{Ag} দোকানে {b.q('x', x, _SHELF, 'তাক')} আছে।")
        b.say(f"প্রতিটি তাকে {b.q('y', y, t, 'প্রতি তাকে')} সাজানো আছে।", glued=True)
        b.ask("দোকানে মোট কতগুলো বই আছে?"); v = 1
    b.op("s", "mul", ["x", "y"], f"মোট {t[0]}")
    return b.done("s", x * y, f"per_box.{v}", qkind="item", thing=t, actor=(A, Ag), dims=set())

@family("box_then_give", "packets times items, then some given away")
def _box_then_give(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); t = c.rng.choice([u for u in THINGS if u[2] in ("sweet", "toy", "stationery")])
    x, y = c.fresh(2, 12), c.fresh(5, 24); z = c.fresh(1, x * y - 1)
    b.say(f"{A} {b.q('x', x, _PACKET, 'প্যাকেট')} কিনল, প্রতিটি প্যাকেটে {b.q('y', y, t, 'প্রতি প্যাকেটে')}।")
    b.say(f"এর মধ্যে {b.q('z', z, t, 'দিয়ে দিল')} সে প্রতিবেশীদের দিয়ে দিল।", glued=True)
    b.ask(f"তার কাছে এখন কতগুলো {t[0]} আছে?")
    b.op("s", "mul", ["x", "y"], "মোট"); b.op("r", "sub", ["s", "z"], "বাকি")
    return b.done("r", x * y - z, "box_then_give.0", qkind="item", thing=t, actor=(A, Ag), dims=set())

@family("share_equal", "equal sharing")
def _share_equal(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); k, each = c.fresh(2, 9), c.fresh(2, 15)
    if c.rng.random() < 0.5:
        t = c.rng.choice(THINGS); a = k * each
        b.say(f"{A} {b.q('a', a, t, 'মোট')} তার {b.n('k', k, 'বন্ধু')} জন বন্ধুর মধ্যে সমানভাবে ভাগ করে দিল।")
        b.ask(f"প্রত্যেক বন্ধু কতগুলো করে {t[0]} পেল?"); v, q = 0, "item"
    else:
        t = None; each *= 50; a = k * each
        b.say(f"{A} তার দাদুর কাছ থেকে {b.n('a', a, 'মোট টাকা')} টাকা পেল।")
        b.say(f"সে টাকাটা নিজের {b.n('k', k, 'ভাইবোন')} জন ভাইবোনের মধ্যে সমান ভাগে ভাগ করে দিল।", glued=True)
        b.ask("প্রত্যেকে কত টাকা পেল?"); v, q = 1, "money"
    b.op("e", "div", ["a", "k"], "প্রত্যেকের ভাগ")
    return b.done("e", each, f"share_equal.{v}", qkind=q, thing=t, actor=(A, Ag), dims={"money"} if q == "money" else set())

@family("share_after_keep", "keep some, share the rest")
def _share_after_keep(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); k, each, keep = c.fresh(2, 8), c.fresh(2, 12), c.fresh(1, 10)
    a = k * each + keep
    if c.rng.random() < 0.5:
        t = c.rng.choice(THINGS)
        b.say(f"{Ag} কাছে {b.q('a', a, t, 'মোট')} ছিল।")
        b.say(f"নিজের জন্য {b.q('b', keep, t, 'নিজের জন্য')} রেখে বাকিগুলো সে {b.n('k', k, 'বন্ধু')} জন বন্ধুর মধ্যে সমানভাবে ভাগ করে দিল।")
        b.ask(f"প্রত্যেক বন্ধু কতগুলো করে {t[0]} পেল?"); v, lab = 0, "ভাগের জন্য"
    else:
        t = c.rng.choice(FRUITS)
        b.say(f"{A} বাজার থেকে {b.q('a', a, t, 'আনা হলো')} আনল, কিন্তু তার মধ্যে {b.q('b', keep, t, 'পচা')} পচা ছিল।")
        b.say(f"ভালোগুলো সে {b.q('k', k, _INTO_BOXES, 'বাক্স')} সমান ভাগে সাজিয়ে রাখল।", glued=True)
        b.ask(f"প্রতিটি বাক্সে কতগুলো {t[0]} রাখা হলো?"); v, lab = 1, "ভালো"
    b.op("r", "sub", ["a", "b"], lab); b.op("e", "div", ["r", "k"], "প্রত্যেক ভাগে")
    return b.done("e", each, f"share_after_keep.{v}", qkind="item", thing=t, actor=(A, Ag), dims=set())

@family("average", "mean of three or four values")
def _average(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); k = c.rng.choice((3, 4)); word = {3: "তিনটি", 4: "চারটি"}[k]
    marks = c.rng.random() < 0.5
    lo, hi = (40, 100) if marks else (2, 15)
    while True:
        vals = [c.rng.randint(lo, hi) for _ in range(k)]
        if sum(vals) % k == 0 and len(set(vals)) == k: break
    keys = "abcd"[:k]
    def lst(labels):
        parts = [b.n(keys[i], v, labels[i]) for i, v in enumerate(vals)]
        return ", ".join(parts[:-1]) + " ও " + parts[-1]
    if marks:
        b.say(f"{A} {word} পরীক্ষায় যথাক্রমে {lst(['প্রথম পরীক্ষা', 'দ্বিতীয় পরীক্ষা', 'তৃতীয় পরীক্ষা', 'চতুর্থ পরীক্ষা'])} নম্বর পেয়েছে।")
        b.ask("তার গড় নম্বর কত?"); v, q, dims = 0, "marks", {"marks"}
    else:
        days = {3: "তিন", 4: "চার"}[k]
        b.say(f"{A} সপ্তাহের {days} দিনে যথাক্রমে {lst(['প্রথম দিন', 'দ্বিতীয় দিন', 'তৃতীয় দিন', 'চতুর্থ দিন'])} কিলোমিটার হাঁটল।")
        b.ask("সে দিনে গড়ে কত কিলোমিটার হাঁটল?"); v, q, dims = 1, "km", {"distance", "time"}
    b.op("m", "mean", list(keys), "গড়")
    return b.done("m", sum(vals) // k, f"average.{v}", qkind=q, thing=None, actor=(A, Ag), dims=dims)

@family("percent_of", "a percentage of an amount")
def _percent_of(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); p = c.rng.choice((10, 20, 25, 30, 40, 50, 60, 75))
    if c.rng.random() < 0.5:
        step = 100 // math.gcd(100, p); n = step * c.rng.randint(max(1, 12 // step), max(2, 120 // step))
        b.say(f"{Ag} ক্লাসে {b.n('n', n, 'শিক্ষার্থী')} জন শিক্ষার্থী আছে।")
        b.say(f"তাদের মধ্যে {b.n('p', p, 'শতকরা হার')}{b.pct()} মেয়ে।", glued=True)
        b.ask("ক্লাসে কতজন মেয়ে শিক্ষার্থী আছে?"); v, q, dims = 0, "people", set()
    else:
        n = c.fresh(10, 60) * 500
        b.say(f"{Ag} মাসিক আয় {b.n('n', n, 'মাসিক আয়')} টাকা।")
        b.say(f"সে আয়ের {b.n('p', p, 'শতকরা হার')}{b.pct()} সঞ্চয় করে।")
        b.ask("সে মাসে কত টাকা সঞ্চয় করে?"); v, q, dims = 1, "money", {"money"}
    b.op("x", "mul", ["n", "p"], "গুণফল"); b.op("y", "div", ["x", "h"], "শতকরা অংশ")
    return b.done("y", n * p // 100, f"percent_of.{v}", qkind=q, thing=None, actor=(A, Ag), dims=dims | {"percent"})

@family("discount", "price after a percentage discount")
def _discount(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); item, (lo, hi) = c.rng.choice(ITEMS); P = c.fresh(max(2, lo // 100), max(3, hi // 100)) * 100
    d = c.rng.choice((5, 10, 15, 20, 25, 30, 40, 50)); fest = c.rng.choice(["ঈদ", "পূজা", "নববর্ষ"])
    b.op("x", "mul", ["P", "d"], "গুণফল"); b.op("y", "div", ["x", "h"], "ছাড়")
    if c.rng.random() < 0.6:
        b.say(f"একটি {gen_of(item)} দাম {b.n('P', P, 'আসল দাম')} টাকা।")
        b.say(f"{fest} উপলক্ষে দোকানে {b.n('d', d, 'ছাড়ের হার')}{b.pct()} ছাড় চলছে।")
        b.ask(f"ছাড়ের পর {item}টি কিনতে {A}কে কত টাকা দিতে হবে?")
        b.op("z", "sub", ["P", "y"], "ছাড়ের পর দাম")
        return b.done("z", P - P * d // 100, "discount.0", qkind="money", thing=None, actor=(A, Ag), dims={"money", "percent"})
    b.say(f"{fest} উপলক্ষে {A} {b.n('P', P, 'আসল দাম')} টাকা দামের একটি {item} কিনতে গিয়ে {b.n('d', d, 'ছাড়ের হার')}{b.pct()} ছাড় পেল।")
    b.ask("সে কত টাকা ছাড় পেল?")
    return b.done("y", P * d // 100, "discount.1", qkind="money", thing=None, actor=(A, Ag), dims={"money", "percent"})

@family("profit", "profit on items bought and sold")
def _profit(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name()
    if c.rng.random() < 0.6:
        t = c.rng.choice(THINGS); cost = c.fresh(5, 80); s = cost + c.fresh(1, 30); k = c.fresh(5, 40)
        b.say(f"{A} প্রতিটি {b.n('c', cost, 'কেনা দাম')} টাকা দরে {b.q('k', k, t, 'সংখ্যা')} কিনল।")
        b.say(f"পরে সে প্রতিটি {b.n('s', s, 'বিক্রি দাম')} টাকা দরে সবগুলো বিক্রি করল।", glued=True)
        b.ask("তার মোট লাভ কত টাকা হলো?")
        b.op("u", "sub", ["s", "c"], "একটিতে লাভ"); b.op("v", "mul", ["u", "k"], "মোট লাভ")
        return b.done("v", (s - cost) * k, "profit.0", qkind="item", thing=t, actor=(A, Ag), dims={"money"})
    item, (lo, hi) = c.rng.choice(ITEMS); cost = c.fresh(lo, hi, 10); r = c.fresh(20, 300, 10); s = cost + r + c.fresh(5, 60) * 10
    b.say(f"{A} {b.n('c', cost, 'কেনা দাম')} টাকায় একটি পুরোনো {item} কিনে মেরামতে খরচ করল {b.n('r', r, 'মেরামত')} টাকা।")
    b.say(f"পরে সে {item}টি {b.n('s', s, 'বিক্রি দাম')} টাকায় বিক্রি করল।", glued=True)
    b.ask("এতে তার কত টাকা লাভ হলো?")
    b.op("u", "add", ["c", "r"], "মোট খরচ"); b.op("v", "sub", ["s", "u"], "লাভ")
    return b.done("v", s - cost - r, "profit.1", qkind="money", thing=None, actor=(A, Ag), dims={"money"})

@family("chain_compare", "times as many, fewer than, total of three")
def _chain_compare(c: Ctx) -> Builder:
    b = Builder(c); (A, Ag), (B, Bg), (C, Cg) = c.name(), c.name(), c.name(); t = c.rng.choice(THINGS)
    a, k = c.fresh(2, 15), c.fresh(2, 5); m = c.fresh(1, a * k - 1)
    b.say(f"{Ag} কাছে {b.q('a', a, t, f'{Ag} {t[0]}')} আছে।")
    b.say(f"{Bg} কাছে আছে {Ag} {b.n('k', k, 'গুণ')} গুণ {t[0]}।")
    b.say(f"{Cg} কাছে {Bg} চেয়ে {b.q('m', m, t, 'কম')} কম আছে।")
    b.ask(f"তিনজনের কাছে মোট কতগুলো {t[0]} আছে?")
    b.op("bq", "mul", ["a", "k"], f"{Bg} {t[0]}"); b.op("cq", "sub", ["bq", "m"], f"{Cg} {t[0]}")
    b.op("s", "add", ["a", "bq", "cq"], "মোট")
    return b.done("s", a + a * k + a * k - m, "chain_compare.0", qkind="item", thing=t, actor=(A, Ag), dims=set())

@family("travel", "distance left after driving at a speed")
def _travel(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); v, h = c.fresh(10, 60), c.fresh(2, 6); D = v * h + c.fresh(5, 200)
    if c.rng.random() < 0.5:
        veh = c.rng.choice(["সাইকেল", "মোটরসাইকেল", "গাড়ি"])
        b.say(f"{A} মোট {b.n('D', D, 'মোট পথ')} কিলোমিটার পথ যাবে।")
        b.say(f"সে ঘণ্টায় {b.n('v', v, 'গতিবেগ')} কিলোমিটার বেগে {b.n('t', h, 'সময়')} ঘণ্টা {veh} চালাল।")
        b.ask("তার আর কত কিলোমিটার পথ বাকি?"); k = 0
    else:
        b.say(f"{Ag} গ্রাম থেকে শহর {b.n('D', D, 'মোট পথ')} কিলোমিটার দূরে।")
        b.say(f"সে এমন একটি বাসে উঠল, যা ঘণ্টায় {b.n('v', v, 'গতিবেগ')} কিলোমিটার বেগে চলে।")
        b.ask(f"{b.n('t', h, 'সময়')} ঘণ্টা পর শহরে পৌঁছাতে তার আর কত কিলোমিটার পথ বাকি থাকবে?"); k = 1
    b.op("g", "mul", ["v", "t"], "যাওয়া পথ"); b.op("r", "sub", ["D", "g"], "বাকি পথ")
    return b.done("r", D - v * h, f"travel.{k}", qkind="km", thing=None, actor=(A, Ag), dims={"distance", "time"})

@family("savings_goal", "weeks of saving to reach a price")
def _savings_goal(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); item, _ = c.rng.choice(ITEMS); r, w = c.fresh(2, 20) * 10, c.fresh(2, 12); s = c.fresh(1, 30) * 10
    P = s + r * w
    if c.rng.random() < 0.5:
        b.say(f"{A} {b.n('P', P, 'দাম')} টাকা দামের একটি {item} কিনতে চায়।")
        b.say(f"তার কাছে এখন {b.n('s', s, 'জমানো টাকা')} টাকা আছে।")
        b.say(f"সে প্রতি সপ্তাহে {b.n('r', r, 'সাপ্তাহিক সঞ্চয়')} টাকা করে জমায়।")
        b.ask(f"{item}টি কিনতে তার আর কত সপ্তাহ লাগবে?"); v, unit = 0, "সপ্তাহ"
    else:
        b.say(f"{A} একটি {item} কিনবে, যার দাম {b.n('P', P, 'দাম')} টাকা।")
        b.say(f"এর মধ্যে সে {b.n('s', s, 'জমানো টাকা')} টাকা জমিয়েছে, আর এখন থেকে প্রতিদিন {b.n('r', r, 'দৈনিক সঞ্চয়')} টাকা করে জমাবে।", glued=True)
        b.ask(f"আর কত দিন পর সে {item}টি কিনতে পারবে?"); v, unit = 1, "দিন"
    b.op("x", "sub", ["P", "s"], "আরও দরকার"); b.op("y", "div", ["x", "r"], unit)
    return b.done("y", w, f"savings_goal.{v}", qkind="money", thing=None, actor=(A, Ag), dims={"money", "time"})

@family("recipe", "ingredients needed minus what is at home")
def _recipe(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); e, k = c.fresh(2, 6), c.fresh(2, 8); h = c.fresh(1, e * k - 1)
    b.say(f"একটি কেক বানাতে {b.q('e', e, _EGG, 'একটি কেকে ডিম')} লাগে।")
    b.say(f"{A} {b.q('k', k, _CAKE, 'কেক')} বানাতে চায়, আর তার কাছে আছে {b.q('h', h, _EGG, 'ঘরে আছে')}।")
    b.ask("তাকে আর কতগুলো ডিম কিনতে হবে?")
    b.op("x", "mul", ["e", "k"], "মোট ডিম দরকার"); b.op("y", "sub", ["x", "h"], "কিনতে হবে")
    return b.done("y", e * k - h, "recipe.0", qkind="item", thing=_EGG, actor=(A, Ag), dims=set())

@family("weekly_wage", "days × hours × hourly pay")
def _weekly_wage(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); d, h, w = c.fresh(3, 6), c.fresh(2, 9), c.fresh(5, 40) * 10
    if c.rng.random() < 0.5:
        b.say(f"{A} সপ্তাহে {b.n('d', d, 'কাজের দিন')} দিন কাজ করে, আর প্রতিদিন কাজ করে {b.n('h', h, 'দৈনিক ঘণ্টা')} ঘণ্টা।")
        b.say(f"প্রতি ঘণ্টার জন্য সে {b.n('w', w, 'ঘণ্টাপ্রতি মজুরি')} টাকা পায়।")
        b.ask("এক সপ্তাহে সে কত টাকা আয় করে?"); v = 0
    else:
        b.say(f"{A} একটি দোকানে ঘণ্টায় {b.n('w', w, 'ঘণ্টাপ্রতি মজুরি')} টাকা মজুরিতে কাজ করে।")
        b.say(f"গত মাসে সে {b.n('d', d, 'কাজের দিন')} দিন কাজ করেছে, প্রতিদিন {b.n('h', h, 'দৈনিক ঘণ্টা')} ঘণ্টা করে।")
        b.ask("গত মাসে সে মোট কত টাকা মজুরি পেয়েছে?"); v = 1
    b.op("s", "mul", ["d", "h", "w"], "মোট আয়")
    return b.done("s", d * h * w, f"weekly_wage.{v}", qkind="hours", thing=None, actor=(A, Ag), dims={"money", "time"})

_GROCERIES = [(("চাল", 50, 90), ("ডাল", 90, 140)), (("আলু", 20, 50), ("পেঁয়াজ", 40, 120)), (("চিনি", 100, 140), ("আটা", 45, 70))]

@family("two_purchases", "two goods by the kilo, maybe with change")
def _two_purchases(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); (g1, l1, h1), (g2, l2, h2) = c.rng.choice(_GROCERIES)
    p, q, k, m = c.fresh(l1, h1), c.fresh(l2, h2), c.fresh(2, 10), c.fresh(1, 5)
    b.say(f"বাজারে এক কেজি {gen_of(g1)} দাম {b.n('p', p, f'{g1} (কেজি)')} টাকা এবং এক কেজি {gen_of(g2)} দাম {b.n('q', q, f'{g2} (কেজি)')} টাকা।")
    b.say(f"{A} {b.n('k', k, f'{g1} কেজি')} কেজি {g1} ও {b.n('m', m, f'{g2} কেজি')} কেজি {g2} কিনল।")
    b.op("x", "mul", ["p", "k"], f"{g1} খরচ"); b.op("y", "mul", ["q", "m"], f"{g2} খরচ"); b.op("s", "add", ["x", "y"], "মোট খরচ")
    cost = p * k + q * m
    if c.rng.random() < 0.5:
        b.ask("সে মোট কত টাকা খরচ করল?")
        return b.done("s", cost, "two_purchases.0", qkind="money", thing=None, actor=(A, Ag), dims={"money", "weight"})
    note = min(x for x in (500, 1000, 2000, 5000) if x > cost)
    b.say(f"সে দোকানদারকে {b.n('n', note, 'দেওয়া টাকা')} টাকা দিল।")
    b.ask("দোকানদার তাকে কত টাকা ফেরত দেবেন?")
    b.op("r", "sub", ["n", "s"], "ফেরত")
    return b.done("r", note - cost, "two_purchases.1", qkind="money", thing=None, actor=(A, Ag), dims={"money", "weight"})

@family("pages_left", "pages still to read")
def _pages_left(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); x, y = c.fresh(10, 60), c.fresh(10, 60); P = x + y + c.fresh(10, 250)
    if c.rng.random() < 0.5:
        b.say(f"একটি বইয়ে {b.n('P', P, 'মোট পৃষ্ঠা')} পৃষ্ঠা আছে।")
        b.say(f"{A} প্রথম দিন {b.n('a', x, 'প্রথম দিন')} পৃষ্ঠা এবং দ্বিতীয় দিন {b.n('b', y, 'দ্বিতীয় দিন')} পৃষ্ঠা পড়ল।")
        b.ask("বইটির আর কত পৃষ্ঠা পড়া বাকি?"); v = 0
    else:
        b.say(f"{A} {b.n('P', P, 'মোট পৃষ্ঠা')} পৃষ্ঠার একটি গল্পের বই পড়া শুরু করল।")
        b.say(f"সকালে সে পড়ল {b.n('a', x, 'সকালে')} পৃষ্ঠা, আর রাতে পড়ল {b.n('b', y, 'রাতে')} পৃষ্ঠা।")
        b.ask("বইটি শেষ করতে তাকে আর কত পৃষ্ঠা পড়তে হবে?"); v = 1
    b.op("s", "add", ["a", "b"], "পড়া হয়েছে"); b.op("r", "sub", ["P", "s"], "বাকি পৃষ্ঠা")
    return b.done("r", P - x - y, f"pages_left.{v}", qkind="pages", thing=None, actor=(A, Ag), dims=set())

@family("empty_seats", "rows × seats minus guests")
def _empty_seats(c: Ctx) -> Builder:
    b = Builder(c); A, Ag = c.name(); r, s = c.fresh(3, 15), c.fresh(5, 20); g = c.fresh(1, r * s - 1)
    b.say(f"{Ag} স্কুলের হলঘরে {b.q('r', r, _ROW, 'সারি')} {b.q('s', s, _CHAIR, 'প্রতি সারিতে')} করে আছে।")
    b.say(f"অনুষ্ঠানে {b.n('g', g, 'অতিথি')} জন অতিথি এসে একটি করে চেয়ারে বসলেন।")
    b.ask("কতগুলো চেয়ার খালি রইল?")
    b.op("x", "mul", ["r", "s"], "মোট চেয়ার"); b.op("y", "sub", ["x", "g"], "খালি চেয়ার")
    return b.done("y", r * s - g, "empty_seats.0", qkind="seats", thing=_CHAIR, actor=(A, Ag), dims=set())

# %% ../nbs/01_data.ipynb #70adf692
DISTRACTOR_TYPES = ("RED", "OAD", "NEED")
DISTRACTORS: dict[str, list[Callable]] = {k: [] for k in DISTRACTOR_TYPES}

def distractor(kind: str):
    "Register a distractor writer `f(ctx, meta) -> (sentence, value, label) | None` of `kind`."
    def deco(f): DISTRACTORS[kind].append(f); return f
    return deco

# RED: the problem's own kind of quantity, about another person or another time
_RED_TEXT = {
    "item":   [lambda O, Og, A, Ag, q: (f"{Og} কাছে আছে {q}।", f"{Og} (অপ্রাসঙ্গিক)"),
               lambda O, Og, A, Ag, q: (f"গত সপ্তাহে {Ag} চাচাতো ভাই {q} কিনেছিল।", "চাচাতো ভাইয়ের"),
               lambda O, Og, A, Ag, q: (f"পাশের বাড়ির {O} পেয়েছে {q}।", f"{Og}")],
    "money":  [lambda O, Og, A, Ag, q: (f"{Og} কাছে আছে {q} টাকা।", f"{Og} টাকা"),
               lambda O, Og, A, Ag, q: (f"{Ag} বড় ভাই প্রতি মাসে {q} টাকা জমায়।", "ভাইয়ের সঞ্চয়")],
    "pages":  [lambda O, Og, A, Ag, q: (f"{Ag} বন্ধু {O} গতকাল {q} পৃষ্ঠা পড়েছে।", f"{Og} পৃষ্ঠা")],
    "km":     [lambda O, Og, A, Ag, q: (f"{O} গতকাল {q} কিলোমিটার পথ গিয়েছিল।", f"{Og} পথ")],
    "marks":  [lambda O, Og, A, Ag, q: (f"{Ag} বন্ধু {O} একটি পরীক্ষায় পেয়েছে {q} নম্বর।", f"{Og} নম্বর")],
    "people": [lambda O, Og, A, Ag, q: (f"পাশের ক্লাসে আছে {q} জন শিক্ষার্থী।", "পাশের ক্লাস")],
    "hours":  [lambda O, Og, A, Ag, q: (f"{Ag} বন্ধু {O} প্রতিদিন {q} ঘণ্টা কাজ করে।", f"{Og} ঘণ্টা")],
    "seats":  [lambda O, Og, A, Ag, q: (f"পাশের হলঘরে আছে {q} চেয়ার।", "পাশের হলঘর")],
}
# (low, high, step) of a distractor number for each kind of quantity
_RANGE = {"item": (2, 40, 1), "money": (20, 900, 10), "pages": (5, 80, 1), "km": (2, 60, 1), "marks": (30, 99, 1),
          "people": (10, 60, 1), "hours": (2, 10, 1), "seats": (10, 80, 1)}

def _pick(c: Ctx, options: list):
    "A template not yet used in this problem, or None."
    free = [f for f in options if f not in c.used_tpl]
    if not free: return None
    f = c.rng.choice(free); c.used_tpl.add(f); return f

def _amount(c: Ctx, m: dict):
    "A fresh distractor number of the problem's kind of quantity, written as the text would write it."
    kind = m["qkind"]; v = c.fresh(*_RANGE[kind])
    return v, (c.qty(v, m["thing"]) if kind == "item" else f"{c.num(v)}{c.cls('টি')}" if kind == "seats" else c.num(v))

@distractor("RED")
def _red(c: Ctx, m: dict):
    if m["qkind"] == "item" and not m.get("thing"): return None
    f = _pick(c, _RED_TEXT[m["qkind"]])
    if f is None: return None
    (A, Ag), (O, Og) = m["actor"], c.name()
    v, q = _amount(c, m)
    text, label = f(O, Og, A, Ag, q)
    return text, v, label

@distractor("OAD")
def _oad_age(c, m):
    (A, Ag), v = m["actor"], c.fresh(8, 60)
    return f"{Ag} বয়স {c.num(v)} বছর।", v, "বয়স"

@distractor("OAD")
def _oad_minutes(c, m):
    if "time" in m["dims"]: return None
    (A, Ag), v = m["actor"], c.fresh(5, 45)
    return f"বাজারে যেতে {Ag} {c.num(v)} মিনিট লাগে।", v, "সময় (মিনিট)"

@distractor("OAD")
def _oad_distance(c, m):
    if "distance" in m["dims"]: return None
    (A, Ag), v = m["actor"], c.fresh(2, 15)
    return f"{Ag} বাড়ি থেকে বাজার {c.num(v)} কিলোমিটার দূরে।", v, "দূরত্ব"

@distractor("OAD")
def _oad_weight(c, m):
    t = m.get("thing")
    if "weight" in m["dims"] or not t or t[2] not in ("fruit", "food", "sweet"): return None
    v = c.fresh(20, 300, 10)
    return f"প্রতিটি {gen_of(t[0])} ওজন প্রায় {c.num(v)} গ্রাম।", v, "ওজন (গ্রাম)"

@distractor("OAD")
def _oad_price(c, m):
    t = m.get("thing")
    if "money" in m["dims"] or not t or m["qkind"] != "item": return None
    v = c.fresh(5, 60)
    return f"প্রতিটি {gen_of(t[0])} দাম {c.num(v)} টাকা।", v, "দাম"

@distractor("OAD")
def _oad_temperature(c, m):
    v = c.fresh(14, 38)
    return f"সেদিন তাপমাত্রা ছিল {c.num(v)} ডিগ্রি সেলসিয়াস।", v, "তাপমাত্রা"

@distractor("OAD")
def _oad_clock(c, m):
    if "time" in m["dims"]: return None
    (A, Ag), v = m["actor"], c.fresh(7, 11)
    return f"{A} সেদিন সকাল {c.num(v)}টায় ঘুম থেকে উঠেছিল।", v, "ঘুম থেকে ওঠার সময়"

# NEED: planned, offered, lost-and-found: nothing changes in the end
_NEED_TEXT = {
    "item":   [lambda O, A, q: (f"{A} আরও {q} কেনার কথা ভেবেছিল, কিন্তু পরে সেই ইচ্ছা বাদ দিল।", "না-কেনা"),
               lambda O, A, q: (f"{O} {A}কে {q} দিতে চেয়েছিল, কিন্তু {A} তা নেয়নি।", "না-নেওয়া"),
               lambda O, A, q: (f"{O}ও {q} কিনতে চেয়েছিল, কিন্তু দোকানে আর ছিল না।", "না-কেনা")],
    "money":  [lambda O, A, q: (f"{A} {q} টাকা ধার নেওয়ার কথা ভেবেছিল, কিন্তু শেষ পর্যন্ত নেয়নি।", "না-নেওয়া ধার"),
               lambda O, A, q: (f"{O} {A}কে {q} টাকা দিতে চাইল, কিন্তু {A} রাজি হলো না।", "ফেরানো টাকা")],
    "pages":  [lambda O, A, q: (f"{A} একদিন আরও {q} পৃষ্ঠা পড়ার পরিকল্পনা করেছিল, কিন্তু তা আর হয়নি।", "বাতিল পরিকল্পনা")],
    "km":     [lambda O, A, q: (f"{A} {q} কিলোমিটার ঘুরপথে যাওয়ার কথা ভেবেছিল, কিন্তু সোজা পথেই গেল।", "বাতিল ঘুরপথ")],
    "marks":  [lambda O, A, q: (f"{A} আরেকটি {q} নম্বরের পরীক্ষায় বসার কথা ভেবেছিল, কিন্তু শেষে বসেনি।", "না-দেওয়া পরীক্ষা")],
    "people": [lambda O, A, q: (f"আরও {q} জনের ভর্তি হওয়ার কথা ছিল, কিন্তু তারা ভর্তি হয়নি।", "না-আসা")],
    "hours":  [lambda O, A, q: (f"{A} একদিন {q} ঘণ্টা বেশি কাজ করতে চেয়েছিল, কিন্তু ছুটি থাকায় তা হয়নি।", "বাতিল ঘণ্টা")],
    "seats":  [lambda O, A, q: (f"আরও {q} চেয়ার আনার কথা ছিল, কিন্তু শেষে আনা হয়নি।", "না-আনা চেয়ার")],
}

@distractor("NEED")
def _need(c: Ctx, m: dict):
    if m["qkind"] == "item" and not m.get("thing"): return None
    f = _pick(c, _NEED_TEXT[m["qkind"]])
    if f is None: return None
    (A, _), (O, _) = m["actor"], c.name()
    v, q = _amount(c, m)
    text, label = f(O, A, q)
    return text, v, label

# %% ../nbs/01_data.ipynb #02d262cc
MAX_NODES = 12

def _graph(sentences: list[Sentence], b: Builder) -> dict:
    ids, nodes = {}, []
    for s in sentences:
        for key, v, label in s.consts:
            ids[key] = f"n{len(ids) + 1}"
            nodes.append({"id": ids[key], "op": "const", "val": v, "distractor": s.distractor is not None, "label": label})
    for key, op, args, label in b.ops:
        ids[key] = f"n{len(ids) + 1}"
        nodes.append({"id": ids[key], "op": op, "args": [ids[a] for a in args], "distractor": False, "label": label})
    nodes.append({"id": "final_result", "op": "identity", "args": [ids[b.final_key]], "distractor": False, "label": "উত্তর"})
    return {"nodes": nodes}

_PRONOUNS = {"সে": "{A}", "তার": "{Ag}", "তাকে": "{A}কে"}

def _name_after_distractors(sentences: list[Sentence], actor) -> list[Sentence]:
    "In the sentence after an inserted one, the first pronoun (`সে`, `তার`, `তাকে`) becomes the actor's name."
    A, Ag = actor; out = []
    for i, s in enumerate(sentences):
        if i and sentences[i - 1].distractor and not s.distractor:
            words = s.text.split(" ")
            j = next((j for j, w in enumerate(words) if w in _PRONOUNS), None)
            if j is not None:
                words[j] = _PRONOUNS[words[j]].format(A=A, Ag=Ag)
                s = Sentence(" ".join(words), s.consts, s.distractor, s.glued)
        out.append(s)
    return out

def _text(sentences: list[Sentence]) -> str: return " ".join(s.text for s in sentences)

def make_problem(fam: str, rng: random.Random, n_distractors: int = 0, digits: str = "mixed", kinds: list[str] | None = None) -> dict:
    "One record of family `fam` with (up to) `n_distractors` distractor sentences (of `kinds`, if given), drawn from `rng`."
    if fam not in FAMILIES: raise ValueError(f"unknown family {fam!r}; choose from {sorted(FAMILIES)}")
    if kinds is not None:
        if bad := [k for k in kinds if k not in DISTRACTOR_TYPES]: raise ValueError(f"unknown distractor kinds {bad}; use {DISTRACTOR_TYPES}")
        n_distractors = len(kinds)
    ctx = Ctx(rng, digits)
    b = FAMILIES[fam](ctx)
    base = sum(len(s.consts) for s in b.body + [b.question]) + len(b.ops) + 1
    n_distractors = max(0, min(n_distractors, MAX_NODES - base))
    body, added, types, used = list(b.body), [], [], set()
    for i in range(n_distractors):
        first = [kinds[i]] if kinds else [rng.choice(DISTRACTOR_TYPES)]
        for kind in first + ([] if kinds else rng.sample(DISTRACTOR_TYPES, 3)):
            writers = [w for w in DISTRACTORS[kind] if w not in used or kind != "OAD"]
            rng.shuffle(writers)
            out = next((o for w in writers if (o := w(ctx, b.meta)) is not None and (used.add(w) or True)), None)
            if out: break
        if not out: break
        text, v, label = out
        slots = [j for j in range(1, len(body) + 1) if j == len(body) or not body[j].glued]
        body.insert(rng.choice(slots), Sentence(text, [(f"z{i}", v, label)], distractor=kind))
        added.append(text); types.append(kind)
    clean, full = b.body + [b.question], _name_after_distractors(body + [b.question], b.meta["actor"])
    kinds = list(dict.fromkeys(types))
    return {"question": _text(full), "answer": float(b.answer), "source": "synth",
            "original_question": _text(clean), "distractor_type": "+".join(kinds) if kinds else None,
            "added_sentences": added, "graph": json.dumps(_graph(full, b), ensure_ascii=False),
            "clean_question": _text(clean), "template": b.template, "family": fam,
            "n_distractors": len(added), "distractor_types": types}

# %% ../nbs/01_data.ipynb #fff14646
_NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_LATIN_RE = re.compile(r"[A-Za-z]")

def numbers_in(text: str) -> list[float]:
    "Every number written in `text`, in ASCII or Bangla digits, with or without thousands commas."
    return [float(m.replace(",", "")) for m in _NUM_RE.findall(to_ascii_digits(text))]

def strip_distractors(graph: str | dict) -> dict:
    "The graph without its nodes flagged `distractor: true` (the graph of the clean twin)."
    g = json.loads(graph) if isinstance(graph, str) else graph
    return {"nodes": [n for n in g["nodes"] if not n.get("distractor")]}

def check_record(rec: dict, rel_tol: float = 1e-9) -> list[str]:
    "The invariants `rec` breaks (an empty list when it is a good training record)."
    from dagger_nb.executor import run
    problems, g = [], json.loads(rec["graph"])
    res = run(g, strict=True)
    if not res.ok: problems.append(f"gold graph fails at {res.stage}: {res.error}")
    elif not math.isclose(res.value, rec["answer"], rel_tol=rel_tol): problems.append(f"graph gives {res.value}, answer is {rec['answer']}")
    if res.graph is not None and res.distractors != res.claimed:
        problems.append(f"derived distractors {res.distractors} != flagged {res.claimed}")
    clean = run(strip_distractors(g), strict=True)
    if not clean.ok or not math.isclose(clean.value, rec["answer"], rel_tol=rel_tol): problems.append(f"clean twin gives {clean.value}, not {rec['answer']}")
    consts = [float(n["val"]) for n in g["nodes"] if n["op"] == "const"]
    written = set(numbers_in(rec["question"])) | ({100.0} if "%" in rec["question"] else set())
    if missing := [v for v in consts if v not in written]: problems.append(f"consts {missing} are not written in the question")
    if extra := [v for v in numbers_in(rec["question"]) if v not in consts]: problems.append(f"numbers {extra} of the question have no const node")
    if extra := [v for v in numbers_in(rec["clean_question"]) if v not in consts]: problems.append(f"numbers {extra} of the clean question have no const node")
    for key in ("question", "clean_question"):
        if _LATIN_RE.search(rec[key]): problems.append(f"Latin letters in {key}: {_LATIN_RE.findall(rec[key])[:5]}")
    for n in g["nodes"]:
        if _LATIN_RE.search(n.get("label", "")): problems.append(f"Latin letters in the label of {n['id']}")
    return problems

# %% ../nbs/01_data.ipynb #c6ab7312
from .data import COMMON_FEATURES
SYNTH_FEATURES = datasets.Features({**COMMON_FEATURES, "clean_question": datasets.Value("string"),
    "template": datasets.Value("string"), "family": datasets.Value("string"),
    "n_distractors": datasets.Value("int32"), "distractor_types": datasets.Sequence(datasets.Value("string"))})

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

def generate_records(n: int, seed: int = 0, distractors=(0, 3), digits: str = "mixed", families=None,
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

def generate(n: int, seed: int = 0, distractors=(0, 3), digits: str = "mixed", families=None,
             validate: bool = True, progress: bool | None = None) -> datasets.Dataset:
    "`n` synthetic Bangla problems with gold graphs: `distractors` per problem (a count or a range), `digits` ascii/bangla/mixed."
    return datasets.Dataset.from_list(generate_records(n, seed, distractors, digits, families, validate, progress), features=SYNTH_FEATURES)

# %% ../nbs/01_data.ipynb #ed5d3c1f
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
__all__ = ['LORA_TARGETS', 'CPU_FAMILIES', 'PRESETS', 'GPU_PRESET_NEEDS', 'SettingError', 'Preset', 'get_preset', 'check_families', 'setting_types', 'preset_settings', 'gpu_info', 'notebook_preset']

# %% ../nbs/05_models.ipynb #e9dab4b7
import dataclasses, os, typing
from dataclasses import dataclass, field

class SettingError(ValueError):
    "A preset or lab setting with a value it cannot take; `name` and `value` say which, the message says what would work."
    def __init__(self, name: str, value, message: str):
        super().__init__(message); self.name, self.value = name, value

def _base_type(t):
    "`int` for `int`, `tuple` for `tuple | None`: the type a setting's value has when it is set."
    args = [a for a in getattr(t, "__args__", ()) if a is not type(None)]
    return args[0] if args else t

def _coerce(name: str, value, types: dict):
    "`value` in the type of setting `name` (`types`: the declared ones; 1 -> 1.0 for a float, a list -> a tuple); SettingError when it cannot be."
    hint = types[name]
    t = _base_type(hint)
    if value is None: return value if type(None) in getattr(hint, "__args__", ()) else _bad(name, value, _KINDS.get(t, t.__name__))
    if t is float and isinstance(value, int) and not isinstance(value, bool): return float(value)
    if t is tuple and isinstance(value, (list, tuple)): return tuple(value)
    if t is tuple and name == "distractors" and isinstance(value, int): return (value, value)
    if t is int and isinstance(value, float) and value.is_integer(): return int(value)
    if not isinstance(value, t) or (t is int and isinstance(value, bool)): _bad(name, value, _KINDS.get(t, t.__name__))
    return value

def _field_types() -> dict:
    "Each Preset field's declared type, as a type (also where annotations are strings)."
    return typing.get_type_hints(Preset)

_KINDS = {int: "a whole number", float: "a number", bool: "true or false", str: "text", tuple: "a list"}

def _bad(name, value, what):
    raise SettingError(name, value, f"{name}={value!r}: must be {what}")

# %% ../nbs/05_models.ipynb #0685a0cc
_AT_LEAST_1 = ("n_train", "sft_batch_size", "sft_grad_accum", "grpo_max_steps", "grpo_batch_size", "grpo_grad_accum",
               "max_completion_length", "logging_steps", "save_steps", "n_eval", "eval_batch_size")
_NOT_NEGATIVE = ("seed", "lora_r", "sft_min_lr", "sft_weight_decay", "sft_warmup_steps", "grpo_min_lr", "top_k", "beta",
                 "grpo_warmup_steps", "grpo_weight_decay")
_POSITIVE = ("lora_alpha", "sft_epochs", "sft_lr", "grpo_lr", "temperature", "epsilon", "epsilon_high")
_CHOICES = {"backend": ("auto", "unsloth", "transformers"), "prompt_style": ("compact", "paper", "system", "fewshot"),
            "loss_type": ("grpo", "bnpo", "dr_grpo", "dapo", "cispo", "sapo", "luspo", "vespo"), "reward": ("paper", "grounded", "readable"),
            "precision": ("auto", "bf16", "fp16", "fp32")}

def _validate(p) -> None:
    "Refuse settings no run can use, naming the setting and what it must be (before anything is created)."
    for n in _AT_LEAST_1:
        if getattr(p, n) < 1: _bad(n, getattr(p, n), "at least 1")
    for n in _NOT_NEGATIVE:
        if getattr(p, n) < 0: _bad(n, getattr(p, n), "0 or more")
    for n in _POSITIVE:
        if not getattr(p, n) > 0: _bad(n, getattr(p, n), "more than 0")
    for n, ok in _CHOICES.items():
        if getattr(p, n) not in ok: _bad(n, getattr(p, n), f"one of {', '.join(ok)}")
    if p.sft_max_steps == 0 or p.sft_max_steps < -1: _bad("sft_max_steps", p.sft_max_steps, "-1 (train sft_epochs epochs) or at least 1")
    if not 0 <= p.lora_dropout < 1: _bad("lora_dropout", p.lora_dropout, "in [0, 1)")
    if not 0 < p.top_p <= 1: _bad("top_p", p.top_p, "in (0, 1]")
    for n in ("max_seq_length", "sft_max_length"):
        if getattr(p, n) < 32: _bad(n, getattr(p, n), "at least 32 tokens")
    if not 1 <= p.eval_max_new_tokens <= 8192: _bad("eval_max_new_tokens", p.eval_max_new_tokens, "in 1..8192")
    if len(p.distractors) != 2 or not 0 <= p.distractors[0] <= p.distractors[1] <= 5:
        _bad("distractors", p.distractors, "a count or a MIN,MAX range within 0..5")
    if p.families is not None and (not p.families or not all(isinstance(f, str) and f for f in p.families)):
        _bad("families", p.families, "a list of family names (or None for all)")
    if p.num_generations < 2: _bad("num_generations", p.num_generations, "at least 2 (GRPO compares completions within a group)")
    if p.prompt_style == "fewshot" and (p.graph_labels or not p.graph_tight):   # its examples and its opening are tight, label-free
        _bad("prompt_style", p.prompt_style, "used with graph_labels=False and graph_tight=True (the fewshot answers are written that way)")
    spg = p.grpo_steps_per_generation or p.grpo_grad_accum
    if spg < 1: _bad("grpo_steps_per_generation", spg, "at least 1 (or None)")
    if (p.grpo_batch_size * spg) % p.num_generations:
        _bad("num_generations", p.num_generations, f"a divisor of grpo_batch_size × grpo_steps_per_generation = "
             f"{p.grpo_batch_size * spg} (each prompt's completions are generated as one group)")

# %% ../nbs/05_models.ipynb #94dd4063
LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
# The synthetic families the `cpu` lab trains and tests on: eight of the simpler families (one to four steps) a 270M model
# can learn in a few minutes of CPU time. `families=None` draws from all of them (see notebook 01).
CPU_FAMILIES = ("total_two", "total_three", "difference", "remain_give", "price_total", "share_equal", "average", "rate_hour")

@dataclass(frozen=True)
class Preset:
    "Every setting of one run: model, data sizes, LoRA, SFT, GRPO and evaluation."
    name: str
    model: str = "gemma-3-270m"      # a `load_model` name: "tiny", "gemma-3-270m", a hub id or a local path
    backend: str = "auto"            # "auto" | "unsloth" | "transformers"
    load_in_4bit: bool = False
    trim_vocab: bool = False         # keep only the tokens the data and prompts use (CPU speed-up)
    max_seq_length: int = 1024
    prompt_style: str = "compact"    # "compact" | "paper" | "system"
    graph_labels: bool = True        # keep node labels in SFT targets (False: shorter answers, faster on CPU)
    graph_tight: bool = False        # no spaces inside the nodes of SFT targets (True: ~25% shorter answers, faster on CPU)
    seed: int = 0
    # data
    n_train: int = 256               # synthetic training problems
    distractors: tuple = (0, 3)      # distractor sentences per synthetic problem (min, max)
    families: tuple | None = None    # synthetic problem families to draw from (None: all)
    # LoRA
    lora_r: int = 16                 # 0 = full fine-tuning
    lora_alpha: int = 32
    lora_dropout: float = 0.0
    lora_targets: tuple = LORA_TARGETS
    # SFT
    sft_epochs: float = 1.0
    sft_max_steps: int = -1          # > 0 overrides sft_epochs
    sft_lr: float = 2e-4
    sft_min_lr: float = 0.0
    sft_batch_size: int = 8
    sft_grad_accum: int = 1
    sft_max_length: int = 1024
    sft_weight_decay: float = 0.0
    sft_warmup_steps: int = 0
    sft_packing: bool = False
    # GRPO
    grpo_max_steps: int = 20
    grpo_lr: float = 5e-5
    grpo_min_lr: float = 0.0
    grpo_batch_size: int = 8         # completions per optimiser micro-step
    grpo_grad_accum: int = 1
    grpo_steps_per_generation: int | None = None   # optimizer steps sampled at once (None: TRL's default, grpo_grad_accum)
    num_generations: int = 4
    max_completion_length: int = 256
    temperature: float = 1.0
    top_p: float = 0.95
    top_k: int = 64
    loss_type: str = "bnpo"
    reward: str = "paper"            # "paper": dagger_reward; "grounded": format/execution credit only for the problem's numbers (notebook 04); "readable": grounded, and none for a graph the executor cannot read
    beta: float = 0.0
    epsilon: float = 0.2
    epsilon_high: float = 0.28
    mask_truncated_completions: bool = True
    vllm: bool = False               # GRPO samples through TRL's vLLM integration (colocate mode) when vLLM and CUDA are there
    grpo_warmup_steps: int = 0
    grpo_weight_decay: float = 0.01
    # precision and bookkeeping
    precision: str = "auto"          # "auto": bf16 on GPUs that compute in it natively (compute capability ≥ 8), fp16 on
                                     # older GPUs (T4), fp32 on CPU; or "bf16" / "fp16" / "fp32". The run records what was used.
    gradient_checkpointing: bool = False
    logging_steps: int = 1
    save_steps: int = 25
    # evaluation (the lab reads these)
    n_eval: int = 32                 # held-out problems per set (clean and distracted twins)
    eval_batch_size: int = 8
    eval_max_new_tokens: int = 256

    def __post_init__(self):
        types = _field_types()                   # 1 -> 1.0 for float settings, lists -> tuples: one value, one spelling
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, _coerce(f.name, getattr(self, f.name), types))
        _validate(self)

    def replace(self, **overrides) -> "Preset":
        "A copy with `overrides` applied; unknown names raise a clear error."
        known = {f.name for f in dataclasses.fields(self)}
        bad = sorted(set(overrides) - known)
        if bad:
            raise SettingError(bad[0], overrides[bad[0]], f"unknown preset setting(s) {bad}; known settings: {sorted(known)}")
        return dataclasses.replace(self, **overrides)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Preset":
        "The preset saved by `to_dict` (e.g. in a run's config.json); settings this version does not know are an error."
        known = {f.name for f in dataclasses.fields(cls)}
        if "bf16" in d or "fp16" in d:   # saved before `precision` existed: the flags become the precision they asked for
            d = dict(d); b, f = d.pop("bf16", False), d.pop("fp16", False)
            d.setdefault("precision", "bf16" if b else "fp16" if f else "auto")
        bad = sorted(set(d) - known)
        if bad:
            raise SettingError(bad[0], d[bad[0]], f"settings {bad} are unknown to this version of dagger_nb "
                               "(the run was made by another version): start a new run")
        return cls(**d)

PRESETS: dict[str, Preset] = {
    # CI and quick mode: a 2-layer random Gemma-3 with the real tokenizer, trimmed vocabulary; seconds.
    # lora_r=0: full fine-tuning (LoRA on a random 2-layer model learns too slowly for CI).
    "tiny": Preset("tiny", model="tiny", trim_vocab=True, max_seq_length=512, prompt_style="system", graph_labels=False, graph_tight=True,
                   n_train=8, distractors=(0, 1), families=("total_two", "difference"),
                   lora_r=0, lora_alpha=32, sft_epochs=1, sft_max_steps=60, sft_lr=1e-2, sft_batch_size=4,
                   sft_max_length=512, grpo_max_steps=3, grpo_lr=1e-4, grpo_batch_size=4, num_generations=4,
                   max_completion_length=128, save_steps=10, n_eval=4, eval_batch_size=4, eval_max_new_tokens=128),
    # The classroom lab (`bash scripts/run.sh lab`): Gemma-3-270M from the bundled GGUF, CPU, trimmed vocabulary, the
    # fewshot completion prompt (the only one the untrained 270M answers with graphs, notebook 05) on eight of the
    # simpler families (CPU_FAMILIES). Tight label-free answers are ~165 tokens (all of 300 under 285): 288-token caps.
    # The smallest setting measured that held claims 1-3 of notebook 09 for seeds 1 and 2, and for seed 0 all but 2a
    # (SFT->GRPO 3.1 points below SFT, p = 0.5); 80-85 minutes on 2 cores. 320 SFT
    # steps on 1280 problems (640 problems and 160 steps gave an SFT model that GRPO made worse, data/lab-cpu-fewshot-seed0),
    # reward="readable" (no credit for graphs the executor cannot read) and 8 GRPO steps of 2 problems x 8 completions
    # (4 completions let seed 0's GRPO from base fail the format more often, data/lab-cpu-fewshot-readable-seed0-base);
    # 64 clean and 64 distracted held-out problems in one evaluation batch. Runs: data/lab-cpu-example (seed 0),
    # data/lab-cpu-fewshot-readable-ng8-seed1 and -seed2.
    "cpu": Preset("cpu", model="gemma-3-270m", trim_vocab=True, max_seq_length=1024, prompt_style="fewshot",
                  graph_labels=False, graph_tight=True, n_train=1280, distractors=(0, 2), families=CPU_FAMILIES,
                  lora_r=16, lora_alpha=32, sft_epochs=1, sft_max_steps=320, sft_lr=1e-3, sft_batch_size=4,
                  sft_max_length=1024, grpo_max_steps=8, grpo_lr=2e-5, grpo_batch_size=16, grpo_steps_per_generation=2,
                  num_generations=8, max_completion_length=288, reward="readable", save_steps=16, n_eval=64,
                  eval_batch_size=64, eval_max_new_tokens=288),
    # The short variant, and what notebooks run on a CPU: the chat prompt, 160 SFT steps on 640 problems, 3 GRPO steps,
    # 12 problems per set; about 22 minutes for the lab (data/lab-cpu-quick-example). SFT teaches the format; GRPO from
    # base gets no reward with this prompt, so it shows none of claims 1-3 (notebook 09).
    "cpu-quick": Preset("cpu-quick", model="gemma-3-270m", trim_vocab=True, max_seq_length=768, graph_labels=False,
                        graph_tight=True, n_train=640, distractors=(0, 2), families=CPU_FAMILIES,
                        lora_r=16, lora_alpha=32, sft_epochs=1, sft_max_steps=160, sft_lr=1e-3, sft_batch_size=4,
                        sft_max_length=768, grpo_max_steps=3, grpo_lr=2e-5, grpo_batch_size=4, grpo_steps_per_generation=3,
                        num_generations=4, max_completion_length=288, save_steps=16, n_eval=12, eval_batch_size=24,
                        eval_max_new_tokens=288),
    # Colab T4 (15 GB): Gemma-3-4B-it in 4-bit through Unsloth, LoRA. precision "auto": fp16 autocast with Unsloth's fp32
    # guard on a T4 (no native bf16), bf16 on an L4 or A100 (where Unsloth loads Gemma-3 in bf16 and refuses fp16).
    # Sized so that the whole lab (notebook 09) fits one free Colab session: about 68 minutes on a T4 by the estimates
    # in notebook 09, which derive from Unsloth's published step times (not measured here yet): 30 SFT steps of
    # 8 sequences, 6 GRPO steps of 2 prompts x 4 completions per arm, 16 held-out problems (32 with the twins).
    "colab-t4": Preset("colab-t4", model="unsloth/gemma-3-4b-it", load_in_4bit=True, max_seq_length=2048,
                       prompt_style="paper", n_train=240, lora_r=16, lora_alpha=32, sft_epochs=1, sft_lr=2e-4,
                       sft_batch_size=2, sft_grad_accum=4, sft_max_length=2048, grpo_max_steps=6, grpo_lr=5e-6,
                       grpo_batch_size=8, num_generations=4, max_completion_length=384, grpo_warmup_steps=0,
                       gradient_checkpointing=True, save_steps=10, n_eval=16,
                       eval_batch_size=16, eval_max_new_tokens=384),
    # The paper's table (spec): global SFT batch 256, GRPO batch 32 with 8 generations.
    "paper": Preset("paper", model="unsloth/gemma-3-4b-it", max_seq_length=4096, prompt_style="paper", n_train=3000,
                    distractors=(0, 3), lora_r=64, lora_alpha=128, sft_epochs=4, sft_lr=1e-5, sft_min_lr=1e-6,
                    sft_batch_size=8, sft_grad_accum=32, sft_max_length=4096, sft_weight_decay=0.001, sft_packing=True,
                    grpo_max_steps=500, grpo_lr=1e-5, grpo_min_lr=1e-6, grpo_batch_size=8, grpo_grad_accum=4,
                    num_generations=8, max_completion_length=1024, grpo_warmup_steps=20, grpo_weight_decay=0.01, vllm=True,
                    gradient_checkpointing=True, save_steps=50, n_eval=1000, eval_batch_size=32,
                    eval_max_new_tokens=1024),
}

def get_preset(name: str | Preset = "cpu", **overrides) -> Preset:
    "The preset called `name` (or a `Preset`), with any setting overridden by keyword."
    if isinstance(name, Preset):
        return name.replace(**overrides) if overrides else name
    if name not in PRESETS:
        raise SettingError("preset", name, f"unknown preset {name!r}; choose one of {sorted(PRESETS)}")
    return PRESETS[name].replace(**overrides) if overrides else PRESETS[name]

def check_families(p: Preset) -> Preset:
    "Refuse family names the synthetic generator does not know (checked where data is made, so importing presets stays light)."
    if p.families:
        from dagger_nb.synth import FAMILIES
        if bad := [f for f in p.families if f not in FAMILIES]:
            raise SettingError("families", p.families, f"families: unknown {bad}; choose from {', '.join(sorted(FAMILIES))}")
    return p

def setting_types() -> dict:
    "The type of every preset setting as declared (`float` for `sft_epochs` even where a preset writes 1): what the CLI parses."
    return {k: _base_type(t) for k, t in _field_types().items() if k != "name"}

def preset_settings(name: str = "cpu") -> dict:
    "Every setting of preset `name` that can be overridden, with its value (all fields but the preset's own name)."
    return {k: v for k, v in get_preset(name).to_dict().items() if k != "name"}

def gpu_info() -> tuple[float, tuple[int, int]] | None:
    "GPU 0's memory in GiB and compute capability, e.g. `(14.7, (7, 5))` on a T4; None without CUDA."
    try:
        import torch
        if not torch.cuda.is_available(): return None
        props = torch.cuda.get_device_properties(0)
        return props.total_memory / 2**30, (props.major, props.minor)
    except Exception:
        return None

GPU_PRESET_NEEDS = (14.0, (7, 0))   # colab-t4: Gemma-3-4B in 4-bit with LoRA fits 14 GiB; Unsloth needs compute capability 7.0+

def notebook_preset() -> str:
    """The preset a notebook should run: `$DAGGER_PRESET`; else `colab-t4` on a GPU with the memory and capability it needs;
    else `cpu-quick` (the notebooks' runs stay minutes long on a laptop; `bash scripts/run.sh lab` runs the longer `cpu`)."""
    env = os.environ.get("DAGGER_PRESET", "").strip()
    if env:
        if env not in PRESETS:
            raise SettingError("DAGGER_PRESET", env, f"DAGGER_PRESET={env!r} is not a preset; use one of {sorted(PRESETS)}")
        return env
    gpu = gpu_info()
    if gpu is None: return "cpu-quick"
    (mem, cc), (need_mem, need_cc) = gpu, GPU_PRESET_NEEDS
    if mem >= need_mem and cc >= need_cc: return "colab-t4"   # its precision "auto" picks fp16 on a T4, bf16 on an L4/A100
    print(f"notebook_preset: this GPU ({mem:.1f} GiB, compute capability {cc[0]}.{cc[1]}) is below what colab-t4 needs "
          f"({need_mem:g} GiB, {need_cc[0]}.{need_cc[1]}); using the cpu-quick preset (270M model). Set DAGGER_PRESET to choose another.")
    return "cpu-quick"